"""A batch on the terminal (báo cáo hàng loạt): one line per plan, then the totals and the most-missed requirements.

The counts come from :func:`vnplan.results.summary`; the JSON form is
:func:`vnplan.serialize.batch_to_dict` (streamed by :func:`vnplan.report.json.iter_json`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import vnplan.vocab as vocab
from vnplan.results import PlanResult, summary
from vnplan.vocab.types import by_language

#: Statuses of plans and requirements by language (``labels.json``).
STATUS_NAMES = by_language(vocab.labels().batch_status)


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


def render_summary(results: Iterable[PlanResult], *, lang: str = "vi") -> str:
    """The totals of a batch for the terminal, when the report itself went to a file."""
    return "\n".join(summary_lines(summary(results), lang=lang))
