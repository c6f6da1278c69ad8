"""The PDFium text walk (extra pdf-fast, VNPLAN_PDF_BACKEND=pdfium) against pypdf's: the same plans.

Each PDF is read with both backends and the plans compared through plan_to_dict. The cases
PDFium may read otherwise (letters it has no Unicode for, dropped blanks) are walked by pypdf
page by page; the last tests check PDFium does serve the pages it reads alike.
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


def test_pdfium_serves_plain_pages_and_leaves_the_doubtful_ones_to_pypdf():
    from vnplan.read import pdf_fast

    plain = pdf_fast.open_document(simple_pdf([[(72, 800, "KE HOACH"), (72, 780, "Noi dung")]]))
    assert pdf_fast.page_pieces(plain, 0) is not None
    fallback = pdf_fast.open_document(build_pdf("@bold @fallback CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"))
    assert pdf_fast.page_pieces(fallback, 0) is None  # PDFium drops the fallback font's letters


def test_the_page_limits_hold_on_the_pdfium_walk(monkeypatch):
    from vnplan.errors import LimitExceededError
    from vnplan.read import limits

    data = simple_pdf([[(72, 800 - 12 * k, f"dong {k}") for k in range(60)]])
    monkeypatch.setattr(limits, "MAX_PDF_PAGE_OPERATORS", 50)
    for backend in ("pypdf", "pdfium"):
        with pytest.raises(LimitExceededError, match="MAX_PDF_PAGE_OPERATORS"):
            read_pdf(data, backend_name=backend)


def test_pdfium_reads_from_several_threads_one_document_at_a_time():
    import threading

    data = simple_pdf([[(72, 800 - 14 * k, f"{k + 1}. Noi dung {k + 1}") for k in range(40)] for _ in range(4)])
    want = read_pdf(data, backend_name="pdfium")
    got: list[bool] = []

    def run() -> None:
        got.extend(read_pdf(data, backend_name="pdfium") == want for _ in range(3))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [True] * 12


@pytest.mark.parametrize("page_limit,total_limit", [(50, 10**9), (10**9, 70), (45, 100), (40, 40), (10**9, 10**9)])
def test_objects_counted_per_page_at_once_raise_what_counting_one_by_one_raises(monkeypatch, page_limit, total_limit):
    from vnplan.read import limits
    from vnplan.read.pdf import _Work

    data = simple_pdf([[(72, 800 - 12 * k, f"dong {k}") for k in range(n)] for n in (30, 45, 20)])
    monkeypatch.setattr(limits, "MAX_PDF_PAGE_OPERATORS", page_limit)
    monkeypatch.setattr(limits, "MAX_PDF_OPERATORS", total_limit)

    def outcome() -> object:
        try:
            return read_pdf(data, backend_name="pdfium")
        except VnplanError as exc:
            return type(exc).__name__, str(exc)

    at_once = outcome()
    monkeypatch.setattr(_Work, "operators", lambda self, n: False)  # every object counted alone
    assert outcome() == at_once
