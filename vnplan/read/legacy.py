"""Legacy Vietnamese encodings (TCVN3/ABC, VNI) to Unicode: by font name per run, or by statistics.

Text typed with a ``.VnTime`` (TCVN3) or ``VNI-Times`` (VNI) font is stored as the font's
8-bit codes, which Unicode-aware programs show as Latin-1 look-alikes (``Céng hoµ`` for
*Cộng hòa*). The tables live in ``legacy_tables.json``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from vnplan.data import load_json

TCVN3 = "TCVN3"
VNI = "VNI"


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    raw = load_json("vnplan.read", "legacy_tables.json")
    return {TCVN3: raw["tcvn3"], VNI: raw["vni"]}


@lru_cache(maxsize=2)
def _pattern(encoding: str) -> regex.Pattern[str]:
    keys = sorted(_tables()[encoding], key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys))


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
    """Convert legacy-encoded text to NFC Unicode."""
    table = _tables()[encoding]
    out = _pattern(encoding).sub(lambda m: table[m.group(0)], text)
    if upper:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


# Letters of Vietnamese outside Latin-1 (ă đ ơ ư and every toned letter of U+1EA0-U+1EF9).
_VN_ONLY = regex.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u0128\u0129\u0168\u0169\u1ea0-\u1ef9]")
# Latin-1 letters and signs that Vietnamese never uses.
_VN_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


_LATIN1_HIGH = regex.compile(r"[\u00a1-\u00ff]")
_LETTER = regex.compile(r"\p{L}")
# Latin-1 characters that are neither Vietnamese letters nor common signs (« » ° § © ® · ×).
_ODD_ONLY = regex.compile("[" + "".join(
    c for c in map(chr, range(0xA1, 0x100)) if c not in _VN_LATIN1 and c not in "«»°§©®·×").replace("-", "\\-") + "]")


def _odd_count(text: str) -> int:
    return len(_ODD_ONLY.findall(text))


def detect(text: str) -> str | None:
    """Guess whether Unicode text is really TCVN3 or VNI by character statistics; None = Unicode.

    Legacy text shows Latin-1 characters Vietnamese never uses (``µ ¸ ¶ ­ ®`` for TCVN3,
    ``ø ö ñ ï`` for VNI) and no Vietnamese letter outside Latin-1. The encoding whose
    conversion leaves the fewest such characters and gains the most Vietnamese letters wins.
    """
    sample = text[:200_000]
    suspicious = len(_LATIN1_HIGH.findall(sample))
    if suspicious < 3:
        return None
    native = len(_VN_ONLY.findall(sample))
    if native > 0.2 * suspicious:
        return None  # already Unicode Vietnamese (possibly mixed: left alone); tested first, as
        # it settles ordinary text without counting every letter
    letters = len(_LETTER.findall(sample))
    if suspicious < 0.01 * letters:
        return None
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


_VNI_MARK = regex.compile(r"[ùøûõïáàåãäéèúüëâêÙØÛÕÏÁÀÅÃÄÉÈÚÜËÂÊ]")
_VNI_AFTER_VOWEL = regex.compile(r"(?<=[aeouyAEOUYôöÔÖ])[ùøûõïáàåãäéèúüëâêÙØÛÕÏÁÀÅÃÄÉÈÚÜËÂÊ]")
_WORD = regex.compile(r"\p{L}+")


def _alien(text: str) -> bool:
    """Text that reads as a European language: Vietnamese has no f, j, w, z and no long words."""
    words = _WORD.findall(text)
    if not words:
        return False
    alien = sum(1 for w in words if any(c in "fjwzFJWZ" for c in w))
    long_ = sum(1 for w in words if len(w) > 7)
    return alien > 0.05 * len(words) or long_ > 0.04 * len(words)


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8 but TCVN3 or VNI text: (Unicode text, encoding) or None."""
    text = data.decode("cp1252", errors="replace") if _cp1252_ok(data) else data.decode("latin-1")
    enc = detect(text)
    if enc is None:
        return None
    return convert(text, enc), enc


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
