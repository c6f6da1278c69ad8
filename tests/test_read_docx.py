"""The .docx reader: blocks in reading order, with the text a reader of the document sees."""

from __future__ import annotations

import pytest

import vnplan

from docx_fixtures import (
    BODY,
    HEADER_LEFT,
    HEADER_RIGHT,
    RECIPIENTS,
    SIGNATURE,
    docx_with_body_xml,
    para,
    plan_docx,
)
from vnplan.model import TablePos
from vnplan.read import read
from vnplan.read.docx import read_docx


@pytest.fixture(scope="module")
def literal():
    return read_docx(plan_docx("literal"))


@pytest.fixture(scope="module")
def auto():
    return read_docx(plan_docx("auto"))


def test_auto_numbered_plan_reads_like_its_literal_twin(literal, auto):
    assert [b.text for b in auto.blocks] == [b.text for b in literal.blocks]


def test_automatic_numbers_are_kept_as_labels(auto):
    labels = [b.label for b in auto.blocks if b.label is not None]
    shown = [lab for _lvl, lab, _t in BODY]
    # content dashes come from a Symbol-font glyph (U+F02D), recipients from a plain "-"
    assert [("-" if lab == "\uf02d" else lab) for lab in labels] == shown + ["-"] * (len(RECIPIENTS) - 1)
    assert "\uf02d" in labels


def test_literal_numbers_have_no_label(literal):
    assert all(b.label is None for b in literal.blocks)


def test_header_table_is_read_row_by_row_left_cell_first(auto):
    first = [b.text for b in auto.blocks[:6]]
    assert first == [*HEADER_LEFT, *HEADER_RIGHT]
    assert auto.blocks[0].table == TablePos(table=0, row=0, col=0)
    assert auto.blocks[3].table == TablePos(table=0, row=0, col=1)


def test_recipients_and_signature_cells_come_last_in_reading_order(auto):
    tail = [b.text for b in auto.blocks[-(len(RECIPIENTS) + len(SIGNATURE)):]]
    assert tail == [*RECIPIENTS, *SIGNATURE]
    assert {b.table.table for b in auto.blocks[-3:]} == {1}


def test_locations_name_paragraphs_and_table_cells(auto):
    assert auto.blocks[1].location == "bảng 1, hàng 1, cột 1, đoạn 2"
    body = next(b for b in auto.blocks if b.table is None)
    assert body.location == "đoạn 1"
    assert all(b.paragraph_index is not None for b in auto.blocks)
    assert [b.paragraph_index for b in auto.blocks] == sorted(b.paragraph_index for b in auto.blocks)


def test_empty_paragraphs_give_no_block(auto):
    assert all(b.text for b in auto.blocks)


def test_page_setup_is_read_in_millimetres(auto):
    (page,) = auto.pages
    assert (page.width_mm, page.height_mm) == (210.0, 297.0)
    assert (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm) == (20.0, 20.0, 30.0, 15.0)
    assert page.orientation == "portrait"


def test_runs_carry_effective_formatting_from_styles_and_direct_formatting(auto):
    title = next(b for b in auto.blocks if b.text == "KẾ HOẠCH")
    (run,) = title.runs
    assert (run.font, run.size, run.bold, run.italic) == ("Times New Roman", 14.0, True, False)
    assert title.alignment == "center"


def test_sections_give_one_page_setup_each():
    body = (para("Trang dọc")
            + '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
              '<w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="850"/></w:sectPr></w:pPr>'
              '<w:r><w:t>Hết phần một</w:t></w:r></w:p>'
            + para("Trang ngang"))
    doc = read_docx(docx_with_body_xml(body))
    assert len(doc.pages) == 2
    assert doc.pages[0].width_mm == 210.0 and doc.pages[0].left_mm == 30.0
    assert [b.page_section for b in doc.blocks] == [0, 0, 1]


STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>
    <w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:i/><w:sz w:val="28"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/><w:basedOn w:val="Base"/>
    <w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:caps/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="TieuDe2"><w:name w:val="Tiêu đề 2"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="VnTime"><w:name w:val="Cu"/>
    <w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
