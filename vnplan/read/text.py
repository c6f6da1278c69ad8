"""Plain-text reader (văn bản thuần): text copied from Word or extracted from PDF, into blocks.

What it copes with: hard line breaks inside paragraphs (joined back), page numbers on their
own lines and the ``|`` lines of flattened header tables (kept as artifacts), NFD or mixed
Unicode and old tone-mark placement (normalised, with a map back to the original offsets).
It knows nothing about plans: only about lines, paragraphs and list markers.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

import vnplan.vocab as vocab
from vnplan.errors import BinaryInputError, EmptyInputError, EncodingError
from vnplan.model import Block, SourceDocument, TablePos
from vnplan.pattern import guarded
from vnplan.read import limits
from vnplan.read.limits import check_text, exceeded
from vnplan.read.values import clean_document
from vnplan.text import LineNormalizer, is_upper_text, normalize_with_map
from vnplan.vocab.patterns import spelt

# Line ends: CR LF, CR, LF, the vertical tab and form feed (Word's line break, pdftotext's
# page break) and U+2028/U+2029 (web and app exports).
_BREAKS = "\r\n\x0b\x0c\u2028\u2029"
_LINE_RE = guarded(rf"[^{_BREAKS}]*(?:\r\n|[{_BREAKS}]|$)")
_PAGE_NO_RE = guarded(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
_CELL_BREAK_RE = guarded(r"^\|+$")
_RULE_RE = guarded(r"^[-_=─—–.*•]{3,}$")
# A list marker at the start of a line: I. 1. 1.2. a) - + • Điều 1.
LIST_MARKER_RE = guarded(
    r"^(?:"
    r"(?:[IVXL]{1,6})[.)](?:\s|$)"  # roman
    r"|(?:[ivx]{2,5})\.\s"  # lower-case roman: ii. iv.
    rf"|{spelt(vocab.reading().list_part_words, ('given', 'upper'))}\s+(?:[IVXL]{{1,6}}|\d{{1,2}})(?:\s*[.:)\-–]|\s*$)"  # Phần I. Mục 1.
    r"|\d{1,3}(?:\.\d{1,3})*[.)](?:\s|$|(?=\p{Lu}))"  # 1. 1) 2.1. 1.Mục
    r"|\d{1,3}(?:\.\d{1,3})+\s"  # 2.1 without trailing dot
    r"|[a-zđ][.)]\s"  # a) b.
    r"|[IVXL]{1,6}(?:\.\d{1,2})+\.?\s"  # I.1. II.2
    r"|(?:[IVXL]{1,6}|\d{1,2})(?:/|\s*[-–])\s+(?=\p{Lu})|[a-z\u0111]/\s"  # I/ II - 1/ 2- a/ (đ as \u0111)
    r"|[-–—+•·●▪◦*](?:\s|(?=\p{L}))"  # dashes and bullets
    r"|Điều\s+\d+[.:]"  # article
    r")"
)
_TERMINAL = ".;:!?"
_CONNECTORS = frozenset(vocab.reading().line_connectors)


def decode(data: bytes, path: str | None = None) -> tuple[str, list[str]]:
    """Decode text bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), warnings
        except UnicodeDecodeError as exc:
            raise EncodingError(f"broken UTF-16 text ({exc.reason})", path=path) from None
    try:
        return data.decode("utf-8-sig"), warnings
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"the text is not valid UTF-8 (byte {exc.start})",
            path=path,
            hint="save the file as UTF-8 (Unicode); TCVN3/VNI files need conversion",
        ) from None


