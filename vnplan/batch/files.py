"""Finding the files of a batch (tìm tệp): arguments in order, folders walked sorted, each file once.

Every file of a folder is a row of the report: read and checked when vnplan can read it, a row
saying why not (an unsupported format, with the hint) when it cannot. Only hidden files and the
litter programs leave beside documents (lock and temporary files, thumbnail caches) are skipped.

Paths stay what the operating system gave: a name that is not valid UTF-8 is a ``str`` holding
surrogate escapes (``os.fsdecode``), which every file function accepts, and it is read from its
path, never taken for text. :func:`display_path` is the form a report shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from vnplan.errors import InputError, UsageError

#: Suffixes of the documents vnplan reads (case-insensitive); .doc, .rtf, .odt and .wps through LibreOffice.
SUFFIXES: tuple[str, ...] = (".docx", ".pdf", ".txt", ".md", ".doc", ".rtf", ".odt", ".wps")
#: Files a folder walk skips silently, besides hidden ones (``.name``): what Windows and macOS leave in
#: folders (thumbnail caches, folder settings), compared case-insensitively.
LITTER: frozenset[str] = frozenset({"thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", "icon\r"})

# Characters a file name may hold that must not reach a report or a terminal as they are:
# C0 and C1 controls, DEL, and the bidirectional marks and overrides (a name could show
# "txt.exe" as "exe.txt"). Each is written as a Python escape.
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape_char(ch: str) -> str:
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogate escape)
        return f"\\x{o - 0xDC00:02x}"
    if ch in _SHORT:
        return _SHORT[ch]
    if o < 0x20 or 0x7F <= o <= 0x9F:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}"  # a bidi mark, or a lone surrogate that is no escaped byte


def _needs_escape(ch: str) -> bool:
    o = ord(ch)
    return o < 0x20 or 0x7F <= o <= 0x9F or 0xD800 <= o <= 0xDFFF or ch in _BIDI


def display_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name as a report shows it: valid UTF-8 text on one line, with nothing a terminal acts on.

    Bytes that are not UTF-8 become ``\\xNN``, control characters ``\\n``, ``\\t``, ``\\x1b``…,
    bidirectional marks ``\\u202e``…; every other character, Vietnamese included, is kept.
    An ordinary name is returned unchanged. The result names the file for a reader; open the
    file through the path you have, not through this text.
    """
    s = os.fsdecode(os.fspath(path))
    if not any(_needs_escape(ch) for ch in s):
        return s
    return "".join(_escape_char(ch) if _needs_escape(ch) else ch for ch in s)


def _wanted(name: str) -> bool:
    """Every file but hidden ones (``.DS_Store``, ``.~lock.x.docx#``), Office lock and temporary files
    (``~$name.docx``, ``~WRL0001.tmp``) and :data:`LITTER`."""
    low = name.lower()
    if name.startswith((".", "~$")) or low in LITTER:
        return False
    return not (name.startswith("~") and low.endswith(".tmp"))


def iter_plan_files(paths: Iterable[str | bytes | os.PathLike[str] | os.PathLike[bytes]]) -> Iterator[str]:
    """The plan files under ``paths``, deterministically: arguments in order, folders walked sorted.

    A file named explicitly is taken whatever its name; inside folders every file counts but
    hidden files and folders, Office lock and temporary files (``~$…``, ``~….tmp``) and the
    folder litter of :data:`LITTER`. A file reached
    twice is yielded once. A path that does not exist is an :class:`InputError`; a broken
    symbolic link is yielded (it is reported as unreadable), a pipe or device inside a folder is not.
    A folder that cannot be listed (no permission, gone during the walk) is yielded too, where
    the walk met it: the checker reports it as a row that could not be read.
    """
    seen: set[str] = set()
    for raw in paths:
        p = Path(os.fsdecode(raw))  # bytes too: a name that is not UTF-8 stays the same file
        if not os.path.lexists(p):
            raise InputError("no such file or folder", path=display_path(raw))
        if p.is_file() or not p.exists():  # a broken link is a plan that cannot be read
            candidates: Iterable[str] = (os.fspath(p),)
        else:
            candidates = _walk(os.fspath(p))
        for c in candidates:
            key = os.path.realpath(c)
            if key not in seen:
                seen.add(key)
                yield c


def _walk(root: str) -> Iterator[str]:
    unreadable: list[str] = []

    def note(exc: OSError) -> None:
        if not isinstance(exc, NotADirectoryError):  # a pipe or device named as an argument: nothing to walk
            unreadable.append(exc.filename if isinstance(exc.filename, str) else root)

    for dirpath, dirnames, filenames in os.walk(root, onerror=note):
        yield from unreadable
        unreadable.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if _wanted(name):
                path = os.path.join(dirpath, name)
                # a pipe or device named like a plan would block or never end: only regular files,
                # and broken links (reported as unreadable rather than dropped unseen)
                if os.path.isfile(path) or not os.path.exists(path):
                    yield path
    yield from unreadable


def check_targets(paths: Iterable[str], files: Iterable[str], *, report: str | None = None,
                  register: str | None = None) -> None:
    """Refuse a report or register file that is one of the plans, the same file as the other, or inside
    a folder being checked, where the next run would take it for a plan (every file there is a row).

    ``-`` (standard output) is never a file. Raises :class:`~vnplan.errors.UsageError`.
    """
    inputs = {os.path.realpath(f) for f in files}
    for target, what in ((report, "report"), (register, "register")):
        if target and target != "-" and os.path.realpath(target) in inputs:
            raise UsageError(f"the {what} file {display_path(target)!r} is one of the plans to check",
                             hint="write it elsewhere")
    if report and register and report != "-" and os.path.realpath(report) == os.path.realpath(register):
        raise UsageError("the report and the register are the same file")
    folders = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    for target, what in ((report, "report"), (register, "register")):
        if not target or target == "-" or not _wanted(Path(target).name):
            continue
        out = os.path.realpath(target)
        if any(out.startswith(folder + os.sep) for folder in folders):
            raise UsageError(f"the {what} {display_path(target)!r} would be taken for a plan by the next run of "
                             "this folder (every file of a checked folder is a row)",
                             hint="write it outside the folders you check")


__all__ = ["LITTER", "SUFFIXES", "check_targets", "display_path", "iter_plan_files"]
