"""`profile derive`, mechanism by mechanism, on small parent plans written inline (docs/compliance.md, "Deriving a profile")."""

from __future__ import annotations

import datetime as dt

import pytest

import vnplan
from vnplan.profiles import profile_to_dict, validate
from vnplan.profiles.derive import derive
from vnplan.profiles.derive.deadlines import deadlines
from vnplan.profiles.derive.words import VAGUE, Lexicon

HEADER = """ỦY BAN NHÂN DÂN
TỈNH SƠN HÀ
Số: 7/KH-UBND
Sơn Hà, ngày 10 tháng 01 năm 2025
KẾ HOẠCH
Tuyên truyền cải cách hành chính (CCHC) năm 2025
"""


def profile(body: str) -> list[dict]:
    """The requirements derived from a parent with ``body`` under the standard header, the citation left out."""
    p = profile_to_dict(derive(vnplan.parse(HEADER + body)))
    validate(p)
    return p["requirements"][1:]


def one(body: str, kind: str | None = None) -> dict:
    reqs = [r for r in profile(body) if kind is None or r["kind"] == kind]
    assert len(reqs) == 1, reqs
    return reqs[0]


def phrases(r: dict) -> list[str]:
    return [p for g in r["evidence"]["all_of"] for p in g]


# --------------------------------------------------------------------------- items and lists


def test_bullets_after_a_colon_are_one_requirement_each_and_the_lead_in_is_none():
    reqs = profile("II. NỘI DUNG\n1. Tuyên truyền các nội dung sau:\n- Cải cách thể chế;\n- Cải cách thủ tục hành chính.\n")
    assert [(r["kind"], r["text"]) for r in reqs] == [("content", "Cải cách thể chế"),
                                                      ("content", "Cải cách thủ tục hành chính")]
    assert [r["provenance"]["where"] for r in reqs] == ["mục II.1, gạch đầu dòng thứ 1", "mục II.1, gạch đầu dòng thứ 2"]


def test_a_list_of_six_areas_in_one_sentence_gives_six_requirements():
    reqs = profile("II. NỘI DUNG\n1. Tuyên truyền về cải cách thể chế, cải cách TTHC, cải cách tổ chức bộ máy, "
                   "cải cách chế độ công vụ, cải cách tài chính công, xây dựng và phát triển chính quyền điện tử, "
                   "chính quyền số.\n")
    assert len(reqs) == 6
    assert reqs[1]["text"] == "Cải cách TTHC" and reqs[1]["provenance"]["where"] == "mục II.1, ý thứ 2"
    assert reqs[5]["text"] == "Xây dựng và phát triển chính quyền điện tử, chính quyền số"  # the tail stays one member
    assert all("one of 6 requirements listed in one sentence: check the split" in r["review"] for r in reqs)


def test_a_list_after_a_list_lead_and_a_colon_splits_on_semicolons():
    reqs = profile("II. NỘI DUNG\n1. Tích cực tuyên truyền các nội dung trong công tác CCHC đó là: cải cách thể chế; "
                   "cải cách TTHC; cải cách tài chính công, trong đó nhấn mạnh các nhiệm vụ trọng tâm.\n")
    assert [r["text"] for r in reqs] == ["Cải cách thể chế", "Cải cách TTHC", "Cải cách tài chính công"]


def test_a_colon_after_a_name_elaborates_it_and_splits_nothing():
    r = one("II. NỘI DUNG\n1. Cải cách TTHC: công bố, công khai TTHC; thực hiện cơ chế một cửa, một cửa liên thông; "
            "cắt giảm TTHC.\n")
    assert r["text"].startswith("Cải cách TTHC: công bố") and phrases(r)[0] == "Cải cách TTHC"


def test_a_list_of_audiences_is_one_requirement():
    r = one("II. NỘI DUNG\n1. Tuyên truyền cho đồng bào dân tộc thiểu số, người lao động trong khu công nghiệp, "
            "người khuyết tật, nạn nhân bạo lực gia đình.\n")
    assert r["kind"] == "content"


