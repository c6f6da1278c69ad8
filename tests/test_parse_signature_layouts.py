"""Signatures and recipients in the shapes real copies give them (issue 13, layout 5), and the text after them.

Each text is a small closing in the shape of a real one: a legal site's copy, a portal page, a
Word table pasted as text, a Markdown conversion, a military unit's plan. The body is one line;
what is checked is how the closing is read.
"""

from __future__ import annotations

import vnplan
from vnplan.parse.ownership import ownership_faults
from vnplan.read.markdown import read_markdown

BODY = "Số: 45/KH-UBND\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\nI. NỘI DUNG\nCác cơ quan triển khai thực hiện./.\n"


def _sig(plan: vnplan.Plan) -> tuple[str | None, str | None, str | None, str | None]:
    s = plan.signature
    assert s is not None
    return s.authority_form, s.on_behalf_of, s.position, s.signer


def parse(closing: str) -> vnplan.Plan:
    plan = vnplan.parse(BODY + closing)
    assert ownership_faults(plan) == []
    return plan


# --------------------------------------------------------------------------- the form alone on its line


def test_tm_alone_on_its_line_names_the_body_on_the_next():
    # a legal site copies the signature cell line by line: "TM." / "ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"
    p = parse("Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nTM.\nỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Văn Nam\n")
    assert _sig(p) == ("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Hoàng Văn Nam")
    assert [(f.form, f.of) for f in p.signature.forms] == [("TM.", "ỦY BAN NHÂN DÂN"), ("KT.", "CHỦ TỊCH")]


def test_kt_alone_on_its_line_is_not_read_as_a_position():
    p = parse("Nơi nhận:\n- Lưu: VT, PTP.\nKT.\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\nHuỳnh Thị Ngọc Hân\n")
    assert _sig(p) == ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Huỳnh Thị Ngọc Hân")


def test_a_body_wrapped_onto_a_second_line_stays_one_name():
    p = parse("Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nTỈNH VĨNH PHÚC\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐặng Quang Vinh\n")
    assert _sig(p) == ("TM.", "ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC", "PHÓ CHỦ TỊCH", "Đặng Quang Vinh")


def test_a_form_without_a_space_after_its_dot_is_a_form():
    p = parse("Nơi nhận:\n- Lưu: VT.\nTM.ỦY BAN NHÂN DÂN\nKT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Hiệp\n")
    assert _sig(p) == ("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp")


def test_a_form_written_with_a_slash_is_read_as_the_form_it_stands_for():
    # the Party prints "T/M", "K/T" (its own rules); a state body's typist slips the same way
    p = parse("Nơi nhận:\n- Lưu: VT.\nT/M ỦY BAN NHÂN DÂN\nK/T CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Thắng\n")
    assert _sig(p) == ("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Lê Văn Thắng")
    assert [(f.form, f.of) for f in p.signature.forms] == [("TM.", "ỦY BAN NHÂN DÂN"), ("KT.", "CHỦ TỊCH")]


def test_a_slashed_form_is_still_reported_as_misprinted_in_a_state_document():
    report = vnplan.check(BODY + "Nơi nhận:\n- Lưu: VT.\nT/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Thắng\n",
                          select=["F107"])
    assert [f.fix for f in report.findings] == ["TM. ỦY BAN NHÂN DÂN"]


def test_a_party_committees_t_m_form_is_read_and_not_reported():
    text = ("ĐẢNG BỘ HUYỆN YÊN LẠC\nĐẢNG ỦY XÃ ĐỒNG CƯƠNG\n*\nSố 12-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Đồng Cương, ngày 10 tháng 4 năm 2024\nKẾ HOẠCH\nhọc tập Nghị quyết năm 2024\n"
            "I. NỘI DUNG\nCác chi bộ tổ chức học tập./.\nNơi nhận:\n- Các chi bộ,\n- Lưu Văn phòng Đảng ủy.\n"
            "T/M ĐẢNG ỦY\nPHÓ BÍ THƯ\nNguyễn Hữu Phước\n")
    assert _sig(vnplan.parse(text)) == ("TM.", "ĐẢNG ỦY", "PHÓ BÍ THƯ", "Nguyễn Hữu Phước")
    assert not vnplan.check(text, select=["F107"]).findings


