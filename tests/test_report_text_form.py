"""The text view of form findings: grouped by part of the document, with line, fix and provision."""

import vnplan
from vnplan.report.text import render_report

TEXT = (
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 05/KH-KHCN\nBắc Giang, ngày 05 tháng 02 năm 2024\nKẾ HOẠCH\nThử nghiệm\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Một\nII. NỘI DUNG\n1. Hai\nIII. TỔ CHỨC THỰC HIỆN\n1. Ba.\n"
    "Nơi nhận:\n- Lãnh đạo Sở;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A\n"
)


def test_findings_are_grouped_by_part_in_document_order():
    out = render_report(vnplan.check(vnplan.parse(TEXT)))
    assert out.splitlines()[0].endswith(": 1 lỗi, 1 cảnh báo, 0 lưu ý")
    assert out.index("Phần đầu văn bản:") < out.index("[F102]") < out.index("Nội dung và bố cục:") < out.index("[F112]")


def test_a_fix_over_two_lines_stays_aligned_and_the_provision_follows():
    out = render_report(vnplan.check(vnplan.parse(TEXT), select=["F102"]))
    lines = out.splitlines()
    k = next(i for i, line in enumerate(lines) if "→ sửa thành:" in line)
    assert lines[k].endswith("sửa thành: UBND TỈNH BẮC GIANG")
    assert lines[k + 1] == " " * 19 + "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert lines[k + 2].strip() == "căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.2"


def test_english_view():
    out = render_report(vnplan.check(vnplan.parse(TEXT), select=["F112"], lang="en"))
    assert "Body and structure:" in out
    assert "[F112] warning (line 13): The body does not end with “./.”." in out
