"""F101–F108 and F112 (Decree 30/2020 form): each fault on a small plan, and the compliant plan passes."""

import pytest
from compliant import compliant_docx

import vnplan
from vnplan.rules.registry import get_rule

PARTS = {
    "authority": "UBND TỈNH BẮC GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "national": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "motto": "Độc lập - Tự do - Hạnh phúc",
    "number": "Số: 05/KH-KHCN",
    "date": "Bắc Giang, ngày 05 tháng 02 năm 2024",
    "type": "KẾ HOẠCH",
    "title": "Tuyên truyền cải cách hành chính năm 2024",
    "body": (
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nII. NỘI DUNG\n1. Nội dung\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở theo dõi, tổng hợp kết quả./."
    ),
    "recipients": "Nơi nhận:\n- Chủ tịch UBND tỉnh (b/c);\n- Lãnh đạo Sở;\n- Lưu: VT, VP.",
    "signature": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTriệu Ngọc Trung",
}
FORM_RULES = ["F101", "F102", "F103", "F104", "F105", "F106", "F107", "F108", "F109", "F112"]


def plan_text(**changes: str) -> str:
    parts = {**PARTS, **changes}
    return "\n".join(v for v in parts.values() if v) + "\n"


def run(text: str, rule: str, lang: str = "vi"):
    return vnplan.check(vnplan.parse(text), select=[rule], lang=lang).findings


def test_the_compliant_plan_gives_no_form_finding():
    assert vnplan.check(vnplan.parse(plan_text())).findings == ()


