"""The quick paths of the per-plan work give what the slow ones give (issue 17): never timed here."""

from __future__ import annotations

import bisect
import itertools
import random
import unicodedata
from collections import Counter

import attrs
import pytest
import regex

from vnplan.profiles.match import finding, phrases, tokens
from vnplan.profiles.match.scope import scope_of
from vnplan.profiles.match.units import Segment, Unit
from vnplan.read import legacy, scrambled
from vnplan.text import (
    _ALNUM_RUN,
    _SPACE_RE,
    _STRIP_MARKS,
    fix_tones,
    fold,
    normalize,
    normalize_with_map,
    plain_alnum,
)


@pytest.mark.parametrize(("quick", "class_"), [
    ("tokens", r"[\p{L}\p{M}\p{N}]"),  # the compliance tokens' letters
    ("abbreviation words", r"[\p{L}\p{N}&]"),  # the words before a definition's parenthesis
])
def test_a_plain_re_class_is_its_regex_class_in_the_plain_blocks(quick: str, class_: str) -> None:
    from vnplan.parse import abbreviations

    plain = tokens._plain_token_re() if quick == "tokens" else abbreviations._plain_words()
    outside = plain_alnum()[1]
    word = regex.compile(class_)
    for i in range(0x3100):
        c = chr(i)
        if outside.search(c) is None:  # a character the quick path reads
            assert bool(plain.fullmatch(c)) == bool(word.fullmatch(c)), hex(i)
        else:
            assert not (0 <= i <= 0x24F or 0x1E00 <= i <= 0x1EFF or 0x2000 <= i <= 0x206F), hex(i)


@pytest.mark.parametrize("seed", range(5))
def test_token_matches_are_token_re_matches(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ" \
               "AĐÊƯ0123456789 -&_/.,;:()“”–\t\u00a0\u0301²½ºµ"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        got = [(m.group(), m.span()) for m in tokens.token_matches(text)]
        assert got == [(m.group(), m.span()) for m in tokens.TOKEN_RE.finditer(text)], text


def test_space_check_at_c_speed_covers_every_space_the_pattern_knows() -> None:
    # str.split's white space holds every character of _SPACE_RE but U+200B and U+FEFF
    for i in range(0x3100):
        c = chr(i)
        if _SPACE_RE.fullmatch(c):
            assert c.isspace() or c in "\u200b\ufeff", hex(i)
    for s in ("a b", "a  b", " a", "a\u200bb", "a\u00a0b", "a\x1cb", "hoà  bình", "hoà bình", "a\tb", "ư\u2028ơ"):
        assert normalize_with_map(s)[0] == fix_tones(_SPACE_RE.sub(" ", s).strip()), s


def _fold_of_normalized(s: str) -> str:
    """vnplan.text.fold as first written: the display form first, then lower case, no marks, the runs."""
    d = unicodedata.normalize("NFD", normalize(s).lower().replace("đ", "d"))
    return " ".join(_ALNUM_RUN.findall(_STRIP_MARKS.sub("", d)))


def test_fold_without_normalising_first_is_the_fold_of_the_display_form() -> None:
    # every character of the blocks Vietnamese text and its look-alikes, spaces and invisible ones come
    # from, and a sample of the rest of Unicode, alone and between letters, after a space, before a mark
    rng = random.Random(3)
    points = [*range(0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070),
              *range(0x3000, 0x3010), *range(0xFE00, 0xFF00), *rng.sample(range(0x110000), 4000)]
    for cp in points:
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        for s in (c, "a" + c + "b", " " + c, c + "\u0301", "o" + c, "Ð" + c + "\u00ad"):
            assert fold(s) == _fold_of_normalized(s), (hex(cp), s)


@pytest.mark.parametrize("seed", range(4))
def test_fold_of_mixed_text_is_the_fold_of_the_display_form(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáạòóọoàoáuỳhoà  \t\n\r\u00a0\u200b\u200c\u200d\u2060\u00ad\ufeff" \
               "\u0301\u0300\u0309\u00d0\u00f0\u0189ĐÊƯỦ0123456789-.,;:()|QGİß"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        assert fold(text) == _fold_of_normalized(text), text
    for text in ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", " name_missing CỘNG HÒA", "NSNN  NSNN", "ÐẢNG\u200cỦY"):
        assert fold(text) == _fold_of_normalized(text), text


def test_legacy_counts_are_the_patterns_counts() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        s = "".join(chr(rng.choice([rng.randrange(0, 0x300), rng.randrange(0x1E00, 0x1F00), rng.randrange(0x80, 0x180)]))
                    for _ in range(rng.randrange(0, 60)))
        assert legacy._latin1_high_count(s) == len(legacy._LATIN1_HIGH.findall(s))
        assert legacy._vn_only_count(s) == len(legacy._VN_ONLY.findall(s))


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 9000, 20000])
def test_counting_vietnamese_letters_until_a_bound_decides_as_the_whole_count(size: int) -> None:
    rng = random.Random(size)
    for _ in range(40):
        share = rng.random()  # how often a letter outside Latin-1 comes: from none to most characters
        s = "".join(rng.choice("ơưăđộẠỹ") if rng.random() < share * 0.05 else rng.choice("aàâê \n")
                    for _ in range(size))
        whole = legacy._vn_only_count(s)
        for bound in (0, 0.5, 3, whole / 2, whole - 1, whole - 0.5, whole, whole + 1, 1e9):
            over, counted = legacy._vn_only_over(s, bound)
            assert over == (whole > bound), (size, bound)
            if not over:
                assert counted == whole


def _signs_and_words_word_by_word(text: str) -> tuple[int, int]:
    """The scrambled-text count as it was written first, one word at a time."""
    count = n_words = lone_run = 0
    for w in text.split():
        if not w.isalpha():
            lone_run = 0
            continue
        n_words += 1
        kind = scrambled._kind(w)
        if kind == 1:
            lone_run += 1
            if lone_run >= 2:
                count += 1 + (lone_run == 2)
            continue
        lone_run = 0
        if kind:
            count += 1
    return count, n_words


@pytest.mark.parametrize("seed", range(3))
def test_scrambled_count_is_the_word_by_word_count(seed: int) -> None:
    rng = random.Random(seed)
    words = ["C", "NG", "HÒA", "Ộ", "Ủ", "Ệ", "Th", "c", "hi", "n", "NAMỘ", "DÂNỦ", "chủ", "kế", "CTr", "c)", "m2",
             "việc", "ở", "ạ", "1.", "-", "và"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 40)))
        assert scrambled._signs_and_words(text) == _signs_and_words_word_by_word(text), text


def test_the_quick_look_for_old_tone_placements_finds_exactly_the_tone_pattern_matches() -> None:
    from vnplan.text import _TONE_RE, _TONE_TABLE, _has_old_placement
    rng = random.Random(3)
    pieces = [*_TONE_TABLE, "q", "g", "n", "i", " ", "ạ", "\u0301", "ữ", ".", "x", "Q"]
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        assert _has_old_placement(s) == bool(_TONE_RE.search(s)), s


