"""The plain-text reader: lines into paragraph blocks, faithful to real extracted text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnplan.errors import BinaryInputError, EmptyInputError, EncodingError
from vnplan.read import read
from vnplan.read.text import decode, read_text


def texts(doc):
    return [b.text for b in doc.blocks]


def test_hard_wrapped_lines_are_joined_into_one_paragraph():
    doc = read_text("Căn cứ Chỉ thị số 37-CT/TW ngày\n03/9/2019 của Ban Bí thư về tăng cường\nsự lãnh đạo;\n")
    assert texts(doc) == ["Căn cứ Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư về tăng cường sự lãnh đạo;"]


def test_a_heading_is_not_joined_to_the_paragraph_after_it():
    doc = read_text("1. Mục đích\nTiếp tục đẩy mạnh công tác CCHC.\n")
    assert texts(doc) == ["1. Mục đích", "Tiếp tục đẩy mạnh công tác CCHC."]


def test_a_word_broken_over_two_lines_of_a_heading_is_joined():
    assert texts(read_text("1. Mục\nđích\n")) == ["1. Mục đích"]


def test_list_items_are_never_joined():
    doc = read_text("Nơi nhận:\n- Chủ tịch UBND tỉnh (b/c);\n- Lưu: VT.\n")
    assert texts(doc) == ["Nơi nhận:", "- Chủ tịch UBND tỉnh (b/c);", "- Lưu: VT."]


def test_capitalised_lines_stay_apart_unless_a_comma_continues_them():
    assert texts(read_text("ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG\n")) == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG"]
    assert texts(read_text("I. MỤC TIÊU,\nYÊU CẦU VÀ ĐỐI TƯỢNG\n")) == ["I. MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG"]


def test_page_numbers_are_kept_as_artifacts_not_content():
    doc = read_text("Đoạn một kết thúc.\n\n2\n\nĐoạn hai.\n")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "Đoạn một kết thúc."),
        ("artifact", "2"),
        ("paragraph", "Đoạn hai."),
    ]


def test_flattened_header_table_cells_get_table_positions():
    doc = read_text("ỦY BAN NHÂN DÂN\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 01/KH-UBND\n|\nKẾ HOẠCH\n")
    cells = [(b.text, b.table and (b.table.row, b.table.col)) for b in doc.blocks if b.kind == "paragraph"]
    assert cells == [
        ("ỦY BAN NHÂN DÂN", (0, 0)),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (0, 1)),
        ("Số: 01/KH-UBND", (1, 0)),
        ("KẾ HOẠCH", None),
    ]


def test_blocks_know_their_source_lines():
    doc = read_text("\n\nMột dòng\nhai dòng tiếp.\n\nBa.\n")
    assert [(b.line, b.line_of(len(b.text) - 1)) for b in doc.blocks] == [(3, 4), (6, 6)]


def test_original_offsets_survive_normalisation_and_joining():
    raw = "Kế  hoạch\nsố 14.\n"
    doc = read_text(raw)
    b = doc.blocks[0]
    assert b.text == "Kế hoạch số 14."
    k = b.text.index("14")
    assert raw[b.original_offset(k)] == "1"


def test_empty_or_blank_text_is_refused():
    with pytest.raises(EmptyInputError):
        read_text(" \n\n\t\n")


def test_text_with_nul_bytes_is_binary():
    with pytest.raises(BinaryInputError):
        read_text("abc\x00def")


def test_non_utf8_bytes_get_a_clear_encoding_error():
    with pytest.raises(EncodingError, match="UTF-8"):
        decode("Hà Nội, ngày".encode("latin-1", "replace") + b"\xe0\xff")


def test_utf16_with_bom_is_decoded():
    text, _ = decode("Kế hoạch".encode("utf-16"))
    assert text == "Kế hoạch"


def test_a_multi_line_string_is_text_and_a_file_name_is_a_path(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("Số: 01/KH-UBND\n", encoding="utf-8")
    assert read(str(f)).path == str(f)
    assert read("Số: 01/KH-UBND\nKẾ HOẠCH\n").path is None


def test_a_header_table_copied_from_word_is_split_into_cells_column_by_column():
    doc = read_text("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC GIANG\tĐộc lập - Tự do - Hạnh phúc\n")
    assert [(b.text, b.table.col) for b in doc.blocks] == [
        ("ỦY BAN NHÂN DÂN", 0),
        ("TỈNH BẮC GIANG", 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1),
        ("Độc lập - Tự do - Hạnh phúc", 1),
    ]
    assert doc.blocks[2].line == 1 and doc.blocks[2].original_offset(0) == len("ỦY BAN NHÂN DÂN\t")


def test_a_list_number_followed_by_a_tab_is_not_a_table_row():
    assert texts(read_text("I.\tMỤC ĐÍCH, YÊU CẦU\n1.\tMục đích\n")) == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]


@pytest.mark.parametrize(
    "line",
    ["Số:        /KH-UBND", "Bắc Giang, ngày       tháng 02 năm 2024", "Số: ……/KH-UBND", "Số:\t/KH-UBND"],
)
def test_blanks_typed_into_a_draft_are_not_table_cells(line):
    assert [b.table for b in read_text(line + "\n").blocks] == [None]


def test_a_wide_gap_between_two_header_cells_splits_them():
    doc = read_text("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC GIANG          Độc lập - Tự do - Hạnh phúc\n")
    assert [b.table.col for b in doc.blocks] == [0, 0, 1, 1]


@pytest.mark.parametrize("rule", ["", "|---|---|\n", "| :--- | ---: |\n"])
def test_a_header_table_written_with_pipes_is_split_into_cells_column_by_column(rule):
    text = ("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n" + rule
            + "| TỈNH BẮC GIANG | Độc lập - Tự do - Hạnh phúc |\n")
    doc = read_text(text)
    assert [(b.text, b.table.col) for b in doc.blocks] == [
        ("ỦY BAN NHÂN DÂN", 0),
        ("TỈNH BẮC GIANG", 0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1),
        ("Độc lập - Tự do - Hạnh phúc", 1),
    ]
    assert doc.blocks[2].original_offset(0) == text.index("CỘNG")


def test_a_pipe_inside_a_sentence_is_not_a_table():
    assert texts(read_text("Tuyên truyền | phổ biến | giáo dục pháp luật.\n")) == [
        "Tuyên truyền | phổ biến | giáo dục pháp luật."]


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x0b", "\x0c"])
def test_unicode_line_separators_vertical_tab_and_form_feed_end_lines(brk):
    doc = read_text(f"UBND TỈNH BẮC GIANG{brk}SỞ KHOA HỌC VÀ CÔNG NGHỆ{brk}Số: 125/KH-KHCN\n")
    assert texts(doc) == ["UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 125/KH-KHCN"]
    assert [b.line for b in doc.blocks] == [1, 2, 3]
    assert doc.blocks[2].original_offset(0) == len("UBND TỈNH BẮC GIANG SỞ KHOA HỌC VÀ CÔNG NGHỆ ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Kế hoạch", "1.", "a)", "-", "hoà", "  ", "\t", "|", "x", "năm 2026", "\u00a0", "e\u0301",
                                 "Trang 2", ",", "."]), max_size=40),
       st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_every_block_character_maps_back_to_the_source(words, sep):
    """A block whose offsets are None (the identity, built without its offset list) maps each of its
    characters to the same letter of the source (its tone mark may move: hoà → hòa), a blank to a
    blank or to the line break it joins."""
    text = sep.join(" ".join(words[k:k + 4]) for k in range(0, len(words), 4))
    try:
        doc = read_text(text)
    except EmptyInputError:
        return
    for b in doc.blocks:
        if b.offsets is not None or b.origin is None:
            continue
        for i, ch in enumerate(b.text):
            src = text[b.origin + i]
            assert unicodedata.normalize("NFD", src)[0] == unicodedata.normalize("NFD", ch)[0] or (
                ch == " " and src.isspace())


@pytest.mark.parametrize("text", ["", " ", "\t"])
def test_an_empty_string_is_empty_text_not_the_current_folder(text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # "" once named the folder the caller stood in: "is a directory"
    with pytest.raises(EmptyInputError, match="no text"):
        read(text)
