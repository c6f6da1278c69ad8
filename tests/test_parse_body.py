"""The body: legal basis, the section tree with its labels and roles, paragraphs."""

import pytest

import vnplan

PLAN = """Số: 01/KH-UBND
KẾ HOẠCH
Thử nghiệm
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh, Sở ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức.
2. Yêu cầu
- Bám sát chủ đề năm.
II. NỘI DUNG
1. Cải cách thể chế: Tuyên truyền hệ thống văn bản quy phạm pháp luật của tỉnh.
2.1. Tiểu mục
a) Điểm a
+ Ý nhỏ
b) Điểm b
III. HÌNH THỨC TUYÊN TRUYỀN
Tuyên truyền qua báo chí.
IV. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở theo dõi, tổng hợp, báo cáo./.
"""


def test_legal_basis_items_are_classified():
    p = vnplan.parse(PLAN)
    assert [lb.kind for lb in p.legal_basis] == ["can_cu", "thuc_hien"]


@pytest.mark.parametrize(("line", "kind"), [
    ("Để triển khai Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh, Sở xây dựng Kế hoạch như sau:",
     "thuc_hien"),
    ("Trên cơ sở Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh, Sở ban hành Kế hoạch như sau:", "can_cu"),
])
def test_a_plan_cited_after_để_triển_khai_or_trên_cơ_sở_is_its_basis(line: str, kind: str) -> None:
    p = vnplan.parse(f"Số: 01/KH-SNV\nKẾ HOẠCH\nThử nghiệm\n{line}\nI. NỘI DUNG\nTuyên truyền./.\n")
    assert [lb.kind for lb in p.legal_basis] == [kind] and p.preamble == ()
    assert [p.citations[k].symbol for k in p.legal_basis[0].citations] == ["KH-UBND"]


def test_legal_basis_points_to_its_citations():
    p = vnplan.parse(PLAN)
    cited = [p.citations[k] for k in p.legal_basis[1].citations]
    assert [(c.number, c.symbol) for c in cited] == [("14", "KH-UBND")]


def test_top_level_sections_get_their_roles_from_their_headings():
    p = vnplan.parse(PLAN)
    assert [(s.label, s.role) for s in p.sections] == [
        ("I", "purpose_requirements"), ("II", "content"), ("III", "forms"), ("IV", "implementation")
    ]


def test_purpose_and_requirements_are_told_apart_below_their_joint_heading():
    first = vnplan.parse(PLAN).sections[0]
    assert [(c.label, c.title, c.role) for c in first.children] == [
        ("1", "Mục đích", "purpose"), ("2", "Yêu cầu", "requirements")
    ]


@pytest.mark.parametrize(("heading", "children", "roles"), [
    ("II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", ("1. Nội dung", "2. Hình thức"), ["content", "forms"]),
    ("II. NỘI DUNG VÀ HÌNH THỨC", ("1. Nội dung tuyên truyền", "2. Hình thức tuyên truyền"), ["content", "forms"]),
    ("II. KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN", ("1. Kinh phí", "2. Tổ chức thực hiện"), ["funding", "implementation"]),
    # a heading that names one part: a child titled with another stays in it
    ("II. NỘI DUNG", ("1. Nội dung", "2. Hình thức xử lý vi phạm"), ["content", "content"]),
])
def test_a_heading_naming_two_parts_lets_each_child_take_the_part_it_names(heading, children, roles):
    body = f"{heading}\n{children[0]}\nTuyên truyền văn bản.\n{children[1]}\nTuyên truyền qua báo chí.\n"
    section = vnplan.parse(f"Số: 01/KH-UBND\nKẾ HOẠCH\nThử nghiệm\n{body}").sections[0]
    assert [c.role for c in section.children] == roles


def test_deeper_labels_nest_and_children_inherit_the_role():
    content = vnplan.parse(PLAN).sections[1]
    item = content.children[0]
    assert (item.label, item.title, item.role) == ("1", "Cải cách thể chế", "content")
    assert item.text == "Tuyên truyền hệ thống văn bản quy phạm pháp luật của tỉnh."
    sub = item.children[0]
    assert (sub.label, sub.style) == ("2.1", "arabic2")
    assert [(c.label, [g.label for g in c.children]) for c in sub.children] == [("a", ["+"]), ("b", [])]


def test_unlabelled_paragraphs_belong_to_the_section_above():
    forms = vnplan.parse(PLAN).sections[2]
    assert forms.text == "Tuyên truyền qua báo chí."


def test_the_closing_mark_is_located():
    p = vnplan.parse(PLAN)
    assert p.span_text(p.closing) == "./."


def test_a_long_item_without_heading_has_no_title():
    sec = vnplan.parse(PLAN).sections[3].children[0]
    assert sec.title is None
    assert sec.text == "Văn phòng Sở theo dõi, tổng hợp, báo cáo./."


