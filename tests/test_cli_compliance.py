"""The command line for compliance: check --profile (text and JSON), profiles, profile show, profile derive."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from vnplan.cli import main
from vnplan.data import load_schema

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "samples" / "synthetic-parent-kh-tuyen-truyen-cchc-2025.txt"
PROFILE = "bacgiang-14-KH-UBND-2024"


def run(*args):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(map(str, args)))


def test_check_json_adds_the_coverage_contract(reference_path):
    # --select C: the bundled reference text lost its header table in extraction, which the
    # Decree 30 form rules (F101/F102) rightly report as errors; this test is about coverage.
    res = run("check", reference_path, "--profile", PROFILE, "--format", "json", "--select", "C")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    jsonschema.validate(data, load_schema("report"))
    cov = data["coverage"]
    assert cov["profile"] == PROFILE and cov["score"] == 1.0
    r = cov["requirements"][0]
    assert {"id", "kind", "text", "status", "evidence"} <= set(r)
    assert {"text", "span"} <= set(r["evidence"][0])


def test_check_text_shows_a_coverage_table_and_a_defect_exits_1(reference_path, tmp_path):
    f = tmp_path / "unit.txt"
    # the whole item goes: renaming its heading ("- Ngân sách:") would leave its text on budgets,
    # autonomy and public finance, which still states the topic (docs/compliance.md, rubric)
    text = reference_path.read_text(encoding="utf-8").replace("cải cách tài chính công; ", "")
    start = text.index("- Cải cách tài chính công:")
    text = text[:start] + text[text.index("- Xây dựng và phát triển", start):]
    f.write_text(text, encoding="utf-8")
    res = run("check", f, "--profile", PROFILE)
    assert res.exit_code == 1
    assert "Đối chiếu với kế hoạch cấp trên" in res.output
    assert "BG14-CCHC-TAICHINH" in res.output and "Chưa có" in res.output
    assert "[C302]" in res.output
    en = run("check", f, "--profile", PROFILE, "--lang", "en")
    assert "Coverage of profile" in en.output and "missing" in en.output


def test_an_unknown_profile_is_a_one_line_error(reference_path):
    res = run("check", reference_path, "--profile", "nosuch")
    assert res.exit_code == 2
    assert "không có hồ sơ yêu cầu" in res.output and "Traceback" not in res.output


def test_profiles_lists_the_shipped_ones():
    res = run("profiles")
    assert res.exit_code == 0 and PROFILE in res.output and "14/KH-UBND" in res.output
    data = json.loads(run("profiles", "--format", "json").output)
    assert any(p["id"] == PROFILE for p in data)


def test_profile_show_prints_requirements_with_provenance():
    res = run("profile", "show", PROFILE)
    assert res.exit_code == 0
    assert "BG14-T-LUANCHUYEN" in res.output and "ngưỡng: > 90%" in res.output
    assert "full text of 14/KH-UBND not available" in res.output
    data = json.loads(run("profile", "show", PROFILE, "--format", "json").output)
    jsonschema.validate(data, load_schema("profile"))


def test_profile_derive_writes_a_valid_profile_and_never_overwrites_without_force(tmp_path):
    out = tmp_path / "p.json"
    res = run("profile", "derive", PARENT, "-o", out)
    assert res.exit_code == 0, res.output
    # what it drew, in Vietnamese: "p.json: 23 yêu cầu (… bắt buộc): … nội dung, …; … còn điểm cần làm rõ: …"
    assert re.search(r"p\.json: \d+ yêu cầu \(\d+ bắt buộc\): .*nội dung.*; \d+ yêu cầu còn điểm cần làm rõ: "
                     r"vnplan profile show .*p\.json", res.output), res.output
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, load_schema("profile"))
    out.write_text("{}", encoding="utf-8")
    res = run("profile", "derive", PARENT, "-o", out)
    assert res.exit_code == 2 and "đã có" in res.output
    assert out.read_text(encoding="utf-8") == "{}"
    res = run("profile", "derive", PARENT, "-o", out, "--force", "--id", "mine")
    assert res.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["id"] == "mine"


def test_a_derived_profile_file_can_be_used_by_check(tmp_path):
    out = tmp_path / "p.json"
    run("profile", "derive", PARENT, "-o", out)
    res = run("check", PARENT, "--profile", out, "--format", "json")
    cov = json.loads(res.output)["coverage"]
    assert cov["profile"] == "sonha-25-KH-UBND-2025"
    assert {r["id"]: r["status"] for r in cov["requirements"]}["ND01"] == "met"
