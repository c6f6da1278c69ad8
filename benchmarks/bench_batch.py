"""Benchmark `vnplan.batch`: plans per second with 1 and 2 workers, and peak memory.

    PYTHONPATH=. python benchmarks/bench_batch.py [--plans 1000] [--formats txt,docx] [--jobs 1,2] [--repeat 3]
                                              [--profile bacgiang-14-KH-UBND-2024]

Generates ``--plans`` variants of the reference plan (tests/plan_factory.py) in a temporary
folder for each format (.docx only when this installation reads .docx), then checks them in
a fresh process per configuration: ``jobs=1`` checks in that process, ``jobs=N>1`` through a
process pool of N workers started as vnplan starts its own (forkserver where available).
Each run keeps every result (spooled to disk, as the CLI does) and streams the JSON and HTML
reports, so the peak memory printed is what a real run needs: the larger of the parent's
and any worker's maximum resident set size (``getrusage``). Targets from the issue: at
least 100 text plans and 50 .docx plans per second per core, peak under 300 MB.
Timings are printed, never asserted.
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


def run_once(folder: str, jobs: int, profile: str | None = None) -> dict[str, float]:
    """One configuration, in this (fresh) process, as ``vnplan batch -o report.json|html`` runs it."""
    from vnplan.batch import Spool, batch
    from vnplan.report.json import iter_json
    from vnplan.report.html import iter_html

    import vnplan.rules.runner  # noqa: F401  (imports outside the timing, as a warm CLI would)

    import concurrent.futures as cf

    from vnplan.batch.pool import _mp_context

    # jobs > 1: the pool vnplan would create (same size, same start method), made here so the
    # workers can be asked their peak memory afterwards (forkserver workers are not our children).
    pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context()) if jobs > 1 else None
    with Spool() as results:
        t0 = time.perf_counter()
        errors = 0
        for r in batch([folder], jobs=jobs, executor=pool, profile=profile):
            results.append(r)
            errors += r.error is not None
        elapsed = time.perf_counter() - t0
        worker_mb = max(pool.map(_worker_maxrss_mb, range(8 * jobs))) if pool is not None else 0.0
        if pool is not None:
            pool.shutdown()
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
    return {
        "plans": n,
        "unreadable": errors,
        "seconds": elapsed,
        "plans_per_second": n / elapsed,
        "render_seconds": render,
        "report_bytes": size,
        "peak_mb_self": _maxrss_mb(resource.RUSAGE_SELF),
        "peak_mb_worker": max(worker_mb, _maxrss_mb(resource.RUSAGE_CHILDREN)),
    }


def _worker_maxrss_mb(_: int) -> float:
    time.sleep(0.05)  # let every worker take some of the probes
    return _maxrss_mb(resource.RUSAGE_SELF)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--formats", default="txt,docx")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--profile", default=None, help="check against this profile too (e.g. bacgiang-14-KH-UBND-2024)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest is kept "
                    "(other processes on the machine make single runs noisy)")
    ap.add_argument("--run", help=argparse.SUPPRESS)  # internal: one configuration in a child process
    ap.add_argument("--generate", help=argparse.SUPPRESS)  # internal: write the plans in a child process
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_once(args.run, int(args.jobs), args.profile)))
        return
    if args.generate:
        generate(Path(args.generate), args.plans, args.formats)
        return

    docx_ok = importlib.util.find_spec("vnplan.read.docx") is not None
    jobs_list = [int(j) for j in args.jobs.split(",")]
    print(f"vnplan batch benchmark: {args.plans} plans, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
          + (f", profile {args.profile}" if args.profile else ""))
    for fmt in args.formats.split(","):
        if fmt == "docx" and not docx_ok:
            print("docx: skipped (this installation has no .docx reader yet)")
            continue
        with tempfile.TemporaryDirectory(prefix=f"vnplan-bench-{fmt}-") as tmp:
            t0 = time.perf_counter()
            # In child processes: Linux keeps a process's peak RSS across exec, so the driver
            # stays small (python-docx is loaded by the generator only) to keep the figures honest.
            env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
            subprocess.run([sys.executable, __file__, "--generate", tmp, "--plans", str(args.plans),
                            "--formats", fmt], env=env, check=True)
            print(f"{fmt}: generated {args.plans} plans in {time.perf_counter() - t0:.1f} s")
            rates: dict[int, float] = {}
            for jobs in jobs_list:
                cmd = [sys.executable, __file__, "--run", tmp, "--jobs", str(jobs)]
                cmd += ["--profile", args.profile] if args.profile else []
                runs = [json.loads(subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout)
                        for _ in range(max(1, args.repeat))]
                r = max(runs, key=lambda x: x["plans_per_second"])
                r["peak_mb_self"] = max(x["peak_mb_self"] for x in runs)
                r["peak_mb_worker"] = max(x["peak_mb_worker"] for x in runs)
                rates[jobs] = r["plans_per_second"]
                peak = max(r["peak_mb_self"], r["peak_mb_worker"])
                print(f"  jobs={jobs}: {r['plans']} plans ({r['unreadable']} unreadable) in {r['seconds']:.2f} s"
                      f" = {r['plans_per_second']:.0f} plans/s ({r['plans_per_second'] / jobs:.0f} per worker);"
                      f" reports {r['report_bytes'] / 1e6:.1f} MB in {r['render_seconds']:.2f} s;"
                      f" peak memory {peak:.0f} MB (parent {r['peak_mb_self']:.0f}, worker {r['peak_mb_worker']:.0f})")
            if len(rates) > 1:
                lo, hi = min(rates), max(rates)
                print(f"  speed-up jobs={hi} / jobs={lo}: {rates[hi] / rates[lo]:.2f}×")


if __name__ == "__main__":
    main()
