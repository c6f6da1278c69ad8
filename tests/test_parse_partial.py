"""Partial and unusual documents (issue 13, layout 7): a letter from ``Kính gửi``, a document on one
line, decrees in chapters, plans in parts, numbers in table cells.

Each text is small and in the shape of a real one (a portal's letter, a PDF page drawn on one
baseline, a regulation copied from a national database, a plan with a review part before its
plan part).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import vnplan
from vnplan.parse import parse_document
from vnplan.parse.ownership import ownership_faults
from vnplan.parse.resegment import resegment
from vnplan.read.text import read_text

ONE_LINE = (
    "ỦY BAN NHÂN DÂN HUYỆN HẢI HẬU ỦY BAN NHÂN DÂN XÃ HẢI ĐÔNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    "Độc lập - Tự do - Hạnh phúc Số: 15/KH-UBND Hải Đông, ngày 22 tháng 02 năm 2024 KẾ HOẠCH Phổ biến, "
    "giáo dục pháp luật năm 2024 Thực hiện Kế hoạch số 21/KH-UBND ngày 30/01/2024 của UBND huyện Hải Hậu, "
    "UBND xã ban hành Kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích - Nâng cao ý thức chấp hành pháp "
    "luật của Nhân dân. 2. Yêu cầu - Bám sát nhiệm vụ chính trị của địa phương. II. NỘI DUNG 1. Tuyên "
    "truyền các luật mới có hiệu lực năm 2024. 2. Kiện toàn các tổ hòa giải ở thôn, xóm. III. KINH PHÍ "
    "Kinh phí từ ngân sách xã năm 2024. IV. TỔ CHỨC THỰC HIỆN Công chức Tư pháp - Hộ tịch là đầu mối "
    "triển khai Kế hoạch./. Nơi nhận: - UBND huyện Hải Hậu (b/c); - Các thôn, xóm; - Lưu: VT. "
    "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Vũ Văn Thịnh"
)


# --------------------------------------------------------------------------- a document on one line


def test_a_plan_on_one_line_has_its_header_sections_recipients_and_signature():
    p = vnplan.parse(ONE_LINE)
    assert (p.header.number, p.header.symbol, p.header.doc_type) == ("15", "KH-UBND", "Kế hoạch")
    assert p.header.national_motto
    assert [(s.label, s.role) for s in p.sections] == [
        ("I", "purpose_requirements"), ("II", "content"), ("III", "funding"), ("IV", "implementation")]
    assert [c.label for c in p.sections[0].children] == ["1", "2"]
    assert [r.name for r in p.recipients] == ["UBND huyện Hải Hậu", "Các thôn, xóm", "Lưu"]
    s = p.signature
    assert (s.authority_form, s.on_behalf_of, s.position, s.signer) == ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Vũ Văn Thịnh")


def test_the_pieces_of_a_line_map_back_to_the_original_offsets():
    doc = resegment(read_text("Trang 1\n" + ONE_LINE))
    line = "Trang 1\n" + ONE_LINE
    assert len(doc.blocks) > 20
    for b in doc.blocks[1:]:
        start = b.original_offset(0)
        assert line[start : start + len(b.text)] == b.text
        assert b.line == 2
    assert any("no line breaks" in w for w in doc.warnings)


def test_every_character_of_a_plan_on_one_line_is_owned_once():
    assert ownership_faults(vnplan.parse(ONE_LINE)) == []


def test_a_letter_on_one_line_keeps_its_addressees_apart_from_its_body():
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM HUYỆN SƠN ĐỘNG Độc lập - Tự do - Hạnh phúc "
            "Số: 1874/UBND-NN Sơn Động, ngày 09 tháng 12 năm 2024 V/v phòng, chống đói, rét cho vật nuôi "
            "Kính gửi: - Phòng Nông nghiệp và PTNT; - UBND các xã, thị trấn. Theo dự báo, từ giữa tháng 12 "
            "có rét đậm kéo dài. Chủ tịch UBND huyện yêu cầu: 1. UBND các xã hướng dẫn Nhân dân che chắn "
            "chuồng trại. 2. Phòng Nông nghiệp và PTNT theo dõi thời tiết./. Nơi nhận: KT. CHỦ TỊCH - Như "
            "trên; PHÓ CHỦ TỊCH - Lưu: VT, NN. Hà Văn Tuyên")
    p = vnplan.parse(text)
    assert (p.header.doc_type, p.header.number) == ("Công văn", "1874")
    assert [s.label for s in p.sections] == ["1", "2"]
    assert [r.name for r in p.recipients] == ["Như trên", "Lưu"]
    assert (p.signature.authority_form, p.signature.position, p.signature.signer) == ("KT.", "PHÓ CHỦ TỊCH", "Hà Văn Tuyên")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ONE_LINE.split(" ")), min_size=20, max_size=120).map(" ".join))
def test_any_run_on_text_is_split_into_exact_pieces_and_owned_once(text):
    doc = read_text(text)
    split = resegment(doc)
    assert "".join(b.text for b in split.blocks).replace(" ", "") == "".join(b.text for b in doc.blocks).replace(" ", "")
    assert ownership_faults(parse_document(doc)) == []


def test_an_ordinary_long_paragraph_is_not_split():
    para = ("Năm 2023, Sở đã triển khai: 1. Tuyên truyền trên Cổng thông tin điện tử; 2. Tổ chức hội nghị; "
            "3. Phát hành tờ gấp. Kết quả đạt được: I. Về nhận thức có chuyển biến; II. Về hành động. ") * 3
    doc = read_text("Số: 01/KH-UBND\nKẾ HOẠCH\nABC\nI. NỘI DUNG\n" + para + "\n")
    assert resegment(doc) is doc


# --------------------------------------------------------------------------- a letter from "Kính gửi"


def test_a_letter_copied_from_kính_gửi_is_read():
    text = ("Kính gửi:\n- Các sở, ban, ngành cấp tỉnh;\n- UBND các huyện, thị xã, thành phố.\n"
            "Thực hiện Kế hoạch số 20/KH-UBND ngày 15/01/2024 của UBND tỉnh, Sở Nội vụ đề nghị:\n"
            "1. Các cơ quan báo cáo kết quả cải cách hành chính quý I trước ngày 15/3/2024.\n"
            "2. Gửi báo cáo qua Hệ thống quản lý văn bản điều hành./.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT, CCHC.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nMai Xuân Trường\n")
    p = vnplan.parse(text)
    assert [s.label for s in p.sections] == ["1", "2"]
    assert (p.signature.authority_form, p.signature.signer) == ("KT.", "Mai Xuân Trường")
    assert [r.name for r in p.recipients] == ["Như trên", "Lưu"]


# --------------------------------------------------------------------------- chapters and parts


def test_chapters_of_a_decree_are_top_level_with_their_articles_inside():
    text = ("CHÍNH PHỦ\nSố: 30/2020/NĐ-CP\nNGHỊ ĐỊNH\nVề công tác văn thư\nChương I\nQUY ĐỊNH CHUNG\n"
            "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về công tác văn thư.\nĐiều 2. Đối tượng áp dụng\n"
            "1. Cơ quan, tổ chức nhà nước.\n2. Doanh nghiệp nhà nước.\nChương II\nVĂN BẢN HÀNH CHÍNH\n"
            "Điều 8. Thể thức văn bản\nThể thức văn bản hành chính bao gồm các thành phần chính.\n"
            "Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 38. Trách nhiệm thi hành\nCác Bộ trưởng chịu trách nhiệm thi hành./.\n")
    p = vnplan.parse(text)
    assert [(s.label, s.title, s.role) for s in p.sections] == [
        ("Chương I", "QUY ĐỊNH CHUNG", "other"), ("Chương II", "VĂN BẢN HÀNH CHÍNH", "other"),
        ("Chương III", "TỔ CHỨC THỰC HIỆN", "implementation")]
    assert [c.label for c in p.sections[0].children] == ["Điều 1", "Điều 2"]
    assert [c.label for c in p.sections[0].children[1].children] == ["1", "2"]
    assert ownership_faults(p) == []


def test_a_chapters_title_on_its_own_line_is_owned_by_the_chapter():
    p = vnplan.parse("Số: 01/QĐ-UBND\nQUY ĐỊNH\nABC\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung./.\n")
    ch = p.sections[0]
    assert ch.title_span is not None and p.span_text(ch.title_span) == "QUY ĐỊNH CHUNG"
    assert ch.paragraphs == ()


def test_parts_phần_i_and_phần_ii_keep_the_roman_sections_inside_them():
    text = ("Số: 05/KH-SCT\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\nPhần I\n"
            "KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN NĂM 2023\nNăm 2023, Sở đã đăng tải 146 tin, bài về cải cách hành chính.\n"
            "Phần II\nKẾ HOẠCH TUYÊN TRUYỀN NĂM 2024\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n"
            "II. NỘI DUNG TUYÊN TRUYỀN\n1. Cải cách thể chế.\nIII. HÌNH THỨC TUYÊN TRUYỀN\n1. Tin, bài trên Cổng.\n"
            "IV. TỔ CHỨC THỰC HIỆN\nVăn phòng Sở theo dõi, đôn đốc./.\n")
    p = vnplan.parse(text)
    assert [(s.label, s.title) for s in p.sections] == [
        ("Phần I", "KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN NĂM 2023"), ("Phần II", "KẾ HOẠCH TUYÊN TRUYỀN NĂM 2024")]
    assert [(s.label, s.role) for s in p.sections[1].children] == [
        ("I", "purpose_requirements"), ("II", "content"), ("III", "forms"), ("IV", "implementation")]
    assert p.part("content")[0].label == "II"


def test_parts_written_phần_thứ_nhất_are_parts_too():
    p = vnplan.parse("Số: 05/KH-UBND\nKẾ HOẠCH\nABC\nPhần thứ nhất\nKẾT QUẢ NĂM 2023\nĐạt nhiều kết quả.\n"
                     "Phần thứ hai\nNHIỆM VỤ NĂM 2024\nI. NỘI DUNG\nA./.\n")
    assert [s.label for s in p.sections] == ["Phần thứ nhất", "Phần thứ hai"]
    assert [c.label for c in p.sections[1].children] == ["I"]


def test_a_number_in_a_table_cell_is_not_a_numbered_section():
    p = vnplan.parse("Số: 05/KH-UBND\nKẾ HOẠCH\nABC\nI. HÌNH THỨC\n| Tài liệu | Số lượng |\n"
                     "| Tờ gấp, pano | 5.000 tờ gấp; 02 pano |\nA./.\n")
    assert [s.label for s in p.sections] == ["I"] and p.sections[0].children == ()


# --------------------------------------------------------------------------- negative cases


def test_a_sentence_about_a_chapter_is_not_a_chapter():
    p = vnplan.parse("Số: 05/KH-UBND\nKẾ HOẠCH\nABC\nI. NỘI DUNG\nChương trình hành động được triển khai đồng bộ./.\n")
    assert [s.label for s in p.sections] == ["I"]


def test_a_roman_number_continuing_a_part_is_its_sibling_not_its_child():
    p = vnplan.parse("Số: 05/KH-UBND\nKẾ HOẠCH\nABC\nPhần I. KẾT QUẢ\nA.\nPhần II. NHIỆM VỤ\nB.\nIII. TỔ CHỨC THỰC HIỆN\nC./.\n")
    assert [s.label for s in p.sections] == ["Phần I", "Phần II", "III"]


def test_a_page_of_a_plans_body_on_one_line_is_split_at_its_headings():
    page = ("II. NỘI DUNG 1. Tuyên truyền trên báo chí, đài phát thanh. 2. Tổ chức hội nghị chuyên đề. "
            "III. KINH PHÍ Kinh phí từ ngân sách nhà nước năm 2025. IV. TỔ CHỨC THỰC HIỆN 1. Sở Nội vụ chủ trì./.")
    p = vnplan.parse("Số: 45/KH-UBND\nKẾ HOẠCH\nTuyên truyền năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức.\n"
                     + page + "\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn An\n")
    assert [(s.label, s.role, [c.label for c in s.children]) for s in p.sections] == [
        ("I", "purpose_requirements", []), ("II", "content", ["1", "2"]), ("III", "funding", []),
        ("IV", "implementation", ["1"])]
