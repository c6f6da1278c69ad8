"""The text pieces of a PDF page (one per text-showing operator) and the lines they make, in position order.

pypdf's plain extraction gives correctly spaced text, but in the order the content stream
draws it. A producer may draw a line's letters out of order: a font without Vietnamese
capitals leaves gaps that a *fallback font* fills in a later text object, and pypdf then reads
``C NG HÒA XÃ H I CH NGHĨA VI T NAMỘ Ộ Ủ Ệ``. Here every text-showing operator (``Tj``, ``TJ``,
``'``, ``"``) becomes a piece of its own, with its position and its width from the font's
widths; a line whose pieces are drawn out of order is put in position order, with a space
where a gap between two pieces is wider than a fifth of an em. A line drawn in order keeps
pypdf's text exactly. See docs/reading.md, "PDF".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from vnplan.read import legacy, values

#: Operators that show text.
_TEXT_SHOW = (b"Tj", b"TJ", b"'", b'"')
#: Identity ``cm`` operators put before and after every text-showing operator: pypdf hands the
#: text it has collected to the visitor at each ``cm``, so each operator's text arrives alone.
#: Told apart from the stream's own ``cm`` by identity (never counted against the limits).
_FLUSH_BEFORE: list[int] = [1, 0, 0, 1, 0, 0]
_FLUSH_AFTER: list[int] = [1, 0, 0, 1, 0, 0]
_MAX_WIDTH_ENTRIES = 70_000  # glyph widths kept per font (a CID font's /W may claim millions)


class Piece(NamedTuple):
    """Text pypdf extracted, with where it starts and (when the font's widths are known) ends."""

    text: str
    x: float
    y: float
    size: float  # the effective font size
    font: str | None  # the font's BaseFont
    end: float | None = None  # where the operator's text ends (x), from the font's widths
    op: bool = False  # the text of one text-showing operator (else: spacing pypdf put between two)


class _Widths:
    """Glyph widths of one font (thousandths of an em, by character code) and its code length."""

    def __init__(self, font: Any) -> None:
        self.two_byte = False
        self.widths: dict[int, float] = {}
        self.ranges: list[tuple[int, int, float]] = []
        self.default: float | None = None
        try:
            self._read(font)
        except Exception:  # noqa: BLE001 - a damaged font only loses its widths (positions are estimated)
            self.widths, self.ranges, self.default = {}, [], None

    def _read(self, font: Any) -> None:
        font = font.get_object()
        if font.get("/Subtype") == "/Type0":
            self.two_byte = True
            desc = font["/DescendantFonts"].get_object()[0].get_object()
            self.default = values.pdf_number(desc.get("/DW"), default=1000.0)
            self._cid_widths(desc.get("/W"))
            return
        first = values.pdf_int(font.get("/FirstChar"), lo=0, hi=255, default=0)
        widths = font.get("/Widths")
        if widths is not None:
            for k, w in enumerate(list(widths.get_object())[:256]):
                v = values.pdf_number(w)
                if v is not None and first + k <= 255:
                    self.widths[first + k] = v
            descriptor = font.get("/FontDescriptor")
            missing = descriptor.get_object().get("/MissingWidth") if descriptor is not None else None
            self.default = values.pdf_number(missing, default=0.0)

    def _cid_widths(self, w: Any) -> None:
        """``/W``: ``c [w1 w2 …]`` (widths from code c on) and ``c_first c_last w`` (one width for a range)."""
        if w is None:
            return
        items = list(w.get_object())
        k = 0
        while k < len(items) and len(self.widths) + len(self.ranges) < _MAX_WIDTH_ENTRIES:
            start = values.pdf_int(items[k], lo=0, hi=0xFFFF, default=-1)
            nxt = items[k + 1].get_object() if k + 1 < len(items) else None
            if start < 0 or nxt is None:
                return
            if isinstance(nxt, list):
                for j, v in enumerate(nxt[:_MAX_WIDTH_ENTRIES]):
                    width = values.pdf_number(v)
                    if width is not None:
                        self.widths[start + j] = width
                k += 2
            else:
                last = values.pdf_int(nxt, lo=0, hi=0xFFFF, default=-1)
                width = values.pdf_number(items[k + 2]) if k + 2 < len(items) else None
                if last < start or width is None:
                    return
                self.ranges.append((start, last, width))
                k += 3

    def of(self, code: int) -> float | None:
        w = self.widths.get(code)
        if w is not None:
            return w
        for a, b, width in self.ranges:
            if a <= code <= b:
                return width
        return self.default

    def codes(self, data: bytes) -> Iterator[int]:
        if self.two_byte:
            for k in range(0, len(data) - 1, 2):
                yield data[k] << 8 | data[k + 1]
        else:
            yield from data


def _raw(s: Any) -> bytes | None:
    """The bytes of a string operand as the content stream holds them."""
    if isinstance(s, bytes):
        return bytes(s)
    raw = getattr(s, "original_bytes", None)
    return bytes(raw) if raw is not None else None


class _State:
    """The text state the widths of shown text depend on: font, size, spacing, scaling; saved by
    ``q``/``Q``; the resources of the page or of the form being drawn."""

    def __init__(self, resources: Any) -> None:
        self.resources: list[Any] = [resources]
        self.saved: list[tuple[Any, ...]] = []
        self.font: _Widths | None = None
        self.size = 12.0
        self.tc = self.tw = 0.0
        self.th = 1.0
        self.cache: dict[int, _Widths] = {}

    def apply(self, op: bytes, args: list[Any]) -> None:
        if op == b"q":
            self.saved.append((self.font, self.size, self.tc, self.tw, self.th))
        elif op == b"Q" and self.saved:
            self.font, self.size, self.tc, self.tw, self.th = self.saved.pop()
        elif op == b"Tf" and len(args) >= 2:
            self.font = self._font(args[0])
            self.size = values.pdf_number(args[1], default=self.size) or self.size
        elif op == b"Tc" and args:
            self.tc = values.pdf_number(args[0], default=0.0) or 0.0
        elif op == b"Tw" and args:
            self.tw = values.pdf_number(args[0], default=0.0) or 0.0
        elif op == b"Tz" and args:
            self.th = (values.pdf_number(args[0], default=100.0) or 0.0) / 100
        elif op == b'"' and len(args) >= 2:
            self.tw = values.pdf_number(args[0], default=0.0) or 0.0
            self.tc = values.pdf_number(args[1], default=0.0) or 0.0

    def _font(self, name: Any) -> _Widths | None:
        try:
            font = self.resources[-1].get_object()["/Font"].get_object()[name]
        except Exception:  # noqa: BLE001 - an unknown font: its text's width is estimated
            return None
        key = id(font.get_object())
        if key not in self.cache:
            self.cache[key] = _Widths(font)
        return self.cache[key]

    def enter_form(self, name: Any) -> None:
        """A ``Do``: the form's own resources (the page's when it has none) until it is drawn."""
        try:
            form = self.resources[-1].get_object()["/XObject"].get_object()[name].get_object()
            res = form.get("/Resources", self.resources[-1])
        except Exception:  # noqa: BLE001 - pypdf reports a form it cannot draw
            res = self.resources[-1]
        self.resources.append(res)
        self.saved.append((self.font, self.size, self.tc, self.tw, self.th))

    def leave_form(self) -> None:
        if len(self.resources) > 1:
            self.resources.pop()
        if self.saved:
            self.font, self.size, self.tc, self.tw, self.th = self.saved.pop()

    def width(self, op: bytes, args: list[Any]) -> float | None:
        """Width of the text an operator shows, in text space (before the text and current matrices)."""
        if self.font is None:
            return None
        shown = args[0] if op in (b"Tj", b"'") and args else args[2] if op == b'"' and len(args) >= 3 else None
        items = list(args[0]) if op == b"TJ" and args and isinstance(args[0], list) else [shown]
        total = 0.0
        for item in items:
            data = _raw(item)
            if data is None:
                number = values.pdf_number(item)
                if number is None:
                    return None
                total -= number / 1000 * self.size * self.th
                continue
            for code in self.font.codes(data):
                w = self.font.of(code)
                if w is None:
                    return None
                space = self.tw if code == 32 and not self.font.two_byte else 0.0
                total += (w / 1000 * self.size + self.tc + space) * self.th
        return total


class _Collector:
    """The visitors of one page's extraction: counts operators, follows the text state, and turns
    each piece pypdf hands over into a :class:`Piece`."""

    def __init__(self, resources: Any, count: Callable[..., None]) -> None:
        self.state = _State(resources)
        self.count = count
        self.pieces: list[Piece] = []
        self.fonts: dict[int, str | None] = {}
        self.end: float | None = None
        self.in_op = False

    def before(self, op: bytes, args: Any, cm: list[float], tm: list[float]) -> None:
        if args is _FLUSH_BEFORE:
            self.in_op = False
            return
        if args is _FLUSH_AFTER:
            return  # the flush hands over the operator's text: still in_op
        self.count(op, args, cm, tm)
        self.in_op = False
        if op in _TEXT_SHOW:
            if op == b'"':
                self.state.apply(op, args)
            w = self.state.width(op, args)
            self.end = None if w is None else (tm[4] * cm[0] + tm[5] * cm[2] + cm[4]) + w * (tm[0] * cm[0] + tm[1] * cm[2])
            self.in_op = True
        elif op == b"Do" and args:
            self.state.enter_form(args[0])
        else:
            self.state.apply(op, args)

    def after(self, op: bytes, args: Any, cm: list[float], tm: list[float]) -> None:
        if op == b"Do" and args and args is not _FLUSH_BEFORE:
            self.state.leave_form()

    def text(self, text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text:
            return
        text = values.scrub(text)  # a ToUnicode map may give lone surrogates
        name = None
        if font is not None:
            key = id(font)
            if key not in self.fonts:
                try:
                    self.fonts[key] = str(font.get("/BaseFont", "")).lstrip("/") or None
                except Exception:  # noqa: BLE001 - odd font dictionaries are not worth failing for
                    self.fonts[key] = None
            name = self.fonts[key]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        eff = abs(size * (tm[3] if tm[3] else 1) * (cm[3] if cm[3] else 1)) or size
        self.pieces.append(Piece(text, x, y, eff, name, self.end if self.in_op else None, self.in_op))


def page_pieces(page: Any, count: Callable[..., None]) -> list[Piece]:
    """The text pieces of one page in content-stream order (line ends are pieces holding ``\\n``)."""
    from pypdf.generic import ContentStream, NameObject

    resources = page.get("/Resources")
    if resources is None and hasattr(page, "get_inherited"):
        resources = page.get_inherited("/Resources", None)
    collector = _Collector(resources, count)
    contents = page.get("/Contents")
    if contents is None or resources is None:
        page.extract_text(visitor_text=collector.text, visitor_operand_before=collector.before)
        return collector.pieces
    stream = ContentStream(contents, page.pdf, "bytes")  # strings kept as bytes: the fonts decode them
    ops: list[tuple[Any, bytes]] = []
    for item in stream.operations:
        if item[1] in _TEXT_SHOW:
            ops += [(_FLUSH_BEFORE, b"cm"), item, (_FLUSH_AFTER, b"cm")]
        else:
            ops.append(item)
    stream.operations = ops
    stream[NameObject("/Resources")] = resources
    page.extract_xform_text(stream, orientations=(0, 90, 180, 270), visitor_operand_before=collector.before,
                            visitor_operand_after=collector.after, visitor_text=collector.text)
    return collector.pieces


# --------------------------------------------------------------------------- lines in position order


def lines_of(pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces cut into lines where pypdf ends one (``\\n``); a line drawn later on the baseline of
    an earlier one and inside its extent (letters a fallback font drew at the end of the page) is
    put into it; a line whose pieces are out of position order is reordered."""
    lines: list[list[Piece]] = []
    buf: list[Piece] = []
    for p in pieces:
        if "\n" not in p.text:  # the common piece: no line end inside, kept as it is
            if p.text:
                buf.append(p)
            continue
        parts = p.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                if any(q.text.strip() for q in buf):
                    lines.append(buf)
                buf = []
            if part:
                buf.append(p._replace(text=part, end=p.end if k == len(parts) - 1 else None))
    if any(q.text.strip() for q in buf):
        lines.append(buf)
    lines = _merge_baselines(lines)
    return [_reorder(line) if _out_of_order(line) else line for line in lines]


def _extent(line: list[Piece]) -> tuple[float, float, float, float]:
    """(baseline, left, right, size) of a line from its non-blank pieces."""
    if len(line) == 1:  # a line of one piece (inked: lines_of keeps no blank line)
        p = line[0]
        return p.y, p.x, p.end if p.end is not None else p.x + 0.5 * (p.size or 12) * len(p.text.rstrip()), p.size or 12.0
    inked = [p for p in line if p.text.strip()]
    size = inked[0].size or 12.0
    right = max(p.end if p.end is not None else p.x + 0.5 * (p.size or 12) * len(p.text.rstrip()) for p in inked)
    return inked[0].y, min(p.x for p in inked), right, size


def _merge_baselines(lines: list[list[Piece]]) -> list[list[Piece]]:
    by_row: dict[int, list[int]] = {}  # baseline bucket (2 pt) -> indexes of kept lines
    kept: list[list[Piece]] = []
    extents: list[tuple[float, float, float, float]] = []
    for line in lines:
        y, left, right, size = _extent(line)
        bucket = round(y / 2)
        host = None
        for b in (bucket - 1, bucket, bucket + 1):
            for k in by_row.get(b, ()):
                hy, hl, hr, hs = extents[k]
                if abs(hy - y) <= 0.3 * hs and hl + 0.3 * hs < left < hr - 0.3 * hs:
                    host = k
                    break
            if host is not None:
                break
        if host is None:
            by_row.setdefault(bucket, []).append(len(kept))
            kept.append(list(line))
            extents.append((y, left, right, size))
        else:
            kept[host].extend(line)
            hy, hl, hr, hs = extents[host]
            extents[host] = (hy, min(hl, left), max(hr, right), hs)
    return kept


def _out_of_order(line: list[Piece]) -> bool:
    """Whether a piece starts left of the one before it, or well inside it (its end known)."""
    prev: Piece | None = None
    for p in line:
        if not p.text.strip():
            continue
        if prev is not None:
            em = prev.size or 12.0
            if abs(p.y - prev.y) > 0.35 * em:
                return False  # two baselines pypdf kept on one line (a superscript…): left as they are
            if p.x < prev.x - 0.05 * em or prev.end is not None and p.x < prev.end - 0.3 * em:
                return True
        prev = p
    return False


def _reorder(line: list[Piece]) -> list[Piece]:
    """The pieces in position order, pypdf's spacing between pieces replaced by gaps measured on the page."""
    inked = sorted((p for p in line if p.op or p.text.strip()), key=lambda p: p.x)
    out: list[Piece] = []
    for p in inked:
        if out:
            a = out[-1]
            em = a.size or 12.0
            end = a.end if a.end is not None else a.x + 0.5 * em * len(a.text)
            if not a.text[-1:].isspace() and not p.text[:1].isspace() and p.x - end > 0.2 * em:
                out.append(Piece(" ", end, a.y, a.size, a.font))
        out.append(p)
    return out


def convert_legacy(piece: Piece) -> tuple[Piece, bool]:
    """A piece in a TCVN3/VNI font (by its BaseFont) converted to Unicode, and whether it was."""
    enc = legacy.encoding_of_font(piece.font)
    if enc and not legacy.is_unicode_vietnamese(piece.text):
        return piece._replace(text=legacy.convert(piece.text, enc)), True
    return piece, False


__all__ = ["Piece", "convert_legacy", "lines_of", "page_pieces"]
