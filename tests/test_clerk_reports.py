"""What a clerk opens: the workbook (numbers as numbers), the CSV in Vietnamese Excel's dialect, the HTML
report in natural order with every requirement column printed, the register in Vietnamese."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import attrs
import lxml.html
import openpyxl
import pytest
from click.testing import CliRunner

from test_batch_reports import cov, result
from vnplan.cli import main
from vnplan.report import iter_batch
from vnplan.report.csv import render_csv
from vnplan.report.html import PRINT_COLUMNS, render_html
from vnplan.report.xlsx import render_xlsx
from vnplan.results import NaturalOrder, PlanResult
from vnplan.text import natural_key


@pytest.fixture()
def rows() -> list[PlanResult]:
    return [
        result("plans/skel-10.txt", "skel-10", cov("met", "missing", "partial"), errors=2),
        result("plans/skel-2.txt", "skel-2", cov("met", "met", "met")),
        result("plans/eq.txt", "=HYPERLINK(\"http://x\")", cov("missing", "missing", "placeholder")),
        result("plans/bad.docx", "bad", None, error="the .docx is truncated"),
    ]


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_natural_order_puts_skel_2_before_skel_10() -> None:
    names = ["skel-10", "skel-2", "Sở Y tế", "skel-1", "sở tài chính"]
    assert sorted(names, key=natural_key) == ["skel-1", "skel-2", "skel-10", "sở tài chính", "Sở Y tế"]


def test_the_workbook_has_a_matrix_a_findings_and_a_requirements_sheet_with_numbers_as_numbers(rows) -> None:  # type: ignore[no-untyped-def]
    book = _book(render_xlsx(NaturalOrder(rows), profile="p"))
    assert book.sheetnames == ["Ma trận", "Phát hiện", "Yêu cầu"]
    m = book["Ma trận"]
    assert m.freeze_panes == "B5"  # the unit column and the heading row stay
    assert m["A1"].value.startswith("1/3 đơn vị đạt; thiếu nhiều nhất: C-ND (2)")
    heads = [c.value for c in m[4]]
    assert heads[:6] == ["Đơn vị", "Tệp", "Kết quả", "Lỗi", "Cảnh báo", "Điểm"]
    assert heads[6] == "CIT\nViện dẫn Kế hoạch 14/KH-UBND <đúng ngày>"  # the wording in the heading
    body = {r[0].value: r for r in m.iter_rows(min_row=5)}
    assert list(body) == ["bad", "=HYPERLINK(\"http://x\")", "skel-2", "skel-10"]  # natural order, formulas as text
    skel10 = body["skel-10"]
    assert skel10[3].value == 2 and isinstance(skel10[3].value, int)
    assert isinstance(skel10[5].value, float) and skel10[5].value == pytest.approx(0.5)
    assert skel10[5].number_format == "0%"
    assert [c.value for c in skel10[6:9]] == ["đáp ứng", "thiếu", "một phần"]
    assert skel10[7].fill.fgColor.rgb.endswith("F8C7C4")
    assert body["bad"][2].value == "không đọc được" and body["bad"][9].value == "the .docx is truncated"
    assert m["A6"].data_type == "s"  # never a formula
    f = book["Phát hiện"]
    assert [c.value for c in f[1]][:6] == ["Đơn vị", "Tệp", "Quy tắc", "Mức độ", "Nội dung phát hiện", "Dòng"]
    lines = [r[5].value for r in f.iter_rows(min_row=2)]
    assert lines == [12, 12] and all(isinstance(n, int) for n in lines)
    q = book["Yêu cầu"]
    assert [c.value for c in q[3]] == ["C-ND", "nội dung", "Tuyên truyền cải cách thể chế & TTHC", "có", 1, 0, 0, 2]


def test_the_workbook_speaks_english_with_lang_en(rows) -> None:  # type: ignore[no-untyped-def]
    book = _book(render_xlsx(rows, lang="en"))
    assert book.sheetnames == ["Matrix", "Findings", "Requirements"]
    assert [c.value for c in book["Matrix"][4]][:3] == ["unit", "file", "status"]


def test_batch_and_check_write_a_workbook_and_refuse_the_terminal(tmp_path: Path, reference_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for n in (10, 2, 1):
        (plans / f"skel-{n}.txt").write_bytes(reference_path.read_bytes())
    out = tmp_path / "r.xlsx"
    res = CliRunner().invoke(main, ["batch", str(plans), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 1 and "đơn vị đạt" in res.output
    m = _book(out.read_bytes())["Ma trận"]
    assert [Path(r[1].value).name for r in m.iter_rows(min_row=5)] == ["skel-1.txt", "skel-2.txt", "skel-10.txt"]
    one = tmp_path / "one.xlsx"
    assert CliRunner().invoke(main, ["check", str(reference_path), "--profile", "bacgiang-14-KH-UBND-2024",
                                     "-o", str(one)]).exit_code == 1
    assert _book(one.read_bytes())["Yêu cầu"].max_row == 37  # the profile's 36 requirements
    res = CliRunner().invoke(main, ["batch", str(plans), "--format", "xlsx"])
    assert res.exit_code == 2 and "không thể in bảng tính ra màn hình" in res.output


def test_the_vietnamese_csv_uses_semicolons_and_a_decimal_comma_the_english_one_commas(rows) -> None:  # type: ignore[no-untyped-def]
    vi = list(csv.reader(io.StringIO(render_csv(rows, bom=False)), delimiter=";"))
    assert vi[0][:3] == ["Tệp", "Đơn vị", "Cơ quan ban hành"] and vi[0][-1] == "Lý do không đọc được"
    assert vi[1][11] == "0,5000" and vi[1][7] == "không đạt" and vi[1][12:15] == ["đáp ứng", "thiếu", "một phần"]
    en = list(csv.reader(io.StringIO(render_csv(rows, bom=False, lang="en"))))
    assert en[1][11] == "0.5000" and en[1][7] == "fail" and en[1][12:15] == ["met", "missing", "partial"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice) with Calc")
@pytest.mark.parametrize(("lang", "locale"), [("vi", "1066"), ("en", "1033")])
def test_a_spreadsheet_with_the_languages_regional_settings_reads_the_score_as_a_number(
        rows, tmp_path: Path, lang: str, locale: str) -> None:  # type: ignore[no-untyped-def]
    """LibreOffice Calc imports the CSV as a PC of that language would open it: separator and decimal
    mark of vi-VN (1066) or en-US (1033); the score must arrive as a number, the columns split."""
    src = tmp_path / "r.csv"
    src.write_bytes("".join(iter_batch(rows, "csv", lang=lang, bom=True)).encode("utf-8"))
    sep = "59" if lang == "vi" else "44"
    proc = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           f"--infilter=CSV:{sep},34,76,1,,{locale}", "--convert-to", "xlsx", "--outdir",
                           str(tmp_path), str(src)], capture_output=True, text=True, timeout=180)
    if not (tmp_path / "r.xlsx").exists():
        pytest.skip(f"LibreOffice could not convert the CSV (Calc missing?): {proc.stderr.strip()[-200:]}")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    heads = [c.value for c in sheet[1]]
    score = heads.index("Điểm" if lang == "vi" else "score")
    values = {r[1].value: r[score].value for r in sheet.iter_rows(min_row=2)}
    assert isinstance(values["skel-10"], float) and values["skel-10"] == pytest.approx(0.5)
    assert values["skel-2"] == 1


def test_the_html_matrix_is_in_natural_order_with_the_wording_in_its_headings(rows) -> None:  # type: ignore[no-untyped-def]
    doc = lxml.html.document_fromstring("".join(iter_batch(rows, "html")))
    units = [tr.get("data-unit") for tr in doc.xpath("//table[@id='matrix']/tbody/tr")]
    assert units == ["bad", "=HYPERLINK(\"http://x\")", "skel-2", "skel-10"]
    cit = doc.get_element_by_id("req-0")
    assert cit.get("data-id") == "CIT" and "Viện dẫn Kế hoạch 14/KH-UBND" in cit.text_content()
    assert "1/3 đơn vị đạt" in doc.xpath("//p[@class='headline']")[0].text_content()
    css = doc.xpath("//style")[0].text
    assert "position:sticky;left:0" in css and "position:sticky;top:0" in css
    assert "size:A4 landscape" in css and "table-header-group" in css


def test_printed_the_matrix_is_cut_into_parts_holding_every_requirement_column() -> None:
    from vnplan.model import Coverage, RequirementResult

    reqs = tuple(RequirementResult(id=f"R{k:02d}", kind="content", text=f"Yêu cầu số {k}", status="met", score=1.0)
                 for k in range(40))
    rows = [PlanResult(file=f"u{n}.txt", unit=f"Đơn vị {n}", coverage=Coverage(profile="p", score=1.0,
                                                                              requirements=reqs)) for n in range(3)]
    doc = lxml.html.document_fromstring(render_html(rows))
    parts = doc.xpath("//table[contains(@class,'print-part')]")
    assert len(parts) == -(-40 // PRINT_COLUMNS)
    printed = [th.get("data-id") for p in parts for th in p.xpath("thead/tr/th[@data-id]")]
    assert printed == [f"R{k:02d}" for k in range(40)]
    assert all(len(p.xpath("tbody/tr")) == 3 and p.xpath("thead/tr/th[@class='u']") for p in parts)


def test_the_register_answers_in_vietnamese_and_in_english_with_lang_en(tmp_path: Path, reference_path: Path) -> None:
    db = tmp_path / "r.db"
    assert CliRunner().invoke(main, ["batch", str(reference_path), "--register", str(db), "--jobs", "1"]).exit_code == 1
    units = tmp_path / "units.csv"
    units.write_text("Sở Khoa học và Công nghệ\nSở Tư pháp\n", encoding="utf-8")
    vi = CliRunner().invoke(main, ["register", "missing", "--db", str(db), "--expected", str(units),
                                   "--parent", "14/KH-UBND"])
    assert "đơn vị đã ban hành kế hoạch viện dẫn 14/KH-UBND" in vi.output and "Chưa ban hành (2):" in vi.output
    en = CliRunner().invoke(main, ["register", "missing", "--db", str(db), "--expected", str(units),
                                   "--parent", "14/KH-UBND", "--lang", "en"])
    assert "expected units have issued a plan citing 14/KH-UBND" in en.output
    shown = CliRunner().invoke(main, ["register", "list", "--db", str(db)])
    assert "không đạt" in shown.output
    details = CliRunner().invoke(main, ["register", "show", "--db", str(db), str(reference_path)])
    assert "lỗi, " in details.output and "phát hiện:" in details.output


def test_what_reading_a_file_warned_of_is_shown_beside_its_row_and_with_the_plan() -> None:
    from vnplan.model import SourceDocument
    from vnplan.report.html import matrix_table
    from vnplan.report.plan_view import render_plan_view, render_unreadable

    warned = attrs.evolve(result("plans/cu.txt", "Sở cũ", None), warnings=("TCVN3 text converted to Unicode",))
    unsupported = PlanResult(file="plans/bang.xls", unit="bang", error="the file is binary, not text",
                             error_type="BinaryInputError", warnings=("TCVN3 text converted to Unicode",))
    m = _book(render_xlsx([warned, unsupported]))["Ma trận"]
    heads = [c.value for c in m[4]]
    assert heads[-2:] == ["Lý do không đọc được", "Cảnh báo khi đọc tệp"]
    body = [[c.value for c in r] for r in m.iter_rows(min_row=5)]
    assert body[0][-1] == "TCVN3 text converted to Unicode" and body[0][-2] is None
    assert body[1][-2] == "the file is binary, not text"  # the reason as the row carries it
    table = lxml.html.fromstring("".join(matrix_table([warned, unsupported])))
    marks = table.xpath("//span[@class='rw']")
    assert len(marks) == 2 and marks[0].get("title") == "TCVN3 text converted to Unicode"
    page = render_unreadable(unsupported)
    assert "tệp nhị phân, không phải văn bản" in page and "Cảnh báo khi đọc tệp" in page
    doc = SourceDocument(blocks=(), path="plans/cu.txt", warnings=("a PDF line looks scrambled",))
    view = render_plan_view(doc, warned)
    assert "a PDF line looks scrambled" in view and "TCVN3 text converted to Unicode" in view
    html = render_html([warned])
    assert "Cảnh báo khi đọc tệp: TCVN3 text converted to Unicode" in html
