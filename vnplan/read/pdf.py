"""PDF reader (pypdf): the text layer, in reading order, joined into paragraphs by read/text.py.

Per page, pypdf's plain extraction gives correctly spaced words; its visitor callback gives
the position, font and size of every piece, so each line gets an (x, y) and font runs.
Cells sharing a baseline are split apart; rows of side-by-side lines (a header or signature
table) are read left column first, then right column; number and date stamps drawn by
digital-signature fields fill the blanks they sit on; page numbers and running
headers/footers become ``artifact`` blocks; a PDF with no text layer (a scan) is refused
with :class:`NeedsOCRError`. See docs/reading.md.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import importlib.util
import io
import logging
import operator
import os
from contextlib import contextmanager
from typing import Any

import attrs

from vnplan.errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    LimitExceededError,
    NeedsOCRError,
    VnplanError,
)
from vnplan.model import Block, PageSetup, Run, SourceDocument, TablePos
from vnplan.pattern import guarded
from vnplan.read import legacy, limits, pdf_fast, scrambled, values
from vnplan.read.limits import exceeded
from vnplan.read.pdf_pieces import Piece, convert_legacy, lines_of, page_pieces
from vnplan.read.text import LIST_MARKER_RE, read_text
from vnplan.read.values import clean_document
from vnplan.text import normalize_with_map

_PT_MM = 25.4 / 72
_PAGE_NO = guarded(r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^(?:Trang|trang|Page|page)\s+\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?$")
_DIGITS = guarded(r"\d+")
_SPACES = guarded(r"\s+")
_GAP_OR_END = guarded(r"\s{2,}|\s+$")
_CONTROL = guarded(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never text; a damaged stream shows them
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
    parts: list[tuple[str, float]] = attrs.Factory(list)  # (text, x) pieces making up ``text``
    fonts: list[tuple[str, str | None, float]] = attrs.Factory(list)  # (text, BaseFont, size) runs


class _Work:
    """Content-stream operators run so far, per page and for the document, against the limits.

    pypdf calls :meth:`operator` before every operator, inside Form XObjects too. The error it
    raises is kept: pypdf swallows exceptions raised while a form is drawn, so :meth:`check`
    raises it again once the page has been read.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.total = 0
        self.page = 0
        self.page_no = 0
        self.error: LimitExceededError | None = None

    def start_page(self, page_no: int) -> None:
        self.page = 0
        self.page_no = page_no

    def operator(self, *_args: Any) -> None:  # pypdf's visitor_operand_before
        self.page += 1
        self.total += 1
        if self.error is None:
            if self.page > limits.MAX_PDF_PAGE_OPERATORS:
                self.error = exceeded(f"page {self.page_no + 1} holds too much drawing (content-stream operators)",
                                      limits.MAX_PDF_PAGE_OPERATORS, "MAX_PDF_PAGE_OPERATORS", path=self.path,
                                      hint=_PDF_HINT)
            elif self.total > limits.MAX_PDF_OPERATORS:
                self.error = exceeded("the PDF holds too much drawing (content-stream operators)",
                                      limits.MAX_PDF_OPERATORS, "MAX_PDF_OPERATORS", path=self.path, hint=_PDF_HINT)
        if self.error is not None:
            raise self.error

    def operators(self, n: int) -> bool:
        """Count ``n`` operators at once where none of them reaches a limit (say True); else count
        nothing (say False): the caller counts them one by one through :meth:`operator`, which raises."""
        if (self.error is None and self.page + n <= limits.MAX_PDF_PAGE_OPERATORS
                and self.total + n <= limits.MAX_PDF_OPERATORS):
            self.page += n
            self.total += n
            return True
        return False

    def check(self) -> None:
        if self.error is not None:
            raise self.error


_PDF_HINT = "print it to a new PDF or export the document again; real plans stay far below this limit"


