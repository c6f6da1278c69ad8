"""The header in the layouts real documents reach vnplan in (issue 13, items 1–4 and the header side of 7).

Each test is a small text in the shape of a real copy (a legal site's page, a portal, a Word
paste, PDF text, a Word file), written for this test; the numbers, places and people are invented.
"""

from __future__ import annotations

import pytest
from real_corpus import build_docx

import vnplan
from vnplan.errors import NotAPlanError
from vnplan.model import PartialDate

HEADER = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 258/KH-UBND
Quảng Trị, ngày 18 tháng 01 năm 2024
KẾ HOẠCH
Tuyên truyền cải cách hành chính nhà nước năm 2024
"""
BODY = """Căn cứ Quyết định số 1021/QĐ-UBND ngày 20 tháng 12 năm 2023 của UBND tỉnh;
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.
"""


def header(text: str):  # type: ignore[no-untyped-def]
    return vnplan.parse(text).header


def fields(h) -> tuple:  # type: ignore[no-untyped-def]
    return (h.parent_authority, h.authority, h.national_motto, h.number, h.year, h.symbol, h.place, h.date,
            h.doc_type, h.title)


EXPECTED = (None, "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", True, "258", None, "KH-UBND", "Quảng Trị", PartialDate(2024, 1, 18),
            "Kế hoạch", "Tuyên truyền cải cách hành chính nhà nước năm 2024")


# --------------------------------------------------------------------------- 1. text before the header


@pytest.mark.parametrize("above", [
    "Hệ thống pháp luật",
    "THƯ VIỆN PHÁP LUẬT",
    "Trang chủ › Văn bản › Kế hoạch 258/KH-UBND",
    "Số hiệu: 258/KH-UBND | Loại văn bản: Kế hoạch | Ngày ban hành: 18/01/2024",
    "KH tuyen truyen CCHC 2024 (ban cuoi).docx",
    "Đang tải nội dung, vui lòng chờ giây lát...",
])
def test_one_line_of_a_site_above_a_header_that_parses_changes_nothing(above: str) -> None:
    plan = vnplan.parse(f"{above}\n{HEADER}{BODY}")
    assert fields(plan.header) == EXPECTED
    assert any("the header starts after 1 other line" in w for w in plan.source.warnings)


@pytest.mark.parametrize("mark", ["DỰ THẢO", "Dự thảo lần 2", "KHẨN", "HỎA TỐC", "MẬT", "TỐI MẬT"])
def test_a_mark_above_the_header_is_neither_refused_nor_taken_for_the_issuer(mark: str) -> None:
    assert fields(header(f"{mark}\n{HEADER}{BODY}")) == EXPECTED


def test_a_legal_site_page_with_menu_and_metadata_table_is_read_from_its_header() -> None:
    page = ("TRA CỨU VĂN BẢN - Cơ sở dữ liệu văn bản pháp luật\n"
            "Văn bản mới | Văn bản hợp nhất | Công văn | Biểu mẫu\n"
            "Số hiệu | Loại văn bản | Ngày ban hành | Người ký | Tình trạng\n"
            "258/KH-UBND | Kế hoạch | 18/01/2024 | Lê Văn Bình | Còn hiệu lực\n"
            "Nội dung toàn văn Kế hoạch 258/KH-UBND tuyên truyền cải cách hành chính năm 2024\n\n")
    assert fields(header(page + HEADER + BODY)) == EXPECTED


def test_a_site_banner_in_capitals_is_not_the_parent_authority() -> None:
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG TRỊ\nTrang chủ » Văn bản » Văn bản chỉ đạo\nNgày đăng: 19/01/2024 | Lượt xem: 310\n"
            + HEADER + BODY)
    h = header(text)
    assert (h.parent_authority, h.authority) == (None, "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")


def test_the_fullest_cluster_is_the_header_not_a_number_quoted_by_the_site() -> None:
    text = "Số: 258/KH-UBND | Ngày: 18/01/2024\nTình trạng: Còn hiệu lực\n\n" + HEADER + BODY
    assert fields(header(text)) == EXPECTED


def test_related_documents_listed_before_the_header_do_not_hide_it() -> None:
    related = "".join(f"Quyết định số {n}/QĐ-UBND ngày 5/3/2023 của UBND tỉnh về việc ban hành kế hoạch cải cách hành "
                      "chính trên địa bàn tỉnh năm 2023.\n" for n in (11, 12, 13))
    assert fields(header("Văn bản liên quan\n" + related + HEADER + BODY)) == EXPECTED


def test_a_signature_box_drawn_above_the_header_is_noise() -> None:
    box = "Ký bởi: Văn phòng HĐND và UBND huyện\nCơ quan: Huyện Yên Thế, Tỉnh Bắc Giang\nNgày ký: 12-06-2024 15:20:45 +07:00\n"
    assert fields(header(box + HEADER + BODY)) == EXPECTED


def test_a_doan_document_is_headed_by_the_doan_where_the_quoc_hieu_stands() -> None:
    p = vnplan.parse("TỈNH ĐOÀN QUẢNG NGÃI                    ĐOÀN TNCS HỒ CHÍ MINH\n***\n"
                     "Số: 96 - KH/TĐTN-PT                    Quảng Ngãi, ngày 14 tháng 3 năm 2024\n\n"
                     "KẾ HOẠCH\nTổ chức Ngày hội thanh niên với văn hóa giao thông năm 2024\n\n"
                     "Thực hiện Chương trình công tác Đoàn năm 2024, Ban Thường vụ Tỉnh đoàn ban hành Kế hoạch như sau:\n"
                     "I. MỤC ĐÍCH, YÊU CẦU\n")
    h = p.header
    assert (h.authority, h.number, h.symbol, h.place) == ("TỈNH ĐOÀN QUẢNG NGÃI", "96", "KH/TĐTN-PT", "Quảng Ngãi")
    assert (h.doc_type, h.title) == ("Kế hoạch", "Tổ chức Ngày hội thanh niên với văn hóa giao thông năm 2024")
    assert not p.source.warnings  # no Quốc hiệu or Tiêu ngữ is missing from a Đoàn document


# --------------------------------------------------------------------------- 2. number lines


@pytest.mark.parametrize(("line", "number", "year", "symbol"), [
    ("Số:\n258/KH-UBND", "258", None, "KH-UBND"),  # "Số:" alone, the number on the next line of its cell
    ("Số: 23 /KH-UBND", "23", None, "KH-UBND"),
    ("Số:23/KH-UBND", "23", None, "KH-UBND"),
    ("Số 15/KH-UBND", "15", None, "KH-UBND"),
    ("Số: 1250/QĐ.UB", "1250", None, "QĐ.UB"),  # a dotted symbol of the 2000s
    ("Số: 37/KH.UB", "37", None, "KH.UB"),
    ("Số: 27/2010/QĐ-UBND", "27", 2010, "QĐ-UBND"),  # the year inside the number, not in the symbol
    ("Số:\n27/2010/QĐ-UBND", "27", 2010, "QĐ-UBND"),
    ("Số: 1125/KH-CAT-PC06", "1125", None, "KH-CAT-PC06"),
    ("Số: 35-KH/TU", "35", None, "KH/TU"),  # the Party's form
    ("Số: 218 - KH/TĐTN-TNTH", "218", None, "KH/TĐTN-TNTH"),  # the Đoàn's: spaces round the hyphen, a unit
    ("Số: 258/KH - UBND", "258", None, "KH-UBND"),  # the symbol as cited: no spaces, a hyphen, no full stop
    ("Số: 258/KH–UBND", "258", None, "KH-UBND"),
    ("Số: 258/KH-UBND.", "258", None, "KH-UBND"),
])
def test_a_number_line_gives_number_year_and_symbol(line: str, number: str, year: int | None, symbol: str) -> None:
    h = header(HEADER.replace("Số: 258/KH-UBND", line) + BODY)
    assert (h.number, h.year, h.symbol) == (number, year, symbol)
    assert (h.place, h.doc_type) == ("Quảng Trị", "Kế hoạch")


@pytest.mark.parametrize(("line", "date"), [
    ("Quảng Trị, 18 tháng 01 năm 2024", PartialDate(2024, 1, 18)),  # "ngày" left out
    ("Quảng Trị, tháng 01 năm 2024", PartialDate(2024, 1, None)),  # a report dated by its month
    ("Quảng Trị, ngày 18 tháng 01, năm 2024", PartialDate(2024, 1, 18)),
])
def test_a_date_line_in_a_looser_form_is_still_the_place_and_date(line: str, date: PartialDate) -> None:
    h = header(HEADER.replace("Quảng Trị, ngày 18 tháng 01 năm 2024", line) + BODY)
    assert (h.place, h.date) == ("Quảng Trị", date)


def test_a_number_line_without_its_slash_is_not_taken_for_the_place() -> None:
    h = header(HEADER.replace("Số: 258/KH-UBND", "Số 258 KH-UBND") + BODY)
    assert (h.place, h.date) == ("Quảng Trị", PartialDate(2024, 1, 18))


def test_a_lone_so_finds_its_number_a_few_lines_down_when_a_page_is_read_row_by_row() -> None:
    text = ("UBND TỈNH BẮC GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số:        Bắc Giang, ngày 03 tháng 4 năm 2024\n1523/KH-SYT\n\nKẾ HOẠCH\n"
            "Triển khai Tháng hành động vì an toàn thực phẩm năm 2024\n" + BODY)
    h = header(text)
    assert (h.number, h.symbol, h.place, h.date) == ("1523", "KH-SYT", "Bắc Giang", PartialDate(2024, 4, 3))
    assert (h.parent_authority, h.authority) == ("UBND TỈNH BẮC GIANG", "SỞ Y TẾ")
    assert h.title == "Triển khai Tháng hành động vì an toàn thực phẩm năm 2024"


def test_a_draft_blank_number_keeps_its_symbol_place_and_date() -> None:
    h = header(HEADER.replace("Số: 258/KH-UBND", "Số:     /KH-SNV").replace("ngày 18 tháng", "ngày     tháng") + BODY)
    assert (h.number, h.symbol, h.place, h.date) == (None, "KH-SNV", "Quảng Trị", PartialDate(2024, 1, None))


def test_the_number_line_is_kept_as_printed() -> None:
    p = vnplan.parse(HEADER.replace("Số: 258/KH-UBND", "Số: 27/2010/QĐ-UBND") + BODY)
    assert p.header.number_text.text == "Số: 27/2010/QĐ-UBND"
    assert p.span_text(p.header.number_text.span) == "Số: 27/2010/QĐ-UBND"


def test_a_long_subject_line_above_the_quoc_hieu_stays_the_subject() -> None:
    h = header("UBND HUYỆN LỤC NAM\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 412/PGDĐT-TH\n"
               "V/v hướng dẫn tổ chức ôn tập, kiểm tra cuối học kỳ I năm học 2024 - 2025\n"
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLục Nam, ngày 02 tháng 12 năm 2024\n\n"
               "Kính gửi: Hiệu trưởng các trường tiểu học trên địa bàn huyện.\n\n"
               "Căn cứ Thông tư số 27/2020/TT-BGDĐT ngày 04/9/2020 của Bộ Giáo dục và Đào tạo;\n")
    assert (h.doc_type, h.national_motto) == ("Công văn", True)
    assert h.title == "hướng dẫn tổ chức ôn tập, kiểm tra cuối học kỳ I năm học 2024 - 2025"
    assert h.national_name_text.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_a_subject_wrapped_beside_the_date_column_keeps_its_second_line() -> None:
    # a PDF page read as text: the left column (issuer, number, V/v) first, then the right one, then
    # the subject's second line, which stood under the date
    p = vnplan.parse("UBND TỈNH QUẢNG TRỊ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "SỞ NỘI VỤ                              Độc lập - Tự do - Hạnh phúc\n"
                     "Số: 412/SNV-CCHC\n"
                     "V/v đôn đốc báo cáo kết quả cải cách          Quảng Trị, ngày 10 tháng 3 năm 2024\n"
                     "hành chính quý I năm 2024\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n"
                     "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2024 của UBND tỉnh, Sở Nội vụ đề nghị các cơ quan báo cáo.\n")
    h = p.header
    assert (h.doc_type, h.title) == ("Công văn", "đôn đốc báo cáo kết quả cải cách hành chính quý I năm 2024")
    assert (h.place, h.number, h.symbol) == ("Quảng Trị", "412", "SNV-CCHC")
    assert not any("hành chính quý I" in x.text for x in p.preamble)


def test_an_official_letter_takes_its_title_from_the_subject_under_its_number() -> None:
    h = header("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 3417 /UBND-KGVX\nV/v góp ý dự thảo Kế hoạch tuyên truyền\n"
               "cải cách hành chính giai đoạn 2025 - 2030\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
               "Quảng Ngãi, ngày 26 tháng 6 năm 2024\nKính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện.\n"
               "Ủy ban nhân dân tỉnh nhận được Tờ trình số 96/TTr-SNV ngày 20/6/2024 của Sở Nội vụ.\n")
    assert (h.doc_type, h.number, h.symbol) == ("Công văn", "3417", "UBND-KGVX")
    assert h.title == "góp ý dự thảo Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2025 - 2030"


def test_a_joint_plan_keeps_lien_tich_in_its_type_line_not_its_title() -> None:
    h = header(HEADER.replace("KẾ HOẠCH\n", "KẾ HOẠCH LIÊN TỊCH\n") + BODY)
    assert (h.doc_type, h.title) == ("Kế hoạch", "Tuyên truyền cải cách hành chính nhà nước năm 2024")


# --------------------------------------------------------------------------- 3. wrapped cells


def test_uy_alone_on_its_line_is_the_start_of_the_issuer_not_a_parent() -> None:
    h = header(HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", "ỦY\nBAN NHÂN DÂN TỈNH QUẢNG TRỊ") + BODY)
    assert (h.parent_authority, h.authority) == (None, "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")


@pytest.mark.parametrize(("wrapped", "doc_type"), [("KẾ\nHOẠCH", "Kế hoạch"), ("QUYẾT\nĐỊNH", "Quyết định")])
def test_a_type_name_wrapped_over_two_lines_is_the_type(wrapped: str, doc_type: str) -> None:
    h = header(HEADER.replace("KẾ HOẠCH", wrapped) + BODY)
    assert (h.doc_type, h.title) == (doc_type, "Tuyên truyền cải cách hành chính nhà nước năm 2024")
    assert h.authority == "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"


def test_parent_and_issuer_each_wrapped_over_two_lines_are_two_names() -> None:
    h = header(HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", "CÔNG AN TỈNH\nGIA LAI\nCÔNG AN HUYỆN\nCHƯ SÊ") + BODY)
    assert (h.parent_authority, h.authority) == ("CÔNG AN TỈNH GIA LAI", "CÔNG AN HUYỆN CHƯ SÊ")


@pytest.mark.parametrize(("lines", "parent", "issuer"), [
    ("UBND TỈNH QUẢNG TRỊ\nBCĐ CHUYỂN ĐỔI SỐ", "UBND TỈNH QUẢNG TRỊ", "BCĐ CHUYỂN ĐỔI SỐ"),  # a body's abbreviated head
    ("UBND HUYỆN GIO LINH\nBQL DỰ ÁN ĐẦU TƯ XÂY DỰNG", "UBND HUYỆN GIO LINH", "BQL DỰ ÁN ĐẦU TƯ XÂY DỰNG"),
])
def test_a_body_named_by_its_abbreviated_head_is_the_issuer_under_its_parent(lines: str, parent: str,
                                                                             issuer: str) -> None:
    h = header(HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", lines) + BODY)
    assert (h.parent_authority, h.authority) == (parent, issuer)


def test_an_issuer_whose_name_wraps_after_va_is_one_name() -> None:
    h = header(HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ",
                              "ỦY BAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ\nSỞ THÔNG TIN VÀ\nTRUYỀN THÔNG") + BODY)
    assert (h.parent_authority, h.authority) == ("ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")


def _docx(title_lines: list[str]) -> bytes:
    rows = "\n".join(f"@center @bold {t}" for t in title_lines)
    return build_docx(
        "@table borderless widths=65,100\n"
        "@bold ỦY BAN NHÂN DÂN // @bold HUYỆN LỤC NGẠN // _______ //  // Số: 112/KH-UBND"
        " | @bold CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM // @bold Độc lập - Tự do - Hạnh phúc // ________ //"
        " @italic Lục Ngạn, ngày 18 tháng 3 năm 2024\n@end\n@center @bold KẾ HOẠCH\n" + rows + "\n"
        "Căn cứ Kế hoạch số 45/KH-UBND ngày 02/02/2024 của UBND tỉnh Bắc Giang;\n@bold I. MỤC TIÊU\n"
        "1. Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước.\n"
    )


@pytest.mark.parametrize(("lines", "title"), [
    (["Triển khai chuyển đổi số trên địa bàn huyện năm", "2024"], "Triển khai chuyển đổi số trên địa bàn huyện năm 2024"),
    (["Ứng dụng công nghệ thông tin, chuyển đổi số", "giai đoạn 2021 - 2025"],
     "Ứng dụng công nghệ thông tin, chuyển đổi số giai đoạn 2021 - 2025"),
    (["Tổ chức Hội thi", "Tìm hiểu pháp luật về chuyển đổi số năm 2024"],
     "Tổ chức Hội thi Tìm hiểu pháp luật về chuyển đổi số năm 2024"),  # centred paragraphs of one title
])
def test_a_title_over_several_paragraphs_of_a_word_file_is_one_title(lines: list[str], title: str) -> None:
    p = vnplan.parse(_docx(lines))
    assert p.header.title == title
    assert p.legal_basis and p.legal_basis[0].text.startswith("Căn cứ")


@pytest.mark.parametrize("lines", [
    ["Tuyên truyền, phổ biến Luật", "Thực hiện dân chủ ở cơ sở năm 2024"],  # a law's name wraps onto "Thực hiện …"
    ["Triển khai Nghị định số 30/2020/NĐ-CP", "của Chính phủ về công tác văn thư"],  # the title cites a decree
])
def test_a_title_line_that_reads_like_a_legal_basis_is_the_title(lines: list[str]) -> None:
    title = HEADER.split("KẾ HOẠCH\n")[1].split("\n")[0]
    p = vnplan.parse(HEADER.replace(title, "\n".join(lines)) + BODY)
    assert p.header.title == " ".join(lines)
    assert p.legal_basis[0].text.startswith("Căn cứ Quyết định số 1021")


def test_a_title_that_ends_on_a_bare_year_line_in_text_keeps_the_year() -> None:
    h = header(HEADER.replace("Tuyên truyền cải cách hành chính nhà nước năm 2024",
                              "Tổ chức các hoạt động hưởng ứng Ngày Pháp luật\n2024") + BODY)
    assert h.title == "Tổ chức các hoạt động hưởng ứng Ngày Pháp luật 2024"


@pytest.mark.parametrize(("type_line", "title", "opening"), [
    ("THÔNG BÁO", "Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc với Sở Nội vụ",
     "Chiều ngày 14/5/2024, Phó Chủ tịch UBND tỉnh đã làm việc với Sở Nội vụ."),
    ("CHỈ THỊ", "Về việc tăng cường kỷ luật, kỷ cương hành chính",
     "Thời gian qua, công tác cải cách hành chính của tỉnh đạt nhiều kết quả tích cực."),
], ids=["thong-bao", "chi-thi"])
def test_a_body_that_opens_with_a_sentence_under_the_title_is_not_the_title(type_line: str, title: str,
                                                                            opening: str) -> None:
    # a Thông báo kết luận or a Chỉ thị has no Căn cứ: its first sentence, joined by the text
    # reader to the title above it, starts the body
    p = vnplan.parse(f"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     f"Số: 210/TB-UBND\nHà Tĩnh, ngày 16 tháng 5 năm 2024\n{type_line}\n{title}\n{opening}\n")
    assert p.header.title == title
    assert p.preamble[0].text == opening


# --------------------------------------------------------------------------- 4. flattened header tables


def test_bar_rows_with_the_cells_reversed_and_an_empty_row() -> None:
    text = ("| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | ỦY BAN NHÂN DÂN |\n"
            "| Độc lập - Tự do - Hạnh phúc | TỈNH QUẢNG TRỊ |\n| | |\n"
            "| Quảng Trị, ngày 18 tháng 01 năm 2024 | Số: 258 /KH-UBND |\n\n"
            "KẾ HOẠCH\nTuyên truyền cải cách hành chính nhà nước năm 2024\n" + BODY)
    assert fields(header(text)) == EXPECTED


def test_a_markdown_table_row_read_as_plain_text_is_cut_at_its_line_breaks() -> None:
    # a converter's Markdown pasted into a .txt: bold cells, the cell's lines joined by <br>
    text = ("| **ỦY BAN NHÂN DÂN**<br>**TỈNH QUẢNG TRỊ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br/>"
            "**Độc lập - Tự do - Hạnh phúc** |\n|---|---|\n"
            "| Số: 258/KH-UBND | *Quảng Trị, ngày 18 tháng 01 năm 2024* |\n\n"
            "**KẾ HOẠCH**\n\n**Tuyên truyền cải cách hành chính nhà nước năm 2024**\n\n" + BODY)
    assert fields(header(text)) == EXPECTED


def test_bar_rows_with_empty_cells() -> None:
    text = ("| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "| TỈNH QUẢNG TRỊ | Độc lập - Tự do - Hạnh phúc |\n| ------- | --------------- |\n"
            "| Số: 258/KH-UBND | |\n| | Quảng Trị, ngày 18 tháng 01 năm 2024 |\n\n"
            "KẾ HOẠCH\nTuyên truyền cải cách hành chính nhà nước năm 2024\n" + BODY)
    assert fields(header(text)) == EXPECTED


def test_both_columns_interleaved_line_by_line() -> None:
    text = ("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG TRỊ\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 258/KH-UBND\nQuảng Trị, ngày 18 tháng 01 năm 2024\n"
            "KẾ HOẠCH\nTuyên truyền cải cách hành chính nhà nước năm 2024\n" + BODY)
    assert fields(header(text)) == EXPECTED


@pytest.mark.parametrize("gap", ["\t", "          ", " "])
def test_both_columns_on_one_line(gap: str) -> None:
    text = (f"ỦY BAN NHÂN DÂN{gap}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"TỈNH QUẢNG TRỊ{gap}Độc lập - Tự do - Hạnh phúc\n"
            f"Số: 258/KH-UBND{gap}Quảng Trị, ngày 18 tháng 01 năm 2024\n\n"
            "KẾ HOẠCH\nTuyên truyền cải cách hành chính nhà nước năm 2024\n" + BODY)
    assert fields(header(text)) == EXPECTED


def test_a_place_read_before_its_bare_head_is_that_heads_place() -> None:
    text = ("TỈNH QUẢNG TRỊ\nỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 258/KH-UBND\nQuảng Trị, ngày 18 tháng 01\nnăm 2024\n"
            "KẾ HOẠCH\nTuyên truyền cải cách hành chính nhà nước năm 2024\n" + BODY)
    assert fields(header(text)) == EXPECTED


def test_a_parent_and_an_issuer_run_together_on_one_line_are_two_names() -> None:
    text = ("UBND TỈNH HẢI DƯƠNG SỞ THÔNG TIN VÀ TRUYỀN THÔNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            "Độc lập - Tự do - Hạnh phúc --------------- |\n"
            "Số: 1876/STTTT-BCVT V/v đôn đốc cập nhật số liệu Chỉ số chuyển đổi số năm 2023 | "
            "Hải Dương, ngày 14 tháng 3 năm 2024 |\nKính gửi:\n- Các sở, ban, ngành tỉnh;\n"
            "Thực hiện Công văn số 612/BTTTT-CĐSQG ngày 05/3/2024 của Bộ Thông tin và Truyền thông.\n")
    h = header(text)
    assert (h.parent_authority, h.authority, h.national_motto) == ("UBND TỈNH HẢI DƯƠNG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", True)
    assert (h.number, h.symbol, h.place, h.date) == ("1876", "STTTT-BCVT", "Hải Dương", PartialDate(2024, 3, 14))
    assert (h.doc_type, h.title) == ("Công văn", "đôn đốc cập nhật số liệu Chỉ số chuyển đổi số năm 2023")


def test_a_page_whose_text_is_one_line_gives_its_header_and_the_body_a_block_of_its_own() -> None:
    text = ("UBND TỈNH BẮC NINH SỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
            "Số: 68/KH-STP Bắc Ninh, ngày 02 tháng 10 năm 2024 KẾ HOẠCH Tổ chức Ngày Pháp luật nước Cộng hòa "
            "xã hội chủ nghĩa Việt Nam năm 2024 Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012; "
            "I. MỤC ĐÍCH, YÊU CẦU 1. Nâng cao ý thức pháp luật của Nhân dân.\n")
    p = vnplan.parse(text)
    h = p.header
    assert (h.parent_authority, h.authority, h.national_motto) == ("UBND TỈNH BẮC NINH", "SỞ TƯ PHÁP", True)
    assert (h.number, h.symbol, h.place, h.date) == ("68", "KH-STP", "Bắc Ninh", PartialDate(2024, 10, 2))
    assert (h.doc_type, h.title) == ("Kế hoạch", "Tổ chức Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2024")
    assert p.legal_basis[0].text.startswith("Căn cứ Luật Phổ biến")  # the body's first block is its own
    assert p.span_text(h.title_span) == h.title


def test_a_party_body_run_together_with_the_partys_title_is_cut_before_the_title() -> None:
    """A Party plan's two columns flattened on one line: ĐẢNG CỘNG SẢN VIỆT NAM stands where the
    Quốc hiệu would, so it ends the parent's name and the plan is read as a Party document."""
    text = ("ĐẢNG BỘ TỈNH NINH BÌNH ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY NHO QUAN\n*\n"
            "Số 31-KH/HU Nho Quan, ngày 12 tháng 4 năm 2024\nKẾ HOẠCH\n"
            "tổng kết công tác xây dựng Đảng năm 2024\n" + BODY)
    p = vnplan.parse(text)
    h = p.header
    assert (h.parent_authority, h.authority, h.national_motto) == ("ĐẢNG BỘ TỈNH NINH BÌNH", "HUYỆN ỦY NHO QUAN", False)
    assert (h.number, h.symbol, h.place, h.date) == ("31", "KH/HU", "Nho Quan", PartialDate(2024, 4, 12))
    assert not any("the header lacks" in w for w in p.source.warnings)  # no Quốc hiệu is wanted of the Party


