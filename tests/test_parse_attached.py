"""A Quyết định that issues a plan (issue 13, layout 6): the plan after the decision's signature is a plan of its own.

Provincial plans are often issued this way: the decision (Điều 1. Ban hành kèm theo Quyết định
này Kế hoạch…), its Nơi nhận and signature, then ``KẾ HOẠCH`` / title / ``(Kèm theo Quyết định
số … ngày … của …)`` and the plan's sections. The texts below are in that shape.
"""

from __future__ import annotations

import json

import jsonschema

import vnplan
from vnplan.data import load_schema
from vnplan.parse.ownership import ownership_faults
from vnplan.serialize import plan_to_dict

DECISION = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 58/QĐ-UBND
Ninh Bình, ngày 16 tháng 01 năm 2024
QUYẾT ĐỊNH
Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024
ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Kế hoạch số 14/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2024;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2024.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Bộ Nội vụ (b/c);
- Lưu: VT, VP5.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Đinh Văn Khiêm
"""

PLAN = """KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2024
(Kèm theo Quyết định số 58/QĐ-UBND ngày 16 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ, công chức và Nhân dân về cải cách hành chính.
2. Yêu cầu
- Tuyên truyền thường xuyên, có trọng tâm.
II. NỘI DUNG TUYÊN TRUYỀN
1. Kết quả cải thiện Chỉ số PAR INDEX của tỉnh.
2. Việc thực hiện cơ chế một cửa, một cửa liên thông.
III. HÌNH THỨC TUYÊN TRUYỀN
1. Chuyên mục về cải cách hành chính trên Báo Ninh Bình.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì triển khai Kế hoạch; báo cáo UBND tỉnh trước ngày 05/12/2024./.
"""


def test_the_plan_after_the_decisions_signature_is_a_plan_of_its_own():
    p = vnplan.parse(DECISION + PLAN)
    assert [s.label for s in p.sections] == ["Điều 1", "Điều 2", "Điều 3"]
    (plan,) = p.attached
    assert (plan.header.doc_type, plan.header.title) == ("Kế hoạch", "Tuyên truyền cải cách hành chính năm 2024")
    assert [(s.label, s.role) for s in plan.sections] == [
        ("I", "purpose_requirements"), ("II", "content"), ("III", "forms"), ("IV", "implementation")]
    assert p.issued_plan is plan


def test_the_attached_plans_lines_are_never_the_decisions_recipients():
    p = vnplan.parse(DECISION + PLAN)
    assert [r.name for r in p.recipients] == ["Như Điều 3", "Bộ Nội vụ", "Lưu"]
    assert p.signature.signer == "Đinh Văn Khiêm" and p.other == ()


def test_the_attached_plan_cites_the_decision_it_is_issued_with():
    plan = vnplan.parse(DECISION + PLAN).attached[0]
    first = plan.citations[0]
    assert (first.doc_type, first.number, first.symbol) == ("Quyết định", "58", "QĐ-UBND")


def test_an_attached_plan_under_its_own_header_keeps_its_issuer_and_quốc_hiệu():
    own_header = "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n_______\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    p = vnplan.parse(DECISION + own_header + PLAN)
    plan = p.attached[0]
    assert (plan.header.authority, plan.header.national_motto) == ("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", True)
    assert p.signature.signer == "Đinh Văn Khiêm"


def test_a_kèm_theo_line_on_the_titles_line_is_not_part_of_the_title():
    text = DECISION + PLAN.replace("năm 2024\n(Kèm theo", "năm 2024 (Kèm theo", 1)
    plan = vnplan.parse(text).attached[0]
    assert plan.header.title == "Tuyên truyền cải cách hành chính năm 2024"


def test_a_regulation_issued_with_a_decision_has_its_chapters():
    regulation = ("QUY CHẾ\nQUẢN LÝ HỆ THỐNG THƯ ĐIỆN TỬ\n(Ban hành kèm theo Quyết định số 58/QĐ-UBND ngày 16/01/2024)\n"
                  "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc sử dụng thư điện tử.\n"
                  "Chương II\nTỔ CHỨC THỰC HIỆN\nĐiều 2. Trách nhiệm thi hành\nSở Nội vụ hướng dẫn thực hiện Quy chế này./.\n")
    reg = vnplan.parse(DECISION + regulation).attached[0]
    assert reg.header.doc_type == "Quy chế"
    assert [(s.label, s.title, s.role) for s in reg.sections] == [
        ("Chương I", "QUY ĐỊNH CHUNG", "other"), ("Chương II", "TỔ CHỨC THỰC HIỆN", "implementation")]
    assert [c.label for c in reg.sections[0].children] == ["Điều 1"]


def test_every_character_of_decision_and_plan_is_owned_once():
    assert ownership_faults(vnplan.parse(DECISION + PLAN)) == []


def test_the_json_holds_the_attached_plan_and_matches_the_schema():
    d = plan_to_dict(vnplan.parse(DECISION + PLAN))
    jsonschema.validate(json.loads(json.dumps(d)), load_schema("plan"))
    (att,) = d["attached"]
    assert att["header"]["doc_type"] == "Kế hoạch" and "blocks" not in att and att["attached"] == []


def test_compliance_checks_the_plan_a_decision_issues(reference_path):
    """``check --profile`` on a decision issuing the reference plan covers what the plan alone covers."""
    alone = vnplan.comply(reference_path, "bacgiang-14-KH-UBND-2024")
    body = reference_path.read_text(encoding="utf-8")
    body = body[body.index("KẾ HOẠCH") :].replace("năm 2024\n", "năm 2024\n(Kèm theo Quyết định số 12/QĐ-KHCN ngày 20/02/2024)\n", 1)
    issued = vnplan.comply(DECISION + body, "bacgiang-14-KH-UBND-2024")
    assert [(r.id, r.status) for r in issued.requirements] == [(r.id, r.status) for r in alone.requirements]


def test_the_parent_cited_by_the_decision_is_cited_for_the_plan_it_issues(reference_path):
    body = reference_path.read_text(encoding="utf-8")
    body = body[body.index("KẾ HOẠCH") :]
    cut = body.replace("Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024", "Thực hiện chỉ đạo", 1)
    decision = DECISION.replace("Căn cứ Kế hoạch số 14/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh",
                                "Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của Chủ tịch UBND tỉnh Bắc Giang")
    alone = vnplan.comply(cut, "bacgiang-14-KH-UBND-2024")
    issued = vnplan.comply(decision + cut, "bacgiang-14-KH-UBND-2024")
    citation = [r for r in issued.requirements if r.kind == "citation"]
    assert [r.status for r in citation] == ["met"]
    assert [r.status for r in alone.requirements if r.kind == "citation"] != ["met"]


# --------------------------------------------------------------------------- negative cases


def test_a_regulation_copied_alone_has_nothing_attached():
    # its own header says "(Ban hành kèm theo …)": that is this document, not one after it
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "QUY ĐỊNH\nVề quản lý Cổng Dịch vụ công\n(Ban hành kèm theo Quyết định số 15/2022/QĐ-UBND ngày 22/7/2022)\n"
            "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy định này quy định việc quản lý Cổng./.\n")
    p = vnplan.parse(text)
    assert p.attached == () and [s.label for s in p.sections] == ["Chương I"]


def test_a_decision_that_only_mentions_kèm_theo_in_its_articles_has_nothing_attached():
    p = vnplan.parse(DECISION)
    assert p.attached == () and p.issued_plan is None


def test_an_appendix_line_inside_a_plans_body_does_not_split_it():
    text = DECISION.split("Nơi nhận:")[0].replace(
        "Điều 2.", "Điều 2. Các biểu mẫu (kèm theo Kế hoạch số 14/KH-UBND) được áp dụng thống nhất.\nĐiều 4.")
    assert vnplan.parse(text).attached == ()


def test_a_plans_own_appendix_is_attached_but_is_no_issued_plan():
    plan = ("Số: 45/KH-UBND\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\nI. NỘI DUNG\nTriển khai./.\n"
            "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
            "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ NĂM 2025\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND tỉnh)\n"
            "| STT | Nhiệm vụ | Đơn vị chủ trì |\n| 1 | Tuyên truyền trên báo | Sở Thông tin và Truyền thông |\n")
    p = vnplan.parse(plan)
    assert [r.name for r in p.recipients] == ["Sở Nội vụ", "Lưu"] and p.signature.signer == "Nguyễn Văn An"
    assert len(p.attached) == 1 and p.issued_plan is None
    assert ownership_faults(p) == []