def test_the_closing_formula_and_the_funding_part_ask_nothing():
    assert profile("III. KINH PHÍ\nKinh phí từ ngân sách nhà nước.\nIV. TỔ CHỨC THỰC HIỆN\n"
                   "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh về Sở Nội vụ.\n") == []


# --------------------------------------------------------------------------- phrases


@pytest.mark.parametrize("word", ["cơ quan", "chỉ đạo", "tuyên truyền", "thực hiện", "kế hoạch", "theo dõi"])
def test_a_lone_generic_word_is_vague(word):
    assert Lexicon({}, ()).judge(word) == VAGUE


def test_generic_phrases_are_refused_and_common_ones_stand_beside_the_subject():
    r = one("II. NỘI DUNG\n1. Tăng cường công tác chỉ đạo, điều hành; vai trò, trách nhiệm của người đứng đầu.\n")
    lex = Lexicon({"CCHC": "cải cách hành chính"}, ())
    assert not any(lex.judge(p) == VAGUE for p in phrases(r))
    assert r["evidence"]["all_of"][-1][:2] == ["cải cách hành chính", "CCHC"]  # the parent's subject


def test_a_channel_is_a_form_only_beside_the_subject():
    r = one("III. HÌNH THỨC TUYÊN TRUYỀN\n1. Tuyên truyền trên mạng xã hội Zalo, Facebook.\n")
    assert r["kind"] == "form" and r["where"] == "forms"
    assert any("mạng xã hội" in p for p in r["evidence"]["all_of"][0])
    assert r["evidence"]["all_of"][1][:2] == ["cải cách hành chính", "CCHC"]


def test_a_specific_phrase_stands_alone_with_its_paraphrases():
    r = one("II. NỘI DUNG\n1. Cải cách thể chế.\n")
    assert r["evidence"]["all_of"] == [["Cải cách thể chế", "hoàn thiện thể chế", "xây dựng và hoàn thiện thể chế"]]


def test_dates_counts_and_the_word_so_of_a_citation_are_left_out_of_phrases():
    r = one("II. NỘI DUNG\n1. Kết quả thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.\n")
    assert phrases(r)[0] == "Kết quả thực hiện Nghị quyết 18-NQ/TW"


# --------------------------------------------------------------------------- kinds, theme, optional


def test_a_clause_led_by_a_channel_is_a_form_wherever_it_stands():
    r = one("I. MỤC ĐÍCH, YÊU CẦU\n1. Phát huy vai trò của báo chí, hệ thống thông tin cơ sở trong tuyên truyền CCHC.\n")
    assert r["kind"] == "form" and r["where"] == "purpose_requirements"
    assert any(note.startswith("kind guessed from its words") for note in r["review"])


def test_bearing_responsibility_is_a_duty():
    r = one("I. MỤC ĐÍCH, YÊU CẦU\n1. Người đứng đầu cơ quan, đơn vị chịu trách nhiệm về kết quả CCHC của đơn vị mình.\n")
    assert r["kind"] == "duty"


def test_a_quoted_motto_after_phuong_cham_is_the_theme_one_group_per_part():
    r = one('I. MỤC ĐÍCH, YÊU CẦU\n1. Bám sát phương châm hành động năm 2025 của Chính phủ "Kỷ cương trách nhiệm; '
            'chủ động kịp thời; tinh gọn hiệu quả; tăng tốc bứt phá".\n')
    assert r["kind"] == "theme" and r["where"] == "any"
    assert r["evidence"]["all_of"] == [["Kỷ cương trách nhiệm"], ["chủ động kịp thời"], ["tinh gọn hiệu quả"],
                                       ["tăng tốc bứt phá"]]


