"""Parse speed: time per plan and MB/s, against reading + NFC-normalising the same text.

Run: python benchmarks/bench_parse.py [FILE] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnplan.parse import parse_document  # noqa: E402
from vnplan.read.text import read_text  # noqa: E402


def best(fn, repeat: int) -> float:
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
    raw = Path(args.file).read_bytes()
    size_mb = len(raw) / 1e6

    def baseline() -> None:
        unicodedata.normalize("NFC", raw.decode("utf-8")).splitlines()

    def full() -> None:
        parse_document(read_text(raw.decode("utf-8")))

    full()  # warm caches (vocabulary, compiled patterns)
    b_best, b_med = best(baseline, args.repeat)
    f_best, f_med = best(full, args.repeat)
    print(f"file: {args.file} ({len(raw) / 1024:.1f} KB)")
    print(f"baseline read+NFC : best {b_best * 1e3:8.3f} ms  median {b_med * 1e3:8.3f} ms  {size_mb / b_best:8.1f} MB/s")
    print(f"vnplan read+parse : best {f_best * 1e3:8.3f} ms  median {f_med * 1e3:8.3f} ms  {size_mb / f_best:8.2f} MB/s")
    print(f"ratio parse/baseline: {f_best / b_best:.1f}x   target: a 14 KB plan under 10 ms -> "
          f"{'met' if f_best < 0.010 else 'NOT met'}")


if __name__ == "__main__":
    main()
