"""F109 layout on Word documents: built here as the blocks and runs a .docx reader records."""

import attrs
import pytest

import vnplan
from vnplan.model import Block, PageSetup, Run, SourceDocument
from vnplan.parse import parse_document

TNR = "Times New Roman"
A4 = PageSetup(width_mm=210, height_mm=297, top_mm=20, bottom_mm=20, left_mm=30, right_mm=15, orientation="portrait")

# (text, size, bold, italic): a plan laid out as Decree 30 says.
COMPLIANT = [
    ("UBND TỈNH BẮC GIANG", 13, False, False),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 13, True, False),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False),
    ("Độc lập - Tự do - Hạnh phúc", 13, True, False),
    ("Số: 05/KH-KHCN", 13, False, False),
    ("Bắc Giang, ngày 05 tháng 02 năm 2024", 13, False, True),
    ("KẾ HOẠCH", 14, True, False),
    ("Tuyên truyền cải cách hành chính năm 2024", 14, True, False),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;", 14, False, True),
    ("Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:", 14, False, False),
    ("I. MỤC ĐÍCH, YÊU CẦU", 14, True, False),
    ("1. Mục đích: nâng cao nhận thức về cải cách hành chính.", 14, False, False),
    ("II. NỘI DUNG", 14, True, False),
    ("1. Tuyên truyền các chủ trương của Đảng, chính sách của Nhà nước.", 14, False, False),
    ("III. TỔ CHỨC THỰC HIỆN", 14, True, False),
    ("1. Văn phòng Sở theo dõi, tổng hợp kết quả./.", 14, False, False),
    ("Nơi nhận:", 12, True, True),
    ("- Chủ tịch UBND tỉnh (b/c);", 11, False, False),
    ("- Lãnh đạo Sở;", 11, False, False),
    ("- Lưu: VT, VP.", 11, False, False),
    ("KT. GIÁM ĐỐC", 14, True, False),
    ("PHÓ GIÁM ĐỐC", 14, True, False),
    ("Triệu Ngọc Trung", 14, True, False),
]


def block(i, text, size, bold, italic, font=TNR, runs=None):
    runs = runs or (Run(text, font=font, size=size, bold=bold, italic=italic, caps=False),)
    return Block(index=i, text=text, location=f"đoạn {i + 1}", runs=tuple(runs), paragraph_index=i)


def document(rows=COMPLIANT, pages=(A4,), fmt="docx", **changes):
    """The compliant document with some paragraphs changed: ``changes`` maps an index to a dict of fields."""
    blocks = []
    for i, (text, size, bold, italic) in enumerate(rows):
        spec = {"text": text, "size": size, "bold": bold, "italic": italic, **changes.get(f"p{i}", {})}
        blocks.append(block(i, **spec))
    return SourceDocument(blocks=tuple(blocks), format=fmt, path="kh.docx", pages=tuple(pages))


def f109(doc, lang="vi"):
    return vnplan.check(parse_document(doc), select=["F109"], lang=lang).findings


def test_a_compliant_word_plan_gives_no_finding_from_any_rule():
    assert vnplan.check(parse_document(document())).findings == ()


def test_text_inputs_have_no_layout_and_are_skipped():
    doc = document(fmt="text", pages=(), p2={"size": 20})
    assert f109(doc) == ()


def index_of(text):
    return next(i for i, row in enumerate(COMPLIANT) if row[0].startswith(text))


NATIONAL, MOTTO, DATE = index_of("CỘNG HÒA"), index_of("Độc lập"), index_of("Bắc Giang")
AUTHORITY, NUMBER, TYPE = index_of("SỞ KHOA"), index_of("Số:"), index_of("KẾ HOẠCH")
HEADING, ENTRY, SIGNER, BODY = index_of("Nơi nhận"), index_of("- Lãnh đạo"), index_of("Triệu"), index_of("1. Mục đích")
BASIS = index_of("Căn cứ")

