"""The per-user start-up store (vnplan.store): what it rebuilds is what building anew gives, and a bad file is no error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import regex

from vnplan import pattern, store

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "samples" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"


def _env(folder: Path, seed: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "VNPLAN_CACHE_DIR": str(folder), "PYTHONHASHSEED": seed}


def _check(folder: Path, seed: str) -> str:
    run = subprocess.run([sys.executable, "-m", "vnplan", "check", str(PLAN), "--format", "json", "--profile",
                          "bacgiang-14-KH-UBND-2024"], env=_env(folder, seed), capture_output=True, text=True,
                         check=False, cwd=ROOT)
    assert run.returncode in (0, 1), run.stderr
    return run.stdout


def test_a_check_is_the_same_with_the_store_empty_filled_or_off(tmp_path: Path) -> None:
    first = _check(tmp_path, "1")
    files = sorted(p.name for p in tmp_path.iterdir())
    assert any(n.startswith("patterns-") for n in files) and any(n.startswith("code-") for n in files)
    again = _check(tmp_path, "2")  # another hash salt: the classes' stored __hash__ code gets this process's number
    off = subprocess.run([sys.executable, "-m", "vnplan", "check", str(PLAN), "--format", "json", "--profile",
                          "bacgiang-14-KH-UBND-2024"], env={**_env(tmp_path, "3"), "VNPLAN_CACHE_DIR": "off"},
                         capture_output=True, text=True, check=False, cwd=ROOT).stdout
    assert first == again == off
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # nothing new to write the second time


def test_stored_class_code_hashes_with_this_process_number(tmp_path: Path) -> None:
    probe = ("from vnplan.model import Span\n"
             "consts = Span.__hash__.__code__.co_consts\n"
             "assert hash('<attrs generated hash vnplan.model.Span>') in consts, consts\n"
             "print(hash(Span(0, 1, 2)) == hash(Span(0, 1, 2)), Span(0, 1, 2) == Span(0, 1, 2))\n")
    for seed in ("11", "12", "13"):
        run = subprocess.run([sys.executable, "-c", probe], env=_env(tmp_path, seed), capture_output=True, text=True,
                             check=False)
        assert run.stdout.strip() == "True True", run.stderr


def test_a_pattern_rebuilt_from_the_store_matches_as_compiled(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VNPLAN_CACHE_DIR", str(tmp_path))
    kept = store.Store("test-patterns")
    monkeypatch.setattr(pattern, "PATTERNS", kept)
    source = r"(?P<so>\d{1,4})/(?P<ky>[\p{Lu}Đ\-]+)"
    fresh = pattern.compiled(source, regex.IGNORECASE)
    kept.save()
    monkeypatch.setattr(pattern, "PATTERNS", store.Store("test-patterns"))
    rebuilt = pattern.compiled(source, regex.IGNORECASE)
    text = "Kế hoạch số 14/KH-ubnd ngày 21/01/2024"
    assert rebuilt is not fresh
    assert [m.groupdict() for m in rebuilt.finditer(text)] == [m.groupdict() for m in fresh.finditer(text)]
    assert rebuilt.groupindex == fresh.groupindex and rebuilt.flags == fresh.flags


def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VNPLAN_CACHE_DIR", str(tmp_path))
    kept = store.Store("test-damaged")
    path = kept.path()
    assert path is not None
    Path(path).write_bytes(b"\x00not marshal")
    assert kept.get(("x", 0)) is None
    monkeypatch.setattr(pattern, "PATTERNS", kept)
    kept.put((r"\d+", 0), ("something else", 0))  # an entry that is no pattern's data: compiled anew
    assert pattern.compiled(r"\d+").findall("a 12 b 3") == ["12", "3"]


def test_off_writes_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for value in ("off", ""):
        monkeypatch.setenv("VNPLAN_CACHE_DIR", value)
        assert store.folder() is None
        kept = store.Store("test-off")
        kept.put("k", 1)
        kept.save()
    assert not list(tmp_path.iterdir())


def test_the_quick_escape_is_regex_escape() -> None:
    every = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")
    assert pattern.escape(every) == regex.escape(every)
    for word in ("Kế hoạch số 14/KH-UBND", "a.b*c", "\x00 (x) [y] {z} ~#&", "Đ\u00a0\u3000"):
        assert pattern.escape(word) == regex.escape(word)
