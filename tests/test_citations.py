"""Citation extraction (vnplan.parse.citations): one behaviour per test, on inline texts."""

import pytest

from vnplan.model import Header, PartialDate
from vnplan.parse.citations import citations_in_text, extract_citations, parse_number_symbol
from vnplan.read import read


def one(text):
    (c,) = citations_in_text(text)
    return c


def test_state_document_with_number_symbol_date_and_issuer():
    text = "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của Chủ tịch UBND tỉnh Bắc Giang về tuyên truyền."
    c = one(text)
    assert c.text == "Kế hoạch số 14/KH-UBND ngày 21/01/2024 của Chủ tịch UBND tỉnh Bắc Giang"
    assert (c.doc_type, c.number, c.symbol, c.year) == ("Kế hoạch", "14", "KH-UBND", 2024)
    assert c.date == PartialDate(2024, 1, 21)
    assert c.issuer == "Chủ tịch UBND tỉnh Bắc Giang"
    assert text[c.span.start : c.span.end] == c.text
    assert (c.party, c.kind, c.group) == (False, "full", 0)


def test_year_inside_the_number_is_the_year():
    c = one("Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ;")
    assert (c.doc_type, c.number, c.year, c.symbol) == ("Nghị định", "123", 2015, "NĐ-CP")


@pytest.mark.parametrize("symbol", ["QĐ-TTg", "TTr-SNV", "QyĐ-UBND", "CTr-UBND"])
def test_symbol_parts_keep_their_lower_case_letters(symbol):
    assert one(f"Theo văn bản Quyết định số 5/{symbol} ngày 02/3/2024.").symbol == symbol


@pytest.mark.parametrize(
    "written",
    ["ngày 21/01/2024", "ngày 21-01-2024", "ngày 21 tháng 01 năm 2024", ", ngày 21/01/2024", "ngày 21.01.2024"],
)
def test_every_date_form_reads_the_same(written):
    assert one(f"Kế hoạch số 14/KH-UBND {written} của UBND tỉnh.").date == PartialDate(2024, 1, 21)


def test_a_draft_date_with_a_blank_day_is_partial():
    assert one("Kế hoạch số 14/KH-UBND ngày tháng 01 năm 2024").date == PartialDate(2024, 1, None)


def test_so_is_optional():
    c = one("triển khai Quyết định 34/2014/QĐ-TTg của Thủ tướng Chính phủ.")
    assert (c.number, c.year, c.symbol, c.issuer) == ("34", 2014, "QĐ-TTg", "Thủ tướng Chính phủ")


def test_citation_without_date_or_issuer():
    c = one("theo Tờ trình số 3009/TTr-SYT.")
    assert (c.text, c.date, c.issuer) == ("Tờ trình số 3009/TTr-SYT", None, None)


def test_party_document_puts_the_hyphen_first():
    c = one("Căn cứ Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư về tăng cường")
    assert (c.doc_type, c.number, c.symbol, c.party, c.issuer) == ("Chỉ thị", "37", "CT/TW", True, "Ban Bí thư")


def test_bare_party_symbol_takes_its_type_from_the_code():
    c = one("thực hiện 185-KH/TU ngày 03/01/2020 của Ban Thường vụ Tỉnh ủy")
    assert (c.doc_type, c.number, c.symbol, c.party) == ("Kế hoạch", "185", "KH/TU", True)


def test_bare_state_symbol_takes_its_type_from_the_code():
    assert one("theo 123/2015/NĐ-CP của Chính phủ").doc_type == "Nghị định"


def test_law_by_name_and_date():
    c = one("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;")
    assert (c.doc_type, c.name, c.number, c.date) == (
        "Luật", "Luật Tổ chức chính quyền địa phương", None, PartialDate(2015, 6, 19))


def test_law_by_name_and_year():
    c = one("Thực hiện Luật Hộ tịch năm 2014, các cơ quan")
    assert (c.text, c.name, c.year, c.date) == ("Luật Hộ tịch năm 2014", "Luật Hộ tịch", 2014, None)


def test_a_later_mention_of_a_law_is_its_short_form():
    first, later = citations_in_text("Thực hiện Luật Hộ tịch năm 2014. Hướng dẫn thi hành Luật Hộ tịch.")
    assert (later.text, later.kind, later.group) == ("Luật Hộ tịch", "short", 0)


def test_code_by_name():
    c = one("theo Bộ luật Lao động năm 2019.")
    assert (c.doc_type, c.name, c.year) == ("Bộ luật", "Bộ luật Lao động", 2019)


def test_project_by_short_name():
    c = one("triển khai Đề án 06 trên địa bàn tỉnh")
    assert (c.doc_type, c.number, c.name, c.symbol) == ("Đề án", "06", "Đề án 06", None)


