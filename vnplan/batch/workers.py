"""vnplan's own worker processes (tiến trình kiểm tra): a time limit per file, and a dead worker costs one row.

Each worker is a process with a pipe to the batch. It checks one file at a time, with one
more waiting in its pipe so it never idles while the batch writes a result, and says when it
starts a file. The batch therefore knows which file each worker is on:

- a worker that goes over the time limit on a file is killed and replaced; that file becomes
  an error row and the file waiting behind it is handed out again;
- a worker that dies (killed for memory, ``kill -9``, a crash in a native library) costs only
  the file it was on, the same way;
- workers ignore Ctrl-C (the batch stops them) and die with the batch, even when it is killed
  with ``kill -9``: on Linux each asks the kernel for ``SIGKILL`` when its parent goes, and the
  forkserver it was started from exits with the batch.

Workers start with ``forkserver`` where the platform has it (forking a process that runs
threads, such as a progress bar's, can deadlock the child), from a server that imported
vnplan once, so replacing a worker is a fork, not a new interpreter.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import multiprocessing.connection as mpc
import multiprocessing.forkserver as mpfs
import os
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from typing import Any

from vnplan.batch.result import Options, check_file, error_result
from vnplan.errors import VnplanError
from vnplan.results import PlanResult

#: Files handed to a worker at once: the one it checks and one waiting.
DEPTH = 2

#: Workers that die before saying they started, in a row, before the batch gives up (exit 2).
START_FAILURES = 3

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

_peak_rss_kb = 0


def peak_worker_rss_kb() -> int:
    """The largest resident set (kB) any worker of this process reported, over every run so far."""
    return _peak_rss_kb


class TimeLimitError(Exception):
    """A file took longer than the time limit; its worker was stopped."""


class WorkerDied(Exception):
    """A worker process ended while it was checking a file."""


def mp_context() -> Any:
    """``forkserver`` where the platform has it, its server preloaded with the checker; else the default."""
    try:
        ctx = mp.get_context("forkserver")
    except ValueError:  # Windows: spawn is the only method and already the default
        return mp.get_context()
    if getattr(mpfs._forkserver, "_forkserver_pid", None) is None:  # not started yet: let it import vnplan once for every worker
        preload = list(getattr(mpfs._forkserver, "_preload_modules", []))
        if __name__ not in preload:
            ctx.set_forkserver_preload([*preload, __name__])
    return ctx


# --------------------------------------------------------------------------- in the worker


def _die_with_parent() -> None:
    """Make this worker end when the batch does, even if the batch is killed outright.

    A forkserver hands each child the write end of its own lifeline to the batch; a worker
    that keeps it open keeps the forkserver alive after the batch is gone, and the forkserver
    keeps the worker (ISSUE: workers lived on for minutes after ``kill -9``). Closed here, the
    forkserver exits with the batch, and the kernel then kills this worker (``PR_SET_PDEATHSIG``),
    even in the middle of a long computation in C code.
    """
    fd = getattr(mpfs._forkserver, "_forkserver_alive_fd", None)
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass
        setattr(mpfs._forkserver, "_forkserver_alive_fd", None)  # noqa: B010 - a private attribute
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            return
        if os.getppid() == 1:  # the parent went before the request was in place
            os._exit(0)


def _maxrss_kb() -> int:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb // 1024 if sys.platform == "darwin" else kb


def _serve(conn: mpc.Connection, options: Options, environ: dict[str, str]) -> None:
    """A worker's life: take (index, path) from the pipe, say it started, send the result back.

    The worker is forked from the forkserver, whose environment is the batch's when the server
    first started; it takes the batch's environment of now (``environ``), so that a setting
    changed between two batches of one program (``VNPLAN_SOFFICE``, ``TMPDIR``) reaches it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle
    if environ != os.environ:
        os.environ.clear()
        os.environ.update(environ)
    _die_with_parent()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        conn.send(("start", index))
        result = check_file(path, options)
        try:
            conn.send(("done", index, result, _maxrss_kb()))
        except Exception as exc:  # a result that cannot be pickled: still a row
            conn.send(("done", index, error_result(path, exc), _maxrss_kb()))


# --------------------------------------------------------------------------- in the batch


class _Worker:
    def __init__(self, ctx: Any, options: Options) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_serve, args=(child, options, dict(os.environ)), daemon=True, name="vnplan-batch-worker")
        self.proc.start()
        child.close()
        self.queue: deque[tuple[int, str]] = deque()  # handed out, not yet done; the head is the current one
        self.started: float | None = None  # when the head file was started (monotonic)
        self.ready = False  # the worker said it is up

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.proc.kill()
        self.proc.join(timeout=2 if not kill else 5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=5)
        self.conn.close()


def _ended(proc: Any) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with code {code}"


