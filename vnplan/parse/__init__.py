"""Parsing: turn a SourceDocument's blocks into a Plan. Never drops text, never raises on odd text.

The assembly, in order: the run-on pre-pass (:mod:`vnplan.parse.resegment`: a document on one
line becomes blocks), the header, the closing's start, the documents issued with this one
(:mod:`vnplan.parse.attached`), then for the document and for each attached one: legal basis
and preamble, sections, recipients and signature, citations and abbreviations of its own blocks.
Text after the closing (a site's footer, related-document lists) is ``other``: never recipients,
never the document's citations.
"""

from __future__ import annotations

import os

import attrs

from vnplan.errors import NotAPlanError, PatternTimeoutError
from vnplan.model import (
    Block,
    Header,
    LegalBasis,
    Paragraph,
    Plan,
    Section,
    SourceDocument,
    Span,
    evolve,
)
from vnplan.parse.abbreviations import abbreviation_uses, extract_abbreviations
from vnplan.parse.attached import attachment_starts
from vnplan.parse.citations import extract_citations
from vnplan.parse.closing import find_closing, parse_closing
from vnplan.parse.common import (
    LEGAL_BASIS_RE,
    block_span,
    label_of,
    legal_basis_kind,
    trimmed_span,
)
from vnplan.parse.header import parse_header, read_header
from vnplan.parse.outline import build_sections, opens_section
from vnplan.parse.references import extract_references, resolve_references
from vnplan.parse.resegment import resegment
from vnplan.read import read

__all__ = ["parse", "parse_document"]


def parse_document(doc: SourceDocument) -> Plan:
    """Parse the blocks of ``doc`` into a :class:`Plan`.

    Total: any sequence of blocks gives a Plan, and every non-blank character of every block
    is owned by exactly one node (header, legal basis, preamble, a section's heading, title or
    paragraph, a recipient, the signature, ``other`` or ``artifacts``), the nodes of attached
    documents included. A run-on block is split first (the plan's ``source`` is then the split
    document, its blocks mapped back to the original offsets). The one error is a pattern past
    its time limit (:mod:`vnplan.pattern`, the last guard), which names the file.
    """
    try:
        return _parse_blocks(doc)
    except PatternTimeoutError as exc:
        raise exc.at(doc.path) from None


def _parse_blocks(doc: SourceDocument) -> Plan:
    doc, header, body_start = read_header(resegment(doc))  # a block the header ends inside is cut in two
    blocks = doc.blocks
    closing_start = find_closing(blocks, body_start)
    starts = attachment_starts(blocks, closing_start if closing_start < len(blocks) else body_start + 1)
    ends = [*starts, len(blocks)]
    plan = _document(doc, 0, ends[0], header, body_start, closing_start if closing_start <= ends[0] else None)
    attached = []
    for start, end in zip(starts, ends[1:]):
        part_header, part_body = _header(blocks, start, end)
        attached.append(_document(doc, start, end, part_header, part_body))
    return evolve(plan, attached=tuple(attached)) if attached else plan


def _header(blocks: tuple[Block, ...], start: int, end: int) -> tuple[Header, int]:
    """The header of the attached document in ``blocks[start:end]`` and where its body starts.
    Its blocks are numbered from 0 for the header reader, and its spans moved back; a block its
    header ends inside stays whole (what follows the header in it opens the preamble)."""
    header, _ = parse_header(tuple(evolve(b, index=k) for k, b in enumerate(blocks[start:end])))
    header = _shifted(header, start)
    return header, _after(header, start, end)


def _after(header: Header, start: int, end: int) -> int:
    """The position after the last block of ``[start, end)`` the header owns (``start`` if none)."""
    owned = [s.block for s in header.spans if start <= s.block < end]
    return max(owned, default=start - 1) + 1


def _shifted(node, by: int):  # type: ignore[no-untyped-def]
    """``node`` with every Span inside it moved ``by`` blocks down."""
    if isinstance(node, Span):
        return Span(node.block + by, node.start, node.end)
    if isinstance(node, tuple):
        return tuple(_shifted(x, by) for x in node)
    if attrs.has(type(node)):
        return evolve(node, **{f.name: _shifted(getattr(node, f.name), by) for f in attrs.fields(type(node))
                               if f.init})
    return node


def _document(doc: SourceDocument, start: int, end: int, header: Header, body_start: int,
              closing_start: int | None = None) -> Plan:
    """The document in ``doc.blocks[start:end]`` whose header is read and whose body starts at
    ``body_start`` (its closing at ``closing_start`` when already found)."""
    blocks = doc.blocks
    if closing_start is None:
        closing_start = find_closing(blocks, body_start, end)
    body = [b for b in blocks[body_start:closing_start] if b.kind != "artifact"]
    legal, preamble, sections = _body(body)
    rest = _header_rest(blocks, header, body_start)
    preamble = (rest, *preamble) if rest is not None else preamble
    closing = parse_closing(blocks[closing_start:end])
    after = {p.span.block for p in closing.other}
    first = _first_header_block(header, start)
    content = [b.index for b in blocks[first:end] if b.kind != "artifact" and b.index not in after]
    citations = extract_citations(doc, content, own=header)
    by_block: dict[int, list[int]] = {}
    for k, c in enumerate(citations):
        by_block.setdefault(c.span.block, []).append(k)
    legal_basis = tuple(
        LegalBasis(text=b.text, kind=kind, span=block_span(b), citations=tuple(by_block.get(b.index, ())))
        for b, kind in legal
    )
    plan = Plan(
        header=header,
        legal_basis=legal_basis,
        preamble=preamble,
        sections=sections,
        recipients=closing.recipients,
        recipients_heading=closing.heading,
        recipient_groups=closing.groups,
        signature=closing.signature,
        citations=citations,
        abbreviations=extract_abbreviations(doc, content),
        closing=_closing_mark(body),
        other=closing.other,
        artifacts=tuple(block_span(b) for b in blocks[start:end] if b.kind == "artifact") + closing.artifacts,
        source=doc,
    )
    return _with_uses_and_references(plan, doc, range(start, end), after)


