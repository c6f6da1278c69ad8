"""The typed form of every vocabulary file (kiểu dữ liệu của từ vựng): one frozen class per file, and its parts.

Each top-level class is the schema of one ``vnplan/vocab/<topic>.json`` (see :data:`TOPICS` in
:mod:`vnplan.vocab`): loading structures the JSON into it strictly (an unknown key or a wrong
type is a :class:`~vnplan.errors.DataFileError`), and ``vnplan/vocab/schemas/<topic>.schema.json``
is generated from it (:mod:`vnplan.vocab.schema`). Lists are tuples, tables are read-only
mappings. Every file has a ``source`` (where its words come from); ``note`` fields explain and
are read by no code. Field names are English; the Vietnamese term is in the docstring.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from vnplan.store import cache_class_code

cache_class_code()  # attrs' generated methods from the per-user store (start-up)

# --------------------------------------------------------------------------- shared parts


@attrs.frozen
class Label:
    """A name shown to a reader (nhãn), in Vietnamese and English."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        """The English name for ``en``, the Vietnamese one for any other language."""
        return self.en if lang == "en" else self.vi


def by_language(table: Mapping[str, Label]) -> dict[str, dict[str, str]]:
    """``{"vi": {id: name}, "en": {id: name}}``: a label table in the shape renderers index."""
    return {lang: {k: v.get(lang) for k, v in table.items()} for lang in ("vi", "en")}


# --------------------------------------------------------------------------- abbreviations.json

#: What an abbreviation is used for: ``no_definition`` a plan may print it without defining it
#: (R204); ``matching`` expanded when matching requirement phrases; ``unit_key`` expanded in the
#: register's unit keys; ``issuer_key`` expanded when comparing the issuers of two citations;
#: ``full_name`` written in full at the start of a skeleton's issuer name.
AbbreviationUse = Literal["no_definition", "matching", "unit_key", "issuer_key", "full_name"]


@attrs.frozen
class Abbreviation:
    """One abbreviation (chữ viết tắt) and its expansion (viết đầy đủ); ``source`` tags where it comes from."""

    abbr: str
    expansion: str
    source: str
    uses: tuple[AbbreviationUse, ...]


@attrs.frozen
class Abbreviations:
    """``abbreviations.json``: every abbreviation vnplan knows, once, with what it is used for."""

    source: str
    entries: tuple[Abbreviation, ...]
    #: Words after which a run of capitals is a number, not an abbreviation (``Mục II``,
    #: ``khóa XIII``, ``quý IV``), spelt out in every case they are matched in.
    number_words: tuple[str, ...]

    def used_for(self, use: AbbreviationUse) -> tuple[Abbreviation, ...]:
        """The entries with ``use`` among their uses, in file order."""
        return tuple(e for e in self.entries if use in e.uses)


# --------------------------------------------------------------------------- citations.json


@attrs.frozen
class Anaphors:
    """Words after a type name that point back (từ hồi chỉ): ``Kế hoạch này``, ``Kế hoạch nêu trên``."""

    #: the word for the document itself (``này``), compared in lower case
    this: str
    #: every anaphor after a type name, in the cases matched
    phrases: tuple[str, ...]
    #: an anaphor only at the end of a clause (``Kế hoạch trên.``)
    at_clause_end: str
    #: words that say an anaphor may be near (the cheap trigger scan)
    triggers: tuple[str, ...]


@attrs.frozen
class BareIssuers:
    """Issuers cited without ``của`` (``Nghị quyết số 01/NQ-CP Chính phủ về …``) and the words that may follow them."""

    names: tuple[str, ...]
    followers: tuple[str, ...]


@attrs.frozen
class IssuerEnds:
    """Where the name of an issuer stops (hết tên cơ quan ban hành): the words and phrases after a name."""

    words: tuple[str, ...]
    phrases: tuple[str, ...]
    #: words that end a name even when glued to the next (``vềviệc``: spaces lost in PDF text)
    run_on: tuple[str, ...]
    #: phrases ending in one of ``words`` that go on a name (``Ban Chỉ đạo chuyển đổi số tỉnh``)
    kept: tuple[str, ...] = ()


@attrs.frozen
class CitationWords:
    """``citations.json``: the words of a citation (viện dẫn) besides type names and dates."""

    source: str
    #: ``của`` before an issuer
    of: str
    #: ``và`` between listed numbers, in the cases matched
    conjunction: tuple[str, ...]
    #: ``các``, ``những``: a plural before a type name is no anaphor
    plural: tuple[str, ...]
    anaphors: Anaphors
    bare_issuers: BareIssuers
    issuer_ends: IssuerEnds
    #: Organisations whose names contain a comma, read as one issuer
    comma_names: tuple[str, ...]
    #: Issuer parts of a Party symbol (…/TW: Trung ương, Tỉnh ủy, Huyện ủy, Đảng ủy, Ban cán sự đảng…)
    party_issuers: tuple[str, ...]
    #: Issuer codes of state bodies (UBND, ministries) in a symbol
    state_issuers: tuple[str, ...]
    #: Laws and codes cited by name alone (``theo quy định của Luật Cán bộ, công chức``), as enacted
    law_names: tuple[str, ...] = ()


# --------------------------------------------------------------------------- closing.json


@attrs.frozen
class ClosingWords:
    """``closing.json``: the words of a document's closing (phần kết): the signature block, signed-copy
    marks, the lines a website adds after a document, and the lead of an attached document."""

    source: str
    #: words a signer's position starts with (chức vụ: ``CHỦ TỊCH``, ``GIÁM ĐỐC``, ``CHỈ HUY TRƯỞNG``), in capitals
    positions: tuple[str, ...]
    #: military and police ranks printed before a signer's name (quân hàm: ``Đại tá``), Phụ lục I, II.7.c
    ranks: tuple[str, ...]
    #: academic titles printed before a signer's name (học hàm, học vị: ``PGS.TS.``), Phụ lục I, II.7.c
    academic_titles: tuple[str, ...]
    #: what a copy prints in brackets where the signature was (``(Đã ký)``, ``[đã ký]``), as the bracket starts
    signed_marks: tuple[str, ...]
    #: labels of a digital-signature box (khung chữ ký số: ``Ký bởi:``, ``Thời gian ký:``)
    stamp_labels: tuple[str, ...]
    #: what a blank form (Phụ lục III) prints where the position and the name go
    form_placeholders: tuple[str, ...]
    #: common family names (họ), to tell a signer's name written in capitals from a position
    surnames: tuple[str, ...]
    #: lines a legal site or portal adds after a document (``Văn bản liên quan``, ``Tải văn bản``)
    site_trailer: tuple[str, ...]
    #: the words before the issuing document under an attached document's title (``(Ban hành kèm theo Quyết định số …)``)
    attached_leads: tuple[str, ...]


# --------------------------------------------------------------------------- dates.json


@attrs.frozen
class DateWords:
    """``dates.json``: the words of a date (ngày … tháng … năm …) and of a quarter (quý)."""

    source: str
    day: str
    month: str
    year: str
    quarter: str
    #: the words after "năm" that make it the year after the plan's (*trước ngày 15 tháng 01 năm sau*)
    next_year: tuple[str, ...]
    #: a part of a year and the last month it allows (*đầu năm 2025* until March, *cuối năm 2024* December)
    year_parts: Mapping[str, int]


# --------------------------------------------------------------------------- decree30.json


@attrs.frozen
class InForce:
    """When a set of rules is in force (hiệu lực)."""

    since: str
    note: str


@attrs.frozen
class Scope:
    """Which documents the Decree governs (phạm vi điều chỉnh): Party and Đoàn documents are not among them."""

    note: str
    party_markers: tuple[str, ...]


@attrs.frozen
class Paper:
    """Paper size (khổ giấy)."""

    width_mm: int
    height_mm: int
    tolerance_mm: float
    provision: str


@attrs.frozen
class Margins:
    """Page margins (lề trang), each as a (min, max) range in millimetres."""

    top_mm: tuple[int, int]
    bottom_mm: tuple[int, int]
    left_mm: tuple[int, int]
    right_mm: tuple[int, int]
    tolerance_mm: float
    provision: str


@attrs.frozen
class Font:
    """The typeface (phông chữ)."""

    name: str
    provision: str


@attrs.frozen
class Component:
    """The type size and style of one part of a document (thành phần thể thức); ``None``: not checked."""

    vi: str
    en: str
    size: tuple[int, int]
    provision: str
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None


@attrs.frozen
class Layout:
    """Paper, margins, font and the style of each component (Phụ lục I, mục I và II)."""

    source: str
    note: str
    paper: Paper
    margins: Margins
    font: Font
    components: Mapping[str, Component]


@attrs.frozen
class Decree30:
    """``decree30.json``: the form a Decree 30/2020/NĐ-CP document takes (thể thức văn bản hành chính)."""

    source: str
    in_force: Mapping[str, InForce]
    scope: Scope
    #: Quốc hiệu
    national_name: str
    #: Tiêu ngữ
    motto: str
    #: dashes accepted between the motto's phrases
    motto_dashes: tuple[str, ...]
    #: starts of the names of departments that must print their parent body (Sở, Phòng…)
    department_heads: tuple[str, ...]
    #: the word before a document's number (``Số``)
    number_word: str
    #: forms of signing authority (TM., KT., TL., TUQ., Q.)
    signature_forms: tuple[str, ...]
    #: misspelt forms of signing authority → the right one (``T/M`` → ``TM.``)
    signature_form_misspellings: Mapping[str, str]
    #: starts of a deputy's position (cấp phó)
    deputy_positions: tuple[str, ...]
    #: a head's position → its deputy's, where the deputy is not ``PHÓ …`` (Bộ trưởng → Thứ trưởng)
    deputy_of: Mapping[str, str]
    #: bodies that work collectively, signed ``TM.`` (tập thể lãnh đạo)
    collective_bodies: tuple[str, ...]
    #: the heading of the recipients block (``Nơi nhận:``)
    recipients_heading: str
    #: the records office on the archive line (``Lưu: VT``)
    archive_unit: str
    layout: Layout


# --------------------------------------------------------------------------- doc_types.json

#: administrative: Decree 30, Phụ lục III; legal: legal-normative documents; copy: copies;
#: party: documents of the Communist Party (Quy định 66-QĐ/TW).
DocGroup = Literal["administrative", "legal", "copy", "party"]


@attrs.frozen
class DocType:
    """A type of document (tên loại văn bản) and its code in a symbol (chữ viết tắt tên loại), if any."""

    name: str
    code: str | None
    group: DocGroup


@attrs.frozen
class DocTypes:
    """``doc_types.json``: document types, their codes, and the other names plans give them."""

    source: str
    types: tuple[DocType, ...]
    #: longer names some plans use for a type, in lower case → the canonical type
    aliases: Mapping[str, str]
    #: types cited by name, then a date, year or number (Luật Hộ tịch năm 2014)
    law_types: tuple[str, ...]
    #: types cited by a short number (Đề án 06, Chương trình 135)
    project_types: tuple[str, ...]
    #: the word for a document of any type (``Văn bản``)
    generic_name: str


# --------------------------------------------------------------------------- figures.json


@attrs.frozen
class Comparator:
    """Words that state a level (so sánh): ``không quá`` is ``<=``."""

    op: Literal["<=", ">=", ">", "<", "="]
    words: tuple[str, ...]


@attrs.frozen
class FigureWords:
    """``figures.json``: the words of targets (chỉ tiêu) and deadlines (thời hạn)."""

    source: str
    #: verbs before a stated level (``đạt``, ``là``, ``ở mức``, ``bằng``)
    reach_verbs: tuple[str, ...]
    #: words of a level, by comparator, in the order a percentage is read
    comparators: tuple[Comparator, ...]
    #: how a level is written before a figure, by comparator (``trên 90%``)
    stated: Mapping[str, Label]
    #: words before a deadline's date, in the order they are tried (``chậm nhất là``)
    deadline_leads: tuple[str, ...]
    #: (entities) words of completion before a deadline (``hoàn thành``)
    done_verbs: tuple[str, ...]
    #: (entities) words before a deadline's date
    before_words: tuple[str, ...]
    #: (entities) verbs of a percentage target (``phấn đấu đạt``)
    target_verbs: tuple[str, ...]
    #: (entities) qualifiers of a percentage (``ít nhất``, ``trở lên``)
    qualifiers: tuple[str, ...]
    #: the phrase after a percentage (``trở lên``)
    or_more: str
    #: words that, opening a clause, state a target for all of its subject, i.e. 100% (``Tất cả hồ sơ … đều
    #: được giải quyết đúng hạn``)
    all_words: tuple[str, ...]


# --------------------------------------------------------------------------- compliance.json


@attrs.frozen
class TableColumn:
    """What a task table's column holds, known by the words of its header (``Đơn vị chủ trì``)."""

    role: Literal["number", "task", "owner", "partner", "deadline", "product"]
    words: tuple[str, ...]


