"""Abbreviations (chữ viết tắt): their definitions, their uses, and the list that needs no definition.

A definition is an abbreviation in parentheses after the words it stands for:
``cải cách hành chính (CCHC)``, ``Sở Khoa học và Công nghệ (KH&CN)``, a list
``cán bộ, công chức, viên chức (CB, CC, VC)``, or ``(sau đây viết tắt là CCHC)``. The
expansion is found by matching the abbreviation's letters to the initials of the words
before the parenthesis (``và`` is ``&``); when the letters do not match (``Chỉ số năng lực
cạnh tranh (PCI)``), the expansion is the phrase before the parenthesis.

A use is a run of capitals that looks like an abbreviation (``CCHC``, ``TTHC``, ``KH&CN``),
not a Roman numeral, not a word of a capitalised heading and not a part of a symbol
(``KH-UBND``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import accumulate

import regex

import vnplan.vocab as vocab
from vnplan.model import Abbreviation, AbbreviationUse, SourceDocument, Span
from vnplan.pattern import guarded
from vnplan.text import is_upper_text, plain_alnum, plain_first
from vnplan.vocab.patterns import in_order

__all__ = [
    "extract_abbreviations",
    "abbreviation_uses",
    "AbbreviationUse",
    "known_abbreviations",
    "initials_match",
]


_CAP = "A-ZĐƯ"
# possessive: what may follow an abbreviation (a space, comma, parenthesis, no letter) never
# follows a part of one, so giving characters back could not help
_ABBR = rf"[{_CAP}](?:[{_CAP}0-9]|&(?=[{_CAP}]))++"
_TOKEN = guarded(rf"(?<![\p{{L}}\p{{N}}&])(?P<a>{_ABBR})(?![\p{{L}}\p{{N}}&])")
# "(CCHC)", "(CB, CC, VC)", "(PAR INDEX)", "(sau đây viết tắt là CCHC)"
_DEF = guarded(
    r"\((?:\s?(?:sau đây\s)?(?:được\s)?(?:gọi|viết)\stắt\s(?:là\s)?:?\s?)?"
    rf"(?P<body>{_ABBR}(?:\s?,\s?{_ABBR})*|{_ABBR}(?:\s[{_CAP}]{{2,}})?)\s?\)"
)
_DEF_HEAD = guarded(rf"\((?P<head>\p{{Lu}}\p{{Ll}}*+(?:\s\p{{Ll}}++){{0,2}})\s(?P<abbr>{_ABBR})\)")
_DEF_FOREIGN = guarded(rf"\((?P<en>[A-Z][A-Za-z]++(?:\s[A-Za-z&]++){{0,8}})\s?[–-]\s?(?P<abbr>{_ABBR})\)")
_ROMAN = guarded(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# "Mục II", "khóa XIII", "quý IV": the capitals after these words are a number (abbreviations.json)
#: "(I)" … "(XII)": a numbered item, never a definition
_SMALL_ROMANS = frozenset(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"))
_ROMAN_LETTERS = "IVXLCDM"  # what _ROMAN can match: a token with another letter is no numeral
_ROMAN_BEFORE = guarded(rf"(?:{in_order(vocab.abbreviations().number_words)})\s$")
_WORDS = guarded(r"[\p{L}\p{N}&]+")


@lru_cache(maxsize=1)
def _plain_words() -> re.Pattern[str]:
    """:data:`_WORDS` for the standard ``re``, where a text's characters allow (:func:`vnplan.text.plain_first`;
    tests/test_quick_paths.py compares them)."""
    return re.compile(f"[{plain_alnum()[0]}&]+")


def word_matches(text: str) -> Iterator[re.Match[str]] | Iterator[regex.Match[str]]:
    """The matches of :data:`_WORDS` in ``text`` (by the standard ``re`` when the text's characters allow)."""
    return plain_first(_plain_words(), _WORDS, text)


#: :data:`_ABBR` for the standard ``re`` (the same letters): a run of capitals :data:`_TOKEN` may match, found
#: without trying its look-behind at every character; :func:`_token_spans` checks the characters around it.
_QUICK_ABBR = re.compile(_ABBR)
_WORD_CHAR = guarded(r"[\p{L}\p{N}&]")


@lru_cache(maxsize=65536)  # bounded: a long-running worker may meet every character of Unicode
def _is_word_char(c: str) -> bool:
    """Whether the character ``c`` is a letter, a digit or ``&`` (:data:`_WORD_CHAR`), asked once per character."""
    return _WORD_CHAR.match(c) is not None


def _token_spans(text: str) -> list[tuple[int, int]]:
    """The spans of :data:`_TOKEN`'s matches in ``text`` (tests/test_quick_paths.py holds the two equal): each
    run of capitals :data:`_QUICK_ABBR` finds, unless a letter, a digit or ``&`` stands right before or after
    it: no match of _TOKEN starts inside such a run (the character before it would be one of those)."""
    out = []
    n = len(text)
    for m in _QUICK_ABBR.finditer(text):
        s, e = m.span()
        if (s and _is_word_char(text[s - 1])) or (e < n and _is_word_char(text[e])):
            continue
        out.append((s, e))
    return out


@cache
def known_abbreviations() -> frozenset[str]:
    """Abbreviations that need no definition (``vnplan/vocab/abbreviations.json``)."""
    return frozenset(e.abbr for e in vocab.abbreviations().used_for("no_definition"))


def _initial(word: str) -> str:
    """First letter without tone or vowel marks, lower-case; đ stays đ (``Ủy`` → ``u``)."""
    c = word[:1].lower()
    if c == "đ":
        return c
    return unicodedata.normalize("NFD", c)[:1]


def _letters(abbr: str) -> list[str]:
    return [c.lower() if c != "&" else "&" for c in abbr if c.isalpha() or c == "&"]


def initials_match(words: list[str], abbr: str) -> int | None:
    """Index in ``words`` where the expansion of ``abbr`` starts, matching initials from the end."""
    letters = _letters(abbr)
    if not letters:
        return None
    j = len(letters) - 1
    i = len(words) - 1
    while j >= 0 and i >= 0:
        w = words[i]
        c = letters[j]
        wl = w.lower()
        if c == "&":
            if wl == "và":
                i -= 1
                j -= 1
                continue
            return None
        if _initial(w) == c:
            i -= 1
            j -= 1
        elif wl == "và" and j < len(letters) - 1:
            i -= 1  # "Giáo dục và Đào tạo (GDĐT)": "và" has no letter
        else:
            return None
    return i + 1 if j < 0 else None


def _block_indices(doc: SourceDocument, blocks: Iterable[int] | None) -> Iterable[int]:
    idx = range(len(doc.blocks)) if blocks is None else sorted(set(blocks))
    return [i for i in idx if doc.blocks[i].kind != "artifact" and doc.blocks[i].text]


_ITEM = guarded(r"[^\s,]+(?:\s[A-ZĐ]{2,})?")
_LEFT_WORD = guarded(r"(\S{1,30})\s$")  # run on a 30-character window; bounded all the same
_RIGHT_WORD = guarded(r"\s(\S+)")
_NEXT_LETTERS = guarded(r"\s(\p{L}+)")


#: How far before a parenthesis its expansion is looked for: characters, then words.
_WINDOW = 400
_WINDOW_WORDS = 24
_CLAUSE_MARK = guarded(r'(?r)[,;:.(\"“]')


class _Words:
    """The words of one block before its parentheses, found once (when its first parenthesis is read), from
    that parenthesis's window on: the words before a parenthesis are then a bisection away, not a scan of
    the text before it. Nothing before the first window or after the last parenthesis is read (the window's
    start may cut a word: :meth:`before` cuts it there all the same)."""

    __slots__ = ("text", "lo", "hi", "starts", "ends")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lo = self.hi = -1  # the part of the text whose words are known: none yet
        self.starts: list[int] = []
        self.ends: list[int] = []

    def _find(self, lo: int, end: int) -> None:
        """Know the words of ``text[lo:]`` up to the last parenthesis (up to the text's end when ``end`` is no
        parenthesis): no word runs across a parenthesis."""
        text = self.text
        hi = text.rfind("(") if text[end : end + 1] == "(" else len(text)
        spans = [w.span() for w in word_matches(text[lo:hi])]
        self.starts = [s + lo for s, _ in spans]
        self.ends = [e + lo for _, e in spans]
        self.lo, self.hi = lo, hi

    def before(self, end: int) -> list[tuple[int, int, str]]:
        """The last words before ``end`` (at most _WINDOW_WORDS, within _WINDOW characters; a word
        the window's start cuts is taken from there), in order."""
        lo = max(0, end - _WINDOW)
        if lo < self.lo or end > self.hi or self.lo < 0:
            self._find(lo if self.lo < 0 else min(lo, self.lo), end)
        k = bisect_left(self.starts, end)
        j = max(k - _WINDOW_WORDS, bisect_right(self.ends, lo))  # the first word ending inside the window
        text = self.text
        out = [(s, e, text[s:e]) for s, e in zip(self.starts[j:k], self.ends[j:k])]
        if out and out[0][0] < lo:
            out[0] = (lo, out[0][1], text[lo : out[0][1]])
        return out


def _definitions_in(text: str, bi: int) -> list[Abbreviation]:
    """The definitions of one block. Each looks back a bounded window before its parenthesis (never
    the whole text before it, which made a block of many definitions quadratic)."""
    out: list[Abbreviation] = []
    words_of: _Words | None = None
    for m in _DEF.finditer(text):
        body = m.group("body")
        if body in _SMALL_ROMANS:
            continue
        items = [(t.group(), m.start("body") + t.start()) for t in _ITEM.finditer(body)]
        if "," not in body:
            items = [(body, m.start("body"))]
        # the expansion stands in the last words before the parenthesis
        words_of = words_of or _Words(text)
        words = words_of.before(m.start())
        tail_cut = _clause_start(text, m.start())
        expansions = _match_list(words, [a for a, _ in items], text, m.start())
        for (abbr, s), exp in zip(items, expansions):
            span = Span(bi, s, s + len(abbr))
            if exp is None and len(items) == 1:
                exp = _fallback(words, tail_cut)
            if exp is None:
                out.append(Abbreviation(abbr=abbr, expansion=None, span=span))
            else:
                es, ee = exp
                out.append(Abbreviation(abbr=abbr, expansion=text[es:ee], span=span, expansion_span=Span(bi, es, ee)))
    out.extend(_head_definitions(text, bi, words_of))
    # "(Citizen Service Center – CSC)": a foreign name and its abbreviation
    for m in _DEF_FOREIGN.finditer(text):
        s, es, ee = m.start("abbr"), m.start("en"), m.end("en")
        out.append(Abbreviation(abbr=m.group("abbr"), expansion=m.group("en"), span=Span(bi, s, m.end("abbr")),
                                expansion_span=Span(bi, es, ee)))
    out.sort(key=lambda a: a.span.start)
    return out


def _head_definitions(text: str, bi: int, words_of: _Words | None) -> list[Abbreviation]:
    """"(Trung tâm PVHCC)", "(Sở TT&TT)": the head word repeated before the abbreviation."""
    out: list[Abbreviation] = []
    for m in _DEF_HEAD.finditer(text):
        head, abbr = m.group("head"), m.group("abbr")
        if head.lower() not in text[max(0, m.start() - 120) : m.start()].lower():
            continue
        words_of = words_of or _Words(text)
        (exp,) = _match_list(words_of.before(m.start()), [abbr], text, m.start())
        s = m.start("abbr")
        if exp is None:
            out.append(Abbreviation(abbr=abbr, expansion=None, span=Span(bi, s, s + len(abbr))))
        else:
            out.append(Abbreviation(abbr=abbr, expansion=text[exp[0]:exp[1]], span=Span(bi, s, s + len(abbr)),
                                    expansion_span=Span(bi, *exp)))
    return out


def _clause_start(text: str, end: int) -> int:
    """Start of the clause that ends at the parenthesis at ``end`` (after the last , ; : . or opening
    parenthesis), looked for in the window the expansion's words come from."""
    lo = max(0, end - _WINDOW)
    k = _CLAUSE_MARK.search(text, lo, end)
    return k.end() if k else lo


def _match_list(words: list[tuple[int, int, str]], abbrs: list[str], text: str, end: int) -> list[tuple[int, int] | None]:
    """Expansions (start, end) of a list of abbreviations, matched right to left; ``None`` where no match."""
    result: list[tuple[int, int] | None] = [None] * len(abbrs)
    end_w = len(words)
    for k in range(len(abbrs) - 1, -1, -1):
        seg = words[:end_w]
        start = initials_match([w for _, _, w in seg], abbrs[k])
        if start is None or start >= end_w:
            if len(abbrs) > 1:
                return [None] * len(abbrs)
            return result
        # the expansion must end right before the parenthesis or the comma of the list
        if k == len(abbrs) - 1 and text[seg[-1][1] : end].strip():
            return [None] * len(abbrs)
        result[k] = (seg[start][0], seg[-1][1])
        end_w = start
    return result


def _fallback(words: list[tuple[int, int, str]], clause_start: int) -> tuple[int, int] | None:
    """The phrase before the parenthesis, back to the clause start, at most 8 words."""
    cand = [w for w in words if w[0] >= clause_start][-12:]
    if not cand:
        return None
    caps = [k for k, w in enumerate(cand) if w[2][:1].isupper() and not w[2].isupper()]
    first = caps[-1] if caps else 0
    return cand[first][0], cand[-1][1]


def extract_abbreviations(doc: SourceDocument, blocks: Iterable[int] | None = None) -> tuple[Abbreviation, ...]:
    """Every abbreviation defined in the given blocks (default: all), in document order."""
    out: list[Abbreviation] = []
    for bi in _block_indices(doc, blocks):
        text = doc.blocks[bi].text
        if "(" not in text:
            continue
        out.extend(_definitions_in(text, bi))
    return tuple(out)


class _Spans:
    """Spans of one block, asked which holds a position: a bisection, not a scan of every span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends = list(accumulate((e for _, e in spans), max))  # the largest end up to each span

    def holds(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and self.ends[k] > pos


#: The white space of the patterns' ``\\s`` (Unicode White_Space; tests/test_quick_paths.py checks it).
WHITE_SPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                        "\u200a\u2028\u2029\u202f\u205f\u3000")


def _left_word(window: str) -> str | None:
    """``_LEFT_WORD.search(window).group(1)`` (None when it finds none) for a window of at most 30 characters,
    without the pattern's retries at every position: the last word, when one white space (or one and a final
    line break) ends the window."""
    n = len(window)
    if n >= 2 and window[-1] in WHITE_SPACE and window[-2] not in WHITE_SPACE:
        r = n - 1
    elif n >= 3 and window[-1] == "\n" and window[-2] in WHITE_SPACE and window[-3] not in WHITE_SPACE:
        r = n - 2
    else:
        return None
    i = r - 1
    while i > 0 and window[i - 1] not in WHITE_SPACE:
        i -= 1
    return window[i:r]


def _right_word(window: str) -> str | None:
    """``_RIGHT_WORD.match(window).group(1)`` (None when it finds none): the characters after one white space
    that opens the window, up to the next white space or the window's end."""
    if not window or window[0] not in WHITE_SPACE:
        return None
    j = 1
    while j < len(window) and window[j] not in WHITE_SPACE:
        j += 1
    return window[1:j] if j > 1 else None


