"""Many plans at once (kiểm tra hàng loạt): walk folders, check each file in a worker, stream small results.

:func:`batch` checks in vnplan's own worker processes (:mod:`vnplan.batch.workers`: a time
limit per file, a dead worker costs one row), through any :class:`concurrent.futures.Executor`
(a thread pool, Dask's ``Client.get_executor()``…), or on a cluster named by a URL
(``dask://HOST:PORT``, ``ray://HOST:PORT``: :mod:`vnplan.batch.cluster`, the files' bytes
travelling with the tasks), and yields one :class:`PlanResult` per file, in the order the
files were found. Work is taken lazily through a bounded window, so memory stays flat
whatever the number of plans. A file that cannot be read, breaks the checker, goes over the
time limit or takes its worker down becomes a result with ``error`` set: the run never stops
for one bad file.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import importlib.util
import math
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from vnplan.batch import pool
from vnplan.batch.cluster import open_cluster, parse_url
from vnplan.batch.files import SUFFIXES, check_targets, display_path, iter_plan_files
from vnplan.batch.pool import DEFAULT_TIMEOUT
from vnplan.batch.result import Options, check_content, check_file, load_content, unit_of
from vnplan.batch.spool import Spool
from vnplan.errors import InputError, MissingExtraError, UsageError
from vnplan.profiles import resolve
from vnplan.register import Register
from vnplan.report import messages
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
    paths: Iterable[str | bytes | os.PathLike[str]] | str | bytes | os.PathLike[str],
    *,
    profile: Any = None,
    executor: cf.Executor | str | None = None,
    jobs: int | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str = "vi",
    register: Any = None,
    progress: Callable[[PlanResult], Any] | None = None,
    window: int | None = None,
    chunksize: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    send_content: bool | None = None,
) -> Iterator[PlanResult]:
    """Check every plan file under ``paths``; yield one :class:`PlanResult` per file, in file order.

    ``executor``: any :class:`concurrent.futures.Executor`, used and never shut down; or a
    cluster URL (``dask://HOST:PORT``, ``ray://HOST:PORT``, ``dask://local``, ``ray://local``),
    connected to for the run (a local cluster of ``jobs`` workers is started and stopped).
    Without one, the files are checked in vnplan's own worker processes (``jobs`` of them,
    default: all cores, one for fewer than :data:`~vnplan.batch.pool.SMALL_BATCH` files).
    ``timeout``: seconds one file may take (``None``: no limit); a file over it is an error
    row. Only without a time limit do ``jobs=1`` or a small batch run in this process.
    ``send_content``: read each file here and send its bytes with the task (default: for a
    cluster URL), for workers that cannot see this machine's files.
    At most ``window`` tasks (default: 4 × workers) are in flight at once, each of
    ``chunksize`` files (an executor's tasks; vnplan's own workers take one file at a time).
    ``register`` (a path or a :class:`vnplan.register.Register`) records each result as it
    arrives, one transaction per plan. ``progress`` is called with each result. Arguments
    every file would fail on (unknown rule ids, profile, language, a bad URL) raise before
    any file is read.
    """
    files = _check_arguments(paths, executor, jobs, chunksize, timeout)
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
    content = send_content if send_content is not None else isinstance(executor, str)
    walked = iter_plan_files(files)
    if reg is not None and reg.path != ":memory:":
        walked = _without_register(walked, reg.path)
    return _iterate(walked, options, executor, jobs, window, chunksize, timeout, content,
                    reg, own_reg, progress)


def _without_register(files: Iterator[str], register: str) -> Iterator[str]:
    """The files but the batch's own register and SQLite's files beside it (``-wal``, ``-journal``):
    a register kept in a checked folder is the batch's output, not a plan to check."""
    own = os.path.realpath(register)
    mine = {own, own + "-wal", own + "-shm", own + "-journal"}
    return (f for f in files if os.path.realpath(f) not in mine)


def _check_arguments(
    paths: Iterable[str | bytes | os.PathLike[str]] | str | bytes | os.PathLike[str],
    executor: cf.Executor | str | None,
    jobs: int | None,
    chunksize: int,
    timeout: float | None,
) -> list[str]:
    """The paths as strings, once every argument that would fail all files is checked."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    out = [os.fsdecode(p) for p in paths]  # bytes paths too (names that are not UTF-8)
    for p in out:
        if not os.path.lexists(p):  # a broken link found in a folder is reported as unreadable, below
            raise InputError("no such file or folder", path=display_path(p))
    if jobs is not None and jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    if chunksize < 1:
        raise UsageError(f"chunksize must be at least 1, not {chunksize}")
    if timeout is not None and not (timeout > 0 and math.isfinite(timeout)):
        raise UsageError(f"the time limit must be a positive number of seconds, not {timeout}",
                         hint="None (or --timeout 0 on the command line) for no limit")
    if isinstance(executor, str):
        scheme, _ = parse_url(executor)
        module = "distributed" if scheme == "dask" else "ray"
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(f"{executor} needs {'Dask' if scheme == 'dask' else 'Ray'}",
                                    hint=f'pip install "vnplan[{scheme}]"')
    return out


def _iterate(
    files: Iterator[str],
    options: Options,
    executor: cf.Executor | str | None,
    jobs: int | None,
    window: int | None,
    chunksize: int,
    timeout: float | None,
    send_content: bool,
    reg: Register | None,
    own_reg: bool,
    progress: Callable[[PlanResult], Any] | None,
) -> Iterator[PlanResult]:
    try:
        with contextlib.ExitStack() as stack:
            share = None
            if isinstance(executor, str):
                cluster = stack.enter_context(open_cluster(executor, jobs=jobs))
                executor, share = cluster.executor, cluster.share
                window = window or 4 * cluster.slots
            for result in pool.run(files, options, executor, jobs, window, chunksize, timeout,
                                   send_content=send_content, share=share):
                result = _in_language(result, options.lang)
                if reg is not None:
                    reg.record(result)
                if progress is not None:
                    progress(result)
                yield result
    finally:
        if own_reg and reg is not None:
            reg.close()


def _in_language(result: PlanResult, lang: str) -> PlanResult:
    """The row's reason in the run's language: a row made outside the checker (a time limit, a dead
    worker, a folder that cannot be listed) is written in English where it is made."""
    if not result.error or lang == "en":
        return result
    return attrs.evolve(result, error=messages.translate(result.error, lang))


def summarize(results: Iterable[PlanResult]) -> dict[str, Any]:
    """Counts over a batch: plans, units, compliant units, failing and unreadable plans, most-missed requirements."""
    return _summary(results)


__all__ = [
    "DEFAULT_TIMEOUT",
    "SUFFIXES",
    "Options",
    "Spool",
    "batch",
    "check_content",
    "check_file",
    "check_targets",
    "display_path",
    "iter_plan_files",
    "load_content",
    "summarize",
    "unit_of",
]