@attrs.frozen
class ComplianceWords:
    """``compliance.json``: the words compliance matching reads a passage's scope by (phạm vi của câu).

    Refusals, the past, review parts, task tables and who is given a task.
    """

    source: str
    #: words that refuse what follows them in the clause (``không``, ``chưa``)
    refusals: tuple[str, ...]
    #: compounds of a refusal word that refuse nothing (``không ngừng``, ``không chỉ``, ``không dưới``)
    not_refusals: tuple[str, ...]
    #: predicates that refuse what comes before them in the clause (``… không đưa vào Kế hoạch này``)
    refusals_after: tuple[str, ...]
    #: words that end the scope of a refusal or a time (``nhưng``, ``đồng thời``)
    clause_breaks: tuple[str, ...]
    #: words after which a refusal no longer holds (``không tổ chức hội nghị riêng mà lồng ghép …``)
    refusal_ends: tuple[str, ...]
    #: words that make a clause naming a past year a report of it (``đã``, ``đạt``)
    past_markers: tuple[str, ...]
    #: verbs of a commitment that keep a clause naming a past year about the plan's year (``duy trì`` … đạt năm 2023)
    commitments: tuple[str, ...]
    #: a past period without a year (``năm qua``)
    past_periods: tuple[str, ...]
    #: words of a review part's heading (``KẾT QUẢ THỰC HIỆN NĂM 2023``, ``ĐÁNH GIÁ …``)
    review_words: tuple[str, ...]
    #: words that make a review heading without a year (``KẾT QUẢ ĐẠT ĐƯỢC``)
    review_done: tuple[str, ...]
    #: what joins the names of two parts in one heading (``NỘI DUNG VÀ HÌNH THỨC``)
    title_joins: tuple[str, ...]
    #: words that give someone a task (C306): ``giao``, ``chủ trì``, ``có trách nhiệm``
    assignment_words: tuple[str, ...]
    #: heads of a sentence naming who does a task, besides the names of bodies (``Trưởng``, ``Các phòng``)
    assignee_heads: tuple[str, ...]
    #: the columns of a task table, tried in order
    table_columns: tuple[TableColumn, ...]
    #: deadline leads besides figures.json's (``đến hết tháng 3/2025``)
    deadline_ends: tuple[str, ...]
    #: titles before an issuer that the issuer's name does not hold (``Chủ tịch`` UBND tỉnh)
    issuer_roles: tuple[str, ...]


