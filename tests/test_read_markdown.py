"""The Markdown reader: what a reader of the rendered page sees, one block per paragraph or cell."""

from __future__ import annotations

from vnplan.model import TablePos
from vnplan.read import read
from vnplan.read.markdown import read_markdown, strip_inline


def test_headings_give_outline_levels_without_hashes():
    blocks = read_markdown("# KẾ HOẠCH\n\n## I. MỤC ĐÍCH\n\nNội dung.\n").blocks
    assert [(b.text, b.outline_level) for b in blocks] == [("KẾ HOẠCH", 1), ("I. MỤC ĐÍCH", 2), ("Nội dung.", None)]


def test_setext_headings_are_headings_too():
    blocks = read_markdown("KẾ HOẠCH\n========\n\nThân\n").blocks
    assert (blocks[0].text, blocks[0].outline_level) == ("KẾ HOẠCH", 1)


def test_emphasis_code_and_links_are_reduced_to_their_text():
    assert strip_inline("**Căn cứ** *Kế hoạch* `14/KH-UBND` [tại đây](http://x) ~~cũ~~") == (
        "Căn cứ Kế hoạch 14/KH-UBND tại đây cũ")
    assert strip_inline(r"số 1\. và a\_b") == "số 1. và a_b"


def test_list_items_keep_their_markers_and_each_starts_a_block():
    text = "1. Mục đích\n2. Yêu cầu\n* cơ quan\n+ đơn vị\n- Lưu: VT.\n"
    assert [b.text for b in read_markdown(text).blocks] == ["1. Mục đích", "2. Yêu cầu", "- cơ quan", "+ đơn vị", "- Lưu: VT."]


def test_wrapped_lines_join_into_one_paragraph():
    blocks = read_markdown("Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024\ncủa UBND tỉnh.\n").blocks
    assert [b.text for b in blocks] == ["Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh."]
    assert blocks[0].line == 1


def test_table_rows_become_cells_with_positions():
    text = "| Nơi nhận: | KT. GIÁM ĐỐC |\n|---|---|\n| - Lưu: VT. | **Nguyễn Văn A** |\n\nSau bảng\n"
    blocks = read_markdown(text).blocks
    assert [(b.text, b.table) for b in blocks] == [
        ("Nơi nhận:", TablePos(0, 0, 0)), ("KT. GIÁM ĐỐC", TablePos(0, 0, 1)),
        ("- Lưu: VT.", TablePos(0, 1, 0)), ("Nguyễn Văn A", TablePos(0, 1, 1)), ("Sau bảng", None)]


def test_blocks_carry_their_source_line():
    blocks = read_markdown("# A\n\nB\n\nC\n").blocks
    assert [b.line for b in blocks] == [1, 3, 5]
    assert blocks[2].location == "dòng 5"


def test_md_files_are_read_as_markdown(tmp_path):
    path = tmp_path / "ke-hoach.md"
    path.write_text("# KẾ HOẠCH\n\n**Nội dung** chính\n", encoding="utf-8")
    doc = read(path)
    assert doc.format == "markdown" and [b.text for b in doc.blocks] == ["KẾ HOẠCH", "Nội dung chính"]


def test_dash_reads_standard_input(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("# Tiêu đề\n\nThân\n".encode())))
    doc = read("-", format="md")
    assert [b.text for b in doc.blocks] == ["Tiêu đề", "Thân"] and doc.path == "<stdin>"


def test_a_markdown_string_is_read_as_markdown_when_asked():
    assert [b.text for b in read("# Tiêu đề\n\n**Thân**\n", format="md").blocks] == ["Tiêu đề", "Thân"]
    assert read("# Tiêu đề\n", format="markdown").format == "markdown"


def test_a_wide_gap_inside_a_line_is_not_a_table_cell():
    blocks = read_markdown("- c) được trình bày tại ô số 2              Mục IV Phần I Phụ lục này.\n").blocks
    assert [(b.text, b.table) for b in blocks] == [("- c) được trình bày tại ô số 2 Mục IV Phần I Phụ lục này.", None)]


def test_a_br_in_a_table_cell_separates_the_cells_lines():
    md = ("| UBND TỈNH BẮC GIANG<br>SỞ KHOA HỌC VÀ CÔNG NGHỆ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>"
          "**Độc lập - Tự do - Hạnh phúc** |\n|---|---|\n")
    blocks = read_markdown(md).blocks
    assert [(b.text, b.table.col) for b in blocks] == [
        ("UBND TỈNH BẮC GIANG", 0), ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1), ("Độc lập - Tự do - Hạnh phúc", 1)]


def test_a_br_outside_tables_is_still_a_space():
    assert [b.text for b in read_markdown("Tuyên truyền<br>cải cách hành chính.\n").blocks] == [
        "Tuyên truyền cải cách hành chính."]
