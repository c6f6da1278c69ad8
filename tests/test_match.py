"""Matching a unit plan against a profile: tolerant of word order, tone placement and abbreviations,
strict about the part of the plan and about figures, and explainable (located evidence)."""

from __future__ import annotations

import datetime as dt

import pytest

import vnplan
from vnplan.profiles.match import comparator_of, meets

PLAN = """Số: 05/KH-SNV
Sơn Hà, ngày 01 tháng 3 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025

Thực hiện Kế hoạch số 25/KH-UBND ngày 15/02/2025 của UBND tỉnh Sơn Hà về tuyên truyền cải cách hành chính năm 2025, Sở Nội vụ ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, công chức, viên chức về cải cách hành chính.
II. NỘI DUNG
1. {content}
III. HÌNH THỨC
1. {form}
IV. TỔ CHỨC THỰC HIỆN
1. Giao Văn phòng Sở theo dõi, đôn đốc; {duty}
"""


def plan(content="Tuyên truyền cải cách thể chế.", form="Tuyên truyền trên báo chí, truyền hình.",
         duty="báo cáo kết quả về Sở Nội vụ trước ngày 01/12/2025./."):  # type: ignore[no-untyped-def]
    return vnplan.parse(PLAN.format(content=content, form=form, duty=duty))


def profile(*reqs):  # type: ignore[no-untyped-def]
    return {
        "id": "test-profile",
        "title": "Test",
        "parent": {"type": "Kế hoạch", "number": "25", "symbol": "KH-UBND", "date": "2025-02-15",
                   "issuer": "Ủy ban nhân dân tỉnh Sơn Hà", "issuer_aliases": ["UBND tỉnh Sơn Hà"]},
        "requirements": list(reqs) or [{"id": "CIT", "kind": "citation", "text": "cite", "evidence": {}}],
    }


def content(phrases, where="content", **more):  # type: ignore[no-untyped-def]
    return {"id": "R", "kind": "content", "text": "r", "where": where, "evidence": {"all_of": phrases, **more}}


def status(p, req):  # type: ignore[no-untyped-def]
    return vnplan.comply(p, profile(req)).requirements[0]


def test_a_phrase_matches_whatever_the_word_order():
    r = status(plan(content="Tuyên truyền về thể chế và công tác cải cách."), content([["cải cách thể chế"]]))
    assert r.status == "met"


def test_short_phrases_keep_their_word_order():
    r = status(plan(content="Thực hiện công khai tài chính."), content([["tài chính công"]]))
    assert r.status == "missing"
    assert status(plan(content="Quản lý tài chính công."), content([["tài chính công"]])).status == "met"


def test_the_words_of_a_phrase_must_stand_close_together():
    far = "Cải cách là nhiệm vụ trọng tâm của mọi cơ quan, đơn vị trong nhiều năm liên tục trên toàn tỉnh, " \
          "bảo đảm các quy định về thể chế."
    assert status(plan(content=far), content([["cải cách thể chế"]])).status == "missing"


def test_old_and_new_tone_placement_match():
    r = status(plan(content="Tuyên truyền về số hoá hồ sơ và chuyển đổi số."), content([["số hóa hồ sơ"]]))
    assert r.status == "met"


def test_text_typed_without_diacritics_matches_but_a_different_tone_does_not():
    assert status(plan(content="Tuyen truyen cai cach the che."), content([["cải cách thể chế"]])).status == "met"
    assert status(plan(content="Tuyên truyền chính quyền sở."), content([["chính quyền số"]])).status == "missing"


def test_syllables_run_together_by_pdf_extraction_still_match():
    assert status(plan(content="TRIỂNKHAI tuyên truyền CẢICÁCH thể chế."), content([["triển khai cải cách thể chế"]])).status == "met"


def test_builtin_abbreviations_match_their_expansion_both_ways():
    assert status(plan(content="Tuyên truyền cải cách TTHC."), content([["cải cách thủ tục hành chính"]])).status == "met"
    assert status(plan(content="Tuyên truyền cải cách thủ tục hành chính."), content([["cải cách TTHC"]])).status == "met"
    assert status(plan(content="Đào tạo CB, CC, VC."), content([["cán bộ, công chức, viên chức"]])).status == "met"


def test_abbreviations_defined_in_the_plan_itself_are_expanded():
    p = plan(content="Tuyên truyền về chính quyền số (CQSH) của tỉnh; xây dựng CQSH hiệu quả.")
    assert status(p, content([["xây dựng chính quyền số"]])).status == "met"


def test_any_synonym_of_a_group_will_do_and_every_group_is_needed():
    p = plan(content="Tuyên truyền Chỉ số PAPI của tỉnh.")
    assert status(p, content([["PAR INDEX", "PAPI"]])).status == "met"
    r = status(p, content([["PAPI"], ["SIPAS"]]))
    assert (r.status, r.reason, r.score) == ("partial", "incomplete", 0.5)


