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
import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from vnplan.errors import InputError, UsageError, VnplanError
from vnplan.results import PlanResult
from vnplan.results import summary as _summary
from vnplan.serialize import citation_summary, header_summary

#: File suffixes a folder walk picks up (case-insensitive).
SUFFIXES: tuple[str, ...] = (".docx", ".pdf", ".txt", ".md")


@frozen
class Options:
    """What every worker needs besides the path (picklable)."""

    profile: Any = None  # a profile name, a path to a profile file, or a Profile object
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    lang: str = "vi"


# --------------------------------------------------------------------------- discovery


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


# --------------------------------------------------------------------------- the worker

_PROFILE_CACHE: dict[str, Any] = {}


def _resolve_profile(profile: Any) -> Any:
    """A profile name or path loaded once per process (when the profiles package can load it)."""
    if not isinstance(profile, str):
        return profile
    if profile in _PROFILE_CACHE:
        return _PROFILE_CACHE[profile]
    try:
        from vnplan.profiles import load  # type: ignore[attr-defined]
    except ImportError:
        return profile  # leave it to vnplan.check, which says what is wrong
    loaded = load(profile)
    _PROFILE_CACHE[profile] = loaded
    return loaded


def unit_of(header: dict[str, Any], path: str) -> tuple[str, str]:
    """The unit a plan belongs to: its issuing authority, else the file's stem."""
    from vnplan.text import normalize

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
    from vnplan.rules.runner import check
    from vnplan.parse import parse
    from vnplan.read import read

    t0 = time.perf_counter()
    path = str(path)
    doc = None
    try:
        doc = read(path)
        plan = parse(doc)
        report = check(plan, select=options.select, ignore=options.ignore, lang=options.lang,
                       profile=_resolve_profile(options.profile))
    except Exception as exc:  # VnplanError: a message for the user; anything else: say it is internal
        if isinstance(exc, VnplanError):
            message = exc.detail + (f" ({exc.hint})" if exc.hint else "")
        else:
            message = f"internal error: {type(exc).__name__}: {exc}"
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


def _check_many(paths: tuple[str, ...], options: Options) -> list[PlanResult]:
    """A chunk of files in one task (less pickling and scheduling per file)."""
    return [check_file(p, options) for p in paths]


def _error_result(path: str, exc: BaseException) -> PlanResult:
    """A row for a file whose task failed outside the checker (worker died, pickling, cluster)."""
    return PlanResult(
        file=path, unit=Path(path).stem, sha256=_sha256_of(path),
        error=f"the worker could not check this file: {type(exc).__name__}: {exc}",
        error_type=type(exc).__name__,
    )


# --------------------------------------------------------------------------- the driver


def validate_options(options: Options) -> None:
    """Fail early, once, on arguments every file would fail on (unknown rule ids, language, profile)."""
    from vnplan.rules.registry import select_rules
    from vnplan.rules.runner import LANGS

    if options.lang not in LANGS:
        raise UsageError(f"unknown language {options.lang!r}", hint="use vi or en")
    select_rules(options.select, options.ignore)
    if options.profile is not None:
        try:
            from vnplan.rules.compliance import prepare  # noqa: F401
        except ImportError:
            from vnplan.errors import ProfileError

            raise ProfileError("compliance profiles are not available in this installation",
                               hint="run without --profile") from None
        _resolve_profile(options.profile)


