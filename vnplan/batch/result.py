"""One file of a batch (một tệp): read, parse and check it into a small PlanResult, never raising.

:func:`check_file` is the worker every executor runs: top-level and picklable, it turns any
failure into a result with ``error`` set, so one bad file never stops a run.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

from attrs import frozen

from vnplan.errors import VnplanError
from vnplan.parse import parse
from vnplan.profiles import resolve
from vnplan.read import read
from vnplan.report import messages
from vnplan.results import PlanResult
from vnplan.rules.runner import check
from vnplan.serialize import citation_summary, header_summary
from vnplan.text import normalize


@frozen
class Options:
    """What every worker needs besides the path (picklable)."""

    profile: Any = None  # a profile name, a path to a profile file, or a Profile object
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    lang: str = "vi"


def unit_of(header: dict[str, Any], path: str) -> tuple[str, str]:
    """The unit a plan belongs to: its issuing authority, else the file's stem."""
    name = normalize(header.get("authority") or "")
    if name:
        return name, "header"
    return Path(path).stem, "file"


def _sha256_of(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def check_file(path: str, options: Options = Options()) -> PlanResult:
    """Read, parse and check one file; never raises (a failure is a result with ``error``).

    Top-level and picklable, so any executor can run it.
    """
    t0 = time.perf_counter()
    path = str(path)
    doc = None
    try:
        doc = read(path)
        plan = parse(doc)
        report = check(plan, select=options.select, ignore=options.ignore, lang=options.lang,
                       profile=None if options.profile is None else resolve(options.profile))
    except Exception as exc:  # VnplanError: a message for the user; anything else: say it is internal
        if isinstance(exc, VnplanError):  # in the language of the run (the row's reason is read by a clerk)
            message = messages.detail(exc, options.lang)
        else:
            message = messages.translate(f"internal error: {type(exc).__name__}: {exc}", options.lang)
        sha = doc.sha256 if doc is not None else _sha256_of(path)
        return PlanResult(
            file=path, unit=Path(path).stem, sha256=sha, format=doc.format if doc is not None else None,
            error=message, error_type=type(exc).__name__, seconds=time.perf_counter() - t0,
        )
    header = header_summary(plan.header)
    unit, source = unit_of(header, path)
    return PlanResult(
        file=path,
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
    )


def error_result(path: str, exc: BaseException) -> PlanResult:
    """A row for a file whose task failed outside the checker (worker died, pickling, cluster)."""
    return PlanResult(
        file=path, unit=Path(path).stem, sha256=_sha256_of(path),
        error=f"the worker could not check this file: {type(exc).__name__}: {exc}",
        error_type=type(exc).__name__,
    )


__all__ = ["Options", "check_file", "error_result", "unit_of"]
