"""Hostile and broken input: every reader ends, in time and memory proportional to what the limits
allow, with a document or one VnplanError; never an internal error, never a hang.

Each defect of issue 15 that belongs to the readers is reproduced small (inputs built here),
every limit of ``vnplan.read.limits`` is shown to be enforced (lowered for the test), and
growth tests assert that doubling an adversarial input at most about doubles the work. The
fuzz harness is in test_read_fuzz.py.
"""

from __future__ import annotations

import gc
import io
import json
import os
import subprocess
import sys
import time
import tracemalloc

import pytest

from docx_fixtures import raw_docx, raw_para
from pdf_fixtures import form_stream, raw_pdf, text_ops
from vnplan.errors import EncryptedFileError, InputError, LimitExceededError, VnplanError
from vnplan.read import limits, read, values
from vnplan.read.docx import read_docx
from vnplan.read.markdown import read_markdown, strip_inline
from vnplan.read.numbering import format_number
from vnplan.read.pdf import read_pdf
from vnplan.read.text import read_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PLAN = ["UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
PDF_PLAN = ["UBND TINH BAC GIANG", "KE HOACH", "Tuyen truyen cai cach hanh chinh nam 2024", "I. MUC DICH, YEU CAU"]


def plan_body(extra: str = "") -> str:
    return "".join(raw_para(t) for t in PLAN) + extra


def numbered_docx(level: str, override: str = "", paragraphs: int = 3) -> bytes:
    """A plan whose paragraphs are numbered by the given ``w:lvl`` (num 1, abstractNum 1)."""
    numbering = (f'<w:abstractNum w:abstractNumId="1">{level}</w:abstractNum>'
                 f'<w:num w:numId="1"><w:abstractNumId w:val="1"/>{override}</w:num>')
    body = plan_body("".join(raw_para(f"Nội dung mục {k}.", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
                                                             "</w:numPr>") for k in range(paragraphs)))
    return raw_docx(body, numbering=numbering)


def labels(doc) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [b.label for b in doc.blocks if "Nội dung mục" in b.text]


def texts_encode(doc) -> None:  # type: ignore[no-untyped-def]
    """What every output step does with read text: encode it as UTF-8 (JSON included)."""
    for b in doc.blocks:
        b.text.encode("utf-8")
        for r in b.runs:
            r.text.encode("utf-8")
    json.dumps([b.text for b in doc.blocks], ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------------------- the value gate


class TestValues:
    """read/values.py accepts what Word and Acrobat accept, and gives the fallback for the rest."""

    def test_integers_are_ascii_digits_of_bounded_length(self):
        assert values.integer("12", lo=0, hi=100) == 12
        assert values.integer(" 12\n", lo=0, hi=100) == 12  # XML white space around the value
        assert values.integer("+3", lo=0, hi=8) == 3 and values.integer("-1", lo=-5, hi=5) == -1
        assert values.integer("²", lo=0, hi=8) is None  # a digit to str.isdigit, not to Word
        assert values.integer("١٢", lo=0, hi=100) is None  # Arabic-Indic digits: int() takes them
        assert values.integer("9" * 5000, lo=0, hi=10, default=7) == 7  # int() would raise
        assert values.integer("", lo=0, hi=8) is None and values.integer(None, lo=0, hi=8, default=1) == 1
        assert values.integer("1e3", lo=0, hi=10**6) is None and values.integer("0x10", lo=0, hi=99) is None

    def test_out_of_range_integers_fall_back_or_clamp(self):
        assert values.integer("100000000000", lo=0, hi=32767) is None
        assert values.integer("100000000000", lo=0, hi=32767, clamp=True) == 32767
        assert values.integer("-4", lo=0, hi=32767, clamp=True) == 0

    def test_symbols_are_four_hex_digits_and_never_a_surrogate(self):
        assert values.symbol("F0B7") == "\u00b7" and values.symbol("2013") == "\u2013"
        assert values.symbol("FFFFFFFF") is None  # chr() would overflow
        assert values.symbol("D800") == "\ufffd" and values.symbol("DFFF") == "\ufffd"
        assert values.symbol("0000") is None and values.symbol("G1") is None and values.symbol(None) is None

    def test_enumerations_are_one_of_the_allowed_values(self):
        assert values.enum("space", ("tab", "space")) == "space"
        assert values.enum("x" * 10_000, ("tab", "space"), "tab") == "tab"

    def test_pdf_numbers_accept_numbers_only(self):
        from pypdf.generic import ArrayObject, FloatObject, NameObject, NullObject, NumberObject

        assert values.pdf_int(NumberObject(90), lo=-360, hi=360, default=0) == 90
        assert values.pdf_int(FloatObject(180.0), lo=-360, hi=360, default=0) == 180
        for odd in (NameObject("/Foo"), ArrayObject([NumberObject(90)]), NullObject(), None, True, FloatObject(90.5),
                    float("nan"), float("inf"), "90", NumberObject(10**30)):
            assert values.pdf_int(odd, lo=-360, hi=360, default=0) == 0
        assert [values.pdf_rotation(NumberObject(n)) for n in (0, 90, -90, 450, 45)] == [0, 90, 270, 90, 0]
        assert values.pdf_number(FloatObject(595.5)) == 595.5 and values.pdf_number(NumberObject(842)) == 842
        for odd in (NameObject("/Foo"), NullObject(), float("nan"), float("inf"), 1e400, True, "12"):
            assert values.pdf_number(odd, default=-1.0) == -1.0

    def test_lone_surrogates_are_replaced(self):
        assert values.scrub("a\ud800b\udfff") == "a\ufffdb\ufffd"
        assert values.scrub("không sao") == "không sao"


# --------------------------------------------------------------------------- the defects of issue 15


def test_d2_markdown_emphasis_runs_are_paired_in_one_pass():
    assert strip_inline("**Căn cứ** *Kế hoạch* __đậm__ _nghiêng_") == "Căn cứ Kế hoạch đậm nghiêng"
    assert strip_inline("***cả hai***") == "cả hai"
    assert strip_inline("ma_so_1 và 2*3*4") == "ma_so_1 và 2*3*4"  # inside a word only ** marks up
    assert strip_inline("Số ___/KH-UBND") == "Số ___/KH-UBND"  # a typed blank stays
    assert strip_inline(r"\*không nghiêng\*") == "*không nghiêng*"
    line = "__a " * 2500  # 10 KB of openers that never close: 8 s before
    assert strip_inline(line) == line


def test_d2_markdown_emphasis_delimiters_are_capped_per_line(monkeypatch):
    monkeypatch.setattr(limits, "MAX_MARKDOWN_DELIMITERS", 4)
    assert strip_inline("*a* *b* *c*") == "a b *c*"  # the runs after the cap stay as typed


def test_d3_many_short_lines_are_joined_in_linear_time():
    doc = read_text("abc def\n" * 30_000)  # 240 KB: 73 s before
    assert len(doc.blocks) == 1 and len(doc.blocks[0].line_breaks) == 29_999


def test_d4_huge_numbering_starts_are_clamped_to_words_range():
    roman = numbered_docx('<w:lvl w:ilvl="0"><w:start w:val="100000000000"/><w:numFmt w:val="upperRoman"/>'
                          '<w:lvlText w:val="%1."/></w:lvl>')
    doc = read_docx(roman)
    assert labels(doc)[0] == "M" * 32 + "DCCLXVII."  # 32767, Word's largest value
    assert any("0–32767" in w for w in doc.warnings)
    letters = numbered_docx('<w:lvl w:ilvl="0"><w:start w:val="4000000000"/><w:numFmt w:val="lowerLetter"/>'
                            '<w:lvlText w:val="%1)"/></w:lvl>')
    assert all(len(lb or "") <= limits.MAX_LABEL_CHARS for lb in labels(read_docx(letters)))
    override = numbered_docx(
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>',
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="99999999999999"/>'
        '<w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/></w:lvl></w:lvlOverride>')
    assert labels(read_docx(override))[1] == "M" * 32 + "DCCLXVIII."


def test_d4_number_formats_are_bounded_for_any_value():
    for fmt in ("upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "decimal", "decimalZero"):
        assert len(format_number(10**12, fmt)) <= limits.MAX_LABEL_CHARS


def test_d5_level_text_cannot_amplify_into_gigabytes():
    amplify = numbered_docx('<w:lvl w:ilvl="0"><w:start w:val="52000"/><w:numFmt w:val="lowerLetter"/>'
                            '<w:lvlText w:val="' + "%1" * 400_000 + '"/></w:lvl>')  # 7.9 GB, then MemoryError
    tracemalloc.start()
    try:
        doc = read_docx(amplify)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(len(lb or "") <= limits.MAX_LABEL_CHARS for lb in labels(doc))
    assert peak < 60 * 1024 * 1024
    refs = numbered_docx('<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="' + "%1." * 12 + '"/>'
                         "</w:lvl>")
    assert labels(read_docx(refs))[0] == "1." * 9 + "." * 3  # the first 9 references only


def test_d8_odd_numbers_in_wordprocessingml_never_crash():
    lvl = '<w:lvl w:ilvl="{i}"><w:start w:val="{s}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    assert labels(read_docx(numbered_docx(lvl.format(i="²", s="1")))) == [None, None, None]  # no such level
    assert labels(read_docx(numbered_docx(lvl.format(i="0", s="9" * 5000))))[0] == "1."  # no number: Word's 1
    sizes = read_docx(raw_docx(plan_body(raw_para("x", rpr='<w:sz w:val="²"/>') + raw_para("y", rpr='<w:sz w:val="29"/>'))))
    assert [b.runs[0].size for b in sizes.blocks[-2:]] == [10.0, 14.5]  # "²": Word's default size
    odd = raw_para("z", ppr='<w:numPr><w:ilvl w:val="²"/><w:numId w:val="٣"/></w:numPr><w:outlineLvl w:val="¹"/>'
                   '<w:jc w:val="' + "x" * 1000 + '"/>')
    doc = read_docx(raw_docx(plan_body(odd)))
    assert doc.blocks[-1].text == "z" and doc.blocks[-1].alignment is None


@pytest.mark.parametrize("char", ["FFFFFFFF", "110000", "D800", "DFFF", "0000", "zz", ""])
def test_d8_out_of_range_and_surrogate_symbols_are_replaced_or_dropped(char):
    run = f'<w:p><w:r><w:t xml:space="preserve">Tuyên truyền </w:t><w:sym w:font="Symbol" w:char="{char}"/></w:r></w:p>'
    doc = read(raw_docx(plan_body(run)))
    texts_encode(doc)
    assert doc.blocks[-1].text.startswith("Tuyên truyền")


@pytest.mark.parametrize("rotate", ["/Rotate /Foo", "/Rotate [90]", "/Rotate null", "/Rotate 45", "/Rotate (90)",
                                    "/Rotate 1e400", "/Rotate 99999999999999999999999"])
def test_d8_odd_pdf_rotation_is_no_rotation(rotate):
    doc = read_pdf(raw_pdf([text_ops(PDF_PLAN)], page_extra=rotate))
    assert doc.pages[0].orientation == "portrait" and doc.blocks


@pytest.mark.parametrize("box", [b"[0 0 /Foo 842]", b"null", b"[0 0 99999999999 842]", b"[0 0]", b"(A4)", b"[0 0 0 0]"])
def test_d8_an_unusable_media_box_is_taken_as_a4(box):
    data = raw_pdf([text_ops(PDF_PLAN)]).replace(b"/MediaBox [0 0 595 842]", b"/MediaBox " + box)
    assert read_pdf(data).pages[0].width_mm == 209.9


def test_d8_a_real_rotation_still_turns_the_page():
    assert read_pdf(raw_pdf([text_ops(PDF_PLAN)], page_extra="/Rotate 90")).pages[0].orientation == "landscape"


def test_lone_surrogates_never_leave_a_reader():
    doc = read("KẾ HOẠCH\nTuyên truyền \ud800 năm 2024\n")
    assert "\ufffd" in doc.blocks[-1].text
    texts_encode(doc)
    md = read("# KẾ HOẠCH\n\n**đậm \udfff**\n", format="md")
    texts_encode(md)


def _page_tree(levels: int, fan: int) -> bytes:
    """One page reached through ``levels`` page-tree nodes, each listing the next ``fan`` times."""
    more = []
    for j in range(levels):
        child = f"{7 + j} 0 R" if j < levels - 1 else "5 0 R"
        more.append(f"<< /Type /Pages /Kids [{' '.join([child] * fan)}] /Count {fan ** (levels - j)} >>".encode())
    return raw_pdf([text_ops(PDF_PLAN)], more=more).replace(b"/Kids [5 0 R] /Count 1", b"/Kids [6 0 R] /Count 1")


def test_d9_a_page_tree_fanning_out_to_millions_of_pages_is_refused():
    assert len(read_pdf(_page_tree(2, 10)).pages) == 100
    with pytest.raises(LimitExceededError):
        read_pdf(_page_tree(6, 10))  # 1 500 bytes, a million pages


def test_d9_a_page_with_too_much_drawing_is_refused_before_parsing(monkeypatch):
    data = raw_pdf([text_ops(PDF_PLAN) + b"\nBT /F1 12 Tf 72 800 Td " + b"(a b) Tj 0 -1 Td " * 3_000 + b"ET"],
                   compress=True)
    assert read_pdf(data).blocks
    monkeypatch.setattr(limits, "MAX_PDF_PAGE_CONTENT_BYTES", 20_000)
    with pytest.raises(LimitExceededError, match="MAX_PDF_PAGE_CONTENT_BYTES"):
        read_pdf(data)


def test_d9_operators_are_counted_through_forms(monkeypatch):
    # each form draws the next ten times: 10**5 draws of the last one
    more = [form_stream(b" ".join(b"/N Do" for _ in range(10)), f"/XObject << /N {7 + k} 0 R >>") for k in range(5)]
    more.append(form_stream(b"BT /F1 12 Tf 72 700 Td (x) Tj ET"))
    data = raw_pdf([text_ops(PDF_PLAN) + b"\n/N Do"], resources_extra="/XObject << /N 6 0 R >>", more=more)
    from vnplan.read import pdf

    ran = []
    original = pdf._Work.operator

    def count(self, *args):  # type: ignore[no-untyped-def]
        ran.append(1)
        return original(self, *args)

    monkeypatch.setattr(pdf._Work, "operator", count)
    assert read_pdf(data).blocks
    assert len(ran) < 20 * limits.MAX_PDF_FORM_DRAWS  # pypdf stops drawing forms past the limit
    monkeypatch.setattr(limits, "MAX_PDF_PAGE_OPERATORS", 500)
    with pytest.raises(LimitExceededError, match="MAX_PDF_PAGE_OPERATORS"):
        read_pdf(data)


def test_d14_a_long_basedon_chain_is_resolved_once_per_style():
    n = limits.MAX_STYLE_DEPTH - 1
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="s{j}"><w:name w:val="s{j}"/>'
                     f'<w:basedOn w:val="s{j + 1}"/></w:style>' for j in range(n))
    styles += f'<w:style w:type="paragraph" w:styleId="s{n}"><w:name w:val="gốc"/><w:rPr><w:b/></w:rPr></w:style>'
    body = plan_body("".join(raw_para("Nội dung.", ppr=f'<w:pStyle w:val="s{j}"/>') for j in range(n)))
    doc = read_docx(raw_docx(body, styles=styles))
    assert all(b.runs[0].bold for b in doc.blocks if b.text == "Nội dung.")
    too_deep = styles.replace(f'w:styleId="s{n}"><w:name w:val="gốc"/>',
                              f'w:styleId="s{n}"><w:name w:val="gốc"/><w:basedOn w:val="t"/>')
    too_deep += '<w:style w:type="paragraph" w:styleId="t"><w:name w:val="t"/><w:basedOn w:val="u"/></w:style>'
    too_deep += '<w:style w:type="paragraph" w:styleId="u"><w:name w:val="u"/></w:style>'
    with pytest.raises(LimitExceededError, match="MAX_STYLE_DEPTH"):
        read_docx(raw_docx(body, styles=too_deep))


def test_d14_a_cyclic_basedon_chain_still_ends():
    styles = ('<w:style w:type="paragraph" w:styleId="a"><w:name w:val="a"/><w:basedOn w:val="b"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="b"><w:name w:val="b"/><w:basedOn w:val="a"/>'
              '<w:rPr><w:i/></w:rPr></w:style>')
    doc = read_docx(raw_docx(plan_body(raw_para("x", ppr='<w:pStyle w:val="a"/>')), styles=styles))
    assert doc.blocks[-1].runs[0].italic


def test_d14_runs_of_one_paragraph_are_merged_by_one_join():
    doc = read_docx(raw_docx(plan_body("<w:p>" + "<w:r><w:t>ab </w:t></w:r>" * 20_000 + "</w:p>")))
    assert len(doc.blocks[-1].runs) == 1 and doc.blocks[-1].text == ("ab " * 20_000).strip()


def test_d14_fields_opened_without_end_cost_nothing_per_run():
    body = "<w:p>" + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' * 5_000 + "<w:r><w:t>ẩn</w:t></w:r>" * 5_000
    body += '<w:r><w:fldChar w:fldCharType="end"/></w:r>' * 5_000 + "<w:r><w:t>hiện</w:t></w:r></w:p>"
    assert read_docx(raw_docx(plan_body(body))).blocks[-1].text == "hiện"


@pytest.mark.parametrize(("limit", "value", "make"), [
    ("MAX_PARAGRAPHS", 50, lambda: raw_docx(plan_body(raw_para("x.") * 60))),
    ("MAX_RUNS", 50, lambda: raw_docx(plan_body("<w:p>" + "<w:r><w:t>x</w:t></w:r>" * 60 + "</w:p>"))),
    ("MAX_XML_TAGS", 500, lambda: raw_docx(plan_body(raw_para("x.") * 100))),
    ("MAX_TEXT_CHARS", 500, lambda: raw_docx(plan_body(raw_para("x" * 600)))),
])
def test_d14_docx_limits_are_enforced_while_reading(monkeypatch, limit, value, make):
    data = make()
    assert read_docx(data).blocks
    monkeypatch.setattr(limits, limit, value)
    with pytest.raises(LimitExceededError, match=limit) as err:
        read_docx(data, path="hostile.docx")
    assert "\n" not in str(err.value) and str(err.value).startswith("hostile.docx: ")
    assert isinstance(err.value, InputError)


@pytest.mark.parametrize(("limit", "value", "text"), [
    ("MAX_TEXT_CHARS", 1_000, "Nội dung.\n" * 200),
    ("MAX_LINES", 100, "I.\n" * 200),
    ("MAX_PARAGRAPHS", 100, "I.\n" * 200),
    ("MAX_PARAGRAPHS", 100, "|\n" * 200),
])
def test_d13_text_limits_are_enforced_before_per_line_work(monkeypatch, limit, value, text):
    monkeypatch.setattr(limits, limit, value)
    for reader in (read_text, read_markdown, lambda t: read(t)):
        with pytest.raises(LimitExceededError, match=limit):
            reader(text)


def test_d13_pdf_text_limits_are_enforced_page_by_page(monkeypatch):
    data = raw_pdf([text_ops(PDF_PLAN + [f"Dong {k}" for k in range(40)]) for _ in range(3)])
    monkeypatch.setattr(limits, "MAX_LINES", 60)
    with pytest.raises(LimitExceededError, match="MAX_LINES"):
        read_pdf(data)
    monkeypatch.setattr(limits, "MAX_LINES", 10**6)
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 2)
    with pytest.raises(LimitExceededError, match="MAX_PDF_PAGES"):
        read_pdf(data)
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 10)
    monkeypatch.setattr(limits, "MAX_PDF_OBJECTS", 5)
    with pytest.raises(LimitExceededError, match="MAX_PDF_OBJECTS"):
        read_pdf(data)