def _page_lines(page: Any, page_no: int, work: _Work | None = None,
                fast: Any = None) -> tuple[list[_Line], bool]:
    """Lines of one page with positions; the flag says a legacy (TCVN3/VNI) font was converted.

    The pieces come one per text-showing operator (read/pdf_pieces.py); a line drawn out of
    position order (fallback-font letters drawn after the rest) is put in position order.
    """
    if work is None:
        work = _Work(None)
    work.start_page(page_no)
    # PDFium's text walk (read/pdf_fast.py) gives the same pieces, drawn in C; a page it may read
    # otherwise (letters without Unicode, dropped blanks) is walked by pypdf
    pieces = pdf_fast.page_pieces(fast, page_no, work.operator, work.operators) if fast is not None else None
    if pieces is None:
        pieces = page_pieces(page, work.operator)
    work.check()
    lines: list[_Line] = []
    converted = False
    legacy_fonts: dict[str | None, bool] = {}  # BaseFont -> whether it names a TCVN3/VNI font
    for raw in lines_of(pieces):
        buf: list[Piece] = []
        for piece in raw:
            is_legacy = legacy_fonts.get(piece.font)
            if is_legacy is None:
                is_legacy = legacy_fonts[piece.font] = legacy.encoding_of_font(piece.font) is not None
            if is_legacy:
                piece, conv = convert_legacy(piece)
                converted |= conv
            buf.append(piece)
        if len(buf) == 1 and buf[0].text.strip():  # a line of one piece: what _buf_lines makes of it
            p = buf[0]
            lines.append(_Line(p.text, p.x, p.y, p.size, page_no, len(lines) + 1, parts=[(p.text, p.x)],
                               fonts=[(p.text, p.font, round(p.size * 2) / 2)]))
        else:
            _buf_lines(buf, page_no, lines)
    return lines, converted


def _buf_lines(buf: list[Piece], page_no: int, lines: list[_Line]) -> None:
    """The lines (cells split apart) of one extracted line's pieces, added to ``lines``."""
    y_line = next(p.y for p in buf if p.text.strip())
    for seg in _segments(buf):
        text = "".join(p.text for p in seg)
        first = next((p for p in seg if p.text.strip()), None)
        if text.strip() and first is not None:
            lines.append(_Line(text, first.x, y_line, first.size, page_no, len(lines) + 1,
                               parts=[(p.text, p.x) for p in seg], fonts=_fonts_of(seg)))


def _fonts_of(seg: list[Piece]) -> list[tuple[str, str | None, float]]:
    """(text, BaseFont, size) runs of a line, neighbours of the same font and size merged."""
    groups: list[tuple[list[str], str | None, float]] = []  # texts joined once: a line may hold 100k pieces
    for p in seg:
        size = round(p.size * 2) / 2
        if groups and (not p.text.strip() or (groups[-1][1], groups[-1][2]) == (p.font, size)):
            groups[-1][0].append(p.text)
        else:
            groups.append(([p.text], p.font, size))
    return [("".join(texts), name, size) for texts, name, size in groups]


_STYLE_WORDS = guarded(r"(?i)bold|italic|oblique|regular|roman|book|medium|semibold|black|light|mt|ps")


@functools.lru_cache(maxsize=1024)  # a document uses a few fonts; its runs ask for them per line
def font_facts(base: str | None) -> tuple[str | None, bool | None, bool | None]:
    """Family, bold and italic from a PDF BaseFont: ``ABCDEE+Times New Roman,Bold`` → Times New Roman, bold."""
    if not base:
        return None, None, None
    name = base.split("+", 1)[1] if "+" in base[:7] else base
    family, style = name, ""
    for sep in (",", "-"):
        if sep in name:
            head, tail = name.split(sep, 1)
            if _STYLE_WORDS.search(tail):
                family, style = head, tail
                break
    low = (style or name).lower()
    return family.strip() or None, "bold" in low or "black" in low or "heavy" in low, "italic" in low or "oblique" in low


def _segments(buf: list[Piece]) -> list[list[Piece]]:
    """Split one extracted line where a piece starts far right of where the text before it
    can end: cells of a table row that share a baseline (``UBND TỈNH…   CỘNG HÒA…``).

    The end of a piece is over-estimated (0.6 em a character), so words set close together
    are never split; a column gap is many times wider.
    """
    segs: list[list[Piece]] = [[]]
    end: float | None = None
    for p in buf:
        if p.text.strip():
            size = p.size or 12
            if end is not None and p.x - end > 2.5 * size:
                segs.append([])
            end = p.x + len(p.text) * 0.6 * size
        segs[-1].append(p)
    return segs


_PUNCT_AFTER = "/-–.,;:)]"
_MAX_STAMP = 40  # longer or multi-line stamps are signature-information boxes, not blanks filled


