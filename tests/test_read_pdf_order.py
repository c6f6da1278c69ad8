"""PDF lines are read in position order, not in the order the content stream draws them
(vnplan/read/pdf_pieces.py), and text that still looks scrambled is warned of (read/scrambled.py).

The real layout: a portal PDF whose bold font lacks the toned capitals draws them with a
fallback font after the rest of the line; pypdf alone reads ``C NG HÒA XÃ H I CH NGHĨA VI T
NAMỘ Ộ Ủ Ệ`` (tests/real_corpus.py builds such PDFs from ``.pdf.txt`` sources).
"""

from __future__ import annotations

import io

import pytest
from pdf_fixtures import raw_pdf, unicode_pdf
from real_corpus import REAL, build_pdf, materialise

from vnplan.read import read, scrambled
from vnplan.read.pdf import read_pdf

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def pypdf_text(data: bytes) -> str:
    import pypdf

    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def texts(data: bytes) -> list[str]:
    return [b.text for b in read_pdf(data).blocks if b.kind == "paragraph"]


# ----------------------------------------------------------------------- fallback-font letters


def test_letters_a_fallback_font_draws_after_the_line_are_put_back_in_place():
    data = build_pdf(f"@bold @fallback {QUOC_HIEU}\n@fallback Thực hiện công tác dân vận chính quyền năm 2024\n")
    assert "C NG HÒA XÃ H I CH  NGHĨA VI T NAMỘ Ộ Ủ Ệ" in pypdf_text(data)  # the order the stream draws
    assert texts(data) == [QUOC_HIEU, "Thực hiện công tác dân vận chính quyền năm 2024"]


