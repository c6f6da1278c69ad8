"""Running the worker over many files (chạy song song): in this process, or through any Executor.

The policy: without an executor, one job or fewer than :data:`SMALL_BATCH` files are checked
in this process (starting worker processes costs more than checking a handful of plans);
otherwise a process pool is created. Work goes through a bounded window so memory stays flat,
results come back in file order, and a task that dies becomes error rows, not the end of the run.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from itertools import chain, islice

from vnplan.batch.result import Options, check_file, error_result
from vnplan.results import PlanResult

#: Below this many files, and without ``jobs`` or an executor, plans are checked in this process.
SMALL_BATCH = 8


def run(
    files: Iterator[str],
    options: Options,
    executor: cf.Executor | None,
    jobs: int | None,
    window: int | None,
    chunksize: int,
) -> Iterator[PlanResult]:
    """The results of ``files`` in file order, in this process or through a pool (see the module's policy)."""
    if executor is None and jobs is None:
        head = list(islice(files, SMALL_BATCH))
        files = chain(head, files)
        if len(head) < SMALL_BATCH:
            jobs = 1
    if executor is None and jobs == 1:
        return (check_file(p, options) for p in files)
    return _run_pool(files, options, executor, jobs, window, chunksize)


def _workers_of(executor: cf.Executor | None, jobs: int | None) -> int:
    n = getattr(executor, "_max_workers", None) if executor is not None else None
    return max(1, int(n or jobs or os.cpu_count() or 1))


def _check_many(paths: tuple[str, ...], options: Options) -> list[PlanResult]:
    """A chunk of files in one task (less pickling and scheduling per file)."""
    return [check_file(p, options) for p in paths]


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which cancels what is pending and stops cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _mp_context():  # type: ignore[no-untyped-def]
    """``forkserver`` where the platform has it: forking a process that runs threads (a progress
    bar's refresher, a caller's threads) can deadlock the child; Python 3.14 makes it the default."""
    try:
        return mp.get_context("forkserver")
    except ValueError:  # Windows: spawn is the only method and already the default
        return None


def _chunks(files: Iterator[str], size: int) -> Iterator[tuple[str, ...]]:
    chunk: list[str] = []
    for f in files:
        chunk.append(f)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


def _own_pool(jobs: int | None) -> cf.Executor:
    return cf.ProcessPoolExecutor(max_workers=_workers_of(None, jobs), mp_context=_mp_context(),
                                  initializer=_worker_init)


class _Pool:
    """The executor in use; vnplan's own is replaced when one of its workers dies."""

    def __init__(self, executor: cf.Executor | None, make: Callable[[], cf.Executor]) -> None:
        self.own = executor is None
        self.make = make
        self.executor = executor if executor is not None else make()

    def submit(self, chunk: tuple[str, ...], options: Options) -> cf.Future[list[PlanResult]] | BaseException:
        try:
            return self.executor.submit(_check_many, chunk, options)
        except Exception as exc:  # a broken pool or a cluster that refuses work
            return exc

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self.make()


def _one_at_a_time(pool: _Pool, suspects: list[str], options: Options) -> Iterator[PlanResult]:
    """After a worker died: the files that were in flight, one at a time in a fresh pool, so only the culprit fails again."""
    pool.renew()
    for path in suspects:
        try:
            yield from pool.executor.submit(_check_many, (path,), options).result()
        except cf.process.BrokenProcessPool as again:
            yield error_result(path, again)
            pool.renew()


def _run_pool(
    files: Iterator[str],
    options: Options,
    executor: cf.Executor | None,
    jobs: int | None,
    window: int | None,
    chunksize: int,
    factory: Callable[[], cf.Executor] | None = None,
) -> Iterator[PlanResult]:
    """Submit chunks through a bounded window and yield their results in file order.

    When the pool is vnplan's own and a worker dies (killed for memory, a crash in a native
    library), the pool is replaced and the tasks that were in flight are run again one file
    at a time, so only the file that brings a worker down is reported as an error row.
    """
    pool = _Pool(executor, factory or (lambda: _own_pool(jobs)))
    limit = max(1, window or 4 * _workers_of(pool.executor, jobs))
    pending: deque[tuple[tuple[str, ...], cf.Future[list[PlanResult]] | BaseException]] = deque()
    chunks = _chunks(files, chunksize)
    try:
        while True:
            while len(pending) < limit and (chunk := next(chunks, None)) is not None:
                pending.append((chunk, pool.submit(chunk, options)))
            if not pending:
                return
            chunk, fut = pending.popleft()
            try:
                if isinstance(fut, BaseException):
                    raise fut
                out = fut.result()
            except cf.process.BrokenProcessPool as exc:
                if not pool.own:  # a caller's pool: not ours to replace
                    yield from (error_result(p, exc) for p in chunk)
                    continue
                suspects = [p for c in (chunk, *(c for c, _ in pending)) for p in c]
                pending.clear()
                yield from _one_at_a_time(pool, suspects, options)
                continue
            except Exception as exc:  # the task died: every file of it becomes an error row
                yield from (error_result(p, exc) for p in chunk)
                continue
            yield from out
    finally:
        for _, fut in pending:
            if isinstance(fut, cf.Future):
                fut.cancel()
        if pool.own:
            pool.executor.shutdown(wait=True, cancel_futures=True)


__all__ = ["SMALL_BATCH", "run"]