def _stamps(page: Any, work: _Work | None = None) -> list[tuple[float, float, float, str]]:
    """Text drawn by annotations, above all digital-signature fields whose appearance shows
    the number and date the signing system stamped: (x, baseline y, size, text)."""
    out: list[tuple[float, float, float, str]] = []
    annots = page.get("/Annots")
    if annots is None:
        return out
    drawn_bytes = 0
    try:
        refs = list(annots.get_object())[:limits.MAX_PDF_ANNOTATIONS]  # stamps are few; the rest is not read
    except TypeError:  # not an array
        return out
    for ref in refs:
        try:
            a = ref.get_object()
            if values.pdf_int(a.get("/F"), lo=0, hi=2**32 - 1, default=0) & (2 | 32):  # Hidden, NoView
                continue
            ap = a.get("/AP")
            normal = ap.get_object().get("/N") if ap is not None else None
            normal = normal.get_object() if normal is not None else None
            if normal is None or not hasattr(normal, "get_data"):
                continue  # no appearance, or a state dictionary (check boxes)
            drawn_bytes += len(normal.get_data())
            if drawn_bytes > limits.MAX_PDF_PAGE_CONTENT_BYTES:
                break  # appearances drawing that much are no stamps: the rest is not read
            found: list[tuple[float, float]] = []

            def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
                if text.strip():
                    found.append((tm[5] * cm[3] + cm[5], abs(size * (tm[3] or 1) * (cm[3] or 1)) or size))

            drawn = page.extract_xform_text(normal, visitor_text=visit,
                                            visitor_operand_before=work.operator if work else None)
            if work is not None:
                work.check()
            text = values.scrub("\n".join(" ".join(t.split()) for t in drawn.splitlines() if t.strip()))
            if not text:
                continue
            corners = [values.pdf_number(v) for v in a["/Rect"]][:4]
            rect = [v for v in corners if v is not None]
            if len(rect) < 4:
                continue  # no usable position
        except VnplanError:
            raise
        except Exception:  # noqa: BLE001 - a damaged annotation only loses its stamp
            continue
        x0, y0, y1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[1], rect[3])
        dy, size = found[0] if found else (0.0, 12.0)
        base = y0 + dy if 0 <= dy <= (y1 - y0) else y0
        out.append((x0, base, size, text))
    return out


def _place_stamps(lines: list[_Line], stamps: list[tuple[float, float, float, str]], page_no: int) -> int:
    """Write each stamp into the line it fills (``Số:      /TB-UBND`` → ``Số: 453/TB-UBND``),
    in the blank run nearest its position; a stamp on no line becomes a line of its own."""
    placed = 0
    cursors: dict[tuple[int, int], int] = {}
    for x, y, size, text in sorted(stamps, key=lambda s: (-s[1], s[0])):
        if "\n" in text or len(text) > _MAX_STAMP:
            # a signature-information box (Người ký, Cơ quan, Thời gian ký…): kept, not content
            for k, t in enumerate(text.splitlines()):
                lines.append(_Line(t, x, y - k * size, size, page_no, len(lines) + 1, artifact=True, parts=[(t, x)]))
            continue
        tol = max(3.0, 0.5 * size)
        candidates = [ln for ln in lines if abs(ln.y - y) <= tol and ln.x <= x + size]
        if not candidates:
            lines.append(_Line(text, x, y, size, page_no, len(lines) + 1, parts=[(text, x)]))
            placed += 1
            continue
        ln = max(candidates, key=lambda l: l.x)
        idx = max((k for k, (_t, px) in enumerate(ln.parts) if px <= x + 1), default=0)
        piece = ln.parts[idx][0] if ln.parts else ln.text
        start = cursors.get((id(ln), idx), 0)
        m = _GAP_OR_END.search(piece, start)
        if m:
            after = piece[m.end():]
            glue = "" if after[:1] and after[:1] in _PUNCT_AFTER else " "
            new = piece[: m.start()] + " " + text + glue
            cursors[(id(ln), idx)] = len(new)
            piece = new + after
        else:
            nxt = ln.parts[idx + 1][0] if idx + 1 < len(ln.parts) else ""
            glue = "" if nxt[:1] and nxt[:1] in _PUNCT_AFTER else " "
            piece = piece.rstrip() + " " + text + glue
            cursors[(id(ln), idx)] = len(piece)
        if ln.parts:
            ln.parts[idx] = (piece, ln.parts[idx][1])
            ln.text = "".join(t for t, _ in ln.parts)
        else:
            ln.text = piece
        placed += 1
    return placed


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
        # a short line centred on the text column (the type name KẾ HOẠCH, a title) is not a cell of
        # the right column, whose cells centre a quarter of the page further right, nor of the left
        # one: it may end left of the middle (a bold name is wider than estimated, so it starts
        # further left), but it starts far right of where a left cell's lines start
        centred = abs(ln.x + est / 2 - (mid + 0.03 * width)) <= 0.07 * width
        if centred and ln.x >= mid - 0.15 * width:
            return "F"
        if ln.x + est <= mid + 0.04 * width:
            return "L"
        if centred:
            return "F"
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
        elif j > i:
            # no zone starts at i, nor at any row up to j: a zone search from those rows would end
            # at the same j and find no left-and-right row either (rescanning them is quadratic)
            for k in range(i, j):
                out.extend(rows[k])
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


