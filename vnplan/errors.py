"""The vnplan exception family: every failure a user can cause says what was wrong and what to do."""

from __future__ import annotations


def one_line(text: str) -> str:
    """``text`` on one line: each line break (with the spaces around it) becomes one space. Messages
    quote other libraries (lxml, pypdf), whose texts may hold line breaks."""
    if "\n" not in text and "\r" not in text and text.isprintable():
        return text
    parts = (part.strip() for part in text.splitlines())
    return " ".join(p for p in parts if p)


class VnplanError(Exception):
    """Base class of every error vnplan raises on purpose.

    ``str(error)`` is a single line fit for a terminal: what was wrong, with which file,
    and what to do about it (line breaks in the message and the hint become spaces).
    """

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        message = one_line(message)
        hint = one_line(hint) if hint else hint
        self.path = path
        self.hint = hint
        self.detail = message
        text = f"{path}: {message}" if path else message
        if hint:
            text = f"{text} ({hint})"
        super().__init__(text)


class InputError(VnplanError):
    """The input cannot be used at all (missing path, a directory, an unreadable file)."""


class EmptyInputError(InputError):
    """The input holds no text (an empty file, only blank lines)."""


class BinaryInputError(InputError):
    """The input is binary data, not text, and no reader recognises its format."""


class EncodingError(InputError):
    """The text is in an encoding vnplan cannot decode reliably (it expects UTF-8 or UTF-16)."""


class UnsupportedFormatError(InputError):
    """The file is of a format vnplan does not read (e.g. a legacy binary .doc)."""


class CorruptFileError(InputError):
    """The file claims a format but its content is broken (truncated zip, malformed XML)."""


class EncryptedFileError(InputError):
    """The file is password-protected."""


class UnsafeFileError(InputError):
    """The file could harm the reader (zip bomb, XML external entities) and was refused."""


class LimitExceededError(InputError):
    """The input goes past one of the reading limits (``vnplan.read.limits``): too large, too many
    paragraphs, runs, pages… Real documents stay far below them; the message names the limit."""


class NeedsOCRError(InputError):
    """A PDF has no text layer (a scan): it must go through OCR first."""


class NotAPlanError(VnplanError):
    """The text was read but does not look like an administrative document at all."""


class DataFileError(VnplanError):
    """A data file shipped inside vnplan (vocabulary, profile, schema) is missing or unreadable:
    the installation is broken."""


class ProfileError(VnplanError):
    """A requirement profile is missing, unknown or invalid."""


class MissingExtraError(VnplanError, ImportError):
    """A feature needs an optional extra that is not installed (``pip install "vnplan[nlp]"``)."""


class UsageError(VnplanError):
    """The API or the command line was called with arguments that do not fit."""
