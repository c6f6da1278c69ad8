"""Linear time on any text (issue 15): the whole parse and check, not only the readers.

Each family repeats one thing the patterns know (a law keyword, ``số``, slashes, digits, dots,
dashes, ``I.``, emphasis marks, unspaced Vietnamese, abbreviation definitions, citations,
dates, closing words…) inside a real plan's body, and doubling the repetition must at most about
double the work of ``check(parse_document(read_text(text)))``. A pattern that backtracks over
what it already scanned, or a loop that looks back over every earlier match, gives 4 per
doubling; the old citation pattern took 109 s on 16 KB of ``Luật a `` (FINDINGS D1), the
abbreviation finder 16 s on 600 KB of ``(CCHC)`` (D13).

Timing is relative, in this run (see ``tests/test_read_hostile.assert_linear``): no wall-clock
limit, a ratio under 3 with retries against a busy machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_read_hostile import assert_linear
from vnplan import check
from vnplan.errors import VnplanError
from vnplan.parse import parse_document
from vnplan.profiles.derive import derive
from vnplan.read.text import read_text

_SAMPLE = (Path(__file__).parent.parent / "samples" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt").read_text(
    encoding="utf-8")
_AT = _SAMPLE.index("I. MỤC ĐÍCH")


def in_plan(payload: str) -> str:
    """A real plan with ``payload`` as a paragraph of its body, before its first section."""
    return _SAMPLE[:_AT] + payload + "\n" + _SAMPLE[_AT:]


def parse_and_check(text: str) -> None:
    try:
        check(parse_document(read_text(text)))
    except VnplanError:  # a reading limit is an acceptable end: the work is what is measured
        pass


# family -> (the repeated unit, how many repetitions make the smallest input)
FAMILIES = {
    "law keyword": ("Luật a ", 1_500),
    "legal basis keyword": ("Căn cứ Luật ", 600),
    "number word": ("số ", 4_000),
    "number word and slash": ("số 1/", 3_000),
    "slashes": ("/", 8_000),
    "digits": ("1", 8_000),
    "digit groups": ("12 ", 4_000),
    "dots": (".", 8_000),
    "dotted numbers": ("1.", 4_000),
    "dashes": ("- ", 4_000),
    "roman labels on one line": ("I. ", 3_000),
    "roman labels on lines": ("I.\n", 1_000),
    "emphasis marks": ("**a ", 3_000),
    "unspaced Vietnamese": ("TRIỂNKHAITHỰCHIỆN", 2_000),
    "abbreviation definitions": ("(CCHC)", 1_000),
    "defined abbreviations": ("Cải cách hành chính (CCHC) ", 300),
    "article clause point": ("Điều 1 khoản 2 điểm a ", 500),
    "decree citations": ("Nghị định số 30/2020/NĐ-CP ", 300),
    "plan citations": ("Kế hoạch số 1/KH-UBND ", 300),
    "dates": ("ngày 01/01/2024 ", 800),
    "blank dates": ("ngày tháng năm ", 800),
    "document symbols": ("KH-UBND ", 800),
    "part headings": ("Phần thứ hai ", 800),
    "open parentheses": ("(", 8_000),
    "open quotes": ("“a ", 3_000),
    "colons": ("a: ", 3_000),
    "semicolons": ("a; ", 3_000),
    "closing words": ("Nơi nhận: ", 800),
    "signature marks": ("TM. ", 1_000),
    "capitals": ("KẾ HOẠCH ", 800),
    "references": ("theo quy định tại ", 800),
    "short lines": ("abc def\n", 2_000),
    "laws without spaces": ("Luật/", 1_000),
    "legal basis without spaces": ("Căn cứ Luật;", 600),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_parse_and_check_work_grows_linearly(family: str) -> None:
    unit, n = FAMILIES[family]
    assert_linear(parse_and_check, lambda k: in_plan(unit * k), n, floor=0.03)


def test_one_long_line_of_prose_citing_a_law_a_sentence_grows_linearly() -> None:
    """FINDINGS D1, second case: ordinary prose, one law cited per sentence, all on one line."""
    sentence = "Thực hiện Luật Cán bộ, công chức năm 2008 về việc tuyên truyền. "
    assert_linear(parse_and_check, lambda k: in_plan(sentence * k), 200, floor=0.03)


def derive_profile(text: str) -> None:
    try:
        derive(parse_document(read_text(text)))
    except VnplanError:
        pass


# Deriving a profile reads a parent plan sent by another office: the same care.
DERIVE_FAMILIES = ("decree citations", "plan citations", "article clause point", "dates", "defined abbreviations",
                   "part headings", "roman labels on lines", "references")


@pytest.mark.parametrize("family", DERIVE_FAMILIES)
def test_deriving_a_profile_work_grows_linearly(family: str) -> None:
    unit, n = FAMILIES[family]
    assert_linear(derive_profile, lambda k: in_plan(unit * k), max(n // 2, 100), floor=0.1)
