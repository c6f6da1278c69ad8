"""The text pieces of a PDF page read by PDFium (pypdfium2), the fast backend of read/pdf.py.

pypdf's extraction walks every content stream in Python; PDFium walks them in C. Here each
PDFium text object (one per text-showing operator) becomes a :class:`~vnplan.read.pdf_pieces.Piece`
with the position, effective size and BaseFont of its first character and the right edge of its
last; the spaces and line ends PDFium inserts between objects become the separating pieces the
pypdf path gets from pypdf. The same line assembly (``lines_of``) then runs on either backend.
Everything else (opening, limits, encryption, page sizes, stamps) stays with pypdf, whose
object parsing is cheap; only the text walk moves to PDFium. See docs/reading.md, "PDF".

The walk's cost is its calls into PDFium: they go through prototypes on plain addresses
(:class:`_Calls`), and the objects' texts are cut from the page's text read in one call
(:func:`_object_texts`) where that gives what ``FPDFTextObj_GetText`` would, since each of those
calls scans the page's whole character list.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import Any

from vnplan.pattern import guarded
from vnplan.read import values
from vnplan.read.pdf_pieces import Piece


#: PDFium (hence pypdfium2) must not be called from two threads at once (``vnplan serve``, threaded
#: executors): read/pdf.py holds this lock while a document is open.
LOCK = threading.RLock()


def open_document(data: bytes) -> Any:
    """A pypdfium2 document of ``data`` (pypdf has already opened it: errors here are rare)."""
    import pypdfium2

    return pypdfium2.PdfDocument(data)


class _Calls:
    """The PDFium functions the walk calls, as prototypes taking and giving plain addresses (ints):
    pypdfium2's own wrap every handle in a pointer object, which costs a third of each call."""

    def __init__(self, raw: Any) -> None:
        V, I, F = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
        P = ctypes.POINTER

        def proto(fn: Any, res: Any, *args: Any) -> Any:
            return ctypes.CFUNCTYPE(res, *args)(_address(fn))

        self.count_page = proto(raw.FPDFPage_CountObjects, I, V)
        self.count_form = proto(raw.FPDFFormObj_CountObjects, I, V)
        self.get_page = proto(raw.FPDFPage_GetObject, V, V, I)
        self.get_form = proto(raw.FPDFFormObj_GetObject, V, V, ctypes.c_ulong)
        self.get_type = proto(raw.FPDFPageObj_GetType, I, V)
        self.get_text = proto(raw.FPDFTextObj_GetText, ctypes.c_ulong, V, V, V, ctypes.c_ulong)
        self.get_matrix = proto(raw.FPDFPageObj_GetMatrix, I, V, V)
        self.get_size = proto(raw.FPDFTextObj_GetFontSize, I, V, P(F))
        self.get_bounds = proto(raw.FPDFPageObj_GetBounds, I, V, P(F), P(F), P(F), P(F))
        self.get_font = proto(raw.FPDFTextObj_GetFont, V, V)
        self.font_name = proto(raw.FPDFFont_GetBaseFontName, ctypes.c_size_t, V, V, ctypes.c_size_t)
        self.count_chars = proto(raw.FPDFText_CountChars, I, V)
        self.page_text = proto(raw.FPDFText_GetText, I, V, I, I, V)
        # the text object of a character of the text page (PDFium 2023 and later)
        found = getattr(raw, "FPDFText_GetTextObject", None)
        self.text_object = proto(found, V, V, I) if found is not None else None
        self.text_kind, self.form_kind = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_FORM
        self.matrix_type = raw.FS_MATRIX


_CALLS: list[_Calls] = []


def _address(handle: Any) -> int:
    """The address a ctypes pointer or function holds."""
    value = ctypes.cast(handle, ctypes.c_void_p).value
    if not value:
        raise ValueError("a null PDFium handle")
    return value


def _calls() -> _Calls:
    if not _CALLS:
        import pypdfium2.raw as raw

        _CALLS.append(_Calls(raw))
    return _CALLS[0]


