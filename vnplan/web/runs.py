"""A batch run of the page (lượt kiểm tra): checked in a background thread, polled, cancellable.

The page's request only starts the run; :func:`start` checks the files with
:func:`vnplan.batch.batch` (in this process for a handful of files, in a process pool for
more, as the command line does) in a thread of its own and counts what is done, so the
page can poll ``done/total`` for its progress bar. :meth:`Run.cancel` stops after the plan
being checked: closing the batch's generator cancels what the pool has not started, and
the plans already checked stay on the page.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import attrs
from attrs import define, field

from vnplan.baseline import Baseline
from vnplan.batch import batch, iter_plan_files
from vnplan.errors import VnplanError
from vnplan.report.messages import error_text
from vnplan.results import NaturalOrder, PlanResult

#: States of a run.
STATES: tuple[str, ...] = ("running", "done", "cancelled", "failed")


@define(eq=False)
class Run:
    """One batch of uploaded plans and what checking them has given so far."""

    id: str
    folder: Path
    profile: Any = None  # a shipped name, a profile file, or None
    profile_name: str | None = None
    baseline: Baseline = field(factory=Baseline)
    lang: str = "vi"
    skipped: list[tuple[str, str]] = field(factory=list)
    state: str = "running"
    total: int = 0
    done: int = 0
    current: str = ""
    error: str | None = None
    started: float = field(factory=time.monotonic)
    seconds: float = 0.0
    raw: list[PlanResult] = field(factory=list)  # as checked, every finding (file names as sent, once done)
    shown: list[PlanResult] = field(factory=list)  # in natural order, without the accepted findings
    _stop: threading.Event = field(factory=threading.Event)
    _thread: threading.Thread | None = None

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def name_of(self, path: str) -> str:
        """A file as the clerk sent it (``so/ke-hoach.docx``), not where the page keeps it."""
        try:
            return Path(path).relative_to(self.folder).as_posix()
        except ValueError:
            return path

    def path_of(self, result: PlanResult) -> Path:
        """Where the page keeps the file of ``result``."""
        return self.folder / result.file

    def files(self) -> list[str]:
        return list(iter_plan_files([self.folder])) if any(self.folder.iterdir()) else []

    def _work(self, files: list[str]) -> None:
        results: Any = None
        state = "failed"
        try:
            results = batch(files, profile=self.profile, lang=self.lang) if files else iter(())
            for r in results:
                self.raw.append(r)
                self.done += 1
                self.current = Path(r.file).name
                if self._stop.is_set():
                    break
            state = "cancelled" if self._stop.is_set() else "done"
        except VnplanError as exc:
            self.error = error_text(exc, self.lang)
        except Exception as exc:  # never a dead thread with a page waiting forever
            self.error = error_text(RuntimeError(f"internal error: {type(exc).__name__}: {exc}"), self.lang)
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()  # cancels what the pool has not started, stops its workers
            self.raw = [attrs.evolve(r, file=self.name_of(r.file)) for r in self.raw]
            self.shown = [self.baseline.filter_result(r) for r in NaturalOrder(self.raw)]
            self.seconds = time.monotonic() - self.started
            self.state = state  # last: the page reads the rows as soon as the run is no longer running

    def status(self) -> dict[str, Any]:
        """What the page polls: state, progress, the file being checked, the reason of a failure."""
        return {"id": self.id, "state": self.state, "done": self.done, "total": self.total, "current": self.current,
                "error": self.error, "seconds": round(self.seconds, 3), "accepted": len(self.baseline)}


def start(run: Run) -> Run:
    """Start checking ``run``'s folder in a background thread; returns at once."""
    files = run.files()
    run.total = len(files)
    run._thread = threading.Thread(target=run._work, args=(files,), name=f"vnplan-run-{run.id}", daemon=True)
    run._thread.start()
    return run


__all__ = ["STATES", "Run", "start"]
