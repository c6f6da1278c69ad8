"""The body's section tree (bố cục): I., 1., 2.1.1., a), -, + items, their titles and roles."""

from __future__ import annotations

from functools import cache, lru_cache

import attrs

import vnplan.vocab as vocab
from vnplan.model import Block, Paragraph, Section, Span
from vnplan.parse.common import Label, label_of, part_number, roman_value, trimmed_span
from vnplan.pattern import guarded
from vnplan.text import is_upper_text, key

# Usual rank of label styles, most major first (Decree 30, Phụ lục I, mục II.6.d).
_RANK = {
    "part": -3,  # Phần I, Phần thứ hai
    "chapter": -2,  # Chương I
    "upper_letter": -1,  # A. MỤC ĐÍCH, YÊU CẦU / I. Mục đích
    "article": 0,
    "heading": 0,  # a part's heading without its number (MỤC ĐÍCH, YÊU CẦU)
    "roman": 1,
    "arabic": 2,
    "arabic2": 3,
    "arabic3": 4,
    "arabic4": 5,
    "arabic5": 6,
    "arabic_paren": 7,
    "letter": 8,
    "dash": 9,
    "plus": 10,
    "bullet": 11,
}
HEADING_MAX = 120
_LEAD_RE = guarded(r"^(?P<lead>[^.:;]{2,80}?)\s*:\s*(?=\S)")


def _may_lead(rest: str) -> bool:
    """Whether :data:`_LEAD_RE` can match ``rest``, told in C: its colon is the first of ``rest``, two
    characters or more in, with no full stop or semicolon before it (neither the lead nor the white space
    after it holds one). Most long lines hold none such, and the lazy lead tried up to 80 lengths."""
    k = rest.find(":")
    return k >= 2 and "." not in rest[:k] and ";" not in rest[:k]


#: parts named by a word whose title may stand on the line below (``Chương I`` / ``QUY ĐỊNH CHUNG``)
_WORD_PARTS = ("part", "chapter")


@attrs.define
class _Node:
    label: Label
    block: Block
    title: str | None
    heading: Span
    paragraphs: list[Paragraph] = attrs.field(factory=list)
    children: list[_Node] = attrs.field(factory=list)
    title_span: Span | None = None


def _split_heading(b: Block, lab: Label) -> tuple[str | None, Span, Paragraph | None]:
    """Title, the span the heading owns, and the paragraph the rest of the line forms."""
    t = b.text
    rest_span = trimmed_span(b, lab.end)
    if rest_span is None:
        return None, Span(b.index, 0, len(t)), None
    rest = t[rest_span.start : rest_span.end]
    if len(rest) <= HEADING_MAX and not rest.endswith((".", ";", "./.")):
        return rest.rstrip(":").rstrip() or None, Span(b.index, 0, len(t)), None
    m = _LEAD_RE.match(rest) if _may_lead(rest) else None
    if m:
        lead_end = rest_span.start + m.end()
        para = trimmed_span(b, lead_end)
        heading = Span(b.index, 0, rest_span.start + m.end("lead") + 1)
        if para is not None:
            return m.group("lead"), Span(b.index, 0, lead_end), Paragraph(t[para.start : para.end], para)
        return m.group("lead"), heading, None
    return None, Span(b.index, 0, rest_span.start), Paragraph(rest, rest_span)


_ROMAN_BEFORE = {"i": None, "v": "iv", "x": "ix"}
_LETTER_BEFORE = {"i": "h", "v": "u", "x": "v"}


def _lower_roman_one(b: Block, lab: Label, stack: list[_Node]) -> Label:
    """``i.``, ``v.``, ``x.`` are lower-case roman parts, not letters, when no lettered list is open
    (``i.`` opening, ``v.`` after ``iv.``); a lettered list ``h. i.`` keeps its letter."""
    if lab.style != "letter" or lab.label not in _ROMAN_BEFORE or b.text[1:2] != ".":
        return lab
    if any(n.label.style == "letter" and n.label.label == _LETTER_BEFORE[lab.label] for n in stack):
        return lab
    romans = [n for n in stack if n.label.style == "roman"]
    want = _ROMAN_BEFORE[lab.label]
    if (want is None and not romans) or (romans and romans[0].label.label == want):
        return Label("roman", lab.label, lab.end)
    return lab


def build_sections(blocks: list[Block]) -> tuple[tuple[Paragraph, ...], tuple[Section, ...]]:
    """Paragraphs before the first label, and the section tree of the labelled blocks."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    before: list[Paragraph] = []
    for b in blocks:
        lab = label_of(b.text) or _unlabelled_heading(b, roots)
        if lab is None:
            span = trimmed_span(b, 0)
            if span is None:
                continue
            para = Paragraph(b.text[span.start : span.end], span)
            if stack and _is_title_below(stack[-1], para):
                stack[-1].title, stack[-1].title_span = para.text, para.span
            elif stack:
                stack[-1].paragraphs.append(para)
            else:
                before.append(para)
            continue
        lab = _lower_roman_one(b, lab, stack)
        title, heading, lead = _split_heading(b, lab)
        node = _Node(lab, b, title, heading)
        if lead is not None:
            node.paragraphs.append(lead)
        _close_levels(stack, lab)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return tuple(before), tuple(_freeze(n, "other", 0, frozenset()) for n in roots)


def opens_section(b: Block) -> bool:
    """Whether block ``b`` opens a section of the body: a list label, or a part's heading without its number."""
    return label_of(b.text) is not None or _unlabelled_heading(b, []) is not None


