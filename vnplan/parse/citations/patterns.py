"""The regular expressions of citations (mẫu viện dẫn), and the word lists they are built from.

Kept apart from the code that finds (:mod:`.find`), as eyecite keeps its regexes. Case variants
of every word are spelt out (``Kế hoạch``, ``kế hoạch``, ``KẾ HOẠCH``) because ``IGNORECASE``
is about five times slower. :data:`MAIN` finds every citation start; :data:`TRIGGERS` are
the cheap patterns that say where to try it; the small anchored patterns read what follows.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

import vnplan.vocab as vocab
from vnplan.vocab.patterns import escape, in_order, longest_first, spelt, variants


_W = vocab.citations()
_T = vocab.doc_types()
_DW = vocab.dates()
_CITATION_CASES = ("given", "lower", "upper", "sentence", "title")


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of the case variants of ``phrases`` (as given, lower, UPPER, Sentence, Title), longest first."""
    return longest_first(variants(phrases, _CITATION_CASES))


#: Longer names some plans use for a type, mapped to the canonical type (``doc_types.json``).
TYPE_ALIASES: dict[str, str] = dict(_T.aliases)
LAW_TYPES = _T.law_types
PROJECT_TYPES = _T.project_types

#: Issuer parts of a Party symbol (``…/TW``): Trung ương, Tỉnh ủy, Huyện ủy, Thành ủy, Quận ủy,
#: Đảng ủy, Ban cán sự đảng, Đảng đoàn, Ban Thường vụ… (``citations.json``)
PARTY_ISSUERS = frozenset(_W.party_issuers)

_TYPES_ALT = _alt([*vocab.type_names(), *(k for k in TYPE_ALIASES)])
# laws only capitalised: "pháp luật năm 2024" is no citation
_LAW_ALT = "|".join(escape(v) for t in LAW_TYPES for v in (t, t.upper()))
_PROJECT_ALT = _alt(PROJECT_TYPES)
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
# between capitals (QyĐ, TrS) or after two capitals at the end (TTg, TTr, CTr).
_PART = (
    r"(?=\p{Lu}[\p{Lu}\d&]|\p{Lu}\p{Ll}\p{Lu})"
    r"\p{Lu}(?:[\p{Lu}\d&]|\p{Ll}(?=\p{Lu}))*(?:(?<=\p{Lu}\p{Lu})\p{Ll}(?!\p{L}))?"
)
_SYM = rf"{_PART}(?:(?:\s?[-–]\s?|/){_PART}){{0,4}}"
# number, separator, optional year, symbol; tolerant of spaces and a missing slash (R207 flags them)
_NUMSYM = (
    r"(?P<num>\d{1,6}[a-zđ]?)(?P<sep1>\s?[/\-–]\s?|(?=\p{Lu}))"
    r"(?:(?P<year>(?:19|20)\d{2})\s?/\s?)?"
    rf"(?P<sym>{_SYM})"
)

MAIN = regex.compile(
    r"(?<![\p{L}\p{N}])(?:"
    # 1. a type, optional "số", number/symbol
    rf"(?P<type>{_TYPES_ALT})(?:\s{_SO}\s?:?)?\s?{_NUMSYM}"
    # 2. anaphora: "Kế hoạch này", "Kế hoạch nêu trên"
    rf"|(?P<atype>{_TYPES_ALT})\s(?P<ana>{_ANAPHORS}"
    rf"|{escape(_W.anaphors.at_clause_end)}(?=\s?[,.;:)]|\s?$))(?!\p{{L}})"
    # 3. a law by name, then a date, a year or a number
    rf"|(?P<ltype>{_LAW_ALT})(?!\s(?:sư|SƯ)(?!\p{{L}}))"
    rf"(?P<lname>(?:\s(?!{_NGAY}\s?\d|{_NAM}\s\d|{_SO}\s?\d|(?:{_TYPES_ALT})\s(?:{_SO}|\d))"
    r"[\p{L}][\p{L}\-]*,?){0,24}?)"
    rf"(?=\s{_NGAY}\s?\d|\s{_NAM}\s\d{{4}}|\s{_SO}\s?\d+/\d{{4}}/(?:UBTV)?QH"
    rf"|(?<=(?:{_BASIS})\s(?:{_LAW_ALT})\X*);)"
    # 4. a project or programme by short name: "Đề án 06", "Chương trình 135"
    rf"|(?P<ptype>{_PROJECT_ALT})\s(?P<pnum>\d{{1,3}}[a-z]?)(?![\d\p{{L}}/\-])"
    # 5. a bare number/symbol whose symbol starts with a known type code
    r"|(?P<bnum>\d{1,6})(?:/(?P<byear>(?:19|20)\d{2}))?(?P<bsep>[/\-])(?P<bsym>" + _SYM + r")"
    r")",
)

