"""The closing: recipients (nơi nhận) with their notes, the archive line, the signature block."""

import vnplan

CLOSING = """Số: 01/KH-UBND
KẾ HOẠCH
ABC
I. NỘI DUNG
Nội dung./.
Nơi nhận:
Gửi bản điện tử:
- Như Điều 2 (t/h);
- Chủ tịch UBND tỉnh (để b/c);
- Các Sở: Nội vụ, TT&TT;
- Lưu: VT, VXNV (V).
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Phạm Duy Hưng
"""


def test_recipients_are_read_with_their_notes():
    p = vnplan.parse(CLOSING)
    assert [(r.name, r.note) for r in p.recipients] == [
        ("Như Điều 2", "t/h"), ("Chủ tịch UBND tỉnh", "để b/c"), ("Các Sở: Nội vụ, TT&TT", None), ("Lưu", None)
    ]


def test_the_archive_line_lists_its_units():
    lưu = vnplan.parse(CLOSING).recipients[-1]
    assert lưu.archive and lưu.archive_units == ("VT", "VXNV (V)")


def test_recipient_sub_headings_become_groups():
    p = vnplan.parse(CLOSING)
    assert p.recipients[0].group == "Gửi bản điện tử"
    assert [g.text for g in p.recipient_groups] == ["Gửi bản điện tử:"]


def test_a_nested_signature_keeps_every_authority_form():
    sig = vnplan.parse(CLOSING).signature
    assert (sig.authority_form, sig.on_behalf_of, sig.position, sig.signer) == (
        "TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Phạm Duy Hưng"
    )
    assert [(f.form, f.of) for f in sig.forms] == [("TM.", "ỦY BAN NHÂN DÂN"), ("KT.", "CHỦ TỊCH")]


def test_a_signature_before_the_recipients_is_read_too():
    text = "Số: 01/KH-UBND\nKẾ HOẠCH\nABC\nI. NỘI DUNG\nNội dung./.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A\nNơi nhận:\n- Lưu: VT.\n"
    p = vnplan.parse(text)
    assert (p.signature.authority_form, p.signature.signer) == ("KT.", "Nguyễn Văn A")
    assert [r.name for r in p.recipients] == ["Lưu"]


def test_a_head_signing_alone_has_no_authority_form():
    p = vnplan.parse("Số: 01/KH-SNV\nKẾ HOẠCH\nABC\nI. NỘI DUNG\nA./.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nTrần Văn B\n")
    assert (p.signature.authority_form, p.signature.position, p.signature.signer) == (None, "GIÁM ĐỐC", "Trần Văn B")


def test_text_after_the_signature_is_kept_as_other():
    p = vnplan.parse(CLOSING + "\nKẾ HOẠCH KÈM THEO\n")
    assert [o.text for o in p.other] == ["KẾ HOẠCH KÈM THEO"]


def test_a_recipients_and_signature_table_copied_from_word_is_read():
    text = "Số: 01/KH-UBND\nKẾ HOẠCH\nABC\nI. NỘI DUNG\nA./.\n\nNơi nhận:\tKT. CHỦ TỊCH\n- Như trên;\tPHÓ CHỦ TỊCH\n- Lưu: VT.\n\tNguyễn Văn A\n"
    p = vnplan.parse(text)
    assert [r.name for r in p.recipients] == ["Như trên", "Lưu"]
    assert (p.signature.authority_form, p.signature.position, p.signature.signer) == ("KT.", "PHÓ CHỦ TỊCH", "Nguyễn Văn A")


def test_an_empty_recipient_entry_is_kept_as_an_empty_recipient():
    from vnplan.parse.ownership import ownership_faults

    p = vnplan.parse("Nơi nhận:\n-", require_plan=False)
    assert ownership_faults(p) == []
    assert [r.name for r in p.recipients] == [""]


