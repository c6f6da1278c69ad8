"""F109 and the form rules on real .docx files written by python-docx and read by vnplan's reader."""

import pytest

import vnplan
from docx_plan import make_plan_docx


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

