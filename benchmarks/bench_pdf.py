"""Text-layer PDFs: vnplan's reader beside pypdf's plain extraction and pypdfium2's, in the same run.

Run: python benchmarks/bench_pdf.py [FILE.pdf ...] [--repeat N]

Default files: every PDF of the real corpus (../shared/corpus/pdf). For each, the median of
``--repeat`` runs of:

- floor: the file's bytes read;
- pypdf plain: ``PdfReader`` + ``page.extract_text()`` on every page (the peer vnplan builds on);
- pypdfium2: ``PdfDocument`` + ``get_textpage().get_text_range()`` on every page, when the
  package is installed (permissive licence: Apache-2.0 / BSD-3; skipped otherwise);
- vnplan.read: the whole reader (positions, fonts, line order, stamps, blocks);

each with its ratio to pypdf's plain extraction. Issue 17's target: a text-layer PDF ≥ 5× faster
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

CORPUS = next((c for c in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus") if c.is_dir()),
              ROOT.parent / "shared" / "corpus")


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    paths = [Path(f) for f in args.files] or sorted((CORPUS / "pdf").glob("*.pdf"))
    have_pdfium = importlib.util.find_spec("pypdfium2") is not None
    print(f"pypdf {pypdf.__version__}; pypdfium2 {'installed' if have_pdfium else 'not installed (pip install pypdfium2)'}")
    print(f"{'file':<28} {'KB':>7} {'pages':>5} {'pypdf plain ms':>15} {'pypdfium2 ms':>18} {'vnplan.read ms':>18}")
    for path in paths:
        data = path.read_bytes()
        pages = len(pypdf.PdfReader(io.BytesIO(data), strict=False).pages)
        plain = median_ms(lambda: pypdf_plain(data), args.repeat)
        fast = median_ms(lambda: pdfium_plain(data), args.repeat) if have_pdfium else None
        try:
            ours = median_ms(lambda: vnplan.read(str(path)), args.repeat)
            ours_cell = f"{ours:>8.1f} ({ours / plain:4.2f}×)"
        except vnplan.VnplanError as exc:
            ours_cell = f"{type(exc).__name__:>18}"
        fast_cell = f"{fast:>8.1f} ({fast / plain:4.2f}×)" if fast is not None else f"{'-':>18}"
        print(f"{path.name[:28]:<28} {len(data) / 1024:>7.0f} {pages:>5} {plain:>15.1f} {fast_cell} {ours_cell}")
    print("(N×) = time relative to pypdf's plain extraction of the same file in this run")


if __name__ == "__main__":
    main()