CASES = [
    ({"pages": (attrs.evolve(A4, width_mm=215.9, height_mm=279.4),)},
     "Khổ giấy phải là A4 (210 × 297 mm), văn bản dùng 215.9 × 279.4 mm (Phụ lục I, mục I.1)."),
    ({"pages": (attrs.evolve(A4, left_mm=25),)},
     "Lề trái 25 mm, phải cách mép trái từ 30 đến 35 mm (Phụ lục I, mục I.3)."),
    ({"pages": (attrs.evolve(A4, top_mm=30),)},
     "Lề trên 30 mm, phải cách mép trên từ 20 đến 25 mm (Phụ lục I, mục I.3)."),
    ({"pages": (attrs.evolve(A4, right_mm=25),)},
     "Lề phải 25 mm, phải cách mép phải từ 15 đến 20 mm (Phụ lục I, mục I.3)."),
    ({"pages": (attrs.evolve(A4, bottom_mm=15),)},
     "Lề dưới 15 mm, phải cách mép dưới từ 20 đến 25 mm (Phụ lục I, mục I.3)."),
    ({f"p{BODY}": {"font": "Arial"}},
     "Phông chữ phải là Times New Roman, văn bản dùng Arial (1 đoạn; Phụ lục I, mục I.4)."),
    ({f"p{NATIONAL}": {"size": 14}},
     "Quốc hiệu: cỡ chữ 14 pt, phải từ 12 đến 13 pt (1 đoạn; Phụ lục I, mục II.1.a)."),
    ({f"p{NATIONAL}": {"bold": False}}, "Quốc hiệu phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.1.a)."),
    ({f"p{MOTTO}": {"size": 12}},
     "Tiêu ngữ: cỡ chữ 12 pt, phải từ 13 đến 14 pt (1 đoạn; Phụ lục I, mục II.1.b)."),
    ({f"p{AUTHORITY}": {"bold": False}},
     "Tên cơ quan ban hành phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.2.b)."),
    ({f"p{NUMBER}": {"size": 14}},
     "Số, ký hiệu: cỡ chữ 14 pt, phải là 13 pt (1 đoạn; Phụ lục I, mục II.3.c)."),
    ({f"p{DATE}": {"italic": False}},
     "Địa danh và thời gian ban hành phải in nghiêng (1 đoạn chưa nghiêng; Phụ lục I, mục II.4.c)."),
    ({f"p{TYPE}": {"bold": False}}, "Tên loại văn bản phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.5.b)."),
    ({f"p{BASIS}": {"italic": False}}, "Căn cứ ban hành phải in nghiêng (1 đoạn chưa nghiêng; Phụ lục I, mục II.6.a)."),
    ({f"p{BODY}": {"size": 12}, f"p{BODY + 2}": {"size": 12.5}},
     "Nội dung văn bản: cỡ chữ 12 pt, 12.5 pt, phải từ 13 đến 14 pt (2 đoạn; Phụ lục I, mục II.6.e)."),
    ({f"p{HEADING}": {"italic": False}},
     "Từ “Nơi nhận” phải in nghiêng (1 đoạn chưa nghiêng; Phụ lục I, mục II.9.d)."),
    ({f"p{HEADING}": {"size": 13}},
     "Từ “Nơi nhận”: cỡ chữ 13 pt, phải là 12 pt (1 đoạn; Phụ lục I, mục II.9.d)."),
    ({f"p{ENTRY}": {"size": 13}, f"p{ENTRY + 1}": {"size": 13}},
     "Danh sách nơi nhận: cỡ chữ 13 pt, phải là 11 pt (2 đoạn; Phụ lục I, mục II.9.d)."),
    ({f"p{SIGNER}": {"bold": False}}, "Họ tên người ký phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.7.đ)."),
    ({f"p{BODY - 1}": {"bold": False}},
     "Số thứ tự và tiêu đề của mục (I., II., …) phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục V, điểm 6.b)."),
    ({f"p{BODY - 1}": {"text": "I. Mục đích, yêu cầu"}},
     "Số thứ tự và tiêu đề của mục (I., II., …) phải viết chữ in hoa (1 đoạn; Phụ lục I, mục V, điểm 6.b)."),
    ({f"p{NATIONAL}": {"italic": True}},
     "Quốc hiệu viết kiểu chữ đứng, không nghiêng (1 đoạn in nghiêng; Phụ lục I, mục II.1.a)."),
    ({f"p{NUMBER}": {"bold": True}}, "Số, ký hiệu không in đậm (1 đoạn in đậm; Phụ lục I, mục II.3.c)."),
    ({f"p{AUTHORITY - 1}": {"bold": True}}, "Tên cơ quan chủ quản không in đậm (1 đoạn in đậm; Phụ lục I, mục II.2.b)."),
    ({f"p{ENTRY}": {"italic": True}},
     "Danh sách nơi nhận viết kiểu chữ đứng, không nghiêng (1 đoạn in nghiêng; Phụ lục I, mục II.9.d)."),
    ({f"p{SIGNER - 1}": {"size": 12}},
     "Quyền hạn, chức vụ người ký: cỡ chữ 12 pt, phải từ 13 đến 14 pt (1 đoạn; Phụ lục I, mục II.7.đ)."),
]


@pytest.mark.parametrize(("change", "message"), CASES, ids=[m.split(":")[0][:30] for _, m in CASES])
def test_each_layout_fault_is_one_finding(change, message):
    assert [f.message for f in f109(document(**change))] == [message]


