"""The .docx skeleton is laid out as Decree 30/2020/NĐ-CP, Phụ lục I prescribes, with named styles and Word numbering.

Read with python-docx and lxml directly: what Word itself would see, independent of vnplan's reader.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

import vnplan
from skeleton_helpers import docx_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(docx_bytes("so-y-te-kt")))


def _style_value(style, getter):  # type: ignore[no-untyped-def]
    """A property of a style, following its base styles as Word does."""
    while style is not None:
        v = getter(style)
        if v is not None:
            return v
        style = style.base_style
    return None


def test_page_is_a4_portrait_with_the_prescribed_margins(document):
    s = document.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.1) and abs(s.page_height - Mm(297)) < Mm(0.1)
    assert Mm(20) <= s.top_margin <= Mm(25) and Mm(20) <= s.bottom_margin <= Mm(25)
    assert Mm(30) <= s.left_margin <= Mm(35)
    assert Mm(15) <= s.right_margin <= Mm(20)


def test_times_new_roman_for_every_script_and_no_theme_font(document):
    root = document.styles.element
    fonts = list(root.iter(W + "rFonts"))
    assert fonts
    for rf in fonts:
        assert not [a for a in rf.attrib if a.lower().endswith("theme")], rf.attrib
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert rf.get(W + slot) == "Times New Roman"
    ours = [a for a in document.part.numbering_part.element.findall(W + "abstractNum")
            if a.find(W + "name") is not None and a.find(W + "name").get(W + "val") == "VN Kế hoạch"]
    number_fonts = list(ours[0].iter(W + "rFonts"))
    assert len(number_fonts) == 5
    assert all(rf.get(W + slot) == "Times New Roman" for rf in number_fonts for slot in ("ascii", "eastAsia", "cs"))


def test_body_paragraphs_use_named_styles_not_direct_formatting(document):
    used = {p.style.name for p in document.paragraphs}
    assert {"VN Mục", "VN Khoản", "VN Khoản tiêu đề", "VN Ý", "VN Căn cứ", "VN Tên loại", "VN Trích yếu"} <= used
    for p in document.paragraphs:
        for r in p.runs:
            assert r.font.name is None and r.font.size is None and r.bold is None and r.italic is None


def test_section_levels_are_word_numbering_attached_through_the_styles(document):
    numbering = document.part.numbering_part.element
    (abstract,) = [a for a in numbering.findall(W + "abstractNum")
                   if (n := a.find(W + "name")) is not None and n.get(W + "val") == "VN Kế hoạch"]
    levels = {int(lv.get(W + "ilvl")): lv for lv in abstract.findall(W + "lvl")}
    fmt = {k: (lv.find(W + "numFmt").get(W + "val"), lv.find(W + "lvlText").get(W + "val")) for k, lv in levels.items()}
    assert fmt[0] == ("upperRoman", "%1.") and fmt[1] == ("decimal", "%2.")
    assert fmt[2] == ("lowerLetter", "%3)") and fmt[3] == ("bullet", "-")
    linked = {levels[k].find(W + "pStyle").get(W + "val") for k in range(4)}
    assert linked == {"VNMuc", "VNKhoan", "VNDiem", "VNY"}
    for name in ("VN Mục", "VN Khoản", "VN Khoản tiêu đề", "VN Điểm", "VN Ý"):
        # a titled khoản inherits its number from VN Khoản (basedOn), as Word and LibreOffice do
        num_pr = _style_value(document.styles[name], lambda s: s.element.pPr.find(W + "numPr")
                              if s.element.pPr is not None else None)
        assert num_pr is not None, name
    assert document.styles["VN Khoản tiêu đề"].base_style.name == "VN Khoản"
    for p in document.paragraphs:  # no paragraph carries its own number or numbering
        ppr = p._p.pPr
        assert ppr is None or ppr.find(W + "numPr") is None
        assert not p.text[:3].strip().rstrip(".").isdigit()


def test_header_table_is_borderless_two_columns_with_the_prescribed_formats(document):
    head = document.tables[0]
    borders = head._tbl.tblPr.find(W + "tblBorders")
    assert {b.get(W + "val") for b in borders} == {"nil"}
    left = [p for p in head.cell(0, 0).paragraphs if p.text]
    right = [p for p in head.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in left] == ["UBND TỈNH BẮC GIANG", "SỞ Y TẾ"]
    assert [p.text for p in right] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    parent, unit = (p.style for p in left)
    assert not parent.font.bold and unit.font.bold and unit.font.size == Pt(12)
    national, motto = (p.style for p in right)
    assert national.font.bold and Pt(12) <= national.font.size <= Pt(13)
    assert motto.font.bold and Pt(13) <= motto.font.size <= Pt(14)
    number = head.cell(1, 0).paragraphs[0]
    assert number.text.startswith("Số:") and number.text.endswith("/KH-SYT") and number.style.font.size == Pt(13)
    date = head.cell(1, 1).paragraphs[0]
    assert date.text.split() == ["Bắc", "Giang,", "ngày", "tháng", "năm", "2024"]
    assert date.style.font.italic and Pt(13) <= date.style.font.size <= Pt(14)


def test_short_rules_under_the_unit_the_motto_and_the_title(document):
    def rules(paragraphs):  # type: ignore[no-untyped-def]
        return [p for p in paragraphs if not p.text and p._p.pPr is not None and p._p.pPr.find(W + "pBdr") is not None]

    head = document.tables[0]
    assert len(rules(head.cell(0, 0).paragraphs)) == 1
    assert len(rules(head.cell(0, 1).paragraphs)) == 1
    assert len(rules(document.paragraphs[:4])) == 1


def test_type_and_title_are_bold_and_centred(document):
    kind, title = document.paragraphs[0], document.paragraphs[1]
    assert kind.text == "KẾ HOẠCH" and kind.style.font.bold
    assert title.style.font.bold and title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert Pt(13) <= kind.style.font.size <= Pt(14)


def test_legal_basis_is_italic(document):
    basis = next(p for p in document.paragraphs if p.text.startswith("Thực hiện"))
    assert basis.style.name == "VN Căn cứ"
    assert _style_value(basis.style, lambda s: s.font.italic)


def test_placeholders_are_highlighted_and_bookmarked_by_requirement(document):
    runs = [r for p in document.paragraphs for r in p.runs if r.style.name == "VN Chờ điền"]
    assert len(runs) == 36
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW and r.text.startswith("[") for r in runs)
    names = {b.get(W + "name") for b in document.element.body.iter(W + "bookmarkStart")}
    assert "vnplan_BG14_CCHC_THECHE" in names and len(names) == 35


def test_closing_table_recipients_and_signature_formats(document):
    close = document.tables[1]
    rec = [p for p in close.cell(0, 0).paragraphs if p.text]
    assert rec[0].text == "Nơi nhận:"
    assert rec[0].style.font.bold and rec[0].style.font.italic and rec[0].style.font.size == Pt(12)
    assert all(p.style.font.size == Pt(11) for p in rec[1:])
    assert rec[-1].text == "- Lưu: VT, VP."
    sig = [p for p in close.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in sig] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Hoa"]
    assert all(p.style.font.bold for p in sig)


def test_page_numbers_sit_in_the_top_margin_but_not_on_the_first_page(document):
    s = document.sections[0]
    assert s.different_first_page_header_footer
    assert any(f.get(W + "instr").strip() == "PAGE" for f in s.header._element.iter(W + "fldSimple"))
    assert not s.first_page_header.paragraphs[0].text


def _renumbered(document, edit) -> list[str]:  # type: ignore[no-untyped-def]
    edit(document)
    buf = io.BytesIO()
    document.save(buf)
    plan = vnplan.parse(vnplan.read(buf.getvalue(), format="docx"))
    return [f"{s.label}" for s in plan.sections[1].children]


def test_deleting_an_item_renumbers_the_rest_as_word_does():
    document = docx.Document(io.BytesIO(docx_bytes("so-tu-phap")))
    before = _renumbered(document, lambda d: None)

    def delete_second_content_item(d):  # type: ignore[no-untyped-def]
        items = [p for p in d.paragraphs if p.style.name == "VN Khoản" and "quan điểm, chủ trương" in p.text]
        items[0]._p.getparent().remove(items[0]._p)

    after = _renumbered(document, delete_second_content_item)
    assert after == [str(k) for k in range(1, len(before))]


def test_a_paragraph_given_the_item_style_gets_the_next_number():
    document = docx.Document(io.BytesIO(docx_bytes("so-tu-phap")))

    def insert(d):  # type: ignore[no-untyped-def]
        first = next(p for p in d.paragraphs if p.style.name == "VN Khoản" and "cán bộ, công chức" in p.text)
        first.insert_paragraph_before("Nội dung do đơn vị tự đặt ra.", style="VN Khoản")

    labels = _renumbered(document, insert)
    plan_titles = labels
    assert plan_titles[:2] == ["1", "2"]
    assert len(labels) == 22


def test_property_elements_are_in_schema_order_so_word_opens_the_file(document):
    from vnplan.generate.docx import PPR_ORDER, TBLPR_ORDER

    def in_order(el, order):  # type: ignore[no-untyped-def]
        ranks = [order.index(c.tag[len(W):]) for c in el if c.tag.startswith(W) and c.tag[len(W):] in order]
        unknown = [c.tag for c in el if not (c.tag.startswith(W) and c.tag[len(W):] in order)]
        return ranks == sorted(ranks) and not unknown and len(ranks) == len(set(ranks))

    body = document.element.body
    tblprs = list(body.iter(W + "tblPr"))
    assert len(tblprs) == 2 and all(in_order(t, TBLPR_ORDER) for t in tblprs)
    pprs = list(body.iter(W + "pPr"))
    assert all(in_order(p, PPR_ORDER) for p in pprs)
    for style in document.styles.element.iter(W + "style"):
        if style.get(W + "styleId", "").startswith("VN"):
            ppr = style.find(W + "pPr")
            assert ppr is None or in_order(ppr, PPR_ORDER), style.get(W + "styleId")
