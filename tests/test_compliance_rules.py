"""Rules C301–C306: registered, need a profile, speak Vietnamese and English; the coverage views."""

from __future__ import annotations

import pytest

import vnplan
from vnplan.model import Coverage, Evidence, RequirementResult, Span
from vnplan.report.coverage import render_coverage
from vnplan.rules.registry import rules
from vnplan.rules.runner import check
from vnplan.serialize import coverage_to_dict

PROFILE = "bacgiang-14-KH-UBND-2024"


def test_c301_to_c306_are_registered_and_need_a_profile():
    ours = {r.id: r for r in rules() if r.id.startswith("C3")}
    assert sorted(ours) == ["C301", "C302", "C303", "C304", "C305", "C306"]
    assert all(r.needs_profile and r.message_vi and r.message_en and r.source for r in ours.values())


def test_without_a_profile_no_compliance_rule_runs(reference_plan):
    report = check(reference_plan)
    assert report.coverage is None
    assert not any(f.rule.startswith("C3") for f in report.findings)


def test_findings_are_in_english_on_request(reference_path):
    text = reference_path.read_text(encoding="utf-8").replace("đạt trên 90%", "đạt trên 80%")
    report = check(vnplan.parse(text), profile=PROFILE, lang="en")
    f = report.by_rule("C304")[0]
    assert f.message.startswith("Target BG14-T-LUANCHUYEN is weaker than the parent's: above 80%")
    assert f.line is not None and f.severity == "error"


def test_select_and_ignore_work_on_compliance_rules(reference_path):
    text = reference_path.read_text(encoding="utf-8").replace("đạt trên 90%", "đạt trên 80%")
    plan = vnplan.parse(text)
    assert check(plan, profile=PROFILE, ignore=["C304"]).by_rule("C304") == ()
    assert {f.rule for f in check(plan, profile=PROFILE, select=["C3"]).findings} == {"C304"}


def _cov() -> Coverage:
    ev = Evidence("cải cách thể chế", Span(3, 5, 21), ("cải cách thể chế",), line=12, location="dòng 12")
    return Coverage(profile="p", score=0.5, requirements=(
        RequirementResult(id="A", kind="content", text="Cải cách thể chế", status="met", score=1.0, evidence=(ev,)),
        RequirementResult(id="B", kind="target", text="Thanh toán trực tuyến trên 70%", status="missing", score=0.0,
                          note="không thấy chỉ tiêu", note_en="target not found"),
    ))


def test_coverage_to_dict_keeps_the_contract_names():
    d = coverage_to_dict(_cov())
    assert (d["profile"], d["score"]) == ("p", 0.5)
    a, b = d["requirements"]
    assert {k: a[k] for k in ("id", "kind", "text", "status")} == {"id": "A", "kind": "content",
                                                                     "text": "Cải cách thể chế", "status": "met"}
    assert a["evidence"][0]["text"] == "cải cách thể chế"
    assert a["evidence"][0]["span"] == {"block": 3, "start": 5, "end": 21}
    assert b["evidence"] == [] and d["missing_mandatory"] is True


@pytest.mark.parametrize(("lang", "words"), [("vi", ("Đạt", "Chưa có", "dòng 12", "không thấy chỉ tiêu")),
                                             ("en", ("met", "missing", "line 12", "target not found"))])
def test_coverage_renders_a_table_a_clerk_reads(lang, words):
    text = render_coverage(_cov(), lang)
    for w in words:
        assert w in text
    assert "50%" in text.splitlines()[0]
