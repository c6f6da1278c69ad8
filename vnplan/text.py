"""Vietnamese text normalisation (chuẩn hoá văn bản): NFC, one tone-mark placement, spaces, with offset maps.

Two forms of a string matter:

* the **display** form (:func:`normalize`): NFC, tone marks placed the modern way
  (*hòa*, *thúy*, *Ủy*), look-alike letters fixed (``Ð`` → ``Đ``), spaces collapsed. Length
  changes are tracked so every character maps back to the original.
* the **key** form (:func:`key`): the display form lower-cased, for matching vocabulary.
  :func:`fold` also strips diacritics, for tolerant comparison of misspelt text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from vnplan.pattern import guarded

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


def _tone_pattern() -> str:
    """The old-style pairs of the table, as the regex module finds them fastest: any first vowel and
    any second one, then a look back that the pair is one of the table's (``[oO][àá…]|[uU][ỳý…]``),
    not after q (quý: u belongs to the consonant) nor g. Matches exactly where an alternation of
    every key with the same look-arounds does, in two thirds of its time."""
    seconds: dict[str, set[str]] = {}
    for key in _TONE_TABLE:
        seconds.setdefault(key[0], set()).add(key[1])
    by_seconds: dict[str, str] = {}
    for first, chars in seconds.items():
        cls = "".join(sorted(chars))
        by_seconds[cls] = by_seconds.get(cls, "") + first
    pairs = "|".join(f"[{regex.escape(firsts)}][{regex.escape(cls)}]" for cls, firsts in sorted(by_seconds.items()))
    all_firsts = "".join(sorted(seconds))
    all_seconds = "".join(sorted(set().union(*seconds.values())))
    return (f"[{regex.escape(all_firsts)}][{regex.escape(all_seconds)}](?<![qQgG]..)(?<={pairs})"
            r"(?![\p{L}\p{M}])")  # not followed by another letter


#: The pattern of an old-style tone placement that :func:`fix_tones` moves.
TONE_PATTERN = _tone_pattern()
_TONE_RE = guarded(TONE_PATTERN)

def _quick_tone_pattern() -> re.Pattern[str]:
    """:data:`TONE_PATTERN`'s places for the standard ``re``, a few more: any first vowel and any second one,
    not after q or g nor before an ASCII letter; :func:`old_placements` keeps the table's pairs that no
    other letter or mark follows."""
    firsts = "".join(sorted({key[0] for key in _TONE_TABLE}))
    seconds = "".join(sorted({key[1] for key in _TONE_TABLE}))
    return re.compile(f"[{re.escape(firsts)}][{re.escape(seconds)}](?<![qQgG]..)(?![A-Za-z])")


_QUICK_TONE = _quick_tone_pattern()


def old_placements(text: str) -> list[int]:
    """Where :data:`TONE_PATTERN` matches in ``text`` (the starts of ``finditer``), found by the standard
    ``re`` (tests/test_quick_paths.py holds the two equal). Two places never overlap: a place's second
    character is no first vowel, and nothing but a letter's absence follows it."""
    out = []
    for m in _QUICK_TONE.finditer(text):
        k = m.start()
        if text[k : k + 2] in _TONE_TABLE:
            after = text[k + 2 : k + 3]
            if not after or after.isascii() or _LETTER_OR_MARK.match(after) is None:
                out.append(k)
    return out


#: The old placements by their toned second vowel: text holding none of them has nothing to move.
_OLD_BY_SECOND: dict[str, tuple[str, ...]] = {}
for _old in _TONE_TABLE:
    _OLD_BY_SECOND[_old[-1]] = _OLD_BY_SECOND.get(_old[-1], ()) + (_old,)
_TONED_SECONDS = tuple(sorted(_OLD_BY_SECOND))
_LETTER_OR_MARK = guarded(r"\p{L}|\p{M}")


