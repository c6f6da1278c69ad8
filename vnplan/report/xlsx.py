"""The workbook form of a batch (bảng tính Excel): a matrix sheet, a findings sheet, a requirements sheet.

Written with XlsxWriter (a small pure-Python library with no dependencies of its own):

* **Matrix** (``Ma trận``): the totals on top (``38/41 đơn vị đạt; thiếu nhiều nhất: …``),
  then one row per plan in natural order (``skel-2`` before ``skel-10``): unit, file, result,
  errors, warnings, score, and one column per requirement headed by its id *and wording*,
  each cell the plan's status for it, coloured, then an unreadable file's reason and what reading
  a file warned of; the unit column and the heading row are frozen, the heading row has filters.
* **Findings** (``Phát hiện``): one row per finding: unit, file, rule, severity, message,
  line, place, legal source, requirement.
* **Requirements** (``Yêu cầu``): each requirement with its kind, wording, whether it is
  mandatory, and in how many plans it is met and missing.

Numbers are numbers (counts as integers, the score as a fraction shown as a percentage,
lines as integers); every text cell is written as a string, so a document's ``=…`` is never
run as a formula. Headings and statuses follow ``lang``.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from typing import Any

import vnplan.vocab as vocab
from vnplan.report.messages import translate
from vnplan.results import REQ_STATUSES, PlanResult, requirement_columns, summary
from vnplan.vocab.types import by_language

_COLUMNS = by_language(vocab.labels().report_columns)
_STATUS = by_language(vocab.labels().batch_status)
_SEVERITY = by_language(vocab.labels().severities)
_KINDS = by_language(vocab.labels().kinds)
_BOOK = by_language(vocab.labels().workbook)

#: Cell colours of the statuses (the HTML report's).
COLOURS: dict[str, str] = {"met": "#C8E6C9", "partial": "#FFF3C4", "placeholder": "#E4D7F5", "missing": "#F8C7C4",
                           "ok": "#C8E6C9", "fail": "#F8C7C4", "error": "#E4D7F5"}
#: Width of a requirement column, in characters; its heading wraps the wording to this width.
REQUIREMENT_WIDTH = 18
#: The fixed columns of the matrix before the requirements.
MATRIX_FIXED: tuple[str, ...] = ("unit", "file", "status", "errors", "warnings", "score")


def render_xlsx(results: Iterable[PlanResult], *, lang: str = "vi", profile: str | None = None) -> bytes:
    """The workbook as bytes (``results`` is iterated several times: a list or a Spool, in the order to show)."""
    import xlsxwriter  # the documented lazy import (docs/design.md): about 0.05 s, only a workbook needs it

    lang = "en" if lang == "en" else "vi"
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    fmt = _formats(book)
    reqs = requirement_columns(results)
    _matrix(book, fmt, results, reqs, lang, profile)
    _findings(book, fmt, results, lang)
    _requirements(book, fmt, results, reqs, lang)
    book.close()
    return buf.getvalue()


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top"}
    out = {
        "text": book.add_format({**base, "text_wrap": True}),
        "plain": book.add_format(base),
        "int": book.add_format({**base, "num_format": "0"}),
        "pct": book.add_format({**base, "num_format": "0%"}),
        "head": book.add_format({**base, "bold": True, "bg_color": "#EEF1F5", "border": 1, "text_wrap": True}),
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
    }
    for status, colour in COLOURS.items():
        out[status] = book.add_format({**base, "bg_color": colour, "border": 1, "align": "center"})
    return out


def _summary_line(s: dict[str, Any], lang: str) -> str:
    words = _BOOK[lang]
    line = words["units_line"].format(compliant=s["units_compliant"], units=s["units"])
    if s["most_missed"]:
        items = ", ".join(f"{m['id']} ({m['missing']})" for m in s["most_missed"][:5])
        line += "; " + words["most_missed_line"].format(items=items)
    return line


def _matrix(book: Any, fmt: dict[str, Any], results: Iterable[PlanResult],
            reqs: list[dict[str, Any]], lang: str, profile: str | None) -> None:
    names, status = _COLUMNS[lang], _STATUS[lang]
    sheet = book.add_worksheet(_BOOK[lang]["matrix"])
    sheet.write_string(0, 0, _summary_line(summary(results), lang), fmt["title"])
    if profile:
        sheet.write_string(1, 0, profile, fmt["plain"])
    sheet.write_string(2, 0, _BOOK[lang]["legend"], fmt["plain"])
    head = 3
    headings = [names[c] for c in MATRIX_FIXED]
    for col, text in enumerate(headings):
        sheet.write_string(head, col, text, fmt["head"])
    first = len(headings)
    for j, c in enumerate(reqs):
        sheet.write_string(head, first + j, f"{c['id']}\n{c['text']}", fmt["head"])
    last = first + len(reqs)
    sheet.write_string(head, last, names["error"], fmt["head"])
    sheet.write_string(head, last + 1, names["reading_warnings"], fmt["head"])
    sheet.set_row(head, 15 * _heading_lines(reqs))
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, 5, 11)
    if reqs:
        sheet.set_column(first, last - 1, REQUIREMENT_WIDTH)
    sheet.set_column(last, last + 1, 50)
    row = head
    for r in results:
        row += 1
        sheet.write_string(row, 0, r.unit, fmt["text"])
        sheet.write_string(row, 1, r.file, fmt["text"])
        sheet.write_string(row, 2, status[r.status], fmt[r.status])
        if r.error is None:
            sheet.write_number(row, 3, r.counts.get("error", 0), fmt["int"])
            sheet.write_number(row, 4, r.counts.get("warning", 0), fmt["int"])
        if r.score is not None:
            sheet.write_number(row, 5, r.score, fmt["pct"])
        by_id = {q.id: q.status for q in r.coverage.requirements} if r.coverage is not None else {}
        for j, c in enumerate(reqs):
            s = by_id.get(c["id"])
            if s is not None:
                sheet.write_string(row, first + j, status.get(s, s), fmt.get(s, fmt["plain"]))
        if r.error:
            sheet.write_string(row, last, r.error, fmt["text"])
        if r.warnings:  # what reading the file warned of: the text checked may differ from the original
            sheet.write_string(row, last + 1, "\n".join(translate(w, lang) for w in r.warnings), fmt["text"])
    sheet.freeze_panes(head + 1, 1)
    sheet.autofilter(head, 0, max(row, head), last + 1)


def _heading_lines(reqs: list[dict[str, Any]]) -> int:
    """How many lines the tallest requirement heading takes at :data:`REQUIREMENT_WIDTH` (2 to 8)."""
    longest = max((len(c["text"]) for c in reqs), default=0)
    return max(2, min(8, 1 + -(-longest // REQUIREMENT_WIDTH)))


def _findings(book: Any, fmt: dict[str, Any], results: Iterable[PlanResult], lang: str) -> None:
    names, sev = _COLUMNS[lang], _SEVERITY[lang]
    sheet = book.add_worksheet(_BOOK[lang]["findings"])
    cols = ("unit", "file", "rule", "severity", "message", "line", "place", "source", "requirement")
    for col, c in enumerate(cols):
        sheet.write_string(0, col, names[c], fmt["head"])
    for col, width in enumerate((30, 24, 8, 10, 70, 7, 16, 40, 12)):
        sheet.set_column(col, col, width)
    row = 0
    for r in results:
        for f in r.findings:
            row += 1
            sheet.write_string(row, 0, r.unit, fmt["text"])
            sheet.write_string(row, 1, r.file, fmt["text"])
            sheet.write_string(row, 2, f.rule, fmt["plain"])
            sheet.write_string(row, 3, sev.get(f.severity, f.severity), fmt["plain"])
            sheet.write_string(row, 4, f.message, fmt["text"])
            if f.line is not None:
                sheet.write_number(row, 5, f.line, fmt["int"])
            sheet.write_string(row, 6, f.location or "", fmt["text"])
            sheet.write_string(row, 7, f.source or "", fmt["text"])
            sheet.write_string(row, 8, f.requirement or "", fmt["plain"])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(row, 0), len(cols) - 1)


def _requirements(book: Any, fmt: dict[str, Any], results: Iterable[PlanResult],
                  reqs: list[dict[str, Any]], lang: str) -> None:
    names, kinds = _COLUMNS[lang], _KINDS[lang]
    sheet = book.add_worksheet(_BOOK[lang]["requirements"])
    cols = ("requirement", "kind", "text", "mandatory", *REQ_STATUSES)
    heads = [names[c] for c in cols[:4]] + [_STATUS[lang][s] for s in REQ_STATUSES]
    for col, text in enumerate(heads):
        sheet.write_string(0, col, text, fmt["head"])
    for col, width in enumerate((14, 12, 70, 10, 11, 11, 11, 11)):
        sheet.set_column(col, col, width)
    tally: dict[str, Counter[str]] = {c["id"]: Counter() for c in reqs}
    for r in results:
        if r.coverage is not None:
            for q in r.coverage.requirements:
                tally.setdefault(q.id, Counter())[q.status] += 1
    for row, c in enumerate(reqs, start=1):
        sheet.write_string(row, 0, c["id"], fmt["plain"])
        sheet.write_string(row, 1, kinds.get(c["kind"], c["kind"]), fmt["plain"])
        sheet.write_string(row, 2, c["text"], fmt["text"])
        sheet.write_string(row, 3, names["yes"] if c["mandatory"] else names["no"], fmt["plain"])
        for k, s in enumerate(REQ_STATUSES):
            sheet.write_number(row, 4 + k, tally[c["id"]][s], fmt["int"])
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, max(len(reqs), 0), len(cols) - 1)


__all__ = ["COLOURS", "render_xlsx"]
