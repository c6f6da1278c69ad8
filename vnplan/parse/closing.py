"""The closing of a document: recipients (nơi nhận) and the signature block (chữ ký).

Real files put them in a two-column table (Nơi nhận left, signature right) that reaches us in
any shape: cell by cell in either order, line by line with the two columns interleaved, two
cells on one line joined by a TAB, a space or ``|``, or the whole closing on one line. Each
line is first cut into pieces (:func:`vnplan.parse.segment.closing_cuts`: ``- Như trên; PHÓ
CHỦ TỊCH`` is two pieces), then each piece is read as what it is: the heading, an entry, a
sub-heading of the list, a signature line, a signed-copy mark, or text after the document.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import NamedTuple

import regex

import vnplan.vocab as vocab
from vnplan.model import AuthorityLine, Block, Paragraph, Recipient, Signature, Span
from vnplan.parse.common import label_of, trimmed_span
from vnplan.parse.segment import closing_cuts, pieces
from vnplan.pattern import guarded
from vnplan.text import is_upper_text
from vnplan.vocab.patterns import in_order, longest_first, spelt

#: ``Nơi nhận:``; not ``Nơi nhận hồ sơ: …``, a sentence of the body that starts with the same words
RECIPIENTS_RE = guarded(r"^(?:Nơi\s+nhận|NƠI\s+NHẬN)(?!\s*\p{Ll})\s*[:.]?\s*")
FORM_RE = guarded(
    rf"^(?P<form>{in_order(f.rstrip('.') for f in vocab.decree30().signature_forms)})\s*\.\s*(?P<of>\S.*)?$"
)
#: a form as the Party prints it or as a typist slips (``T/M BAN THƯỜNG VỤ``, ``K/T GIÁM ĐỐC``, ``TL CHỦ TỊCH``),
#: read as the form it stands for; ``Q`` without its dot stays a word
_MISSPELT_FORM_RE = guarded(
    rf"^(?P<form>{longest_first(k for k in vocab.decree30().signature_form_misspellings if len(k) > 1)})"
    r"\.?\s+(?P<of>\p{Lu}.*)$"
)
# no "^": `match(text, offset)` must anchor at the offset (after "Nơi nhận:" on the same line)
_ENTRY_RE = guarded(r"[-–—+•*]\s*")
# where the next entry starts when several share a line: "- A (b/c); - B; - Lưu: VT."
_NEXT_ENTRY_RE = guarded(r"(?<=;)\s+(?=[-–—+•*]\s)")
_ARCHIVE_RE = guarded(r"^(?:Lưu|LƯU)\s*[:.]?\s*(?P<units>.*)$")
_ARCHIVE_LINE_RE = guarded(r"^(?:Lưu|LƯU)\s*(?::|\s+\p{Lu}{2})")
_NOTE_RE = guarded(r"\s*\((?P<note>[^()]{1,40})\)\s*$")
_SIGNER_RE = guarded(r"^(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s+){1,5}\p{Lu}[\p{Ll}\p{M}]*$")
_CAPS_NAME_RE = guarded(r"^\p{Lu}[\p{Lu}\p{M}]*(?:\s+\p{Lu}[\p{Lu}\p{M}]*){1,4}$")
_PLACEHOLDER_RE = guarded(r"^\[[^\[\]]{2,120}\]$")
_GROUP_RE = guarded(r"^[^-–—+•*].{0,60}:$")
_EMPHASIS_RE = guarded(r"^[*_]+(?=\S)|(?<=\S)[*_]+$")


class Piece(NamedTuple):
    """A part of a block in the closing: the block and the part's range in its text."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        """The piece as printed, without Markdown emphasis around it (``**PHÓ CHỦ TỊCH**``)."""
        return plain(self.block.text[self.start : self.end])

    @property
    def span(self) -> Span:
        return Span(self.block.index, self.start, self.end)


