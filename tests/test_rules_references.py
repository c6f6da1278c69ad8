"""Reference rules R201-R207 on small whole plans, and the reference plan's expectations."""

import pytest

import vnplan
from vnplan.rules.registry import get_rule

HEAD = "Số: 05/KH-UBND\nBắc Giang, ngày 15 tháng 3 năm 2024\nKẾ HOẠCH\nThử nghiệm\n"
BODY = "I. MỤC ĐÍCH\n1. {a}\nII. NỘI DUNG\n1. {b}\n2. Nội dung hai.\nIII. TỔ CHỨC THỰC HIỆN\nCác phòng thực hiện./.\n"


def findings(rule, a="Mục đích.", b="Nội dung.", head=HEAD):
    plan = vnplan.parse(head + BODY.format(a=a, b=b))
    return [f for f in vnplan.check(plan, select=[rule]).findings]


def messages(rule, **kw):
    return [f.message for f in findings(rule, **kw)]


@pytest.mark.parametrize("rid", ["R201", "R202", "R203", "R204", "R205", "R206", "R207"])
def test_rule_is_registered_with_both_languages_and_examples(rid):
    r = get_rule(rid)
    assert r.part == "references" and r.message_vi and r.message_en and r.examples


# R201 ------------------------------------------------------------------------------------


def test_r201_flags_a_type_code_that_does_not_match_the_type():
    (f,) = findings("R201", a="Thực hiện Kế hoạch số 02/QĐ-UBND ngày 11/01/2024 của UBND tỉnh.")
    assert f.message == "Ký hiệu “QĐ-UBND” mang mã loại “QĐ” nhưng văn bản được viện dẫn là Kế hoạch (mã đúng: KH)."
    assert f.fix == "Kế hoạch số 02/KH-UBND ngày 11/01/2024 của UBND tỉnh"


def test_r201_accepts_matching_codes_and_party_codes():
    a = "Thực hiện Kế hoạch số 02/KH-UBND, Quyết định số 5/QĐ-TTg, Chỉ thị số 37-CT/TW, Quy định số 66-QĐ/TW."
    assert findings("R201", a=a) == []


def test_r201_ignores_symbols_without_a_type_code():
    assert findings("R201", a="Thực hiện Công văn số 2062/SGDĐT-KHTC và Đề án 06/CP.") == []


# R202 ------------------------------------------------------------------------------------


def test_r202_flags_a_date_that_does_not_exist():
    assert messages("R202", a="Thực hiện Kế hoạch số 14/KH-UBND ngày 30/02/2024 của UBND tỉnh.") == [
        "Ngày 30/02/2024 của Kế hoạch 14/KH-UBND không tồn tại."]


def test_r202_flags_a_cited_date_after_the_plans_own_date():
    (m,) = messages("R202", a="Thực hiện Kế hoạch số 14/KH-UBND ngày 20/3/2024 của UBND tỉnh.")
    assert "sau ngày của chính văn bản này (15/03/2024)" in m


def test_r202_accepts_an_earlier_date():
    assert findings("R202", a="Thực hiện Kế hoạch số 14/KH-UBND ngày 14/3/2024 của UBND tỉnh.") == []


def test_r202_compares_with_a_draft_date_whose_day_is_blank():
    head = "Số: /KH-UBND\nBắc Giang, ngày tháng 3 năm 2024\nKẾ HOẠCH\nThử nghiệm\n"
    assert findings("R202", head=head, a="Thực hiện Kế hoạch số 14/KH-UBND ngày 31/3/2024.") == []
    assert len(findings("R202", head=head, a="Thực hiện Kế hoạch số 14/KH-UBND ngày 01/4/2024.")) == 1


# R203 ------------------------------------------------------------------------------------


def test_r203_flags_one_document_with_two_dates():
    a = "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh."
    b = "Bám sát Kế hoạch số 14/KH-UBND ngày 12/01/2024 của UBND tỉnh."
    assert messages("R203", a=a, b=b) == [
        "Kế hoạch 14/KH-UBND được ghi ngày 12/01/2024 ở đây nhưng ngày 21/01/2024 ở lần viện dẫn đầu."]


