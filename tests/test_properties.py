"""Invariants of the parser on any text: it never raises, never loses text, and is deterministic."""

import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from vnplan.parse import parse_document
from vnplan.parse.ownership import ownership_faults
from vnplan.errors import EmptyInputError
from vnplan.read.text import read_text
from vnplan.serialize import plan_to_dict

# Lines that look like pieces of real plans, so the parser's branches are exercised.
FRAGMENTS = [
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "-------", "|", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Số: /KH-KHCN", "Số: 14/KH-UBND", "Bắc Giang, ngày tháng 02 năm 2024",
    "KẾ HOẠCH", "Tuyên truyền cải cách hành chính", "Căn cứ Luật số 1/2015/QH13;",
    "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh;", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
    "- Nâng cao nhận thức", "a) Điểm", "+ Ý", "2.1. Mục", "II. NỘI DUNG", "Nơi nhận:", "- Lưu: VT.",
    "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Triệu Ngọc Trung", "./.", "2", "V/v hướng dẫn", "Kính gửi:",
    "Điều 1. Phê duyệt", "TM. ỦY BAN NHÂN DÂN", "(Đã ký)", "Gửi bản điện tử:", "cải cách hành chính (CCHC)",
    # the closing's shapes, attached documents, parts and chapters, run-on lines
    "TM.", "KT.", "Đại tá Nguyễn Văn Khải", "ĐẶNG QUANG VINH", "- Như trên; PHÓ CHỦ TỊCH", "- Lưu: VT. | Lê Văn A |",
    "Nơi nhận: KT. CHỦ TỊCH", "Người ký: Lê Văn Thắm", "(Kèm theo Quyết định số 58/QĐ-UBND ngày 16/01/2024)",
    "Chương I", "QUY ĐỊNH CHUNG", "Phần II", "Phần thứ hai", "5.000 tờ gấp; 02 pano", "Văn bản liên quan",
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 15/KH-UBND KẾ HOẠCH "
    "Tuyên truyền I. NỘI DUNG 1. Tuyên truyền. II. TỔ CHỨC THỰC HIỆN Nơi nhận: - Lưu: VT. TM. ỦY BAN NHÂN DÂN "
    "CHỦ TỊCH Vũ Văn Thịnh",
]
plan_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=0, max_size=40)), min_size=1, max_size=40
).map("\n".join)
any_text = st.one_of(st.text(min_size=1, max_size=400), plan_like).filter(lambda t: t.strip() and "\x00" not in t)

def document(text):
    """The reader's blocks; texts the reader refuses as empty (only invisible characters) are skipped."""
    try:
        return read_text(text)
    except EmptyInputError:
        assume(False)


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text)
def test_parsing_never_raises(text):
    parse_document(document(text))


@SETTINGS
@given(any_text)
def test_every_non_blank_character_belongs_to_exactly_one_node(text):
    assert ownership_faults(parse_document(document(text))) == []


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_parsing_is_deterministic(text):
    first = plan_to_dict(parse_document(document(text)))
    second = plan_to_dict(parse_document(document(text)))
    assert first == second


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_the_reader_keeps_every_non_blank_character(text):
    doc = document(text)
    # "|" is table syntax: a row written with pipes is read as cells, the separators are not text
    kept = "".join(b.text for b in doc.blocks).replace(" ", "").replace("|", "")
    import unicodedata

    from vnplan.text import normalize

    lines = regex.split(r"[\r\n\x0b\x0c\u2028\u2029]", text)  # where the text reader ends lines
    original = "".join(normalize(line) for line in lines).replace(" ", "").replace("|", "")
    assert sorted(kept) == sorted(unicodedata.normalize("NFC", original))


def test_a_row_written_with_pipes_keeps_its_cells_and_drops_only_the_separators():
    doc = document("|0|0|")
    assert [b.text for b in doc.blocks] == ["0", "0"]