class _Endless(io.RawIOBase):
    """An endless stream, as ``yes | vnplan check -`` or /dev/zero gives, counting what was read."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        b[:] = b"a" * len(b)
        self.given += len(b)
        return len(b)


def test_d19_an_endless_stdin_is_read_only_up_to_the_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 3 * 1024 * 1024)
    raw = _Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
    with pytest.raises(LimitExceededError, match="MAX_INPUT_BYTES"):
        read("-")
    assert raw.given <= 3 * 1024 * 1024 + 2 * (1 << 20)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_d19_dev_zero_is_refused_at_the_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 2 * 1024 * 1024)
    with pytest.raises(LimitExceededError, match="MAX_INPUT_BYTES"):
        read("/dev/zero")


def test_d19_bytes_and_text_given_directly_have_the_same_limits(monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(LimitExceededError):
        read(b"x" * 1001)
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(LimitExceededError):
        read("Nội dung\n" * 200)


def test_limit_errors_are_one_line_and_exit_2_on_the_command_line(tmp_path):
    big = tmp_path / "qua-lon.txt"
    big.write_text("Nội dung kế hoạch.\n" * (limits.MAX_TEXT_CHARS // 19 + 10), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "vnplan", "check", str(big)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": ROOT}, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "MAX_TEXT_CHARS" in lines[0] and "internal error" not in lines[0]


# --------------------------------------------------------------------------- D20: encrypted PDFs


def _encrypted(user: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw_pdf([text_ops(PDF_PLAN)]))))
    writer.encrypt(user_password=user, owner_password="chu-so-huu", algorithm=algorithm,
                   permissions_flag=0 if not user else -1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_d20_restricted_pdfs_with_an_empty_user_password_are_read(algorithm):
    doc = read_pdf(_encrypted("", algorithm))
    assert any("KE HOACH" in b.text for b in doc.blocks)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_d20_a_pdf_that_needs_its_password_says_so(algorithm):
    with pytest.raises(EncryptedFileError, match="password-protected"):
        read_pdf(_encrypted("matkhau", algorithm), path="mat.pdf")


def test_d20_a_missing_cipher_library_is_named_not_taken_for_a_broken_file(monkeypatch):
    import pypdf
    from pypdf.errors import DependencyError

    def no_aes(self, password):  # type: ignore[no-untyped-def]
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(pypdf.PdfReader, "decrypt", no_aes)
    with pytest.raises(EncryptedFileError, match="cryptography"):
        read_pdf(_encrypted("", "AES-128"))


# --------------------------------------------------------------------------- growth: linear work


def _best(fn, arg, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    """The reader's own work: the best of a few runs, with the cyclic garbage collector paused (its
    passes cost more as live objects pile up, whatever the reader does)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            fn(arg)
            best = min(best, time.perf_counter() - t0)
        finally:
            gc.enable()
    return best


