"""Form rules of Decree 30/2020/NĐ-CP (thể thức văn bản): F101–F108 and F112, on the parsed header and closing.

The expected texts, codes, signature forms and collective bodies are data
(``vnplan/vocab/decree30.json``, ``doc_types.json``); the functions here only compare.
Every rule is in force from the Decree's date (05/3/2020): a document dated earlier falls
under Thông tư 01/2011/TT-BNV, which vnplan does not check yet.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator
from functools import wraps

import vnplan.vocab as vocab
from vnplan.model import Plan, Span
from vnplan.parse.header import DATE_WORDS_RE
from vnplan.parse.header.runs import split_run
from vnplan.pattern import guarded
from vnplan.rules.registry import Context, Example, Hit, rule
from vnplan.text import is_upper_text, normalize
from vnplan.vocab.patterns import longest_first

ND30 = "Nghị định 30/2020/NĐ-CP"


def _since(key: str = "decree30") -> _dt.date:
    return _dt.date.fromisoformat(vocab.decree30().in_force[key].since)


SINCE = _since()


# --------------------------------------------------------------------------- scope


_last_party: tuple[Plan, bool] | None = None  # one entry: each Decree 30 rule of a check asks of the same plan


def is_party_document(plan: Plan) -> bool:
    """A Party document (``ĐẢNG CỘNG SẢN VIỆT NAM`` heads it instead of the Quốc hiệu): outside Decree 30.

    Answered once per plan (a plan never changes): every rule of the Decree asks it. Thread-safe: the
    cache is one tuple read and written whole; a miss only costs the answer again.
    """
    global _last_party
    last = _last_party
    if last is not None and last[0] is plan:
        return last[1]
    markers = set(vocab.decree30().scope.party_markers)
    names = [plan.header.parent_authority, plan.header.authority]
    if plan.source is not None:  # each header line, cut where a flattened line runs parts together
        for text in (plan.span_text(s) for s in plan.header.spans):
            upper = normalize(text).upper()
            if upper in markers:
                names.append(text)
            elif any(m in upper for m in markers):  # only a line holding a marker is worth cutting
                names.extend(text[a:z] for a, z in split_run(text, 0, len(text)))
    party = any(n and normalize(n).upper() in markers for n in names)
    _last_party = (plan, party)
    return party


def in_scope(func: Callable[[Context], Iterator[Hit]]) -> Callable[[Context], Iterator[Hit]]:
    """Run a Decree 30 rule only on documents the Decree governs (Điều 2): not on Party documents."""

    @wraps(func)
    def wrapper(ctx: Context) -> Iterator[Hit]:
        if is_party_document(ctx.plan):
            return iter(())
        return func(ctx)

    return wrapper


# --------------------------------------------------------------------------- anchors


def _first_anchor(plan: Plan) -> Span | None:
    """Where a missing header element belongs: the start of the document."""
    if plan.header.spans:
        s = min(plan.header.spans)
        return Span(s.block, 0, 0)
    if plan.source is None:
        return None
    for b in plan.source.blocks:
        if b.kind != "artifact" and b.text.strip():
            return Span(b.index, 0, 0)
    return None


def _end_anchor(plan: Plan) -> Span | None:
    """Where a missing closing element belongs: after the body."""
    candidates = [s for s in (plan.body_end, plan.recipients_heading) if s is not None]
    if plan.signature is not None and plan.signature.span is not None:
        candidates.append(plan.signature.span)
    if candidates:
        s = max(candidates, key=lambda s: (s.block, s.end))
        return Span(s.block, s.end, s.end)
    return _first_anchor(plan)


# --------------------------------------------------------------------------- F101


def _motto_key(text: str) -> str:
    t = normalize(text)
    for dash in vocab.decree30().motto_dashes:
        t = t.replace(f" {dash} ", " - ")
    return t


@rule(
    "F101",
    "error",
    name="national-name-motto",
    part="header",
    vi="Quốc hiệu hoặc Tiêu ngữ thiếu hoặc viết sai.",
    en="The national name or motto is missing or misspelt.",
    source=f"{ND30}, Phụ lục I, mục II.1",
    since=SINCE,
    variants_vi={
        "name_missing": "Thiếu Quốc hiệu “{expected}”.",
        "name_wrong": "Quốc hiệu viết sai: “{found}”; phải là “{expected}” (chữ in hoa).",
        "motto_missing": "Thiếu Tiêu ngữ “{expected}”.",
        "motto_wrong": "Tiêu ngữ viết sai: “{found}”; phải là “{expected}” (viết hoa chữ cái đầu mỗi cụm từ, "
                       "giữa các cụm từ có gạch nối và cách chữ).",
    },
    variants_en={
        "name_missing": "The national name “{expected}” is missing.",
        "name_wrong": "The national name is misspelt: “{found}”; it must read “{expected}” (capitals).",
        "motto_missing": "The motto “{expected}” is missing.",
        "motto_wrong": "The motto is misspelt: “{found}”; it must read “{expected}” (each phrase capitalised, "
                       "phrases joined by a spaced hyphen).",
    },
    examples=("Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập-Tự do-Hạnh phúc",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
)
@in_scope
def national_name_motto(ctx: Context) -> Iterator[Hit]:
    """Quốc hiệu and Tiêu ngữ present and spelt exactly (old tone placement *HOÀ* is accepted)."""
    h = ctx.plan.header
    name, motto = vocab.decree30().national_name, vocab.decree30().motto
    if h.national_name_text is None:
        yield Hit(_first_anchor(ctx.plan), {"expected": name}, variant="name_missing", fix=name)
    elif normalize(h.national_name_text.text) != name:
        yield Hit(h.national_name_text.span, {"found": h.national_name_text.text, "expected": name},
                  variant="name_wrong", fix=name)
    if h.motto_text is None:
        yield Hit(_first_anchor(ctx.plan), {"expected": motto}, variant="motto_missing", fix=motto)
    elif _motto_key(h.motto_text.text) != motto:
        yield Hit(h.motto_text.span, {"found": h.motto_text.text, "expected": motto}, variant="motto_wrong", fix=motto)


# --------------------------------------------------------------------------- F102


def is_department(authority: str) -> bool:
    """A department of a people's committee (Sở, Phòng, Chi cục, Văn phòng…), which must show its parent."""
    t = normalize(authority).upper() + " "
    return t.startswith(tuple(vocab.decree30().department_heads))


