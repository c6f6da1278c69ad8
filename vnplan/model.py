"""The document model: small frozen attrs classes from source blocks up to the parsed Plan.

Every node that comes from the document carries a :class:`Span` (block index, start, end)
into the normalised text of one :class:`Block`. Tuples, never lists; no behaviour beyond
small derived properties.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any, Literal, TypeVar

import attrs
from attrs import field, frozen

from vnplan.store import cache_class_code

cache_class_code()  # attrs' generated methods from the per-user store (start-up)

Severity = Literal["error", "warning", "info"]

_Node = TypeVar("_Node", bound=attrs.AttrsInstance)

#: Roles of a section (the recognised parts of a plan).
ROLES: tuple[str, ...] = (
    "purpose_requirements",
    "purpose",
    "requirements",
    "content",
    "forms",
    "implementation",
    "funding",
    "other",
)


# --------------------------------------------------------------------------- source


@frozen(order=True)
class Span:
    """A half-open character range ``[start, end)`` in the normalised text of block ``block``."""

    block: int
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@frozen
class TablePos:
    """Where a block sits in a table (vị trí trong bảng): table index, row, column (from 0)."""

    table: int
    row: int
    col: int


@frozen
class Run:
    """A run of text with its *effective* formatting (after style inheritance); ``None`` = unknown."""

    text: str
    font: str | None = None
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    underline: bool | None = None


@frozen
class PageSetup:
    """Paper size and margins of one document section (khổ giấy, lề), in millimetres."""

    width_mm: float | None = None
    height_mm: float | None = None
    top_mm: float | None = None
    bottom_mm: float | None = None
    left_mm: float | None = None
    right_mm: float | None = None
    orientation: str | None = None


@frozen
class Block:
    """One unit of source text (đoạn văn): a paragraph, a table-cell paragraph or a text line.

    ``text`` is normalised (NFC, one tone-mark placement, single spaces) and shows what a
    reader sees, Word's automatic number included (``label`` holds that number alone).
    ``kind`` is ``"paragraph"`` or ``"artifact"`` (page numbers, running headers, table
    separators of flattened text: kept, never parsed as content).
    """

    index: int
    text: str
    kind: str = "paragraph"
    line: int | None = None  # 1-based first line in a text source
    line_breaks: tuple[int, ...] = ()  # offsets in ``text`` where a source line break was joined
    origin: int | None = None  # offset of the block's first character in the original source
    offsets: tuple[int, ...] | None = None  # per-char offset from ``origin``; None = identity
    location: str = ""  # human-readable source location: "dòng 12", "đoạn 5", "bảng 1, ô 1,2"
    label: str | None = None  # automatic number shown by Word, e.g. "II." or "a)"
    style: str | None = None
    outline_level: int | None = None
    table: TablePos | None = None
    alignment: str | None = None  # left, center, right, both
    runs: tuple[Run, ...] = ()
    page_section: int = 0  # index into SourceDocument.pages
    paragraph_index: int | None = None  # index of the paragraph in a .docx body

    def line_of(self, offset: int) -> int | None:
        """The 1-based source line of character ``offset`` of this block, if known."""
        if self.line is None:
            return None
        return self.line + sum(map(offset.__ge__, self.line_breaks))  # the breaks at or before it, at C speed

    def original_offset(self, offset: int) -> int | None:
        """Offset in the original source of character ``offset`` of this block, if known."""
        if self.origin is None:
            return None
        if self.offsets is None:
            return self.origin + offset
        if not self.offsets:
            return self.origin
        return self.origin + self.offsets[min(offset, len(self.offsets) - 1)]


@frozen
class SourceDocument:
    """What a reader produced (văn bản nguồn): ordered blocks, page setup and reading warnings."""

    blocks: tuple[Block, ...]
    format: str = "text"  # text, markdown, docx, pdf
    path: str | None = None
    pages: tuple[PageSetup, ...] = ()
    warnings: tuple[str, ...] = ()
    sha256: str | None = None


# --------------------------------------------------------------------------- plan


def days_in_month(year: int, month: int) -> int:
    """The days of ``month`` (1–12) in ``year`` of the proleptic Gregorian calendar, as
    ``calendar.monthrange(year, month)[1]`` gives them (without importing calendar and locale at start-up)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@frozen
