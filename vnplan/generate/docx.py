"""The skeleton as a Word document laid out as Decree 30/2020/NĐ-CP, Phụ lục I prescribes.

A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman for every
script (ASCII, high ANSI, East Asian, complex); the two-column borderless header table
(ô 1–4), type and title (ô 5a), body (ô 6), the two-column Nơi nhận / signature table
(ô 7, 9b); page numbers centred in the top margin, not on the first page (Phụ lục I, I.7).

Formatting lives in named paragraph styles (``VN Mục``, ``VN Khoản``, ``VN Điểm``, ``VN Ý``,
``VN Căn cứ``, ``VN Nơi nhận``…) so a clerk restyles the whole plan at once; section labels
are Word automatic numbering (one ``abstractNum`` in ``numbering.xml``: upperRoman ``I.``,
decimal ``1.``, lowerLetter ``a)``, bullet ``-``, bullet ``+``) attached through those
styles, so inserting or deleting an item renumbers the rest. Placeholders carry the
character style ``VN Chờ điền`` (shaded) and a yellow highlight, inside a bookmark
``vnplan_<requirement id>``.
"""

from __future__ import annotations

import math
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, Twips
from lxml import etree

import vnplan.vocab as vocab
from vnplan.generate.build import DIEM, KHOAN, MUC, Skeleton, Y

FONT = "Times New Roman"
A4 = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH_MM = 210 - 30 - 15
HEADER_COLS_MM = (62, TEXT_WIDTH_MM - 62)
CLOSING_COLS_MM = (78, TEXT_WIDTH_MM - 78)
FIRST_LINE = Mm(10)  # lùi đầu dòng 1 cm (Phụ lục I, II.6.e)

#: Paragraph styles: name → (style id, base, size pt, bold, italic, alignment, extra).
_C, _J, _L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
PARAGRAPH_STYLES: dict[str, tuple[str, str | None, float, bool, bool, Any, dict[str, Any]]] = {
    "VN Đoạn": ("VNDoan", None, 14, False, False, _J, {"first_line": True, "before": 6}),
    "VN Căn cứ": ("VNCanCu", "VN Đoạn", 14, False, True, _J, {}),
    "VN Mục": ("VNMuc", "VN Đoạn", 14, True, False, _J, {"keep": True, "level": MUC}),
    "VN Khoản": ("VNKhoan", "VN Đoạn", 14, False, False, _J, {"level": KHOAN}),
    # a titled khoản: VN Khoản in bold; its number is inherited from VN Khoản (one style per level)
    "VN Khoản tiêu đề": ("VNKhoanTieuDe", "VN Khoản", 14, True, False, _J, {"keep": True}),
    "VN Điểm": ("VNDiem", "VN Đoạn", 14, False, False, _J, {"level": DIEM}),
    "VN Ý": ("VNY", "VN Đoạn", 14, False, False, _J, {"level": Y}),
    "VN Cơ quan chủ quản": ("VNCoQuanChuQuan", None, 12, False, False, _C, {}),
    "VN Cơ quan ban hành": ("VNCoQuanBanHanh", None, 12, True, False, _C, {}),
    "VN Quốc hiệu": ("VNQuocHieu", None, 12, True, False, _C, {}),
    "VN Tiêu ngữ": ("VNTieuNgu", None, 13, True, False, _C, {}),
    "VN Số ký hiệu": ("VNSoKyHieu", None, 13, False, False, _C, {"before": 6}),
    "VN Địa danh": ("VNDiaDanh", None, 14, False, True, _C, {"before": 6}),
    "VN Tên loại": ("VNTenLoai", None, 14, True, False, _C, {"before": 18, "keep": True}),
    "VN Trích yếu": ("VNTrichYeu", None, 14, True, False, _C, {"keep": True}),
    "VN Đường kẻ": ("VNDuongKe", None, 2, False, False, _L, {}),
    "VN Nơi nhận": ("VNNoiNhan", None, 12, True, True, _L, {"before": 12}),
    "VN Nơi nhận mục": ("VNNoiNhanMuc", None, 11, False, False, _L, {}),
    "VN Chức vụ": ("VNChucVu", None, 14, True, False, _C, {"before": 0}),
    "VN Người ký": ("VNNguoiKy", None, 14, True, False, _C, {"before": 84}),
}
_BODY_STYLE = {MUC: "VN Mục", KHOAN: "VN Khoản", DIEM: "VN Điểm", Y: "VN Ý"}
PLACEHOLDER_STYLE = ("VN Chờ điền", "VNChoDien")

