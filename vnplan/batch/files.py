"""Finding the plan files of a batch (tìm tệp): arguments in order, folders walked sorted, each file once."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from vnplan.errors import InputError, UsageError

#: File suffixes a folder walk picks up (case-insensitive).
SUFFIXES: tuple[str, ...] = (".docx", ".pdf", ".txt", ".md")


def _wanted(name: str) -> bool:
    if name.startswith((".", "~$")):  # hidden files, Word lock files
        return False
    return os.path.splitext(name)[1].lower() in SUFFIXES


def iter_plan_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """The plan files under ``paths``, deterministically: arguments in order, folders walked sorted.

    A file named explicitly is taken whatever its suffix; inside folders only ``SUFFIXES``
    count, hidden files and folders and Word lock files (``~$…``) are skipped. A file reached
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
    """Refuse a report or register file that is one of the plans, the same file as the other, or (for a
    report named like a plan) inside a folder being checked, where the next run would take it for a plan.

    ``-`` (standard output) is never a file. Raises :class:`~vnplan.errors.UsageError`.
    """
    inputs = {os.path.realpath(f) for f in files}
    for target, what in ((report, "report"), (register, "register")):
        if target and target != "-" and os.path.realpath(target) in inputs:
            raise UsageError(f"the {what} file {target!r} is one of the plans to check", hint="write it elsewhere")
    if report and register and report != "-" and os.path.realpath(report) == os.path.realpath(register):
        raise UsageError("the report and the register are the same file")
    if report and report != "-" and Path(report).suffix.lower() in SUFFIXES:
        out = os.path.realpath(report)
        for folder in (os.path.realpath(p) for p in paths if os.path.isdir(p)):
            if out.startswith(folder + os.sep):
                raise UsageError(f"the report {report!r} would be taken for a plan by the next run of this folder",
                                 hint="write it outside the folders you check, or as .json/.csv/.html")


__all__ = ["SUFFIXES", "check_targets", "iter_plan_files"]
