"""Views of a batch (báo cáo hàng loạt): the JSON form, the requirement matrix, the summary and the terminal text.

The JSON form follows ``schemas/batch.schema.json``. The matrix has one row per plan and
one column per requirement of the profile (in the profile's order, as first met); a cell is
the requirement's status in that plan (``met``, ``partial``, ``missing``, ``placeholder``),
or ``None`` where the plan could not be checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from vnplan.batch import PlanResult
from vnplan.report.json import finding_to_dict

SCHEMA_ID = "vnplan/batch/1"
#: Requirement statuses, best first.
REQ_STATUSES: tuple[str, ...] = ("met", "partial", "placeholder", "missing")


def requirement_columns(results: Sequence[PlanResult]) -> list[dict[str, Any]]:
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


def summary(results: Sequence[PlanResult]) -> dict[str, Any]:
    """How many plans and units, how many units compliant, failing, unreadable; the most-missed requirements.

    A unit is compliant when its latest checked plan (by header date, then file order)
    passes: it was read, it has no error-level finding and no mandatory requirement missing.
    """
    from vnplan.text import fold

    latest: dict[str, PlanResult] = {}
    for r in results:
        k = fold(r.unit) if r.error is None else f"\x00{r.file}"
        cur = latest.get(k)
        if cur is None or _date_key(r) >= _date_key(cur):
            latest[k] = r
    units = [r for r in latest.values() if r.error is None]
    missed: Counter[str] = Counter()
    for r in results:
        if r.coverage is not None:
            missed.update(q.id for q in r.coverage.requirements if q.status == "missing")
    cols = {c["id"]: c for c in requirement_columns(results)}
    scores = [r.score for r in results if r.score is not None]
    return {
        "plans": len(results),
        "checked": sum(r.error is None for r in results),
        "unreadable": sum(r.error is not None for r in results),
        "failing": sum(r.status == "fail" for r in results),
        "units": len(units),
        "units_compliant": sum(r.status == "ok" for r in units),
        "counts": {s: sum(r.counts.get(s, 0) for r in results) for s in ("error", "warning", "info")},
        "mean_score": round(sum(scores) / len(scores), 4) if scores else None,
        "most_missed": [
            {"id": i, "text": cols[i]["text"], "missing": n}
            for i, n in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        ],
    }


def _date_key(r: PlanResult) -> tuple[int, int, int]:
    d = (r.header or {}).get("date_parts") or {}
    return (d.get("year") or 0, d.get("month") or 0, d.get("day") or 0)


def profile_of(results: Sequence[PlanResult]) -> str | None:
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


STATUS_NAMES = {
    "vi": {"ok": "đạt", "fail": "không đạt", "error": "không đọc được",
           "met": "đáp ứng", "partial": "một phần", "missing": "thiếu", "placeholder": "để trống"},
    "en": {"ok": "pass", "fail": "fail", "error": "unreadable",
           "met": "met", "partial": "partial", "missing": "missing", "placeholder": "placeholder"},
}


def render_text(results: Sequence[PlanResult], *, lang: str = "vi") -> str:
    """A terminal summary: one line per plan, then the totals and the most-missed requirements."""
    names = STATUS_NAMES.get(lang, STATUS_NAMES["vi"])
    vi = lang != "en"
    lines: list[str] = []
    for r in results:
        head = f"{names[r.status]:<15} {r.unit}  ({r.file})"
        if r.error is not None:
            lines.append(f"{head}\n                {r.error}")
            continue
        c = r.counts
        detail = (f"{c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} lưu ý" if vi
                  else f"{c['error']} errors, {c['warning']} warnings, {c['info']} notes")
        if r.coverage is not None:
            miss = [q.id for q in r.coverage.requirements if q.status == "missing"]
            detail += f"; {'điểm' if vi else 'score'} {r.coverage.score:.0%}"
            if miss:
                detail += f"; {'thiếu' if vi else 'missing'}: {', '.join(miss)}"
        lines.append(f"{head}\n                {detail}")
    s = summary(results)
    lines.append("")
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
    return "\n".join(lines)
