"""Splitting a flattened line into the header parts it runs together, by the known shape of each part.

A header table copied as text, or a PDF page drawn on one baseline, puts several parts on one
line: ``UBND TỈNH BẮC NINH SỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh
phúc Số: 68/KH-STP Bắc Ninh, ngày 02 tháng 10 năm 2024 KẾ HOẠCH Tổ chức …``. Each part has a
shape: the Quốc hiệu and Tiêu ngữ are fixed words, a number starts with ``Số``, a date is a place
then ``ngày … tháng … năm …``, a type name opens a title that runs to the body's first words
(``Căn cứ``, ``Kính gửi``, ``I.``), a body's name starts with a head word (``UBND``, ``SỞ``) and a
lower body's name starts after a place (``UBND TỈNH BẮC NINH | SỞ TƯ PHÁP``). A line is cut only
where it starts with a shape and holds two or more parts.
"""

from __future__ import annotations

from vnplan.parse.header.patterns import (
    BODY_CUT_RE,
    KINH_GUI_RE,
    MOTTO_IN_RE,
    NATIONAL_IN_RE,
    NUMBER_RE,
    NUMBER_WORD_RE,
    PARTY_IN_RE,
    VV_RE,
    body_head_re,
    is_authority_head,
    match_date,
    match_type_line,
    unit_re,
)
from vnplan.pattern import guarded
from vnplan.text import is_upper_text

_RULE_RE = guarded(r"[-_=─—–.*•~]{3,}")
_TOKEN_RE = guarded(r"\S+")
_LETTER_RE = guarded(r"\p{L}")
_WORD_RE = guarded(r"[\p{L}\p{N}]")
_LOWER_RE = guarded(r"\p{Ll}")
_LEAD_RE = guarded(r"(?:\d{1,2}\.|[-•*])\s")
_SENTENCE_END_RE = guarded(r"\.\s+(?=\p{Lu})")

Piece = tuple[int, int]


def split_run(text: str, start: int, end: int) -> list[Piece]:
    """The parts of ``text[start:end]`` (offsets in ``text``); the whole range when it is one part."""
    pieces: list[tuple[int, int, str]] = []
    pos = _skip(text, start, end)
    lead = _LEAD_RE.match(text, pos, end)
    if lead and _shape_end(text, pos, end) is None:
        pieces.append((pos, lead.end() - 1, "lead"))  # "1. UBND TỈNH … CỘNG HÒA …": a viewer's page number first
        pos = _skip(text, lead.end(), end)
    while pos < end:
        found = _shape_end(text, pos, end)
        if found is None or found[0] <= pos:
            break
        pieces.append((pos, found[0], found[1]))
        pos = _skip(text, found[0], end)
    kinds = [k for _, _, k in pieces if k != "lead"]
    if not kinds or (len(kinds) == 1 and (pos >= end or kinds[0] == "authority")):
        return [(start, end)]
    out = [(a, b) for a, b, _ in pieces]
    if pos < end and (_WORD_RE.search(text, pos, end) or _RULE_RE.match(text, pos, end)):
        out.append((pos, end))
    elif pos < end:
        out[-1] = (out[-1][0], end)  # "Hạnh phúc**": a mark of emphasis stays with its part
    return out


def _skip(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _fixed_end(text: str, pos: int, end: int, *, words: bool = True) -> int | None:
    """Where a part of fixed shape that starts at ``pos`` ends: a number or a date, and with
    ``words`` the Quốc hiệu (or the Party's title), the Tiêu ngữ and a rule line (inside a title only a date, or a
    number written ``Số: …`` with its colon, ends it: ``CHỈ THỊ SỐ 37-CT/TW`` is the title's)."""
    if words:
        for rx in (NATIONAL_IN_RE, PARTY_IN_RE, MOTTO_IN_RE, _RULE_RE):
            m = rx.match(text, pos, end)
            if m:
                return m.end()
    m = NUMBER_RE.match(text, pos, end)
    if m and (m.group("sym") or m.group("psym")) and (words or m.group("colon")):
        return m.end()
    m = match_date(text, pos, end, strict=True)
    if m and m.group("y"):
        return m.end()
    return None


def _shape_end(text: str, pos: int, end: int) -> tuple[int, str] | None:
    """Where the part starting at ``pos`` ends and what it is, or None when no known part starts there."""
    fixed = _fixed_end(text, pos, end)
    if fixed is not None:
        return fixed, "fixed"
    word = NUMBER_WORD_RE.match(text, pos, end)
    if word and _fixed_end(text, _skip(text, word.end(), end), end) is not None:
        return word.end(), "fixed"  # "Số: Bắc Giang, ngày …": a lone "Số:" whose number is elsewhere
    tm = match_type_line(text, pos, end)
    if tm:
        title = tm.start("rest")
        return (_title_end(text, title, end) if title < end else end), "type"
    m = VV_RE.match(text, pos, end)
    if m:
        return _title_end(text, m.end(), end), "subject"
    m = KINH_GUI_RE.match(text, pos, end)
    if m:  # "Kính gửi: - Sở A; - Sở B. Vừa qua, …": the addressees end with their sentence
        cut = _title_end(text, m.end(), end)
        full = _SENTENCE_END_RE.search(text, m.end(), cut)
        return (full.start() + 1 if full else cut), "subject"
    stop = _authority_end(text, pos, end)
    return (stop, "authority") if stop is not None else None


def _title_end(text: str, pos: int, end: int) -> int:
    """The end of a title or subject whose words start at ``pos``: the body's first words, a number
    or a date, and after a title in lower case the enacting body in capitals (``ỦY BAN NHÂN DÂN TỈNH…``)."""
    m = BODY_CUT_RE.search(text, pos + 1, end)
    stop = m.start() if m else end
    mixed = False
    for t in _TOKEN_RE.finditer(text, pos, stop):
        q = t.start()
        if q > pos and text[q - 1].isspace():
            if _fixed_end(text, q, stop, words=False) is not None:
                return _trim(text, pos, q)
            if mixed and is_upper_text(t.group()) and is_authority_head(text[q:stop]):
                return _trim(text, pos, q)
        mixed = mixed or bool(_LOWER_RE.search(t.group()))
    return _trim(text, pos, stop)


def _unit_at(text: str, pos: int) -> str | None:
    """The unit word (``TỈNH``, ``THÀNH PHỐ``) that stands at ``pos`` as whole words."""
    m = unit_re().match(text, pos)
    return m.group() if m else None


def _authority_end(text: str, pos: int, end: int) -> int | None:
    """The end of a body's name in capitals at ``pos`` (``UBND TỈNH BẮC NINH``), or None."""
    if body_head_re().match(text, pos, end) is None and _unit_at(text, pos) is None:
        return None
    place_words = -1  # words of a place name after a unit word (TỈNH BẮC NINH: 2); -1 before any unit
    skip = 0
    for t in _TOKEN_RE.finditer(text, pos, end):
        q = t.start()
        if q > pos:
            if _fixed_end(text, q, end) is not None or (_LETTER_RE.search(t.group()) and not is_upper_text(t.group())):
                return _trim(text, pos, q)
            if place_words >= 1 and body_head_re().match(text, q, end):
                return _trim(text, pos, q)  # "UBND TỈNH BẮC NINH | SỞ TƯ PHÁP": a new body after a place
        unit = _unit_at(text, q)
        if skip:
            skip -= 1
        elif unit is not None:
            place_words, skip = 0, len(unit.split()) - 1
        elif place_words >= 0:
            place_words += 1
    return end


def _trim(text: str, start: int, stop: int) -> int:
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return stop