#: a line set wholly in Markdown bold (``**I. MỤC ĐÍCH, YÊU CẦU**``, ``__KẾ HOẠCH__``)
_MD_BOLD_LINE_RE = guarded(r"^[ \t]*(\*\*|__)(?=\S)[^\n]*\S\1[ \t]*$", regex.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Text a converter wrote as Markdown and saved as plain text: three lines or more set wholly in bold.
    Read as text, their marks would be taken for ``*`` bullets and the body's labels lost."""
    if "**" not in text and "__" not in text:  # most text: no bold mark at all, found without the pattern
        return False
    found = 0
    for _ in _MD_BOLD_LINE_RE.finditer(text):
        found += 1
        if found >= 3:
            return True
    return False


def _is_list_start(s: str) -> bool:
    return bool(LIST_MARKER_RE.match(s))


def _joinable(a: str, b: str) -> bool:
    """Whether line ``b`` continues the paragraph of line ``a`` (a hard-wrapped line)."""
    if not a or not b or _is_list_start(b) or _RULE_RE.match(a) or _RULE_RE.match(b):
        return False
    if a[-1] in _TERMINAL or a.endswith("./."):
        return False
    up_a, up_b = is_upper_text(a), is_upper_text(b)
    if up_a or up_b:
        # Capitalised headings wrap only after a comma or a joining word.
        return up_a and up_b and (a[-1] in ",-–" or a.rsplit(" ", 1)[-1].lower() in _CONNECTORS | {"và"})
    first = b[0]
    if first.islower() or first in "(\"“'‘[":
        return True
    # a capital or a figure opens a new paragraph after a short line, as under a heading ("1. Mục tiêu" /
    # "100% giáo viên …"), unless that line stops on a joining word ("Kế hoạch số" / "14/KH-UBND …")
    last_word = a.rsplit(" ", 1)[-1].lower()
    if len(a) >= 40:
        return True
    # a short labelled line is a heading even when it ends on such a word ("I. Kết quả đạt được" / "Đã …")
    return last_word in _CONNECTORS and not (first.isupper() and _is_list_start(a))


def _lines_of(text: str) -> Iterator[str]:
    """The lines of ``text`` with their breaks, as :data:`_LINE_RE` finds them: by ``str.splitlines`` (C speed)
    when the text holds none of the breaks it knows and _LINE_RE does not (FS, GS, RS, NEL)."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x85" in text:
        return (m.group(0) for m in _LINE_RE.finditer(text))
    return iter(text.splitlines(keepends=True))


def _is_cell_break(t: str) -> bool:
    """``_CELL_BREAK_RE.match(t)``, its pipe looked for first."""
    return t[:1] == "|" and _CELL_BREAK_RE.match(t) is not None


def _is_page_number(t: str) -> bool:
    """``_PAGE_NO_RE.match(t)``, its first and last characters looked at first: it starts with a dash, a
    digit, Trang or Page (or any character beyond ASCII, which may be a digit the pattern knows) and
    ends with a digit (str.isdigit holds every \\d) or a dash (``$`` also matches before a final line feed)."""
    c = t[:1]
    e = t[-1:]
    return ((c in "-TtP" or c.isdigit() or not c.isascii()) and c != ""
            and (e in "-\n" or e.isdigit()) and _PAGE_NO_RE.match(t) is not None)


def read_text(text: str, *, path: str | None = None, format: str = "text") -> SourceDocument:
    """Read plain text into a :class:`SourceDocument` of paragraph blocks.

    Work and memory are linear in the text, which :mod:`vnplan.read.limits` bounds (characters,
    lines, paragraphs) before and while the lines are split.
    """
    if "\x00" in text:
        raise BinaryInputError("the input contains NUL bytes: it is binary, not text", path=path)
    check_text(text, path=path)
    # 1. lines with their offsets, normalised; table rows split into their cells
    raw_lines: list[tuple[int, int, str]] = []  # (lineno, origin, body)
    pos = 0
    for lineno, raw in enumerate(_lines_of(text), start=1):
        if not raw:
            break
        if lineno > limits.MAX_LINES:
            raise exceeded("too many lines", limits.MAX_LINES, "MAX_LINES", path=path)
        raw_lines.append((lineno, pos, raw.rstrip(_BREAKS)))
        pos += len(raw)
    lines, cell_of = _normalized_lines(text, raw_lines)
    if not any(t for _, _, t, _ in lines):
        raise EmptyInputError("the input holds no text", path=path)

    # 2. flattened tables: lines between "|" lines are cells of a two-column table
    bars = [i for i, (_, _, t, _) in enumerate(lines) if _is_cell_break(t)] if "|" in text else []
    if bars:
        first_text = next(i for i, (_, _, t, _) in enumerate(lines) if t)
        bounds = [first_text - 1, *bars]
        for k in range(len(bounds) - 1):
            for i in range(bounds[k] + 1, bounds[k + 1]):
                cell_of.setdefault(i, TablePos(table=0, row=k // 2, col=k % 2))

    # 3. blocks: artifacts alone, other lines joined into paragraphs
    blocks: list[Block] = []
    i = 0
    n = len(lines)
    while i < n:
        lineno, origin, t, omap = lines[i]
        if not t:
            i += 1
            continue
        if _is_cell_break(t) or (_is_page_number(t) and i not in cell_of):
            blocks.append(
                Block(index=len(blocks), text=t, kind="artifact", line=lineno, origin=origin,
                      offsets=_shift(omap, t, _lead(text, origin)), location=f"dòng {lineno}")
            )
            if len(blocks) > limits.MAX_PARAGRAPHS:
                raise exceeded("too many paragraphs", limits.MAX_PARAGRAPHS, "MAX_PARAGRAPHS", path=path)
            i += 1
            continue
        parts = [(t, origin, omap)]
        j = i + 1
        while j < n and lines[j][2] and cell_of.get(j) == cell_of.get(i) and _joinable(parts[-1][0], lines[j][2]):
            parts.append((lines[j][2], lines[j][1], lines[j][3]))
            j += 1
        blocks.append(_make_block(len(blocks), parts, lineno, text, cell_of.get(i)))
        if len(blocks) > limits.MAX_PARAGRAPHS:
            raise exceeded("too many paragraphs", limits.MAX_PARAGRAPHS, "MAX_PARAGRAPHS", path=path)
        i = j
    return clean_document(SourceDocument(blocks=tuple(blocks), format=format, path=path))


def _normalized_lines(text: str, raw_lines: list[tuple[int, int, str]]
                      ) -> tuple[list[tuple[int, int, str, tuple[int, ...] | None]], dict[int, TablePos]]:
    """The lines normalised, as (lineno, origin, text, map), and the table cell of each line in a table: rows of
    tables copied from Word (cells separated by tabs or wide gaps) are split into their cells, column by column."""
    lines: list[tuple[int, int, str, tuple[int, ...] | None]] = []  # (lineno, origin, text, map)
    cell_of: dict[int, TablePos] = {}
    tables = 0
    k = 0
    normalize_line = LineNormalizer(text)
    if "|" not in text and "\t" not in text and "     " not in text:
        # a row has a pipe, a tab or a wide gap (_is_row): a text holding none has no table
        return [(lineno, origin, *normalize_line(body, origin)) for lineno, origin, body in raw_lines], cell_of
    while k < len(raw_lines):
        end = _row_group_end(raw_lines, k)
        if end > k:
            tables += 1
            columns: dict[int, list[tuple[int, int, str]]] = {}
            for lineno, origin, body in raw_lines[k:end]:
                for col, (off, part) in enumerate(_cells(body) or [(0, body)]):
                    if part.strip():
                        columns.setdefault(col, []).append((lineno, origin + off, part))
            for col in sorted(columns):
                for lineno, origin, part in columns[col]:
                    norm, omap = normalize_with_map(part)
                    cell_of[len(lines)] = TablePos(table=tables, row=0, col=col)
                    lines.append((lineno, origin, norm, _with_lead(part, omap)))
                lines.append((0, 0, "", None))  # cells are separate paragraphs
            k = end
            continue
        lineno, origin, body = raw_lines[k]
        norm, omap = normalize_line(body, origin)
        lines.append((lineno, origin, norm, omap))
        k += 1
    return lines, cell_of


_GAP_RE = guarded(r"\t+| {5,}")
_NON_SPACE_RE = guarded(r"\S")
_PIPE = guarded(r"\|")
_PIPE_RULE_RE = guarded(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")


_BLANK_BEFORE = frozenset(vocab.reading().blank_before)


def _cells(body: str) -> list[tuple[int, str]] | None:
    """The cells of a table row copied as text (``ỦY BAN…<tab>CỘNG HÒA…``), or None.

    A gap is a cell boundary only where a new cell can start: not before ``/`` or a dot
    leader (``Số:      /KH-UBND``), not after a word that a typed blank follows in drafts
    (``ngày      tháng``), and not after a list label (``1.<tab>Mục đích``: Word's numbering).
    """
    stripped = body.strip()
    # "| a | b |": starts and ends with a pipe and holds one between (a test, not a pattern:
    # a pattern for it backtracks quadratically on a long line of pipes that does not end in one)
    if (stripped[:1] == "|" and stripped[-1:] == "|" and stripped.count("|") >= 3
            and not _CELL_BREAK_RE.match(stripped)):
        # "| UBND TỈNH … | CỘNG HÒA … |": a table row written with pipes (as Markdown does)
        bars = [m.start() for m in _PIPE.finditer(body)]
        rule = bool(_PIPE_RULE_RE.match(stripped))  # the |---|---| line: no text
        return [(a + 1, "" if rule else body[a + 1 : b]) for a, b in zip(bars, bars[1:])]
    if "\t" not in body and "     " not in stripped:  # no tab: _GAP_RE is five spaces or more
        return None
    parts: list[tuple[int, str]] = []
    start = 0
    for m in _GAP_RE.finditer(body):
        # what the gap follows and what comes after it, without copying the rest of the line
        # (a copy per gap is quadratic on a line of many gaps)
        last_word = _last_word(body, start, m.start())
        nxt = _NON_SPACE_RE.search(body, m.end())
        right_first = nxt.group(0) if nxt else ""
        if last_word is not None and (right_first in "/.…_-" or last_word in _BLANK_BEFORE):
            continue  # a blank left in the text, not a cell boundary
        parts.append((start, body[start : m.start()]))
        start = m.end()
    parts.append((start, body[start:]))
    filled = [p for _, p in parts if p.strip()]
    if len(parts) < 2 or not filled:
        return None
    first = parts[0][1].strip()
    if first and len(first) <= 8 and LIST_MARKER_RE.match(first + " ") and len(filled) <= 2:
        return None
    return parts


def _last_word(body: str, start: int, end: int) -> str | None:
    """``body[start:end].strip().rsplit(" ", 1)[-1]``, or None when that span is blank, looking only
    at the span's last word: the spans of skipped gaps overlap, and copying them is quadratic."""
    k = end
    while k > start and body[k - 1].isspace():
        k -= 1
    if k == start:
        return None
    j = k
    while j > start and body[j - 1] != " ":
        j -= 1
    return body[j:k].strip()


def _is_row(body: str) -> bool:
    if "|" not in body and "\t" not in body and "     " not in body:
        return False  # no pipe, tab or wide gap: no cell boundary (the usual line, two searches spared)
    if "|" in body and _PIPE_RULE_RE.match(body.strip()):
        return True  # the |---|---| line under a pipe table's first row
    cells = _cells(body)
    return cells is not None and sum(1 for _, p in cells if p.strip()) >= 2


def cells_of(line: str) -> list[tuple[int, str]] | None:
    """The cells of one line typed as a table row (tabs, wide gaps or pipes), as (offset, text);
    None when it is no row. The rules of the plain-text reader (see :func:`_cells`)."""
    return _cells(line)


def is_row(line: str) -> bool:
    """Whether ``line`` is a table row of two or more filled cells."""
    return _is_row(line)


def _row_group_end(raw_lines: list[tuple[int, int, str]], k: int) -> int:
    """End (exclusive) of a group of table rows starting at line ``k``; ``k`` when none starts there.

    Rows are lines with two or more cells; a line of one cell inside a group (an empty cell
    beside it) continues the group when a row follows it.
    """
    if not _is_row(raw_lines[k][2]):
        return k
    end = k + 1
    while end < len(raw_lines):
        body = raw_lines[end][2]
        if not body.strip():
            break
        nxt = raw_lines[end + 1][2] if end + 1 < len(raw_lines) else ""
        if _is_row(body) or body.startswith("\t") or _is_row(nxt) or nxt.startswith("\t"):
            end += 1
            continue
        break
    return end


def _with_lead(part: str, omap: tuple[int, ...] | None) -> tuple[int, ...] | None:
    lead = len(part) - len(part.lstrip())
    if omap is None:
        return None if lead == 0 else tuple(range(lead, lead + len(part.strip())))
    return omap


def _identity(parts, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether :func:`_make_block` would find the offsets of ``parts`` to be the identity: no line
    changed by normalisation, each starting one character (its line break) after the one before."""
    origin0 = parts[0][1]
    pos = 0
    for k, (t, origin, omap) in enumerate(parts):
        if omap is not None or origin - origin0 != pos + (1 if k else 0) or _lead(text, origin):
            return False
        pos += len(t) + (1 if k else 0)
    return True


def _lead(text: str, origin: int) -> int:
    """Leading white space skipped by normalisation at ``origin``."""
    k = origin
    while k < len(text) and text[k] in " \t\u00a0\ufeff":
        k += 1
    return k - origin


def _shift(omap: tuple[int, ...] | None, t: str, lead: int) -> tuple[int, ...] | None:
    if omap is None:
        return None if lead == 0 else tuple(range(lead, lead + len(t)))
    return omap


def _make_block(index: int, parts, lineno: int, text: str, cell: TablePos | None) -> Block:  # type: ignore[no-untyped-def]
    """The block of ``parts`` (lines as (text, origin, map)); a line as it is in the source (the usual
    block: :func:`_identity` holds) made at once."""
    origin0 = parts[0][1]
    if len(parts) == 1 and parts[0][2] is None and not _lead(text, origin0):
        return Block(index=index, text=parts[0][0], line=lineno, line_breaks=(), origin=origin0, offsets=None,
                     location=f"dòng {lineno}", table=cell)
    return _joined_block(index, parts, lineno, text, cell)


def _joined_block(index: int, parts, lineno: int, text: str, cell: TablePos | None) -> Block:  # type: ignore[no-untyped-def]
    origin0 = parts[0][1]
    breaks: list[int] = []
    if _identity(parts, text):  # the common block: its text is the source's, line breaks read as blanks
        length = -1
        for t, _origin, _omap in parts:
            if length >= 0:
                breaks.append(length)
            length += 1 + len(t)
        return Block(index=index, text=" ".join(t for t, _, _ in parts), line=lineno, line_breaks=tuple(breaks),
                     origin=origin0, offsets=None, location=f"dòng {lineno}", table=cell)
    pieces: list[str] = []
    offsets: list[int] = []
    length = 0  # characters in ``pieces`` so far: a running count keeps a long paragraph linear
    for k, (t, origin, omap) in enumerate(parts):
        if k:
            breaks.append(length)
            pieces.append(" ")
            length += 1
            offsets.append(origin - 1 - origin0)  # the line break
        lead = _lead(text, origin) if omap is None else 0
        rel = origin - origin0
        if omap is None:
            offsets.extend(range(rel + lead, rel + lead + len(t)))
        else:
            offsets.extend(rel + o for o in omap)
        pieces.append(t)
        length += len(t)
    joined = "".join(pieces)
    identity = offsets == list(range(len(offsets)))
    return Block(
        index=index,
        text=joined,
        line=lineno,
        line_breaks=tuple(breaks),
        origin=origin0,
        offsets=None if identity else tuple(offsets),
        location=f"dòng {lineno}",
        table=cell,
    )
