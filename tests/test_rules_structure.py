"""F110 numbering and F111 required parts: each with failing and passing examples."""

import pytest

import vnplan
from vnplan.errors import UsageError
from vnplan.rules.registry import get_rule, rules, select_rules

HEAD = "Số: 01/KH-UBND\nBắc Giang, ngày 05 tháng 02 năm 2024\nKẾ HOẠCH\nThử nghiệm\n"
PARTS = "I. MỤC ĐÍCH, YÊU CẦU\n{a}\nII. NỘI DUNG\n{b}\nIII. TỔ CHỨC THỰC HIỆN\n1. Thực hiện./.\n"


def findings(text, rule):
    return [(f.rule, f.message) for f in vnplan.check(vnplan.parse(text), select=[rule]).findings]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("1. Một\n2. Hai\n3. Ba", []),
        ("1. Một\n3. Ba", ["Đánh số bị nhảy: sau “1” là “3” (thiếu 2)."]),
        ("1. Một\n2. Hai\n2. Hai nữa", ["Số thứ tự “2” bị lặp lại."]),
        ("1. Một\n3. Ba\n2. Hai", ["Đánh số bị nhảy: sau “1” là “3” (thiếu 2).", "Số thứ tự sai trật tự: “2” đứng sau “3”."]),
        ("2. Hai\n3. Ba", ["Số thứ tự đầu tiên của cấp này là “2”, lẽ ra phải là “1”."]),
        ("a) Một\nb) Hai\nd) Bốn", ["Đánh số bị nhảy: sau “b” là “d” (thiếu c)."]),
        ("a) Một\nb) Hai\nc) Ba\nd) Bốn\nđ) Năm", []),
        ("1. Một\n1.1. Một một\n1.3. Một ba", ["Đánh số bị nhảy: sau “1.1” là “1.3” (thiếu 1.2)."]),
    ],
)
def test_f110_numbering_sequences(body, expected):
    text = HEAD + PARTS.format(a="1. Mục đích", b=body)
    assert [m for _, m in findings(text, "F110")] == expected


def test_f110_flags_roman_numerals_that_skip():
    text = HEAD + "I. MỤC ĐÍCH\nIII. NỘI DUNG\nIV. TỔ CHỨC THỰC HIỆN\n"
    assert [m for _, m in findings(text, "F110")] == ["Đánh số bị nhảy: sau “I” là “III” (thiếu II)."]


def test_f110_flags_mixed_styles_at_one_level():
    text = HEAD + PARTS.format(a="1. Mục đích\n- Một\na) Hai", b="1. Nội dung")
    assert [m for _, m in findings(text, "F110")] == ["Cùng một cấp dùng lẫn các kiểu đánh số khác nhau (dash, letter)."]


REGULATION = (
    "Số: 09/2010/QĐ-UBND\nCần Thơ, ngày 05 tháng 02 năm 2010\nQUY ĐỊNH\nVề quản lý thử nghiệm\n"
    "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung.\nĐiều 2. Đối tượng\nNội dung.\n"
    "Chương II\nQUY ĐỊNH CỤ THỂ\nĐiều {n}. Trách nhiệm\nNội dung.\nĐiều {m}. Hiệu lực\nNội dung./.\n"
)


def test_f110_numbers_articles_on_through_the_chapters():
    """Articles (Điều) run on through the whole text: a chapter opening at Điều 3 is right, and
    a gap between articles of two chapters is still a gap."""
    assert findings(REGULATION.format(n=3, m=4), "F110") == []
    assert [m for _, m in findings(REGULATION.format(n=4, m=5), "F110")] == [
        "Đánh số bị nhảy: sau “Điều 2” là “Điều 4” (thiếu Điều 3)."
    ]


def test_f110_lets_an_attached_text_start_its_articles_again():
    text = REGULATION.format(n=3, m=4) + "QUY ĐỊNH\nĐiều 1. Phạm vi\nĐiều 2. Đối tượng\n"
    assert findings(text, "F110") == []


def test_f111_passes_a_plan_with_the_three_parts():
    assert findings(HEAD + PARTS.format(a="1. Mục đích", b="1. Nội dung"), "F111") == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        (HEAD + "I. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG\n", ["Tổ chức thực hiện"]),
        (HEAD + "I. NỘI DUNG\nII. TỔ CHỨC THỰC HIỆN\n", ["Mục đích, yêu cầu"]),
        (HEAD + "I. MỤC ĐÍCH\nII. TỔ CHỨC THỰC HIỆN\n", ["Nội dung"]),
        (HEAD + "Nội dung không chia mục./.\n", ["Mục đích, yêu cầu", "Nội dung", "Tổ chức thực hiện"]),
    ],
)
def test_f111_names_each_missing_part(text, missing):
    assert [m for _, m in findings(text, "F111")] == [f"Kế hoạch thiếu phần “{p}”." for p in missing]


def test_f111_applies_only_to_plans():
    text = "Số: 01/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc\nĐiều 1. Một.\n"
    assert findings(text, "F111") == []


def test_messages_come_in_english_on_request():
    text = HEAD + "I. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG\n"
    report = vnplan.check(vnplan.parse(text), select=["F111"], lang="en")
    assert [f.message for f in report.findings] == ["The plan has no “Implementation” part (Tổ chức thực hiện)."]


def test_findings_are_located_by_line():
    text = HEAD + PARTS.format(a="1. Mục đích", b="1. Một\n3. Ba")
    (f,) = vnplan.check(vnplan.parse(text), select=["F110"]).findings
    assert f.line == text.splitlines().index("3. Ba") + 1
    assert f.span is not None


def test_rules_are_selected_and_ignored_by_id_or_prefix():
    ids = {r.id for r in select_rules(["F1"], ["F111"])}
    assert "F110" in ids and "F111" not in ids


def test_an_unknown_rule_id_is_a_usage_error():
    with pytest.raises(UsageError):
        select_rules(["Z999"])
    with pytest.raises(UsageError):
        get_rule("Z999")


def test_every_rule_has_an_id_severity_and_both_messages():
    for r in rules():
        assert r.id[0] in "FRC" and r.id[1:].isdigit()
        assert r.severity in ("error", "warning", "info")
        assert r.message_vi and r.message_en and r.name
