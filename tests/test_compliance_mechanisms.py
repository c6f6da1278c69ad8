"""How compliance reads a passage (issue 14), one mechanism per test: the clause a refusal or a past year
covers, the parts of a plan, abbreviations, task tables, deadlines and targets in their common forms,
assignments, the citation of another parent, an unrelated plan, and the evidence quoted and marked."""

from __future__ import annotations

import pytest

import vnplan
from vnplan.rules.runner import check

PLAN = """Số: 05/KH-SNV
Sơn Hà, ngày 01 tháng 3 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025

Thực hiện Kế hoạch số 25/KH-UBND ngày 15/02/2025 của UBND tỉnh Sơn Hà về tuyên truyền cải cách hành chính năm 2025, Sở Nội vụ ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
{purpose}
II. NỘI DUNG
{content}
III. HÌNH THỨC
{forms}
IV. TỔ CHỨC THỰC HIỆN
{duty}
"""


def plan(purpose="1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.",
         content="1. Tuyên truyền cải cách thể chế.", forms="1. Tuyên truyền trên báo chí.",
         duty="1. Giao Văn phòng Sở theo dõi, đôn đốc; báo cáo kết quả trước ngày 01/12/2025./.", **more):  # type: ignore[no-untyped-def]
    text = PLAN.format(purpose=purpose, content=content, forms=forms, duty=duty)
    for old, new in more.items():
        text = text.replace(old.replace("_", " "), new)
    return vnplan.parse(text)


def profile(*reqs, **more):  # type: ignore[no-untyped-def]
    return {
        "id": "test-profile", "title": "Test",
        "parent": {"type": "Kế hoạch", "number": "25", "symbol": "KH-UBND", "date": "2025-02-15",
                   "issuer": "Ủy ban nhân dân tỉnh Sơn Hà", "issuer_aliases": ["UBND tỉnh Sơn Hà"]},
        "requirements": list(reqs), **more,
    }


def req(phrases, kind="content", where="content", **ev):  # type: ignore[no-untyped-def]
    return {"id": "R", "kind": kind, "text": "r", "where": where, "evidence": {"all_of": phrases, **ev}}


def target(comparator, threshold, phrases=(("thanh toán trực tuyến",),)):  # type: ignore[no-untyped-def]
    return {"id": "T", "kind": "target", "text": "t", "where": "any",
            "evidence": {"all_of": [list(g) for g in phrases], "comparator": comparator, "threshold": threshold,
                         "unit": "%"}}


def deadline(due):  # type: ignore[no-untyped-def]
    return {"id": "D", "kind": "deadline", "text": "d", "where": "any", "evidence": {"due": due}}


def result(p, r, **more):  # type: ignore[no-untyped-def]
    return vnplan.comply(p, profile(r, **more)).requirements[0]


# --------------------------------------------------------------------------- refusals


def test_who_is_given_a_task_is_no_content_about_them():
    head = req([["người đứng đầu", "thủ trưởng"]])
    p = plan(duty="1. Thủ trưởng các phòng chịu trách nhiệm triển khai Kế hoạch tại phòng mình./.")
    assert result(p, head).status == "missing"
    # said as content in the implementation part, it is still found there (outside its part)
    p = plan(duty="1. Văn phòng tuyên truyền vai trò, trách nhiệm của thủ trưởng trong cải cách hành chính./.")
    assert (result(p, head).status, result(p, head).reason) == ("partial", "outside_part")


def test_a_refusal_makes_the_rest_of_its_clause_no_evidence_and_says_why():
    r = result(plan(forms="1. Năm 2025, Sở không in ấn, phát hành tờ gấp, pano để tiết kiệm kinh phí."),
               req([["tờ gấp"]], "form", "forms"))
    assert (r.status, r.reason) == ("missing", "refused")
    assert "không" in r.note and "tờ gấp" in r.note


def test_a_refusal_ends_with_its_clause():
    p = plan(forms="1. Sở không tổ chức hội nghị riêng về CCHC; nội dung CCHC được lồng ghép vào hội nghị giao ban.")
    r = result(p, req([["hội nghị"]], "form", "forms"))
    assert r.status == "met" and "lồng ghép" in r.evidence[0].text


def test_a_refusal_after_its_object_covers_what_comes_before_it():
    p = plan(content="1. Nội dung về Đề án 06/CP không đưa vào Kế hoạch này do Sở đã có kế hoạch riêng.")
    assert result(p, req([["Đề án 06"]])).reason == "refused"