@pytest.mark.parametrize("text", [
    "Khuyến khích các đơn vị tổ chức hội thi tìm hiểu về CCHC.",
    "Tùy tình hình thực tế, các địa phương tổ chức tọa đàm về CCHC.",
    "Các đơn vị có thể lồng ghép tuyên truyền CCHC trong sinh hoạt chi bộ.",
])
def test_optional_wording_makes_a_requirement_optional_and_says_why(text):
    r = one(f"II. NỘI DUNG\n1. {text}\n")
    assert r["mandatory"] is False
    assert any(note.startswith("optional: the parent says") for note in r["review"])


@pytest.mark.parametrize("text", [
    "Khuyến khích người dân, doanh nghiệp phản ánh, kiến nghị về TTHC.",  # the public is encouraged: the unit must do it
    "Cải cách chế độ công vụ: cơ chế khuyến khích, bảo vệ cán bộ năng động, sáng tạo.",  # a noun, not a cue
])
def test_encouraging_the_public_or_a_mechanism_of_encouragement_is_no_option(text):
    assert one(f"II. NỘI DUNG\n1. {text}\n")["mandatory"] is True


# --------------------------------------------------------------------------- targets


def test_a_target_keeps_its_comparator_and_its_indicator_in_two_groups():
    r = one("II. CHỈ TIÊU\n1. Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt trên 98%.\n")
    assert (r["kind"], r["where"]) == ("target", "any")
    ev = r["evidence"]
    assert (ev["comparator"], ev["threshold"], ev["unit"]) == (">", 98, "%")
    assert ev["all_of"][0] == ["hồ sơ TTHC"] and ev["all_of"][1][0] == "giải quyết đúng hạn"  # and its paraphrases


@pytest.mark.parametrize(("text", "comparator", "threshold"), [
    ("Tối thiểu 95% hộ gia đình có kết nối Internet băng rộng cáp quang.", ">=", 95),
    ("100% TTHC đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình.", ">=", 100),
    ("Tỷ lệ hồ sơ giải quyết quá hạn không quá 2%.", "<=", 2),
    ("Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch đạt 75,5%.", ">=", 75.5),
])
def test_a_target_reads_its_figure_before_or_after_the_indicator(text, comparator, threshold):
    r = one(f"II. CHỈ TIÊU\n1. {text}\n")
    assert (r["evidence"]["comparator"], r["evidence"]["threshold"]) == (comparator, threshold)
    assert not any("tổng số" in p for p in phrases(r))  # the denominator is no indicator


def test_the_units_counted_are_not_the_indicator():
    r = one("II. CHỈ TIÊU\n1. 100% sở, ban, ngành, UBND các huyện duy trì chuyên mục CCHC trên cổng thông tin điện tử.\n")
    assert phrases(r)[0].startswith("duy trì chuyên mục")


def test_two_figures_in_one_clause_are_two_targets_with_a_note():
    reqs = profile("II. CHỈ TIÊU\n1. 100% hồ sơ công việc tại cấp tỉnh và tối thiểu 90% hồ sơ công việc tại cấp xã "
                   "được xử lý trên môi trường mạng.\n")
    assert [(r["evidence"]["comparator"], r["evidence"]["threshold"]) for r in reqs] == [(">=", 100), (">=", 90)]
    assert all(["xử lý trên môi trường mạng"] in r["evidence"]["all_of"] for r in reqs)
    assert all(any("several figures" in note for note in r["review"]) for r in reqs)


def test_a_task_with_a_figure_gives_a_target_and_the_rest_of_the_item_a_requirement():
    reqs = profile("II. NỘI DUNG\n1. Kiện toàn tổ hòa giải sau sắp xếp thôn; cung cấp tài liệu nghiệp vụ cho 100% tổ hòa giải.\n")
    assert [r["kind"] for r in reqs] == ["target", "content"]
    assert [g[0] for g in reqs[0]["evidence"]["all_of"]] == ["cung cấp tài liệu nghiệp vụ", "tổ hòa giải"]  # with paraphrases