class PartialDate:
    """A date whose parts may be left blank in a draft (``ngày  tháng 02 năm 2024``)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def complete(self) -> bool:
        return None not in (self.year, self.month, self.day)

    def to_date(self) -> _dt.date | None:
        """The calendar date, or ``None`` when a part is blank or the date does not exist."""
        if not self.complete:
            return None
        try:
            return _dt.date(self.year, self.month, self.day)  # type: ignore[arg-type]
        except ValueError:
            return None

    @property
    def iso(self) -> str | None:
        d = self.to_date()
        return d.isoformat() if d else None

    @property
    def earliest(self) -> _dt.date | None:
        """The first calendar day the date can stand for: a blank or impossible day or month counts as 1.

        This is the date that chooses the rules in force for a draft. ``None`` without a year
        (or with a year no calendar date has).
        """
        return self._bound(first=True)

    @property
    def latest(self) -> _dt.date | None:
        """The last calendar day the date can stand for: a blank or impossible day or month counts as the last."""
        return self._bound(first=False)

    def _bound(self, *, first: bool) -> _dt.date | None:
        y, m, d = self.year, self.month, self.day
        if y is None or not _dt.MINYEAR <= y <= _dt.MAXYEAR:
            return None
        if m is None or not 1 <= m <= 12:
            return _dt.date(y, 1, 1) if first else _dt.date(y, 12, 31)
        last = days_in_month(y, m)
        if d is None or not 1 <= d <= last:
            return _dt.date(y, m, 1 if first else last)
        return _dt.date(y, m, d)

    @property
    def impossible(self) -> bool:
        """A part no document date can have: month outside 1–12, day outside 1–31 or past the month's
        end (30/02), a year outside 1900–2100."""
        if self.month is not None and not 1 <= self.month <= 12:
            return True
        if self.day is not None:
            if not 1 <= self.day <= 31:
                return True
            if self.year is not None and self.month is not None and self.to_date() is None:
                return True
        return self.year is not None and not 1900 <= self.year <= 2100

    @property
    def display(self) -> str:
        """``05/02/2024``, a blank part as ``…`` (``…/02/2024``)."""
        return "/".join(f"{x:02d}" if x is not None else "…" for x in (self.day, self.month)) + f"/{self.year or '…'}"

    def conflicts_with(self, other: PartialDate) -> bool:
        """Whether the two dates disagree on a part both give (a blank part agrees with anything)."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        return any(x is not None and y is not None and x != y for x, y in pairs)


@frozen
class TextField:
    """A piece of text as printed, with where it stands."""

    text: str
    span: Span


@frozen
class Header:
    """The document header (phần đầu văn bản): issuers, Quốc hiệu, number, place and date, type, title."""

    parent_authority: str | None = None  # cơ quan chủ quản
    authority: str | None = None  # cơ quan ban hành
    national_motto: bool = False  # Quốc hiệu and Tiêu ngữ both present
    national_name_text: TextField | None = None  # Quốc hiệu as printed
    motto_text: TextField | None = None  # Tiêu ngữ as printed
    number: str | None = None  # None when left blank in a draft
    year: int | None = None  # the year inside the number: 33/2009/QĐ-UBND → 2009
    symbol: str | None = None  # ký hiệu without number and year, e.g. KH-KHCN, QĐ-UBND
    number_text: TextField | None = None  # the whole "Số: …" line as printed
    place: str | None = None  # địa danh
    date: PartialDate | None = None
    date_text: TextField | None = None  # the place-and-date line as printed
    doc_type: str | None = None  # tên loại, full name: "Kế hoạch"
    doc_type_text: TextField | None = None
    title: str | None = None  # trích yếu nội dung
    title_span: Span | None = None
    authority_span: Span | None = None
    parent_authority_span: Span | None = None
    spans: tuple[Span, ...] = ()  # every block span the header owns


@frozen
class Citation:
    """A citation of another document (viện dẫn văn bản)."""

    text: str
    span: Span
    doc_type: str | None = None  # full name: "Kế hoạch", "Nghị quyết"
    number: str | None = None
    year: int | None = None
    symbol: str | None = None  # e.g. KH-UBND, NQ-CP, CT/TW
    date: PartialDate | None = None
    issuer: str | None = None
    party: bool = False  # Party document (văn bản của Đảng): 37-CT/TW
    name: str | None = None  # a law or project cited by name ("Luật Hộ tịch")
    group: int | None = None  # index of the first citation of the same document
    kind: str = "full"  # full, short (a later short form), self ("Kế hoạch này")


@frozen
class Abbreviation:
    """An abbreviation defined in the text (chữ viết tắt): ``cải cách hành chính (CCHC)``."""

    abbr: str
    expansion: str | None
    span: Span  # the abbreviation inside the parentheses
    expansion_span: Span | None = None


@frozen
class AbbreviationUse:
    """One place the body uses an abbreviation (chữ viết tắt được dùng): ``công tác CCHC``."""

    abbr: str
    span: Span


