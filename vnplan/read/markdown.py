"""Markdown reader: headings, lists, emphasis and tables turned into blocks as a reader sees them.

``# Heading`` gives a block with ``outline_level``; list items keep their marker (``-``,
``1.``), ``*`` and ``+`` bullets become ``-`` and ``+``; emphasis, inline code and links
are reduced to their text; ``| a | b |`` table rows become one block per cell with a
:class:`TablePos`. Other lines are joined into paragraphs by the plain-text reader.
"""

from __future__ import annotations

from typing import Any

import attrs
import regex

from vnplan.errors import EmptyInputError
from vnplan.model import Block, SourceDocument, TablePos
from vnplan.read import limits
from vnplan.read.limits import check_text, exceeded
from vnplan.read.text import read_text
from vnplan.read.values import clean_document
from vnplan.text import normalize_with_map

# Every pattern here runs on one line and cannot backtrack without bound: character classes
# stop at the delimiter that would close them (a link's text stops at a bracket, its target at
# a parenthesis), and adjacent white space is matched possessively. Emphasis is not a pattern
# at all: a delimiter scanner (_strip_emphasis) pairs ``*``/``_`` runs in one pass.
_HEADING = regex.compile(r"^ {0,3}(#{1,6})[ \t]++(.*+)$")
_SETEXT = regex.compile(r"^ {0,3}(=++|-++)\s*+$")
_TABLE_SEP = regex.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
_BULLET = regex.compile(r"^(\s*)([*+-])\s+(?!\[[ xX]\]\s)")
_TASK = regex.compile(r"^(\s*)[*+-]\s+\[[ xX]\]\s+")
_FENCE = regex.compile(r"^\s*(```|~~~)")
_HR = regex.compile(r"^\s*+(?:[-*_]\s*+){3,}+$")
_IMAGE = regex.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = regex.compile(r"\[([^\[\]]+)\]\([^()]*\)")
_AUTOLINK = regex.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_CODE = regex.compile(r"(`++)([^`]+)\1(?!`)|`++")
_STRIKE = regex.compile(r"~~([^~]+)~~")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HTML_BR = regex.compile(r"<br\s*+/?>", regex.I)
_HTML_TAG = regex.compile(r"</?[A-Za-z][^<>]*>")
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|>")


def _is_table_row(line: str) -> bool:
    s = line.strip()
    return len(s) >= 2 and s[0] == "|" and s[-1] == "|"


def _heading(raw: str) -> tuple[int, str] | None:
    """An ATX heading: its level and its text without a closing ``###`` sequence."""
    m = _HEADING.match(raw)
    if m is None:
        return None
    text = (m.group(2) or "").rstrip()
    body = text.rstrip("#")
    if len(body) < len(text) and (not body or body[-1] in " \t"):  # "## Tiêu đề ##": the closing hashes
        text = body.rstrip()
    return len(m.group(1)), text


def _code(m: regex.Match[str]) -> str:
    return m.group(2) if m.group(2) is not None else m.group(0)


