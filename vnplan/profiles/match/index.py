"""The plan index (chỉ mục kế hoạch): the units of a plan in reading order, with their parts and contexts.

Units are the title, each legal-basis item, each preamble paragraph, each list item (its
heading and the text after its colon together), each paragraph and each table row. A heading
that names a part (*IV. TỔ CHỨC THỰC HIỆN*, *2. Hình thức*) is no unit: it is no evidence of
anything. A unit's roles are those of its part (:func:`~vnplan.profiles.match.parts.title_roles`,
a heading may name several); its context says when it can be no evidence: the legal basis, the
title, and a part reviewing a past year.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from vnplan.model import Paragraph, Plan, Section, Span
from vnplan.profiles.match.parts import (
    heading_like,
    plan_year,
    review_heading,
    title_roles,
)
from vnplan.profiles.match.tables import RowDraft, prose_rows, text_rows, word_rows
from vnplan.profiles.match.tokens import Table, fold, plan_table
from vnplan.profiles.match.units import Segment, Unit
from vnplan.profiles.model import Profile

#: The parts each value of a requirement's ``where`` names (roles of vnplan.model.Section).
ROLES_OF: dict[str, frozenset[str] | None] = {
    "any": None,
    "content": frozenset({"content"}),
    "forms": frozenset({"forms"}),
    "implementation": frozenset({"implementation"}),
    "purpose_requirements": frozenset({"purpose_requirements", "purpose", "requirements"}),
    "funding": frozenset({"funding"}),
}
_NONE: frozenset[int] = frozenset()

#: Units that are never evidence of a topic: the legal basis, the title, a review of a past year.
NOT_EVIDENCE = frozenset({"legal_basis", "title", "review"})


class PlanIndex:
    """The units of a plan, tokenised once, with an inverted index of syllables."""

    def __init__(self, plan: Plan, table: Table) -> None:
        self.plan = plan
        self.abbr = table
        self.year = plan_year(plan)
        self.units: list[Unit] = []
        self._marks: list[tuple[tuple[int, int], str]] = []  # headings in reading order
        self._blocks = plan.source.blocks if plan.source is not None else ()
        self._build()
        self._mark_reviews()
        self.memo: dict[object, object] = {}  # what a phrase matched in a unit, shared by requirements
        self.by_token: dict[str, set[int]] = {}
        by_token = self.by_token
        for u in self.units:
            ui = u.index
            for t in u.pos:
                at = by_token.get(t)
                if at is None:
                    by_token[t] = {ui}
                else:
                    at.add(ui)
            for f in u.fpos:
                by_token.setdefault("~" + f, set()).add(ui)
        self._twins = any(u.fpos for u in self.units)  # units typed without diacritics: twins to look up

    # ------------------------------------------------------------------ building

    def _text(self, span: Span, text: str | None) -> str | None:
        if text is not None and len(text) == span.end - span.start:
            return text
        if 0 <= span.block < len(self._blocks):
            return self._blocks[span.block].text[span.start : span.end]
        return text

    def _add(self, span: Span | None, role: str, text: str | None = None, **more: object) -> Unit | None:
        if span is None:
            return None
        t = self._text(span, text)
        if not t or not t.strip():
            return None
        u = Unit(len(self.units), t, (Segment(0, span.block, span.start, len(t)),), role, self.abbr, **more)  # type: ignore[arg-type]
        self.units.append(u)
        return u

    def _add_row(self, draft: RowDraft, role: str, roles: frozenset[str]) -> None:
        if draft.text.strip():
            self.units.append(Unit(len(self.units), draft.text, tuple(draft.segments), role, self.abbr, roles=roles,
                                   kind="row", cells=tuple(draft.cells), blind=draft.blind))

    def _build(self) -> None:
        plan = self.plan
        h = plan.header
        if h.title and h.title_span is not None:
            u = self._add(h.title_span, "title", h.title, kind="title")
            if u is not None:
                u.context = "title"
        for lb in plan.legal_basis:
            u = self._add(lb.span, "legal_basis", lb.text, kind="legal_basis")
            if u is not None:
                u.context = "legal_basis"
        self._paragraphs(plan.preamble, "preamble", frozenset({"preamble"}))
        for sec in plan.sections:
            self._section(sec, None, 0)

    def _section(self, sec: Section, parent: frozenset[str] | None, depth: int) -> None:
        own = title_roles(sec.title) if depth <= 1 else frozenset()
        roles = own or parent or frozenset({sec.role})
        if sec.heading is not None and sec.title and (own or depth == 0):
            self._marks.append(((sec.heading.block, sec.heading.start), sec.title))
        paragraphs = list(sec.paragraphs)
        if sec.heading is not None and sec.title and not own:
            first = paragraphs[0] if paragraphs and self._same_line(sec.heading, paragraphs[0]) else None
            if first is not None:
                paragraphs.pop(0)
                span = Span(sec.heading.block, sec.heading.start, first.span.end)
                self._add(span, sec.role, roles=roles, kind="item", head_chars=sec.heading.end - sec.heading.start)
            else:
                self._add(sec.heading, sec.role, roles=roles, kind="heading",
                          head_chars=sec.heading.end - sec.heading.start)
        self._paragraphs(paragraphs, sec.role, roles)
        for c in sec.children:
            self._section(c, roles, depth + 1)

    def _same_line(self, heading: Span, p: Paragraph) -> bool:
        if p.span.block != heading.block or not (0 <= p.span.block < len(self._blocks)):
            return False
        return self._blocks[p.span.block].table is None

    def _paragraphs(self, paragraphs: Sequence[Paragraph], role: str, roles: frozenset[str]) -> None:
        for draft, p in prose_rows(word_rows(paragraphs, self._blocks)):
            if draft is not None:
                self._add_row(draft, role, roles)
                continue
            if heading_like(p.text):
                self._marks.append(((p.span.block, p.span.start), p.text))
                continue
            rows = text_rows(p, self._blocks[p.span.block]) if 0 <= p.span.block < len(self._blocks) else None
            if rows is None:
                self._add(p.span, role, p.text, roles=roles)
                continue
            for row, a, b in rows:
                if row is not None:
                    self._add_row(row, role, roles)
                else:
                    self._add(Span(p.span.block, p.span.start + a, p.span.start + b), role, roles=roles)

    def _mark_reviews(self) -> None:
        """Units under a heading that reviews a past year, up to the next heading, get the context ``review``."""
        events = sorted([(pos, 0, text) for pos, text in self._marks] + [(u.position, 1, u) for u in self.units],
                        key=lambda e: (e[0], e[1]))
        review = False
        for _, kind, item in events:
            if kind == 0:
                review = review_heading(item, self.year)  # type: ignore[arg-type]
            elif review and item.context is None:  # type: ignore[union-attr]
                item.context = "review"  # type: ignore[union-attr]

    # ------------------------------------------------------------------ queries

    def candidates(self, tokens: Sequence[str]) -> set[int]:
        """Units holding every one of ``tokens`` (or an unaccented twin of it)."""
        out = self._holding(tokens)
        return set(out) if out else set()  # a copy: the index's own sets stay as they are

    def sorted_candidates(self, tokens: Sequence[str]) -> list[int]:
        """:meth:`candidates` in reading order (no copy of the index's sets made on the way)."""
        out = self._holding(tokens)
        return sorted(out) if out else []

    def _holding(self, tokens: Sequence[str]) -> AbstractSet[int] | None:
        """The units holding every one of ``tokens``: maybe one of the index's own sets, never to change."""
        out: AbstractSet[int] | None = None
        by_token = self.by_token
        twins = self._twins
        for t in tokens:
            has: AbstractSet[int] = by_token.get(t, _NONE)
            if twins:
                twin = by_token.get("~" + fold(t))
                if twin is not None:
                    has = has | twin
            out = has if out is None else out & has
            if not out:
                return None
        return out

    def in_role(self, unit: Unit, where: str) -> bool:
        roles = ROLES_OF.get(where)
        return roles is None or bool(unit.roles & roles)

    def in_any(self, unit: Unit, wheres: Sequence[str]) -> bool:
        return any(self.in_role(unit, w) for w in wheres)

    def anywhere(self, wheres: Sequence[str]) -> bool:
        """Whether one of ``wheres`` names every part (``any``): :meth:`in_any` holds for every unit."""
        return any(ROLES_OF.get(w) is None for w in wheres)

    def roles_of(self, wheres: Sequence[str]) -> frozenset[str]:
        """The roles of the parts ``wheres`` name (none of them ``any``): a unit is :meth:`in_any` of them when
        it has one of these roles."""
        return frozenset().union(*(ROLES_OF[w] or () for w in wheres))

    def has_role(self, where: str) -> bool:
        roles = ROLES_OF.get(where)
        return roles is None or any(u.roles & roles for u in self.units) or any(s.role in roles for s in self.plan.walk())

    def evidence_units(self) -> list[Unit]:
        """Units that may be evidence of a topic (not the legal basis, the title or a review)."""
        return [u for u in self.units if u.context not in NOT_EVIDENCE]


_last: tuple[Plan, Profile | None, PlanIndex] | None = None  # one entry: check() indexes a plan once


def index_for(plan: Plan, profile: Profile | None) -> PlanIndex:
    """The tokenised units of ``plan`` (with ``profile``'s abbreviations), built once per plan and profile.

    Thread-safe: the cache is one tuple read and written whole; a miss only costs an index.
    """
    global _last
    last = _last
    if last is not None and last[0] is plan and last[1] is profile:
        return last[2]
    index = PlanIndex(plan, plan_table(plan, profile))
    _last = (plan, profile, index)
    return index
