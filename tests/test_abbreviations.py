"""Abbreviation definitions and uses (vnplan.parse.abbreviations)."""

import json
from importlib import resources

from vnplan.parse.abbreviations import abbreviation_uses, extract_abbreviations, initials_match, known_abbreviations
from vnplan.read import read


def defs(text):
    return [(a.abbr, a.expansion) for a in extract_abbreviations(read(text))]


def uses(text):
    return [u.abbr for u in abbreviation_uses(read(text))]


def test_definition_matched_by_initials():
    assert defs("Đẩy mạnh cải cách hành chính (CCHC) trong năm.") == [("CCHC", "cải cách hành chính")]


def test_initials_skip_leading_words_that_have_no_letter():
    assert defs("trên cổng thông tin điện tử (TTĐT) của sở") == [("TTĐT", "thông tin điện tử")]


def test_ampersand_stands_for_va():
    assert defs("Sở Khoa học và Công nghệ (KH&CN) xây dựng") == [("KH&CN", "Khoa học và Công nghệ")]


def test_list_of_abbreviations_defines_each_item():
    assert defs("của cán bộ, công chức, viên chức (CB, CC, VC) và Nhân dân") == [
        ("CB", "cán bộ"), ("CC", "công chức"), ("VC", "viên chức")]


def test_two_word_abbreviation():
    assert defs("cải thiện Chỉ số CCHC (PAR INDEX), nâng cao") == [("PAR INDEX", "Chỉ số CCHC")]


def test_foreign_abbreviation_takes_the_phrase_before_it():
    assert defs("nâng cao Chỉ số năng lực cạnh tranh (PCI), Chỉ số") == [("PCI", "Chỉ số năng lực cạnh tranh")]


def test_definition_by_words():
    assert defs("Ủy ban nhân dân tỉnh (sau đây viết tắt là UBND) ban hành")[0][0] == "UBND"


def test_definition_span_is_the_abbreviation_itself():
    doc = read("Đẩy mạnh cải cách hành chính (CCHC).")
    (a,) = extract_abbreviations(doc)
    text = doc.blocks[0].text
    assert text[a.span.start : a.span.end] == "CCHC"
    assert text[a.expansion_span.start : a.expansion_span.end] == "cải cách hành chính"


def test_roman_numeral_in_parentheses_is_not_a_definition():
    assert defs("theo Mục (II) nêu trên") == []


def test_uses_are_capital_runs():
    assert uses("Công tác CCHC và giải quyết TTHC, KH&CN.") == ["CCHC", "TTHC", "KH&CN"]


def test_roman_numerals_are_not_uses():
    assert uses("Nội dung tại Mục II, khóa XII, Phụ lục IV.") == []


def test_list_numeral_at_the_start_is_not_a_use():
    assert uses("II. Nội dung CCHC") == ["CCHC"]


def test_capitalised_heading_is_not_a_use():
    assert uses("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC NĂM 2025") == []
    assert uses("KẾ HOẠCH Tuyên truyền cải cách hành chính") == []


def test_type_codes_inside_symbols_are_not_uses():
    assert uses("Thực hiện Kế hoạch số 14/KH-UBND và 37-CT/TW, V/v triển khai") == []


def test_the_definition_itself_is_not_a_use():
    assert uses("cải cách hành chính (CCHC), công tác CCHC") == ["CCHC"]


def test_mixed_case_use_of_a_two_word_abbreviation():
    assert uses("Chỉ số CCHC (PAR INDEX). Cải thiện PAR Index.") == ["CCHC", "PAR INDEX"]


def test_initials_match_returns_the_first_word_of_the_expansion():
    assert initials_match(["đẩy", "mạnh", "cải", "cách", "hành", "chính"], "CCHC") == 2
    assert initials_match(["chỉ", "số"], "PCI") is None


def test_shipped_list_has_a_source_and_the_common_bodies():
    data = json.loads(resources.files("vnplan.vocab").joinpath("abbreviations.json").read_text(encoding="utf-8"))
    assert "Nghị định 30/2020/NĐ-CP" in data["source"]
    assert all(e["source"] for e in data["entries"])
    assert {"UBND", "HĐND", "VT", "TM", "KT"} <= known_abbreviations()
    assert "CCHC" not in known_abbreviations()


def test_definition_repeating_the_head_word():
    assert defs("Trung tâm Phục vụ hành chính công (Trung tâm PVHCC) tiếp nhận") == [("PVHCC", "Phục vụ hành chính công")]
    assert defs("Sở Thông tin và Truyền thông (Sở TT&TT) chủ trì") == [("TT&TT", "Thông tin và Truyền thông")]


def test_definition_by_a_foreign_name():
    assert defs("trung tâm dịch vụ công dân (Citizen Service Center – CSC) là") == [("CSC", "Citizen Service Center")]