def _parent_fix(authority: str, place: str | None) -> str | None:
    """``UBND TỈNH BẮC GIANG`` for a Sở whose place is Bắc Giang; None where a guess would be unsafe."""
    if not place or not normalize(authority).upper().startswith("SỞ "):
        return None
    p = normalize(place)
    if p.upper().startswith("THÀNH PHỐ "):
        p = p[len("Thành phố "):]
    unit = "THÀNH PHỐ" if p in vocab.places().centrally_run_cities else "TỈNH"
    return f"UBND {unit} {p.upper()}"


@rule(
    "F102",
    "error",
    name="issuing-authority",
    part="header",
    vi="Tên cơ quan ban hành hoặc cơ quan chủ quản thiếu.",
    en="The issuing or parent authority is missing.",
    source=f"{ND30}, Phụ lục I, mục II.2",
    since=SINCE,
    variants_vi={
        "missing": "Thiếu tên cơ quan, tổ chức ban hành văn bản (góc trên bên trái, chữ in hoa).",
        "no_parent": "“{authority}” là cơ quan chuyên môn: phải ghi tên cơ quan chủ quản trực tiếp phía trên "
                     "(ví dụ “UBND TỈNH …”).",
    },
    variants_en={
        "missing": "The issuing authority's name is missing (top left, in capitals).",
        "no_parent": "“{authority}” is a department: its direct parent body must be named above it "
                     "(e.g. “UBND TỈNH …”).",
    },
    examples=("SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 05/KH-KHCN",
              "UBND TỈNH BẮC GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 05/KH-KHCN"),
)
@in_scope
def issuing_authority(ctx: Context) -> Iterator[Hit]:
    """The issuer is named; a department (Sở, Phòng…) shows its parent body above it."""
    h = ctx.plan.header
    if not h.authority:
        yield Hit(_first_anchor(ctx.plan), variant="missing")
        return
    if not h.parent_authority and is_department(h.authority):
        fix = _parent_fix(h.authority, h.place)
        yield Hit(h.authority_span, {"authority": h.authority}, variant="no_parent",
                  fix=f"{fix}\n{h.authority}" if fix else None)


# --------------------------------------------------------------------------- F103