# --------------------------------------------------------------------------- derive.json


@attrs.frozen
class Opening:
    """The sentence that opens a plan's body by naming it: ``… ban hành Kế hoạch … như sau:``."""

    #: verbs before the plan's type (``ban hành``)
    verbs: tuple[str, ...]
    #: words after the plan's name (``như sau``)
    ends: tuple[str, ...]


@attrs.frozen
class DeriveWords:
    """``derive.json``: the words a derived profile cuts from a parent plan's items (lập hồ sơ yêu cầu)."""

    source: str
    #: verbs, fillers and determiners dropped from the start of a phrase (``tiếp tục``, ``các``)
    leading: tuple[str, ...]
    #: words where a phrase's core ends: purpose and elaboration (``nhằm``, ``trọng tâm là``)
    phrase_ends: tuple[str, ...]
    #: words where a long phrase may be cut (``của``, ``về``, ``đối với``)
    prepositions: tuple[str, ...]
    #: prepositions that lead to the object of a phrase's head (``trách nhiệm của người đứng đầu``); the others
    #: lead to circumstances (``sau khi sắp xếp``), where a phrase ends
    complement_prepositions: tuple[str, ...]
    #: words joining the members of a list (``và``, ``hoặc``)
    conjunctions: tuple[str, ...]
    #: words ending the lead of a list that is the item's object, before a colon (``sau``, ``gồm``)
    list_leads: tuple[str, ...]
    #: the position before subordinate units (``thủ trưởng``)
    addressee_head: str
    #: openers of a clause addressed to every subordinate unit (``các``, ``UBND các``)
    addressees: tuple[str, ...]
    #: nouns after ``các`` that make it name bodies (``các sở``, ``các đơn vị``), not things (``các mô hình``)
    addressee_nouns: tuple[str, ...]
    #: openers of a request to a body the issuer does not direct (``đề nghị``)
    request_leads: tuple[str, ...]
    #: verbs a duty starts with, after its addressees
    duty_verbs: tuple[str, ...]
    #: words that make an item outside the implementation part a duty (``chịu trách nhiệm``, ``rõ người``)
    duty_cues: tuple[str, ...]
    #: words that make a task optional (``khuyến khích``, ``tùy tình hình``)
    optional_cues: tuple[str, ...]
    #: the public, whom ``khuyến khích`` may be about without making the task optional (``người dân``)
    public: tuple[str, ...]
    #: words before the year's quoted theme or motto (``chủ đề``, ``phương châm``)
    theme_cues: tuple[str, ...]
    #: headings of a targets part (``chỉ tiêu``)
    target_headings: tuple[str, ...]
    #: words before the rank of a ranked target (``nhóm 20 tỉnh dẫn đầu``)
    rank_leads: tuple[str, ...]
    #: verbs of the reporting duty (``báo cáo``)
    report_verbs: tuple[str, ...]
    #: the opening sentence naming the plan, read when the header has no title
    opening: Opening
    #: verbs of a unit writing its own plan (``xây dựng kế hoạch``)
    own_plan_verbs: tuple[str, ...]
    #: words saying the plan is the unit's own (``của cơ quan, địa phương``)
    own_plan_owners: tuple[str, ...]
    #: words naming a measure before its indicator (``tỷ lệ``, ``tỷ trọng``)
    indicator_heads: tuple[str, ...]
    #: words between an indicator's subject and what is measured of it (``hồ sơ TTHC được giải quyết``)
    indicator_links: tuple[str, ...]
    #: words that start the denominator of a target (``trên tổng số``)
    denominators: tuple[str, ...]
    #: words before a period that bounds data, not a task (``số liệu tính từ … đến …``)
    data_period_cues: tuple[str, ...]
    #: words of a recurring deadline (``định kỳ``, ``hằng quý``)
    recurring: tuple[str, ...]
    #: the periods a report covers, after ``báo cáo`` (``báo cáo 6 tháng``, ``báo cáo năm``)
    report_periods: tuple[str, ...]
    #: bodies named by their level alone (``UBND tỉnh``): no name that tells one parent from another
    level_bodies: tuple[str, ...]
    #: words before the period or area a title or phrase is for (``giai đoạn 2021 - 2025``, ``trên địa bàn tỉnh``)
    period_leads: tuple[str, ...]
    #: the last month of each quarter (``trước ngày 15 của tháng cuối quý``)
    quarter_last_month: str
    #: openers of the closing formula of a plan, which asks nothing (``trong quá trình thực hiện``)
    closing: tuple[str, ...]
    #: the word naming forms (``hình thức``) and the word naming content (``nội dung``)
    form_word: str
    content_word: str


