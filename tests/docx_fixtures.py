"""Hand-made .docx fixtures, built with python-docx (plus raw WordprocessingML where it has no API).

``plan_docx(numbering="literal")`` and ``plan_docx(numbering="auto")`` are twins: the same
plan, once with its numbers typed and once with Word automatic numbering from a
numbering.xml written here; a reader must give both the same texts and labels.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Mm, Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'

HEADER_LEFT = ("UBND TỈNH BẮC GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 15/KH-KHCN")
HEADER_RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Bắc Giang, ngày 05 tháng 02 năm 2024")
TITLE = ("KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024")
PREAMBLE = ("Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh về cải cách hành chính "
            "năm 2024, Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:")
# (level, literal label, text): level 0 = I., 1 = 1., 2 = a), 3 = dash bullet
BODY = (
    (0, "I.", "MỤC ĐÍCH, YÊU CẦU"),
    (1, "1.", "Mục đích"),
    (2, "a)", "Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính."),
    (3, "-", "Tuyên truyền trên cổng thông tin điện tử của Sở."),
    (3, "-", "Tổ chức hội nghị quán triệt."),
    (2, "b)", "Tạo sự đồng thuận của người dân và doanh nghiệp."),
    (1, "2.", "Yêu cầu"),
    (2, "a)", "Bám sát Kế hoạch số 14/KH-UBND của UBND tỉnh."),
    (0, "II.", "NỘI DUNG"),
    (1, "1.", "Tuyên truyền về cải cách thủ tục hành chính."),
    (1, "2.", "Tuyên truyền về chuyển đổi số."),
    (3, "-", "Đăng tin bài trên trang thông tin điện tử."),
    (0, "III.", "TỔ CHỨC THỰC HIỆN"),
    (1, "1.", "Văn phòng Sở chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này./."),
)
RECIPIENTS = ("Nơi nhận:", "- UBND tỉnh (b/c);", "- Giám đốc, các PGĐ Sở;", "- Lưu: VT, VP.")
SIGNATURE = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An")

# Numbering of the auto variant: abstractNum 1 holds I. / 1. / a) / dash bullet (Symbol glyph);
# abstractNum 2 is the recipients' dash list.
NUMBERING_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NSDECL}>
  <w:abstractNum w:abstractNumId="1">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/><w:lvlJc w:val="left"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf02d"/><w:lvlJc w:val="left"/>
      <w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:suff w:val="space"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""


def numbered(paragraph, num_id: int, ilvl: int) -> None:
    """Give a python-docx paragraph Word automatic numbering (w:numPr)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _borderless_two_column(doc, left, right, *, left_bold=False, right_bold=False):
    table = doc.add_table(rows=1, cols=2)
    for cell, lines, bold in ((table.cell(0, 0), left, left_bold), (table.cell(0, 1), right, right_bold)):
        cell.paragraphs[0].text = ""
        for k, line in enumerate(lines):
            p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(line)
            run.bold = bold and k < 2
    return table


