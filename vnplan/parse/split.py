"""Cutting a block in two where a part of a document ends inside it (a title the reader joined to ``Căn cứ …``).

The second block keeps the place of its text in the source (line, original offsets), so findings
on it still point at the right line; the blocks after it are renumbered.
"""

from __future__ import annotations

import attrs

from vnplan.model import Block, Run, SourceDocument


def split_block(doc: SourceDocument, index: int, offset: int) -> SourceDocument:
    """``doc`` with block ``index`` cut at ``offset`` (spaces around the cut dropped); unchanged when
    either side would be blank."""
    b = doc.blocks[index]
    head, tail = _parts(b, offset)
    if head is None or tail is None:
        return doc
    blocks = [*doc.blocks[:index], head, tail, *doc.blocks[index + 1:]]
    return attrs.evolve(doc, blocks=tuple(attrs.evolve(x, index=i) for i, x in enumerate(blocks)))


def _parts(b: Block, offset: int) -> tuple[Block | None, Block | None]:
    text = b.text
    end = offset
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = offset
    while start < len(text) and text[start].isspace():
        start += 1
    if end == 0 or start >= len(text):
        return None, None
    head = attrs.evolve(
        b, text=text[:end], line_breaks=tuple(x for x in b.line_breaks if x < end),
        offsets=None if b.offsets is None else b.offsets[:end], runs=_runs(b, 0, end),
    )
    origin = b.original_offset(start)
    line = b.line_of(start)
    offsets = None
    if b.offsets is not None and origin is not None and b.origin is not None:
        base = b.offsets[start]
        offsets = tuple(o - base for o in b.offsets[start:])
        if offsets == tuple(range(len(offsets))):
            offsets = None
    tail = attrs.evolve(
        b, text=text[start:], line_breaks=tuple(x - start for x in b.line_breaks if x > start),
        origin=origin, offsets=offsets, line=line, label=None, runs=_runs(b, start, len(text)),
        location=_location(b, line),
    )
    return head, tail


def _location(b: Block, line: int | None) -> str:
    """The location of a text line (``dòng 12``) moved to the line the tail starts on; any other kept."""
    if line is None or b.line is None or not b.location.endswith(f" {b.line}"):
        return b.location
    return b.location[: -len(str(b.line))] + str(line)


def _runs(b: Block, start: int, end: int) -> tuple[Run, ...]:
    """The runs that cover ``text[start:end]``, cut at its ends (when the runs spell the block's text)."""
    if not b.runs or "".join(r.text for r in b.runs) != b.text:
        return b.runs if start == 0 else ()
    out: list[Run] = []
    pos = 0
    for r in b.runs:
        a, z = max(pos, start), min(pos + len(r.text), end)
        if a < z:
            out.append(attrs.evolve(r, text=b.text[a:z]))
        pos += len(r.text)
    return tuple(out)