def test_lines_are_the_line_pattern_lines() -> None:
    from vnplan.read.text import _LINE_RE, _lines_of
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(["a", "b ", "\r", "\n", "\r\n", "\x0b", "\x0c", "\u2028", "\u2029", "\x1c", "\x85", "ư"])
                       for _ in range(rng.randrange(0, 12)))
        want = []
        for m in _LINE_RE.finditer(text):
            if not m.group(0):
                break
            want.append(m.group(0))
        got = []
        for raw in _lines_of(text):
            if not raw:
                break
            got.append(raw)
        assert got == want, repr(text)


def test_quick_line_tests_are_the_patterns() -> None:
    from vnplan.read.text import (
        _CELL_BREAK_RE,
        _PAGE_NO_RE,
        _is_cell_break,
        _is_page_number,
    )
    for t in ("", "|", "||", "| |", "12", "- 3 -", "Trang 2", "trang 2/5", "Page 3", "٣", "a", "-", "Tr", "x1", "3\n",
              "- 3\n", "1²", "Trang ٣", "12 ", "Trang 2 / 7"):
        assert _is_cell_break(t) == bool(_CELL_BREAK_RE.match(t)), t
        assert _is_page_number(t) == bool(_PAGE_NO_RE.match(t)), t
    rng = random.Random(4)
    pieces = ["-", " ", "1", "23", "٣", "²", "Trang", "trang", "Page", "/", "\n", "\t", "a", "Đ", "."]
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 7)))
        assert _is_page_number(t) == bool(_PAGE_NO_RE.match(t)), repr(t)


def test_white_space_is_the_patterns_white_space() -> None:
    from vnplan.parse.abbreviations import WHITE_SPACE
    space = regex.compile(r"\s")
    assert {chr(i) for i in range(0x110000) if 0xD800 > i or i > 0xDFFF if space.match(chr(i))} == WHITE_SPACE


def test_left_word_is_the_left_word_pattern() -> None:
    from vnplan.parse.abbreviations import _LEFT_WORD, _left_word
    rng = random.Random(5)
    for _ in range(5000):
        w = "".join(rng.choice(["a", "Ủ", ",", " ", "\n", "\u00a0", "\u2028", "\x1c", "(", "B"]) for _ in range(rng.randrange(0, 31)))
        m = _LEFT_WORD.search(w)
        assert _left_word(w) == (m.group(1) if m else None), repr(w)


def test_right_word_and_heading_word_are_the_patterns() -> None:
    from vnplan.parse.abbreviations import (
        _RIGHT_WORD,
        _is_heading_word,
        _left_word,
        _right_word,
    )
    rng = random.Random(6)
    pieces = ["a", "Ủ", "Ủy", "BAN", "TỈNH", ",", " ", "\n", "\u00a0", "\u2028", "\x1c", "(", "“", "B", "ĐẢNG", "UBND"]
    for _ in range(5000):
        w = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        m = _RIGHT_WORD.match(w[:30])
        assert _right_word(w[:30]) == (m.group(1) if m else None), repr(w)
        s = rng.randrange(0, len(w) + 1)
        e = rng.randrange(s, len(w) + 1)
        want = False  # the check as first written, each word's marks read anew
        for word in (_left_word(w[max(0, s - 30) : s]), m2.group(1) if (m2 := _RIGHT_WORD.match(w[e : e + 30])) else None):
            if word:
                x = word.strip(",.;:()\"“”")
                if x and x.isupper() and any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", x)):
                    want = True
                    break
        assert _is_heading_word(w, s, e) == want, (w, s, e)


def test_a_block_ends_in_a_small_letter_whichever_way_it_is_searched() -> None:
    # closing_cuts searches the small-letter end from the end of the block; forwards, the same pattern
    # tries every small letter of the block: both must tell the same blocks
    from vnplan.parse.segment import _LOWER_END_RE
    from vnplan.pattern import guarded
    forwards = guarded(r"\p{Ll}\p{M}*\s*$")
    rng = random.Random(5)
    pieces = ["a", "ạ", "A", "Ư", " ", "\n", "\r\n", "\u0301", "\t", "\x1c", "1", ".", "\u00a0", "\u3000"]
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        assert bool(_LOWER_END_RE.search(s)) == bool(forwards.search(s)), repr(s)


def test_a_kem_theo_lead_is_found_alike_by_the_quick_look_and_the_search() -> None:
    from vnplan.parse.attached import _has_lead, _patterns
    lead = _patterns()["lead"]
    rng = random.Random(9)
    pieces = ["(", ")", " ", "Kèm theo", "kèm theo", "Ban hành kèm theo", "Quyết định", "Kế hoạch", "số ", "1", "a",
              "\n", "x"]
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 9)))
        assert _has_lead(s) == (lead.search(s) is not None), repr(s)


def _pdf_lines(rng: random.Random, n: int):  # type: ignore[no-untyped-def]
    from vnplan.read.pdf import _Line

    alphabet = "aăâđêôơư hoàhòa  \t\x1c\u00a0\u2003.,;:-–" + "Ủy ban nhân dân"
    fonts = ["ABCDEE+TimesNewRomanPS-BoldMT", "Times New Roman,Italic", "Arial", None, ""]
    out = []
    for _ in range(n):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        out.append(_Line(text, 72.0, 700.0, 12.0, 0, 1, fonts=[(text, rng.choice(fonts), rng.choice([0.0, 12.0, 13.5]))]))
    return out


def test_one_line_one_font_runs_are_the_general_runs() -> None:
    from vnplan.read.pdf import _block_runs, _block_runs_general

    for line in _pdf_lines(random.Random(3), 400):
        assert _block_runs([line]) == _block_runs_general([line]), line.text


def test_a_one_piece_line_is_what_the_general_line_building_makes_of_it() -> None:
    from vnplan.read.pdf import _buf_lines
    from vnplan.read.pdf_pieces import Piece, _extent

    rng = random.Random(5)
    for line in _pdf_lines(rng, 400):
        if not line.text.strip():
            continue
        p = Piece(line.text, rng.uniform(0, 500), rng.uniform(0, 800), rng.choice([0.0, 9.5, 12.0]), "Arial",
                  rng.choice([None, 300.0]), True)
        general: list = []
        _buf_lines([p], 0, general)
        assert general == [type(line)(p.text, p.x, p.y, p.size, 0, 1, parts=[(p.text, p.x)],
                                      fonts=[(p.text, p.font, round(p.size * 2) / 2)])]
        right = p.end if p.end is not None else p.x + 0.5 * (p.size or 12) * len(p.text.rstrip())
        assert _extent([p]) == (p.y, p.x, right, p.size or 12.0)  # the general formula, one inked piece


@pytest.mark.parametrize("seed", range(3))
def test_the_text_of_a_read_block_is_normalised_already(seed: int) -> None:
    """_to_document (read/pdf.py) skips normalising a block's runs when their text is the block's."""
    from vnplan.read.text import read_text

    rng = random.Random(seed)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáạòóọoàoáuỳhoà  \t\u00a0\u200b\u00ad\u0301\u0300\u00d0" \
               "ĐÊƯ0123456789-.,;:()|QG"
    for _ in range(60):
        text = "\n".join("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 50)))
                         for _ in range(rng.randrange(1, 8)))
        if not text.strip():
            continue
        for b in read_text(text).blocks:
            assert normalize_with_map(b.text)[0] == b.text, b.text