def test_a_youth_union_committee_written_bch_is_cut_before_the_unions_title() -> None:
    text = ("BCH ĐOÀN TỈNH HÀ TĨNH ĐOÀN TNCS HỒ CHÍ MINH\n*** Hà Tĩnh, ngày 15 tháng 3 năm 2024\n"
            "Số: 120-KH/TĐTN-TNNT\nKẾ HOẠCH\nTổ chức Chiến dịch Thanh niên tình nguyện hè năm 2024\n" + BODY)
    p = vnplan.parse(text)
    assert (p.header.parent_authority, p.header.authority) == (None, "BCH ĐOÀN TỈNH HÀ TĨNH")
    assert (p.header.symbol, p.header.place) == ("KH/TĐTN-TNNT", "Hà Tĩnh")
    assert not vnplan.check(text, select=["F101"]).findings  # the Union's title stands for the Quốc hiệu


def test_a_title_in_capitals_stops_before_a_part_heading_that_lost_its_number() -> None:
    # "NỘI DUNG TUYÊN TRUYỀN NĂM 2024" / "MỤC ĐÍCH, YÊU CẦU": the second line is the body's first part
    head = HEADER.replace("Tuyên truyền cải cách hành chính nhà nước năm 2024", "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024")
    p = vnplan.parse(head + "MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\nNỘI DUNG\nTuyên truyền./.\n")
    assert p.header.title == "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert [s.role for s in p.sections] == ["purpose_requirements", "content"]
    # after a joining word the line is still the title's
    p = vnplan.parse(head.replace("CẢI CÁCH HÀNH CHÍNH NĂM 2024", "VÀ\nTỔ CHỨC THỰC HIỆN NGHỊ QUYẾT") + BODY)
    assert p.header.title == "TUYÊN TRUYỀN VÀ TỔ CHỨC THỰC HIỆN NGHỊ QUYẾT"