@lru_cache(maxsize=4096)
def _accented_capitals(word: str) -> bool:
    """Whether ``word`` (its punctuation stripped) is in capitals with a Vietnamese mark (a heading's word)."""
    w = word.strip(",.;:()\"“”")
    return bool(w) and w.isupper() and any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", w))


def _is_heading_word(text: str, s: int, e: int) -> bool:
    """Whether the capitals at ``[s, e)`` stand next to a capitalised Vietnamese word (a heading)."""
    left = _left_word(text[max(0, s - 30) : s])
    if left and _accented_capitals(left):
        return True
    right = _right_word(text[e : e + 30])
    return _accented_capitals(right) if right else False


def _heads(multi: set[str]) -> frozenset[str]:
    """What a token must be to open a use of one of the two-word abbreviations ``multi`` (``PAR`` of ``PAR INDEX``):
    a definition's words before its one space (a token is capitals, digits and ``&``: its own upper case)."""
    return frozenset(m.split(" ", 1)[0] for m in multi if m.count(" ") == 1)


def _two_word_end(text: str, a: str, e: int, multi: set[str], heads: frozenset[str]) -> int | None:
    """Where a use of a two-word abbreviation (``PAR Index`` for ``PAR INDEX``) ends, when the token ``a`` ending at
    ``e`` opens one: the letters after one white space, with the token, make one of ``multi`` in capitals. The
    letters are looked at only after a token in ``heads`` (:func:`_heads`)."""
    if a not in heads:
        return None
    two = _NEXT_LETTERS.match(text[e : e + 40])
    if two and f"{a} {two.group(1)}".upper() in multi:
        return e + two.end()
    return None