def assert_linear(fn, make, n: int, *, floor: float = 0.008) -> None:  # type: ignore[no-untyped-def]
    """Doubling the input (n, 2n, 4n) at most about doubles the time: each ratio under 3, measured in
    this run, with a small floor against timer noise on tiny inputs. A quadratic reader gives 4, on
    every try; a busy machine (other processes) can spoil one measurement, so a failed one is
    measured again, twice at most."""
    inputs = [make(k * n) for k in (1, 2, 4)]
    for _attempt in range(3):
        times = [_best(fn, arg) for arg in inputs]
        if all(b < 3 * max(a, floor) for a, b in zip(times, times[1:])):
            return
    raise AssertionError(f"work grows faster than the input: {[round(t, 4) for t in times]} s for n, 2n, 4n")


def _ok(fn):  # type: ignore[no-untyped-def]
    """The reader, where a limit or an empty input is an acceptable end (the work is what is measured)."""
    def run(arg):  # type: ignore[no-untyped-def]
        try:
            fn(arg)
        except VnplanError:
            pass
    return run


TEXT_FAMILIES = {
    "short lines": lambda n: "abc def\n" * n,
    "roman headings": lambda n: "I.\n" * n,
    "pipes": lambda n: "|\n" * n,
    "pipes on one line": lambda n: "x" + "| -- " * n,
    "tabs on one line": lambda n: "x" + "a\t" * n,
    "typed blanks": lambda n: "Số:      /a " * n,
    "law keyword": lambda n: "Luật a " * n,
    "numbers and slashes": lambda n: "số 1/2/3-4.5 " * n,
    "dotted numbers": lambda n: "1." * n + " x",
    "unspaced Vietnamese": lambda n: "TRIỂNKHAITHỰCHIỆN" * n,
    "dashes": lambda n: "- " * n,
}
MARKDOWN_FAMILIES = {
    "strong openers": lambda n: "__a " * n,
    "emphasis openers": lambda n: "*a " * n,
    "mixed delimiters": lambda n: "*_" * n + "a",
    "link openers": lambda n: "[a](" * n,
    "bracket openers": lambda n: "[a " * n,
    "autolink openers": lambda n: "<http:a " * n,
    "tag openers": lambda n: "<a " * n,
    "backticks": lambda n: "``a`" * n,
    "strikes": lambda n: "~~a " * n,
    "heading spaces": lambda n: "# a" + " " * n + "b",
    "table rule spaces": lambda n: "| a |\n|--" + " " * n + "x",
    "rule spaces": lambda n: "- - -" + " " * n + "x",
}