_NUMBER_PARTS_RE = guarded(
    r"^(?P<word>\S+?)\s*(?P<colon>[:.]?)\s*(?P<num>[0-9]*[A-Za-z]?)\s*(?:[.…_]+\s*)?/\s*(?P<sym>.*?)\s*$"
)
_SEP_SPACES_RE = guarded(r"\s*([/\-–])\s*")
_SEP_SPLIT = guarded(r"\s*[/\-–]\s*")
_SEP_KEPT = guarded(r"([/-])")
_SPACED_SEP = guarded(r"\s[/\-–]|[/\-–]\s|–")
_LETTER = guarded(r"\p{L}")
_TYPE_CODE = guarded(r"^(?:\d{4}\s*/\s*)?(?P<code>[^\s/\-–]+)")


def _codes() -> set[str]:
    return {code for code, _ in vocab.types_with_code()}


_YEAR_RE = guarded(r"^\d{4}/")


def _fix_symbol(sym: str) -> str:
    sym = _SEP_SPACES_RE.sub(lambda m: "-" if m.group(1) == "–" else m.group(1), sym)
    year = _YEAR_RE.match(sym)
    head = year.group(0) if year else ""
    sym = head + sym[len(head):].replace("/", "-")
    groups = _SEP_KEPT.split(sym)
    codes = _codes()
    return "".join(g if g in codes or g in "/-" else g.upper() for g in groups)


def number_line(number: str | None, symbol: str) -> str:
    """The correct ``Số: 05/KH-UBND`` line (two digits at least; a blank number stays blank)."""
    if number and number.isdigit():
        number = number.zfill(2)
    return f"Số: {number or ''}/{_fix_symbol(symbol)}"


@rule(
    "F103",
    "error",
    name="number-symbol",
    part="header",
    vi="Dòng “Số:” thiếu hoặc sai quy cách.",
    en="The “Số:” line is missing or malformed.",
    source=f"{ND30}, Phụ lục I, mục II.3",
    since=SINCE,
    variants_vi={
        "missing": "Thiếu số, ký hiệu văn bản (dòng “Số: …/…-…”).",
        "blank": "Số văn bản để trống: dự thảo chưa được cấp số.",
        "word": "Từ “Số” phải viết chữ in thường, sau có dấu hai chấm: “{found}”.",
        "separators": "Giữa số và ký hiệu có dấu gạch chéo (/), giữa các nhóm chữ của ký hiệu có dấu gạch nối (-), "
                  "không cách chữ: “{found}”.",
        "zero": "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: “{found}”.",
        "digits": "Số văn bản phải ghi bằng chữ số Ả Rập: “{number}”.",
        "symbol_case": "Ký hiệu văn bản phải viết chữ in hoa: “{symbol}”.",
        "no_symbol": "Thiếu ký hiệu văn bản sau dấu “/”: “{found}”.",
    },
    variants_en={
        "missing": "The number and symbol line (“Số: …/…-…”) is missing.",
        "blank": "The number is blank: an unissued draft.",
        "word": "The word “Số” is written in lower case and followed by a colon: “{found}”.",
        "separators": "A slash (/) between number and symbol and hyphens (-) between symbol groups, without spaces: "
                  "“{found}”.",
        "zero": "A number below 10 takes a leading zero: “{found}”.",
        "digits": "The number is written in Arabic digits: “{number}”.",
        "symbol_case": "The symbol is written in capitals: “{symbol}”.",
        "no_symbol": "The symbol after “/” is missing: “{found}”.",
    },
    examples=("Số 5 / KH - UBND", "Số: 05/KH-UBND"),
)
@in_scope
def number_symbol(ctx: Context) -> Iterator[Hit]:
    """``Số: 05/KH-UBND``: lower-case word and colon, two-digit number, no spaces around / and -."""
    h = ctx.plan.header
    nt = h.number_text
    if nt is None:
        yield Hit(_first_anchor(ctx.plan), variant="missing")
        return
    m = _NUMBER_PARTS_RE.match(normalize(nt.text))
    if m is None:  # pragma: no cover - the parser only keeps lines of this shape
        return
    found, num, sym = nt.text, m.group("num"), m.group("sym")
    if not sym:
        yield Hit(nt.span, {"found": found}, variant="no_symbol")
        return
    fix = number_line(num or None, sym)
    if m.group("word") != vocab.decree30().number_word or m.group("colon") != ":":
        yield Hit(nt.span, {"found": found}, variant="word", fix=fix)
    slash = found.find("/")
    tail = found[slash:]  # "/KH-UBND": no space around / and -, hyphens not dashes
    spaced = bool(_SPACED_SEP.search(tail)) or (bool(num) and found[slash - 1].isspace())
    slashed = "/" in _YEAR_RE.sub("", sym)  # "KH/UBND": groups are joined by hyphens
    if spaced or slashed:
        yield Hit(nt.span, {"found": found}, variant="separators", fix=fix)
    if not num:
        yield Hit(nt.span, variant="blank", severity="info")
    elif not num.isdigit():
        yield Hit(nt.span, {"number": num}, variant="digits")
    elif len(num) == 1:
        yield Hit(nt.span, {"found": found}, variant="zero", fix=fix)
    codes = _codes()
    groups = [g for g in _SEP_SPLIT.split(sym) if g]
    if any(not is_upper_text(g) and g not in codes and _LETTER.search(g) for g in groups):
        yield Hit(nt.span, {"symbol": sym}, variant="symbol_case", fix=fix)


