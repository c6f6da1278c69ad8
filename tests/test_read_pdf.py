"""The PDF reader: text layer in reading order; page furniture kept apart; scans refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdf_fixtures import scanned_pdf, simple_pdf
from real_corpus import materialise, shared_document
from vnplan.errors import CorruptFileError, NeedsOCRError
from vnplan.read import read
from vnplan.read.pdf import read_pdf

# Written for vnplan in the layout of the shared corpus's Hà Nội TB 453 (built in code).
OWN_NOTICE = Path(__file__).parent / "data" / "pdf" / "tb-ubnd-tp-haidang-treo-co-ky-so.pdf.txt"


@pytest.fixture(scope="module")
def hanoi():
    """Thông báo 453/TB-UBND, Hà Nội 2026 (real, text layer, signed): from the shared corpus."""
    return read(shared_document("pdf/hanoi_tb_453_flag.pdf"))


@pytest.fixture(scope="module")
def own_pdf() -> Path:
    return materialise(OWN_NOTICE)


@pytest.fixture(scope="module")
def own(own_pdf):
    return read(own_pdf)


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


@pytest.mark.parametrize("name", ["qd_729_ttg.pdf", "nq_115_ba_vi.pdf"])
def test_a_real_scanned_pdf_without_text_layer_needs_ocr(name):
    with pytest.raises(NeedsOCRError) as err:
        read(shared_document(f"pdf/{name}"))
    assert "OCR" in str(err.value) and name in str(err.value)


@pytest.mark.parametrize("pages", [1, 2])
def test_a_scanned_pdf_without_text_layer_needs_ocr(tmp_path, pages):
    path = tmp_path / f"scan-{pages}.pdf"
    path.write_bytes(scanned_pdf(pages))
    with pytest.raises(NeedsOCRError) as err:
        read(path)
    assert "OCR" in str(err.value) and path.name in str(err.value) and f"{pages} page(s)" in str(err.value)


def test_the_text_pdf_keeps_the_symbol_and_the_signature_lines(hanoi):
    t = texts(hanoi)
    assert any("453/TB-UBND" in x for x in t)
    assert "TL. CHỦ TỊCH" in t and "KT. CHÁNH VĂN PHÒNG" in t
    assert t[-1] == "Võ Tuấn Anh"


def test_the_own_notice_keeps_the_symbol_and_the_signature_lines(own):
    t = texts(own)
    assert any("218/TB-UBND" in x for x in t)
    assert "TL. CHỦ TỊCH" in t and "KT. CHÁNH VĂN PHÒNG" in t
    assert t[-1] == "Lê Văn Thạch"


def test_the_two_column_header_reads_left_column_then_right_in_the_own_notice(own):
    assert texts(own)[:6] == [
        "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI ĐĂNG", "Số: 218/TB-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "Hải Đăng, ngày 12 tháng 3 năm 2026"]
    assert [b.table.col for b in own.blocks[:6]] == [0, 0, 0, 1, 1, 1]


def test_the_two_column_header_reads_left_column_then_right(hanoi):
    assert texts(hanoi)[:6] == [
        "ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 453/TB-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "Hà Nội, ngày 29 tháng 4 năm 2026"]
    assert [b.table.col for b in hanoi.blocks[:6]] == [0, 0, 0, 1, 1, 1]


def test_recipients_come_before_the_signature(hanoi):
    t = texts(hanoi)
    assert t.index("Nơi nhận:") < t.index("- Lưu: VT, KGVX") < t.index("TL. CHỦ TỊCH")


def test_recipients_come_before_the_signature_in_the_own_notice(own):
    t = texts(own)
    assert t.index("Nơi nhận:") < t.index("- Lưu: VT, KGVX") < t.index("Lê Văn Thạch")
    assert t.index("Nơi nhận:") < t.index("TL. CHỦ TỊCH")


def test_hard_wrapped_lines_are_joined_into_paragraphs_in_the_own_notice(own):
    body = [x for x in texts(own) if x.startswith("Nhân dịp")]
    assert body and body[0].endswith("đến hết ngày 27/3/2026.")
    assert "VIII, nhiệm kỳ 2026" in body[0]


def test_blocks_of_the_own_notice_say_where_they_are_and_pages_have_a_size(own):
    assert own.blocks[0].location == "trang 1, dòng 1"
    assert own.format == "pdf" and own.pages[0].width_mm == 209.9  # A4 (595 pt)


def test_hard_wrapped_lines_are_joined_into_paragraphs(hanoi):
    body = [x for x in texts(hanoi) if x.startswith("Nhân dịp")]
    assert body and body[0].endswith("đến hết ngày 14/5/2026.")
    assert "XI, nhiệm kỳ 2026" in body[0]


def test_blocks_say_where_they_are_and_pages_have_a_size(hanoi):
    assert hanoi.blocks[0].location == "trang 1, dòng 1"
    assert hanoi.format == "pdf" and hanoi.pages[0].width_mm == 215.9


def _three_pages() -> bytes:
    pages = []
    for n in (1, 2, 3):
        pages.append([
            (250, 810, "DU THAO"),
            (72, 700, f"Line {n} of the body text goes on and on across this page, and it is long"),
            (72, 685, "and continues here without a full stop"),
            (290, 40, str(n)),
        ])
    return simple_pdf(pages)


def test_page_numbers_and_running_headers_become_artifacts():
    doc = read_pdf(_three_pages())
    artifacts = [b.text for b in doc.blocks if b.kind == "artifact"]
    assert sorted(artifacts) == ["1", "2", "3", "DU THAO", "DU THAO", "DU THAO"]
    assert all("DU THAO" not in b.text for b in doc.blocks if b.kind == "paragraph")


def test_artifacts_sit_on_their_own_page():
    doc = read_pdf(_three_pages())
    assert [b.page_section for b in doc.blocks if b.text == "2"] == [1]
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_a_broken_pdf_is_corrupt():
    with pytest.raises((CorruptFileError, NeedsOCRError)):
        read_pdf(b"%PDF-1.4\n" + b"garbage " * 50)


def test_a_truncated_pdf_is_refused_cleanly(own_pdf):
    data = own_pdf.read_bytes()
    with pytest.raises((CorruptFileError, NeedsOCRError)):
        read_pdf(data[: len(data) // 3])


def test_a_running_header_precedes_its_page_body_and_a_page_number_follows_it():
    doc = read_pdf(_three_pages())
    kinds = [(b.kind, b.page_section) for b in doc.blocks]
    assert kinds[:3] == [("artifact", 0), ("paragraph", 0), ("artifact", 0)]
    assert doc.blocks[0].text == "DU THAO" and doc.blocks[2].text == "1"


def test_wrapped_entries_in_a_column_of_the_own_notice_are_joined_to_the_entry_they_continue(own):
    t = texts(own)
    assert "- Báo và Đài PT-TH Thành phố; (để đưa tin)" in t
    assert "- VPUB: CVP, PCVP Đ.T.Hòa, phòng: KGVX, TH, HC-QT, Trung tâm Thông tin Thành phố;" in t
    assert "THÀNH PHỐ HẢI ĐĂNG" in t  # centred header lines stay apart


def test_wrapped_entries_in_a_column_are_joined_to_the_entry_they_continue(hanoi):
    t = texts(hanoi)
    assert "- Cơ quan Báo&PT, TH Thành phố; (để đưa tin)" in t
    assert "- VPUB: CVP, PCVP P.T.T.Huyền, phòng: KGVX, TH, HC-QT, Trung tâm TTDL&CNS Thành phố;" in t
    assert "THÀNH PHỐ HÀ NỘI" in t  # centred header lines stay apart


def test_pypdf_repair_notices_become_warnings_not_stderr_noise(capfd):
    data = simple_pdf([[(72, 700, "A plan whose cross-reference table points to the wrong place")]])
    head, _, _ = data.rpartition(b"startxref")
    broken = head + b"startxref\n9999\n%%EOF\n"
    doc = read_pdf(broken)
    assert [b.text for b in doc.blocks] == ["A plan whose cross-reference table points to the wrong place"]
    assert any(w.startswith("pypdf:") for w in doc.warnings)
    assert capfd.readouterr().err == ""


def test_number_and_date_stamped_in_signature_fields_of_the_own_notice_fill_their_blanks(own):
    t = texts(own)
    assert "Số: 218/TB-UBND" in t and "Hải Đăng, ngày 12 tháng 3 năm 2026" in t
    assert any("stamp" in w for w in own.warnings)
    assert [b.text for b in own.blocks if b.kind == "artifact"] == [
        "Ký bởi: Văn phòng Ủy ban nhân dân thành phố Hải Đăng", "Thời gian ký: 12.03.2026 09:15:40 +07:00"]


def test_number_and_date_stamped_in_signature_fields_fill_their_blanks(hanoi):
    # the signing system draws 453, 29, 4 and 2026 in signature-field appearances, not in the page
    t = texts(hanoi)
    assert "Số: 453/TB-UBND" in t and "Hà Nội, ngày 29 tháng 4 năm 2026" in t
    assert any("stamp" in w for w in hanoi.warnings)


def _line(text, x, y, parts):
    from vnplan.read.pdf import _Line

    return _Line(text, x, y, 14.0, 0, 1, parts=parts)


def test_a_stamp_goes_into_the_blank_run_under_it_without_a_space_before_a_slash():
    from vnplan.read.pdf import _place_stamps

    ln = _line("Số:        /KH-UBND", 100, 700, [("Số:        /", 100), ("KH-UBND", 170)])
    assert _place_stamps([ln], [(120, 700.5, 13, "15")], 0) == 1
    assert ln.text == "Số: 15/KH-UBND"


def test_stamps_fill_blanks_in_order_and_a_stray_stamp_becomes_its_own_line():
    from vnplan.read.pdf import _place_stamps

    ln = _line("ngày   tháng    năm ", 300, 600, [("ngày   ", 300), ("tháng    năm ", 400)])
    lines = [ln]
    stamps = [(350, 600, 13, "05"), (440, 600, 13, "02"), (480, 600, 13, "2024"), (100, 100, 13, "MẬT")]
    assert _place_stamps(lines, stamps, 0) == 4
    assert " ".join(ln.text.split()) == "ngày 05 tháng 02 năm 2024"
    assert [l.text for l in lines[1:]] == ["MẬT"]


def test_a_signature_information_box_is_kept_as_artifacts_not_merged_into_text():
    from vnplan.read.pdf import _place_stamps

    ln = _line("Nội dung của dòng này", 72, 500, [("Nội dung của dòng này", 72)])
    lines = [ln]
    box = "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nThời gian ký: 23.04.2026 15:54:16 +07:00"
    assert _place_stamps(lines, [(72, 500, 10, box)], 0) == 0
    assert ln.text == "Nội dung của dòng này"
    assert [(l.text, l.artifact) for l in lines[1:]] == [
        ("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", True), ("Thời gian ký: 23.04.2026 15:54:16 +07:00", True)]


def test_cells_sharing_a_baseline_are_split_into_columns():
    from pdf_fixtures import unicode_pdf

    data = unicode_pdf([[(60, 800, "ỦY BAN NHÂN DÂN"), (320, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                         (60, 785, "Số: 12/KH-UBND"), (320, 785, "Độc lập - Tự do - Hạnh phúc"),
                         (72, 700, "Nội dung chính của văn bản được trình bày ở đây, trải dài hết một dòng.")]])
    doc = read_pdf(data)
    assert [b.text for b in doc.blocks] == [
        "ỦY BAN NHÂN DÂN", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Nội dung chính của văn bản được trình bày ở đây, trải dài hết một dòng."]
    assert [b.table.col if b.table else None for b in doc.blocks] == [0, 0, 1, 1, None]


def test_text_in_a_tcvn3_font_is_converted_with_a_warning():
    from pdf_fixtures import unicode_pdf

    # what a .VnTime PDF's text layer gives: the 8-bit TCVN3 codes read as Latin-1
    data = unicode_pdf([[(72, 700, "Céng hoµ x· héi chñ nghÜa ViÖt Nam")]], base_font="ABCDEF+.VnTime")
    doc = read_pdf(data)
    assert [b.text for b in doc.blocks] == ["Cộng hòa xã hội chủ nghĩa Việt Nam"]
    assert any("TCVN3" in w for w in doc.warnings)


def test_unicode_text_in_a_tcvn3_font_is_not_converted():
    from pdf_fixtures import unicode_pdf

    data = unicode_pdf([[(72, 700, "Cộng hòa xã hội chủ nghĩa Việt Nam")]], base_font="ABCDEF+.VnTime")
    doc = read_pdf(data)
    assert [b.text for b in doc.blocks] == ["Cộng hòa xã hội chủ nghĩa Việt Nam"]


def test_pdf_blocks_carry_font_size_bold_and_italic_for_layout_checks(hanoi):
    by_text = {b.text: b for b in hanoi.blocks}
    (qh,) = by_text["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].runs
    assert (qh.font, qh.size, qh.bold, qh.italic) == ("Times New Roman", 14.0, True, False)
    (heading,) = by_text["Nơi nhận:"].runs
    assert (heading.size, heading.bold, heading.italic) == (12.0, True, True)
    entry = by_text["- Cơ quan Báo&PT, TH Thành phố; (để đưa tin)"]
    assert [(r.text, r.size, r.italic) for r in entry.runs] == [
        ("- Cơ quan Báo&PT, TH Thành phố;", 12.0, False), (" (để đưa tin)", 11.0, True)]
    assert all("".join(r.text for r in b.runs) == b.text for b in hanoi.blocks if b.runs)


def test_pdf_blocks_of_the_own_notice_carry_font_size_bold_and_italic(own):
    by_text = {b.text: b for b in own.blocks}
    (qh,) = by_text["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].runs
    assert (qh.size, qh.bold, qh.italic) == (13.0, True, False)
    (place,) = by_text["Hải Đăng, ngày 12 tháng 3 năm 2026"].runs
    assert (place.size, place.bold, place.italic) == (13.0, False, True)
    (title,) = by_text["THÔNG BÁO"].runs
    assert (title.size, title.bold) == (14.0, True)
    (heading,) = by_text["Nơi nhận:"].runs
    assert (heading.size, heading.bold) == (12.0, True)
    entry = by_text["- Đ/c Bí thư Thành ủy;"]
    assert [(r.size, r.bold, r.italic) for r in entry.runs] == [(12.0, False, False)]
    assert all("".join(r.text for r in b.runs) == b.text for b in own.blocks if b.runs)


def test_font_facts_read_family_and_style_from_base_font_names():
    from vnplan.read.pdf import font_facts

    assert font_facts("ABCDEE+Times New Roman,BoldItalic") == ("Times New Roman", True, True)
    assert font_facts("TimesNewRomanPS-BoldMT") == ("TimesNewRomanPS", True, False)
    assert font_facts("Arial") == ("Arial", False, False)
    assert font_facts(".VnTimeH") == (".VnTimeH", False, False)
    assert font_facts(None) == (None, None, None)


def test_space_between_paragraphs_separates_them_even_without_punctuation_or_indent():
    from pdf_fixtures import unicode_pdf

    lines = [
        (72, 700, "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc các nội dung của kế hoạch"),
        (72, 684, "theo đúng tiến độ đã được giao trong năm hai nghìn không trăm hai mươi sáu"),
        (72, 668, "Nội dung thứ hai của văn bản bắt đầu sau một khoảng cách rộng hơn bình thường"),
        (72, 652, "và tiếp tục trên dòng sau."),
    ]
    spaced = [(x, y - (8 if k >= 2 else 0), t) for k, (x, y, t) in enumerate(lines)]
    assert len(read_pdf(unicode_pdf([lines])).blocks) == 1  # evenly spaced: one paragraph
    assert [b.text[:20] for b in read_pdf(unicode_pdf([spaced])).blocks] == ["Các cơ quan, đơn vị ", "Nội dung thứ hai của"]
