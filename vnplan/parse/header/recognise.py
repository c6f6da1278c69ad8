"""The recognisers: each says what one candidate line (or a few wrapped ones) is.

:func:`classify` runs them in order over the candidate lines and returns :class:`Part` s that
cover every line once. A part that wraps (``CỘNG`` / ``HÒA XÃ HỘI…``, ``QUYẾT`` / ``ĐỊNH``, ``Số:`` /
``27/2010/QĐ-UBND``) spans its lines; the rest of the header (where the zone starts and stops,
which capitalised lines are the issuer and which the title) is decided in :mod:`.zone`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import attrs
import regex

import vnplan.vocab as vocab
from vnplan.parse.common import LEGAL_BASIS_RE, label_of
from vnplan.parse.header.lines import Line
from vnplan.parse.header.patterns import (
    ATTACHED_NOTE_RE,
    CITATION_RE,
    DATE_OPEN_RE,
    KINH_GUI_RE,
    MARK_RE,
    NUMBER_ALONE_RE,
    NUMBER_RE,
    NUMBER_WORD_ALONE_RE,
    SHORT_LINE,
    VV_RE,
    body_head_re,
    is_site_noise,
    match_date,
    match_type_line,
    motto_folded,
    national_folded,
)
from vnplan.pattern import guarded
from vnplan.text import fold, is_upper_text
from vnplan.vocab.patterns import spelt

#: a rule under a name (``-------``, ``___``), also a lone ``-`` or the ``*`` under a Party body
RULE_RE = guarded(r"^[-_=─—–.*•~]+(?:\s+[-_=─—–.*•~]+)*$")
_D30 = vocab.decree30()
_PARTY = frozenset(fold(m) for m in _D30.scope.party_markers)
_BLANK_FILL = " .…_,;)"  # what may follow a date on its line: a draft's blanks, closing punctuation
#: ``Nơi nhận:``, ``TM. ỦY BAN NHÂN DÂN``: the closing of a document, so no header can follow
CLOSING_RE = guarded(
    rf"^(?:{spelt([_D30.recipients_heading.rstrip(':')], ('given', 'upper'))}\s*:|"
    rf"(?:{'|'.join(regex.escape(f) for f in _D30.signature_forms)})\s*\p{{Lu}})"
)


#: What a line is: the header's parts (national … addressee, note: ``(Kèm theo …)``), what surrounds
#: a header (rule, mark: ``KHẨN``, noise: a site's or a file's), the body's first lines (basis,
#: article, closing, label), and what only its place tells (upper: capitals, text).
PartKind = Literal["national", "party", "motto", "number", "date", "type", "subject", "addressee", "note", "rule",
                   "mark", "noise", "basis", "article", "closing", "label", "upper", "text"]


@attrs.frozen
class Part:
    """What lines ``first``…``last`` are: ``kind`` and, for a number, date or type, the match over ``text``."""

    kind: PartKind
    first: int
    last: int
    text: str
    match: regex.Match[str] | None = None
    strict: bool = False  # a date or number in the shape only a header has: an anchor on its own


Recogniser = Callable[[Sequence[Line], int], "Part | None"]


def _one(kind: PartKind, i: int, line: Line, match: regex.Match[str] | None = None, strict: bool = False) -> Part:
    return Part(kind, i, i, line.text, match, strict)


def _same_cell(a: Line, b: Line) -> bool:
    return a.cell == b.cell and b.block - a.block <= 1


def _wrapped(lines: Sequence[Line], i: int, test: Callable[[str], bool], most: int) -> int:
    """How many lines from ``i`` (1 to ``most``, in one cell) together pass ``test`` on their folded
    text; 0 when none do."""
    folded: list[str] = []
    for k in range(most):
        j = i + k
        if j >= len(lines) or (k and not _same_cell(lines[i], lines[j])):
            break
        if not lines[j].folded:
            break  # a long line (not folded) or one with no letters: no part of a wrapped name
        folded.append(lines[j].folded)
        joined = " ".join(folded)
        if len(joined) > SHORT_LINE:
            break
        if test(joined):
            return k + 1
    return 0


def site_row(lines: Sequence[Line], i: int) -> Part | None:
    """A cell of a row of a site's menu or metadata table (``Số hiệu: | 258/KH-UBND | Loại văn bản: | …``)."""
    return _one("noise", i, lines[i]) if lines[i].noisy else None


def rule(lines: Sequence[Line], i: int) -> Part | None:
    """A rule line under a name (``-------``, ``_______``)."""
    return _one("rule", i, lines[i]) if RULE_RE.match(lines[i].text) else None


def national(lines: Sequence[Line], i: int) -> Part | None:
    """The Quốc hiệu, possibly wrapped over two or three lines of its cell."""
    k = _wrapped(lines, i, national_folded, 3)
    return Part("national", i, i + k - 1, " ".join(ln.text for ln in lines[i: i + k])) if k else None


def party(lines: Sequence[Line], i: int) -> Part | None:
    """``ĐẢNG CỘNG SẢN VIỆT NAM``: what heads a Party document where the Quốc hiệu stands."""
    return _one("party", i, lines[i], strict=True) if lines[i].folded in _PARTY else None


def motto(lines: Sequence[Line], i: int) -> Part | None:
    """The Tiêu ngữ."""
    return _one("motto", i, lines[i]) if motto_folded(lines[i].folded) else None


