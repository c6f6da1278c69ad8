"""Hostile files given beside the documents (issue 15): a requirement profile, the list of expected
units, a link planted where a report is written. Each ends in one line and exit 2, never an
internal error, and nothing outside the named output is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnplan.cli import main
from vnplan.errors import InputError, ProfileError
from vnplan.output import write_atomic
from vnplan.profiles import load
from vnplan.register import read_units_csv


@pytest.mark.parametrize("body", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000])
def test_a_profile_nested_past_the_json_decoder_is_a_profile_error(tmp_path: Path, body: str) -> None:
    f = tmp_path / "deep.json"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ProfileError, match="nested too deeply"):
        load(f)


def test_a_profile_larger_than_the_limit_is_refused_before_decoding(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import vnplan.profiles as profiles

    monkeypatch.setattr(profiles, "MAX_PROFILE_BYTES", 1000)
    f = tmp_path / "big.json"
    f.write_text('{"id": "' + "x" * 2000 + '"}', encoding="utf-8")
    with pytest.raises(ProfileError, match="larger than"):
        load(f)


def test_a_deep_profile_on_the_command_line_is_one_line_and_exit_2(tmp_path: Path, reference_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--profile", str(f), str(reference_path)])
    assert r.exit_code == 2
    assert "internal error" not in r.output and "nested too deeply" in r.output


@pytest.mark.parametrize("body", ['unit\n"' + "x" * 200_000 + '"\n', "unit\nSở A," + "y" * 200_000 + "\n",
                                  "unit\nSở\x00A\n"])
def test_a_units_list_the_csv_module_cannot_read_is_an_input_error(tmp_path: Path, body: str) -> None:
    f = tmp_path / "units.csv"
    f.write_text(body, encoding="utf-8")
    try:
        names = read_units_csv(f)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:  # a NUL byte is accepted by newer csv modules: then it is just a name
        assert names


def test_a_units_list_larger_than_the_limit_is_refused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import vnplan.register as register

    monkeypatch.setattr(register, "MAX_UNITS_BYTES", 100)
    f = tmp_path / "units.csv"
    f.write_text("unit\n" + "Sở Tư pháp\n" * 50, encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        read_units_csv(f)


def test_a_huge_units_field_on_the_command_line_is_one_line_and_exit_2(tmp_path: Path) -> None:
    f = tmp_path / "units.csv"
    f.write_text('unit\n"' + "x" * 200_000 + '"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["register", "missing", "--db", str(tmp_path / "r.db"), "--expected", str(f),
                                  "--parent", "14/KH-UBND"])
    assert r.exit_code == 2
    assert "internal error" not in r.output


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_planted_at_a_temporary_name_never_gets_its_target_overwritten(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    for old in (".r.txt.tmp", f".r.txt.{os.getpid()}.tmp"):  # the names the old writer used
        os.symlink(victim, tmp_path / old)
    write_atomic(tmp_path / "r.txt", "report\n")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "report\n"
    assert not (tmp_path / "r.txt").is_symlink()