_DECRYPT_HINT = "open it with its password and save or print an unprotected copy"


def _encrypted_error(exc: Exception, path: str | None) -> EncryptedFileError:
    """A PDF vnplan cannot decrypt: a missing cipher library is said so, not taken for a broken file."""
    return EncryptedFileError(
        f"the PDF is encrypted and this installation cannot decrypt it ({exc})", path=path,
        hint='install the "cryptography" package (a vnplan dependency) or save an unprotected copy',
    )


def _limit_error(exc: Exception, path: str | None) -> LimitExceededError:
    return LimitExceededError(f"the PDF goes past a reading limit of pypdf ({exc})", path=path, hint=_PDF_HINT)


def _open(data: bytes, path: str | None):  # type: ignore[no-untyped-def]
    import pypdf
    from pypdf.errors import DependencyError

    limit_error = getattr(pypdf.errors, "LimitReachedError", None)
    # every indirect object ends with "endobj" (those packed in object streams are counted below)
    declared = data.count(b"endobj")
    if declared > limits.MAX_PDF_OBJECTS:
        raise exceeded("too many PDF objects", limits.MAX_PDF_OBJECTS, "MAX_PDF_OBJECTS", path=path,
                       found=f"{declared}", hint=_PDF_HINT)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        objects = sum(len(v) for v in getattr(reader, "xref", {}).values()) + len(getattr(reader, "xref_objStm", {}))
        if objects > limits.MAX_PDF_OBJECTS:
            raise exceeded("too many PDF objects", limits.MAX_PDF_OBJECTS, "MAX_PDF_OBJECTS", path=path,
                           found=f"{objects}", hint=_PDF_HINT)
        if reader.is_encrypted:
            # An empty user password is the rule for "restricted" PDFs: every viewer opens them
            # without asking, and so does vnplan (AES needs the cryptography package).
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise _encrypted_error(exc, path) from None
            if not ok:
                raise EncryptedFileError("the PDF is password-protected: it opens only with its password",
                                         path=path, hint=_DECRYPT_HINT)
        pages = list(reader.pages)
    except VnplanError:
        raise
    except DependencyError as exc:
        raise _encrypted_error(exc, path) from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds (PdfReadError, LimitReachedError, …)
        if limit_error is not None and isinstance(exc, limit_error):
            raise _limit_error(exc, path) from None
        raise CorruptFileError(f"broken PDF ({type(exc).__name__}: {exc})", path=path,
                               hint="download the file again") from None
    if len(pages) > limits.MAX_PDF_PAGES:
        raise exceeded("too many pages", limits.MAX_PDF_PAGES, "MAX_PDF_PAGES", path=path, found=f"{len(pages)} pages",
                       hint="split the PDF; real plans stay far below this limit")
    return reader, pages


@contextmanager
def _pypdf_limits():  # type: ignore[no-untyped-def]
    """pypdf's own resource limits, lowered to vnplan's where this pypdf has them (6.x and later)."""
    try:
        from pypdf import Configuration, apply_configuration
    except ImportError:  # an older pypdf: vnplan's own counts still bound the work
        yield
        return
    wanted = {"xform_maximum_invocations_per_extraction": limits.MAX_PDF_FORM_DRAWS,
              "page_tree_maximum_entries": 4 * limits.MAX_PDF_PAGES,
              "zlib_maximum_output_length": 4 * limits.MAX_PDF_PAGE_CONTENT_BYTES + 64 * 1024 * 1024}
    known = {f.name for f in dataclasses.fields(Configuration)}
    with apply_configuration(**{k: v for k, v in wanted.items() if k in known}):  # type: ignore[arg-type]
        yield


def _page_size(page: Any) -> tuple[float, float]:
    """Width and height of a page's MediaBox (inherited as pypdf resolves it); A4 when it is unusable."""
    try:
        box = [values.pdf_number(v) for v in page.mediabox]
    except Exception:  # noqa: BLE001 - a malformed box is no box
        box = []
    if len(box) == 4 and None not in box:
        w, h = abs(box[2] - box[0]), abs(box[3] - box[1])  # type: ignore[operator]
        if 0 < w < 1e6 and 0 < h < 1e6:
            return w, h
    return 595.0, 842.0


