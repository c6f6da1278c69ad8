"""Many plans at once (kiểm tra hàng loạt): walk folders, check each file in a worker, stream small results.

:func:`batch` takes any :class:`concurrent.futures.Executor` (a process pool by default, a
thread pool, Dask's ``Client.get_executor()``, Ray's pool…) and yields one
:class:`PlanResult` per file, in the order the files were found. Work is submitted lazily
through a bounded window, so memory stays flat whatever the number of plans. A file that
cannot be read, or that breaks the checker, becomes a result with ``error`` set: the run
never stops for one bad file.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from vnplan.batch import pool
from vnplan.batch.files import SUFFIXES, check_targets, iter_plan_files
from vnplan.batch.result import Options, check_file, unit_of
from vnplan.batch.spool import Spool
from vnplan.errors import InputError, UsageError
from vnplan.profiles import resolve
from vnplan.register import Register
from vnplan.results import PlanResult
from vnplan.results import summary as _summary
from vnplan.rules.registry import select_rules
from vnplan.rules.runner import LANGS


def validate_options(options: Options) -> None:
    """Fail early, once, on arguments every file would fail on (unknown rule ids, language, profile)."""
    if options.lang not in LANGS:
        raise UsageError(f"unknown language {options.lang!r}", hint="use vi or en")
    select_rules(options.select, options.ignore)
    if options.profile is not None:
        resolve(options.profile)


def batch(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    profile: Any = None,
    executor: cf.Executor | None = None,
    jobs: int | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str = "vi",
    register: Any = None,
    progress: Callable[[PlanResult], Any] | None = None,
    window: int | None = None,
    chunksize: int = 1,
) -> Iterator[PlanResult]:
    """Check every plan file under ``paths``; yield one :class:`PlanResult` per file, in file order.

    ``executor``: any :class:`concurrent.futures.Executor`; it is used, never shut down. When
    absent, ``jobs=1`` (or, without ``jobs``, fewer than :data:`~vnplan.batch.pool.SMALL_BATCH`
    files) checks in this process and otherwise a ``ProcessPoolExecutor`` with ``jobs``
    (default: all cores) workers is created and shut down at the end.
    At most ``window`` tasks (default: 4 × workers) are in flight at once, each of
    ``chunksize`` files. ``register`` (a path or a :class:`vnplan.register.Register`) records
    each result as it arrives, one transaction per plan. ``progress`` is called with each
    result. Arguments every file would fail on (unknown rule ids, profile, language) raise
    before any file is read.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    for p in paths:
        if not os.path.lexists(p):  # a broken link found in a folder is reported as unreadable, below
            raise InputError("no such file or folder", path=str(p))
    if jobs is not None and jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    if chunksize < 1:
        raise UsageError(f"chunksize must be at least 1, not {chunksize}")
    options = Options(
        profile=profile,
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) if ignore is not None else None,
        lang=lang,
    )
    validate_options(options)
    if isinstance(profile, str) and os.path.isfile(profile):
        # a profile file is loaded here and sent as an object: remote workers may not see the file
        options = attrs.evolve(options, profile=resolve(profile))
    reg, own_reg = None, False
    if register is not None:
        if isinstance(register, Register):
            reg = register
        else:
            reg, own_reg = Register(register), True
    return _iterate(iter_plan_files(paths), options, executor, jobs, window, chunksize, reg, own_reg, progress)


def _iterate(
    files: Iterator[str],
    options: Options,
    executor: cf.Executor | None,
    jobs: int | None,
    window: int | None,
    chunksize: int,
    reg: Register | None,
    own_reg: bool,
    progress: Callable[[PlanResult], Any] | None,
) -> Iterator[PlanResult]:
    try:
        for result in pool.run(files, options, executor, jobs, window, chunksize):
            if reg is not None:
                reg.record(result)
            if progress is not None:
                progress(result)
            yield result
    finally:
        if own_reg and reg is not None:
            reg.close()


def summarize(results: Iterable[PlanResult]) -> dict[str, Any]:
    """Counts over a batch: plans, units, compliant units, failing and unreadable plans, most-missed requirements."""
    return _summary(results)


__all__ = [
    "SUFFIXES",
    "Options",
    "Spool",
    "batch",
    "check_file",
    "check_targets",
    "iter_plan_files",
    "summarize",
    "unit_of",
]
