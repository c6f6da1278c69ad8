"""The closing of a document: recipients (nơi nhận) and the signature block (chữ ký).

Real files put them in a two-column table (Nơi nhận left, signature right) that reaches us
in either order, so both orders are read.
"""

from __future__ import annotations

import regex

import vnplan.vocab as vocab
from vnplan.model import AuthorityLine, Block, Paragraph, Recipient, Signature, Span
from vnplan.parse.common import block_span, trimmed_span
from vnplan.text import is_upper_text

RECIPIENTS_RE = regex.compile(r"^(?:Nơi\s+nhận|NƠI\s+NHẬN)\s*[:.]?\s*")
FORM_RE = regex.compile(r"^(?P<form>TM|KT|TL|TUQ|Q)\s*\.\s*(?P<of>\S.*)$")
# no "^": `match(text, offset)` must anchor at the offset (after "Nơi nhận:" on the same line)
_ENTRY_RE = regex.compile(r"[-–—+•*]\s*")
# where the next entry starts when several share a line: "- A (b/c); - B; - Lưu: VT."
_NEXT_ENTRY_RE = regex.compile(r"(?<=;)\s+(?=[-–—+•*]\s)")
_ARCHIVE_RE = regex.compile(r"^(?:Lưu|LƯU)\s*[:.]?\s*(?P<units>.*)$")
_NOTE_RE = regex.compile(r"\s*\((?P<note>[^()]{1,40})\)\s*$")
_SIGNER_RE = regex.compile(r"^(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s+){1,5}\p{Lu}[\p{Ll}\p{M}]*$")
_STAMP_RE = regex.compile(r"^\((?:đã ký|Đã ký|ký|Ký)[^)]*\)$|^\[?(?:đã ký|Đã ký)\]?$")
_PLACEHOLDER_RE = regex.compile(r"^\[[^\[\]]{2,120}\]$")
_GROUP_RE = regex.compile(r"^[^-–—+•*].{0,60}:$")


def find_closing(blocks: tuple[Block, ...], start: int) -> int:
    """Index of the first block of the closing (Nơi nhận or a signature form), or ``len(blocks)``."""
    for b in blocks[start:]:
        if b.kind == "artifact":
            continue
        if RECIPIENTS_RE.match(b.text) or (FORM_RE.match(b.text) and is_upper_text(b.text)):
            return b.index
    return len(blocks)


def _note_of(name: str) -> tuple[str, str | None]:
    m = _NOTE_RE.search(name)
    if not m:
        return name, None
    note = m.group("note").strip()
    known = vocab.header_words().recipient_notes
    if note in known or "/" in note or note.startswith("để "):
        return name[: m.start()].rstrip().rstrip(";,.").rstrip(), note
    return name, None


def parse_recipients(b: Block, group: str | None, offset: int = 0) -> list[Recipient]:
    """The entries from ``offset`` of block ``b``: one, or several sharing the line (``- A; - B;``)."""
    cuts = [offset, *(m.end() for m in _NEXT_ENTRY_RE.finditer(b.text, offset)), len(b.text)]
    out = (parse_recipient(b, group, start, end) for start, end in zip(cuts, cuts[1:]))
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
    body = t[span.start : span.end].rstrip(";.,").rstrip()
    am = _ARCHIVE_RE.match(body)
    if am:
        units = tuple(u.strip() for u in regex.split(r"\s*,\s*", am.group("units")) if u.strip())
        return Recipient(name="Lưu", note=None, text=t[offset:].strip(), span=Span(b.index, offset, span.end),
                         archive=True, archive_units=units, group=group)
    name, note = _note_of(body)
    return Recipient(name=name, note=note, text=t[offset:].strip(), span=Span(b.index, offset, span.end), group=group)


def parse_closing(
    blocks: tuple[Block, ...], start: int
) -> tuple[Span | None, tuple[Recipient, ...], tuple[Paragraph, ...], Signature | None, tuple[Paragraph, ...]]:
    """Recipients heading, recipients, their group lines, the signature, and the text after."""
    heading: Span | None = None
    recipients: list[Recipient] = []
    groups: list[Paragraph] = []
    sig_lines: list[Block] = []
    other: list[Paragraph] = []
    group: str | None = None
    signer_seen = False
    for b in blocks[start:]:
        if b.kind == "artifact":
            continue
        t = b.text
        rm = RECIPIENTS_RE.match(t)
        if rm and heading is None:
            rest = trimmed_span(b, rm.end())
            heading = block_span(b) if rest is None else Span(b.index, 0, rest.start)
            if rest is not None:
                recipients.extend(parse_recipients(b, group, rest.start))
            continue
        is_form = bool(FORM_RE.match(t)) and is_upper_text(t)
        if heading is not None and _ENTRY_RE.match(t) and not is_form:
            recipients.extend(parse_recipients(b, group))
            continue
        if heading is not None and _GROUP_RE.match(t) and not is_upper_text(t) and not _SIGNER_RE.match(t):
            group = t.rstrip(":").strip()
            groups.append(Paragraph(t, block_span(b)))
            continue
        if not signer_seen and sig_lines and _PLACEHOLDER_RE.match(t):
            sig_lines.append(b)  # the signer's name left to fill in a draft
            signer_seen = True
            continue
        if not signer_seen and (is_form or is_upper_text(t) or _STAMP_RE.match(t) or _SIGNER_RE.match(t)):
            sig_lines.append(b)
            if _SIGNER_RE.match(t) and not is_upper_text(t):
                signer_seen = True
            continue
        if signer_seen and _STAMP_RE.match(t):
            sig_lines.append(b)
            continue
        other.append(Paragraph(t, block_span(b)))
    # "Nơi nhận" after the signature: recipients were already read; lines after go to other.
    signature = _signature(sig_lines)
    return heading, tuple(recipients), tuple(groups), signature, tuple(other)


def _signature(lines: list[Block]) -> Signature | None:
    if not lines:
        return None
    forms: list[AuthorityLine] = []
    position: str | None = None
    signer: str | None = None
    placeholder: str | None = None
    for b in lines:
        t = b.text
        if _PLACEHOLDER_RE.match(t):
            placeholder = t
            continue
        fm = FORM_RE.match(t)
        if fm and is_upper_text(t):
            forms.append(AuthorityLine(form=fm.group("form") + ".", of=fm.group("of").strip(), span=block_span(b)))
        elif _STAMP_RE.match(t):
            continue
        elif is_upper_text(t):
            position = f"{position} {t}" if position and not signer else t
        elif _SIGNER_RE.match(t):
            signer = t
    first = forms[0] if forms else None
    if position is None and forms and forms[-1].form == "TM.":
        position = None
    return Signature(
        authority_form=first.form if first else None,
        on_behalf_of=first.of if first else None,
        position=position,
        signer=signer,
        forms=tuple(forms),
        signer_placeholder=placeholder,
        span=block_span(lines[0]),
        spans=tuple(block_span(b) for b in lines),
    )
