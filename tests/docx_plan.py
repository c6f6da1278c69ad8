"""Build .docx plans with python-docx for the layout tests: a compliant one, and the same with chosen faults.

The layout follows Decree 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.4: a two-column header table
(issuer and number left; Quốc hiệu, Tiêu ngữ and date right), type and title centred, the
body, and a closing table (Nơi nhận left, signature right).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TNR = "Times New Roman"

# component -> (text lines, size, bold, italic)
HEADER_LEFT = [
    ("parent", "UBND TỈNH BẮC GIANG", 13, False, False),
    ("authority", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", 13, True, False),
]
HEADER_RIGHT = [
    ("national", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False),
    ("motto", "Độc lập - Tự do - Hạnh phúc", 13, True, False),
]
NUMBER = ("number", "Số: 05/KH-KHCN", 13, False, False)
DATE = ("date", "Bắc Giang, ngày 05 tháng 02 năm 2024", 13, False, True)
TITLE = [
    ("type", "KẾ HOẠCH", 14, True, False),
    ("title", "Tuyên truyền cải cách hành chính năm 2024", 14, True, False),
]
BODY = [
    ("basis", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
     14, False, True),
    ("body", "Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:", 14, False, False),
    ("heading", "I. MỤC ĐÍCH, YÊU CẦU", 14, True, False),
    ("body", "1. Mục đích: nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.", 14, False, False),
    ("body", "2. Yêu cầu: bám sát nhiệm vụ trọng tâm của tỉnh.", 14, False, False),
    ("heading", "II. NỘI DUNG", 14, True, False),
    ("body", "1. Tuyên truyền các chủ trương của Đảng, chính sách, pháp luật của Nhà nước.", 14, False, False),
    ("heading", "III. TỔ CHỨC THỰC HIỆN", 14, True, False),
    ("body", "1. Văn phòng Sở theo dõi, tổng hợp kết quả thực hiện Kế hoạch./.", 14, False, False),
]
RECIPIENTS = [
    ("recipients_heading", "Nơi nhận:", 12, True, True),
    ("recipient", "- Chủ tịch UBND tỉnh (b/c);", 11, False, False),
    ("recipient", "- Lãnh đạo Sở;", 11, False, False),
    ("recipient", "- Lưu: VT, VP.", 11, False, False),
]
SIGNATURE = [
    ("form", "KT. GIÁM ĐỐC", 14, True, False),
    ("position", "PHÓ GIÁM ĐỐC", 14, True, False),
    ("signer", "Triệu Ngọc Trung", 14, True, False),
]
PAGE = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}


def _set_font(run: Any, name: str) -> None:
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def _para(container: Any, spec: tuple[str, str, float, bool, bool], changes: dict[str, dict[str, Any]],
          align: Any = None) -> None:
    comp, text, size, bold, italic = spec
    ch = changes.get(comp, {})
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    run = p.add_run(ch.get("text", text))
    run.font.size = Pt(ch.get("size", size))
    run.font.bold = ch.get("bold", bold)
    run.font.italic = ch.get("italic", italic)
    _set_font(run, ch.get("font", TNR))


def _cell(cell: Any, specs: list[tuple[str, str, float, bool, bool]], changes: dict[str, dict[str, Any]],
          align: Any = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    first = cell.paragraphs[0]
    first._element.getparent().remove(first._element)  # a new cell holds one empty paragraph
    for spec in specs:
        _para(cell, spec, changes, align)


def make_plan_docx(path: Path, *, page: dict[str, float] | None = None,
                   title: list[tuple[str, str, float, bool, bool]] | None = None, **changes: dict[str, Any]) -> Path:
    """Write a Kế hoạch to ``path``; ``changes`` maps a component (national, body, recipient…) to new
    text, size, bold, italic or font, ``page`` overrides paper size or margins (mm), and ``title``
    the centred lines under the header table (the type name and title)."""
    pg = {**PAGE, **(page or {})}
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    normal.font.name = TNR
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(pg["width"]), Mm(pg["height"])
    sec.top_margin, sec.bottom_margin = Mm(pg["top"]), Mm(pg["bottom"])
    sec.left_margin, sec.right_margin = Mm(pg["left"]), Mm(pg["right"])

    head = doc.add_table(rows=2, cols=2)
    _cell(head.cell(0, 0), HEADER_LEFT, changes)
    _cell(head.cell(0, 1), HEADER_RIGHT, changes)
    _cell(head.cell(1, 0), [NUMBER], changes)
    _cell(head.cell(1, 1), [DATE], changes)
    for spec in TITLE if title is None else title:
        _para(doc, spec, changes, WD_ALIGN_PARAGRAPH.CENTER)
    for spec in BODY:
        _para(doc, spec, changes, WD_ALIGN_PARAGRAPH.JUSTIFY)
    closing = doc.add_table(rows=1, cols=2)
    _cell(closing.cell(0, 0), RECIPIENTS, changes, WD_ALIGN_PARAGRAPH.LEFT)
    _cell(closing.cell(0, 1), SIGNATURE, changes)
    doc.save(str(path))
    return path