# --------------------------------------------------------------------------- F104


def _type_code_of(symbol: str) -> tuple[str, int] | None:
    """The type-code group of a symbol and its offset (``2024/KH-UBND`` → ``("KH", 5)``)."""
    m = _TYPE_CODE.match(symbol)
    return (m.group("code"), m.start("code")) if m else None


@rule(
    "F104",
    "error",
    name="type-code",
    part="header",
    vi="Chữ viết tắt tên loại trong ký hiệu không khớp với tên loại văn bản.",
    en="The type code in the symbol does not match the document type.",
    variants_vi={"mismatch": "Chữ viết tắt tên loại trong ký hiệu “{symbol}” là “{found}”, không khớp với tên loại "
                             "“{doc_type}” (phải là “{expected}”)."},
    variants_en={"mismatch": "The type code in symbol “{symbol}” is “{found}”, which does not match the document "
                             "type “{doc_type}” (expected “{expected}”)."},
    source=f"{ND30}, Phụ lục I, mục II.3.b; Phụ lục III, mục I",
    since=SINCE,
    examples=Example("Số: 05/QĐ-KHCN", "Số: 05/KH-KHCN", part="number"),
)
@in_scope
def type_code(ctx: Context) -> Iterator[Hit]:
    """The symbol opens with the Appendix III code of the document's type (Kế hoạch → KH)."""
    h = ctx.plan.header
    if not h.doc_type or not h.symbol or h.number_text is None:
        return
    expected = vocab.code_for(h.doc_type)
    got = _type_code_of(h.symbol)
    if expected is None or got is None:
        return
    code, _ = got
    if code == expected:
        return
    _, off = got
    fix = number_line(h.number, (f"{h.year}/" if h.year else "") + h.symbol[:off] + expected + h.symbol[off + len(code):])
    yield Hit(h.number_text.span,
              {"symbol": h.symbol, "found": code, "doc_type": h.doc_type, "expected": expected},
              variant="mismatch", fix=fix)


# --------------------------------------------------------------------------- F105

_NUMERIC_DATE_RE = guarded(r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})")
_UNIT_WORDS = vocab.places().unit_words()  # tỉnh, thành, phố, thị, xã…: lower case inside a place name


def _place_fixed(place: str) -> str:
    words = place.split()
    out = [w if (i > 0 and w.lower() in _UNIT_WORDS) or not w[:1].isalpha() else w[:1].upper() + w[1:]
           for i, w in enumerate(words)]
    return " ".join(out)


def date_line(place: str | None, day: int | None, month: int | None, year: int | None) -> str:
    """``Bắc Giang, ngày 05 tháng 02 năm 2024``: day below 10 and months 1–2 with a leading zero."""
    d = f"{day:02d}" if day is not None else "…"
    m = (f"{month:02d}" if month < 3 else str(month)) if month is not None else "…"
    y = str(year) if year is not None else "…"
    head = f"{_place_fixed(place)}, " if place else ""
    w = vocab.dates()
    return f"{head}{w.day} {d} {w.month} {m} {w.year} {y}"


