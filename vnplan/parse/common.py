"""Patterns and helpers shared by the parse modules: list labels, legal-basis openers, spans."""

from __future__ import annotations

from typing import NamedTuple

import regex

import vnplan.vocab as vocab
from vnplan.model import Block, Span
from vnplan.pattern import guarded
from vnplan.vocab.patterns import escape, spelt


def _legal_basis_re() -> regex.Pattern[str]:
    starts = vocab.header_words().legal_basis_starts
    words = sorted((w for ws in starts.values() for w in ws), key=len, reverse=True)
    return guarded(r"^(?:" + "|".join(regex.escape(w) for w in words) + r")\b")


LEGAL_BASIS_RE = _legal_basis_re()
RULE_LINE_RE = guarded(r"^[-_=─—–.*•~]{3,}$")


def legal_basis_kind(text: str) -> str:
    """``can_cu``, ``thuc_hien`` or ``de_nghi`` for a preamble line; ``other`` otherwise."""
    for kind, words in vocab.header_words().legal_basis_starts.items():
        if any(text.startswith(w) for w in words):
            return kind
    return "other"


class Label(NamedTuple):
    """A list label at the start of a block: its style, the label as printed, where the rest starts."""

    style: str
    label: str
    end: int


_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{1,3}|V|X))"
# the words before the number of a part's heading ("Phần I.", "MỤC 2") and of an article ("Điều 3.")
_HEADING_WORDS = spelt([p.name for p in vocab.structure_words().parts if p.heading], ("sentence", "upper"))
_ARTICLE = escape(vocab.structure_words().part("article")[0].capitalize())
# ii. … xx. in lower case; the one-letter i., v., x. read as letters here (outline.py decides)
_LOWER_ROMAN = "(?:" + "|".join(sorted(
    "ii iii iv vi vii viii ix xi xii xiii xiv xv xvi xvii xviii xix xx".split(), key=len, reverse=True)) + ")"
_ORDINAL = spelt(vocab.structure_words().ordinals, ("lower", "upper"))
#: a word that starts with a capital and runs to a space, a comma or the end (no hyphen or digit in it)
_WORD_AFTER = r"(?=\p{Lu}[\p{L}\p{M}]*(?:[\s,:]|$))"
_WORD_AFTER_ANY = r"[\p{L}][\p{L}\p{M}]*(?:[\s,:]|$)"
_LABEL_RE = guarded(
    r"^(?:"
    # "Phần I.", "PHẦN II:", "Chương III", "Phần thứ hai", "Mục 1." (a word before the number)
    rf"(?P<pword>{_HEADING_WORDS})\s+(?:(?P<proman>{_ROMAN})|(?P<parabic>\d{{1,2}})|(?P<pord>(?:thứ|THỨ)\s+{_ORDINAL}))"
    r"(?:\s*[.:)\-–]\s*|\s*$|\s+(?=\p{Lu}))"
    # "I.1. Mục đích", "II.2 Nội dung": a roman part's items numbered after it
    rf"|(?P<rmulti>{_ROMAN}(?:\.\d{{1,2}}(?!\d)){{1,3}})(?:\.\s*|\s+)(?=\p{{L}})"
    rf"|(?P<roman>{_ROMAN})\s*[.)](?:\s+|(?=\p{{Lu}}))"
    # "I/ MỤC ĐÍCH", "II - NỘI DUNG", "1/ Mục đích", "2- Yêu cầu", "a/ Tuyên truyền": a slash or a dash
    # after the number, then a word (not a symbol: "15/ KH-UBND", not a range: "1 - 2 ngày")
    rf"|(?P<sroman>{_ROMAN})(?:/|\s*[-–])\s+{_WORD_AFTER}"
    rf"|(?P<sarabic>\d{{1,2}})(?:/|\s*[-–])\s+{_WORD_AFTER}"
    rf"|(?P<sletter>[a-zđ])(?:/|\s*[-–])\s+(?={_WORD_AFTER_ANY})"
    # "A. MỤC ĐÍCH, YÊU CẦU", "B. Nội dung": a capital letter above roman parts (I, V, X are roman)
    r"|(?P<uletter>[A-HK-UYĐ])\.\s+(?=\p{Lu})"
    rf"|(?P<lroman>{_LOWER_ROMAN})\.\s+"
    # "2.1.", "2.1 Tuyên…"; never a number "5.000 tờ gấp" (three digits after a dot, no capital after)
    r"|(?P<multi>\d{1,3}(?:\.\d{1,2}(?!\d)){1,4})(?:\.(?:\s+|(?=\p{Lu}))|\s+(?=[\p{Lu}\"“(])|\s*$)"
    r"|(?P<arabic>\d{1,3})\s*[.)](?:\s+|(?=\p{Lu}))"
    r"|(?P<letter>[a-zđ])\s*\)\s*"
    r"|(?P<letter2>[a-zđ])\.\s+"
    r"|(?P<dash>[-–—])(?![-–—])\s*"
    r"|(?P<plus>\+)\s*"
    r"|(?P<bullet>[•·●▪◦*➢✓])\s*"
    rf"|(?P<article>{_ARTICLE}\s+\d{{1,3}})\s*[.:]\s*"
    r")"
)


