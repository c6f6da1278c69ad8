"""Write vnplan/profiles/data/bacgiang-14-KH-UBND-2024.json (run once; the JSON is the reviewed artefact).

Every requirement comes from what the Sở KH&CN Bắc Giang plan (the real implementing plan of
Kế hoạch 14/KH-UBND, in shared/corpus) restates of it, or from the opening of QĐ 35/QĐ-BNV.
The full text of 14/KH-UBND is not available: each provenance says so.
"""

import json
from pathlib import Path

REF = "Kế hoạch số …/KH-KHCN tháng 02/2024 của Sở Khoa học và Công nghệ Bắc Giang (tuyên truyền CCHC năm 2024), thực hiện Kế hoạch 14/KH-UBND"
NOTE = "Restated in the implementing plan of Sở KH&CN Bắc Giang; full text of 14/KH-UBND not available"
BNV = "Quyết định số 35/QĐ-BNV ngày 22/01/2024 của Bộ trưởng Bộ Nội vụ ban hành Kế hoạch thông tin, tuyên truyền CCHC năm 2024"
BNV_NOTE = "From the opening of QĐ 35/QĐ-BNV (the national plan that 14/KH-UBND implements), as published; the opening is not kept in the project"


def prov(where, note=NOTE, doc=REF):
    return {"document": doc, "where": where, "note": note}


def req(id, kind, text, all_of=None, where="content", pattern=None, mandatory=True, rule=None, **ev):  # noqa: A002
    e = {}
    if all_of:
        e["all_of"] = all_of
    if pattern:
        e["pattern"] = pattern
    e.update(ev)
    out = {"id": id, "kind": kind, "text": text, "where": where, "mandatory": mandatory}
    if rule:
        out["rule"] = rule
    out["evidence"] = e
    return out


R = []
R.append({**req("BG14-CIT", "citation", "Viện dẫn Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh Bắc Giang trong phần căn cứ ban hành", where="any"),
          "provenance": prov("phần mở đầu: “Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của Chủ tịch UBND tỉnh Bắc Giang về tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024”", note="Number, date and issuer as cited by the implementing plan; full text of 14/KH-UBND not available")})
R.append({**req("BG14-THEME", "theme", "Bám sát chủ đề năm 2024 của Chính phủ: “Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả bền vững”",
                [["kỷ cương trách nhiệm"], ["chủ động kịp thời"], ["tăng tốc sáng tạo"], ["hiệu quả bền vững"]], where="any"),
          "provenance": prov("mục I.2 (Yêu cầu), gạch đầu dòng thứ nhất")})
R.append({**req("BG14-AUDIENCE", "content", "Tuyên truyền đến cán bộ, công chức, viên chức và người dân, doanh nghiệp",
                [["cán bộ, công chức, viên chức", "CB, CC, VC", "cán bộ công chức"], ["người dân", "tầng lớp nhân dân", "doanh nghiệp"]], where="any"),
          "provenance": prov("Điều 1, mục I.1.a (Mục tiêu chung): nâng cao nhận thức của cán bộ, công chức, viên chức và sự đồng thuận của người dân, tổ chức", note=BNV_NOTE, doc=BNV)})
# content topics (mục II)
R.append({**req("BG14-ND-CHUTRUONG", "content", "Tuyên truyền quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về CCHC",
                [["chủ trương", "đường lối", "quan điểm"], ["chính sách", "pháp luật"]]),
          "provenance": prov("mục II.1")})
R.append({**req("BG14-ND-NGUOIDUNGDAU", "content", "Vai trò, trách nhiệm của người đứng đầu trong triển khai nhiệm vụ CCHC",
                [["người đứng đầu", "thủ trưởng"]]),
          "provenance": prov("mục II.1")})
