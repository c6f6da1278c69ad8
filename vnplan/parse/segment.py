"""Where a line holds several parts of a document (tách dòng): the structural markers a run-on text is cut at.

A PDF page drawn on one baseline, or a document pasted without its line breaks, reaches vnplan
as one block holding the whole header, body and closing; a closing table flattened by a site
puts ``- Như trên; PHÓ CHỦ TỊCH`` or ``- Lưu: VT. | Nguyễn Văn A`` on one line. This module
finds the places such a line is cut: the Quốc hiệu, the Tiêu ngữ, ``Số:``, the place and date,
the type name, ``V/v``, ``Kính gửi``, legal-basis openers, list labels (``II.``, ``1.``, ``a)``,
``-``, ``Điều 1.``, ``Chương I``), ``Nơi nhận:``, signature forms, positions and the signer's
name. :mod:`vnplan.parse.resegment` uses it to split a run-on block before parsing,
:mod:`vnplan.parse.closing` to split the lines of a closing into pieces. Only the cutting is
here; what each piece is, the parsers decide.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import regex

import vnplan.vocab as vocab
from vnplan.parse.abbreviations import WHITE_SPACE
from vnplan.parse.common import label_of
from vnplan.parse.outline import role_of_title
from vnplan.pattern import guarded
from vnplan.vocab.patterns import Hints, escape, hints, holds, in_order, longest_first, spelt, variants

_CAPS = r"\p{Lu}[\p{Lu}\p{M}]*"
_CAPS_WORD_RE = guarded(rf"(?:{_CAPS})")
_NAME_WORD = r"\p{Lu}[\p{Ll}\p{M}]*"
_ENDS = ".;:!?|)"
_INNER_MARKER_RE = guarded(r"\s[-–+•]\s")  # an entry's marker after the line's start
_CAPS_PAIR_RE = guarded(r"\p{Lu}[\p{Lu}\p{M}]*[.\s]")  # a word in capitals (a form, a position)
# a name ends in a small letter; searched from the end ((?r)), so a block is not walked letter by
# letter for an end only its last characters can make (the same blocks match: tests/test_quick_paths.py)
_LOWER_END_RE = guarded(r"(?r)\p{Ll}\p{M}*\s*$")
# how a signer's name ends a block: a blank, then its last word (a capital and small letters), searched from
# the end too; a block without it holds no name (a long sentence ending "… đề xây" is not walked for one)
_NAME_END_RE = guarded(r"(?r)\s\p{Lu}[\p{Ll}\p{M}]*\s*$")
_ROMAN_DOT_RE = guarded(r"(?<![\p{L}])[IVX]{1,5}\s*\.\s")
_SENTENCE_END_RE = guarded(r"(?<=\p{Ll}\p{M}*)\.\s+(?=\p{Lu})")
# a list label (``II.``, ``1.``, ``a)``, ``-``, ``Điều 1.``, ``Chương I``): what it may not follow, the
# markers of an entry, and what follows it (blanks, then a capital, a digit, a quote or a bracket)
_LABEL_BEFORE = r"(?<![\p{L}\p{N}.,/])"
_DASHES = "-–+•"
_LABEL_AFTER = r"\s+(?=[\p{Lu}\p{N}\"“(])"


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """The markers, built from the vocabulary once."""
    d30 = vocab.decree30()
    words = vocab.closing()
    dashes = "".join(regex.escape(d) for d in d30.motto_dashes)
    motto = rf"\s*[{dashes}]\s*".join(r"\s+".join(escape(w) for w in part.split())
                                      for part in regex.split(r"\s+-\s+", d30.motto))
    forms = in_order(f.rstrip(".") for f in d30.signature_forms)
    deputy = in_order(p.strip() for p in d30.deputy_positions)
    heads = longest_first([*vocab.header_words().authority_heads, *(h.strip() for h in d30.department_heads)])
    legal = longest_first(w for ws in vocab.header_words().legal_basis_starts.values() for w in ws)
    parts = spelt([p.name for p in vocab.structure_words().parts if p.heading], ("sentence", "upper"))
    prefix = longest_first([*words.ranks, *words.academic_titles])
    return {
        "national": guarded(r"\s+".join(escape(w) for w in d30.national_name.split())),
        "motto": guarded(motto),
        "number": guarded(r"(?<![\p{L}\p{N}])(?:Số|SỐ)\s*:?\s*\d*\s*/\s*(?:\d{4}\s*/\s*)?"
                                r"[\p{Lu}\p{N}][\p{L}\p{N}\-.&/]*[\p{L}\p{N}]"),
        "date": guarded(r"ngày\s*\d{0,2}\s*(?:[/.…_]+\s*)?tháng\s*\d{0,2}\s*(?:[/.…_]+\s*)?năm\s*\d{4}"),
        "type": guarded(rf"(?<![\p{{L}}])(?:{longest_first(n.upper() for n in vocab.type_names())})(?![\p{{L}}\p{{M}}])"),
        "vv": guarded(r"(?<![\p{L}])(?:V/v|V/V)(?=\s)"),
        "kinh_gui": guarded(r"(?<![\p{L}])Kính\s+gửi\s*:?"),
        "legal": guarded(rf"(?<=\s)(?:{legal})(?=\s)"),
        "recipients": guarded(r"(?<![\p{L}])(?:Nơi\s+nhận|NƠI\s+NHẬN)(?!\s*\p{Ll})\s*:?"),
        "form": guarded(rf"(?<![\p{{L}}])(?:{forms})\s*\.\s*(?={_CAPS}(?:[\s.,]|$))"),
        "position": guarded(rf"(?<![\p{{L}}])(?:(?:{deputy})\s+)?(?:{longest_first(words.positions)})(?![\p{{L}}\p{{M}}])"),
        "head": guarded(rf"(?<![\p{{L}}])(?:{heads})(?![\p{{L}}\p{{M}}])"),
        "name": guarded(rf"(?<![\p{{L}}\p{{M}}.])(?:(?:{prefix})\s*)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}\s*$"),
        "stamp": guarded(rf"(?<![\p{{L}}])(?:{longest_first(words.stamp_labels)})\s*:"),
        "signed": guarded(rf"[(\[]\s*{spelt(words.signed_marks[:1], ('lower', 'sentence', 'upper'))}(?![\p{{L}}])"),
        "label": guarded(
            rf"{_LABEL_BEFORE}(?:{parts}\s+(?:[IVXLC]+|\d{{1,2}})(?![\p{{L}}])|Điều\s+\d{{1,3}}\s*[.:]"
            rf"|[IVX]{{1,5}}\s*\.|\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}\s*[.)]|[a-zđ]\)|[{_DASHES}]){_LABEL_AFTER}"),
        # the label pattern's matches that start with a dash (no other match holds one): the entries of a closing
        "dash_label": guarded(rf"{_LABEL_BEFORE}[{_DASHES}]{_LABEL_AFTER}"),
        "part_title": guarded(rf"(?:{parts})\s+(?:[IVXLC]+|\d{{1,2}})\s*[.:]?\s+(?={_CAPS}\s+{_CAPS})"),
        "roman_title": guarded(rf"(?<![\p{{L}}])[IVX]{{1,5}}\s*\.\s+(?:{_CAPS}[\s,]+)*{_CAPS}(?=\s+\p{{Lu}}\p{{Ll}})"),
        "roman_heading": guarded(rf"(?<![\p{{L}}])[IVX]{{1,5}}\s*\.\s+{_CAPS}(?:[\s,]+{_CAPS})+(?![\p{{L}}\p{{M}}])"),
        "enact": guarded(r"QUYẾT\s+ĐỊNH\s*:"),
        "pipe": guarded(r"\|"),
        "rule": guarded(r"(?<![^\s|])[-_=─—–~]{3,}(?![^\s|])"),
    }


def at_boundary(text: str, pos: int, since: int = 0) -> bool:
    """Whether a part may start at ``pos``: at the start, after a sentence's or an item's end
    (``.``, ``;``, ``:``, ``)``), after a word in capitals (a heading's end), or after a heading
    that names a part (``1. Mục đích - Tuyên truyền…``)."""
    before = text[since:pos].rstrip()
    if not before or before[-1] in _ENDS:
        return True
    word = before.rsplit(None, 1)[-1]
    if len(word) >= 2 and _CAPS_WORD_RE.fullmatch(word):
        return True
    lab = label_of(before)
    return lab is not None and role_of_title(before[lab.end :].strip()) is not None


def _first(name: str, text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
    return _patterns()[name].search(text, start, len(text) if end is None else end)


def _both(m: regex.Match[str] | None) -> set[int]:
    return {m.start(), m.end()} if m else set()


def _header_cuts(text: str, end: int) -> set[int]:
    """The header's parts in ``text[:end]``: Quốc hiệu, Tiêu ngữ, number, place and date, type, V/v, issuers."""
    national, motto = _first("national", text, 0, end), _first("motto", text, 0, end)
    number = _first("number", text, 0, end)
    cuts = _both(national) | _both(motto) | _both(number)
    after = max((m.end() for m in (national, motto, number) if m), default=0)
    date = _first("date", text, after, min(end, after + 80)) if after else None
    if date:
        cuts.add(date.end())
        after = date.end()
    kind = _first("type", text, after, end)
    if kind:
        cuts.add(kind.start())
        if text[kind.end() : kind.end() + 2].strip()[:1] != ":":
            cuts.add(kind.end())
    vv = _first("vv", text, 0, end)
    if vv:
        cuts.add(vv.start())
    firsts = [m.start() for m in (national, motto, number, kind) if m]
    cuts |= _issuer_cuts(text, 0, min(firsts, default=end))
    if kind:
        cuts |= _issuer_cuts(text, kind.end() + 1, end, after_title=True)
    return cuts


def _issuer_cuts(text: str, start: int, end: int, after_title: bool = False) -> set[int]:
    """Before the name of a body that follows another (``UBND TỈNH BẮC NINH SỞ TƯ PHÁP``), or
    that follows the title (``… năm 2024 CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …``)."""
    links = {w.upper() for w in (*vocab.structure_words().document_links, "và")}
    out: set[int] = set()
    for m in _patterns()["head"].finditer(text, start, end):
        before = text[start : m.start()].rstrip()
        if not before:
            continue
        word = before.rsplit(None, 1)[-1]
        caps = bool(_CAPS_WORD_RE.fullmatch(word))
        if word.upper() in links or (after_title and caps) or not (caps or word[-1:].isdigit() or after_title):
            continue
        out.add(m.start())
    return out


def _header_end(text: str) -> int:
    """Where the header's zone ends: the first legal-basis opener, ``Kính gửi`` or top-level label."""
    ends = [m.start() for m in (_first("legal", text), _first("kinh_gui", text)) if m]
    for m in _patterns()["label"].finditer(text):
        lab = label_of(text[m.start() :])
        if lab is not None and lab.style in ("roman", "article") and at_boundary(text, m.start()):
            ends.append(m.start())
            break
    return min(ends, default=len(text))


def _label_cuts(text: str, start: int) -> set[int]:
    """List labels, legal-basis openers, ``Kính gửi`` and the enacting ``QUYẾT ĐỊNH:`` from ``start``."""
    p = _patterns()
    out = {m.start() for m in p["legal"].finditer(text, start)}
    for name in ("kinh_gui", "enact"):
        for m in p[name].finditer(text, start):
            out |= {m.start(), m.end()}
    for m in p["kinh_gui"].finditer(text, start):
        end = _SENTENCE_END_RE.search(text, m.end())
        if end:
            out.add(end.end())  # the addressees' list ends with a full stop; the body follows
    for m in p["label"].finditer(text, start):
        if at_boundary(text, m.start(), _previous(out, m.start())):
            out.add(m.start())
    for m in p["part_title"].finditer(text, start):
        out.add(m.end())  # "Chương I QUY ĐỊNH CHUNG": the title below the label
    for m in p["roman_title"].finditer(text, start):
        if m.start() in out:
            out.add(m.end())  # "III. KINH PHÍ Kinh phí thực hiện…": the heading, then its text
    return out


def _previous(cuts: set[int], pos: int) -> int:
    return max((c for c in cuts if c < pos), default=0)


def closing_cuts(text: str, start: int = 0) -> set[int]:
    """The parts of a closing from ``start``: ``Nơi nhận:``, entries, signature forms, positions,
    signed-copy labels, the signer's name at the end, and ``|`` cell separators (each its own part)."""
    p = _patterns()
    h = _hints()
    out: set[int] = set()
    if holds(text, h["recipients"]):
        for m in p["recipients"].finditer(text, start):
            out |= {m.start(), m.end()}
    if "|" in text:
        for m in p["pipe"].finditer(text, start):
            out |= {m.start(), m.end()}
    if ":" in text and holds(text, h["stamp"]):
        out |= {m.start() for m in p["stamp"].finditer(text, start)}
    if "(" in text and holds(text, h["signed"]):
        out |= {m.start() for m in p["signed"].finditer(text, start)}
    if ("-" in text or "–" in text or "+" in text or "•" in text) and _has_inner_marker(text, start + 1):
        for m in p["dash_label"].finditer(text, start):
            if at_boundary(text, m.start(), _previous(out, m.start())):
                out.add(m.start())
    form, position = holds(text, h["form"]), holds(text, h["position"])
    if (form or position) and _CAPS_PAIR_RE.search(text, start):
        out |= _signature_cuts(text, start, ("form", "position") if form and position else ("form",) if form
                               else ("position",))
    named = _ends_in_small_letter(text) and _NAME_END_RE.search(text) is not None
    person = p["name"].search(text, start) if named else None
    if person and person.start() > start and _is_person(person.group(0)):
        before = text[start : person.start()].rstrip()
        if before and (before[-1] in _ENDS or before[-1].isdigit() or at_boundary(text, person.start(), start)):
            out.add(person.start())
    return out


def _has_inner_marker(text: str, pos: int) -> bool:
    """``_INNER_MARKER_RE.search(text, pos)``: a dash, plus or bullet with white space on both sides (a
    blank, a dash, then a blank: a few looks at each dash in C, not the pattern at every character)."""
    for d in "-–+•":
        k = text.find(d, pos + 1)
        while k >= 0:
            if text[k - 1] in WHITE_SPACE and text[k + 1 : k + 2] in WHITE_SPACE:
                return True
            k = text.find(d, k + 1)
    return False


def _ends_in_small_letter(text: str) -> bool:
    """``_LOWER_END_RE.search(text)``, a text ending in a character of ASCII that is no small letter and no
    white space (a full stop, a semicolon, a digit…: no letter and no mark) answered without the pattern."""
    c = text[-1:]
    if c.isascii() and not ("a" <= c <= "z") and c not in WHITE_SPACE:
        return False
    return _LOWER_END_RE.search(text) is not None


@cache
def _hints() -> dict[str, Hints]:
    """For some closing patterns, the :func:`hints` of the words of its alternation, one of which every match
    holds: a block holding none is not searched."""
    d30 = vocab.decree30()
    words = vocab.closing()
    found = {
        "recipients": ("Nơi", "NƠI"),
        "stamp": words.stamp_labels,
        "signed": variants(words.signed_marks[:1], ("lower", "sentence", "upper")),
        "form": [f.rstrip(".") for f in d30.signature_forms],
        "position": words.positions,
    }
    return {name: hints(ws) for name, ws in found.items()}


def _signature_cuts(text: str, start: int, names: tuple[str, ...] = ("form", "position")) -> set[int]:
    """Before each signature form and each position that does not follow a form (``KT. CHỦ TỊCH``)."""
    p = _patterns()
    out: set[int] = set()
    for name in names:
        for m in p[name].finditer(text, start):
            before = text[start : m.start()].rstrip()
            if name == "position" and _form_end_re().search(before):
                continue  # "KT. CHỦ TỊCH", "K/T. GIÁM ĐỐC": the position is what the form names
            if at_boundary(text, m.start(), start):
                out.add(m.start())
    return out


def _is_person(name: str) -> bool:
    """A rank or title before it, or a family name first (``Đại tá Trần Quốc Hưng``, ``Hà Văn Tuyên``)."""
    words = vocab.closing()
    if name.startswith((*words.ranks, *words.academic_titles)):
        return True
    return name.split(None, 1)[0] in _surnames()


@cache
def _surnames() -> frozenset[str]:
    return frozenset(vocab.closing().surnames)


@cache
def _form_end_re() -> regex.Pattern[str]:
    """A signature form, or one of its misspellings (``K/T``, ``T.M``), ending the text before a position."""
    d30 = vocab.decree30()
    forms = longest_first([*(f.rstrip(".") for f in d30.signature_forms), *d30.signature_form_misspellings])
    return guarded(rf"(?<![\p{{L}}])(?:{forms})\s*\.?$")


def closing_start(text: str, after: int) -> int | None:
    """Where a run-on text's closing starts: its ``Nơi nhận:`` or first signature form after ``after``."""
    found = [m.start() for m in (_first("recipients", text, after), _first("form", text, after)) if m]
    found = [c for c in found if at_boundary(text, c)]
    return min(found, default=None)


def document_cuts(text: str) -> set[int]:
    """Every place a run-on text holding a whole document (or a page of one) is cut."""
    end = _header_end(text)
    cuts = _header_cuts(text, end) | _label_cuts(text, 0)
    for name in ("national", "motto", "recipients", "pipe", "rule"):
        for m in _patterns()[name].finditer(text):
            cuts |= {m.start(), m.end()}
    closing = closing_start(text, end)
    if closing is not None:
        cuts.add(closing)
        cuts |= closing_cuts(text, closing)
    return cuts


def strong_markers(text: str) -> int:
    """How many kinds of part only a whole document has are in ``text`` (Quốc hiệu, Tiêu ngữ,
    ``Số:``, a type name in capitals, ``Nơi nhận:``, a signature form, two part headings); three
    roman headings with their titles (``II. NỘI DUNG …``, a page of a body) count as three."""
    p = _patterns()
    kinds = ("recipients", "number", "national", "motto", "form", "type")
    found = 0
    for k, name in enumerate(kinds):
        found += 1 if p[name].search(text) else 0
        if found >= 3 or found + len(kinds) - k - 1 + 1 < 3:  # decided (the headings may add one)
            break
    if found >= 3 or not _ROMAN_DOT_RE.search(text):
        return found
    titled = [m for m in p["roman_heading"].finditer(text) if at_boundary(text, m.start())]
    if len(titled) >= 3:
        return max(found + 1, 3)
    headings = [m for m in p["label"].finditer(text) if text[m.start()] in "IVX" and at_boundary(text, m.start())]
    return found + (1 if len(headings) >= 2 else 0)


def pieces(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    """The non-blank parts of ``text`` between ``cuts``, spaces trimmed: ``[(start, end), …]``."""
    inner = [c for c in cuts if 0 < c < len(text)]
    if not inner:  # the whole text, trimmed (str.strip trims what str.isspace tells, as below)
        trimmed = text.strip()
        lead = len(text) - len(text.lstrip())
        return [(lead, lead + len(trimmed))] if trimmed else []
    bounds = sorted({0, len(text), *inner})
    out: list[tuple[int, int]] = []
    for a, b in pairwise(bounds):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
