"""Settings from ``vnplan.toml`` or ``[tool.vnplan]`` in ``pyproject.toml``, found upwards; options given win."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vnplan import settings
from vnplan.errors import UsageError


def _vnplan(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if not os.environ.get("VNPLAN_TEST_INSTALLED"):  # CI checks the installed wheel
        env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    return subprocess.run([sys.executable, "-m", "vnplan", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_no_file_no_settings(tmp_path: Path) -> None:
    assert settings.current(tmp_path) == settings.Settings()


def test_vnplan_toml_is_found_from_a_subfolder_and_a_profile_file_is_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "vnplan.toml").write_text('profile = "cap-tren.json"\nlang = "en"\nignore = ["R204"]\n',
                                          encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    s = settings.current(sub)
    assert s.lang == "en" and s.ignore == ("R204",) and s.profile == str(tmp_path / "cap-tren.json")
    assert s.defaults() == {"profile": str(tmp_path / "cap-tren.json"), "lang": "en", "ignore": ("R204",)}


def test_pyproject_counts_only_with_a_tool_vnplan_table_and_vnplan_toml_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.vnplan]\nselect = ["F"]\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert settings.current(inner).select == ("F",)  # the inner pyproject says nothing of vnplan
    (inner / "vnplan.toml").write_text('lang = "vi"\n', encoding="utf-8")
    assert settings.current(inner) == settings.Settings(lang="vi", path=str(inner / "vnplan.toml"))


@pytest.mark.parametrize(("text", "says"), [
    ('colour = "red"\n', "unknown setting 'colour'"),
    ('lang = "fr"\n', "unknown language 'fr'"),
    ('select = "F1", "R2"\n', "not valid TOML"),
    ("select = [1]\n", "must be a list of rule ids"),
])
def test_a_wrong_settings_file_is_a_usage_error_naming_it(tmp_path: Path, text: str, says: str) -> None:
    (tmp_path / "vnplan.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=says) as err:
        settings.current(tmp_path)
    assert str(tmp_path / "vnplan.toml") in str(err.value)


def test_the_command_line_takes_its_defaults_from_the_settings_and_options_win(tmp_path: Path,
                                                                                reference_path: Path) -> None:
    (tmp_path / "vnplan.toml").write_text('lang = "en"\nselect = ["F1"]\n', encoding="utf-8")
    res = _vnplan(tmp_path, "check", str(reference_path), "--format", "json")
    data = json.loads(res.stdout)
    assert data["findings"] and {f["rule"][:2] for f in data["findings"]} == {"F1"}
    assert data["lang"] == "en"
    res = _vnplan(tmp_path, "check", str(reference_path), "--format", "json", "--select", "R", "--lang", "vi")
    data = json.loads(res.stdout)
    assert {f["rule"][0] for f in data["findings"]} == {"R"} and data["lang"] == "vi"
    missing = _vnplan(tmp_path, "check", "nowhere.txt")
    assert missing.stderr == "vnplan: error: nowhere.txt: no such file\n"  # errors follow the settings' language


def test_a_group_command_takes_the_settings_too(tmp_path: Path) -> None:
    (tmp_path / "vnplan.toml").write_text('lang = "en"\n', encoding="utf-8")
    res = _vnplan(tmp_path, "register", "list", "--db", "none.db")
    assert res.returncode == 2 and res.stderr.startswith("vnplan: error: no register at")


def test_a_broken_settings_file_stops_every_command_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "vnplan.toml").write_text("lang = \n", encoding="utf-8")
    res = _vnplan(tmp_path, "rules")
    assert res.returncode == 2 and res.stderr.count("\n") == 1 and "TOML" in res.stderr
