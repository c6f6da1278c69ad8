"""The regular expressions of citations (mẫu viện dẫn), and the word lists they are built from.

Kept apart from the code that finds (:mod:`.find`), as eyecite keeps its regexes. Case variants
of every word are spelt out (``Kế hoạch``, ``kế hoạch``, ``KẾ HOẠCH``) because ``IGNORECASE``
is about five times slower. :data:`MAIN` finds every citation start; :data:`TRIGGERS` are
the cheap patterns that say where to try it; the small anchored patterns read what follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import regex

import vnplan.vocab as vocab
from vnplan.pattern import guarded
from vnplan.text import PLAIN_BLOCKS, char_ranges, fix_tones
from vnplan.vocab.patterns import escape, in_order, longest_first, spelt, variants

_W = vocab.citations()
_T = vocab.doc_types()
_DW = vocab.dates()
_CITATION_CASES = ("given", "lower", "upper", "sentence", "title")


#: Longer names some plans use for a type, mapped to the canonical type (``doc_types.json``).
TYPE_ALIASES: dict[str, str] = dict(_T.aliases)
LAW_TYPES = _T.law_types
PROJECT_TYPES = _T.project_types

#: Issuer parts of a Party symbol (``…/TW``): Trung ương, Tỉnh ủy, Huyện ủy, Thành ủy, Quận ủy,
#: Đảng ủy, Ban cán sự đảng, Đảng đoàn, Ban Thường vụ… (``citations.json``)
PARTY_ISSUERS = frozenset(_W.party_issuers)

_TYPE_SPELLINGS = variants([*vocab.type_names(), *(k for k in TYPE_ALIASES)], _CITATION_CASES)
_TYPES_ALT = longest_first(_TYPE_SPELLINGS)
# laws only capitalised: "pháp luật năm 2024" is no citation
#: The words a law by name starts with (the literals of ``_LAW_ALT``): where none starts, the
#: law alternatives of :data:`MAIN` and :data:`MAIN_SEMI` cannot match.
LAW_STARTS = tuple(v for t in LAW_TYPES for v in (t, t.upper()))
_LAW_ALT = "|".join(escape(v) for v in LAW_STARTS)
_PROJECT_WORDS = variants(PROJECT_TYPES, _CITATION_CASES)
_PROJECT_ALT = longest_first(_PROJECT_WORDS)
# one word in its three cases, spelt out: "(?:số|Số|SỐ)"
_SO = spelt([vocab.decree30().number_word], ("lower", "sentence", "upper"))
_NGAY = spelt([_DW.day], ("lower", "sentence", "upper"))
_THANG = spelt([_DW.month], ("lower", "sentence", "upper"))
_NAM = spelt([_DW.year], ("lower", "sentence", "upper"))
_CUA = spelt([_W.of], ("lower", "sentence", "upper"))
_VA = f"(?:{in_order(_W.conjunction)})"
_ANAPHORS = in_order(_W.anaphors.phrases)
_BASIS = "|".join(escape(v) for w in vocab.header_words().legal_basis_starts["can_cu"] for v in (w, w.upper()))

# A part of a symbol: at least two capitals/digits, or capitals with one lower-case letter
# between capitals (QyĐ, TrS) or after two capitals at the end (TTg, TTr, CTr). Parts are joined by
# "-", "/" or, in some units' own style, a "." with no space around it (KH.UBND, QĐ-UBND.VP).
_PART = (
    r"(?=\p{Lu}[\p{Lu}\d&]|\p{Lu}\p{Ll}\p{Lu})"
    r"\p{Lu}(?:[\p{Lu}\d&]|\p{Ll}(?=\p{Lu}))*(?:(?<=\p{Lu}\p{Lu})\p{Ll}(?!\p{L}))?"
)
_SYM = rf"{_PART}(?:(?:\s?[-–]\s?|[/.]){_PART}){{0,4}}"
# number, separator, optional year, symbol; tolerant of spaces and a missing slash (R207 flags them)
_NUMSYM = (
    r"(?P<num>\d{1,6}[a-zđ]?)(?P<sep1>\s?[/\-–]\s?|(?=\p{Lu}))"
    r"(?:(?P<year>(?:19|20)\d{2})\s?/\s?)?"
    rf"(?P<sym>{_SYM})"
)


# The most words of a type name: a word of a law's name is no type name followed by "số" or a
# number, which is tried only when "số" or a number follows within that many words.
_TYPE_WORDS = max(len(n.split(" ")) for n in (*vocab.type_names(), *TYPE_ALIASES))
_TYPED_NUMBER = rf"(?=(?:\S++\s){{1,{_TYPE_WORDS}}}(?:{_SO}|\d))(?:{_TYPES_ALT})\s(?:{_SO}|\d)"
#: The most words of a law's name after its type.
LAW_WORDS = 24
#: The most white space between the start of a law's type and the end of its name.
LAW_SPACES = LAW_WORDS + max(t.count(" ") for t in LAW_TYPES)
#: Where a law's name may end: before a date, a year or a law number (``Luật Hộ tịch năm 2014``,
#: ``Luật … số 60/2014/QH13``).
LAW_END = rf"\s{_NGAY}\s?\d|\s{_NAM}\s\d{{4}}|\s{_SO}\s?\d++/\d{{4}}/(?:UBTV)?QH"


def _law(law_end: str) -> str:
    """A law by name: at most LAW_WORDS words, each taken whole (possessive), then ``law_end``."""
    return (
        rf"(?P<ltype>{_LAW_ALT})(?!\s(?:sư|SƯ)(?!\p{{L}}))"
        rf"(?P<lname>(?:\s(?!{_NGAY}\s?\d|{_NAM}\s\d|{_SO}\s?\d|{_TYPED_NUMBER})"
        rf"[\p{{L}}][\p{{L}}\-]*+,?+){{0,{LAW_WORDS}}}?)"
        rf"(?={law_end})"
    )


def _main(*alternatives: str) -> regex.Pattern[str]:
    return guarded(r"(?<![\p{L}\p{N}])(?:" + "|".join(alternatives) + ")")


_ALTERNATIVES = (
    # 1. a type, optional "số", number/symbol
    rf"(?P<type>{_TYPES_ALT})(?:\s{_SO}\s?:?)?\s?{_NUMSYM}",
    # 2. anaphora: "Kế hoạch này", "Kế hoạch nêu trên"
    rf"(?P<atype>{_TYPES_ALT})\s(?P<ana>{_ANAPHORS}"
    rf"|{escape(_W.anaphors.at_clause_end)}(?=\s?[,.;:)]|\s?$))(?!\p{{L}})",
    # 3. a law by name, then a date, a year or a law number
    _law(LAW_END),
    # 4. a project or programme by short name: "Đề án 06", "Chương trình 135"
    rf"(?P<ptype>{_PROJECT_ALT})\s(?P<pnum>\d{{1,3}}[a-z]?)(?![\d\p{{L}}/\-])",
    # 5. a bare number/symbol whose symbol starts with a known type code
    r"(?P<bnum>\d{1,6})(?:/(?P<byear>(?:19|20)\d{2}))?(?P<bsep>[/\-])(?P<bsym>" + _SYM + r")",
)
#: Every citation start, the alternatives in this order.
MAIN = _main(*_ALTERNATIVES)
#: The same without a law by name: what MAIN matches where no law's name can end (the finder
#: knows where one can: :data:`LAW_END_AT`, :data:`LAW_REACH`).
MAIN_NO_LAW = _main(*_ALTERNATIVES[:2], *_ALTERNATIVES[3:])
#: A bare number/symbol alone: what MAIN and MAIN_NO_LAW match at a digit (no type name, law or
#: project word starts with one: tests/test_citation_quick_paths.py).
MAIN_BARE = _main(_ALTERNATIVES[4])
#: A law by name ending right before ``;``, which is a citation only when the block cites a law
#: as its legal basis before that ``;`` (``Căn cứ Luật Tổ chức chính quyền địa phương;``). The
#: finder tries it where :data:`MAIN` finds no type, anaphor or law, and decides the legal basis
#: with one search of :data:`BASIS_LAW` per block: a look-behind running back over the block
#: (as this once was, inside MAIN) made every law word cost the whole block, which is quadratic.
MAIN_SEMI = _main(_law(";"))
#: "và" or "," between two laws by name (``Luật Cán bộ, công chức và Luật Viên chức ngày …``): where a
#: law's name is cut in two, unless "của" stands before it (``Luật sửa đổi … của Luật A và Luật B``).
LAW_AND = guarded(rf"(?:,\s(?:{_VA}\s)?|\s{_VA}\s)(?=(?:{_LAW_ALT})\s)")
LAW_OF = guarded(rf"\s{_CUA}\s")
#: Every place a law's name may end (zero-width).
LAW_END_AT = guarded(rf"(?={LAW_END})")
#: From a law's type, up to the first white space its name cannot reach: LAW_SPACES of them and
#: the word after (no match: every end in the rest of the text is in reach).
LAW_REACH = guarded(rf"(?:\S*+\s){{{LAW_SPACES}}}\S*+")
#: "Căn cứ Luật", "CĂN CỨ BỘ LUẬT": a law cited as legal basis.
BASIS_LAW = guarded(rf"(?:{_BASIS})\s(?:{_LAW_ALT})")


def _known_law_names() -> dict[str, tuple[str, ...]]:
    """``citations.json``'s ``law_names`` by their type in lower case (``luật``, ``bộ luật``): each name
    after its type, lower case with modern tone placement, and without its commas (``Phòng chống tham
    nhũng`` is printed too); longest first, so ``Giáo dục đại học`` wins over ``Giáo dục``."""
    out: dict[str, set[str]] = {}
    for full in _W.law_names:
        t = max((t for t in LAW_TYPES if full.startswith(t + " ")), key=len)
        name = fix_tones(full[len(t) + 1 :]).lower()
        out.setdefault(t.lower(), set()).update({name, name.replace(",", "")})
    return {t: tuple(sorted(names, key=lambda n: (-len(n), n))) for t, names in out.items()}


#: Laws and codes cited by name alone (``theo quy định của Luật Cán bộ, công chức``), by type: a name
#: known whole, commas and all, where nothing after it says where it ends (find.py, ``known_law``).
KNOWN_LAW_NAMES = _known_law_names()
#: The longest of them, in characters.
KNOWN_LAW_LONGEST = max((len(n) for names in KNOWN_LAW_NAMES.values() for n in names), default=0)
#: A law's type and the name after it, up to where it is matched (``endpos``): the match the
#: reader of a law by name takes.
KNOWN_LAW_AT = guarded(rf"(?P<ltype>{_LAW_ALT})(?P<lname>\s(?s:.+))")

# Where a citation may be: a number with a symbol after it, an anaphoric word, a law or a
# project word. The full pattern (with its long alternation of type names) is tried only at
# the word starts shortly before each of these, which is many times faster than searching.
_NUM_TAIL = r"(?:\s?[/\-–]\s?(?:(?:19|20)\d{2}\s?/\s?)?|(?=\p{Lu}))\p{Lu}"
TRIGGERS = (
    ("num", guarded(rf"\d{{1,6}}[a-zđ]?{_NUM_TAIL}")),
    ("ana", guarded(rf"\b(?:{in_order(_W.anaphors.triggers)})\b")),
    ("word", guarded(rf"\b(?:(?:{_LAW_ALT})\b|(?:{_PROJECT_ALT})\s\d)")),
)
#: The ``num`` trigger found from the start of each run of digits: it matches there exactly where
#: ``num`` matches at the run's last six digits (fewer digits leave a digit before its tail; a
#: letter of ``[a-zđ]`` never starts that tail), and ends where it ends. Searching it tries only
#: run starts instead of every digit with every count of digits.
NUM_RUNS = guarded(rf"(?<!\d)(?P<run>\d++)[a-zđ]?+{_NUM_TAIL}")
#: The words the matches of the other triggers start with (the literals of their alternations):
#: their matches are looked for only where one of these is, found with ``str.find``.
TRIGGER_WORDS = {
    "ana": tuple(_W.anaphors.triggers),
    "word": (*LAW_STARTS, *sorted(_PROJECT_WORDS)),
}
# A type name (and "số") right before a position: searched backwards, anchored at the position.
#: (``type``: the type name, where a number after it makes MAIN's first alternative match: the same
#: type name, no other that a number can follow: tests/test_citation_quick_paths.py)
TYPE_BEFORE = guarded(rf"(?r)(?<![\p{{L}}\p{{N}}])(?P<type>{_TYPES_ALT})(?:\s{_SO}\s?:?)?\s?\Z")
TYPE_BEFORE_ANA = guarded(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{_TYPES_ALT})\s\Z")
#: How many last characters of a type name :data:`TYPE_ENDS` holds (no type name is shorter).
TYPE_END_CHARS = min(3, *(len(t) for t in _TYPE_SPELLINGS))
#: The last characters of every spelling of a type name: :data:`TYPE_BEFORE_ANA` can match only
#: where the characters before its white space are one of these.
TYPE_ENDS = frozenset(t[-TYPE_END_CHARS:] for t in _TYPE_SPELLINGS)
LOOKBACK = 48  # longer than any type name with "số:" before its number
SEP = "\x00"  # joins blocks for the trigger scan; never in text (readers refuse NUL)


_DATE = (
    r"(?:(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>\d{4})"
    rf"|(?:(?P<d>\d{{1,2}})\s?)?(?:[.…_]++\s?)?{_THANG}\s?(?:(?P<m>\d{{1,2}})\s?)?(?:[.…_]++\s?)?{_NAM}\s?(?P<y>\d{{4}})"
    r"|[.…_]*+\s?/\s?(?P<m>\d{1,2})\s?/\s?(?P<y>\d{4}))"
    r"(?!\d)"
)
_ISSUED = "ban hành"
DATE_AFTER = guarded(rf"\s?,?\s?(?:{_ISSUED}\s)?{_NGAY}\s?{_DATE}")
#: What DATE_AFTER cannot match without within its first DATE_REACH characters (after at most three
#: of ``\s?,?\s?``): "ban hành", or its day word but the first letter (``gày`` of ngày and Ngày).
DATE_PROBES = tuple(sorted({_ISSUED, *(v[1:] for v in variants([_DW.day], ("lower", "sentence", "upper")))}))
DATE_REACH = 3 + max(len(_ISSUED), len(_DW.day))
YEAR_AFTER = guarded(rf"\s{_NAM}\s(?P<y>\d{{4}})(?!\d)")
#: The year word in the cases of ``_NAM``: YEAR_AFTER matches at ``pos`` only where one of these
#: starts at ``pos + 1`` (after its one white space character).
YEAR_PROBES = tuple(variants([_DW.year], ("lower", "sentence", "upper")))
NUMBER_AFTER = guarded(rf"\s{_SO}\s?{_NUMSYM}")
CONT = guarded(rf"(?:\s?,\s?{_VA}\s|\s?,\s?|\s{_VA}\s)(?:{_SO}\s)?{_NUMSYM}")
#: The words of ``_VA``: CONT matches only where a "," is one of the first two characters or one of
#: these starts at the second.
CONT_WORDS = tuple(_W.conjunction)
_ISSUER_AFTER = r"\s?,?\s{_CUA}\s(?P<tail>[^;:()\[\]\"“”\n]{{1,160}})"
ISSUER_AFTER = guarded(_ISSUER_AFTER.format(_CUA=_CUA))
#: ``regex``'s ``\s`` (White_Space) spelt out for the standard ``re``, whose own ``\s`` also holds
#: "\x1c"–"\x1f": what ``str.isspace`` holds for but those (tests/test_citation_quick_paths.py).
RE_SPACE = "[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


@lru_cache(maxsize=1)
def issuer_after_re() -> re.Pattern[str]:
    """:data:`ISSUER_AFTER` for the standard ``re``, the same matches on any text: literals, a negated
    class and ``\\s``, spelt :data:`RE_SPACE`; 2-3 times quicker (a tail of up to 160 characters).
    Linear and bounded, it needs no time limit."""
    return re.compile(_ISSUER_AFTER.replace(r"\s", RE_SPACE).format(_CUA=_CUA))


NUMSYM_RE = guarded(_NUMSYM)


def _plain_source(source: str) -> str:
    """A pattern's source for the standard ``re`` on text whose every character lies in
    :data:`~vnplan.text.PLAIN_BLOCKS`: ``\\p{Lu}``, ``\\p{Ll}``, ``\\p{L}``, ``\\d`` and ``\\s`` spelt as
    the characters of those blocks ``regex`` gives them, and a name given twice (``regex`` takes one
    group for both) numbered apart: ``d``, ``d2``, ``d3``."""
    chars = "".join(chr(c) for lo, hi in PLAIN_BLOCKS for c in range(lo, hi + 1))
    upper, digit = r"\p{Lu}", r"\d"
    body = {p: char_ranges(m.group() for m in regex.finditer(p, chars)) for p in (upper, r"\p{Ll}", r"\p{L}", digit, r"\s")}
    src = source.replace(f"[{upper}{digit}&]", f"[{body[upper]}{body[digit]}&]")  # the one class holding classes
    for p, b in body.items():
        src = src.replace(p, f"[{b}]")
    seen: dict[str, int] = {}

    def apart(m: regex.Match[str]) -> str:
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        return f"(?P<{name}{seen[name] if seen[name] > 1 else ''}>"

    return regex.sub(r"\(\?P<(\w+)>", apart, src)


@lru_cache(maxsize=1)
def numsym_plain() -> re.Pattern[str]:
    """:data:`NUMSYM_RE` for the standard ``re``, for a text whose every character lies in
    :data:`~vnplan.text.PLAIN_BLOCKS` (:func:`~vnplan.text.plain_alnum` tells): the same matches there
    (:func:`_plain_source`; tests/test_citation_quick_paths.py); about twice as quick. Bounded but
    for the symbol's letters, which it reads once, it needs no time limit."""
    return re.compile(_plain_source(_NUMSYM))


