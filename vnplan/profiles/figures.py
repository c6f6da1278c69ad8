"""Figures and dates in plan text (chỉ tiêu, thời hạn): percentages with their comparators, dated deadlines.

``trên 90%`` is ``>`` 90, ``đạt 100%`` is ``>=`` 100; ``trước ngày 15/12/2024``, ``trong quý IV
năm 2024`` and ``trong năm 2024`` end on 15/12, 31/12 and 31/12/2024.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

import regex

import vnplan.vocab as vocab
from vnplan.pattern import compiled, guarded
from vnplan.text import key
from vnplan.vocab.patterns import escape, in_order, longest_first

_F = vocab.figures()
_D = vocab.dates()
PERCENT_RE = guarded(
    rf"(?P<cmp>(?:(?:{in_order(_F.reach_verbs)})\s+)?(?:{longest_first(w for c in _F.comparators for w in c.words)})?)"
    r"\s*(?P<num>\d{1,3}(?:[.,]\d{1,2})?)\s*%",
    regex.IGNORECASE,
)
#: The words of each comparator, tried in order (``không dưới`` before ``dưới``): figures.json.
_CMP_WORDS = tuple((c.words, c.op) for c in _F.comparators)


@lru_cache(maxsize=256)
def _word_re(word: str) -> regex.Pattern[str]:
    """``word`` as a whole word (compiled once, not on every comparison)."""
    return compiled(rf"(?:^|\s){regex.escape(word)}(?:\s|$)")  # from the start-up store when it holds it


def comparator_of(words: str) -> str:
    """``đạt trên`` → ``>``; a bare figure or ``đạt`` is ``>=`` (reached at least)."""
    w = key(words)
    for forms, op in _CMP_WORDS:
        if any(_word_re(f).search(w) or w.endswith(f) for f in forms):
            return op
    return ">="


_REACH_RE = guarded(rf"^(?:{in_order(_F.reach_verbs)})\b", regex.IGNORECASE)
_OR_MORE_RE = guarded(rf"^\s*{escape(_F.or_more)}\b", regex.IGNORECASE)


def opens_item(m: regex.Match[str], rest: str) -> bool:
    """Whether the percentage ``m`` (a :data:`PERCENT_RE` match), followed by ``rest`` up to the end of its
    comma-separated stretch, opens an item of its own (``50% giao dịch thanh toán trực tuyến``, ``trên 50% hồ
    sơ``: words of its own follow) rather than closing the one before it (``đạt 100%``, ``đạt 100% trở lên``:
    a verb of reaching before it, or nothing but *trở lên* after it)."""
    if _REACH_RE.match(m.group("cmp")):
        return False
    tail = _OR_MORE_RE.sub("", rest, count=1)
    return any(c.isalpha() for c in tail)


def meets(op: str, value: float, p_op: str, p_value: float) -> bool:
    """Whether a unit's commitment ``op value`` is at least as strong as the parent's ``p_op p_value``."""
    if p_op == "=":
        return value == p_value and op in ("=", ">=", "<=")
    lower = p_op in (">", ">=")
    if lower != (op in (">", ">=", "=")):
        return False
    if lower:
        return value > p_value or (value == p_value and (op == ">" or p_op == ">="))
    return value < p_value or (value == p_value and (op == "<" or p_op == "<="))


def format_vi(op: str, v: float, unit: str | None) -> str:
    """``>`` 90 ``%`` → ``trên 90%``."""
    word = _F.stated[op].vi if op in _F.stated else ""
    num = f"{v:g}"
    return f"{word + ' ' if word else ''}{num}{unit or ''}"


def format_en(op: str, v: float, unit: str | None) -> str:
    """``>`` 90 ``%`` → ``above 90%``."""
    word = _F.stated[op].en if op in _F.stated else ""
    return f"{word + ' ' if word else ''}{v:g}{unit or ''}"


_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DAY, _MONTH, _YEAR, _QUARTER = (escape(w) for w in (_D.day, _D.month, _D.year, _D.quarter))
DEADLINE_RE = guarded(
    rf"(?P<lead>{in_order(_F.deadline_leads)})\s+(?:(?:hết\s+)?{_DAY}\s+)?(?:"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    rf"|(?P<d2>\d{{1,2}})\s+{_MONTH}\s+(?P<m2>\d{{1,2}})\s+{_YEAR}\s+(?P<y2>\d{{4}})"
    rf"|{_MONTH}\s+(?P<m3>\d{{1,2}})\s*(?:/|{_YEAR})\s*(?P<y3>\d{{4}})"
    rf"|{_QUARTER}\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:/|{_YEAR})\s*(?P<y4>\d{{4}})"
    rf"|{_YEAR}\s+(?P<y5>\d{{4}}))",
    regex.IGNORECASE,
)
YEAR_RE = guarded(rf"\b{_YEAR}\s+(?P<y>\d{{4}})\b", regex.IGNORECASE)


def _month_end(y: int, m: int) -> _dt.date:
    nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def deadline_date(m: regex.Match[str]) -> _dt.date | None:
    """The last day a deadline expression allows."""
    try:
        if m.group("y"):
            return _dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if m.group("y2"):
            return _dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if m.group("y3"):
            return _month_end(int(m.group("y3")), int(m.group("m3")))
        if m.group("y4"):
            return _month_end(int(m.group("y4")), 3 * _ROMAN_Q[m.group("q").upper()])
        if m.group("y5"):
            return _dt.date(int(m.group("y5")), 12, 31)
    except (ValueError, KeyError):  # 31/02, year 0: not a date
        return None
    return None
