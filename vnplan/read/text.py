"""Plain-text reader (văn bản thuần): text copied from Word or extracted from PDF, into blocks.

What it copes with: hard line breaks inside paragraphs (joined back), page numbers on their
own lines and the ``|`` lines of flattened header tables (kept as artifacts), NFD or mixed
Unicode and old tone-mark placement (normalised, with a map back to the original offsets).
It knows nothing about plans: only about lines, paragraphs and list markers.
"""

from __future__ import annotations

import regex

from vnplan.errors import EmptyInputError, EncodingError
from vnplan.model import Block, SourceDocument, TablePos
from vnplan.text import is_upper_text, normalize_with_map

_LINE_RE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_PAGE_NO_RE = regex.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
_CELL_BREAK_RE = regex.compile(r"^\|+$")
_RULE_RE = regex.compile(r"^[-_=─—–.*•]{3,}$")
# A list marker at the start of a line: I. 1. 1.2. a) - + • Điều 1.
LIST_MARKER_RE = regex.compile(
    r"^(?:"
    r"(?:[IVXL]{1,6})[.)](?:\s|$)"  # roman
    r"|\d{1,3}(?:\.\d{1,3})*[.)](?:\s|$|(?=\p{Lu}))"  # 1. 1) 2.1. 1.Mục
    r"|\d{1,3}(?:\.\d{1,3})+\s"  # 2.1 without trailing dot
    r"|[a-zđ][.)]\s"  # a) b.
    r"|[-–—+•·●▪◦*](?:\s|(?=\p{L}))"  # dashes and bullets
    r"|Điều\s+\d+[.:]"  # article
    r")"
)
_TERMINAL = ".;:!?"
_CONNECTORS = frozenset(
    "của và về ngày tại số các cho theo với trong đến từ là được có những do bởi hoặc để "
    "trên dưới giữa nhằm gồm như thuộc tháng năm đối một hai ba hay cùng này đã sẽ đang".split()
)


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
    if first.islower() or first.isdigit() or first in "(\"“'‘[":
        return True
    last_word = a.rsplit(" ", 1)[-1].lower()
    return len(a) >= 40 or last_word in _CONNECTORS


def read_text(text: str, *, path: str | None = None, format: str = "text") -> SourceDocument:
    """Read plain text into a :class:`SourceDocument` of paragraph blocks."""
    if "\x00" in text:
        from vnplan.errors import BinaryInputError

        raise BinaryInputError("the input contains NUL bytes: it is binary, not text", path=path)
    # 1. lines with their offsets, normalised
    lines: list[tuple[int, int, str, tuple[int, ...] | None]] = []  # (lineno, origin, text, map)
    pos = 0
    for lineno, m in enumerate(_LINE_RE.finditer(text), start=1):
        raw = m.group(0)
        if not raw:
            break
        body = raw.rstrip("\r\n")
        norm, omap = normalize_with_map(body)
        lines.append((lineno, pos, norm, omap))
        pos += len(raw)
    if not any(t for _, _, t, _ in lines):
        raise EmptyInputError("the input holds no text", path=path)

    # 2. flattened tables: lines between "|" lines are cells of a two-column table
    bars = [i for i, (_, _, t, _) in enumerate(lines) if _CELL_BREAK_RE.match(t)]
    cell_of: dict[int, TablePos] = {}
    if bars:
        first_text = next(i for i, (_, _, t, _) in enumerate(lines) if t)
        bounds = [first_text - 1, *bars]
        for k in range(len(bounds) - 1):
            for i in range(bounds[k] + 1, bounds[k + 1]):
                cell_of[i] = TablePos(table=0, row=k // 2, col=k % 2)

    # 3. blocks: artifacts alone, other lines joined into paragraphs
    blocks: list[Block] = []
    i = 0
    n = len(lines)
    while i < n:
        lineno, origin, t, omap = lines[i]
        if not t:
            i += 1
            continue
        if _CELL_BREAK_RE.match(t) or (_PAGE_NO_RE.match(t) and i not in cell_of):
            blocks.append(
                Block(index=len(blocks), text=t, kind="artifact", line=lineno, origin=origin,
                      offsets=_shift(omap, t, _lead(text, origin)), location=f"dòng {lineno}")
            )
            i += 1
            continue
        parts = [(t, origin, omap)]
        j = i + 1
        while j < n and lines[j][2] and cell_of.get(j) == cell_of.get(i) and _joinable(parts[-1][0], lines[j][2]):
            parts.append((lines[j][2], lines[j][1], lines[j][3]))
            j += 1
        blocks.append(_make_block(len(blocks), parts, lineno, text, cell_of.get(i)))
        i = j
    return SourceDocument(blocks=tuple(blocks), format=format, path=path)


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
    origin0 = parts[0][1]
    pieces: list[str] = []
    offsets: list[int] = []
    breaks: list[int] = []
    for k, (t, origin, omap) in enumerate(parts):
        if k:
            breaks.append(sum(len(p) for p in pieces))
            pieces.append(" ")
            offsets.append(origin - 1 - origin0)  # the line break
        lead = _lead(text, origin) if omap is None else 0
        rel = origin - origin0
        if omap is None:
            offsets.extend(range(rel + lead, rel + lead + len(t)))
        else:
            offsets.extend(rel + o for o in omap)
        pieces.append(t)
    joined = "".join(pieces)
    identity = all(o == k for k, o in enumerate(offsets))
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