def test_evolving_a_block_with_the_fields_read_pdf_changes_is_attrs_evolve() -> None:
    import attrs

    from vnplan.model import Block, Run, TablePos
    from vnplan.read.pdf import _evolve_block

    b = Block(index=3, text="Nội dung", kind="paragraph", line=4, line_breaks=(2,), origin=9, offsets=(0, 1),
              location="dòng 4", label="1.", style="x", outline_level=2, alignment="both", page_section=1,
              paragraph_index=7)
    changes = {"index": 0, "location": "trang 1, dòng 2", "table": TablePos(table=1, row=0, col=1), "page_section": 0,
               "line": None, "origin": None, "offsets": None, "runs": (Run("Nội dung", "Arial", 12.0, True, False),)}
    assert _evolve_block(b, dict(changes)) == attrs.evolve(b, **changes)
    assert _evolve_block(b, {"index": 5}) == attrs.evolve(b, index=5)


def _by_clause_one_by_one(ph, unit, clauses) -> dict[int, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Each clause searched on its own by match_phrase, as the clauses of a unit were first."""
    found = phrases.unit_chains(ph, unit)
    out = {}
    for ci, clause in enumerate(clauses):
        m = phrases.match_phrase(ph, unit, clause.first, clause.end, found=found)
        if m is not None:
            out[ci] = (m.first, m.last)
    return out


@pytest.mark.parametrize("seed", range(8))
def test_clause_matches_are_each_clause_searched(seed: int) -> None:
    rng = random.Random(seed)
    table = tokens.plan_table(None, None)
    words = ["cải", "cách", "hành", "chính", "thủ", "tục", "công", "vụ", "chức", "thể", "chế", "và", "của", "các",
             "tổ", "bộ", "máy", "UBND", "CCHC", "nhân", "dân", "ủy", "ban", "cai", "cach", "hanh", "chinh", "cong"]
    cuts = [" ", " ", " ", " ", ", ", "; ", ". ", " và ", "\n", " nhưng ", " không ", " mà "]
    checked = 0
    for _ in range(400):
        n = rng.randrange(3, 40)
        text = "".join(rng.choice(words) + rng.choice(cuts) for _ in range(n)).strip()
        unit = Unit(0, text, (Segment(0, 0, 0, len(text)),), "content", table, head_chars=rng.choice([0, 0, 8, 20]))
        scope = scope_of(unit, None)
        for _ in range(6):
            ph = phrases.compile_phrase(" ".join(rng.choice(words) for _ in range(rng.randrange(1, 6))), table)
            if rng.random() < 0.2:
                ph = attrs.evolve(ph, head_only=True)
            if rng.random() < 0.2:
                ph = attrs.evolve(ph, unless_after=(("ủy", "ban"), ("các",)))
            found = phrases.unit_chains(ph, unit) if ph.tokens else None
            if found is None:
                continue
            lists = [phrases.positions(unit, t, 0, len(unit.tokens)) for t in ph.tokens]
            for order_free in (False, True):
                q = attrs.evolve(ph, order_free=order_free)
                whole = phrases.match_phrase(q, unit, found=found)
                if whole is None:
                    continue
                got = finding._clause_matches(q, unit, scope, whole, found, lists)
                want = _by_clause_one_by_one(q, unit, scope.clauses)
                assert {scope.clauses.index(c): (m.first, m.last) for c, m in got} == want, (text, q)
                checked += 1
    assert checked > 300


def test_evidence_built_whole_in_locate_is_its_evolve() -> None:
    from vnplan.model import Evidence
    # evidence.locate builds the located evidence field by field: a field added to Evidence must be added there
    assert [f.name for f in attrs.fields(Evidence)] == ["text", "span", "matched", "line", "location", "marks"]


def test_located_result_built_whole_is_its_evolve() -> None:
    from vnplan.model import Block, Evidence, RequirementResult, Span
    from vnplan.profiles.match.evidence import locate
    # evidence.locate builds the located result field by field: a field added to RequirementResult must be added there
    assert [f.name for f in attrs.fields(RequirementResult)] == [
        "id", "kind", "text", "status", "score", "mandatory", "evidence", "note", "note_en", "reason", "details", "rule"]
    blocks = (Block(0, "Tuyên truyền cải cách hành chính", line=3, location="dòng 3"), Block(1, "Hội nghị", line=None))
    ev = (Evidence("cải cách", Span(0, 12, 20), ("cải cách",), marks=((0, 8),)), Evidence("Hội", Span(1, 0, 3)),
          Evidence("x", Span(7, 0, 1)))
    r = RequirementResult("ND01", "content", "Tuyên truyền", "partial", 0.7, False, ev, "ghi chú", "note", "incomplete",
                          (("not_found", "x"),), "C302")
    want = attrs.evolve(r, evidence=(attrs.evolve(ev[0], line=3, location="dòng 3"), ev[1], ev[2]))
    assert locate(r, blocks) == want


@pytest.mark.parametrize("seed", range(4))
def test_abbreviation_token_spans_are_the_token_patterns_matches(seed: int) -> None:
    from vnplan.parse import abbreviations
    rng = random.Random(seed)
    alphabet = ["UBND", "CCHC", "KH&CN", "ĐƯ", "A", "B", "Đ", "Ư", "Ư&", "&", "0", "9", "x", "đ", "ư", "Á", "Ả", "ệ", "\u0301",
                " ", " ", "-", "/", ".", ",", "(", ")", "²", "ª", "_", "\n", "Ⅳ", "١", "&&", "IV"]
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert abbreviations._token_spans(text) == [m.span() for m in abbreviations._TOKEN.finditer(text)], text


def test_subject_groups_kept_per_profile_are_those_found_per_plan() -> None:
    from vnplan.profiles import load, resolve
    from vnplan.profiles.match.topics import subject_groups
    shipped = load(resolve("bacgiang-14-KH-UBND-2024"))
    more = (("tuyên truyền",), ("cải cách hành chính", "CCHC")), (("cải cách hành chính",),), (("hội nghị", "CCHC"),)
    reqs = tuple(attrs.evolve(shipped.requirements[1], id=f"S{k}", evidence=attrs.evolve(
        shipped.requirements[1].evidence, all_of=groups)) for k, groups in enumerate(more))
    profile = attrs.evolve(shipped, requirements=shipped.requirements + reqs)
    compiled = phrases.compile_profile(profile)
    subject = compiled.subject_tokens
    assert any(subject_groups(c, profile) for c in compiled.requirements)
    for c in compiled.requirements:
        want = {g for g, written in enumerate(c.req.evidence.all_of)
                if written and all(p.tokens in subject for p in c.groups[g][: len(written)])}
        assert subject_groups(c, profile) == want
        assert subject_groups(attrs.evolve(c), profile) == want  # another Compiled: found anew


def _expansion_starts_token_by_token(unit) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    toks, starts = unit.tokens, None
    for i in range(1, len(toks)):
        a, b = toks[i - 1], toks[i]
        if a[1] == b[1] and a[2] == b[2]:
            if starts is None:
                starts = list(range(len(toks)))
            starts[i] = starts[i - 1]
    return tuple(starts) if starts is not None else ()


def test_expansion_starts_are_found_token_by_token() -> None:
    rng = random.Random(11)
    table = tokens.plan_table(None, None)
    words = ["UBND", "CCHC", "KT-XH", "CB-CC", "TTHC", "triểnkhai", "antoàn", "kinh-tế", "và", "cải", "cách", "Sở", "a"]
    seen = 0
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 12)))
        unit = Unit(0, text, (Segment(0, 0, 0, len(text)),), "content", table)
        want = _expansion_starts_token_by_token(unit)
        assert phrases._expansion_starts(unit) == want, text
        seen += bool(want)
    assert seen > 100


def _refusals_word_by_word(keys: list[str], a: int, b: int) -> list:  # type: ignore[type-arg]
    """scope._refusals as first written: every word of the clause looked at."""
    from vnplan.profiles.match.scope import Refusal, _phrases, _starts_with
    out = []
    before, after, nots = _phrases("refusals"), _phrases("refusals_after"), _phrases("not_refusals")
    ends = _phrases("refusal_ends")
    i = a
    while i < b:
        if keys[i] not in before and keys[i] not in after:
            i += 1
            continue
        cue = _starts_with(keys, i, after)
        if cue:
            out.append(Refusal(a, i, i, i + len(cue)))
        not_refusal = _starts_with(keys, i, nots)
        if not_refusal:  # a compound that refuses nothing is passed whole ("không ngừng")
            i += len(not_refusal)
            continue
        cue2 = _starts_with(keys, i, before)
        if cue2:
            end = next((j for j in range(i + len(cue2), b) if _starts_with(keys, j, ends)), b)
            out.append(Refusal(i + len(cue2), end, i, i + len(cue2)))
            i = end
            continue
        i += 1
    return out


def _past_word_by_word(keys: list[str], a: int, b: int, year: int, sentence_past: bool) -> bool:
    """scope._past as first written (no set of the unit's words), every word of the clause looked at."""
    from vnplan.profiles.match.scope import (
        _YEAR_TOKEN,
        _opens_with_past,
        _phrases,
        _starts_with,
    )
    lo = max(a, 1)
    years = [int(keys[i]) for i in range(lo, b) if keys[i - 1] == "năm" and _YEAR_TOKEN.match(keys[i])]
    if years and max(years) >= year:
        return False
    if sentence_past:
        return True
    markers, commits = _phrases("past_markers"), _phrases("commitments")
    said_done = (any(keys[i] in markers and _starts_with(keys, i, markers) for i in range(a, b))
                 and not any(keys[i] in commits and _starts_with(keys, i, commits) for i in range(a, b)))
    if years:
        return _opens_with_past(keys, a, b, year) or said_done
    periods = _phrases("past_periods")
    return said_done and any(_starts_with(keys, i, periods) for i in range(a, b))


@pytest.mark.parametrize("seed", range(4))
def test_scope_words_found_at_c_speed_are_those_found_word_by_word(seed: int) -> None:
    from vnplan.profiles.match import scope
    rng = random.Random(seed)
    words = ["không", "chưa", "đưa", "vào", "ngừng", "mà", "nhưng", "thay", "đó", "đã", "đạt", "được", "duy", "trì",
             "năm", "2023", "2024", "2025", "qua", "trước", "tổ", "chức", "hội", "nghị", "tuy", "nhiên", "thực", "hiện"]
    for _ in range(1500):
        keys = [rng.choice(words) for _ in range(rng.randrange(0, 30))]
        a = rng.randrange(0, len(keys) + 1)
        b = rng.randrange(a, len(keys) + 1)
        assert scope._refusals(keys, a, b) == _refusals_word_by_word(keys, a, b), (keys, a, b)
        year, past = rng.choice([2024, 2025]), rng.random() < 0.2
        assert scope._past(keys, a, b, year, past) == _past_word_by_word(keys, a, b, year, past), (keys, a, b)
        assert scope._past(keys, a, b, year, past, set(keys)) == _past_word_by_word(keys, a, b, year, past)
        breaks = scope._phrases("clause_breaks")
        want = {i for i, k in enumerate(keys) if k in breaks and scope._starts_with(keys, i, breaks)}
        assert set(scope._at(keys, breaks, 0, len(keys))) >= want
        assert {i for i in scope._at(keys, breaks, 0, len(keys)) if scope._starts_with(keys, i, breaks)} == want


@pytest.mark.parametrize("seed", range(4))
def test_reference_chains_tried_at_their_words_are_the_chain_scan(seed: int) -> None:
    from vnplan.parse import references
    rng = random.Random(seed)
    pieces = [*references._CHAIN_STARTS, "mục đích", "Mục", "điểm", "a", "b", "đ", "1", "2.3", "II", "IV", "XL", "14",
              " ", " ", ", ", " và ", " của ", " thuộc ", "ban hành ", "kèm theo", "số ", "Kế hoạch", "này", "x", "Đ",
              "\n", ".", ";", "(", "5a", "Nghị định số 30", "PHỤ lục", "ĐIỀu", "mỤc", "İ"]  # İ: longer in lower case
    found = 0
    for _ in range(800):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        want = [(m.span(), m.group("chain"), m.group("app")) for m in references._CHAIN.finditer(text)]
        assert [(m.span(), m.group("chain"), m.group("app")) for m in references._chain_matches(text)] == want, text
        found += len(want)
    assert found > 100


@pytest.mark.parametrize("seed", range(3))
def test_every_deadline_holds_the_hint_its_units_are_picked_by(seed: int) -> None:
    from vnplan.profiles.match import deadlines
    rng = random.Random(seed)
    leads = ["trước ngày ", "TRƯỚC ", "chậm nhất ", "trong ", "đến hết ", "Trước ", ""]
    forms = ["{d}/{m}/{y}", "{d} tháng {m} năm {y}", "tháng {m}/{y}", "Tháng {m} năm {y}", "quý {q}/{y}", "Quý {q} năm {y}",
             "năm {y}", "{d}/{m}", "{d} / {m}", "{d}.{m}.{y}", "{d}-{m}-{y}", "ngày {d}/{m}", "hết ngày {d}/{m}/{y}",
             "{d} tháng {m}", "ngày {d} tháng {m} năm sau", "{d}/{m} năm tới", "đầu năm {y}", "cuối năm {y}"]
    noise = ["báo cáo ", " ", "x", "٢", "/", "12", "2024 ", "Sở ", ", "]
    found = 0
    for _ in range(3000):
        form = rng.choice(forms).format(d=rng.choice(["1", "15", "31", "٣"]), m=rng.choice(["2", "12", "13"]),
                                        y=rng.choice(["2024", "202", "٢٠٢٤"]), q=rng.choice(["IV", "II", "4", "V"]))
        text = rng.choice(noise) * rng.randrange(0, 2) + rng.choice(leads) + form + rng.choice(noise)
        for lead in (True, False):
            for m in deadlines._date_re(lead).finditer(text):
                found += 1
                assert deadlines._DATE_HINT_RE.search(m.group(0)), (text, m.group(0))
    assert found > 500


def test_line_of_counts_the_breaks_at_or_before_it() -> None:
    from vnplan.model import Block
    rng = random.Random(3)
    for _ in range(300):
        breaks = tuple(sorted(rng.sample(range(200), rng.randrange(0, 12))))
        b = Block(0, "x" * 200, line=rng.randrange(1, 50), line_breaks=breaks)
        for offset in (0, rng.randrange(200), 199, 250):
            assert b.line_of(offset) == b.line + sum(1 for k in breaks if k <= offset)  # type: ignore[operator]


def test_the_days_of_a_month_are_the_calendar_modules() -> None:
    import calendar

    from vnplan.model import days_in_month

    years = [1, 4, 100, 400, 1600, 1700, 1800, 1900, 2000, 2023, 2024, 2100, 2400, 9996, 9999, *range(1890, 2110)]
    for y in years:
        for m in range(1, 13):
            assert days_in_month(y, m) == calendar.monthrange(y, m)[1], (y, m)


def _closing_cuts_as_written(text: str, start: int = 0) -> set[int]:
    """closing_cuts as it was written first: every pattern searched once its one-character hint is in
    the block, the entries found among all list labels."""
    from vnplan.parse import segment as sg
    p = sg._patterns()
    out: set[int] = set()
    for name, hint in (("recipients", "N"), ("pipe", "|")):
        if hint in text:
            for m in p[name].finditer(text, start):
                out |= {m.start(), m.end()}
    for name, hint in (("stamp", ":"), ("signed", "(")):
        if hint in text:
            out |= {m.start() for m in p[name].finditer(text, start)}
    if ("-" in text or "–" in text or "+" in text or "•" in text) and sg._INNER_MARKER_RE.search(text, start + 1):
        for m in p["label"].finditer(text, start):
            if text[m.start()] in "-–+•" and sg.at_boundary(text, m.start(), sg._previous(out, m.start())):
                out.add(m.start())
    if sg._CAPS_PAIR_RE.search(text, start):
        out |= sg._signature_cuts(text, start)
    person = p["name"].search(text, start) if sg._LOWER_END_RE.search(text) else None
    if person and person.start() > start and sg._is_person(person.group(0)):
        before = text[start : person.start()].rstrip()
        if before and (before[-1] in sg._ENDS or before[-1].isdigit() or sg.at_boundary(text, person.start(), start)):
            out.add(person.start())
    return out


_CLOSING_PIECES = [
    "Nơi nhận:", "NƠI NHẬN", "Nơi  nhận", "N", "Nơi", "nhận", "- ", "– ", "+ ", "• ", "-", " - ", "KT.", "TM. ",
    "Q.", "TUQ.", "T.M", "K/T.", "TL .", "CHỦ TỊCH", "PHÓ ", "PHÓ CHỦ TỊCH", "THỨ TRƯỞNG", "GIÁM ĐỐC", "TRƯỞNG",
    "CỤC TRƯỞNG", "TỔNG THƯ KÝ", "BÍ THƯ", "Giám đốc", "(Đã ký)", "[đã ký]", "( ĐÃ KÝ", "(", "Ký bởi:", "Email:",
    "Ký số bởi :", "Cơ quan", ":", "|", " | ", "Nguyễn Văn An", "Hà Văn Tuyên", "Đại tá ", "GS.TS. ", "ỦY BAN NHÂN DÂN",
    "Như trên;", "Lưu: VT.", ".", ";", ",", " ", "  ", "\n", "1. ", "a) ", "II. ", "Điều 1.", "Chương I", "x", "Ủy",
    "1", "2024", "UBND", "Sở Tư pháp", "“", "ạ", "\u0301", "/",
]


@pytest.mark.parametrize("seed", range(4))
def test_closing_cuts_are_the_cuts_as_first_written(seed: int) -> None:
    from vnplan.parse.segment import closing_cuts
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(_CLOSING_PIECES) for _ in range(rng.randrange(0, 14)))
        start = rng.choice([0, 0, 0, rng.randrange(len(text) + 1)])
        assert closing_cuts(text, start) == _closing_cuts_as_written(text, start), (text, start)


def test_dash_labels_are_the_labels_that_start_with_a_dash() -> None:
    from vnplan.parse.segment import _patterns
    p = _patterns()
    rng = random.Random(12)
    pieces = ["- ", "-", "– ", "+", "• ", "•", " ", "\n", "A", "a", "1", "1.", "a)", "II.", "Điều 2.", "Mục 1", "“", "(",
              ".", ",", "/", "x-", "ạ", "Đ"]
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        start = rng.randrange(len(s) + 1)
        want = [m.start() for m in p["label"].finditer(s, start) if s[m.start()] in "-–+•"]
        assert [m.start() for m in p["dash_label"].finditer(s, start)] == want, (s, start)


@pytest.mark.parametrize("seed", range(4))
def test_line_normalizer_is_normalize_with_map_line_by_line(seed: int) -> None:
    from vnplan.read.text import _BREAKS, _lines_of
    from vnplan.text import _TONE_TABLE, LineNormalizer
    rng = random.Random(seed)
    pieces = [*rng.sample(sorted(_TONE_TABLE), 12), "q", "g", "Q", "h", "n", "c", " ", "  ", "\t", "ạ", "\u0301",
              "a\u0300", "o\u0323", "Ð", "ð", "\u00a0", "\u200b", "\u00ad", "x", ".", "ư", "kế hoạch", "hoà", "HOÀ",
              "\n", "\n", "\r\n", "\r", "\x0b", "\x0c", "\u2028", "\u2029", "\x1c", "\x85"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 24)))
        normalize_line = LineNormalizer(text)
        pos = 0
        for raw in _lines_of(text):
            if not raw:
                break
            body = raw.rstrip(_BREAKS)
            assert normalize_line(body, pos) == normalize_with_map(body), (text, body)
            pos += len(raw)


