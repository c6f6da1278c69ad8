"""Readers: turn a file (or text) into a SourceDocument of blocks. They know nothing about plans."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import attrs

from vnplan.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    PatternTimeoutError,
    UnsupportedFormatError,
)
from vnplan.model import SourceDocument
from vnplan.read import kinds, legacy, limits, scrambled, unaccented
from vnplan.read.limits import MAX_INPUT_BYTES
from vnplan.read.text import decode, read_text
from vnplan.read.values import scrub

#: Largest input vnplan reads, in bytes (a plan is rarely above a few MB): kept under its old name.
MAX_FILE_BYTES = MAX_INPUT_BYTES

_TEXT_SUFFIXES = {".txt", ".text", ""}


# The readers of .docx (lxml), PDF (pypdf) and Markdown are imported when a file of their
# format comes (lazy imports, docs/design.md): a run on plain text never loads them.
def read_docx(data: bytes, *, path: str | None = None) -> SourceDocument:
    from vnplan.read.docx import read_docx as reader

    return reader(data, path=path)


def read_pdf(data: bytes, *, path: str | None = None) -> SourceDocument:
    from vnplan.read.pdf import read_pdf as reader

    return reader(data, path=path)


def read_markdown(text: str, *, path: str | None = None) -> SourceDocument:
    from vnplan.read.markdown import read_markdown as reader

    return reader(text, path=path)


def looks_like_path(source: str) -> bool:
    """A string is taken as a path when it is one line, short, and names a file or a known suffix."""
    if "\n" in source or len(source) > 4096 or not source.strip():  # "" would name the current folder
        return False
    if source == "-":
        return True
    p = Path(source)
    try:
        exists = p.exists()
    except (OSError, ValueError):  # a name too long for the file system, or holding NUL: text
        exists = False
    return exists or p.suffix.lower() in {".txt", ".md", ".docx", ".pdf", ".doc", ".text", ".markdown", ".rtf",
                                          ".odt", ".wps"}


def read(source: str | os.PathLike[str] | bytes, *, format: str | None = None) -> SourceDocument:
    """Read a path, raw bytes or a text string into a :class:`SourceDocument`.

    A ``str`` that is a single line naming an existing file (or ending in a known suffix) is
    a path; any other ``str`` is the text itself.
    """
    return _scrambled_warning(_clean_warnings(_read(source, format=format)))


def _clean_warnings(doc: SourceDocument) -> SourceDocument:
    """The document with no lone surrogate in its warnings. Every reader returns through
    :func:`~vnplan.read.values.clean_document`; what is added after it is the digest and warnings
    (a legacy encoding's, a conversion's): only those warnings are looked at again."""
    if all(map(str.isprintable, doc.warnings)):  # a surrogate is never printable
        return doc
    return attrs.evolve(doc, warnings=tuple(scrub(w) for w in doc.warnings))


def _scrambled_warning(doc: SourceDocument) -> SourceDocument:
    """The document with a warning when its text looks scrambled (read/scrambled.py): words cut
    where a letter is missing, letters glued at line ends; or when it has almost no diacritics
    (read/unaccented.py). Never checked silently."""
    notes = [n for n in (scrambled.warning(b.text for b in doc.blocks), unaccented.warning(b.text for b in doc.blocks))
             if n]
    return attrs.evolve(doc, warnings=(*doc.warnings, *notes)) if notes else doc


def _read(source: str | os.PathLike[str] | bytes, *, format: str | None) -> SourceDocument:
    if isinstance(source, bytes):
        limits.check_input_bytes(len(source), path=None)
        return _read_bytes(source, path=None, suffix=f".{format}" if format else "")
    if isinstance(source, str) and not looks_like_path(source):
        limits.check_text(source, path=None)
        text, warnings = _legacy_text(source)
        doc = _markdown(text) if format in ("md", "markdown") else read_text(text, format=format or "text")
        return attrs.evolve(doc, warnings=doc.warnings + tuple(warnings)) if warnings else doc
    path = Path(source)
    if str(source) == "-":
        data = _read_bounded(sys.stdin.buffer, path="<stdin>")
        return _read_bytes(data, path="<stdin>", suffix=f".{format}" if format else "")
    try:
        exists = path.exists()
    except (OSError, ValueError) as exc:
        raise InputError(f"not a usable file name ({exc.__class__.__name__})", path=str(path)[:200]) from None
    if not exists:
        raise InputError("no such file", path=str(path))
    if path.is_dir():
        raise InputError("is a directory, not a file", path=str(path), hint="give one file; `vnplan batch` takes folders")
    try:
        size = path.stat().st_size  # 0 for devices and pipes: those are bounded while read
        limits.check_input_bytes(size, path=str(path))
        with path.open("rb") as fh:
            data = _read_bounded(fh, path=str(path))
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", path=str(path)) from None
    return _read_bytes(data, path=str(path), suffix=path.suffix.lower() if not format else f".{format}")


def _read_bounded(fh, *, path: str) -> bytes:  # type: ignore[no-untyped-def]
    """At most :data:`MAX_INPUT_BYTES` from a file, a pipe or a device; one byte more is an error,
    so ``/dev/zero`` or an endless standard input stops there instead of filling the memory."""
    chunks: list[bytes] = []
    got = 0
    most = limits.MAX_INPUT_BYTES
    while got <= most:
        chunk = fh.read(min(1 << 20, most + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    if got > most:
        raise limits.exceeded("input too large", most, "MAX_INPUT_BYTES", path=path,
                              hint=limits.INPUT_HINT)
    return b"".join(chunks)


def _markdown(text: str) -> SourceDocument:
    return read_markdown(text)


def _read_bytes(data: bytes, *, path: str | None, suffix: str) -> SourceDocument:
    digest = hashlib.sha256(data).hexdigest()
    try:
        doc = _dispatch(data, path=path, suffix=suffix)
    except PatternTimeoutError as exc:  # the last guard of vnplan.pattern: name the file
        raise exc.at(path) from None
    return attrs.evolve(doc, sha256=digest)


def _dispatch(data: bytes, *, path: str | None, suffix: str) -> SourceDocument:
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path)
    head = data[:8]
    kind = kinds.kind_of(data, suffix, path=path)  # .doc, .rtf, .odt, .wps: through LibreOffice
    if kind is not None:
        return _converted(data, kind, path=path)
    if head.startswith(b"PK\x03\x04") and suffix == ".zip":
        raise UnsupportedFormatError("this is a zip archive, not a text document", path=path,
                                     hint=_OTHER_HINTS["archive"])
    if head.startswith(b"PK\x03\x04") or suffix == ".docx":
        return read_docx(data, path=path)
    if head.startswith(b"%PDF") or suffix == ".pdf":
        return read_pdf(data, path=path)
    _refuse_other_formats(data, path=path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInputError("the file is binary, not text", path=path, hint="vnplan reads .txt, .md, .docx, .pdf, and through LibreOffice .doc, .rtf, .odt")
    warnings: list[str] = []
    try:
        text, _ = decode(data, path)
    except EncodingError:
        found = legacy.decode_legacy_bytes(data)
        if found is None:
            raise
        text, enc = found
        warnings.append(_legacy_warning(enc, "8-bit file"))
    else:
        text, more = _legacy_text(text)
        warnings.extend(more)
    limits.check_text(text, path=path)
    if suffix in (".md", ".markdown"):
        doc = read_markdown(text, path=path)
    else:
        doc = read_text(text, path=path)
    return attrs.evolve(doc, warnings=doc.warnings + tuple(warnings)) if warnings else doc


#: Files that are not documents, by their first bytes: (magic, what it is, what to do).
_OTHER_FORMATS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "a JPEG image", "scan"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "scan"),
    (b"GIF87a", "a GIF image", "scan"),
    (b"GIF89a", "a GIF image", "scan"),
    (b"II*\x00", "a TIFF image", "scan"),
    (b"MM\x00*", "a TIFF image", "scan"),
    (b"Rar!\x1a\x07", "a RAR archive", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "archive"),
    (b"\x1f\x8b", "a gzip-compressed file", "archive"),
)
_OTHER_HINTS = {
    "scan": "if it is a scanned document, make a PDF of it and run OCR first: img2pdf, then ocrmypdf -l vie",
    "archive": "extract the documents from it and check them",
}


def _refuse_other_formats(data: bytes, *, path: str | None) -> None:
    """An image or an archive is an :class:`UnsupportedFormatError` naming what it is (not "binary")."""
    found = next(((what, how) for magic, what, how in _OTHER_FORMATS if data.startswith(magic)), None)
    if found is None and data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        found = ("a WebP image", "scan")
    if found is not None:
        raise UnsupportedFormatError(f"this is {found[0]}, not a text document", path=path, hint=_OTHER_HINTS[found[1]])


def _converted(data: bytes, kind: str, *, path: str | None) -> SourceDocument:
    """A .doc, .rtf, .odt or .wps file converted to .docx by LibreOffice and read as .docx; the
    document keeps its own path and format (``doc``…), and a warning says it was converted."""
    from vnplan.read import office  # lazy: only to convert (docs/design.md)

    doc = read_docx(office.to_docx(data, kind, path=path), path=path)
    note = (f"tệp {kind} đã được LibreOffice chuyển sang .docx để đọc / "
            f"the .{kind} file was converted to .docx with LibreOffice to be read")
    return attrs.evolve(doc, format=kind, warnings=(note, *doc.warnings))


def _legacy_warning(encoding: str, how: str) -> str:
    if encoding == legacy.CP1258:
        return (f"văn bản lưu bằng bảng mã Windows-1258 (ANSI) đã được chuyển sang Unicode; hãy kiểm tra lại / "
                f"text saved as Windows-1258 (\"ANSI\", {how}) was converted to Unicode; check it")
    return (f"văn bản gõ bằng bảng mã {encoding} đã được chuyển sang Unicode; hãy kiểm tra lại / "
            f"text in the legacy {encoding} encoding ({how}) was converted to Unicode; check it")


def _legacy_text(text: str) -> tuple[str, list[str]]:
    """Text whose characters are TCVN3 or VNI codes shown as Latin-1, converted to Unicode."""
    enc = legacy.detect(text)
    if enc is None:
        return text, []
    return legacy.convert(text, enc), [_legacy_warning(enc, "detected by character statistics")]


__all__ = ["read", "read_text", "SourceDocument", "MAX_FILE_BYTES", "MAX_INPUT_BYTES", "looks_like_path"]
