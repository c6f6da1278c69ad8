"""A batch survives hostile folders: any file name, a file that never ends, a worker killed, a closed pipe.

Each test states one promise of `vnplan batch` (issue 15, fuzz findings D6, D7, D11, D15,
D16, D17, D18): every file is a row, the report is written, nothing recorded is lost, no
worker outlives the batch.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnplan.batch import Options, batch, display_path, iter_plan_files
from vnplan.cli import main
from vnplan.errors import VnplanError
from vnplan.register import Register
from vnplan.report import iter_batch
from vnplan.results import PlanResult, without_surrogates

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
LINUX = sys.platform.startswith("linux")
workers_module = sys.modules["vnplan.batch.workers"]


def plan_bytes(reference_path: Path, note: str) -> bytes:
    """The reference plan with a note of its own, so every file has its own content hash."""
    return reference_path.read_bytes() + f"\nGhi chú: {note}.\n".encode()


def make(folder: Path, name: bytes | str, content: bytes) -> bool:
    """Create a file under a name given as bytes (any name the OS allows); False when the file system refuses it."""
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    try:
        with open(path, "wb") as fh:
            fh.write(content)
    except (OSError, ValueError):
        return False
    return True


def run_cli(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args])


def count_rows(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # being created by the batch
        return 0
    finally:
        con.close()


# --------------------------------------------------------------------------- any file name (D6, D11)

#: name on disk → how every report shows it
ODD_NAMES: dict[bytes, str] = {
    b"b_\xd0\xef\xff.txt": "b_\\xd0\\xef\\xff.txt",  # a CP1258 name unzipped on Linux: not UTF-8
    "x\nKẾ HOẠCH\nKiểm tra.txt".encode(): "x\\nKẾ HOẠCH\\nKiểm tra.txt",  # newlines: never taken for the text
    b"title\x1b]0;pwned\x07.txt": "title\\x1b]0;pwned\\x07.txt",  # a terminal escape sequence
    "đảo\u202etxt.exe.txt".encode(): "đảo\\u202etxt.exe.txt",  # a right-to-left override
    b"tab\tand\rreturn.txt": "tab\\tand\\rreturn.txt",
    b"[red]markup[/red].txt": "[red]markup[/red].txt",  # rich markup is only text
    "Sở Tư pháp.txt".encode(): "Sở Tư pháp.txt",  # an ordinary Vietnamese name stays as it is
}


@pytest.fixture()
def odd_folder(tmp_path: Path, reference_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder holding one plan under each odd name the file system accepts: shown name → sha256."""
    folder = tmp_path / "plans"
    folder.mkdir()
    made: dict[str, str] = {}
    for k, (name, shown) in enumerate(ODD_NAMES.items()):
        content = plan_bytes(reference_path, f"tệp {k}")
        if make(folder, name, content):
            made[shown] = hashlib.sha256(content).hexdigest()
    if len(made) < 3:
        pytest.skip("this file system refuses most odd names")
    return folder, made


def test_display_path_escapes_only_what_a_report_or_terminal_cannot_show() -> None:
    for name, shown in ODD_NAMES.items():
        assert display_path(name) == shown
        assert display_path(os.fsdecode(name)) == shown
    assert display_path("C:\\plans\\Sở Y tế.docx") == "C:\\plans\\Sở Y tế.docx"  # a backslash is not escaped
    assert display_path("lone\ud800.txt") == "lone\\ud800.txt"


def test_every_file_name_is_a_row_shown_escaped_and_read_from_its_bytes(odd_folder) -> None:  # type: ignore[no-untyped-def]
    folder, made = odd_folder
    rows = list(batch([folder], jobs=1))
    by_name = {Path(r.file).name: r for r in rows}
    assert sorted(by_name) == sorted(made)
    for shown, sha in made.items():
        r = by_name[shown]
        assert r.sha256 == sha  # the file's content was checked, not its name
        assert r.error is None and r.header["title"], (shown, r.error)
        assert all(ch.isprintable() for ch in r.file)


def test_a_name_holding_newlines_is_never_read_as_the_plan(tmp_path: Path, reference_path: Path) -> None:
    fake = "y\nỦY BAN NHÂN DÂN\nKẾ HOẠCH\nGiả mạo.txt"
    if not make(tmp_path, fake, b"not a plan, only a few words\n"):
        pytest.skip("this file system refuses newlines in names")
    (tmp_path / "z.txt").write_bytes(reference_path.read_bytes())
    fake_row, real_row = batch([tmp_path], jobs=1, timeout=None)
    assert fake_row.file.endswith("y\\nỦY BAN NHÂN DÂN\\nKẾ HOẠCH\\nGiả mạo.txt")
    assert fake_row.status == "error" and fake_row.sha256 == hashlib.sha256(b"not a plan, only a few words\n").hexdigest()
    assert real_row.header["title"]