def test_a_block_of_one_line_as_it_is_is_the_joined_block() -> None:
    from vnplan.model import TablePos
    from vnplan.read import text as rt
    rng = random.Random(6)
    quick = 0
    for _ in range(3000):
        src = "".join(rng.choice([" ", "\t", "\u00a0", "\ufeff", "a", "ư", "\n"]) for _ in range(rng.randrange(0, 6)))
        origin = rng.randrange(len(src) + 1)
        t = rng.choice(["a", "Kế hoạch", "x y"])
        omap = rng.choice([None, None, tuple(range(1, len(t) + 1))])
        cell = rng.choice([None, TablePos(table=1, row=0, col=1)])
        parts = [(t, origin, omap)]
        quick += rt._identity(parts, src)
        assert rt._make_block(3, parts, 7, src, cell) == rt._joined_block(3, parts, 7, src, cell), (src, parts)
    assert quick > 500


def test_a_closing_pattern_finds_nothing_where_its_hints_are_missing() -> None:
    from vnplan.parse.segment import _hints, _patterns
    from vnplan.vocab.patterns import holds
    p = _patterns()
    rng = random.Random(8)
    for name, (anchors, words) in _hints().items():
        pieces = [*words, *anchors, *(w[:2] for w in words), *(w[1:] for w in words), "PHÓ ", " ", ".", ":", "(", "x"]
        for _ in range(3000):
            s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6)))
            if p[name].search(s):
                assert holds(s, _hints()[name]), (name, s)


