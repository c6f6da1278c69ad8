"""Deadlines an item states (thời hạn): the last day each task may be done, and what a reviewer should check.

Read: the forms the matcher reads (``trước ngày 15/12/2025``, ``hoàn thành trong Quý III/2025``,
``trong tháng 3/2025``: :data:`vnplan.profiles.figures.DEADLINE_RE`); a day without its year
(``trước ngày 15/6``, the parent's year assumed); the end of a period (``từ ngày 15/10 đến ngày
15/11/2025``, ``đến hết tháng 3/2025``), unless the period bounds data (``số liệu tính từ … đến
…``); the quarterly ``trước ngày 15 của tháng cuối quý`` (the first quarter's date given).
``trong năm 2025`` alone is the plan's period, not a deadline, unless a task is to be completed
(``hoàn thành trong năm 2025``). A recurring report (``định kỳ 6 tháng``, ``hằng quý``) is noted:
the profile holds one date.
"""

from __future__ import annotations

import calendar
import datetime as _dt

import regex
from attrs import frozen

import vnplan.vocab as vocab
from vnplan.profiles.derive.words import first_match
from vnplan.profiles.figures import DEADLINE_RE, deadline_date

_W = vocab.derive()
_F = vocab.figures()
_D = vocab.dates()


def _alts(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_DM = r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})"
_NO_YEAR = regex.compile(rf"(?:{_alts(_F.deadline_leads)})\s+{_D.day}\s+{_DM}(?!\s*/\s*\d)", regex.IGNORECASE)
_QUARTERLY = regex.compile(
    rf"(?:{_alts(_F.deadline_leads)})\s+{_D.day}\s+(?P<d>\d{{1,2}})\s+(?:của\s+)?{regex.escape(_W.quarter_last_month)}",
    regex.IGNORECASE)
_PERIOD_END = regex.compile(
    rf"(?:từ\s+{_D.day}\s+\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?\s+)?đến\s+(?:hết\s+)?"
    rf"(?:{_D.day}\s+{_DM}\s*/\s*(?P<y>\d{{4}})|{_D.month}\s+(?P<m2>\d{{1,2}})\s*/\s*(?P<y2>\d{{4}}))",
    regex.IGNORECASE)


@frozen
class Deadline:
    """A deadline in a clause: the due date, the expression's offsets, and doubts for the reviewer."""

    due: _dt.date
    start: int
    end: int
    review: tuple[str, ...] = ()


def _date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> _dt.date | None:
    return _date(y, m, calendar.monthrange(y, m)[1]) if 1 <= m <= 12 else None


def _found(clause: str, year: int | None) -> list[Deadline]:
    out: list[Deadline] = []
    for m in DEADLINE_RE.finditer(clause):
        if m.group("y5") and not first_match(_F.done_verbs, clause[max(0, m.start() - 16) : m.end()]):
            continue  # "trong năm 2025": the plan's period
        d = deadline_date(m)
        if d:
            out.append(Deadline(d, m.start(), m.end()))
    for m in _PERIOD_END.finditer(clause):
        if first_match(_W.data_period_cues, clause[max(0, m.start() - 30) : m.start() + 8]):
            continue
        d = _date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m.group("y") else \
            _month_end(int(m.group("y2")), int(m.group("m2")))
        if d:
            out.append(Deadline(d, m.start(), m.end()))
    if year:
        for m in _NO_YEAR.finditer(clause):
            d = _date(year, int(m.group("m")), int(m.group("d")))
            if d:
                out.append(Deadline(d, m.start(), m.end(), (f"the day is given without its year: {year} assumed",)))
        for m in _QUARTERLY.finditer(clause):
            d = _date(year, 3, int(m.group("d")))
            if d:
                why = "due every quarter: the first quarter's date is given, vnplan compares that one"
                out.append(Deadline(d, m.start(), m.end(), (why,)))
    return out


def deadlines(clause: str, year: int | None) -> list[Deadline]:
    """The deadlines of ``clause`` in reading order, overlapping readings kept once (the longest)."""
    found = sorted(_found(clause, year), key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Deadline] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    cue = first_match(_W.recurring, clause)
    if cue and out:
        why = f"a recurring report ({cue.group(0)}): vnplan compares the one date given"
        out = [Deadline(d.due, d.start, d.end, d.review + (why,)) for d in out]
    return out
