"""The header: issuers, Quốc hiệu and Tiêu ngữ, number and symbol, place and date, type and title."""

import vnplan
from vnplan.model import PartialDate

FULL = """ỦY BAN NHÂN DÂN
TỈNH BẮC GIANG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 201/KH-UBND
Bắc Giang, ngày 27 tháng 12 năm 2024
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH BẮC GIANG NĂM 2025
Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
"""


def header(text):
    return vnplan.parse(text).header


def test_a_complete_header_is_read_field_by_field():
    h = header(FULL)
    assert h.parent_authority is None
    assert h.authority == "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG"
    assert h.national_motto is True
    assert (h.number, h.symbol) == ("201", "KH-UBND")
    assert h.place == "Bắc Giang"
    assert h.date == PartialDate(2024, 12, 27)
    assert h.doc_type == "Kế hoạch"
    assert h.title == "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH BẮC GIANG NĂM 2025"


def test_a_department_shows_its_parent_authority():
    h = header("UBND TỈNH BẮC GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n-------\nSố: 05/KH-KHCN\nKẾ HOẠCH\nTuyên truyền\n")
    assert h.parent_authority == "UBND TỈNH BẮC GIANG"
    assert h.authority == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"


def test_a_blank_number_and_day_of_a_draft_are_null():
    h = header("Số: /KH-KHCN\n\nBắc Giang, ngày tháng 02 năm 2024\n\nKẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024\n")
    assert h.number is None
    assert h.symbol == "KH-KHCN"
    assert h.date == PartialDate(2024, 2, None)
    assert h.title == "Tuyên truyền cải cách hành chính năm 2024"


def test_a_header_table_flattened_into_bar_lines_is_read():
    text = "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 68/KH-UBND\n|\nSơn\nLa, ngày 11 tháng 3\nnăm 2020\n|\nKẾ HOẠCH\nVỀ VIỆC TRIỂN KHAI\nCHỈ THỊ SỐ 37-CT/TW\nCăn cứ Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư.\n"
    h = header(text)
    assert h.national_motto
    assert h.place == "Sơn La"
    assert h.date == PartialDate(2020, 3, 11)
    assert h.title == "VỀ VIỆC TRIỂN KHAI CHỈ THỊ SỐ 37-CT/TW"


def test_a_date_wrapped_over_two_lines_is_joined():
    h = header("Số: 35/QĐ-BNV\nHà Nội, ngày 22\ntháng 01 năm 2024\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH\n")
    assert h.date == PartialDate(2024, 1, 22)
    assert h.doc_type == "Quyết định"


def test_a_decision_title_stops_at_the_enacting_authority():
    p = vnplan.parse("Số: 35/QĐ-BNV\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH\nTHÔNG TIN NĂM 2024\nBỘ TRƯỞNG BỘ NỘI VỤ\nCăn cứ Nghị định số 63/2022/NĐ-CP;\n")
    assert p.header.title == "BAN HÀNH KẾ HOẠCH THÔNG TIN NĂM 2024"
    assert [x.text for x in p.preamble] == ["BỘ TRƯỞNG BỘ NỘI VỤ"]


def test_an_official_letter_takes_its_title_from_vv():
    h = header("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 2928/SGDĐT-KHTC\nV/v hướng dẫn quản lý thu chi\nHà Nội, ngày 21 tháng 9 năm 2022\n")
    assert h.doc_type == "Công văn"
    assert h.title == "hướng dẫn quản lý thu chi"
    assert h.symbol == "SGDĐT-KHTC"


def test_a_misspelt_national_name_is_still_recognised_as_the_national_name():
    h = header("CỘNG HOÀ XÃ HỘI CHỦ NGHỈA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\nSố: 01/KH-UBND\nKẾ HOẠCH\nABC\n")
    assert h.national_motto
    assert h.national_name_text.text == "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM"


def test_header_fields_keep_their_location():
    p = vnplan.parse(FULL)
    h = p.header
    assert p.span_text(h.number_text.span) == "Số: 201/KH-UBND"
    assert p.span_text(h.date_text.span) == "Bắc Giang, ngày 27 tháng 12 năm 2024"


def test_a_letter_spaced_type_name_from_a_pdf_is_the_type_not_an_authority():
    h = header(FULL.replace("\nKẾ HOẠCH\n", "\nK Ế  H O Ạ C H\n"))
    assert h.doc_type == "Kế hoạch" and h.doc_type_text.text == "K Ế H O Ạ C H"  # as printed, spaces single
    assert h.authority == "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG" and h.parent_authority is None
    assert h.title == "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH BẮC GIANG NĂM 2025"


# paragraphs apart, as a Word file gives them (a text file's long line runs on into the next one)
UNIT = """UBND HUYỆN LỤC NAM
PHÒNG NỘI VỤ
Số: 12/KH-PNV
Lục Nam, ngày 05 tháng 02 năm 2024
KẾ HOẠCH
{title}

{basis}

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về cải cách hành chính.
"""
BASIS = ("Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh Bắc Giang, "
         "Phòng Nội vụ xây dựng Kế hoạch như sau:")


def test_a_title_that_opens_with_thuc_hien_is_the_title_not_the_legal_basis():
    for title in ("Thực hiện công tác tuyên truyền cải cách hành chính năm 2024",
                  "Triển khai công tác cải cách hành chính năm 2024"):
        p = vnplan.parse(UNIT.format(title=title, basis=BASIS))
        assert p.header.title == title
        assert [b.text for b in p.legal_basis] == [BASIS]
    # wrapped over two lines, and followed directly by the first part (no legal basis)
    p = vnplan.parse(UNIT.format(title="Thực hiện công tác tuyên truyền\ncải cách hành chính năm 2024", basis=""))
    assert p.header.title == "Thực hiện công tác tuyên truyền cải cách hành chính năm 2024"
    assert not p.legal_basis


def test_a_preamble_right_after_the_type_name_stays_the_legal_basis():
    p = vnplan.parse(UNIT.format(title=BASIS, basis=""))  # a plan with no title
    assert p.header.title is None
    assert [b.text for b in p.legal_basis] == [BASIS]
    two = "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;"
    p = vnplan.parse(UNIT.format(title=two, basis=BASIS))
    assert [b.text for b in p.legal_basis] == [two, BASIS]