def build_plan(numbering: str = "literal", *, body=BODY, pages: int = 1):
    """A python-docx Document of the sample plan; ``numbering`` is ``literal`` or ``auto``."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    _borderless_two_column(doc, HEADER_LEFT, HEADER_RIGHT, left_bold=True, right_bold=True)
    for k, line in enumerate(TITLE):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True
    doc.add_paragraph(PREAMBLE)
    for _ in range(pages):
        for level, label, text in body:
            if numbering == "auto":
                p = doc.add_paragraph(text)
                numbered(p, 1, level)
            else:
                p = doc.add_paragraph(f"{label} {text}")
            if level == 0:
                for r in p.runs:
                    r.bold = True
    doc.add_paragraph("")  # an empty paragraph: no block
    table = _borderless_two_column(doc, RECIPIENTS, SIGNATURE, right_bold=True)
    if numbering == "auto":
        cell = table.cell(0, 0)
        for p in cell.paragraphs[1:]:
            p.text = p.text[2:]
            numbered(p, 2, 0)
    return doc


def to_bytes(doc, *, replace: dict[str, bytes] | None = None) -> bytes:
    """Save a Document to bytes, optionally replacing (or adding) package parts."""
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    return patch_zip(data, replace or {})


def patch_zip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """A copy of a zip package with some parts replaced or added."""
    if not replace:
        return data
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                continue
            dst.writestr(info, src.read(info.filename))
        for name, content in replace.items():
            dst.writestr(name, content)
    return out.getvalue()


def ensure_numbering_part(data: bytes, numbering_xml: str = NUMBERING_XML) -> bytes:
    """Put ``numbering_xml`` into the package, adding the relationship and content type if needed."""
    z = zipfile.ZipFile(io.BytesIO(data))
    rels = z.read("word/_rels/document.xml.rels").decode()
    ctypes = z.read("[Content_Types].xml").decode()
    extra: dict[str, bytes] = {"word/numbering.xml": numbering_xml.encode("utf-8")}
    if "numbering.xml" not in rels:
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdNum1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/numbering" Target="numbering.xml"/></Relationships>')
        extra["word/_rels/document.xml.rels"] = rels.encode()
    if "/word/numbering.xml" not in ctypes:
        ctypes = ctypes.replace(
            "</Types>",
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.numbering+xml"/></Types>')
        extra["[Content_Types].xml"] = ctypes.encode()
    return patch_zip(data, extra)


def plan_docx(numbering: str = "literal", *, pages: int = 1) -> bytes:
    """The sample plan as .docx bytes, literal-numbered or auto-numbered."""
    data = to_bytes(build_plan(numbering, pages=pages))
    if numbering == "auto":
        data = ensure_numbering_part(data)
    return data


def plan_text() -> str:
    """The literal twin of the sample plan as plain text, header table flattened to lines."""
    lines = [*HEADER_LEFT, *HEADER_RIGHT, "", *TITLE, "", PREAMBLE]
    lines += [f"{label} {text}" for _lvl, label, text in BODY]
    lines += ["", *RECIPIENTS, *SIGNATURE]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- small documents


def docx_with_body_xml(body_xml: str, *, numbering_xml: str | None = None, styles_xml: str | None = None) -> bytes:
    """A .docx whose body children are the given raw WordprocessingML (namespaces w, r, mc, wps, v)."""
    doc = Document()
    body = doc.element.body
    sect = body[-1]
    wrapped = (
        f'<w:body {NSDECL} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml">' + body_xml + "</w:body>"
    )
    for child in list(parse_xml(wrapped)):
        sect.addprevious(child)
    data = to_bytes(doc)
    if numbering_xml is not None:
        data = ensure_numbering_part(data, numbering_xml)
    if styles_xml is not None:
        data = patch_zip(data, {"word/styles.xml": styles_xml.encode("utf-8")})
    return data


def numbering_xml(abstract: str, nums: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NSDECL}>{abstract}{nums}</w:numbering>'


def para(text: str, *, num: tuple[int, int] | None = None, style: str | None = None, rpr: str = "") -> str:
    """Raw XML of one paragraph."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    t = text.replace("&", "&amp;").replace("<", "&lt;")
    rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{ppr}<w:r>{rp}<w:t xml:space="preserve">{t}</w:t></w:r></w:p>'


