"""Reader fuzz harness: mutated .docx parts, PDF bytes, text and Markdown, read by every reader.

The one property: reading ends, in bounded time, with a SourceDocument whose text encodes as
UTF-8, or with a VnplanError (a one-line message, exit code 2 on the command line); never with
another exception. The budget is fixed and small (``derandomize``: the same cases on every run,
about 10 s in all); for a longer hunt raise it and draw new cases:

    VNPLAN_FUZZ_EXAMPLES=5000 VNPLAN_FUZZ_RANDOM=1 pytest tests/test_read_fuzz.py

Inputs that once broke a reader are kept under tests/data/fuzz/ and read on every run.
"""

from __future__ import annotations

import io
import os
import re
import signal
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docx_fixtures import raw_docx, raw_para
from pdf_fixtures import form_stream, raw_pdf, text_ops
from vnplan.errors import VnplanError
from vnplan.model import SourceDocument
from vnplan.read import read
from vnplan.read.docx import read_docx
from vnplan.read.markdown import read_markdown
from vnplan.read.pdf import read_pdf

FUZZ_DIR = Path(__file__).parent / "data" / "fuzz"
EXAMPLES = int(os.environ.get("VNPLAN_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=EXAMPLES or 150, deadline=None, derandomize=not os.environ.get("VNPLAN_FUZZ_RANDOM"),
                suppress_health_check=list(HealthCheck), database=None)
#: Longest any one read may take before it counts as a hang (generous: this is no speed test).
HANG_SECONDS = 20


def read_or_refuse(fn, data):  # type: ignore[no-untyped-def]
    """Read; a VnplanError is a fine end, anything else fails the test. Returns the document or None."""
    alarm = hasattr(signal, "setitimer")
    if alarm:
        def hang(*_):  # type: ignore[no-untyped-def]
            raise TimeoutError(f"reading took more than {HANG_SECONDS} s")

        old = signal.signal(signal.SIGALRM, hang)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        doc = fn(data)
    except VnplanError as exc:
        assert "\n" not in str(exc), "a VnplanError message is one line"
        return None
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    assert isinstance(doc, SourceDocument)
    for b in doc.blocks:
        b.text.encode("utf-8")
        (b.label or "").encode("utf-8")
        for r in b.runs:
            r.text.encode("utf-8")
    for w in doc.warnings:
        w.encode("utf-8")
    return doc


# --------------------------------------------------------------------------- seeds

NUMBERING = (
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/>'
    '<w:lvlRestart w:val="1"/><w:suff w:val="space"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/>'
    '<w:isLgl/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="DS"/></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
    '</w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
)
STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="28"/></w:rPr>'
    '</w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:caps/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Mục 2"/><w:basedOn w:val="Heading1"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="numbering" w:styleId="DS"><w:name w:val="DS"/><w:pPr><w:numPr><w:numId w:val="1"/>'
    '</w:numPr></w:pPr></w:style>'
    '<w:style w:type="character" w:styleId="Dam"><w:name w:val="Đậm"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>'
    '</w:style>'
)


def _num(num_id: int, ilvl: int) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


