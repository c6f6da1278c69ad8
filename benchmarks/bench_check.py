"""Check speed: parse alone against parse + every rule, on the same text in the same run.

Run: python benchmarks/bench_check.py [FILE] [--repeat N]
Target: checking one typical plan (parse + all rules) under 20 ms on its text form.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnplan.rules.registry import Context, rules, run_rules  # noqa: E402
from vnplan.parse import parse_document  # noqa: E402
from vnplan.read.text import read_text  # noqa: E402

TARGET_S = 0.020


def timed(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(ROOT / "samples" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"))
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    text = Path(args.file).read_bytes().decode("utf-8")
    catalogue = rules()

    def parse_only() -> None:
        parse_document(read_text(text))

    def parse_and_check() -> None:
        plan = parse_document(read_text(text))
        run_rules(Context(plan=plan), catalogue)

    plan = parse_document(read_text(text))
    n_findings = len(run_rules(Context(plan=plan), catalogue))  # warm caches, count findings
    p_best, p_med = timed(parse_only, args.repeat)
    c_best, c_med = timed(parse_and_check, args.repeat)
    r_best, r_med = timed(lambda: run_rules(Context(plan=plan), catalogue), args.repeat)
    print(f"file: {args.file} ({len(text.encode()) / 1024:.1f} KB), {len(catalogue)} rules, {n_findings} findings")
    print(f"parse          : best {p_best * 1e3:8.3f} ms  median {p_med * 1e3:8.3f} ms")
    print(f"parse + rules  : best {c_best * 1e3:8.3f} ms  median {c_med * 1e3:8.3f} ms")
    print(f"rules alone    : best {r_best * 1e3:8.3f} ms  median {r_med * 1e3:8.3f} ms")
    print(f"ratio (parse + rules) / parse: {c_med / p_med:.2f}x   target: check under {TARGET_S * 1e3:.0f} ms -> "
          f"{'met' if c_med < TARGET_S else 'NOT met'} (median)")
    per_rule = sorted(((timed(lambda r=r: run_rules(Context(plan=plan), [r]), max(args.repeat // 4, 5))[1], r.id)
                       for r in catalogue), reverse=True)
    print("slowest rules (median): " + ", ".join(f"{rid} {t * 1e3:.3f} ms" for t, rid in per_rule[:5]))
    form = sum(t for t, rid in per_rule if rid.startswith("F1"))
    print(f"form and layout rules F101-F112 together: {form * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
