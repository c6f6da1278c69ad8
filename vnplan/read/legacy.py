"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258) to Unicode: by font name per run, or by statistics.

Text typed with a ``.VnTime`` (TCVN3) or ``VNI-Times`` (VNI) font is stored as the font's
8-bit codes, which Unicode-aware programs show as Latin-1 look-alikes (``Céng hoµ`` for
*Cộng hòa*). The tables live in ``legacy_tables.json``. A text file saved as "ANSI" on a
Vietnamese Windows is Windows-1258: a code page (Python's ``cp1258``) holding some toned
letters whole and writing the others as a base letter followed by a combining tone mark.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

from vnplan.data import load_json
from vnplan.pattern import guarded
from vnplan.text import is_syllable

TCVN3 = "TCVN3"
VNI = "VNI"
CP1258 = "Windows-1258"


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    raw = load_json("vnplan.read", "legacy_tables.json")
    return {TCVN3: raw["tcvn3"], VNI: raw["vni"]}


@lru_cache(maxsize=2)
def _pattern(encoding: str) -> regex.Pattern[str]:
    keys = sorted(_tables()[encoding], key=len, reverse=True)
    return guarded("|".join(regex.escape(k) for k in keys))


def encoding_of_font(font: str | None) -> str | None:
    """The legacy encoding a font name implies: ``.VnTime`` → TCVN3, ``VNI-Times`` → VNI."""
    if not font:
        return None
    f = font.strip()
    if "+" in f[:7]:  # subset tag of embedded PDF fonts: ABCDEF+.VnTime
        f = f.split("+", 1)[1]
    low = f.lower()
    if low.startswith(".vn") or low.startswith("vn") and low[2:4] in ("ti", "ar", "av", "co", "he", "sh", "ba", "bo"):
        return TCVN3
    if low.startswith("vni-") or low.startswith("vni "):
        return VNI
    return None


def is_upper_font(font: str | None) -> bool:
    """TCVN3 capital fonts (``.VnTimeH``, ``.VnArialH``) draw every letter in upper case."""
    if not font:
        return False
    f = font.strip().split("+", 1)[-1]
    return encoding_of_font(f) == TCVN3 and f.rstrip().endswith("H")


def convert(text: str, encoding: str, *, upper: bool = False) -> str:
    """Convert legacy-encoded text to NFC Unicode.

    For :data:`CP1258` the text is Windows-1258 bytes that were read as Windows-1252 (each
    character is taken back to its byte and read again); characters with no such byte stay.
    """
    if encoding == CP1258:
        out = text.translate(_CP1252_TO_CP1258)
        return unicodedata.normalize("NFC", out.upper() if upper else out)
    table = _tables()[encoding]
    out = _pattern(encoding).sub(lambda m: table[m.group(0)], text)
    if upper:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


# Letters of Vietnamese outside Latin-1 (ă đ ơ ư and every toned letter of U+1EA0-U+1EF9).
_VN_ONLY = guarded(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u0128\u0129\u0168\u0169\u1ea0-\u1ef9]")


def is_unicode_vietnamese(text: str) -> bool:
    """Whether ``text`` holds a Vietnamese letter outside Latin-1 (``ơ ư ă đ ộ``…): it was typed in
    Unicode, whatever its font's name says, since no TCVN3 or VNI code reads as such a letter."""
    return _VN_ONLY.search(text) is not None


# Latin-1 letters and signs that Vietnamese never uses.
_VN_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


_LATIN1_HIGH = guarded(r"[\u00a1-\u00ff]")
_LETTER = guarded(r"\p{L}")
# Latin-1 characters that are neither Vietnamese letters nor common signs (« » ° § © ® · ×).
_ODD_ONLY = guarded("[" + "".join(
    c for c in map(chr, range(0xA1, 0x100)) if c not in _VN_LATIN1 and c not in "«»°§©®·×").replace("-", "\\-") + "]")


#: Every byte but U+00A1–U+00FF, deleted from a Latin-1 encoding to count those characters.
_BELOW_A1 = bytes(range(0xA1))


def _latin1_high_count(text: str) -> int:
    """How many characters of ``text`` :data:`_LATIN1_HIGH` matches, counted at C speed: the characters
    Latin-1 encodes, their bytes below U+00A1 deleted (a count of that pattern's findall)."""
    return len(text.encode("latin-1", "ignore").translate(None, _BELOW_A1))


@lru_cache(maxsize=1)
def _vn_only_counter() -> re.Pattern[str]:
    """:data:`_VN_ONLY` compiled by the standard ``re`` (a class of code points: the same matches, and
    its findall 4× quicker on Vietnamese text; linear, no time limit needed)."""
    return re.compile(_VN_ONLY.pattern)


def _vn_only_count(text: str) -> int:
    return len(_vn_only_counter().findall(text))


#: The stretch of text :func:`_vn_only_over` counts at a time.
_NATIVE_STEP = 1024


def _vn_only_over(text: str, bound: float) -> tuple[bool, int]:
    """Whether ``text`` holds more than ``bound`` Vietnamese letters outside Latin-1, and their count,
    counted a stretch at a time and stopped once the bound is passed (the count so far is then returned):
    ordinary Vietnamese text passes it in its first lines, and its letters are not all listed. Each match
    is one character, so no stretch cuts one."""
    counter = _vn_only_counter()
    n = 0
    for k in range(0, len(text), _NATIVE_STEP):
        n += len(counter.findall(text, k, k + _NATIVE_STEP))
        if n > bound:
            return True, n
    return n > bound, n


def _odd_count(text: str) -> int:
    return len(_ODD_ONLY.findall(text))


def detect(text: str) -> str | None:
    """Guess whether Unicode text is really TCVN3, VNI or Windows-1258 by character statistics; None = Unicode.

    Legacy text shows Latin-1 characters Vietnamese never uses (``µ ¸ ¶ ­ ®`` for TCVN3,
    ``ø ö ñ ï`` for VNI) and no Vietnamese letter outside Latin-1. The encoding whose
    conversion leaves the fewest such characters and gains the most Vietnamese letters wins.
    Windows-1258 text once read as Windows-1252 (``Viẹt`` shown as ``ViêÒt``) is taken
    back when its words become Vietnamese syllables, more of them than a TCVN3/VNI reading gives.
    """
    sample = text[:200_000]
    suspicious = _latin1_high_count(sample)
    if suspicious < 3:
        return None
    unicode_text, native = _vn_only_over(sample, 0.2 * suspicious)
    if unicode_text:
        return None  # already Unicode Vietnamese (possibly mixed: left alone); tested first, as
        # it settles ordinary text without counting every letter
    letters = len(_LETTER.findall(sample))
    if suspicious < 0.01 * letters:
        return None
    enc = _font_encoding(sample, native)
    ansi = _cp1258_misread(sample)
    if ansi is not None:
        share = syllable_share(ansi)
        if share >= _MIN_SHARE and (enc is None or share > syllable_share(convert(sample, enc))):
            return CP1258
    return enc


def _font_encoding(sample: str, native: int) -> str | None:
    """TCVN3 or VNI, whichever conversion of ``sample`` reads as Vietnamese, or None."""
    base_odd = _odd_count(sample)
    # VNI writes a toned vowel as the vowel followed by a mark; TCVN3 writes one code per
    # letter, mostly after a consonant. The share of marks that follow a vowel tells them apart.
    marks = _VNI_MARK.findall(sample)
    after_vowel = len(_VNI_AFTER_VOWEL.findall(sample))
    order = (VNI, TCVN3) if marks and after_vowel >= 0.6 * len(marks) else (TCVN3, VNI)
    for enc in order:
        conv = convert(sample, enc)
        gained = len(_VN_ONLY.findall(conv)) - native
        if gained < 3 or _odd_count(conv) > 0.25 * max(base_odd, 1) or _alien(conv):
            continue
        return enc
    return None


_VNI_MARK = guarded(r"[ùøûõïáàåãäéèúüëâêÙØÛÕÏÁÀÅÃÄÉÈÚÜËÂÊ]")
_VNI_AFTER_VOWEL = guarded(r"(?<=[aeouyAEOUYôöÔÖ])[ùøûõïáàåãäéèúüëâêÙØÛÕÏÁÀÅÃÄÉÈÚÜËÂÊ]")
_WORD = guarded(r"\p{L}+")


def _alien(text: str) -> bool:
    """Text that reads as a European language: Vietnamese has no f, j, w, z and no long words."""
    words = _WORD.findall(text)
    if not words:
        return False
    alien = sum(1 for w in words if any(c in "fjwzFJWZ" for c in w))
    long_ = sum(1 for w in words if len(w) > 7)
    return alien > 0.05 * len(words) or long_ > 0.04 * len(words)


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8 but Windows-1258, TCVN3 or VNI text: (Unicode text, encoding) or None.

    Each reading is scored by the share of its non-ASCII words that are Vietnamese syllables
    (:func:`vnplan.text.is_syllable`): the same bytes read in the wrong one of these encodings
    give words like ``hoμ`` or ``ViÖt``. Windows-1258 wins when most of its words are syllables
    and no TCVN3/VNI reading does better.
    """
    text = data.decode("cp1252", errors="replace") if _cp1252_ok(data) else data.decode("latin-1")
    enc = detect(text)
    legacy = convert(text, enc) if enc is not None else None
    ansi = _cp1258(data)
    if ansi is not None:
        share = syllable_share(ansi)
        if share >= _MIN_SHARE and (legacy is None or share > syllable_share(legacy)):
            return ansi, CP1258
    if enc is None or legacy is None:
        return None
    return legacy, enc


#: Share of non-ASCII words that must be Vietnamese syllables for a Windows-1258 reading to count.
_MIN_SHARE = 0.75
_SCORE_CHARS = 40_000  # the head of the text scored: enough words, and a bounded cost
_CP1258_MARKS = guarded("[\u0300\u0301\u0303\u0309\u0323]")
_MARK_AFTER_VOWEL = guarded("(?<=[aeiouyAEIOUY\u00e2\u00ea\u00f4\u0103\u01a1\u01b0"
                                  "\u00c2\u00ca\u00d4\u0102\u01a0\u01af])[\u0300\u0301\u0303\u0309\u0323]")


def _cp1258_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for b in range(0x80, 0x100):
        try:
            table[ord(bytes([b]).decode("cp1252"))] = bytes([b]).decode("cp1258")
        except UnicodeDecodeError:  # a byte one of the two code pages leaves undefined
            continue
    return table


#: Windows-1252 characters to the Windows-1258 characters of the same byte.
_CP1252_TO_CP1258 = _cp1258_table()


def _cp1258_misread(text: str) -> str | None:
    """Text that was Windows-1258 bytes read as Windows-1252, read again as Windows-1258 (or None)."""
    try:
        data = text.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return _cp1258(data)


def _cp1258(data: bytes) -> str | None:
    """``data`` read as Windows-1258 (NFC), when it can be: every byte defined in the code page,
    and the combining tone marks, if any, each after a vowel, as Vietnamese writes them."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    head = text[:_SCORE_CHARS]
    marks = len(_CP1258_MARKS.findall(head))
    if marks and len(_MARK_AFTER_VOWEL.findall(head)) < 0.9 * marks:
        return None
    return unicodedata.normalize("NFC", text)


def syllable_share(text: str) -> float:
    """Share of the words holding a non-ASCII letter (in the head of ``text``) that are Vietnamese
    syllables; 0 when there is none."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", text[:_SCORE_CHARS])) if not w.isascii()]
    if not words:
        return 0.0
    return sum(1 for w in words if is_syllable(w)) / len(words)


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
