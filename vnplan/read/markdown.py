"""Markdown reader: headings, lists, emphasis and tables turned into blocks as a reader sees them.

``# Heading`` gives a block with ``outline_level``; list items keep their marker (``-``,
``1.``), ``*`` and ``+`` bullets become ``-`` and ``+``; emphasis, inline code and links
are reduced to their text; ``| a | b |`` table rows become one block per cell with a
:class:`TablePos`. Other lines are joined into paragraphs by the plain-text reader.
"""

from __future__ import annotations

import attrs
import regex

from vnplan.errors import EmptyInputError
from vnplan.model import Block, SourceDocument, TablePos
from vnplan.read.text import read_text
from vnplan.text import normalize_with_map

_HEADING = regex.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+\s*)?$")
_SETEXT = regex.compile(r"^ {0,3}(=+|-+)\s*$")
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = regex.compile(r"^(\s*)([*+-])\s+(?!\[[ xX]\]\s)")
_TASK = regex.compile(r"^(\s*)[*+-]\s+\[[ xX]\]\s+")
_FENCE = regex.compile(r"^\s*(```|~~~)")
_HR = regex.compile(r"^\s*(?:[-*_]\s*){3,}$")
_IMAGE = regex.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = regex.compile(r"<((?:https?|mailto):[^>]+)>")
_CODE = regex.compile(r"`+([^`]+)`+")
_STRONG = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = regex.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_STRIKE = regex.compile(r"~~(.+?)~~")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HTML_BR = regex.compile(r"<br\s*/?>", regex.I)
_HTML_TAG = regex.compile(r"</?[A-Za-z][^>]*>")


def strip_inline(s: str) -> str:
    """Markdown inline markup reduced to the text it shows."""
    s = _HTML_BR.sub(" ", s)
    s = _IMAGE.sub(r"\1", s)
    s = _LINK.sub(r"\1", s)
    s = _AUTOLINK.sub(r"\1", s)
    s = _CODE.sub(r"\1", s)
    for _ in range(2):
        s = _STRONG.sub(r"\2", s)
        s = _EM.sub(r"\2", s)
    s = _STRIKE.sub(r"\1", s)
    s = _HTML_TAG.sub("", s)
    return _ESCAPE.sub(r"\1", s)


def _cells(row: str) -> list[str]:
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.replace("\\|", "|") for c in regex.split(r"(?<!\\)\|", inner)]


def read_markdown(text: str, *, path: str | None = None) -> SourceDocument:
    """Read Markdown text into a :class:`SourceDocument`."""
    lines = text.splitlines()
    blocks: list[Block] = []
    para: list[tuple[int, str]] = []  # (line number, cleaned line) of the running paragraph
    table_no = -1
    row_no: int | None = None  # next row of the table being read, None outside tables
    in_fence = False

    def flush() -> None:
        if not para:
            return
        first = para[0][0]
        doc = read_text("\n".join(t for _, t in para), path=path, format="markdown") if any(
            t.strip() for _, t in para) else None
        if doc is not None:
            for b in doc.blocks:
                ln = first + (b.line or 1) - 1
                blocks.append(attrs.evolve(b, index=len(blocks), line=ln, location=f"dòng {ln}",
                                           origin=None, offsets=None))
        para.clear()

    def add(text_: str, lineno: int, **kw) -> None:  # type: ignore[no-untyped-def]
        norm, _ = normalize_with_map(text_)
        if norm:
            blocks.append(Block(index=len(blocks), text=norm, line=lineno, location=kw.pop("location", f"dòng {lineno}"), **kw))

    i = 0
    while i < len(lines):
        raw = lines[i]
        lineno = i + 1
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            add(raw, lineno)
            i += 1
            continue
        if not raw.strip():
            flush()
            i += 1
            continue
        m = _HEADING.match(raw)
        if m:
            flush()
            add(strip_inline(m.group(2)), lineno, outline_level=len(m.group(1)), style=f"Heading {len(m.group(1))}")
            i += 1
            continue
        if para and i + 1 <= len(lines) and _SETEXT.match(raw) and len(para) == 1 and not _BULLET.match(para[0][1]):
            level = 1 if raw.strip().startswith("=") else 2
            ln0, t0 = para.pop()
            flush()
            add(t0, ln0, outline_level=level, style=f"Heading {level}")
            i += 1
            continue
        starts_table = bool(_TABLE_ROW.match(raw)) and i + 1 < len(lines) and bool(_TABLE_SEP.match(lines[i + 1]))
        if starts_table or (row_no is not None and _TABLE_ROW.match(raw)):
            flush()
            if starts_table:
                table_no += 1
                row_no = 0
            for c, cell in enumerate(_cells(raw)):
                # a <br> in a cell separates its lines (header and signature cells), as in a .docx
                for line in _HTML_BR.split(cell):
                    add(strip_inline(line), lineno, table=TablePos(table=table_no, row=row_no, col=c),
                        location=f"dòng {lineno}, bảng {table_no + 1}, hàng {row_no + 1}, cột {c + 1}")
            row_no += 1
            i += 2 if starts_table else 1
            continue
        row_no = None
        if _HR.match(raw):
            flush()
            i += 1
            continue
        task = _TASK.match(raw)
        if task:
            raw = task.group(1) + "- " + raw[task.end():]
        b = _BULLET.match(raw)
        line = raw.lstrip(" >")
        if b:
            marker = "+" if b.group(2) == "+" else "-"
            line = marker + " " + raw[b.end():]
            flush()  # every list item starts its own block
        # white space inside a Markdown line is never a column gap (tables use pipes)
        para.append((lineno, " ".join(strip_inline(line).split())))
        i += 1
    flush()
    if not blocks:
        raise EmptyInputError("the Markdown input holds no text", path=path)
    return SourceDocument(blocks=tuple(blocks), format="markdown", path=path)
