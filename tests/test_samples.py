"""samples/: six documents (described in docs/samples.md), each read as a plan, and the README's
Quick start prints what the README shows."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

import vnplan
from vnplan.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PROFILE = "bacgiang-14-KH-UBND-2024"


def _script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_samples_holds_only_the_six_documents_each_described_in_the_docs() -> None:
    names = sorted(p.name for p in SAMPLES.iterdir() if not p.name.startswith("."))
    assert names == [
        "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt",
        "kh-pnv-sonlam-tuyen-truyen-cchc-2024.docx",
        "kh-snnptnt-bacgiang-tuyen-truyen-cchc-2024.txt",
        "kh-stttt-bacgiang-tuyen-truyen-cchc-2024.txt",
        "kh-ubnd-huyen-sonlam-tuyen-truyen-cchc-2024.txt",
        "synthetic-parent-kh-tuyen-truyen-cchc-2025.txt",
    ]
    catalogue = (ROOT / "docs" / "samples.md").read_text(encoding="utf-8")
    assert all(f"`{n}`" in catalogue for n in names)


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir() if not p.name.startswith(".")))
def test_every_sample_reads_as_a_plan_with_issuer_number_and_signature(name: str) -> None:
    plan = vnplan.parse(SAMPLES / name)
    assert plan.header.doc_type == "Kế hoạch" and plan.header.symbol and plan.signature.signer
    assert plan.sections


def test_the_word_sample_is_what_its_script_builds(tmp_path: Path) -> None:
    from vnplan.serialize import plan_to_dict

    build = _script("build_sample_docx")
    assert build.OUT == SAMPLES / "kh-pnv-sonlam-tuyen-truyen-cchc-2024.docx"
    rebuilt = tmp_path / build.OUT.name
    rebuilt.write_bytes(build.build())  # the same bytes with the python-docx it was built with

    def read(path: Path) -> dict:
        return {k: v for k, v in plan_to_dict(vnplan.parse(path)).items() if k not in ("file", "path", "sha256")}

    assert read(rebuilt) == read(build.OUT)
    plan = vnplan.parse(build.OUT)
    assert (plan.header.parent_authority, plan.header.authority) == ("UBND HUYỆN SƠN LÂM", "PHÒNG NỘI VỤ")
    assert (plan.header.number, plan.header.symbol) == ("08", "KH-PNV")
    assert (plan.signature.position, plan.signature.signer) == ("TRƯỞNG PHÒNG", "Lý Thị Minh Trang")
    assert [r.name for r in plan.recipients][-1] == "Lưu"


@pytest.mark.parametrize(("name", "forms", "signer"), [
    ("kh-ubnd-huyen-sonlam-tuyen-truyen-cchc-2024.txt", ["TM."], "Hoàng Văn Quyết"),
    ("kh-snnptnt-bacgiang-tuyen-truyen-cchc-2024.txt", ["KT."], "Nguyễn Thị Hồng Vân"),
])
def test_the_unit_plans_signed_tm_and_kt_meet_every_mandatory_requirement(name: str, forms: list[str], signer: str) -> None:
    plan = vnplan.parse(SAMPLES / name)
    assert [f.form for f in plan.signature.forms] == forms and plan.signature.signer == signer
    report = vnplan.check(plan, profile=PROFILE)
    assert [f for f in report.findings if f.severity == "error"] == []


def test_the_quick_start_plan_misses_two_topics_and_is_late() -> None:
    report = vnplan.check(vnplan.parse(SAMPLES / "kh-stttt-bacgiang-tuyen-truyen-cchc-2024.txt"), profile=PROFILE)
    errors = sorted((f.rule, f.message.split("(")[1].split(")")[0]) for f in report.findings if f.severity == "error")
    assert errors == [("C302", "BG14-IDX-SIPAS"), ("C302", "BG14-THEME"), ("C305", "BG14-DL-2024")]
    # the one-stop desk named only as where procedures are posted (a form), models without difficulties
    partial = sorted(r.id for r in report.coverage.requirements if r.status == "partial")
    assert partial == ["BG14-DL-2024", "BG14-ND-DIENHINH", "BG14-ND-MOTCUA"]  # the late deadline is partial too


def test_the_readme_quick_start_prints_what_the_readme_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = _script("readme_commands")
    argv, shown = readme.quick_start((ROOT / "README.md").read_text(encoding="utf-8"))
    assert argv[0] == "vnplan"
    monkeypatch.chdir(ROOT)
    res = CliRunner().invoke(main, argv[1:])
    assert res.exit_code == 1  # error-level findings
    assert readme.shown_output_matches(shown, res.output) == []
