"""The candidate lines of a header: each block cut at the source's line breaks, at ``|`` cells and
where a flattened line runs several parts together (:mod:`.runs`).

A reader joins the lines of a paragraph, and a legal site's page or a PDF page may hold a whole
header on one line; the recognisers see one part at a time. Each line keeps where it stands
(block, start, end) so every header field keeps its evidence, and whether the reader had joined it
to the line above (a sign that it continues it: a wrapped title).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs
import regex

from vnplan.model import Block, Span, TablePos
from vnplan.parse.header.patterns import fold_line, is_site_noise
from vnplan.parse.header.runs import split_run
from vnplan.pattern import guarded

_LEAD_RE = guarded(r"(?:\*{1,3}|_{2,3})(?=\S)")
_TRAIL_RE = guarded(r"(?<=\S)(?:\*{1,3}|_{2,3})$")
_LETTER_RE = guarded(r"[\p{L}\p{N}]")
#: where a flattened table row is cut: at each ``|``, and at a cell's ``<br>`` (Markdown text read as plain text)
_CELL_BREAK_RE = guarded(r"\||<br\s*/?>", regex.IGNORECASE)


@attrs.frozen
class Line:
    """One candidate line: ``text`` is ``blocks[block].text[start:end]``."""

    block: int
    start: int
    end: int
    text: str
    cell: TablePos | None = None
    joined: bool = False  # the reader joined it to the line above in the same block
    index: int = 0  # its place among the candidate lines
    centred: bool = False  # its paragraph is centred (known for Word documents)
    row: int = 0  # which of its block's source lines it is on
    folded: str = ""  # the text without marks, case or punctuation (``cong hoa xa hoi …``)
    noisy: bool = False  # a cell of a row that is a site's menu or metadata

    @property
    def span(self) -> Span:
        return Span(self.block, self.start, self.end)


def header_lines(blocks: Sequence[Block], start: int, stop: int, first: int = 0) -> list[Line]:
    """The candidate lines of blocks ``start`` to ``stop`` (artifacts left out), in reading order,
    numbered from ``first``."""
    out: list[Line] = []
    for b in blocks[start:stop]:
        if b.kind == "artifact" or not b.text.strip():
            continue
        for row, (head, end, joined) in enumerate(_source_lines(b)):
            cells = list(_cells(b.text, head, end))
            # a row of a site's menu or metadata table ("Tải về: Word | PDF") is noise in every cell
            noisy = len(cells) > 1 and end - head < 200 and is_site_noise(b.text[head:end])
            for a, z in cells:
                for k, (s, e) in enumerate(split_run(b.text, a, z)):
                    line = _trimmed(b, s, e, joined and k == 0 and a == head, first + len(out), row)
                    if line is not None:
                        out.append(attrs.evolve(line, noisy=True) if noisy else line)
    return out


def _source_lines(b: Block) -> Iterator[tuple[int, int, bool]]:
    """The source lines the reader joined into ``b``: (start, end, joined to the one above)."""
    start = 0
    for k, br in enumerate(b.line_breaks):
        if 0 < br <= len(b.text):
            yield start, br, k > 0
            start = br + 1
    yield start, len(b.text), bool(b.line_breaks)


def _cells(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The cells of a ``|`` row (``| Số: 05/CT-UBND | |``), each cut again at a Markdown table's
    ``<br>`` (a cell's line break); the whole range when there is neither."""
    if "|" not in text[start:end] and "<" not in text[start:end]:
        yield start, end
        return
    a = start
    for m in _CELL_BREAK_RE.finditer(text, pos=start, endpos=end):
        yield a, m.start()
        a = m.end()
    yield a, end


def _trimmed(b: Block, s: int, e: int, joined: bool, index: int, row: int) -> Line | None:
    """The line ``b.text[s:e]`` without surrounding spaces and Markdown emphasis (``**SỞ Y TẾ**``)."""
    t = b.text
    while s < e and t[s].isspace():
        s += 1
    while e > s and t[e - 1].isspace():
        e -= 1
    if s >= e:
        return None
    if _LETTER_RE.search(t, s, e):
        lead = _LEAD_RE.match(t, s, e)
        # the emphasis ends the line (t[e - 1] is no white space, so ``$`` can only be at e): nothing to search
        # for unless its last character is one (the look-behind was tried at every character of the line)
        trail = _TRAIL_RE.search(t, s, e) if t[e - 1] in "*_" else None
        s, e = (lead.end() if lead else s), (trail.start() if trail else e)
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
    if s >= e:
        return None
    return Line(b.index, s, e, t[s:e], b.table, joined, index, b.alignment == "center", row, fold_line(t[s:e]))
