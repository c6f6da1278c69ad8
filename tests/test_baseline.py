"""Accepted findings: a baseline hides them, by an identity that survives edits elsewhere in the plan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import vnplan
from vnplan.baseline import Baseline, baseline_dict, entries_of, results_baseline
from vnplan.batch import batch
from vnplan.cli import main
from vnplan.data import load_schema
from vnplan.results import Finding, PlanResult, fingerprint

PROFILE = "bacgiang-14-KH-UBND-2024"


def _edited(text: str) -> str:
    """The plan resubmitted: a line added at the top, a heading re-cased, spacing changed."""
    return "Dự thảo lần 2.\n" + text.replace("Kế hoạch", "KẾ HOẠCH", 1).replace(", ", " ,  ", 3)


def test_a_fingerprint_ignores_case_diacritics_punctuation_and_place() -> None:
    assert fingerprint("R204", None, "Chữ viết tắt CCHC") == fingerprint("R204", None, "chữ  viết tắt, CCHC")
    assert fingerprint("R204", None, "CCHC") != fingerprint("R204", None, "NSNN")
    assert fingerprint("C302", "A", "") != fingerprint("C302", "B", "")


def test_every_finding_has_a_fingerprint_and_compliance_ones_their_requirement(reference_path) -> None:  # type: ignore[no-untyped-def]
    report = vnplan.check(reference_path, profile=PROFILE)
    assert report.findings and all(f.fingerprint and len(f.fingerprint) == 16 for f in report.findings)
    plain = vnplan.check(vnplan.parse("KẾ HOẠCH\nVề việc thử\nI. MỤC ĐÍCH\n"), profile=PROFILE)
    c302 = [f for f in plain.findings if f.rule == "C302"]  # one per missing content requirement
    assert c302 and all(f.requirement and f.requirement in f.message for f in c302)


def test_fingerprints_survive_a_resubmission_edited_elsewhere(reference_path) -> None:  # type: ignore[no-untyped-def]
    text = reference_path.read_text(encoding="utf-8")
    before = vnplan.check(vnplan.parse(text))
    after = vnplan.check(vnplan.parse(_edited(text)))
    assert sorted(f.fingerprint for f in before.findings) == sorted(f.fingerprint for f in after.findings)
    assert [f.line for f in before.findings] != [f.line for f in after.findings]  # the lines did move


def _finding(rule: str, fp: str, severity: str = "warning", requirement: str | None = None) -> Finding:
    return Finding(rule=rule, severity=severity, message="m", name="n", part="body", fingerprint=fp,  # type: ignore[arg-type]
                   requirement=requirement)


def test_each_accepted_finding_hides_one_and_a_third_copy_is_new() -> None:
    base = Baseline(entries_of("Sở Tư pháp", [_finding("R204", "a" * 16), _finding("R204", "a" * 16)]))
    found = [_finding("R204", "a" * 16)] * 3 + [_finding("F101", "b" * 16)]
    assert [f.rule for f in base.new_findings(found, "SỞ TƯ PHÁP")] == ["R204", "F101"]
    assert len(base.new_findings(found, "Sở Y tế")) == 4  # another unit's plan: nothing accepted
    assert len(base.new_findings(found, None)) == 2  # a plan checked alone: whatever unit


def test_a_batch_result_loses_its_accepted_findings_and_counts_them_no_more() -> None:
    r = PlanResult(file="a.txt", unit="Sở Tư pháp", counts={"error": 1, "warning": 1, "info": 0},
                   findings=(_finding("F101", "b" * 16, "error"), _finding("R204", "a" * 16)))
    base = Baseline.from_dict(results_baseline([r]))
    new = base.filter_result(r)
    assert new.findings == () and new.counts == {"error": 0, "warning": 0, "info": 0} and new.status == "ok"


def test_the_baseline_file_follows_its_schema_and_a_wrong_file_is_one_clear_error(tmp_path: Path) -> None:
    data = baseline_dict(entries_of("Sở Tư pháp", [_finding("R204", "a" * 16)]))
    jsonschema.validate(data, load_schema("baseline"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"accepted": []}', encoding="utf-8")
    with pytest.raises(vnplan.VnplanError, match="not a baseline file"):
        Baseline.load(bad)


def test_check_writes_a_baseline_then_shows_only_what_is_new(tmp_path: Path, reference_path: Path) -> None:
    accepted = tmp_path / "accepted.json"
    res = CliRunner().invoke(main, ["check", str(reference_path), "--write-baseline", str(accepted)])
    assert res.exit_code == 1  # the sample's header faults
    assert json.loads(accepted.read_text(encoding="utf-8"))["schema"] == "vnplan/baseline/1"
    again = tmp_path / "lan-2.txt"
    text = _edited(reference_path.read_text(encoding="utf-8"))
    # a new sentence in the body (after the closing it would be no part of the plan's own text)
    text = text.replace("II. NỘI DUNG TUYÊN TRUYỀN\n", "II. NỘI DUNG TUYÊN TRUYỀN\nTài liệu này có chữ viết tắt XYZW "
                        "chưa giải thích.\n", 1)
    again.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(again), "--baseline", str(accepted), "--format", "json"])
    report = json.loads(res.output)
    assert [f["rule"] for f in report["findings"]] == ["R204"] and "XYZW" in report["findings"][0]["message"]
    assert res.exit_code == 0  # the accepted errors do not fail the plan any more


def test_batch_takes_a_baseline_and_writes_one(tmp_path: Path, reference_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_bytes(reference_path.read_bytes())
    accepted = tmp_path / "accepted.json"
    out = tmp_path / "r.json"
    assert CliRunner().invoke(main, ["batch", str(plans), "--write-baseline", str(accepted), "-o", str(out),
                                     "--jobs", "1"]).exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["plans"][0]["findings"]
    (plans / "a.txt").write_text(_edited(reference_path.read_text(encoding="utf-8")), encoding="utf-8")
    res = CliRunner().invoke(main, ["batch", str(plans), "--baseline", str(accepted), "-o", str(out), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    plan = json.loads(out.read_text(encoding="utf-8"))["plans"][0]
    assert plan["findings"] == [] and plan["status"] == "ok"
    assert len(list(batch([plans], jobs=1))[0].findings) > 0  # the checker itself still finds them


def test_a_missing_baseline_file_is_one_line_in_vietnamese(tmp_path: Path, reference_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "vnplan", "check", str(reference_path), "--baseline",
                           str(tmp_path / "none.json")], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "không có tệp phát hiện đã chấp nhận này" in proc.stderr