def test_national_name_in_lower_case_letters_must_be_capitals():
    doc = document(**{f"p{NATIONAL}": {"text": "Cộng hòa xã hội chủ nghĩa Việt Nam"}})
    assert [f.message for f in f109(doc)] == ["Quốc hiệu phải viết chữ in hoa (1 đoạn; Phụ lục I, mục II.1.a)."]
    caps = (Run("Cộng hòa xã hội chủ nghĩa Việt Nam", font=TNR, size=12, bold=True, caps=True),)
    assert f109(document(**{f"p{NATIONAL}": {"text": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "runs": caps}})) == ()


def test_a_font_used_in_many_paragraphs_is_one_finding_at_the_first():
    changes = {f"p{i}": {"font": "Arial"} for i in range(BODY, HEADING)}
    (f,) = f109(document(**changes))
    assert f.message.startswith("Phông chữ phải là Times New Roman, văn bản dùng Arial (5 đoạn;")
    assert f.location == f"đoạn {BODY + 1}" and f.span.block == BODY


def test_a_fault_in_one_run_points_at_that_run():
    runs = (Run("Tuyên truyền ", font=TNR, size=14, bold=True), Run("cải cách", font="Arial", size=14, bold=True),
            Run(" hành chính năm 2024", font=TNR, size=14, bold=True))
    doc = document(**{f"p{TYPE + 1}": {"runs": runs}})
    (f,) = f109(doc)
    assert (f.span.block, f.span.start, f.span.end) == (TYPE + 1, 13, 21)
    assert doc.blocks[TYPE + 1].text[f.span.start:f.span.end] == "cải cách"


def test_landscape_a4_and_margins_within_half_a_millimetre_pass():
    page = PageSetup(width_mm=297, height_mm=210, top_mm=19.8, bottom_mm=25.3, left_mm=30, right_mm=20)
    assert f109(document(pages=(page,))) == ()


def test_every_section_is_checked_but_a_fault_is_reported_once():
    pages = (attrs.evolve(A4, left_mm=25), attrs.evolve(A4, left_mm=20), A4)
    (f,) = f109(document(pages=pages))
    assert f.message == "Lề trái 20, 25 mm, phải cách mép trái từ 30 đến 35 mm (Phụ lục I, mục I.3)."


def test_layout_messages_in_english():
    (f,) = f109(document(**{f"p{NATIONAL}": {"size": 14}}), lang="en")
    assert f.message == "National name: font size 14 pt, must be 12–13 pt (1 paragraph(s); Phụ lục I, mục II.1.a)."


def test_unknown_formatting_is_not_a_fault():
    runs = (Run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),)  # the reader could not tell font, size or weight
    assert f109(document(**{f"p{NATIONAL}": {"runs": runs}}, pages=(PageSetup(),))) == ()


def test_a_can_cu_sentence_that_opens_the_content_is_body_text_not_italic_legal_basis():
    text = "Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh, Sở xây dựng Kế hoạch như sau:"
    doc = document(**{f"p{BASIS}": {"text": text, "italic": False}})
    assert f109(doc) == ()


def test_run_spans_follow_the_collapsed_white_space_and_the_automatic_number():
    from vnplan.model import Span
    from vnplan.rules.layout import runs_in

    runs = (Run("Mục  đích"), Run("   "), Run(" và yêu cầu "), Run("chung"))
    b = Block(index=0, text="1. Mục đích và yêu cầu chung", label="1.", runs=runs)
    got = [(r.text, b.text[s.start:s.end]) for r, s in runs_in(b, Span(0, 0, len(b.text)))]
    assert got == [("Mục  đích", "Mục đích"), (" và yêu cầu ", "và yêu cầu"), ("chung", "chung")]


def test_the_blank_forms_of_appendix_iii_keep_their_parent_line_apart_from_the_issuer():
    """A blank form of Appendix III heads its header with the placeholders “TÊN CQ, TC CHỦ QUẢN”
    (upright) over “TÊN CƠ QUAN, TỔ CHỨC” (bold): the issuer is the second line alone, so the
    upright parent line is no unbolded issuer; an upright issuer placeholder is still one."""
    form = document(p0={"text": "TÊN CQ, TC CHỦ QUẢN (1)"}, p1={"text": "TÊN CƠ QUAN, TỔ CHỨC (2)"})
    assert parse_document(form).header.authority == "TÊN CƠ QUAN, TỔ CHỨC (2)"
    assert f109(form) == ()
    upright = document(p0={"text": "TÊN CQ, TC CHỦ QUẢN (1)"}, p1={"text": "TÊN CƠ QUAN, TỔ CHỨC (2)", "bold": False})
    assert [f.message for f in f109(upright)] == [
        "Tên cơ quan ban hành phải in đậm (1 đoạn chưa đậm; Phụ lục I, mục II.2.b)."]