def test_project_with_issuer_suffix_is_the_same_project():
    a, b = citations_in_text("5 nhóm tiện ích của Đề án 06/CP. Kết quả thực hiện Đề án 06 được báo cáo.")
    assert (a.name, a.symbol) == ("Đề án 06", "CP")
    assert (b.group, b.kind) == (0, "short")


def test_list_of_numbers_shares_the_type_date_and_issuer():
    a, b = citations_in_text("thực hiện các Nghị quyết số 01/NQ-CP và 02/NQ-CP ngày 05/01/2024 của Chính phủ;")
    assert (a.text, b.text) == ("Nghị quyết số 01/NQ-CP", "02/NQ-CP ngày 05/01/2024 của Chính phủ")
    assert a.doc_type == b.doc_type == "Nghị quyết"
    assert a.date == b.date == PartialDate(2024, 1, 5)
    assert a.issuer == b.issuer == "Chính phủ"


def test_list_of_citations_shares_the_issuer_printed_last():
    a, b = citations_in_text("Kế hoạch số 14/KH-UBND ngày 21/01/2024, Kế hoạch số 15/KH-UBND ngày 22/01/2024 của UBND tỉnh")
    assert a.issuer == b.issuer == "UBND tỉnh"
    assert (a.date, b.date) == (PartialDate(2024, 1, 21), PartialDate(2024, 1, 22))


def test_issuer_is_not_shared_across_types():
    law, decree = citations_in_text("Thực hiện Luật Hộ tịch năm 2014, Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ")
    assert (law.issuer, decree.issuer) == (None, "Chính phủ")


def test_issuer_with_a_comma_in_its_name():
    c = one("Công văn số 2928/LĐTBXH-BVCSTE ngày 12/8/2014 của Bộ Lao động, Thương binh và Xã hội về việc")
    assert c.issuer == "Bộ Lao động, Thương binh và Xã hội"


def test_issuer_goes_on_after_va_only_into_a_name():
    assert one("Quyết định số 1/QĐ-UBND của Sở Khoa học và Công nghệ về").issuer == "Sở Khoa học và Công nghệ"
    assert one("Nghị quyết số 01/NQ-CP của Chính phủ và các Nghị quyết của Tỉnh ủy").issuer == "Chính phủ"


def test_citation_in_an_upper_case_title():
    c = one("TRIỂN KHAI QUYẾT ĐỊNH SỐ 34/2014/QĐ-TTG NGÀY 30/5/2014 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ QUY ĐỊNH TIÊU CHUẨN")
    assert (c.doc_type, c.number, c.year, c.symbol) == ("Quyết định", "34", 2014, "QĐ-TTG")
    assert (c.date, c.issuer) == (PartialDate(2014, 5, 30), "THỦ TƯỚNG CHÍNH PHỦ")


def test_repeated_citation_joins_the_group_of_the_first():
    cs = citations_in_text("Căn cứ Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh. Bám sát Kế hoạch số 14/KH-UBND.")
    assert [(c.group, c.kind) for c in cs] == [(0, "full"), (0, "short")]


def test_upper_case_symbol_joins_the_group_of_mixed_case():
    cs = citations_in_text("QUYẾT ĐỊNH SỐ 34/2014/QĐ-TTG. Căn cứ Quyết định số 34/2014/QĐ-TTg ngày 30/5/2014.")
    assert [c.group for c in cs] == [0, 0]


def test_repeated_full_citation_stays_full():
    cs = citations_in_text("Chỉ thị số 37-CT/TW ngày 03/9/2019; thực hiện Chỉ thị số 37-CT/TW ngày 03/9/2019.")
    assert [(c.group, c.kind) for c in cs] == [(0, "full"), (0, "full")]


def test_this_plan_is_a_self_reference():
    (c,) = citations_in_text("Các phòng triển khai Kế hoạch này.")
    assert (c.text, c.doc_type, c.kind) == ("Kế hoạch này", "Kế hoạch", "self")


def test_plan_mentioned_above_resolves_to_the_last_plan_cited():
    cs = citations_in_text("Thực hiện Nghị quyết số 01/NQ-CP, Kế hoạch số 02/KH-UBND của UBND tỉnh. Triển khai Kế hoạch nêu trên.")
    assert (cs[-1].text, cs[-1].kind, cs[-1].group) == ("Kế hoạch nêu trên", "short", 1)


def test_plural_types_are_not_anaphora():
    assert citations_in_text("Triển khai các Kế hoạch nêu trên.") == ()


def test_citation_of_the_plans_own_number_is_self():
    own = Header(number="14", symbol="KH-UBND", doc_type="Kế hoạch")
    (c,) = citations_in_text("Các đơn vị báo cáo kết quả thực hiện Kế hoạch số 14/KH-UBND.", own=own)
    assert c.kind == "self"


def test_the_header_number_line_is_not_a_citation():
    assert citations_in_text("Số: 201/KH-UBND") == ()


