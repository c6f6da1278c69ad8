"""End to end: the same plan read from .docx (typed or automatic numbers), text or PDF parses alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vnplan
from docx_fixtures import plan_docx, plan_pdf, plan_text
from pdf_fixtures import scanned_pdf
from real_corpus import materialise, shared_document
from vnplan.serialize import plan_to_dict

# Written for vnplan in the layout of the shared corpus's Hà Nội TB 453 (built in code).
OWN_NOTICE = Path(__file__).parent / "data" / "pdf" / "tb-ubnd-tp-haidang-treo-co-ky-so.pdf.txt"
COMPARED = ("header", "legal_basis", "preamble", "sections", "recipients_heading", "recipients", "signature")


def _without_label_source(node):  # type: ignore[no-untyped-def]
    """Sections record where their label came from (typed or Word numbering): the one expected difference."""
    if isinstance(node, dict):
        return {k: _without_label_source(v) for k, v in node.items() if k != "label_source"}
    if isinstance(node, list):
        return [_without_label_source(v) for v in node]
    return node


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    (folder / "literal.docx").write_bytes(plan_docx("literal"))
    (folder / "auto.docx").write_bytes(plan_docx("auto"))
    (folder / "plan.txt").write_text(plan_text(), encoding="utf-8")
    (folder / "plan.pdf").write_bytes(plan_pdf())
    names = ("literal.docx", "auto.docx", "plan.txt", "plan.pdf")
    return {name: plan_to_dict(vnplan.parse(folder / name)) for name in names}


@pytest.mark.parametrize("part", COMPARED)
def test_literal_and_auto_numbered_docx_give_the_same_plan(plans, part):
    assert _without_label_source(plans["auto.docx"][part]) == _without_label_source(plans["literal.docx"][part])


@pytest.mark.parametrize("part", COMPARED)
def test_docx_and_its_text_twin_give_the_same_plan(plans, part):
    assert _without_label_source(plans["plan.txt"][part]) == _without_label_source(plans["literal.docx"][part])


@pytest.mark.parametrize("part", COMPARED)
def test_docx_and_its_text_layer_pdf_twin_give_the_same_plan(plans, part):
    assert _without_label_source(plans["plan.pdf"][part]) == _without_label_source(plans["literal.docx"][part])


def test_auto_numbered_sections_say_their_labels_came_from_word_numbering(plans):
    sections = plans["auto.docx"]["sections"]
    assert [s["label"] for s in sections] == ["I", "II", "III"]
    assert {s["label_source"] for s in sections} == {"numbering"}
    assert {s["label_source"] for s in plans["literal.docx"]["sections"]} == {"text"}


def test_the_docx_plan_header_recipients_and_signature(plans):
    p = plans["auto.docx"]
    assert (p["header"]["authority"], p["header"]["number"], p["header"]["symbol"]) == (
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "15", "KH-KHCN")
    assert p["header"]["date"] == {"year": 2024, "month": 2, "day": 5}
    assert [r["name"] for r in p["recipients"]] == ["UBND tỉnh", "Giám đốc, các PGĐ Sở", "Lưu"]
    assert (p["signature"]["authority_form"], p["signature"]["signer"]) == ("KT.", "Nguyễn Văn An")


def test_the_plan_json_is_valid_json_with_the_docx_format(plans):
    assert plans["auto.docx"]["format"] == "docx"
    json.dumps(plans["auto.docx"], ensure_ascii=False)


@pytest.fixture(scope="module")
def hanoi():
    """Thông báo 453/TB-UBND, Hà Nội 2026 (real, text layer, signed): from the shared corpus."""
    return vnplan.parse(shared_document("pdf/hanoi_tb_453_flag.pdf"))


@pytest.fixture(scope="module")
def own():
    return vnplan.parse(materialise(OWN_NOTICE))


def test_the_own_notice_pdf_gives_issuer_number_date_and_title(own):
    h = own.header
    assert h.authority == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI ĐĂNG"
    assert h.national_motto
    # the number and the date are stamped by the signing system in signature fields
    assert (h.number, h.symbol) == ("218", "TB-UBND")
    assert h.place == "Hải Đăng" and h.date is not None and h.date.iso == "2026-03-12"
    assert (h.doc_type, h.title) == ("Thông báo", "Về việc treo cờ Tổ quốc")


def test_the_own_notice_pdf_gives_every_recipient(own):
    names = [r.name for r in own.recipients]
    assert len(names) == 8 and names[0] == "Đ/c Bí thư Thành ủy" and own.recipients[-1].archive
    assert own.recipients[-1].archive_units == ("VT", "KGVX")


def test_the_own_notice_pdf_gives_the_tl_kt_signature(own):
    s = own.signature
    assert [f.form for f in s.forms] == ["TL.", "KT."]
    assert (s.on_behalf_of, s.position, s.signer) == ("CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "Lê Văn Thạch")


def test_the_own_notice_pdf_plan_json_validates_against_the_schema(own):
    import jsonschema

    from vnplan.data import load_schema

    jsonschema.validate(plan_to_dict(own), load_schema("plan"))


def test_the_hanoi_pdf_gives_issuer_number_date_and_title(hanoi):
    h = hanoi.header
    assert h.authority == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    assert h.national_motto
    # the number and the date are stamped by the signing system in signature fields
    assert (h.number, h.symbol) == ("453", "TB-UBND")
    assert h.place == "Hà Nội" and h.date is not None and h.date.iso == "2026-04-29"
    assert (h.doc_type, h.title) == ("Thông báo", "Về việc treo cờ Tổ quốc")


def test_the_hanoi_pdf_gives_every_recipient(hanoi):
    names = [r.name for r in hanoi.recipients]
    assert len(names) == 11 and names[0] == "Đ/c Bí thư Thành ủy" and hanoi.recipients[-1].archive
    assert hanoi.recipients[-1].archive_units == ("VT", "KGVX")


def test_the_hanoi_pdf_gives_the_tl_kt_signature(hanoi):
    s = hanoi.signature
    assert [f.form for f in s.forms] == ["TL.", "KT."]
    assert (s.on_behalf_of, s.position, s.signer) == ("CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "Võ Tuấn Anh")


@pytest.mark.parametrize("name", ["qd_729_ttg.pdf", "nq_115_ba_vi.pdf"])
def test_the_cli_refuses_a_real_scan_with_the_ocr_message_and_exit_code_2(name):
    from click.testing import CliRunner

    from vnplan.cli import main

    res = CliRunner().invoke(main, ["parse", str(shared_document(f"pdf/{name}"))])
    assert res.exit_code == 2
    assert "OCR" in res.output and len(res.output.strip().splitlines()) == 1


@pytest.mark.parametrize("pages", [1, 2])
def test_the_cli_refuses_a_scan_with_the_ocr_message_and_exit_code_2(tmp_path, pages):
    from click.testing import CliRunner

    from vnplan.cli import main

    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(pages))
    res = CliRunner().invoke(main, ["parse", str(path)])
    assert res.exit_code == 2
    assert "OCR" in res.output and len(res.output.strip().splitlines()) == 1


@pytest.mark.parametrize("make", [lambda: b"", lambda: plan_docx()[:300]], ids=["zero-byte", "truncated"])
def test_the_cli_gives_one_line_and_exit_code_2_for_a_bad_docx(tmp_path, make):
    from click.testing import CliRunner

    from vnplan.cli import main

    path = tmp_path / "bad.docx"
    path.write_bytes(make())
    res = CliRunner().invoke(main, ["parse", str(path)])
    assert res.exit_code == 2 and "bad.docx" in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_the_hanoi_pdf_plan_json_validates_against_the_schema(hanoi):
    import jsonschema

    from vnplan.data import load_schema

    jsonschema.validate(plan_to_dict(hanoi), load_schema("plan"))


def test_a_docx_plan_json_validates_against_the_schema(plans):
    import jsonschema

    from vnplan.data import load_schema

    jsonschema.validate(plans["auto.docx"], load_schema("plan"))


def test_a_two_row_header_table_gives_the_same_header(tmp_path, plans):
    from docx import Document

    from docx_fixtures import HEADER_LEFT, HEADER_RIGHT, TITLE

    doc = Document()
    table = doc.add_table(rows=2, cols=2)  # issuer | Quốc hiệu and Tiêu ngữ / Số | place and date
    table.cell(0, 0).text = HEADER_LEFT[0]
    table.cell(0, 0).add_paragraph(HEADER_LEFT[1])
    table.cell(0, 1).text = HEADER_RIGHT[0]
    table.cell(0, 1).add_paragraph(HEADER_RIGHT[1])
    table.cell(1, 0).text = HEADER_LEFT[2]
    table.cell(1, 1).text = HEADER_RIGHT[2]
    for line in TITLE:
        doc.add_paragraph(line)
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    path = tmp_path / "two-rows.docx"
    doc.save(str(path))
    header = plan_to_dict(vnplan.parse(path))["header"]
    expected = plans["literal.docx"]["header"]
    keys = ("parent_authority", "authority", "national_motto", "number", "symbol", "place", "date", "doc_type", "title")
    assert {k: header[k] for k in keys} == {k: expected[k] for k in keys}
