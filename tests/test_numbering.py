"""Word automatic numbering rebuilt from numbering.xml: each block shows the number Word shows."""

from __future__ import annotations

from docx_fixtures import docx_with_body_xml, numbering_xml, para
from vnplan.read.docx import read_docx
from vnplan.read.numbering import bullet_display, format_number, to_letter, to_roman


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


PLAN_LEVELS = abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."), lvl(2, "lowerLetter", "%3)"),
                       lvl(3, "bullet", "-"))


def texts(body: str, numbering: str, styles: str | None = None) -> list[str]:
    return [b.text for b in read_docx(docx_with_body_xml(body, numbering_xml=numbering, styles_xml=styles)).blocks]


def test_roman_decimal_and_letter_levels_count_and_reset():
    body = "".join(para(t, num=(1, lv)) for lv, t in [(0, "A"), (1, "B"), (2, "C"), (2, "D"), (1, "E"),
                                                         (2, "F"), (0, "G"), (1, "H")])
    assert texts(body, numbering_xml(PLAN_LEVELS, num(1, 1))) == [
        "I. A", "1. B", "a) C", "b) D", "2. E", "a) F", "II. G", "1. H"]


def test_multilevel_text_joins_the_counters_of_shallower_levels():
    levels = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2."), lvl(2, "decimal", "%1.%2.%3."))
    body = "".join(para(t, num=(1, lv)) for lv, t in [(0, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e"), (1, "f")])
    assert texts(body, numbering_xml(levels, num(1, 1))) == ["1. a", "1.1. b", "1.1.1. c", "1.2. d", "2. e", "2.1. f"]


def test_is_lgl_shows_shallower_roman_levels_as_arabic():
    levels = abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>"))
    body = para("Mục", num=(1, 0)) + para("Mục", num=(1, 0)) + para("Khoản", num=(1, 1))
    assert texts(body, numbering_xml(levels, num(1, 1))) == ["I. Mục", "II. Mục", "2.1. Khoản"]


def test_start_values_are_honoured():
    levels = abstract(1, lvl(0, "decimal", "%1.", start=5))
    assert texts(para("x", num=(1, 0)) + para("y", num=(1, 0)), numbering_xml(levels, num(1, 1))) == ["5. x", "6. y"]


def test_lvl_restart_zero_keeps_counting_across_shallower_levels():
    levels = abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'))
    body = para("A", num=(1, 0)) + para("b", num=(1, 1)) + para("C", num=(1, 0)) + para("d", num=(1, 1))
    assert texts(body, numbering_xml(levels, num(1, 1))) == ["I. A", "1. b", "II. C", "2. d"]


def test_lvl_restart_names_the_level_whose_use_restarts_it():
    # level 3 restarts only when level 1 (index 0) is used, not when level 2 (index 1) is
    levels = abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
                      lvl(2, "lowerLetter", "%3)", extra='<w:lvlRestart w:val="1"/>'))
    body = "".join(para(t, num=(1, lv)) for lv, t in [(0, "A"), (1, "b"), (2, "c"), (1, "d"), (2, "e"),
                                                         (0, "F"), (2, "g")])
    assert texts(body, numbering_xml(levels, num(1, 1))) == ["I. A", "1. b", "a) c", "2. d", "b) e", "II. F", "a) g"]


def test_nums_sharing_an_abstract_num_share_their_counters():
    levels = abstract(1, lvl(0, "decimal", "%1."))
    body = para("a", num=(1, 0)) + para("b", num=(2, 0)) + para("c", num=(1, 0))
    assert texts(body, numbering_xml(levels, num(1, 1) + num(2, 1))) == ["1. a", "2. b", "3. c"]


def test_start_override_restarts_a_num_that_shares_an_abstract_num():
    levels = abstract(1, lvl(0, "decimal", "%1."))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    body = para("a", num=(1, 0)) + para("b", num=(1, 0)) + para("c", num=(2, 0)) + para("d", num=(2, 0))
    assert texts(body, numbering_xml(levels, num(1, 1) + num(2, 1, override))) == ["1. a", "2. b", "1. c", "2. d"]


def test_level_override_replaces_the_format():
    levels = abstract(1, lvl(0, "decimal", "%1."))
    override = ('<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
                '<w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride>')
    assert texts(para("x", num=(2, 0)), numbering_xml(levels, num(1, 1) + num(2, 1, override))) == ["a) x"]


STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Khoan"><w:name w:val="Khoản"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="KhoanCon"><w:name w:val="Khoản con"/><w:basedOn w:val="Khoan"/></w:style>
  <w:style w:type="paragraph" w:styleId="Diem"><w:name w:val="Điểm"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def test_numbering_is_inherited_from_paragraph_styles():
    levels = abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
                      lvl(2, "lowerLetter", "%3)", extra='<w:pStyle w:val="Diem"/>'))
    body = (para("NỘI DUNG", style="Muc") + para("Khoản", style="Khoan") + para("Con", style="KhoanCon")
            + para("Điểm", style="Diem") + para("Trực tiếp", style="Muc", num=(1, 0)))
    assert texts(body, numbering_xml(levels, num(1, 1)), STYLES) == [
        "I. NỘI DUNG", "1. Khoản", "2. Con", "a) Điểm", "II. Trực tiếp"]


def test_num_id_zero_switches_numbering_off():
    levels = abstract(1, lvl(0, "upperRoman", "%1."))
    body = para("Có số", style="Muc") + para("Không số", style="Muc", num=(0, 0))
    assert texts(body, numbering_xml(levels, num(1, 1)), STYLES) == ["I. Có số", "Không số"]


def test_bullets_show_dash_or_dot_and_keep_the_raw_glyph_as_label():
    levels = (abstract(1, lvl(0, "bullet", "\uf02d")) + abstract(2, lvl(0, "bullet", "\uf0b7"))
              + abstract(3, lvl(0, "bullet", "–")) + abstract(4, lvl(0, "bullet", "+")))
    body = para("a", num=(1, 0)) + para("b", num=(2, 0)) + para("c", num=(3, 0)) + para("d", num=(4, 0))
    blocks = read_docx(docx_with_body_xml(body, numbering_xml=numbering_xml(
        levels, num(1, 1) + num(2, 2) + num(3, 3) + num(4, 4)))).blocks
    assert [b.text for b in blocks] == ["- a", "• b", "- c", "+ d"]
    assert [b.label for b in blocks] == ["\uf02d", "\uf0b7", "–", "+"]


def test_suffix_nothing_joins_the_number_to_the_text():
    levels = abstract(1, lvl(0, "decimal", "Điều %1.", extra='<w:suff w:val="nothing"/>'))
    assert texts(para(" Phạm vi", num=(1, 0)), numbering_xml(levels, num(1, 1))) == ["Điều 1. Phạm vi"]


def test_empty_numbered_paragraphs_still_count_but_give_no_block():
    levels = abstract(1, lvl(0, "decimal", "%1."))
    body = para("a", num=(1, 0)) + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>' + para("c", num=(1, 0))
    assert texts(body, numbering_xml(levels, num(1, 1))) == ["1. a", "3. c"]


def test_numbering_style_links_resolve_to_the_defining_abstract_num():
    styles = STYLES.replace("</w:styles>", '<w:style w:type="numbering" w:styleId="DanhSach"><w:name w:val="Danh sách"/>'
                            '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    defining = abstract(1, lvl(0, "upperLetter", "%1."), extra='<w:styleLink w:val="DanhSach"/>')
    linking = abstract(2, extra='<w:numStyleLink w:val="DanhSach"/>')
    body = para("x", num=(2, 0)) + para("y", num=(2, 0))
    assert texts(body, numbering_xml(defining + linking, num(1, 1) + num(2, 2)), styles) == ["A. x", "B. y"]


def test_number_formats():
    assert [to_roman(n) for n in (1, 4, 9, 14, 40, 1999)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIX"]
    assert [to_letter(n) for n in (1, 26, 27, 53)] == ["a", "z", "aa", "aaa"]
    assert format_number(3, "lowerRoman") == "iii" and format_number(2, "upperLetter") == "B"
    assert format_number(7, "decimalZero") == "07" and format_number(7, "ordinalText") == "7"


def test_bullet_display():
    assert [bullet_display(g) for g in ("-", "\uf02d", "—", "•", "\uf0a7", "o", "+")] == ["-", "-", "-", "•", "•", "•", "+"]


def test_a_heading_style_based_on_another_takes_the_level_tied_to_its_own_name():
    styles = STYLES.replace("</w:styles>", (
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="H1"/></w:style>'
        "</w:styles>"))
    levels = abstract(1, lvl(0, "upperRoman", "%1.", extra='<w:pStyle w:val="H1"/>'),
                      lvl(1, "decimal", "%2.", extra='<w:pStyle w:val="H2"/>'))
    body = para("MỤC ĐÍCH", style="H1") + para("Mục đích", style="H2") + para("Yêu cầu", style="H2") + para("NỘI DUNG", style="H1")
    assert texts(body, numbering_xml(levels, num(1, 1)), styles) == ["I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG"]


def test_word_template_list_styles_number_through_their_style():
    # python-docx's default template is a Word-authored file: its List Number and List Bullet
    # styles carry numbering defined in Word's own numbering.xml
    import io

    from docx import Document

    doc = Document()
    for t in ("Một", "Hai"):
        doc.add_paragraph(t, style="List Number")
    doc.add_paragraph("Chấm", style="List Bullet")
    doc.add_paragraph("Đề mục", style="Heading 1")
    buf = io.BytesIO()
    doc.save(buf)
    blocks = read_docx(buf.getvalue()).blocks
    assert [(b.text, b.label) for b in blocks] == [("1. Một", "1."), ("2. Hai", "2."), ("• Chấm", "\uf0b7"),
                                                  ("Đề mục", None)]
    assert blocks[-1].outline_level == 1