def test_a_capitalised_line_opening_with_tm_and_no_dot_is_a_form_but_q_is_not():
    assert _sig(parse("Nơi nhận:\n- Lưu: VT.\nTM ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Thắng\n"))[:2] == ("TM.", "ỦY BAN NHÂN DÂN")
    assert _sig(parse("Nơi nhận:\n- Lưu: VT.\nQ GIÁM ĐỐC\nLê Văn Thắng\n"))[0] is None


def test_a_signed_mark_after_the_name_is_not_part_of_the_name():
    # a copy of a digitally signed plan puts "(Ký số)" or "(đã ký)" under the name; the reader joins them
    for mark in ("(Ký số)", "(đã ký)", "[Đã ký]"):
        p = parse(f"Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n{mark}\n")
        assert _sig(p) == ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An")
        assert not any("Nguyễn" in o.text for o in p.other)


def test_entries_whose_dashes_a_copy_dropped_are_still_recipients():
    # Word's automatic "-" bullets are lost when a page copies the list as plain lines
    p = parse("Nơi nhận:\nNhư trên;\nSở Nội vụ (b/c);\nLưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn An\n")
    assert [(r.name, r.note) for r in p.recipients] == [("Như trên", None), ("Sở Nội vụ", "b/c"), ("Lưu", None)]
    assert _sig(p) == ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn An") and p.other == ()
    report = vnplan.check(BODY + "Nơi nhận:\nNhư trên;\nLưu: VT.\nGIÁM ĐỐC\nLê Văn An\n", select=["F108"])
    assert [f.fix for f in report.findings] == ["- Như trên;", "- Lưu: VT."]  # the dashes are still asked for


# --------------------------------------------------------------------------- rank, title and the name


def test_a_rank_before_the_name_is_kept_apart_from_the_signer():
    # Phụ lục I, II.7.c: the armed forces may print the rank before the name
    p = parse("Nơi nhận:\n- Lưu: VT, TM.\nKT. CHỈ HUY TRƯỞNG\nPHÓ CHỈ HUY TRƯỞNG\nĐại tá Nguyễn Văn Khải\n")
    assert _sig(p) == ("KT.", "CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG", "Nguyễn Văn Khải")
    assert p.signature.rank == "Đại tá"


def test_a_signature_with_a_rank_is_not_missing_its_name():
    report = vnplan.check(BODY + "Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nThượng tá Lê Minh Tâm\n",
                          select=["F107"])
    assert not [f for f in report.findings if "họ và tên" in f.message]


def test_every_rank_of_officers_and_generals_is_read():
    for rank in ("Thiếu tướng", "Trung tá", "Thiếu tá", "Đại úy"):
        p = parse(f"Nơi nhận:\n- Lưu: VT.\nTƯ LỆNH\n{rank} Trần Quốc Bảo\n")
        assert (p.signature.rank, p.signature.signer) == (rank, "Trần Quốc Bảo")


def test_an_academic_title_before_the_name_is_kept_apart_too():
    p = parse("Nơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nPGS.TS. Phạm Thị Hoa\n")
    assert (p.signature.rank, p.signature.signer) == ("PGS.TS.", "Phạm Thị Hoa")


