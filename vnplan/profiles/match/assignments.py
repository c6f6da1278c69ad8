"""Who does what (phân công thực hiện, C306): the passages of a plan that give someone a task.

A passage assigns a task when it lies in the implementation part and either uses a word that
gives a task (*giao*, *chủ trì*, *có trách nhiệm*, *đầu mối*…) or opens with who does it: the
name of a body (*Văn phòng Sở hướng dẫn…*, *Các phòng, đơn vị thuộc Sở triển khai…*, *UBND các
xã…*) or a position (*Trưởng các phòng…*, *Thủ trưởng các đơn vị…*). A row of a task table with
an owner (*Đơn vị chủ trì*) assigns its task wherever the table stands. A skeleton's guidance
inside ``[…]`` assigns nothing.
"""

from __future__ import annotations

from functools import cache

import regex

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.model import Evidence
from vnplan.pattern import guarded
from vnplan.profiles.match.evidence import quote
from vnplan.profiles.match.index import PlanIndex
from vnplan.profiles.match.units import PLACEHOLDER_RE, Unit
from vnplan.vocab.patterns import longest_first, spelt

_LABEL_RE = guarded(r"^\s*(?:[IVXLC]{1,5}|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]\s+|^\s*[-–+•*]\s+")


@cache
def _assign_re() -> regex.Pattern[str]:
    words = vocab.compliance().assignment_words
    return guarded(rf"(?:^|\s)(?:{longest_first(words)})(?:\s|,|:|$)", regex.IGNORECASE)


@cache
def _head_re() -> regex.Pattern[str]:
    heads = [*vocab.organisations().heads, *vocab.compliance().assignee_heads]
    return guarded(rf"{spelt(heads, ('given', 'upper', 'capital'))}\s+\S+\s+\S+")


def _assigns(unit: Unit) -> regex.Match[str] | None:
    text = PLACEHOLDER_RE.sub(lambda x: " " * len(x.group(0)), unit.text)
    m = _assign_re().search(text)
    if m:
        return m
    label = _LABEL_RE.match(text)
    return _head_re().match(text, label.end() if label else 0)


def assignee_span(unit: Unit) -> tuple[int, int] | None:
    """The words of a passage that name who is given its task, when it opens with them (*Thủ trưởng các
    phòng chịu trách nhiệm …*): they say who does it, not what is communicated."""
    label = _LABEL_RE.match(unit.text)
    m = _head_re().match(unit.text, label.end() if label else 0)
    return (m.start(), m.end()) if m else None


def has_implementation(index: PlanIndex) -> bool:
    """Whether the plan says how it is carried out: an implementation part (a heading may name it with
    others: *NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN*), or a task table with an owner column."""
    return index.has_role("implementation") or any(
        u.kind == "row" and u.cell("owner") is not None for u in index.evidence_units())


def assignments(index: PlanIndex) -> list[Evidence]:
    """Passages that give a unit a task (who does what)."""
    out: list[Evidence] = []
    for u in index.evidence_units():
        if u.kind == "row" and u.cell("owner") is not None and not u.placeholder:
            owner = u.cell("owner")
            assert owner is not None
            out.extend(quote(u, [(owner.start, owner.end)], [u.text[owner.start:owner.end]]))
            continue
        if not index.in_role(u, "implementation"):
            continue
        m = _assigns(u)
        if m is not None:
            out.extend(quote(u, [(m.start(), m.end())], [m.group(0).strip()]))
    return out