def test_odd_names_reach_the_register_and_every_report_format(odd_folder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, made = odd_folder
    db = tmp_path / "r.db"
    rows = list(batch([folder], jobs=1, register=db))
    with Register(db) as reg:
        assert sorted(Path(d.path).name for d in reg.documents()) == sorted(made)
    for fmt in ("json", "csv", "html", "text"):
        text = "".join(iter_batch(rows, fmt))
        text.encode("utf-8")  # writable as UTF-8
        assert "\x1b" not in text and "\u202e" not in text
    plans = json.loads("".join(iter_batch(rows, "json")))["plans"]
    assert sorted(Path(p["file"]).name for p in plans) == sorted(made)


def test_the_command_writes_its_report_and_register_and_prints_one_line_per_plan(odd_folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder, made = odd_folder
    db, out = tmp_path / "r.db", tmp_path / "report.json"
    res = run_cli("batch", folder, "--jobs", "1", "--register", db, "-o", out)
    assert res.exit_code in (0, 1), res.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["plans"]) == len(made)
    assert count_rows(db) == len(made)
    res = run_cli("batch", folder, "--jobs", "1")
    assert "\x1b" not in res.output
    for shown in made:
        assert sum(shown in line for line in res.output.splitlines()) == 1


def test_a_lone_surrogate_in_a_document_does_not_stop_the_report_or_the_register(tmp_path, reference_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A Word symbol coded in the surrogate range (w:sym w:char="D800") gave a str no file can hold."""
    module = sys.modules["vnplan.batch.result"]
    real = module.header_summary

    def with_surrogate(header):  # type: ignore[no-untyped-def]
        return {**real(header), "title": "Tuyên truyền \ud800 năm 2024"}

    monkeypatch.setattr(module, "header_summary", with_surrogate)
    plans = tmp_path / "plans"
    plans.mkdir()
    for k in range(3):
        (plans / f"{k}.txt").write_bytes(plan_bytes(reference_path, str(k)))
    db = tmp_path / "r.db"  # beside the folder: every file inside it is a row
    rows = list(batch([plans], jobs=1, timeout=None, register=db))  # in this process, where the patch holds
    assert [r.header["title"] for r in rows] == ["Tuyên truyền \ufffd năm 2024"] * 3
    assert count_rows(db) == 3
    json.loads("".join(iter_batch(rows, "json")).encode("utf-8"))


def test_without_surrogates_leaves_a_clean_result_as_it_is() -> None:
    clean = PlanResult(file="a.txt", unit="Sở Y tế", header={"title": "Kế hoạch"})
    assert without_surrogates(clean) is clean
    dirty = PlanResult(file="a.txt", unit="x\udcff", header={"title": "\ud800"}, error="e\udfff")
    assert without_surrogates(dirty) == PlanResult(file="a.txt", unit="x\ufffd", header={"title": "\ufffd"},
                                                   error="e\ufffd")


# --------------------------------------------------------------------------- unreadable folders (D16)


def test_a_folder_that_cannot_be_listed_is_a_row(tmp_path, reference_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "1.txt").write_bytes(reference_path.read_bytes())
    (tmp_path / "b-locked").mkdir()
    (tmp_path / "b-locked" / "2.txt").write_bytes(reference_path.read_bytes())
    (tmp_path / "c.txt").write_bytes(plan_bytes(reference_path, "c"))
    real = os.scandir
    locked = str(tmp_path / "b-locked")

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as a folder of another user looks (root reads every folder)
    assert [Path(p).relative_to(tmp_path).as_posix() for p in iter_plan_files([tmp_path])] == \
        ["c.txt", "a/1.txt", "b-locked"]
    rows = list(batch([tmp_path], jobs=1, timeout=None))
    locked_row = rows[2]
    assert locked_row.status == "error" and locked_row.error == "không đọc được thư mục: không có quyền truy cập"
    assert [r.status for r in rows[:2]] == ["fail", "fail"]  # the reference plan's header faults


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_permission_is_a_row(tmp_path, reference_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "1.txt").write_bytes(reference_path.read_bytes())
    (tmp_path / "open.txt").write_bytes(reference_path.read_bytes())
    os.chmod(tmp_path / "locked", 0)
    try:
        rows = list(batch([tmp_path], jobs=1))
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert [(Path(r.file).name, r.status) for r in rows] == [("open.txt", "fail"), ("locked", "error")]


# --------------------------------------------------------------------------- time limit, killed workers (D7)


@pytest.fixture()
def forked_workers(monkeypatch):  # type: ignore[no-untyped-def]
    """vnplan's workers forked from this process, so they see the test's patches (never on Windows)."""
    if not LINUX:
        pytest.skip("needs fork to hand the patched checker to the workers")
    monkeypatch.setattr(workers_module, "mp_context", lambda: mp.get_context("fork"))
    return workers_module


def _patch_checker(monkeypatch, action) -> None:  # type: ignore[no-untyped-def]
    real = workers_module.check_file

    def patched(path, options=Options()):  # type: ignore[no-untyped-def]
        action(os.fsdecode(path))
        return real(path, options)

    monkeypatch.setattr(workers_module, "check_file", patched)


def _sleep_on(word: str):  # type: ignore[no-untyped-def]
    def act(path: str) -> None:
        if word in Path(path).name:
            time.sleep(600)
    return act


@pytest.fixture()
def ten_plans(tmp_path, reference_path) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "plans"
    folder.mkdir()
    for k in range(10):
        name = "05-slow.txt" if k == 5 else f"{k:02d}.txt"
        (folder / name).write_bytes(plan_bytes(reference_path, str(k)))
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_over_the_time_limit_is_one_error_row_and_the_others_are_checked(forked_workers, monkeypatch, ten_plans, jobs) -> None:  # type: ignore[no-untyped-def]
    _patch_checker(monkeypatch, _sleep_on("slow"))
    t0 = time.monotonic()
    rows = list(batch([ten_plans], jobs=jobs, timeout=3))
    assert time.monotonic() - t0 < 30
    assert [Path(r.file).name for r in rows] == sorted(p.name for p in ten_plans.iterdir())
    bad = [r for r in rows if r.error]
    assert [Path(r.file).name for r in bad] == ["05-slow.txt"]
    assert bad[0].error_type == "TimeLimitError" and "quá giới hạn thời gian (3 giây mỗi tệp)" in (bad[0].error or "")
    assert bad[0].sha256 is not None  # known content: the register keeps that it could not be checked


def test_the_command_takes_a_time_limit(forked_workers, monkeypatch, ten_plans, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _patch_checker(monkeypatch, _sleep_on("slow"))
    out = tmp_path / "r.json"
    res = run_cli("batch", ten_plans, "--jobs", "1", "--timeout", "3", "-o", out)
    assert res.exit_code == 1
    plans = json.loads(out.read_text(encoding="utf-8"))["plans"]
    assert [p["error_type"] for p in plans].count("TimeLimitError") == 1


def test_a_worker_killed_with_sigkill_costs_its_file_only_and_the_register_keeps_the_rest(forked_workers, monkeypatch, ten_plans, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def kill_on_slow(path: str) -> None:
        if "slow" in path:
            os.kill(os.getpid(), signal.SIGKILL)

    _patch_checker(monkeypatch, kill_on_slow)
    db = tmp_path / "r.db"
    rows = list(batch([ten_plans], jobs=2, register=db))
    bad = [r for r in rows if r.error]
    assert [Path(r.file).name for r in bad] == ["05-slow.txt"]
    assert bad[0].error_type == "WorkerDied" and "bị dừng bởi SIGKILL" in (bad[0].error or "")  # vi, the default
    assert len(rows) == 10 and count_rows(db) == 10  # the killed file is recorded as not checked


def test_workers_that_cannot_start_stop_the_batch_with_a_clear_error(forked_workers, monkeypatch, ten_plans, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(workers_module, "_serve", lambda conn, options: os._exit(3))
    with pytest.raises(VnplanError, match="cannot start worker processes"):
        list(batch([ten_plans], jobs=2))
    out = tmp_path / "r.json"
    res = run_cli("batch", ten_plans, "--jobs", "2", "-o", out)
    assert res.exit_code == 2 and "không khởi động được các tiến trình kiểm tra" in res.stderr
    assert not out.exists()


def test_a_broken_pipe_inside_the_batch_is_an_error_not_a_silent_success(monkeypatch, ten_plans, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise BrokenPipeError(32, "Broken pipe")
        yield  # pragma: no cover

    monkeypatch.setattr(sys.modules["vnplan.batch.pool"].own, "run", broken)
    res = run_cli("batch", ten_plans, "--jobs", "2", "-o", tmp_path / "r.json")
    assert res.exit_code == 2 and "BrokenPipeError" in res.stderr


# --------------------------------------------------------------------------- real processes: Ctrl-C, kill -9, a closed pipe (D15, D17)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS), os.environ.get("PYTHONPATH", "")])}


#: `vnplan batch` whose workers (forked from a forkserver, as in real use) hang on files named "hang"
HANGING_CLI = ("import multiprocessing as mp, sys; mp.set_forkserver_preload(['batch_hang_helper']); "
               "from vnplan.cli import main; main(sys.argv[1:], prog_name='vnplan')")


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _start_hanging_batch(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-c", HANGING_CLI, "batch", str(folder), "--jobs", "1",
                             "--register", str(db), "-o", str(folder.parent / "r.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the plan before the hanging one is recorded: the worker hangs now
        if db.exists() and count_rows(db) >= 1 and len(_descendants(proc.pid)) >= 2:
            time.sleep(0.3)
            return proc
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode())  # type: ignore[union-attr]
        time.sleep(0.1)
    proc.kill()
    raise AssertionError("the batch did not reach the hanging file")


@pytest.fixture()
def hanging_folder(tmp_path, reference_path) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_bytes(plan_bytes(reference_path, "a"))
    (folder / "b-hang.txt").write_bytes(plan_bytes(reference_path, "b"))
    (folder / "c.txt").write_bytes(plan_bytes(reference_path, "c"))
    return folder


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_ctrl_c_stops_the_workers_and_keeps_what_the_register_has(hanging_folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "r.db"
    proc = _start_hanging_batch(hanging_folder, db)
    helpers = _descendants(proc.pid)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 2 and "đã dừng theo yêu cầu".encode() in err
    deadline = time.monotonic() + 10
    while any(_running(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in helpers if _running(p)]
    assert count_rows(db) == 1 and not (tmp_path / "r.json").exists()


@pytest.mark.skipif(not LINUX, reason="the kernel's parent-death signal is Linux's")
def test_kill_9_of_the_batch_takes_its_forkserver_and_workers_along(hanging_folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "r.db"
    proc = _start_hanging_batch(hanging_folder, db)
    helpers = _descendants(proc.pid)  # the forkserver and the hanging worker
    assert len(helpers) >= 2
    proc.kill()
    proc.wait(timeout=20)  # not communicate(): a worker left behind would hold the pipes open (the finding)
    deadline = time.monotonic() + 15
    while any(_running(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in helpers if _running(p)]
    for p in left:  # never leave them to the rest of the suite
        os.kill(p, signal.SIGKILL)
    assert not left
    assert count_rows(db) == 1


def test_a_reader_that_closes_the_pipe_early_ends_the_output_not_the_verdict(tmp_path, reference_path) -> None:  # type: ignore[no-untyped-def]
    for k in range(30):  # a JSON report larger than a pipe's buffer
        (tmp_path / f"{k:02d}.txt").write_bytes(plan_bytes(reference_path, str(k)))
    proc = subprocess.Popen([sys.executable, "-m", "vnplan", "batch", str(tmp_path), "--format", "json",
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert proc.stdout is not None and proc.stdout.read(100)
    proc.stdout.close()  # as `vnplan batch … | head -c 100` does
    err = proc.stderr.read()  # type: ignore[union-attr]
    assert proc.wait(timeout=120) == 1  # the reference plan has header faults: the gate still fails
    assert b"Traceback" not in err and b"Error" not in err


# --------------------------------------------------------------------------- the register (D18)


def test_identical_files_of_two_units_are_two_documents_and_neither_unit_is_missing(tmp_path, reference_path) -> None:  # type: ignore[no-untyped-def]
    # the header names no issuing authority, so each plan's unit is its file name
    text = reference_path.read_text(encoding="utf-8")
    body = text[text.index("KẾ HOẠCH"):]
    content = body.replace("Căn cứ", "Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh;\nCăn cứ", 1)
    for unit in ("Sở Tư pháp", "Sở Nội vụ"):
        (tmp_path / f"{unit}.txt").write_text(content, encoding="utf-8")
    db = tmp_path / "r.db"
    for _ in range(2):  # checking again replaces, never duplicates
        rows = list(batch([tmp_path], jobs=1, register=db))
    assert {r.unit for r in rows} == {"Sở Tư pháp", "Sở Nội vụ"} and len({r.sha256 for r in rows}) == 1
    with Register(db) as reg:
        assert len(reg.documents()) == 2
        assert reg.missing(["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế"], "14", "KH-UBND") == ["Sở Y tế"]


def test_paths_given_as_bytes_are_the_same_files(odd_folder) -> None:  # type: ignore[no-untyped-def]
    folder, made = odd_folder
    as_bytes = [os.path.join(os.fsencode(folder), name) for name in sorted(os.listdir(os.fsencode(folder)))]
    rows = list(batch(as_bytes, jobs=1, timeout=None))
    assert sorted(Path(r.file).name for r in rows) == sorted(made)
    assert {r.sha256 for r in rows} == set(made.values())