def test_a_rank_is_a_target_the_matcher_cannot_compare():
    r = one("I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng hạng Chỉ số cải cách hành chính của tỉnh, phấn đấu thuộc nhóm 20 tỉnh dẫn đầu.\n")
    assert (r["kind"], r["evidence"]["comparator"], r["evidence"]["threshold"]) == ("target", "<=", 20)
    assert any(note.startswith("a rank, not a percentage") for note in r["review"])


def test_a_count_is_no_target_but_is_noted():
    r = one("III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành cập nhật tối thiểu 02 tin, bài về CCHC mỗi tháng.\n")
    assert r["kind"] == "duty" and any(note.startswith("states a count") for note in r["review"])


# --------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize(("clause", "due"), [
    ("báo cáo kết quả trước ngày 15/12/2025", dt.date(2025, 12, 15)),
    ("hoàn thành trong Quý IV/2025", dt.date(2025, 12, 31)),
    ("hoàn thành trong quý III năm 2025", dt.date(2025, 9, 30)),
    ("tổ chức trong tháng 3/2025", dt.date(2025, 3, 31)),
    ("chậm nhất ngày 20 tháng 11 năm 2025", dt.date(2025, 11, 20)),
    ("tập trung từ ngày 15/10 đến ngày 15/11/2025", dt.date(2025, 11, 15)),
    ("thực hiện đến hết tháng 3/2025", dt.date(2025, 3, 31)),
    ("hoàn thành trong năm 2025", dt.date(2025, 12, 31)),
])
def test_a_deadline_is_its_last_day(clause, due):
    assert [d.due for d in deadlines(clause, 2025)] == [due]


def test_a_day_without_its_year_takes_the_parents_and_says_so():
    (d,) = deadlines("báo cáo 6 tháng trước ngày 15/6", 2025)
    assert d.due == dt.date(2025, 6, 15)
    assert "the day is given without its year: 2025 assumed" in d.review


def test_a_recurring_report_keeps_each_date_and_is_noted():
    found = deadlines("báo cáo định kỳ 6 tháng (trước ngày 15/6/2025) và báo cáo năm (trước ngày 15/12/2025)", 2025)
    assert [d.due for d in found] == [dt.date(2025, 6, 15), dt.date(2025, 12, 15)]
    assert all(any(note.startswith("a recurring report") for note in d.review) for d in found)


def test_the_last_month_of_each_quarter_gives_the_first_quarters_date():
    (d,) = deadlines("báo cáo hằng quý trước ngày 15 của tháng cuối quý", 2025)
    assert d.due == dt.date(2025, 3, 15) and any("every quarter" in note for note in d.review)


@pytest.mark.parametrize("clause", [
    "các nhiệm vụ trong năm 2025",  # the plan's period
    "số liệu tính từ ngày 15/11/2024 đến ngày 14/11/2025",  # a period of data
    "hưởng ứng Ngày Chuyển đổi số quốc gia (10/10/2025)",  # a date, no deadline
])
def test_a_period_or_a_date_is_no_deadline(clause):
    assert deadlines(clause, 2025) == []


def test_each_deadline_of_a_reporting_duty_names_the_report_and_the_body():
    reqs = profile("III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành báo cáo kết quả 6 tháng trước ngày 15/6/2025 và báo "
                   "cáo năm trước ngày 15/12/2025 về Sở Nội vụ.\n")
    duty, six, year = reqs
    assert (duty["kind"], duty["rule"], duty["mandatory"]) == ("duty", "C305", True)
    assert six["evidence"] == {"all_of": [["báo cáo 6 tháng"], ["Sở Nội vụ"]], "due": "2025-06-15"}
    assert year["evidence"] == {"all_of": [["báo cáo năm"], ["Sở Nội vụ"]], "due": "2025-12-15"}
    assert year["text"] == "Báo cáo năm trước ngày 15/12/2025"


def test_a_task_deadline_in_the_content_part_carries_the_tasks_phrases():
    reqs = profile("II. NỘI DUNG\n1. Công bố danh mục dữ liệu mở của tỉnh trước ngày 30/6/2025.\n")
    assert [r["kind"] for r in reqs] == ["content", "deadline"]
    assert reqs[1]["evidence"]["all_of"] == reqs[0]["evidence"]["all_of"] == [["Công bố danh mục dữ liệu mở"]]