def test_a_name_in_capitals_is_the_signer_not_part_of_the_position():
    p = parse("Nơi nhận:\n- Lưu: VP, TH.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐẶNG QUANG VINH\n")
    assert _sig(p) == ("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "ĐẶNG QUANG VINH")


def test_a_second_line_of_a_position_in_capitals_is_still_the_position():
    # not a name: no family name starts it
    p = parse("Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nSỞ NỘI VỤ\nTrần Văn Bình\n")
    assert _sig(p) == ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC SỞ NỘI VỤ", "Trần Văn Bình")


def test_a_signature_a_web_copy_prints_in_small_letters_is_read():
    p = parse("Nơi nhận:\n- Lưu: VT.\nTM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ Tịch\nNguyễn Văn An\n")
    assert _sig(p) == ("TM.", "Ủy ban nhân dân", "Phó Chủ Tịch", "Nguyễn Văn An")


def test_a_signed_mark_joined_to_the_position_line_is_cut_off():
    # the text reader joins "Giám đốc" and "(Đã ký)": the line does not end a sentence
    p = parse("Nơi nhận:\n- Lưu: VT.\nGiám đốc\n(Đã ký)\nNguyễn Văn An\n")
    assert _sig(p) == (None, None, "Giám đốc", "Nguyễn Văn An")


# --------------------------------------------------------------------------- signed-copy marks


def test_signed_marks_are_kept_in_the_signature_and_read_as_nothing():
    for mark in ("(Đã ký)", "(đã ký)", "(đã ký và đóng dấu)", "[đã ký]"):
        p = parse(f"Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n{mark}\nMai Xuân Trường\n")
        assert _sig(p) == ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Mai Xuân Trường"), mark
        assert p.other == ()


def test_a_digital_signature_box_gives_the_signer_when_no_name_is_printed():
    p = parse("Nơi nhận:\n- Lưu: VT, NV.\nCHỦ TỊCH\nNgười ký: Lê Văn Thắm\nThời gian ký: 12.06.2024 14:05:33 +07:00\n")
    assert _sig(p) == (None, None, "CHỦ TỊCH", "Lê Văn Thắm")


def test_a_name_printed_after_the_signing_time_is_the_signer():
    p = parse("Nơi nhận:\n- Lưu: VT, NV.\nCHỦ TỊCH\nThời gian ký: 12.06.2024 14:05:33 +07:00 Lê Văn Thắm\n")
    assert p.signature.signer == "Lê Văn Thắm"


def test_a_blank_forms_placeholders_are_no_position_and_no_name():
    p = parse("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nQUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ\n"
              "(Chữ ký của người có thẩm quyền,\ndấu/chữ ký số của cơ quan, tổ chức)\nHọ và tên\n")
    assert _sig(p) == (None, None, None, None)
    assert p.signature.signer_placeholder == "Họ và tên"


# --------------------------------------------------------------------------- two columns flattened


def test_a_signature_interleaved_line_by_line_with_the_recipients_is_split_right():
    # pdftotext without -layout: each line holds the left cell's line, then the right cell's
    p = parse("Nơi nhận:\nTM. ỦY BAN NHÂN DÂN\n- Bộ Kế hoạch và Đầu tư (b/c);\nKT. CHỦ TỊCH\n- VCCI (b/c);\n"
              "PHÓ CHỦ TỊCH\n- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\n- Lưu: VT, KT.\nLâm Quốc Bảo\n")
    assert _sig(p) == ("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Lâm Quốc Bảo")
    assert [r.name for r in p.recipients] == ["Bộ Kế hoạch và Đầu tư", "VCCI", "TT Tỉnh ủy, TT HĐND tỉnh", "Lưu"]


def test_two_cells_on_one_line_are_split_right():
    # the two columns joined by a space on each line, as a paste from a PDF viewer gives them
    p = parse("Nơi nhận: KT. CHỦ TỊCH\n- Như trên; PHÓ CHỦ TỊCH\n- Chủ tịch, các PCT UBND huyện;\n"
              "- Lưu: VT, NN. Hà Văn Tuyên\n")
    assert _sig(p) == ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Văn Tuyên")
    assert [r.name for r in p.recipients] == ["Như trên", "Chủ tịch, các PCT UBND huyện", "Lưu"]


def test_a_closing_in_pipe_cells_is_split_and_the_pipes_are_artifacts():
    p = parse("Nơi nhận: | TL. CHỦ TỊCH |\n- CT, các PCT UBND tỉnh; | KT. CHÁNH VĂN PHÒNG |\n"
              "- Các sở, ban, ngành; | PHÓ CHÁNH VĂN PHÒNG |\n- CPVP; | |\n- Lưu: VT, NC. | Nguyễn Thị Thu Lan |\n")
    assert _sig(p) == ("TL.", "CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Thị Thu Lan")
    assert [(f.form, f.of) for f in p.signature.forms] == [("TL.", "CHỦ TỊCH"), ("KT.", "CHÁNH VĂN PHÒNG")]
    assert len(p.recipients) == 4


def test_markdown_emphasis_never_reaches_a_field():
    # a Markdown conversion: the closing table is one row, bold opened on one line, closed on another
    text = (BODY + "\n| ***Nơi nhận:***<br>- UBND tỉnh (b/c);<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN<br>"
            "KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH**<br><br>**Võ Thành Nhân** |\n|---|---|\n")
    p = vnplan.parse(read_markdown(text))
    assert ownership_faults(p) == []
    assert _sig(p) == ("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Võ Thành Nhân")
    assert [r.name for r in p.recipients] == ["UBND tỉnh", "Lưu"]


# --------------------------------------------------------------------------- what follows the closing


def test_a_sites_lines_after_the_signature_are_other_not_recipients():
    p = parse("Nơi nhận:\n- Đồng chí Giám đốc (để b/c);\n- Lưu: VT, PC06.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\n"
              "Đại tá Trần Quốc Hưng\nTệp đính kèm: KH 1125 CAT.pdf (325 KB)\nCác tin khác\n"
              "- Công an tỉnh ra quân cao điểm tấn công tội phạm (05/03/2024)\n")
    assert [r.name for r in p.recipients] == ["Đồng chí Giám đốc", "Lưu"]
    assert [o.text for o in p.other][-1].startswith("- Công an tỉnh")


def test_related_documents_after_the_signature_are_not_the_documents_citations():
    p = parse("Nơi nhận:\n- Lưu: VT.\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nLê Thị Mỹ Dung\nVăn bản liên quan\n"
              "Nghị định 15/2018/NĐ-CP hướng dẫn Luật an toàn thực phẩm\nTải văn bản gốc In văn bản\n")
    assert not [c for c in p.citations if c.number == "15"]
    assert p.other[0].text == "Văn bản liên quan" and p.recipients[-1].archive


def test_a_sites_trailer_ends_a_body_that_has_no_closing():
    p = vnplan.parse(BODY + "Văn bản liên quan\nKế hoạch 96/KH-UBND năm 2021 tuyên truyền cải cách hành chính\n")
    assert p.sections[-1].paragraphs[-1].text.endswith("./.")
    assert not [c for c in p.citations if c.number == "96"]


def test_a_wrapped_entry_does_not_end_the_list():
    p = parse("Nơi nhận:\n- Cơ quan Báo, Đài Thành phố;\n(để đưa tin)\n- Lưu: VT.\nGIÁM ĐỐC\nVõ Tuấn Anh\n")
    assert [r.name for r in p.recipients] == ["Cơ quan Báo, Đài Thành phố", "Lưu"]


# --------------------------------------------------------------------------- negative cases


def test_a_position_in_mixed_case_inside_an_entry_is_not_cut_out():
    p = parse("Nơi nhận:\n- Chủ tịch, các Phó Chủ tịch UBND tỉnh;\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn Bình\n")
    assert [r.name for r in p.recipients] == ["Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu"]


def test_a_place_at_the_end_of_an_entry_is_not_read_as_a_name():
    p = parse("Nơi nhận:\n- UBND Tỉnh Quảng Ninh\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn Bình\n")
    assert [r.name for r in p.recipients] == ["UBND Tỉnh Quảng Ninh", "Lưu"]
    assert p.signature.signer == "Trần Văn Bình"


def test_a_capitalised_body_after_the_position_is_not_taken_for_a_name():
    p = parse("Nơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTRUNG TÂM Y TẾ\nTrần Văn Bình\n")
    assert _sig(p) == (None, None, "GIÁM ĐỐC TRUNG TÂM Y TẾ", "Trần Văn Bình")


def test_quận_written_q_dot_is_not_a_signature_form():
    p = parse("Nơi nhận:\n- UBND Q. Hoàn Kiếm;\n- Lưu: VT.\nCHỦ TỊCH\nTrần Văn Bình\n")
    assert p.signature.forms == () and [r.name for r in p.recipients][0] == "UBND Q. Hoàn Kiếm"
