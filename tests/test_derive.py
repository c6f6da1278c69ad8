"""Deriving a draft profile from a parent plan: the synthetic parent in samples/ gives the profile we expect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vnplan
from vnplan.errors import ProfileError
from vnplan.profiles import profile_to_dict, validate
from vnplan.profiles.derive import derive, key_phrase

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "samples" / "synthetic-parent-kh-tuyen-truyen-cchc-2025.txt"
EXPECTED = Path(__file__).parent / "data" / "synthetic-parent-kh-tuyen-truyen-cchc-2025.profile.json"


@pytest.fixture(scope="module")
def derived() -> dict:
    return profile_to_dict(derive(vnplan.parse(PARENT)))


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def _by_text(profile: dict, words: str) -> dict:
    return next(r for r in profile["requirements"] if words.lower() in r["text"].lower())


def test_the_derived_profile_is_valid(derived):
    validate(derived)


def test_the_parent_document_matches_field_by_field(derived, expected):
    for field in ("type", "number", "symbol", "date", "issuer", "title", "issuer_aliases"):
        assert derived["parent"].get(field) == expected["parent"].get(field), field
    assert derived["parent"]["date"] == "2025-02-15"
    assert derived["parent"]["issuer"] == "Ủy ban nhân dân tỉnh Sơn Hà"


def test_the_requirements_match_field_by_field(derived, expected):
    assert [r["id"] for r in derived["requirements"]] == [r["id"] for r in expected["requirements"]]
    for got, want in zip(derived["requirements"], expected["requirements"]):
        for field in ("kind", "text", "where", "mandatory", "rule", "evidence", "provenance", "review"):
            assert got.get(field) == want.get(field), (want["id"], field)


def test_the_expected_profile_has_each_kind_the_issue_asks_for(expected):
    kinds = {r["kind"] for r in expected["requirements"]}
    assert kinds == {"citation", "content", "form", "target", "duty", "deadline", "theme"}
    targets = {r["text"]: (r["evidence"]["comparator"], r["evidence"]["threshold"]) for r in expected["requirements"]
               if r["kind"] == "target"}
    assert targets["Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận đạt trên 80%"] == (">", 80)
    assert targets["Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch thanh toán của dịch vụ công đạt tối thiểu 75%"] == (">=", 75)
    dues = {r["evidence"]["due"] for r in expected["requirements"] if r["kind"] == "deadline"}
    assert dues == {"2025-03-15", "2025-12-10"}


def test_the_parent_names_its_subject_and_its_abbreviations_are_the_profiles(derived):
    assert derived["abbreviations"] == {"CCHC": "cải cách hành chính"}
    assert "subject: cải cách hành chính / CCHC" in derived["description"]


def test_every_requirement_but_the_citation_says_which_item_it_comes_from(derived):
    doc = vnplan.read(PARENT)
    for r in derived["requirements"][1:]:
        prov = r["provenance"]
        assert prov["where"].startswith("mục "), r["id"]
        span = prov["span"]
        quoted = doc.blocks[span["block"]].text[span["start"] : span["end"]]
        assert quoted and quoted.split()[0].lower() in r["text"].lower(), (r["id"], quoted)


def test_duties_addressed_to_one_agency_are_optional_and_say_so(derived):
    duty = _by_text(derived, "Sở Nội vụ chủ trì")
    assert duty["kind"] == "duty" and duty["mandatory"] is False
    assert "addressed to Sở Nội vụ alone: optional in other units' plans" in duty["review"]
    assert _by_text(derived, "phân công cụ thể")["mandatory"] is True  # addressed to every sở, ngành, huyện


def test_the_duty_to_issue_the_unit_plan_is_met_by_the_plan_itself(derived):
    own = _by_text(derived, "xây dựng kế hoạch tuyên truyền CCHC")
    assert own["kind"] == "duty" and own["where"] == "any"
    assert own["evidence"]["all_of"] == [["kế hoạch cải cách hành chính", "kế hoạch CCHC"]]
    deadline = next(r for r in derived["requirements"] if r["kind"] == "deadline" and r["evidence"]["due"] == "2025-03-15")
    assert deadline["mandatory"] is False  # the unit plan's date of issue is the evidence, which vnplan does not compare


def test_the_reporting_duty_names_the_body_reported_to(derived):
    report = next(r for r in derived["requirements"] if r.get("rule") == "C305" and r["mandatory"])
    assert report["evidence"]["all_of"] == [["báo cáo kết quả"], ["Sở Nội vụ"]]


def test_the_parent_matched_against_its_own_profile_is_met_but_for_the_citation(derived):
    # the parent is not a unit plan (it does not cite itself), but its content and forms are its own
    cov = vnplan.comply(vnplan.parse(PARENT), derived)
    assert {r.id for r in cov.requirements if r.status != "met"} == {"CIT01"}


def test_a_parent_without_a_number_cannot_give_a_profile():
    with pytest.raises(ProfileError):
        derive(vnplan.parse("KẾ HOẠCH\nThử nghiệm\nI. NỘI DUNG\n1. Cải cách thể chế.\n"))


@pytest.mark.parametrize(("title", "phrase"), [
    ("Tiếp tục tuyên truyền các quan điểm, chủ trương của Đảng", "quan điểm"),
    ("Cải cách thể chế: tuyên truyền việc xây dựng văn bản", "Cải cách thể chế"),
    ("Đẩy mạnh chuyển đổi số năm 2025", "chuyển đổi số"),
])
def test_key_phrases_drop_leading_verbs_and_cut_at_the_first_comma(title, phrase):
    assert key_phrase(title) == phrase


def test_a_profile_id_is_ascii_even_when_the_symbol_is_not():
    text = "BỘ NỘI VỤ\nSố: 35/QĐ-BNV\nHà Nội, ngày 22 tháng 01 năm 2024\nQUYẾT ĐỊNH\nBan hành Kế hoạch\nI. NỘI DUNG\n1. Cải cách thể chế.\n"
    p = derive(vnplan.parse(text))
    assert p.id == "hanoi-35-QD-BNV-2024"
    validate(profile_to_dict(p))
