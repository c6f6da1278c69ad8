"""The header's fields from its zone: issuers, Quốc hiệu and Tiêu ngữ, number, place and date, type, title.

Every field keeps the span of the text it was read from (``*_span``, :class:`~vnplan.model.TextField`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

import regex

import vnplan.vocab as vocab
from vnplan.model import Header, PartialDate, Span, TextField
from vnplan.parse.header.lines import Line
from vnplan.parse.header.patterns import (
    NUMBER_RE,
    VV_RE,
    body_head_re,
    body_heads,
    unit_re,
    unit_words,
)
from vnplan.parse.header.recognise import Part
from vnplan.parse.header.zone import Zone
from vnplan.pattern import guarded

_W = vocab.header_words()
_JOIN_END_RE = guarded(r"(?:\s(?:" + "|".join(regex.escape(w.upper()) for w in vocab.citations().conjunction)
                             + r")|[,\-–&])$")
#: how a symbol's groups are joined as printed: a hyphen or dash with spaces, a slash with spaces
_SYMBOL_DASH_RE = guarded(r"\s*[-–—]\s*")
_SYMBOL_SLASH_RE = guarded(r"\s*/\s*")
_SYMBOL_END_RE = guarded(r"(?<=[\p{L}\p{N}])\.$")


def build_header(parts: Sequence[Part], lines: Sequence[Line], zone: Zone, spans: tuple[Span, ...]) -> Header:
    """The :class:`Header` of ``zone``; ``spans`` are the spans it owns (noise before it included)."""
    by_role: dict[str, list[int]] = {}
    for j in range(zone.start, zone.end):
        by_role.setdefault(zone.roles[j], []).append(j)
    first = {role: parts[js[0]] for role, js in by_role.items()}
    parent, authority = authorities([lines[parts[j].first] for j in by_role.get("authority", [])])
    national, motto = first.get("national"), first.get("motto")
    fields: dict[str, object] = {}
    fields.update(_number(first.get("number"), first.get("number_rest"), lines))
    fields.update(_date(first.get("date"), [parts[j] for j in by_role.get("place", [])], lines))
    fields.update(_type_and_title(parts, lines, zone, by_role))
    return Header(
        parent_authority=parent[0] if parent else None,
        parent_authority_span=parent[1] if parent else None,
        authority=authority[0] if authority else None,
        authority_span=authority[1] if authority else None,
        national_motto=national is not None and motto is not None,
        national_name_text=_text(national, lines),
        motto_text=TextField(motto.text, lines[motto.first].span) if motto else None,
        spans=spans,
        **fields,  # type: ignore[arg-type]
    )


def _text(part: Part | None, lines: Sequence[Line]) -> TextField | None:
    return TextField(part.text, span_in(lines, part, 0, len(part.text))) if part is not None else None


def span_in(lines: Sequence[Line], part: Part, a: int, z: int) -> Span:
    """The span of ``part.text[a:z]``: in its block when the part's lines are one stretch of one
    block (lines the reader joined), else within its first line."""
    first = lines[part.first]
    run = lines[part.first: part.last + 1]
    one = all(y.block == first.block and y.start == x.end + 1 for x, y in pairwise(run))
    stop = first.start + z if one else min(first.start + z, first.end)
    return Span(first.block, first.start + a, stop)


def _stretch(lines: Sequence[Line], first: Line, rest: Sequence[Line]) -> Span:
    """From ``first`` to the end of the lines after it that continue it in the same block."""
    end = first.end
    for x in rest:
        if x.block != first.block or x.start != end + 1:
            break
        end = x.end
    return Span(first.block, first.start, end)


# --------------------------------------------------------------------------- issuers


def authorities(names: Sequence[Line]) -> tuple[tuple[str, Span] | None, tuple[str, Span] | None]:
    """The parent authority (cơ quan chủ quản) and the issuing authority from the issuer's lines.

    A line starting with a body's head word (``SỞ``, ``ỦY BAN NHÂN DÂN``, ``CÔNG AN``) starts a new
    name unless the name above is unfinished (``ỦY`` / ``BAN NHÂN DÂN…``, ``CÔNG AN TỈNH`` / ``GIA
    LAI``, ``SỞ THÔNG TIN VÀ`` / ``TRUYỀN THÔNG``); any other line goes on with the name above.
    """
    groups: list[list[Line]] = []
    for k, line in enumerate(names):
        if groups and (_wrapped_tail(line, k == len(names) - 1) or not (
                body_head_re().match(line.text) and _finished(" ".join(x.text for x in groups[-1])))):
            groups[-1].append(line)
        else:
            groups.append([line])
    groups = _place_first(groups)
    found = [(" ".join(x.text for x in g), g[0].span) for g in groups]
    if not found:
        return None, None
    if len(found) == 1:
        return None, found[0]
    return (" ".join(n for n, _ in found[:-1]), found[0][1]), found[-1]


def _wrapped_tail(line: Line, last: bool) -> bool:
    """``SỞ TÀI NGUYÊN VÀ MÔI`` / ``TRƯỜNG``: a one-word head alone on the last line names no body
    (a body is its head and a name); it is the end of the name above, wrapped by a narrow cell."""
    word = line.text.strip().upper()
    return last and " " not in word and word in body_heads()


def _place_first(groups: list[list[Line]]) -> list[list[Line]]:
    """``THÀNH PHỐ BẮC GIANG`` / ``ỦY BAN NHÂN DÂN``: a place read before the bare head it belongs to
    (a page read by position, the shorter line first) is that head's place."""
    out: list[list[Line]] = []
    k = 0
    while k < len(groups):
        g = groups[k]
        nxt = groups[k + 1] if k + 1 < len(groups) else None
        if nxt is not None and unit_re().match(g[0].text) and " ".join(x.text for x in nxt).upper() in body_heads():
            out.append(nxt + g)
            k += 2
            continue
        out.append(g)
        k += 1
    return out