def _workers_of(executor: cf.Executor | None, jobs: int | None) -> int:
    n = getattr(executor, "_max_workers", None) if executor is not None else None
    return max(1, int(n or jobs or os.cpu_count() or 1))


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
    absent, ``jobs=1`` checks in this process and otherwise a ``ProcessPoolExecutor`` with
    ``jobs`` (default: all cores) workers is created and shut down at the end.
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
        options = attrs.evolve(options, profile=_resolve_profile(profile))
    reg, own_reg = None, False
    if register is not None:
        from vnplan.register import Register

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
    reg: Any,
    own_reg: bool,
    progress: Callable[[PlanResult], Any] | None,
) -> Iterator[PlanResult]:
    try:
        if executor is None and jobs == 1:
            results = (check_file(p, options) for p in files)
        else:
            results = _run_pool(files, options, executor, jobs, window, chunksize)
        for result in results:
            if reg is not None:
                reg.record(result)
            if progress is not None:
                progress(result)
            yield result
    finally:
        if own_reg and reg is not None:
            reg.close()


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which cancels what is pending and stops cleanly."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _mp_context():  # type: ignore[no-untyped-def]
    """``forkserver`` where the platform has it: forking a process that runs threads (a progress
    bar's refresher, a caller's threads) can deadlock the child; Python 3.14 makes it the default."""
    import multiprocessing as mp

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
    own = executor is None
    make = factory or (lambda: _own_pool(jobs))
    if executor is None:
        executor = make()
    limit = max(1, window or 4 * _workers_of(executor, jobs))
    pending: deque[tuple[tuple[str, ...], cf.Future[list[PlanResult]] | BaseException]] = deque()
    chunks = _chunks(files, chunksize)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                try:
                    pending.append((chunk, executor.submit(_check_many, chunk, options)))
                except Exception as exc:  # a broken pool or a cluster that refuses work
                    pending.append((chunk, exc))
            if not pending:
                return
            chunk, fut = pending.popleft()
            try:
                if isinstance(fut, BaseException):
                    raise fut
                out = fut.result()
            except cf.process.BrokenProcessPool as exc:
                if not own:  # a caller's pool: not ours to replace
                    yield from (_error_result(p, exc) for p in chunk)
                    continue
                suspects = [p for c in (chunk, *(c for c, _ in pending)) for p in c]
                pending.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = make()
                for path in suspects:  # one at a time in a fresh pool: only the culprit fails again
                    try:
                        yield from executor.submit(_check_many, (path,), options).result()
                    except cf.process.BrokenProcessPool as again:
                        yield _error_result(path, again)
                        executor.shutdown(wait=False, cancel_futures=True)
                        executor = make()
                continue
            except Exception as exc:  # the task died: every file of it becomes an error row
                yield from (_error_result(p, exc) for p in chunk)
                continue
            yield from out
    finally:
        for _, fut in pending:
            if isinstance(fut, cf.Future):
                fut.cancel()
        if own:
            executor.shutdown(wait=True, cancel_futures=True)


class Spool:
    """Results kept on disk (pickled in a temporary file), to be read back as often as needed.

    A report needs every row, some of them twice (columns first, then rows); a spool lets
    it do so in flat memory whatever the number of plans. Use it as a context manager or
    call :meth:`close` to delete the file.
    """

    def __init__(self) -> None:
        import tempfile

        fd, self._path = tempfile.mkstemp(prefix="vnplan-batch-", suffix=".pickle")
        self._w = os.fdopen(fd, "wb")
        self._n = 0

    def append(self, result: PlanResult) -> None:
        import pickle

        pickle.dump(result, self._w, protocol=pickle.HIGHEST_PROTOCOL)
        self._n += 1

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[PlanResult]:
        import pickle

        self._w.flush()
        n = self._n
        with open(self._path, "rb") as fh:
            for _ in range(n):
                yield pickle.load(fh)

    def close(self) -> None:
        if not self._w.closed:
            self._w.close()
        try:
            os.unlink(self._path)
        except FileNotFoundError:
            pass

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def summarize(results: Iterable[PlanResult]) -> dict[str, Any]:
    """Counts over a batch: plans, units, compliant units, failing and unreadable plans, most-missed requirements."""
    return _summary(results)


__all__ = [
    "SUFFIXES",
    "Options",
    "PlanResult",
    "Spool",
    "batch",
    "check_file",
    "iter_plan_files",
    "summarize",
    "unit_of",
]