@rule(
    "F105",
    "error",
    name="place-date",
    part="header",
    vi="Địa danh và thời gian ban hành thiếu hoặc sai quy cách.",
    en="The place and date line is missing or malformed.",
    source=f"{ND30}, Phụ lục I, mục II.4",
    since=SINCE,
    variants_vi={
        "missing": "Thiếu địa danh và thời gian ban hành văn bản (“…, ngày … tháng … năm …”).",
        "form": "Thời gian ban hành phải viết đầy đủ “ngày … tháng … năm …”: “{found}”.",
        "no_place": "Thiếu địa danh trước ngày tháng: “{found}”.",
        "place_case": "Các chữ cái đầu của địa danh phải viết hoa: “{place}”.",
        "comma": "Sau địa danh phải có dấu phẩy: “{found}”.",
        "impossible": "Ngày ban hành không có thật: ngày {day} tháng {month} năm {year}.",
        "zero": "Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước: “{found}”.",
        "blank": "Ngày ban hành còn để trống ({blank}): dự thảo chưa ký ban hành.",
    },
    variants_en={
        "missing": "The place and date of issue (“…, ngày … tháng … năm …”) are missing.",
        "form": "The date must be written out as “ngày … tháng … năm …”: “{found}”.",
        "no_place": "The place name before the date is missing: “{found}”.",
        "place_case": "Each word of the place name is capitalised: “{place}”.",
        "comma": "A comma follows the place name: “{found}”.",
        "impossible": "The date does not exist: day {day}, month {month}, year {year}.",
        "zero": "Days below 10 and months 1 and 2 take a leading zero: “{found}”.",
        "blank": "The date is left blank ({blank_en}): an unsigned draft.",
    },
    examples=("Bắc Giang ngày 5 tháng 2 năm 2024", "Bắc Giang, ngày 05 tháng 02 năm 2024"),
)
@in_scope
def place_date(ctx: Context) -> Iterator[Hit]:
    """``Bắc Giang, ngày 05 tháng 02 năm 2024``: place, comma, words, zeros, a real date; blanks are info."""
    h = ctx.plan.header
    dt = h.date_text
    if dt is None or h.date is None:
        yield Hit(_first_anchor(ctx.plan), variant="missing")
        return
    found = dt.text
    d = h.date
    fix = date_line(h.place, d.day, d.month, d.year)
    m = DATE_WORDS_RE.search(found)
    if m is None or m.group("ngay") != vocab.dates().day and h.place:
        yield Hit(dt.span, {"found": found}, variant="form", fix=fix if h.place else None)
        if m is None:
            return
    if not h.place:
        yield Hit(dt.span, {"found": found}, variant="no_place")
    else:
        if _place_fixed(h.place) != h.place:
            yield Hit(dt.span, {"place": h.place}, variant="place_case", fix=fix)
        if not m.group("comma"):
            yield Hit(dt.span, {"found": found}, variant="comma", fix=fix)
    w = vocab.dates()
    blank = [(vi, en) for vi, en, v in ((w.day, "day", d.day), (w.month, "month", d.month), (w.year, "year", d.year))
             if v is None]
    if blank:
        yield Hit(dt.span, {"blank": ", ".join(vi for vi, _ in blank), "blank_en": ", ".join(en for _, en in blank)},
                  variant="blank", severity="info")
    elif d.to_date() is None:
        yield Hit(dt.span, {"day": d.day, "month": d.month, "year": d.year}, variant="impossible")
        return
    ds, ms = m.group("d"), m.group("m")
    if (ds and d.day is not None and d.day < 10 and len(ds) < 2) or (
        ms and d.month is not None and d.month < 3 and len(ms) < 2
    ):
        yield Hit(dt.span, {"found": found}, variant="zero", fix=fix)


# --------------------------------------------------------------------------- F106