class Closing(NamedTuple):
    """What the closing holds: recipients with their heading and groups, the signature, the text
    after the document, and the ``|`` separators of a flattened table (artifacts)."""

    heading: Span | None = None
    recipients: tuple[Recipient, ...] = ()
    groups: tuple[Paragraph, ...] = ()
    signature: Signature | None = None
    other: tuple[Paragraph, ...] = ()
    artifacts: tuple[Span, ...] = ()


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    words = vocab.closing()
    d30 = vocab.decree30()
    deputy = [p.strip() for p in d30.deputy_positions]
    prefixes = longest_first([*words.ranks, *(r.upper() for r in words.ranks), *words.academic_titles])
    return {
        "prefix": guarded(rf"^(?P<rank>{prefixes})\s*(?=\p{{Lu}})"),
        "signed": guarded(rf"^[(\[]\s*{spelt(words.signed_marks, ('lower', 'sentence', 'upper'))}(?![\p{{L}}])"
                                rf"|^{spelt(words.signed_marks[:1], ('lower', 'sentence', 'upper'))}$"),
        "signed_after": guarded(rf"\s*[(\[]\s*{spelt(words.signed_marks, ('lower', 'sentence', 'upper'))}"
                                rf"(?![\p{{L}}])[^()\[\]]{{0,30}}[)\]]$"),
        "stamp": guarded(rf"^(?P<label>{longest_first(words.stamp_labels)})\s*:\s*(?P<value>.*)$"),
        "trailer": guarded(rf"^(?:{longest_first(words.site_trailer)})(?![\p{{L}}])"),
        "position": guarded(rf"(?<![\p{{L}}])(?:{longest_first(words.positions)})(?![\p{{L}}])"),
        "titled": guarded(rf"^(?:{spelt(deputy, ('upper', 'sentence', 'title'))}\s+)?"
                                rf"{spelt([*words.positions, *d30.collective_bodies], ('upper', 'sentence', 'capital', 'title'))}"
                                rf"(?![\p{{L}}\p{{M}}])"),
    }


def plain(text: str) -> str:
    """A line without Markdown emphasis marks around it (``**PHÓ CHỦ TỊCH**``, ``*Nơi nhận:*``); a
    list marker (``* Như trên;``) and a rule line (``_____``) stay as they are."""
    t = text.strip()
    if "*" not in t and "_" not in t:
        return t
    return _EMPHASIS_RE.sub("", t) or t


def form_of(text: str) -> tuple[str, str | None] | None:
    """The form a signature line opens with, as Decree 30 writes it, and what it names (None for a form
    alone on its line): ``TM. ỦY BAN NHÂN DÂN``, ``KT. Giám đốc`` as a web copy prints it, and in
    capitals the Party's ``T/M BAN THƯỜNG VỤ`` (→ ``TM.``) or a slip such as ``K/T GIÁM ĐỐC``."""
    t = plain(text)
    m = FORM_RE.match(t)
    if m is not None:
        of = m.group("of")
        if is_upper_text(t) or _patterns()["titled"].match(of or ""):
            return m.group("form") + ".", of.strip() if of else None
        return None
    m = _MISSPELT_FORM_RE.match(t)
    if m is not None and is_upper_text(t):
        return vocab.decree30().signature_form_misspellings[m.group("form")], m.group("of").strip()
    return None


def is_form(text: str) -> bool:
    """Whether ``text`` is a line of a signature's form (:func:`form_of`)."""
    return form_of(text) is not None


def is_position_line(text: str) -> bool:
    """A line of the signer's position: in capitals (``PHÓ CHỦ TỊCH``), or in small letters as a web
    copy prints it (``Phó Giám đốc``), a short line that starts with a position."""
    t = plain(text)
    if is_upper_text(t):
        return True
    return (len(t.split()) <= 8 and not t.endswith((".", ";", ":", ",")) and bool(_patterns()["titled"].match(t)))


def is_trailer(text: str) -> bool:
    """A line a legal site or portal adds after a document (``Văn bản liên quan``, ``Tải văn bản``)."""
    t = plain(text)
    return len(t) <= 80 and bool(_patterns()["trailer"].match(t))


def find_closing(blocks: tuple[Block, ...], start: int, end: int | None = None) -> int:
    """Position (in ``blocks``) of the first block of the closing from ``start``: ``Nơi nhận``, a
    signature form, or the lines a site adds after a document; ``end`` (default: all) if none."""
    end = len(blocks) if end is None else end
    body_seen = False  # a site's lines count only after the body (the same words head its menu)
    firsts = _first_letters()
    for k in range(start, end):
        b = blocks[k]
        if b.kind == "artifact":
            continue
        t = plain(b.text)
        if t[:1] not in firsts:
            pass
        elif _opens_closing(t) or (body_seen and is_trailer(t) and not _closing_in(blocks, k + 1, end)):
            return k
        body_seen = body_seen or t.endswith("./.") or label_of(t) is not None
    return end


