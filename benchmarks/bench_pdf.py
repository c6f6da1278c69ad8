"""Text-layer PDFs: vnplan's reader beside pypdf's plain extraction and pypdfium2's, in the same run.

Run: python benchmarks/bench_pdf.py [FILE.pdf ...] [--repeat N] [--clock wall|cpu]

Default files: every PDF of the real corpus (../shared/corpus/pdf). For each, the median of
``--repeat`` rounds, each round timing every contender once in turn (interleaved, so a machine
whose load changes during the run weighs on all of them alike; ``--clock cpu`` counts the
process's CPU time instead of the wall clock, steadier on a shared machine), of:

- floor: the file's bytes read;
- pypdf plain: ``PdfReader`` + ``page.extract_text()`` on every page (the peer vnplan builds on);
- pypdfium2: ``PdfDocument`` + ``get_textpage().get_text_range()`` on every page, when the
  package is installed (permissive licence: Apache-2.0 / BSD-3; skipped otherwise);
- vnplan pypdf / vnplan pdfium: the whole reader (positions, fonts, line order, stamps, blocks)
  with each text walk (``read_pdf(..., backend_name=...)``; pdfium only when installed), and
  whether both give the same document;

each with its ratio to pypdf's plain extraction. Besides the files, a generated 10-page plan
(tests/pdf_fixtures.py, 45 lines a page) is timed. Issue 17's target: a text-layer PDF ≥ 5× faster
than pypdf's plain extraction with an optional backend, the same plans out.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402

import vnplan  # noqa: E402
from vnplan.read.pdf import read_pdf  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from pdf_fixtures import unicode_pdf  # noqa: E402

CORPUS = next((c for c in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus") if c.is_dir()),
              ROOT.parent / "shared" / "corpus")


def median_ms(fns: list[Callable[[], object] | None], repeat: int,
              clock: Callable[[], float] = time.perf_counter) -> list[float | None]:
    """Median milliseconds of each function, timed in interleaved rounds (None: not timed)."""
    for fn in fns:
        if fn is not None:
            fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, into in zip(fns, times):
            if fn is not None:
                t0 = clock()
                fn()
                into.append(clock() - t0)
    return [statistics.median(t) * 1000 if t else None for t in times]


def pypdf_plain(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdfium_plain(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(out)
    finally:
        doc.close()


def generated_pages(n: int = 10) -> bytes:
    """A text-layer plan of ``n`` pages, 45 numbered lines of Vietnamese body text a page."""
    line = "Tổ chức tuyên truyền, phổ biến nội dung kế hoạch đến cán bộ, công chức"
    pages = [[(85.0, 790.0 - 16 * k, f"{p * 45 + k + 1}. {line} năm 2026.") for k in range(45)] for p in range(n)]
    return unicode_pdf(pages, size=12)


def cell(ms: float | None, base: float) -> str:
    return f"{ms:>8.1f} ({ms / base:5.2f}×)" if ms is not None else f"{'-':>17}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = ap.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.process_time
    paths = [Path(f) for f in args.files] or sorted((CORPUS / "pdf").glob("*.pdf"))
    have_pdfium = importlib.util.find_spec("pypdfium2") is not None
    print(f"pypdf {pypdf.__version__}; pypdfium2 {'installed' if have_pdfium else 'not installed (pip install pypdfium2)'}; "
          f"{args.clock} clock, median of {args.repeat} interleaved rounds")
    print(f"{'file':<28} {'KB':>6} {'pages':>5} {'pypdf plain ms':>14} {'pypdfium2 plain':>17} "
          f"{'vnplan pypdf':>17} {'vnplan pdfium':>17} {'same doc':>8}")
    inputs = [(p.name, p.read_bytes()) for p in paths] + [("generated 10-page plan", generated_pages())]
    for name, data in inputs:
        pages = len(pypdf.PdfReader(io.BytesIO(data), strict=False).pages)
        readers: list[Callable[[], object] | None] = []
        errors: list[str | None] = []
        docs: list[object] = []
        for backend in ("pypdf", "pdfium"):
            if backend == "pdfium" and not have_pdfium:
                readers.append(None)
                errors.append(None)
                continue
            try:
                docs.append(read_pdf(data, backend_name=backend))
                readers.append(lambda backend=backend: read_pdf(data, backend_name=backend))  # type: ignore[misc]
                errors.append(None)
            except vnplan.VnplanError as exc:
                docs.append(type(exc).__name__)
                readers.append(None)
                errors.append(type(exc).__name__)
        plain_ms, fast, *read_ms = median_ms(
            [lambda: pypdf_plain(data), (lambda: pdfium_plain(data)) if have_pdfium else None, *readers],
            args.repeat, clock)
        assert plain_ms is not None
        plain = plain_ms
        cells = [f"{err[:17]:>17}" if err else cell(ms, plain) for err, ms in zip(errors, read_ms)]
        same = "yes" if len(docs) == 2 and docs[0] == docs[1] else "-" if len(docs) < 2 else "NO"
        print(f"{name[:28]:<28} {len(data) / 1024:>6.0f} {pages:>5} {plain:>14.1f} {cell(fast, plain)} "
              f"{cells[0]} {cells[1]} {same:>8}")
    print("(N×) = time relative to pypdf's plain extraction of the same file in this run; vnplan pdfium walks with")
    print("PDFium only the pages it reads as pypdf does (no annotations, no forms): the rest with pypdf")


if __name__ == "__main__":
    main()
