"""The CSV form of a batch for spreadsheets: one row per plan, one column per requirement.

Written as UTF-8 with a byte-order mark so Excel shows Vietnamese; the fixed columns come
first (file, unit, header, status, counts, score), then one column per requirement id with
the plan's status for it, then the error message of an unreadable file. Text that a
spreadsheet would run as a formula is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from vnplan.results import PlanResult, requirement_columns

FIXED_COLUMNS: tuple[str, ...] = (
    "file", "unit", "authority", "number", "symbol", "date", "title",
    "status", "errors", "warnings", "infos", "score",
)
BOM = "\ufeff"


def render_csv(results: Iterable[PlanResult], *, bom: bool = True) -> str:
    """The CSV text (with a leading BOM unless ``bom=False``); rows end with CRLF as RFC 4180 says."""
    return "".join(iter_csv(results, bom=bom))


def iter_csv(results: Iterable[PlanResult], *, bom: bool = True) -> Iterator[str]:
    """The CSV text in pieces, one row at a time (``results`` is iterated twice: columns, then rows)."""
    ids = [c["id"] for c in requirement_columns(results)]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")

    def take() -> str:
        text = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return text

    w.writerow([_safe(c) for c in (*FIXED_COLUMNS, *ids, "error")])
    yield (BOM if bom else "") + take()
    for r in results:
        h = r.header or {}
        by_id = {q.id: q.status for q in r.coverage.requirements} if r.coverage is not None else {}
        w.writerow([_safe(c) for c in [
            r.file, r.unit, h.get("authority") or "", h.get("number") or "", h.get("symbol") or "",
            h.get("date") or _partial(h), h.get("title") or "",
            r.status,
            r.counts.get("error", 0), r.counts.get("warning", 0), r.counts.get("info", 0),
            "" if r.score is None else f"{r.score:.4f}",
            *[by_id.get(i, "") for i in ids],
            r.error or "",
        ]])
        yield take()


def _safe(cell: object) -> object:
    """Text a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) gets a leading
    apostrophe: the cells come from documents sent in by other offices (CSV injection)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def _partial(h: dict) -> str:  # type: ignore[type-arg]
    """A draft's partial date as ``2024-02`` (year and month), or ``2024``."""
    d = h.get("date_parts") or {}
    if not d.get("year"):
        return ""
    out = f"{d['year']:04d}"
    if d.get("month"):
        out += f"-{d['month']:02d}"
    return out