def _unlabelled_heading(b: Block, roots: list[_Node]) -> Label | None:
    """A part's heading printed without its number, as a copy that lost Word's automatic ``I.`` gives it: a
    short line in capitals naming a part (``MỤC ĐÍCH, YÊU CẦU``, ``TỔ CHỨC THỰC HIỆN``), a top-level section
    while no labelled one stands at the top."""
    if any(r.label.style != "heading" for r in roots):
        return None
    t = b.text.strip()
    if len(t) > 80 or not is_upper_text(t) or role_of_title(t) is None:
        return None
    return Label("heading", "", 0)


def _close_levels(stack: list[_Node], lab: Label) -> None:
    """Pop the open sections a new label ends: its own style and every style of lower rank; and a
    part or chapter whose number this label continues (``PHẦN II`` then ``III.``: siblings)."""
    styles = [n.label.style for n in stack]
    if lab.style in styles:
        del stack[styles.index(lab.style) :]
        return
    rank = _RANK.get(lab.style, 12)
    while stack and _RANK.get(stack[-1].label.style, 12) > rank:
        stack.pop()
    while stack and stack[-1].label.style in _WORD_PARTS and _continues(stack[-1], lab):
        stack.pop()


def _continues(part: _Node, lab: Label) -> bool:
    """Whether ``lab`` numbers on from ``part`` (the next number, no child of its style yet) rather
    than opening the part's own list at one."""
    if any(c.label.style == lab.style for c in part.children):
        return False
    own = part_number(part.label.label)
    value = roman_value(lab.label) if lab.style == "roman" else (int(lab.label) if lab.label.isdigit() else None)
    return own is not None and value is not None and value == own + 1


def _is_title_below(node: _Node, para: Paragraph) -> bool:
    """The first line under a bare ``Chương I`` / ``Phần II`` that reads as its title (capitals, or short with no full stop)."""
    if node.label.style not in _WORD_PARTS or node.title is not None or node.paragraphs or node.children:
        return False
    t = para.text
    return len(t) <= HEADING_MAX and (is_upper_text(t) or not t.endswith((".", ";", ":")))


@cache
def _role_table() -> tuple[tuple[tuple[tuple[str, ...], ...], str], ...]:
    out: list[tuple[tuple[tuple[str, ...], ...], str]] = []
    for entry in vocab.headings().both:
        out.append((tuple(tuple(key(p) for p in alts) for alts in entry.all_of), entry.role))
    return tuple(out)


@cache
def _starts_table() -> tuple[tuple[str, str], ...]:
    pairs = [(key(p), e.role) for e in vocab.headings().starts for p in e.phrases]
    return tuple(sorted(pairs, key=lambda x: -len(x[0])))


def role_of_title(title: str | None) -> str | None:
    """The role a heading names (``MỤC ĐÍCH, YÊU CẦU`` → ``purpose_requirements``), if any."""
    if not title or len(title) > HEADING_MAX:
        return None
    return _role_of_title(title)


@lru_cache(maxsize=4096)  # headings repeat from plan to plan; short (HEADING_MAX), so the cache stays small
def _role_of_title(title: str) -> str | None:
    k = key(title)
    for groups, role in _role_table():
        if all(any(p in k for p in alts) for alts in groups) and k.startswith(tuple(a for a in groups[0])):
            return role
    for phrase, role in _starts_table():
        if k.startswith(phrase):
            return role
    return None


_PIECE_RE = guarded(r"\s*(?:[,;&]|\svà\s)\s*")


@lru_cache(maxsize=4096)
def roles_named(title: str | None) -> frozenset[str]:
    """The parts a heading names one after another (``NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN`` → content and
    forms; ``KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN`` → funding and implementation), each piece read as a title."""
    if not title or len(title) > HEADING_MAX:
        return frozenset()
    roles = (_role_of_title(p) for p in _PIECE_RE.split(key(title)) if p)
    return frozenset(r for r in roles if r is not None)


def _freeze(n: _Node, parent_role: str, level: int, named: frozenset[str]) -> Section:
    """The section of node ``n``: the role its title names under the body, else its parent's; under a heading
    that names two parts (``NỘI DUNG, HÌNH THỨC``, ``named``), a child titled with one of them takes it."""
    own = role_of_title(n.title)
    if parent_role == "other":
        role = own or "other"
    elif parent_role == "purpose_requirements":
        role = own if own in ("purpose", "requirements") else "purpose_requirements"
    elif own is not None and own in named:
        role = own
    else:
        role = parent_role
    children = tuple(_freeze(c, role, level + 1, roles_named(n.title)) for c in n.children)
    b = n.block
    label = n.label.label
    return Section(
        label=label,
        style=n.label.style,
        title=n.title,
        role=role,
        level=level,
        span=Span(b.index, 0, len(b.text)),
        heading=n.heading,
        paragraphs=tuple(n.paragraphs),
        children=children,
        label_source="numbering" if b.label else "text",
        title_span=n.title_span,
    )
