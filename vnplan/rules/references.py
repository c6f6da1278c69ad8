"""Reference rules R201–R207: cited documents, abbreviations and internal references."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from functools import lru_cache

import vnplan.vocab as vocab
from vnplan.model import Citation, Plan
from vnplan.parse.abbreviations import initials_match, known_abbreviations
from vnplan.parse.citations import PARTY_ISSUERS, parse_number_symbol
from vnplan.pattern import guarded
from vnplan.rules.registry import Context, Example, Hit, rule
from vnplan.text import fold, key

_ND30_SYMBOL = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II.3 (số, ký hiệu của văn bản); Phụ lục III, mục I"


# --------------------------------------------------------------------------- helpers


def _codes_for(doc_type: str, party: bool) -> set[str]:
    """Type codes a symbol of this type may carry (upper case)."""
    group = [(code, t) for code, t in vocab.types_with_code() if t.name == doc_type]
    if not group:
        return set()
    chosen = [(code, t) for code, t in group if (t.group == "party") == party] or group
    return {code.upper() for code, _ in chosen}


_ALL_CODES = {code.upper() for code, _ in vocab.types_with_code()}


#: Abbreviations expanded when comparing issuers, folded (``vnplan/vocab/abbreviations.json``, uses ``issuer_key``).
_ISSUER_EXPAND = tuple((fold(e.abbr), fold(e.expansion)) for e in vocab.abbreviations().used_for("issuer_key"))


def _issuer_key(s: str) -> str:
    k = " " + fold(s) + " "
    for a, b in _ISSUER_EXPAND:
        k = k.replace(f" {a} ", f" {b} ")
    return " ".join(k.split())


def _issuers_conflict(a: str, b: str) -> bool:
    # spaces removed: extracted text runs words together ("CHÍNHPHỦ")
    ka, kb = _issuer_key(a).replace(" ", ""), _issuer_key(b).replace(" ", "")
    return not (ka in kb or kb in ka)


# --------------------------------------------------------------------------- R201


_HYPHENATED_SINCE = _dt.date.fromisoformat(vocab.decree30().in_force["hyphenated_symbols"].since)


def _older_style(c: Citation) -> bool:
    """A citation of a document issued before the hyphenated symbols and their type codes (May
    2005): its symbol (``2145/QĐ.UB``) is quoted as it was issued, not written to today's form. A
    document known by its year alone counts as older through that year."""
    d = c.date
    if d is not None and d.year and d.month and d.day:
        try:
            return _dt.date(d.year, d.month, d.day) < _HYPHENATED_SINCE
        except ValueError:
            pass
    year = c.year or (d.year if d is not None else None)
    return year is not None and year <= _HYPHENATED_SINCE.year


@rule(
    "R201",
    "error",
    name="type-code-mismatch",
    part="references",
    vi="Ký hiệu “{symbol}” mang mã loại “{code}” nhưng văn bản được viện dẫn là {doc_type} (mã đúng: {expected}).",
    en="Symbol “{symbol}” carries the type code “{code}” but the cited document is a {doc_type} (expected code: {expected}).",
    source=_ND30_SYMBOL,
    examples=("Kế hoạch số 02/QĐ-UBND ngày 11/01/2024", "Kế hoạch số 02/KH-UBND ngày 11/01/2024"),
)
def type_code_mismatch(ctx: Context) -> Iterator[Hit]:
    """The first part of a symbol is a known type code, but not the cited type's."""
    for c in ctx.plan.citations:
        if not (c.symbol and c.doc_type and c.number) or _older_style(c):
            continue
        ns = parse_number_symbol(c.text)
        if ns is None:
            continue
        code = (ns.type_code or "").upper()
        if code not in _ALL_CODES:
            continue  # Công văn and projects: the symbol starts with the issuer (SGDĐT-KHTC, 06/CP)
        expected = _codes_for(c.doc_type, c.party)
        if not expected or code in expected:
            continue
        exp = sorted(expected)[0]
        orig = ns.type_code or ""
        right = {code.upper(): code for code, _ in vocab.types_with_code()}.get(exp, exp)
        fix = c.text.replace(f"/{orig}", f"/{right}", 1).replace(f"-{orig}/", f"-{right}/", 1)
        yield Hit(
            span=c.span,
            params={"symbol": c.symbol, "code": orig, "doc_type": c.doc_type, "expected": ", ".join(sorted(expected))},
            fix=fix if fix != c.text else None,
        )


# --------------------------------------------------------------------------- R202