# --------------------------------------------------------------------------- register.json


@attrs.frozen
class Register:
    """``register.json``: the administrative register (văn phong hành chính): words every plan uses, whatever its subject."""

    source: str
    #: words too general to make a phrase alone (``cơ quan``, ``chỉ đạo``, ``tuyên truyền``)
    vague: tuple[str, ...]
    #: words shared by plans of every subject (audiences, bodies, roles): a phrase only beside the subject
    common: tuple[str, ...]
    #: forms of communication and of implementation (hình thức: báo chí, mạng xã hội, hội nghị)
    channels: tuple[str, ...]


# --------------------------------------------------------------------------- header.json


@attrs.frozen
class HeaderWords:
    """``header.json``: words of the parts around the body: authorities, legal basis, recipients."""

    source: str
    #: starts of a capitalised line naming a body or an office (tên cơ quan)
    authority_heads: tuple[str, ...]
    #: openers of a legal-basis line by kind (căn cứ, thực hiện, đề nghị), tried in order
    legal_basis_starts: Mapping[str, tuple[str, ...]]
    #: notes after a recipient (``để b/c``, ``để thực hiện``)
    recipient_notes: tuple[str, ...]
    #: starts of an issuing body's name in a header, in capitals, besides the heads of
    #: ``organisations.json`` and the department heads of ``decree30.json`` (``BỘ CHỈ HUY``, ``CÔNG TY``)
    issuer_heads: tuple[str, ...]
    #: the words that open an official letter's subject line (trích yếu của công văn): ``V/v``, ``Về việc``
    subject_leads: tuple[str, ...]
    #: the abbreviated lead (``V/v``) that is not part of the title it opens
    subject_abbreviation: str
    #: the word that opens the addressees of a letter (``Kính gửi``)
    addressee: str
    #: what opens the note under an attached document's title (``(Kèm theo Quyết định số …)``)
    attached_notes: tuple[str, ...]
    #: the word after a type name that names the issuer (``QUYẾT ĐỊNH CỦA ỦY BAN…``): not a title
    type_issuer_word: str
    #: words after a type name that belong to it (``KẾ HOẠCH LIÊN TỊCH``, a joint plan): not a title
    type_qualifiers: tuple[str, ...]
    #: words that, ending a line of a title, say the title goes on below (``và``, ``năm``, ``giai đoạn``)
    title_line_joins: tuple[str, ...]
    #: marks printed above or beside a header by kind (độ khẩn, độ mật, dự thảo): not its parts
    marks: Mapping[str, tuple[str, ...]]
    #: labels of the metadata tables legal sites print above a document (``Số hiệu``, ``Ngày ban hành``)
    metadata_labels: tuple[str, ...]
    #: labels of a digital-signature box drawn on a page (``Ký bởi``, ``Thời gian ký``)
    signing_box_labels: tuple[str, ...]
    #: words of a site's banner, menu and links around a copied document (``Trang chủ``, ``Tải văn bản``)
    site_words: tuple[str, ...]