def test_articles_of_a_decision_are_sections():
    p = vnplan.parse("Số: 01/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc\nĐiều 1. Phê duyệt Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực.\n")
    assert [(s.label, s.style) for s in p.sections] == [("Điều 1", "article"), ("Điều 2", "article")]


def test_mục_tiêu_is_the_purpose_part():
    p = vnplan.parse("Số: 01/KH-UBND\nKẾ HOẠCH\nABC\nI. MỤC TIÊU\n1. Mục tiêu tổng quát\n")
    assert p.sections[0].role == "purpose"


def _lowered(plan: str) -> str:
    for upper, lower in (("IV.", "iv."), ("III.", "iii."), ("II.", "ii."), ("I.", "i.")):
        plan = plan.replace(f"\n{upper} ", f"\n{lower} ")
    return plan


def test_lower_case_roman_parts_are_sections_like_upper_case_ones():
    p = vnplan.parse(_lowered(PLAN))
    assert [(s.label, s.style, s.role) for s in p.sections] == [
        ("i", "roman", "purpose_requirements"), ("ii", "roman", "content"),
        ("iii", "roman", "forms"), ("iv", "roman", "implementation")]
    assert [c.title for c in p.sections[0].children] == ["Mục đích", "Yêu cầu"]


def test_a_lettered_point_i_after_h_stays_a_letter():
    text = "Số: 01/KH-UBND\nKẾ HOẠCH\nABC\nI. NỘI DUNG\n1. Việc một\n" + "".join(
        f"{c}. Điểm {c}\n" for c in "abcdđeghik")
    p = vnplan.parse(text)
    assert [s.label for s in p.sections[0].children[0].children] == list("abcdđeghik")


def test_a_lower_case_roman_v_follows_iv():
    text = _lowered(PLAN).replace("iv. TỔ CHỨC", "iv. KINH PHÍ\nv. TỔ CHỨC")
    assert [s.label for s in vnplan.parse(text).sections] == ["i", "ii", "iii", "iv", "v"]


def test_parts_written_with_phần_or_mục_are_sections():
    # "Phần I." keeps its word in the label (as "Chương I" does); "III." numbering on from
    # "PHẦN II" is the next part, not a part of it; "Mục 1." stands for "1."
    text = PLAN.replace("\nI. ", "\nPhần I. ").replace("\nII. ", "\nPHẦN II: ").replace(
        "\n1. Mục đích", "\nMục 1. Mục đích").replace("\n2. Yêu cầu", "\nMục 2. Yêu cầu")
    p = vnplan.parse(text)
    assert [(s.label, s.role) for s in p.sections] == [
        ("Phần I", "purpose_requirements"), ("PHẦN II", "content"), ("III", "forms"), ("IV", "implementation")]
    assert [(c.label, c.role) for c in p.sections[0].children] == [("1", "purpose"), ("2", "requirements")]


