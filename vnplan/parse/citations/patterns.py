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


def _variants(phrase: str) -> set[str]:
    """Spelt-out case variants: as given, lower, UPPER, Sentence case, Title Case."""
    low = phrase.lower()
    return {phrase, low, phrase.upper(), low[:1].upper() + low[1:], phrase.title()}


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of the case variants of ``phrases``, longest first."""
    out: set[str] = set()
    for p in phrases:
        out |= _variants(p)
    return "|".join(regex.escape(p).replace("\\ ", " ") for p in sorted(out, key=lambda s: (-len(s), s)))


#: Longer names some plans use for a type, mapped to the canonical type.
TYPE_ALIASES: dict[str, str] = {
    "văn bản": "Công văn",  # Decree 30 calls a document without a type name a công văn
    "thông báo kết luận": "Thông báo",
    "chương trình hành động": "Chương trình",
    "kế hoạch hành động": "Kế hoạch",
    "nghị quyết liên tịch": "Nghị quyết liên tịch",
}
LAW_TYPES = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp")
PROJECT_TYPES = ("Đề án", "Chương trình", "Dự án")

#: Issuer parts of a Party symbol (``…/TW``): Trung ương, Tỉnh ủy, Huyện ủy, Thành ủy, Quận ủy,
#: Đảng ủy, Ban cán sự đảng, Đảng đoàn, Ban Thường vụ…
PARTY_ISSUERS = frozenset(
    "TW TƯ TU HU TH QU ĐU ĐUK ĐUCS BCSĐ ĐĐ BTGTW BTCTW UBKTTW VPTW BDVTW BTVTU BTVHU".split()
)

#: Organisations whose names contain a comma, read as one issuer.
_COMMA_NAMES = (
    "Bộ Lao động, Thương binh và Xã hội",
    "Sở Lao động, Thương binh và Xã hội",
    "Phòng Lao động, Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa, Thể thao",
    "Bộ Lao động - Thương binh và Xã hội",
    "Sở Lao động - Thương binh và Xã hội",
)

_TYPES_ALT = _alt([*vocab.type_names(), *(k for k in TYPE_ALIASES)])
# laws only capitalised: "pháp luật năm 2024" is no citation
_LAW_ALT = "|".join(regex.escape(v).replace("\\ ", " ") for t in LAW_TYPES for v in (t, t.upper()))
_PROJECT_ALT = _alt(PROJECT_TYPES)
_SO = "(?:số|Số|SỐ)"
_NGAY = "(?:ngày|Ngày|NGÀY)"
_THANG = "(?:tháng|Tháng|THÁNG)"
_NAM = "(?:năm|Năm|NĂM)"
_CUA = "(?:của|Của|CỦA)"
_VA = "(?:và|VÀ)"

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
    rf"|(?P<atype>{_TYPES_ALT})\s(?P<ana>này|nêu trên|nói trên|trên đây|đã nêu|vừa nêu|NÀY|NÊU TRÊN"
    r"|trên(?=\s?[,.;:)]|\s?$))(?!\p{L})"
    # 3. a law by name, then a date, a year or a number
    rf"|(?P<ltype>{_LAW_ALT})(?!\s(?:sư|SƯ)(?!\p{{L}}))"
    rf"(?P<lname>(?:\s(?!{_NGAY}\s?\d|{_NAM}\s\d|{_SO}\s?\d|(?:{_TYPES_ALT})\s(?:{_SO}|\d))"
    r"[\p{L}][\p{L}\-]*,?){0,24}?)"
    rf"(?=\s{_NGAY}\s?\d|\s{_NAM}\s\d{{4}}|\s{_SO}\s?\d+/\d{{4}}/(?:UBTV)?QH"
    r"|(?<=(?:Căn cứ|CĂN CỨ)\s(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp|BỘ LUẬT|LUẬT|PHÁP LỆNH|HIẾN PHÁP)\X*);)"
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
    ("ana", regex.compile(r"\b(?:này|NÀY|nêu|NÊU|nói|trên|đã nêu|vừa nêu)\b")),
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
    r"\s(?P<iss>Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|Bộ Chính trị|Ban Bí thư)"
    r"(?=\s(?:về|quy định|ban hành|hướng dẫn|phê duyệt|sửa đổi)(?!\p{L})|\s?[;,.]|\s?$)"
)
HEADER_NO = regex.compile(r"(?:^|\s)(?:Số|SỐ|số)\s?:\s?$")
PLURAL = regex.compile(r"(?:các|những|CÁC|NHỮNG|Các|Những)\s$")
WORD = regex.compile(r"[^\s]+")
SPACES = regex.compile(r"\s+")
SYM_SPLIT = regex.compile(r"[-–/]")
SO_END = regex.compile(rf"{_SO}\s$")
LIST_GAP = regex.compile(r"\s?,?\s?(?:và|VÀ)?\s?")
COMMA_NAMES_RE = regex.compile("|".join(regex.escape(n) for n in sorted(_COMMA_NAMES, key=len, reverse=True)))
