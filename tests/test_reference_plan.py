"""The reference plan (Sở KH&CN Bắc Giang, 2024) parses into what a clerk reads in it."""

import json

import jsonschema

import vnplan
from vnplan.data import load_schema
from vnplan.serialize import plan_to_dict


def test_header_has_blank_number_and_day_as_null(reference_plan):
    h = plan_to_dict(reference_plan)["header"]
    assert h["number"] is None
    assert h["symbol"] == "KH-KHCN"
    assert h["date"] == {"year": 2024, "month": 2, "day": None}
    assert h["place"] == "Bắc Giang"
    assert h["doc_type"] == "Kế hoạch"
    assert h["title"] == "Tuyên truyền cải cách hành chính năm 2024"
    assert h["national_motto"] is False  # the header table was lost in extraction


def test_legal_basis_cites_the_parent_plan(reference_plan):
    (basis,) = reference_plan.legal_basis
    (k,) = basis.citations
    c = reference_plan.citations[k]
    assert (c.doc_type, c.number, c.symbol, c.date.iso) == ("Kế hoạch", "14", "KH-UBND", "2024-01-21")


def test_sections_one_to_four_with_roles_and_children(reference_plan):
    secs = reference_plan.sections
    assert [(s.label, s.title, s.role) for s in secs] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", "purpose_requirements"),
        ("II", "NỘI DUNG TUYÊN TRUYỀN", "content"),
        ("III", "HÌNH THỨC TUYÊN TRUYỀN", "forms"),
        ("IV", "TỔ CHỨC THỰC HIỆN", "implementation"),
    ]
    assert [len(s.children) for s in secs] == [2, 7, 4, 3]
    assert [len(c.children) for c in secs[0].children] == [3, 2]
    assert [c.title for c in secs[1].children[3].children] == [
        "Cải cách thể chế",
        "Cải cách TTHC",
        "Cải cách tổ chức bộ máy, công vụ",
        "Cải cách tài chính công",
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    ]


def test_the_five_recipients_with_bc_on_the_first(reference_plan):
    rs = reference_plan.recipients
    assert [(r.name, r.note) for r in rs] == [
        ("Chủ tịch UBND tỉnh", "b/c"),
        ("Các Sở: Nội vụ, TT&TT", None),
        ("Lãnh đạo Sở", None),
        ("Các phòng, đơn vị thuộc Sở", None),
        ("Lưu", None),
    ]
    assert rs[-1].archive_units == ("VT",)


def test_the_kt_signature(reference_plan):
    sig = plan_to_dict(reference_plan)["signature"]
    assert (sig["authority_form"], sig["on_behalf_of"], sig["position"], sig["signer"]) == (
        "KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Triệu Ngọc Trung"
    )


def test_the_json_validates_against_the_schema(reference_plan):
    data = json.loads(vnplan.plan_to_json(reference_plan))
    jsonschema.validate(data, load_schema("plan"))


def test_no_structural_finding_on_the_reference_plan(reference_plan):
    report = vnplan.check(reference_plan, select=["F110", "F111"])
    assert report.findings == ()


FORM = ["F101", "F102", "F103", "F104", "F105", "F106", "F107", "F108", "F109"]


def test_form_findings_on_the_reference_plan(reference_plan):
    # Its header table was lost in extraction (no Quốc hiệu, Tiêu ngữ or issuer); it is a
    # draft with a blank number and day. Nothing else in F101–F109 is wrong with it.
    report = vnplan.check(reference_plan, select=FORM)
    assert [(f.rule, f.severity) for f in report.findings] == [
        ("F101", "error"),
        ("F101", "error"),
        ("F102", "error"),
        ("F103", "info"),
        ("F105", "info"),
    ]
    f103 = report.by_rule("F103")[0]
    assert f103.line == 3 and "để trống" in f103.message
    assert report.by_rule("F105")[0].line == 5


def test_the_reference_plan_ends_with_the_closing_mark(reference_plan):
    assert vnplan.check(reference_plan, select=["F112"]).findings == ()
