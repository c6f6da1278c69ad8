"""The result types (vnplan.results) and their one JSON converter (vnplan.serialize)."""

from __future__ import annotations

import pytest

from vnplan.model import Coverage, Evidence, RequirementResult, Span
from vnplan.results import DocumentRow, Finding, PlanResult, Report, WrongDate
from vnplan.serialize import (
    converter,
    coverage_summary,
    coverage_to_dict,
    document_row_to_dict,
    finding_to_dict,
    plan_result_to_dict,
    report_to_dict,
    wrong_date_to_dict,
)


def finding(severity: str) -> Finding:
    return Finding(rule="F111", severity=severity, message="m", name="required-parts", part="body",  # type: ignore[arg-type]
                   span=Span(2, 0, 3), line=3)


def coverage(status: str, mandatory: bool = True) -> Coverage:
    ev = (Evidence("cải cách", Span(4, 1, 9), ("cải cách",), line=5, location="dòng 5"),) if status == "met" else ()
    req = RequirementResult(id="A", kind="content", text="Cải cách", status=status, score=1.0 if ev else 0.123456,
                            mandatory=mandatory, evidence=ev)
    return Coverage(profile="p", score=req.score, requirements=(req,))


@pytest.mark.parametrize(("findings", "cov", "failing"), [
    ((), None, False),
    ((finding("warning"), finding("info")), None, False),
    ((finding("error"),), None, True),
    ((), coverage("missing"), True),
    ((), coverage("missing", mandatory=False), False),
    ((finding("warning"),), coverage("met"), False),
])
def test_a_report_fails_on_an_error_or_a_missing_mandatory_requirement_and_a_batch_row_agrees(findings, cov, failing):
    report = Report(findings=findings, coverage=cov)
    assert report.failing is failing
    row = PlanResult(file="a.txt", unit="a", counts=report.counts(), findings=findings, coverage=cov)
    assert row.failing is failing and row.status == ("fail" if failing else "ok")
    assert PlanResult(file="a.txt", unit="a", error="unreadable").status == "error"


def test_the_converter_gives_every_result_type_its_one_json_form():
    cov = coverage("met")
    report = Report(findings=(finding("error"),), path="a.txt", coverage=cov)
    row = DocumentRow(id=1, sha256="ab", path="/a.txt", unit="Sở", number="1", symbol="KH-S", date=None, title=None,
                      status="ok", errors=0, score=None, error=None, checked_at="t", date_parts=(2024, 2, None))
    wrong = WrongDate(document=row, cited="Kế hoạch số 1/KH-S ngày 2/2/2024", cited_date="2024-02-02")
    result = PlanResult(file="a.txt", unit="Sở", findings=report.findings, coverage=cov)
    assert converter.unstructure(report) == report_to_dict(report)
    assert converter.unstructure(report.findings[0]) == finding_to_dict(report.findings[0])
    assert converter.unstructure(cov) == coverage_to_dict(cov)
    assert converter.unstructure(result) == plan_result_to_dict(result)
    assert converter.unstructure(row) == document_row_to_dict(row)
    assert converter.unstructure(wrong) == wrong_date_to_dict(wrong)
    assert document_row_to_dict(row)["date_parts"] == {"year": 2024, "month": 2, "day": None}


def test_a_batch_keeps_a_summary_of_the_coverage_with_the_same_spans_and_rounded_scores():
    full = coverage_to_dict(coverage("missing"))
    short = coverage_summary(coverage("missing"))
    assert list(short) == ["profile", "score", "missing_mandatory", "requirements"]
    assert list(short["requirements"][0]) == ["id", "kind", "status", "score", "mandatory", "note", "evidence"]
    assert short["score"] == round(full["score"], 4) == 0.1235
    met = coverage_summary(coverage("met"))["requirements"][0]["evidence"][0]
    assert met == {"text": "cải cách", "span": {"block": 4, "start": 1, "end": 9}, "matched": ["cải cách"]}