def _font_name(calls: _Calls, font: int | None, cache: dict[int | None, str | None]) -> str | None:
    """The BaseFont of a PDFium font handle (None: the object has no font), once per font."""
    if font in cache:
        return cache[font]
    name = None
    if font:
        n = calls.font_name(font, None, 0)
        if n > 1:
            buf = ctypes.create_string_buffer(n)
            calls.font_name(font, buf, n)
            name = buf.value.decode("utf-8", "replace") or None
    cache[font] = name
    return name


#: Characters PDFium's text page keeps in drawing order: none that the bidirectional algorithm can
#: move (Hebrew, Arabic and the rest from U+0590 on; the direction marks and embeddings of U+200E-U+200F,
#: U+202A-U+202E, U+2066-U+2069), whatever Latin, Greek, Cyrillic and Vietnamese text holds.
_DRAWING_ORDER_ONLY = guarded(r"[^\x00-\u058f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]")


def _object_texts(calls: _Calls, tp: int) -> dict[int, str] | None:
    """What ``FPDFTextObj_GetText`` gives for each text object of a page, read from the page's text at once,
    or None where that text cannot tell (then each object is asked: the text page's whole character
    list is scanned per call, which grows with the square of a page's text).

    ``FPDFTextObj_GetText`` (PDFium's GetTextByObject) gives the characters of the object in the
    text page's character list, then a blank when the character after them is one. Where every
    character of the list has its own character in the page's text (no control character, no letter
    without Unicode, nothing outside the Basic Multilingual Plane) and none can be moved by the
    bidirectional algorithm, the characters of one object are one run of the list (its generated
    blanks inside included): the runs are found by asking the object of a few characters (the
    run's first, its last before the next line end, and a bisection where that guess fails)."""
    text_object = calls.text_object
    n = calls.count_chars(tp)
    if text_object is None or n <= 0:
        return None
    buf = (ctypes.c_ushort * (2 * n + 2))()
    if calls.page_text(tp, 0, n, ctypes.addressof(buf)) != n + 1:
        return None
    text = ctypes.string_at(buf, 2 * n).decode("utf-16-le", "replace")
    if len(text) != n or "\ufffe" in text or "\ufffd" in text or "\x00" in text or _DRAWING_ORDER_ONLY.search(text):
        return None
    out: dict[int, str] = {}
    a = 0
    while a < n:
        obj = text_object(tp, a)
        if not obj:  # a line end or blank PDFium put between two objects
            a += 1
            continue
        if obj in out:
            return None  # two runs of one object: the list is not in drawing order
        b = _run_end(text_object, tp, text, a, obj)
        out[obj] = text[a:b] + (" " if b < n and text[b] == " " else "")
        a = b
    return out


def _run_end(text_object: Callable[[int, int], Any], tp: int, text: str, a: int, obj: int) -> int:
    """The end of the run of ``obj``'s characters starting at ``a``: first at the next line end, else by
    doubling steps and bisection (``lo`` is always the object's, ``hi`` never is or is the end)."""
    n = len(text)
    e = text.find("\r", a + 1)
    e = n if e < 0 else e
    if text_object(tp, e - 1) == obj:
        if e == n or text_object(tp, e) != obj:
            return e
        lo, step = e, 1
        hi = lo + step
        while hi < n and text_object(tp, hi) == obj:
            lo, step = hi, step * 2
            hi = lo + step
        hi = min(hi, n)
    else:
        lo, hi = a, e - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if text_object(tp, mid) == obj:
            lo = mid
        else:
            hi = mid
    return hi


class _Unsure(Exception):
    """PDFium's text of a page is not what pypdf's would be: the page is read with pypdf."""