@pytest.mark.parametrize("family", sorted(TEXT_FAMILIES))
def test_text_reader_work_grows_linearly(family):
    make = TEXT_FAMILIES[family]
    assert_linear(_ok(read_text), make, 1_200)


@pytest.mark.parametrize("family", sorted(MARKDOWN_FAMILIES))
def test_markdown_reader_work_grows_linearly(family):
    make = MARKDOWN_FAMILIES[family]
    assert_linear(_ok(read_markdown), make, 1_200)
    assert_linear(strip_inline, lambda n: make(n).replace("\n", " "), 1_200)


@pytest.mark.parametrize("family", ["TCVN3", "VNI", "bytes"])
def test_legacy_detection_and_conversion_work_grows_linearly(family):
    line = {"TCVN3": "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n", "VNI": "Coäng hoøa xaõ hoäi chuû nghóa\n",
            "bytes": "Céng hoµ x· héi chñ nghÜa\n"}[family]
    make = (lambda n: (line * n).encode("latin-1")) if family == "bytes" else (lambda n: line * n)
    assert_linear(_ok(read), make, 200)


def _first_read_docx(data: bytes):  # type: ignore[no-untyped-def]
    """read_docx with its stores of template parts emptied first: the reader's own work on every read (a part
    met again would make the smaller inputs, read several times, quicker than their size says)."""
    from vnplan.read.same_bytes import clear_all

    clear_all()
    return read_docx(data)


