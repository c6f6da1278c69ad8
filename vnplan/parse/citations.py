"""Citations of other documents (viện dẫn văn bản): find, parse, group and resolve them.

Works on the normalised text of each block with the ``regex`` module. One compiled pattern
finds every citation start (a document type followed by a number and symbol, an anaphoric
``Kế hoạch này`` / ``Kế hoạch nêu trên``, a law by name and year, a project by short name,
or a bare ``123/2015/NĐ-CP`` / ``37-CT/TW``); small anchored patterns then read what follows
(more numbers of a list, the date, the issuer). Case variants of every word are spelt out
(``Kế hoạch``, ``kế hoạch``, ``KẾ HOẠCH``) because ``IGNORECASE`` is about five times slower.

Field conventions (see ``docs/citations.md``):

* ``number`` is the number as printed (``02``, ``123``), ``symbol`` the ký hiệu without the
  number and year, spaces removed (``KH-UBND``, ``NĐ-CP``, ``CT/TW``);
* ``year`` is the year inside the number (``123/2015/NĐ-CP``), else the year of the date,
  else the year of ``Luật Hộ tịch năm 2014``;
* ``issuer`` is the text after ``của`` up to the first word that no longer names an issuer;
* ``group`` is the index of the first citation of the same document (a first citation's
  ``group`` is its own index); ``kind`` is ``full``, ``short`` (a later citation without
  date, or ``Kế hoạch nêu trên``) or ``self`` (``Kế hoạch này``, or the plan's own number).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

import vnplan.vocab as vocab
from vnplan.model import Citation, PartialDate, SourceDocument, Span
from vnplan.text import key

if TYPE_CHECKING:  # pragma: no cover
    from vnplan.model import Header

__all__ = [
    "extract_citations",
    "citations_in_text",
    "parse_number_symbol",
    "document_key",
    "NumberSymbol",
    "PARTY_ISSUERS",
]


# --------------------------------------------------------------------------- vocabulary


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
_TYPE_ALIASES: dict[str, str] = {
    "văn bản": "Công văn",  # Decree 30 calls a document without a type name a công văn
    "thông báo kết luận": "Thông báo",
    "chương trình hành động": "Chương trình",
    "kế hoạch hành động": "Kế hoạch",
    "nghị quyết liên tịch": "Nghị quyết liên tịch",
}
_LAW_TYPES = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp")
_PROJECT_TYPES = ("Đề án", "Chương trình", "Dự án")

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

_TYPES_ALT = _alt([*vocab.type_names(), *(k for k in _TYPE_ALIASES)])
# laws only capitalised: "pháp luật năm 2024" is no citation
_LAW_ALT = "|".join(regex.escape(v).replace("\\ ", " ") for t in _LAW_TYPES for v in (t, t.upper()))
_PROJECT_ALT = _alt(_PROJECT_TYPES)
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

_MAIN = regex.compile(
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
_TRIGGERS = (
    ("num", regex.compile(r"\d{1,6}[a-zđ]?(?:\s?[/\-–]\s?(?:(?:19|20)\d{2}\s?/\s?)?|(?=\p{Lu}))\p{Lu}")),
    ("ana", regex.compile(r"\b(?:này|NÀY|nêu|NÊU|nói|trên|đã nêu|vừa nêu)\b")),
    ("word", regex.compile(rf"\b(?:(?:{_LAW_ALT})\b|(?:{_PROJECT_ALT})\s\d)")),
)
# A type name (and "số") right before a position: searched backwards, anchored at the position.
_TYPE_BEFORE = regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{_TYPES_ALT})(?:\s{_SO}\s?:?)?\s?\Z")
_TYPE_BEFORE_ANA = regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{_TYPES_ALT})\s\Z")
_LOOKBACK = 48  # longer than any type name with "số:" before its number
_SEP = "\x00"  # joins blocks for the trigger scan; never in text (readers refuse NUL)


def _triggers(text: str) -> list[tuple[int, str]]:
    """Positions where a citation may be: a number with a symbol after it, an anaphoric word,
    a law or project word; sorted."""
    out = [(m.start(), kind) for kind, pat in _TRIGGERS for m in pat.finditer(text)]
    out.sort()
    return out


def _next_match(text: str, pos: int, triggers: list[tuple[int, str]] | None = None) -> regex.Match[str] | None:
    """The first citation start at or after ``pos`` (what ``_MAIN.search(text, pos)`` finds).

    Searching with ``_MAIN`` would try its long alternation of type names at every character;
    instead the cheap triggers are found first (once per document) and the type name is looked
    for backwards from each, anchored there.
    """
    if triggers is None:
        triggers = _triggers(text)
    for k in range(bisect_left(triggers, (pos, "")), len(triggers)):
        ts, kind = triggers[k]
        if kind == "word":
            m = _MAIN.match(text, ts)
        else:
            lo = max(pos, ts - _LOOKBACK)
            b = (_TYPE_BEFORE if kind == "num" else _TYPE_BEFORE_ANA).search(text, lo, ts)
            m = _MAIN.match(text, b.start()) if b else None
            if m is None and kind == "num":
                m = _MAIN.match(text, ts)  # a bare number/symbol
        if m and m.start() >= pos:
            return m
    return None


_DATE = (
    r"(?:(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>\d{4})"
    rf"|(?:(?P<d>\d{{1,2}})\s?)?(?:[.…_]+\s?)?{_THANG}\s?(?:(?P<m>\d{{1,2}})\s?)?(?:[.…_]+\s?)?{_NAM}\s?(?P<y>\d{{4}})"
    r"|[.…_]*\s?/\s?(?P<m>\d{1,2})\s?/\s?(?P<y>\d{4}))"
    r"(?!\d)"
)
_DATE_AFTER = regex.compile(rf"\s?,?\s?(?:ban hành\s)?{_NGAY}\s?{_DATE}")
_YEAR_AFTER = regex.compile(rf"\s{_NAM}\s(?P<y>\d{{4}})(?!\d)")
_NUMBER_AFTER = regex.compile(rf"\s{_SO}\s?{_NUMSYM}")
_CONT = regex.compile(rf"(?:\s?,\s?{_VA}\s|\s?,\s?|\s{_VA}\s)(?:{_SO}\s)?{_NUMSYM}")
_ISSUER_AFTER = regex.compile(rf"\s?,?\s{_CUA}\s(?P<tail>[^;:()\[\]\"“”\n]{{1,160}})")
_NUMSYM_RE = regex.compile(_NUMSYM)
_NO_CUA_ISSUER = regex.compile(
    r"\s(?P<iss>Thủ tướng Chính phủ|Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|Bộ Chính trị|Ban Bí thư)"
    r"(?=\s(?:về|quy định|ban hành|hướng dẫn|phê duyệt|sửa đổi)(?!\p{L})|\s?[;,.]|\s?$)"
)
_HEADER_NO = regex.compile(r"(?:^|\s)(?:Số|SỐ|số)\s?:\s?$")
_PLURAL = regex.compile(r"(?:các|những|CÁC|NHỮNG|Các|Những)\s$")
_WORD = regex.compile(r"[^\s]+")
_SPACES = regex.compile(r"\s+")
_SYM_SPLIT = regex.compile(r"[-–/]")
_SO_END = regex.compile(rf"{_SO}\s$")
_LIST_GAP = regex.compile(r"\s?,?\s?(?:và|VÀ)?\s?")
_COMMA_NAMES_RE = regex.compile("|".join(regex.escape(n) for n in sorted(_COMMA_NAMES, key=len, reverse=True)))


def _codes() -> dict[str, set[str]]:
    by_code: dict[str, set[str]] = {}
    for t in vocab.doc_types():
        if t["code"]:
            by_code.setdefault(t["code"].upper(), set()).add(t["name"])
    return by_code


_NAMES_BY_CODE = _codes()

# Words that end an issuer (lower-case forms; compared on lower-case text).
_STOP1 = frozenset(
    "về tại nhằm để theo trong đối với cho là đã được sẽ thì mà khi này đó trên số ngày kèm gửi "
    "v/v vv giao nay và hoặc như tới đến sau trước từ".split()
)
_RUN_ON = ("về", "tại", "nhằm", "theo", "quy định", "ban hành")
_STOP2 = frozenset(
    [
        "ban hành", "quy định", "phê duyệt", "hướng dẫn", "triển khai", "thực hiện", "sửa đổi",
        "bổ sung", "tổ chức", "điều chỉnh", "thông qua", "chỉ đạo", "thành lập", "kiện toàn",
        "tuyên truyền", "đề nghị", "công bố", "bãi bỏ", "tăng cường", "đẩy mạnh", "xây dựng",
        "phân công", "chấp thuận", "cho phép", "giải quyết", "quản lý", "quyết định", "kết luận",
        "thông báo", "báo cáo", "đề ra", "nêu rõ", "yêu cầu", "đánh giá", "tổng kết", "sơ kết",
        "phân bổ", "công nhận", "bố trí", "bảo đảm", "đảm bảo", "khuyến khích", "tiếp tục", "thí điểm",
        "thống nhất", "nâng cao", "hỗ trợ", "ủy quyền", "uỷ quyền", "giao nhiệm", "kéo dài", "áp dụng",
    ]
)


# --------------------------------------------------------------------------- helpers


@lru_cache(maxsize=512)
def canonical_type(printed: str) -> str:
    """The canonical name of a printed type (``KẾ HOẠCH`` → ``Kế hoạch``)."""
    k = key(printed)
    if k in _TYPE_ALIASES:
        return _TYPE_ALIASES[k]
    return vocab.canonical_type(printed) or printed


def _date_from(m: regex.Match[str]) -> PartialDate:
    def num(name: str) -> int | None:
        v = m.group(name)
        return int(v) if v else None

    return PartialDate(year=num("y"), month=num("m"), day=num("d"))


def _is_upper(s: str) -> bool:
    return s.upper() == s and any(c.isalpha() for c in s)


def _issuer(tail: str) -> str | None:
    """The issuer at the start of ``tail`` (the text after ``của``), or ``None``."""
    if not tail or not tail[0].isupper():
        return None
    upper = _is_upper(tail[: min(len(tail), 40)])
    m = _COMMA_NAMES_RE.match(tail)
    pos = m.end() if m else 0
    words = []
    for w in _WORD.finditer(tail, pos):
        words.append((w.start(), w.group()))
        if len(words) > 17:
            break
    end = pos
    taken = 1 if m else 0
    for k, (ws, w) in enumerate(words):
        bare = w.rstrip(",.;:!?…")
        if not bare:
            break
        low = bare.lower()
        nxt = words[k + 1][1] if k + 1 < len(words) else ""
        if taken:
            if "/" in bare:
                break  # "V/v", "b/c": never part of a name
            if low == "và":
                if not nxt[:1].isupper():
                    break  # "của Chính phủ và các …"
            elif (upper or bare[0].islower()) and (
                low in _STOP1
                or f"{low} {nxt.rstrip(',.;:').lower()}" in _STOP2
                or (len(low) > 4 and low.startswith(_RUN_ON))  # "vềviệc": words run together
            ):
                break
        end = ws + len(bare)
        taken += 1
        if len(bare) < len(w) and not (w.endswith(".") and bare in ("TP", "Tp", "TX", "Tx")):
            break
        if taken >= 16:
            break
    issuer = tail[:end].strip()
    return issuer or None


# --------------------------------------------------------------------------- number and symbol


class NumberSymbol:
    """A number and symbol as printed, split into its parts (for the malformed-symbol check)."""

    __slots__ = ("number", "sep", "year", "symbol", "party", "raw")

    def __init__(self, number: str, sep: str, year: str | None, symbol: str, raw: str) -> None:
        self.number = number
        self.sep = sep
        self.year = year
        self.symbol = symbol
        self.raw = raw
        self.party = _is_party(sep, symbol)

    @property
    def compact_symbol(self) -> str:
        return _SPACES.sub("", self.symbol).replace("–", "-")

    @property
    def type_code(self) -> str | None:
        """The first part of the symbol (state: ``KH`` of ``KH-UBND``; Party: ``CT`` of ``CT/TW``)."""
        first = _SYM_SPLIT.split(self.compact_symbol, maxsplit=1)[0]
        return first or None

    @property
    def issuer_code(self) -> str | None:
        parts = _SYM_SPLIT.split(self.compact_symbol)
        return parts[-1] if len(parts) > 1 else None


def _is_party(sep: str, symbol: str) -> bool:
    compact = _SPACES.sub("", symbol)
    parts = _SYM_SPLIT.split(compact)
    if sep.strip() in ("-", "–") and "/" in compact:
        return True
    return len(parts) > 1 and parts[-1].upper() in PARTY_ISSUERS


def parse_number_symbol(text: str) -> NumberSymbol | None:
    """The first number/symbol in ``text`` (``14/KH-UBND``, ``37-CT/TW``, ``123/2015/NĐ-CP``)."""
    m = _NUMSYM_RE.search(text)
    if not m:
        return None
    return NumberSymbol(m.group("num"), m.group("sep1"), m.group("year"), m.group("sym"), m.group(0))


def document_key(c: Citation) -> tuple[str, ...] | None:
    """What identifies the cited document: number, year and symbol, or the name of a law or project."""
    if c.name and c.doc_type in _PROJECT_TYPES:
        return ("name", key(c.name))  # "Đề án 06/CP" and a later "Đề án 06"
    if c.number and c.symbol:
        year = ""
        if c.symbol and c.year and f"/{c.year}/" in c.text:
            year = str(c.year)
        return ("no", c.number.lstrip("0") or "0", year, c.symbol.casefold().replace("–", "-"))
    if c.name:
        return ("name", key(c.name))
    return None


# --------------------------------------------------------------------------- extraction


class _Raw:
    """A citation being built (mutable) before it becomes a frozen Citation."""

    __slots__ = ("block", "start", "end", "doc_type", "number", "year", "symbol", "date", "issuer",
                 "party", "name", "kind", "list_id", "anaphor", "year_in_number")

    def __init__(self, block: int, start: int, end: int, doc_type: str | None) -> None:
        self.block, self.start, self.end, self.doc_type = block, start, end, doc_type
        self.number: str | None = None
        self.year: int | None = None
        self.symbol: str | None = None
        self.date: PartialDate | None = None
        self.issuer: str | None = None
        self.party = False
        self.name: str | None = None
        self.kind = "full"
        self.list_id: int | None = None
        self.anaphor: str | None = None
        self.year_in_number = False

    def set_numsym(self, m: regex.Match[str]) -> None:
        self.number = m.group("num")
        sym = m.group("sym")
        self.symbol = _SPACES.sub("", sym).replace("–", "-")
        y = m.group("year")
        if y:
            self.year = int(y)
            self.year_in_number = True
        self.party = _is_party(m.group("sep1"), sym)


def _bare_type(sym: str, sep: str) -> str | None:
    """The type a bare symbol names through its code (``NĐ-CP`` → Nghị định), if it is known."""
    code = _SYM_SPLIT.split(sym, maxsplit=1)[0].upper()
    names = _NAMES_BY_CODE.get(code)
    if not names:
        return None
    if len(names) == 1:
        return next(iter(names))
    # QĐ: Quyết định (state) or Quy định (Party); TT: Thông tư (state) or Thông tri (Party)
    party = _is_party(sep, sym)
    for t in vocab.doc_types():
        if t["code"] and t["code"].upper() == code and (t["group"] == "party") == party:
            return str(t["name"])
    return sorted(names)[0]


def _scan_block(text: str, bi: int, out: list[_Raw], list_counter: list[int],
                triggers: list[tuple[int, str]] | None = None) -> None:
    pos = 0
    n = len(text)
    while pos < n:
        m = _next_match(text, pos, triggers)
        if not m:
            return
        start = m.start()
        if m.group("type") is not None:
            if _HEADER_NO.search(text, 0, start) and start < 12:
                pos = m.end()
                continue
            items = [_Raw(bi, start, m.end(), canonical_type(m.group("type")))]
            items[0].set_numsym(m)
            _after_item(text, items[0])
            end = items[0].end
            # more numbers of the same type: "số 01/NQ-CP và 02/NQ-CP"
            while True:
                c = _CONT.match(text, end)
                if not c:
                    break
                r = _Raw(bi, _cont_start(text, c), c.end(), items[0].doc_type)
                r.set_numsym(c)
                _after_item(text, r)
                items.append(r)
                end = r.end
            if len(items) > 1:
                list_counter[0] += 1
                for r in items:
                    r.list_id = list_counter[0]
                # a date printed once after the last number belongs to every number before it
                last_date = items[-1].date
                if last_date is not None:
                    for r in items[:-1]:
                        if r.date is None:
                            r.date = last_date
            issuer, iend = _issuer_at(text, end, triggers)
            if issuer:
                items[-1].issuer = issuer
                items[-1].end = iend
                for r in items[:-1]:
                    r.issuer = r.issuer or issuer
                d = _DATE_AFTER.match(text, iend)  # "… của UBND tỉnh ngày 21/01/2024"
                if d and items[-1].date is None:
                    items[-1].date = _date_from(d)
                    items[-1].end = d.end()
            elif items[-1].date is not None:
                # "của" left out after a date: only the national bodies, before a stop word
                nc = _NO_CUA_ISSUER.match(text, end)
                if nc:
                    for r in items:
                        r.issuer = r.issuer or nc.group("iss")
                    items[-1].end = nc.end("iss")
            for r in items:
                if r.year is None and r.date is not None:
                    r.year = r.date.year
                if r.doc_type in _PROJECT_TYPES and r.symbol and "-" not in r.symbol and not r.party:
                    r.name = f"{r.doc_type} {r.number}"
            out.extend(items)
            pos = items[-1].end
        elif m.group("atype") is not None:
            if _PLURAL.search(text, max(0, start - 8), start):
                pos = m.end()
                continue
            r = _Raw(bi, start, m.end(), canonical_type(m.group("atype")))
            ana = m.group("ana").lower()
            r.anaphor = "self" if ana == "này" else "previous"
            r.kind = "self" if ana == "này" else "short"
            out.append(r)
            pos = m.end()
        elif m.group("ltype") is not None:
            if not m.group("lname").strip() and canonical_type(m.group("ltype")) != "Hiến pháp":
                pos = m.end()
                continue
            r = _Raw(bi, start, m.end(), canonical_type(m.group("ltype")))
            r.name = text[start : m.end()].rstrip(",")
            _law_tail(text, r)
            out.append(r)
            pos = r.end
        elif m.group("ptype") is not None:
            r = _Raw(bi, start, m.end(), canonical_type(m.group("ptype")))
            r.number = m.group("pnum")
            r.name = f"{r.doc_type} {r.number}"
            out.append(r)
            pos = m.end()
        else:  # bare number/symbol
            if _HEADER_NO.search(text, 0, start) and start < 12:
                pos = m.end()
                continue
            doc_type = _bare_type(m.group("bsym"), m.group("bsep"))
            sym = m.group("bsym")
            if doc_type is None or (m.group("bsep") == "-" and "/" not in sym):
                pos = m.start() + 1 if m.end() == m.start() else m.end()
                continue
            r = _Raw(bi, start, m.end(), doc_type)
            r.number = m.group("bnum")
            r.symbol = sym
            if m.group("byear"):
                r.year = int(m.group("byear"))
                r.year_in_number = True
            r.party = _is_party(m.group("bsep"), sym)
            _after_item(text, r)
            issuer, iend = _issuer_at(text, r.end, triggers)
            if issuer:
                r.issuer, r.end = issuer, iend
            if r.year is None and r.date is not None:
                r.year = r.date.year
            out.append(r)
            pos = r.end


def _cont_start(text: str, c: regex.Match[str]) -> int:
    """Start of a list item: the "số" before the number if printed, else the number."""
    s = c.start("num")
    pre = text[c.start() : s]
    so = _SO_END.search(pre)
    return c.start() + so.start() if so else s


def _after_item(text: str, r: _Raw) -> None:
    d = _DATE_AFTER.match(text, r.end)
    if d:
        r.date = _date_from(d)
        r.end = d.end()


def _issuer_at(text: str, pos: int, triggers: list[tuple[int, str]] | None = None) -> tuple[str | None, int]:
    im = _ISSUER_AFTER.match(text, pos)
    if not im:
        return None, pos
    tail_start = im.start("tail")
    tail = im.group("tail")
    # the issuer never runs into the next citation
    nxt = _next_match(text, tail_start, triggers)
    if nxt is not None and nxt.start() < im.end():
        tail = text[tail_start : nxt.start()]
    issuer = _issuer(tail)
    if not issuer:
        return None, pos
    return issuer, tail_start + len(issuer)


def _law_tail(text: str, r: _Raw) -> None:
    d = _DATE_AFTER.match(text, r.end)
    if d:
        r.date = _date_from(d)
        r.year = r.date.year
        r.end = d.end()
        return
    y = _YEAR_AFTER.match(text, r.end)
    if y:
        r.year = int(y.group("y"))
        r.end = y.end()
    nm = _NUMBER_AFTER.match(text, r.end)
    if nm:
        r.set_numsym(nm)
        r.end = nm.end()
        _after_item(text, r)
        if r.date and r.year is None:
            r.year = r.date.year


def _propagate_issuers(raws: list[_Raw], texts: dict[int, str]) -> None:
    """A list of same-type citations with one issuer after the last: "KH số 1…, KH số 2… của UBND"."""
    for k in range(len(raws) - 1, 0, -1):
        cur, prev = raws[k], raws[k - 1]
        if cur.block != prev.block or not cur.issuer or prev.issuer or prev.number is None:
            continue
        if cur.doc_type != prev.doc_type or cur.anaphor or prev.anaphor:
            continue
        gap = texts[cur.block][prev.end : cur.start]
        if _LIST_GAP.fullmatch(gap) and gap.strip() in (",", "và", "VÀ", ", và", ",và", ""):
            prev.issuer = cur.issuer


def extract_citations(
    doc: SourceDocument,
    blocks: Iterable[int] | None = None,
    *,
    own: Header | None = None,
) -> tuple[Citation, ...]:
    """Every citation in the given blocks (default: every non-artifact block), grouped by document.

    ``own`` is the plan's header: a citation of its own number and symbol, and
    ``<own type> này``, are ``kind="self"``.
    """
    indices = range(len(doc.blocks)) if blocks is None else sorted(set(blocks))
    raws: list[_Raw] = []
    texts: dict[int, str] = {}
    counter = [0]
    for bi in indices:
        b = doc.blocks[bi]
        if b.kind != "artifact" and b.text:
            texts[bi] = b.text
    # one trigger scan over all blocks joined, then each block with a trigger is read
    order = list(texts)
    starts: list[int] = []
    k = 0
    for bi in order:
        starts.append(k)
        k += len(texts[bi]) + 1
    by_block: dict[int, list[tuple[int, str]]] = {}
    for pos, kind in _triggers(_SEP.join(texts[bi] for bi in order)):
        j = bisect_right(starts, pos) - 1
        by_block.setdefault(order[j], []).append((pos - starts[j], kind))
    for bi in order:
        if bi in by_block:
            _scan_block(texts[bi], bi, raws, counter, by_block[bi])
    _propagate_issuers(raws, texts)
    raws = _law_short_forms(raws, texts)
    return _finish(raws, texts, own)


def _law_short_forms(raws: list[_Raw], texts: dict[int, str]) -> list[_Raw]:
    """Later mentions of a law cited by name (``Luật Hộ tịch`` after ``Luật Hộ tịch năm 2014``)."""
    names = {r.name: r for r in raws if r.name and r.doc_type in _LAW_TYPES and r.kind == "full"}
    if not names:
        return raws
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\p{L})"
    )
    taken: dict[int, list[tuple[int, int]]] = {}
    for r in raws:
        taken.setdefault(r.block, []).append((r.start, r.end))
    extra: list[_Raw] = []
    for bi, text in texts.items():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken.get(bi, ())):
                continue
            first = names[m.group()]
            if (bi, m.start()) <= (first.block, first.start):
                continue  # only later mentions are short forms
            r = _Raw(bi, m.start(), m.end(), first.doc_type)
            r.name = m.group()
            extra.append(r)
    if not extra:
        return raws
    return sorted([*raws, *extra], key=lambda r: (r.block, r.start))


def _own_key(own: Header | None) -> tuple[str, ...] | None:
    if own is None or not own.number or not own.symbol:
        return None
    sym = own.symbol.casefold().replace("–", "-")
    ns = parse_number_symbol(f"{own.number}/{own.symbol}")
    year = ns.year if ns and ns.year else ""
    return ("no", own.number.lstrip("0") or "0", year or "", sym)


def _finish(raws: list[_Raw], texts: dict[int, str], own: Header | None) -> tuple[Citation, ...]:
    own_key = _own_key(own)
    own_type = canonical_type(own.doc_type) if own is not None and own.doc_type else None
    first_of: dict[tuple[str, ...], int] = {}
    out: list[Citation] = []
    first_self: int | None = None
    for i, r in enumerate(raws):
        text = texts[r.block][r.start : r.end]
        group: int | None
        kind = r.kind
        if r.anaphor == "self":
            group = first_self if first_self is not None else i
            first_self = group
        elif r.anaphor == "previous":
            group = None
            for j in range(len(out) - 1, -1, -1):
                p = out[j]
                if p.doc_type == r.doc_type and p.kind != "self":
                    group = p.group if p.group is not None else j
                    break
        else:
            k = _raw_key(r, text)
            if k is not None and own_key is not None and _same_number(k, own_key) and (
                own_type is None or r.doc_type == own_type
            ):
                kind = "self"
                group = first_self if first_self is not None else i
                first_self = group
            elif k is None:
                group = i
            else:
                k2 = _loose(k)
                if k2 in first_of:
                    group = first_of[k2]
                    dated = r.date is not None and r.date.year is not None
                    kind = "full" if dated or (r.name is not None and r.year is not None) else "short"
                else:
                    first_of[k2] = i
                    group = i
        out.append(
            Citation(
                text=text, span=Span(r.block, r.start, r.end), doc_type=r.doc_type, number=r.number, year=r.year,
                symbol=r.symbol, date=r.date, issuer=r.issuer, party=r.party, name=r.name, group=group, kind=kind,
            )
        )
    return tuple(out)


def _raw_key(r: _Raw, text: str) -> tuple[str, ...] | None:
    """:func:`document_key` of a citation being built."""
    return document_key(Citation(text=text, span=Span(r.block, r.start, r.end), doc_type=r.doc_type,
                                 number=r.number, year=r.year, symbol=r.symbol, name=r.name))


def _loose(k: tuple[str, ...]) -> tuple[str, ...]:
    """A key that ignores whether the year inside the number was printed (rarely it is dropped)."""
    if k[0] == "no":
        return ("no", k[1], k[3])
    return k


def _same_number(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return _loose(a) == _loose(b)


def citations_in_text(text: str, *, own: Header | None = None) -> tuple[Citation, ...]:
    """Citations in one string taken as a single block (spans index into ``text`` itself)."""
    from vnplan.model import Block

    doc = SourceDocument(blocks=(Block(index=0, text=text),))
    return extract_citations(doc, own=own)