def minimal_ole(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (CFB v3) holding the given streams (each padded to 4096+ bytes)."""
    import struct

    ss = 512
    data_sectors: list[bytes] = []
    entries: list[tuple[str, int, int, int]] = []  # name, type, start, size
    next_sector = 2  # 0 = FAT, 1 = directory
    for name, content in streams.items():
        content = content.ljust(4096, b"\0")
        n = -(-len(content) // ss)
        entries.append((name, 2, next_sector, len(content)))
        data_sectors.append(content.ljust(n * ss, b"\0"))
        next_sector += n
    fat = [0xFFFFFFFD, 0xFFFFFFFE]
    for _name, _t, start, size in entries:
        n = -(-size // ss)
        fat += [start + k + 1 for k in range(n - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (ss // 4 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)
    struct.pack_into("<IIIII", header, 0x38, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)

    def entry(name: str, typ: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
        e = bytearray(128)
        raw = (name + "\0").encode("utf-16-le")
        e[: len(raw)] = raw
        struct.pack_into("<HBB", e, 0x40, len(raw), typ, 1)
        struct.pack_into("<III", e, 0x44, 0xFFFFFFFF, right, child)
        struct.pack_into("<II", e, 0x74, start, size)
        return bytes(e)

    dir_entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1 if entries else 0xFFFFFFFF)]
    for k, (name, typ, start, size) in enumerate(entries):
        right = k + 2 if k + 1 < len(entries) else 0xFFFFFFFF
        dir_entries.append(entry(name, typ, start, size, right=right))
    directory = b"".join(dir_entries).ljust(ss, b"\0")[:ss]
    return bytes(header) + struct.pack(f"<{ss // 4}I", *fat) + directory + b"".join(data_sectors)


def plan_pdf() -> bytes:
    """The sample plan as a one-page text-layer PDF laid out like the Word file: a two-column
    header, centred title, indented preamble (wrapped on two lines), body, two-column closing."""
    from pdf_fixtures import unicode_pdf

    lines: list[tuple[float, float, str]] = []
    y = 800.0
    for k in range(3):  # header table, one row: left cell and right cell side by side
        lines.append((60, y - 15 * k, HEADER_LEFT[k]))
        lines.append((320, y - 15 * k, HEADER_RIGHT[k]))
    y -= 80
    for t in TITLE:
        lines.append((297 - len(t) * 2.7, y, t))
        y -= 16
    y -= 10
    cut = PREAMBLE.index(" năm 2024,") + 1
    lines.append((100, y, PREAMBLE[:cut].rstrip()))
    lines.append((72, y - 15, PREAMBLE[cut:]))
    y -= 32
    for _lvl, label, text in BODY:
        lines.append((100, y, f"{label} {text}"))
        y -= 15
    y -= 30
    left, right = RECIPIENTS, SIGNATURE
    for k in range(max(len(left), len(right))):
        if k < len(left):
            lines.append((60, y - 14 * k, left[k]))
        if k < len(right):
            lines.append((350, y - 14 * k, right[k]))
    return unicode_pdf([lines])


# ---------------------------------------------------------------- raw packages (hostile inputs)

_RAW_NS = (f'xmlns:w="{W_NS}" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def raw_docx(body: str, *, styles: str | None = None, numbering: str | None = None,
             extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx written part by part, without python-docx: ``body`` is the raw content of ``w:body``,
    ``styles`` and ``numbering`` the raw content of ``w:styles`` and ``w:numbering`` (namespaces
    declared here). Fast enough for inputs of a million elements, and exact to the byte."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}officeDocument" Target="word/document.xml"/>'
            "</Relationships>"),
        "word/document.xml": f"{head}<w:document {_RAW_NS}><w:body>{body}</w:body></w:document>",
    }
    rels = []
    if styles is not None:
        parts["word/styles.xml"] = f"{head}<w:styles {_RAW_NS}>{styles}</w:styles>"
        rels.append(f'<Relationship Id="rIdS" Type="{rel}styles" Target="styles.xml"/>')
    if numbering is not None:
        parts["word/numbering.xml"] = f"{head}<w:numbering {_RAW_NS}>{numbering}</w:numbering>"
        rels.append(f'<Relationship Id="rIdN" Type="{rel}numbering" Target="numbering.xml"/>')
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships">' + "".join(rels) + "</Relationships>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content.encode("utf-8"))
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def raw_para(text: str, *, ppr: str = "", rpr: str = "") -> str:
    """One raw paragraph: ``<w:p>`` with optional raw pPr and rPr content."""
    t = text.replace("&", "&amp;").replace("<", "&lt;")
    p = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    r = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{p}<w:r>{r}<w:t xml:space="preserve">{t}</w:t></w:r></w:p>'
