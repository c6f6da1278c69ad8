"""The public API: small, typed, and light to import."""

import subprocess
import sys

import vnplan


def test_public_names():
    for name in ("read", "parse", "check", "Plan", "Section", "Header", "Citation", "VnplanError"):
        assert hasattr(vnplan, name)
    assert callable(vnplan.parse) and callable(vnplan.check) and callable(vnplan.read)


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
