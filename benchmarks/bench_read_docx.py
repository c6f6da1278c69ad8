"""Benchmark: vnplan's full .docx read against python-docx opening and walking the same file.

Run: ``python benchmarks/bench_read_docx.py [--pages 10] [--repeat 50] [FILE.docx ...]``

The peer opens the file with python-docx and reads ``paragraph.text`` of every body
paragraph and every table-cell paragraph. The floor opens the zip with ``zipfile``, parses
``word/document.xml`` with lxml and adds up the text of every ``w:t``: no styles, numbering
or checks. vnplan's read does everything it always does: safety checks, numbering,
effective run formatting, page setup, normalisation. The three read the same bytes from the
same path, one after the other in each round (so a busy machine slows them alike), the cycle
collector run between calls, untimed (python-docx's trees wait for it; vnplan frees its own
within its call); figures are CPU time per read, median and fastest of the rounds. Targets (issue 17): ratio vnplan / python-docx <= 1.0 and
at least 150 ten-page plans per second per core.

Without FILE arguments a plan of about ``--pages`` pages is built with python-docx (its
default template, whose styles part is 350 KB); with them, each file given is timed.
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import docx  # noqa: E402
from lxml import etree  # noqa: E402

from docx_fixtures import BODY, build_plan, ensure_numbering_part, to_bytes  # noqa: E402
from vnplan.read import read  # noqa: E402

FILLER = ("Các cơ quan, đơn vị chủ động triển khai thực hiện nhiệm vụ được giao, bảo đảm tiến độ, chất lượng "
          "và hiệu quả, định kỳ báo cáo kết quả về Sở Khoa học và Công nghệ để tổng hợp. ")
_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def peer(path: Path) -> int:
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


def floor(path: Path) -> int:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return sum(len(t.text or "") for t in root.iter(_T))


def vnplan_read(path: Path) -> int:
    return sum(len(b.text) for b in read(path).blocks)


def rounds(fns: dict[str, Callable[[Path], int]], path: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """(median, fastest) CPU seconds per call of each function, the functions taking turns in every round."""
    for fn in fns.values():
        fn(path)  # warm-up
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            # python-docx's objects hold reference cycles: its trees are freed by the cycle
            # collector, which would otherwise run inside whichever call comes next (vnplan's
            # frees its own when it returns, inside its time); collected here, untimed
            gc.collect()
            t0 = time.process_time()
            fn(path)
            times[name].append(time.process_time() - t0)
    return {name: (statistics.median(ts), min(ts)) for name, ts in times.items()}


def report(path: Path, repeat: int, label: str) -> None:
    doc = read(path)
    words = sum(len(bl.text.split()) for bl in doc.blocks)
    m = rounds({"python-docx": peer, "floor": floor, "vnplan": vnplan_read}, path, repeat)
    (b, b_min), (f, f_min), (o, o_min) = m["python-docx"], m["floor"], m["vnplan"]
    print(f"{label}: {path.stat().st_size} bytes, {len(doc.blocks)} blocks, {words} words")
    print(f"  CPU time per read, median and fastest of {repeat}:")
    print(f"  python-docx open + walk paragraphs and cells: {b * 1000:7.2f} ms  {b_min * 1000:7.2f} ms")
    print(f"  floor: zipfile + lxml, text of every w:t:      {f * 1000:7.2f} ms  {f_min * 1000:7.2f} ms")
    print(f"  vnplan.read.read (full):                      {o * 1000:7.2f} ms  {o_min * 1000:7.2f} ms")
    print(f"  ratio vnplan / python-docx: {o / b:.2f} (fastest: {o_min / b_min:.2f}; target <= 1.0); "
          f"vnplan / floor: {o / f:.1f}")
    print(f"  throughput: {1 / o:.0f} docx/s on one core (fastest: {1 / o_min:.0f}; target >= 150 for ten pages)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help=".docx files to time instead of the built plan")
    ap.add_argument("--pages", type=int, default=10, help="about how many A4 pages the built plan fills")
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    if args.files:
        for path in args.files:
            report(path, args.repeat, str(path))
        return
    # one "page": the sample plan body with every item lengthened, about 400 words at 14 pt
    body = tuple((lvl, lab, text + " " + FILLER * (1 if lvl else 0)) for lvl, lab, text in BODY)
    data = ensure_numbering_part(to_bytes(build_plan("auto", body=body, pages=args.pages)))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.docx"
        path.write_bytes(data)
        report(path, args.repeat, f"built plan (~{args.pages} pages)")


if __name__ == "__main__":
    main()
