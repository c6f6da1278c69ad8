"""Finding the files of a batch (tìm tệp): arguments in order, folders walked sorted, each file once.

Every file of a folder is a row of the report: read and checked when vnplan can read it, a row
saying why not (an unsupported format, with the hint) when it cannot. Only hidden files and the
litter programs leave beside documents (lock and temporary files, thumbnail caches) are skipped.
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


def _wanted(name: str) -> bool:
    """Every file but hidden ones (``.DS_Store``, ``.~lock.x.docx#``), Office lock and temporary files
    (``~$name.docx``, ``~WRL0001.tmp``) and :data:`LITTER`."""
    low = name.lower()
    if name.startswith((".", "~$")) or low in LITTER:
        return False
    return not (name.startswith("~") and low.endswith(".tmp"))


def iter_plan_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """The plan files under ``paths``, deterministically: arguments in order, folders walked sorted.

    A file named explicitly is taken whatever its name; inside folders every file counts but
    hidden files and folders, Office lock and temporary files (``~$…``, ``~….tmp``) and the
    folder litter of :data:`LITTER`. A file reached
    twice is yielded once. A path that does not exist is an :class:`InputError`; a broken
    symbolic link is yielded (it is reported as unreadable), a pipe or device inside a folder is not.
    """
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(p):
            raise InputError("no such file or folder", path=str(raw))
        if p.is_file() or not p.exists():  # a broken link is a plan that cannot be read
            candidates: Iterable[str] = (str(p),)
        else:
            candidates = _walk(str(p))
        for c in candidates:
            key = os.path.realpath(c)
            if key not in seen:
                seen.add(key)
                yield c


def _walk(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if _wanted(name):
                path = os.path.join(dirpath, name)
                # a pipe or device named like a plan would block or never end: only regular files,
                # and broken links (reported as unreadable rather than dropped unseen)
                if os.path.isfile(path) or not os.path.exists(path):
                    yield path


def check_targets(paths: Iterable[str], files: Iterable[str], *, report: str | None = None,
                  register: str | None = None) -> None:
    """Refuse a report or register file that is one of the plans, the same file as the other, or inside
    a folder being checked, where the next run would take it for a plan (every file there is a row).

    ``-`` (standard output) is never a file. Raises :class:`~vnplan.errors.UsageError`.
    """
    inputs = {os.path.realpath(f) for f in files}
    for target, what in ((report, "report"), (register, "register")):
        if target and target != "-" and os.path.realpath(target) in inputs:
            raise UsageError(f"the {what} file {target!r} is one of the plans to check", hint="write it elsewhere")
    if report and register and report != "-" and os.path.realpath(report) == os.path.realpath(register):
        raise UsageError("the report and the register are the same file")
    folders = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    for target, what in ((report, "report"), (register, "register")):
        if not target or target == "-" or not _wanted(Path(target).name):
            continue
        out = os.path.realpath(target)
        if any(out.startswith(folder + os.sep) for folder in folders):
            raise UsageError(f"the {what} {target!r} would be taken for a plan by the next run of this folder "
                             "(every file of a checked folder is a row)", hint="write it outside the folders you check")


__all__ = ["LITTER", "SUFFIXES", "check_targets", "iter_plan_files"]