</w:styles>"""


def test_run_formatting_follows_defaults_then_style_chain_then_run_style_then_direct():
    body = ('<w:p><w:pPr><w:pStyle w:val="Child"/></w:pPr>'
            '<w:r><w:t xml:space="preserve">kế thừa </w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="Strong"/><w:i w:val="0"/></w:rPr><w:t>mạnh</w:t></w:r>'
            '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/><w:b w:val="0"/></w:rPr>'
            '<w:t xml:space="preserve"> trực tiếp</w:t></w:r></w:p>')
    (block,) = read_docx(docx_with_body_xml(body, styles_xml=STYLES)).blocks
    inherited, strong, direct = block.runs
    assert (inherited.font, inherited.size, inherited.bold, inherited.italic) == ("Times New Roman", 14.0, True, True)
    assert (strong.bold, strong.italic, strong.caps) == (True, False, True)
    assert (direct.font, direct.size, direct.bold, direct.italic) == ("Arial", 12.0, False, True)
    assert block.alignment == "both"
    assert block.style == "Child"


def test_all_caps_runs_are_shown_in_capitals():
    body = '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>nội dung</w:t></w:r></w:p>'
    (block,) = read_docx(docx_with_body_xml(body, styles_xml=STYLES)).blocks
    assert block.text == "NỘI DUNG"


def test_headings_get_outline_levels_from_style_outline_or_name():
    body = para("NỘI DUNG", style="Heading1") + para("Mục con", style="TieuDe2") + para("Thường")
    blocks = read_docx(docx_with_body_xml(body, styles_xml=STYLES)).blocks
    assert [b.outline_level for b in blocks] == [1, 2, None]


def test_tracked_changes_read_as_accepted():
    body = ('<w:p><w:r><w:t xml:space="preserve">Năm </w:t></w:r>'
            '<w:del w:id="1" w:author="A"><w:r><w:delText>2023</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="A"><w:r><w:t>2024</w:t></w:r></w:ins></w:p>'
            '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>'
            '<w:del w:id="4" w:author="A"><w:r><w:delText>Đoạn đã xoá</w:delText></w:r></w:del></w:p>')
    blocks = read_docx(docx_with_body_xml(body)).blocks
    assert [b.text for b in blocks] == ["Năm 2024"]


def test_content_controls_are_read_at_block_and_inline_level():
    body = ('<w:sdt><w:sdtPr><w:alias w:val="Số"/></w:sdtPr><w:sdtContent>'
            '<w:p><w:r><w:t xml:space="preserve">Số: </w:t></w:r>'
            '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>15/KH-UBND</w:t></w:r></w:sdtContent></w:sdt></w:p>'
            '</w:sdtContent></w:sdt>')
    assert [b.text for b in read_docx(docx_with_body_xml(body)).blocks] == ["Số: 15/KH-UBND"]


def test_text_box_paragraphs_follow_their_anchor_once():
    txbx = ('<w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent>')
    body = ('<w:p><w:r><w:t xml:space="preserve">Neo </w:t></w:r><w:r><mc:AlternateContent>'
            '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
            f'<wps:wsp><wps:txbx>{txbx}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{txbx}</v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r></w:p>')
    blocks = read_docx(docx_with_body_xml(body)).blocks
    assert [b.text for b in blocks] == ["Neo", "DỰ THẢO"]
    assert blocks[1].location == "khung văn bản 1, đoạn 1"


def test_fields_show_their_result_not_their_instruction():
    body = ('<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve"> ngày 05</w:t></w:r></w:fldSimple></w:p>')
    assert [b.text for b in read_docx(docx_with_body_xml(body)).blocks] == ["Trang 3 ngày 05"]


def test_soft_line_breaks_and_tabs_become_spaces():
    body = '<w:p><w:r><w:t>KT. GIÁM ĐỐC</w:t><w:br/><w:t>PHÓ</w:t><w:tab/><w:t>GIÁM ĐỐC</w:t></w:r></w:p>'
    assert read_docx(docx_with_body_xml(body)).blocks[0].text == "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"


def test_soft_line_breaks_in_a_table_cell_separate_its_lines():
    cell = ('<w:tc><w:p><w:r><w:t>UBND TỈNH BẮC GIANG</w:t><w:br/></w:r><w:r><w:rPr><w:b/></w:rPr>'
            '<w:t>SỞ KHOA HỌC VÀ CÔNG NGHỆ</w:t><w:br/><w:br/><w:t>Số: 125/KH-KHCN</w:t></w:r></w:p></w:tc>')
    blocks = read_docx(docx_with_body_xml(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>")).blocks
    assert [b.text for b in blocks] == ["UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 125/KH-KHCN"]
    assert [b.runs[0].bold for b in blocks] == [False, True, True]
    assert {b.location for b in blocks} == {"bảng 1, hàng 1, cột 1, đoạn 1"}
    assert {b.paragraph_index for b in blocks} == {0}


def test_a_header_and_signature_typed_with_line_breaks_in_cells_are_read(tmp_path):
    import docx

    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "UBND TỈNH BẮC GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-KHCN"
    head.cell(0, 1).text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                            "Bắc Giang, ngày 15 tháng 02 năm 2024")
    for line in ("KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024", "I. NỘI DUNG", "Tuyên truyền./."):
        d.add_paragraph(line)
    closing = d.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- Lãnh đạo Sở;\n- Lưu: VT."
    closing.cell(0, 1).text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTriệu Ngọc Trung"
    d.save(tmp_path / "plan.docx")
    plan = vnplan.parse(tmp_path / "plan.docx")
    h = plan.header
    assert (h.parent_authority, h.authority, h.national_motto) == ("UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", True)
    assert (h.number, h.symbol, h.place) == ("125", "KH-KHCN", "Bắc Giang")
    assert [r.name for r in plan.recipients] == ["Lãnh đạo Sở", "Lưu"]
    s = plan.signature
    assert (s.authority_form, s.position, s.signer) == ("KT.", "PHÓ GIÁM ĐỐC", "Triệu Ngọc Trung")


def test_footnote_references_and_hidden_text_stay_out_of_the_body():
    body = ('<w:p><w:r><w:t>Căn cứ Luật</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>')
    assert read_docx(docx_with_body_xml(body)).blocks[0].text == "Căn cứ Luật"


def test_footnote_text_is_not_read_into_the_body():
    from docx_fixtures import patch_zip

    data = docx_with_body_xml('<w:p><w:r><w:t>Thân</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    foot = ('<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:footnote w:id="1"><w:p><w:r><w:t>Chú thích</w:t></w:r></w:p></w:footnote></w:footnotes>')
    data = patch_zip(data, {"word/footnotes.xml": foot.encode()})
    assert [b.text for b in read_docx(data).blocks] == ["Thân"]


def test_tcvn3_runs_are_converted_by_their_font_with_a_warning():
    body = ('<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'
            '<w:t>Céng hoµ x· héi chñ nghÜa ViÖt Nam</w:t></w:r></w:p>'
            '<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr><w:t>kÕ ho¹ch</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Unicode µ giữ nguyên</w:t></w:r></w:p>')
    doc = read_docx(docx_with_body_xml(body))
    assert [b.text for b in doc.blocks] == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "KẾ HOẠCH", "Unicode µ giữ nguyên"]
    assert any("TCVN3" in w and ".VnTime" in w for w in doc.warnings)


def test_unicode_text_in_a_tcvn3_font_is_not_converted():
    # older templates keep .VnTime as the font while the text is typed in Unicode
    body = ('<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'
            '<w:t>SỞ THÔNG TIN VÀ TRUYỀN THÔNG</w:t></w:r></w:p>')
    doc = read_docx(docx_with_body_xml(body))
    assert doc.blocks[0].text == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert not any("TCVN3" in w for w in doc.warnings)


def test_tcvn3_font_from_a_paragraph_style_is_honoured():
    body = '<w:p><w:pPr><w:pStyle w:val="VnTime"/></w:pPr><w:r><w:t>Hµ Néi</w:t></w:r></w:p>'
    assert read_docx(docx_with_body_xml(body, styles_xml=STYLES)).blocks[0].text == "Hà Nội"


def test_vni_runs_are_converted_by_their_font():
    body = ('<w:p><w:r><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr>'
            '<w:t>Ñoäc laäp - Töï do - Haïnh phuùc</w:t></w:r></w:p>')
    assert read_docx(docx_with_body_xml(body)).blocks[0].text == "Độc lập - Tự do - Hạnh phúc"


def test_text_is_normalised_nfc_with_modern_tone_placement():
    body = para("Cộng hoà xã hội") + para("Cu\u0309a  toa\u0300n")
    blocks = read_docx(docx_with_body_xml(body)).blocks
    assert [b.text for b in blocks] == ["Cộng hòa xã hội", "Của toàn"]


def test_read_dispatches_docx_by_content(tmp_path):
    path = tmp_path / "ke-hoach.bin"
    path.write_bytes(plan_docx("auto"))
    doc = read(path)
    assert doc.format == "docx" and doc.sha256 and doc.blocks[0].text == HEADER_LEFT[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.bin"]  # nothing written beside it


def test_nested_tables_are_read_in_place():
    inner = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>trong</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    body = (f'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>trái</w:t></w:r></w:p>{inner}<w:p/></w:tc>'
            '<w:tc><w:p><w:r><w:t>phải</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    blocks = read_docx(docx_with_body_xml(body)).blocks
    assert [(b.text, b.table) for b in blocks] == [
        ("trái", TablePos(0, 0, 0)), ("trong", TablePos(1, 0, 0)), ("phải", TablePos(0, 0, 1))]


def test_strict_open_xml_documents_are_read_like_transitional_ones():
    from docx_fixtures import patch_zip
    import io
    import zipfile

    data = plan_docx("auto")
    z = zipfile.ZipFile(io.BytesIO(data))
    strict = {}
    for name in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
        strict[name] = z.read(name).replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                            b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert [b.text for b in read_docx(patch_zip(data, strict)).blocks] == [b.text for b in read_docx(data).blocks]


def test_every_text_box_of_a_group_shape_is_read():
    def box(text):
        return f'<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'

    body = ('<w:p><w:r><w:drawing><wp:anchor><a:graphic><a:graphicData>'
            f'{box("MẬT")}{box("KHẨN")}</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>')
    assert [b.text for b in read_docx(docx_with_body_xml(body)).blocks] == ["MẬT", "KHẨN"]


def test_an_alt_chunk_is_not_read_but_a_warning_says_so():
    body = para("Trước") + '<w:altChunk r:id="rIdX"/>' + para("Sau")
    doc = read_docx(docx_with_body_xml(body))
    assert [b.text for b in doc.blocks] == ["Trước", "Sau"]
    assert any("altChunk" in w for w in doc.warnings)


# ------------------------------------------------------------------ two columns typed with tabs


def _tabbed(*lines: str) -> str:
    """Body paragraphs, ``|`` in a line standing for a tab (as older headers and closings are typed)."""
    def para(line: str) -> str:
        parts = [f'<w:r><w:t xml:space="preserve">{p}</w:t></w:r>' for p in line.split("|")]
        return "<w:p>" + "<w:r><w:tab/></w:r>".join(parts) + "</w:p>"
    return "".join(para(line) for line in lines)


def test_a_header_typed_in_two_columns_with_tabs_reads_column_by_column():
    # binhduong-09-ct-ubnd-2009.doc: no table, a tab between the columns, a blank line between rows
    body = _tabbed("ỦY BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH BÌNH DƯƠNG|Độc lập - Tự do - Hạnh phúc",
                   "||", "Số: 09/2009/CT-UBND|Thủ Dầu Một, ngày 15 tháng 4 năm 2009", "CHỈ THỊ")
    blocks = read_docx(docx_with_body_xml(body)).blocks
    assert [(b.text, b.table.col if b.table else None) for b in blocks] == [
        ("ỦY BAN NHÂN DÂN", 0), ("TỈNH BÌNH DƯƠNG", 0), ("Số: 09/2009/CT-UBND", 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), ("Độc lập - Tự do - Hạnh phúc", 1),
        ("Thủ Dầu Một, ngày 15 tháng 4 năm 2009", 1), ("CHỈ THỊ", None)]
    assert [b.location for b in blocks[:2]] == ["đoạn 1", "đoạn 2"] and blocks[3].location == "đoạn 1"


def test_a_closing_typed_with_tabs_keeps_the_recipients_together_and_the_signature_apart():
    body = _tabbed("Nơi nhận:|TM. ỦY BAN NHÂN DÂN", "- Bộ Khoa học và Công nghệ;|KT. CHỦ TỊCH",
                   "- Thường trực Tỉnh ủy;|PHÓ CHỦ TỊCH", "- Thường trực HĐND tỉnh;", "- CT, PCT UBND tỉnh;|(Đã ký)",
                   "- UBND các huyện, thị xã;|Nguyễn Văn Hiệp", "- Lưu VT.")
    blocks = read_docx(docx_with_body_xml(body)).blocks
    left = [b.text for b in blocks if b.table and b.table.col == 0]
    right = [b.text for b in blocks if b.table and b.table.col == 1]
    assert left == ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;",
                    "- CT, PCT UBND tỉnh;", "- UBND các huyện, thị xã;", "- Lưu VT."]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn Hiệp"]
    assert [b.text for b in blocks] == left + right


def test_one_paragraph_with_a_tab_and_numbered_lines_stay_paragraphs():
    body = _tabbed("Họ và tên:|Nguyễn Văn A", "Nội dung chính.", "1.|Mục đích, yêu cầu", "2.|Nội dung")
    assert [(b.text, b.table) for b in read_docx(docx_with_body_xml(body)).blocks] == [
        ("Họ và tên: Nguyễn Văn A", None), ("Nội dung chính.", None), ("1. Mục đích, yêu cầu", None),
        ("2. Nội dung", None)]