@pytest.mark.parametrize("text", [
    "1. Tuyên truyền không chỉ trên báo chí mà còn trên mạng xã hội.",
    "1. Không ngừng đổi mới tuyên truyền trên mạng xã hội.",
    "1. Tuyên truyền trên mạng xã hội để người dân không phải đi lại nhiều lần.",
])
def test_compounds_of_khong_refuse_nothing(text):
    assert result(plan(forms=text), req([["mạng xã hội"]], "form", "forms")).status == "met"


@pytest.mark.parametrize("text", [
    "1. Tạm dừng việc in ấn, phát hành tờ gấp về CCHC trong năm 2025.",
    "1. Việc in, phát tờ gấp tạm hoãn đến khi được bố trí kinh phí.",
    "1. Ngừng phát hành tờ gấp do hợp đồng in đã kết thúc.",
    "1. Việc phát hành tờ gấp được loại trừ khỏi Kế hoạch này.",
    "1. Việc phát hành tờ gấp nằm ngoài phạm vi Kế hoạch này.",
    "1. Tờ gấp về CCHC không phải là nội dung của Kế hoạch này.",
    "1. Tờ gấp do Văn phòng phát hành theo kế hoạch riêng, không lồng ghép vào Kế hoạch này.",
])
def test_refusals_in_other_words_stop_pause_exclude_or_leave_out(text):
    assert result(plan(forms=text), req([["tờ gấp"]], "form", "forms")).reason == "refused"


def test_a_refusal_opening_what_follows_a_colon_refuses_the_head_before_it():
    p = plan(content="1. Chỉ số PAPI. Chỉ số SIPAS: chưa tuyên truyền trong năm 2025 do chưa có kết quả khảo sát.")
    assert result(p, req([["SIPAS"]])).reason == "refused"
    assert result(p, req([["PAPI"]])).status == "met"  # another sentence
    # a colon that only introduces what is refused later refuses nothing before it
    p = plan(content="1. Cải cách thể chế: rà soát văn bản, không ban hành văn bản trái luật.")
    assert result(p, req([["cải cách thể chế"]])).status == "met"


def test_a_compound_that_refuses_nothing_is_passed_whole():
    # "không ngừng" is no refusal, and its "ngừng" (a refusal on its own) is none either
    p = plan(forms="1. Không ngừng đổi mới việc phát hành tờ gấp.")
    assert result(p, req([["tờ gấp"]], "form", "forms")).status == "met"


def test_a_target_exempted_or_outside_the_units_function_is_missing():
    p = plan(content="1. Chỉ tiêu về tỷ lệ thanh toán trực tuyến được miễn áp dụng đối với Sở.\n"
                     "2. Chỉ tiêu về tỷ lệ hồ sơ giải quyết đúng hạn không thuộc chức năng, nhiệm vụ của đơn vị.")
    assert result(p, target(">", 70)).reason == "refused"
    assert result(p, target(">=", 100, (("đúng hạn",),))).reason == "refused"


def test_khong_de_xay_ra_commits_to_what_precedes_and_refuses_what_follows():
    p = plan(content="1. Phấn đấu 100% hồ sơ được giải quyết đúng hạn, không để xảy ra hồ sơ trễ hạn phải xin lỗi.")
    assert result(p, target(">=", 100, (("đúng hạn",),))).status == "met"
    apology = req([["xin lỗi"], ["trễ hạn"]], joint=True)
    assert result(p, apology).status == "missing"


def test_a_target_the_plan_says_it_does_not_set_is_missing_not_partial():
    p = plan(content="1. Kế hoạch này không đặt chỉ tiêu về tỷ lệ thanh toán trực tuyến.")
    r = result(p, target(">", 70))
    assert (r.status, r.reason) == ("missing", "refused")


# --------------------------------------------------------------------------- the past


def test_a_part_reviewing_last_year_is_no_evidence():
    p = plan(purpose="Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NĂM 2024\n- Tỷ lệ thanh toán trực tuyến đạt 80%.\n"
                     "Phần thứ hai\nKẾ HOẠCH NĂM 2025\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức về cải cách hành chính.")
    r = result(p, target(">", 70))
    assert (r.status, r.reason) == ("missing", "review")


