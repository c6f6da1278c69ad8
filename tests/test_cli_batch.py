"""`vnplan batch` and `vnplan register`: formats, exit codes, progress only on a terminal, inputs never overwritten."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import jsonschema
import lxml.html
import pytest
from click.testing import CliRunner

import plan_factory as pf
from vnplan.cli import main
from vnplan.data import load_schema

DOCX_READER = importlib.util.find_spec("vnplan.read.docx") is not None
ROOT = Path(__file__).resolve().parents[1]


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("plans")
    return root, pf.build_corpus(root, docx_reader=DOCX_READER)


@pytest.fixture(scope="module")
def good_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("good")
    for u in (0, 1, 17):
        pf.write_plan(root, pf.Variant(name=f"u{u}", unit_index=u, kind="good", number=15 + u, day=3), "txt")
    return root


def rel(root: Path, p: str) -> str:
    return Path(p).relative_to(root).as_posix()


def test_json_report_gives_the_expected_row_for_every_plan(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root, expected = corpus
    out = tmp_path / "report.json"
    res = run("batch", root, "-o", out, "--jobs", "1")
    assert res.exit_code == 1  # three plans lack their implementation part; two files are broken
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, load_schema("batch"))
    got = {rel(root, p["file"]): (p["unit"], p["status"], p["counts"]["error"] > 0) for p in data["plans"]}
    want = {k: (v["unit"], v["status"], v["status"] == "fail") for k, v in expected.items()}
    assert got == want
    assert data["summary"]["plans"] == len(expected) >= 50
    assert data["summary"]["unreadable"] == sum(v["status"] == "error" for v in expected.values())
    assert "kế hoạch" in res.stdout  # the summary still reaches the terminal


def test_csv_report_has_a_bom_and_one_row_per_plan(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root, expected = corpus
    out = tmp_path / "report.csv"
    res = run("batch", root, "-o", out, "--jobs", "2", "--lang", "en")
    assert res.exit_code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {rel(root, r["file"]): (r["unit"], r["status"]) for r in rows} == {
        k: (v["unit"], v["status"]) for k, v in expected.items()}
    bad = next(r for r in rows if r["file"].endswith("truncated.docx"))
    assert bad["error"] and bad["status"] == "error"


def test_html_report_parses_and_names_every_unit(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root, expected = corpus
    out = tmp_path / "report.html"
    assert run("batch", root, "-o", out, "--jobs", "1").exit_code == 1
    doc = lxml.html.document_fromstring(out.read_text(encoding="utf-8"))
    text = doc.text_content()
    for v in expected.values():
        assert str(v["unit"]) in text
    assert len(doc.xpath("//table[@id='matrix']/tbody/tr")) == len(expected)
    ids = set(doc.xpath("//@id"))
    assert all(h[1:] in ids for h in doc.xpath("//a/@href"))


def test_text_to_standard_output_and_exit_0_when_every_plan_passes(good_only) -> None:  # type: ignore[no-untyped-def]
    res = run("batch", good_only, "--jobs", "1")
    assert res.exit_code == 0, res.output
    assert "3/3 đơn vị đạt yêu cầu." in res.stdout
    assert res.stderr == ""  # no progress bar when standard error is not a terminal


def test_the_format_option_wins_over_the_suffix(good_only, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.txt"
    assert run("batch", good_only, "-o", out, "--format", "json", "--jobs", "1").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "vnplan/batch/1"


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "{out}/r.ods"], "định dạng"),
        (["--select", "Z9"], "Z9"),
        (["--jobs", "0"], "jobs"),
        (["--profile", "no-such-profile"], "profile"),
    ],
)
def test_unusable_arguments_exit_2_with_one_line(good_only, tmp_path, args, message) -> None:  # type: ignore[no-untyped-def]
    res = run("batch", good_only, *[a.format(out=tmp_path) for a in args])
    assert res.exit_code == 2
    assert message in res.output.lower() or message in res.output


def test_a_folder_without_plans_exits_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".DS_Store").write_bytes(b"\x00")  # only what the walk skips: hidden files and folder litter
    (tmp_path / "Thumbs.db").write_bytes(b"\x00")
    res = run("batch", tmp_path)
    assert res.exit_code == 2 and "không tìm thấy tệp kế hoạch nào" in res.stderr


def test_a_missing_path_exits_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = run("batch", tmp_path / "nowhere")
    assert res.exit_code == 2 and "không có tệp hoặc thư mục này" in res.stderr


def test_an_input_is_never_overwritten(good_only) -> None:  # type: ignore[no-untyped-def]
    target = sorted(good_only.iterdir())[0]
    before = target.read_bytes()
    res = run("batch", good_only, "-o", target, "--jobs", "1")
    assert res.exit_code == 2 and "là một trong các kế hoạch cần kiểm tra" in res.stderr
    res = run("batch", good_only, "--register", target, "--jobs", "1")
    assert res.exit_code == 2
    assert target.read_bytes() == before


def test_register_commands_answer_the_three_questions(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root, expected = corpus
    db = tmp_path / "reg.db"
    assert run("batch", root, "--register", db, "--jobs", "1", "--format", "json").exit_code == 1
    units = tmp_path / "units.csv"
    units.write_text(pf.EXPECTED_UNITS_CSV, encoding="utf-8")

    res = run("register", "missing", "--db", db, "--expected", units, "--parent", "14/KH-UBND",
              "--parent-date", "2024-01-21", "--format", "json")
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    jsonschema.validate(data, _register_view("missing"))
    assert data["missing"] == pf.EXPECTED_MISSING
    assert sorted(rel(root, w["document"]["path"]) for w in data["wrong_dates"]) == sorted(
        k for k, v in expected.items() if v["wrong_date"])

    res = run("register", "missing", "--db", db, "--expected", units, "--parent", "14/KH-UBND")
    assert "5/8" in res.stdout and "Sở Ngoại vụ" in res.stdout

    res = run("register", "list", "--db", db, "--unit", "Sở Tư pháp", "--format", "json")
    assert res.exit_code == 0
    jsonschema.validate(json.loads(res.stdout), _register_view("document", many=True))
    assert [rel(root, d["path"]) for d in json.loads(res.stdout)][:2] == ["so/00-stp.txt", "revisions/00-rev.txt"]

    res = run("register", "list", "--db", db)
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == len(expected)  # every file has its own content

    res = run("register", "show", "--db", db, str(root / "so" / "15-ttr.txt"))
    assert res.exit_code == 0 and "14/KH-UBND ngày 12/01/2024" in res.stdout
    res = run("register", "show", "--db", db, str(root / "so" / "15-ttr.txt"), "--format", "json")
    jsonschema.validate(json.loads(res.stdout), _register_view("details"))
    jsonschema.validate(json.loads(res.stdout), load_schema("register"))

    assert run("register", "show", "--db", db, "nothing-like-this").exit_code == 2
    assert run("register", "list", "--db", tmp_path / "absent.db").exit_code == 2
    assert run("register", "missing", "--db", db, "--expected", units).exit_code == 2  # which parent?


def _register_view(name: str, many: bool = False) -> dict:  # type: ignore[type-arg]
    """One view of ``schemas/register.schema.json`` (or an array of it) as a schema of its own."""
    ref = {"$ref": f"#/$defs/{name}"}
    return {**({"type": "array", "items": ref} if many else ref), "$defs": load_schema("register")["$defs"]}


def _run_on_a_terminal(args: list[str]) -> tuple[int, bytes, bytes]:
    """Run the CLI with standard error on a pseudo-terminal; returns (code, stdout, terminal output)."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "vnplan", *args], stdout=subprocess.PIPE, stderr=slave,
                            env=env, cwd=ROOT)
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    t = threading.Thread(target=drain)
    t.start()
    out, _ = proc.communicate(timeout=120)
    t.join(timeout=10)
    os.close(master)
    return proc.returncode, out, b"".join(chunks)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_progress_bar_is_drawn_on_a_terminal_only(good_only) -> None:  # type: ignore[no-untyped-def]
    code, out, tty = _run_on_a_terminal(["batch", str(good_only), "--jobs", "1"])
    assert code == 0
    assert "3/3" in tty.decode("utf-8", "replace")  # the bar's "done/total" column
    assert b"\x1b[" not in out and "3/3 đơn vị" in out.decode("utf-8")


def test_a_text_report_inside_a_checked_folder_is_refused(good_only) -> None:  # type: ignore[no-untyped-def]
    res = run("batch", good_only, "-o", good_only / "report.txt", "--jobs", "1")
    assert res.exit_code == 2 and "lần kiểm tra sau" in res.stderr
    assert not (good_only / "report.txt").exists()
