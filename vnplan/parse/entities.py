"""Named spans in plan text (thực thể): organisations, dates, percentage targets and deadlines.

Plain ``regex`` functions over one string, returning ``(start, end)`` pairs; ``vnplan.nlp``
turns them into spaCy entity spans. Nothing here imports spaCy.
"""

from __future__ import annotations

import vnplan.vocab as vocab
from vnplan.pattern import guarded
from vnplan.vocab.patterns import longest_first, variants

__all__ = ["find_orgs", "find_dates", "find_targets", "find_deadlines"]


_D = vocab.dates()
_F = vocab.figures()
_O = vocab.organisations()


def _v(*words: str) -> str:
    """The words in their case variants (as given, lower, UPPER, Sentence), longest first."""
    return longest_first(variants(words))


# ----------------------------------------------------------------------------- dates

_DAY = r"\d{1,2}"
_NUM_DATE = rf"{_DAY}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?\d{{4}}(?!\d)"
_WORD_DATE = rf"(?:(?:{_v(_D.day)})\s)?{_DAY}\s(?:{_v(_D.month)})\s\d{{1,2}}\s(?:{_v(_D.year)})\s\d{{4}}(?!\d)"
_MONTH = rf"(?:{_v(_D.month)})\s\d{{1,2}}(?:\s?/\s?\d{{4}}|\s(?:{_v(_D.year)})\s\d{{4}})?(?!\d)"
_QUARTER = rf"(?:{_v(_D.quarter)})\s(?:I{{1,3}}|IV|[1-4])(?:\s?/\s?\d{{4}}|\s(?:{_v(_D.year)})\s\d{{4}})?(?![\p{{L}}\d])"
_YEAR = rf"(?:{_v(_D.year)})\s(?:19|20)\d{{2}}(?!\d)"
_DATE_RE = guarded(
    rf"(?<![\p{{L}}\d/])(?:(?:{_v(_D.day)})\s)?{_NUM_DATE}|(?<![\p{{L}}\d])(?:{_WORD_DATE}|{_MONTH}|{_QUARTER}|{_YEAR})"
)


def find_dates(text: str) -> list[tuple[int, int]]:
    """Dates and periods: ``21/01/2024``, ``ngày 21 tháng 01 năm 2024``, ``tháng 6``, ``quý I/2024``, ``năm 2024``."""
    return [m.span() for m in _DATE_RE.finditer(text)]


# ----------------------------------------------------------------------------- deadlines

_BEFORE = _v(*_F.before_words)
_DONE = _v(*_F.done_verbs)
_WHEN = rf"(?:(?:{_v(_D.day)})\s?)?{_NUM_DATE}|{_WORD_DATE}|{_MONTH}|{_QUARTER}|{_YEAR}"
_DEADLINE_RE = guarded(
    rf"(?<![\p{{L}}\d])(?:(?:{_DONE})\s)?(?:{_BEFORE})\s(?:{_WHEN})"
)

_TRONG = guarded(r"trong\s")


def find_deadlines(text: str) -> list[tuple[int, int]]:
    """Deadlines: ``trước ngày 15/12/2024``, ``hoàn thành trong tháng 6``, ``chậm nhất quý II/2024``.

    ``trong …`` counts only after a verb of completion (``hoàn thành trong tháng 6``): alone it
    names a period, not a deadline.
    """
    out: list[tuple[int, int]] = []
    for m in _DEADLINE_RE.finditer(text):
        s = m.group(0).lower()
        if _TRONG.match(s):
            continue
        out.append(m.span())
    return out


# ----------------------------------------------------------------------------- targets

_QUAL = _v(*_F.qualifiers)
_VERB = _v(*_F.target_verbs)
_PCT = r"\d{1,3}(?:[.,]\d{1,2})?\s?%"
_TARGET_RE = guarded(
    rf"(?<![\p{{L}}\d])(?:(?:{_VERB})\s(?:(?:{_QUAL})\s)?{_PCT}(?:\s?(?:{_v(_F.or_more)}))?"
    rf"|(?:(?:{_QUAL})\s)?{_PCT})"
)


def find_targets(text: str) -> list[tuple[int, int]]:
    """Percentage targets: ``đạt trên 90%``, ``đạt 100%``, ``giảm ít nhất 10%``, and bare ``95%``."""
    return [m.span() for m in _TARGET_RE.finditer(text)]


# ----------------------------------------------------------------------------- organisations

_HEADS = _v(*_O.heads)
_PLACE = _v(*vocab.places().units)
# words that end a name: verbs and function words after it ("Sở Y tế chủ trì", "Văn phòng Sở hướng dẫn")
_STOPW = _O.name_ends
_STOP_ALT = "|".join(sorted(_STOPW, key=len, reverse=True))
# a capitalised word, with the lower-case syllable of a compound after it ("Khoa học", "Công nghệ")
_CAPWORD = rf"(?:\p{{Lu}}[\p{{L}}&]*(?:\s(?!(?:{_STOP_ALT})(?!\p{{L}}))\p{{Ll}}+)?|[\p{{Lu}}\d&]{{2,}})"
_ORG_RE = guarded(
    rf"(?<![\p{{L}}\d])(?:{_HEADS})(?=\s\p{{Lu}}|\s(?:{_PLACE})\s\p{{Lu}}|(?![\p{{L}}]))"
    rf"(?:\s(?:{_CAPWORD}|(?:và|-)\s(?!(?:{_HEADS})(?!\p{{L}}))(?:{_CAPWORD})|(?:{_PLACE})(?=\s\p{{Lu}})|(?:nhân dân)))*"
)
_STANDALONE = frozenset(k.lower() for k in _O.not_alone)


def find_orgs(text: str) -> list[tuple[int, int]]:
    """Organisations named by a head word and capitalised words: ``Sở Khoa học và Công nghệ``,
    ``UBND tỉnh Bắc Giang``, ``Trung tâm Ứng dụng KH&CN``. A bare head word (``Sở``) is not one."""
    out: list[tuple[int, int]] = []
    for m in _ORG_RE.finditer(text):
        s = m.group(0)
        if s.lower() in _STANDALONE:
            continue
        out.append(m.span())
    return out