def _draws_forms(page: Any) -> bool:
    """Whether a page's resources hold a Form XObject (damaged resources count as forms)."""
    try:
        ref = page.get("/Resources")
        if ref is None and hasattr(page, "get_inherited"):  # resources of the page tree above
            ref = page.get_inherited("/Resources", None)
        res: Any = ref.get_object() if ref is not None else None
        xobjects = res.get("/XObject") if hasattr(res, "get") else None
        if xobjects is None:
            return False
        return any(x.get_object().get("/Subtype") != "/Image" for x in xobjects.get_object().values())
    except Exception:  # noqa: BLE001 - unreadable resources: pypdf's walk reports them as before
        return True


def _content_bytes(page: Any) -> int:
    """Decoded bytes of a page's content streams and of the Form XObjects it can draw (each once)."""
    total = 0
    seen: set[int] = set()

    def stream_len(obj: Any) -> int:
        obj = obj.get_object()
        if isinstance(obj, list):  # an array of content streams
            return sum(stream_len(o) for o in obj)
        get = getattr(obj, "get_data", None)
        return len(get()) if get is not None else 0

    contents = page.get("/Contents")
    if contents is not None:
        total += stream_len(contents)
    todo: list[Any] = [page.get("/Resources")]
    while todo and total <= limits.MAX_PDF_PAGE_CONTENT_BYTES and len(seen) < 10_000:
        res: Any = todo.pop()
        res = res.get_object() if res is not None else None
        xobjects: Any = res.get("/XObject") if hasattr(res, "get") else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        if xobjects is None or not hasattr(xobjects, "values"):
            continue
        for ref in xobjects.values():
            obj = ref.get_object()
            if id(obj) in seen or not hasattr(obj, "get") or obj.get("/Subtype") != "/Form":
                continue
            seen.add(id(obj))
            total += stream_len(obj)
            todo.append(obj.get("/Resources"))
    return total


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formatted record is not worth failing for
            msg = str(record.msg)
        self.into.append(msg)


@contextmanager
def _pypdf_messages(into: list[str]):  # type: ignore[no-untyped-def]
    """While reading, pypdf's repair notices become document warnings instead of stderr lines."""
    logger = logging.getLogger("pypdf")
    handler = _Collect(into)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate




def backend() -> str:
    """The text walk in use: ``VNPLAN_PDF_BACKEND`` (pypdf or pdfium) when set, else PDFium when
    pypdfium2 is installed (the ``pdf-fast`` extra), else pypdf. PDFium walks only the pages it
    reads as pypdf does (read/pdf_fast.py); the others, and everything but the text walk, stay
    with pypdf, so both give the same document."""
    wanted = os.environ.get("VNPLAN_PDF_BACKEND", "").strip().lower()
    if wanted == "pypdf":
        return "pypdf"
    return "pdfium" if importlib.util.find_spec("pypdfium2") is not None else "pypdf"


def read_pdf(data: bytes, *, path: str | None = None, backend_name: str | None = None) -> SourceDocument:
    """Read a PDF's text layer into a :class:`SourceDocument` (``backend_name``: see :func:`backend`)."""
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path)
    notes: list[str] = []
    with _pypdf_messages(notes), _pypdf_limits():
        doc = _read_pdf(data, path, backend_name or backend())
    if notes:
        unique = list(dict.fromkeys(n[:200] for n in notes))
        more = f" (+{len(unique) - 5} more)" if len(unique) > 5 else ""
        doc = attrs.evolve(doc, warnings=doc.warnings + tuple(f"pypdf: {n}" for n in unique[:5])
                           + ((f"pypdf reported {len(unique)} repairs{more}",) if more else ()))
    return doc


def _read_pdf(data: bytes, path: str | None, which: str = "pypdf") -> SourceDocument:
    _reader, pages = _open(data, path)
    if not pages:
        raise CorruptFileError("the PDF has no pages", path=path)
    if which != "pdfium":
        return _read_pages(data, path, pages, None)
    with pdf_fast.LOCK:  # PDFium is not thread-safe: one document at a time per process
        fast = _Fast(data, len(pages))
        try:
            return _read_pages(data, path, pages, fast)
        finally:
            fast.close()