BODY = (
    '<w:tbl><w:tr><w:tc>' + raw_para("UBND TỈNH BẮC GIANG") + raw_para("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    + '</w:tc><w:tc>' + raw_para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    + '<w:p><w:r><w:t>Độc lập - Tự do</w:t><w:br/><w:t>Hạnh phúc</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    + raw_para("KẾ HOẠCH", ppr='<w:pStyle w:val="Heading1"/>')
    + raw_para("MỤC ĐÍCH, YÊU CẦU", ppr=_num(1, 0))
    + raw_para("Mục đích", ppr='<w:pStyle w:val="Muc"/>')
    + raw_para("Nâng cao nhận thức.", ppr=_num(2, 2), rpr='<w:rStyle w:val="Dam"/><w:i/>')
    + raw_para("Tuyên truyền.", ppr=_num(3, 3) + '<w:jc w:val="both"/>')
    + '<w:p><w:r><w:t xml:space="preserve">Ký hiệu </w:t><w:sym w:font="Symbol" w:char="F0B7"/>'
    '<w:fldChar w:fldCharType="begin"/><w:instrText> PAGE </w:instrText><w:fldChar w:fldCharType="separate"/>'
    '<w:t>1</w:t><w:fldChar w:fldCharType="end"/><w:tab/><w:t>năm 2024</w:t></w:r>'
    '<w:ins><w:r><w:t> thêm</w:t></w:r></w:ins><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del></w:p>'
    + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
    'w:left="1701"/></w:sectPr>'
)
SEED_DOCX = raw_docx(BODY, styles=STYLES, numbering=NUMBERING)
SEED_PARTS = {info.filename: zipfile.ZipFile(io.BytesIO(SEED_DOCX)).read(info.filename)
              for info in zipfile.ZipFile(io.BytesIO(SEED_DOCX)).infolist()}

PDF_LINES = ["UBND TINH BAC GIANG", "KE HOACH", "I. MUC DICH, YEU CAU", "1. Muc dich", "- Luu: VT."]
SEED_PDF = raw_pdf(
    [text_ops(PDF_LINES) + b"\n/N Do", text_ops(["Trang 2", "II. NOI DUNG"])],
    page_extra="/Rotate 0 /Annots [8 0 R]", resources_extra="/XObject << /N 9 0 R >>",
    more=[b"<< /Type /Annot /Subtype /Widget /Rect [100 700 200 720] /F 4 /AP << /N 10 0 R >> >>",
          form_stream(b"BT /F1 12 Tf 72 600 Td (trong form) Tj ET"),
          form_stream(b"BT /F1 10 Tf 2 5 Td (453) Tj ET")])

# Values Word or Acrobat would never write, and values at the edge of what they write.
HOSTILE_VALUES = ["", " ", "-1", "0", "8", "9", "32767", "32768", "99999999999999", "9" * 5000, "²", "١", "1e3",
                  "0x10", "D800", "DFFF", "FFFFFFFF", "F0B7", "%1" * 50, "%9%8%7", "%0", "%", "bullet", "none",
                  "upperRoman", "lowerLetter", "decimalZero", "nothing", "Heading1", "Muc", "DS", "1", "2", "3",
                  "\u202e", "x" * 3000, "true", "off", "NaN", "-0", "+5"]
PDF_TOKENS = [b"/Foo", b"[90]", b"null", b"-1", b"0", b"90", b"1e400", b"99999999999999999999", b"<<", b">>",
              b"[", b"]", b"(", b")", b"0 0 R", b"999 0 R", b"/Rotate", b"/Contents", b"/Kids", b"/Count 1000000",
              b"/Filter /FlateDecode", b"stream", b"endstream", b"obj", b"endobj", b"<D800>", b"\\", b"Tj", b"Do",
              b"/N Do", b"BT", b"ET", b"q", b"Q", b"cm", b"Tf", b"%", b"\x00", b"\xff"]
TEXT_PIECES = st.sampled_from(
    list("aăâeêioôơuưyđAĂÂĐ0123456789 \t\n\r.,;:/-()[]<>|*_#`~\\!+")
    + ["\u000b", "\u000c", "\u2028", "\u00a0", "\u200b", "\u0301", "\u0323", "\ufeff", "\ud800", "\x1b", "\x7f",
       "**", "__", "](", "<http:", "Luật ", "số ", "I. ", "1. ", "a) ", "- ", "| ", "---", "```", "# ",
       "KẾ HOẠCH", "Căn cứ ", "Nơi nhận:", "\u00d0", "hoà", "     "])


# --------------------------------------------------------------------------- strategies

@st.composite
def mutated_docx(draw) -> bytes:  # type: ignore[no-untyped-def]
    parts = dict(SEED_PARTS)
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(sorted(parts)))
        data = parts[name]
        kind = draw(st.sampled_from(["value", "value", "value", "bytes", "slice", "cut", "drop"]))
        if kind == "value":
            spans = [m.span(1) for m in re.finditer(rb'="([^"]*)"', data)]
            if spans:
                a, b = draw(st.sampled_from(spans))
                new = draw(st.sampled_from(HOSTILE_VALUES) | st.text(max_size=12))
                new_b = new.encode("utf-8", "surrogatepass").replace(b"&", b"&amp;").replace(b'"', b"&quot;")
                data = data[:a] + new_b.replace(b"<", b"&lt;") + data[b:]
        elif kind == "bytes" and data:
            pos = draw(st.integers(0, len(data) - 1))
            data = data[:pos] + draw(st.binary(min_size=0, max_size=4)) + data[pos + draw(st.integers(0, 4)):]
        elif kind == "slice" and data:
            a = draw(st.integers(0, len(data) - 1))
            b = draw(st.integers(a, min(len(data), a + 400)))
            data = data[:b] + data[a:b] * draw(st.integers(1, 50)) + data[b:]
        elif kind == "cut":
            data = data[: draw(st.integers(0, len(data)))]
        elif kind == "drop" and name != "word/document.xml":
            del parts[name]
            continue
        parts[name] = data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    raw = out.getvalue()
    if draw(st.integers(0, 9)) == 0:  # now and then the zip itself is damaged
        pos = draw(st.integers(0, len(raw) - 1))
        raw = raw[:pos] + bytes([draw(st.integers(0, 255))]) + raw[pos + 1:]
    return raw


