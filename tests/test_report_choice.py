"""vnplan.report chooses the renderer: one table of kinds and formats, a batch's format from its file name."""

from __future__ import annotations

import json

import pytest

import vnplan
from vnplan.errors import UsageError
from vnplan.report import RENDERERS, format_for, formats, iter_batch, render
from vnplan.rules.registry import rules


def test_every_kind_has_a_text_and_a_json_view_and_check_has_sarif() -> None:
    for kind in RENDERERS:
        assert {"text", "json"} <= set(formats(kind)), kind
    assert formats("check") == ("json", "text", "sarif")


def test_render_picks_the_view_by_kind_and_format(reference_plan) -> None:  # type: ignore[no-untyped-def]
    report = vnplan.check(reference_plan)
    assert json.loads(render("plan", reference_plan, "json"))["schema"] == "vnplan/plan/1"
    assert json.loads(render("check", report, "json"))["schema"] == "vnplan/report/1"
    assert json.loads(render("check", report, "sarif"))["version"] == "2.1.0"
    assert render("rules", rules(), "text", lang="en").count("source:") >= 1
    assert "căn cứ:" in render("rules", rules(), "text", lang="vi")


def test_an_unknown_format_is_a_usage_error_naming_the_ones_there_are(reference_plan) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="use json or text"):
        render("plan", reference_plan, "sarif")
    with pytest.raises(UsageError, match="batch report"):
        iter_batch([], "docx")


@pytest.mark.parametrize(("output", "fmt", "expected"), [
    (None, None, "text"), ("-", None, "text"), ("r.JSON", None, "json"), ("r.htm", None, "html"),
    ("r.csv", None, "csv"), ("r.text", None, "text"), ("r.xlsx", "json", "json"),
    ("r.XLSX", None, "xlsx"),
])
def test_a_batch_reports_format_comes_from_the_option_else_the_suffix(output, fmt, expected) -> None:  # type: ignore[no-untyped-def]
    assert format_for(output, fmt) == expected


def test_a_suffix_that_names_no_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="cannot tell the report format"):
        format_for("r.ods", None)
