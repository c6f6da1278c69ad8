"""Internal references (vnplan.parse.references): extraction and resolution against the section tree."""

import vnplan
from vnplan.model import InternalReference, Section, Span
from vnplan.parse.references import extract_references, resolve
from vnplan.read import read


def refs(text):
    return [(r.text, r.parts, r.appendix) for r in extract_references(read(text))]


def sec(label, style, children=(), block=0):
    return Section(label=label, style=style, title=None, role="other", level=0, span=Span(block, 0, 1),
                   children=tuple(children))


TREE = (
    sec("I", "roman", [sec("1", "arabic"), sec("2", "arabic")], block=0),
    sec("II", "roman", [sec("1", "arabic")], block=5),
    sec("III", "roman", [sec("1", "arabic"), sec("2", "arabic", [sec("a", "letter"), sec("b", "letter")])], block=9),
)


def ref(*parts, block=20):
    return InternalReference(text="", span=Span(block, 0, 1), parts=parts)


def test_section_reference():
    assert refs("Thực hiện nội dung tại Mục II.") == [("Mục II", (("mục", "II"),), None)]


def test_nested_reference_innermost_first():
    assert refs("theo điểm a khoản 2 Mục III")[0][1] == (("điểm", "a"), ("khoản", "2"), ("mục", "III"))


def test_article_reference():
    assert refs("quy định tại khoản 1 Điều 2")[0][1] == (("khoản", "1"), ("điều", "2"))


def test_reference_into_another_document_is_not_internal():
    assert refs("theo khoản 1 Điều 8 Nghị định số 30/2020/NĐ-CP") == []


def test_reference_into_this_document_is_internal():
    assert refs("theo Điều 2 Quyết định này")[0][1] == (("điều", "2"),)


def test_appendix_reference():
    assert refs("(Phụ lục kèm theo)")[0][2] == "" and refs("theo Phụ lục II")[0][2] == "II"


def test_appendix_as_a_common_noun_is_not_a_reference():
    assert refs("xây dựng phụ lục hợp đồng") == []


def test_article_label_at_block_start_is_not_a_reference():
    assert refs("Điều 1. Phê duyệt Kế hoạch.") == []


def test_resolve_top_level_section():
    assert resolve(ref(("mục", "II")), TREE) is TREE[1]


def test_resolve_nested_point():
    assert resolve(ref(("điểm", "b"), ("khoản", "2"), ("mục", "III")), TREE) is TREE[2].children[1].children[1]


def test_resolve_missing_section():
    assert resolve(ref(("mục", "V")), TREE) is None
    assert resolve(ref(("khoản", "3"), ("mục", "II")), TREE) is None


def test_resolve_unanchored_clause_in_the_enclosing_section_first():
    assert resolve(ref(("khoản", "2"), block=3), TREE) is TREE[0].children[1]
    assert resolve(ref(("khoản", "2"), block=10), TREE) is TREE[2].children[1]


# --------------------------------------------------------------------------- on the plan

PLAN = (
    "Số: 05/KH-UBND\nBắc Giang, ngày 15 tháng 3 năm 2024\nKẾ HOẠCH\nThử nghiệm\n"
    "I. MỤC ĐÍCH\n1. Đẩy mạnh cải cách hành chính (CCHC) theo khoản 2 Mục II.\n"
    "II. NỘI DUNG\n1. Công tác CCHC tại Mục V.\n2. Theo Mục IV, Phụ lục II và Phụ lục kèm theo.\n"
    "III. TỔ CHỨC THỰC HIỆN\nCác phòng thực hiện./.\n"
    "Nơi nhận:\n- Các đơn vị tại Mục III;\n- Lưu: VT.\n"
    "GIÁM ĐỐC\nNguyễn Văn A\n"
    "PHỤ LỤC II\nDanh mục nhiệm vụ\n"
)


def test_the_plan_carries_its_internal_references_with_their_targets():
    plan = vnplan.parse(PLAN)
    found = {r.text: r.target for r in plan.internal_references}
    assert set(found) == {"khoản 2 Mục II", "Mục V", "Mục IV", "Phụ lục II", "Phụ lục kèm theo", "Mục III"}
    ii = plan.sections[1]
    assert found["khoản 2 Mục II"] == ii.children[1].span
    assert found["Mục V"] is None and found["Mục IV"] is None
    assert found["Mục III"] == plan.sections[2].span  # a recipient line refers too
    appendix = next(b for b in plan.source.blocks if b.text == "PHỤ LỤC II")
    assert found["Phụ lục II"] == found["Phụ lục kèm theo"] == Span(appendix.index, 0, len(appendix.text))


def test_the_plan_carries_the_abbreviations_its_body_uses():
    plan = vnplan.parse(PLAN)
    assert [u.abbr for u in plan.abbreviation_uses] == ["CCHC"]  # not the one in its own definition
    (u,) = plan.abbreviation_uses
    assert plan.span_text(u.span) == "CCHC" and u.span.block in plan.body_blocks


def test_body_blocks_leave_out_header_recipients_and_signature():
    plan = vnplan.parse(PLAN)
    texts = [plan.source.blocks[i].text for i in plan.body_blocks]
    assert texts[0] == "I. MỤC ĐÍCH" and "Nơi nhận:" not in texts and "GIÁM ĐỐC" not in texts
    assert not any(t.startswith(("Số:", "KẾ HOẠCH", "- Lưu")) for t in texts)


def test_body_end_is_where_the_closing_mark_stands():
    plan = vnplan.parse(PLAN)
    assert plan.span_text(plan.body_end) == "Các phòng thực hiện./."
    assert plan.closing.block == plan.body_end.block