@rule(
    "F106",
    "error",
    name="type-title",
    part="header",
    vi="Thiếu tên loại hoặc trích yếu nội dung văn bản.",
    en="The document type name or its title (trích yếu) is missing.",
    source=f"{ND30}, Phụ lục I, mục II.5",
    since=SINCE,
    variants_vi={
        "no_type": "Thiếu tên loại văn bản (ví dụ “KẾ HOẠCH”, chữ in hoa, canh giữa).",
        "no_title": "Thiếu trích yếu nội dung văn bản ngay dưới tên loại “{doc_type}”.",
    },
    variants_en={
        "no_type": "The document type name (e.g. “KẾ HOẠCH”, in capitals, centred) is missing.",
        "no_title": "The title (trích yếu) under the type name “{doc_type}” is missing.",
    },
    examples=("Số: 05/KH-UBND\nTuyên truyền cải cách hành chính năm 2024",
              "Số: 05/KH-UBND\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024"),
)
@in_scope
def type_title(ctx: Context) -> Iterator[Hit]:
    """A type name (KẾ HOẠCH) and, under it, the title; the type is suggested from the symbol's code."""
    h = ctx.plan.header
    if h.doc_type_text is None:
        fix = None
        got = _type_code_of(h.symbol) if h.symbol else None
        if got is not None:
            names = vocab.names_for_code(got[0])
            fix = names[0].upper() if names else None
        where = h.number_text.span if h.number_text else (h.date_text.span if h.date_text else _first_anchor(ctx.plan))
        yield Hit(where, variant="no_type", fix=fix)
    elif not h.title:
        yield Hit(h.doc_type_text.span, {"doc_type": h.doc_type_text.text}, variant="no_title")


# --------------------------------------------------------------------------- F107

# the misspelt forms of signing authority (decree30.json): T/M, T.M, K/T…
_BAD_FORM_RE = guarded(
    rf"^(?P<form>{longest_first(vocab.decree30().signature_form_misspellings)})(?P<dot>\.?)\s+(?P<of>\S.*)$"
)


def _starts(text: str, prefixes: Iterable[str]) -> bool:
    """Whether ``text`` is one of ``prefixes`` or starts with one of them as whole words."""
    t = normalize(text).upper()
    return any(t == p.strip() or t.startswith(p.rstrip() + " ") for p in prefixes)


def _deputy(head: str) -> str:
    """The deputy's position for a head's: ``GIÁM ĐỐC`` → ``PHÓ GIÁM ĐỐC``, ``BỘ TRƯỞNG`` → ``THỨ TRƯỞNG``."""
    h = normalize(head).upper()
    return vocab.decree30().deputy_of.get(h, f"PHÓ {h}")


@rule(
    "F107",
    "error",
    name="signature",
    part="closing",
    vi="Phần chữ ký thiếu hoặc sai quy cách.",
    en="The signature block is missing or malformed.",
    source=f"{ND30}, Phụ lục I, mục II.7",
    since=SINCE,
    variants_vi={
        "missing": "Thiếu quyền hạn, chức vụ, họ tên của người ký.",
        "unknown_form": "Chữ viết tắt quyền hạn “{found}” không đúng: chỉ dùng “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.”.",
        "kt_deputy": "Ký thay (KT. {of}) thì người ký là cấp phó: chức vụ phải là “PHÓ …”, không phải “{position}”.",
        "tm_collective": "“TM.” chỉ ghi trước tên tập thể lãnh đạo hoặc cơ quan làm việc theo chế độ tập thể, "
                         "không ghi trước “{of}”.",
        "no_signer": "Thiếu họ và tên người ký.",
        "no_signer_draft": "Họ và tên người ký còn để trống: dự thảo chưa ký ban hành.",
    },
    variants_en={
        "missing": "The signer's authority, position and name are missing.",
        "unknown_form": "The authority form “{found}” is not one of “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.”.",
        "kt_deputy": "KT. {of} means a deputy signs: the position must be a deputy's (“PHÓ …”), not “{position}”.",
        "tm_collective": "“TM.” goes only before a collective body, not before “{of}”.",
        "no_signer": "The signer's name is missing.",
        "no_signer_draft": "The signer's name is left blank: an unsigned draft.",
    },
    examples=Example("KT. GIÁM ĐỐC\nGIÁM ĐỐC\n\nTriệu Ngọc Trung", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTriệu Ngọc Trung",
                     part="signature"),
)
@in_scope
def signature(ctx: Context) -> Iterator[Hit]:
    """A known authority form (TM./KT./TL./TUQ./Q.), KT. with a deputy, TM. for a collective, a name."""
    plan = ctx.plan
    sig = plan.signature
    if sig is None or not (sig.forms or sig.position or sig.signer):
        if sig is not None and sig.signer_placeholder is not None:
            # a blank form's "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ" / "Họ và tên": left to fill, as a draft's name
            yield Hit(sig.spans[-1], variant="no_signer_draft", severity="info")
        else:
            yield Hit(_end_anchor(plan), variant="missing")
        return
    known = vocab.decree30().signature_forms
    wrong = vocab.decree30().signature_form_misspellings
    for sp in sig.spans:  # the form lines too: ``T/M BAN THƯỜNG VỤ`` is read as TM. but printed wrong
        if plan.source is None:
            continue
        t = plan.span_text(sp)
        bm = _BAD_FORM_RE.match(t)
        if bm and is_upper_text(t) and f"{bm.group('form')}{bm.group('dot')}" not in known:
            right = wrong.get(bm.group("form"))
            yield Hit(sp, {"found": f"{bm.group('form')}{bm.group('dot')}"}, variant="unknown_form",
                      fix=f"{right} {bm.group('of')}" if right else None)
    for f in sig.forms:
        if f.form == "KT." and not (sig.position and _starts(sig.position, vocab.decree30().deputy_positions)):
            yield Hit(f.span, {"of": f.of, "position": sig.position or "—"}, variant="kt_deputy",
                      fix=_deputy(f.of) if sig.position is None or sig.position == f.of else None)
        if f.form == "TM." and not _starts(f.of, vocab.decree30().collective_bodies):
            yield Hit(f.span, {"of": f.of}, variant="tm_collective")
    if not sig.signer:
        last = sig.spans[-1] if sig.spans else sig.span
        where = Span(last.block, last.end, last.end) if last else _end_anchor(plan)
        if sig.signer_placeholder is not None:
            # a draft that marks where the name goes, like a blank number or day: info, not an error
            yield Hit(sig.spans[-1], variant="no_signer_draft", severity="info")
        else:
            yield Hit(where, variant="no_signer")