def _opens_closing(t: str) -> bool:
    """``Nơi nhận:`` or a signature's form line (the first cell of a flattened row)."""
    return bool(RECIPIENTS_RE.match(t)) or is_form(t.split("|")[0].strip())


def _closing_in(blocks: tuple[Block, ...], start: int, end: int) -> bool:
    """Whether ``Nơi nhận`` or a form line comes in ``blocks[start:end]``: a site's words before it
    (``Liên hệ: Phòng Văn hóa…``) are the body's, not what the site adds after the document."""
    return any(b.kind != "artifact" and _opens_closing(plain(b.text)) for b in blocks[start:end])


@cache
def _first_letters() -> frozenset[str]:
    """The letters a closing's first line can start with (a quick test before the patterns)."""
    words = [*vocab.decree30().signature_forms, *vocab.closing().site_trailer, "Nơi nhận", "NƠI NHẬN"]
    return frozenset(w[:1] for w in words)


def _note_of(name: str) -> tuple[str, str | None]:
    m = _NOTE_RE.search(name)
    if not m:
        return name, None
    note = m.group("note").strip()
    known = vocab.header_words().recipient_notes
    if note in known or "/" in note or note.startswith("để "):
        return name[: m.start()].rstrip().rstrip(";,.").rstrip(), note
    return name, None


def parse_recipients(b: Block, group: str | None, offset: int = 0, end: int | None = None) -> list[Recipient]:
    """The entries of block ``b`` from ``offset`` to ``end``: one, or several sharing the line (``- A; - B;``)."""
    end = len(b.text) if end is None else end
    cuts = [offset, *(m.end() for m in _NEXT_ENTRY_RE.finditer(b.text, offset, end)), end]
    out = (parse_recipient(b, group, s, e) for s, e in pairwise(cuts))
    return [r for r in out if r is not None]


def parse_recipient(b: Block, group: str | None, offset: int = 0, end: int | None = None) -> Recipient | None:
    """One ``- name (note);`` entry, from ``offset`` to ``end`` of block ``b``."""
    t = b.text[:end] if end is not None else b.text
    m = _ENTRY_RE.match(t, offset)
    start = m.end() if m else offset
    span = trimmed_span(b, start, len(t))
    if span is None:
        marker = trimmed_span(b, offset, len(t))
        if marker is None:
            return None
        # a bare list marker ("-"): an empty entry, kept so that no character goes unowned
        return Recipient(name="", note=None, text=t[offset:].strip(), span=Span(b.index, offset, marker.end), group=group)
    body = plain(t[span.start : span.end]).rstrip(";.,").rstrip()
    am = _ARCHIVE_RE.match(body)
    if am:
        units = tuple(u.strip() for u in regex.split(r"\s*,\s*", am.group("units")) if u.strip())
        return Recipient(name="Lưu", note=None, text=t[offset:].strip(), span=Span(b.index, offset, span.end),
                         archive=True, archive_units=units, group=group)
    name, note = _note_of(body)
    return Recipient(name=name, note=note, text=t[offset:].strip(), span=Span(b.index, offset, span.end), group=group)


def closing_pieces(blocks: tuple[Block, ...]) -> list[Piece]:
    """The non-artifact blocks of a closing cut into pieces."""
    out: list[Piece] = []
    for b in blocks:
        if b.kind == "artifact":
            continue
        out.extend(Piece(b, s, e) for s, e in pieces(b.text, closing_cuts(b.text)))
    return out


