"""The PDFium text walk (extra pdf-fast, VNPLAN_PDF_BACKEND=pdfium) against pypdf's: the same plans.

Each PDF is read with both backends and the plans compared through plan_to_dict. The cases
PDFium still reads otherwise are listed in KNOWN_DIFFERENT (why the backend is opt-in).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pdf_fixtures import simple_pdf, unicode_pdf
from real_corpus import REAL, build_pdf, shared_document
from vnplan.errors import VnplanError
from vnplan.parse import parse_document
from vnplan.read.pdf import read_pdf
from vnplan.serialize import plan_to_dict

pytest.importorskip("pypdfium2")

OWN = sorted((REAL / "own").glob("*.pdf.txt")) + sorted((Path(__file__).parent / "data" / "pdf").glob("*.pdf.txt"))
#: PDFium drops the letters a fallback font draws after the line (no Unicode for them).
KNOWN_DIFFERENT = {"kh-ubnd-huyen-hiephoa-font-du-phong.pdf.txt"}


def both(data: bytes) -> tuple[object, object]:
    out = []
    for backend in ("pypdf", "pdfium"):
        try:
            out.append(plan_to_dict(parse_document(read_pdf(data, backend_name=backend))))
        except VnplanError as exc:
            out.append((type(exc).__name__, str(exc)))
    return out[0], out[1]


@pytest.mark.parametrize("source", OWN, ids=lambda p: p.name)
def test_the_built_pdfs_give_the_same_plan_from_both_backends(source):
    if source.name in KNOWN_DIFFERENT:
        pytest.xfail("PDFium drops fallback-font letters drawn out of order")
    a, b = both(build_pdf(source.read_text(encoding="utf-8")))
    assert a == b


@pytest.mark.parametrize("name", ["hanoi_tb_453_flag.pdf", "nq_115_ba_vi.pdf", "qd_729_ttg.pdf"])
def test_the_shared_corpus_pdfs_give_the_same_plan_from_both_backends(name):
    a, b = both(shared_document(f"pdf/{name}").read_bytes())
    assert a == b


def test_generated_pages_give_the_same_plan_from_both_backends():
    pages = [[(72, 800 - 16 * k, f"{k + 1}. Noi dung muc {k + 1} cua trang {p + 1}") for k in range(30)] for p in range(3)]
    a, b = both(simple_pdf(pages))
    assert a == b
    a, b = both(unicode_pdf([[(72, 800, "KẾ HOẠCH"), (72, 780, "Thực hiện công tác năm 2026")]]))
    assert a == b
