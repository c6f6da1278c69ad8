"""Benchmark `vnplan batch`: plans per second and peak memory, vnplan's own workers beside a Dask LocalCluster.

    PYTHONPATH=. python benchmarks/bench_batch.py [--plans 1000] [--formats txt,docx] [--jobs 1,2] [--repeat 3]
                                              [--profile bacgiang-14-KH-UBND-2024] [--executors own,dask]

Generates ``--plans`` variants of the reference plan (tests/plan_factory.py) in a temporary
folder for each format (.docx only when this installation reads .docx), then checks them in
a fresh process per configuration, as ``vnplan batch`` does:

- ``own``: vnplan's own worker processes (``--jobs`` of them; ``jobs=1`` is one worker, as the
  per-file time limit needs), started from a forkserver;
- ``dask``: ``--executor dask://local`` with as many worker processes (one thread each) as
  the largest ``--jobs``, the file contents travelling with the tasks (the cluster's start
  and stop are timed apart from the run).

Each run keeps every result (spooled to disk, as the CLI does) and streams the JSON and HTML
reports, so the peak memory printed is what a real run needs: the parent's maximum resident
set (``getrusage``; with Dask it holds the scheduler too) and the largest worker's (each
worker reports its own). Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def generate(folder: Path, n: int, fmt: str) -> None:
    import plan_factory as pf

    base = pf.reference_text()
    for v in pf.variants(n):
        pf.write_plan(folder, v, fmt, base)


def _maxrss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # kilobytes on Linux
    return kb / 1024 if sys.platform != "darwin" else kb / (1024 * 1024)


def run_once(folder: str, jobs: int, profile: str | None = None, executor: str = "own") -> dict[str, float]:
    """One configuration, in this (fresh) process, as ``vnplan batch -o report.json|html`` runs it."""
    import importlib

    from vnplan.batch import Spool, batch
    from vnplan.batch.cluster import open_cluster
    from vnplan.report.html import iter_html
    from vnplan.report.json import iter_json

    import vnplan.rules.runner  # noqa: F401  (imports outside the timing, as a warm CLI would)

    workers = importlib.import_module("vnplan.batch.workers")  # the module, not the function vnplan.batch
    t_open = time.perf_counter()
    cluster_cm = open_cluster("dask://local", jobs=jobs) if executor == "dask" else None
    cluster = cluster_cm.__enter__() if cluster_cm is not None else None
    opened = time.perf_counter() - t_open
    try:
        with Spool() as results:
            t0 = time.perf_counter()
            errors = 0
            it = batch([folder], jobs=jobs, profile=profile) if cluster is None else _batch_on(cluster, folder, profile)
            for r in it:
                results.append(r)
                errors += r.error is not None
            elapsed = time.perf_counter() - t0
            if cluster is not None and cluster.on_workers is not None:
                worker_mb = max(kb / 1024 for kb in cluster.on_workers(_worker_maxrss_kb))
            else:
                worker_mb = workers.peak_worker_rss_kb() / 1024
            t1 = time.perf_counter()
            size = 0
            with open(os.devnull, "w", encoding="utf-8") as sink:
                for piece in iter_json(results):
                    size += len(piece)
                    sink.write(piece)
                for piece in iter_html(results):
                    size += len(piece) + 1
                    sink.write(piece + "\n")
            render = time.perf_counter() - t1
            n = len(results)
    finally:
        t_close = time.perf_counter()
        if cluster_cm is not None:
            cluster_cm.__exit__(None, None, None)
        closed = time.perf_counter() - t_close
    return {
        "plans": n,
        "unreadable": errors,
        "seconds": elapsed,
        "plans_per_second": n / elapsed,
        "render_seconds": render,
        "report_bytes": size,
        "cluster_start_seconds": opened,
        "cluster_stop_seconds": closed,
        "peak_mb_self": _maxrss_mb(resource.RUSAGE_SELF),
        "peak_mb_worker": worker_mb,
    }


def _batch_on(cluster, folder: str, profile: str | None):  # type: ignore[no-untyped-def]
    """The batch `--executor dask://local` runs, on a cluster already open (so its start is timed apart)."""
    from vnplan.batch import Options, iter_plan_files, pool
    from vnplan.profiles import resolve

    options = Options(profile=resolve(profile) if profile else None)
    return pool.run(iter_plan_files([folder]), options, cluster.executor, None, 4 * cluster.slots, 1,
                    120.0, send_content=True, share=cluster.share)


def _worker_maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--formats", default="txt,docx")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--executors", default="own", help="own (vnplan's workers), dask (a Dask LocalCluster), or both")
    ap.add_argument("--profile", default=None, help="check against this profile too (e.g. bacgiang-14-KH-UBND-2024)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest is kept "
                    "(other processes on the machine make single runs noisy)")
    ap.add_argument("--keep", default=None, help="generate the plans into this folder and keep them "
                    "(an existing folder with enough plans is reused)")
    ap.add_argument("--run", help=argparse.SUPPRESS)  # internal: one configuration in a child process
    ap.add_argument("--executor", default="own", help=argparse.SUPPRESS)  # internal, with --run
    ap.add_argument("--generate", help=argparse.SUPPRESS)  # internal: write the plans in a child process
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_once(args.run, int(args.jobs), args.profile, args.executor)))
        return
    if args.generate:
        generate(Path(args.generate), args.plans, args.formats)
        return

    docx_ok = importlib.util.find_spec("vnplan.read.docx") is not None
    dask_ok = importlib.util.find_spec("distributed") is not None
    jobs_list = [int(j) for j in args.jobs.split(",")]
    executors = [e for e in args.executors.split(",") if e]
    if "dask" in executors and not dask_ok:
        print("dask: skipped (pip install 'vnplan[dask]')")
        executors.remove("dask")
    configs = [("own", j) for j in jobs_list if "own" in executors]
    configs += [("dask", max(jobs_list))] if "dask" in executors else []
    print(f"vnplan batch benchmark: {args.plans} plans, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
          + (f", profile {args.profile}" if args.profile else ""))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    for fmt in args.formats.split(","):
        if fmt == "docx" and not docx_ok:
            print("docx: skipped (this installation has no .docx reader yet)")
            continue
        with tempfile.TemporaryDirectory(prefix=f"vnplan-bench-{fmt}-") as tmp:
            folder = Path(args.keep) / fmt if args.keep else Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            have = sum(1 for _ in folder.glob(f"*.{fmt}"))
            if have != args.plans:
                t0 = time.perf_counter()
                # In child processes: Linux keeps a process's peak RSS across exec, so the driver
                # stays small (python-docx is loaded by the generator only) to keep the figures honest.
                for old in folder.glob(f"*.{fmt}"):
                    old.unlink()
                subprocess.run([sys.executable, __file__, "--generate", str(folder), "--plans", str(args.plans),
                                "--formats", fmt], env=env, check=True)
                print(f"{fmt}: generated {args.plans} plans in {time.perf_counter() - t0:.1f} s")
            print(f"  {'executor':<22} {'plans/s':>8} {'per worker':>10} {'seconds':>8}   {'peak parent':>11}"
                  f" {'peak worker':>11}   reports")
            rates: dict[tuple[str, int], float] = {}
            for executor, jobs in configs:
                cmd = [sys.executable, __file__, "--run", str(folder), "--jobs", str(jobs), "--executor", executor]
                cmd += ["--profile", args.profile] if args.profile else []
                runs = [json.loads(subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout)
                        for _ in range(max(1, args.repeat))]
                r = max(runs, key=lambda x: x["plans_per_second"])
                r["peak_mb_self"] = max(x["peak_mb_self"] for x in runs)
                r["peak_mb_worker"] = max(x["peak_mb_worker"] for x in runs)
                rates[(executor, jobs)] = r["plans_per_second"]
                label = f"built-in, jobs={jobs}" if executor == "own" else f"dask local, {jobs} workers"
                extra = (f"; cluster start {r['cluster_start_seconds']:.1f} s, stop {r['cluster_stop_seconds']:.1f} s"
                         if executor == "dask" else "")
                print(f"  {label:<22} {r['plans_per_second']:>8.0f} {r['plans_per_second'] / jobs:>10.0f}"
                      f" {r['seconds']:>8.1f}   {r['peak_mb_self']:>8.0f} MB {r['peak_mb_worker']:>8.0f} MB"
                      f"   {r['report_bytes'] / 1e6:.1f} MB in {r['render_seconds']:.1f} s"
                      f" ({r['plans']} plans, {r['unreadable']} unreadable){extra}")
            own = {j: v for (e, j), v in rates.items() if e == "own"}
            if len(own) > 1:
                lo, hi = min(own), max(own)
                print(f"  speed-up built-in jobs={hi} / jobs={lo}: {own[hi] / own[lo]:.2f}×")
            n = max(jobs_list)
            if ("own", n) in rates and ("dask", n) in rates:
                print(f"  dask / built-in at {n} workers: {rates[('dask', n)] / rates[('own', n)]:.2f}×")


if __name__ == "__main__":
    main()