class _Fast:
    """The PDFium document, opened when a page is first walked with it (a PDF whose pages all have
    annotations or forms is never opened twice)."""

    def __init__(self, data: bytes, n_pages: int) -> None:
        self.data, self.n_pages = data, n_pages
        self.opened = False
        self.doc: Any = None

    def get(self) -> Any:
        """The document, or None (the pypdf walk) when PDFium reads it otherwise than pypdf."""
        if not self.opened:
            self.opened = True
            self.doc = _open_fast(self.data, self.n_pages)
        return self.doc

    def close(self) -> None:
        if self.doc is not None:
            self.doc.close()
            self.doc = None


def _open_fast(data: bytes, n_pages: int) -> Any:
    """The PDFium document, or None (the pypdf walk) when PDFium reads it otherwise than pypdf."""
    try:
        doc = pdf_fast.open_document(data)
    except Exception:  # noqa: BLE001 - PDFium refuses what pypdf repaired: pypdf reads it
        return None
    if len(doc) != n_pages:
        doc.close()
        return None
    return doc


def _read_pages(data: bytes, path: str | None, pages: list[Any], fast: _Fast | None) -> SourceDocument:
    page_lines: list[list[_Line]] = []
    setups: list[PageSetup] = []
    widths: list[float] = []
    heights: list[float] = []
    legacy_used = False
    stamped = 0
    visible = 0
    n_lines = 0
    work = _Work(path)
    from pypdf.errors import DependencyError, LimitReachedError

    limit_error = LimitReachedError
    for k, page in enumerate(pages):
        try:
            w, h = _page_size(page)
            size = _content_bytes(page)
            if size > limits.MAX_PDF_PAGE_CONTENT_BYTES:
                raise exceeded(f"page {k + 1} holds too much drawing (content-stream bytes)",
                               limits.MAX_PDF_PAGE_CONTENT_BYTES, "MAX_PDF_PAGE_CONTENT_BYTES", path=path,
                               hint=_PDF_HINT)
            # pypdf walks a page with annotations (PDFium drops the runs of blanks stamps fill) and one
            # that can draw forms (pypdf's walk counts their operators and draws against the limits)
            plain = fast is not None and "/Annots" not in page and not _draws_forms(page)
            lines, conv = _page_lines(page, k, work, fast.get() if plain and fast is not None else None)
            visible += sum(len(ln.text.strip()) for ln in lines)  # the page's own text layer
            stamped += _place_stamps(lines, _stamps(page, work), k) if "/Annots" in page else 0
        except VnplanError:
            raise
        except DependencyError as exc:
            raise _encrypted_error(exc, path) from None
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged streams
            if limit_error is not None and isinstance(exc, limit_error):
                raise _limit_error(exc, path) from None
            raise CorruptFileError(f"cannot read page {k + 1} ({type(exc).__name__}: {exc})", path=path) from None
        n_lines += len(lines)
        if visible > limits.MAX_TEXT_CHARS:
            raise exceeded("too much text", limits.MAX_TEXT_CHARS, "MAX_TEXT_CHARS", path=path)
        if n_lines > limits.MAX_LINES:
            raise exceeded("too many lines", limits.MAX_LINES, "MAX_LINES", path=path)
        if values.pdf_rotation(page.get("/Rotate")) % 180:  # a name, an array or null: not rotated
            w, h = h, w
        legacy_used |= conv
        widths.append(w)
        heights.append(h)
        setups.append(PageSetup(width_mm=round(w * _PT_MM, 1), height_mm=round(h * _PT_MM, 1),
                                orientation="landscape" if w > h else "portrait"))
        page_lines.append(lines)
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
    doc = _to_document(ordered, path, tuple(setups), legacy_used)
    one_line = [k + 1 for k, lines in enumerate(page_lines) if _one_line(lines)]
    if one_line:
        doc = attrs.evolve(doc, warnings=doc.warnings + (scrambled.one_line_warning(one_line),))
    if stamped:
        doc = attrs.evolve(doc, warnings=doc.warnings + (
            f"{stamped} đoạn chữ trong dấu/chữ ký số (số, ngày) đã được đưa vào văn bản / "
            f"{stamped} text stamp(s) drawn by signature or annotation fields (number, date) were placed into the text",))
    return doc


#: A visual line this long cannot fit a page's width in a legible size: the page was drawn as one line.
_ONE_LINE_CHARS = 250


def _one_line(lines: list[_Line]) -> bool:
    """Whether a page's text is drawn as one line (compressed to the page width): no line breaks to read."""
    return any(len(ln.text) >= _ONE_LINE_CHARS and not ln.artifact for ln in lines)