@st.composite
def mutated_pdf(draw) -> bytes:  # type: ignore[no-untyped-def]
    data = SEED_PDF
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["token", "token", "number", "bytes", "slice", "cut"]))
        if kind == "token" and data:
            pos = draw(st.integers(0, len(data) - 1))
            data = data[:pos] + b" " + draw(st.sampled_from(PDF_TOKENS)) + b" " + data[pos + draw(st.integers(0, 8)):]
        elif kind == "number":
            spans = [m.span() for m in re.finditer(rb"-?\d+(?:\.\d+)?", data)]
            if not spans:
                continue
            a, b = draw(st.sampled_from(spans))
            data = data[:a] + draw(st.sampled_from([b"0", b"-1", b"90", b"4294967296", b"1e9", b"9" * 400, b"-0.0",
                                                    b"99999", b"3"])) + data[b:]
        elif kind == "bytes" and data:
            pos = draw(st.integers(0, len(data) - 1))
            data = data[:pos] + draw(st.binary(max_size=4)) + data[pos + draw(st.integers(0, 4)):]
        elif kind == "slice" and data:
            a = draw(st.integers(0, len(data) - 1))
            b = draw(st.integers(a, min(len(data), a + 300)))
            data = data[:b] + data[a:b] * draw(st.integers(1, 30)) + data[b:]
        elif kind == "cut":
            data = data[: draw(st.integers(min(8, len(data)), len(data)))]
    return data


# --------------------------------------------------------------------------- properties

def test_the_seeds_read_as_plans():
    doc = read_or_refuse(read_docx, SEED_DOCX)
    assert doc is not None and any(b.text == "I. MỤC ĐÍCH, YÊU CẦU" for b in doc.blocks)
    pdf = read_or_refuse(read_pdf, SEED_PDF)
    assert pdf is not None and any("KE HOACH" in b.text for b in pdf.blocks)


@FUZZ
@given(mutated_docx())
def test_a_mutated_docx_is_read_or_refused(data):
    read_or_refuse(read_docx, data)


@FUZZ
@given(mutated_pdf())
def test_mutated_pdf_bytes_are_read_or_refused(data):
    read_or_refuse(read_pdf, data)


@FUZZ
@given(st.lists(TEXT_PIECES, max_size=200).map("".join))
def test_any_text_is_read_or_refused(text):
    read_or_refuse(read, text if "\n" in text or len(text) > 200 else text + "\n")
    read_or_refuse(read_markdown, text)


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["", ".txt", ".md", ".docx", ".pdf"]))
def test_any_bytes_are_read_or_refused(data, suffix):
    prefix = {".docx": b"PK\x03\x04", ".pdf": b"%PDF-1.4\n"}.get(suffix, b"")
    read_or_refuse(lambda d: read(d, format=suffix[1:] or None), prefix + data)


def _fuzz_files() -> list[Path]:
    return sorted(p for p in FUZZ_DIR.glob("*") if p.suffix in (".docx", ".pdf", ".txt", ".md"))


@pytest.mark.parametrize("path", _fuzz_files(), ids=lambda p: p.name)
def test_kept_crashers_are_read_or_refused(path):
    read_or_refuse(read, str(path))