_LEVELS = (  # ilvl, numFmt, lvlText, bold
    (MUC, "upperRoman", "%1.", True),
    (KHOAN, "decimal", "%2.", False),
    (DIEM, "lowerLetter", "%3)", False),
    (Y, "bullet", "-", False),
    (4, "bullet", "+", False),
)


#: Schema order (ECMA-376, CT_TblPr and CT_PPr) of the children vnplan adds with lxml: Word
#: refuses a file whose property elements are out of order.
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
               "tblCaption", "tblDescription")
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def _in_schema_order(el: etree._Element, order: tuple[str, ...]) -> None:
    rank = {qn(f"w:{t}"): i for i, t in enumerate(order)}
    children = sorted(el, key=lambda c: rank.get(c.tag, len(order)))  # stable: equal ranks keep their order
    for c in children:
        el.append(c)


# --------------------------------------------------------------------------- fonts and styles


def _fonts(rpr: etree._Element, size: float | None = None) -> None:
    """Times New Roman for all four script slots; theme fonts (which would win) removed."""
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = etree.SubElement(rpr, qn("w:rFonts"))
        rpr.insert(0, rf)
    for attr in list(rf.attrib):
        if str(attr).endswith(("Theme", "theme")):
            del rf.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rf.set(qn(f"w:{slot}"), FONT)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = etree.SubElement(rpr, qn(tag))
            el.set(qn("w:val"), str(int(size * 2)))


def _defaults(document: Any) -> None:
    styles = document.styles.element
    dd = styles.find(qn("w:docDefaults"))
    rpr = dd.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, 14)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = etree.SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    ppr = dd.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    # Every style of the template names theme fonts (Calibri, Cambria…): Times New Roman instead.
    for rf in styles.iter(qn("w:rFonts")):
        for attr in list(rf.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del rf.attrib[attr]
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            rf.set(qn(f"w:{slot}"), FONT)


_JC = {_C: "center", _J: "both", _L: "left"}


def _add_styles(document: Any, num_id: int) -> None:
    """The VN styles, written as XML (python-docx's add_style looks every name up: slow)."""
    root = document.styles.element
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    for name, (sid, base, size, bold, italic, align, extra) in PARAGRAPH_STYLES.items():
        base_id = PARAGRAPH_STYLES[base][0] if base else "Normal"
        ppr = []
        if extra.get("keep"):
            ppr.append("<w:keepNext/>")
        level = extra.get("level")
        if level is not None:
            ppr.append(f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
        if "before" in extra:
            before = f' w:before="{int(extra["before"] * 20)}"'
        else:  # a derived style inherits its base's spacing
            before = ' w:before="0"' if base is None else ""
        ppr.append(f'<w:spacing{before} w:after="0"/>')
        if extra.get("first_line"):
            ppr.append(f'<w:ind w:firstLine="{int(FIRST_LINE.twips)}"/>')
        elif base is None:
            ppr.append('<w:ind w:firstLine="0"/>')
        ppr.append(f'<w:jc w:val="{_JC[align]}"/>')
        rpr = (f'{fonts}<w:b w:val="{int(bold)}"/><w:bCs w:val="{int(bold)}"/>'
               f'<w:i w:val="{int(italic)}"/><w:iCs w:val="{int(italic)}"/>'
               f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>')
        root.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{base_id}"/><w:qFormat/>'
            f'<w:pPr>{"".join(ppr)}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'))
    name, sid = PLACEHOLDER_STYLE
    root.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
        f'<w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:rPr></w:style>'))