def test_inner_markers_and_small_letter_ends_are_the_patterns() -> None:
    from vnplan.parse.segment import (
        _INNER_MARKER_RE,
        _LOWER_END_RE,
        _ends_in_small_letter,
        _has_inner_marker,
    )
    rng = random.Random(10)
    pieces = ["-", "–", "+", "•", " ", "\u00a0", "\n", "\t", "\x1c", "a", "ạ", "A", "\u0301", ".", ";", "1", "ß", "ǅ"]
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        pos = rng.randrange(len(s) + 2)
        assert _has_inner_marker(s, pos) == bool(_INNER_MARKER_RE.search(s, pos)), (s, pos)
        assert _ends_in_small_letter(s) == bool(_LOWER_END_RE.search(s)), repr(s)


def test_pieces_of_an_uncut_text_are_its_trimmed_text() -> None:
    from vnplan.parse.segment import pieces
    rng = random.Random(13)
    for _ in range(5000):
        s = "".join(rng.choice([" ", "\u00a0", "\x1c", "\u200b", "\n", "a", "ư", "."]) for _ in range(rng.randrange(0, 8)))
        cuts = set(rng.sample([0, len(s), len(s) + 3, -1], rng.randrange(0, 3)))
        want = []
        for a, b in [(0, len(s))]:
            while a < b and s[a].isspace():
                a += 1
            while b > a and s[b - 1].isspace():
                b -= 1
            if b > a:
                want.append((a, b))
        assert pieces(s, cuts) == want, (s, cuts)