# (rule, change to the compliant plan, expected severity, message, fix)
CASES = [
    # F101 Quốc hiệu and Tiêu ngữ
    ("F101", {"national": ""}, "error", "Thiếu Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("F101", {"national": "Cộng hòa xã hội chủ nghĩa Việt Nam"}, "error",
     "Quốc hiệu viết sai: “Cộng hòa xã hội chủ nghĩa Việt Nam”; phải là “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” (chữ in hoa).",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("F101", {"national": "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM"}, "error",
     "Quốc hiệu viết sai: “CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM”; phải là “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” (chữ in hoa).",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("F101", {"motto": ""}, "error", "Thiếu Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”.", "Độc lập - Tự do - Hạnh phúc"),
    ("F101", {"motto": "Độc lập-Tự do-Hạnh phúc"}, "error",
     "Tiêu ngữ viết sai: “Độc lập-Tự do-Hạnh phúc”; phải là “Độc lập - Tự do - Hạnh phúc” (viết hoa chữ cái đầu "
     "mỗi cụm từ, giữa các cụm từ có gạch nối và cách chữ).", "Độc lập - Tự do - Hạnh phúc"),
    ("F101", {"motto": "Độc Lập - Tự Do - Hạnh Phúc"}, "error",
     "Tiêu ngữ viết sai: “Độc Lập - Tự Do - Hạnh Phúc”; phải là “Độc lập - Tự do - Hạnh phúc” (viết hoa chữ cái đầu "
     "mỗi cụm từ, giữa các cụm từ có gạch nối và cách chữ).", "Độc lập - Tự do - Hạnh phúc"),
    # F102 issuing and parent authority
    ("F102", {"authority": ""}, "error",
     "Thiếu tên cơ quan, tổ chức ban hành văn bản (góc trên bên trái, chữ in hoa).", None),
    ("F102", {"authority": "SỞ KHOA HỌC VÀ CÔNG NGHỆ"}, "error",
     "“SỞ KHOA HỌC VÀ CÔNG NGHỆ” là cơ quan chuyên môn: phải ghi tên cơ quan chủ quản trực tiếp phía trên "
     "(ví dụ “UBND TỈNH …”).", "UBND TỈNH BẮC GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ"),
    ("F102", {"authority": "PHÒNG NỘI VỤ"}, "error",
     "“PHÒNG NỘI VỤ” là cơ quan chuyên môn: phải ghi tên cơ quan chủ quản trực tiếp phía trên (ví dụ “UBND TỈNH …”).",
     None),
    # F103 number and symbol
    ("F103", {"number": ""}, "error", "Thiếu số, ký hiệu văn bản (dòng “Số: …/…-…”).", None),
    ("F103", {"number": "Số: /KH-KHCN"}, "info", "Số văn bản để trống: dự thảo chưa được cấp số.", None),
    ("F103", {"number": "Số: 5/KH-KHCN"}, "error", "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: “Số: 5/KH-KHCN”.",
     "Số: 05/KH-KHCN"),
    ("F103", {"number": "Số: 05 / KH - KHCN"}, "error",
     "Giữa số và ký hiệu có dấu gạch chéo (/), giữa các nhóm chữ của ký hiệu có dấu gạch nối (-), không cách chữ: "
     "“Số: 05 / KH - KHCN”.", "Số: 05/KH-KHCN"),
    ("F103", {"number": "Số: 05/KH/KHCN"}, "error",
     "Giữa số và ký hiệu có dấu gạch chéo (/), giữa các nhóm chữ của ký hiệu có dấu gạch nối (-), không cách chữ: "
     "“Số: 05/KH/KHCN”.", "Số: 05/KH-KHCN"),
    ("F103", {"number": "SỐ: 05/KH-KHCN"}, "error",
     "Từ “Số” phải viết chữ in thường, sau có dấu hai chấm: “SỐ: 05/KH-KHCN”.", "Số: 05/KH-KHCN"),
    ("F103", {"number": "Số 15/KH-KHCN"}, "error",
     "Từ “Số” phải viết chữ in thường, sau có dấu hai chấm: “Số 15/KH-KHCN”.", "Số: 15/KH-KHCN"),
    ("F103", {"number": "Số: 15/KH-khcn"}, "error", "Ký hiệu văn bản phải viết chữ in hoa: “KH-khcn”.",
     "Số: 15/KH-KHCN"),
    # F104 type code
    ("F104", {"number": "Số: 05/QĐ-KHCN"}, "error",
     "Chữ viết tắt tên loại trong ký hiệu “QĐ-KHCN” là “QĐ”, không khớp với tên loại “Kế hoạch” (phải là “KH”).",
     "Số: 05/KH-KHCN"),
    ("F104", {"number": "Số: 05/TB-KHCN", "type": "CHƯƠNG TRÌNH"}, "error",
     "Chữ viết tắt tên loại trong ký hiệu “TB-KHCN” là “TB”, không khớp với tên loại “Chương trình” "
     "(phải là “CTr”).", "Số: 05/CTr-KHCN"),
    # F105 place and date
    ("F105", {"date": ""}, "error", "Thiếu địa danh và thời gian ban hành văn bản (“…, ngày … tháng … năm …”).", None),
    ("F105", {"date": "Bắc Giang, ngày tháng 02 năm 2024"}, "info",
     "Ngày ban hành còn để trống (ngày): dự thảo chưa ký ban hành.", None),
    ("F105", {"date": "Bắc Giang, ngày 5 tháng 2 năm 2024"}, "error",
     "Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước: “Bắc Giang, ngày 5 tháng 2 năm 2024”.",
     "Bắc Giang, ngày 05 tháng 02 năm 2024"),
    ("F105", {"date": "Bắc Giang, ngày 31 tháng 02 năm 2024"}, "error",
     "Ngày ban hành không có thật: ngày 31 tháng 2 năm 2024.", None),
    ("F105", {"date": "Bắc Giang ngày 05 tháng 02 năm 2024"}, "error",
     "Sau địa danh phải có dấu phẩy: “Bắc Giang ngày 05 tháng 02 năm 2024”.", "Bắc Giang, ngày 05 tháng 02 năm 2024"),
    ("F105", {"date": "Bắc giang, ngày 05 tháng 02 năm 2024"}, "error",
     "Các chữ cái đầu của địa danh phải viết hoa: “Bắc giang”.", "Bắc Giang, ngày 05 tháng 02 năm 2024"),
    ("F105", {"date": "Bắc Giang, 05/02/2024"}, "error",
     "Thời gian ban hành phải viết đầy đủ “ngày … tháng … năm …”: “Bắc Giang, 05/02/2024”.",
     "Bắc Giang, ngày 05 tháng 02 năm 2024"),
    ("F105", {"date": "Ngày 05 tháng 02 năm 2024"}, "error",
     "Thiếu địa danh trước ngày tháng: “Ngày 05 tháng 02 năm 2024”.", None),
    # a flattened header: the date joined to the number line, the place lost
    ("F105", {"date": "ngày 05 tháng 02 năm 2024"}, "error",
     "Thiếu địa danh trước ngày tháng: “ngày 05 tháng 02 năm 2024”.", None),
    # F106 type name and title
    ("F106", {"type": ""}, "error", "Thiếu tên loại văn bản (ví dụ “KẾ HOẠCH”, chữ in hoa, canh giữa).", "KẾ HOẠCH"),
    ("F106", {"title": ""}, "error", "Thiếu trích yếu nội dung văn bản ngay dưới tên loại “KẾ HOẠCH”.", None),
    # F107 signature
    ("F107", {"signature": ""}, "error", "Thiếu quyền hạn, chức vụ, họ tên của người ký.", None),
    ("F107", {"signature": "K/T. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTriệu Ngọc Trung"}, "error",
     "Chữ viết tắt quyền hạn “K/T.” không đúng: chỉ dùng “TM.”, “KT.”, “TL.”, “TUQ.”, “Q.”.", "KT. GIÁM ĐỐC"),
    ("F107", {"signature": "KT. GIÁM ĐỐC\nGIÁM ĐỐC\nTriệu Ngọc Trung"}, "error",
     "Ký thay (KT. GIÁM ĐỐC) thì người ký là cấp phó: chức vụ phải là “PHÓ …”, không phải “GIÁM ĐỐC”.",
     "PHÓ GIÁM ĐỐC"),
    ("F107", {"signature": "KT. BỘ TRƯỞNG\nBỘ TRƯỞNG\nTrần Văn B"}, "error",
     "Ký thay (KT. BỘ TRƯỞNG) thì người ký là cấp phó: chức vụ phải là “PHÓ …”, không phải “BỘ TRƯỞNG”.",
     "THỨ TRƯỞNG"),
    ("F107", {"signature": "TM. GIÁM ĐỐC\nGIÁM ĐỐC\nTriệu Ngọc Trung"}, "error",
     "“TM.” chỉ ghi trước tên tập thể lãnh đạo hoặc cơ quan làm việc theo chế độ tập thể, không ghi trước "
     "“GIÁM ĐỐC”.", None),
    ("F107", {"signature": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"}, "error", "Thiếu họ và tên người ký.", None),
    ("F107", {"signature": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n[Ghi họ và tên người ký]"}, "info",
     "Họ và tên người ký còn để trống: dự thảo chưa ký ban hành.", None),
    # F108 recipients
    ("F108", {"recipients": ""}, "error", "Thiếu phần “Nơi nhận:”.", None),
    ("F108", {"recipients": "NƠI NHẬN:\n- Lãnh đạo Sở;\n- Lưu: VT, VP."}, "error",
     "Từ “Nơi nhận” viết chữ in thường, sau có dấu hai chấm: “NƠI NHẬN:”.", "Nơi nhận:"),
    ("F108", {"recipients": "Nơi nhận:\n- Lãnh đạo Sở,\n- Lưu: VT, VP."}, "error",
     "Mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc "
     "bằng dấu chấm (.): “- Lãnh đạo Sở,”.", "- Lãnh đạo Sở;"),
    ("F108", {"recipients": "Nơi nhận:\n+ Lãnh đạo Sở;\n- Lưu: VT, VP."}, "error",
     "Mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc "
     "bằng dấu chấm (.): “+ Lãnh đạo Sở;”.", "- Lãnh đạo Sở;"),
    ("F108", {"recipients": "Nơi nhận:"}, "error",
     "Thiếu dòng lưu văn bản “- Lưu: VT, …” ở cuối nơi nhận.", "- Lưu: VT."),
    ("F108", {"recipients": "Nơi nhận:\n- Báo Bắc Giang; (để đưa tin)\n- Lưu: VT, VP."}, "error",
     "Mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc "
     "bằng dấu chấm (.): “- Báo Bắc Giang; (để đưa tin)”.", "- Báo Bắc Giang (để đưa tin);"),
    ("F108", {"recipients": "Nơi nhận:\n- Lãnh đạo Sở;\n- Văn phòng Sở;"}, "error",
     "Thiếu dòng lưu văn bản “- Lưu: VT, …” ở cuối nơi nhận.", "- Lưu: VT."),
    ("F108", {"recipients": "Nơi nhận:\n- Lãnh đạo Sở;\n- Lưu: VP."}, "error",
     "Dòng lưu phải ghi “Lưu: VT, …” (Văn thư cơ quan trước, rồi đơn vị soạn thảo): “- Lưu: VP.”.",
     "- Lưu: VT, VP."),
    ("F108", {"recipients": "Nơi nhận:\n- Lưu: VT, VP;\n- Lãnh đạo Sở."}, "error",
     "Dòng “Lưu: VT, …” phải là dòng cuối cùng của nơi nhận.", None),
    ("F108", {"recipients": "Nơi nhận:\n- Lãnh đạo Sở; - Văn phòng Sở;\n- Lưu: VT, VP."}, "error",
     "Mỗi nơi nhận một dòng, đầu dòng có gạch đầu dòng (-), cuối dòng có dấu chấm phẩy (;), dòng cuối cùng kết thúc "
     "bằng dấu chấm (.): “- Văn phòng Sở;”.", "- Văn phòng Sở;"),
    # F112 closing mark
    ("F112", {"body": PARTS["body"].replace("./.", ".")}, "warning",
     "Nội dung văn bản không kết thúc bằng dấu “./.”.", "1. Văn phòng Sở theo dõi, tổng hợp kết quả./."),
]


@pytest.mark.parametrize(("rule", "change", "severity", "message", "fix"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_fault_is_found_with_its_message_severity_and_fix(rule, change, severity, message, fix):
    text = plan_text(**change)
    found = [f for f in run(text, rule) if f.message == message]
    assert found, [f.message for f in run(text, rule)]
    f = found[0]
    assert (f.severity, f.fix) == (severity, fix)
    assert f.source == get_rule(rule).source and f.source.startswith("Nghị định 30/2020/NĐ-CP")


@pytest.mark.parametrize("rule", FORM_RULES)
def test_each_rule_passes_the_compliant_plan(rule):
    assert run(plan_text(), rule) == ()


@pytest.mark.parametrize(
    ("rule", "change"),
    [
        ("F101", {"national": "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"}),  # old tone placement is the same text
        ("F101", {"motto": "Độc lập – Tự do – Hạnh phúc"}),  # Word's en dash between the phrases
        ("F102", {"authority": "ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG"}),  # a committee has no parent to show
        ("F103", {"number": "Số: 125/KH-KHCN"}),
        ("F104", {"number": "Số: 05/KH-UBND"}),
        ("F105", {"date": "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2024"}),  # month 6 needs no zero
        ("F105", {"date": "Bắc Giang, ngày 29 tháng 02 năm 2024"}),  # a leap day
        ("F107", {"signature": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A"}),
        ("F107", {"signature": "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn B"}),
        ("F107", {"signature": "GIÁM ĐỐC\nNguyễn Văn A"}),
        ("F108", {"recipients": "Nơi nhận:\n- Như trên;\n– Lãnh đạo Sở;\n- Lưu: VT, VP (2b)."}),
    ],
)
def test_accepted_variants_give_no_finding(rule, change):
    assert [f.message for f in run(plan_text(**change), rule)] == []


def test_blank_number_and_day_of_a_draft_are_info_only():
    text = plan_text(number="Số:   /KH-KHCN", date="Bắc Giang, ngày   tháng 02 năm 2024")
    report = vnplan.check(vnplan.parse(text), select=FORM_RULES)
    assert [(f.rule, f.severity) for f in report.findings] == [("F103", "info"), ("F105", "info")]
    assert not report.has_errors


def test_rules_of_decree_30_do_not_apply_before_it_was_signed():
    text = plan_text(national="", number="Số: 5/KH-KHCN", date="Bắc Giang, ngày 04 tháng 3 năm 2020")
    assert vnplan.check(vnplan.parse(text), select=FORM_RULES).findings == ()
    text = plan_text(national="", number="Số: 5/KH-KHCN", date="Bắc Giang, ngày 05 tháng 3 năm 2020")
    assert {f.rule for f in vnplan.check(vnplan.parse(text), select=FORM_RULES).findings} == {"F101", "F103"}


def test_each_form_rule_names_the_date_it_is_in_force_from():
    import datetime as dt

    for rid in FORM_RULES:
        assert get_rule(rid).since == dt.date(2020, 3, 5)


def test_messages_in_english():
    (f,) = run(plan_text(number="Số: 5/KH-KHCN"), "F103", lang="en")
    assert f.message == "A number below 10 takes a leading zero: “Số: 5/KH-KHCN”."
    (f,) = run(plan_text(date="Bắc Giang, ngày tháng 02 năm 2024"), "F105", lang="en")
    assert f.message == "The date is left blank (day): an unsigned draft."


def test_findings_point_at_the_faulty_line():
    text = plan_text(number="Số: 5/KH-KHCN")
    (f,) = run(text, "F103")
    assert f.line == text.splitlines().index("Số: 5/KH-KHCN") + 1
    text = plan_text(recipients="Nơi nhận:\n- Lãnh đạo Sở,\n- Lưu: VT, VP.")
    (f,) = run(text, "F108")
    assert f.line == text.splitlines().index("- Lãnh đạo Sở,") + 1
    assert (f.span.start, f.span.end) == (0, len("- Lãnh đạo Sở,"))


def test_one_finding_per_faulty_recipient():
    text = plan_text(recipients="Nơi nhận:\n- A,\n- B\n- C;\n- Lưu: VT.")
    assert [f.fix for f in run(text, "F108")] == ["- A;", "- B;"]


def test_an_entry_wrapped_onto_a_second_line_ends_where_that_line_ends(tmp_path):
    """A Word copy may wrap a long entry onto a paragraph of its own ("- Các bộ, cơ quan ngang
    bộ," / "cơ quan thuộc Chính phủ;", as the Decree's own copy does): the entry ends with the
    semicolon of its second line. A comma that ends an entry no line carries on is still a fault."""
    def f108(recipients):
        path = tmp_path / "plan.docx"
        path.write_bytes(compliant_docx(recipients=recipients))
        return [f.fix for f in vnplan.check(vnplan.parse(path), select=["F108"]).findings]

    assert f108("Nơi nhận:\n- Các bộ, cơ quan ngang bộ,\ncơ quan thuộc Chính phủ;\n- Lưu: VT, VP.") == []
    assert f108("Nơi nhận:\n- Các bộ, cơ quan ngang bộ,\n- Lưu: VT, VP.") == ["- Các bộ, cơ quan ngang bộ;"]


def test_a_blank_forms_signature_placeholders_are_information_not_a_missing_signature():
    """Appendix III's forms leave the signature to fill ("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ" over
    "Họ và tên"): a blank left on purpose, told as a draft's blank name is; a plan that ends with
    no signature at all still misses it."""
    blank = run(plan_text(signature="QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ\nHọ và tên"), "F107")
    assert [(f.severity, f.message) for f in blank] == [
        ("info", "Họ và tên người ký còn để trống: dự thảo chưa ký ban hành.")]
    assert [(f.severity, f.message) for f in run(plan_text(signature=""), "F107")] == [
        ("error", "Thiếu quyền hạn, chức vụ, họ tên của người ký.")]


def test_a_header_lost_whole_gives_missing_findings_not_a_crash():
    text = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn A\n"
    report = vnplan.check(vnplan.parse(text), select=FORM_RULES)
    assert {f.rule for f in report.findings} == {"F101", "F102", "F103", "F105", "F106", "F112"}
    assert all(not f.message.startswith("Quy tắc") for f in report.findings)  # no rule crashed


def test_a_rule_line_above_the_national_name_is_not_part_of_it():
    text = plan_text(authority="ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n-------")
    plan = vnplan.parse(text)
    assert plan.header.national_name_text.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert run(text, "F101") == ()


@pytest.mark.parametrize("number", ["Số: ......../KH-KHCN", "Số: …/KH-KHCN", "Số: /KH-KHCN"])
def test_a_placeholder_number_is_a_blank_number_of_a_draft(number):
    (f,) = run(plan_text(number=number), "F103")
    assert (f.severity, f.message) == ("info", "Số văn bản để trống: dự thảo chưa được cấp số.")


def test_party_documents_are_outside_decree_30():
    text = plan_text(authority="TỈNH ỦY BẮC GIANG", national="ĐẢNG CỘNG SẢN VIỆT NAM", motto="",
                     number="Số 05-KH/TU")
    assert vnplan.check(vnplan.parse(text), select=FORM_RULES).findings == ()
    text = plan_text(authority="TỈNH ĐOÀN BẮC GIANG", national="ĐOÀN TNCS HỒ CHÍ MINH", motto="",
                     number="Số: 12 - KH/TĐTN-VP")
    assert vnplan.check(vnplan.parse(text), select=FORM_RULES).findings == ()  # the Đoàn's own guide governs it
    # the same faults in a state document are reported
    text = plan_text(authority="ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", motto="", number="Số 05-KH/TU")
    assert {f.rule for f in vnplan.check(vnplan.parse(text), select=FORM_RULES).findings} >= {"F101"}


def test_a_year_zero_date_does_not_break_the_check():
    report = vnplan.check(vnplan.parse(plan_text(date="Bắc Giang, ngày 01 tháng 01 năm 0000")), select=FORM_RULES)
    assert [(f.rule, f.message) for f in report.findings] == [
        ("F105", "Ngày ban hành không có thật: ngày 1 tháng 1 năm 0.")
    ]


def test_a_real_notice_read_from_pdf_gets_its_two_recipient_faults():
    # Hà Nội TB 453 (text-layer PDF, shared corpus): a note after the semicolon, and no full stop after Lưu.
    from real_corpus import shared_document

    pdf = shared_document("pdf/hanoi_tb_453_flag.pdf")
    findings = vnplan.check(vnplan.parse(str(pdf)), select=FORM_RULES).findings
    assert [(f.rule, f.fix) for f in findings] == [
        ("F108", "- Cơ quan Báo&PT, TH Thành phố (để đưa tin);"),
        ("F108", "- Lưu: VT, KGVX."),
    ]


def test_a_notice_read_from_pdf_gets_its_two_recipient_faults():
    # the same faults in a notice written for vnplan in that layout, built as a signed PDF
    from pathlib import Path

    from real_corpus import materialise

    pdf = materialise(Path(__file__).parent / "data" / "pdf" / "tb-ubnd-tp-haidang-treo-co-ky-so.pdf.txt")
    findings = vnplan.check(vnplan.parse(str(pdf)), select=FORM_RULES).findings
    assert [(f.rule, f.fix) for f in findings] == [
        ("F108", "- Báo và Đài PT-TH Thành phố (để đưa tin);"),
        ("F108", "- Lưu: VT, KGVX."),
    ]


def test_entries_on_one_line_with_the_signature_are_a_flattened_table_not_a_fault():
    # a site prints the "Nơi nhận | chữ ký" row as one line; the entries stood one a line in the document
    body = "Số: 45/KH-UBND\nKẾ HOẠCH\nTuyên truyền năm 2025\nI. NỘI DUNG\nCác cơ quan triển khai thực hiện./.\n"
    flat = vnplan.check(body + "Nơi nhận: - UBND huyện (b/c); - UBND các xã; - Lưu: VT. TRƯỞNG PHÒNG Lê Thị Ngọc\n",
                        select=["F108"])
    assert flat.findings == ()
    typed = vnplan.check(body + "Nơi nhận: - UBND huyện (b/c); - Lưu: VT.\nTRƯỞNG PHÒNG\nLê Thị Ngọc\n", select=["F108"])
    assert [f.fix for f in typed.findings] == ["- UBND huyện (b/c);", "- Lưu: VT."]  # typed on one line: still one a line