# --------------------------------------------------------------------------- 7. partial documents (the header's side)


def test_a_letter_whose_text_starts_at_kinh_gui_is_a_cong_van_and_is_read() -> None:
    p = vnplan.parse("Kính gửi:\n- Các sở, ban, ngành cấp tỉnh;\n- UBND các huyện, thị xã, thành phố.\n"
                     "Thực hiện Kế hoạch số 225/KH-UBND ngày 28/12/2023 của UBND tỉnh, Sở Nội vụ đề nghị các cơ quan báo cáo.\n"
                     "1. Nội dung báo cáo\n")
    assert p.header.doc_type == "Công văn"
    assert p.legal_basis[0].text.startswith("Thực hiện Kế hoạch")


@pytest.mark.parametrize(("caption", "type_line", "doc_type"), [
    ("Mẫu 1.4 - Văn bản có tên loại", "@center @bold KẾ HOẠCH", "Kế hoạch"),
    ("Mẫu 1.2 - Quyết định (cá biệt)", "@center @bold QUYẾT ĐỊNH", "Quyết định"),
])
def test_a_blank_form_of_decree_30_appendix_iii_gives_quoc_hieu_and_type(caption: str, type_line: str,
                                                                          doc_type: str) -> None:
    form = build_docx(
        f"@right @italic {caption}\n@table borderless widths=70,95\n"
        "TÊN CQ, TC CHỦ QUẢN (1) // @bold TÊN CƠ QUAN, TỔ CHỨC (2) // _______ //  // Số:        /...(3)..."
        " | @bold CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM // @bold Độc lập - Tự do - Hạnh phúc // ________ //"
        " @italic ...(4)..., ngày ..... tháng ..... năm .....\n@end\n"
        f"{type_line}\n@center @bold ...................(5)...................\n"
        "..................................................(6)..................................................\n"
    )
    h = vnplan.parse(form).header
    assert (h.national_motto, h.doc_type, h.number) == (True, doc_type, None)