@rule(
    "R202",
    "error",
    name="cited-date",
    part="references",
    vi="Ngày của văn bản được viện dẫn không hợp lệ: {date}.",
    en="The date of the cited document is not valid: {date}.",
    variants_vi={
        "impossible": "Ngày {date} của {doc} không tồn tại.",
        "later": "Văn bản được viện dẫn ({doc}) ban hành ngày {date}, sau ngày của chính văn bản này ({own}).",
    },
    variants_en={
        "impossible": "The date {date} of {doc} does not exist.",
        "later": "The cited document ({doc}) is dated {date}, after this document's own date ({own}).",
    },
    examples=Example(
        "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/3/2024 của UBND tỉnh Bắc Giang, Sở Khoa học và Công nghệ "
        "ban hành Kế hoạch như sau:",
        "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh Bắc Giang, Sở Khoa học và Công nghệ "
        "ban hành Kế hoạch như sau:",
        part="legal_basis",
    ),
)
def cited_date(ctx: Context) -> Iterator[Hit]:
    """A cited date that does not exist, or that is later than the plan's own date."""
    own = ctx.plan.header.date
    own_latest = own.latest if own is not None else None
    for c in ctx.plan.citations:
        d = c.date
        if d is None or c.kind == "self":
            continue
        doc = _short_name(c)
        if d.impossible:
            yield Hit(span=c.span, params={"date": d.display, "doc": doc}, variant="impossible")
            continue
        first = d.earliest
        if own_latest is not None and first is not None and first > own_latest:
            yield Hit(span=c.span, params={"date": d.display, "doc": doc, "own": own.display}, variant="later")  # type: ignore[union-attr]


def _short_name(c: Citation) -> str:
    if c.number and c.symbol:
        year = f"/{c.year}" if c.year and f"/{c.year}/" in c.text else ""
        sep = "-" if c.party else "/"
        return f"{c.doc_type} {c.number}{year}{sep}{c.symbol}"
    return c.name or c.text


# --------------------------------------------------------------------------- R203


@rule(
    "R203",
    "warning",
    name="inconsistent-citation",
    part="references",
    vi="Cùng một văn bản ({doc}) được viện dẫn không thống nhất.",
    en="One document ({doc}) is cited inconsistently.",
    variants_vi={
        "date": "{doc} được ghi ngày {date} ở đây nhưng ngày {first} ở lần viện dẫn đầu.",
        "issuer": "{doc} được ghi do “{issuer}” ban hành ở đây nhưng do “{first}” ở lần viện dẫn đầu.",
        "type": "Số, ký hiệu {number} được ghi là {doc_type} ở đây nhưng là {first} ở lần viện dẫn đầu.",
    },
    variants_en={
        "date": "{doc} is dated {date} here but {first} where it is first cited.",
        "issuer": "{doc} is issued by “{issuer}” here but by “{first}” where it is first cited.",
        "type": "Number {number} is a {doc_type} here but a {first} where it is first cited.",
    },
    examples=(
        "Kế hoạch số 14/KH-UBND ngày 21/01/2024 … Kế hoạch số 14/KH-UBND ngày 12/01/2024",
        "Kế hoạch số 14/KH-UBND ngày 21/01/2024 … Kế hoạch số 14/KH-UBND ngày 21/01/2024",
    ),
)
def inconsistent_citation(ctx: Context) -> Iterator[Hit]:
    """Later citations of one document that disagree with the first on date, issuer or type."""
    cits = ctx.plan.citations
    for i, c in enumerate(cits):
        g = c.group
        if g is None or g == i or c.kind == "self" or not 0 <= g < len(cits):
            continue
        first = cits[g]
        if c.name and not c.number:
            continue  # "Kế hoạch nêu trên", "Luật Hộ tịch": nothing printed to disagree with
        if c.number is None or first.number is None:
            continue
        doc = _short_name(first)
        if c.doc_type and first.doc_type and c.doc_type != first.doc_type:
            yield Hit(span=c.span, params={"doc": doc, "number": f"{c.number}/{c.symbol}", "doc_type": c.doc_type,
                                           "first": first.doc_type}, variant="type")
        elif c.date is not None and first.date is not None and c.date.conflicts_with(first.date):
            yield Hit(span=c.span, params={"doc": doc, "date": c.date.display, "first": first.date.display}, variant="date")
        elif c.issuer and first.issuer and _issuers_conflict(c.issuer, first.issuer):
            yield Hit(span=c.span, params={"doc": doc, "issuer": c.issuer, "first": first.issuer}, variant="issuer")