def _add_numbering(document: Any) -> int:
    """One multilevel list (I. / 1. / a) / - / +) linked to the VN body styles; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid = max(abstract_ids, default=-1) + 1
    nid = max(num_ids, default=0) + 1
    levels = []
    for ilvl, fmt, text, bold in _LEVELS:
        style = {MUC: "VNMuc", KHOAN: "VNKhoan", DIEM: "VNDiem", Y: "VNY"}.get(ilvl)
        pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{int(FIRST_LINE.twips)}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
            f'{"<w:b/>" if bold else ""}</w:rPr></w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
        f'<w:name w:val="VN Kế hoạch"/>{"".join(levels)}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # every abstractNum precedes every num (schema order)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


# --------------------------------------------------------------------------- layout helpers


def _page(document: Any) -> None:
    s = document.sections[0]
    s.page_width, s.page_height = A4
    for side, value in MARGINS.items():
        # Word stores twentieths of a point: round up so 15 mm is not saved as 14.99 mm
        setattr(s, f"{side}_margin", Twips(math.ceil(value.mm * 1440 / 25.4 - 1e-9)))
    s.header_distance = Mm(10)
    s.footer_distance = Mm(10)
    # Page numbers: centred in the top margin, not on the first page (Phụ lục I, I.7).
    s.different_first_page_header_footer = True
    p = s.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="28"/></w:rPr></w:r></w:fldSimple>'))


def _borderless(table: Any, widths_mm: tuple[float, ...]) -> None:
    tbl = table._tbl
    tblpr = tbl.tblPr
    tblpr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # w:tblLayout fixed
    _in_schema_order(tblpr, TBLPR_ORDER)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    grid = tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(w).twips)))


def _rule(cell_or_doc: Any, width_mm: float, column_mm: float) -> None:
    """A short solid line centred under the previous line (an empty paragraph with a top border)."""
    p = _para(cell_or_doc, None, "VN Đường kẻ")
    p.paragraph_format.space_before = Pt(3)
    side = max(0.0, (column_mm - width_mm) / 2)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'))
    _in_schema_order(ppr, PPR_ORDER)


def _text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """A rough printed width of ``text`` in Times New Roman (average glyph ≈ 0.5 em, capitals 0.68 em)."""
    em = size_pt * 0.3528  # mm per em
    w = sum(0.68 if c.isupper() else (0.25 if c == " " else 0.5) for c in text) * em
    return w * (1.05 if bold else 1.0)


def _sid(style: str) -> str:
    return PARAGRAPH_STYLES[style][0]


def _para(container: Any, text: str | None, style: str) -> Any:
    """A paragraph of ``style`` (set by id: python-docx's lookup by name scans every style)."""
    p = container.add_paragraph()
    p._p.style = _sid(style)
    if text:
        p.add_run(text)
    return p


def _first(cell: Any, text: str, style: str) -> Any:
    p = cell.paragraphs[0]
    p._p.style = _sid(style)
    p.add_run(text)
    return p


def _bookmark(p: Any, ident: int, name: str, run: Any) -> None:
    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{ident}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{ident}"/>')
    run._r.addprevious(start)
    run._r.addnext(end)


def _bookmark_name(req: str, used: set[str]) -> str:
    base = "vnplan_" + "".join(c if c.isalnum() and c.isascii() else "_" for c in req)
    name = base[:40]
    k = 2
    while name in used:
        suffix = f"_{k}"
        name = base[: 40 - len(suffix)] + suffix
        k += 1
    used.add(name)
    return name


# --------------------------------------------------------------------------- the document


def render(sk: Skeleton) -> Any:
    """A python-docx ``Document`` of the skeleton."""
    document = docx.Document()
    _defaults(document)
    num_id = _add_numbering(document)
    _add_styles(document, num_id)
    _page(document)
    body = document._body._body
    for child in list(body):  # the template's empty first paragraph
        if child.tag == qn("w:p"):
            body.remove(child)

    # Header table (ô 1–4): issuers | Quốc hiệu, Tiêu ngữ; Số | place and date.
    head = document.add_table(rows=2, cols=2)
    _borderless(head, HEADER_COLS_MM)
    left, right = head.cell(0, 0), head.cell(0, 1)
    if sk.parent_unit:
        _first(left, sk.parent_unit, "VN Cơ quan chủ quản")
        _para(left, sk.unit, "VN Cơ quan ban hành")
    else:
        _first(left, sk.unit, "VN Cơ quan ban hành")
    unit_w = _text_width_mm(sk.unit, 12, bold=True)
    _rule(left, max(15.0, min(unit_w, HEADER_COLS_MM[0]) * 0.45), HEADER_COLS_MM[0])
    _first(right, vocab.decree30().national_name, "VN Quốc hiệu")
    motto = vocab.decree30().motto
    _para(right, motto, "VN Tiêu ngữ")
    _rule(right, _text_width_mm(motto, 13, bold=True), HEADER_COLS_MM[1])
    _first(head.cell(1, 0), sk.number_line, "VN Số ký hiệu")
    _first(head.cell(1, 1), sk.date_line, "VN Địa danh")

    # Type and title (ô 5a) with the short rule under the title.
    _para(document, sk.doc_type, "VN Tên loại")
    _para(document, sk.title, "VN Trích yếu")
    title_w = min(_text_width_mm(sk.title, 14, bold=True), TEXT_WIDTH_MM)
    _rule(document, max(25.0, title_w * 0.4), TEXT_WIDTH_MM)

    # Body (ô 6).
    for line in sk.legal_basis:
        _para(document, line, "VN Căn cứ")
    used: set[str] = set()
    bookmark_id = 0
    for it in sk.items:
        style = "VN Khoản tiêu đề" if it.level == KHOAN and it.title else _BODY_STYLE[it.level]
        p = _para(document, None, style)
        for piece in it.pieces:
            run = p.add_run(piece.text)
            if piece.placeholder:
                run._r.style = PLACEHOLDER_STYLE[1]
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                if it.requirement:
                    _bookmark(p, bookmark_id, _bookmark_name(it.requirement, used), run)
                    bookmark_id += 1

    # Closing table (ô 9b | ô 7a–7c): Nơi nhận | signature.
    close = document.add_table(rows=1, cols=2)
    _borderless(close, CLOSING_COLS_MM)
    rec, sig = close.cell(0, 0), close.cell(0, 1)
    _first(rec, sk.recipients_heading, "VN Nơi nhận")
    for r in sk.recipients:
        _para(rec, r, "VN Nơi nhận mục")
    first = True
    for line in sk.signature:
        if first:
            p = _first(sig, line, "VN Chức vụ")
            p.paragraph_format.space_before = Pt(12)
            first = False
        else:
            _para(sig, line, "VN Chức vụ")
    p = _para(sig, None, "VN Người ký")
    run = p.add_run(sk.signer.text)
    if sk.signer.placeholder:
        run._r.style = PLACEHOLDER_STYLE[1]
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    cp = document.core_properties
    # Word's core properties hold at most 255 characters (python-docx refuses longer ones).
    cp.title = f"{sk.doc_type.capitalize()} {sk.title}"[:255]
    cp.author = sk.unit_name[:255]
    cp.subject = f"Khung kế hoạch theo hồ sơ yêu cầu {sk.profile}"[:255]
    cp.keywords = f"vnplan; {sk.profile}"[:255]
    cp.language = "vi-VN"
    cp.comments = "Tạo bởi vnplan skeleton; các đoạn tô vàng là chỗ đơn vị cần bổ sung."
    return document


__all__ = ["render", "PARAGRAPH_STYLES", "PLACEHOLDER_STYLE", "FONT", "MARGINS"]
