"""The development corpus builders (tests/real_corpus.py) make the layouts their markup names,
and every own document of tests/data/real/ builds and has a well-formed gold file."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from real_corpus import (
    REAL,
    build_docx,
    build_pdf,
    from_cp1258,
    materialise,
    resolve,
    source_kind,
    to_cp1258,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler's pdftotext is not installed")

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def pdftotext(data: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    args = [PDFTOTEXT, *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


def pypdf_text(data: bytes) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


# ------------------------------------------------------------------------------------ .docx

DOCX_SOURCE = r"""@table borderless widths=70,95
UBND TỈNH BẮC GIANG \\ @bold SỞ NỘI VỤ // _______ | @bold CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM // @bold Độc lập - Tự do - Hạnh phúc
Số: 12/KH-SNV | @italic Bắc Giang, ngày 05 tháng 3 năm 2024
@end
@center @bold KẾ HOẠCH
@auto-roman @bold MỤC ĐÍCH, YÊU CẦU
> @auto-decimal Mục đích
>> @auto-letter Nâng cao nhận thức.
@auto-dash >>> Tuyên truyền trên trang thông tin điện tử.
@auto-roman @bold NỘI DUNG
@table
STT | Nhiệm vụ | Thời gian
1 | Tuyên truyền // (cả năm) | Quý I
@end
@table borderless
@left Nơi nhận: // @left - Lưu: VT. | KT. GIÁM ĐỐC //  // Lê Văn A
@end
"""


def docx_of(source: str):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(io.BytesIO(build_docx(source)))


def test_docx_tables_and_cell_lines():
    doc = docx_of(DOCX_SOURCE)
    header, tasks, closing = doc.tables
    assert [p.text for p in header.cell(0, 1).paragraphs] == [QUOC_HIEU, "Độc lập - Tự do - Hạnh phúc"]
    assert [p.text for p in tasks.cell(1, 1).paragraphs] == ["Tuyên truyền", "(cả năm)"]
    assert [p.text for p in closing.cell(0, 1).paragraphs] == ["KT. GIÁM ĐỐC", "", "Lê Văn A"]
    assert tasks.style.name == "Table Grid" and header.style.name != "Table Grid"


def test_docx_line_break_inside_a_cell_is_a_break_not_a_paragraph():
    cell = docx_of(DOCX_SOURCE).tables[0].cell(0, 0)
    first = cell.paragraphs[0]
    assert len(first._p.findall(f".//{W}br")) == 1
    runs = first.runs
    assert [r.text for r in runs] == ["UBND TỈNH BẮC GIANG\n", "SỞ NỘI VỤ"]  # python-docx shows <w:br/> as \n
    assert (runs[0].bold, runs[1].bold) == (None, True)


def test_docx_alignment_format_and_page():
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    doc = docx_of(DOCX_SOURCE)
    title = next(p for p in doc.paragraphs if p.text == "KẾ HOẠCH")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].bold
    date = doc.tables[0].cell(1, 1).paragraphs[0]
    assert date.runs[0].italic and date.alignment == WD_ALIGN_PARAGRAPH.CENTER
    sec = doc.sections[0]
    assert (round(sec.page_width / Mm(1)), round(sec.page_height / Mm(1))) == (210, 297)
    assert doc.styles["Normal"].font.name == "Times New Roman"


def _numbering(doc):  # type: ignore[no-untyped-def]
    """(paragraph text, numFmt, lvlText) of every automatically numbered body paragraph."""
    root = doc.part.numbering_part.element
    fmts = {}
    for num in root.findall(f"{W}num"):
        aid = num.find(f"{W}abstractNumId").get(f"{W}val")
        absn = next(a for a in root.findall(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == aid)
        for lvl in absn.findall(f"{W}lvl"):
            fmts[(num.get(f"{W}numId"), lvl.get(f"{W}ilvl"))] = (
                lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val"))
    out = []
    for p in doc.paragraphs:
        numpr = p._p.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            key = (numpr.find(f"{W}numId").get(f"{W}val"), numpr.find(f"{W}ilvl").get(f"{W}val"))
            out.append((p.text, *fmts[key]))
    return out


def test_docx_auto_lines_get_word_numbering_from_a_real_numbering_part():
    assert _numbering(docx_of(DOCX_SOURCE)) == [
        ("MỤC ĐÍCH, YÊU CẦU", "upperRoman", "%1."),
        ("Mục đích", "decimal", "%2."),
        ("Nâng cao nhận thức.", "lowerLetter", "%3)"),
        ("Tuyên truyền trên trang thông tin điện tử.", "bullet", "-"),
        ("NỘI DUNG", "upperRoman", "%1."),
    ]


def test_docx_auto_lines_of_one_list_share_one_num_and_a_new_format_starts_another():
    doc = docx_of("@auto-roman A\n> @auto-decimal B\n@auto-roman C\n@auto-decimal D\n@restart\n@auto-decimal E\n")
    ids = [p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in doc.paragraphs]
    assert ids[0] == ids[1] == ids[2]  # one multilevel list: I. 1. II.
    assert ids[3] != ids[2]  # level 0 now decimal: a new list
    assert ids[4] != ids[3]  # @restart


def test_docx_reads_back_through_vnplan_with_word_labels():
    import vnplan

    doc = vnplan.read(build_docx(DOCX_SOURCE), format="docx")
    labels = [b.label for b in doc.blocks if b.label]
    assert labels == ["I.", "1.", "a)", "-", "II."]


# ------------------------------------------------------------------------------------ PDF

FALLBACK_SOURCE = """@size 12
@bold @fallback ỦY BAN NHÂN DÂN || @bold C{Ộ}NG HÒA XÃ H{Ộ}I CH{Ủ} NGHĨA VI{Ệ}T NAM
@bold HUYỆN LỤC NAM || @bold Độc lập - Tự do - Hạnh phúc
"""


@needs_pdftotext
def test_pdf_fallback_font_line_reads_right_by_position(tmp_path):
    text = pdftotext(build_pdf(FALLBACK_SOURCE), tmp_path)
    assert QUOC_HIEU in text.splitlines()
    assert "ỦY BAN NHÂN DÂN" in text.splitlines()


def test_pdf_fallback_font_line_is_scrambled_in_content_stream_order():
    first = pypdf_text(build_pdf(FALLBACK_SOURCE))[0].splitlines()[0]
    assert QUOC_HIEU not in first
    assert first.index("Ộ") > first.index("VI T NAM")  # the fallback letters come after the line


def test_pdf_fallback_letters_use_a_second_font_with_its_own_tounicode():
    import pypdf

    page = pypdf.PdfReader(io.BytesIO(build_pdf(FALLBACK_SOURCE))).pages[0]
    fonts = {str(f.get_object()["/BaseFont"]): f.get_object() for f in page["/Resources"]["/Font"].values()}
    main, fallback = fonts["/TimesNewRomanPS-BoldMT"], fonts["/ArialUnicodeMS"]
    assert main["/ToUnicode"].get_object().get_data() != fallback["/ToUnicode"].get_object().get_data()
    assert b"/F4" in page.get_contents().get_data()


@needs_pdftotext
def test_pdf_columns_centre_and_wrap(tmp_path):
    src = ("Số: 5/KH-UBND || @italic Lục Nam, ngày 05 tháng 3 năm 2024\n@center @bold KẾ HOẠCH\n"
           + "Nội dung rất dài " * 20 + "\n")
    lines = [ln for ln in pdftotext(build_pdf(src), tmp_path, layout=True).splitlines() if ln.strip()]
    assert "Số: 5/KH-UBND" in lines[0] and "Lục Nam, ngày 05 tháng 3 năm 2024" in lines[0]
    assert lines[0].index("Số") < lines[0].index("Lục Nam")
    assert lines[1].strip() == "KẾ HOẠCH" and len(lines[1]) - len(lines[1].lstrip()) > 20
    assert len(lines) >= 5  # the long paragraph wrapped


def test_pdf_oneline_page_has_no_line_break():
    src = "@oneline\nỦY BAN NHÂN DÂN || CỘNG HÒA XÃ HỘI\n@center KẾ HOẠCH\nĐoạn thân bài.\n@page\nTrang hai.\n"
    first, second = pypdf_text(build_pdf(src))
    assert first.strip() == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI KẾ HOẠCH Đoạn thân bài."
    assert second.strip() == "Trang hai."


@needs_pdftotext
def test_pdf_oneline_page_is_one_line_for_poppler_too(tmp_path):
    src = "@oneline\n" + "\n".join(f"Dòng {k} của trang." for k in range(30)) + "\n"
    lines = [ln for ln in pdftotext(build_pdf(src), tmp_path).splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Dòng 0") and lines[0].endswith("Dòng 29 của trang.")


def test_pdf_stamps_are_signature_fields_drawing_over_blanks():
    import pypdf

    src = "Số: [[327]]/KH-UBND\n@stamp 330 200: Ký bởi: Ủy ban nhân dân huyện // Thời gian ký: 15.05.2024 16:42:10 +07:00\n"
    reader = pypdf.PdfReader(io.BytesIO(build_pdf(src)))
    page = reader.pages[0]
    assert "327" not in page.extract_text() and "Ký bởi" not in page.extract_text()
    annots = [a.get_object() for a in page["/Annots"]]
    assert {str(a["/Subtype"]) for a in annots} == {"/Widget"} and {str(a["/FT"]) for a in annots} == {"/Sig"}
    drawn = [page.extract_xform_text(a["/AP"]["/N"].get_object()) for a in annots]
    assert drawn[0].strip() == "327"
    assert drawn[1].splitlines()[0].strip() == "Ký bởi: Ủy ban nhân dân huyện"
    assert "/AcroForm" in reader.trailer["/Root"]


@needs_pdftotext
def test_pdf_inline_stamp_sits_in_its_blank(tmp_path):
    src = "@left Số: [[327]]/KH-UBND\n"
    assert "Số: 327" in pdftotext(build_pdf(src), tmp_path, layout=True)


def test_pdf_overlay_is_page_content_drawn_last():
    src = "@center KẾ HOẠCH\n@overlay 40 836: Ký bởi: Văn phòng UBND // Ngày ký: 12-06-2024\n"
    text = pypdf_text(build_pdf(src))[0].splitlines()
    assert text[0] == "KẾ HOẠCH" and text[-1].strip() == "Ngày ký: 12-06-2024"


@needs_pdftotext
def test_pdf_overlay_above_the_header_comes_first_by_position(tmp_path):
    src = "@center KẾ HOẠCH\n@overlay 40 836: Ký bởi: Văn phòng UBND\n"
    lines = [ln for ln in pdftotext(build_pdf(src), tmp_path).splitlines() if ln.strip()]
    assert lines == ["Ký bởi: Văn phòng UBND", "KẾ HOẠCH"]


# ------------------------------------------------------------------------------------ cp1258


def test_cp1258_round_trip_of_every_vietnamese_letter():
    letters = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    text = "".join(unicodedata.normalize("NFC", b + t) for b in letters + letters.upper() for t in tones) + "đĐ"
    assert from_cp1258(to_cp1258(text)) == text


def test_cp1258_keeps_code_page_letters_and_decomposes_the_rest():
    assert to_cp1258("á") == b"\xe1"  # in the code page
    assert to_cp1258("ộ") == b"\xf4\xf2"  # ô + combining dot below
    assert to_cp1258("Ấ") == b"\xc2\xec"  # Â + combining acute
    assert to_cp1258("ữ") == b"\xfd\xde"  # ư + combining tilde
    assert to_cp1258("a\nb") == b"a\r\nb"


def test_cp1258_file_is_not_utf8_and_decodes_back():
    src = REAL / "own" / "kh-ubnd-xa-dongphu-ve-sinh-moi-truong-2024.cp1258.txt"
    built = materialise(src)
    data = built.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert from_cp1258(data) == unicodedata.normalize("NFC", src.read_text("utf-8"))
    assert built.suffix == ".txt"


# ------------------------------------------------------------------------------------ files


def test_materialise_builds_once_into_the_cache_and_plain_files_are_themselves(tmp_path, monkeypatch):
    monkeypatch.setenv("VNPLAN_REAL_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "x.docx.txt"
    src.write_text("@center KẾ HOẠCH\n", "utf-8")
    first = materialise(src)
    assert first.name == "x.docx" and first.is_relative_to(tmp_path / "cache")
    assert materialise(src) == first
    src.write_text("@center QUYẾT ĐỊNH\n", "utf-8")
    assert materialise(src) != first  # the cache follows the source
    plain = tmp_path / "plan.txt"
    plain.write_text("KẾ HOẠCH\n", "utf-8")
    assert materialise(plain) == plain


def test_resolve_shared_documents_only_where_the_shared_corpus_is(monkeypatch, tmp_path):
    import real_corpus

    monkeypatch.setattr(real_corpus, "shared_corpus", lambda: None)
    assert resolve("shared:real/x.doc") is None
    monkeypatch.setattr(real_corpus, "shared_corpus", lambda: tmp_path)
    assert resolve("shared:pdf/a.pdf") == tmp_path / "pdf" / "a.pdf"


# ------------------------------------------------------------------------------------ the corpus

OWN_SOURCES = sorted(p for p in (REAL / "own").iterdir() if source_kind(p))
GOLD = sorted((REAL / "own").glob("*.gold.json")) + sorted((REAL / "shared").glob("*.gold.json"))


@pytest.mark.parametrize("source", OWN_SOURCES, ids=lambda p: p.name)
def test_every_own_source_builds(source):
    built = materialise(source)
    head = built.read_bytes()[:8]
    kind = source_kind(source)
    assert head.startswith({".docx.txt": b"PK", ".pdf.txt": b"%PDF", ".cp1258.txt": b""}[kind])


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name)
def test_gold_files_are_well_formed(gold):
    from vnplan.model import ROLES

    data = json.loads(gold.read_text("utf-8"))
    doc = data["document"]
    if gold.parent.name == "own":
        assert doc == f"own/{(REAL / doc).name}" and (REAL / doc).exists()
        assert (REAL / doc).name.startswith(gold.name.removesuffix(".gold.json") + ".")
    else:
        assert doc.split(":", 1)[0] == "shared" and doc.split("/", 1)[0] in ("shared:real", "shared:pdf", "shared:text")
    assert data["kind"] in ("legal-site", "portal-text", "markdown", "word", "pdf", "legacy-doc", "plain-text")
    assert isinstance(data["refused"], bool)
    for part in [data, *data.get("attached", [])]:
        for section in part.get("sections") or []:
            assert section["role"] in ROLES
        text = json.dumps(part, ensure_ascii=False)
        assert unicodedata.normalize("NFC", text) == text


def test_every_own_source_has_a_gold_file():
    golds = {p.name.removesuffix(".gold.json") for p in (REAL / "own").glob("*.gold.json")}
    for source in (REAL / "own").iterdir():
        if source.name.endswith(".gold.json") or source.name == "INDEX.md":
            continue  # INDEX.md lists the documents; it is not one
        assert source.name.split(".", 1)[0] in golds, source.name
