"""Benchmark: vnplan's full .docx read against python-docx opening and walking the same file.

Run: ``PYTHONPATH=. python benchmarks/bench_read_docx.py [--pages 10] [--repeat 50]``

The baseline opens the file with python-docx and reads ``paragraph.text`` of every body
paragraph and every table-cell paragraph. vnplan's read does everything it always does:
safety checks, numbering, effective run formatting, page setup, normalisation. Both read
the same bytes from the same path in the same run. Targets (issue 3): ratio <= 2 and at
least 100 ten-page plans per second per core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import docx  # noqa: E402

from docx_fixtures import BODY, build_plan, ensure_numbering_part, to_bytes  # noqa: E402
from vnplan.read import read  # noqa: E402


FILLER = ("Các cơ quan, đơn vị chủ động triển khai thực hiện nhiệm vụ được giao, bảo đảm tiến độ, chất lượng "
          "và hiệu quả, định kỳ báo cáo kết quả về Sở Khoa học và Công nghệ để tổng hợp. ")


def baseline(path: Path) -> int:
    d = docx.Document(str(path))
    n = 0
    for p in d.paragraphs:
        n += len(p.text)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    n += len(p.text)
    return n


def vnplan_read(path: Path) -> int:
    return sum(len(b.text) for b in read(path).blocks)


def timeit(fn, path: Path, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn(path)  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=10, help="about how many A4 pages the plan fills")
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    # one "page": the sample plan body with every item lengthened, about 400 words at 14 pt
    body = tuple((lvl, lab, text + " " + FILLER * (1 if lvl else 0)) for lvl, lab, text in BODY)
    data = ensure_numbering_part(to_bytes(build_plan("auto", body=body, pages=args.pages)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.docx"
        path.write_bytes(data)
        doc = read(path)
        base = timeit(baseline, path, args.repeat)
        ours = timeit(vnplan_read, path, args.repeat)
    b, o = statistics.median(base), statistics.median(ours)
    words = sum(len(bl.text.split()) for bl in doc.blocks)
    print(f"file: {len(data)} bytes, {len(doc.blocks)} blocks, {words} words (~{args.pages} pages)")
    print(f"python-docx open + walk paragraphs and cells: {b * 1000:7.2f} ms (median of {args.repeat})")
    print(f"vnplan.read.read (full):                      {o * 1000:7.2f} ms (median of {args.repeat})")
    print(f"ratio vnplan / python-docx: {o / b:.2f}  (target <= 2)")
    print(f"throughput: {1 / o:.0f} docx/s on one core  (target >= 100)")


if __name__ == "__main__":
    main()
