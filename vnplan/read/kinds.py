"""Which legacy office format a file is (.doc, .rtf, .odt, .wps), by its first bytes: what :mod:`vnplan.read` asks of every file.

Kept apart from :mod:`vnplan.read.office`, which converts such a file with LibreOffice and so
imports subprocess, signal and tempfile: a run on plain text or .docx never loads it.
"""

from __future__ import annotations

from vnplan.errors import EncryptedFileError, UnsupportedFormatError
from vnplan.read.safety import OLE_MAGIC, is_encrypted_ole, ole_stream_names

_ODF_TEXT = b"mimetypeapplication/vnd.oasis.opendocument.text"  # .odt and .ott (text-template)
_ODF_ANY = b"mimetypeapplication/vnd.oasis.opendocument."
_WORD_STREAMS = ("WordDocument",)
_WORKS_STREAMS = ("CONTENTS", "MatOST")
_OTHER_OLE = {"Workbook": "an Excel workbook (.xls)", "Book": "an Excel workbook (.xls)",
              "PowerPoint Document": "a PowerPoint presentation (.ppt)"}


def kind_of(data: bytes, suffix: str, *, path: str | None) -> str | None:
    """The converted format ``data`` is (``doc``, ``rtf``, ``odt``, ``wps``), by content; None for
    any other file. An encrypted Office file is an :class:`EncryptedFileError`; an Excel,
    PowerPoint or other OLE file, or an OpenDocument file that is not text, an
    :class:`UnsupportedFormatError`."""
    if data.startswith(OLE_MAGIC[:4]):
        return _ole_kind(data, suffix, path=path)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if data.startswith(b"PK\x03\x04") and data[30:38] == b"mimetype":
        if data[30:30 + len(_ODF_TEXT)] == _ODF_TEXT:
            return "odt"
        if data[30:30 + len(_ODF_ANY)] == _ODF_ANY:
            raise UnsupportedFormatError("this is an OpenDocument file that is not a text document", path=path,
                                         hint="vnplan reads text documents: .docx, .doc, .odt, .rtf, .pdf, .txt, .md")
    return None


def _ole_kind(data: bytes, suffix: str, *, path: str | None) -> str:
    if is_encrypted_ole(data):
        raise EncryptedFileError(
            "the file is password-protected (an encrypted Office document)", path=path,
            hint="open it in Word, remove the password (File > Info > Protect Document) and save it again",
        )
    names = ole_stream_names(data)
    if names is None:  # a directory that cannot be walked: its suffix, or the stream name in its bytes
        if suffix == ".wps":
            return "wps"
        return "doc"
    if any(n in names for n in _WORD_STREAMS):
        return "wps" if suffix == ".wps" else "doc"  # WPS Office saves Word's format under .wps
    if all(n in names for n in _WORKS_STREAMS) or suffix == ".wps" and "CONTENTS" in names:
        return "wps"
    what = next((w for n, w in _OTHER_OLE.items() if n in names), "an OLE compound file that is not a Word document")
    raise UnsupportedFormatError(f"this is {what}, not a text document", path=path,
                                 hint="vnplan reads text documents: .docx, .doc, .odt, .rtf, .pdf, .txt, .md")


__all__ = ["kind_of"]
