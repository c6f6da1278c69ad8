"""Which legacy office format a file is (.doc, .rtf, .odt, .wps), by its first bytes: what :mod:`vnplan.read` asks of every file.

Kept apart from :mod:`vnplan.read.office`, which converts such a file with LibreOffice and so
imports subprocess, signal and tempfile, and from :mod:`vnplan.read.safety`, which opens .docx
packages (zipfile, lxml): a run on plain text loads neither. The walk of an OLE compound file's
directory lives here for the same reason.
"""

from __future__ import annotations

import struct

from vnplan.errors import EncryptedFileError, UnsupportedFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAMS = ("EncryptionInfo", "EncryptedPackage")


def ole_stream_names(data: bytes) -> list[str] | None:
    """Names in the directory of an OLE compound file (CFB), or None when it cannot be walked."""
    try:
        if len(data) < 512 or not data.startswith(OLE_MAGIC):
            return None
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            return None
        ssize = 1 << shift
        n_fat = struct.unpack_from("<I", data, 0x2C)[0]
        dir_start = struct.unpack_from("<I", data, 0x30)[0]
        difat = list(struct.unpack_from("<109I", data, 0x4C))[: min(n_fat, 109)]

        def sector(i: int) -> bytes:
            off = (i + 1) * ssize
            return data[off : off + ssize]

        fat: list[int] = []
        for s in difat:
            chunk = sector(s)
            fat.extend(struct.unpack(f"<{len(chunk) // 4}I", chunk[: len(chunk) // 4 * 4]))
        names: list[str] = []
        seen: set[int] = set()
        s = dir_start
        while s < 0xFFFFFFFA and s not in seen and len(seen) < 100_000:
            seen.add(s)
            chunk = sector(s)
            for k in range(0, len(chunk) - 127, 128):
                entry = chunk[k : k + 128]
                nlen = struct.unpack_from("<H", entry, 0x40)[0]
                if 2 <= nlen <= 64 and entry[0x42] in (1, 2, 5):
                    names.append(entry[: nlen - 2].decode("utf-16-le", "replace"))
            s = fat[s] if s < len(fat) else 0xFFFFFFFE
        return names
    except (struct.error, IndexError):
        return None


def is_encrypted_ole(data: bytes) -> bool:
    """Whether an OLE compound file is a password-protected Office document (``EncryptionInfo`` and
    ``EncryptedPackage`` streams, found by walking its directory, or by their names if it cannot be walked)."""
    names = ole_stream_names(data)
    if names is None:  # a directory we cannot walk: fall back to looking for the stream names
        return all(n.encode("utf-16-le") in data for n in _ENCRYPTED_STREAMS)
    return all(n in names for n in _ENCRYPTED_STREAMS)


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


__all__ = ["OLE_MAGIC", "is_encrypted_ole", "kind_of", "ole_stream_names"]