# --------------------------------------------------------------------------- R204, R205


def _definitions(plan: Plan) -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for a in plan.abbreviations:
        out.setdefault(a.abbr.upper(), []).append(a)
    return out


@rule(
    "R204",
    "warning",
    name="undefined-abbreviation",
    part="references",
    vi="Chữ viết tắt “{abbr}” được dùng mà không được giải thích (viết đầy đủ rồi ghi chữ viết tắt trong ngoặc đơn ở lần dùng đầu).",
    en="Abbreviation “{abbr}” is used without being defined (write it out in full with the abbreviation in parentheses at first use).",
    examples=(
        "Đẩy mạnh công tác CCHC trong năm 2024.",
        "Đẩy mạnh công tác cải cách hành chính (CCHC) trong năm 2024.",
    ),
)
def undefined_abbreviation(ctx: Context) -> Iterator[Hit]:
    """An abbreviation used in the body, defined nowhere and not on the shipped list (reported once)."""
    plan = ctx.plan
    if plan.source is None:
        return
    defined = _definitions(plan)
    known = {a.upper() for a in known_abbreviations()}
    seen: set[str] = set()
    for u in plan.abbreviation_uses:
        a = u.abbr.upper()
        if a in seen or a in defined or a in known:
            continue
        seen.add(a)
        yield Hit(span=u.span, params={"abbr": u.abbr})


@rule(
    "R205",
    "warning",
    name="abbreviation-order",
    part="references",
    vi="Chữ viết tắt “{abbr}” được định nghĩa không đúng cách.",
    en="Abbreviation “{abbr}” is defined improperly.",
    variants_vi={
        "before": "Chữ viết tắt “{abbr}” được dùng trước khi được giải thích ({where}).",
        "twice": "Chữ viết tắt “{abbr}” được giải thích hai lần với nghĩa khác nhau: “{first}” và “{second}”.",
    },
    variants_en={
        "before": "Abbreviation “{abbr}” is used before it is defined ({where}).",
        "twice": "Abbreviation “{abbr}” is defined twice with different meanings: “{first}” and “{second}”.",
    },
    examples=(
        "Công tác CCHC … đẩy mạnh cải cách hành chính (CCHC)",
        "Đẩy mạnh cải cách hành chính (CCHC) … công tác CCHC",
    ),
)
def abbreviation_order(ctx: Context) -> Iterator[Hit]:
    """Uses before the first definition; a second definition with a different expansion."""
    plan = ctx.plan
    if plan.source is None:
        return
    defined = _definitions(plan)
    if not defined:
        return
    blocks = plan.source.blocks
    reported: set[str] = set()
    for u in plan.abbreviation_uses:
        a = u.abbr.upper()
        defs = defined.get(a)
        if not defs or a in reported:
            continue
        first = defs[0].span
        if (u.span.block, u.span.start) < (first.block, first.start):
            reported.add(a)
            where = blocks[first.block].location or f"đoạn {first.block + 1}"
            yield Hit(span=u.span, params={"abbr": u.abbr, "where": where}, variant="before")
    for a, defs in defined.items():
        sure = [d for d in defs if d.expansion and _by_initials(d.expansion, d.abbr)]
        for d in sure[1:]:
            if key(d.expansion) != key(sure[0].expansion):
                yield Hit(span=d.span, params={"abbr": d.abbr, "first": sure[0].expansion, "second": d.expansion},
                          variant="twice")
                break


_WORDS = guarded(r"[\p{L}\p{N}&]+")


@lru_cache(maxsize=4096)  # the same definitions come back plan after plan
def _by_initials(expansion: str, abbr: str) -> bool:
    words = _WORDS.findall(expansion)
    return initials_match(words, abbr) == 0


# --------------------------------------------------------------------------- R206


