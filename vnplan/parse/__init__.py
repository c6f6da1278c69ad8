"""Parsing: turn a SourceDocument's blocks into a Plan. Never drops text, never raises on odd text."""

from __future__ import annotations

import os

from vnplan.errors import NotAPlanError
from vnplan.model import Block, LegalBasis, Paragraph, Plan, SourceDocument, Span
from vnplan.parse.abbreviations import extract_abbreviations
from vnplan.parse.citations import extract_citations
from vnplan.parse.closing import find_closing, parse_closing
from vnplan.parse.common import LEGAL_BASIS_RE, block_span, label_of, legal_basis_kind
from vnplan.parse.header import read_header
from vnplan.parse.outline import build_sections
from vnplan.read import read

__all__ = ["parse", "parse_document"]


def parse_document(doc: SourceDocument) -> Plan:
    """Parse the blocks of ``doc`` into a :class:`Plan`.

    Total: any sequence of blocks gives a Plan, and every non-blank character of every block
    is owned by exactly one node (header, legal basis, preamble, a section's heading or
    paragraph, a recipient, the signature, ``other`` or ``artifacts``).
    """
    doc, header, body_start = read_header(doc)  # a block the header ends inside is cut in two
    blocks = doc.blocks
    artifacts = tuple(block_span(b) for b in blocks if b.kind == "artifact")
    closing_start = find_closing(blocks, body_start)
    body = [b for b in blocks[body_start:closing_start] if b.kind != "artifact"]

    # Preamble: everything before the first labelled block.
    first_label = next((k for k, b in enumerate(body) if label_of(b.text) is not None), len(body))
    legal: list[tuple[Block, str]] = []
    preamble: list[Paragraph] = []
    for b in body[:first_label]:
        kind = legal_basis_kind(b.text) if LEGAL_BASIS_RE.match(b.text) else None
        if kind is None and legal and not _ends_sentence(legal[-1][0].text):
            # a wrapped continuation of the previous legal-basis item
            kind = "continued"
        if kind is not None:
            legal.append((b, kind))
        elif b.text.strip():
            preamble.append(Paragraph(b.text.strip(), _trim(b)))
    before, sections = build_sections(body[first_label:])
    preamble.extend(before)

    heading, recipients, groups, signature, other = parse_closing(blocks, closing_start)
    content_blocks = [b.index for b in blocks if b.kind != "artifact"]
    citations = extract_citations(doc, content_blocks, own=header)
    by_block: dict[int, list[int]] = {}
    for k, c in enumerate(citations):
        by_block.setdefault(c.span.block, []).append(k)
    legal_basis = tuple(
        LegalBasis(text=b.text, kind=kind, span=block_span(b), citations=tuple(by_block.get(b.index, ())))
        for b, kind in legal
    )
    closing = _closing_mark(blocks, body)
    return Plan(
        header=header,
        legal_basis=legal_basis,
        preamble=tuple(preamble),
        sections=sections,
        recipients=recipients,
        recipients_heading=heading,
        recipient_groups=groups,
        signature=signature,
        citations=citations,
        abbreviations=extract_abbreviations(doc, content_blocks),
        closing=closing,
        other=other,
        artifacts=artifacts,
        source=doc,
    )


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ":"))


def _trim(b: Block) -> Span:
    t = b.text
    start = len(t) - len(t.lstrip())
    return Span(b.index, start, len(t.rstrip()))


def _closing_mark(blocks: tuple[Block, ...], body: list[Block]) -> Span | None:
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