def test_a_part_looking_back_at_a_past_period_is_no_evidence():
    p = plan(purpose="I. NHÌN LẠI CÔNG TÁC TUYÊN TRUYỀN GIAI ĐOẠN VỪA QUA\n1. Đã phát hành 5.000 tờ gấp.\n"
                     "II. MỤC ĐÍCH\n1. Nâng cao nhận thức về cải cách hành chính.")
    assert result(p, req([["tờ gấp"]], "form", "any")).reason == "review"


def test_what_was_done_last_year_in_words_is_no_evidence():
    p = plan(forms="1. Năm ngoái, Sở đã phát hành 2.000 tờ gấp về TTHC.")
    assert result(p, req([["tờ gấp"]], "form", "forms")).status == "missing"


def test_an_aside_in_brackets_after_a_past_time_reports_the_past():
    p = plan(purpose="1. Phát huy kết quả đạt được trong năm qua (tỷ lệ thanh toán trực tuyến 68%), "
                     "nâng cao nhận thức về cải cách hành chính.")
    r = result(p, target(">", 70))
    assert (r.status, r.reason) == ("missing", "past")
    # brackets after no past time elaborate the commitment itself
    p = plan(purpose="1. Phấn đấu nâng cao chỉ tiêu năm 2025 (tỷ lệ thanh toán trực tuyến trên 80%).")
    assert result(p, target(">", 70)).status == "met"


def test_a_clause_about_last_year_is_no_evidence_but_one_about_this_year_is():
    p = plan(content="1. Năm 2024, tỷ lệ thanh toán trực tuyến đạt 75%; năm 2025 phấn đấu tỷ lệ thanh toán trực tuyến đạt trên 80%.")
    r = result(p, target(">", 70))
    assert r.status == "met" and dict(r.details)["stated"] == "trên 80%"
    past = plan(content="1. Năm 2024, tỷ lệ thanh toán trực tuyến đạt 75%.")
    assert result(past, target(">", 70)).reason == "past"


def test_a_year_opening_a_sentence_holds_for_its_clauses():
    p = plan(purpose="- Năm 2024, Chỉ số PAR INDEX của Sở xếp thứ 9; kết quả khảo sát SIPAS đạt 88%.")
    assert result(p, req([["SIPAS"]], where="any")).reason == "past"


def test_keeping_last_years_result_is_a_commitment():
    p = plan(content="1. Duy trì, nâng cao Chỉ số PAR INDEX đã đạt được năm 2024.")
    assert result(p, req([["PAR INDEX"]])).status == "met"


def test_the_legal_basis_is_never_evidence_of_a_topic():
    p = plan(Sở_Nội_vụ_ban_hành="bám sát chủ đề tăng tốc sáng tạo, Sở Nội vụ ban hành")
    r = result(p, req([["tăng tốc sáng tạo"]], "theme", "any"))
    assert (r.status, r.reason) == ("missing", "legal_basis")


# --------------------------------------------------------------------------- passages and parts


def test_the_groups_must_be_met_by_one_passage_else_partial_with_the_pieces_shown():
    p = plan(content="1. Tuyên truyền chủ trương của Đảng về CCHC.\n2. Phổ biến chính sách mới về đất đai.")
    r = result(p, req([["chủ trương"], ["chính sách"]]))
    assert (r.status, r.reason) == ("partial", "incomplete")
    assert len(r.evidence) == 2 and "khác nhau" in r.note


def test_joint_groups_apart_are_no_evidence():
    p = plan(content="1. Tuyên truyền kết quả CCHC theo chỉ đạo của Giám đốc Sở.")
    r = result(p, req([["chỉ đạo"], ["UBND tỉnh", "tỉnh ủy"]], joint=True))
    assert (r.status, r.reason) == ("missing", "incomplete")
    r = result(p, req([["chỉ đạo"], ["UBND tỉnh", "tỉnh ủy"]]))
    assert r.status == "partial"


def test_a_heading_naming_two_parts_is_both():
    p = vnplan.parse(PLAN.format(purpose="1. x.", content="1. y.", forms="1. z.", duty="1. Giao Văn phòng theo dõi./.")
                     .replace("III. HÌNH THỨC", "III. NHIỆM VỤ VÀ HÌNH THỨC TUYÊN TRUYỀN\n1. Đăng tin trên báo chí."))
    assert result(p, req([["báo chí"]], "form", "forms")).status == "met"


