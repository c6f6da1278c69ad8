"""Form and layout rules never crash, whatever the text or the run formatting: an odd input is a finding."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vnplan.errors import BinaryInputError, EmptyInputError
from vnplan.model import Block, PageSetup, Run, SourceDocument
from vnplan.parse import parse_document
from vnplan.read.text import read_text
from vnplan.report.sarif import report_to_sarif
from vnplan.rules.registry import Context, run_rules, select_rules

FRAGMENTS = [
    "UBND TỈNH BẮC GIANG", "SỞ Y TẾ", "PHÒNG NỘI VỤ", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Cộng hòa xã hội", "Độc lập - Tự do - Hạnh phúc", "Độc lập-Tự do", "Số: /KH-KHCN", "Số 5 / QĐ - UBND",
    "Số: …/KH", "SỐ: 7/", "Bắc Giang, ngày tháng 02 năm 2024", "bắc giang ngày 31 tháng 2 năm 2024",
    "Hà Nội, 05/13/2024", "ngày 0 tháng 0 năm 0000", "KẾ HOẠCH", "Tuyên truyền", "I. MỤC ĐÍCH", "1. Nội dung./.",
    "Nơi nhận", "NƠI NHẬN:", "- Lưu VT", "- Lưu: VP.", "+ Sở;", "T/M. GIÁM ĐỐC", "KT. GIÁM ĐỐC", "KT.",
    "TM. SỞ", "TM.", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A", "(Đã ký)", "ĐẢNG CỘNG SẢN VIỆT NAM", "./.", "V/v",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), min_size=1, max_size=30).map("\n".join)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORM = select_rules(["F101", "F102", "F103", "F104", "F105", "F106", "F107", "F108", "F109", "F112"])


def crashed(findings):
    return [f.message for f in findings if "không chạy được" in f.message]


@SETTINGS
@given(texts)
def test_form_rules_never_crash_on_any_text(text):
    try:
        doc = read_text(text)
    except (EmptyInputError, BinaryInputError):  # the reader refuses these: nothing to check
        assume(False)
    findings = run_rules(Context(plan=parse_document(doc)), FORM)
    assert crashed(findings) == []


runs = st.builds(
    Run,
    text=st.text(max_size=12),
    font=st.one_of(st.none(), st.sampled_from(["Times New Roman", "Arial", ".VnTime"])),
    size=st.one_of(st.none(), st.floats(min_value=0, max_value=80)),
    bold=st.one_of(st.none(), st.booleans()),
    italic=st.one_of(st.none(), st.booleans()),
    caps=st.one_of(st.none(), st.booleans()),
)
mm = st.one_of(st.none(), st.floats(min_value=0, max_value=400))
pages = st.lists(st.builds(PageSetup, mm, mm, mm, mm, mm, mm), max_size=3)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.lists(runs, max_size=4)), min_size=1, max_size=20), pages)
def test_layout_rule_never_crashes_on_any_formatting(paras, page_list):
    blocks = tuple(Block(index=i, text=t, location=f"đoạn {i + 1}", runs=tuple(rs), paragraph_index=i)
                   for i, (t, rs) in enumerate(paras))
    doc = SourceDocument(blocks=blocks, format="docx", pages=tuple(page_list))
    findings = run_rules(Context(plan=parse_document(doc)), FORM)
    assert crashed(findings) == []
    from vnplan.results import Report

    report_to_sarif([Report(findings=findings)])
