"""F109 and the form rules on real .docx files written by python-docx and read by vnplan's reader."""

import pytest

import vnplan
from docx_plan import TITLE, make_plan_docx


@pytest.fixture(scope="module")
def compliant(tmp_path_factory):
    return make_plan_docx(tmp_path_factory.mktemp("docx") / "ke-hoach.docx")


def test_a_fully_compliant_docx_plan_gives_no_finding_at_all(compliant):
    plan = vnplan.parse(str(compliant))
    assert plan.source.format == "docx"
    assert vnplan.check(plan).findings == ()


def check_docx(tmp_path, rule="F109", page=None, **changes):
    path = make_plan_docx(tmp_path / "kh.docx", page=page, **changes)
    return vnplan.check(vnplan.parse(str(path)), select=[rule]).findings


@pytest.mark.parametrize(
    ("page", "changes", "message", "location"),
    [
        ({"width": 215.9, "height": 279.4}, {},
         "Khổ giấy phải là A4 (210 × 297 mm), văn bản dùng 215.9 × 279.4 mm (Phụ lục I, mục I.1).", None),
        ({"left": 25}, {}, "Lề trái 25 mm, phải cách mép trái từ 30 đến 35 mm (Phụ lục I, mục I.3).", None),
        ({"bottom": 30}, {}, "Lề dưới 30 mm, phải cách mép dưới từ 20 đến 25 mm (Phụ lục I, mục I.3).", None),
        (None, {"body": {"font": "Arial"}},
         "Phông chữ phải là Times New Roman, văn bản dùng Arial (5 đoạn; Phụ lục I, mục I.4).", "đoạn 4"),
        (None, {"national": {"size": 14}},
         "Quốc hiệu: cỡ chữ 14 pt, phải từ 12 đến 13 pt (1 đoạn; Phụ lục I, mục II.1.a).",
         "bảng 1, hàng 1, cột 2, đoạn 1"),
        (None, {"motto": {"bold": False}}, "Tiêu ngữ phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.1.b).",
         "bảng 1, hàng 1, cột 2, đoạn 2"),
        (None, {"date": {"italic": False}},
         "Địa danh và thời gian ban hành phải in nghiêng (1 đoạn chưa nghiêng; Phụ lục I, mục II.4.c).",
         "bảng 1, hàng 2, cột 2, đoạn 1"),
        (None, {"body": {"size": 12}},
         "Nội dung văn bản: cỡ chữ 12 pt, phải từ 13 đến 14 pt (5 đoạn; Phụ lục I, mục II.6.e).", "đoạn 4"),
        (None, {"recipients_heading": {"bold": False}},
         "Từ “Nơi nhận” phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.9.d).", "bảng 2, hàng 1, cột 1, đoạn 1"),
        (None, {"recipient": {"size": 12}},
         "Danh sách nơi nhận: cỡ chữ 12 pt, phải là 11 pt (3 đoạn; Phụ lục I, mục II.9.d).",
         "bảng 2, hàng 1, cột 1, đoạn 2"),
        (None, {"signer": {"bold": False}}, "Họ tên người ký phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.7.đ).",
         "bảng 2, hàng 1, cột 2, đoạn 3"),
    ],
)
def test_each_layout_fault_in_a_docx_is_one_located_finding(tmp_path, page, changes, message, location):
    findings = check_docx(tmp_path, page=page, **changes)
    assert [f.message for f in findings] == [message]
    assert findings[0].location == location  # page setup faults belong to no paragraph


def test_form_rules_read_the_docx_text_too(tmp_path):
    findings = check_docx(tmp_path, rule="F1", number={"text": "Số: 5/KH-KHCN"}, motto={"text": "Độc lập-Tự do-Hạnh phúc"})
    assert [(f.rule, f.fix) for f in findings] == [
        ("F101", "Độc lập - Tự do - Hạnh phúc"),
        ("F103", "Số: 05/KH-KHCN"),
    ]
    assert findings[1].location == "bảng 1, hàng 2, cột 1, đoạn 1"



# ----------------------------------------------------------------- the lines under the header table

RULE_UNDER_TITLE = [*TITLE, ("rule", "________", 14, False, False)]


def test_the_rule_under_the_title_is_not_a_title_line_that_should_be_bold(tmp_path):
    # Word plans draw the short rule under the trích yếu as a paragraph of underscores, not bold
    path = make_plan_docx(tmp_path / "kh.docx", title=RULE_UNDER_TITLE)
    assert vnplan.check(vnplan.parse(str(path)), select=["F109"]).findings == ()


def test_a_title_wrapped_onto_a_second_paragraph_is_still_held_to_the_title_style(tmp_path):
    title = [("type", "KẾ HOẠCH", 14, True, False), ("title", "Tuyên truyền cải cách hành chính", 14, True, False),
             ("title2", "trên địa bàn tỉnh năm 2024", 14, False, False)]
    findings = vnplan.check(vnplan.parse(str(make_plan_docx(tmp_path / "kh.docx", title=title))),
                            select=["F109"]).findings
    assert [f.message for f in findings] == [
        "Trích yếu nội dung phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.5.b)."]


LETTER = [("subject", "V/v cấp kinh phí tuyên truyền cải cách hành chính năm 2024", 12, False, False),
          ("addressee", "Kính gửi: Sở Tài chính tỉnh Bắc Giang.", 14, False, False)]


def test_the_subject_line_of_a_letter_is_upright_12_to_13_point_not_a_type_name_and_a_bold_title(tmp_path):
    # Phụ lục I, mục II.5.b: a công văn's trích yếu follows "V/v" in lower case, 12-13 pt, upright;
    # the "Kính gửi:" line under it is no part of it
    path = make_plan_docx(tmp_path / "cv.docx", title=LETTER)
    plan = vnplan.parse(str(path), require_plan=False)
    assert plan.header.doc_type == "Công văn"
    assert vnplan.check(plan, select=["F109"]).findings == ()


def test_a_bold_letter_subject_line_is_a_letter_subject_fault(tmp_path):
    path = make_plan_docx(tmp_path / "cv.docx", title=LETTER, subject={"size": 14, "bold": True})
    findings = vnplan.check(vnplan.parse(str(path), require_plan=False), select=["F109"]).findings
    assert [f.message for f in findings] == [
        "Trích yếu nội dung công văn: cỡ chữ 14 pt, phải từ 12 đến 13 pt (1 đoạn; Phụ lục I, mục II.5.b).",
        "Trích yếu nội dung công văn không in đậm (1 đoạn in đậm; Phụ lục I, mục II.5.b)."]
