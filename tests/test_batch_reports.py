"""Batch reports: JSON (schema), CSV (one column per requirement, BOM), self-contained HTML, text."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import attrs
import jsonschema
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnplan.batch import Spool
from vnplan.data import load_schema
from vnplan.model import Coverage, Evidence, RequirementResult, Span
from vnplan.report.batch import render_text
from vnplan.report.csv import FIXED_COLUMNS, render_csv
from vnplan.report.html import render_html
from vnplan.report.json import iter_json
from vnplan.results import Finding, PlanResult, matrix, summary
from vnplan.serialize import batch_to_dict, plan_result_to_dict

REQS = (
    ("CIT", "citation", "Viện dẫn Kế hoạch 14/KH-UBND <đúng ngày>", True),
    ("C-ND", "content", "Tuyên truyền cải cách thể chế & TTHC", True),
    ("F&1", "form", "Tuyên truyền trên Cổng TTĐT", False),
)


def cov(*statuses: str, profile: str = "bacgiang-14-KH-UBND-2024") -> Coverage:
    score = {"met": 1.0, "partial": 0.5, "missing": 0.0, "placeholder": 0.0}
    reqs = tuple(
        RequirementResult(
            id=i, kind=k, text=t, status=s, score=score[s], mandatory=m,
            evidence=(Evidence(text=f"<b>bằng chứng</b> cho {i}", span=Span(3, 0, 10), matched=("cải cách",)),)
            if s in ("met", "partial") else (),
            note=None if s == "met" else f"thiếu “{i}”",
        )
        for (i, k, t, m), s in zip(REQS, statuses)
    )
    return Coverage(profile=profile, score=sum(r.score for r in reqs) / len(reqs), requirements=reqs)


def result(file: str, unit: str, coverage: Coverage | None, errors: int = 0, error: str | None = None) -> PlanResult:
    findings = tuple(
        Finding(rule="F111", severity="error", message="Kế hoạch thiếu phần “<tổ chức thực hiện>”.",
                name="required-parts", part="body", span=Span(5, 0, 3), line=12)
        for _ in range(errors)
    )
    if error is not None:
        return PlanResult(file=file, unit=unit, sha256="0" * 64, error=error, error_type="CorruptFileError")
    header = {"parent_authority": "UBND TỈNH BẮC GIANG", "authority": unit, "number": "12", "symbol": "KH-STP",
              "place": "Bắc Giang", "date": "2024-02-15", "date_parts": {"year": 2024, "month": 2, "day": 15},
              "doc_type": "Kế hoạch", "title": "Tuyên truyền CCHC năm 2024"}
    return PlanResult(file=file, unit=unit, unit_source="header", sha256="a" * 64, format="text", header=header,
                      counts={"error": errors, "warning": 0, "info": 0}, findings=findings, coverage=coverage,
                      citations=({"doc_type": "Kế hoạch", "number": "14", "symbol": "KH-UBND", "year": 2024,
                                  "date": "2024-01-21", "date_parts": {"year": 2024, "month": 1, "day": 21},
                                  "issuer": None, "kind": "full", "text": "Kế hoạch số 14/KH-UBND"},))


@pytest.fixture()
def rows() -> list[PlanResult]:
    return [
        result("a/stp.txt", "SỞ TƯ PHÁP", cov("met", "met", "met")),
        result("a/snv.txt", "SỞ NỘI VỤ <script>alert(1)</script>", cov("met", "missing", "partial")),
        result("a/syt.txt", "SỞ Y TẾ", cov("missing", "missing", "placeholder"), errors=1),
        result("a/bad.docx", "bad", None, error="the .docx is truncated <zip>"),
    ]


def test_the_matrix_has_one_row_per_plan_and_one_column_per_requirement(rows) -> None:  # type: ignore[no-untyped-def]
    ids, cells = matrix(rows)
    assert ids == ["CIT", "C-ND", "F&1"]
    assert cells == [["met", "met", "met"], ["met", "missing", "partial"],
                     ["missing", "missing", "placeholder"], [None, None, None]]


def test_status_counts_unreadable_files_and_missing_mandatory_requirements_as_failing(rows) -> None:  # type: ignore[no-untyped-def]
    assert [r.status for r in rows] == ["ok", "fail", "fail", "error"]
    only_optional_missing = result("x.txt", "X", cov("met", "met", "missing"))
    assert only_optional_missing.status == "ok"


def test_the_summary_counts_compliant_units_and_ranks_the_most_missed(rows) -> None:  # type: ignore[no-untyped-def]
    s = summary(rows)
    assert (s["plans"], s["checked"], s["unreadable"], s["failing"]) == (4, 3, 1, 2)
    assert (s["units"], s["units_compliant"]) == (3, 1)
    assert [(m["id"], m["missing"]) for m in s["most_missed"]] == [("C-ND", 2), ("CIT", 1)]


def test_a_unit_is_judged_on_its_latest_plan(rows) -> None:  # type: ignore[no-untyped-def]
    older = result("a/syt-old.txt", "Sở Y tế", cov("met", "met", "met"))
    older = attrs.evolve(older, header={**older.header, "date_parts": {"year": 2023, "month": 1, "day": 1}})
    s = summary([*rows, older])
    assert (s["units"], s["units_compliant"]) == (3, 1)  # SỞ Y TẾ's 2024 plan still fails


def test_json_follows_the_schema_and_holds_every_requirement_status(rows) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(batch_to_dict(rows)))
    jsonschema.validate(data, load_schema("batch"))
    assert data["profile"] == "bacgiang-14-KH-UBND-2024"
    assert [q["id"] for q in data["requirements"]] == ["CIT", "C-ND", "F&1"]
    statuses = [[q["status"] for q in p["coverage"]["requirements"]] if p["coverage"] else None for p in data["plans"]]
    assert statuses == [["met", "met", "met"], ["met", "missing", "partial"], ["missing", "missing", "placeholder"], None]
    assert data["plans"][3]["error"] == "the .docx is truncated <zip>" and data["plans"][3]["header"] is None
    assert data["plans"][2]["counts"] == {"error": 1, "warning": 0, "info": 0}


def test_the_schema_rejects_a_row_without_its_error(rows) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(batch_to_dict(rows)))
    data["plans"][3]["error"] = None
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema("batch"))


def test_csv_has_a_bom_one_row_per_plan_and_one_column_per_requirement(rows) -> None:  # type: ignore[no-untyped-def]
    text = render_csv(rows, lang="en")
    assert text.startswith("\ufeff") and "\r\n" in text
    table = list(csv.reader(io.StringIO(text[1:])))
    assert table[0] == [*FIXED_COLUMNS, "CIT", "C-ND", "F&1", "error"]
    body = [dict(zip(table[0], r)) for r in table[1:]]
    assert [(r["unit"], r["status"], r["CIT"], r["C-ND"], r["F&1"]) for r in body] == [
        ("SỞ TƯ PHÁP", "ok", "met", "met", "met"),
        ("SỞ NỘI VỤ <script>alert(1)</script>", "fail", "met", "missing", "partial"),
        ("SỞ Y TẾ", "fail", "missing", "missing", "placeholder"),
        ("bad", "error", "", "", ""),
    ]
    assert body[3]["error"] == "the .docx is truncated <zip>"
    assert body[0]["score"] == "1.0000" and body[0]["date"] == "2024-02-15"
    assert not render_csv(rows, bom=False, lang="en").startswith("\ufeff")


def _page(rows: list[PlanResult]):  # type: ignore[no-untyped-def]
    return lxml.html.document_fromstring(render_html(rows))


def test_html_is_self_contained(rows) -> None:  # type: ignore[no-untyped-def]
    html = render_html(rows)
    doc = lxml.html.document_fromstring(html)
    assert not doc.xpath("//script[@src] | //link | //img | //iframe | //object | //embed")
    assert "http://" not in html.replace('xmlns="http://', "") and "https://" not in html
    assert doc.xpath("//style") and doc.xpath("//script")


def test_html_escapes_text_from_the_documents(rows) -> None:  # type: ignore[no-untyped-def]
    doc = _page(rows)
    assert len(doc.xpath("//script")) == 1  # only vnplan's own sorting script
    assert not doc.xpath("//b")  # the evidence "<b>…</b>" stays text
    assert "SỞ NỘI VỤ <script>alert(1)</script>" in doc.text_content()


def test_html_matrix_colours_each_cell_and_links_it_to_the_details(rows) -> None:  # type: ignore[no-untyped-def]
    doc = _page(rows)
    heads = [th.get("data-id") for th in doc.xpath("//table[@id='matrix']/thead/tr/th")]
    assert heads[-3:] == ["CIT", "C-ND", "F&1"]
    body = doc.xpath("//table[@id='matrix']/tbody/tr")
    assert len(body) == 4
    classes = [[c.get("class").split()[-1] for c in tr.xpath("td")[-3:]] for tr in body]
    assert classes[:3] == [["met", "met", "met"], ["met", "missing", "partial"], ["missing", "missing", "placeholder"]]
    assert classes[3] == ["na", "na", "na"]
    ids = set(doc.xpath("//@id"))
    hrefs = doc.xpath("//a/@href")
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)
    # the CIT cell of the first plan leads to its evidence
    target = body[0].xpath("td")[-3].xpath("a/@href")[0][1:]
    assert "bằng chứng" in doc.get_element_by_id(target).text_content()
    # the error count of the third plan leads to its findings
    assert "F111" in doc.get_element_by_id(f"p2-f0").text_content()


def test_html_summary_names_every_unit_requirement_and_the_most_missed(rows) -> None:  # type: ignore[no-untyped-def]
    doc = _page(rows)
    text = doc.text_content()
    for r in rows:
        assert r.unit in text
    for i, _k, t, _m in REQS:
        assert i in text and t in text
    summary_rows = {tr.xpath("th")[0].text_content(): tr.xpath("td")[0].text_content()
                    for tr in doc.xpath("//table[@class='summary']//tr")}
    assert summary_rows["Đơn vị đạt yêu cầu"] == "1/3"
    assert "the .docx is truncated <zip>" in text


def test_html_without_a_profile_uses_the_rules_that_fired_as_columns() -> None:
    rows = [result("a.txt", "A", None, errors=2), result("b.txt", "B", None)]
    doc = _page(rows)
    heads = [th.get("data-id") for th in doc.xpath("//table[@id='matrix']/thead/tr/th")]
    assert heads[-1] == "F111"
    cells = [tr.xpath("td")[-1].text_content() for tr in doc.xpath("//table[@id='matrix']/tbody/tr")]
    assert cells == ["2", "0"]


def test_the_text_summary_lists_each_plan_and_the_totals(rows) -> None:  # type: ignore[no-untyped-def]
    out = render_text(rows)
    assert "SỞ TƯ PHÁP" in out and "thiếu: CIT, C-ND" in out
    assert "4 kế hoạch: 3 đã kiểm tra, 1 không đọc được, 2 không đạt." in out
    assert "1/3 đơn vị đạt yêu cầu." in out
    en = render_text(rows, lang="en")
    assert "1/3 units compliant." in en and "C-ND (2)" in en


def test_the_streamed_json_is_the_same_document(rows) -> None:  # type: ignore[no-untyped-def]
    assert json.loads("".join(iter_json(rows))) == json.loads(json.dumps(batch_to_dict(rows)))
    assert json.loads("".join(iter_json([]))) == json.loads(json.dumps(batch_to_dict([])))


def test_a_spool_gives_the_results_back_as_often_as_asked_and_cleans_up(rows) -> None:  # type: ignore[no-untyped-def]
    with Spool() as spool:
        for r in rows:
            spool.append(r)
        assert len(spool) == 4
        assert ([plan_result_to_dict(r) for r in spool] == [plan_result_to_dict(r) for r in rows]
                == [plan_result_to_dict(r) for r in spool])
        assert render_csv(spool) == render_csv(rows) and render_html(spool) == render_html(rows)
        path = spool._path
    assert not os.path.exists(path)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page's script")
def test_clicking_a_heading_sorts_the_matrix_rows(rows) -> None:  # type: ignore[no-untyped-def]
    doc = _page(rows)
    table = doc.get_element_by_id("matrix")
    heads = [th.get("data-id") or th.text_content() for th in table.xpath("thead/tr/th")]
    cells = [[{"sort": td.get("data-sort"), "text": td.text_content()} for td in tr.xpath("td")]
             for tr in table.xpath("tbody/tr")]
    cit, errors = heads.index("CIT"), heads.index("Lỗi")
    spec = {"script": doc.xpath("//script")[0].text, "heads": heads, "rows": cells,
            "clicks": [cit, cit, errors]}
    harness = Path(__file__).parent / "js" / "sort_harness.js"
    out = subprocess.run(["node", str(harness)], input=json.dumps(spec), capture_output=True, text=True,
                         check=True, timeout=60).stdout
    orders = json.loads(out)
    # CIT: met (0) < missing (3) < not checked (9); ties keep file order; a second click reverses
    assert orders[0] == [0, 1, 2, 3]
    assert orders[1] == [3, 2, 1, 0]
    # errors: the unreadable file (-1) first, then 0, 0, 1
    assert orders[2] == [3, 0, 1, 2]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused() -> None:
    evil = result("=cmd.txt", '=HYPERLINK("http://x","y")', None)
    table = list(csv.reader(io.StringIO(render_csv([evil], bom=False)), delimiter=";"))
    assert table[1][0] == "'=cmd.txt" and table[1][1].startswith("'=HYPERLINK")
    assert table[1][FIXED_COLUMNS.index("errors")] == "0"  # numbers are left alone


_TEXT = st.characters(blacklist_categories=("Cc", "Cs"))  # what a reader leaves: no control characters


@settings(max_examples=60, deadline=None)
@given(unit=st.text(_TEXT, min_size=1, max_size=40), note=st.text(_TEXT, max_size=40),
       rid=st.text(_TEXT, min_size=1, max_size=12))
def test_any_text_from_a_document_stays_text_in_every_view(unit: str, note: str, rid: str) -> None:
    req = RequirementResult(id=rid, kind="content", text=note, status="partial", score=0.5, note=note or None,
                            evidence=(Evidence(text=note, span=Span(0, 0, 1)),))
    r = result("a.txt", unit, Coverage(profile="p", score=0.5, requirements=(req,)))
    doc = lxml.html.document_fromstring(render_html([r]))
    assert len(doc.xpath("//script")) == 1 and len(doc.xpath("//style")) == 1
    table = doc.get_element_by_id("matrix")
    assert table.xpath("tbody/tr/td")[0].text_content() == unit
    assert table.xpath("thead/tr/th")[-1].get("data-id") == rid
    jsonschema.validate(json.loads("".join(iter_json([r]))), load_schema("batch"))
    header, row = list(csv.reader(io.StringIO(render_csv([r], bom=False, lang="en"))))
    assert header[-2] in (rid, "'" + rid) and row[-2] == "partial"
    header, row = list(csv.reader(io.StringIO(render_csv([r], bom=False)), delimiter=";"))
    assert header[-2] in (rid, "'" + rid) and row[-2] == "một phần"


def test_html_details_speak_the_report_language(rows) -> None:  # type: ignore[no-untyped-def]
    vi = _page(rows).get_element_by_id("p2-f0").text_content()
    assert "lỗi (dòng 12)" in vi and "15/02/2024" in _page(rows).get_element_by_id("plan-0").text_content()
    en = lxml.html.document_fromstring(render_html(rows, lang="en")).get_element_by_id("p2-f0").text_content()
    assert "error (line 12)" in en