def test_evidence_outside_the_required_part_is_partial():
    p = plan(form="Tuyên truyền về cải cách thể chế trên báo chí.", content="Tuyên truyền chủ trương của Đảng.")
    r = status(p, content([["cải cách thể chế"]]))
    assert (r.status, r.reason) == ("partial", "outside_part")
    assert r.score == pytest.approx(0.7)


def test_evidence_is_quoted_and_located():
    p = plan(content="Tuyên truyền cải cách thể chế; công khai thủ tục hành chính.")
    r = status(p, content([["cải cách thể chế"]]))
    ev = r.evidence[0]
    assert ev.text == "Tuyên truyền cải cách thể chế"
    assert p.span_text(ev.span) == ev.text
    assert ev.line == 10  # the text's 10th line: "1. Tuyên truyền cải cách thể chế; …"
    assert ev.matched == ("cải cách thể chế",)


def test_a_skeleton_placeholder_is_not_content():
    r = status(plan(content="Cải cách thể chế: [Nội dung của đơn vị]"), content([["cải cách thể chế"]]))
    assert r.status == "placeholder" and r.score <= 0.25


def test_a_pattern_counts_as_a_group():
    r = status(plan(content="Bám sát Nghị quyết số 01/NQ-CP của Chính phủ."), content([], pattern=r"01/NQ-CP"))
    assert r.status == "met"


def target(comparator, threshold, phrases=(("thanh toán trực tuyến",),)):  # type: ignore[no-untyped-def]
    return {"id": "T", "kind": "target", "text": "t", "where": "any",
            "evidence": {"all_of": [list(g) for g in phrases], "comparator": comparator, "threshold": threshold, "unit": "%"}}


@pytest.mark.parametrize(("stated", "want", "status_", "reason"), [
    ("đạt trên 70%", (">", 70), "met", None),
    ("đạt 75%", (">", 70), "met", None),
    ("đạt 70%", (">", 70), "partial", "weaker"),
    ("đạt trên 60%", (">", 70), "partial", "weaker"),
    ("đạt tối thiểu 70%", (">=", 70), "met", None),
    ("đạt 100%", (">=", 100), "met", None),
])
def test_a_target_is_compared_with_the_parent_threshold(stated, want, status_, reason):
    r = status(plan(content=f"Tỷ lệ thanh toán trực tuyến {stated}."), target(*want))
    assert (r.status, r.reason) == (status_, reason)


def test_the_figure_is_taken_from_the_indicator_clause_not_a_neighbour():
    text = "Tỷ lệ hồ sơ đúng hạn đạt 100%; tỷ lệ thanh toán trực tuyến đạt trên 50%; số hóa đạt 90%."
    r = status(plan(content=text), target(">", 70))
    assert (r.status, r.reason) == ("partial", "weaker")
    assert dict(r.details)["stated"] == "trên 50%"


def test_an_indicator_without_a_figure_is_partial_and_no_indicator_is_missing():
    assert status(plan(content="Đẩy mạnh thanh toán trực tuyến."), target(">", 70)).reason == "no_figure"
    assert status(plan(), target(">", 70)).status == "missing"


@pytest.mark.parametrize(("words", "op"), [("đạt trên", ">"), ("đạt", ">="), ("tối thiểu", ">="), ("", ">="),
                                           ("không quá", "<="), ("dưới", "<"), ("hơn", ">")])
def test_comparator_words(words, op):
    assert comparator_of(words) == op


def test_meets_is_strict_where_the_parent_says_above():
    assert meets(">", 90.5, ">", 90) and not meets(">=", 90, ">", 90) and meets(">", 90, ">=", 90)
    assert meets("<", 5, "<=", 5) and not meets(">", 5, "<", 5)


def deadline(due, phrases=None):  # type: ignore[no-untyped-def]
    ev = {"due": due}
    if phrases:
        ev["all_of"] = phrases
    return {"id": "D", "kind": "deadline", "text": "d", "where": "implementation", "evidence": ev}


@pytest.mark.parametrize(("duty", "status_"), [
    ("báo cáo kết quả trước ngày 01/12/2025./.", "met"),
    ("báo cáo kết quả trước ngày 15 tháng 12 năm 2025./.", "partial"),
    ("báo cáo kết quả chậm nhất tháng 12/2025./.", "partial"),
    ("báo cáo kết quả trong quý IV năm 2025./.", "partial"),
    ("báo cáo kết quả trong quý III năm 2025./.", "met"),
])
def test_a_deadline_later_than_the_parent_is_partial(duty, status_):
    r = status(plan(duty=duty), deadline("2025-12-10", [["báo cáo"]]))
    assert r.status == status_


def test_a_deadline_requirement_with_context_ignores_other_deadlines():
    p = plan(duty="hoàn thành tập huấn trước ngày 30/12/2025; báo cáo trước ngày 01/12/2025./.")
    assert status(p, deadline("2025-12-10", [["báo cáo"]])).status == "met"
    assert status(p, deadline("2025-12-10")).status == "partial"


