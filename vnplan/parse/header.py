"""The document header (phần đầu): issuers, Quốc hiệu and Tiêu ngữ, Số/ký hiệu, place and date, type, title.

Works on the first blocks of a document, whatever their order: a two-column header table
read cell by cell, or flattened into lines, or partly lost in extraction.
"""

from __future__ import annotations

from functools import cache

import attrs
import regex

import vnplan.vocab as vocab
from vnplan.model import Block, Header, PartialDate, Span, TextField
from vnplan.parse.common import (
    LEGAL_BASIS_RE,
    RULE_LINE_RE,
    block_span,
    edit_distance,
    label_of,
    legal_basis_kind,
)
from vnplan.text import fold, is_upper_text, key

MAX_HEADER_BLOCKS = 40

NUMBER_RE = regex.compile(
    r"^(?P<word>S[ốô]|SỐ|So)\s*(?P<colon>[:.]?)\s*"
    r"(?P<num>[0-9]*[A-Za-z]?)\s*(?:[.…_]+\s*)?(?P<slash>/)\s*"  # a draft's "……/" is a blank number
    r"(?:(?P<year>\d{4})\s*/\s*)?"
    r"(?P<sym>[\p{L}\p{N}][\p{L}\p{N}\-/&. ]*?[\p{L}\p{N}])?"
    r"(?=\s*$|\s+\p{Lu}\p{Ll}|\s+ngày\s|\s+V/v|\s*[,;])"
)
DATE_WORDS_RE = regex.compile(
    r"(?P<place>[^,;]*?)\s*(?P<comma>,?)\s*"
    r"(?P<ngay>[Nn]gày)\s*(?P<d>\d{1,2})?\s*(?:[.…_]+\s*)?"
    r"(?P<thang>tháng)\s*(?P<m>\d{1,2})?\s*(?:[.…_]+\s*)?"
    r"(?P<nam>năm)\s*(?P<y>\d{4})?"
)
DATE_NUMERIC_RE = regex.compile(
    r"^(?P<place>[\p{L} .'-]{2,40}?)\s*,\s*(?:ngày\s*)?(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})\s*$"
)
VV_RE = regex.compile(r"^(?:V/v|V/V|v/v|Về việc)\s*[:.]?\s*")
KINH_GUI_RE = regex.compile(r"^Kính\s+gửi\s*:?")
_NATIONAL = fold(vocab.decree30().national_name)
_MOTTO = fold(vocab.decree30().motto)


@cache
def _type_line_re() -> regex.Pattern[str]:
    names = sorted({n.upper() for n in vocab.type_names()}, key=len, reverse=True)
    # letters may be spaced out ("K Ế  H O Ạ C H": expanded spacing, as PDF text extraction gives it)
    alt = "|".join(r"\s*".join(regex.escape(ch) for ch in n if not ch.isspace()) for n in names)
    return regex.compile(rf"^(?P<type>{alt})(?=\s|$|:)\s*(?P<rest>.*)$")


@cache
def _authority_heads() -> tuple[str, ...]:
    return vocab.header_words().authority_heads


@cache
def _place_units() -> tuple[str, ...]:
    return tuple(u.upper() for u in vocab.places().units)


def is_authority_head(text: str) -> bool:
    """A capitalised line naming a body or an office (``ỦY BAN NHÂN DÂN…``, ``BỘ TRƯỞNG…``)."""
    t = text.upper()
    return is_upper_text(text) and any(t.startswith(h) for h in _authority_heads())


def _is_national_name(text: str) -> bool:
    f = fold(text)
    return bool(f) and (f == _NATIONAL or (len(f) > 20 and edit_distance(f, _NATIONAL) <= 4))


def _is_motto(text: str) -> bool:
    f = fold(text)
    return bool(f) and ("doc lap" in f and "hanh phuc" in f or edit_distance(f, _MOTTO) <= 4)


def match_type_line(text: str) -> regex.Match[str] | None:
    """``KẾ HOẠCH`` (optionally followed by the title on the same line)."""
    m = _type_line_re().match(text)
    if not m:
        return None
    rest = m.group("rest")
    if rest.startswith(":"):
        return None  # "QUYẾT ĐỊNH:" is the enacting word of a decision, not its type line
    if rest and is_upper_text(rest) and rest.upper().startswith(("SỐ ", "SỐ:")):
        return None
    return m


@attrs.define
class _Acc:
    """Mutable accumulator while scanning the header."""

    fields: dict[str, object] = attrs.field(factory=dict)
    owned: list[Span] = attrs.field(factory=list)
    authority_lines: list[tuple[Block, Span]] = attrs.field(factory=list)
    found_type: bool = False


