"""PDF reader (pypdf): the text layer, in reading order, joined into paragraphs by read/text.py.

Per page, pypdf's plain extraction gives correctly spaced words; its visitor callback gives
the position of every piece, so each line gets an (x, y). Rows of side-by-side lines (a
header or signature table) are read left column first, then right column; page numbers and
running headers/footers become ``artifact`` blocks; a PDF with no text layer (a scan) is
refused with :class:`NeedsOCRError`.
"""

from __future__ import annotations

import io
import logging
from typing import Any

import attrs
import regex

from vnplan.errors import CorruptFileError, EmptyInputError, EncryptedFileError, NeedsOCRError
from vnplan.model import Block, PageSetup, SourceDocument, TablePos
from vnplan.read import legacy
from vnplan.read.text import LIST_MARKER_RE, read_text
from vnplan.text import normalize_with_map

_PT_MM = 25.4 / 72
_PAGE_NO = regex.compile(r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:Trang|trang|Page|page)\s+\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?$")
_DIGITS = regex.compile(r"\d+")
#: Fewer visible characters than this per page on average, on pages that draw images: a scan.
MIN_CHARS_PER_PAGE = 20


@attrs.define
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int
    line_on_page: int
    artifact: bool = False
    top: bool = False  # an artifact in the upper half of its page (running header)
    column: int | None = None  # 0 left, 1 right, inside a two-column zone
    zone: int | None = None


def _page_lines(page: Any, page_no: int) -> tuple[list[_Line], bool]:
    """Lines of one page with positions; the flag says a legacy (TCVN3/VNI) font was converted."""
    parts: list[tuple[str, float, float, float, str | None]] = []
    font_enc: dict[int, str | None] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text:
            return
        enc = None
        if font is not None:
            key = id(font)
            if key not in font_enc:
                try:
                    font_enc[key] = legacy.encoding_of_font(str(font.get("/BaseFont", "")).lstrip("/"))
                except Exception:  # noqa: BLE001 - odd font dictionaries are not worth failing for
                    font_enc[key] = None
            enc = font_enc[key]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        eff = abs(size * (tm[3] if tm[3] else 1) * (cm[3] if cm[3] else 1)) or size
        parts.append((text, x, y, eff, enc))

    page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    converted = False
    buf: list[str] = []
    pos: tuple[float, float, float] | None = None
    for text, x, y, size, enc in parts + [("\n", 0.0, 0.0, 0.0, None)]:
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:  # a line ends
                raw = "".join(buf)
                if raw.strip():
                    lx, ly, ls = pos if pos else (0.0, 0.0, 0.0)
                    lines.append(_Line(raw, lx, ly, ls, page_no, len(lines) + 1))
                buf, pos = [], None
            if piece:
                if enc:
                    piece = legacy.convert(piece, enc)
                    converted = True
                buf.append(piece)
                if pos is None and piece.strip():
                    pos = (x, y, size)
    return lines, converted


def _rows(lines: list[_Line], tol: float) -> list[list[_Line]]:
    """Lines grouped by baseline (top to bottom), each row left to right."""
    rows: list[list[_Line]] = []
    for ln in sorted(lines, key=lambda l: (-l.y, l.x)):
        if rows and abs(rows[-1][0].y - ln.y) <= tol:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    for r in rows:
        r.sort(key=lambda l: l.x)
    return rows