def test_without_a_stated_deadline_the_plan_year_is_the_evidence():
    r = status(plan(duty="tổng hợp kết quả./."), deadline("2025-12-31"))
    assert r.status == "met" and "năm 2025" in r.evidence[0].text
    assert status(plan(duty="tổng hợp kết quả./."), deadline("2024-12-31")).status == "partial"


def cit():  # type: ignore[no-untyped-def]
    return {"id": "CIT", "kind": "citation", "text": "cite", "evidence": {}}


def test_the_parent_citation_is_found_in_the_legal_basis():
    r = status(plan(), cit())
    assert r.status == "met" and r.evidence[0].text.startswith("Kế hoạch số 25/KH-UBND")


@pytest.mark.parametrize(("old", "new", "reason"), [
    ("ngày 15/02/2025", "ngày 16/02/2025", "wrong_date"),
    ("số 25/KH-UBND", "số 52/KH-UBND", "wrong_number"),
    ("của UBND tỉnh Sơn Hà về", "của UBND tỉnh Hà Sơn Tây về", "wrong_issuer"),
    ("Kế hoạch số 25/KH-UBND ngày 15/02/2025 của UBND tỉnh Sơn Hà", "chỉ đạo của tỉnh", "not_cited"),
])
def test_a_wrong_citation_of_the_parent_says_what_is_wrong(old, new, reason):
    text = PLAN.format(content="x.", form="y.", duty="z./.").replace(old, new)
    r = vnplan.comply(vnplan.parse(text), profile(cit())).requirements[0]
    assert r.reason == reason and r.status in ("partial", "missing")


def test_the_issuer_may_be_named_with_or_without_the_chairman_or_the_province():
    for issuer in ("Chủ tịch UBND tỉnh Sơn Hà", "Ủy ban nhân dân tỉnh Sơn Hà", "UBND tỉnh"):
        text = PLAN.format(content="x.", form="y.", duty="z./.").replace("của UBND tỉnh Sơn Hà về", f"của {issuer} về")
        assert vnplan.comply(vnplan.parse(text), profile(cit())).requirements[0].status == "met", issuer


def test_comply_accepts_text_and_profile_objects():
    from vnplan.profiles import from_dict

    cov = vnplan.comply(PLAN.format(content="x.", form="y.", duty="z./."), from_dict(profile()))
    assert cov.profile == "test-profile" and 0.0 <= cov.score <= 1.0


def test_dates_of_the_model_stay_dates():
    from vnplan.profiles import from_dict

    assert from_dict(profile(deadline("2025-12-10"))).requirements[0].evidence.due == dt.date(2025, 12, 10)


def test_words_inside_an_abbreviation_do_not_count_on_their_own():
    assert status(plan(content="Phối hợp với UBND tỉnh."), content([["nhân dân"]], where="any")).status == "missing"
    assert status(plan(content="Tuyên truyền đến các tầng lớp Nhân dân."), content([["nhân dân"]])).status == "met"
    assert status(plan(content="Cải cách TTHC."), content([["thủ tục hành chính"]])).status == "met"


def test_a_part_heading_is_not_evidence_of_a_duty():
    duty = {"id": "D", "kind": "duty", "text": "d", "where": "implementation",
            "evidence": {"all_of": [["tổ chức thực hiện"]]}}
    assert status(plan(duty="báo cáo./."), duty).status == "missing"
    assert status(plan(duty="tổ chức thực hiện tốt Kế hoạch./."), duty).status == "met"


def test_a_target_restated_inside_a_placeholder_is_a_placeholder():
    text = "Tỷ lệ thanh toán trực tuyến: [Đơn vị bổ sung chỉ tiêu. Chỉ tiêu: thanh toán trực tuyến đạt trên 70%]"
    r = status(plan(content=text), target(">", 70))
    assert (r.status, r.reason) == ("placeholder", "placeholder")


def test_a_placeholder_in_the_implementation_part_assigns_nothing():
    from vnplan.rules.runner import check

    p = vnplan.parse(PLAN.format(content="x.", form="y.", duty="z.").replace(
        "1. Giao Văn phòng Sở theo dõi, đôn đốc; z.", "1. [Đơn vị bổ sung phân công: cơ quan nào chủ trì, phối hợp]"))
    assert check(p, profile=profile(cit())).by_rule("C306")
    assert not check(plan(), profile=profile(cit())).by_rule("C306")


def test_a_year_that_is_no_year_is_not_a_period():
    p = vnplan.parse("KẾ HOẠCH\nTuyên truyền năm 0000\nI. NỘI DUNG\n1. Trước ngày 31/02/2024 hoàn thành.\n",
                     require_plan=False)
    assert status(p, deadline("2024-12-31")).status == "missing"