def test_a_type_without_a_number_is_not_a_citation():
    assert citations_in_text("Tập trung tuyên truyền về Kế hoạch CCHC nhà nước tỉnh năm 2024.") == ()


def test_year_ranges_and_percentages_are_not_citations():
    assert citations_in_text("giai đoạn 2021-2030, đạt trên 90%, năm học 2022-2023") == ()


def test_every_administrative_type_of_decree_30_is_recognised():
    from vnplan import vocab

    for t in vocab.doc_types().types:
        if t.code and t.group != "party":
            c = one(f"theo {t.name} số 7/{t.code}-UBND ngày 01/02/2024.")
            assert (c.doc_type, c.symbol) == (t.name, f"{t.code}-UBND"), t


def test_spans_point_into_the_block_text():
    doc = read("Kế hoạch\n\nCăn cứ Quyết định số 374/QĐ-TTg, ngày 17/3/2014 của Thủ tướng Chính phủ;")
    (c,) = extract_citations(doc)
    assert doc.blocks[c.span.block].text[c.span.start : c.span.end] == c.text


def test_only_the_requested_blocks_are_read():
    doc = read("Căn cứ Nghị định số 1/2020/NĐ-CP.\n\nCăn cứ Nghị định số 2/2020/NĐ-CP.")
    assert [c.number for c in extract_citations(doc, [1])] == ["2"]


def test_parse_number_symbol_splits_the_parts():
    ns = parse_number_symbol("số 123/2015/NĐ-CP")
    assert (ns.number, ns.year, ns.symbol, ns.type_code, ns.issuer_code, ns.party) == ("123", "2015", "NĐ-CP", "NĐ", "CP", False)
    assert parse_number_symbol("37-CT/TW").party is True


def test_law_in_lower_case_or_without_a_name_is_not_a_citation():
    assert citations_in_text("đúng quy định của pháp luật năm 2024 và Luật năm 2020") == ()


def test_run_together_words_end_the_issuer():
    c = one("Công văn số 2928/LĐTBXH-BVCSTE ngày 12/8/2014 của Bộ Lao động, Thương binh và Xã hội vềviệc triển khai")
    assert c.issuer == "Bộ Lao động, Thương binh và Xã hội"


def test_v_v_ends_the_issuer():
    assert one("Công văn số 12/BNV-CCHC của Bộ Nội vụ V/v hướng dẫn").issuer == "Bộ Nội vụ"


def test_law_in_a_legal_basis_line_without_date_or_year():
    c = one("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;")
    assert (c.name, c.year, c.date) == ("Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", None, None)


def test_words_run_together_around_the_date():
    c = one("Căn cứ Thông báo số 31-TB/TWngày 04 tháng 02 năm 2023 của Ban Bí thư về")
    assert (c.symbol, c.date, c.issuer) == ("TB/TW", PartialDate(2023, 2, 4), "Ban Bí thư")


def test_national_issuer_without_cua_after_the_date():
    c = one("Căn cứ Nghị định số 77/2019/NĐ-CP ngày 10 tháng 10 năm 2019 Chính phủ về tổ chức;")
    assert c.issuer == "Chính phủ"
    assert one("Căn cứ Kế hoạch số 7/KH-UBND ngày 10/10/2019 Sở Nội vụ xây dựng").issuer is None


@pytest.mark.parametrize(("text", "names"), [
    # a name with commas, read whole because it is known, and the next law after "và"
    ("theo quy định của Luật Cán bộ, công chức và Luật Viên chức.", ["Luật Cán bộ, công chức", "Luật Viên chức"]),
    ("theo quy định của Luật Ban hành văn bản quy phạm pháp luật; đối với văn bản khác",
     ["Luật Ban hành văn bản quy phạm pháp luật"]),
    # the longest known name wins; a code; capitals; the comma left out
    ("theo Luật Giáo dục đại học, Luật Giáo dục và Bộ luật Lao động",
     ["Luật Giáo dục đại học", "Luật Giáo dục", "Bộ luật Lao động"]),
    ("LUẬT THI ĐUA, KHEN THƯỞNG và Luật Phòng chống tham nhũng", ["LUẬT THI ĐUA, KHEN THƯỞNG", "Luật Phòng chống tham nhũng"]),
])
def test_a_known_law_is_a_citation_by_its_name_alone(text, names):
    cits = citations_in_text(text)
    assert [c.name for c in cits] == names
    assert all((c.doc_type in ("Luật", "Bộ luật"), c.kind, c.date, c.number) == (True, "full", None, None) for c in cits)


@pytest.mark.parametrize("text", [
    "theo Luật Giáo dụcđại học",  # a known name running on into a letter
    "theo quy định của luật cán bộ, công chức",  # lower case "luật" is the law in general
    "Văn phòng Luật sư Viên chức",  # not a law
    "theo Luật Thuế mới",  # unknown names still need a date, a year or a number
])
def test_an_unknown_or_run_on_name_without_a_date_is_no_citation(text):
    assert citations_in_text(text) == ()


