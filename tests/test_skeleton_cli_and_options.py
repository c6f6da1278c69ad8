"""`vnplan skeleton` and the options of vnplan.skeleton: formats by suffix, no overwriting, one-line errors."""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner

import vnplan
from vnplan.cli import main
from vnplan.errors import UsageError
from vnplan.generate import build
from vnplan.generate.build import place_of, signature_lines

PROFILE = "bacgiang-14-KH-UBND-2024"
BASE = ["skeleton", "--profile", PROFILE, "--unit", "Sở Tư pháp", "--parent-unit", "UBND tỉnh Bắc Giang",
        "--symbol", "KH-STP"]


def run(*args):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(map(str, args)))


def test_cli_writes_a_docx_that_parses_back(tmp_path):
    out = tmp_path / "ke-hoach.docx"
    res = run(*BASE, "-o", out)
    assert res.exit_code == 0, res.output
    plan = vnplan.parse(out)
    assert plan.header.authority == "SỞ TƯ PHÁP" and plan.header.symbol == "KH-STP"


def test_cli_writes_markdown_by_suffix_with_the_options_given(tmp_path):
    out = tmp_path / "ke-hoach.md"
    res = run(*BASE, "--place", "Bắc Giang", "--year", "2024", "--signer-position", "Giám đốc",
              "--signer-name", "Nguyễn Văn An", "--deputy", "--lang", "en", "--archive", "PBTTPL", "-o", out)
    assert res.exit_code == 0, res.output
    plan = vnplan.parse(out)
    assert plan.signature.position == "PHÓ GIÁM ĐỐC" and plan.signature.signer == "Nguyễn Văn An"
    assert plan.recipients[-1].archive_units == ("VT", "PBTTPL")
    assert "The parent plan requires" in out.read_text(encoding="utf-8")


def test_cli_never_overwrites_unless_forced(tmp_path):
    out = tmp_path / "ke-hoach.md"
    out.write_text("bản nháp của đơn vị", encoding="utf-8")
    res = run(*BASE, "-o", out)
    assert res.exit_code == 2
    assert res.output.count("\n") == 1 and "--force" in res.output
    assert out.read_text(encoding="utf-8") == "bản nháp của đơn vị"
    assert run(*BASE, "--force", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("UBND TỈNH BẮC GIANG")


@pytest.mark.parametrize(("args", "says"), [
    (["-o", "{tmp}/k.txt"], "không biết định dạng tệp"),
    (["--year", "1800", "-o", "{tmp}/k.md"], "năm không hợp lý"),
    (["--symbol", "KH STP!", "-o", "{tmp}/k.md"], "ký hiệu sai dạng"),
    (["-o", "{tmp}/no-such-folder/k.md"], "không có thư mục"),
])
def test_cli_bad_options_give_one_line_and_exit_2(tmp_path, args, says):
    res = run(*BASE, *[a.format(tmp=tmp_path) for a in args])
    assert res.exit_code == 2
    assert says in res.output and res.output.count("\n") == 1
    assert "Traceback" not in res.output


@pytest.mark.parametrize("suffix", ["docx", "md"])
def test_cli_a_unit_name_with_control_characters_is_refused_in_one_line(tmp_path, suffix):
    out = tmp_path / f"k.{suffix}"
    res = run(*BASE, "--unit", "Sở Tư\x01 pháp", "-o", out)
    assert res.exit_code == 2
    assert "ký tự điều khiển" in res.output and res.output.count("\n") == 1
    assert not out.exists()


def test_cli_a_unit_name_over_255_characters_still_gives_a_docx(tmp_path):
    out = tmp_path / "k.docx"
    res = run(*BASE, "--unit", "Sở Tư pháp " * 30, "--place", "Bắc Giang", "-o", out)
    assert res.exit_code == 0, res.output
    assert len(docx.Document(str(out)).core_properties.author) == 255


def test_cli_a_file_system_refusing_the_write_is_one_line_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    import pathlib

    def refuse(self, target):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "replace", refuse)
    res = run(*BASE, "-o", tmp_path / "k.md")
    assert res.exit_code == 2
    assert "không ghi được khung kế hoạch: không có quyền truy cập" in res.output and res.output.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_cli_unknown_profile_exits_2_naming_the_shipped_ones(tmp_path):
    res = run("skeleton", "--profile", "khong-co", "--unit", "Sở Tư pháp", "--symbol", "KH-STP",
              "-o", tmp_path / "k.docx")
    assert res.exit_code == 2 and PROFILE in res.output


def test_api_returns_a_python_docx_document():
    document = vnplan.skeleton(PROFILE, unit="Sở Tư pháp", parent_unit="UBND tỉnh Bắc Giang", symbol="KH-STP")
    assert isinstance(document, docx.document.Document)
    assert vnplan.skeleton_markdown(PROFILE, unit="Sở Tư pháp", symbol="KH-STP", place="Bắc Giang").startswith(
        "SỞ TƯ PHÁP\n")


