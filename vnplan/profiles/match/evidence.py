"""Evidence that explains itself (bằng chứng): the clause quoted and located, the matched words marked, one result per requirement.

A piece of evidence quotes the clause a match lies in (between ``;``, ``.``, ``:`` and line
breaks, at most 120 characters either side), without its list label, and locates it (block span,
source line). ``marks`` are the matched words' offsets in the quote, for a view to highlight
them (bold in a terminal, ``<mark>`` in HTML).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.model import Evidence, RequirementResult, Span
from vnplan.pattern import guarded
from vnplan.profiles.match.units import Unit
from vnplan.profiles.model import Requirement

_CLAUSE_END_RE = guarded(r"[;!?|]|\.(?!\d)|:\s|\n")
_LABEL_RE = guarded(r"(?:[IVXLC]{1,5}|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]\s+|[-–+•*]\s+")
LIMIT = 120


def clause_span(text: str, start: int, end: int, limit: int = LIMIT) -> tuple[int, int]:
    """Widen ``[start, end)`` of ``text`` to its clause (between ; . : marks), within limits, without a list label."""
    lo = max(0, start - limit)
    ends = [m.end() for m in _CLAUSE_END_RE.finditer(text, lo, start)]
    s = ends[-1] if ends else lo
    m = _CLAUSE_END_RE.search(text, end, min(len(text), end + limit))
    e = m.start() if m else min(len(text), end + limit)
    if s == lo and lo > 0 and start - s >= 10:  # cut inside a long clause: start on a word
        k = text.find(" ", s)
        s = k + 1 if 0 <= k < start else s
    if m is None and e < len(text) and e - end >= 10:
        k = text.rfind(" ", end, e)
        e = k if k > end else e
    while s < e and text[s] in " -–+•,;":
        s += 1
    label = _LABEL_RE.match(text, s)
    if label and label.end() <= start:
        s = label.end()
    while e > s and text[e - 1] == " ":
        e -= 1
    return s, e


def quote(unit: Unit, ranges: Sequence[tuple[int, int]], matched: Sequence[str]) -> list[Evidence]:
    """The clause around the character ranges ``ranges`` of ``unit`` (which lie in one clause), as evidence:
    one piece per block it crosses (a table row's cells are several blocks), the ranges marked."""
    a, b = min(r[0] for r in ranges), max(r[1] for r in ranges)
    s, e = clause_span(unit.text, a, b)
    out = []
    for span, lo, hi in unit.locate(s, e):
        text = unit.text[lo:hi]
        marks = tuple(sorted((max(x, lo) - lo, min(y, hi) - lo) for x, y in ranges if x < hi and y > lo))
        out.append(Evidence(text=text, span=span, matched=tuple(dict.fromkeys(matched)), marks=marks))
    return out


def merge(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Evidence in reading order; overlapping pieces of one block become one, their marks kept."""
    out: list[Evidence] = []
    for ev in sorted(evidence, key=lambda e: e.span):
        if out and out[-1].span.block == ev.span.block and ev.span.start < out[-1].span.end:
            old = out[-1]
            if ev.span.end > old.span.end:  # extend: the later text continues the earlier one
                text = old.text + ev.text[old.span.end - ev.span.start:] if ev.span.start >= old.span.start else ev.text
                span = Span(old.span.block, old.span.start, ev.span.end)
            else:
                text, span = old.text, old.span
            shift = ev.span.start - span.start
            marks = tuple(sorted(set(old.marks) | {(x + shift, y + shift) for x, y in ev.marks}))
            out[-1] = Evidence(text, span, tuple(dict.fromkeys(old.matched + ev.matched)), marks=marks)
        else:
            out.append(ev)
    return tuple(out)


def result(req: Requirement, status: str, score: float, evidence: Iterable[Evidence] = (), *,
           note: str | None = None, note_en: str | None = None, reason: str | None = None,
           details: dict[str, object] | None = None) -> RequirementResult:
    """The result of one requirement, its evidence merged and its score kept within 0..1."""
    return RequirementResult(
        id=req.id, kind=req.kind, text=req.text, status=status, score=round(max(0.0, min(1.0, score)), 3),
        mandatory=req.mandatory, evidence=merge(evidence), note=note, note_en=note_en, reason=reason,
        details=tuple((k, str(v)) for k, v in (details or {}).items()), rule=req.rule_id,
    )


def part_name(where: str, lang: str) -> str:
    """The name of a part of the plan (``labels.json``, roles), for notes."""
    label = vocab.labels().roles.get(where)
    if label is None:
        return "văn bản" if lang == "vi" else "document"
    return label.vi if lang == "vi" else label.en


def locate(r: RequirementResult, blocks: Sequence) -> RequirementResult:  # type: ignore[type-arg]
    """Give each piece of evidence its source line and location."""
    if not blocks or not r.evidence:
        return r
    ev = []
    for e in r.evidence:
        if 0 <= e.span.block < len(blocks):
            b = blocks[e.span.block]
            e = Evidence(e.text, e.span, e.matched, b.line_of(e.span.start), b.location or None, e.marks)
        ev.append(e)
    # attrs.evolve(r, evidence=…), field by field (a field added to RequirementResult must be added here:
    # tests/test_quick_paths.py)
    return RequirementResult(r.id, r.kind, r.text, r.status, r.score, r.mandatory, tuple(ev), r.note, r.note_en,
                             r.reason, r.details, r.rule)