@lru_cache(maxsize=1)
def date_after_plain() -> re.Pattern[str]:
    """:data:`DATE_AFTER` for the standard ``re``, as :func:`numsym_plain`: the day, month and year of
    its second and third forms are ``d2``, ``m2``, ``y2`` and ``m3``, ``y3``."""
    return re.compile(_plain_source(DATE_AFTER.pattern))


NO_CUA_ISSUER = guarded(
    rf"\s(?P<iss>{in_order(_W.bare_issuers.names)})"
    rf"(?=\s(?:{in_order(_W.bare_issuers.followers)})(?!\p{{L}})|\s?[;,.]|\s?$)"
)
HEADER_NO = guarded(rf"(?:^|\s){_SO}\s?:\s?$")
PLURAL = guarded(rf"{spelt(_W.plural, ('lower', 'upper', 'sentence'))}\s$")
WORD = guarded(r"[^\s]+")
SPACES = guarded(r"\s+")
SYM_SPLIT = guarded(r"[-–/.]")
SO_END = guarded(rf"{_SO}\s$")
LIST_GAP = guarded(rf"\s?,?\s?{_VA}?\s?")
#: Organisations whose names contain a comma, read as one issuer.
COMMA_NAMES = tuple(sorted(_W.comma_names, key=len, reverse=True))
COMMA_NAMES_RE = guarded("|".join(regex.escape(n) for n in COMMA_NAMES))