def page_pieces(doc: Any, index: int, count: Callable[[], Any] = lambda: None,
                count_many: Callable[[int], bool] | None = None) -> list[Piece] | None:
    """The text pieces of page ``index`` in drawing order (line ends are pieces holding ``\\n``),
    or None where PDFium's text may differ from pypdf's (dropped letters or blanks). ``count`` is
    called once per page object: the operator limits count objects here (each is one operator or more).
    ``count_many(n)``, when given, is offered the ``n`` objects of the page (or of a form) at once: it
    counts them and says True when none of them reaches a limit, else ``count`` is called per object."""
    calls = _calls()
    page = doc[index]
    textpage = page.get_textpage()
    try:
        out: list[Piece] = []
        walk = _Walk(calls, _address(page.raw), _address(textpage.raw), out, count, count_many)
        try:
            walk.objects(None, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)
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


class _Walk:
    """One page's walk: its handles, the out-parameters the calls fill (made once) and the font names."""

    def __init__(self, calls: _Calls, page: int, textpage: int, out: list[Piece], count: Callable[[], Any],
                 count_many: Callable[[int], bool] | None) -> None:
        self.calls, self.page, self.tp, self.out = calls, page, textpage, out
        self.count, self.count_many = count, count_many
        self.fonts: dict[int | None, str | None] = {}

    def objects(self, form: int | None, ctm: tuple[float, ...], depth: int) -> None:
        """The text objects of the page (``form`` None) or of a form drawn with matrix ``ctm``."""
        c = self.calls
        total = c.count_form(form) if form is not None else c.count_page(self.page)
        get = c.get_form if form is not None else c.get_page
        parent = form if form is not None else self.page
        get_type, get_text, get_matrix = c.get_type, c.get_text, c.get_matrix
        get_size, get_bounds, get_font = c.get_size, c.get_bounds, c.get_font
        form_kind, tp, out, fonts = c.form_kind, self.tp, self.out, self.fonts
        m = c.matrix_type()
        size = ctypes.c_float()
        l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
        m_ref, size_ref = ctypes.byref(m), ctypes.byref(size)
        box = (ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))
        buf = (ctypes.c_ushort * 512)()
        buf_ref = ctypes.addressof(buf)
        count = None if self.count_many is not None and total > 0 and self.count_many(total) else self.count
        # the page's texts at once once its objects are counted within the limits (the runs are found
        # in Python: never more of them than objects); else each object is asked for its text
        texts = _object_texts(c, tp) if form is None and count is None else None
        for k in range(total):
            if count is not None:
                count()
            obj = get(parent, k)
            text = texts.get(obj) if texts is not None else None
            if text is None:
                # the text first: only a text object has any (its text ends with a NUL: 2 bytes at least)
                n = get_text(obj, tp, buf_ref, 1024)
                if n == 0:
                    if get_type(obj) == form_kind and depth < 8:
                        get_matrix(obj, m_ref)
                        self.objects(obj, _mul((m.a, m.b, m.c, m.d, m.e, m.f), ctm) if form is not None else
                                     (m.a, m.b, m.c, m.d, m.e, m.f), depth + 1)
                    continue
                if n <= 2:
                    raise _Unsure  # letters PDFium has no Unicode for, or blanks only: pypdf keeps both
                if n > 1024:
                    big = (ctypes.c_ushort * (n // 2 + 1))()
                    get_text(obj, tp, ctypes.addressof(big), n)
                    raw_text = ctypes.string_at(big, n - 2)
                else:
                    raw_text = ctypes.string_at(buf, n - 2)
                text = raw_text.decode("utf-16-le", "replace")
            text = values.scrub(text)
            if not text:
                continue
            get_matrix(obj, m_ref)
            if form is not None:
                tm = _mul((m.a, m.b, m.c, m.d, m.e, m.f), ctm)
                d, e, f = tm[3], tm[4], tm[5]
            else:
                d, e, f = m.d, m.e, m.f
            get_size(obj, size_ref)
            eff = abs(size.value * (d or 1)) or size.value
            end = None
            if get_bounds(obj, *box):
                end = r.value if form is None else None
                if end is not None and end - e > len(text) * 0.7 * eff + 1.5 * eff:
                    raise _Unsure  # wider than its text: PDFium dropped a run of blanks
            font = get_font(obj)
            name = fonts[font] if font in fonts else _font_name(c, font, fonts)
            out.append(Piece(text, e, f, eff, name, end, True))


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
