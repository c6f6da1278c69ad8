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


def _object_texts_both_ways(data: bytes) -> list[tuple[dict[int, str] | None, dict[int, str]]]:
    """Per page: the texts read at once from the page's text (None where it cannot tell) and each
    text object's own ``FPDFTextObj_GetText``."""
    import ctypes

    from vnplan.read import pdf_fast

    calls = pdf_fast._calls()
    doc = pdf_fast.open_document(data)
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            pg = ctypes.cast(page.raw, ctypes.c_void_p).value
            tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value
            exact: dict[int, str] = {}
            buf = (ctypes.c_ushort * 65536)()
            for k in range(calls.count_page(pg)):
                obj = calls.get_page(pg, k)
                n = calls.get_text(obj, tp, ctypes.addressof(buf), 2 * 65536)
                if n:
                    exact[obj] = ctypes.string_at(buf, n - 2).decode("utf-16-le", "replace")
            out.append((pdf_fast._object_texts(calls, tp), exact))
            textpage.close()
            page.close()
    finally:
        doc.close()
    return out


def _varied_pdfs() -> list[bytes]:
    from pdf_fixtures import raw_pdf

    same_line = [[(72, 700, "Kế"), (96, 700, "hoạch"), (150, 700, "số 12/KH-UBND"), (40, 700, "Lùi lại"),
                  (72, 680, "Cùng  hai   khoảng"), (300, 680, "ô bên phải"), (72, 660, "x"), (72.5, 660, "x")]]
    streams = [
        b"BT /F1 12 Tf 72 700 Td (Hello) Tj ( World) Tj ET BT /F1 12 Tf 72 680 Td [(Ke) -3000 (hoach) -200 (x)] TJ ET",
        b"BT /F1 12 Tf 72 700 Td (Bold) Tj ET BT /F1 12 Tf 72.3 700 Td (Bold) Tj ET BT /F1 12 Tf 72 660 Td (a\\rb c) Tj ET",
        b"BT /F1 12 Tf 200 700 Td (right) Tj ET BT /F1 12 Tf 72 700 Td (left) Tj ET BT /F1 12 Tf 72 650 Td ( ) Tj ET",
        b"/Span << /ActualText (Shown) >> BDC BT /F1 12 Tf 72 700 Td (Drawn) Tj ET EMC BT /F1 12 Tf 72 680 Td (next) Tj ET",
        b"BT /F1 12 Tf 72 700 Td (one) Tj 0 -14 Td (two) Tj 0 -14 Td (three) Tj ( four) Tj ET",
    ]
    pages = [[(72, 800 - 16 * k, f"{k + 1}. Nội dung số {k + 1} của kế hoạch năm 2026") for k in range(40)]]
    out = [build_pdf(p.read_text(encoding="utf-8")) for p in OWN]
    out += [unicode_pdf(same_line), unicode_pdf(pages), unicode_pdf([[(72, 700, "Kế hoạch שלום עולם"), (72, 680, "سلام")]])]
    out += [raw_pdf([s]) for s in streams] + [raw_pdf(streams)]
    return out


def test_object_texts_read_at_once_are_what_each_object_gives():
    read_at_once = 0
    for data in _varied_pdfs():
        for quick, exact in _object_texts_both_ways(data):
            if quick is None:
                continue
            read_at_once += 1
            assert {obj: quick.get(obj, "") for obj in exact} == exact
            assert set(quick) <= set(exact)
    assert read_at_once >= 8


def test_a_page_with_right_to_left_text_is_asked_object_by_object():
    [(quick, exact)] = _object_texts_both_ways(unicode_pdf([[(72, 700, "Kế hoạch שלום"), (72, 680, "Nội dung")]]))
    assert quick is None and exact