R.append({**req("BG14-ND-NQ01", "content", "Bám sát việc triển khai Kế hoạch 02/KH-UBND của UBND tỉnh thực hiện Nghị quyết 01/NQ-CP năm 2024 về nhiệm vụ, giải pháp phát triển kinh tế - xã hội",
                [["01/NQ-CP", "02/KH-UBND", "nhiệm vụ, giải pháp chủ yếu phát triển kinh tế - xã hội"]], mandatory=False),
          "provenance": prov("mục II.1"), "note": "Optional: a unit may cite the province's and the Government's 2024 programmes in other words."})
R.append({**req("BG14-ND-YNGHIA", "content", "Tầm quan trọng, ý nghĩa, mục tiêu và tác động tích cực của CCHC đối với phát triển kinh tế - xã hội",
                [["tầm quan trọng", "ý nghĩa", "tác động tích cực"]]),
          "provenance": prov("mục II.2")})
R.append({**req("BG14-ND-CHIDAO", "content", "Công tác chỉ đạo, điều hành của Tỉnh ủy, UBND tỉnh và Ban Chỉ đạo CCHC tỉnh",
                [["chỉ đạo", "điều hành", "lãnh đạo"], ["tỉnh ủy", "UBND tỉnh", "ban chỉ đạo CCHC", "BCĐ CCHC"]], joint=True),
          "provenance": prov("mục II.3 và II.5")})