# --------------------------------------------------------------------------- F108

_DASHES = ("-", "–")


def recipient_line(body: str, last: bool) -> str:
    """``- Lãnh đạo Sở;`` (the last one ends with a full stop)."""
    return f"- {body}{'.' if last else ';'}"


_ENTRY_MARK = guarded(r"^[-–—+•*]\s*")


def _entry_body(text: str) -> str:
    t = text.strip()
    t = _ENTRY_MARK.sub("", t)
    return t.rstrip(" ;.,")


def _with_wrapped_lines(text: str, block: int, wrapped: dict[int, str]) -> str:
    """``text`` of an entry ending mid-way (with a comma or no mark) joined with the lines that
    carry it on in the blocks right after it."""
    while not text.endswith((";", ".")) and block + 1 in wrapped:
        block += 1
        text = f"{text} {wrapped[block]}"
    return text


@rule(
    "F108",
    "error",
    name="recipients",
    part="closing",
    vi="Phần nơi nhận thiếu hoặc sai quy cách.",
    en="The recipients block is missing or malformed.",
    source=f"{ND30}, Phụ lục I, mục II.9",
    since=SINCE,
    variants_vi={
        "missing": "Thiếu phần “Nơi nhận:”.",
        "heading": "Từ “Nơi nhận” viết chữ in thường, sau có dấu hai chấm: “{found}”.",
        "entry": "Mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu chấm phẩy (;), "
                 "dòng cuối cùng kết thúc bằng dấu chấm (.): “{found}”.",
        "no_archive": "Thiếu dòng lưu văn bản “- Lưu: VT, …” ở cuối nơi nhận.",
        "archive_vt": "Dòng lưu phải ghi “Lưu: VT, …” (Văn thư cơ quan trước, rồi đơn vị soạn thảo): “{found}”.",
        "archive_last": "Dòng “Lưu: VT, …” phải là dòng cuối cùng của nơi nhận.",
    },
    variants_en={
        "missing": "The recipients block (“Nơi nhận:”) is missing.",
        "heading": "The word “Nơi nhận” is written in lower case, followed by a colon: “{found}”.",
        "entry": "One recipient a line, opening with a hyphen (-) and ending with a semicolon (;), the last "
                 "with a full stop (.): “{found}”.",
        "no_archive": "The archive line “- Lưu: VT, …” is missing at the end of the recipients.",
        "archive_vt": "The archive line reads “Lưu: VT, …” (the records office first, then the drafting unit): "
                      "“{found}”.",
        "archive_last": "The “Lưu: VT, …” line must be the last recipient.",
    },
    examples=("Nơi nhận\n+ Lãnh đạo Sở,\n- Lưu VP", "Nơi nhận:\n- Lãnh đạo Sở;\n- Lưu: VT, VP."),
)
@in_scope
def recipients(ctx: Context) -> Iterator[Hit]:
    """``Nơi nhận:``, entries ``- …;``, the last ending ``.``, and a final ``- Lưu: VT, ….`` line."""
    plan = ctx.plan
    rs = plan.recipients
    if plan.recipients_heading is None and not rs:
        yield Hit(_end_anchor(plan), variant="missing")
        return
    if plan.recipients_heading is not None and plan.source is not None:
        found = plan.span_text(plan.recipients_heading).strip()
        if found != vocab.decree30().recipients_heading:
            yield Hit(plan.recipients_heading, {"found": found}, variant="heading", fix=vocab.decree30().recipients_heading)
    vt = vocab.decree30().archive_unit
    blocks_before: set[int] = set()  # blocks of the entries before this one (a set, not a rescan of them)
    # a line that holds the signature too is a two-column table row a copy flattened: its entries did
    # not share a line in the document
    flattened = {sp.block for sp in plan.signature.spans} if plan.signature is not None else set()
    # an entry wrapped onto a second line in small letters ("- Các bộ, cơ quan ngang bộ," /
    # "cơ quan thuộc Chính phủ;"): the parser keeps that line aside; the entry ends where it ends
    wrapped = {p.span.block: p.text.strip() for p in plan.other if p.text.strip()[:1].islower()}
    for k, r in enumerate(rs):
        last = k == len(rs) - 1
        body = _entry_body(r.text)
        if r.note and not r.archive:  # "- Báo Bắc Giang; (để đưa tin)" → "- Báo Bắc Giang (để đưa tin);"
            body = f"{r.name} ({r.note})"
        if r.archive:
            units = [u for u in r.archive_units if u]
            proper = "Lưu: " + ", ".join([vt, *[u for u in units if u != vt]]) if units else f"Lưu: {vt}"
            if not units or units[0] != vt or not body.startswith("Lưu:"):
                yield Hit(r.span, {"found": r.text}, variant="archive_vt", fix=recipient_line(proper, last))
                body = proper
            if not last:
                yield Hit(r.span, variant="archive_last")
        t = _with_wrapped_lines(r.text.strip(), r.span.block, wrapped)
        shared = r.span.block not in flattened and (r.span.block in blocks_before or (
            plan.recipients_heading is not None and r.span.block == plan.recipients_heading.block))
        blocks_before.add(r.span.block)
        if shared or not t.startswith(_DASHES) or not t.endswith("." if last else ";") or t.startswith(("--", "––")):
            yield Hit(r.span, {"found": r.text}, variant="entry", fix=recipient_line(body, last))
    if not any(r.archive for r in rs):
        end = rs[-1].span if rs else plan.recipients_heading
        where = Span(end.block, end.end, end.end) if end is not None else None
        yield Hit(where, variant="no_archive", fix=recipient_line(f"Lưu: {vt}", True))


