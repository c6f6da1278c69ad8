"""One file of a batch (một tệp): read, parse and check it into a small PlanResult, never raising.

:func:`check_file` is the worker every executor runs on a path: top-level and picklable, it
turns any failure into a result with ``error`` set, so one bad file never stops a run.
:func:`check_content` does the same for a file whose bytes travelled with the task (a cluster
whose workers cannot see the caller's files); both give the same result for the same file.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import frozen

from vnplan.batch.files import display_path
from vnplan.errors import VnplanError
from vnplan.model import SourceDocument
from vnplan.parse import parse
from vnplan.profiles import resolve
from vnplan.read import MAX_FILE_BYTES, read
from vnplan.report import messages
from vnplan.results import PlanResult, without_surrogates
from vnplan.rules.runner import check
from vnplan.serialize import citation_summary, header_summary, unit_of

PathArg = str | bytes | os.PathLike[str] | os.PathLike[bytes]


@frozen
class Options:
    """What every worker needs besides the path (picklable)."""

    profile: Any = None  # a profile name, a path to a profile file, or a Profile object
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    lang: str = "vi"


@frozen
class FileContent:
    """A file's bytes and the name to report it under, to check where the file itself cannot be seen.

    ``failed`` holds the result when the caller could not read the file (it is returned as it is).
    """

    name: str  # as display_path shows it
    suffix: str  # lower case, with its dot ("" for none)
    data: bytes | None = None
    failed: PlanResult | None = None


def _sha256_of(path: PathArg) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except (OSError, ValueError):
        return None


def _folder_error(path: Path) -> str | None:
    """Why a folder met in the walk could not be listed (``None``: this is no folder)."""
    if not path.is_dir():
        return None
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return f"cannot read the folder: {exc.strerror or type(exc).__name__}"
    return "this is a folder, not a file"


def _checked(name: str, t0: float, load: Callable[[], SourceDocument], options: Options,
             sha_of: Callable[[], str | None]) -> PlanResult:
    doc = None
    try:
        doc = load()
        plan = parse(doc)
        report = check(plan, select=options.select, ignore=options.ignore, lang=options.lang,
                       profile=None if options.profile is None else resolve(options.profile))
    except Exception as exc:  # VnplanError: a message for the user; anything else: say it is internal
        if isinstance(exc, VnplanError):  # in the language of the run (the row's reason is read by a clerk)
            message = messages.detail(exc, options.lang)
        else:
            message = messages.translate(f"internal error: {type(exc).__name__}: {exc}", options.lang)
        sha = doc.sha256 if doc is not None else sha_of()
        return without_surrogates(PlanResult(
            file=name, unit=Path(name).stem, sha256=sha, format=doc.format if doc is not None else None,
            error=message, error_type=type(exc).__name__, seconds=time.perf_counter() - t0,
            warnings=doc.warnings if doc is not None else (),
        ))
    header = header_summary(plan.header)
    unit, source = unit_of(header, name)
    return without_surrogates(PlanResult(
        file=name,
        unit=unit,
        unit_source=source,
        sha256=doc.sha256,
        format=doc.format,
        header=header,
        counts=report.counts(),
        findings=tuple(report.findings),
        citations=tuple(citation_summary(c) for c in plan.citations if c.kind != "self"),
        coverage=report.coverage,
        seconds=time.perf_counter() - t0,
        warnings=doc.warnings,
    ))


def check_file(path: PathArg, options: Options = Options()) -> PlanResult:
    """Read, parse and check one file; never raises (a failure is a result with ``error``).

    ``path`` is opened as a path whatever it holds (a newline, bytes that are not UTF-8): it
    is never taken for the text of a plan. The result's ``file`` is :func:`display_path`'s
    form of it, and no string in the result holds a lone surrogate (it could not be written
    to a report or the register). Top-level and picklable, so any executor can run it.
    """
    t0 = time.perf_counter()
    try:
        p = Path(os.fsdecode(os.fspath(path)))
        name = display_path(p)
    except Exception as exc:  # not a path at all (None, an int): still a row, never a crash
        return error_result(repr(path), exc)
    if str(p) == "-":  # a file named "-", not standard input
        p = p.absolute()
    folder = _folder_error(p)
    if folder is not None:
        return PlanResult(file=name, unit=p.name, error=folder, error_type="InputError")
    return _checked(name, t0, lambda: read(p), options, lambda: _sha256_of(p))


def load_content(path: PathArg, options: Options = Options()) -> FileContent:
    """Read a file's bytes to send them with a task (:func:`check_content`).

    A file that cannot be read here (gone, no permission, too large, a folder) is checked
    here, which gives the row :func:`check_file` would, and travels as ``failed``.
    """
    p = Path(os.fsdecode(os.fspath(path)))
    name = display_path(p)
    try:
        if p.is_file() and p.stat().st_size <= MAX_FILE_BYTES:
            return FileContent(name=name, suffix=p.suffix.lower(), data=p.read_bytes())
    except OSError:
        pass
    return FileContent(name=name, suffix=p.suffix.lower(), failed=check_file(p, options))


def check_content(content: FileContent, options: Options = Options()) -> PlanResult:
    """Check a file from its bytes (a remote worker); the same result as :func:`check_file` on the file."""
    if content.failed is not None:
        return content.failed
    t0 = time.perf_counter()
    data = content.data or b""
    fmt = content.suffix[1:] if content.suffix else None
    return _checked(content.name, t0, lambda: read(data, format=fmt), options,
                    lambda: hashlib.sha256(data).hexdigest())


def error_result(path: PathArg, exc: BaseException, *, message: str | None = None) -> PlanResult:
    """A row for a file whose task failed outside the checker (worker died or timed out, pickling, cluster)."""
    try:
        name = display_path(path)
    except Exception:  # noqa: BLE001 - not a path: its repr is still a name for the row
        name, path = display_path(repr(path)), b""
    return without_surrogates(PlanResult(
        file=name, unit=Path(name).stem, sha256=_sha256_of(path) if path else None,
        error=message or f"the worker could not check this file: {type(exc).__name__}: {exc}",
        error_type=type(exc).__name__,
    ))


__all__ = ["FileContent", "Options", "check_content", "check_file", "error_result", "load_content", "unit_of"]