def parse_header(blocks: tuple[Block, ...]) -> tuple[Header, int]:
    """Parse the header from the first blocks; return it and the index of the first body block."""
    acc = _Acc()
    f = acc.fields
    i = 0
    n = len(blocks)
    in_title = False
    title_upper = False
    title_parts: list[str] = []
    in_kinh_gui = False
    pending_place: Block | None = None
    limit = min(n, MAX_HEADER_BLOCKS)
    while i < limit:
        b = blocks[i]
        t = b.text
        if b.kind == "artifact":
            i += 1
            continue
        if LEGAL_BASIS_RE.match(t) and not (in_title and not title_parts and _titled_by_task(blocks, i)):
            break
        if in_kinh_gui and t[:1] in "-+•":
            acc.owned.append(block_span(b))
            i += 1
            continue
        in_kinh_gui = False
        if in_title:
            if _title_continues(t, title_upper, title_parts):
                if not title_parts:
                    title_upper = is_upper_text(t)
                title_parts.append(t)
                acc.owned.append(block_span(b))
                i += 1
                continue
            in_title = False
            break
        if label_of(t) is not None and not RULE_LINE_RE.match(t):
            break
        # Quốc hiệu, possibly wrapped over two or three lines of one cell (a rule line above it
        # is not part of it: its punctuation folds away and would otherwise be joined on).
        if "national" not in f and not RULE_LINE_RE.match(t):
            k = _match_wrapped(blocks, i, _is_national_name)
            if k:
                f["national"] = TextField(" ".join(blocks[j].text for j in range(i, i + k)), block_span(b))
                acc.owned.extend(block_span(blocks[j]) for j in range(i, i + k))
                i += k
                continue
        if "motto" not in f and _is_motto(t):
            f["motto"] = TextField(t, block_span(b))
            acc.owned.append(block_span(b))
            i += 1
            continue
        if RULE_LINE_RE.match(t):
            acc.owned.append(block_span(b))
            i += 1
            continue
        m = NUMBER_RE.match(t)
        if m and "number" not in f:
            f["number"] = m
            f["number_block"] = b
            acc.owned.append(block_span(b))
            rest = t[m.end() :]
            dm = DATE_WORDS_RE.search(rest)
            if dm and "date" not in f:
                f["date"] = (dm, b, m.end())
            i += 1
            continue
        dm = DATE_WORDS_RE.match(t) or DATE_NUMERIC_RE.match(t)
        if dm and "date" not in f and (dm.group("place") or "").count(" ") < 6:
            f["date"] = (dm, b, 0)
            if pending_place is not None and pending_place.table == b.table:
                f["place_prefix"] = pending_place
            acc.owned.append(block_span(b))
            i += 1
            continue
        vv = VV_RE.match(t)
        if vv and "title" not in f:
            f["title"] = TextField(t[vv.end() :], Span(b.index, vv.end(), len(t)))
            f["doc_type"] = TextField("Công văn", Span(b.index, 0, vv.end()))
            f["is_cong_van"] = True
            acc.owned.append(block_span(b))
            i += 1
            continue
        if KINH_GUI_RE.match(t):
            in_kinh_gui = True
            acc.owned.append(block_span(b))
            i += 1
            continue
        tm = match_type_line(t)
        if tm and not acc.found_type:
            acc.found_type = True
            f["doc_type"] = TextField(tm.group("type"), Span(b.index, 0, tm.end("type")))
            acc.owned.append(block_span(b))
            rest = tm.group("rest")
            if rest:
                title_parts.append(rest)
                f["title_span"] = Span(b.index, tm.start("rest"), len(t))
                title_upper = is_upper_text(rest)
            in_title = True
            i += 1
            continue
        if acc.found_type or f.get("is_cong_van"):
            break
        if is_upper_text(t):
            acc.authority_lines.append((b, block_span(b)))
            acc.owned.append(block_span(b))
            i += 1
            continue
        # Unrecognised line inside the header zone: a place split from its date line, or noise.
        if _looks_headerish(blocks, i):
            pending_place = b if len(t.split()) <= 3 else None
            acc.owned.append(block_span(b))
            i += 1
            continue
        break
    if title_parts and "title" not in f:
        f["title"] = TextField(" ".join(title_parts), f.get("title_span") or _title_span(blocks, acc, title_parts))  # type: ignore[arg-type]
    header = _build(acc, blocks)
    end = max((s.block for s in acc.owned), default=-1) + 1
    return header, end


def _title_span(blocks: tuple[Block, ...], acc: _Acc, parts: list[str]) -> Span:
    for s in acc.owned:
        if blocks[s.block].text == parts[0]:
            return s
    return acc.owned[-1]


def _titled_by_task(blocks: tuple[Block, ...], i: int) -> bool:
    """Whether the line right after the type name that opens like a legal basis (``Thực hiện``,
    ``Triển khai``) is the title: *KẾ HOẠCH / Thực hiện công tác tuyên truyền CCHC năm 2024*.

    It is when it reads as a name, not as a preamble sentence (no closing ``:``, ``;`` or ``,``,
    no *như sau*), and what follows begins the body: the legal basis itself, or a numbered part.
    """
    t = blocks[i].text.strip()
    if legal_basis_kind(t) != "thuc_hien" or t.endswith((":", ";", ",")) or "như sau" in key(t):
        return False
    # the first line after it that is not its own continuation (a wrapped title goes on in lower case)
    nxt = next((b.text.strip() for b in blocks[i + 1 : i + 6]
                if b.kind != "artifact" and b.text.strip() and not b.text.strip()[:1].islower()), "")
    return bool(nxt) and (LEGAL_BASIS_RE.match(nxt) is not None or label_of(nxt) is not None)


