"""Word paragraphs laid out in two columns with tabs (a header or closing typed without a table), read as table cells.

Older documents (and many .doc files) type the header as ``ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI…``
and the closing as ``Nơi nhận:<tab>TM. ỦY BAN NHÂN DÂN``, one paragraph per visual line. Read as
paragraphs, the two columns interleave line by line. Here such a run of body paragraphs (two
rows at least: one paragraph with a tab is spacing) is read as a borderless table is: the left column top to bottom, then the right column, each
piece a block with a :class:`~vnplan.model.TablePos`. The cell rules are the plain-text reader's
(a tab, or five spaces or more, is a cell boundary unless it is a typed blank: ``Số:<tab>/KH``,
``ngày<tab>tháng``, or follows a list label: ``1.<tab>Mục đích``).
"""

from __future__ import annotations

import attrs

from vnplan.model import Block, Run, TablePos
from vnplan.read.text import cells_of, is_row
from vnplan.text import normalize_with_map

#: A paragraph without a tab joins a group of rows when a row follows within this many blocks and
#: it is short (a Nơi nhận entry between two rows of the closing), never a body paragraph.
_LOOKAHEAD = 8
_SHORT = 90
_ENTRY = ("- ", "+ ", "• ")  # a recipient entry of Nơi nhận


def tab_columns(blocks: list[Block], rows: dict[int, tuple[str, list[Run]]], first_table: int) -> list[Block]:
    """``blocks`` with each group of tab rows read column by column; ``rows`` maps a block's index
    to its paragraph text with the tabs kept (``\\t``) and its runs. Tables made here are
    numbered from ``first_table``."""
    if not any(is_row(raw) for raw, _runs in rows.values()):
        return blocks
    out: list[Block] = []
    k = 0
    table = first_table
    while k < len(blocks):
        if k not in rows or not is_row(rows[k][0]):
            out.append(blocks[k])
            k += 1
            continue
        end = _group_end(blocks, rows, k)
        if sum(1 for j in range(k, end) if j in rows and is_row(rows[j][0])) < 2:
            out.append(blocks[k])  # one tab in one paragraph is spacing (``Họ và tên:<tab>…``), not a table
            k += 1
            continue
        out.extend(_columns(blocks, rows, k, end, table))
        table += 1
        k = end
    return [_renumbered(b, n) if b.index != n else b for n, b in enumerate(out)]


def _renumbered(b: Block, index: int) -> Block:
    """``attrs.evolve(b, index=index)``, without its look-up of the fields by name (a document whose
    tab rows come first renumbers every block after them)."""
    return Block(index, b.text, b.kind, b.line, b.line_breaks, b.origin, b.offsets, b.location, b.label, b.style,
                 b.outline_level, b.table, b.alignment, b.runs, b.page_section, b.paragraph_index)


def _body(b: Block) -> bool:
    return b.table is None and b.location.startswith("đoạn")


def _row_like(blocks: list[Block], rows: dict[int, tuple[str, list[Run]]], k: int) -> bool:
    raw = rows[k][0] if k in rows else None
    return raw is not None and (is_row(raw) or raw.startswith("\t"))


def _group_end(blocks: list[Block], rows: dict[int, tuple[str, list[Run]]], k: int) -> int:
    end = k + 1
    while end < len(blocks) and _body(blocks[end]):
        if _row_like(blocks, rows, end):
            end += 1
            continue
        if len(blocks[end].text) > _SHORT:
            break
        ahead = next((j for j in range(end + 1, min(len(blocks), end + 1 + _LOOKAHEAD))
                      if not _body(blocks[j]) or _row_like(blocks, rows, j) or len(blocks[j].text) > _SHORT), None)
        if ahead is None or not _body(blocks[ahead]) or not _row_like(blocks, rows, ahead):
            break
        end = ahead
    # the Nơi nhận list goes on below the signature: short "- …" entries after the last row
    if blocks[end - 1].text.startswith(_ENTRY) or (end - 1 in rows and rows[end - 1][0].startswith(_ENTRY)):
        while (end < len(blocks) and _body(blocks[end]) and blocks[end].text.startswith(_ENTRY)
               and len(blocks[end].text) <= _SHORT and not (end in rows and is_row(rows[end][0]))):
            end += 1
    return end


def _columns(blocks: list[Block], rows: dict[int, tuple[str, list[Run]]], start: int, end: int,
             table: int) -> list[Block]:
    cells: list[list[Block]] = []
    for k in range(start, end):
        b = blocks[k]
        parts = cells_of(rows[k][0]) if k in rows else None
        if not parts:
            _put(cells, 0, attrs.evolve(b, table=TablePos(table=table, row=0, col=0)))
            continue
        raw, runs = rows[k]
        col = 0
        for offset, part in parts:
            if part.strip():
                text = normalize_with_map(" ".join(part.split()))[0]
                _put(cells, col, attrs.evolve(b, text=text, table=TablePos(table=table, row=0, col=col),
                                              runs=_cut(runs, offset, offset + len(part))))
            col += 1
    return [b for column in cells for b in column]


def _put(cells: list[list[Block]], col: int, block: Block) -> None:
    while len(cells) <= col:
        cells.append([])
    cells[col].append(block)


def _cut(runs: list[Run], a: int, b: int) -> tuple[Run, ...]:
    """The runs covering characters ``a``–``b`` of their joined text, cut there (tabs as spaces, the
    white space at both ends left out)."""
    out: list[Run] = []
    pos = 0
    for r in runs:
        lo, hi = max(a, pos), min(b, pos + len(r.text))
        if lo < hi:
            out.append(attrs.evolve(r, text=r.text[lo - pos:hi - pos].replace("\t", " ")))
        pos += len(r.text)
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[0] = attrs.evolve(out[0], text=out[0].text.lstrip())
        out[-1] = attrs.evolve(out[-1], text=out[-1].text.rstrip())
    return tuple(out)


__all__ = ["tab_columns"]
