"""The reference plan against the shipped profile, and variants of it each with one planted defect.

The reference plan is the real implementing plan of Kế hoạch 14/KH-UBND: every requirement of
the shipped profile is met. Each variant edits its text in one place; the right rule, and no
other compliance rule, must report it.
"""

from __future__ import annotations

import pytest

import vnplan
from vnplan.rules.runner import check

PROFILE = "bacgiang-14-KH-UBND-2024"


@pytest.fixture(scope="module")
def reference_text(reference_path) -> str:  # type: ignore[no-untyped-def]
    return reference_path.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"edit anchor must occur once: {old!r} ({text.count(old)} times)"
    return text.replace(old, new)


def remove_between(text: str, start: str, end: str) -> str:
    """Remove from ``start`` (included) up to ``end`` (excluded)."""
    a = text.index(start)
    b = text.index(end, a)
    return text[:a] + text[b:]


def c_rules(report) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in report.findings if f.rule.startswith("C3")}


def test_the_reference_plan_meets_every_requirement(reference_plan):
    report = check(reference_plan, profile=PROFILE)
    cov = report.coverage
    assert [r.id for r in cov.requirements if r.status != "met"] == []
    assert cov.score == 1.0
    assert c_rules(report) == set()
    assert all(r.evidence for r in cov.requirements)


def test_every_piece_of_evidence_quotes_exactly_the_text_its_span_covers(reference_plan):
    cov = check(reference_plan, profile=PROFILE).coverage
    for r in cov.requirements:
        for ev in r.evidence:
            assert reference_plan.span_text(ev.span) == ev.text, r.id
            assert ev.line is not None


# (name, edit function, the one rule expected, the requirement expected not met, why)
VARIANTS = [
    ("topic removed: cải cách tài chính công",
     lambda t: remove_between(edit(t, "cải cách tài chính công; ", ""), "- Cải cách tài chính công:", "- Xây dựng và phát triển"),
     "C302", "BG14-CCHC-TAICHINH", "not_found"),
    ("topic removed: cải cách thể chế",
     lambda t: remove_between(edit(t, "đó là: cải cách thể chế; ", "đó là: "), "- Cải cách thể chế:", "- Cải cách TTHC:"),
     "C302", "BG14-CCHC-THECHE", "not_found"),
    # both mentions go: the purpose (part I) names the index in words too, and the profile accepts indices there
    ("index removed: SIPAS",
     lambda t: edit(edit(t, ", Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan HCNN (SIPAS) tỉnh", " tỉnh"),
                    ", Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (HCNN) của tỉnh",
                    " của tỉnh"),
     "C302", "BG14-IDX-SIPAS", "not_found"),
    ("the 2024 theme dropped",
     lambda t: edit(t, ': "Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả bền vững"', ""),
     "C302", "BG14-THEME", "not_found"),
    ("target weakened: electronic transfer 90% -> 80%",
     lambda t: edit(t, "phương thức điện tử đạt trên 90%", "phương thức điện tử đạt trên 80%"),
     "C304", "BG14-T-LUANCHUYEN", "weaker"),
    ("target weakened: on-time rate 100% -> 95%",
     lambda t: edit(t, "trước hạn đạt 100%", "trước hạn đạt 95%"),
     "C304", "BG14-T-DUNGHAN", "weaker"),
    ("target removed: reuse of digitised data",
     lambda t: edit(t, "; tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hoá đạt trên 60%", ""),
     "C304", "BG14-T-SOHOA", "not_found"),
    ("parent cited with a wrong date",
     lambda t: edit(t, "14/KH-UBND ngày 21/01/2024", "14/KH-UBND ngày 22/01/2024"),
     "C301", "BG14-CIT", "wrong_date"),
    ("parent cited with a wrong number",
     lambda t: edit(t, "Kế hoạch số 14/KH-UBND", "Kế hoạch số 41/KH-UBND"),
     "C301", "BG14-CIT", "wrong_number"),
    ("parent cited with a wrong issuer",
     lambda t: edit(t, "của Chủ tịch UBND tỉnh Bắc Giang về", "của Chủ tịch UBND tỉnh Bắc Ninh về"),
     "C301", "BG14-CIT", "wrong_issuer"),
    ("parent not cited at all",
     lambda t: edit(t, "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của Chủ tịch UBND tỉnh Bắc Giang về tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024; Sở",
                    "Căn cứ chức năng, nhiệm vụ được giao; Sở"),
     "C301", "BG14-CIT", "not_cited"),
    ("form removed: conferences",
     lambda t: remove_between(t, "4. Tuyên truyền thông qua các hội nghị", "IV. TỔ CHỨC THỰC HIỆN"),
     "C303", "BG14-F-HOINGHI", "outside_part"),
    ("form removed: publications",
     lambda t: edit(remove_between(t, "3. Tuyên truyền thông qua việc phát hành", "4. Tuyên truyền thông qua các hội nghị"),
                    "4. Tuyên truyền thông qua các hội nghị", "3. Tuyên truyền thông qua các hội nghị"),
     "C303", "BG14-F-ANPHAM", "not_found"),  # "tài liệu" alone (tài liệu lưu trữ) is no publication
    ("reporting duty removed",
     lambda t: edit(t, "; tổng hợp kết quả, thực hiện chế độ báo cáo theo đúng quy định./.", "./."),
     "C305", "BG14-D-BAOCAO", "not_found"),
    ("deadline later than the parent's",
     lambda t: edit(t, "thực hiện chế độ báo cáo theo đúng quy định./.",
                    "thực hiện chế độ báo cáo theo đúng quy định; hoàn thành các nội dung tuyên truyền trước ngày 31/3/2025./."),
     "C305", "BG14-DL-2024", "later"),
    ("topic only as a placeholder (skeleton not filled in)",
     lambda t: edit(remove_between(edit(t, "đó là: cải cách thể chế; ", "đó là: "), "- Cải cách thể chế:", "- Cải cách TTHC:"),
                    "- Cải cách TTHC:", "- Cải cách thể chế: [Nội dung của đơn vị]\n\n- Cải cách TTHC:"),
     "C302", "BG14-CCHC-THECHE", "placeholder"),
    # moved into the forms part: the purpose (part I) is a part the profile accepts for content topics
    ("topic moved out of the content part",
     lambda t: edit(remove_between(edit(t, "đó là: cải cách thể chế; ", "đó là: "), "- Cải cách thể chế:", "- Cải cách TTHC:"),
                    "IV. TỔ CHỨC THỰC HIỆN", "- Chú trọng cải cách thể chế của tỉnh.\n\nIV. TỔ CHỨC THỰC HIỆN"),
     "C302", "BG14-CCHC-THECHE", "outside_part"),
    ("implementation section removed",
     lambda t: remove_between(t, "IV. TỔ CHỨC THỰC HIỆN", "Nơi nhận:"),
     "C306", "BG14-D-TRIENKHAI", "outside_part"),
    ("implementation without assignments",
     lambda t: remove_between(t, "1. Các phòng, đơn vị thuộc Sở có trách nhiệm", "Nơi nhận:").replace(
         "IV. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN\n\nKế hoạch được thực hiện trong năm 2024 bằng nguồn kinh phí thường xuyên, tổng hợp kết quả và báo cáo theo quy định./."),
     "C306", "BG14-D-THEODOI", "outside_part"),
]