def test_docx_reader_work_grows_linearly_in_runs_paragraphs_and_styles():
    read_docx = _first_read_docx
    assert_linear(read_docx, lambda n: raw_docx(plan_body("<w:p>" + "<w:r><w:t>ab </w:t></w:r>" * n + "</w:p>")),
                  1_500)
    assert_linear(read_docx, lambda n: raw_docx(plan_body(raw_para("Nội dung.") * n)), 500)

    def chains(n: int) -> bytes:  # n styles in chains of 50, every style used once
        styles = "".join(f'<w:style w:type="paragraph" w:styleId="s{j}"><w:name w:val="s{j}"/>'
                         + (f'<w:basedOn w:val="s{j + 1}"/>' if (j + 1) % 50 else "") + "</w:style>"
                         for j in range(n))
        return raw_docx(plan_body("".join(raw_para("x", ppr=f'<w:pStyle w:val="s{j}"/>') for j in range(n))),
                        styles=styles)

    assert_linear(read_docx, chains, 250)


def test_pdf_reader_work_grows_linearly_in_lines_and_pages():
    def lines(n: int) -> bytes:
        return raw_pdf([text_ops(PDF_PLAN) + b"\nBT /F1 12 Tf 72 800 Td " + b"(a b) Tj 0 -14 Td " * n + b"ET"],
                       compress=True)

    assert_linear(read_pdf, lines, 250, floor=0.02)
    assert_linear(read_pdf, lambda n: raw_pdf([text_ops(PDF_PLAN + [f"Noi dung {k}"]) for k in range(n)]), 6,
                  floor=0.02)