def test_the_profile_may_accept_a_part_besides_where_with_a_note():
    p = plan(purpose="1. Góp phần cải thiện Chỉ số PCI của tỉnh.")
    assert result(p, req([["PCI"]])).reason == "outside_part"
    rule = {"content": {"accept": ["purpose_requirements"], "note": "chỉ số nêu ở phần mục đích"}}
    r = result(p, req([["PCI"]]), parts=rule)
    assert r.status == "met" and r.note == "chỉ số nêu ở phần mục đích"


def test_a_plan_on_another_subject_meets_nothing():
    p = vnplan.parse(PLAN.replace("cải cách hành chính", "phòng, chống thiên tai").replace("25/KH-UBND", "23/KH-UBND")
                     .format(purpose="1. Nâng cao nhận thức của cán bộ, công chức và Nhân dân.", content="1. y.",
                             forms="1. Hội nghị, tập huấn.", duty="1. Giao Văn phòng theo dõi./."))
    r = result(p, req([["hội nghị"]], "form", "forms"), subject=["cải cách hành chính"])
    assert (r.status, r.reason) == ("missing", "unrelated")


def test_the_title_names_the_subject_for_every_passage():
    """A derived requirement's last group names the parent's subject; the unit plan's title says it once."""
    subject = {"subject": ["cải cách hành chính", "CCHC"]}
    r = result(plan(forms="1. Tổ chức hội nghị, tập huấn cho cán bộ, công chức."),
               req([["hội nghị"], ["cải cách hành chính", "CCHC"]], "form", "forms"), **subject)
    assert r.status == "met"
    assert any("cải cách hành chính" in e.text for e in r.evidence)  # the title, quoted for the subject
    other = plan(forms="1. Tổ chức hội nghị, tập huấn cho cán bộ, công chức.",
                 Tuyên_truyền_cải_cách_hành_chính_năm_2025="Kế hoạch công tác năm 2025")
    r = result(other, req([["hội nghị"], ["cải cách hành chính", "CCHC"]], "form", "forms"), **subject)
    assert r.status != "met"  # without the subject in the title, the passage lacks it
    # a group that is not the subject is never met by the title (which says "tuyên truyền" too)
    r = result(plan(forms="1. Đăng tin trên báo chí."), req([["báo chí"], ["tuyên truyền"]], "form", "forms"), **subject)
    assert r.status == "partial"


def test_a_passage_naming_only_the_subject_is_no_piece_of_a_requirement():
    p = plan(content="1. Tuyên truyền chủ trương của Đảng về CCHC.")
    r = result(p, req([["người đứng đầu", "thủ trưởng"], ["cải cách hành chính", "CCHC"]]),
               subject=["cải cách hành chính", "CCHC"])
    assert r.status == "missing"
    assert result(p, req([["người đứng đầu", "thủ trưởng"], ["cải cách hành chính", "CCHC"]])).status == "partial"


def test_a_long_phrase_in_its_own_order_may_take_words_in_between():
    p = plan(content="1. Phấn đấu 100% hồ sơ giải quyết đúng và trước hạn.")
    assert result(p, req([["giải quyết đúng hạn"]])).status == "met"


# --------------------------------------------------------------------------- abbreviations


def test_the_profiles_abbreviation_holds_whatever_the_plan_defines():
    p = plan(purpose="1. Nâng cao sự hài lòng của người dân, tổ chức (SIPAS).",
             content="1. Cải cách tổ chức bộ máy.\n2. Giải pháp nâng cao SIPAS của tỉnh.")
    r = result(p, req([["SIPAS"]]))
    assert r.status == "met" and "nâng cao SIPAS" in r.evidence[0].text


def test_a_plans_definition_replaces_a_builtin_one():
    p = plan(purpose="1. Nâng cao nhận thức của công chức cơ quan Sở (CQS).", content="1. Kết quả CCHC của CQS.")
    assert result(p, req([["chính quyền số"]])).status == "missing"


def test_a_definition_is_cut_to_the_words_its_letters_fit():
    p = plan(content="1. Tuyên truyền về chính quyền số (CQSH) của tỉnh; xây dựng CQSH hiệu quả.")
    assert result(p, req([["xây dựng chính quyền số"]])).status == "met"


def test_a_word_inside_an_expansion_is_no_match_from_outside_it():
    p = plan(content="1. Thực hiện theo giao của UBND huyện.")
    assert result(p, req([["giao ban"]])).status == "missing"