# --------------------------------------------------------------------------- what is not the header


def test_a_so_line_in_the_body_is_not_the_number() -> None:
    p = vnplan.parse(HEADER + BODY + "Số: liệu báo cáo gửi về Sở Nội vụ trước ngày 15/3/2024.\n")
    assert (p.header.number, p.header.symbol) == ("258", "KH-UBND")
    assert p.header.number_text.span.block == 6


def test_a_number_line_after_the_legal_basis_is_not_taken_for_a_header() -> None:
    p = vnplan.parse("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
                     "Số: 12/KH-UBND\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n", require_plan=False)
    assert p.header.number is None and p.header.spans == ()
    assert any("no header was found" in w for w in p.source.warnings)


def test_a_capitalised_type_heading_in_the_body_is_not_the_header() -> None:
    p = vnplan.parse("Căn cứ Kế hoạch số 3/KH-UBND ngày 5/1/2024 của UBND tỉnh;\nI. MỤC ĐÍCH, YÊU CẦU\n"
                     "1. Nâng cao nhận thức của cán bộ.\nKẾ HOẠCH\nTuyên truyền năm 2024\n", require_plan=False)
    assert (p.header.doc_type, p.header.title) == (None, None)


def test_a_date_inside_a_sentence_is_not_the_place_and_date() -> None:
    h = header("UBND TỈNH BẮC GIANG\nSỞ NỘI VỤ\nSố: 45/KH-SNV\n"
               "Từ ngày 01 tháng 3 năm 2024 đến hết ngày 30 tháng 6 năm 2024, các cơ quan tổ chức tự kiểm tra.\n")
    assert (h.place, h.date) == (None, None)


