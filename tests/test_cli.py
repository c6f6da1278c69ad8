"""The command line: output formats, exit codes, and one-line errors for bad input."""

import json
import os
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

import vnplan
from vnplan.cli import main
from vnplan.data import load_schema


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_parse_json_gives_the_plan_contract(reference_path):
    res = run("parse", reference_path, "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.output)
    jsonschema.validate(data, load_schema("plan"))
    assert data["header"]["symbol"] == "KH-KHCN"


def test_parse_text_is_an_outline_a_clerk_reads(reference_path):
    res = run("parse", reference_path)
    assert res.exit_code == 0
    assert "Trích yếu: Tuyên truyền cải cách hành chính năm 2024" in res.output
    assert "IV. TỔ CHỨC THỰC HIỆN" in res.output
    assert "Triệu Ngọc Trung" in res.output


def test_check_json_has_located_findings(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("Số: 01/KH-UBND\nKẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nIII. NỘI DUNG\n", encoding="utf-8")
    res = run("check", f, "--format", "json", "--select", "F1")
    data = json.loads(res.output)
    jsonschema.validate(data, load_schema("report"))
    rules = {x["rule"] for x in data["findings"]}
    assert {"F110", "F111"} <= rules
    assert all(x["line"] for x in data["findings"] if x["span"])
    assert res.exit_code == 1  # F111 is an error


def test_check_exits_zero_without_error_findings(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("Số: 01/KH-UBND\nKẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nII. NỘI DUNG\nIII. TỔ CHỨC THỰC HIỆN\n", encoding="utf-8")
    assert run("check", f, "--select", "F110,F111").exit_code == 0


def test_ignore_removes_rules(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("Số: 01/KH-UBND\nKẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n", encoding="utf-8")
    res = run("check", f, "--format", "json", "--select", "F1", "--ignore", "F111")
    assert "F111" not in {x["rule"] for x in json.loads(res.output)["findings"]}


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "rỗng"),
        (b"\x00\x01\x02binary\x00", "nhị phân"),
        ("Kế hoạch".encode("utf-16-le"), "nhị phân"),
        (b"caf\xe9 au lait\n", "UTF-8"),
        ("Hôm nay trời đẹp.\nChúng tôi đi chơi.\n".encode(), "không giống văn bản hành chính"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(tmp_path, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "vnplan", "parse", str(f)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and needle in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_path_and_directory_are_refused(tmp_path):
    for target in (tmp_path / "nope.txt", tmp_path):
        res = run("parse", target)
        assert res.exit_code == 2


def test_output_file_is_written_and_input_untouched(tmp_path, reference_path):
    out = tmp_path / "plan.json"
    before = reference_path.read_bytes()
    assert run("parse", reference_path, "--format", "json", "-o", out).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["header"]["doc_type"] == "Kế hoạch"
    assert reference_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_rules_lists_the_catalogue():
    res = run("rules")
    assert res.exit_code == 0
    assert "F110" in res.output and "F111" in res.output


@pytest.mark.parametrize("command", [["parse", "--format", "json"], ["check"]])
def test_output_onto_the_input_file_is_refused_and_the_input_kept(tmp_path, reference_path, command):
    plan = tmp_path / "ke hoạch.txt"
    plan.write_bytes(reference_path.read_bytes())
    link = tmp_path / "link.txt"
    link.symlink_to(plan)
    for out in (plan, link):
        res = run(command[0], link, *command[1:], "-o", out)
        assert res.exit_code == 2
        assert "ghi đè lên tệp đầu vào" in res.output and res.output.count("\n") == 1
    assert plan.read_bytes() == reference_path.read_bytes() and link.is_symlink()


def test_output_into_a_missing_folder_is_one_line_not_an_internal_error(tmp_path, reference_path):
    res = run("check", reference_path, "-o", tmp_path / "no-such-folder" / "report.json")
    assert res.exit_code == 2
    assert "thư mục kết quả không tồn tại" in res.output and "lỗi nội bộ" not in res.output
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize(("args", "says"), [
    (["check", "{plan}", "--lang", "fr"], "'fr' không phải một trong"),
    (["check", "{plan}", "--format", "xml"], "'xml' không phải một trong"),
    (["check", "{plan}", "--selct", "F1"], "không có tùy chọn"),
    (["check"], "thiếu đối số 'FILE'"),
    (["bogus"], "không có lệnh"),
])
def test_usage_errors_are_one_line_and_exit_code_2(reference_path, args, says):
    argv = [a.format(plan=reference_path) for a in args]
    proc = subprocess.run([sys.executable, "-m", "vnplan", *argv], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("vnplan: lỗi: ") and proc.stderr.count("\n") == 1
    assert says in proc.stderr and "--help" in proc.stderr


@pytest.mark.parametrize(("args", "says"), [
    (["check", "{plan}", "--lang", "en", "--format", "xml"], "'xml' is not one of"),
    (["check", "{plan}", "--selct", "F1", "--lang", "en"], "No such option"),
    (["check", "nosuchfile.txt", "--lang=en"], "nosuchfile.txt: no such file"),
])
def test_errors_are_in_english_with_lang_en(reference_path, args, says):
    argv = [a.format(plan=reference_path) for a in args]
    proc = subprocess.run([sys.executable, "-m", "vnplan", *argv], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("vnplan: error: ") and proc.stderr.count("\n") == 1 and says in proc.stderr


def test_version_works_from_a_source_checkout():
    proc = subprocess.run([sys.executable, "-m", "vnplan", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert proc.stdout.strip() == f"vnplan, version {vnplan.__version__}"


def test_a_bare_vnplan_still_shows_the_help():
    proc = subprocess.run([sys.executable, "-m", "vnplan"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Commands:" in proc.stderr + proc.stdout


@pytest.mark.parametrize("name", ["nosuchfile", "KẾ HOẠCH", "Số: 01/KH-UBND"])
def test_a_missing_file_without_a_known_suffix_is_no_such_file_not_text(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    for command in ("parse", "check"):
        res = run(command, name)
        assert res.exit_code == 2
        assert res.output == f"vnplan: lỗi: {name}: không có tệp này\n"


def test_a_file_name_holding_a_newline_is_read_as_a_file(tmp_path, reference_path):
    odd = tmp_path / "kế\nhoạch.txt"
    odd.write_bytes(reference_path.read_bytes())
    res = run("parse", odd, "--format", "json")
    assert res.exit_code == 0
    assert json.loads(res.output)["header"]["symbol"] == "KH-KHCN"
    proc = subprocess.run([sys.executable, "-m", "vnplan", "parse", str(tmp_path / "không\ncó.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "không có tệp này" in proc.stderr


def _read_fifo_in_background(fifo):
    import threading

    got: list[bytes] = []
    t = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    t.start()
    return t, got


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", [["check"], ["batch", "--format", "json"]])
def test_output_to_a_pipe_or_device_writes_into_it_and_never_replaces_it(tmp_path, reference_path, command):
    import stat

    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    reader, got = _read_fifo_in_background(fifo)
    res = run(command[0], reference_path, *command[1:], "-o", fifo)
    reader.join(timeout=10)
    assert res.exit_code in (0, 1), res.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # /dev/null would still be /dev/null
    assert b"KH-KHCN" in got[0] or b"bacgiang" in got[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pipe"]


@pytest.mark.parametrize("command", [["check"], ["batch", "--format", "text"]])
def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, reference_path, command):
    target = tmp_path / "report.txt"
    target.write_text("cũ", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    res = run(command[0], reference_path, *command[1:], "-o", link)
    assert res.exit_code in (0, 1), res.output
    assert link.is_symlink() and target.read_text(encoding="utf-8") != "cũ"


def test_a_command_imports_only_its_own_module():
    code = ("import sys\nfrom vnplan.cli import main\n"
            "try:\n    main(['rules', '--format', 'json'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('vnplan.cli.') or m == 'rich'), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stderr.strip().splitlines()[-1] == "['vnplan.cli.common', 'vnplan.cli.plan']"


def test_the_formats_a_command_offers_are_the_ones_the_reports_have():
    from vnplan.cli import COMMANDS
    from vnplan.report import formats

    ctx = main.make_context("vnplan", ["rules"])
    kinds = {"parse": "plan", "check": "check", "rules": "rules", "profiles": "profiles"}
    for name, kind in kinds.items():
        assert name in COMMANDS
        option = next(p for p in main.get_command(ctx, name).params if p.name == "fmt")
        extra = ("xlsx",) if name == "check" else ()  # a check's workbook is the batch one, of one plan
        assert tuple(option.type.choices) == formats(kind) + extra