# --------------------------------------------------------------------------- duties and provenance


def test_a_duty_of_one_body_is_optional_and_its_phrases_leave_the_body_out():
    r = one("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\nTham mưu bố trí kinh phí thực hiện Kế hoạch.\n")
    assert (r["kind"], r["mandatory"]) == ("duty", False)
    assert "addressed to Sở Tài chính alone: optional in other units' plans" in r["review"]
    assert not any("Sở Tài chính" in p for p in phrases(r))


def test_a_request_to_bodies_the_issuer_does_not_direct_is_optional():
    r = one("III. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền CCHC "
            "cho đoàn viên, hội viên.\n")
    assert r["mandatory"] is False and any(note.startswith("a request (đề nghị)") for note in r["review"])


def test_provenance_gives_the_printed_place_and_the_span_read():
    text = HEADER + "II. NỘI DUNG\n1. Nội dung\na) Cải cách thể chế.\nb) Đề án 06/CP về dữ liệu dân cư.\n"
    p = profile_to_dict(derive(vnplan.parse(text)))
    r = p["requirements"][2]
    assert r["provenance"]["where"] == "mục II.1.b"
    span = r["provenance"]["span"]
    assert vnplan.read(text).blocks[span["block"]].text[span["start"] : span["end"]] == "Đề án 06/CP về dữ liệu dân cư"


# --------------------------------------------------------------------------- the subject and names


def test_the_subject_comes_from_the_title_and_the_parents_definitions():
    p = derive(vnplan.parse(HEADER + "II. NỘI DUNG\n1. Tuyên truyền trên mạng xã hội.\n"))
    assert p.requirements[1].evidence.all_of[-1][:2] == ("cải cách hành chính", "CCHC")
    assert dict(p.abbreviations) == {"CCHC": "cải cách hành chính"}


def test_without_a_title_the_opening_sentence_names_the_subject():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN HÀ\nSố: 8/KH-UBND\nSơn Hà, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\n"
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác bình đẳng giới (BĐG) năm 2025 như sau:\n"
            "I. NỘI DUNG\n1. Tuyên truyền trên mạng xã hội.\n")
    p = derive(vnplan.parse(text))
    assert p.requirements[1].evidence.all_of[-1] == ("bình đẳng giới", "BĐG")


def test_a_body_named_with_va_or_a_dash_stays_whole():
    r = one("III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành báo cáo kết quả năm trước ngày 15/12/2025 về Sở Lao động - "
            "Thương binh và Xã hội.\n", "duty")
    assert r["evidence"]["all_of"][1] == ["Sở Lao động - Thương binh và Xã hội"]


def test_the_units_a_target_counts_are_left_out_even_without_a_verb():
    r = one("II. CHỈ TIÊU\n1. 100% sở, ban, ngành, UBND các huyện có lãnh đạo chủ chốt là nữ.\n")
    assert r["evidence"]["all_of"] == [["lãnh đạo chủ chốt là nữ"]]


def test_an_index_counts_anywhere_and_an_indicator_takes_the_registers_other_words():
    reqs = profile("II. NỘI DUNG\n1. Chỉ số hài lòng của người dân, tổ chức (SIPAS) và giải pháp nâng cao chỉ số.\n"
                   "2. Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt trên 98%.\n")
    index = next(r for r in reqs if r["kind"] == "content")
    assert index["where"] == "any"  # units name the indices they aim to raise in their purpose too
    on_time = next(r for r in reqs if r["kind"] == "target")
    assert {"trước hạn", "trong thời hạn"} <= set(phrases(on_time))  # the lexicon's on-time family


def test_a_derived_profile_names_its_subject():
    p = profile_to_dict(derive(vnplan.parse(HEADER + "II. NỘI DUNG\n1. Cải cách thể chế.\n")))
    assert p["subject"][:2] == ["cải cách hành chính", "CCHC"]


