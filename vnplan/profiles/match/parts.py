"""The parts of a plan as compliance reads them (các phần của kế hoạch): roles by heading, review parts, the plan's year.

- A heading may name several parts at once: *NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN VÀ PHÂN CÔNG
  THỰC HIỆN* is content, forms and implementation (:func:`title_roles`; the names of parts are
  ``headings.json``'s, the joins ``compliance.json``'s).
- A part that reviews a past year (*Phần thứ nhất: KẾT QUẢ THỰC HIỆN NĂM 2023*, *I. ĐÁNH GIÁ KẾT
  QUẢ … NĂM 2023*) holds no commitment: it runs from its heading to the next heading of the same
  rank (:func:`review_heading`, :func:`part_heading`).
- The plan's year is the one its title names (*… năm 2024*), else the year it is dated.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.model import Plan
from vnplan.pattern import guarded
from vnplan.profiles.figures import YEAR_RE
from vnplan.text import key
from vnplan.vocab.patterns import escape

_YEAR_RE = guarded(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_TITLE_MAX_WORDS = 14


@cache
def _starts() -> tuple[tuple[str, str], ...]:
    pairs = [(key(p), e.role) for e in vocab.headings().starts for p in e.phrases]
    return tuple(sorted(pairs, key=lambda x: -len(x[0])))


@cache
def _joins_re() -> regex.Pattern[str]:
    joins = "|".join(r"\s" + escape(w) + r"\s" if w.isalpha() else escape(w) for w in vocab.compliance().title_joins)
    return guarded(joins)


def _piece_role(piece: str) -> str | None:
    k = piece.strip(" :-–")
    for phrase, role in _starts():
        if k.startswith(phrase):
            return role
    return None


@lru_cache(maxsize=4096)
def title_roles(title: str | None) -> frozenset[str]:
    """The parts a heading names: each piece between its joins (``,``, ``và``) that starts with a part's name.

    ``NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN`` → content and forms; ``ĐỐI TƯỢNG, NỘI DUNG`` → content;
    ``MỤC ĐÍCH, YÊU CẦU`` → purpose and requirements; a title none of whose pieces starts with a
    part's name names none (``Tuyên truyền cải cách thể chế``). Cached: plans name their parts alike.
    """
    if not title or len(title.split()) > _TITLE_MAX_WORDS:
        return frozenset()
    pieces = _joins_re().split(" " + key(title) + " ")
    return frozenset(r for r in (_piece_role(p) for p in pieces) if r)


def plan_year(plan: Plan) -> int | None:
    """The year the plan is for: the one its title names, else the year it is dated."""
    h = plan.header
    if h.title:
        m = YEAR_RE.search(h.title)
        if m and 1900 <= int(m.group("y")) <= 2200:
            return int(m.group("y"))
    d = getattr(h, "date", None)
    year = getattr(d, "year", None)
    return year if isinstance(year, int) else None


def heading_like(text: str) -> bool:
    """A line that stands as a heading: short, no closing punctuation, in capitals or naming a part (*Phần thứ hai*)."""
    t = text.strip()
    if not t or len(t) > 140 or t.endswith((".", ";", ",", ":")):
        return False
    letters = [c for c in t if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    heads = vocab.structure_words().parts
    k = key(t)
    return any(p.heading and k.startswith(p.name + " ") for p in heads)


def review_heading(text: str, year: int | None) -> bool:
    """Whether a heading opens a review of a past year: a review word (*kết quả*, *đánh giá*) and a past
    year, *năm qua*, or *đạt được* (*KẾT QUẢ ĐẠT ĐƯỢC*); never when it names the plan's year."""
    k = key(text)
    cw = vocab.compliance()
    if not any(w in k for w in cw.review_words):
        return False
    years = [int(y) for y in _YEAR_RE.findall(k)]
    if years and year is not None:
        return max(years) < year
    return any(w in k for w in (*cw.past_periods, *cw.review_done))