class _State:
    """The closing being read, piece by piece."""

    def __init__(self) -> None:
        self.heading: Span | None = None
        self.recipients: list[Recipient] = []
        self.groups: list[Paragraph] = []
        self.group: str | None = None
        self.list_open = False
        self.archived = False  # the "Lưu: VT, …" entry was read
        self.signature: list[Piece] = []
        self.signer_seen = False
        self.open_mark = False  # a signed-copy mark in brackets not closed yet: "(Chữ ký của …," / "…)"
        self.other: list[Paragraph] = []
        self.artifacts: list[Span] = []

    @property
    def done(self) -> bool:
        """Recipients (to their ``Lưu`` line or a line that is not an entry) and signature both read:
        what follows is not the document's."""
        return self.signer_seen and self.heading is not None and (self.archived or not self.list_open)

    def add_other(self, pc: Piece) -> None:
        self.other.append(Paragraph(pc.block.text[pc.start : pc.end], pc.span))


def parse_closing(blocks: tuple[Block, ...]) -> Closing:
    """Read the closing ``blocks`` (from the first ``Nơi nhận``/signature line to the document's end)."""
    st = _State()
    for pc in closing_pieces(blocks):
        t = pc.text
        if t == "|" or not t:
            st.artifacts.append(pc.span)
        elif st.done:
            st.add_other(pc)
        elif not _recipients_piece(st, pc, t) and not _signature_piece(st, pc, t):
            if st.list_open and st.recipients and (t[:1].islower() or t.startswith("(")):
                st.add_other(pc)  # a wrapped entry's second line ("(để đưa tin)"): the list goes on
                continue
            st.list_open = False
            st.add_other(pc)
    return Closing(st.heading, tuple(st.recipients), tuple(st.groups), signature_of(st.signature),
                   tuple(st.other), tuple(st.artifacts))


def _recipients_piece(st: _State, pc: Piece, t: str) -> bool:
    """Read ``pc`` as the heading, an entry or a sub-heading of the recipients; False if it is none."""
    b = pc.block
    rm = RECIPIENTS_RE.match(t)
    if rm and st.heading is None:
        lead = b.text.index(t, pc.start)
        rest = trimmed_span(b, lead + rm.end(), pc.end)
        st.heading = Span(b.index, pc.start, rest.start if rest is not None else pc.end)
        st.list_open = True
        if rest is not None:
            _add_entries(st, b, rest.start, pc.end)
        return True
    if not st.list_open or is_form(t):
        return False
    if _ENTRY_RE.match(t) or _ARCHIVE_LINE_RE.match(t) or _is_unmarked_entry(t):
        _add_entries(st, b, pc.start, pc.end)
        return True
    if _GROUP_RE.match(t) and not is_upper_text(t) and not _SIGNER_RE.match(t):
        st.group = t.rstrip(":").strip()
        st.groups.append(Paragraph(b.text[pc.start : pc.end], pc.span))
        return True
    return False


def _is_unmarked_entry(text: str) -> bool:
    """An entry whose list marker a copy dropped (``Như trên;`` / ``Sở Nội vụ;``): a short line in small
    letters under ``Nơi nhận:`` that ends as an entry does, with ``;`` or ``,`` (the last with ``.``)."""
    return (len(text) <= 120 and text[:1].isupper() and text.endswith((";", ",", "."))
            and not text.endswith("./.") and not is_upper_text(text) and person(text) is None)


def _add_entries(st: _State, b: Block, start: int, end: int) -> None:
    found = parse_recipients(b, st.group, start, end)
    st.recipients.extend(found)
    st.archived = st.archived or any(r.archive for r in found)


def _signature_piece(st: _State, pc: Piece, t: str) -> bool:
    """Read ``pc`` as a line of the signature block; False if it is none."""
    if st.open_mark or is_signed_mark(t) or _patterns()["stamp"].match(t):
        st.open_mark = (st.open_mark or t.startswith("(")) and not t.endswith(")")
        st.signature.append(pc)
        return True
    if st.signer_seen:
        return False
    if is_placeholder(t) or is_form(t):
        st.signature.append(pc)
        st.signer_seen = is_placeholder(t) and not is_upper_text(t)  # where the name goes
        return True
    if person(t, after_position=bool(st.signature)) is not None:
        st.signature.append(pc)
        st.signer_seen = True
        return True
    if is_position_line(t) and not _ARCHIVE_RE.match(t):
        st.signature.append(pc)
        return True
    return False