def test_run_on_blocks_are_the_blocks_the_plain_hints_found() -> None:
    import importlib

    from vnplan.model import Block
    from vnplan.parse.segment import strong_markers
    rs = importlib.import_module("vnplan.parse.resegment")  # the package exports a function of that name

    def as_written(b: Block) -> bool:
        t = b.text
        if b.kind == "artifact" or len(t) < rs.MIN_LENGTH:
            return False
        found = 0
        for h in rs._hints():
            found += h in t
            if found == 2:
                return strong_markers(t) >= rs.MIN_MARKERS
        return False

    assert [h for _, h in rs._anchored_hints()] == list(rs._hints())  # the same words in the same order
    assert all(c in h for c, h in rs._anchored_hints())  # a text holding the word holds its character
    rng = random.Random(14)
    pieces = [*rs._hints(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND",
              "KẾ HOẠCH", "Nơi nhận:", "KT. CHỦ TỊCH", "II. NỘI DUNG ", "Tuyên truyền cải cách hành chính ", " ", "x" * 40]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        b = Block(0, text)
        assert rs.is_run_on(b) == as_written(b), text


def test_a_type_line_is_found_alike_with_and_without_the_look_at_its_start() -> None:
    from vnplan.parse import attached
    from vnplan.parse.closing import plain

    def as_written(text: str) -> bool:
        t = plain(text)
        m = attached._patterns()["type"].match(t)
        return m is not None and not t[m.end() :].lstrip().startswith(":") and len(t) <= attached.TITLE_MAX

    rng = random.Random(15)
    names = attached._type_names()
    pieces = [*rng.sample(names, min(12, len(names))), "PHỤ LỤC", "KẾ HOẠCH", "K", "KẾ", " ", ":", "**", "_", "I", "x",
              "Kế hoạch", "\n"]
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 5)))
        assert attached.is_type_line(s) == as_written(s), repr(s)


def test_a_signers_name_ends_its_block_as_the_quick_end_pattern_says() -> None:
    from vnplan.parse.segment import _NAME_END_RE, _patterns
    name = _patterns()["name"]
    rng = random.Random(16)
    pieces = ["Nguyễn", "Văn", "An", "Đại tá", "GS.TS.", " ", "  ", "\n", "\u00a0", "a", "A", "Ư", "\u0301", ".", "x1"]
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        if name.search(s):
            assert _NAME_END_RE.search(s), repr(s)


def _label_of_every_group(text: str):  # type: ignore[no-untyped-def]
    """vnplan.parse.common.label_of as first written: each group of the label pattern asked in turn."""
    from vnplan.parse import common
    from vnplan.parse.common import Label

    m = common._LABEL_RE.match(text)
    if not m:
        return None
    end = m.end()
    word = m.group("pword")
    style_of_word = common.vocab.structure_words().word_styles.get(word.lower()) if word else None
    if style_of_word is not None:
        return Label(style_of_word, text[: m.end("pword")] + " " + common._number_of(m), end)
    for style in ("proman", "parabic", "roman", "lroman", "multi", "arabic", "letter", "letter2", "dash", "plus",
                  "bullet", "article"):
        g = m.group(style)
        if g is None:
            continue
        if style in ("proman", "lroman"):
            return Label("roman", g, end)
        if style == "parabic":
            return Label("arabic", g, end)
        if style == "multi":
            return Label(f"arabic{g.count('.') + 1}", g, end)
        if style == "letter2":
            return Label("letter", g, end)
        if style == "article":
            return Label("article", g, end)
        if style == "arabic" and text[m.end("arabic") : m.end("arabic") + 1] == ")":
            return Label("arabic_paren", g, end)
        return Label(style, g, end)
    return None


@pytest.mark.parametrize("seed", range(3))
def test_a_label_read_from_the_branch_that_matched_is_the_label_each_group_asked_in_turn_gives(seed: int) -> None:
    from vnplan.parse.common import label_of

    rng = random.Random(seed)
    openers = ["Phần I.", "PHẦN II:", "Chương III", "CHƯƠNG 2 ", "Phần thứ hai", "PHẦN THỨ BA", "Mục 1.", "MỤC IV -",
               "Điều 3.", "Điều 12:", "II.", "IV)", "X.", "ii. ", "xiv. ", "i. ", "v. ", "2.1.", "2.1 ", "3.2.1.",
               "5.000 ", "1.", "12)", "3)", "a)", "đ) ", "b. ", "- ", "– ", "— ", "--", "+ ", "• ", "· ", "* ",
               "➢ ", "", " ", "1", "I", "Phần", "Chương I", "Mục thứ nhất", "9.", "100.", "1000."]
    rests = ["", "Tuyên truyền", "MỤC ĐÍCH, YÊU CẦU", "các nội dung.", "(CCHC)", "Ủy ban", " ", "2024", ".", "\u00a0x"]
    for _ in range(600):
        text = rng.choice(openers) + rng.choice(["", " "]) + rng.choice(rests)
        assert label_of(text) == _label_of_every_group(text), text


@pytest.mark.parametrize("seed", range(3))
def test_a_document_with_two_lone_toned_letters_in_a_row_is_read_word_by_word(seed: int) -> None:
    """scrambled_share counts over the distinct words, unless two lone toned letters stand in a row
    somewhere: then it is the word-by-word count of each text, added up."""
    rng = random.Random(seed)
    words = ["ở", "Ộ", "Ủ", "ạ", "ấy", "C", "NG", "việc", "và", "1.", "-", "NAMỘ", "Th"]
    for _ in range(300):
        texts = [rng.choice([" ", "\n", "\t", "\u00a0", "  "]).join(rng.choice(words) for _ in range(rng.randrange(0, 12)))
                 for _ in range(rng.randrange(1, 5))]
        rows = " \x00 ".join(texts).split()
        in_a_row = any(scrambled._kind(a) == 1 and scrambled._kind(b) == 1 for a, b in itertools.pairwise(rows))
        if in_a_row:
            assert scrambled.scrambled_share(texts) == scrambled._share_in_order(texts), texts
        lone = {w for w in rows if w.isalpha() and scrambled._kind(w) == 1}
        assert scrambled._two_in_a_row(rows, lone) == in_a_row, texts