def label_of(text: str) -> Label | None:
    """The list label that opens ``text``, if any: ``II.`` → ('roman', 'II'), ``a)`` → ('letter', 'a')."""
    m = _LABEL_RE.match(text)
    if not m:
        return None
    end = m.end()  # a bare label with nothing after it is still a label (Word numbering on an empty heading)
    style = m.lastgroup
    if style in _PART_GROUPS:  # a word before the number: its group closed first, the number's last
        return _part_label(text, m, end)
    return _label(text, m, end, style, m.group(style)) if style is not None else None


#: The groups of :data:`_LABEL_RE`'s first branch (a word, then the number); each other branch is one group.
_PART_GROUPS = frozenset(("pword", "proman", "parabic", "pord"))


def _part_label(text: str, m: regex.Match[str], end: int) -> Label | None:
    word = m.group("pword")
    style_of_word = vocab.structure_words().word_styles.get(word.lower()) if word else None
    if style_of_word is not None:
        return Label(style_of_word, text[: m.end("pword")] + " " + _number_of(m), end)
    for style in ("proman", "parabic"):
        g = m.group(style)
        if g is not None:
            return _label(text, m, end, style, g)
    return None  # pragma: no cover


def _label(text: str, m: regex.Match[str], end: int, style: str, g: str) -> Label:
    """The label of the branch ``style`` of :data:`_LABEL_RE`, which matched ``g``."""
    if style in ("proman", "lroman", "sroman"):
        return Label("roman", g, end)
    if style in ("parabic", "sarabic"):
        return Label("arabic", g, end)
    if style == "sletter":
        return Label("letter", g, end)
    if style in ("multi", "rmulti"):
        return Label(f"arabic{g.count('.') + 1}", g, end)
    if style == "letter2":
        return Label("letter", g, end)
    if style == "uletter":
        return Label("upper_letter", g, end)
    if style == "arabic" and text[m.end("arabic") : m.end("arabic") + 1] == ")":
        return Label("arabic_paren", g, end)
    return Label(style, g, end)


def _number_of(m: regex.Match[str]) -> str:
    """The number of a part's heading as printed, one space inside: ``II``, ``3``, ``thứ hai``."""
    return " ".join((m.group("proman") or m.group("parabic") or m.group("pord")).split())


def part_number(label: str) -> int | None:
    """The number a part's label gives: ``Chương III`` → 3, ``Phần 2`` → 2, ``Phần thứ hai`` → 2."""
    words = label.split()
    last = words[-1] if words else ""
    if last.isdigit():
        return int(last)
    ordinals = [o.lower() for o in vocab.structure_words().ordinals]
    if len(words) >= 2 and words[-2].lower() == "thứ" and last.lower() in ordinals:
        return ordinals.index(last.lower()) + 1
    return roman_value(last)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(s: str) -> int | None:
    """``XIV`` → 14; None when ``s`` is not a roman number."""
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def block_span(b: Block) -> Span:
    """A span over the whole text of block ``b``."""
    return Span(b.index, 0, len(b.text))


def trimmed_span(b: Block, start: int, end: int | None = None) -> Span | None:
    """The span ``[start, end)`` of ``b`` with surrounding spaces removed; None when blank."""
    t = b.text
    end = len(t) if end is None else end
    while start < end and t[start].isspace():
        start += 1
    while end > start and t[end - 1].isspace():
        end -= 1
    return Span(b.index, start, end) if end > start else None


def edit_distance(a: str, b: str, limit: int = 8) -> int:
    """Levenshtein distance, cut off above ``limit`` (returns ``limit + 1``)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]