def is_signed_mark(text: str) -> bool:
    """What a copy prints where the signature was: ``(Đã ký)``, ``[đã ký]``, ``(đã ký và đóng dấu)``."""
    return bool(_patterns()["signed"].match(plain(text)))


def is_placeholder(text: str) -> bool:
    """A draft's ``[Ghi họ và tên]`` or a blank form's ``QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ`` / ``Họ và tên``."""
    t = plain(text)
    return bool(_PLACEHOLDER_RE.match(t)) or t in vocab.closing().form_placeholders


def person(text: str, *, after_position: bool = False) -> tuple[str | None, str] | None:
    """``(rank, name)`` when ``text`` is a signer's name, a rank or title before it kept apart
    (``Đại tá Ngô Quang Vinh`` → ``("Đại tá", "Ngô Quang Vinh")``). A name in capitals
    (``ĐẶNG QUANG VINH``) is a name only ``after_position`` and when it starts with a family name
    and holds no position word."""
    t = plain(text)
    if _patterns()["titled"].match(t):
        return None  # "Phó Chủ Tịch" in title case is a position
    mark = _patterns()["signed_after"].search(t)  # "Nguyễn Văn An (Ký số)": the mark a copy puts after the name
    t = t[: mark.start()] if mark and mark.start() else t
    m = _patterns()["prefix"].match(t)
    rank = m.group("rank").strip() if m else None
    name = t[m.end() :].strip() if m else t
    if _SIGNER_RE.match(name):
        return rank, name
    if (after_position or rank) and _CAPS_NAME_RE.match(name) and not _patterns()["position"].search(name):
        first = name.split(None, 1)[0]
        if first[:1] + first[1:].lower() in _surnames():
            return rank, name
    return None


def _continues_body(text: str) -> bool:
    """A body's name wrapped onto the next line: ``TM. ỦY BAN NHÂN DÂN`` / ``TỈNH VĨNH PHÚC``."""
    return text.upper().startswith(_place_units()) and not _patterns()["position"].match(text)


@cache
def _place_units() -> tuple[str, ...]:
    return tuple(u.upper() + " " for u in vocab.places().units)


@cache
def _surnames() -> frozenset[str]:
    return frozenset(vocab.closing().surnames)


def signature_of(lines: list[Piece]) -> Signature | None:
    """The signature read from its pieces: forms (a form alone on its line takes the next line as
    what it names), position, signer and rank, a placeholder; signed-copy marks are kept, not read."""
    if not lines:
        return None
    forms: list[AuthorityLine] = []
    position: str | None = None
    signer: tuple[str | None, str] | None = None
    stamped: str | None = None
    placeholder: str | None = None
    bare: Piece | None = None  # "TM." alone: what it names is on the next line
    for pc in lines:
        t = pc.text
        fm = form_of(t)
        if is_placeholder(t):
            placeholder = placeholder or (t if _PLACEHOLDER_RE.match(t) or not is_upper_text(t) else None)
        elif fm:
            bare = None if fm[1] else pc
            if fm[1]:
                forms.append(AuthorityLine(form=fm[0], of=fm[1], span=pc.span))
        elif is_signed_mark(t) or _patterns()["stamp"].match(t):
            sm = _patterns()["stamp"].match(t)
            if sm and person(sm.group("value")) is not None:
                stamped = stamped or person(sm.group("value"))[1]  # type: ignore[index]
        elif signer is None and (who := person(t, after_position=bool(forms or position))) is not None:
            signer = who
        elif is_position_line(t) and signer is None:
            if bare is not None:
                forms.append(AuthorityLine(form=form_of(bare.text)[0], of=t, span=bare.span))  # type: ignore[index]
                bare = None
            elif forms and position is None and pc is not lines[0] and _continues_body(t):
                forms[-1] = AuthorityLine(forms[-1].form, f"{forms[-1].of} {t}", forms[-1].span)
            else:
                position = f"{position} {t}" if position else t
    first = forms[0] if forms else None
    return Signature(
        authority_form=first.form if first else None,
        on_behalf_of=first.of if first else None,
        position=position,
        signer=signer[1] if signer else stamped,
        forms=tuple(forms),
        signer_placeholder=placeholder,
        span=lines[0].span,
        spans=tuple(pc.span for pc in lines),
        rank=signer[0] if signer else None,
    )