def test_r203_flags_one_number_with_two_types():
    a = "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024."
    b = "Bám sát Quyết định số 14/KH-UBND."
    assert len(findings("R203", a=a, b=b)) == 1


def test_r203_flags_two_different_issuers():
    a = "Thực hiện Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư."
    b = "Quán triệt Chỉ thị số 37-CT/TW ngày 03/9/2019 của Bộ Chính trị."
    assert len(findings("R203", a=a, b=b)) == 1


def test_r203_accepts_an_issuer_written_shorter_or_abbreviated():
    a = "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang."
    b = "Bám sát Kế hoạch số 14/KH-UBND của UBND tỉnh."
    assert findings("R203", a=a, b=b) == []


# R204 / R205 -----------------------------------------------------------------------------


def test_r204_flags_an_undefined_abbreviation_once():
    assert messages("R204", a="Đẩy mạnh CCHC.", b="Tuyên truyền CCHC.") == [
        "Chữ viết tắt “CCHC” được dùng mà không được giải thích "
        "(viết đầy đủ rồi ghi chữ viết tắt trong ngoặc đơn ở lần dùng đầu)."]


def test_r204_accepts_defined_and_shipped_abbreviations():
    assert findings("R204", a="Đẩy mạnh cải cách hành chính (CCHC) theo chỉ đạo của UBND tỉnh.", b="Tuyên truyền CCHC.") == []


def test_r205_flags_a_use_before_the_definition():
    (f,) = findings("R205", a="Tuyên truyền CCHC.", b="Đẩy mạnh cải cách hành chính (CCHC).")
    assert f.message.startswith("Chữ viết tắt “CCHC” được dùng trước khi được giải thích")


def test_r205_flags_two_different_definitions():
    a = "Giải quyết thủ tục hành chính (TTHC)."
    b = "Công khai thông tin hành chính (TTHC)."
    assert messages("R205", a=a, b=b) == [
        "Chữ viết tắt “TTHC” được giải thích hai lần với nghĩa khác nhau: "
        "“thủ tục hành chính” và “thông tin hành chính”."]


def test_r205_does_not_compare_loose_expansions():
    # "Chỉ số năng lực cạnh tranh (PCI)" and "... cấp tỉnh (PCI)": the letters match neither
    a = "nâng cao Chỉ số năng lực cạnh tranh (PCI)."
    b = "cải thiện Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)."
    assert findings("R205", a=a, b=b) == []


def test_r205_accepts_the_same_definition_repeated():
    assert findings("R205", a="cải cách hành chính (CCHC).", b="cải cách hành chính (CCHC).") == []


def test_r204_reads_a_defined_two_word_abbreviation_as_one_use():
    """“Chỉ số cải cách hành chính (PAR INDEX)” defines the two words together: a later “PAR
    INDEX” is that abbreviation, its “INDEX” no undefined one; an undefined one beside it still is."""
    a = "Chỉ số cải cách hành chính (PAR INDEX) năm 2023 tăng 05 bậc."
    assert messages("R204", a=a, b="Nâng cao Chỉ số PAR INDEX năm 2024.") == []
    assert [m.split("“")[1].split("”")[0] for m in messages("R204", a=a, b="Nâng cao PAR INDEX và SIPAS.")] == ["SIPAS"]


def test_r204_leaves_the_groups_of_a_dotted_symbol_alone():
    """“2145/QĐ.UB” is an older document's symbol, its groups joined by a full stop: “UB” there
    is no abbreviation of the text; “UB” standing alone in a sentence still is."""
    a = "Thực hiện Quyết định số 2145/QĐ.UB ngày 14/8/1998 của Ủy ban nhân dân tỉnh."
    assert messages("R204", a=a) == []
    assert [m.split("“")[1].split("”")[0] for m in messages("R204", a=a, b="Giao UB các huyện thực hiện.")] == ["UB"]


# R206 ------------------------------------------------------------------------------------


def test_r206_flags_a_section_that_does_not_exist():
    assert messages("R206", b="Thực hiện theo nội dung tại Mục V.") == [
        "Dẫn chiếu “Mục V” trỏ tới phần không có trong văn bản."]


