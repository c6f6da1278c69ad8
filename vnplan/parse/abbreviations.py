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

import unicodedata
from collections.abc import Iterable
from functools import cache

import regex

import vnplan.vocab as vocab
from vnplan.model import Abbreviation, AbbreviationUse, SourceDocument, Span
from vnplan.vocab.patterns import in_order
from vnplan.text import is_upper_text

__all__ = [
    "extract_abbreviations",
    "abbreviation_uses",
    "AbbreviationUse",
    "known_abbreviations",
    "initials_match",
]


_CAP = "A-ZĐƯ"
_ABBR = rf"[{_CAP}](?:[{_CAP}0-9]|&(?=[{_CAP}]))+"
_TOKEN = regex.compile(rf"(?<![\p{{L}}\p{{N}}&])(?P<a>{_ABBR})(?![\p{{L}}\p{{N}}&])")
# "(CCHC)", "(CB, CC, VC)", "(PAR INDEX)", "(sau đây viết tắt là CCHC)"
_DEF = regex.compile(
    r"\((?:\s?(?:sau đây\s)?(?:được\s)?(?:gọi|viết)\stắt\s(?:là\s)?:?\s?)?"
    rf"(?P<body>{_ABBR}(?:\s?,\s?{_ABBR})*|{_ABBR}(?:\s[{_CAP}]{{2,}})?)\s?\)"
)
_DEF_HEAD = regex.compile(rf"\((?P<head>\p{{Lu}}\p{{Ll}}*(?:\s\p{{Ll}}+){{0,2}})\s(?P<abbr>{_ABBR})\)")
_DEF_FOREIGN = regex.compile(rf"\((?P<en>[A-Z][A-Za-z]+(?:\s[A-Za-z&]+){{0,8}})\s?[–-]\s?(?P<abbr>{_ABBR})\)")
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# "Mục II", "khóa XIII", "quý IV": the capitals after these words are a number (abbreviations.json)
_ROMAN_BEFORE = regex.compile(rf"(?:{in_order(vocab.abbreviations().number_words)})\s$")
_WORDS = regex.compile(r"[\p{L}\p{N}&]+")


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


_ITEM = regex.compile(r"[^\s,]+(?:\s[A-ZĐ]{2,})?")
_LEFT_WORD = regex.compile(r"(\S+)\s$")
_RIGHT_WORD = regex.compile(r"\s(\S+)")
_NEXT_LETTERS = regex.compile(r"\s(\p{L}+)")


def _definitions_in(text: str, bi: int) -> list[Abbreviation]:
    out: list[Abbreviation] = []
    for m in _DEF.finditer(text):
        body = m.group("body")
        if _ROMAN.fullmatch(body) and len(body) <= 4 and body in ("I", "II", "III", "IV", "V", "VI", "VII",
                                                                   "VIII", "IX", "X", "XI", "XII"):
            continue
        items = [(t.group(), m.start("body") + t.start()) for t in _ITEM.finditer(body)]
        if "," not in body:
            items = [(body, m.start("body"))]
        before = text[: m.start()]
        # the expansion stands in the last words before the parenthesis: look back a bounded window
        words = [(w.start(), w.end(), w.group()) for w in _WORDS.finditer(text, max(0, m.start() - 400), m.start())][-24:]
        tail_cut = _clause_start(before)
        expansions = _match_list(words, [a for a, _ in items], before)
        for (abbr, s), exp in zip(items, expansions):
            span = Span(bi, s, s + len(abbr))
            if exp is None and len(items) == 1:
                exp = _fallback(words, tail_cut)
            if exp is None:
                out.append(Abbreviation(abbr=abbr, expansion=None, span=span))
            else:
                es, ee = exp
                out.append(Abbreviation(abbr=abbr, expansion=text[es:ee], span=span, expansion_span=Span(bi, es, ee)))
    # "(Trung tâm PVHCC)", "(Sở TT&TT)": the head word repeated before the abbreviation
    for m in _DEF_HEAD.finditer(text):
        head, abbr = m.group("head"), m.group("abbr")
        before = text[: m.start()]
        if head.lower() not in before[-120:].lower():
            continue
        # the expansion stands in the last words before the parenthesis: look back a bounded window
        words = [(w.start(), w.end(), w.group()) for w in _WORDS.finditer(text, max(0, m.start() - 400), m.start())][-24:]
        (exp,) = _match_list(words, [abbr], before)
        s = m.start("abbr")
        if exp is None:
            out.append(Abbreviation(abbr=abbr, expansion=None, span=Span(bi, s, s + len(abbr))))
        else:
            out.append(Abbreviation(abbr=abbr, expansion=text[exp[0]:exp[1]], span=Span(bi, s, s + len(abbr)),
                                    expansion_span=Span(bi, *exp)))
    # "(Citizen Service Center – CSC)": a foreign name and its abbreviation
    for m in _DEF_FOREIGN.finditer(text):
        s, es, ee = m.start("abbr"), m.start("en"), m.end("en")
        out.append(Abbreviation(abbr=m.group("abbr"), expansion=m.group("en"), span=Span(bi, s, m.end("abbr")),
                                expansion_span=Span(bi, es, ee)))
    out.sort(key=lambda a: a.span.start)
    return out


def _clause_start(before: str) -> int:
    """Start of the clause that ends at the parenthesis (after the last , ; : . or opening parenthesis)."""
    k = max(before.rfind(c) for c in ",;:.(\"“")
    return k + 1


def _match_list(words: list[tuple[int, int, str]], abbrs: list[str], before: str) -> list[tuple[int, int] | None]:
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
        gap = before[seg[-1][1] :] if k == len(abbrs) - 1 else ""
        if k == len(abbrs) - 1 and gap.strip() not in ("",):
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


def _is_heading_word(text: str, s: int, e: int) -> bool:
    """Whether the capitals at ``[s, e)`` stand next to a capitalised Vietnamese word (a heading)."""
    left = _LEFT_WORD.search(text[max(0, s - 30) : s])
    right = _RIGHT_WORD.match(text[e : e + 30])
    for m in (left, right):
        if m:
            w = m.group(1).strip(",.;:()\"“”")
            if w and w.isupper() and any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", w)):
                return True
    return False


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
    defined_in: dict[int, list[tuple[int, int]]] = {}
    for d in defs:
        defined_in.setdefault(d.span.block, []).append((d.span.start, d.span.end))
    for bi in idx:
        text = doc.blocks[bi].text
        if is_upper_text(text):
            continue  # a capitalised heading, signature line or title
        defined = defined_in.get(bi, [])
        for m in _TOKEN.finditer(text):
            s, e = m.span("a")
            a = m.group("a")
            if sum(c.isalpha() for c in a) < 2:
                continue
            if any(ds <= s < de for ds, de in defined):
                continue
            prev = text[s - 1] if s else ""
            nxt = text[e] if e < len(text) else ""
            if (prev and prev in "/-–") or (nxt and nxt in "/-–"):
                continue  # a part of a symbol: KH-UBND, CT/TW, V/v
            if _ROMAN.fullmatch(a) and (s == 0 or _ROMAN_BEFORE.search(text, max(0, s - 12), s) or (nxt and nxt in ".)")):
                continue
            if multi:
                two = _NEXT_LETTERS.match(text[e : e + 40])
                if two and f"{a} {two.group(1)}".upper() in multi:
                    e += two.end()
                    a = text[s:e]
                    out.append(AbbreviationUse(a.upper(), Span(bi, s, e)))
                    continue
            if _is_heading_word(text, s, e):
                continue
            out.append(AbbreviationUse(a, Span(bi, s, e)))
    return tuple(out)