# --------------------------------------------------------------------------- headings.json


@attrs.frozen
class BothHeading:
    """A role given by phrases found together (``MỤC ĐÍCH, YÊU CẦU``)."""

    role: str
    all_of: tuple[tuple[str, ...], ...]


@attrs.frozen
class StartHeading:
    """A role given by the start of a section title."""

    role: str
    phrases: tuple[str, ...]


@attrs.frozen
class Headings:
    """``headings.json``: the roles of a plan's sections by their headings (tiêu đề mục)."""

    source: str
    note: str
    both: tuple[BothHeading, ...]
    starts: tuple[StartHeading, ...]


# --------------------------------------------------------------------------- reading.json


@attrs.frozen
class ReadingWords:
    """``reading.json``: the words readers use to rebuild paragraphs and tables from lines (đọc tệp)."""

    source: str
    #: names of Word's built-in heading styles, compared case-insensitively, before the level number
    heading_style_names: tuple[str, ...]
    #: words naming a part in a list label (``Phần I.``, ``Mục 1.``, ``Chương II``), as written
    list_part_words: tuple[str, ...]
    #: joining words a hard-wrapped line ends on inside a sentence (lower case)
    line_connectors: tuple[str, ...]
    #: words a blank to fill follows (``ngày …``, ``Số: …``): a gap after them is no cell boundary
    blank_before: tuple[str, ...]