class _Run:
    """The state of one batch over vnplan's own workers."""

    def __init__(self, files: Iterator[str], options: Options, workers: int, window: int,
                 timeout: float | None, ctx: Any) -> None:
        self.todo = enumerate(files)
        self.options, self.size, self.window, self.timeout, self.ctx = options, workers, window, timeout, ctx
        self.pool: list[_Worker] = []
        self.retry: deque[tuple[int, str]] = deque()  # handed out to a worker that is gone, not checked
        self.done: dict[int, PlanResult] = {}
        self.next_out = 0  # index of the next result to yield
        self.issued = 0  # files taken from ``todo``
        self.exhausted = False
        self.start_failures = 0

    # ---- handing out work

    def _take(self) -> tuple[int, str] | None:
        if self.retry:
            return self.retry.popleft()
        if self.exhausted or self.issued - self.next_out >= self.window:
            return None
        item = next(self.todo, None)
        if item is None:
            self.exhausted = True
            return None
        self.issued += 1
        return item

    def _slot(self) -> _Worker | None:
        idle = [w for w in self.pool if not w.queue]
        if idle:
            return idle[0]
        if len(self.pool) < self.size:
            try:
                w = _Worker(self.ctx, self.options)
            except OSError as exc:  # no memory or no process left for a fork
                if self.pool:
                    return None
                raise VnplanError(f"cannot start worker processes: {exc.strerror or exc}",
                                  hint="try --jobs 1, or check the memory available") from None
            self.pool.append(w)
            return w
        open_ = [w for w in self.pool if len(w.queue) < DEPTH]
        return min(open_, key=lambda w: len(w.queue)) if open_ else None

    def hand_out(self) -> None:
        while True:
            if not any(len(w.queue) < DEPTH for w in self.pool) and len(self.pool) >= self.size:
                return
            task = self._take()
            if task is None:
                return
            w = self._slot()
            if w is None:
                self.retry.appendleft(task)
                return
            w.queue.append(task)
            try:
                w.conn.send(task)
            except OSError:  # the worker is gone; its sentinel says so and the task is handed out again
                pass

    # ---- results and failures

    def ready_results(self) -> Iterator[PlanResult]:
        while self.next_out in self.done:
            yield self.done.pop(self.next_out)
            self.next_out += 1

    def finished(self) -> bool:
        return self.exhausted and not self.retry and not any(w.queue for w in self.pool) \
            and self.next_out >= self.issued

    def _receive(self, w: _Worker) -> bool:
        """Read what a worker sent; ``False`` when its pipe is closed (the worker is gone)."""
        global _peak_rss_kb
        try:
            while w.conn.poll():
                msg = w.conn.recv()
                w.ready = True
                self.start_failures = 0
                if msg[0] == "start" and w.queue and w.queue[0][0] == msg[1]:
                    w.started = time.monotonic()
                elif msg[0] == "done":
                    _, index, result, rss = msg
                    _peak_rss_kb = max(_peak_rss_kb, int(rss))
                    if w.queue and w.queue[0][0] == index:
                        w.queue.popleft()
                    self.done[index] = result
                    w.started = None
        except (EOFError, OSError):
            return False
        return True

    def _lose(self, w: _Worker, reason: str, exc: type[Exception], *, kill: bool) -> None:
        """Remove a worker; the file it was on becomes an error row, the others are handed out again."""
        if kill:
            w.proc.kill()
        w.proc.join(timeout=5)
        self._receive(w)  # what it said before it went (it may have finished the file after all)
        self.pool.remove(w)
        w.conn.close()
        if not w.ready:
            self.start_failures += 1
            if self.start_failures >= START_FAILURES:
                raise VnplanError(f"cannot start worker processes: the last one {_ended(w.proc)}",
                                  hint="try --jobs 1, or check the memory available")
        if w.started is not None and w.queue:
            index, path = w.queue.popleft()
            why = reason if kill else f"the worker checking this file stopped ({_ended(w.proc)})"
            self.done[index] = error_result(path, exc(why), message=why)
        self.retry.extendleft(reversed(w.queue))
        w.queue.clear()

    def wait(self) -> None:
        """Wait for a message, a worker's end or a time limit; act on each."""
        now = time.monotonic()
        deadline = None
        if self.timeout is not None:
            starts = [w.started for w in self.pool if w.started is not None]
            deadline = min(starts) + self.timeout if starts else None
        objs: list[Any] = [w.conn for w in self.pool] + [w.proc.sentinel for w in self.pool]
        mpc.wait(objs, timeout=None if deadline is None else max(0.0, deadline - now))
        for w in list(self.pool):
            alive = self._receive(w)
            if not alive or not w.proc.is_alive():
                self._lose(w, "", WorkerDied, kill=False)
        if self.timeout is not None:
            now = time.monotonic()
            for w in list(self.pool):
                if w.started is not None and now - w.started >= self.timeout:
                    self._lose(w, f"took longer than the time limit ({self.timeout:g} s per file): stopped",
                               TimeLimitError, kill=True)

    def close(self, *, graceful: bool) -> None:
        for w in self.pool:
            w.stop(kill=not graceful)
        self.pool.clear()


def run(files: Iterator[str], options: Options, *, workers: int, window: int | None = None,
        timeout: float | None = None, context: Any = None) -> Iterator[PlanResult]:
    """Check ``files`` in ``workers`` processes; yield their results in file order.

    At most ``window`` files (default 4 × workers) are taken from ``files`` and not yet
    yielded. ``timeout``: seconds per file (``None``: no limit). Raises
    :class:`~vnplan.errors.VnplanError` only when worker processes cannot be started at all.
    """
    workers = max(1, workers)
    state = _Run(files, options, workers, max(1, window or 4 * workers), timeout, context or mp_context())
    graceful = False
    try:
        while True:
            state.hand_out()
            yield from state.ready_results()
            if state.finished():
                graceful = True
                return
            state.hand_out()
            if not any(w.queue for w in state.pool):
                continue  # everything handed out came back; take more
            state.wait()
    finally:
        state.close(graceful=graceful)


__all__ = ["DEPTH", "TimeLimitError", "WorkerDied", "mp_context", "peak_worker_rss_kb", "run"]