def _strip_emphasis(s: str) -> str:
    """``**đậm**``, ``__đậm__``, ``*nghiêng*``, ``_nghiêng_`` reduced to their text, in one pass.

    A run of ``*`` or ``_`` can open when a non-space follows it and close when a non-space
    precedes it; inside a word only ``**`` works (``ma_so_1``, ``2*3*4`` stay). A closer pairs with the
    nearest opener of the same character (two characters for strong, one for emphasis), and
    openers between them stay as typed, as CommonMark does. Each opener is looked at a
    bounded number of times, so the work is linear in the line.
    """
    if "*" not in s and "_" not in s:
        return s
    n = len(s)
    runs: list[list[Any]] = []  # [start, char, count, removed]
    stack: list[list[int]] = []  # [run index, chars left to pair]
    bottom = {"*": 0, "_": 0}  # below this stack depth no opener of that character is left
    i = 0
    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] in _ESCAPABLE:
            i += 2
            continue
        if c != "*" and c != "_":
            i += 1
            continue
        j = i
        while j < n and s[j] == c:
            j += 1
        if len(runs) >= limits.MAX_MARKDOWN_DELIMITERS:
            break  # the rest of an absurd line stays as typed
        before = s[i - 1] if i else " "
        after = s[j] if j < n else " "
        can_open = not after.isspace()
        can_close = not before.isspace()
        if c == "_" or j - i == 1:  # "ma_so_1", "2*3*4": inside a word, only "**" marks up
            can_open = can_open and not before.isalnum()
            can_close = can_close and not after.isalnum()
        run: list[Any] = [i, c, j - i, 0]
        runs.append(run)
        left = j - i
        if can_close:
            while left and len(stack) > bottom[c]:
                k = len(stack) - 1
                while k >= bottom[c] and runs[stack[k][0]][1] != c:
                    k -= 1
                if k < bottom[c]:
                    bottom[c] = len(stack)
                    break
                opener = stack[k]
                use = 2 if opener[1] >= 2 and left >= 2 else 1
                runs[opener[0]][3] += use
                run[3] += use
                opener[1] -= use
                left -= use
                del stack[k + 1:]
                if not opener[1]:
                    stack.pop()
                for ch in bottom:
                    bottom[ch] = min(bottom[ch], len(stack))
        if left and can_open:
            stack.append([len(runs) - 1, left])
        i = j
    if not any(r[3] for r in runs):
        return s
    out: list[str] = []
    pos = 0
    for start, c, count, removed in runs:
        if removed:
            out.append(s[pos:start])
            out.append(c * (count - removed))
            pos = start + count
    out.append(s[pos:])
    return "".join(out)


def strip_inline(s: str) -> str:
    """Markdown inline markup reduced to the text it shows."""
    s = _HTML_BR.sub(" ", s)
    s = _IMAGE.sub(r"\1", s)
    s = _LINK.sub(r"\1", s)
    s = _AUTOLINK.sub(r"\1", s)
    s = _CODE.sub(_code, s)
    s = _strip_emphasis(s)
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
    check_text(text, path=path)
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
            if len(blocks) + len(doc.blocks) > limits.MAX_PARAGRAPHS:
                raise exceeded("too many paragraphs", limits.MAX_PARAGRAPHS, "MAX_PARAGRAPHS", path=path)
            for b in doc.blocks:
                ln = first + (b.line or 1) - 1
                blocks.append(attrs.evolve(b, index=len(blocks), line=ln, location=f"dòng {ln}",
                                           origin=None, offsets=None))
        para.clear()

    def add(text_: str, lineno: int, **kw) -> None:  # type: ignore[no-untyped-def]
        norm, _ = normalize_with_map(text_)
        if norm:
            if len(blocks) >= limits.MAX_PARAGRAPHS:
                raise exceeded("too many paragraphs", limits.MAX_PARAGRAPHS, "MAX_PARAGRAPHS", path=path)
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
        h = _heading(raw)
        if h:
            flush()
            add(strip_inline(h[1]), lineno, outline_level=h[0], style=f"Heading {h[0]}")
            i += 1
            continue
        if para and i + 1 <= len(lines) and _SETEXT.match(raw) and len(para) == 1 and not _BULLET.match(para[0][1]):
            level = 1 if raw.strip().startswith("=") else 2
            ln0, t0 = para.pop()
            flush()
            add(t0, ln0, outline_level=level, style=f"Heading {level}")
            i += 1
            continue
        starts_table = _is_table_row(raw) and i + 1 < len(lines) and bool(_TABLE_SEP.match(lines[i + 1]))
        if starts_table or (row_no is not None and _is_table_row(raw)):
            flush()
            if starts_table:
                table_no += 1
                row_no = 0
            assert row_no is not None  # a table started here or above
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
    return clean_document(SourceDocument(blocks=tuple(blocks), format="markdown", path=path))