@pytest.mark.parametrize("seed", range(3))
def test_the_share_over_distinct_words_is_the_sum_of_the_word_by_word_counts(seed: int) -> None:
    """scrambled_share and the warning judge a document's distinct words once, skip those an earlier document
    showed plain, and count the few signs: the figures are those of the word-by-word count, text by text,
    whether the plain words are known already or not, and however many distinct signs there are."""
    rng = random.Random(seed)
    words = ["C", "NG", "HÒA", "Ộ", "Ủ", "Th", "c", "hi", "n", "NAMỘ", "DÂNỦ", "chủ", "kế", "CTr", "c)", "m2", "việc",
             "ở", "1.", "-", "và", "tr", "ng", "kh", "nh", "ph", "gh", "ch", "th", "VIỆTỆ", "x", "đ", "ấy"]
    for k in range(400):
        if k % 50 == 0:
            scrambled._PLAIN.clear()
        texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(0, 30))) for _ in range(rng.randrange(1, 4))]
        by_text = [_signs_and_words_word_by_word(t) for t in texts]
        expected = (sum(a for a, _ in by_text), sum(b for _, b in by_text))
        assert scrambled.scrambled_share(texts) == expected, texts
        note = scrambled.warning(texts)
        fires = expected[0] >= scrambled.MIN_SIGNS and expected[0] >= scrambled.MIN_SHARE * expected[1]
        assert (note is not None) == fires, texts
        if note is not None:
            assert f"{expected[0]} từ" in note


@pytest.mark.parametrize("seed", range(4))
def test_word_matches_are_the_word_pattern_matches(seed: int) -> None:
    from vnplan.parse import abbreviations

    rng = random.Random(seed)
    alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ" \
               "AĐÊƯ0123456789 -&_/.,;:()“”–\t\u00a0\u0301²½ºµ\u200b\u00adß" + rng.choice(["", "中", "α", "\u0300"])
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        got = [(m.group(), m.span()) for m in abbreviations.word_matches(text)]
        assert got == [(m.group(), m.span()) for m in abbreviations._WORDS.finditer(text)], text


@pytest.mark.parametrize("seed", range(3))
def test_a_heading_lead_is_looked_for_wherever_the_lead_pattern_can_match(seed: int) -> None:
    from vnplan.parse import outline

    rng = random.Random(seed)
    pieces = ["Nội dung", ":", " ", "  ", ".", ";", "a", "Tuyên truyền", "\t", "x" * 30, ": ", "1", "\u00a0"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        if outline._LEAD_RE.match(text) is not None:
            assert outline._may_lead(text), text


@pytest.mark.parametrize("seed", range(3))
def test_a_header_line_is_searched_for_trailing_emphasis_only_where_it_can_end_it(seed: int) -> None:
    from vnplan.parse.header import lines

    rng = random.Random(seed)
    pieces = ["**", "*", "___", "_", "SỞ Y TẾ", " ", "\n", "a", "\t", ".", "**\n"]
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 8)))
        s, e = 0, len(t)
        while s < e and t[s].isspace():
            s += 1
        while e > s and t[e - 1].isspace():
            e -= 1
        if s < e and lines._TRAIL_RE.search(t, s, e) is not None:
            assert t[e - 1] in "*_", repr(t)


def _in_clauses_one_by_one(ph, unit, index) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    """finding._in_clauses as first written: the whole unit matched, then each clause searched on its own and
    each match's status asked of finding._status."""
    found = phrases.unit_chains(ph, unit) if ph.tokens else None
    whole = phrases.match_phrase(ph, unit, found=found) if found is not None else None
    if whole is None:
        return []
    out = []
    for ci, (first, last) in sorted(_by_clause_one_by_one(ph, unit, scope_of(unit, index.year).clauses).items()):
        status, cue = finding._status(unit, index, first, last)
        out.append((unit.tokens[first][1], unit.tokens[last][2], status, cue))
    return out


class _Index:
    def __init__(self, year: int | None) -> None:
        self.year = year


@pytest.mark.parametrize("seed", range(6))
def test_clause_statuses_found_at_once_are_each_clause_searched(seed: int) -> None:
    rng = random.Random(100 + seed)
    table = tokens.plan_table(None, None)
    words = ["cải", "cách", "hành", "chính", "thủ", "tục", "công", "vụ", "thể", "chế", "và", "các", "UBND", "CCHC",
             "nhân", "dân", "ủy", "ban", "cai", "cach", "hanh", "chinh", "Năm 2023,", "năm 2023", "năm 2024", "đã", "đạt",
             "không",
             "tổ", "chức", "in", "ấn", "tờ", "gấp"]
    cuts = [" ", " ", " ", " ", ", ", "; ", ". ", " và ", "\n", " nhưng ", " không ", " mà ", ": "]
    statuses: Counter[str] = Counter()
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice(cuts) for _ in range(rng.randrange(2, 40))).strip()
        text = rng.choice(["", "", "Năm 2023, ", "Trong năm 2023 đã "]) + text
        unit = Unit(0, text, (Segment(0, 0, 0, len(text)),), "content", table, head_chars=rng.choice([0, 0, 8, 20]))
        unit.context = rng.choice([None, None, None, "legal_basis", "review"])
        index = _Index(rng.choice([None, 2024]))
        for _ in range(8):
            ph = phrases.compile_phrase(" ".join(rng.choice(words) for _ in range(rng.randrange(1, 7))), table)
            ph = attrs.evolve(ph, order_free=rng.random() < 0.5, head_only=rng.random() < 0.15,
                              unless_after=(("ủy", "ban"),) if rng.random() < 0.2 else ())
            want = _in_clauses_one_by_one(ph, unit, index)
            assert finding._in_clauses(ph, unit, index) == want, (text, ph)  # type: ignore[arg-type]
            statuses.update(s for _, _, s, _ in want)
    assert statuses["ok"] > 100 and statuses["refused"] > 10 and statuses["past"] > 10 and statuses["review"] > 10


def _any_order_scanned(ph, unit, lo: int, hi: int):  # type: ignore[no-untyped-def]
    """phrases._any_order as first written: the window scanned whatever the syllables' distances."""
    k = len(ph.tokens)
    occ = sorted((p, i) for i, t in enumerate(ph.tokens) for p in phrases.positions(unit, t, lo, hi))
    counts = [0] * k
    distinct, left = 0, 0
    best = None
    for right, (p, i) in enumerate(occ):
        if counts[i] == 0:
            distinct += 1
        counts[i] += 1
        while p - occ[left][0] >= ph.window:
            j = occ[left][1]
            counts[j] -= 1
            distinct -= counts[j] == 0
            left += 1
        while counts[occ[left][1]] > 1:
            counts[occ[left][1]] -= 1
            left += 1
        if distinct == k and (best is None or p - occ[left][0] < best[1] - best[0]):
            chosen = [q for q, _ in occ[left : right + 1]]
            if phrases._whole_words(unit, chosen) and phrases._in_runs(ph, unit, occ[left : right + 1]):
                best = (occ[left][0], p)
    return best