def test_a_capitalised_title_naming_the_country_is_not_the_quoc_hieu() -> None:
    h = header(HEADER.replace("Tuyên truyền cải cách hành chính nhà nước năm 2024",
                              "KỶ NIỆM 79 NĂM QUỐC KHÁNH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + BODY)
    assert h.title == "KỶ NIỆM 79 NĂM QUỐC KHÁNH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert h.national_name_text.span.block == 3


def test_the_enacting_body_under_a_decision_title_is_not_its_title() -> None:
    p = vnplan.parse(HEADER.replace("KẾ HOẠCH", "QUYẾT ĐỊNH").replace("Tuyên truyền", "Ban hành Kế hoạch tuyên truyền")
                     + "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n" + BODY)
    assert p.header.title == "Ban hành Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2024"
    assert p.preamble[0].text == "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"


def test_text_with_nothing_of_an_administrative_document_is_refused() -> None:
    with pytest.raises(NotAPlanError):
        vnplan.parse("Hôm nay trời đẹp. Chúng tôi đi dạo trong công viên và ăn kem.\n")


def test_a_header_missing_parts_is_read_with_a_warning_naming_them() -> None:
    p = vnplan.parse("Số: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền năm 2024\n" + BODY)
    assert p.header.number == "12"
    assert any("the header lacks: issuing authority, national name, motto, place and date" in w for w in p.source.warnings)


def test_a_numeric_date_alone_is_read_without_asking_for_the_words_form_groups() -> None:
    """A line of a place and a numeric date (no "ngày") is matched by the numeric pattern: its checks
    must not ask for groups only the words pattern has (hypothesis found "Hà Nội, 05/13/2024")."""
    from vnplan.parse.header.patterns import match_date

    assert match_date("Hà Nội, 05/13/2024", strict=True) is not None
    assert match_date("Hà Nội, 15/3/2024", strict=True).group("y") == "2024"
