"""Vietnamese normalisation: NFC, one tone-mark placement, spaces, offsets back to the original."""

import unicodedata

import pytest

from vnplan.text import fold, is_upper_text, key, normalize, normalize_with_map


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("CỘNG HOÀ", "CỘNG HÒA"), ("thuý", "thúy"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe"), ("hoạ", "họa")],
)
def test_old_tone_placement_becomes_modern(old, new):
    assert normalize(old) == new


@pytest.mark.parametrize("word", ["quý", "hoàn", "hoạch", "thuyết", "quyết", "giáo"])
def test_tone_stays_where_a_consonant_or_qu_decides(word):
    assert normalize(word) == word


def test_nfd_input_is_composed():
    assert normalize(unicodedata.normalize("NFD", "Kế hoạch")) == "Kế hoạch"


def test_spaces_are_collapsed_and_stripped():
    assert normalize("  Kế\u00a0 hoạch\t số ") == "Kế hoạch số"


def test_icelandic_eth_becomes_vietnamese_d():
    assert normalize("Ðảng") == "Đảng"


def test_offset_map_points_back_to_the_original():
    raw = unicodedata.normalize("NFD", "Số  14")
    text, omap = normalize_with_map(raw)
    assert text == "Số 14"
    assert omap is not None
    assert raw[omap[text.index("1")]] == "1"


def test_identity_map_is_none_for_clean_text():
    assert normalize_with_map("Kế hoạch số 14")[1] is None


def test_key_and_fold_match_spelling_variants():
    assert key("CỘNG HOÀ") == key("Cộng hòa")
    assert fold("CỘNG HOÀ XÃ HỘI") == "cong hoa xa hoi"
    assert fold("Đảng") == "dang"


def test_upper_text_needs_letters_and_no_lower_case():
    assert is_upper_text("KẾ HOẠCH 2024")
    assert not is_upper_text("Kế hoạch")
    assert not is_upper_text("2024")


@pytest.mark.parametrize(
    ("run", "split"),
    [("TRIỂNKHAI", "TRIỂN KHAI"), ("antoàn", "an toàn"), ("kếhoạch", "kế hoạch"), ("địaphương", "địa phương"),
     ("CHÍNHPHỦ", "CHÍNH PHỦ"), ("trẻem", "trẻ em"), ("đẹpnhất", "đẹp nhất")],
)
def test_run_together_syllables_are_split_for_matching(run, split):
    from vnplan.text import split_run_together

    assert split_run_together(run) == split


@pytest.mark.parametrize("word", ["nghiêng", "khuyến", "người", "quốc", "giữ", "CCHC", "data", "Zalo", "PAPI"])
def test_single_syllables_and_foreign_words_are_not_split(word):
    from vnplan.text import split_run_together

    assert split_run_together(word) == word


def test_old_tone_pattern_matches_where_the_table_keys_do():
    # _TONE_RE is written as one class pair with a look back (faster); it must find exactly the
    # places an alternation of every old-style key finds, on every short string of their letters
    import itertools

    import regex

    from vnplan.text import _TONE_RE, _TONE_TABLE

    plain = regex.compile(r"(?<![qQgG])(?:" + "|".join(map(regex.escape, _TONE_TABLE)) + r")(?!\p{L}|\p{M})")
    letters = sorted(set("".join(_TONE_TABLE)) | set("qQgGxa \u0301"))
    for n in (1, 2, 3):
        for chars in itertools.product(letters, repeat=n):
            s = "".join(chars)
            assert [m.span() for m in _TONE_RE.finditer(s)] == [m.span() for m in plain.finditer(s)], s
