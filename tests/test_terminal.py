"""Terminal safety (issue 15, D10): document text and file names come from other offices, so no text
view lets them drive the reader's terminal.

Every text view the command line prints (parse, check, batch text, register list/show, rules,
profiles, error messages that quote a file name) goes through ``vnplan.text.for_terminal`` at
the point of printing: control characters (C0 but line feed and tab, ESC, DEL, C1) and
bidirectional overrides and isolates become visible escapes. JSON stays exact (it escapes C0
itself); HTML and CSV keep their own escaping.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnplan.cli import main
from vnplan.text import for_terminal

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "data" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"

ESC, BEL = "\x1b", "\x07"
OSC0_TITLE = f"{ESC}]0;PWNED{BEL}{ESC}[2J{ESC}[H"  # set the window title, clear the screen
OSC52_CLIPBOARD = f"{ESC}]52;c;ZWNobyBwd25lZA=={BEL}"  # write "echo pwned" to the clipboard
OSC8_LINK = f"{ESC}]8;;http://evil.example/{ESC}\\BẤM{ESC}]8;;{ESC}\\"  # a link hidden behind text
BIDI = "\u202egnàht\u202c"  # a right-to-left override: shows "thàng" reversed
C1_CSI = "\x9b2J"  # the one-byte CSI of C1

#: Every character that must not reach a terminal as it is.
RAW = (ESC, BEL, "\x9b", "\u202e", "\u202c")


def hostile_plan() -> str:
    """The reference plan with a full header whose authority and title carry the payloads."""
    body = REFERENCE.read_text(encoding="utf-8")
    body = body[body.index("Thực hiện Kế hoạch số 14"):]
    return (f"UBND TỈNH BẮC GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ {OSC0_TITLE}\nSố: 25/KH-KHCN\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Bắc Giang, ngày 05 tháng 02 năm 2024\n\nKẾ HOẠCH\n"
            f"Tuyên truyền {OSC52_CLIPBOARD}{OSC8_LINK} {BIDI} {C1_CSI} năm 2024\n\n" + body)


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_safe(text: str) -> None:
    found = [repr(c) for c in RAW if c in text]
    assert not found, f"printed raw: {found}"


@pytest.fixture()
def plan_file(tmp_path: Path) -> Path:
    f = tmp_path / "plan.txt"
    f.write_text(hostile_plan(), encoding="utf-8")
    return f


# --------------------------------------------------------------------------- the filter


def test_control_characters_and_overrides_become_visible_escapes():
    assert for_terminal(OSC0_TITLE) == "\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[H"
    assert for_terminal(BIDI) == "\\u202egnàht\\u202c"
    assert for_terminal("a\rb\x00c\x7fd\x85e\u2066f\u2069") == "a\\x0db\\x00c\\x7fd\\x85e\\u2066f\\u2069"
    assert for_terminal("x\udcd0y") == "x\\udcd0y"  # an undecodable byte of a file name


def test_plain_vietnamese_text_line_feeds_and_tabs_are_kept():
    text = "Kế hoạch số 14/KH-UBND\n\tngày 21/01/2024 – “Ủy ban”"
    assert for_terminal(text) is text


# --------------------------------------------------------------------------- the command line


def test_parse_text_prints_no_escape_sequence(plan_file):
    res = run("parse", plan_file)
    assert res.exit_code == 0, res.output
    assert_safe(res.output)
    assert "\\x1b]52;c;" in res.output and "\\u202e" in res.output  # shown, not hidden


def test_check_text_prints_no_escape_sequence(plan_file):
    res = run("check", plan_file)
    assert res.exit_code in (0, 1), res.output
    assert_safe(res.output)


def test_json_keeps_the_text_exactly(plan_file):
    res = run("parse", plan_file, "--format", "json")
    assert res.exit_code == 0
    assert ESC not in res.output  # JSON escapes C0 itself
    title = json.loads(res.output)["header"]["title"]
    assert OSC52_CLIPBOARD in title and BIDI in title and C1_CSI in title


def test_batch_text_and_register_views_print_no_escape_sequence(plan_file, tmp_path):
    (tmp_path / f"tên {ESC}]0;x{BEL}.txt").write_text(hostile_plan() + "\nGhi chú.\n", encoding="utf-8")
    db = tmp_path.parent / f"{tmp_path.name}-reg.db"  # never inside the folder checked: it would be a row
    res = run("batch", tmp_path, "--jobs", "1", "--register", db)
    assert res.exit_code in (0, 1), res.output
    assert_safe(res.output)
    report = tmp_path / "out" / "report.txt"
    report.parent.mkdir()
    assert run("batch", plan_file, "--jobs", "1", "-o", report).exit_code in (0, 1)
    assert_safe(report.read_text(encoding="utf-8-sig"))
    listed = run("register", "list", "--db", db)
    assert listed.exit_code == 0
    assert_safe(listed.output)
    shown = run("register", "show", "--db", db, plan_file)
    assert shown.exit_code == 0, shown.output
    assert_safe(shown.output)


def test_an_error_quoting_a_file_name_prints_no_escape_sequence(tmp_path):
    bad = tmp_path / f"x{ESC}]0;PWNED{BEL}\u202e.txt"
    res = run("check", bad)  # no such file
    assert res.exit_code == 2
    assert_safe(res.output)
    assert "\\x1b]0;PWNED" in res.output
    bad.write_bytes(b"\x00\x01binary")
    res = run("check", bad)
    assert res.exit_code == 2
    assert_safe(res.output)


def test_a_real_run_writes_no_escape_byte(plan_file):
    """The bytes a terminal would get, through the console script's own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args in (["parse", str(plan_file)], ["check", str(plan_file)]):
        out = subprocess.run([sys.executable, "-m", "vnplan", *args], capture_output=True, env=env, timeout=120)
        assert out.returncode in (0, 1), out.stderr
        assert b"\x1b" not in out.stdout + out.stderr and b"\xc2\x9b" not in out.stdout
        assert "\u202e".encode() not in out.stdout


def test_the_bold_of_matched_words_is_kept_and_every_other_escape_shown() -> None:
    from vnplan.text import for_terminal

    shown = for_terminal("“tuyên truyền \x1b[1mcải cách\x1b[22m” \x1b[31m\x1b]0;title\x07")
    assert "\x1b[1mcải cách\x1b[22m" in shown  # vnplan's own bold: the evidence's matched words
    assert "\\x1b[31m" in shown and "\\x1b]0;title\\x07" in shown  # a colour or a title change: visible text
    assert shown.count("\x1b") == 2