def _with_uses_and_references(plan: Plan, doc: SourceDocument, own: range, after: set[int]) -> Plan:
    """The plan with the abbreviations its body uses and the internal references of its body and
    recipients (a recipient may name "các đơn vị tại Mục II"), each resolved against the sections.
    Only the document's own blocks count: not an attached document's, not a site's footer."""
    body = tuple(i for i in plan.body_blocks if i in own and i not in after)
    refs = extract_references(doc, body + tuple(r.span.block for r in plan.recipients))
    return evolve(
        plan,
        abbreviation_uses=abbreviation_uses(doc, body, plan.abbreviations),
        internal_references=resolve_references(refs, doc, plan.sections),
    )


def _header_rest(blocks: tuple[Block, ...], header: Header, body_start: int) -> Paragraph | None:
    """The text of the header's last block after what the header owns of it (a header reader that
    ends inside a block), kept as the first paragraph of the preamble so that no text is lost."""
    last = body_start - 1
    if last < 0:
        return None
    mine = [s for s in header.spans if s.block == last]
    if not mine:
        return None
    span = trimmed_span(blocks[last], max(s.end for s in mine))
    return Paragraph(blocks[last].text[span.start : span.end], span) if span is not None else None


def _first_header_block(header: Header, start: int) -> int:
    """Where the document itself starts: at the first part of its header that was recognised, so
    that what a site prints above it (a title line, a metadata table) is not searched for citations."""
    fields = (header.parent_authority_span, header.authority_span, header.national_name_text,
              header.motto_text, header.number_text, header.date_text, header.doc_type_text)
    blocks = [(f.span if hasattr(f, "span") else f).block for f in fields if f is not None]
    return max(start, min(blocks, default=start))


def _body(body: list[Block]) -> tuple[list[tuple[Block, str]], tuple[Paragraph, ...], tuple[Section, ...]]:
    """The legal basis and preamble before the first labelled block, and the section tree."""
    first_label = next((k for k, b in enumerate(body) if opens_section(b) and _basis(b) is None),
                       len(body))
    legal: list[tuple[Block, str]] = []
    preamble: list[Paragraph] = []
    for b in body[:first_label]:
        kind = _basis(b)
        if kind is None and legal and not _ends_sentence(legal[-1][0].text):
            kind = "continued"  # a wrapped continuation of the previous legal-basis item
        if kind is not None:
            legal.append((b, kind))
        elif b.text.strip():
            preamble.append(Paragraph(b.text.strip(), _trim(b)))
    before, sections = build_sections(body[first_label:])
    return legal, (*preamble, *before), sections


def _basis(b: Block) -> str | None:
    """The kind of legal-basis item ``b`` opens (``Căn cứ …``, or ``- Căn cứ …`` as older decisions list them)."""
    text = b.text
    lab = label_of(text)
    if lab is not None and lab.style == "dash":
        text = text[lab.end :]
    return legal_basis_kind(text) if LEGAL_BASIS_RE.match(text) else None


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ":"))


def _trim(b: Block) -> Span:
    t = b.text
    start = len(t) - len(t.lstrip())
    return Span(b.index, start, len(t.rstrip()))


def _closing_mark(body: list[Block]) -> Span | None:
    """Where the body's ``./.`` stands (it ends the last body paragraph)."""
    for b in reversed(body):
        t = b.text.rstrip()
        if not t:
            continue
        k = t.rfind("./.")
        if k >= 0 and k + 3 >= len(t) - 1:
            return Span(b.index, k, k + 3)
        return None
    return None


def looks_like_plan(plan: Plan) -> bool:
    """Whether anything plan-like was found: a header element, a section tree or a signature."""
    h = plan.header
    header_found = any(
        (h.number_text, h.date, h.doc_type, h.national_name_text, h.motto_text, h.authority)
    )
    return header_found or (len(plan.sections) > 0 and plan.signature is not None) or (
        plan.signature is not None and bool(plan.recipients)
    )


def parse(source: str | os.PathLike[str] | bytes | SourceDocument, *, require_plan: bool = True) -> Plan:
    """Parse a plan from a path, bytes, a text string or an already-read SourceDocument.

    With ``require_plan`` (the default) a text with nothing of an administrative document
    (no number, date, type, Quốc hiệu, issuer, section tree with signature) raises
    :class:`~vnplan.errors.NotAPlanError`.
    """
    doc = source if isinstance(source, SourceDocument) else read(source)
    plan = parse_document(doc)
    if require_plan and not looks_like_plan(plan):
        raise NotAPlanError(
            "this does not look like an administrative document: no number, date, type, "
            "Quốc hiệu, issuer or signature was found",
            path=doc.path,
        )
    return plan
