"""The text pieces of a PDF page read by PDFium (pypdfium2), the fast backend of read/pdf.py.

pypdf's extraction walks every content stream in Python; PDFium walks them in C. Here each
PDFium text object (one per text-showing operator) becomes a :class:`~vnplan.read.pdf_pieces.Piece`
with the position, effective size and BaseFont of its first character and the right edge of its
last; the spaces and line ends PDFium inserts between objects become the separating pieces the
pypdf path gets from pypdf. The same line assembly (``lines_of``) then runs on either backend.
Everything else (opening, limits, encryption, page sizes, stamps) stays with pypdf, whose
object parsing is cheap; only the text walk moves to PDFium. See docs/reading.md, "PDF".
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import Any

from vnplan.read import values
from vnplan.read.pdf_pieces import Piece


#: PDFium (hence pypdfium2) must not be called from two threads at once (``vnplan serve``, threaded
#: executors): read/pdf.py holds this lock while a document is open.
LOCK = threading.RLock()


def open_document(data: bytes) -> Any:
    """A pypdfium2 document of ``data`` (pypdf has already opened it: errors here are rare)."""
    import pypdfium2

    return pypdfium2.PdfDocument(data)


def _font_name(raw: Any, obj: Any, cache: dict[int, str | None]) -> str | None:
    font = raw.FPDFTextObj_GetFont(obj)
    if not font:
        return None
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if key in cache:
        return cache[key]
    n = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = None
    if n > 1:
        buf = ctypes.create_string_buffer(n)
        raw.FPDFFont_GetBaseFontName(font, buf, n)
        name = buf.value.decode("utf-8", "replace") or None
    cache[key] = name
    return name


class _Unsure(Exception):
    """PDFium's text of a page is not what pypdf's would be: the page is read with pypdf."""


def page_pieces(doc: Any, index: int, count: Callable[[], Any] = lambda: None) -> list[Piece] | None:
    """The text pieces of page ``index`` in drawing order (line ends are pieces holding ``\\n``),
    or None where PDFium's text may differ from pypdf's (dropped letters or blanks). ``count`` is
    called once per page object: the operator limits count objects here (each is one operator or more)."""
    import pypdfium2.raw as raw

    page = doc[index]
    textpage = page.get_textpage()
    try:
        out: list[Piece] = []
        try:
            _walk(raw, page.raw, textpage.raw, None, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), out, {}, 0, count)
        except _Unsure:
            return None
        return _separate(out)
    finally:
        textpage.close()
        page.close()


def _mul(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF row-vector matrices)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _walk(raw: Any, page: Any, tp: Any, form: Any, ctm: tuple[float, ...], out: list[Piece],
          fonts: dict[int, str | None], depth: int, count: Callable[[], Any]) -> None:
    total = raw.FPDFFormObj_CountObjects(form) if form is not None else raw.FPDFPage_CountObjects(page)
    get = raw.FPDFFormObj_GetObject if form is not None else raw.FPDFPage_GetObject
    parent = form if form is not None else page
    get_type, get_text, get_matrix = raw.FPDFPageObj_GetType, raw.FPDFTextObj_GetText, raw.FPDFPageObj_GetMatrix
    get_size, get_bounds = raw.FPDFTextObj_GetFontSize, raw.FPDFPageObj_GetBounds
    text_kind, form_kind = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_FORM
    m = raw.FS_MATRIX()
    size = ctypes.c_float()
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    m_ref, size_ref = ctypes.byref(m), ctypes.byref(size)
    box = (ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))
    buf = (ctypes.c_ushort * 512)()
    for k in range(total):
        count()
        obj = get(parent, k)
        kind = get_type(obj)
        if kind == form_kind and depth < 8:
            get_matrix(obj, m_ref)
            _walk(raw, page, tp, obj, _mul((m.a, m.b, m.c, m.d, m.e, m.f), ctm) if form is not None else
                  (m.a, m.b, m.c, m.d, m.e, m.f), out, fonts, depth + 1, count)
            continue
        if kind != text_kind:
            continue
        n = get_text(obj, tp, buf, 1024)
        if n <= 2:
            raise _Unsure  # letters PDFium has no Unicode for, or blanks only: pypdf keeps both
        if n > 1024:
            big = (ctypes.c_ushort * (n // 2 + 1))()
            get_text(obj, tp, big, n)
            raw_text = ctypes.string_at(big, n - 2)
        else:
            raw_text = ctypes.string_at(buf, n - 2)
        text = values.scrub(raw_text.decode("utf-16-le", "replace"))
        if not text:
            continue
        get_matrix(obj, m_ref)
        tm: tuple[float, ...] = (m.a, m.b, m.c, m.d, m.e, m.f)
        if form is not None:
            tm = _mul(tm, ctm)
        get_size(obj, size_ref)
        eff = abs(size.value * (tm[3] or 1)) or size.value
        end = None
        if get_bounds(obj, *box):
            end = r.value if form is None else None
            if end is not None and end - tm[4] > len(text) * 0.7 * eff + 1.5 * eff:
                raise _Unsure  # wider than its text: PDFium dropped a run of blanks
        out.append(Piece(text, tm[4], tm[5], eff, _font_name(raw, obj, fonts), end, True))


def _separate(pieces: list[Piece]) -> list[Piece]:
    """Line ends and spaces between pieces, where pypdf's extraction puts them."""
    out: list[Piece] = []
    prev: Piece | None = None
    for p in pieces:
        if prev is not None:
            em = prev.size or 12.0
            if abs(p.y - prev.y) > 0.8 * em:
                out.append(Piece("\n", p.x, p.y, p.size, p.font))
        out.append(p)
        prev = p
    return out
