"""vnplan.output.write_atomic: the one routine that writes reports, JSON, profiles and skeletons."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from vnplan.errors import UsageError, VnplanError
from vnplan.output import write_atomic


def test_text_is_written_as_utf8_and_the_folder_holds_only_the_file(tmp_path: Path) -> None:
    out = tmp_path / "báo cáo.txt"
    assert write_atomic(out, "Kế hoạch\n") == out
    assert out.read_bytes() == "Kế hoạch\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["báo cáo.txt"]


def test_bytes_and_streamed_pieces_are_written_in_order(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.bin", b"PK\x03\x04")
    assert (tmp_path / "a.bin").read_bytes() == b"PK\x03\x04"
    pieces = (f"{k}\r\n" for k in range(3))  # written as given: no newline translation
    write_atomic(tmp_path / "b.csv", pieces)
    assert (tmp_path / "b.csv").read_bytes() == b"0\r\n1\r\n2\r\n"


def test_the_temporary_name_is_random_so_a_file_of_the_old_fixed_name_is_left_alone(tmp_path: Path) -> None:
    for old in (".r.json.tmp", f".r.json.{os.getpid()}.tmp"):
        (tmp_path / old).write_text("someone else's", encoding="utf-8")
    write_atomic(tmp_path / "r.json", "{}")
    assert (tmp_path / ".r.json.tmp").read_text(encoding="utf-8") == "someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".r.json.tmp", f".r.json.{os.getpid()}.tmp", "r.json"])


def test_a_new_file_gets_the_ordinary_permissions_not_the_temporary_files(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "r.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.txt").stat().st_mode) == 0o640


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    out.write_text("cũ, dài hơn nội dung mới", encoding="utf-8")
    write_atomic(out, "mới")
    assert out.read_text(encoding="utf-8") == "mới"


def test_the_input_file_is_never_written_even_through_a_link(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("KẾ HOẠCH", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(plan)
    for out, src in ((plan, plan), (link, plan), (plan, link)):
        with pytest.raises(UsageError, match="overwrite the input"):
            write_atomic(out, "x", source=src)
    assert plan.read_text(encoding="utf-8") == "KẾ HOẠCH" and link.is_symlink()
    write_atomic(tmp_path / "other.txt", "x", source="-")  # standard input is no file to protect


def test_a_link_to_a_file_keeps_the_link_and_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("cũ", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    write_atomic(link, "mới")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "mới"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_written_into_never_replaced() -> None:
    write_atomic("/dev/null", "x" * 10_000)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_written_into_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, ["một ", "hai"])
    reader.join(timeout=10)
    assert got == ["một hai".encode()] and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.pipe"]


@pytest.mark.parametrize(("where", "says"), [
    ("", "output path is a directory"),
    ("no-such-folder/r.txt", "the output folder does not exist"),
])
def test_a_directory_or_a_missing_folder_is_one_line(tmp_path: Path, where: str, says: str) -> None:
    with pytest.raises(VnplanError, match=says) as info:
        write_atomic(tmp_path / where, "x")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "no-such-folder").exists()


def test_a_refused_rename_is_one_line_naming_what_and_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(self, target):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(VnplanError) as info:
        write_atomic(tmp_path / "r.html", "<p>", what="report")
    assert str(info.value) == f"{tmp_path / 'r.html'}: cannot write the report: Permission denied"
    assert list(tmp_path.iterdir()) == []


def test_a_failing_piece_stream_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    out.write_text("cũ", encoding="utf-8")

    def pieces():  # type: ignore[no-untyped-def]
        yield "mới"
        raise OSError(28, "No space left on device")

    with pytest.raises(VnplanError, match="cannot write the output: No space left on device"):
        write_atomic(out, pieces())
    assert out.read_text(encoding="utf-8") == "cũ" and [p.name for p in tmp_path.iterdir()] == ["r.txt"]
