"""The patterns of the header's parts, built from the vocabulary: number, date, type, subject, marks, site noise.

Every pattern is anchored where it starts (``match``) and linear in its input; the words come
from ``vocab/decree30.json``, ``dates.json``, ``doc_types.json``, ``header.json`` and
``organisations.json``.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

import vnplan.vocab as vocab
from vnplan.parse.common import LEGAL_BASIS_RE, edit_distance
from vnplan.pattern import escape as escape_literal
from vnplan.pattern import guarded
from vnplan.text import fold, is_upper_text
from vnplan.vocab.patterns import escape, longest_first, spelt

_W = vocab.header_words()
_D = vocab.dates()
_NUMBER_WORD = vocab.decree30().number_word
#: ``Số``, ``SỐ`` and the word without its marks (``So``: text typed without Vietnamese letters)
NUMBER_WORDS = spelt([_NUMBER_WORD, fold(_NUMBER_WORD)], ("given", "upper", "sentence"))

# A symbol: letters, digits, ``-``, ``/``, ``.``, ``&`` (``KH-UBND``, ``QĐ.UB``, ``KH-CAT-PC06``), or a
# blank form's placeholder (``…(3)…-…(4)…``) when nothing else follows it on the line.
_SYMBOL = r"[\p{L}\p{N}][\p{L}\p{N}\-/&. ]*?[\p{L}\p{N}]|[\p{L}\p{N}]"
#: the symbol of a Party or Đoàn document: kind, slash, issuer, perhaps a unit (``KH/TU``, ``KH/TWĐTN-CTTN``)
_PARTY_SYMBOL = r"\p{Lu}+/\p{Lu}[\p{L}\p{N}]*(?:-\p{Lu}[\p{L}\p{N}]*)*"
_PLACEHOLDER = r"[^\s/][^\s]*(?=\s*$)"
_NUMBER_END = (r"(?=\s*$|\s+\p{Lu}\p{Ll}|\s+\p{Lu}{2}|\s+" + escape(_D.day) + r"\s|\s+"
               + escape(_W.subject_abbreviation) + r"|\s*[,;|])")

#: ``Số: 05/KH-UBND``, ``Số: 23 /KH-UBND``, ``Số: 33/2009/QĐ-UBND`` (the year inside), ``Số:   /KH-SNV``
#: (a draft's blank number), ``Số 15-KH/TU`` (the Party's form: number, hyphen, symbol with a slash).
NUMBER_RE = guarded(
    rf"(?P<word>{NUMBER_WORDS})\s*(?P<colon>[:.]?)\s*"
    r"(?:"
    r"(?P<num>[0-9]*[A-Za-z]?)\s*(?:[.…_]+\s*)?(?P<slash>/)\s*"  # a draft's "……/" is a blank number
    r"(?:(?P<year>\d{4})\s*/\s*)?"
    rf"(?P<sym>{_SYMBOL}|{_PLACEHOLDER})?"
    rf"|(?P<pnum>[0-9]+)\s*-\s*(?P<psym>{_PARTY_SYMBOL})"
    r")" + _NUMBER_END
)
#: a number and symbol alone on the line under a lone ``Số:`` (``27/2010/QĐ-UBND``)
NUMBER_ALONE_RE = guarded(r"^\s*[0-9]*[A-Za-z]?\s*(?:[.…_]+\s*)?/\s*\S|^\s*[0-9]+\s*-\s*" + _PARTY_SYMBOL + r"\s*$")
#: a lone ``Số:`` (the number stands on the next line of its cell)
NUMBER_WORD_ALONE_RE = guarded(rf"^(?:{NUMBER_WORDS})\s*[:.]?\s*$")
#: ``Số:`` with its colon, at a position
NUMBER_WORD_RE = guarded(rf"(?:{NUMBER_WORDS})\s*:")

_DAY = spelt([_D.day], ("lower", "sentence"))
#: ``Bắc Giang, ngày 27 tháng 12 năm 2024`` (blanks kept: ``ngày   tháng 02 năm 2024``); also without
#: ``ngày`` after a place and its comma (``Hà Nội, 15 tháng 3 năm 2024``, ``Hà Nội, tháng 12 năm 2011``)
DATE_WORDS_RE = guarded(
    r"(?P<place>[^,;]{0,80}?)\s*(?P<comma>,?)\s*"
    rf"(?:(?P<ngay>{_DAY})\s*(?P<d>\d{{1,2}})?\s*(?:[.…_]+\s*)?|(?P<d>\d{{1,2}})\s+)?"  # "ngày" may be left out
    rf"(?P<thang>{escape(_D.month)})\s*(?P<m>\d{{1,2}})?\s*,?\s*(?:[.…_]+\s*)?"
    rf"(?P<nam>{escape(_D.year)})\s*(?P<y>\d{{4}})?"
)
#: a date line that stops after ``ngày 22``, ``tháng 01`` or ``năm`` (a narrow cell wraps the year):
#: the rest is on the next line
DATE_OPEN_RE = guarded(rf"(?:{_DAY}|{escape(_D.month)}|{escape(_D.year)})\s*\d{{0,2}}\s*$")
#: ``Hà Nội, 15/3/2024``
DATE_NUMERIC_RE = guarded(
    rf"(?P<place>[\p{{L}} .'-]{{2,40}}?)\s*,\s*(?:{_DAY}\s*)?(?P<d>\d{{1,2}})\s*[/.\-]\s*(?P<m>\d{{1,2}})\s*[/.\-]\s*"
    r"(?P<y>\d{4})(?=\s|$)"
)
#: a place written as a name: capitalised words, unit words and digits (``Bắc Giang``, ``Quận 1``, ``TP. Hồ Chí Minh``)
PLACE_RE = guarded(r"^(?:(?:\p{Lu}\p{Ll}*(?:-\p{Lu}\p{Ll}*)*\.?|\p{Lu}{1,2}\.|\d{1,2}|" + "|".join(
    escape(u) for u in sorted(sorted({w for unit in vocab.places().units for w in unit.split()}), key=len, reverse=True)
) + r")(?:\s+|$)){1,6}$")


def match_date(text: str, pos: int = 0, end: int | None = None, *, strict: bool = False) -> regex.Match[str] | None:
    """A place and date at ``pos``: ``Bắc Giang, ngày 27 tháng 12 năm 2024`` or ``Hà Nội, 15/3/2024``.

    ``strict`` asks for what only a header holds: the place written as a name and followed by a
    comma (or no place at all), and a year; otherwise a place of up to six words is enough.
    """
    end = len(text) if end is None else end
    # which pattern matched is told by the match, not by ``m.re`` (a guarded pattern wraps its regex)
    m = DATE_WORDS_RE.match(text, pos, end)
    words = m is not None
    m = m or DATE_NUMERIC_RE.match(text, pos, end)
    if m is None:
        return None
    place = (m.group("place") or "").strip()
    if place.count(" ") >= 6 or "/" in place or LEGAL_BASIS_RE.match(place):
        return None
    if strict and place and (not PLACE_RE.match(place) or not (not words or m.group("comma"))):
        return None
    if words and m.group("ngay") is None and not (place and m.group("comma") and PLACE_RE.match(place)):
        return None  # without "ngày", only a place written as a name and its comma make it the header's date
    return m


# The patterns below are used with ``match(text, pos)``: none starts with ``^``.

#: ``V/v …``, ``Về việc …``: the subject of an official letter
_LEADS = spelt(_W.subject_leads, ("given", "upper")) + "|" + spelt([_W.subject_abbreviation], ("lower",))
VV_RE = guarded(rf"(?P<lead>{_LEADS})\s*[:.]?\s*")
#: ``Kính gửi:``
KINH_GUI_RE = guarded(rf"{spelt([_W.addressee], ('given', 'upper'))}\s*:?")
#: ``(Kèm theo Quyết định số …)``, ``(Ban hành kèm theo …)``: the note under an attached document's title
ATTACHED_NOTE_RE = guarded(rf"\(\s*{spelt(_W.attached_notes, ('given', 'sentence', 'lower'))}\b")
_MARKS = [m for kind in _W.marks.values() for m in kind]
#: a mark above a header: ``KHẨN``, ``HỎA TỐC``, ``MẬT``, ``DỰ THẢO`` (``Dự thảo lần 2``)
MARK_RE = guarded(
    rf"^(?:{spelt(_MARKS, ('given',))}|{spelt(_W.marks.get('draft', ()), ('sentence',))})"
    r"(?:\s+\p{L}{0,4}\s*\d{1,2})?\s*$"
)
#: ``Số hiệu:``, ``Ngày ban hành |``, ``Ký bởi:``: a label of a site's metadata table or of a signature box
LABEL_RE = guarded(
    rf"(?:^|\|\s*)(?:{spelt([*_W.metadata_labels, *_W.signing_box_labels], ('given', 'sentence', 'upper'))})\s*[:|]"
)
_SITE = longest_first(_W.site_words)
SITE_START_RE = guarded(rf"^(?:{_SITE})\b")
SITE_ANY_RE = guarded(rf"(?:^|[\s|•›»>/\-–])(?:{_SITE})\b")
#: a link, a breadcrumb (``Trang chủ › Văn bản``), a file name (``QD 1250 thanh lap.doc``)
WEB_RE = guarded(
    r"https?://|www\.|\b[\w-]+\.(?:gov\.vn|com\.vn|vn|com|net|org)\b|\s[›»]\s|^\S.*\.(?:docx?|pdf|rtf|odt|txt)$",
    regex.IGNORECASE,
)
#: ``QUYẾT ĐỊNH:``, ``QUYẾT NGHỊ:``: the enacting words of a decision (not a type line)
_OPENERS = tuple(_W.legal_basis_starts[k] for k in _W.legal_basis_starts)
#: the end of a flattened title: a legal-basis opener, ``Kính gửi``, ``Điều 1.``, a roman or arabic label
BODY_CUT_RE = guarded(
    r"\s(?=(?:" + longest_first([w for ws in _OPENERS for w in ws]) + r"|" + escape(_W.addressee) + r")\b"
    r"|(?:" + escape(vocab.structure_words().part("article")[0].capitalize()) + r")\s+\d{1,3}\s*[.:]"
    r"|(?:[IVX]{1,5}|\d{1,2})\.\s+\p{Lu})"
)
_JOINS = spelt(_W.title_line_joins, ("lower",))
#: a title line that says the title goes on (ends with ``và``, ``năm``, ``giai đoạn``, a comma)
TITLE_JOIN_END_RE = guarded(rf"(?:(?<=\s)(?:{_JOINS})|[,\-–])\s*$")
#: a line that only ends a title: a year, a span of years, ``năm 2024``, ``giai đoạn 2021 - 2025``, and the
#: end of a span wrapped after its first year (``giai đoạn 2025`` / ``- 2030``)
TITLE_TAIL_RE = guarded(rf"^(?:(?:{_JOINS})\s+|[-–]\s*)?\d{{4}}(?:\s*[-–]\s*\d{{4}})?\.?$")
#: a citation of a numbered document inside a line (``số 14/KH-UBND``, ``76/NQ-CP``)
CITATION_RE = guarded(r"\d{1,4}\s*/\s*(?:\d{4}\s*/\s*)?\p{Lu}")

_NATIONAL = fold(vocab.decree30().national_name)
_MOTTO = fold(vocab.decree30().motto)
_NATIONAL_WORDS = frozenset(_NATIONAL.split())
_ALNUM_RE = guarded(r"[\p{L}\p{N}]+")
_MOTTO_WORDS = frozenset(_MOTTO.split())
#: the Quốc hiệu inside a longer capitalised line (``ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``)
NATIONAL_IN_RE = guarded(r"\s*".join(escape(w) for w in vocab.decree30().national_name.split()))
#: the Party's or the Youth Union's title where the Quốc hiệu stands, inside a longer line
#: (``ĐẢNG BỘ TỈNH BẮC NINH ĐẢNG CỘNG SẢN VIỆT NAM``: a flattened two-column header)
PARTY_IN_RE = guarded(
    "(?:" + "|".join(r"\s*".join(escape(w) for w in m.split()) for m in vocab.decree30().scope.party_markers) + ")"
    r"(?![\p{L}\p{M}])"
)
#: the Tiêu ngữ inside a longer line
_MOTTO_DASH = r"\s*[" + "".join(regex.escape(d) for d in vocab.decree30().motto_dashes) + r"—]\s*"
MOTTO_IN_RE = guarded(
    _MOTTO_DASH.join(r"\s+".join(escape(w) for w in part.split()) for part in vocab.decree30().motto.split(" - ")),
    regex.IGNORECASE,  # a short pattern: "ĐỘC LẬP - TỰ DO - HẠNH PHÚC" in capitals too
)


#: the longest line that can still be the Quốc hiệu or the Tiêu ngữ (a few letters and marks more)
SHORT_LINE = 2 * len(_NATIONAL)
_MARKS_TABLE = dict.fromkeys(c for c in range(0x300, 0x370))


def fold_line(text: str) -> str:
    """:func:`vnplan.text.fold` of a short text already normalised by a reader (no normalisation);
    empty for a line longer than any the folded tests look at."""
    if len(text) > SHORT_LINE:
        return ""
    d = unicodedata.normalize("NFD", text.lower().replace("đ", "d")).translate(_MARKS_TABLE)
    return " ".join(_ALNUM_RE.findall(d))


def national_folded(f: str) -> bool:
    """Whether folded text is the Quốc hiệu, tolerant of old tone placement and a few misspelt letters."""
    if f == _NATIONAL:
        return True
    near = 20 < len(f) <= SHORT_LINE and len(_NATIONAL_WORDS.intersection(f.split())) >= 4
    return near and edit_distance(f, _NATIONAL) <= 4  # the cheap test first, then the distance


def motto_folded(f: str) -> bool:
    """Whether folded text is the Tiêu ngữ, tolerant of dashes and a few misspelt letters."""
    if len(f) > SHORT_LINE:
        return False
    if "doc lap" in f and "hanh phuc" in f:
        return True
    return len(_MOTTO_WORDS.intersection(f.split())) >= 3 and edit_distance(f, _MOTTO) <= 4


@cache
def type_line_re() -> regex.Pattern[str]:
    """``KẾ HOẠCH`` at the start of a line, its letters possibly spaced out (``K Ế  H O Ạ C H``)."""
    names = sorted(sorted({n.upper() for n in vocab.type_names()}), key=len, reverse=True)  # the same source in every process
    alt = "|".join(r"\s*".join(escape_literal(ch) for ch in n if not ch.isspace()) for n in names)
    return guarded(rf"(?P<type>{alt})(?=\s|$|:)\s*(?P<rest>.*)$")


def match_type_line(text: str, pos: int = 0, end: int | None = None) -> regex.Match[str] | None:
    """``KẾ HOẠCH`` at ``pos`` (optionally followed by the title on the same line); not ``QUYẾT ĐỊNH:``."""
    m = type_line_re().match(text, pos, len(text) if end is None else end)
    if not m:
        return None
    rest = m.group("rest")
    if rest.startswith(":"):
        return None  # "QUYẾT ĐỊNH:" is the enacting word of a decision, not its type line
    if rest and is_upper_text(rest) and fold(rest).startswith(fold(_NUMBER_WORD) + " "):
        return None
    return m


@cache
def body_heads() -> tuple[str, ...]:
    """Starts of an issuing body's or an office's name in capitals, longest first (``ỦY BAN NHÂN DÂN``, ``SỞ``)."""
    heads = {h.upper() for h in vocab.organisations().heads}
    heads |= {h.strip() for h in vocab.decree30().department_heads}
    heads |= set(_W.authority_heads) | set(_W.issuer_heads)
    return tuple(sorted(heads, key=len, reverse=True))


@cache
def body_head_re() -> regex.Pattern[str]:
    """A body's head word at a position, as a whole word."""
    return guarded(rf"(?:{longest_first(body_heads())})(?=\s|$|,)")


@cache
def unit_re() -> regex.Pattern[str]:
    """A unit word in capitals as whole words (``THÀNH PHỐ``, ``TỈNH``)."""
    return guarded(rf"(?:{longest_first(unit_words())})(?= |$)")


@cache
def unit_words() -> tuple[str, ...]:
    """Kinds of administrative unit in capitals, longest first (``THÀNH PHỐ``, ``TỈNH``)."""
    return tuple(sorted((u.upper() for u in vocab.places().units), key=len, reverse=True))


def is_authority_head(text: str) -> bool:
    """A capitalised line naming a body or an office that enacts (``ỦY BAN NHÂN DÂN…``, ``BỘ TRƯỞNG…``)."""
    t = text.upper()
    return is_upper_text(text) and any(t.startswith(h) for h in _W.authority_heads)


def is_site_noise(text: str) -> bool:
    """A line of a site's banner, menu, breadcrumb, metadata table or a file name."""
    low = text.lower()
    if WEB_RE.search(text) or LABEL_RE.search(text) or SITE_START_RE.match(low):
        return True
    return len(SITE_ANY_RE.findall(low)) >= 2
