"""Parse speed: time per plan and MB/s, against reading + NFC-normalising the same text.

Run: python benchmarks/bench_parse.py [FILE] [--repeat N] [--mb X]

With ``--mb X`` the input is the file's text repeated to about X megabytes (under the readers'
limit of 2 million characters, vnplan.read.limits.MAX_TEXT_CHARS: about 2.6 MB of Vietnamese
text), for the throughput on a large input (issue 17: ≥ 5 MB/s). The baseline is measured on
the same text in the same run.
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
from vnplan.read.limits import MAX_TEXT_CHARS  # noqa: E402
from vnplan.read.text import read_text  # noqa: E402


def best(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(ROOT / "samples" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"))
    ap.add_argument("--repeat", type=int, default=None, help="runs of each (default 200; 5 with --mb)")
    ap.add_argument("--mb", type=float, default=None, help="repeat the file's text to about this many MB")
    args = ap.parse_args()
    text = Path(args.file).read_bytes().decode("utf-8")
    if args.mb:
        copies = max(1, int(args.mb * 1e6 / len(text.encode("utf-8"))))
        copies = min(copies, MAX_TEXT_CHARS // (len(text) + 2))
        text = "\n\n".join([text] * copies)
    raw = text.encode("utf-8")
    repeat = args.repeat or (5 if args.mb else 200)
    size_mb = len(raw) / 1e6

    def baseline() -> None:
        unicodedata.normalize("NFC", raw.decode("utf-8")).splitlines()

    def full() -> None:
        parse_document(read_text(raw.decode("utf-8")))

    full()  # warm caches (vocabulary, compiled patterns)
    b_best, b_med = best(baseline, repeat)
    f_best, f_med = best(full, repeat)
    print(f"file: {args.file} ({len(raw) / 1024:.1f} KB{', repeated' if args.mb else ''})")
    print(f"baseline read+NFC : best {b_best * 1e3:8.3f} ms  median {b_med * 1e3:8.3f} ms  {size_mb / b_best:8.1f} MB/s")
    print(f"vnplan read+parse : best {f_best * 1e3:8.3f} ms  median {f_med * 1e3:8.3f} ms  {size_mb / f_best:8.2f} MB/s"
          f"  (median {size_mb / f_med:.2f} MB/s)")
    if args.mb:
        print(f"ratio parse/baseline: {f_best / b_best:.1f}x   target: >= 5 MB/s on a large input -> "
              f"{'met' if size_mb / f_best >= 5 else 'NOT met'}")
    else:
        print(f"ratio parse/baseline: {f_best / b_best:.1f}x   target: a 14 KB plan under 10 ms -> "
              f"{'met' if f_best < 0.010 else 'NOT met'}")


if __name__ == "__main__":
    main()
