"""The one gate for values read from WordprocessingML attributes and PDF dictionaries.

Every integer, enumeration and character a reader takes from a .docx (``w:ilvl``, ``w:sz``,
``w:start``, ``w:sym``…) or a PDF dictionary (``/Rotate``, ``/F``…) goes through these
functions. They accept what Word and Acrobat accept and nothing else: ASCII digits only (a
superscript ``²`` is a digit to ``str.isdigit`` and ``int`` but not to Word), a bounded length
(``int`` of 5 000 digits raises, and is slow), a range; anything else gives the caller's
fallback, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from vnplan.pattern import guarded

if TYPE_CHECKING:
    from vnplan.model import SourceDocument

# xsd:integer after XML white-space collapsing: an optional sign and ASCII digits.
_INT = guarded(r"[+-]?[0-9]{1,40}")
_XML_SPACE = " \t\r\n"
_HEX = guarded(r"[0-9A-Fa-f]{1,4}")
_SURROGATE = guarded(r"[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def integer(raw: str | None, *, lo: int, hi: int, default: int | None = None, clamp: bool = False) -> int | None:
    """An integer attribute (``ST_DecimalNumber`` and its unsigned kin) within ``lo..hi``.

    ``raw`` must be an optional sign and at most 40 ASCII digits, surrounding XML white space
    allowed. A value outside the range is brought to the nearest bound when ``clamp`` is set,
    else gives ``default``; anything that is not such a number gives ``default``.
    """
    if raw is None:
        return default
    s = raw.strip(_XML_SPACE)
    # plain ASCII digits (what Word writes) skip the pattern; anything else is checked by it
    if not (s.isascii() and s.isdigit() and len(s) <= 40) and not _INT.fullmatch(s):
        return default
    n = int(s)  # at most 41 characters: far below int()'s 4 300-digit limit
    if lo <= n <= hi:
        return n
    if clamp:
        return lo if n < lo else hi
    return default


def enum(raw: str | None, allowed: Iterable[str], default: str | None = None) -> str | None:
    """An enumerated attribute: ``raw`` when it is one of ``allowed``, else ``default``."""
    if raw is None:
        return default
    return raw if raw in allowed else default


def symbol(raw: str | None) -> str | None:
    """The character of ``w:sym w:char`` (``ST_ShortHexNumber``: up to 4 hex digits), or None.

    Symbol-font code points (U+F000–U+F0FF) are moved down to the character they stand for; a
    surrogate code point (which no text can hold) becomes U+FFFD; control characters give None.
    """
    if raw is None:
        return None
    s = raw.strip(_XML_SPACE)
    if not _HEX.fullmatch(s):
        return None
    code = int(s, 16)
    if code >= 0xF000:
        code -= 0xF000
    if code < 0x20 or 0x7F <= code < 0xA0:
        return None
    if 0xD800 <= code <= 0xDFFF:
        return REPLACEMENT
    return chr(code)


def scrub(text: str) -> str:
    """``text`` with lone surrogates (which UTF-8 cannot encode) replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


def _dirty(s: str | None) -> bool:
    return bool(s) and _SURROGATE.search(s) is not None  # type: ignore[arg-type]


def clean_document(doc: "SourceDocument") -> "SourceDocument":
    """The reader boundary: no lone surrogate leaves a reader, whatever produced it (``w:sym``, a
    PDF's ToUnicode map, a Python string given as text), so no output step meets a
    ``UnicodeEncodeError``. Every public reader returns through here; a clean document (the
    rule) costs one search per text."""
    def dirty_block(b) -> bool:  # type: ignore[no-untyped-def]
        return (_dirty(b.text) or _dirty(b.label) or _dirty(b.style)
                or any(_dirty(r.text) or _dirty(r.font) for r in b.runs))

    # the rule is a clean document: one search over all its texts at once says so
    texts = [w for w in doc.warnings]
    for b in doc.blocks:
        texts += (b.text, b.label or "", b.style or "")
        for r in b.runs:
            texts += (r.text, r.font or "")
    if not _SURROGATE.search("\n".join(texts)):
        return doc

    def opt(s: str | None) -> str | None:
        return scrub(s) if s else s

    blocks = tuple(
        attrs.evolve(b, text=scrub(b.text), label=opt(b.label), style=opt(b.style),
                     runs=tuple(attrs.evolve(r, text=scrub(r.text), font=opt(r.font)) for r in b.runs))
        if dirty_block(b) else b
        for b in doc.blocks
    )
    return attrs.evolve(doc, blocks=blocks, warnings=tuple(scrub(w) for w in doc.warnings))


def pdf_int(obj: Any, *, lo: int, hi: int, default: int) -> int:
    """An integer from a PDF dictionary (a number object, or a reference to one) within ``lo..hi``.

    Names, arrays, strings, null, booleans and out-of-range numbers give ``default``, as
    viewers ignore such entries. A real number with no fraction counts as an integer.
    """
    for _ in range(4):  # follow an indirect reference, never a cycle of them
        get = getattr(obj, "get_object", None)
        if get is None or type(obj).__name__ != "IndirectObject":
            break
        try:
            obj = get()
        except Exception:  # noqa: BLE001 - a dangling reference is a missing value
            return default
    if isinstance(obj, bool) or type(obj).__name__ == "BooleanObject":
        return default
    if isinstance(obj, int):
        n = int(obj)
    elif isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")) or obj != int(obj):
            return default
        n = int(obj)
    else:
        return default
    return n if lo <= n <= hi else default


def pdf_number(obj: Any, *, default: float | None = None, bound: float = 1e7) -> float | None:
    """A real number from a PDF dictionary or array (a coordinate, a width), finite and within
    ``±bound``; anything else gives ``default``."""
    for _ in range(4):
        if type(obj).__name__ != "IndirectObject":
            break
        try:
            obj = obj.get_object()
        except Exception:  # noqa: BLE001 - a dangling reference is a missing value
            return default
    if isinstance(obj, bool) or type(obj).__name__ == "BooleanObject" or not isinstance(obj, (int, float)):
        return default
    x = float(obj)
    return x if -bound <= x <= bound else default  # NaN compares false: default


def pdf_rotation(obj: Any) -> int:
    """A page's ``/Rotate``: a multiple of 90, normalised to 0, 90, 180 or 270; anything else is 0."""
    n = pdf_int(obj, lo=-(10**9), hi=10**9, default=0)
    return n % 360 if n % 90 == 0 else 0