# --------------------------------------------------------------------------- F112


def _without_end_marks(text: str) -> str:
    """``text`` without the full stops, slashes and spaces it ends with (a loop from the end: a
    pattern tried at every start of a long run of dots is quadratic)."""
    k = len(text)
    while k and (text[k - 1] in "./" or _SPACE.match(text, k - 1)):
        k -= 1
    return text[:k]


_SPACE = guarded(r"\s")


@rule(
    "F112",
    "warning",
    name="closing-mark",
    part="body",
    vi="Nội dung văn bản không kết thúc bằng dấu “./.”.",
    en="The body does not end with “./.”.",
    source=f"{ND30}, Phụ lục III, mục II (Mẫu 1.4: nội dung văn bản kết thúc bằng “./.”)",
    since=SINCE,
    examples=("3. Giao Văn phòng Sở theo dõi, tổng hợp kết quả.",
              "3. Giao Văn phòng Sở theo dõi, tổng hợp kết quả./."),
)
@in_scope
def closing_mark(ctx: Context) -> Iterator[Hit]:
    """The last body paragraph ends with ``./.``."""
    plan = ctx.plan
    if plan.closing is not None:
        return
    end = plan.body_end
    if end is None:
        return
    fix = None
    if plan.source is not None:
        last = plan.span_text(end).rstrip()
        fix = _without_end_marks(last) + "./."
    yield Hit(Span(end.block, end.end, end.end), fix=fix)
