"""Task tables as units of evidence (bảng phân công nhiệm vụ): one unit per row, its cells known by their column.

A plan often gives its content, forms and assignments as a table: *TT | Nội dung nhiệm vụ | Đơn
vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm*. Each row is one unit with its
own task, owner, deadline and figure, in a Word or Markdown table (cells are blocks with a table
position) and in text (rows are lines with ``|`` between cells). The header row names the
columns (``compliance.json``, ``table_columns``); a row's owner, partner, number and deadline
cells are not searched for topics (a partner *Đài truyền thanh xã* is no form of communication),
the deadline cell is read for its date, and a row with an owner is an assignment. A task written
as text with its columns on labelled lines after it (*Đơn vị chủ trì: …*, *Thời gian hoàn thành: …*)
is such a row too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import pairwise

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.model import Block, Paragraph
from vnplan.profiles.match.units import Cell, Segment
from vnplan.text import key

#: Columns whose words are no evidence of a topic.
BLIND = frozenset({"number", "owner", "partner", "deadline"})
#: Columns a task written as text may give on a line of its own (*Đơn vị chủ trì: …*).
LABELLED = frozenset({"owner", "partner", "deadline", "product"})


@cache
def _columns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((c.role, tuple(key(w) for w in c.words)) for c in vocab.compliance().table_columns)


def column_role(header: str) -> str:
    """What a column holds, from its header's words (``Đơn vị chủ trì`` → owner), or ``""``."""
    k = f" {key(header)} "
    for role, words in _columns():
        if any(f" {w} " in k for w in words):
            return role
    return ""


def header_roles(cells: Sequence[str]) -> tuple[str, ...] | None:
    """The roles of a header row's columns, or None when the row is no header (no task and no owner column)."""
    roles = tuple(column_role(c) for c in cells)
    if "task" in roles and ("owner" in roles or "deadline" in roles):
        return roles
    return None


class RowDraft:
    """A row being built: its text, segments and cells."""

    def __init__(self) -> None:
        self.text = ""
        self.segments: list[Segment] = []
        self.cells: list[Cell] = []

    def add_cell(self, pieces: Sequence[tuple[str, int, int]], role: str) -> None:
        """A cell made of ``(text, block, start)`` pieces (the paragraphs of a Word cell)."""
        if self.text:
            self.text += " | "
        start = len(self.text)
        for k, (text, block, bstart) in enumerate(pieces):
            if k:
                self.text += "\n"
            self.segments.append(Segment(len(self.text), block, bstart, len(text)))
            self.text += text
        self.cells.append(Cell(role, start, len(self.text)))

    @property
    def blind(self) -> tuple[tuple[int, int], ...]:
        return tuple((c.start, c.end) for c in self.cells if c.role in BLIND)


def word_rows(paragraphs: Sequence[Paragraph], blocks: Sequence[Block]) -> Iterator[tuple[RowDraft | None, Paragraph]]:
    """The paragraphs of a section with the cells of each Word or Markdown table row gathered into one
    :class:`RowDraft`; a paragraph outside a table comes as ``(None, paragraph)``; a header row is dropped."""
    i, roles_of = 0, {}
    while i < len(paragraphs):
        p = paragraphs[i]
        pos = blocks[p.span.block].table if 0 <= p.span.block < len(blocks) else None
        if pos is None:
            yield None, p
            i += 1
            continue
        row: list[tuple[int, Paragraph]] = []
        while i < len(paragraphs):
            q = paragraphs[i]
            qpos = blocks[q.span.block].table if 0 <= q.span.block < len(blocks) else None
            if qpos is None or (qpos.table, qpos.row) != (pos.table, pos.row):
                break
            row.append((qpos.col, q))
            i += 1
        cols: dict[int, list[Paragraph]] = {}
        for col, q in row:
            cols.setdefault(col, []).append(q)
        texts = [" ".join(q.text for q in cols[c]) for c in sorted(cols)]
        header = header_roles(texts)
        if header is not None:
            roles_of[pos.table] = dict(zip(sorted(cols), header))
            continue
        draft = RowDraft()
        for c in sorted(cols):
            draft.add_cell([(q.text, q.span.block, q.span.start) for q in cols[c]], roles_of.get(pos.table, {}).get(c, ""))
        yield draft, row[0][1]


def _lines(p: Paragraph, block: Block) -> list[tuple[int, int]]:
    """The source lines of a paragraph, as ranges of its text."""
    cuts = [b - p.span.start for b in block.line_breaks if p.span.start < b < p.span.end]
    bounds = [0, *cuts, len(p.text)]
    out = []
    for a, b in pairwise(bounds):
        while a < b and p.text[a].isspace():
            a += 1
        while b > a and p.text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def text_rows(p: Paragraph, block: Block) -> list[tuple[RowDraft | None, int, int]] | None:
    """A paragraph of text whose lines are table rows (``1 | Nội dung | Đơn vị | Quý II/2024``): each row
    as a draft (None for a line that is no row), with its range in the paragraph; None when it holds no table."""
    lines = _lines(p, block)
    if len(lines) < 2 or sum(1 for a, b in lines if p.text.count("|", a, b) >= 2) < 2:
        return None
    out: list[tuple[RowDraft | None, int, int]] = []
    roles: tuple[str, ...] | None = None
    for a, b in lines:
        line = p.text[a:b]
        if line.count("|") < 2:
            out.append((None, a, b))
            continue
        cells, pos = [], a
        for part in line.split("|"):
            lead = len(part) - len(part.lstrip())
            cells.append((part.strip(), pos + lead))
            pos += len(part) + 1
        header = header_roles([c for c, _ in cells])
        if header is not None:
            roles = header
            continue
        draft = RowDraft()
        for k, (text, start) in enumerate(cells):
            if text:
                role = roles[k] if roles and k < len(roles) else ""
                draft.add_cell([(text, p.span.block, p.span.start + start)], role)
        out.append((draft, a, b))
    return out


def _label(text: str) -> tuple[str, int] | None:
    """The column a line such as *Đơn vị chủ trì: Văn phòng Sở* gives (one of :data:`LABELLED`) and where its
    value starts, or None."""
    i = text.find(":")
    if not 0 < i <= 40:
        return None
    role = column_role(text[:i])
    if role not in LABELLED:
        return None
    j = i + 1
    while j < len(text) and text[j].isspace():
        j += 1
    return role, j


def prose_rows(items: Iterable[tuple[RowDraft | None, Paragraph]]) -> Iterator[tuple[RowDraft | None, Paragraph]]:
    """:func:`word_rows`' items with each task written as text, its columns on lines of their own after it
    (*Nhiệm vụ 1. Phổ biến Kế hoạch …* / *Đơn vị chủ trì: Văn phòng* / *Thời gian hoàn thành: Tháng 3/2024*),
    gathered into one row as a table would give it: the task, then each labelled value in its column. A task
    is gathered only when its lines name an owner or a deadline."""
    items = list(items)
    i = 0
    while i < len(items):
        draft, p = items[i]
        labels: list[tuple[Paragraph, str, int]] = []
        j = i + 1
        while draft is None and _label(p.text) is None and j < len(items) and items[j][0] is None:
            got = _label(items[j][1].text)
            if got is None:
                break
            labels.append((items[j][1], *got))
            j += 1
        if not any(role in ("owner", "deadline") for _, role, _ in labels):
            yield items[i]
            i += 1
            continue
        row = RowDraft()
        row.add_cell([(p.text, p.span.block, p.span.start)], "task")
        for q, role, at in labels:
            row.add_cell([(q.text[at:], q.span.block, q.span.start + at)], role)
        yield row, p
        i = j