@frozen
class InternalReference:
    """A reference to a part of this document (dẫn chiếu nội bộ): ``tại Mục II``, ``Phụ lục kèm theo``.

    ``parts`` are ``(kind, label)`` pairs in printed order, innermost first:
    ``điểm a khoản 2 Mục III`` → ``(("điểm", "a"), ("khoản", "2"), ("mục", "III"))``.
    ``appendix`` is the label of a referenced appendix (``""`` for ``Phụ lục kèm theo``).
    ``target`` is where the named part stands (a section, an appendix heading), ``None`` when
    the document has no such part or the parser could not tell.
    """

    text: str
    span: Span
    parts: tuple[tuple[str, str], ...] = ()
    appendix: str | None = None
    target: Span | None = None


@frozen
class LegalBasis:
    """One item of the preamble (căn cứ ban hành): ``Căn cứ …``, ``Thực hiện …``, ``Theo đề nghị …``."""

    text: str
    kind: str  # can_cu, thuc_hien, de_nghi, other
    span: Span
    citations: tuple[int, ...] = ()  # indices into Plan.citations


@frozen
class Paragraph:
    """Body text that belongs to a section without being a numbered item (đoạn văn)."""

    text: str
    span: Span


@frozen
class Section:
    """A numbered part of the body (mục, khoản, điểm, ý): ``II.``, ``1.``, ``a)``, ``-``, ``+``."""

    label: str  # as printed without the trailing dot or parenthesis
    style: str  # roman, arabic, arabic2…, letter, dash, plus, bullet, article
    title: str | None
    role: str
    level: int
    span: Span  # the whole labelled block
    heading: Span | None = None  # the part of the labelled block the section itself owns
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Section, ...] = ()
    label_source: str = "text"  # text or numbering (Word automatic numbering)
    title_span: Span | None = None  # the line below a bare label that holds its title (``Chương I`` / ``QUY ĐỊNH CHUNG``)

    @property
    def text(self) -> str:
        """The section's own text: the rest of its labelled line and its paragraphs."""
        return "\n".join(p.text for p in self.paragraphs)

    def walk(self) -> Iterator[Section]:
        """This section and every descendant, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@frozen
class Recipient:
    """One entry of the recipients list (nơi nhận): ``- Chủ tịch UBND tỉnh (b/c);``."""

    name: str
    note: str | None
    text: str  # the entry as printed
    span: Span
    archive: bool = False  # the "Lưu: VT, …" entry
    archive_units: tuple[str, ...] = ()
    group: str | None = None  # a sub-heading of the list, e.g. "Gửi bản điện tử"


@frozen
class AuthorityLine:
    """One authority-form line of a signature: ``TM. ỦY BAN NHÂN DÂN``, ``KT. GIÁM ĐỐC``."""

    form: str  # TM., KT., TL., TUQ., Q.
    of: str
    span: Span


@frozen
class Signature:
    """The signature block (chữ ký): authority form, on whose behalf, position, signer."""

    authority_form: str | None  # outermost form: TM., KT., TL., TUQ., Q.
    on_behalf_of: str | None
    position: str | None  # chức vụ of the signer, e.g. PHÓ GIÁM ĐỐC
    signer: str | None
    forms: tuple[AuthorityLine, ...] = ()
    signer_placeholder: str | None = None  # a draft's "[Ghi họ và tên người ký]" where the name goes
    span: Span | None = None
    spans: tuple[Span, ...] = ()
    rank: str | None = None  # quân hàm, học hàm or học vị printed before the name (``Đại tá``), Phụ lục I, II.7.c


@frozen
class Plan:
    """A parsed administrative document (văn bản), usually a Kế hoạch."""

    header: Header
    legal_basis: tuple[LegalBasis, ...] = ()
    preamble: tuple[Paragraph, ...] = ()  # other text between title and body (e.g. "QUYẾT ĐỊNH:")
    sections: tuple[Section, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    recipients_heading: Span | None = None
    recipient_groups: tuple[Paragraph, ...] = ()  # sub-headings inside the list
    signature: Signature | None = None
    citations: tuple[Citation, ...] = ()
    abbreviations: tuple[Abbreviation, ...] = ()
    abbreviation_uses: tuple[AbbreviationUse, ...] = ()  # in the body (see body_blocks)
    internal_references: tuple[InternalReference, ...] = ()  # in the body and the recipients
    closing: Span | None = None  # the "./." mark
    other: tuple[Paragraph, ...] = ()  # text after the signature, unrecognised lines
    artifacts: tuple[Span, ...] = ()  # page numbers, separators of flattened tables
    source: SourceDocument | None = field(default=None, eq=False, repr=False)
    #: documents issued with this one, after its signature (a Quyết định's ``KẾ HOẠCH … (Kèm theo
    #: Quyết định số …)``): each a Plan of its own over its own blocks of the same source
    attached: tuple[Plan, ...] = ()

    @property
    def issued_plan(self) -> Plan | None:
        """The plan this document issues (its first attached Kế hoạch), the one a profile is checked
        against; None when no plan is attached (a plan's own appendix is attached, but is no plan)."""
        return next((a for a in self.attached if a.header.doc_type == "Kế hoạch"), None)

    def walk(self) -> Iterator[Section]:
        """Every section, depth first."""
        for s in self.sections:
            yield from s.walk()

    def part(self, role: str) -> tuple[Section, ...]:
        """The sections whose role is ``role`` (their descendants are not repeated)."""
        out: list[Section] = []

        def visit(sec: Section) -> None:
            if sec.role == role:
                out.append(sec)
                return
            for c in sec.children:
                visit(c)

        for s in self.sections:
            visit(s)
        return tuple(out)

    @property
    def body_blocks(self) -> tuple[int, ...]:
        """Indices of the blocks of the body: every block but the header's, the recipients', the
        signature's and artifacts (legal basis, preamble, sections and text after the signature)."""
        if self.source is None:
            return ()
        skip: set[int] = {s.block for s in self.header.spans}
        skip |= {r.span.block for r in self.recipients}
        if self.recipients_heading is not None:
            skip.add(self.recipients_heading.block)
        if self.signature is not None:
            skip |= {s.block for s in self.signature.spans}
            if self.signature.span is not None:
                skip.add(self.signature.span.block)
        return tuple(b.index for b in self.source.blocks if b.index not in skip and b.kind != "artifact")

    @property
    def body_end(self) -> Span | None:
        """The span of the last piece of body text, where ``./.`` belongs (legal basis, preamble, sections)."""
        spans: list[Span] = [p.span for p in self.preamble]
        spans.extend(lb.span for lb in self.legal_basis)
        for s in self.walk():
            spans.append(s.span)
            spans.extend(p.span for p in s.paragraphs)
        if not spans:
            return None
        return max(spans, key=lambda s: (s.block, s.end))

    def span_text(self, span: Span) -> str:
        """The text a span covers (needs ``source``)."""
        if self.source is None:
            raise ValueError("plan has no source document")
        return self.source.blocks[span.block].text[span.start : span.end]


def evolve(obj: _Node, **changes: Any) -> _Node:
    """A copy of a frozen node with some fields changed."""
    return attrs.evolve(obj, **changes)  # type: ignore[misc]  # mypy's attrs plugin needs a concrete class


# --------------------------------------------------------------------------- compliance


@frozen
class Evidence:
    """A quoted, located piece of the unit plan that meets (part of) a requirement (bằng chứng)."""

    text: str
    span: Span
    matched: tuple[str, ...] = ()  # the profile phrases or indicator it matched
    line: int | None = None  # 1-based source line, when the source has lines
    location: str | None = None  # human-readable source location ("dòng 12", "đoạn 5")
    marks: tuple[tuple[int, int], ...] = ()  # the matched words, as offsets in ``text`` (for highlighting)


@frozen
class RequirementResult:
    """How a unit plan covers one requirement of the parent plan (mức độ đáp ứng yêu cầu)."""

    id: str
    kind: str  # citation, content, form, target, duty, deadline, theme
    text: str
    status: str  # met, partial, missing, placeholder
    score: float  # 0–1
    mandatory: bool = True
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None  # why partial / missing (Vietnamese)
    note_en: str | None = None  # the same in English
    reason: str | None = None  # machine-readable why: not_found, outside_part, weaker, later, wrong_date…
    details: tuple[tuple[str, str], ...] = ()  # facts behind the status: required/stated figures, dates
    rule: str | None = None  # the compliance rule that reports it (C301–C306)


@frozen
class Coverage:
    """The coverage of a parent plan's requirements by a unit plan (kết quả đối chiếu)."""

    profile: str  # profile id, e.g. bacgiang-14-KH-UBND-2024
    score: float  # 0–1
    requirements: tuple[RequirementResult, ...] = ()

    @property
    def missing_mandatory(self) -> bool:
        return any(r.mandatory and r.status == "missing" for r in self.requirements)

    def status_of(self, req_id: str) -> str | None:
        for r in self.requirements:
            if r.id == req_id:
                return r.status
        return None

    def counts(self) -> dict[str, int]:
        """How many requirements are met, partial, missing, placeholder."""
        out = dict.fromkeys(("met", "partial", "missing", "placeholder"), 0)
        for r in self.requirements:
            out[r.status] = out.get(r.status, 0) + 1
        return out