def _finished(name: str) -> bool:
    """Whether a body's name can stand as it is: not a head cut short (``ỦY``), not ending on ``VÀ`` or a unit word."""
    up = name.upper().strip()
    if any(h.startswith(up) and h != up for h in body_heads()):
        return False
    if _JOIN_END_RE.search(up):
        return False
    return not any(up.endswith(" " + u) or up == u for u in unit_words())


# --------------------------------------------------------------------------- number


def _number(part: Part | None, rest: Part | None, lines: Sequence[Line]) -> dict[str, object]:
    """``number``, ``year`` and ``symbol`` of ``Số: 33/2009/QĐ-UBND``; the line as printed in
    ``number_text``. ``rest`` is the number of a lone ``Số:`` found a few lines below it."""
    if part is not None and part.match is None and rest is not None:
        m = NUMBER_RE.match(f"{part.text} {rest.text}")
        if m:
            return {**_number_fields(m), "number_text": TextField(m.group(0).strip(), lines[rest.first].span)}
    if part is None or part.match is None:
        return {}
    m = part.match
    return {**_number_fields(m), "number_text": TextField(m.group(0).strip(), span_in(lines, part, m.start(), m.end()))}


def _number_fields(m: regex.Match[str]) -> dict[str, object]:
    num = m.group("num") if m.group("pnum") is None else m.group("pnum")
    sym = _symbol(m.group("sym") or m.group("psym") or "") or None
    year = int(m.group("year")) if m.group("year") else None
    return {"number": num or None, "year": year, "symbol": sym}


def _symbol(printed: str) -> str:
    """The symbol as it is cited: ``KH - UBND`` and ``KH–UBND`` → ``KH-UBND``, no full stop after it
    (``number_text`` keeps the line as printed, for the rules that check its form)."""
    sym = _SYMBOL_DASH_RE.sub("-", printed.strip())
    return _SYMBOL_END_RE.sub("", _SYMBOL_SLASH_RE.sub("/", sym))


# --------------------------------------------------------------------------- place and date


