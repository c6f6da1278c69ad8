"""vnplan.batch: a folder of plans through any executor, one small result per file, never stopping."""

from __future__ import annotations

import concurrent.futures as cf
import importlib.util
import os
import pickle
import sys
from pathlib import Path

import pytest

import plan_factory as pf
from vnplan.batch import Options, batch, check_file, iter_plan_files
from vnplan.errors import InputError, MissingExtraError, UsageError
from vnplan.results import PlanResult
from vnplan.serialize import plan_result_to_dict

DOCX_READER = importlib.util.find_spec("vnplan.read.docx") is not None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, object]]]:
    root = tmp_path_factory.mktemp("plans")
    return root, pf.build_corpus(root, docx_reader=DOCX_READER)


@pytest.fixture(scope="module")
def results(corpus) -> list[PlanResult]:  # type: ignore[no-untyped-def]
    root, _ = corpus
    return list(batch([root], jobs=1))


def rel(root: Path, r: PlanResult) -> str:
    return Path(r.file).relative_to(root).as_posix()


def test_the_walk_is_sorted_and_takes_every_file_but_hidden_ones_lock_files_and_folder_litter(corpus) -> None:  # type: ignore[no-untyped-def]
    root, expected = corpus
    found = [Path(p).relative_to(root).as_posix() for p in iter_plan_files([root])]
    assert found == sorted(expected)
    assert len(found) >= 50 and "khac/notes.csv" in found and "khac/anh-chup.jpg" in found
    assert not any(".hidden" in f or "~" in f or ".cache" in f or ".DS_Store" in f or "Thumbs.db" in f
                   or "desktop.ini" in f for f in found)


def test_a_file_vnplan_cannot_read_is_a_row_saying_what_it_is_and_what_to_do(results) -> None:  # type: ignore[no-untyped-def]
    (image,) = [r for r in results if r.file.endswith("anh-chup.jpg")]
    assert (image.status, image.error_type) == ("error", "UnsupportedFormatError")
    assert "ảnh JPEG" in (image.error or "") and "OCR" in (image.error or "")  # vi, the run's default language