# --------------------------------------------------------------------------- tables

TABLE = ("TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành\n"
         "1 | Tuyên truyền cải cách thể chế | Đài truyền thanh xã | Quý II/2025\n"
         "2 | Tuyên truyền thanh toán trực tuyến, đạt trên 70% | Văn phòng | {when}")


def test_each_row_of_a_text_table_is_a_passage_and_its_owner_cell_no_evidence():
    p = plan(content=TABLE.format(when="Quý III/2025"), forms="1. Tổ chức hội nghị.")
    r = result(p, req([["cải cách thể chế"]]))
    assert r.status == "met" and r.evidence[0].text == "Tuyên truyền cải cách thể chế"
    assert result(p, req([["truyền thanh"]], "form", "forms")).status == "missing"
    assert result(p, target(">", 70)).status == "met"


def test_a_task_written_as_text_with_labelled_lines_is_a_row_of_a_task_table():
    content = ("Nhiệm vụ 1. Phổ biến, quán triệt Kế hoạch đến cán bộ, công chức.\n"
               "Đơn vị chủ trì: Văn phòng Sở.\n"
               "Đơn vị phối hợp: Đài Phát thanh và Truyền hình tỉnh.\n"
               "Thời gian hoàn thành: Quý I/2026.")
    p = plan(content=content, forms="1. Niêm yết công khai TTHC.", duty="1. Các phòng thực hiện nghiêm túc Kế hoạch./.")
    duty = {"id": "D", "kind": "duty", "text": "d", "where": "implementation",
            "evidence": {"all_of": [["quán triệt"]]}}
    assert result(p, duty).status == "met"  # a row with an owner assigns its task wherever it stands
    r = result(p, deadline("2025-12-31"))
    assert (r.status, r.reason) == ("partial", "later")  # its deadline line is read as the deadline column
    # the partner is no form of communication
    assert result(p, req([["truyền hình"]], "form", "content")).status == "missing"


def test_a_rows_deadline_cell_is_read_without_a_lead_word():
    r = result(plan(content=TABLE.format(when="Quý I/2026")), deadline("2025-12-31"))
    assert (r.status, r.reason) == ("partial", "later")


def test_the_rows_of_a_word_table_are_passages(tmp_path):
    from real_corpus import build_docx

    src = ("KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n"
           "Thực hiện Kế hoạch số 25/KH-UBND ngày 15/02/2025 của UBND tỉnh Sơn Hà, Sở ban hành Kế hoạch:\n"
           "II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN\n@table\nTT | Nội dung | Đơn vị chủ trì | Thời gian\n"
           "1 | Tuyên truyền cải cách thể chế | Văn phòng Sở | Tháng 3/2025\n"
           "2 | Đăng tin trên Cổng thông tin điện tử | Văn phòng Sở | Quý I/2026\n@end\n")
    f = tmp_path / "t.docx"
    f.write_bytes(build_docx(src))
    p = vnplan.parse(f)
    assert result(p, req([["cải cách thể chế"]])).evidence[0].text == "Tuyên truyền cải cách thể chế"
    assert result(p, deadline("2025-12-31")).reason == "later"
    assert not check(p, profile=profile(req([["cải cách thể chế"]]))).by_rule("C306")


# --------------------------------------------------------------------------- deadlines and targets


@pytest.mark.parametrize(("duty", "status"), [
    ("báo cáo kết quả trước ngày 20/12./.", "met"),
    ("báo cáo kết quả trước 10/12/2025./.", "met"),
    ("thực hiện đến hết tháng 3/2026./.", "partial"),
    ("hoàn thành trong quý I/2026./.", "partial"),
    ("báo cáo chậm nhất ngày 15 tháng 01 năm 2026./.", "partial"),
    ("tổng hợp kết quả./.", "met"),  # no dated deadline: the plan's year in its title
    ("báo cáo kết quả trước ngày 20 tháng 12./.", "met"),  # a day without a year, in words
    ("báo cáo kết quả trước ngày 15 tháng 01 năm sau./.", "partial"),  # the year after the plan's
    ("báo cáo kết quả trước ngày 15/01 năm sau./.", "partial"),
    ("tổ chức hội nghị tổng kết vào đầu năm 2026./.", "partial"),  # a part of a later year
    ("tổ chức hội nghị sơ kết vào giữa năm 2025./.", "met"),
])
def test_deadlines_in_every_common_form(duty, status):
    assert result(plan(duty=f"1. Giao Văn phòng Sở theo dõi; {duty}"), deadline("2025-12-31")).status == status