def _order_page(lines: list[_Line], width: float, zone_base: int) -> tuple[list[_Line], int]:
    """Reading order of one page: two-column zones left column first, the rest top to bottom."""
    if not lines:
        return lines, zone_base
    mid = width / 2

    def side(ln: _Line) -> str:
        est = len(ln.text.strip()) * (ln.size or 12) * 0.45
        if ln.x + est <= mid + 0.04 * width:
            return "L"
        if ln.x >= mid - 0.15 * width:
            return "R"
        return "F"  # full width: body text

    rows = _rows(lines, tol=3.0)
    for k, row in enumerate(rows):  # "dòng N" counts visual rows from the top of the page
        for ln in row:
            ln.line_on_page = k + 1
    kinds = [[side(ln) for ln in r] for r in rows]
    out: list[_Line] = []
    i = 0
    zone = zone_base
    while i < len(rows):
        # a zone: consecutive rows without full-width lines, close together, one with L and R
        j = i
        while j < len(rows) and "F" not in kinds[j] and not rows[j][0].artifact:
            if j > i:
                gap = rows[j - 1][0].y - rows[j][0].y
                if gap > 3.0 * max(rows[j][0].size or 12, 8):
                    break
            j += 1
        if j > i and any("L" in kinds[k] and "R" in kinds[k] for k in range(i, j)):
            left = [ln for k in range(i, j) for ln, s in zip(rows[k], kinds[k]) if s == "L"]
            right = [ln for k in range(i, j) for ln, s in zip(rows[k], kinds[k]) if s == "R"]
            for col, group in ((0, left), (1, right)):
                for ln in group:
                    ln.column, ln.zone = col, zone
                out.extend(group)
            zone += 1
            i = j
        else:
            out.extend(rows[i])
            i += 1
    return out, zone


def _mark_artifacts(pages: list[list[_Line]], heights: list[float]) -> None:
    """Page numbers near the top or bottom edge, and lines repeated at the edge of most pages."""
    edge: dict[str, int] = {}
    for lines, h in zip(pages, heights):
        seen: set[str] = set()
        for ln in lines:
            if ln.y > 0.9 * h or ln.y < 0.1 * h:
                key = _DIGITS.sub("#", ln.text.strip())
                if key not in seen:
                    seen.add(key)
                    edge[key] = edge.get(key, 0) + 1
    n = len(pages)
    for lines, h in zip(pages, heights):
        for ln in lines:
            t = ln.text.strip()
            near_edge = ln.y > 0.9 * h or ln.y < 0.1 * h
            if not near_edge:
                continue
            if _PAGE_NO.match(t) or (n >= 2 and edge.get(_DIGITS.sub("#", t), 0) >= max(2, (n + 1) // 2)):
                ln.artifact = True
                ln.top = ln.y > 0.5 * h


def _has_image(page: Any) -> bool:
    """Whether a page draws an image (a scan is one image per page)."""
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects is None:
            return False
        return any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values())
    except Exception:  # noqa: BLE001 - damaged resources: no evidence of a scan
        return False


def _open(data: bytes, path: str | None):  # type: ignore[no-untyped-def]
    import pypdf
    from pypdf.errors import DependencyError, PdfReadError, PdfStreamError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise EncryptedFileError(f"the PDF is encrypted and cannot be opened ({exc})", path=path) from None
            if not ok:
                raise EncryptedFileError("the PDF is password-protected", path=path,
                                         hint="open it with its password and save or print an unprotected copy")
        pages = list(reader.pages)
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise CorruptFileError(f"broken PDF ({exc})", path=path, hint="download the file again") from None
    return reader, pages


def read_pdf(data: bytes, *, path: str | None = None) -> SourceDocument:
    """Read a PDF's text layer into a :class:`SourceDocument`."""
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path)
    _reader, pages = _open(data, path)
    if not pages:
        raise CorruptFileError("the PDF has no pages", path=path)
    page_lines: list[list[_Line]] = []
    setups: list[PageSetup] = []
    widths: list[float] = []
    heights: list[float] = []
    legacy_used = False
    for k, page in enumerate(pages):
        try:
            box = page.mediabox
            w, h = float(box.width), float(box.height)
            lines, conv = _page_lines(page, k)
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged streams
            raise CorruptFileError(f"cannot read page {k + 1} ({type(exc).__name__}: {exc})", path=path) from None
        rot = int(page.get("/Rotate", 0) or 0) % 180
        if rot:
            w, h = h, w
        legacy_used |= conv
        widths.append(w)
        heights.append(h)
        setups.append(PageSetup(width_mm=round(w * _PT_MM, 1), height_mm=round(h * _PT_MM, 1),
                                orientation="landscape" if w > h else "portrait"))
        page_lines.append(lines)
    visible = sum(len(ln.text.strip()) for lines in page_lines for ln in lines)
    if visible == 0 or visible < MIN_CHARS_PER_PAGE * len(pages) and any(_has_image(p) for p in pages):
        raise NeedsOCRError(
            f"the PDF has no text layer ({len(pages)} page(s) of scanned images): vnplan cannot read it",
            path=path, hint="run OCR first, e.g. ocrmypdf -l vie IN.pdf OUT.pdf, then read OUT.pdf",
        )
    _mark_artifacts(page_lines, heights)
    ordered: list[_Line] = []
    zone = 0
    for lines, w in zip(page_lines, widths):
        body, zone = _order_page(lines, w, zone)
        ordered.extend(body)
    return _to_document(ordered, path, tuple(setups), legacy_used)