def _join_cell_continuations(lines: list[_Line]) -> list[_Line]:
    """Inside a column zone, join a wrapped line to the entry it continues.

    A line continues the one above it in the same column when it does not open a list item
    and either the line above ends with a comma, or it is a parenthesised note under a list
    entry (``- Cơ quan Báo, Đài;`` / ``(để đưa tin)``). Centred header lines are left alone.
    """
    out: list[_Line] = []
    joined: dict[int, list[str]] = {}  # index in out -> its texts, joined once at the end
    entry_open = False
    for ln in lines:
        prev = out[-1] if out else None
        t = ln.text.strip()
        same_cell = (prev is not None and not ln.artifact and not prev.artifact and ln.column is not None
                     and (prev.zone, prev.column) == (ln.zone, ln.column))
        texts = joined.get(len(out) - 1)
        prev_end = texts[-1] if texts else prev.text.rstrip() if prev is not None else ""
        if same_cell and prev is not None and not LIST_MARKER_RE.match(t) and (
                prev_end.endswith(",") or entry_open and t.startswith("(")):
            if texts is None:
                texts = joined[len(out) - 1] = [prev.text.rstrip()]
            texts.append(t)
            if prev.fonts and ln.fonts:
                head = prev.fonts[-1]
                prev.fonts[-1] = (head[0].rstrip() + " ", head[1], head[2])
                prev.fonts.extend(ln.fonts)
            continue
        out.append(ln)
        # only a line in a column can be continued (same_cell), so only there is its marker looked at
        entry_open = ln.column is not None and bool(LIST_MARKER_RE.match(t))
    for k, texts in joined.items():
        out[k].text = " ".join(texts)
    return out