# --------------------------------------------------------------------------- labels.json


@attrs.frozen
class Labels:
    """``labels.json``: the names reports give to kinds, statuses, severities and parts (nhãn), vi and en."""

    source: str
    #: kinds of requirement (loại yêu cầu)
    kinds: Mapping[str, Label]
    #: statuses of a requirement in a coverage table (mức độ đáp ứng)
    requirement_status: Mapping[str, Label]
    #: statuses of a plan and its requirements in a batch (kết quả)
    batch_status: Mapping[str, Label]
    #: severities of a finding (mức độ)
    severities: Mapping[str, Label]
    #: the parts of a document rules belong to, findings are grouped by (phần)
    rule_parts: Mapping[str, Label]
    #: roles of sections (vai trò của mục)
    roles: Mapping[str, Label]
    #: columns of a coverage table
    coverage_columns: tuple[Label, ...]
    #: sides of a page (lề trên, dưới, trái, phải)
    margin_sides: Mapping[str, Label]
    #: the parts of a header a parse warning names when they are missing (thành phần phần đầu)
    header_parts: Mapping[str, Label]
    #: the parse warnings about the header: none found (``none``), lines skipped before it
    #: (``skipped``, with ``{n}`` and the English plural ``{s}``), parts missing (``missing``, ``{parts}``)
    header_warnings: Mapping[str, Label]
    #: the words of the HTML batch report
    html: Mapping[str, Label]
    #: the headings of the columns of a CSV report and of a workbook's sheets (cột)
    report_columns: Mapping[str, Label]
    #: the names of a workbook's sheets and the lines of its summary (bảng tính)
    workbook: Mapping[str, Label]
    #: the lines of the register's answers on the terminal (sổ đăng ký), ``{name}`` filled in
    register: Mapping[str, Label]
    #: what the command line says besides its reports (dòng lệnh), ``{name}`` filled in
    command_line: Mapping[str, Label]
    #: the words of ``vnplan serve``'s page (trang làm việc), ``{name}`` filled in by its script
    web: Mapping[str, Label]
    #: the words beside a plan read on the page with its findings in place
    plan_view: Mapping[str, Label]
    #: every message of an error a user can see, its English template (``{name}`` placeholders, as
    #: raised in the code) beside the Vietnamese one (thông báo lỗi): :mod:`vnplan.report.messages`
    errors: tuple[Label, ...]