def number(lines: Sequence[Line], i: int) -> Part | None:
    """``Số: 258/KH-UBND``, or ``Số:`` alone with the number on the next line of its cell."""
    t = lines[i].text
    if NUMBER_WORD_ALONE_RE.match(t) and i + 1 < len(lines) and NUMBER_ALONE_RE.match(lines[i + 1].text):
        joined = f"{t} {lines[i + 1].text}"
        m = NUMBER_RE.match(joined)
        if m:
            return Part("number", i, i + 1, joined, m, strict=True)
    m = NUMBER_RE.match(t)
    if m is None:
        # "Số:" alone, its number further down the cell (a page read row by row: see zone.py)
        return Part("number", i, i, t) if NUMBER_WORD_ALONE_RE.match(t) else None
    return Part("number", i, i, t, m, strict=bool(m.group("sym") or m.group("psym")))


def date(lines: Sequence[Line], i: int) -> Part | None:
    """``Bắc Giang, ngày 27 tháng 12 năm 2024``, wrapped or not; ``strict`` when the place is a name."""
    t = lines[i].text
    if i + 1 < len(lines) and DATE_OPEN_RE.search(t) and lines[i + 1].block - lines[i].block <= 1:
        joined = f"{t} {lines[i + 1].text}"
        m = match_date(joined)
        if m and m.end() > len(t) and m.group("y"):
            return Part("date", i, i + 1, joined, m, strict=match_date(joined, strict=True) is not None)
    m = match_date(t)
    if m is None or t[m.end():].strip(_BLANK_FILL):
        return None  # a date inside a sentence ("Căn cứ … ngày 12 tháng 9 năm 2022 của …") is not the header's
    return Part("date", i, i, t, m, strict=match_date(t, strict=True) is not None)


def doc_type(lines: Sequence[Line], i: int) -> Part | None:
    """The type name (``KẾ HOẠCH``), with the title on its line or not, or wrapped (``QUYẾT`` / ``ĐỊNH``)."""
    first = lines[i].text
    m = match_type_line(first)
    if m:
        return Part("type", i, i, first, m, strict=True)
    if not _type_prefix(first):
        return None
    for j in (i + 1, i + 2):
        if j >= len(lines) or not _same_cell(lines[i], lines[j]) or not is_upper_text(lines[j].text):
            return None
        text = " ".join(ln.text for ln in lines[i: j + 1])
        m = match_type_line(text)
        if m and m.end("type") > len(" ".join(ln.text for ln in lines[i:j])):
            return Part("type", i, j, text, m, strict=True)
    return None


def _type_prefix(text: str) -> bool:
    """``QUYẾT``, ``KẾ``: the first word of a type name wrapped onto the next line."""
    up = text.strip().upper()
    return bool(up) and " " not in up and any(n.upper().startswith(up + " ") for n in vocab.type_names())


def subject(lines: Sequence[Line], i: int) -> Part | None:
    """``V/v …``: the subject of an official letter."""
    m = VV_RE.match(lines[i].text)
    return _one("subject", i, lines[i], m, strict=True) if m else None


def addressee(lines: Sequence[Line], i: int) -> Part | None:
    """``Kính gửi: …``."""
    m = KINH_GUI_RE.match(lines[i].text)
    return _one("addressee", i, lines[i], m, strict=True) if m else None


def note(lines: Sequence[Line], i: int) -> Part | None:
    """``(Kèm theo Quyết định số … ngày …)`` under an attached document's title, to its closing parenthesis."""
    if not ATTACHED_NOTE_RE.match(lines[i].text):
        return None
    j, depth = i, 0
    while j < len(lines):
        depth += lines[j].text.count("(") - lines[j].text.count(")")
        if depth <= 0 or j - i >= 3:
            break
        j += 1
    j = min(j, len(lines) - 1)
    return Part("note", i, j, " ".join(ln.text for ln in lines[i: j + 1]))


def mark(lines: Sequence[Line], i: int) -> Part | None:
    """``KHẨN``, ``HỎA TỐC``, ``MẬT``, ``DỰ THẢO``: marks above a header."""
    return _one("mark", i, lines[i]) if MARK_RE.match(lines[i].text) else None


def noise(lines: Sequence[Line], i: int) -> Part | None:
    """A site's banner, menu, breadcrumb or metadata row, a file name, a signature box's label."""
    t = lines[i].text
    if body_head_re().match(t) and is_upper_text(t):
        return None
    return _one("noise", i, lines[i]) if is_site_noise(t) else None


def body(lines: Sequence[Line], i: int) -> Part | None:
    """What opens a document's body: a legal-basis line, a list label, the closing (``Nơi nhận:``, ``TM.``)."""
    t = lines[i].text
    if LEGAL_BASIS_RE.match(t):
        return _one("basis", i, lines[i], strict=bool(CITATION_RE.search(t)) or t.rstrip()[-1:] in ";:,.")
    if CLOSING_RE.match(t):
        return _one("closing", i, lines[i])
    lab = label_of(t)
    if lab is not None:
        return _one("article" if lab.style == "article" else "label", i, lines[i])
    return None


def other(lines: Sequence[Line], i: int) -> Part:
    """A capitalised line (an issuer's name, a title in capitals) or any other text."""
    return _one("upper" if is_upper_text(lines[i].text) else "text", i, lines[i])


#: The recognisers in the order they are tried: fixed words first, then shapes, then what is left.
RECOGNISERS: tuple[Recogniser, ...] = (site_row, rule, national, party, motto, number, date, doc_type, subject,
                                       addressee, note, mark, body, noise)


def classify(lines: Sequence[Line], i: int = 0) -> list[Part]:
    """What every candidate line from ``i`` on is: parts in reading order, each line in exactly one."""
    parts: list[Part] = []
    while i < len(lines):
        part = next((p for r in RECOGNISERS if (p := r(lines, i)) is not None), None) or other(lines, i)
        parts.append(part)
        i = part.last + 1
    return parts