def _date(part: Part | None, prefix: Sequence[Part], lines: Sequence[Line]) -> dict[str, object]:
    """``place``, ``date`` and ``date_text`` of the place-and-date line (a place split over two lines joined)."""
    if part is None or part.match is None:
        return {}
    dm = part.match
    place = (dm.group("place") or "").strip(" ,") or None
    if prefix:
        head = " ".join(p.text for p in prefix)
        place = f"{head} {place}" if place else head
    date = PartialDate(year=_int(dm.group("y")), month=_int(dm.group("m")), day=_int(dm.group("d")))
    return {"place": place, "date": date,
            "date_text": TextField(dm.group(0).strip(), span_in(lines, part, dm.start(), dm.end()))}


def _int(s: str | None) -> int | None:
    return int(s) if s else None


# --------------------------------------------------------------------------- type and title


def _type_and_title(parts: Sequence[Part], lines: Sequence[Line], zone: Zone,
                    by_role: dict[str, list[int]]) -> dict[str, object]:
    """``doc_type`` and its text, ``title`` and where it starts; a letter with no type name is a Công văn."""
    tp = parts[by_role["type"][0]] if "type" in by_role else None
    if tp is not None and tp.match is not None:
        texts, span = _title(tp, [parts[j] for j in by_role.get("title", [])], lines, zone)
        return {**_type_field(tp, lines), **_title_fields(texts, span)}
    subject = [parts[j] for j in by_role.get("subject", [])]
    if subject:  # V/v: the subject of a letter is its title
        line = lines[subject[0].first]
        lead = VV_RE.match(subject[0].text)
        cut = lead.end() if lead and subject[0].text != _strip_lead(subject[0].text) else 0
        lead_span = Span(line.block, line.start, line.start + (lead.end() if lead else 0))
        typed = {"doc_type": _cong_van(), "doc_type_text": TextField(_cong_van(), lead_span)}
        texts = [subject[0].text[cut:]] + [p.text for p in subject[1:]]
        return {**typed, **_title_fields(texts, Span(line.block, line.start + cut, line.end))}
    if "addressee" in by_role:  # a letter that starts at "Kính gửi"
        line = lines[parts[by_role["addressee"][0]].first]
        where = Span(line.block, line.start, line.start)
        return {"doc_type": _cong_van(), "doc_type_text": TextField(_cong_van(), where)}
    return {}


def _type_field(tp: Part, lines: Sequence[Line]) -> dict[str, object]:
    assert tp.match is not None
    line = lines[tp.first]
    name = tp.match.group("type")
    span = Span(line.block, line.start, line.start + tp.match.end("type"))
    return {"doc_type": vocab.canonical_type(name) or _spaced_type(name),
            "doc_type_text": TextField(" ".join(name.split()), span)}


def _title(tp: Part, title_parts: Sequence[Part], lines: Sequence[Line],
           zone: Zone) -> tuple[list[str], Span | None]:
    """The lines of the title (on the type's line, then under it) and where it starts."""
    texts: list[str] = []
    span: Span | None = None
    if zone.title_from and tp.match is not None:
        last = lines[tp.last]
        rest = tp.match.group("rest")
        texts.append(rest)
        span = Span(last.block, last.end - len(rest), last.end)
    for k, p in enumerate(title_parts):
        texts.append(_strip_lead(p.text))
        span = span or _stretch(lines, lines[p.first], [lines[q.first] for q in title_parts[k + 1:]])
    return texts, span


def _title_fields(texts: Sequence[str], span: Span | None) -> dict[str, object]:
    title = " ".join(t.strip() for t in texts if t.strip())
    return {"title": title or None, "title_span": span if title else None}


@cache
def _cong_van() -> str:
    """The administrative type printed without its name: Công văn, the one with no code in Phụ lục III."""
    return next(t.name for t in vocab.doc_types().types if t.group == "administrative" and t.code is None)


def _spaced_type(name: str) -> str:
    bare = "".join(name.split()).upper()
    return next((n for n in vocab.type_names() if "".join(n.split()).upper() == bare), name)


def _strip_lead(text: str) -> str:
    """A title without its ``V/v`` (``Về việc`` is part of a title and stays)."""
    m = VV_RE.match(text)
    if m and m.group("lead").lower() == _W.subject_abbreviation.lower():
        return text[m.end():]
    return text

