"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI and Windows-1258 text converted to Unicode, with a warning."""

from __future__ import annotations

import unicodedata

import pytest
from real_corpus import REAL, to_cp1258

from vnplan.read import read
from vnplan.read.legacy import (
    CP1258,
    TCVN3,
    VNI,
    convert,
    decode_legacy_bytes,
    detect,
    encoding_of_font,
    is_upper_font,
)

TCVN3_TEXT = ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"
              "Thùc hiÖn KÕ ho¹ch sè 14/KH-UBND ngµy 21/01/2024 cña UBND tØnh vÒ c¶i c¸ch hµnh chÝnh.\n")
UNICODE_TEXT = ("Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
                "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh về cải cách hành chính.\n")
VNI_TEXT = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n"


@pytest.mark.parametrize(("font", "enc"), [(".VnTime", TCVN3), (".VnTimeH", TCVN3), (".VnArial", TCVN3),
                                           ("VNI-Times", VNI), ("ABCDEF+.VnTime", TCVN3),
                                           ("Times New Roman", None), (None, None)])
def test_font_names_tell_the_encoding(font, enc):
    assert encoding_of_font(font) == enc


def test_capital_tcvn3_fonts_are_recognised():
    assert is_upper_font(".VnTimeH") and not is_upper_font(".VnTime") and not is_upper_font("Arial")


def test_tcvn3_converts_to_unicode():
    assert convert(TCVN3_TEXT, TCVN3).replace("hoà", "hòa") == UNICODE_TEXT


def test_vni_converts_to_unicode():
    assert convert(VNI_TEXT, VNI) == UNICODE_TEXT.split("\n", 2)[0] + "\n" + UNICODE_TEXT.split("\n")[1] + "\n"


def test_every_vietnamese_letter_round_trips_through_vni():
    assert convert("aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë ô ôù ö öï ñ Ñ ò æ ó ì í", VNI) == (
        "á à ả ã ạ â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ ơ ớ ư ự đ Đ ị ỉ ĩ ì í")


@pytest.mark.parametrize(("text", "enc"), [(TCVN3_TEXT, TCVN3), (VNI_TEXT, VNI), (UNICODE_TEXT, None),
                                           ("Plain ASCII text only.", None),
                                           ("El niño está aquí, mañana señor, ¿qué pasó? Gemüse für Straße", None)])
def test_detection_by_character_statistics(text, enc):
    assert detect(text) == enc


def test_a_legacy_text_string_is_converted_with_a_warning():
    doc = read(TCVN3_TEXT)
    assert doc.blocks[0].text == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert any("TCVN3" in w for w in doc.warnings)


def test_an_8_bit_tcvn3_file_is_decoded_and_converted(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(TCVN3_TEXT.encode("latin-1"))
    doc = read(path)
    assert doc.blocks[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert doc.warnings


def test_unicode_text_gets_no_warning():
    assert read(UNICODE_TEXT).warnings == ()


def test_no_bundled_unicode_document_is_taken_for_a_legacy_encoding():
    from pathlib import Path

    texts = sorted((Path(__file__).parent / "data").rglob("*.txt"))
    assert texts
    for path in texts:
        assert detect(path.read_text(encoding="utf-8")) is None, path.name


# ------------------------------------------------------------------ Windows-1258 ("ANSI")
#: The Công văn of Phòng GD&ĐT Lục Nam, as Vietnamese Windows saves it as "ANSI" text.
LUC_NAM = (REAL / "own" / "cv-phong-gddt-lucnam-ansi.cp1258.txt").read_text(encoding="utf-8")


def test_a_windows_1258_file_is_decoded_with_a_warning_naming_the_code_page(tmp_path):
    path = tmp_path / "cong-van.txt"
    path.write_bytes(to_cp1258(LUC_NAM))
    doc = read(path)
    assert [b.text for b in doc.blocks[:3]] == ["UBND HUYỆN LỤC NAM", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Số: 412/PGDĐT-TH"]
    assert any("Windows-1258" in w for w in doc.warnings)


def test_windows_1258_tone_marks_written_apart_are_joined_to_their_letter():
    # Windows-1258 holds "ệ" as "ê" + a combining dot below; the reader gives one NFC letter
    assert to_cp1258("HUYỆN") == b"HUY\xcaN".replace(b"N", b"\xf2N")
    assert decode_legacy_bytes(to_cp1258("UBND HUYỆN LỤC NAM, ngày 02 tháng 12")) == (
        "UBND HUYỆN LỤC NAM, ngày 02 tháng 12", CP1258)


@pytest.mark.parametrize("line", [
    "BAN NHÂN DÂN HUYỆN TAM ĐẢO",  # read as TCVN3 before: "HUYấũN TAM éAềO"
    "Tam Đảo, ngày 20 tháng 6 năm 2024",
    "2. Phát triển chính quyền số",
    "- CT, các PCT UBND huyện;",
])
def test_a_short_windows_1258_line_is_not_taken_for_tcvn3(line):
    assert decode_legacy_bytes(to_cp1258(line)) == (unicodedata.normalize("NFC", line), CP1258)


def test_tcvn3_and_vni_bytes_are_still_told_from_windows_1258():
    assert decode_legacy_bytes(TCVN3_TEXT.encode("latin-1"))[1] == TCVN3
    assert decode_legacy_bytes(VNI_TEXT.encode("latin-1"))[1] == VNI


def test_western_8_bit_text_is_not_taken_for_windows_1258():
    found = decode_legacy_bytes("El niño está aquí, mañana señor, ¿qué pasó? Gemüse für Straße".encode("cp1252"))
    assert found is None or found[1] != CP1258


def test_windows_1258_text_once_misread_as_windows_1252_is_taken_back():
    misread = to_cp1258(LUC_NAM).decode("cp1252")  # "UBND HUYÊòN LUòC NAM" saved again as UTF-8
    assert detect(misread) == CP1258
    doc = read(misread)
    assert doc.blocks[0].text == "UBND HUYỆN LỤC NAM"
    assert any("Windows-1258" in w for w in doc.warnings)
