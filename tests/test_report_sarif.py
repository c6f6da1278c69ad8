"""SARIF 2.1.0 output: valid against the OASIS schema, rules catalogued, findings located."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import vnplan
from vnplan.cli import main
from vnplan.model import Block, PageSetup, Run, SourceDocument
from vnplan.parse import parse_document
from vnplan.report.sarif import report_to_sarif
from vnplan.rules.registry import rules

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)

TEXT = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 5/KH-UBND\n  Bắc Giang, ngày 05 tháng 02 năm 2024\nKẾ HOẠCH\nThử nghiệm\n"
    "I. MỤC ĐÍCH\n1. Một\nIII. NỘI DUNG\n1. Hai\n"
)


def validate(log):
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_the_vendored_schema_is_the_oasis_sarif_2_1_0_schema():
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_the_schema_rejects_a_broken_log():
    # the test would pass on anything if the schema accepted everything
    bad = report_to_sarif([vnplan.check(vnplan.parse(TEXT))])
    bad["runs"][0]["results"][0]["level"] = "fatal"
    assert list(VALIDATOR.iter_errors(bad))


def test_a_report_gives_a_valid_sarif_log_with_levels_and_lines():
    report = vnplan.check(vnplan.parse(TEXT))
    log = report_to_sarif([report])
    validate(log)
    (run,) = log["runs"]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.id for r in rules()]
    levels = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert ("F103", "error") in levels and ("F110", "warning") in levels
    assert len(run["results"]) == len(report.findings)
    f103 = next(r for r in run["results"] if r["ruleId"] == "F103")
    assert f103["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 1}
    assert f103["properties"]["fix"] == "Số: 05/KH-UBND"
    assert f103["properties"]["provision"] == "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3"
    rules_by_id = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules_by_id["F103"]["properties"]["provision"] == "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3"
    assert run["tool"]["driver"]["rules"][f103["ruleIndex"]]["id"] == "F103"


def test_the_column_counts_the_indentation_of_the_source_line():
    report = vnplan.check(vnplan.parse(TEXT.replace("Số: 5/", "  Số: 5/")), select=["F103"])
    (f,) = report.findings
    assert (f.line, f.column) == (3, 3)


def test_info_findings_are_notes():
    text = TEXT.replace("Số: 5/", "Số: /")
    log = report_to_sarif([vnplan.check(vnplan.parse(text), select=["F103"])])
    validate(log)
    assert [r["level"] for r in log["runs"][0]["results"]] == ["note"]


def test_many_files_in_one_run_and_a_word_paragraph_as_a_logical_location():
    runs = (Run("Số: 05/KH-UBND", font="Arial", size=13),)
    doc = SourceDocument(
        blocks=(Block(index=0, text="Số: 05/KH-UBND", location="đoạn 1", runs=runs, paragraph_index=0),),
        format="docx", path="/tmp/kế hoạch.docx", pages=(PageSetup(210, 297, 20, 20, 30, 15),),
    )
    word = vnplan.check(parse_document(doc), select=["F109"])
    text = vnplan.check(vnplan.parse(TEXT), select=["F103"])
    log = report_to_sarif([word, text])
    validate(log)
    (run,) = log["runs"]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == ["file:///tmp/k%E1%BA%BF%20ho%E1%BA%A1ch.docx", "stdin"]
    first = run["results"][0]
    assert first["ruleId"] == "F109"
    assert first["locations"][0]["logicalLocations"] == [{"name": "đoạn 1", "kind": "paragraph"}]


def test_an_empty_report_list_is_a_valid_log():
    validate(report_to_sarif([]))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cli_check_format_sarif(tmp_path, lang):
    f = tmp_path / "kh.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(f), "--format", "sarif", "--lang", lang])
    assert res.exit_code == 1, res.output
    log = json.loads(res.output)
    validate(log)
    uri = log["runs"][0]["artifacts"][0]["location"]["uri"]
    assert uri.startswith("file://") and uri.endswith("/kh.txt")


def test_the_json_report_carries_the_column_and_validates():
    from vnplan.data import load_schema
    from vnplan.serialize import report_to_dict

    data = report_to_dict(vnplan.check(vnplan.parse(TEXT.replace("Số: 5/", "  Số: 5/")), select=["F103"]))
    jsonschema.validate(data, load_schema("report"))
    assert (data["findings"][0]["line"], data["findings"][0]["column"]) == (3, 3)


def test_a_missing_element_keeps_its_empty_span_in_json(reference_plan):
    from vnplan.serialize import report_to_dict

    data = report_to_dict(vnplan.check(reference_plan, select=["F101"]))
    assert data["findings"][0]["span"] == {"block": 0, "start": 0, "end": 0}