def _dotted_symbol_part(text: str, s: int, e: int) -> bool:
    """Whether the capitals at ``[s, e)`` are joined by a full stop, with no space, to other capitals:
    a group of an older symbol (``2145/QĐ.UB``, ``86/TT.TCCQ``), not an abbreviation of the text."""
    before = s >= 2 and text[s - 1] == "." and text[s - 2].isupper()
    after = e + 1 < len(text) and text[e] == "." and text[e + 1].isupper()
    return before or after


def abbreviation_uses(doc: SourceDocument, blocks: Iterable[int] | None = None,
                      definitions: Iterable[Abbreviation] | None = None) -> tuple[AbbreviationUse, ...]:
    """Every use of an abbreviation in the given blocks, outside the parentheses that define it.

    ``definitions`` are the definitions :func:`extract_abbreviations` found in (at least) these
    blocks, when the caller has them already.
    """
    out: list[AbbreviationUse] = []
    idx = _block_indices(doc, blocks)
    chosen = set(idx)
    found = extract_abbreviations(doc, idx) if definitions is None else definitions
    defs = [d for d in found if d.span.block in chosen]
    # abbreviations of two words ("PAR INDEX") are also used in mixed case ("PAR Index")
    multi = {d.abbr.upper() for d in defs if " " in d.abbr}
    heads = _heads(multi)
    defined_in: dict[int, list[tuple[int, int]]] = {}
    for d in defs:
        defined_in.setdefault(d.span.block, []).append((d.span.start, d.span.end))
    inside = {bi: _Spans(spans) for bi, spans in defined_in.items()}
    for bi in idx:
        text = doc.blocks[bi].text
        spans = _token_spans(text)
        if not spans or is_upper_text(text):
            continue  # no capitals; or a capitalised heading, signature line or title
        defined = inside.get(bi)
        taken = 0  # the end of a two-word use read already: its second word ("INDEX") is no use of its own
        for s, e in spans:
            if s < taken:
                continue
            a = text[s:e]
            if not a[1:2].isalpha() and sum(c.isalpha() for c in a) < 2:
                continue
            if defined is not None and defined.holds(s):
                continue
            prev = text[s - 1] if s else ""
            nxt = text[e] if e < len(text) else ""
            if (prev and prev in "/-–") or (nxt and nxt in "/-–") or _dotted_symbol_part(text, s, e):
                continue  # a part of a symbol: KH-UBND, CT/TW, V/v, QĐ.UB
            if not a.strip(_ROMAN_LETTERS) and _ROMAN.fullmatch(a) and (s == 0 or _ROMAN_BEFORE.search(text, max(0, s - 12), s) or (nxt and nxt in ".)")):
                continue
            two_end = _two_word_end(text, a, e, multi, heads)
            if two_end is not None:
                out.append(AbbreviationUse(text[s:two_end].upper(), Span(bi, s, two_end)))
                taken = two_end
                continue
            if _is_heading_word(text, s, e):
                continue
            out.append(AbbreviationUse(a, Span(bi, s, e)))
    return tuple(out)
