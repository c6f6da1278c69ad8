"""Build samples/kh-pnv-sonlam-tuyen-truyen-cchc-2024.docx, a unit plan written for vnplan, the way
a district office lays one out in Word (Decree 30/2020/NĐ-CP, Phụ lục I): A4, Times New Roman,
a borderless two-column header table (issuer and number | Quốc hiệu, Tiêu ngữ, place and date),
the title centred in bold, justified body paragraphs with a first-line indent, and a borderless
closing table (Nơi nhận | signature). The unit (Phòng Nội vụ of the fictional huyện Sơn Lâm),
number and people are invented.

The file is committed; rebuilding gives the same bytes (fixed document properties and zip
times), which tests/test_samples.py checks.

Run: python scripts/build_sample_docx.py
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

OUT = Path(__file__).resolve().parent.parent / "samples" / "kh-pnv-sonlam-tuyen-truyen-cchc-2024.docx"
WHEN = dt.datetime(2024, 2, 7, 8, 0, 0)

HEADER_LEFT = [("UBND HUYỆN SƠN LÂM", False), ("PHÒNG NỘI VỤ", True), ("Số: 08/KH-PNV", False)]
HEADER_RIGHT = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)]
PLACE_DATE = "Sơn Lâm, ngày 07 tháng 02 năm 2024"
TITLE = ["KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024"]

# (kind, text): "p" a body paragraph, "h" a bold heading at the left margin
BODY = [
    ("p", "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh Bắc Giang về tuyên truyền cải cách "
          "hành chính nhà nước tỉnh Bắc Giang năm 2024 và Kế hoạch số 41/KH-UBND ngày 06/02/2024 của UBND huyện "
          "Sơn Lâm, Phòng Nội vụ xây dựng Kế hoạch tuyên truyền cải cách hành chính (CCHC) năm 2024 như sau:"),
    ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("h", "1. Mục đích"),
    ("p", "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức trong Phòng và cán bộ phụ trách công "
          "tác nội vụ ở các xã, thị trấn; giúp người dân, doanh nghiệp hiểu và giám sát việc thực hiện thủ tục "
          "hành chính (TTHC) thuộc lĩnh vực nội vụ."),
    ("h", "2. Yêu cầu"),
    ("p", "Bám sát chủ đề năm 2024 của Chính phủ \"Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, "
          "hiệu quả bền vững\"; tuyên truyền thường xuyên, thiết thực, tiết kiệm."),
    ("h", "II. NỘI DUNG TUYÊN TRUYỀN"),
    ("p", "1. Quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về CCHC; vai trò, trách nhiệm "
          "của người đứng đầu cơ quan, đơn vị trong triển khai nhiệm vụ CCHC."),
    ("p", "2. Tầm quan trọng, ý nghĩa và tác động tích cực của CCHC đối với phát triển kinh tế - xã hội của huyện."),
    ("p", "3. Công tác chỉ đạo, điều hành của Tỉnh ủy, UBND tỉnh, Ban Chỉ đạo CCHC tỉnh và UBND huyện nhằm duy "
          "trì, cải thiện Chỉ số CCHC (PAR INDEX), Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số hiệu quả "
          "quản trị và hành chính công cấp tỉnh (PAPI), Chỉ số hài lòng của người dân, tổ chức (SIPAS)."),
    ("p", "4. Các nội dung CCHC: cải cách thể chế; cải cách TTHC; cải cách tổ chức bộ máy hành chính nhà nước; "
          "cải cách chế độ công vụ; cải cách tài chính công; xây dựng, phát triển chính quyền điện tử, chính "
          "quyền số."),
    ("p", "5. Cơ chế một cửa, một cửa liên thông; phấn đấu tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn đạt "
          "100%; tỷ lệ hồ sơ luân chuyển nội bộ bằng phương thức điện tử đạt trên 90%; tỷ lệ thanh toán trực "
          "tuyến đạt trên 70%; tỷ lệ khai thác, sử dụng lại dữ liệu số hóa đạt trên 60%."),
    ("p", "6. Gương điển hình tiên tiến, sáng kiến, mô hình hay trong CCHC của các xã, thị trấn."),
    ("h", "III. HÌNH THỨC TUYÊN TRUYỀN"),
    ("p", "1. Phối hợp với Đài Truyền thanh huyện đưa tin trên sóng phát thanh và các phương tiện thông tin đại "
          "chúng."),
    ("p", "2. Cập nhật tin, bài về CCHC trên Trang thông tin điện tử huyện; công khai thủ tục hành chính lĩnh "
          "vực nội vụ tại Bộ phận Một cửa."),
    ("p", "3. Biên soạn tài liệu hỏi - đáp về CCHC; lồng ghép tại hội nghị, tập huấn công tác nội vụ."),
    ("h", "IV. TỔ CHỨC THỰC HIỆN"),
    ("p", "1. Công chức trong Phòng có trách nhiệm triển khai, quán triệt Kế hoạch đến cán bộ phụ trách nội vụ "
          "các xã, thị trấn."),
    ("p", "2. Phó Trưởng phòng phụ trách CCHC chủ trì, theo dõi, đôn đốc việc thực hiện; tổng hợp, báo cáo "
          "kết quả về UBND huyện trước ngày 30/11/2024./."),
]

RECIPIENTS = ["- UBND huyện (b/c);", "- Lãnh đạo Phòng;", "- UBND các xã, thị trấn;", "- Lưu: VT."]
SIGNATURE = [("TRƯỞNG PHÒNG", True), ("", False), ("", False), ("Lý Thị Minh Trang", True)]


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = "Times New Roman"
    run.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None


def _line(cell_or_doc, text: str, size: float, *, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.CENTER, first: bool = False):  # type: ignore[no-untyped-def]
    p = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    _font(p.add_run(text), size, bold, italic)
    return p


def _borderless(table) -> None:  # type: ignore[no-untyped-def]
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)
    table.style = None
    table.alignment = WD_TABLE_ALIGNMENT.CENTER


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    props = doc.core_properties
    props.author = props.last_modified_by = "Phòng Nội vụ huyện Sơn Lâm"
    props.created = props.modified = WHEN
    props.revision = 1
    props.title = TITLE[1]

    head = doc.add_table(rows=1, cols=2)
    _borderless(head)
    left, right = head.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    for k, (text, bold) in enumerate(HEADER_LEFT):
        _line(left, text, 13, bold=bold, first=k == 0)
    for k, (text, bold) in enumerate(HEADER_RIGHT):
        _line(right, text, 13, bold=bold, first=k == 0)
    _line(right, PLACE_DATE, 14, italic=True)

    for k, text in enumerate(TITLE):
        p = _line(doc, text, 14, bold=True)
        if k == 0:
            p.paragraph_format.space_before = Pt(12)
    for kind, text in BODY:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(6)
        if kind == "h":
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            _font(p.add_run(text), 14, bold=True)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Mm(10)
            _font(p.add_run(text), 14)

    closing = doc.add_table(rows=1, cols=2)
    _borderless(closing)
    left, right = closing.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    for text in RECIPIENTS:
        _line(left, text, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for k, (text, bold) in enumerate(SIGNATURE):
        _line(right, text, 14, bold=bold, first=k == 0)

    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member dated WHEN, so a rebuild gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=WHEN.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
