"""Scale-out: a batch on a Dask cluster gives the report vnplan's own workers give, from the files' bytes.

The cluster is a Dask ``LocalCluster`` of two separate worker processes. Its workers are
started in another folder than the one the batch then runs from, and the plans are named by
relative paths: a worker that tried to open them would find nothing, so the same report
proves that each file's content travelled with its task.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import plan_factory as pf
from vnplan.batch import batch
from vnplan.cli import main
from vnplan.report import iter_batch

distributed = pytest.importorskip(
    "distributed", reason="Dask is the optional extra vnplan[dask] (pip install 'vnplan[dask]'); the test extra installs it")

DOCX_READER = importlib.util.find_spec("vnplan.read.docx") is not None
PROFILE = "bacgiang-14-KH-UBND-2024"


def _without_timings(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_timings(v) for k, v in value.items() if k != "seconds"}
    if isinstance(value, list):
        return [_without_timings(v) for v in value]
    return value


def report(rows: list[Any]) -> Any:
    """The batch's JSON report, timings left out."""
    return _without_timings(json.loads("".join(iter_batch(rows, "json", profile=PROFILE))))


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About twenty plans of every kind the corpus has (.txt, .md, .docx, a scanned PDF, broken and empty files)."""
    base = tmp_path_factory.mktemp("cluster")
    pf.build_corpus(base / "all", docx_reader=DOCX_READER)
    root = base / "plans"
    for sub, keep in (("huyen", 8), ("md", 3), ("docx", 3), ("broken", 3), ("so", 3)):
        (root / sub).mkdir(parents=True)
        for f in sorted((base / "all" / sub).iterdir())[:keep]:
            shutil.copy(f, root / sub / f.name)
    return root


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as c:
        yield c


def test_a_dask_cluster_of_two_worker_processes_gives_the_built_in_pools_report(plans, cluster, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(plans.parent)  # the workers keep the folder they started in
    with distributed.Client(cluster) as client:
        workers_see_it = client.submit(os.path.exists, plans.name, pure=False).result()
        pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids  # two worker processes of their own
    assert not workers_see_it and os.path.exists(plans.name)

    own = list(batch([plans.name], jobs=2, profile=PROFILE))
    address = cluster.scheduler_address.removeprefix("tcp://")
    on_dask = list(batch([plans.name], executor=f"dask://{address}", profile=PROFILE))
    assert len(own) >= 18 and any(r.error for r in own) and any(r.coverage for r in own)
    assert {r.format for r in own} >= {"text", "markdown", "docx"}
    assert report(on_dask) == report(own)


def test_a_dask_executor_of_the_callers_own_sends_paths_unless_told_to_send_content(plans, cluster, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    files = [plans / "so" / "00-stp.txt", plans / "so" / "01-snv.txt"]
    with distributed.Client(cluster) as client:
        by_path = list(batch(files, executor=client.get_executor(), window=8))  # absolute: the workers see them
        monkeypatch.chdir(plans)
        relative = [str(f.relative_to(plans)) for f in files]
        blind = list(batch(relative, executor=client.get_executor()))
        by_content = list(batch(relative, executor=client.get_executor(), send_content=True))
    assert [r.error for r in by_path] == [None, None]
    assert all("không có tệp này" in (r.error or "") for r in blind)  # what a worker that cannot see the file says (vi)
    assert [r.header for r in by_content] == [r.header for r in by_path]


def test_the_command_starts_and_stops_a_local_dask_cluster(plans, tmp_path) -> None:  # type: ignore[no-untyped-def]
    some = plans / "so"
    on_dask, own = tmp_path / "dask.json", tmp_path / "own.json"
    res = CliRunner().invoke(main, ["batch", str(some), "--executor", "dask://local", "--jobs", "2", "-o", str(on_dask)])
    assert res.exit_code in (0, 1), res.output + res.stderr
    assert CliRunner().invoke(main, ["batch", str(some), "--jobs", "2", "-o", str(own)]).exit_code == res.exit_code
    assert _without_timings(json.loads(on_dask.read_text(encoding="utf-8"))) == \
        _without_timings(json.loads(own.read_text(encoding="utf-8")))