def _has_old_placement(s: str) -> bool:
    """Whether ``_TONE_RE`` finds a match in ``s``, without running it on the whole text: it matches
    exactly where one of the table's two-character keys occurs, not after q or g and followed by no
    letter or mark. Vietnamese text holds toned vowels on most lines ("hoạch"), a placement to move
    on few; the occurrences are looked at, in C, before any pattern runs."""
    for c in _TONED_SECONDS:
        if c not in s:  # thirty substring looks in C: quicker than hashing every character of s
            continue
        for old in _OLD_BY_SECOND[c]:
            k = s.find(old)
            while k >= 0:
                if k == 0 or s[k - 1] not in "qQgG":
                    after = s[k + 2 : k + 3]  # a letter or mark after it makes it a longer word ("hoạch")
                    if not after or (not after.isalpha() if after.isascii() else _LETTER_OR_MARK.match(after) is None):
                        return True
                k = s.find(old, k + 1)
    return False


# Characters that look Vietnamese but are not, and spaces of every kind.
_LOOKALIKE = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_SPACE_RE = guarded(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u2060\u00ad\ufeff"), None)
_INVISIBLE_RE = guarded("[\u200c\u200d\u2060\u00ad\ufeff]")


def _has_invisible(s: str) -> bool:
    """Whether ``s`` holds one of the :data:`_INVISIBLE` characters: five look-ups at C speed."""
    return "\u200c" in s or "\u200d" in s or "\u2060" in s or "\u00ad" in s or "\ufeff" in s


def fix_tones(s: str) -> str:
    """Move old-style tone marks to the modern place (*hoà* → *hòa*); length is unchanged."""
    if not _has_old_placement(s):
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
    if simple and s.isprintable() and "  " not in s:
        # printable text holds no invisible character and no white space but single blanks (all of
        # those are unprintable): the searches below would find nothing to remove or collapse
        if s == s.strip():
            return fix_tones(s), None
    elif simple:
        t = s.translate(_INVISIBLE) if _has_invisible(s) else s
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


class LineNormalizer:
    """:func:`normalize_with_map` for the lines of one text, a line already in display form kept as it is
    without the per-line tone search: the old placements are found once in the whole text.

    A line is a part of the text between line breaks. A break is no letter, no mark and no q or g, so
    the tone pattern matches in a line exactly where it matches in the whole text inside that line's
    range (its look-behind sees a break or nothing before the line, its look-ahead a break or nothing
    after it; two of its matches never overlap). tests/test_quick_paths.py holds the two equal.
    """

    def __init__(self, text: str) -> None:
        self._olds = [] if text.isascii() else old_placements(text)
        self._lookalike = "\u00d0" in text or "\u00f0" in text or "\u0189" in text

    def __call__(self, line: str, origin: int) -> tuple[str, tuple[int, ...] | None]:
        """``normalize_with_map(line)`` for the line of the text that starts at offset ``origin``."""
        if not line:
            return line, None
        if (not self._lookalike and line.isprintable() and "  " not in line and line == line.strip()
                and unicodedata.is_normalized("NFC", line)):
            # normalize_with_map's simple path: (fix_tones(line), None), and fix_tones moves nothing
            # unless an old placement starts inside the line
            olds = self._olds
            k = bisect_left(olds, origin) if olds else 0
            if k == len(olds) or olds[k] >= origin + len(line):
                return line, None
        return normalize_with_map(line)


def key(s: str) -> str:
    """Matching key: display form, lower-cased (Vietnamese-aware: Đ → đ)."""
    return normalize(s).lower()


_STRIP_MARKS = guarded(r"\p{M}+")
_ALNUM_RUN = guarded(r"[\p{L}\p{N}]+")


#: What :func:`normalize` changes that :func:`fold` still sees: look-alike letters (``Ð`` → ``Đ``) and the
#: invisible characters it drops (U+FEFF aside: it reads that one as a space, as the runs below do).
_FOLD_PREPARE = {**_LOOKALIKE, **{c: None for c in _INVISIBLE if c != 0xFEFF}}


def fold(s: str) -> str:
    """Key without diacritics or punctuation spacing: ``CỘNG HOÀ`` → ``cong hoa``.

    The folded text of :func:`normalize` ``(s)``, without normalising first: spaces (collapsed or not),
    composition and tone placement are all lost in the decomposition, the stripping of the marks and the
    letter-and-digit runs below, so only look-alike letters and dropped invisible characters need doing
    (tests/test_quick_paths.py holds the two equal on every character and on mixed text).
    """
    d = unicodedata.normalize("NFD", s.translate(_FOLD_PREPARE).lower().replace("đ", "d"))
    d = _STRIP_MARKS.sub("", d)
    return " ".join(_ALNUM_RUN.findall(d))


_DIGITS = guarded(r"(\d+)")


def natural_key(s: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key in natural order, without case or diacritics: ``skel-2`` before ``skel-10``,
    ``Sở Y tế`` beside ``SỞ Y TẾ``. Numbers compare as numbers, text as :func:`fold` text."""
    parts = _DIGITS.split(fold(s) if s else "")
    return tuple((1, int(p)) if k % 2 else (0, p) for k, p in enumerate(parts) if p != "" or k == 0)


_UPPER_RE = guarded(r"\p{Lu}")
_LOWER_RE = guarded(r"\p{Ll}")


def is_upper_text(s: str) -> bool:
    """True when ``s`` has letters and none of them is lower case (a capitalised heading)."""
    return bool(_UPPER_RE.search(s)) and not _LOWER_RE.search(s)


def sentence_case(s: str) -> str:
    """``KẾ HOẠCH`` → ``Kế hoạch``."""
    s = s.strip()
    return s[:1].upper() + s[1:].lower() if s else s


# --------------------------------------------------------------------------- run-together words
# Text extracted from PDF often loses spaces ("TRIỂNKHAI", "antoàn"). Vietnamese writes one
# syllable per word, so a letter run that is not one valid syllable can be cut into syllables.

_ONSETS = (
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_NUCLEI = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu yê oai oay oao oeo uây uôi uya uyê uyu ươi ươu yêu iêu".split()
)
_CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
# Nuclei that never take a final consonant, and those that always need one.
_OPEN_ONLY = frozenset(
    "ia ua ưa ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu oai oay oao oeo uây uôi uya uyu ươi ươu yêu iêu".split()
)
_CLOSED_ONLY = frozenset("iê yê uô ươ uyê uâ oă ă â".split())
_TONE_MARKS = guarded("[\u0300\u0301\u0303\u0309\u0323]")


def _base(s: str) -> str:
    """Lower case without tone marks, keeping the vowel letters (â, ă, ê, ô, ơ, ư) and đ."""
    d = unicodedata.normalize("NFD", s.lower())
    return unicodedata.normalize("NFC", _TONE_MARKS.sub("", d))


def is_syllable(word: str) -> bool:
    """Whether ``word`` is one well-formed Vietnamese syllable (onset, vowel nucleus, coda)."""
    w = _base(word)
    if len(w) > 7 or sum(1 for c in unicodedata.normalize("NFD", word) if c in "\u0300\u0301\u0303\u0309\u0323") > 1:
        return False
    for onset in _ONSETS:
        if not w.startswith(onset):
            continue
        rest = w[len(onset):]
        if onset in ("gi", "qu") and rest == "":
            return onset == "gi"
        for coda in _CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)] if coda else rest
            if nucleus in _NUCLEI and not (coda and nucleus in _OPEN_ONLY) and not (not coda and nucleus in _CLOSED_ONLY):
                return True
            if onset in ("gi", "qu") and nucleus == "" and coda:
                return True
    return False


_LETTER_RUN = guarded(r"\p{L}+")


def split_syllables(word: str) -> list[str] | None:
    """Cut a letter run that is not one syllable into syllables; None when no cut works."""
    n = len(word)
    if n < 4 or n > 40:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 1, -1, -1):
        for j in range(min(n, i + 7), i, -1):  # longest first: keep consonants with their syllable's onset
            piece = word[i:j]
            tail = best[j]
            if tail is not None and is_syllable(piece):
                cand = [piece, *tail]
                cur = best[i]
                if cur is None or len(cand) < len(cur):
                    best[i] = cand
    return best[0]


def split_run_together(text: str) -> str:
    """``TRIỂNKHAI THỰC HIỆN`` → ``TRIỂN KHAI THỰC HIỆN``: spaces put back between run-together syllables.

    Words that are one syllable, or that cannot be cut into syllables (foreign words,
    abbreviations such as CCHC), are left as they are. Meant for matching, not display.
    """

    def fix(m: regex.Match[str]) -> str:
        w = m.group(0)
        if len(w) < 4 or w.isascii() or is_syllable(w):
            return w  # ASCII runs are foreign words or abbreviations (data, PAPI, Zalo)
        parts = split_syllables(w)
        return " ".join(parts) if parts and len(parts) > 1 else w

    return _LETTER_RUN.sub(fix, text)


def match_key(s: str) -> str:
    """Key for tolerant matching: run-together syllables split, then :func:`fold`."""
    return fold(split_run_together(normalize(s)))


# --------------------------------------------------------------------------- text for a terminal
# Document text and file names come from other offices: printed raw, an escape sequence in them
# would drive the reader's terminal (set the window title, write the clipboard through OSC 52,
# hide a link behind OSC 8 text, clear the screen) and a bidirectional override would show the
# text in another order than it is.

#: Control characters (C0 but line feed and tab, DEL, C1), the bidirectional embeddings,
#: overrides and isolates (U+202A–U+202E, U+2066–U+2069), and lone surrogates (an undecodable
#: byte of a file name): what :func:`for_terminal` replaces.
_UNSAFE = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x202A, 0x202E), (0x2066, 0x2069), (0xD800, 0xDFFF))
_UNSAFE_RE = guarded("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in _UNSAFE) + "]")
_VISIBLE = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for a, b in _UNSAFE for c in range(a, b + 1)}


def for_terminal(text: str) -> str:
    """``text`` safe to print on a terminal: every control character but line feed and tab (ESC, the
    rest of C0, DEL, C1) and every bidirectional override or isolate becomes a visible escape
    (``\\x1b``, ``\\u202e``); so does a lone surrogate. The one filter of every text view the
    command line prints (JSON, CSV and HTML keep their own escaping).

    Kept as they are: bold on and off (``ESC[1m``, ``ESC[22m``), the only styles vnplan's text
    views write (the matched words of compliance evidence); at most a document holding them turns
    bold on, and ``click`` drops them where the output is no terminal."""
    if not _UNSAFE_RE.search(text):
        return text
    if _BOLD_ON in text:
        return _BOLD_OFF.join(
            _BOLD_ON.join(piece.translate(_VISIBLE) for piece in part.split(_BOLD_ON))
            for part in text.split(_BOLD_OFF)
        )
    return text.translate(_VISIBLE)


_BOLD_ON, _BOLD_OFF = "\x1b[1m", "\x1b[22m"


# --------------------------------------------------------------------------- classes for the standard ``re``

#: The blocks where the standard ``re``'s letters and digits (``[^\W_]``, ``str.isalnum``) are exactly
#: ``[\p{L}\p{M}\p{N}]`` and ``[\p{L}\p{N}]`` (they hold no mark): Basic Latin to Latin Extended-B,
#: Latin Extended Additional (every Vietnamese letter, precomposed) and General Punctuation.
PLAIN_BLOCKS = ((0x00, 0x24F), (0x1E00, 0x1EFF), (0x2000, 0x206F))


def char_ranges(chars: Iterable[str]) -> str:
    """A character class's body for ``chars`` (in order): runs of consecutive characters as ranges."""
    runs: list[list[int]] = []
    for c in map(ord, chars):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)


@lru_cache(maxsize=1)
def plain_alnum() -> tuple[str, re.Pattern[str]]:
    """The letters and digits of :data:`PLAIN_BLOCKS` as a class body for the standard ``re`` (each character
    looked up in a table, not asked for its Unicode category: 2-3x quicker than the ``regex`` module's
    ``\\p{L}``), and a pattern of the characters outside those blocks, where a text must fall back on ``regex``."""
    word = char_ranges(c for lo, hi in PLAIN_BLOCKS for c in map(chr, range(lo, hi + 1)) if c.isalnum())
    outside = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in PLAIN_BLOCKS)
    return word, re.compile(f"[^{outside}]")


def plain_first(plain: re.Pattern[str], fallback: regex.Pattern[str],
                text: str) -> Iterator[re.Match[str]] | Iterator[regex.Match[str]]:
    """``fallback.finditer(text)``, by ``plain`` (the same pattern for the standard ``re``, written with
    :func:`plain_alnum`'s class) when every character of ``text`` lies in :data:`PLAIN_BLOCKS`, where the two
    find the same matches (tests/test_quick_paths.py compares each such pair)."""
    if plain_alnum()[1].search(text) is None:
        return plain.finditer(text)
    return fallback.finditer(text)
