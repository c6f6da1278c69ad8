"""The header of a text-layer PDF printed from a Word plan whose header is a borderless two-cell table.

Word centres each cell's lines in its half of the text column; a cell narrower than a name
wraps it (``SỞ NÔNG NGHIỆP VÀ MÔI`` / ``TRƯỜNG``, ``…, ngày 08 tháng 7 năm`` / ``2025``), and the
type name ``KẾ HOẠCH`` under the table is centred on the whole column. The lines are placed here
as LibreOffice places them on a US Letter page (1 inch margins, 13 pt); the bodies, places and
numbers are invented.
"""

from __future__ import annotations

from pdf_fixtures import unicode_pdf

import vnplan

LETTER = 612.0
STEP = 15.0


def _centred(text: str, centre: float, size: float = 13) -> float:
    return centre - len(text) * size * 0.27  # about where a centred line of that many letters starts


def _header_pdf(left: list[str], right: list[str], below: list[str]) -> bytes:
    """Left and right cells side by side from the top, then the lines under the table, centred."""
    top = 720.0
    lines: list[tuple[float, float, str]] = []
    for k, t in enumerate(left):
        lines.append((_centred(t, 189), top - k * STEP, t))
    for k, t in enumerate(right):
        lines.append((_centred(t, 423), top - k * STEP, t))
    y = top - max(len(left), len(right)) * STEP
    for t in below:
        lines.append((_centred(t, 306) if len(t) < 70 else 72, y, t))
        y -= STEP
    return unicode_pdf([lines], width=LETTER, height=792, size=13)


RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "______",
         "Hà Nội, ngày 19 tháng 8 năm 2025"]
BODY = ["Căn cứ Luật Giáo dục đại học ngày 18 tháng 6 năm 2012 và các văn bản hướng dẫn thi hành hiện hành;",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Giúp người học mới nắm vững quy chế đào tạo của nhà trường."]


def _parse(tmp_path, data: bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    return vnplan.parse(str(path))


def test_the_type_name_right_under_the_header_table_is_not_read_into_its_left_cell(tmp_path):
    # KẾ HOẠCH starts left of the page middle, on the row right after the cells: it is the
    # centred type name, and the title under it is its title (it was read before the right
    # cell, and the title was lost)
    left = ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC KỸ THUẬT", "____", "Số: 904/KH-ĐHKT"]
    plan = _parse(tmp_path, _header_pdf(left, RIGHT, ["KẾ HOẠCH", "Tổ chức tuần sinh hoạt đầu khóa", *BODY]))
    h = plan.header
    assert (h.parent_authority, h.authority) == ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC KỸ THUẬT")
    assert (h.number, h.symbol, h.place) == ("904", "KH-ĐHKT", "Hà Nội")
    assert (h.doc_type, h.title) == ("Kế hoạch", "Tổ chức tuần sinh hoạt đầu khóa")


def test_a_one_word_head_wrapped_onto_the_last_line_ends_the_name_above(tmp_path):
    # TRƯỜNG alone is the end of "MÔI TRƯỜNG", not a school named by its head word
    left = ["UBND TỈNH QUẢNG NGÃI", "SỞ NÔNG NGHIỆP VÀ MÔI", "TRƯỜNG", "_____", "Số: 31/KH-SNNMT"]
    h = _parse(tmp_path, _header_pdf(left, RIGHT, ["KẾ HOẠCH", "Phòng, chống thiên tai năm 2025", *BODY])).header
    assert (h.parent_authority, h.authority) == ("UBND TỈNH QUẢNG NGÃI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")


def test_a_one_word_head_on_its_own_line_above_a_name_still_starts_a_body():
    h = vnplan.parse("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\nSỞ\nTƯ PHÁP\nSố: 12/KH-STP\n"
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Nam Định, ngày 02 tháng 6 năm 2025\nKẾ HOẠCH\nPhổ biến pháp luật năm 2025\n"
                     + "\n".join(BODY)).header
    assert (h.parent_authority, h.authority) == ("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", "SỞ TƯ PHÁP")


def test_a_date_whose_year_wraps_onto_the_next_line_of_its_cell_keeps_the_year(tmp_path):
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "____",
             "Bình Dương, ngày 08 tháng 7 năm", "2025"]
    left = ["BAN QUẢN LÝ DỰ ÁN", "ĐẦU TƯ XÂY DỰNG TỈNH", "____", "Số: 327/KH-BQLDA"]
    h = _parse(tmp_path, _header_pdf(left, right, ["KẾ HOẠCH", "Kiểm tra chất lượng công trình", *BODY])).header
    assert (h.place, h.date) == ("Bình Dương", vnplan.model.PartialDate(2025, 7, 8))


def test_a_span_of_years_wrapped_at_its_dash_ends_the_title_and_opens_no_dash_item():
    # a long title centred under KẾ HOẠCH wraps before "- 2030": a reader sees one title
    plan = vnplan.parse("UBND THÀNH PHỐ CẦN THƠ\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 412/KH-STNMT\n"
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                        "Cần Thơ, ngày 09 tháng 10 năm 2025\nKẾ HOẠCH\n"
                        "Thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn thành phố giai đoạn 2025\n- 2030\n"
                        + "\n".join(BODY))
    assert plan.header.title == "Thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn thành phố giai đoạn 2025 - 2030"
    assert [s.label for s in plan.sections] == ["I"]


def test_a_dash_item_under_a_title_ending_in_a_word_is_still_not_the_title():
    plan = vnplan.parse("UBND TỈNH BẮC NINH\nSỞ TƯ PHÁP\nSố: 41/KH-STP\n"
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                        "Bắc Ninh, ngày 09 tháng 10 năm 2025\nKẾ HOẠCH\nPhổ biến pháp luật cho thanh niên\n"
                        "- 2030 là năm hoàn thành mục tiêu phổ cập pháp luật.\n" + "\n".join(BODY))
    assert plan.header.title == "Phổ biến pháp luật cho thanh niên"