# Where a citation may be: a number with a symbol after it, an anaphoric word, a law or a
# project word. The full pattern (with its long alternation of type names) is tried only at
# the word starts shortly before each of these, which is many times faster than searching.
TRIGGERS = (
    ("num", regex.compile(r"\d{1,6}[a-zđ]?(?:\s?[/\-–]\s?(?:(?:19|20)\d{2}\s?/\s?)?|(?=\p{Lu}))\p{Lu}")),
    ("ana", regex.compile(rf"\b(?:{in_order(_W.anaphors.triggers)})\b")),
    ("word", regex.compile(rf"\b(?:(?:{_LAW_ALT})\b|(?:{_PROJECT_ALT})\s\d)")),
)
# A type name (and "số") right before a position: searched backwards, anchored at the position.
TYPE_BEFORE = regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{_TYPES_ALT})(?:\s{_SO}\s?:?)?\s?\Z")
TYPE_BEFORE_ANA = regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{_TYPES_ALT})\s\Z")
LOOKBACK = 48  # longer than any type name with "số:" before its number
SEP = "\x00"  # joins blocks for the trigger scan; never in text (readers refuse NUL)


_DATE = (
    r"(?:(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>\d{4})"
    rf"|(?:(?P<d>\d{{1,2}})\s?)?(?:[.…_]+\s?)?{_THANG}\s?(?:(?P<m>\d{{1,2}})\s?)?(?:[.…_]+\s?)?{_NAM}\s?(?P<y>\d{{4}})"
    r"|[.…_]*\s?/\s?(?P<m>\d{1,2})\s?/\s?(?P<y>\d{4}))"
    r"(?!\d)"
)
DATE_AFTER = regex.compile(rf"\s?,?\s?(?:ban hành\s)?{_NGAY}\s?{_DATE}")
YEAR_AFTER = regex.compile(rf"\s{_NAM}\s(?P<y>\d{{4}})(?!\d)")
NUMBER_AFTER = regex.compile(rf"\s{_SO}\s?{_NUMSYM}")
CONT = regex.compile(rf"(?:\s?,\s?{_VA}\s|\s?,\s?|\s{_VA}\s)(?:{_SO}\s)?{_NUMSYM}")
ISSUER_AFTER = regex.compile(rf"\s?,?\s{_CUA}\s(?P<tail>[^;:()\[\]\"“”\n]{{1,160}})")
NUMSYM_RE = regex.compile(_NUMSYM)
NO_CUA_ISSUER = regex.compile(
    rf"\s(?P<iss>{in_order(_W.bare_issuers.names)})"
    rf"(?=\s(?:{in_order(_W.bare_issuers.followers)})(?!\p{{L}})|\s?[;,.]|\s?$)"
)
HEADER_NO = regex.compile(rf"(?:^|\s){_SO}\s?:\s?$")
PLURAL = regex.compile(rf"{spelt(_W.plural, ('lower', 'upper', 'sentence'))}\s$")
WORD = regex.compile(r"[^\s]+")
SPACES = regex.compile(r"\s+")
SYM_SPLIT = regex.compile(r"[-–/]")
SO_END = regex.compile(rf"{_SO}\s$")
LIST_GAP = regex.compile(rf"\s?,?\s?{_VA}?\s?")
#: Organisations whose names contain a comma, read as one issuer.
COMMA_NAMES_RE = regex.compile("|".join(regex.escape(n) for n in sorted(_W.comma_names, key=len, reverse=True)))