@pytest.mark.parametrize(("stated", "status"), [
    ("- Tất cả hồ sơ TTHC đều được giải quyết đúng hạn, không có hồ sơ trễ hạn.", "met"),
    ("- Toàn bộ hồ sơ được giải quyết đúng hạn.", "met"),
    ("- Tuyên truyền để tất cả hồ sơ được giải quyết đúng hạn.", "partial"),  # "tất cả" not its subject
    ("- Hồ sơ được giải quyết đúng hạn.", "partial"),  # named without a figure
])
def test_a_target_for_all_of_its_subject_in_words_is_100_percent(stated, status):
    assert result(plan(content=stated), target(">=", 100, (("đúng hạn",),))).status == status
    if status == "met":  # 100% is what it states
        assert dict(result(plan(content=stated), target(">=", 100, (("đúng hạn",),))).details)["stated"] == "100%"


@pytest.mark.parametrize(("stated", "status"), [
    ("100% hồ sơ được thanh toán trực tuyến", "met"),
    ("trên 90% hồ sơ được thanh toán trực tuyến", "met"),
    ("tỷ lệ thanh toán trực tuyến không dưới 95%", "met"),
    ("tỷ lệ thanh toán trực tuyến tối thiểu 90%", "partial"),
])
def test_a_target_stated_before_or_after_its_indicator(stated, status):
    assert result(plan(content=f"1. Phấn đấu {stated}."), target(">", 90)).status == status


def test_the_target_is_judged_by_the_passage_that_states_its_figure():
    p = plan(content="1. Hướng dẫn người dân thanh toán trực tuyến.\n2. Phấn đấu tỷ lệ thanh toán trực tuyến đạt trên 75%.")
    r = result(p, target(">", 70))
    assert r.status == "met" and "75%" in r.evidence[0].text


def test_a_figure_of_another_indicator_in_the_same_clause_is_not_taken():
    p = plan(content="1. Phấn đấu 100% hồ sơ đúng hạn, trên 50% hồ sơ thanh toán trực tuyến.")
    assert dict(result(p, target(">=", 100, (("đúng hạn",),))).details)["stated"] == "100%"


@pytest.mark.parametrize(("content", "stated"), [
    # the figure opens a list its indicator ends; the next stretch's figure is another item's
    ("1. Phấn đấu 100% hồ sơ được tiếp nhận, giải quyết đúng hạn, 50% hồ sơ thanh toán trực tuyến.", "100%"),
    # the figure closes the indicator's sentence after a comma
    ("1. Tỷ lệ hồ sơ giải quyết đúng hạn, đạt 100%.", "100%"),
    ("1. Tỷ lệ hồ sơ giải quyết đúng hạn, đạt 80%, 100% hồ sơ được số hoá.", "80%"),
    # a verb of reaching, or nothing but "trở lên", ties the later figure to the indicator before it
    ("1. Phấn đấu 90% hồ sơ trực tuyến, tỷ lệ giải quyết đúng hạn, đạt 100% trở lên.", "100%"),
    ("1. Phấn đấu 90% hồ sơ trực tuyến, tỷ lệ giải quyết đúng hạn, 100% trở lên.", "100%"),
    ("1. Phấn đấu 90% hồ sơ trực tuyến, tỷ lệ giải quyết đúng hạn, đạt 100% số hồ sơ.", "100%"),
])
def test_a_figure_past_a_comma_is_the_indicator_s_only_when_it_opens_no_item_of_its_own(content, stated):
    assert dict(result(plan(content=content), target(">=", 100, (("đúng hạn",),))).details)["stated"] == stated


# --------------------------------------------------------------------------- assignments and the citation


@pytest.mark.parametrize("duty", [
    "1. Các phòng, đơn vị thuộc Sở triển khai Kế hoạch đến công chức.\n2. Văn phòng Sở hướng dẫn, theo dõi./.",
    "1. Trưởng các phòng quán triệt Kế hoạch đến công chức./.",
])
def test_plain_sentences_saying_who_does_what_are_assignments(duty):
    assert not check(plan(duty=duty), profile=profile(req([["báo chí"]], "form", "forms"))).by_rule("C306")


