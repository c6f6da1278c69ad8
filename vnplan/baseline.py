"""Accepted findings (phát hiện đã chấp nhận): a baseline file, and the findings a check shows against it.

A clerk who has accepted a unit's findings once should see only what is new when the unit
sends its plan again. A baseline lists the accepted findings of each unit by their
*fingerprint* (:func:`vnplan.results.fingerprint`: rule, requirement, folded text of the
passage), never by block number or line, so a plan edited elsewhere keeps its accepted
findings accepted. A finding repeated *n* times in the baseline hides at most *n* of the
same findings: a third identical finding where two were accepted is new.

The file (``schemas/baseline.schema.json``, ``"schema": "vnplan/baseline/1"``) is JSON:
each accepted finding with its unit, rule, requirement and fingerprint, and its message and
place as they were, for a person reading it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from vnplan.errors import InputError
from vnplan.model import Coverage
from vnplan.output import write_atomic
from vnplan.results import SEVERITIES, Finding, PlanResult, Report
from vnplan.text import fold

SCHEMA = "vnplan/baseline/1"
#: Largest baseline file read (a province's accepted findings fit in a few megabytes).
MAX_BYTES = 64 << 20


def _unit_key(unit: str | None) -> str:
    return fold(unit or "")


class Baseline:
    """The accepted findings of some units: ``(unit, fingerprint)`` with how many times each was accepted."""

    def __init__(self, entries: Iterable[dict[str, Any]] = ()) -> None:
        self.entries = list(entries)
        self._count: Counter[tuple[str, str]] = Counter(
            (_unit_key(e.get("unit")), str(e["fingerprint"])) for e in self.entries if e.get("fingerprint"))

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        """Read a baseline file; a file that is not one is an :class:`InputError` naming it."""
        name = os.fspath(path)
        try:
            if os.path.getsize(name) > MAX_BYTES:
                raise InputError("the baseline file is too large", path=name)
            with open(name, encoding="utf-8-sig") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            raise InputError("no such baseline file", path=name,
                             hint="write one with: vnplan check PLAN --write-baseline FILE") from None
        except IsADirectoryError:
            raise InputError("the baseline path is a folder", path=name) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise InputError("not a baseline file: not JSON", path=name) from None
        except OSError as exc:
            raise InputError(f"cannot read the baseline file: {exc.strerror}", path=name) from None
        return cls.from_dict(data, path=name)

    @classmethod
    def from_dict(cls, data: Any, *, path: str | None = None) -> Baseline:
        if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("accepted"), list):
            raise InputError("not a baseline file: no vnplan/baseline/1 schema", path=path)
        entries = [e for e in data["accepted"] if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)]
        return cls(entries)

    def new_findings(self, findings: Sequence[Finding], unit: str | None) -> tuple[Finding, ...]:
        """``findings`` of ``unit`` less the accepted ones (each accepted finding hides one).

        ``unit=None`` (one plan checked alone) takes every accepted finding whatever its unit:
        a plan whose header names no unit is known by its file name, which a resubmission changes.
        """
        left: Counter[str] = Counter()
        for (u, fp), n in self._count.items():
            if unit is None or u == _unit_key(unit):
                left[fp] += n
        out = []
        for f in findings:
            if f.fingerprint and left[f.fingerprint] > 0:
                left[f.fingerprint] -= 1
                continue
            out.append(f)
        return tuple(out)

    def accepted_requirements(self, findings: Sequence[Finding], new: Sequence[Finding]) -> set[str]:
        """Requirements whose findings are all accepted: the unit is not held to them any more."""
        kept = {f.requirement for f in new if f.requirement}
        return {f.requirement for f in findings if f.requirement and f.requirement not in kept}

    def filter_report(self, report: Report, unit: str | None = None) -> Report:
        """The report with only the new findings; an accepted missing requirement no longer fails the plan."""
        new = self.new_findings(report.findings, unit)
        cov = _relax(report.coverage, self.accepted_requirements(report.findings, new))
        return attrs.evolve(report, findings=new, coverage=cov)

    def filter_result(self, result: PlanResult) -> PlanResult:
        """One plan of a batch with only its new findings (counts recomputed)."""
        if result.error is not None or not self.entries:
            return result
        new = self.new_findings(result.findings, result.unit)
        if len(new) == len(result.findings):
            return result
        counts = dict.fromkeys(SEVERITIES, 0)
        for f in new:
            counts[f.severity] += 1
        cov = _relax(result.coverage, self.accepted_requirements(result.findings, new))
        return attrs.evolve(result, findings=new, counts=counts, coverage=cov)


def _relax(cov: Coverage | None, accepted: set[str]) -> Coverage | None:
    """The coverage with accepted requirements no longer mandatory (the gate then lets them pass)."""
    if cov is None or not accepted:
        return cov
    reqs = tuple(attrs.evolve(q, mandatory=False) if q.id in accepted and q.mandatory else q
                 for q in cov.requirements)
    return attrs.evolve(cov, requirements=reqs)


def entries_of(unit: str, findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Baseline entries accepting every one of ``findings`` of ``unit`` (message and place for the reader)."""
    return [{"unit": unit, "rule": f.rule, "requirement": f.requirement, "fingerprint": f.fingerprint,
             "message": f.message, "line": f.line, "location": f.location}
            for f in findings if f.fingerprint]


def baseline_dict(entries: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The JSON form of a baseline (``schemas/baseline.schema.json``)."""
    return {"schema": SCHEMA, "accepted": list(entries)}


def results_baseline(results: Iterable[PlanResult]) -> dict[str, Any]:
    """A baseline accepting every finding of every readable plan of a batch."""
    return baseline_dict(e for r in results if r.error is None for e in entries_of(r.unit, r.findings))


def render_baseline(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_baseline(path: str | os.PathLike[str], data: dict[str, Any], *, source: str | None = None) -> None:
    """Write a baseline file atomically (never onto ``source``, the plan)."""
    write_atomic(path, render_baseline(data), source=source, what="baseline")


__all__ = ["SCHEMA", "Baseline", "baseline_dict", "entries_of", "render_baseline", "results_baseline",
           "write_baseline"]
