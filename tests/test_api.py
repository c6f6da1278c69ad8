"""The public API: small, typed, and light to import."""

import subprocess
import sys

import vnplan


def test_public_names():
    for name in ("read", "parse", "check", "Plan", "Section", "Header", "Citation", "VnplanError"):
        assert hasattr(vnplan, name)
    assert callable(vnplan.parse) and callable(vnplan.check) and callable(vnplan.read)


def test_the_types_the_functions_take_and_return_are_exported():
    from vnplan import Coverage, Finding, PlanResult, Profile, Report  # noqa: F401

    for name in ("Report", "Finding", "Rule", "Profile", "Requirement", "Coverage", "RequirementResult",
                 "Evidence", "PlanResult", "Plan", "SourceDocument", "Block", "Span", "PartialDate", "Section",
                 "Signature", "Recipient", "LegalBasis", "Abbreviation", "Header", "Citation", "UsageError"):
        assert name in vnplan.__all__ and isinstance(getattr(vnplan, name), type), name
    for name in ("read", "parse", "check", "comply", "skeleton", "skeleton_markdown", "batch", "plan_to_json"):
        assert name in vnplan.__all__ and callable(getattr(vnplan, name)), name
    assert all(hasattr(vnplan, name) for name in vnplan.__all__)
    report = vnplan.check(vnplan.parse("Số: 01/KH-UBND\nKẾ HOẠCH\nThử\n"))
    assert isinstance(report, Report) and all(isinstance(f, Finding) for f in report.findings)


def test_import_does_not_load_spacy():
    code = "import sys, vnplan; vnplan.parse('Số: 01/KH-UBND\\nKẾ HOẠCH\\nThử\\n'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_model_is_immutable(reference_plan):
    import attrs
    import pytest

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        reference_plan.header.number = "1"  # type: ignore[misc]


def test_parse_accepts_text_path_bytes_and_documents(reference_path):
    text = reference_path.read_text(encoding="utf-8")
    by_path = vnplan.parse(reference_path)
    assert vnplan.parse(text).header == by_path.header
    assert vnplan.parse(reference_path.read_bytes()).header == by_path.header
    assert vnplan.parse(vnplan.read(reference_path)).header == by_path.header


def test_not_a_plan_is_an_error_unless_asked_otherwise():
    import pytest

    with pytest.raises(vnplan.errors.NotAPlanError):
        vnplan.parse("Hôm nay trời đẹp.\nChúng tôi đi chơi.\n")
    assert vnplan.parse("Hôm nay trời đẹp.\nChúng tôi đi chơi.\n", require_plan=False).sections == ()
