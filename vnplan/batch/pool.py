"""Running the worker over many files (chạy song song): in this process, in vnplan's workers, or through any Executor.

The policy, without an executor: the files are checked in vnplan's own worker processes
(:mod:`vnplan.batch.workers`), ``jobs`` of them (default: every core; one for fewer than
:data:`SMALL_BATCH` files, where more cost more to start than they save), so that a file
over the time limit can be stopped. Only without a time limit do one job, or a small batch
without ``jobs``, run in this process.

Through a caller's executor (a process or thread pool, Dask, Ray) work goes through a bounded
window, results come back in file order, and a task that fails becomes error rows, not the
end of the run. An executor cannot stop a task: a file over the time limit becomes an error
row and the batch goes on without it, while its worker finishes it in the background.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from itertools import chain, islice
from typing import Any

from vnplan.batch import workers as own
from vnplan.batch.result import FileContent, Options, check_content, check_file, error_result, load_content
from vnplan.results import PlanResult

#: Below this many files, and without ``jobs`` or an executor, one worker (or, without a time limit, none) is enough.
SMALL_BATCH = 8

#: Default time limit per file, in seconds (a 300-page text PDF takes about a minute).
DEFAULT_TIMEOUT = 120.0


def run(
    files: Iterator[str],
    options: Options,
    executor: cf.Executor | None,
    jobs: int | None,
    window: int | None,
    chunksize: int,
    timeout: float | None = None,
    *,
    send_content: bool = False,
    share: Callable[[Options], Any] | None = None,
) -> Iterator[PlanResult]:
    """The results of ``files`` in file order (see the module's policy).

    ``send_content``: read each file here and send its bytes with the task (for workers that
    cannot see this machine's files). ``share``: turns the options into what every task is
    given (a cluster can send them to its workers once, e.g. Dask's ``scatter``).
    """
    if executor is None:
        if jobs is None:
            head = list(islice(files, SMALL_BATCH))
            files = chain(head, files)
            if len(head) < SMALL_BATCH:
                jobs = 1
        if jobs == 1 and timeout is None:
            return (check_file(p, options) for p in files)
        return own.run(files, options, workers=jobs or os.cpu_count() or 1, window=window, timeout=timeout)
    return _run_executor(files, options, executor, jobs, window, chunksize, timeout,
                         send_content=send_content, share=share)


def workers_of(executor: cf.Executor | None, jobs: int | None) -> int:
    n = getattr(executor, "_max_workers", None) if executor is not None else None
    return max(1, int(n or jobs or os.cpu_count() or 1))


def _check_many(paths: tuple[str, ...], options: Options) -> list[PlanResult]:
    """A chunk of files in one task (less pickling and scheduling per file)."""
    return [check_file(p, options) for p in paths]


def _check_contents(contents: tuple[FileContent, ...], options: Options) -> list[PlanResult]:
    """A chunk of files whose bytes travelled with the task."""
    return [check_content(c, options) for c in contents]


def _chunks(files: Iterator[str], size: int) -> Iterator[tuple[str, ...]]:
    chunk: list[str] = []
    for f in files:
        chunk.append(f)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


class _Task:
    """A chunk of files submitted to the executor (or the exception its submission raised)."""

    __slots__ = ("chunk", "future", "head_since")

    def __init__(self, chunk: tuple[str, ...], future: cf.Future[list[PlanResult]] | BaseException) -> None:
        self.chunk = chunk
        self.future = future
        self.head_since: float | None = None  # when it became the first result awaited


def _run_executor(
    files: Iterator[str],
    options: Options,
    executor: cf.Executor,
    jobs: int | None,
    window: int | None,
    chunksize: int,
    timeout: float | None,
    *,
    send_content: bool = False,
    share: Callable[[Options], Any] | None = None,
) -> Iterator[PlanResult]:
    """Submit chunks through a bounded window and yield their results in file order.

    A task that fails (a worker killed, a cluster node lost, a refused submission, a broken
    pool) becomes an error row for each of its files; the caller's executor is never replaced.
    A task still running ``timeout`` seconds per file after the batch started waiting for it
    (tasks are submitted in file order, so the one awaited is running or next) is given up:
    each of its files becomes an error row.
    """
    limit = max(1, window or 4 * workers_of(executor, jobs))
    shared = share(options) if share is not None else options

    def submit(chunk: tuple[str, ...]) -> _Task:
        try:
            if send_content:
                payload = tuple(load_content(p, options) for p in chunk)
                return _Task(chunk, executor.submit(_check_contents, payload, shared))
            return _Task(chunk, executor.submit(_check_many, chunk, shared))
        except Exception as exc:  # a broken pool or a cluster that refuses work
            return _Task(chunk, exc)

    pending: deque[_Task] = deque()
    chunks = _chunks(files, chunksize)
    try:
        while True:
            while len(pending) < limit and (chunk := next(chunks, None)) is not None:
                pending.append(submit(chunk))
            if not pending:
                return
            task = pending[0]
            if task.head_since is None:
                task.head_since = time.monotonic()
            pending.popleft()
            yield from _results_of(task, timeout)
    finally:
        for task in pending:
            if isinstance(task.future, cf.Future) or hasattr(task.future, "cancel"):
                task.future.cancel()


def _results_of(task: _Task, timeout: float | None) -> list[PlanResult]:
    """The results of the task awaited first: its own, or an error row per file when it died or
    ran past the time limit."""
    try:
        if isinstance(task.future, BaseException):
            raise task.future
        wait = None
        if timeout is not None:
            assert task.head_since is not None
            wait = max(0.0, task.head_since + timeout * len(task.chunk) - time.monotonic())
        return task.future.result(timeout=wait)
    except TimeoutError:  # concurrent.futures' and Dask's
        # Not split and tried again file by file: a task submitted now would queue behind
        # the whole window in the executor, and the clock, which starts when a task becomes
        # the one awaited, would give up on it unfairly.
        task.future.cancel()  # type: ignore[union-attr]
        n = len(task.chunk)
        why = (f"took longer than the time limit ({timeout:g} s per file): given up" if n == 1 else
               f"the task of {n} files holding it took longer than the time limit ({timeout:g} s per file):"
               " given up (a smaller chunksize isolates the slow file)")
        return [error_result(p, own.TimeLimitError(why), message=why) for p in task.chunk]
    except Exception as exc:  # the task died: every file of it becomes an error row
        return [error_result(p, exc) for p in task.chunk]


__all__ = ["DEFAULT_TIMEOUT", "SMALL_BATCH", "run", "workers_of"]
