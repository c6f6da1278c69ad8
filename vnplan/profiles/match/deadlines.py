"""Deadlines (thời hạn): every dated deadline of the plan's body, each read as the last day it allows.

The forms: *trước ngày 15/12/2024*, *trước 15/12/2024*, *chậm nhất ngày 10 tháng 12 năm 2024*,
*trong tháng 3/2025*, *đến hết tháng 3/2025*, *trong quý IV năm 2024*, *quý I/2025*, *trong năm
2024*, *vào đầu năm 2025* (a part of a year: its last month), and a day without a year (*trước ngày
20/12*, *trước ngày 20 tháng 12*), which is in the plan's year, or in the next with *năm sau*. In a task
table the deadline column needs no lead word (*Tháng 3/2024*, *Quý II/2024*). Deadlines in the
legal basis, a review of a past year, or a refused or past clause do not count.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from functools import cache

import regex

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.model import Evidence, RequirementResult
from vnplan.pattern import guarded
from vnplan.profiles.figures import YEAR_RE
from vnplan.profiles.match.evidence import quote, result
from vnplan.profiles.match.index import PlanIndex
from vnplan.profiles.match.phrases import Compiled, match_phrase
from vnplan.profiles.match.scope import scope_of
from vnplan.profiles.match.topics import subject_groups
from vnplan.profiles.match.units import Unit
from vnplan.profiles.model import Profile
from vnplan.vocab.patterns import escape, in_order

_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@cache
def _date_re(lead_required: bool) -> regex.Pattern[str]:
    d = vocab.dates()
    day, month, year, quarter = (escape(w) for w in (d.day, d.month, d.year, d.quarter))
    # a part of a year leads its year by itself (*đầu năm 2025*)
    leads = in_order([*vocab.compliance().deadline_ends, *vocab.figures().deadline_leads, *d.year_parts])
    lead = rf"(?P<lead>{leads})\s+" if lead_required else rf"(?:(?P<lead>{leads})\s+)?"
    nxt = rf"(?:\s+{year}\s+(?P<next>{in_order(d.next_year)})(?!\w))?"  # *… năm sau*: the plan's year + 1
    return guarded(
        rf"(?<!\w){lead}(?:(?:hết\s+)?{day}\s+)?(?:"
        r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
        rf"|(?P<d2>\d{{1,2}})\s+{month}\s+(?P<m2>\d{{1,2}})\s+{year}\s+(?P<y2>\d{{4}})"
        rf"|{month}\s+(?P<m3>\d{{1,2}})\s*(?:/|{year})\s*(?P<y3>\d{{4}})"
        rf"|{quarter}\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:/|{year})\s*(?P<y4>\d{{4}})"
        rf"|{year}\s+(?P<y5>\d{{4}})"
        rf"|(?P<d7>\d{{1,2}})\s+{month}\s+(?P<m7>\d{{1,2}})(?!\s*[/.-]?\s*\d){nxt}"
        rf"|(?P<d6>\d{{1,2}})\s*/\s*(?P<m6>\d{{1,2}})(?![\d/.-]){nxt})",
        regex.IGNORECASE,
    )


def _month_end(y: int, m: int) -> _dt.date:
    nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def last_day(m: regex.Match[str], year: int | None) -> _dt.date | None:
    """The last day a deadline expression allows (a day without a year is in ``year``)."""
    g = m.group
    try:
        if g("y"):
            return _dt.date(int(g("y")), int(g("m")), int(g("d")))
        if g("y2"):
            return _dt.date(int(g("y2")), int(g("m2")), int(g("d2")))
        if g("y3"):
            return _month_end(int(g("y3")), int(g("m3")))
        if g("y4"):
            return _month_end(int(g("y4")), 3 * _ROMAN_Q[g("q").upper()])
        if g("y5"):
            part = vocab.dates().year_parts.get((g("lead") or "").lower(), 12)
            return _month_end(int(g("y5")), part)
        if year is None:
            return None
        if g("d7"):  # a day without a year: the plan's year, or the next one (*năm sau*)
            return _dt.date(year + bool(g("next")), int(g("m7")), int(g("d7")))
        if g("d6"):
            return _dt.date(year + bool(g("next")), int(g("m6")), int(g("d6")))
    except (ValueError, KeyError):  # 31/02, year 0: not a date
        return None
    return None


#: What every form of a deadline holds: a year's four digits, the slash of a day and month (``20/12``), or a
#: day before the word of the month (``20 tháng 12``).
_DATE_HINT_RE = guarded(rf"\d{{4}}|\d\s*/|\d\s+{escape(vocab.dates().month)}", regex.IGNORECASE)


def deadlines_in(unit: Unit, year: int | None) -> Iterator[tuple[int, int, _dt.date]]:
    """(start, end, last day) of each deadline of a unit that counts: not in a refused or past clause."""
    if not _DATE_HINT_RE.search(unit.text):
        return  # every form of a deadline holds a year or a day and month (tests/test_quick_paths.py)
    deadline_cell = unit.cell("deadline")
    scope = scope_of(unit, year)
    for m in _date_re(True).finditer(unit.text):
        if (m.group("d6") or m.group("d7")) and not m.group("lead"):
            continue
        d = last_day(m, year)
        tok = unit.token_at(m.start())
        if d is None or scope.refused_by(tok, tok) or scope.clause_of(tok).past:
            continue
        yield m.start(), m.end(), d
    if deadline_cell is not None:  # a table's deadline column: "Quý II/2024", "Tháng 3/2024"
        for m in _date_re(False).finditer(unit.text, deadline_cell.start, deadline_cell.end):
            if m.group("lead") or m.group("d6") or m.group("d7"):
                continue  # read above, or a bare day/month that may be anything
            d = last_day(m, year)
            if d is not None:
                yield m.start(), m.end(), d


def _names_context(c: Compiled, unit: Unit, start: int, end: int, year: int | None,
                   skip: frozenset[int] = frozenset()) -> bool:
    """Whether the clause of a deadline (or, in a table, its row) names every context group (*báo cáo*)
    but those in ``skip`` (groups the plan's title names for every passage: :func:`_title_named`).
    ``year`` is the plan's, as every reader of a unit's scope gives it (the scope is kept on the unit)."""
    if unit.kind == "row":
        lo, hi = 0, len(unit.tokens)
    else:
        scope = scope_of(unit, year)
        tok = unit.token_at(start)
        clause = scope.clause_of(tok)
        lo, hi = clause.first, clause.end
    return all(any(match_phrase(ph, unit, lo, hi) is not None for ph in g) for k, g in enumerate(c.groups)
               if k not in skip)


def _title_named(c: Compiled, index: PlanIndex, profile: object) -> frozenset[int]:
    """The groups of ``c`` that only name the parent's subject (*dân chủ ở cơ sở*) and that the unit plan's
    title names: the title says it for every task, so a task's clause need not repeat it (*Tổ chức Hội nghị
    cán bộ, công chức xã, xong trước ngày 20/3/2025* in a plan titled *Thực hiện dân chủ ở cơ sở năm 2025*),
    as for a content requirement (:func:`~vnplan.profiles.match.topics.with_title_subject`)."""
    subj = subject_groups(c, profile) if isinstance(profile, Profile) else set()
    title = next((u for u in index.units if u.kind == "title"), None)
    if not subj or title is None:
        return frozenset()
    n = len(title.tokens)
    return frozenset(k for k in subj if any(match_phrase(ph, title, 0, n) is not None for ph in c.groups[k]))


def eval_deadline(c: Compiled, index: PlanIndex, profile: object = None) -> RequirementResult:
    """No deadline later than the parent's (C305); without any, the plan's year in its title."""
    req = c.req
    due = req.evidence.due
    assert due is not None
    due_s = f"{due:%d/%m/%Y}"
    found: list[tuple[Evidence, _dt.date]] = []
    skip = _title_named(c, index, profile) if c.groups else frozenset()
    for u in index.evidence_units():
        if u.role == "preamble":
            continue
        for s, e, d in deadlines_in(u, index.year):
            if c.groups and not _names_context(c, u, s, e, index.year, skip):
                continue
            found.extend((ev, d) for ev in quote(u, [(s, e)], [u.text[s:e]]))
    late = [(ev, d) for ev, d in found if d > due]
    if late:
        ev, d = max(late, key=lambda x: x[1])
        return result(req, "partial", 0.4, [e for e, _ in late], reason="later",
                      note=f"thời hạn {d:%d/%m/%Y} muộn hơn thời hạn của kế hoạch cấp trên ({due_s})",
                      note_en=f"deadline {d:%d/%m/%Y} is later than the parent's ({due_s})",
                      details={"stated": f"{d:%d/%m/%Y}", "due": due_s, "text": ev.text})
    if found:
        return result(req, "met", 1.0, [ev for ev, _ in found], details={"due": due_s})
    if not c.groups:
        period = _plan_period(req, index, due, due_s)
        if period is not None:
            return period
    return result(req, "missing", 0.0, reason="not_found",
                  note=f"không nêu thời hạn (thời hạn của kế hoạch cấp trên: {due_s})",
                  note_en=f"no deadline stated (the parent's: {due_s})", details={"due": due_s})


def _plan_period(req, index: PlanIndex, due: _dt.date, due_s: str) -> RequirementResult | None:  # type: ignore[no-untyped-def]
    """The plan's own period, "năm 2024" in its title, as the evidence of its deadline."""
    title = next((u for u in index.units if u.role == "title"), None)
    if title is None or not index.plan.header.title:
        return None
    m = YEAR_RE.search(title.text)
    if not m or not 1900 <= int(m.group("y")) <= 2200:  # a year, not a typo such as "năm 0000"
        return None
    y = m.group("y")
    ev = quote(title, [(m.start(), m.end())], [m.group(0)])
    if _dt.date(int(y), 12, 31) <= due:
        return result(req, "met", 1.0, ev, details={"due": due_s, "period": y})
    return result(req, "partial", 0.4, ev, reason="later",
                  note=f"kỳ kế hoạch {y} muộn hơn thời hạn của kế hoạch cấp trên ({due_s})",
                  note_en=f"the plan's period {y} ends after the parent's deadline ({due_s})",
                  details={"stated": f"31/12/{y}", "due": due_s, "text": title.text})