@rule(
    "R206",
    "warning",
    name="dangling-reference",
    part="references",
    vi="Dẫn chiếu “{ref}” trỏ tới phần không có trong văn bản.",
    en="Reference “{ref}” points to a part the document does not have.",
    variants_vi={"appendix": "Văn bản dẫn chiếu “{ref}” nhưng không có phụ lục này kèm theo."},
    variants_en={"appendix": "The document refers to “{ref}” but no such appendix is attached."},
    examples=Example("1. Tuyên truyền các nội dung nêu tại Mục V.", "1. Tuyên truyền các nội dung nêu tại Mục I.",
                     part="content"),
)
def dangling_reference(ctx: Context) -> Iterator[Hit]:
    """An internal reference (Mục, khoản, điểm, Điều, Phụ lục) that names no part of this document; an
    appendix is information only when none is attached (it travels as a file of its own)."""
    plan = ctx.plan
    # appendices found attached (one reference reaches one): without any, the appendices travel as
    # files of their own, as a legal site's copy of a decree keeps them apart from its text
    attached = any(r.appendix is not None and r.target is not None for r in plan.internal_references)
    for ref in plan.internal_references:
        if ref.target is not None:
            continue
        if ref.appendix == "" or (ref.appendix is not None and not attached):  # information only
            yield Hit(span=ref.span, params={"ref": ref.text}, variant="appendix", severity="info")
        elif ref.appendix is not None:
            yield Hit(span=ref.span, params={"ref": ref.text}, variant="appendix")
        elif plan.sections:  # without a section tree there is nothing to check against
            yield Hit(span=ref.span, params={"ref": ref.text})


# --------------------------------------------------------------------------- R207


@rule(
    "R207",
    "error",
    name="malformed-symbol",
    part="references",
    vi="Số, ký hiệu “{raw}” sai định dạng.",
    en="Number and symbol “{raw}” are malformed.",
    source=_ND30_SYMBOL,
    variants_vi={
        "mixed": "Số, ký hiệu “{raw}” trộn kiểu văn bản nhà nước (số/MÃ-CƠ QUAN) với kiểu văn bản của Đảng (số-MÃ/CƠ QUAN).",
        "spaces": "Số, ký hiệu “{raw}” có khoảng trắng quanh dấu gạch chéo hoặc gạch nối.",
        "missing": "Số, ký hiệu “{raw}” thiếu dấu phân cách giữa số và ký hiệu hoặc giữa các nhóm chữ viết tắt.",
    },
    variants_en={
        "mixed": "“{raw}” mixes the state style (number/CODE-ISSUER) with the Party style (number-CODE/ISSUER).",
        "spaces": "“{raw}” has spaces around its slash or hyphen.",
        "missing": "“{raw}” lacks a separator between the number and the symbol or between its parts.",
    },
    examples=("Kế hoạch số 14/KH/UBND", "Kế hoạch số 14/KH-UBND"),
)
def malformed_symbol(ctx: Context) -> Iterator[Hit]:
    """Mixed state and Party style, spaces inside, or a missing slash or hyphen."""
    for c in ctx.plan.citations:
        if not (c.number and c.symbol) or _older_style(c):
            continue
        ns = parse_number_symbol(c.text)
        if ns is None:
            continue
        raw = ns.raw
        variant = _malformation(ns.sep, ns.symbol, c.doc_type)
        if variant:
            yield Hit(span=c.span, params={"raw": raw}, variant=variant)


_STATE_ISSUERS = frozenset(vocab.citations().state_issuers)


def _is_state_issuer(code: str) -> bool:
    """An issuer code of a state body: UBND, a ministry (BNV), a department (SNV, SKHCN)."""
    return code in _STATE_ISSUERS or code.startswith(("UBND", "HĐND")) or (code.startswith("S") and len(code) >= 3)


_SPACE = guarded(r"\s")
_SPACED_SEP = guarded(r"\s[-–/]|[-–/]\s")
_SEPARATOR = guarded(r"[-/]")


def _malformation(sep: str, symbol: str, doc_type: str | None) -> str | None:
    if _SPACE.search(sep) or _SPACED_SEP.search(symbol):
        return "spaces"
    s = sep.strip()
    if s == "":
        return "missing"
    compact = symbol.replace("–", "-")
    parts = _SEPARATOR.split(compact)
    issuer = parts[-1].upper() if len(parts) > 1 else ""
    party_issuer = issuer in PARTY_ISSUERS
    if s == "-":
        # Party style is number-CODE/ISSUER (mass organisations use it too: 12-KH/ĐTN)
        if "/" not in compact or "-" in compact.split("/", 1)[0]:
            return "mixed"
        if _is_state_issuer(issuer):
            return "mixed"  # 14-KH/UBND: a state body in Party style
        return None
    # state style: number/CODE-ISSUER
    if "/" in compact:
        return "mixed"
    if party_issuer and len(parts) > 1:
        return "mixed"
    if len(parts) == 1 and doc_type:
        for code in _codes_for(doc_type, False):
            if compact.upper().startswith(code) and len(compact) > len(code) + 1:
                return "missing"
    return None
