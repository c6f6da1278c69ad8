"""The CSV form of a batch for spreadsheets: one row per plan, one column per requirement.

Written as UTF-8 with a byte-order mark so Excel shows Vietnamese; the fixed columns come
first (file, unit, header, status, counts, score), then one column per requirement id with
the plan's status for it, then the reason a file could not be read. Headings and statuses
follow ``lang``, and so does the dialect, so the file opens right where it will be opened:

* ``vi`` (the default): cells separated by ``;`` and the score written with a decimal comma
  (``0,8500``), as a PC with Vietnamese regional settings (decimal symbol ``,``, list
  separator ``;``) reads a CSV it opens with a double click: columns split, the score a
  number;
* ``en``: ``,`` and a decimal point (``0.8500``), as an English-settings PC reads it, and
  the statuses by their names in the JSON report (``ok``, ``fail``, ``error``; ``met``…).

Rows are in natural order of unit, then file (``skel-2`` before ``skel-10``). Text that a
spreadsheet would run as a formula is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

import vnplan.vocab as vocab
from vnplan.results import PlanResult, requirement_columns
from vnplan.vocab.types import by_language

#: The fixed columns, by their English names (the headings follow ``lang``: ``labels.json``, ``report_columns``).
FIXED_COLUMNS: tuple[str, ...] = (
    "file", "unit", "authority", "number", "symbol", "date", "title",
    "status", "errors", "warnings", "infos", "score",
)
BOM = "\ufeff"
#: Cell separator and decimal mark by language.
DIALECTS: dict[str, tuple[str, str]] = {"vi": (";", ","), "en": (",", ".")}

_COLUMNS = by_language(vocab.labels().report_columns)
_STATUS = by_language(vocab.labels().batch_status)


def render_csv(results: Iterable[PlanResult], *, bom: bool = True, lang: str = "vi") -> str:
    """The CSV text (with a leading BOM unless ``bom=False``); rows end with CRLF as RFC 4180 says."""
    return "".join(iter_csv(results, bom=bom, lang=lang))


def iter_csv(results: Iterable[PlanResult], *, bom: bool = True, lang: str = "vi") -> Iterator[str]:
    """The CSV text in pieces, one row at a time (``results`` is iterated twice: columns, then rows)."""
    lang = "en" if lang == "en" else "vi"
    sep, point = DIALECTS[lang]
    names = _COLUMNS[lang]
    status = _STATUS["vi"] if lang == "vi" else {}  # English: the statuses' own names (ok, fail, met…)
    ids = [c["id"] for c in requirement_columns(results)]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")

    def take() -> str:
        text = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return text

    w.writerow([_safe(c) for c in (*(names[c] for c in FIXED_COLUMNS), *ids, names["error"])])
    yield (BOM if bom else "") + take()
    for r in results:
        h = r.header or {}
        by_id = {q.id: q.status for q in r.coverage.requirements} if r.coverage is not None else {}
        w.writerow([_safe(c) for c in [
            r.file, r.unit, h.get("authority") or "", h.get("number") or "", h.get("symbol") or "",
            h.get("date") or _partial(h), h.get("title") or "",
            status.get(r.status, r.status),
            r.counts.get("error", 0), r.counts.get("warning", 0), r.counts.get("info", 0),
            "" if r.score is None else f"{r.score:.4f}".replace(".", point),
            *[status.get(by_id[i], by_id[i]) if i in by_id else "" for i in ids],
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
