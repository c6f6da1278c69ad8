"""Internal references (vnplan.parse.references): extraction and resolution against the section tree."""

from vnplan.model import Section, Span
from vnplan.parse.references import Reference, extract_references, resolve
from vnplan.read import read


def refs(text):
    return [(r.text, r.parts, r.appendix, r.external) for r in extract_references(read(text))]


def sec(label, style, children=(), block=0):
    return Section(label=label, style=style, title=None, role="other", level=0, span=Span(block, 0, 1),
                   children=tuple(children))


TREE = (
    sec("I", "roman", [sec("1", "arabic"), sec("2", "arabic")], block=0),
    sec("II", "roman", [sec("1", "arabic")], block=5),
    sec("III", "roman", [sec("1", "arabic"), sec("2", "arabic", [sec("a", "letter"), sec("b", "letter")])], block=9),
)


def ref(*parts, block=20):
    return Reference(text="", span=Span(block, 0, 1), parts=parts)


def test_section_reference():
    assert refs("Thực hiện nội dung tại Mục II.") == [("Mục II", (("mục", "II"),), None, False)]


def test_nested_reference_innermost_first():
    assert refs("theo điểm a khoản 2 Mục III")[0][1] == (("điểm", "a"), ("khoản", "2"), ("mục", "III"))


def test_article_reference():
    assert refs("quy định tại khoản 1 Điều 2")[0][1] == (("khoản", "1"), ("điều", "2"))


def test_reference_into_another_document_is_external():
    assert refs("theo khoản 1 Điều 8 Nghị định số 30/2020/NĐ-CP")[0][3] is True


def test_reference_into_this_document_is_internal():
    assert refs("theo Điều 2 Quyết định này")[0][3] is False


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
