"""Views of a batch (báo cáo hàng loạt): the JSON form, the requirement matrix, the summary and the terminal text.

The JSON form follows ``schemas/batch.schema.json``. The matrix has one row per plan and
one column per requirement of the profile (in the profile's order, as first met); a cell is
the requirement's status in that plan (``met``, ``partial``, ``missing``, ``placeholder``),
or ``None`` where the plan could not be checked.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from vnplan.batch import PlanResult
from vnplan.report.json import finding_to_dict

SCHEMA_ID = "vnplan/batch/1"
#: Requirement statuses, best first.
REQ_STATUSES: tuple[str, ...] = ("met", "partial", "placeholder", "missing")


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


def _evidence_to_dict(e: Any) -> dict[str, Any]:
    s = e.span
    return {"text": e.text, "span": {"block": s.block, "start": s.start, "end": s.end},
            "matched": list(e.matched)}


def coverage_to_dict(cov: Any) -> dict[str, Any]:
    """The per-plan coverage: profile, score and each requirement's status (texts live in ``requirements``)."""
    return {
        "profile": cov.profile,
        "score": round(float(cov.score), 4),
        "missing_mandatory": bool(cov.missing_mandatory),
        "requirements": [
            {
                "id": q.id,
                "kind": q.kind,
                "status": q.status,
                "score": round(float(q.score), 4),
                "mandatory": bool(q.mandatory),
                "note": q.note,
                "evidence": [_evidence_to_dict(e) for e in q.evidence],
            }
            for q in cov.requirements
        ],
    }


def plan_result_to_dict(r: PlanResult) -> dict[str, Any]:
    """One plan: file, hash, unit, header, counts by severity, findings, coverage, status, error."""
    return {
        "file": r.file,
        "sha256": r.sha256,
        "format": r.format,
        "unit": r.unit,
        "unit_source": r.unit_source,
        "status": r.status,
        "header": dict(r.header) if r.error is None else None,
        "counts": dict(r.counts),
        "findings": [finding_to_dict(f) for f in r.findings],
        "citations": [dict(c) for c in r.citations],
        "coverage": coverage_to_dict(r.coverage) if r.coverage is not None else None,
        "error": r.error,
        "error_type": r.error_type,
    }


def summary(results: Iterable[PlanResult]) -> dict[str, Any]:
    """How many plans and units, how many units compliant, failing, unreadable; the most-missed requirements.

    A unit is compliant when its latest checked plan (by header date, then file order)
    passes: it was read, it has no error-level finding and no mandatory requirement missing.
    One pass; memory grows with the number of units and requirements, not of plans.
    """
    from vnplan.text import fold

    latest: dict[str, tuple[tuple[int, int, int], str]] = {}
    missed: Counter[str] = Counter()
    texts: dict[str, str] = {}
    counts = dict.fromkeys(("error", "warning", "info"), 0)
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


def profile_of(results: Iterable[PlanResult]) -> str | None:
    ids = sorted({r.coverage.profile for r in results if r.coverage is not None})
    return ", ".join(ids) if ids else None


def batch_to_dict(results: Sequence[PlanResult], *, profile: str | None = None) -> dict[str, Any]:
    """The JSON form of a batch (contract: ``schemas/batch.schema.json``)."""
    return {
        "schema": SCHEMA_ID,
        "profile": profile if profile is not None else profile_of(results),
        "summary": summary(results),
        "requirements": requirement_columns(results),
        "plans": [plan_result_to_dict(r) for r in results],
    }


def iter_json(results: Iterable[PlanResult], *, profile: str | None = None) -> Iterator[str]:
    """The same JSON as :func:`batch_to_dict`, in pieces, one plan at a time (for any number of plans).

    ``results`` is iterated three times (summary, requirement columns, plans): give a list or a
    :class:`vnplan.batch.Spool`, not a one-shot iterator.
    """
    head = {
        "schema": SCHEMA_ID,
        "profile": profile if profile is not None else profile_of(results),
        "summary": summary(results),
        "requirements": requirement_columns(results),
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    yield text[:-2] + ',\n  "plans": ['
    first = True
    for r in results:
        yield ("\n    " if first else ",\n    ") + json.dumps(plan_result_to_dict(r), ensure_ascii=False)
        first = False
    yield "\n  ]\n}\n" if not first else "]\n}\n"


STATUS_NAMES = {
    "vi": {"ok": "đạt", "fail": "không đạt", "error": "không đọc được",
           "met": "đáp ứng", "partial": "một phần", "missing": "thiếu", "placeholder": "để trống"},
    "en": {"ok": "pass", "fail": "fail", "error": "unreadable",
           "met": "met", "partial": "partial", "missing": "missing", "placeholder": "placeholder"},
}


def render_text(results: Iterable[PlanResult], *, lang: str = "vi") -> str:
    """A terminal summary: one line per plan, then the totals and the most-missed requirements."""
    return "\n".join(iter_text(results, lang=lang))


def iter_text(results: Iterable[PlanResult], *, lang: str = "vi") -> Iterator[str]:
    """The lines of :func:`render_text` (``results`` is iterated twice)."""
    names = STATUS_NAMES.get(lang, STATUS_NAMES["vi"])
    vi = lang != "en"
    for r in results:
        head = f"{names[r.status]:<15} {r.unit}  ({r.file})"
        if r.error is not None:
            yield f"{head}\n                {r.error}"
            continue
        c = r.counts
        detail = (f"{c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} lưu ý" if vi
                  else f"{c['error']} errors, {c['warning']} warnings, {c['info']} notes")
        if r.coverage is not None:
            miss = [q.id for q in r.coverage.requirements if q.status == "missing"]
            detail += f"; {'điểm' if vi else 'score'} {r.coverage.score:.0%}"
            if miss:
                detail += f"; {'thiếu' if vi else 'missing'}: {', '.join(miss)}"
        yield f"{head}\n                {detail}"
    yield ""
    yield from summary_lines(summary(results), lang=lang)


def summary_lines(s: dict[str, Any], *, lang: str = "vi") -> list[str]:
    """The totals of :func:`summary` as a few lines for the terminal."""
    vi = lang != "en"
    lines: list[str] = []
    if vi:
        lines.append(f"{s['plans']} kế hoạch: {s['checked']} đã kiểm tra, {s['unreadable']} không đọc được, "
                     f"{s['failing']} không đạt.")
        lines.append(f"{s['units_compliant']}/{s['units']} đơn vị đạt yêu cầu.")
    else:
        lines.append(f"{s['plans']} plans: {s['checked']} checked, {s['unreadable']} unreadable, "
                     f"{s['failing']} failing.")
        lines.append(f"{s['units_compliant']}/{s['units']} units compliant.")
    if s["mean_score"] is not None:
        lines.append(f"{'Điểm trung bình' if vi else 'Mean score'}: {s['mean_score']:.0%}")
    if s["most_missed"]:
        lines.append("Yêu cầu hay bị thiếu nhất:" if vi else "Most-missed requirements:")
        for m in s["most_missed"]:
            lines.append(f"  {m['id']} ({m['missing']}): {m['text']}")
    return lines