def test_no_assignment_at_all_is_reported():
    p = plan(duty="Kế hoạch được triển khai thực hiện trong năm 2025./.")
    assert check(p, profile=profile(req([["báo chí"]], "form", "forms"))).by_rule("C306")


def test_a_plan_citing_another_plan_is_not_a_wrong_number():
    p = plan(**{"số_25/KH-UBND_ngày_15/02/2025": "số 23/KH-UBND ngày 30/01/2025"})
    cit = {"id": "CIT", "kind": "citation", "text": "cite", "evidence": {}}
    r = result(p, cit)
    assert (r.status, r.reason) == ("missing", "other_parent")
    msg = check(p, profile=profile(cit)).by_rule("C301")[0].message
    assert "khác" in msg and "23/KH-UBND" in msg


# --------------------------------------------------------------------------- evidence


def test_the_matched_words_are_marked_in_the_quote():
    r = result(plan(content="1. Đẩy mạnh tuyên truyền cải cách thể chế của tỉnh."), req([["cải cách thể chế"]]))
    ev = r.evidence[0]
    assert [ev.text[a:b] for a, b in ev.marks] == ["cải cách thể chế"]


def test_unaccented_syllables_stand_for_accented_ones_only_in_text_typed_without_marks():
    assert result(plan(content="1. Tuyen truyen cai cach the che."), req([["cải cách thể chế"]])).status == "met"
    assert result(plan(content="1. Bảo đảm an toàn thực phẩm."), req([["ấn phẩm"]], "form", "forms")).status == "missing"


def test_views_highlight_the_matched_words_bold_on_a_terminal_and_marked_in_html(tmp_path):
    from click.testing import CliRunner

    from vnplan.cli import main
    from vnplan.report import render
    from vnplan.report.html import render_html

    p = plan(content="1. Đẩy mạnh tuyên truyền cải cách thể chế của tỉnh.")
    prof = profile(req([["cải cách thể chế"]]))
    assert "\x1b[1mcải cách thể chế\x1b[22m" in render("check", check(p, profile=prof))
    f = tmp_path / "unit.txt"
    f.write_text(PLAN.format(purpose="1. x.", content="1. Đẩy mạnh tuyên truyền cải cách thể chế.", forms="1. y.",
                             duty="1. Giao Văn phòng theo dõi./."), encoding="utf-8")
    import json

    (tmp_path / "p.json").write_text(json.dumps(prof, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.txt"
    CliRunner().invoke(main, ["check", str(f), "--profile", str(tmp_path / "p.json"), "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "“Đẩy mạnh tuyên truyền cải cách thể chế”" in text and "\x1b" not in text
    [r] = vnplan.batch([f], profile=tmp_path / "p.json")
    assert "<mark>cải cách thể chế</mark>" in render_html([r])


def test_a_refusal_turned_round_by_ma_ends_there():
    p = plan(forms="1. Không tổ chức hội nghị riêng mà lồng ghép nội dung CCHC vào hội nghị giao ban.")
    assert result(p, req([["lồng ghép"]], "form", "forms")).status == "met"


def test_a_results_heading_without_a_year_opens_a_review():
    p = plan(purpose="I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Tỷ lệ thanh toán trực tuyến đạt 80%.\nII. MỤC ĐÍCH\n1. Nâng cao nhận thức.")
    assert result(p, target(">", 70)).reason == "review"


def test_a_heading_naming_a_part_after_another_word_names_it():
    p = vnplan.parse(PLAN.format(purpose="1. x.", content="1. y.", forms="1. z.", duty="1. Giao Văn phòng theo dõi./.")
                     .replace("II. NỘI DUNG", "II. ĐỐI TƯỢNG, NỘI DUNG TUYÊN TRUYỀN\n1. Tuyên truyền cải cách thể chế."))
    assert result(p, req([["cải cách thể chế"]])).status == "met"


def test_a_plan_naming_the_subject_once_in_passing_is_still_unrelated():
    text = (PLAN.replace("cải cách hành chính", "phòng, chống thiên tai").replace("25/KH-UBND", "23/KH-UBND")
            .format(purpose="1. Nâng cao nhận thức của Nhân dân.", content="1. Gắn với cải cách hành chính.",
                    forms="1. Hội nghị, tập huấn.", duty="1. Giao Văn phòng theo dõi./."))
    r = result(vnplan.parse(text), req([["hội nghị"]], "form", "forms"), subject=["cải cách hành chính"])
    assert r.reason == "unrelated"
