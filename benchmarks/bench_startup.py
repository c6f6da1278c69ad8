"""Start-up: whole processes (``import vnplan``, ``vnplan --version``, ``vnplan check``) beside ``python -c pass``.

Run: python benchmarks/bench_startup.py [--repeat N] [--plan FILE] [--profile NAME] [--root CHECKOUT]
(``--root``: measure another checkout of vnplan, e.g. the main branch, for a before/after.)

Every command is a fresh interpreter, run ``--repeat`` times after one warm-up run; the figure
is the median wall time, printed beside its ratio to ``python -c pass`` measured in the same
run (the floor). Byte-code is cached in a temporary ``PYTHONPYCACHEPREFIX`` (as an installed
package has its ``.pyc`` files), even when the caller sets ``PYTHONDONTWRITEBYTECODE``.
Targets (issue 17): ``vnplan --version`` ≤ 2× the floor, ``vnplan check`` with the shipped
profile ≤ 5×.
"""

from __future__ import annotations

import argparse
import os
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


def commands(plan: str, profile: str) -> list[tuple[str, list[str], float | None]]:
    """(label, argv after the interpreter, target ratio to the floor)."""
    return [
        ("python -c pass (floor)", ["-c", "pass"], None),
        ("import vnplan", ["-c", "import vnplan"], None),
        ("vnplan --version", [*CLI, "--version"], 2.0),
        ("vnplan rules", [*CLI, "rules"], None),
        ("vnplan parse PLAN", [*CLI, "parse", plan], None),
        ("vnplan check PLAN", [*CLI, "check", plan], None),
        (f"vnplan check PLAN --profile {profile}", [*CLI, "check", plan, "--profile", profile], 5.0),
    ]


def run_once(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--plan", default=str(PLAN))
    ap.add_argument("--profile", default=PROFILE)
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose vnplan is measured")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPATH": args.root, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows = commands(args.plan, args.profile)
        times: dict[str, list[float]] = {label: [] for label, _, _ in rows}
        for _, argv, _ in rows:
            run_once(argv, env)  # warm-up: byte-code written, files in the page cache
        for _ in range(args.repeat):  # interleaved, so load on the machine falls on every row alike
            for label, argv, _ in rows:
                times[label].append(run_once(argv, env))
    floor = statistics.median(times[rows[0][0]])
    print(f"{'command':<48} {'median ms':>10} {'min ms':>8} {'× floor':>8}  target")
    for label, _, target in rows:
        med, low = statistics.median(times[label]), min(times[label])
        ratio = med / floor
        verdict = "" if target is None else f"≤ {target:g}× {'ok' if ratio <= target else 'MISSED'}"
        print(f"{label:<48} {med * 1000:>10.1f} {low * 1000:>8.1f} {ratio:>8.2f}  {verdict}")


if __name__ == "__main__":
    main()
