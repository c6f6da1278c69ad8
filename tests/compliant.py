"""A plan that breaks no rule, written part by part, for the rules' examples (``Example.part``).

``compliant_plan(**changes)`` is its text with some parts replaced (``signature="…"``);
``compliant_docx(layout)`` is the same plan as a Word file laid out as Decree 30/2020/NĐ-CP
asks (A4, margins, Times New Roman, each component's size and style), but for ``layout``.
The part names are the registry's ``EXAMPLE_PARTS``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

#: Each part of the plan, in order: its text and the layout component of each of its lines
#: (the last name repeats for the remaining lines).
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "authority": ("UBND TỈNH BẮC GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ", ("parent_authority", "authority")),
    "national": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", ("national_name", "motto")),
    "number": ("Số: 05/KH-KHCN", ("number",)),
    "date": ("Bắc Giang, ngày 05 tháng 02 năm 2024", ("date",)),
    "title": ("KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024", ("doc_type", "title")),
    "legal_basis": ("Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh Bắc Giang về tuyên truyền "
                    "cải cách hành chính nhà nước năm 2024, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:",
                    ("body",)),
    "purpose": ("1. Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân về cải cách hành chính (CCHC).\n"
                "2. Bám sát chủ đề năm 2024 “Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, "
                "hiệu quả bền vững”.", ("body",)),
    "content": ("1. Cải cách thể chế: phổ biến văn bản quy phạm pháp luật mới.\n"
                "2. Cải cách thủ tục hành chính (TTHC): phấn đấu tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt 100%.",
                ("body",)),
    "forms": ("1. Tuyên truyền trên báo chí, phát thanh, truyền hình.\n"
              "2. Đăng tin trên Trang thông tin điện tử của Sở.", ("body",)),
    "implementation": ("1. Văn phòng Sở chủ trì, theo dõi, đôn đốc; báo cáo kết quả về UBND tỉnh trước ngày "
                       "10/12/2024.\n2. Các phòng, đơn vị thuộc Sở triển khai, quán triệt Kế hoạch đến cán bộ, "
                       "công chức, viên chức./.", ("body",)),
    "recipients": ("Nơi nhận:\n- UBND tỉnh (b/c);\n- Lãnh đạo Sở;\n- Lưu: VT, VP.",
                   ("recipients_heading", "recipients")),
    "signature": ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTriệu Ngọc Trung",
                  ("signature_authority", "signature_authority", "signer")),
}

#: The headings of the four parts of a plan's body.
HEADINGS = {"purpose": "I. MỤC ĐÍCH, YÊU CẦU", "content": "II. NỘI DUNG", "forms": "III. HÌNH THỨC",
            "implementation": "IV. TỔ CHỨC THỰC HIỆN"}

#: The size (pt), bold and italic of each component in the compliant Word file.
STYLE: dict[str, tuple[float, bool, bool]] = {
    "parent_authority": (13, False, False), "authority": (13, True, False), "national_name": (13, True, False),
    "motto": (14, True, False), "number": (13, False, False), "date": (14, False, True),
    "doc_type": (14, True, False), "title": (14, True, False), "section_heading": (14, True, False),
    "body": (14, False, False), "recipients_heading": (12, True, True), "recipients": (11, False, False),
    "signature_authority": (14, True, False), "signer": (14, True, False),
}
MARGINS_MM = {"top_mm": 20, "bottom_mm": 20, "left_mm": 30, "right_mm": 15}
FONT = "Times New Roman"


def _lines(changes: Mapping[str, str]) -> list[tuple[str, str]]:
    """Every line of the plan with its layout component; a blank line between the header's groups."""
    unknown = set(changes) - set(PARTS)
    assert not unknown, f"no such part of the compliant plan: {sorted(unknown)}"
    out: list[tuple[str, str]] = []
    for name, (text, components) in PARTS.items():
        if name in HEADINGS:
            out.append((HEADINGS[name], "section_heading"))
        text = changes.get(name, text)
        for k, line in enumerate(text.split("\n")):
            out.append((line, components[min(k, len(components) - 1)] if line else ""))
        if name in ("authority", "national", "date", "title", "implementation", "recipients"):
            out.append(("", ""))
    return out


def compliant_plan(**changes: str) -> str:
    """The text of the compliant plan, the named parts replaced by ``changes``."""
    return "\n".join(line for line, _ in _lines(changes)) + "\n"


def compliant_docx(layout: Mapping[str, Any] | None = None, **changes: str) -> bytes:
    """The compliant plan as a .docx: ``layout`` may change ``font``, a margin (``left_mm``…) or a
    component's ``size``, ``bold`` or ``italic`` (``{"national_name": {"size": 14}}``)."""
    layout = dict(layout or {})
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    for side, mm in MARGINS_MM.items():
        setattr(sec, side.replace("_mm", "_margin"), Mm(layout.get(side, mm)))
    font = layout.get("font", FONT)
    d.styles["Normal"].font.name = font
    d.styles["Normal"].element.rPr.rFonts.set(qn("w:eastAsia"), font)
    for line, component in _lines(changes):
        if not line:
            continue
        size, bold, italic = STYLE[component]
        override = layout.get(component, {})
        run = d.add_paragraph().add_run(line)
        run.font.name = font
        run.font.size = Pt(override.get("size", size))
        run.font.bold = override.get("bold", bold)
        run.font.italic = override.get("italic", italic)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