def test_a_note_after_the_semicolon_is_still_the_entrys_note():
    p = vnplan.parse("Số: 01/TB-UBND\nTHÔNG BÁO\nABC\nNơi nhận:\n- Cơ quan Báo&PT, TH Thành phố; (để đưa tin)\n- Lưu: VT.\n")
    assert (p.recipients[0].name, p.recipients[0].note) == ("Cơ quan Báo&PT, TH Thành phố", "để đưa tin")


def test_a_drafts_placeholder_for_the_signers_name_stays_in_the_signature():
    p = vnplan.parse("Số: /KH-STP\nKẾ HOẠCH\nABC\nI. NỘI DUNG\nA./.\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\n[Ghi họ và tên người ký]\n")
    assert (p.signature.position, p.signature.signer, p.signature.signer_placeholder) == (
        "GIÁM ĐỐC", None, "[Ghi họ và tên người ký]"
    )
    assert p.other == ()


def test_an_entry_on_the_recipients_line_has_no_dash_in_its_name():
    p = vnplan.parse(CLOSING.replace("Nơi nhận:\nGửi bản điện tử:\n- Như", "Nơi nhận: - Như"))
    assert p.recipients[0].name == "Như Điều 2" and p.recipients[0].note == "t/h"


def test_entries_sharing_one_line_are_separate_recipients():
    flat = "Nơi nhận: - Như Điều 2 (t/h); - Chủ tịch UBND tỉnh (để b/c); - Lưu: VT, VXNV (V).\n"
    p = vnplan.parse(CLOSING.replace(CLOSING[CLOSING.index("Nơi nhận:") : CLOSING.index("TM.")], flat))
    assert [(r.name, r.note, r.archive) for r in p.recipients] == [
        ("Như Điều 2", "t/h", False), ("Chủ tịch UBND tỉnh", "để b/c", False), ("Lưu", None, True)]
    assert p.recipients[-1].archive_units == ("VT", "VXNV (V)")
    from vnplan.parse.ownership import ownership_faults

    assert ownership_faults(p) == []


def test_recipients_listed_with_asterisks_are_recipients():
    p = vnplan.parse(CLOSING.replace("\n- ", "\n* "))
    assert [r.name for r in p.recipients] == ["Như Điều 2", "Chủ tịch UBND tỉnh", "Các Sở: Nội vụ, TT&TT", "Lưu"]
    assert p.recipients[-1].archive


def test_a_body_sentence_opening_with_nơi_nhận_hồ_sơ_does_not_start_the_closing():
    # a plan on administrative procedures says where files are received: "Nơi nhận hồ sơ: …"
    text = CLOSING.replace("I. NỘI DUNG\nNội dung./.", "I. NỘI DUNG\nNơi nhận hồ sơ: Trung tâm Phục vụ hành chính công.\n"
                           "II. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện./.")
    p = vnplan.parse(text)
    assert [s.label for s in p.sections] == ["I", "II"]
    assert p.sections[0].paragraphs[0].text.startswith("Nơi nhận hồ sơ")
    assert len(p.recipients) == 4 and p.signature.signer == "Phạm Duy Hưng"


def test_a_contact_line_in_the_body_is_not_a_sites_trailer():
    # "Liên hệ" also heads a site's footer, but here the plan's closing still follows
    text = CLOSING.replace("I. NỘI DUNG\nNội dung./.", "I. NỘI DUNG\nĐăng ký trước ngày 15/5/2024.\n"
                           "Liên hệ: Phòng Văn hóa và Thông tin, ĐT: 0203.3870.123.\nII. TỔ CHỨC THỰC HIỆN\nCác xã thực hiện./.")
    p = vnplan.parse(text)
    assert [s.label for s in p.sections] == ["I", "II"]
    assert p.sections[0].paragraphs[-1].text.startswith("Liên hệ:")
    assert len(p.recipients) == 4 and p.other == ()


def test_a_sites_trailer_after_the_signature_still_ends_the_document():
    p = vnplan.parse(CLOSING + "Văn bản liên quan\nKế hoạch 12/KH-UBND năm 2024\n")
    assert p.signature.signer == "Phạm Duy Hưng"
    assert [o.text for o in p.other][:1] == ["Văn bản liên quan"]