UNIT = """ỦY BAN NHÂN DÂN
XÃ TÂN HÀ
Số: 3/KH-UBND
Tân Hà, ngày 20 tháng 01 năm 2025
KẾ HOẠCH
{title}
Thực hiện Kế hoạch số 7/KH-UBND ngày 10/01/2025 của UBND tỉnh Sơn Hà;
II. NỘI DUNG
1. {task}
"""


@pytest.mark.parametrize(("title", "task", "status"), [
    ("Tuyên truyền cải cách hành chính năm 2025", "Tổ chức hội nghị cán bộ, công chức xã, xong trước ngày 20/3/2025.", "met"),
    ("Tuyên truyền cải cách hành chính năm 2025", "Tổ chức hội nghị cán bộ, công chức xã trong Quý II/2025.", "partial"),
    ("Công tác năm 2025", "Tổ chức hội nghị cán bộ, công chức xã, xong trước ngày 20/3/2025.", "missing"),
])
def test_a_task_deadline_needs_the_subject_in_its_clause_only_when_the_unit_plans_title_does_not_name_it(
        title: str, task: str, status: str) -> None:
    parent = derive(vnplan.parse(HEADER + "II. NỘI DUNG\n1. Tổ chức hội nghị cán bộ, công chức, viên chức tại các "
                                 "cơ quan, đơn vị, hoàn thành trước ngày 31/3/2025.\n"))
    dl = next(r for r in parent.requirements if r.kind == "deadline")
    assert dl.evidence.all_of[-1][:2] == ("cải cách hành chính", "CCHC")  # the subject, as the last group
    cov = vnplan.comply(vnplan.parse(UNIT.format(title=title, task=task)), parent)
    assert next(r for r in cov.requirements if r.id == dl.id).status == status


def test_a_name_that_lists_its_members_is_one_phrase_and_no_bare_member_stands_for_it():
    r = one("II. NỘI DUNG\n1. Tổ chức hội nghị cán bộ, công chức, viên chức tại các cơ quan, đơn vị.\n", "form")
    assert r["evidence"]["all_of"][0][0] == "hội nghị cán bộ, công chức, viên chức"
    assert "hội nghị viên chức" in phrases(r)  # the family's other names, as written by a public service unit
    assert not {"công chức", "hội nghị cán bộ"} & set(phrases(r))


def test_a_deadline_of_a_task_naming_staff_is_no_deadline_of_their_conference():
    parent = derive(vnplan.parse(HEADER + "II. NỘI DUNG\n1. Tổ chức hội nghị cán bộ, công chức, viên chức tại các "
                                 "cơ quan, đơn vị, hoàn thành trước ngày 31/3/2025.\n"))
    dl = next(r for r in parent.requirements if r.kind == "deadline")
    task = ("Tổ chức Hội nghị cán bộ, công chức xã, xong trước ngày 20/3/2025.\n"
            "2. Công chức Văn phòng tổng hợp kết quả, báo cáo trước ngày 10/12/2025.")
    cov = vnplan.comply(vnplan.parse(UNIT.format(title="Tuyên truyền cải cách hành chính năm 2025", task=task)), parent)
    assert next(r for r in cov.requirements if r.id == dl.id).status == "met"


@pytest.mark.parametrize("owner", ["tại địa phương", "tại cơ quan, đơn vị", "của cơ quan, đơn vị"])
def test_the_duty_to_plan_for_ones_own_place_is_met_by_the_unit_plan_itself(owner: str) -> None:
    r = one(f"III. TỔ CHỨC THỰC HIỆN\n1. UBND các xã, thị trấn xây dựng kế hoạch thực hiện {owner}.\n", "duty")
    assert r["evidence"]["all_of"] == [["kế hoạch cải cách hành chính", "kế hoạch CCHC"]]  # the unit plan's title
    assert r["where"] == "any" and any(note.startswith("met by the unit plan itself") for note in r["review"])
