"""The parse pre-pass for run-on text (văn bản mất xuống dòng): a block holding a whole document becomes blocks.

A PDF page drawn on one baseline, or a plan pasted from a site that dropped its line breaks,
reaches the parser as one block: header, body and closing on one line. Readers stay
plan-agnostic, so the parser splits such a block at its structural markers
(:func:`vnplan.parse.segment.document_cuts`) before reading it. Each new block is an exact
piece of the old one: its text a substring, its ``origin``, ``offsets``, ``line`` and
``line_breaks`` mapped back to the original, so findings still point at the source and every
non-blank character is still owned by exactly one node.
"""

from __future__ import annotations

from functools import cache

import attrs

import vnplan.vocab as vocab
from vnplan.model import Block, SourceDocument
from vnplan.parse.attached import is_type_line, lead_cut
from vnplan.parse.segment import document_cuts, pieces, strong_markers
from vnplan.pattern import guarded
from vnplan.vocab.patterns import hints

#: a block this long with this many markers only a whole document has is a document on one line
MIN_LENGTH = 120
MIN_MARKERS = 3
#: a piece that only separates a flattened table's cells (``|``): an artifact, as the text reader makes it
_SEPARATOR_RE = guarded(r"^\|+$")
#: how far below its type line a title line may carry the ``(Kèm theo …)`` lead
TITLE_REACH = 3


def is_run_on(b: Block) -> bool:
    """Whether block ``b`` holds several parts of a document on one line (a page drawn on one
    baseline, a paste without line breaks)."""
    t = b.text
    if b.kind == "artifact" or len(t) < MIN_LENGTH:
        return False
    found = 0
    for c, h in _anchored_hints():
        found += c in t and h in t
        if found == 2:
            return strong_markers(t) >= MIN_MARKERS
    return False


@cache
def _anchored_hints() -> tuple[tuple[str, str], ...]:
    """Each of :func:`_hints` after a character of it that is rarer in running text (:func:`hints`): one
    character is found in about a third of the time of a word, and most blocks hold neither."""
    return tuple((hints([h]).chars[0], h) for h in _hints())


@cache
def _hints() -> tuple[str, ...]:
    """Plain substrings one of which each strong marker holds: a quick test before the patterns."""
    d30 = vocab.decree30()
    return (d30.national_name.split()[0], d30.motto.split()[0], d30.number_word, d30.number_word.upper(),
            d30.recipients_heading.split()[0], d30.recipients_heading.split()[0].upper(),
            *d30.signature_forms, "I. ", "V. ", "X. ")


def resegment(doc: SourceDocument) -> SourceDocument:
    """``doc`` with every run-on block split at its structural markers, and a title line that
    carries its ``(Kèm theo …)`` line split before it; ``doc`` itself when nothing is split."""
    blocks = doc.blocks
    run_on = [b.index for b in blocks if is_run_on(b)]
    paren = [b.index for b in blocks if b.kind != "artifact" and "(" in b.text]
    near = {j for k in paren for j in range(max(0, k - TITLE_REACH), k + 1)}
    types = {j for j in near if is_type_line(blocks[j].text)}
    cuts = {k: _cuts(blocks[k], k in run_on, any(j in types for j in range(k - TITLE_REACH, k + 1)))
            for k in {*run_on, *paren}}
    if not any(cuts.values()):
        return doc
    out: list[Block] = []
    for b in blocks:
        if cuts.get(b.index):
            base = len(out)
            parts = pieces(b.text, cuts[b.index])
            out.extend(_piece(b, start, end, base + k) for k, (start, end) in enumerate(parts))
        else:
            out.append(attrs.evolve(b, index=len(out)))
    if not run_on:
        return attrs.evolve(doc, blocks=tuple(out))
    note = (f"{'block' if len(run_on) == 1 else 'blocks'} {', '.join(str(i + 1) for i in run_on)}: "
            "the text had no line breaks; it was split at its structural markers (Quốc hiệu, Số, "
            "type, labels, Nơi nhận, signature)")
    return attrs.evolve(doc, blocks=tuple(out), warnings=(*doc.warnings, note))


def _cuts(b: Block, run_on: bool, below_type: bool) -> set[int]:
    """Where block ``b`` is cut: at every marker when it is ``run_on``; before its ``(Kèm theo …)``
    when it is a title line just below a type line (``below_type``); nowhere otherwise."""
    if run_on:
        return document_cuts(b.text)
    cut = lead_cut(b.text) if below_type and b.kind != "artifact" else None
    return {cut} if cut is not None else set()


def _piece(b: Block, start: int, end: int, index: int) -> Block:
    """The part ``[start, end)`` of block ``b`` as a block of its own, mapped back to the source."""
    origin = None if b.origin is None else b.origin + (b.offsets[start] if b.offsets else start)
    offsets = None
    if b.offsets is not None and b.origin is not None and origin is not None:
        base = b.offsets[start]
        offsets = tuple(o - base for o in b.offsets[start:end])
    text = b.text[start:end]
    return attrs.evolve(
        b,
        index=index,
        text=text,
        kind="artifact" if _SEPARATOR_RE.match(text) else b.kind,
        line=b.line_of(start) if b.line is not None else None,
        line_breaks=tuple(k - start for k in b.line_breaks if start < k < end),
        origin=origin,
        offsets=offsets,
        runs=_runs(b, start, end),
        label=b.label if start == 0 else None,
    )


def _runs(b: Block, start: int, end: int):  # type: ignore[no-untyped-def]
    """The formatting runs of ``[start, end)``, when the runs spell the block's text exactly."""
    if not b.runs or "".join(r.text for r in b.runs) != b.text:
        return ()
    out = []
    pos = 0
    for r in b.runs:
        a, z = max(start, pos), min(end, pos + len(r.text))
        if a < z:
            out.append(attrs.evolve(r, text=b.text[a:z]))
        pos += len(r.text)
    return tuple(out)