@pytest.mark.parametrize(("name", "mutate", "rule_id", "req_id", "reason"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_a_planted_defect_is_caught_by_its_rule_alone(reference_text, name, mutate, rule_id, req_id, reason):
    text = mutate(reference_text)
    assert text != reference_text
    report = check(vnplan.parse(text), profile=PROFILE)
    assert c_rules(report) == {rule_id}, [f"{f.rule}: {f.message}" for f in report.findings]
    result = next(r for r in report.coverage.requirements if r.id == req_id)
    assert result.status != "met"
    assert result.reason == reason
    assert report.coverage.score < 1.0


def test_there_are_at_least_twelve_variants():
    assert len(VARIANTS) >= 12
    assert {v[2] for v in VARIANTS} == {"C301", "C302", "C303", "C304", "C305", "C306"}


def test_a_unit_plan_in_other_words_meets_the_profile_too():
    """A synthetic district plan (tests/data/synthetic-unit-…; not a real document) says the same things in
    its own words (with the difficulties beside the good examples, and TTHC posted at the one-stop shop as
    well as on the website, which the rubric of docs/compliance.md asks for): *Căn cứ* instead of *Thực hiện*, the date in words, ``cải cách về thể chế``, its own
    abbreviation ``CQS``, ``CB, CC, VC``, old tone placement ``số hoá``, ``tờ gấp, pa nô``, figures above
    the parent's (92% > 90%)."""
    from pathlib import Path

    path = Path(__file__).parent / "data" / "synthetic-unit-kh-tuyen-truyen-cchc-2024.txt"
    plan = vnplan.parse(path)
    report = check(plan, profile=PROFILE)
    assert [r.id for r in report.coverage.requirements if r.status != "met"] == []
    assert c_rules(report) == set()
    ev = {r.id: r.evidence for r in report.coverage.requirements}
    assert "Cải cách về thể chế" in ev["BG14-CCHC-THECHE"][0].text
    assert "CQS" in " ".join(e.text for e in ev["BG14-CCHC-CQS"])
    assert "số hóa đạt trên 65%" in ev["BG14-T-SOHOA"][0].text  # the reader moved the tone mark
    assert "21 tháng 01 năm 2024" in ev["BG14-CIT"][0].text