def test_a_file_named_twice_is_checked_once(corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    one = root / "so" / "00-stp.txt"
    assert list(iter_plan_files([one, root / "so", one])).count(str(one)) == 1


def test_every_file_gives_one_row_with_the_expected_unit_and_status(corpus, results) -> None:  # type: ignore[no-untyped-def]
    root, expected = corpus
    assert [rel(root, r) for r in results] == list(iter_plan_files_rel(root))
    got = {rel(root, r): (r.unit, r.status) for r in results}
    assert got == {k: (v["unit"], v["status"]) for k, v in expected.items()}


def iter_plan_files_rel(root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in iter_plan_files([root])]


def test_the_truncated_docx_is_an_error_row_and_the_others_are_checked(corpus, results) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    by = {rel(root, r): r for r in results}
    bad = by["broken/truncated.docx"]
    assert bad.status == "error" and bad.error and bad.error_type
    assert bad.sha256 is not None and len(bad.sha256) == 64
    assert by["broken/empty.txt"].error_type == "EmptyInputError"
    assert by["broken/scan.pdf"].status == "error" and by["broken/scan.pdf"].error
    checked = [r for r in results if r.error is None]
    assert len(checked) >= 40
    assert all(r.header["symbol"] and r.unit_source == "header" for r in checked)


def test_a_plan_without_its_implementation_part_fails_with_an_error_finding(corpus, results) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    failing = [r for r in results if r.status == "fail"]
    assert {r.unit for r in failing} == {pf.UNITS[u][2] for u in (22, 23, 24)}
    assert all(r.counts["error"] >= 1 and any(f.rule == "F111" for f in r.findings) for r in failing)


def test_results_carry_the_citations_and_header_of_each_plan(corpus, results) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    r = next(r for r in results if rel(root, r) == "so/15-ttr.txt")  # a wrong-date variant
    assert r.header["number"] == "115" and r.header["date"] == "2024-02-16"
    parent = [c for c in r.citations if c["number"] == "14" and c["symbol"] == "KH-UBND"]
    assert parent and parent[0]["date"] == "2024-01-12"


def test_results_are_small_and_picklable(results) -> None:  # type: ignore[no-untyped-def]
    for r in results:
        assert plan_result_to_dict(pickle.loads(pickle.dumps(r))) == plan_result_to_dict(r)
    assert max(len(pickle.dumps(r)) for r in results) < 20_000


def _record_own_runs(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """Replace vnplan's own workers by this process, remembering how many workers each run asked for."""
    asked: list[int] = []
    module = sys.modules["vnplan.batch.pool"]

    def fake(files, options, *, workers, window=None, timeout=None):  # type: ignore[no-untyped-def]
        asked.append(workers)
        return (check_file(p, options) for p in files)

    monkeypatch.setattr(module.own, "run", fake)
    return asked


def test_a_library_caller_with_a_few_files_and_no_time_limit_starts_no_process(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    asked = _record_own_runs(monkeypatch)
    rows = list(batch([root / "so" / "00-stp.txt", root / "so" / "01-snv.txt"], timeout=None))
    assert [Path(r.file).name for r in rows] == ["00-stp.txt", "01-snv.txt"] and not any(r.error for r in rows)
    assert asked == []


def test_with_a_time_limit_a_few_files_get_one_worker_and_eight_or_more_get_every_core(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    asked = _record_own_runs(monkeypatch)
    files = list(iter_plan_files([root / "so"]))[:8]
    assert len(list(batch(files[:2]))) == 2 and asked == [1]  # a time limit needs a process that can be stopped
    assert len(list(batch(files, jobs=1))) == 8 and asked == [1, 1]
    assert len(list(batch(files))) == 8 and asked == [1, 1, os.cpu_count() or 1]
    assert len(list(batch(files, jobs=1, timeout=None))) == 8 and asked == [1, 1, os.cpu_count() or 1]


def _without_timing(rs: list[PlanResult]) -> list[dict[str, object]]:
    return [plan_result_to_dict(r) for r in rs]


def test_a_process_pool_gives_the_same_rows_in_the_same_order(corpus, results) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        pooled = list(batch([root], executor=ex, chunksize=3))
        assert ex.submit(abs, -1).result() == 1  # a caller's executor is left running
    assert _without_timing(pooled) == _without_timing(results)


def test_a_thread_pool_gives_the_same_rows(corpus, results) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    with cf.ThreadPoolExecutor(max_workers=2) as ex:
        threaded = list(batch([root], executor=ex))
    assert _without_timing(threaded) == _without_timing(results)


def test_the_default_pool_is_used_and_shut_down(corpus, results) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    assert _without_timing(list(batch([root / "so"], jobs=2))) == _without_timing(
        [r for r in results if rel(root, r).startswith("so/")])


class CountingExecutor(cf.ThreadPoolExecutor):
    """A thread pool that remembers how many tasks were submitted."""

    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.submitted = 0
        self.outstanding: list[int] = []
        self.consumed = 0

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.submitted += 1
        self.outstanding.append(self.submitted - self.consumed)
        return super().submit(fn, *args, **kwargs)


def test_work_is_submitted_lazily_through_a_bounded_window(corpus) -> None:  # type: ignore[no-untyped-def]
    root, expected = corpus
    with CountingExecutor() as ex:
        def seen(_r: PlanResult) -> None:
            ex.consumed += 1

        it = batch([root], executor=ex, window=3, progress=seen)
        first = next(it)
        assert first.file and ex.submitted == 3  # nothing beyond the window before the caller asks
        rest = list(it)
    assert 1 + len(rest) == len(expected)
    assert max(ex.outstanding) <= 3


class FailingExecutor(cf.ThreadPoolExecutor):
    """An executor whose tasks fail for some files, as a dying worker or a lost cluster node would."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        paths = args[0]
        if any(p.endswith("01-snv.txt") for p in paths):
            raise RuntimeError("cluster refused the task")
        if any(p.endswith("02-khcn.txt") for p in paths):
            f: cf.Future = cf.Future()
            f.set_exception(cf.process.BrokenProcessPool("worker died"))
            return f
        return super().submit(fn, *args, **kwargs)


def test_a_task_that_fails_in_the_executor_becomes_an_error_row_and_the_run_goes_on(corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    with FailingExecutor(max_workers=2) as ex:
        rows = list(batch([root / "so"], executor=ex))
    by = {Path(r.file).name: r for r in rows}
    assert "cluster refused the task" in (by["01-snv.txt"].error or "")
    assert by["02-khcn.txt"].error_type == "BrokenProcessPool"
    assert sum(r.error is None for r in rows) == len(rows) - 2


def test_an_unexpected_exception_in_the_checker_is_a_row_not_a_crash(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    module = sys.modules["vnplan.batch.result"]  # where the worker looks parse up
    real = module.parse

    def flaky(doc, **kw):  # type: ignore[no-untyped-def]
        if doc.path and doc.path.endswith("03-stc.txt"):
            raise ZeroDivisionError("boom")
        return real(doc, **kw)

    monkeypatch.setattr(module, "parse", flaky)
    rows = list(batch([root / "so"], jobs=1, timeout=None))  # in this process, where the patch holds
    bad = [r for r in rows if r.error]
    assert [Path(r.file).name for r in bad] == ["03-stc.txt"]
    assert bad[0].error.startswith("lỗi nội bộ: ZeroDivisionError: boom")  # in the run's language
    assert len(rows) > 10


def test_check_file_never_raises_on_a_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = check_file(str(tmp_path / "gone.txt"))
    assert r.status == "error" and r.sha256 is None and "không có tệp này" in (r.error or "")
    en = check_file(str(tmp_path / "gone.txt"), Options(lang="en"))
    assert "no such file" in (en.error or "")


def test_arguments_every_file_would_fail_on_raise_at_once(corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    with pytest.raises(UsageError):
        batch([root], select=["Z9"])
    with pytest.raises(UsageError):
        batch([root], lang="fr")
    with pytest.raises(UsageError):
        batch([root], jobs=0)
    with pytest.raises(InputError):
        batch([root / "nowhere"])


def test_select_and_ignore_reach_the_workers(corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    rows = list(batch([root / "so"], jobs=1, ignore=["F111"]))
    assert all(r.status == "ok" for r in rows)


def test_english_messages_on_request(corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    rows = list(batch([root / "huyen" / "22-ubnd.txt"], jobs=1, lang="en"))
    assert rows[0].findings and rows[0].findings[0].message.startswith("The plan has no")


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork to hand the patched checker to the workers")
def test_a_file_that_kills_its_worker_is_the_only_error_row(corpus, results, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import multiprocessing as mp

    module = sys.modules["vnplan.batch.workers"]  # where the workers look the checker up
    real = module.check_file

    def deadly(path, options=Options()):  # type: ignore[no-untyped-def]
        if str(path).endswith("03-stc.txt"):
            os._exit(13)  # as a worker killed by the system would vanish
        return real(path, options)

    monkeypatch.setattr(module, "check_file", deadly)
    root, _ = corpus
    files = iter(iter_plan_files([root / "so"]))
    rows = list(module.run(files, Options(), workers=2, context=mp.get_context("fork")))
    bad = [r for r in rows if r.error]
    assert [Path(r.file).name for r in bad] == ["03-stc.txt"]
    assert bad[0].error_type == "WorkerDied" and "exited with code 13" in (bad[0].error or "")
    want = [plan_result_to_dict(r) for r in results if rel(root, r).startswith("so/") and not r.file.endswith("03-stc.txt")]
    assert [plan_result_to_dict(r) for r in rows if not r.error] == want


def test_a_broken_link_in_a_folder_is_an_unreadable_row_not_the_end_of_the_run(tmp_path, reference_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_bytes(reference_path.read_bytes())
    (tmp_path / "b.txt").symlink_to(tmp_path / "moved-away.txt")
    rows = list(batch([tmp_path], jobs=1))
    assert [(Path(r.file).name, r.status) for r in rows] == [("a.txt", "fail"), ("b.txt", "error")]  # the sample has header faults
    assert "không có tệp này" in (rows[1].error or "")  # the reason in the run's language (vi)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_like_a_plan_inside_a_folder_is_not_read(tmp_path, reference_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_bytes(reference_path.read_bytes())
    os.mkfifo(tmp_path / "b.txt")  # reading it would wait for a writer for ever
    assert [Path(p).name for p in iter_plan_files([tmp_path])] == ["a.txt"]


def test_an_executor_url_is_checked_before_any_file_is_read(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    for url in ("spark://host:7077", "dask://", "dask://scheduler", "dask://host:port", "ray:/local"):
        with pytest.raises(UsageError):
            batch([root], executor=url)
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in ("ray", "distributed") else real(name, *a))
    with pytest.raises(MissingExtraError, match=r'pip install "vnplan\[ray\]"'):
        batch([root], executor="ray://head:10001")
    with pytest.raises(MissingExtraError, match=r'pip install "vnplan\[dask\]"'):
        batch([root], executor="dask://local")


def test_the_command_names_the_extra_a_cluster_needs(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from vnplan.cli import main

    root, _ = corpus
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a))
    res = CliRunner().invoke(main, ["batch", str(root), "--executor", "ray://local"])
    assert res.exit_code == 2 and 'pip install "vnplan[ray]"' in res.stderr
    res = CliRunner().invoke(main, ["batch", str(root), "--executor", "hadoop://x:1", "--lang", "en"])
    assert res.exit_code == 2 and "not an executor URL" in res.stderr
    res = CliRunner().invoke(main, ["batch", str(root), "--executor", "hadoop://x:1"])  # Vietnamese by default
    assert res.exit_code == 2 and "không phải địa chỉ bộ thực thi: 'hadoop://x:1'" in res.stderr


def test_through_an_executor_a_slow_file_is_given_up_and_the_run_goes_on(corpus, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    root, _ = corpus
    module = sys.modules["vnplan.batch.pool"]  # where a task looks the checker up
    real = module.check_file

    def slow(path, options=Options()):  # type: ignore[no-untyped-def]
        if str(path).endswith("04-syt.txt"):
            time.sleep(5)  # an executor cannot stop it: the thread finishes in the background
        return real(path, options)

    monkeypatch.setattr(module, "check_file", slow)
    with cf.ThreadPoolExecutor(max_workers=2) as ex:
        rows = list(batch([root / "so"], executor=ex, timeout=1.5))
        chunked = list(batch([root / "so"], executor=ex, timeout=1.5, chunksize=3, lang="en"))  # 4.5 s a task
    bad = [r for r in rows if r.error]
    assert [Path(r.file).name for r in bad] == ["04-syt.txt"] and bad[0].error_type == "TimeLimitError"
    assert len(rows) == len(list(iter_plan_files([root / "so"])))
    # a task of three files is given up whole: the files with the slow one are rows that say so
    bad = [r for r in chunked if r.error]
    assert [Path(r.file).name for r in bad] == ["03-stc.txt", "04-syt.txt", "05-sgdđt.txt"]
    assert "the task of 3 files" in (bad[0].error or "")
    assert "quá giới hạn thời gian (1.5 giây mỗi tệp): đã bỏ qua" in (next(r for r in rows if r.error).error or "")