def test_a_known_law_named_again_is_its_short_form():
    first, again = citations_in_text("Căn cứ Luật Cán bộ, công chức ngày 13/11/2008; thực hiện Luật Cán bộ, công chức.")
    assert (first.kind, again.kind, again.group, again.name) == ("full", "short", 0, "Luật Cán bộ, công chức")


@pytest.mark.parametrize(("written", "symbol"), [("45/KH.UBND", "KH.UBND"), ("115/QĐ-UBND.VP", "QĐ-UBND.VP")])
def test_a_dot_without_space_joins_the_parts_of_a_symbol(written, symbol):
    c = one(f"Thực hiện Kế hoạch số {written} ngày 10/3/2024 của UBND huyện, các phòng")
    assert (c.symbol, c.date, c.issuer) == (symbol, PartialDate(2024, 3, 10), "UBND huyện")


def test_a_dot_and_space_after_a_symbol_ends_it():
    assert one("theo Kế hoạch số 45/KH-UBND. UBND huyện giao").symbol == "KH-UBND"


@pytest.mark.parametrize("case", ["năm", "Năm", "NĂM"])
def test_a_year_alone_after_the_number_is_its_year_and_the_issuer_follows(case):
    c = one(f"Thực hiện Chỉ thị số 15/CT-TTg {case} 2022 của Thủ tướng Chính phủ, các sở")
    assert (c.year, c.date, c.issuer) == (2022, None, "Thủ tướng Chính phủ")
    assert c.text.endswith("Thủ tướng Chính phủ")


def test_a_year_after_a_number_holding_its_year_keeps_that_year():
    assert one("theo Quyết định số 25/2023/QĐ-UBND năm 2024 của UBND tỉnh").year == 2023


def test_a_date_after_the_last_of_a_list_with_its_type_repeated_stays_the_last_items():
    # "Nghị định số 42/2022/NĐ-CP, Nghị định số 59/2022/NĐ-CP ngày 05/9/2022": the first was issued on
    # another day; only a list without its type repeated ("số 01/NQ-CP và 02/NQ-CP ngày …") shares a date
    a, b = citations_in_text("Căn cứ Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị;")
    assert (a.date, b.date) == (None, PartialDate(2013, 12, 12))
    assert a.issuer == b.issuer == "Bộ Chính trị"


def test_a_date_of_its_own_is_kept_in_a_list():
    a, b = citations_in_text("Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2024 và Kế hoạch số 20/KH-UBND ngày 25/01/2024;")
    assert (a.date, b.date) == (PartialDate(2024, 1, 10), PartialDate(2024, 1, 25))


@pytest.mark.parametrize("name", ["Ban Chỉ đạo chuyển đổi số tỉnh", "Ban Chỉ đạo chuyển đổi số", "Hội đồng phát triển kinh tế số"])
def test_a_stop_word_inside_a_known_phrase_goes_on_the_issuer(name):
    assert one(f"Căn cứ Kế hoạch số 08/KH-BCĐ ngày 11/3/2024 của {name}; các sở").issuer == name


def test_so_before_a_number_still_ends_the_issuer():
    c = citations_in_text("theo Công văn của UBND tỉnh số 123/UBND-VX ngày 02/3/2024")
    assert [x.issuer for x in c if x.issuer] in ([], ["UBND tỉnh"])
    assert all("số" not in (x.issuer or "") for x in c)


@pytest.mark.parametrize("gap", [" và ", ", ", ", và "])
def test_two_laws_by_name_joined_are_two_citations_the_date_the_last_ones(gap):
    a, b = citations_in_text(f"Căn cứ Luật Cán bộ, công chức{gap}Luật Viên chức ngày 25 tháng 11 năm 2019;")
    assert (a.doc_type, a.name, a.date, a.text) == ("Luật", "Luật Cán bộ, công chức", None, "Luật Cán bộ, công chức")
    assert (b.name, b.date) == ("Luật Viên chức", PartialDate(2019, 11, 25))


def test_a_law_joined_to_a_code_keeps_each_type():
    a, b = citations_in_text("CĂN CỨ LUẬT CÔNG ĐOÀN VÀ BỘ LUẬT LAO ĐỘNG NĂM 2019;")
    assert (a.doc_type, b.doc_type, b.year) == ("Luật", "Bộ luật", 2019)


def test_an_amending_law_names_the_laws_it_amends_in_one_name():
    c = one("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức ngày 25/11/2019;")
    assert c.name == "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức"


def test_and_inside_a_laws_name_is_no_second_law():
    assert one("Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;").name == "Luật Tổ chức HĐND và UBND"