def _title_continues(t: str, title_upper: bool, parts: list[str]) -> bool:
    if label_of(t) is not None or KINH_GUI_RE.match(t):
        return False
    if not parts:
        return True  # the title on the line after the type name (one opening like a legal basis: _titled_by_task)
    if LEGAL_BASIS_RE.match(t):
        return False
    if title_upper:
        return is_upper_text(t) and not is_authority_head(t) and not t.rstrip().endswith(":")
    return t[:1].islower()


def _match_wrapped(blocks: tuple[Block, ...], i: int, pred) -> int:  # type: ignore[no-untyped-def]
    """How many blocks from ``i`` (1–3, same table cell) together satisfy ``pred``; 0 if none."""
    texts: list[str] = []
    for k in range(3):
        j = i + k
        if j >= len(blocks) or blocks[j].kind == "artifact" or blocks[j].table != blocks[i].table:
            break
        texts.append(blocks[j].text)
        if pred(" ".join(texts)):
            return k + 1
    return 0


def _looks_headerish(blocks: tuple[Block, ...], i: int) -> bool:
    """A short line followed, within two blocks, by a header element (date, number, type)."""
    t = blocks[i].text
    if len(t) > 60:
        return False
    for j in range(i + 1, min(len(blocks), i + 3)):
        u = blocks[j].text
        if DATE_WORDS_RE.match(u) or NUMBER_RE.match(u) or match_type_line(u):
            return True
    return False


def _authorities(lines: list[tuple[Block, Span]]) -> tuple[tuple[str, Span] | None, tuple[str, Span] | None]:
    """Group capitalised lines into names: parent authority (chủ quản) and issuing authority."""
    groups: list[list[tuple[str, Span]]] = []
    units = _place_units()
    for b, span in lines:
        t = b.text.strip()
        prev = groups[-1][-1][0] if groups else ""
        continues = bool(groups) and (
            t.upper().startswith(tuple(u + " " for u in units))
            or prev.endswith((" VÀ", ",", "-", "–"))
            or t.upper().startswith("VÀ ")
        )
        if continues:
            groups[-1].append((t, span))
        else:
            groups.append([(t, span)])
    names = [(" ".join(t for t, _ in g), g[0][1]) for g in groups]
    if not names:
        return None, None
    if len(names) == 1:
        return None, names[0]
    parent = (" ".join(n for n, _ in names[:-1]), names[0][1])
    return parent, names[-1]


def _build(acc: _Acc, blocks: tuple[Block, ...]) -> Header:
    f = acc.fields
    parent, authority = _authorities(acc.authority_lines)
    number = symbol = None
    number_text = None
    if "number" in f:
        m = f["number"]
        b = f["number_block"]
        number = m.group("num") or None  # type: ignore[union-attr]
        symbol = (m.group("sym") or "").strip() or None  # type: ignore[union-attr]
        year = m.group("year")  # type: ignore[union-attr]
        if year and symbol:
            symbol = f"{year}/{symbol}"
        number_text = TextField(m.group(0).strip(), Span(b.index, 0, m.end()))  # type: ignore[union-attr]
    place = None
    date = None
    date_text = None
    if "date" in f:
        dm, b, off = f["date"]  # type: ignore[misc]
        place = (dm.group("place") or "").strip(" ,") or None
        prefix = f.get("place_prefix")
        if prefix is not None:
            place = f"{prefix.text} {place}" if place else prefix.text  # type: ignore[union-attr]
        date = PartialDate(
            year=_int(dm.group("y")), month=_int(dm.group("m")), day=_int(dm.group("d"))
        )
        date_text = TextField(dm.group(0).strip(), Span(b.index, off + dm.start(), off + dm.end()))
    doc_type = None
    doc_type_field = f.get("doc_type")
    if isinstance(doc_type_field, TextField):
        bare = "".join(doc_type_field.text.split()).upper()
        doc_type = vocab.canonical_type(doc_type_field.text) or next(
            (n for n in vocab.type_names() if "".join(n.split()).upper() == bare), doc_type_field.text)
    title = f.get("title")
    national = f.get("national")
    motto = f.get("motto")
    return Header(
        parent_authority=parent[0] if parent else None,
        parent_authority_span=parent[1] if parent else None,
        authority=authority[0] if authority else None,
        authority_span=authority[1] if authority else None,
        national_motto=national is not None and motto is not None,
        national_name_text=national,  # type: ignore[arg-type]
        motto_text=motto,  # type: ignore[arg-type]
        number=number,
        symbol=symbol,
        number_text=number_text,
        place=place,
        date=date,
        date_text=date_text,
        doc_type=doc_type,
        doc_type_text=doc_type_field,  # type: ignore[arg-type]
        title=title.text.strip() if isinstance(title, TextField) and title.text.strip() else None,
        title_span=title.span if isinstance(title, TextField) else None,
        spans=tuple(acc.owned),
    )


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def header_key(text: str) -> str:
    return key(text)
