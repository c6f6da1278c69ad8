"""What checking produces (kết quả kiểm tra): findings, the report of one plan, the result of one file in a
batch, rows of the register, and the counts computed over many results.

Small frozen attrs types like the model, no rendering: their JSON forms are in
:mod:`vnplan.serialize`, their text, CSV, HTML and SARIF views in :mod:`vnplan.report`.
They sit at the bottom with the model so the rules, the reports, the batch runner and the
register all build on the same types without importing each other.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
from attrs import field, frozen

from vnplan.model import Coverage, Severity, Span
from vnplan.text import fold, natural_key

#: Finding severities, most severe first.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

#: Status of one file in a batch: ``ok`` (checked, nothing failing), ``fail`` (an error-level
#: finding or a missing mandatory requirement), ``error`` (the file could not be read or checked).
STATUSES: tuple[str, ...] = ("ok", "fail", "error")

#: Requirement statuses, best first.
REQ_STATUSES: tuple[str, ...] = ("met", "partial", "placeholder", "missing")


def fails(errors: int, coverage: Coverage | None) -> bool:
    """The gate: a plan fails with an error-level finding or a mandatory requirement missing."""
    return bool(errors) or bool(coverage is not None and coverage.missing_mandatory)


# --------------------------------------------------------------------------- one plan


def fingerprint(rule: str, requirement: str | None, passage: str) -> str:
    """A finding's identity for a baseline of accepted findings: its rule, the requirement it is
    about and the text of the passage it points at, folded (no case, diacritics, punctuation or
    spacing), never block numbers or lines, so it survives edits elsewhere in the plan."""
    text = "\x1f".join((rule, requirement or "", fold(passage)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@frozen
class Finding:
    """A located result of a rule (phát hiện)."""

    rule: str
    severity: Severity
    message: str
    name: str
    part: str
    span: Span | None = None
    line: int | None = None
    location: str | None = None
    source: str | None = None
    fix: str | None = None
    column: int | None = None  # 1-based column in ``line``, where exactly known (text sources)
    requirement: str | None = None  # the parent plan's requirement a compliance finding is about
    fingerprint: str | None = None  # identity that survives small edits (:func:`fingerprint`): baselines


@frozen
class Report:
    """The findings of :func:`vnplan.check` on one plan, most severe first."""

    findings: tuple[Finding, ...]
    path: str | None = None
    lang: str = "vi"
    coverage: Coverage | None = None  # compliance coverage when a profile was given

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    @property
    def failing(self) -> bool:
        """Whether the plan fails: an error-level finding, or a mandatory requirement of the profile missing."""
        return fails(self.has_errors, self.coverage)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings:
            out[f.severity] += 1
        return out

    def by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule == rule_id)


# --------------------------------------------------------------------------- one file of a batch


@frozen
class PlanResult:
    """What one worker returns for one file: small and picklable (JSON: :func:`vnplan.serialize.plan_result_to_dict`).

    ``header`` holds the header fields as plain strings (``date`` in ISO form where complete,
    ``date_parts`` for a draft's partial date); ``citations`` the cited documents as plain
    dicts; ``findings`` and ``coverage`` are the model objects of :func:`vnplan.check`.
    """

    file: str
    unit: str  # issuing authority, or the file stem when the header names none
    sha256: str | None = None
    format: str | None = None
    unit_source: str = "file"  # header or file
    header: dict[str, Any] = field(factory=dict)
    counts: dict[str, int] = field(factory=lambda: {"error": 0, "warning": 0, "info": 0})
    findings: tuple[Finding, ...] = ()
    citations: tuple[dict[str, Any], ...] = ()
    coverage: Coverage | None = None
    error: str | None = None  # why the file could not be read or checked
    error_type: str | None = None  # the exception class name
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()  # what reading the file warned of (SourceDocument.warnings): legacy text converted, scrambled PDF text…

    @property
    def missing_mandatory(self) -> bool:
        return bool(self.coverage is not None and self.coverage.missing_mandatory)

    @property
    def status(self) -> str:
        if self.error is not None:
            return "error"
        return "fail" if fails(self.counts.get("error", 0), self.coverage) else "ok"

    @property
    def failing(self) -> bool:
        """Whether this plan fails a gate: unreadable, an error-level finding, a missing mandatory requirement."""
        return self.status != "ok"

    @property
    def score(self) -> float | None:
        return None if self.coverage is None else float(self.coverage.score)


_LONE_SURROGATE_UTF8 = re.compile(rb"\xed[\xa0-\xbf]")  # how pickle writes U+D800–U+DFFF (surrogatepass)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, tuple):
        return tuple(_scrub(v) for v in value)
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if attrs.has(type(value)):
        return attrs.evolve(value, **{f.alias: _scrub(getattr(value, f.name))
                                      for f in attrs.fields(type(value)) if f.init})
    return value


def without_surrogates(result: PlanResult) -> PlanResult:
    """``result`` with every lone surrogate (U+D800–U+DFFF) replaced by U+FFFD, or ``result`` itself when it has none.

    A lone surrogate is a ``str`` Python can hold but no UTF-8 file, SQLite text or JSON
    report can: one reaching a report or the register would stop the whole batch. It can come
    from a document (a Word symbol with a code in the surrogate range) or from a file name
    that is not UTF-8. The check is one scan of the pickled result, which a worker makes anyway.
    """
    import pickle  # lazy: only a batch's workers scrub results, a single check never loads it

    try:
        if not _LONE_SURROGATE_UTF8.search(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)):
            return result
    except Exception:  # noqa: BLE001 - something in it does not pickle: look at every string instead
        pass
    return _scrub(result)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- over many results


def requirement_columns(results: Iterable[PlanResult]) -> list[dict[str, Any]]:
    """The requirements over every plan, in first-seen order: id, kind, text, mandatory."""
    out: dict[str, dict[str, Any]] = {}
    for r in results:
        if r.coverage is None:
            continue
        for q in r.coverage.requirements:
            if q.id not in out:
                out[q.id] = {"id": q.id, "kind": q.kind, "text": q.text, "mandatory": bool(q.mandatory)}
    return list(out.values())


def matrix(results: Sequence[PlanResult]) -> tuple[list[str], list[list[str | None]]]:
    """Requirement ids and, per plan, the status of each (``None`` when not checked)."""
    ids = [c["id"] for c in requirement_columns(results)]
    rows: list[list[str | None]] = []
    for r in results:
        by_id = {q.id: q.status for q in r.coverage.requirements} if r.coverage is not None else {}
        rows.append([by_id.get(i) for i in ids])
    return ids, rows


def summary(results: Iterable[PlanResult]) -> dict[str, Any]:
    """How many plans and units, how many units compliant, failing, unreadable; the most-missed requirements.

    A unit is compliant when its latest checked plan (by header date, then file order)
    passes: it was read, it has no error-level finding and no mandatory requirement missing.
    One pass; memory grows with the number of units and requirements, not of plans.
    """
    latest: dict[str, tuple[tuple[int, int, int], str]] = {}
    missed: Counter[str] = Counter()
    texts: dict[str, str] = {}
    counts = dict.fromkeys(SEVERITIES, 0)
    plans = unreadable = failing = 0
    score_sum, scored = 0.0, 0
    for r in results:
        plans += 1
        for k in counts:
            counts[k] += r.counts.get(k, 0)
        if r.error is not None:
            unreadable += 1
            continue
        failing += r.status == "fail"
        key, cur = fold(r.unit), latest.get(fold(r.unit))
        if cur is None or _date_key(r) >= cur[0]:
            latest[key] = (_date_key(r), r.status)
        if r.coverage is not None:
            score_sum += float(r.coverage.score)
            scored += 1
            for q in r.coverage.requirements:
                texts.setdefault(q.id, q.text)
                if q.status == "missing":
                    missed[q.id] += 1
    return {
        "plans": plans,
        "checked": plans - unreadable,
        "unreadable": unreadable,
        "failing": failing,
        "units": len(latest),
        "units_compliant": sum(status == "ok" for _, status in latest.values()),
        "counts": counts,
        "mean_score": round(score_sum / scored, 4) if scored else None,
        "most_missed": [
            {"id": i, "text": texts[i], "missing": n}
            for i, n in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        ],
    }


def _date_key(r: PlanResult) -> tuple[int, int, int]:
    d = (r.header or {}).get("date_parts") or {}
    return (d.get("year") or 0, d.get("month") or 0, d.get("day") or 0)


class NaturalOrder:
    """``results`` (a list, or a :class:`vnplan.batch.Spool`: anything indexable) seen in natural
    order of unit, then file (``skel-2`` before ``skel-10``, case and diacritics ignored), and
    iterable as often as a report needs. Only the order is kept in memory, not the results."""

    def __init__(self, results: Sequence[PlanResult]) -> None:
        self._results = results
        keys = [(natural_key(r.unit), natural_key(r.file), i) for i, r in enumerate(results)]
        self._order = [k[-1] for k in sorted(keys)]

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[PlanResult]:
        if self._order == sorted(self._order):
            yield from self._results  # already in order: read straight through
            return
        for i in self._order:
            yield self._results[i]


def profile_of(results: Iterable[PlanResult]) -> str | None:
    """The profile ids the results were checked against, joined (``None`` without a profile)."""
    ids = sorted({r.coverage.profile for r in results if r.coverage is not None})
    return ", ".join(ids) if ids else None


# --------------------------------------------------------------------------- the register


@frozen
class DocumentRow:
    """One registered document (a row of the register's ``documents``)."""

    id: int
    sha256: str
    path: str
    unit: str
    number: str | None
    symbol: str | None
    date: str | None
    title: str | None
    status: str
    errors: int
    score: float | None
    error: str | None
    checked_at: str
    authority: str | None = None
    parent_authority: str | None = None
    profile: str | None = None
    date_parts: tuple[int | None, int | None, int | None] = (None, None, None)


@frozen
class WrongDate:
    """A plan that cites the parent with a date other than the parent's."""

    document: DocumentRow
    cited: str  # the citation as printed
    cited_date: str | None  # ISO or partial (2024-01)


@frozen
class MissingUnits:
    """Which expected units have not issued a plan citing the parent yet, and which cite it with a wrong date."""

    number: str  # the parent's number and symbol
    symbol: str
    date: _dt.date | None  # the parent's date, when known (needed to find wrong dates)
    expected: int  # how many units were expected
    missing: tuple[str, ...] = ()
    wrong_dates: tuple[WrongDate, ...] = ()

    @property
    def failing(self) -> bool:
        """A unit is missing, or a plan cites the parent with a wrong date."""
        return bool(self.missing or self.wrong_dates)


__all__ = [
    "REQ_STATUSES",
    "SEVERITIES",
    "STATUSES",
    "DocumentRow",
    "Finding",
    "MissingUnits",
    "NaturalOrder",
    "PlanResult",
    "Report",
    "WrongDate",
    "fails",
    "fingerprint",
    "matrix",
    "profile_of",
    "requirement_columns",
    "summary",
    "without_surrogates",
]