# --------------------------------------------------------------------------- lexicon.json


@attrs.frozen
class Concept:
    """One thing named in several ways in the administrative register (khái niệm và các cách gọi)."""

    #: what it is, named for the kind of thing (``reform-``, ``index-``, ``channel-``…)
    id: str
    #: the ways of naming it, matched as requirement phrases are
    terms: tuple[str, ...]
    #: where the words come from (a decree, a decision, a national plan)
    source: str
    #: a real plan writing one of the terms, quoted
    example: str
    #: short names that count only as the head of a list item (``c) Bộ máy và công vụ: …``)
    heads: tuple[str, ...] = ()
    #: words right before a term that make it another thing (``Ủy ban`` nhân dân)
    unless_after: tuple[str, ...] = ()
    #: a family ``profile derive`` also uses: a derived phrase containing a term takes the other terms
    paraphrase: bool = False
    #: a name that lists its members with commas (*Hội nghị cán bộ, công chức, viên chức*): ``profile derive``
    #: keeps a term of it whole rather than cut at its commas
    whole: bool = False


@attrs.frozen
class Lexicon:
    """``lexicon.json``: the administrative register's names for reform areas, indices, channels, bodies."""

    source: str
    concepts: tuple[Concept, ...]


# --------------------------------------------------------------------------- matching.json


@attrs.frozen
class MatchingWords:
    """``matching.json``: words compliance matching ignores (hư từ)."""

    source: str
    stopwords: tuple[str, ...]


