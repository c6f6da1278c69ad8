"""Citation extraction throughput (MB/s) against a baseline measured in the same run.

The text is the bundled corpus (tests/data/corpus) repeated to about --mb megabytes. Timed:

* baseline: one pass of a single compiled ``regex`` (a number/symbol pattern) over the text;
* extraction end to end: ``extract_citations`` from a read ``SourceDocument`` to grouped,
  resolved ``Citation`` objects (triggers, parsing, lists, issuers, short forms, groups);
* for information, with the reader: ``read_text`` (normalisation, blocks; not part of the
  citation extractor) plus ``extract_citations``.

Each timing is the best of --repeat runs. MB are megabytes of UTF-8 input.

The default size stays under the readers' text limit (vnplan.read.limits.MAX_TEXT_CHARS, 2 million
characters: about 2.6 MB of this Vietnamese text).

Run: python benchmarks/bench_citations.py [--mb 2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnplan.parse.citations import extract_citations  # noqa: E402
from vnplan.read.text import read_text  # noqa: E402

BASELINE = regex.compile(r"\d{1,6}(?:/\d{4})?[/-]\p{Lu}[\p{L}\d&/-]*")


def corpus_text(mb: float) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))]
    unit = "\n\n".join(parts)
    n = max(1, int(mb * 1e6 / len(unit.encode("utf-8"))))
    return "\n\n".join([unit] * n)


def best(f, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    text = corpus_text(args.mb)
    size = len(text.encode("utf-8")) / 1e6
    doc = read_text(text)

    t_base, hits = best(lambda: sum(1 for _ in BASELINE.finditer(text)), args.repeat)
    t_ext, cits = best(lambda: extract_citations(doc), args.repeat)
    t_e2e, _ = best(lambda: extract_citations(read_text(text)), args.repeat)

    print(f"input: {size:.2f} MB, {len(doc.blocks)} blocks; {hits} baseline matches, {len(cits)} citations")
    print(f"{'run':<38} {'seconds':>8} {'MB/s':>8} {'x baseline':>11}")
    for name, t in (("baseline: one compiled regex pass", t_base),
                    ("extraction end to end", t_ext),
                    ("with the reader: read_text + extract", t_e2e)):
        print(f"{name:<38} {t:>8.3f} {size / t:>8.1f} {t / t_base:>10.1f}x")
    print(f"target >= 10 MB/s for extraction end to end: {'met' if size / t_ext >= 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
