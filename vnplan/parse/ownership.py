"""Which node owns which text: the spans that together partition a document's non-blank text."""

from __future__ import annotations

from collections.abc import Iterator

from vnplan.model import Plan, Section, Span


def _section_spans(s: Section) -> Iterator[tuple[str, Span]]:
    if s.heading is not None:
        yield f"section {s.label}", s.heading
    if s.title_span is not None:
        yield f"section {s.label} title", s.title_span
    for p in s.paragraphs:
        yield f"section {s.label} paragraph", p.span
    for c in s.children:
        yield from _section_spans(c)


def owned_spans(plan: Plan) -> list[tuple[str, Span]]:
    """Every (node name, span) a node owns directly. Each non-blank character of the source
    lies in exactly one of them: the parser's "no text is dropped" guarantee."""
    out: list[tuple[str, Span]] = [("header", s) for s in plan.header.spans]
    out += [("legal_basis", lb.span) for lb in plan.legal_basis]
    out += [("preamble", p.span) for p in plan.preamble]
    for s in plan.sections:
        out += list(_section_spans(s))
    if plan.recipients_heading is not None:
        out.append(("recipients_heading", plan.recipients_heading))
    out += [("recipient", r.span) for r in plan.recipients]
    out += [("recipient_group", g.span) for g in plan.recipient_groups]
    if plan.signature is not None:
        out += [("signature", s) for s in plan.signature.spans]
    out += [("other", p.span) for p in plan.other]
    out += [("artifact", s) for s in plan.artifacts]
    for k, a in enumerate(plan.attached):
        out += [(f"attached {k} {name}", s) for name, s in owned_spans(a)]
    return out


def ownership_faults(plan: Plan) -> list[str]:
    """Non-blank characters owned by no node or by several: empty for a correct parse."""
    if plan.source is None:
        return ["plan has no source"]
    counts = [[0] * len(b.text) for b in plan.source.blocks]
    for _name, s in owned_spans(plan):
        row = counts[s.block]
        for k in range(s.start, min(s.end, len(row))):
            row[k] += 1
    faults: list[str] = []
    for b, row in zip(plan.source.blocks, counts):
        for k, c in enumerate(row):
            if b.text[k].isspace():
                continue
            if c != 1:
                faults.append(f"block {b.index} char {k} {b.text[k]!r} owned {c} times: {b.text[:60]!r}")
                break
    return faults