@pytest.mark.parametrize(("heading", "role"), [
    ("QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU", "purpose_requirements"),  # a view first, then the plan's aims
    ("QUAN ĐIỂM, MỤC TIÊU", "purpose"),
    ("CÁC GIẢI PHÁP CHỦ YẾU", "content"),
    ("NHỮNG NHIỆM VỤ, GIẢI PHÁP", "content"),
    ("MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "content"),
    ("BIỆN PHÁP THỰC HIỆN", "content"),
    ("CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "implementation"),
])
def test_headings_provincial_plans_print_get_their_part(heading: str, role: str) -> None:
    text = f"Số: 01/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI. {heading}\nCác cơ quan thực hiện./.\n"
    assert vnplan.parse(text).sections[0].role == role


@pytest.mark.parametrize("sep", ["/", " -", "-", " –"])
def test_labels_closed_by_a_slash_or_a_dash_are_labels(sep: str) -> None:
    # "I/ MỤC ĐÍCH, YÊU CẦU", "1/ Mục đích", "a/ …" (or "I - …", "1- …"): the whole body was read as preamble
    text = (f"Số: 01/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI{sep} MỤC ĐÍCH, YÊU CẦU\n1{sep} Mục đích\nNâng cao.\n"
            f"2{sep} Yêu cầu\nThiết thực.\nII{sep} NỘI DUNG\na{sep} Tuyên truyền.\nb{sep} Tập huấn.\n"
            f"III{sep} TỔ CHỨC THỰC HIỆN\nCác phòng thực hiện./.\n")
    p = vnplan.parse(text)
    assert p.preamble == ()
    assert [(s.label, s.style, s.role) for s in p.sections] == [
        ("I", "roman", "purpose_requirements"), ("II", "roman", "content"), ("III", "roman", "implementation")]
    assert [(c.label, c.title, c.role) for c in p.sections[0].children] == [
        ("1", "Mục đích", "purpose"), ("2", "Yêu cầu", "requirements")]
    assert [(c.label, c.style) for c in p.sections[1].children] == [("a", "letter"), ("b", "letter")]


@pytest.mark.parametrize("line", ["15/ KH-UBND ngày 12/3/2024 của UBND tỉnh.", "1 - 2 ngày làm việc.",
                                  "3/ 2024 là năm bản lề."])
def test_a_number_before_a_slash_or_dash_and_no_word_is_not_a_label(line: str) -> None:
    from vnplan.parse.common import label_of

    assert label_of(line) is None


def test_items_numbered_after_their_roman_part_nest_under_it():
    # "I.1. Mục đích", "II.2 Tập huấn": were paragraphs of I. and II., with no titles or roles of their own
    text = ("Số: 01/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI. MỤC ĐÍCH, YÊU CẦU\nI.1. Mục đích\nNâng cao.\n"
            "I.2. Yêu cầu\nThiết thực.\nII. NỘI DUNG\nII.1. Tuyên truyền trên Cổng thông tin điện tử.\n"
            "II.2 Tập huấn cho cán bộ./.\n")
    p = vnplan.parse(text)
    assert [(c.label, c.title, c.role) for c in p.sections[0].children] == [
        ("I.1", "Mục đích", "purpose"), ("I.2", "Yêu cầu", "requirements")]
    assert [c.label for c in p.sections[1].children] == ["II.1", "II.2"]
    assert not vnplan.check(text, select=["F110"]).findings


def test_parts_whose_numbers_a_copy_lost_are_read_from_their_headings():
    # a page that dropped Word's automatic "I.", "II.": the headings in capitals still name the parts
    text = ("Số: 01/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
            "MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao.\n2. Yêu cầu\nThiết thực.\nNỘI DUNG\nTuyên truyền.\n"
            "TỔ CHỨC THỰC HIỆN\nCác phòng thực hiện./.\n")
    p = vnplan.parse(text)
    assert p.preamble == ()
    assert [(s.label, s.style, s.title, s.role) for s in p.sections] == [
        ("", "heading", "MỤC ĐÍCH, YÊU CẦU", "purpose_requirements"), ("", "heading", "NỘI DUNG", "content"),
        ("", "heading", "TỔ CHỨC THỰC HIỆN", "implementation")]
    assert [c.role for c in p.sections[0].children] == ["purpose", "requirements"]
    assert not vnplan.check(text, select=["F110", "F111"]).findings


def test_a_capitalised_line_naming_a_part_inside_a_numbered_part_stays_text():
    text = PLAN.replace("Tuyên truyền qua báo chí.", "NỘI DUNG\nTuyên truyền qua báo chí.")
    p = vnplan.parse(text)
    assert [s.label for s in p.sections] == ["I", "II", "III", "IV"]
    assert p.sections[2].paragraphs[0].text == "NỘI DUNG"


def test_capital_letters_above_roman_parts_are_the_top_level():
    # "A. MỤC ĐÍCH, YÊU CẦU" / "I. Mục đích": the letters were read as text before the first label
    text = ("Số: 01/KH-BQL\nKẾ HOẠCH\nThử nghiệm\nA. MỤC ĐÍCH, YÊU CẦU\nI. Mục đích\nNâng cao ý thức.\n"
            "II. Yêu cầu\nChủ động.\nB. NỘI DUNG\nI. Tuyên truyền.\nII. Diễn tập.\nC. TỔ CHỨC THỰC HIỆN\n"
            "I. Phòng Quản lý doanh nghiệp chủ trì thực hiện./.\n")
    p = vnplan.parse(text)
    assert p.preamble == ()
    assert [(s.label, s.style, s.role) for s in p.sections] == [
        ("A", "upper_letter", "purpose_requirements"), ("B", "upper_letter", "content"),
        ("C", "upper_letter", "implementation")]
    assert [(c.label, c.role) for c in p.sections[0].children] == [("I", "purpose"), ("II", "requirements")]
    assert not vnplan.check(text, select=["F110"]).findings
    assert vnplan.check(text.replace("C. TỔ", "D. TỔ"), select=["F110"]).findings  # C is missing


def test_a_capital_letter_that_is_a_roman_number_stays_roman():
    text = PLAN.replace("\nIII. HÌNH THỨC", "\nIII. HÌNH THỨC\nV. Một mục sai số")
    assert [s.style for s in vnplan.parse(text).sections] == ["roman"] * 5


def test_a_sentence_opening_with_mục_is_not_a_heading():
    text = PLAN.replace("Tuyên truyền qua báo chí.", "Mục 2 của Kế hoạch này được thực hiện qua báo chí.")
    forms = vnplan.parse(text).sections[2]
    assert forms.children == () and forms.paragraphs[0].text.startswith("Mục 2 của")