def _line_pitch(lines: list[_Line]) -> float | None:
    """The usual distance between consecutive body lines (the median), if there are enough."""
    gaps = sorted(
        a.y - b.y for a, b in zip(lines, lines[1:])
        if not a.artifact and not b.artifact and a.page == b.page and a.column is None and b.column is None
        and 0 < a.y - b.y < 3 * max(a.size or 12, 8)
    )
    return gaps[len(gaps) // 2] if len(gaps) >= 3 else None


def _block_runs(lines: list[_Line]) -> tuple[Run, ...]:
    """Runs of a block from the font runs of its lines (a line break joined as a space)."""
    if len(lines) == 1 and len(lines[0].fonts) == 1:  # the common block: one line in one font
        text, base, size = lines[0].fonts[0]
        text = text.strip()
        if not text:
            return ()
        family, bold, italic = font_facts(base)
        return (Run(_spaced(text).lstrip().rstrip(), family, size or None, bold, italic),)
    return _block_runs_general(lines)


def _block_runs_general(lines: list[_Line]) -> tuple[Run, ...]:
    """:func:`_block_runs` for any block (the one-line, one-font case is held equal to it by a test)."""
    groups: list[tuple[tuple[Any, ...], list[str]]] = []  # (font facts, texts): joined once, not per piece
    for k, ln in enumerate(lines):
        for j, (text, base, size) in enumerate(ln.fonts):
            text = (" " if k and j == 0 else "") + (text.strip() if j == 0 else text)
            family, bold, italic = font_facts(base)
            key = (family, size or None, bold, italic)
            if groups and groups[-1][0] == (family, size, bold, italic):
                groups[-1][1].append(text)
            else:
                groups.append((key, [text]))
    joined = [("".join(texts), key) for key, texts in groups]
    kept = [(_spaced(text), key) for text, key in joined if text.strip()]
    if kept:  # each Run built once, with its final text
        kept[0] = (kept[0][0].lstrip(), kept[0][1])
        kept[-1] = (kept[-1][0].rstrip(), kept[-1][1])
    return tuple(Run(text, *key) for text, key in kept)


def _spaced(text: str) -> str:
    """Every run of white space as one blank (``_SPACES``); printable text without two blanks in a row
    holds no other white space, so it is returned as it is."""
    return text if text.isprintable() and "  " not in text else _SPACES.sub(" ", text)


#: (attribute, argument) of every field Block's __init__ takes: attrs.evolve without its per-call look-ups
_BLOCK_FIELDS = tuple((f.name, f.alias or f.name) for f in attrs.fields(Block) if f.init)


#: The fields _to_document gives every block anew, and a getter of all the others at once (one C call)
_BLOCK_CHANGED = frozenset({"index", "location", "table", "page_section", "line", "origin", "offsets", "runs"})
_BLOCK_KEPT = tuple(arg for _name, arg in _BLOCK_FIELDS if arg not in _BLOCK_CHANGED)
_BLOCK_KEPT_GET = operator.attrgetter(*(name for name, arg in _BLOCK_FIELDS if arg not in _BLOCK_CHANGED))


def _evolve_block(b: Block, changes: dict[str, Any]) -> Block:
    """``attrs.evolve(b, **changes)``: a block per paragraph is evolved, so the fields are listed once."""
    if changes.keys() == _BLOCK_CHANGED:  # _to_document's changes: the rest fetched at once
        changes.update(zip(_BLOCK_KEPT, _BLOCK_KEPT_GET(b)))
        return Block(**changes)
    for name, arg in _BLOCK_FIELDS:
        if arg not in changes:
            changes[arg] = getattr(b, name)
    return Block(**changes)


def _to_document(ordered: list[_Line], path: str | None, setups: tuple[PageSetup, ...], legacy_used: bool) -> SourceDocument:
    # Body lines go through the plain-text reader (paragraph joining); a blank line separates
    # what must not be joined: column changes, zones, a first-line indent after a full line.
    text_lines: list[str] = []
    source: list[_Line | None] = []  # per text line
    prev: _Line | None = None
    body_x = min((ln.x for ln in ordered if not ln.artifact and ln.column is None), default=0.0)
    ordered = _join_cell_continuations(ordered)
    pitch = _line_pitch(ordered)
    for ln in ordered:
        if ln.artifact:
            continue
        if prev is not None:
            breaks = (ln.column, ln.zone) != (prev.column, prev.zone) or ln.page != prev.page and ln.column is not None
            indent = ln.column is None and ln.x > body_x + 1.5 * (ln.size or 12) and prev.column is None
            # space between paragraphs: a gap clearly wider than the usual line pitch
            spaced = pitch is not None and ln.page == prev.page and prev.y - ln.y > 1.3 * pitch
            if breaks or indent or spaced:
                text_lines.append("")
                source.append(None)
        text = ln.text if ln.text.isprintable() else _CONTROL.sub("", ln.text)  # printable: no control characters
        text_lines.append(" ".join(text.split()))  # a gap inside a PDF line is a blank, not a cell
        source.append(ln)
        prev = ln
    blocks: list[Block] = []
    if any(text_lines):
        doc = read_text("\n".join(text_lines), path=path, format="pdf")
        blocks = list(doc.blocks)
    out: list[Block] = []
    pending = collections.deque(ln for ln in ordered if ln.artifact)

    def flush(page: int) -> None:
        """Emit artifacts that come before a block on ``page``: its headers, earlier footers."""
        while pending and (pending[0].page < page or pending[0].page == page and pending[0].top):
            a = pending.popleft()
            t, _ = normalize_with_map(a.text)
            out.append(Block(index=len(out), text=t, kind="artifact", page_section=a.page,
                             location=f"trang {a.page + 1}, dòng {a.line_on_page}"))

    for b in blocks:
        first = source[b.line - 1] if b.line and b.line - 1 < len(source) else None
        page = first.page if first else 0
        flush(page)
        table = None
        if first is not None and first.column is not None and b.kind == "paragraph":
            table = TablePos(table=first.zone or 0, row=0, col=first.column)
        where = f"trang {page + 1}, dòng {first.line_on_page}" if first else b.location
        start = (b.line or 1) - 1
        runs = _block_runs([ln for ln in source[start : start + len(b.line_breaks) + 1] if ln is not None])
        # the runs' text is the block's when it is the same string (a block's text is normalised
        # already: normalising it again changes nothing, tests/test_quick_paths.py holds it)
        joined = "".join(r.text for r in runs) if runs else ""
        if runs and joined != b.text and normalize_with_map(joined)[0] != b.text:
            # a stamp or a continuation changed the text: keep the leading run's formatting
            runs = (attrs.evolve(runs[0], text=b.text),)
        out.append(_evolve_block(b, {"index": len(out), "location": where, "table": table, "page_section": page,
                                     "line": None, "origin": None, "offsets": None, "runs": runs}))
    flush(10**9)
    warnings: tuple[str, ...] = ()
    if legacy_used:
        warnings = ("văn bản dùng phông TCVN3/VNI, đã chuyển sang Unicode / legacy TCVN3/VNI fonts converted to Unicode",)
    return clean_document(SourceDocument(blocks=tuple(out), format="pdf", path=path, pages=setups, warnings=warnings))