def test_r206_flags_a_clause_missing_from_an_existing_section():
    assert len(findings("R206", b="Theo khoản 3 Mục II.")) == 1


def test_r206_accepts_existing_parts():
    assert findings("R206", b="Theo khoản 2 Mục II và Mục III.") == []


def test_r206_ignores_references_into_other_documents():
    assert findings("R206", b="Theo khoản 9 Điều 8 Nghị định số 30/2020/NĐ-CP.") == []


CHAPTERED = (
    "Số: 09/2010/QĐ-UBND\nCần Thơ, ngày 05 tháng 02 năm 2010\nQUY ĐỊNH\nVề quản lý thử nghiệm\n"
    "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nThực hiện theo {ref} Quy định này.\n"
    "Chương II\nQUY ĐỊNH CỤ THỂ\nĐiều 2. Trách nhiệm\nNội dung./.\n"
)


def test_r206_finds_chapters_by_their_number_and_skips_their_own_headings():
    """A heading “Chương I” standing alone on its line is not a reference to itself, and
    “Chương II” names the chapter labelled so; a chapter the text lacks is still flagged."""
    def check(ref):
        return [f.message for f in vnplan.check(vnplan.parse(CHAPTERED.format(ref=ref)), select=["R206"]).findings]

    assert check("Chương II") == []
    assert check("Chương V") == ["Dẫn chiếu “Chương V” trỏ tới phần không có trong văn bản."]


def test_r206_appendix_missing_is_information_only():
    (f,) = findings("R206", b="Chi tiết tại Phụ lục kèm theo.")
    assert f.severity == "info"


def test_r206_reads_parts_listed_side_by_side_as_siblings():
    """“khoản 1, khoản 2 Điều 2” names two clauses of Điều 2 and “Điều 1, Điều 2” two articles,
    not a clause inside a clause; a listed part the text lacks is still flagged."""
    text = ("Số: 09/2010/QĐ-UBND\nCần Thơ, ngày 05 tháng 02 năm 2010\nQUY ĐỊNH\nVề quản lý thử nghiệm\n"
            "Điều 1. Phạm vi\nThực hiện theo {ref} của Quy định này.\n"
            "Điều 2. Trách nhiệm\n1. Sở chủ trì.\n2. Các phòng phối hợp./.\n")

    def check(ref):
        return [f.message for f in vnplan.check(vnplan.parse(text.format(ref=ref)), select=["R206"]).findings]

    assert check("khoản 1, khoản 2 Điều 2") == []
    assert check("Điều 1, Điều 2") == []
    assert check("khoản 1, khoản 7 Điều 2") == ["Dẫn chiếu “khoản 1, khoản 7 Điều 2” trỏ tới phần không có trong văn bản."]


def test_r206_a_labelled_appendix_is_information_when_none_is_attached_and_a_warning_when_others_are():
    """With no appendix attached, “Phụ lục II” travels as a file of its own (a legal site keeps a
    decree's appendices apart): information. With Phụ lục I attached, a missing Phụ lục II is a fault."""
    (f,) = findings("R206", b="Chi tiết tại Phụ lục II kèm theo Kế hoạch này.")
    assert f.severity == "info"
    body = BODY.format(a="Mục đích.", b="Chi tiết tại Phụ lục I và Phụ lục II kèm theo Kế hoạch này.")
    plan = vnplan.parse(HEAD + body + "Nơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn A\n"
                        "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n1. Nhiệm vụ một.\n")
    assert [(f.severity, f.message) for f in vnplan.check(plan, select=["R206"]).findings] == [
        ("warning", "Văn bản dẫn chiếu “Phụ lục II kèm theo” nhưng không có phụ lục này kèm theo.")]