for rid, name, phrases in (
    ("PAR", "Chỉ số CCHC (PAR INDEX)", [["PAR INDEX", "chỉ số cải cách hành chính", "chỉ số CCHC"]]),
    ("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", [["PCI", "chỉ số năng lực cạnh tranh"]]),
    ("PAPI", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", [["PAPI", "chỉ số hiệu quả quản trị"]]),
    ("SIPAS", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)", [["SIPAS"]]),
):
    R.append({**req(f"BG14-IDX-{rid}", "content", f"Tuyên truyền nhằm duy trì, cải thiện {name}", phrases),
              "provenance": prov("mục II.3 (và mục I.1, gạch đầu dòng thứ ba)")})
for rid, name, phrases in (
    ("THECHE", "Cải cách thể chế", [["cải cách thể chế"]]),
    ("TTHC", "Cải cách thủ tục hành chính", [["cải cách thủ tục hành chính", "cải cách TTHC", "kiểm soát thủ tục hành chính"]]),
    ("BOMAY", "Cải cách tổ chức bộ máy hành chính nhà nước", [["cải cách tổ chức bộ máy", "tinh gọn bộ máy", "sắp xếp tổ chức bộ máy"]]),
    ("CONGVU", "Cải cách chế độ công vụ", [["cải cách chế độ công vụ", "cải cách công vụ", "tổ chức bộ máy, công vụ"]]),
    ("TAICHINH", "Cải cách tài chính công", [["cải cách tài chính công", "tài chính công"]]),
    ("CQS", "Xây dựng, phát triển chính quyền điện tử, chính quyền số", [["chính quyền điện tử", "chính quyền số"]]),
):
    R.append({**req(f"BG14-CCHC-{rid}", "content", f"Tuyên truyền {name.lower() if rid != 'TTHC' else name[0].lower() + name[1:]}", phrases),
              "provenance": prov("mục II.4 (sáu nội dung CCHC)")})
R.append({**req("BG14-ND-MOTCUA", "content", "Cơ chế một cửa, một cửa liên thông; giải quyết TTHC trên môi trường mạng",
                [["một cửa liên thông", "một cửa"]]),
          "provenance": prov("mục II.4, Cải cách TTHC (và mục I.1)")})
R.append({**req("BG14-ND-XINLOI", "content", "Thông tin các trường hợp chậm, muộn trong giải quyết TTHC và việc xin lỗi người dân, tổ chức",
                [["xin lỗi"], ["chậm, muộn", "trễ hạn", "quá hạn"]], mandatory=False, joint=True),
          "provenance": prov("mục II.4, Cải cách TTHC")})
R.append({**req("BG14-ND-DEAN06", "content", "Triển khai Đề án 06/CP về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử",
                [["Đề án 06", "dữ liệu về dân cư", "định danh và xác thực điện tử"]], mandatory=False),
          "provenance": prov("mục II.4, Xây dựng và phát triển chính quyền điện tử, chính quyền số")})
R.append({**req("BG14-ND-DIENHINH", "content", "Tuyên truyền điển hình tiên tiến, sáng kiến, mô hình hay và những tồn tại, khó khăn trong CCHC",
                [["điển hình tiên tiến", "sáng kiến", "mô hình", "cách làm hay"], ["tồn tại", "khó khăn"]]),
          "provenance": prov("mục II.6")})
# targets (mục II.4, Cải cách TTHC)
for rid, text, phrases, cmp, thr in (
    ("T-DUNGHAN", "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn đạt 100%", [["đúng và trước hạn", "đúng hạn", "trước hạn"]], ">=", 100),
    ("T-LUANCHUYEN", "Hồ sơ giải quyết TTHC luân chuyển trong nội bộ giữa các cơ quan bằng phương thức điện tử đạt trên 90%",
     [["luân chuyển", "chuyển hồ sơ"], ["điện tử"]], ">", 90),
    ("T-THANHTOAN", "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán của dịch vụ công đạt trên 70%",
     [["thanh toán"], ["trực tuyến"]], ">", 70),
    ("T-SOHOA", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa đạt trên 60%",
     [["sử dụng lại", "tái sử dụng", "khai thác"], ["số hóa"]], ">", 60),
):
    R.append({**req(f"BG14-{rid}", "target", text, phrases, where="any", comparator=cmp, threshold=thr, unit="%"),
              "provenance": prov("mục II.4, Cải cách TTHC: “Tập trung tuyên truyền, biểu dương các cơ quan có tỷ lệ …”")})
# forms (mục III); the groups without which a passage is no evidence of the form
JOINT = {"F-CONGKHAI-TTHC": {"joint": [0, 1]}, "F-CONGTTDT": {"joint": [0]}}
for rid, text, phrases, where in (
    ("F-DAICHUNG", "Tuyên truyền qua phương tiện thông tin đại chúng, báo chí, phát thanh, truyền hình",
     [["phương tiện thông tin đại chúng", "báo chí", "phát thanh", "truyền hình", "báo, đài"]], "mục III.1"),
    ("F-CONGTTDT", "Cập nhật tin, bài về CCHC và công khai TTHC trên cổng/trang thông tin điện tử",
     [["cổng thông tin điện tử", "trang thông tin điện tử", "cổng dịch vụ công"], ["tin, bài", "cập nhật"],
      ["thủ tục hành chính"]], "mục III.1 và III.2"),
    ("F-CONGKHAI-TTHC", "Công bố, công khai đầy đủ, kịp thời các TTHC tại nơi giải quyết, bộ phận tiếp nhận và trả kết quả",
     [["công khai", "công bố", "niêm yết"], ["thủ tục hành chính"],
      ["niêm yết", "nơi giải quyết", "nơi tiếp nhận", "bộ phận tiếp nhận và trả kết quả", "trụ sở"]], "mục III.2"),
    ("F-ANPHAM", "Phát hành tài liệu, ấn phẩm tuyên truyền (tờ gấp, pano, áp phích…)",
     [["ấn phẩm", "phát hành tài liệu", "tài liệu tuyên truyền", "tờ gấp", "pano", "áp phích", "tờ rơi"]], "mục III.3"),
    ("F-HOINGHI", "Tuyên truyền qua hội nghị, hội thảo, tập huấn, sinh hoạt tập thể, lồng ghép trong họp định kỳ",
     [["hội nghị", "hội thảo", "tập huấn", "sinh hoạt tập thể"]], "mục III.4"),
    ("F-MANGXAHOI", "Tận dụng mạng xã hội, ứng dụng số trong tuyên truyền",
     [["mạng xã hội", "Zalo", "Facebook", "ứng dụng số"]], "mục I.2 và III.1"),
):
    R.append({**req(f"BG14-{rid}", "form", text, phrases, where="forms" if rid != "F-MANGXAHOI" else "any",
                    mandatory=rid != "F-MANGXAHOI", **JOINT.get(rid, {})),
              "provenance": prov(where)})
# duties and deadline (mục IV)
R.append({**req("BG14-D-TRIENKHAI", "duty", "Các đơn vị có trách nhiệm triển khai, quán triệt Kế hoạch đến cán bộ, công chức, viên chức",
                [["triển khai", "quán triệt", "phổ biến"]], where="implementation"),
          "provenance": prov("mục IV.1")})
R.append({**req("BG14-D-THEODOI", "duty", "Giao đơn vị đầu mối hướng dẫn, theo dõi, đôn đốc việc thực hiện Kế hoạch",
                [["theo dõi", "đôn đốc", "hướng dẫn", "kiểm tra"]], where="implementation"),
          "provenance": prov("mục IV.3")})
R.append({**req("BG14-D-BAOCAO", "duty", "Tổng hợp kết quả, thực hiện chế độ báo cáo theo quy định",
                [["báo cáo"]], where="implementation", rule="C305"),
          "provenance": prov("mục IV.3")})
R.append({**req("BG14-DL-2024", "deadline", "Các nhiệm vụ thực hiện trong năm 2024: không thời hạn nào muộn hơn 31/12/2024",
                where="any", due="2024-12-31"),
          "provenance": prov("tên của Kế hoạch 14/KH-UBND như được viện dẫn: “… tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024”",
                             note="The parent is the province's plan for 2024; its own dated deadlines are not restated (full text of 14/KH-UBND not available), so only the plan year is checked")})

#: Where each kind of requirement counts in full besides its own part (docs/compliance.md, "Parts").
PARTS = {
    "content": {"accept": ["purpose_requirements"],
                "note": "nêu ở phần Mục đích, yêu cầu: được chấp nhận (đơn vị thường nêu các chỉ số, ý nghĩa của CCHC "
                        "là mục đích của tuyên truyền, như QĐ 35/QĐ-BNV)"},
    "form": {"accept": ["content", "implementation"],
             "note": "nêu cùng nội dung hoặc trong phân công thực hiện: được chấp nhận (bảng nhiệm vụ, đơn vị thực hiện "
                     "hình thức đó)"},
}

profile = {
    "schema": "vnplan/profile/1",
    "id": "bacgiang-14-KH-UBND-2024",
    "title": "Kế hoạch tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024 (14/KH-UBND)",
    "description": ("Requirements a unit plan implementing Kế hoạch 14/KH-UBND ngày 21/01/2024 of UBND tỉnh Bắc Giang must cover. "
                    "Built from what the Sở KH&CN Bắc Giang implementing plan (02/2024) restates of it and from the opening of "
                    "QĐ 35/QĐ-BNV; the full text of 14/KH-UBND was not available. Users with the real text should derive their "
                    "own profile (`vnplan profile derive`) and review it."),
    "parent": {
        "type": "Kế hoạch", "number": "14", "symbol": "KH-UBND", "date": "2024-01-21",
        "issuer": "UBND tỉnh Bắc Giang",
        "issuer_aliases": ["Ủy ban nhân dân tỉnh Bắc Giang", "Chủ tịch UBND tỉnh Bắc Giang"],
        "title": "Tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024",
    },
    "subject": ["cải cách hành chính"],
    "parts": PARTS,
    "requirements": R,
}
out = Path(__file__).resolve().parent.parent / "vnplan/profiles/data/bacgiang-14-KH-UBND-2024.json"
out.write_text(json.dumps(profile, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(out, len(R), "requirements")
