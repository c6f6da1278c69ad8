"""Start-up: whole processes (``import vnplan``, ``vnplan --version``, ``vnplan check``) beside ``python -c pass``.

Run: python benchmarks/bench_startup.py [--repeat N] [--plan FILE] [--profile NAME] [--root CHECKOUT]
(``--root``: measure another checkout of vnplan, e.g. the main branch, for a before/after.)

Every command is a fresh interpreter, run ``--repeat`` times after one warm-up run; the figure
is the median wall time and the median CPU time (user + system of the child process), each
printed beside its ratio to ``python -c pass`` measured in the same run (the floor); on a busy
machine the CPU ratio is the steadier one. The warm-up run fills vnplan's start-up store
(``vnplan.store``: compiled patterns and class code, in ``$VNPLAN_CACHE_DIR``, here a temporary
folder) as any first run on a machine does; the last row checks with the store turned off. Byte-code is cached in a temporary ``PYTHONPYCACHEPREFIX`` (as an installed
package has its ``.pyc`` files), even when the caller sets ``PYTHONDONTWRITEBYTECODE``.
Targets (issue 17): ``vnplan --version`` ≤ 2× the floor, ``vnplan check`` with the shipped
profile ≤ 5×.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "samples" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"
PROFILE = "bacgiang-14-KH-UBND-2024"
CLI = ["-m", "vnplan"]  # as the installed `vnplan` script: vnplan/__main__.py


def commands(plan: str, profile: str) -> list[tuple[str, list[str], float | None, dict[str, str]]]:
    """(label, argv after the interpreter, target ratio to the floor, environment it changes)."""
    check = [*CLI, "check", plan, "--profile", profile]
    return [
        ("python -c pass (floor)", ["-c", "pass"], None, {}),
        ("import vnplan", ["-c", "import vnplan"], None, {}),
        ("vnplan --version", [*CLI, "--version"], 2.0, {}),
        ("vnplan rules", [*CLI, "rules"], None, {}),
        ("vnplan parse PLAN", [*CLI, "parse", plan], None, {}),
        ("vnplan check PLAN", [*CLI, "check", plan], None, {}),
        (f"vnplan check PLAN --profile {profile}", check, 5.0, {}),
        ("  the same, start-up store off", check, None, {"VNPLAN_CACHE_DIR": "off"}),
    ]


def run_once(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one run; CPU (user + system of the child) is what a loaded machine distorts least."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *argv], env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--plan", default=str(PLAN))
    ap.add_argument("--profile", default=PROFILE)
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose vnplan is measured")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPATH": args.root, "PYTHONPYCACHEPREFIX": cache,
               "VNPLAN_CACHE_DIR": os.path.join(cache, "vnplan")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows = commands(args.plan, args.profile)
        walls: dict[str, list[float]] = {label: [] for label, _, _, _ in rows}
        cpus: dict[str, list[float]] = {label: [] for label, _, _, _ in rows}
        # from the checkout's root, as `python -c` puts the current folder first on sys.path
        for _, argv, _, more in rows:
            run_once(argv, {**env, **more}, args.root)  # warm-up: byte-code and store written, files in the page cache
        for _ in range(args.repeat):  # interleaved, so load on the machine falls on every row alike
            for label, argv, _, more in rows:
                wall, cpu = run_once(argv, {**env, **more}, args.root)
                walls[label].append(wall)
                cpus[label].append(cpu)
    floor_wall = statistics.median(walls[rows[0][0]])
    floor_cpu = statistics.median(cpus[rows[0][0]])
    print(f"vnplan from {args.root}; medians of {args.repeat} runs")
    print(f"{'command':<48} {'wall ms':>8} {'× floor':>8} {'CPU ms':>8} {'× floor':>8}  target (on CPU)")
    for label, _, target, _ in rows:
        wall, cpu = statistics.median(walls[label]), statistics.median(cpus[label])
        ratio = cpu / floor_cpu
        verdict = "" if target is None else f"≤ {target:g}× {'ok' if ratio <= target else 'MISSED'}"
        print(f"{label:<48} {wall * 1000:>8.1f} {wall / floor_wall:>8.2f} {cpu * 1000:>8.1f} {ratio:>8.2f}  {verdict}")


if __name__ == "__main__":
    main()