def test_a_profile_given_as_a_dict_works_like_a_shipped_one():
    from vnplan.profiles import load, profile_to_dict

    data = profile_to_dict(load(PROFILE))
    data["id"] = "copy-of-14"
    data["requirements"] = data["requirements"][:3]
    sk = build(data, unit="Sở Tư pháp", parent_unit="UBND tỉnh Bắc Giang", symbol="KH-STP")
    assert sk.profile == "copy-of-14"
    assert [i for i in sk.placeholder_ids if i] == ["BG14-THEME", "BG14-AUDIENCE"]


@pytest.mark.parametrize(("names", "place"), [
    (("Sở Tư pháp", "UBND tỉnh Bắc Giang"), "Bắc Giang"),
    (("UBND huyện Lục Nam", None), "Lục Nam"),
    (("Phòng Nội vụ", "UBND thị xã Việt Yên"), "Việt Yên"),
    (("Sở Y tế", None), None),
    (("UBND quận 1", "UBND thành phố Hồ Chí Minh"), "Quận 1"),
    (("Sở Tư pháp", "UBND thành phố Hồ Chí Minh"), "Thành phố Hồ Chí Minh"),
])
def test_the_place_name_comes_from_the_unit_or_its_parent(names, place):
    assert place_of(*names) == place


def test_without_a_place_the_unit_is_asked_for_one():
    with pytest.raises(UsageError, match="place name"):
        build(PROFILE, unit="Sở Y tế", symbol="KH-SYT")


@pytest.mark.parametrize(("unit", "position", "deputy", "lines"), [
    ("Sở Tư pháp", None, False, ("GIÁM ĐỐC",)),
    ("Sở Tư pháp", None, True, ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    ("UBND huyện Lục Nam", None, False, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
    ("Bộ Nội vụ", None, True, ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG")),
    ("Phòng Tư pháp", "Trưởng phòng", True, ("KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG")),
])
def test_signature_forms_follow_decree_30(unit, position, deputy, lines):
    assert signature_lines(unit, position, deputy) == lines


def test_an_unknown_kind_of_unit_needs_the_signers_position():
    with pytest.raises(UsageError, match="signer-position"):
        signature_lines("Phòng Tư pháp", None, False)


def test_without_a_name_the_signer_is_a_placeholder():
    sk = build(PROFILE, unit="Sở Tư pháp", parent_unit="UBND tỉnh Bắc Giang", symbol="KH-STP")
    assert sk.signer.placeholder and sk.signer.text == "[Ghi họ và tên người ký]"


def test_a_symbol_without_the_type_code_gets_it():
    assert build(PROFILE, unit="Sở Tư pháp", place="Bắc Giang", symbol="stp").symbol == "KH-STP"


def test_the_issuing_peoples_committee_is_written_in_full():
    sk = build(PROFILE, unit="UBND huyện Lục Nam", symbol="KH-UBND")
    assert sk.unit == "ỦY BAN NHÂN DÂN HUYỆN LỤC NAM"


def _profile_with(requirements):  # type: ignore[no-untyped-def]
    from vnplan.profiles import load, profile_to_dict

    data = profile_to_dict(load(PROFILE))
    data["id"] = "custom"
    data["requirements"] = requirements
    return data


def test_a_funding_requirement_adds_a_funding_part_before_implementation():
    sk = build(_profile_with([
        {"id": "KP", "kind": "content", "text": "Bố trí kinh phí tuyên truyền từ ngân sách", "where": "funding",
         "evidence": {"all_of": [["kinh phí"]]}},
        {"id": "BC", "kind": "duty", "text": "Báo cáo kết quả", "where": "implementation",
         "evidence": {"all_of": [["báo cáo"]]}},
    ]), unit="Sở Tư pháp", place="Bắc Giang", symbol="KH-STP")
    headings = [(it.label, it.text) for it in sk.items if it.level == 0]
    assert headings == [("I.", "MỤC ĐÍCH, YÊU CẦU"), ("II.", "NỘI DUNG"), ("III.", "HÌNH THỨC"),
                        ("IV.", "KINH PHÍ THỰC HIỆN"), ("V.", "TỔ CHỨC THỰC HIỆN")]
    from vnplan.generate.markdown import render

    plan = vnplan.parse(vnplan.read(render(sk), format="markdown"))
    assert [s.role for s in plan.sections] == ["purpose_requirements", "content", "forms", "funding",
                                               "implementation"]


def test_a_part_the_parent_says_nothing_about_still_gets_a_placeholder():
    sk = build(_profile_with([
        {"id": "BC", "kind": "duty", "text": "Báo cáo kết quả", "where": "implementation",
         "evidence": {"all_of": [["báo cáo"]]}},
    ]), unit="Sở Tư pháp", place="Bắc Giang", symbol="KH-STP")
    texts = [it.text for it in sk.items]
    assert "[Đơn vị bổ sung nội dung của Kế hoạch.]" in texts
    assert "[Đơn vị bổ sung các hình thức thực hiện.]" in texts
    assert sk.placeholder_ids.count(None) == 4  # purpose, requirements, content, forms
