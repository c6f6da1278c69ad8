"""Invariants of the readers, checked on generated input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docx_fixtures import docx_with_body_xml, para
from vnplan.errors import VnplanError
from vnplan.read.docx import _normalize, read_docx
from vnplan.read.legacy import detect
from vnplan.text import normalize_with_map

# Characters XML 1.0 text can hold (so no U+0000-U+0008, U+000B, U+000C, U+000E-U+001F).
XML_CHARS = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "Zs", "Cc", "Cf")).filter(
    lambda c: c in "\t\n\r" or not ("\x00" <= c < "\x20") and c not in "\ufffe\uffff")
VIET = st.text(alphabet=XML_CHARS, max_size=60)


@settings(max_examples=300, deadline=None)
@given(VIET)
def test_the_docx_fast_normalisation_equals_the_general_one(s):
    assert _normalize(" ".join(s.split())) == normalize_with_map(s)[0]


@settings(max_examples=25, deadline=None)
# U+FFFE and U+FFFF are no XML characters: no .docx holds them, and the fixture could not write them
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                                               exclude_characters="\ufffe\uffff"), max_size=30),
                min_size=1, max_size=4))
def test_reading_any_paragraph_text_gives_blocks_or_a_vnplan_error(texts):
    data = docx_with_body_xml("".join(para(t) for t in texts))
    try:
        doc = read_docx(data)
    except VnplanError:
        return
    assert all(b.text == b.text.strip() and b.text for b in doc.blocks)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ,.",
               min_size=20, max_size=200))
def test_unicode_vietnamese_is_never_taken_for_a_legacy_encoding(s):
    assert detect(s) is None


_PLAN = None


def _plan_bytes() -> bytes:
    global _PLAN
    if _PLAN is None:
        from docx_fixtures import plan_docx

        _PLAN = plan_docx("auto")
    return _PLAN


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=8),
       st.one_of(st.none(), st.integers(min_value=0)))
def test_a_damaged_docx_gives_blocks_or_a_vnplan_error(flips, cut):
    data = bytearray(_plan_bytes())
    for pos, value in flips:
        data[pos % len(data)] = value
    if cut is not None:
        data = data[: cut % len(data)]
    try:
        read_docx(bytes(data))
    except VnplanError:
        pass


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0), st.lists(st.integers(min_value=0), max_size=4))
def test_a_damaged_pdf_gives_blocks_or_a_vnplan_error(cut, flips):
    from pathlib import Path

    from vnplan.read.pdf import read_pdf

    from real_corpus import materialise

    # a signed text-layer PDF written for vnplan (fonts, ToUnicode maps, signature fields)
    data = bytearray(materialise(Path(__file__).parent / "data" / "pdf" / "tb-ubnd-tp-haidang-treo-co-ky-so.pdf.txt").read_bytes())
    for pos in flips:
        data[pos % len(data)] ^= 0x55
    data = data[: max(1, cut % (len(data) + 1))]
    try:
        read_pdf(bytes(data))
    except VnplanError:
        pass


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=25))
def test_any_auto_numbered_outline_reads_like_its_literal_twin(levels):
    from docx_fixtures import NUMBERING_XML  # the plan's numbering: I. / 1. / a) / dash bullet

    from vnplan.read.numbering import to_letter, to_roman

    counters = [0, 0, 0, 0]
    literal = []
    for lv in levels:  # the numbers a reader sees: I., 1., a), - with deeper levels restarting
        counters[lv] += 1
        for deeper in range(lv + 1, 4):
            counters[deeper] = 0
        label = [to_roman(max(counters[0], 1)) + ".", f"{max(counters[1], 1)}.", to_letter(max(counters[2], 1)) + ")", "-"][lv]
        literal.append(f"{label} mục {len(literal)}")
    body = "".join(para(f"mục {k}", num=(1, lv)) for k, lv in enumerate(levels))
    blocks = read_docx(docx_with_body_xml(body, numbering_xml=NUMBERING_XML)).blocks
    assert [b.text for b in blocks] == literal