def _join_cell_continuations(lines: list[_Line]) -> list[_Line]:
    """Inside a column zone, join a wrapped line to the entry it continues.

    A line continues the one above it in the same column when it does not open a list item
    and either the line above ends with a comma, or it is a parenthesised note under a list
    entry (``- Cơ quan Báo, Đài;`` / ``(để đưa tin)``). Centred header lines are left alone.
    """
    out: list[_Line] = []
    entry_open = False
    for ln in lines:
        prev = out[-1] if out else None
        t = ln.text.strip()
        same_cell = (prev is not None and not ln.artifact and not prev.artifact and ln.column is not None
                     and (prev.zone, prev.column) == (ln.zone, ln.column))
        if same_cell and prev is not None and not LIST_MARKER_RE.match(t) and (
                prev.text.rstrip().endswith(",") or entry_open and t.startswith("(")):
            prev.text = prev.text.rstrip() + " " + t
            continue
        out.append(ln)
        entry_open = bool(LIST_MARKER_RE.match(t))
    return out


def _to_document(ordered: list[_Line], path: str | None, setups: tuple[PageSetup, ...], legacy_used: bool) -> SourceDocument:
    # Body lines go through the plain-text reader (paragraph joining); a blank line separates
    # what must not be joined: column changes, zones, a first-line indent after a full line.
    text_lines: list[str] = []
    source: list[_Line | None] = []  # per text line
    prev: _Line | None = None
    body_x = min((ln.x for ln in ordered if not ln.artifact and ln.column is None), default=0.0)
    ordered = _join_cell_continuations(ordered)
    for ln in ordered:
        if ln.artifact:
            continue
        if prev is not None:
            breaks = (ln.column, ln.zone) != (prev.column, prev.zone) or ln.page != prev.page and ln.column is not None
            indent = ln.column is None and ln.x > body_x + 1.5 * (ln.size or 12) and prev.column is None
            if breaks or indent:
                text_lines.append("")
                source.append(None)
        text_lines.append(ln.text.strip())
        source.append(ln)
        prev = ln
    blocks: list[Block] = []
    if any(text_lines):
        doc = read_text("\n".join(text_lines), path=path, format="pdf")
        blocks = list(doc.blocks)
    out: list[Block] = []
    pending = [ln for ln in ordered if ln.artifact]

    def flush(page: int) -> None:
        """Emit artifacts that come before a block on ``page``: its headers, earlier footers."""
        while pending and (pending[0].page < page or pending[0].page == page and pending[0].top):
            a = pending.pop(0)
            t, _ = normalize_with_map(a.text)
            out.append(Block(index=0, text=t, kind="artifact", page_section=a.page,
                             location=f"trang {a.page + 1}, dòng {a.line_on_page}"))

    for b in blocks:
        first = source[b.line - 1] if b.line and b.line - 1 < len(source) else None
        page = first.page if first else 0
        flush(page)
        table = None
        if first is not None and first.column is not None and b.kind == "paragraph":
            table = TablePos(table=first.zone or 0, row=0, col=first.column)
        where = f"trang {page + 1}, dòng {first.line_on_page}" if first else b.location
        out.append(attrs.evolve(b, location=where, table=table, page_section=page, line=None, origin=None, offsets=None))
    flush(10**9)
    out = [attrs.evolve(b, index=k) for k, b in enumerate(out)]
    warnings: tuple[str, ...] = ()
    if legacy_used:
        warnings = ("văn bản dùng phông TCVN3/VNI, đã chuyển sang Unicode / legacy TCVN3/VNI fonts converted to Unicode",)
    return SourceDocument(blocks=tuple(out), format="pdf", path=path, pages=setups, warnings=warnings)