@pytest.mark.parametrize("seed", range(4))
def test_any_order_windows_after_the_distance_check_are_the_scans(seed: int) -> None:
    rng = random.Random(200 + seed)
    table = tokens.plan_table(None, None)
    words = ["cải", "cách", "hành", "chính", "thủ", "tục", "công", "vụ", "thể", "chế", "và", "các", "UBND", "CCHC",
             "tổ", "chức", "bộ", "máy", "cai", "cach", "hanh", "chinh", "x", "y", "z", "w"]
    found = 0
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 60)))
        unit = Unit(0, text, (Segment(0, 0, 0, len(text)),), "content", table)
        n = len(unit.tokens)
        for _ in range(6):
            said = text.split()
            at = rng.randrange(0, len(said))
            near = said[at : at + rng.randrange(1, 9)]  # words of the text, shuffled: often in any order
            picked = rng.sample(near, min(len(near), rng.randrange(1, 7))) if rng.random() < 0.7 else \
                [rng.choice(words) for _ in range(rng.randrange(1, 7))]
            ph = phrases.compile_phrase(" ".join(picked), table)
            if not ph.tokens:
                continue
            lo = rng.randrange(0, max(1, n))
            hi = rng.choice([n, rng.randrange(lo, n + 1)])
            want = _any_order_scanned(ph, unit, lo, hi)
            assert phrases._any_order(ph, unit, lo, hi) == want, (text, ph, lo, hi)
            found += want is not None
    assert found > 50


def _chains_step_by_step(ph, lists):  # type: ignore[no-untyped-def]
    """phrases.chains_of as first written, whatever the number of syllables."""
    if any(not x for x in lists):
        return None
    out = []
    for start in lists[0]:
        chain, last = [start], start
        for later in lists[1:]:
            k = bisect.bisect_right(later, last)
            if k == len(later) or later[k] - start >= ph.window:
                break
            last = later[k]
            chain.append(last)
        else:
            out.append((start, last, chain))
    return out


def test_two_syllable_chains_are_the_step_by_step_chains() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        k = rng.choice([1, 2, 2, 2, 3])
        lists = [sorted(rng.sample(range(40), rng.randrange(0, 6))) for _ in range(k)]
        ph = phrases.Phrase("x", tuple(f"t{i}" for i in range(k)), window=rng.randrange(1, 8))
        assert phrases.chains_of(ph, lists) == _chains_step_by_step(ph, lists), (lists, ph.window)


def test_end_marks_found_by_find_are_the_end_patterns_matches() -> None:
    from vnplan.profiles.match.scope import _END_RE, end_marks
    rng = random.Random(9)
    alphabet = [";", "!", "?", "|", "\n", ".", ".", ".", "1", "٣", "𑵐", "Ⅳ", "²", "a", "ệ", " ", ",", ":", "\r", "…"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert end_marks(text) == [m.start() for m in _END_RE.finditer(text)], repr(text)


def _words_before_from_the_whole_block(text: str, end: int) -> list[tuple[int, int, str]]:
    """The words before a parenthesis as they were first found: every word of the block, then the last ones."""
    from vnplan.parse.abbreviations import _WINDOW, _WINDOW_WORDS, word_matches
    spans = [w.span() for w in word_matches(text)]
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    lo = max(0, end - _WINDOW)
    k = bisect.bisect_left(starts, end)
    j = max(k - _WINDOW_WORDS, bisect.bisect_right(ends, lo))
    out = [(s, e, text[s:e]) for s, e in zip(starts[j:k], ends[j:k])]
    if out and out[0][0] < lo:
        out[0] = (lo, out[0][1], text[lo : out[0][1]])
    return out


@pytest.mark.parametrize("seed", range(4))
def test_the_words_before_a_parenthesis_are_those_of_the_whole_block(seed: int) -> None:
    """A block's words are found from the first parenthesis's window up to its last parenthesis, and found again
    from further back when an earlier parenthesis is asked about later (a head definition after the others):
    the words before each parenthesis are those the whole block's words give, in every order of asking, with
    the window's start cutting a word as it did."""
    from vnplan.parse.abbreviations import _Words
    rng = random.Random(seed)
    pieces = ["cải cách", "hành chính", "Sở", "KH&CN", "2024", "(", "(CCHC)", ", ", ". ", "và", "Ủy ban", "x" * 37,
              "công chức " * 9, "(PAR INDEX)", "ß", "ǅ", "α", "中文", "1.2", "-", "  "]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 90)))
        parens = [k for k, c in enumerate(text) if c == "("]
        if not parens:
            continue
        asked = rng.sample(parens, len(parens)) if rng.random() < 0.5 else parens
        words = _Words(text)
        for end in asked:
            assert words.before(end) == _words_before_from_the_whole_block(text, end), (text, end)
        ends = [rng.randrange(0, len(text) + 1) for _ in range(3)]  # any place, not only a parenthesis
        words = _Words(text)
        for end in ends:
            assert words.before(end) == _words_before_from_the_whole_block(text, end), (text, end)


@pytest.mark.parametrize("seed", range(3))
def test_old_placements_are_the_tone_pattern_matches(seed: int) -> None:
    """The whole text's old tone placements, found by the standard ``re`` and a look at the character after
    each, are where the tone pattern's scan finds them: after q or g, before letters of every script, before
    combining marks, digits and punctuation, at the text's ends."""
    from vnplan.text import _TONE_RE, _TONE_TABLE, old_placements
    rng = random.Random(seed)
    pieces = [*_TONE_TABLE, "o", "u", "O", "U", "q", "g", "G", "Q", "n", "ch", " ", "\n", "ạ", "à", "ý", "\u0301",
              "\u0323", "ữ", ".", "1", "ß", "α", "中", "ǅ", "x", "ă", "y", "a", "e", "ò", "ù", "“", "–", "\u00a0", "²"]
    for _ in range(3000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert old_placements(s) == [m.start() for m in _TONE_RE.finditer(s)], s


@pytest.mark.parametrize("seed", range(3))
def test_a_two_word_use_is_looked_for_only_after_the_first_word_of_a_two_word_definition(seed: int) -> None:
    """``PAR Index`` is a use of ``PAR INDEX``: the letters after a token are read only when the token is the
    first word of a two-word definition, and the use found is the one reading them after every token gives."""
    from vnplan.parse.abbreviations import _NEXT_LETTERS, _heads, _two_word_end
    rng = random.Random(seed)
    defined = ["PAR INDEX", "PAR", "SIPAS", "KH&CN ĐT", "A B C", "CCHC X", "Đ Ư"]
    tokens = ["PAR", "SIPAS", "KH&CN", "CCHC", "A", "Đ", "UBND", "PARX"]
    after = [" Index", " INDEX", " index", "  Index", "\u00a0Index", " ĐT", " đt", " B C", " X", " Ư", "", ".", " 2024",
             " Indexes", "Index", " C"]
    for _ in range(2000):
        multi = {d for d in rng.sample(defined, rng.randrange(0, len(defined))) if " " in d}
        a = rng.choice(tokens)
        text = "Chỉ số " + a + rng.choice(after) + rng.choice(["", " của tỉnh", "."])
        e = len("Chỉ số ") + len(a)
        two = _NEXT_LETTERS.match(text[e : e + 40])
        want = e + two.end() if multi and two and f"{a} {two.group(1)}".upper() in multi else None
        assert _two_word_end(text, a, e, multi, _heads(multi)) == want, (text, multi)