def test_a_header_table_with_fallback_letters_reads_cell_by_cell():
    data = build_pdf("@bold @fallback ỦY BAN NHÂN DÂN || @bold @fallback CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "@bold @fallback HUYỆN HIỆP HÒA || @bold Độc lập - Tự do - Hạnh phúc\n")
    assert texts(data) == ["ỦY BAN NHÂN DÂN", "HUYỆN HIỆP HÒA", QUOC_HIEU, "Độc lập - Tự do - Hạnh phúc"]


def test_the_fallback_font_corpus_plan_reads_without_a_scrambled_warning():
    doc = read(materialise(REAL / "own" / "kh-ubnd-huyen-hiephoa-font-du-phong.pdf.txt"))
    got = [b.text for b in doc.blocks]
    assert {"ỦY BAN NHÂN DÂN", "HUYỆN HIỆP HÒA", QUOC_HIEU, "KẾ HOẠCH", "III. TỔ CHỨC THỰC HIỆN",
            "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Lộc"} <= set(got)
    assert not any("scrambled" in w for w in doc.warnings)


def test_the_fallback_letters_keep_their_own_font_in_the_runs():
    (block,) = read_pdf(build_pdf("@bold @fallback KẾ HOẠCH\n")).blocks
    assert [(r.text, r.font) for r in block.runs][:2] == [("K", "TimesNewRomanPS"), ("Ế", "ArialUnicodeMS")]


# ----------------------------------------------------------------------- any line drawn out of order


def test_pieces_of_a_line_drawn_right_to_left_are_read_left_to_right():
    # 12 pt, every glyph 6 pt wide, a space 3 pt: "Cộng" ends at 96, "hòa" starts a space later
    data = unicode_pdf([[(99, 700, "hòa xã hội chủ nghĩa"), (72, 700, "Cộng")]])
    assert texts(data) == ["Cộng hòa xã hội chủ nghĩa"]


def test_pieces_that_touch_are_joined_without_a_space():
    data = unicode_pdf([[(84, 700, "ng hòa"), (78, 700, "ộ"), (72, 700, "C")]])
    assert texts(data) == ["Cộng hòa"]


def test_letters_drawn_at_the_end_of_the_page_go_back_to_their_line():
    data = unicode_pdf([[(72, 700, "C"), (84, 700, "NG HÒA"), (72, 680, "Độc lập - Tự do - Hạnh phúc"),
                         (78, 700, "Ộ")]])
    assert texts(data) == ["CỘNG HÒA", "Độc lập - Tự do - Hạnh phúc"]


def test_a_line_drawn_in_order_keeps_pypdf_spacing():
    data = unicode_pdf([[(72, 700, "Số: 15/KH-UBND"), (72, 680, "Kế hoạch tuyên truyền")]])
    assert texts(data) == ["Số: 15/KH-UBND", "Kế hoạch tuyên truyền"]


def test_side_by_side_cells_drawn_right_cell_first_stay_apart():
    data = unicode_pdf([[(330, 700, "CỘNG HÒA XÃ HỘI"), (72, 700, "ỦY BAN NHÂN DÂN")]])
    assert texts(data) == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI"]


# ----------------------------------------------------------------------- what cannot be put back is warned of


def test_text_that_stays_scrambled_after_ordering_is_warned_of():
    # each line drawn by one TJ whose offsets leave the gaps of letters never drawn: nothing can
    # be put back, the text stays as pypdf reads it, and the document says so
    lines = b"".join(b"BT /F1 12 Tf 72 %d Td [(Th) -500 (c hi) -500 (n c) -500 (ng t) -500 (c d) -500 (n v)"
                     b" -500 (n)] TJ ET " % (700 - 20 * k) for k in range(3))
    doc = read(raw_pdf([lines]))
    assert "Th c hi n c ng t c d n v n" in [b.text for b in doc.blocks][0]
    assert any("scrambled" in w for w in doc.warnings)


def test_a_page_drawn_as_one_line_is_warned_of():
    doc = read(materialise(REAL / "own" / "cv-ubnd-huyen-sondong-trang-mot-dong.pdf.txt"))
    assert any("page(s) 1 is drawn as one line" in w for w in doc.warnings)


def test_text_copied_from_a_scrambled_pdf_is_warned_of_in_any_format():
    copied = pypdf_text(materialise(REAL / "own" / "kh-ubnd-huyen-hiephoa-font-du-phong.pdf.txt").read_bytes())
    assert any("scrambled" in w for w in read(copied).warnings)


@pytest.mark.parametrize(("text", "n"), [
    ("C NG HÒA XÃ H I CH NGHĨA VI T NAMỘ Ộ Ủ Ệ", 4),  # NAMỘ glued, then a run of three lone toned letters
    ("Th c hi n công tác dân v n chính quy n năm 2024", 6),  # Th, c, n, v, n, n: lower-case consonants alone
    ("ỦY BAN NHÂN DÂN HUYỆN HIỆP HÒA", 0),
    ("a) Các xã, thị trấn; b) ở cơ sở, đ) Trạm Y tế; 5 km; CTr, TTr", 0),  # labels, units, abbreviations
])
def test_signs_of_scrambling_are_counted_word_by_word(text, n):
    assert scrambled.signs(text) == n


def test_no_document_of_the_corpus_is_taken_for_scrambled():
    import json

    from real_corpus import gold_files, resolve

    from vnplan.errors import NeedsOCRError

    for gold in gold_files():
        path = resolve(json.loads(gold.read_text(encoding="utf-8"))["document"])
        if path is None or path.suffix in (".doc",):  # the .doc files: tests/test_read_office.py
            continue
        try:
            doc = read(path)
        except NeedsOCRError:
            continue
        if "font-du-phong" in path.name:
            continue
        assert not any("scrambled" in w for w in doc.warnings), path.name


def test_the_type_name_centred_under_the_header_table_is_not_a_cell_of_its_right_column():
    data = build_pdf("@size 12.5\nỦY BAN NHÂN DÂN || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "HUYỆN HIỆP HÒA || Độc lập - Tự do - Hạnh phúc\n"
                     "Số: 96/KH-UBND || @italic Hiệp Hòa, ngày 22 tháng 02 năm 2024\n@space 14\n@size 14\n"
                     "@center @bold KẾ HOẠCH\n@center @bold Thực hiện công tác dân vận chính quyền năm 2024\n")
    blocks = read_pdf(data).blocks
    assert [(b.text, b.table is not None) for b in blocks][-3:] == [
        ("Hiệp Hòa, ngày 22 tháng 02 năm 2024", True), ("KẾ HOẠCH", False),
        ("Thực hiện công tác dân vận chính quyền năm 2024", False)]


@pytest.mark.parametrize("texts", [
    ["C NG HÒA XÃ H I", "Th c hi n k ho ch"],
    ["VI T NAMỘ Ộ Ủ Ệ", "Ộ", "Ủ Ệ x"],  # toned letters standing alone: counted in order, per text
    ["Ộ", "Ủ"],  # one at the end of a text and one at the start of the next are no run
    ["Cộng hòa xã hội chủ nghĩa Việt Nam", "", "DÂNỦ 2024 c)"],
])
def test_document_share_is_the_sum_over_its_texts(texts):
    # scrambled_share judges each distinct word once for the whole document: the same figures
    # as reading every text word by word
    by_text = [scrambled._signs_and_words(t) for t in texts]
    assert scrambled.scrambled_share(texts) == (sum(a for a, _ in by_text), sum(b for _, b in by_text))
    assert scrambled.scrambled_share(iter(texts)) == scrambled.scrambled_share(texts)