# --------------------------------------------------------------------------- organisations.json


@attrs.frozen
class OrganisationWords:
    """``organisations.json``: the head words of the names of bodies (tên cơ quan, tổ chức) in running text."""

    source: str
    #: words a body's name starts with
    heads: tuple[str, ...]
    #: head words that alone name no body (``Sở``)
    not_alone: tuple[str, ...]
    #: lower-case syllables that end a name (verbs and function words after it)
    name_ends: tuple[str, ...]


# --------------------------------------------------------------------------- places.json


@attrs.frozen
class Places:
    """``places.json``: administrative units (đơn vị hành chính) and place names (địa danh)."""

    source: str
    #: kinds of administrative unit, in lower case, in the order they are tried
    units: tuple[str, ...]
    #: cities under the central government (thành phố trực thuộc trung ương)
    centrally_run_cities: tuple[str, ...]
    #: places written with their unit word (``Thành phố Hồ Chí Minh``, Phụ lục I, II.4.a)
    full_name_places: tuple[str, ...]

    def unit_words(self) -> frozenset[str]:
        """The syllables of the unit names (``thành``, ``phố``, ``thị``, ``xã``…)."""
        return frozenset(w for u in self.units for w in u.split())


# --------------------------------------------------------------------------- skeleton.json


@attrs.frozen
class Signer:
    """Who signs for a kind of body (người ký): the head's and the deputy's positions."""

    starts: tuple[str, ...]
    head: str
    deputy: str
    collective: str | None = None


@attrs.frozen
class Guidance:
    """The instructions a skeleton leaves for the unit (hướng dẫn điền), in one language."""

    requirement: str
    target: str
    threshold: str
    keywords: str
    purpose: str
    requirements: str
    content: str
    forms: str
    funding: str
    implementation: str
    signer: str


@attrs.frozen
class SkeletonWords:
    """``skeleton.json``: the wording of a plan skeleton (khung kế hoạch)."""

    source: str
    headings: Mapping[str, str]
    guidance: Mapping[str, Guidance]
    #: the instruction each placeholder starts with, by language
    placeholder_leads: Mapping[str, tuple[str, ...]]
    #: how a parent plan's level is written in guidance, by comparator (``tối thiểu {v}{u}``)
    thresholds: Mapping[str, str]
    signers: tuple[Signer, ...]


# --------------------------------------------------------------------------- structure.json


@attrs.frozen
class Part:
    """A kind of part of a document (phần, chương, mục, điều, khoản, điểm) and how it is labelled."""

    name: str
    #: the form of its label after the word: roman_or_number (Mục II), number (khoản 2), letter (điểm a), article (Điều 3)
    label: Literal["roman_or_number", "number", "letter", "article"]
    #: the label styles of the sections it may name (outline styles)
    styles: tuple[str, ...]
    #: printed before the number of a heading (``Phần I.``, ``Mục 1.``)
    heading: bool
    #: looked for among the top-level sections first
    top_level: bool


@attrs.frozen
class StructureWords:
    """``structure.json``: the names of the parts of a document and of its appendices (phụ lục)."""

    source: str
    parts: tuple[Part, ...]
    #: parts whose heading keeps its word in the label (``Phần II``, ``Chương I``), with their outline style;
    #: a plan's ``Mục 1.`` is labelled ``1`` like the ``1.`` it stands for
    word_styles: Mapping[str, str]
    #: ordinal numbers of a part written in words (``Phần thứ nhất``, ``Phần thứ hai``), in order from one
    ordinals: tuple[str, ...]
    #: words between the parts of one reference (``khoản 2 của Mục III``)
    part_links: tuple[str, ...]
    #: words before the document a part belongs to (``khoản 2 Điều 3 của Quyết định …``)
    document_links: tuple[str, ...]
    #: phụ lục
    appendix: str

    def part(self, label: str) -> tuple[str, ...]:
        """The names of the parts labelled ``label``, in file order."""
        return tuple(p.name for p in self.parts if p.label == label)
