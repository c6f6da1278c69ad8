"""Vietnamese text normalisation (chuẩn hoá văn bản): NFC, one tone-mark placement, spaces, with offset maps.

Two forms of a string matter:

* the **display** form (:func:`normalize`): NFC, tone marks placed the modern way
  (*hòa*, *thúy*, *Ủy*), look-alike letters fixed (``Ð`` → ``Đ``), spaces collapsed. Length
  changes are tracked so every character maps back to the original.
* the **key** form (:func:`key`): the display form lower-cased, for matching vocabulary.
  :func:`fold` also strips diacritics, for tolerant comparison of misspelt text.
"""

from __future__ import annotations

import unicodedata

import regex

# Tone marks placed on the second vowel of oa/oe/uy ("old style": hoà, khoẻ, thuý) move to
# the first ("new style": hòa, khỏe, thúy) when nothing follows the pair in the syllable.
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook, tilde, dot below
_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))


def _tone_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in _PAIRS:
        for tone in _TONES:
            for f in (first, first.upper()):
                for s in (second, second.upper()):
                    old = f + unicodedata.normalize("NFC", s + tone)
                    new = unicodedata.normalize("NFC", f + tone) + s
                    table[old] = new
    return table


_TONE_TABLE = _tone_table()
# Not after q (quý: u belongs to the consonant) nor g; not followed by another letter.
_TONE_RE = regex.compile(
    r"(?<![qQgG])(?:" + "|".join(regex.escape(k) for k in _TONE_TABLE) + r")(?!\p{L}|\p{M})"
)

# Characters that look Vietnamese but are not, and spaces of every kind.
_LOOKALIKE = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_SPACE_RE = regex.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u2060\u00ad\ufeff"), None)


def fix_tones(s: str) -> str:
    """Move old-style tone marks to the modern place (*hoà* → *hòa*); length is unchanged."""
    if not _TONE_RE.search(s):
        return s
    return _TONE_RE.sub(lambda m: _TONE_TABLE[m.group(0)], s)


def normalize(s: str) -> str:
    """The display form of ``s``: NFC, modern tone placement, single spaces, stripped."""
    return normalize_with_map(s)[0]


def normalize_with_map(s: str) -> tuple[str, tuple[int, ...] | None]:
    """Normalise ``s`` and map each output character to its offset in ``s``.

    The map is ``None`` when it is the identity (the common case, kept cheap).
    """
    if s.isascii():
        if "  " not in s and "\t" not in s and s == s.strip() and "\r" not in s and "\n" not in s:
            return s, None
    simple = unicodedata.is_normalized("NFC", s) and not any(c in s for c in "\u00d0\u00f0\u0189")
    if simple:
        t = s.translate(_INVISIBLE) if any(ord(c) in _INVISIBLE for c in s) else s
        if t is s:
            collapsed = _SPACE_RE.sub(" ", s)
            stripped = collapsed.strip()
            if stripped == s:
                return fix_tones(s), None
    # General path: build the output one original character (or cluster) at a time.
    out: list[str] = []
    omap: list[int] = []
    i = 0
    n = len(s)
    pending_space = False
    while i < n:
        c = s[i]
        if _SPACE_RE.match(c):
            pending_space = bool(out)
            i += 1
            continue
        if ord(c) in _INVISIBLE:
            i += 1
            continue
        # a base character and its combining marks form one cluster
        j = i + 1
        while j < n and unicodedata.combining(s[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", s[i:j].translate(_LOOKALIKE))
        if pending_space:
            out.append(" ")
            omap.append(i - 1)
            pending_space = False
        for ch in cluster:
            out.append(ch)
            omap.append(i)
        i = j
    text = unicodedata.normalize("NFC", "".join(out))
    if len(text) != len(omap):  # composition across clusters (rare): fall back to proportional
        omap = [min(len(s) - 1, round(k * len(s) / max(1, len(text)))) for k in range(len(text))]
    text = fix_tones(text)
    if all(o == k for k, o in enumerate(omap)):
        return text, None
    return text, tuple(omap)


def key(s: str) -> str:
    """Matching key: display form, lower-cased (Vietnamese-aware: Đ → đ)."""
    return normalize(s).lower()


_STRIP_MARKS = regex.compile(r"\p{M}+")


def fold(s: str) -> str:
    """Key without diacritics or punctuation spacing: ``CỘNG HOÀ`` → ``cong hoa``."""
    d = unicodedata.normalize("NFD", normalize(s).lower().replace("đ", "d"))
    d = _STRIP_MARKS.sub("", d)
    return " ".join(regex.findall(r"[\p{L}\p{N}]+", d))


_UPPER_RE = regex.compile(r"\p{Lu}")
_LOWER_RE = regex.compile(r"\p{Ll}")


def is_upper_text(s: str) -> bool:
    """True when ``s`` has letters and none of them is lower case (a capitalised heading)."""
    return bool(_UPPER_RE.search(s)) and not _LOWER_RE.search(s)


def sentence_case(s: str) -> str:
    """``KẾ HOẠCH`` → ``Kế hoạch``."""
    s = s.strip()
    return s[:1].upper() + s[1:].lower() if s else s