# R207 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cited", "variant_word"),
    [
        ("Kế hoạch số 14/KH/UBND", "trộn"),
        ("Kế hoạch số 14-KH/UBND", "trộn"),
        ("Chỉ thị số 37/CT-TW", "trộn"),
        ("Kế hoạch số 185-KH-TU", "trộn"),
        ("Kế hoạch số 14/KH - UBND", "khoảng trắng"),
        ("Kế hoạch số 14KH-UBND", "thiếu"),
        ("Kế hoạch số 14/KHUBND", "thiếu"),
    ],
)
def test_r207_flags_malformed_symbols(cited, variant_word):
    (m,) = messages("R207", a=f"Thực hiện {cited} ngày 11/01/2024.")
    assert variant_word in m


@pytest.mark.parametrize("cited", ["Kế hoạch số 14/KH-UBND", "Chỉ thị số 37-CT/TW", "Nghị định số 123/2015/NĐ-CP",
                                   "Kế hoạch số 185-KH/TU", "Quyết định số 5/QĐ-TTg", "Kế hoạch số 12-KH/ĐTN",
                                   "Luật số 80/2015/QH13", "Thông tư liên tịch số 14/2015/TTLT-BTNMT-BNV-BTC"])
def test_r207_accepts_well_formed_symbols(cited):
    assert findings("R207", a=f"Thực hiện {cited} ngày 11/01/2024.") == []


def test_r201_r207_leave_a_symbol_issued_before_the_hyphenated_form_as_it_was_issued():
    """Symbols took their “số/MÃ-CƠ QUAN” form and type codes in May 2005 (Thông tư liên tịch
    55/2005): a document issued before keeps its old symbol (“QĐ.UB”, “TT.TCCQ”), and a citation
    must quote it so. The same symbol dated after is still malformed."""
    old = "Thực hiện Quyết định số 2145/QĐ.UB ngày 14/8/1998 và Tờ trình số 86/TT.TCCQ ngày 25/4/2003."
    assert findings("R207", a=old) == [] and findings("R201", a=old) == []
    assert findings("R207", a="Thực hiện Quyết định số 12/2005/QĐ.UB năm 2005.") == []
    new = "Thực hiện Quyết định số 2145/QĐ.UB ngày 14/8/2023 và Tờ trình số 86/TT.TCCQ ngày 25/4/2023."
    assert [f.message.split("“")[1].split("”")[0] for f in findings("R207", a=new)] == ["2145/QĐ.UB"]
    assert len(findings("R201", a=new)) == 1


# the reference plan ----------------------------------------------------------------------


def test_reference_plan_has_three_dated_citations_and_de_an_06(reference_plan):
    dated = [(c.number, c.symbol, c.date.iso) for c in reference_plan.citations if c.date]
    assert dated == [("14", "KH-UBND", "2024-01-21"), ("02", "KH-UBND", "2024-01-11"), ("01", "NQ-CP", "2024-01-05")]
    assert [c.name for c in reference_plan.citations if c.name] == ["Đề án 06"]


def test_reference_plan_r204_for_cchc_and_no_other_reference_finding(reference_plan):
    found = vnplan.check(reference_plan, select=["R"]).findings
    assert "CCHC" in {f.message.split("“")[1].split("”")[0] for f in found if f.rule == "R204"}
    assert {f.rule for f in found} == {"R204"}
    # the other R204 findings are abbreviations the plan really never defines
    undefined = sorted(f.message.split("“")[1].split("”")[0] for f in found)
    assert undefined == ["BCD", "CCHC", "CCHCNN", "NSNN", "PTTH"]


def test_reference_plan_defined_abbreviations_are_not_reported(reference_plan):
    found = vnplan.check(reference_plan, select=["R204"]).findings
    reported = {f.message.split("“")[1].split("”")[0] for f in found}
    assert not reported & {"TTHC", "KH&CN", "HCNN", "TTĐT", "CB", "CC", "VC", "PCI", "PAPI", "SIPAS", "UBND", "HĐND"}


def test_corpus_plans_have_no_reference_finding_but_undefined_abbreviations():
    from pathlib import Path

    corpus = sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt"))
    assert corpus
    for path in corpus:
        found = vnplan.check(vnplan.parse(path, require_plan=False), select=["R"]).findings
        assert {f.rule for f in found} <= {"R204"}, (path.name, [f.message for f in found])
