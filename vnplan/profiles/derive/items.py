"""The items of a parent plan (mục, điểm, gạch đầu dòng): each with its text, its printed place, its part and its addressee.

An item is a section with no sub-items: ``a) Cải cách thể chế: …``, a dash under ``… các nội dung
sau:``, a paragraph of a part with no numbered items. A section with sub-items is their heading
or lead-in: it gives them their part (``Hình thức``, ``Chỉ tiêu``) and, in the implementation part,
their addressee (``1. Sở Nội vụ``, ``Các sở, ngành có trách nhiệm:``), and is no requirement itself.
The text of an item keeps its place in the parent: every offset maps back to a block span.
"""

from __future__ import annotations

from attrs import field, frozen

import vnplan.vocab as vocab
from vnplan.model import Plan, Section, Span
from vnplan.profiles.derive.words import body_name
from vnplan.text import key

_W = vocab.derive()
#: The part a heading names (``headings.json``), tried on a heading's start.
_ROLE_STARTS = tuple((key(ph), s.role) for s in vocab.headings().starts for ph in s.phrases)
_PURPOSE_PARTS = ("purpose", "requirements", "purpose_requirements")
#: What the part of the parent an item comes from means for the unit plan: where its evidence counts.
WHERE_OF_PART = {"purpose": "purpose_requirements", "requirements": "purpose_requirements",
                 "purpose_requirements": "purpose_requirements", "content": "content", "forms": "forms",
                 "implementation": "implementation", "funding": "funding"}


@frozen
class Piece:
    """A run of the parent's text and where it starts (block index, offset in the block)."""

    text: str
    block: int
    start: int


@frozen(eq=False)
class Text:
    """Pieces of one item joined into one string (a title and its body by ``: ``), offsets mapped back."""

    pieces: tuple[Piece, ...]
    title_end: int = 0  # where the body starts in ``value`` (0: no title)
    value: str = field(init=False)
    _starts: tuple[int, ...] = field(init=False)

    def __attrs_post_init__(self) -> None:
        parts, starts, pos = [], [], 0
        for k, p in enumerate(self.pieces):
            if k:
                sep = ": " if k == 1 and self.title_end and not p.text[:1].isspace() else " "
                parts.append(sep)
                pos += len(sep)
            starts.append(pos)
            parts.append(p.text)
            pos += len(p.text)
        object.__setattr__(self, "value", "".join(parts))
        object.__setattr__(self, "_starts", tuple(starts))

    def span(self, a: int, b: int) -> Span:
        """The block span of ``value[a:b]`` (clipped to the piece ``a`` falls in)."""
        k = max((i for i, s in enumerate(self._starts) if s <= a), default=0)
        p, s = self.pieces[k], self._starts[k]
        return Span(p.block, p.start + max(0, a - s), p.start + min(len(p.text), max(a, b) - s))


@frozen(eq=False)
class Item:
    """One item of the parent: its text, printed place (``mục II.3.b``), part and addressee."""

    text: Text
    place: str
    part: str  # purpose, requirements, purpose_requirements, content, forms, implementation, targets, funding, other
    addressee: str | None = None  # implementation: the body or bodies the item is addressed to
    lead: str = ""  # the lead-ins above it, nearest last (``Tuyên truyền qua các hình thức sau:``)

    @property
    def where(self) -> str:
        """Where a unit plan's evidence of a requirement from this item counts in full."""
        return WHERE_OF_PART.get(self.part, "any")


def heading_role(title: str | None) -> str | None:
    """The part a heading names: ``CHỈ TIÊU`` → ``targets``, ``2. Hình thức`` → ``forms``; None for a topic."""
    t = key(title or "").strip()
    if not t:
        return None
    if any(t.startswith(key(h)) for h in _W.target_headings):
        return "targets"
    return next((role for ph, role in _ROLE_STARTS if t.startswith(ph)), None)


def _pieces(plan: Plan, sec: Section) -> tuple[list[Piece], int]:
    """The pieces of a section's own text: its title (found in its block) then its paragraphs."""
    out: list[Piece] = []
    title_end = 0
    if sec.title:
        block = plan.source.blocks[sec.span.block].text if plan.source else ""
        at = block.find(sec.title, sec.heading.start if sec.heading else 0)
        out.append(Piece(sec.title, sec.span.block, max(at, 0)))
        title_end = len(sec.title)
    out += [Piece(p.text, p.span.block, p.span.start) for p in sec.paragraphs if p.text.strip()]
    return out, title_end


def _place(path: list[Section], extra: str = "") -> str:
    """``mục III.4.a``; a dash under 5 is ``mục III.5, gạch đầu dòng thứ 2``."""
    labels = [s.label for s in path if s.style not in ("dash", "plus", "bullet")]
    where = "mục " + ".".join(labels) if labels else "phần nội dung"
    dashes = [(k, s) for k, s in enumerate(path) if s.style in ("dash", "plus", "bullet")]
    if dashes:
        k, d = dashes[-1]
        parent = path[k - 1] if k else None
        n = next((i for i, c in enumerate(parent.children) if c is d), 0) + 1 if parent else 1
        where += f", gạch đầu dòng thứ {n}"
    return where + extra


def _part(path: list[Section]) -> str:
    for s in reversed(path[:-1]):
        role = heading_role(s.title)
        if role:
            return role
    top = path[0]
    return heading_role(top.title) or top.role


def _addressee(sec: Section, pieces: list[Piece], title_end: int, above: list[str]) -> str | None:
    if title_end and body_name(sec.title or ""):
        return sec.title
    first = pieces[0].text if pieces else ""
    if body_name(first):
        return first
    return next((a for a in reversed(above) if body_name(a)), None)


def items(plan: Plan) -> list[Item]:
    """Every item of the parent's body, in reading order, with the lead-ins above it."""
    out: list[Item] = []

    def visit(sec: Section, path: list[Section], above: list[str]) -> None:
        pieces, title_end = _pieces(plan, sec)
        own = " ".join(p.text for p in pieces)
        if sec.children:
            for c in sec.children:
                visit(c, path + [c], above + [own])
            return
        part = _part(path)
        if len(path) == 1 or heading_role(sec.title) and title_end:  # a part with bare paragraphs
            body = pieces[1:] if title_end else pieces
            for n, p in enumerate(body, 1):
                out.append(Item(Text((p,)), _place(path, f", đoạn {n}" if len(body) > 1 else ""), part,
                                _addressee(sec, [p], 0, above) if part == "implementation" else None,
                                " ".join(above + [sec.title or ""])))
            return
        if pieces:
            addressee = _addressee(sec, pieces, title_end, above) if part == "implementation" else None
            out.append(Item(Text(tuple(pieces), title_end), _place(path), part, addressee, " ".join(above)))

    for s in plan.sections:
        visit(s, [s], [])
    return out
