"""The quick paths of citation finding give what the patterns they stand for give (issue 17): never timed here."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import regex

from vnplan.model import Block, SourceDocument
from vnplan.parse.citations import find, issuer, patterns
from vnplan.parse.citations.patterns import (
    COMMA_NAMES_RE,
    DATE_AFTER,
    HEADER_NO,
    ISSUER_AFTER,
    MAIN,
    MAIN_NO_LAW,
    MAIN_SEMI,
    PARTY_ISSUERS,
    SPACES,
    SYM_SPLIT,
    TRIGGERS,
    WORD,
)
from vnplan.parse.citations.resolve import _blocks_holding
from vnplan.text import PLAIN_BLOCKS

# Pieces of citation-dense text: types, numbers, laws, dates, issuers, anaphors, and what breaks them.
PIECES = (
    "Luật", "LUẬT", "Bộ luật", "BỘ LUẬT", "Hiến pháp", "Pháp lệnh", "luật sư", "Luật Hộ tịch", "Tổ chức", "chính quyền",
    "Kế hoạch", "kế hoạch", "KẾ HOẠCH", "Quyết định", "Nghị định", "Thông tư", "Chỉ thị", "Đề án", "Chương trình",
    "Dự án", "số", "Số", "SỐ", "số:", "12/KH-UBND", "123/2015/NĐ-CP", "37-CT/TW", "01/2020/TT-BNV", "9a/KH-SYT",
    "1234567/QĐ-UB", "12 /KH - UBND", "135", "06", "2024", "60/2014/QH13", "ngày", "Ngày", "NGÀY", "năm", "tháng",
    "12/3/2024", "5", "của", "Của", "UBND tỉnh", "Ủy ban nhân dân", "Chính phủ", "Bộ Nội vụ", "và", ",", ";", ".",
    ":", "(", ")", "này", "NÀY", "nêu trên", "nói trên", "trên", "trên đây", "đã nêu", "vừa nêu", "các", "Căn cứ",
    "CĂN CỨ", "về việc", "vềviệc", "V/v", "TP.", "Hà Nội", "QyĐ", "TTg", "-", "–", "/", "\u00a0", "\n",
)
# Whole phrases, so that laws by name (ended by a date, a year, a number or a ";" after a legal basis) are common.
PHRASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương;", "CĂN CỨ BỘ LUẬT Lao động;", "Luật Hộ tịch năm 2014",
    "Luật Đất đai ngày 18/01/2024", "Luật Tổ chức Chính phủ số 76/2015/QH13", "Hiến pháp năm 2013",
    "Pháp lệnh Dân số ngày 9 tháng 1 năm 2003", "Luật sửa đổi, bổ sung một số điều của Luật Đầu tư năm 2020",
    "Kế hoạch số 14/KH-UBND ngày 12/3/2024 của UBND tỉnh", "Quyết định số: 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND",
    "Kế hoạch nêu trên", "Đề án 06", "Chương trình 135,", "Chỉ thị số 37-CT/TW của Ban Bí thư",
)


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(PHRASES if rng.random() < 0.25 else PIECES) for _ in range(rng.randrange(1, 40))]
        seps = [rng.choice((" ", " ", " ", "", "  ")) for _ in words]
        out.append("".join(w + s for w, s in zip(words, seps)))
    return out


def _groups(m: regex.Match[str] | None) -> object:
    if m is None:
        return None
    return m.span(), {k: v for k, v in m.groupdict().items() if v is not None}


def _match_at_by_patterns(text: str, pos: int) -> regex.Match[str] | None:
    """match_at as it was first written: MAIN (or MAIN_NO_LAW where no law's name can end), then MAIN_SEMI,
    then a law known by its name alone (find.known_law)."""
    ends = find._LawEnds(text)
    m = (MAIN if find._in_reach(text, pos, ends.dated) else MAIN_NO_LAW).match(text, pos)
    if m is not None and (m.group("type") is not None or m.group("atype") is not None
                          or ("ltype" in m.re.groupindex and m.group("ltype") is not None)):
        return m
    if ends.basis_end is not None and find._in_reach(text, pos, ends.semis):
        semi = MAIN_SEMI.match(text, pos)
        if semi is not None and ends.basis_end <= semi.end():
            return semi
    return m if m is not None else find.known_law(text, pos)


@pytest.mark.parametrize("seed", range(2))
def test_match_at_is_the_patterns_match(seed: int) -> None:
    for text in _texts(seed, 150):
        for pos in range(len(text) + 1):
            assert _groups(find.match_at(text, pos)) == _groups(_match_at_by_patterns(text, pos)), (text, pos)


def _read_issuer_word_list(tail: str) -> str | None:
    """read_issuer as it was first written: its first 18 words listed before any is looked at (and, since,
    a stop word ending a phrase that goes on a name kept: citations.json issuer_ends.kept)."""
    if not tail or not tail[0].isupper():
        return None
    upper = issuer._is_upper(tail[: min(len(tail), 40)])
    m = COMMA_NAMES_RE.match(tail)
    pos = m.end() if m else 0
    words = []
    for wm in WORD.finditer(tail, pos):
        words.append((wm.start(), wm.group()))
        if len(words) > 17:
            break
    end = pos
    taken = 1 if m else 0
    for k, (ws, w) in enumerate(words):
        bare = w.rstrip(",.;:!?…")
        if not bare:
            break
        low = bare.lower()
        nxt = words[k + 1][1] if k + 1 < len(words) else ""
        if taken:
            if "/" in bare:
                break
            if low == issuer._AND:
                if not nxt[:1].isupper():
                    break
            elif (upper or bare[0].islower()) and (
                low in issuer._STOP1
                or f"{low} {nxt.rstrip(',.;:').lower()}" in issuer._STOP2
                or (len(low) > 4 and low.startswith(issuer._RUN_ON))
            ) and not issuer._kept([x for _, x in words], k, low):  # "chuyển đổi số", "chính quyền số" go on the name
                break
        end = ws + len(bare)
        taken += 1
        if len(bare) < len(w) and not (w.endswith(".") and bare in ("TP", "Tp", "TX", "Tx")):
            break
        if taken >= 16:
            break
    return tail[:end].strip() or None


def _tails() -> list[str]:
    """What follows "của" in the bundled documents, and random runs of issuer words and stop words."""
    out = []
    for p in sorted((Path(__file__).parent / "data").rglob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out += [text[m.end() : m.end() + 160] for m in regex.finditer(r"(?i)của ", text)]
    rng = random.Random(5)
    # sorted: a set's order changes with the hash seed, and the tails must be the same in every run
    words = [*sorted(issuer._STOP1), *(p for s in sorted(issuer._STOP2) for p in s.split()), issuer._AND,
             *(r + "xyz" for r in issuer._RUN_ON),
             "UBND", "tỉnh", "Bắc", "Giang", "Chính", "phủ", "Bộ", "Nội", "vụ,", "Thủ", "tướng", "TP.", "Hà", "Nội.",
             "HĐND", "V/v", "các", "Ủy", "ban", "nhân", "dân", "Sở", "Tư", "pháp;", "CHÍNH", "PHỦ", "VỀ", "VIỆC", ",",
             "…", "Trung", "ương", "Đảng", "Thành", "ủy", "(", "nhà", "nước", "b/c", "Quận", "1"]
    for _ in range(3000):
        first = rng.choice(("", "UBND ", "Bộ ", "CHÍNH ", "Thành "))
        out.append(first + " ".join(rng.choice(words) for _ in range(rng.randrange(0, 25))))
    return out


def test_read_issuer_word_by_word_is_the_word_list_reading() -> None:
    tails = _tails()
    assert len(tails) > 3000
    rng = random.Random(8)
    odd = ("  ", "\t", "\u00a0", "\u2003", " \u3000 ", "\u200b", "\x1c")
    tails += ["".join(c if c != " " or rng.random() < 0.8 else rng.choice(odd) for c in t) for t in tails[:1500]]
    for tail in tails:
        assert issuer.read_issuer(tail) == _read_issuer_word_list(tail), tail
        assert issuer.read_issuer(tail.upper()) == _read_issuer_word_list(tail.upper()), tail


def test_str_split_and_the_word_pattern_part_only_at_the_split_only_characters() -> None:
    # words_of and read_issuer split with str.split() a text holding none of _SPLIT_ONLY
    every = [chr(i) for i in range(0x110000)]
    assert tuple(c for c in every if c.isspace() != bool(regex.match(r"\s", c))) == issuer._SPLIT_ONLY


def test_read_issuer_keeps_a_bounded_store_of_word_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(issuer, "_FACTS", {})
    monkeypatch.setattr(issuer, "_FACTS_KEPT", 5)
    for tail in _tails()[:300]:
        assert issuer.read_issuer(tail) == _read_issuer_word_list(tail), tail
    assert len(issuer._FACTS) == 5


def test_words_of_is_the_word_pattern_and_comma_names_are_their_pattern() -> None:
    rng = random.Random(9)
    pieces = ("UBND", "tỉnh", "Bộ Lao động, Thương binh và Xã hội", "Sở Văn hóa, Thể thao", "Sở Văn hóa, Thể thao và Du lịch",
              " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u200b", "\x1c", ",", "V/v", "Bộ", "")
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        for pos in range(len(text) + 1):
            assert issuer.words_of(text, pos) == WORD.findall(text, pos), (text, pos)
        m = COMMA_NAMES_RE.match(text)
        assert issuer._comma_name_end(text) == (m.end() if m else 0), text


@pytest.mark.parametrize("seed", range(3))
def test_triggers_are_the_trigger_patterns_matches(seed: int) -> None:
    rng = random.Random(100 + seed)
    extra = ("1234567/KH-UBND", "12345678QĐ", "9999999 - CT/TW", "20/2024/", "2024/NĐ", "1a", "1ab/C", "12đ-K", "0",
             "BỘ LUẬT", "đã nêu", "vừa nêu", "đãnêu", "nêu trên", "NÊU", "Luậtsư", "xLuật", "Dự án 5", "đề án9",
             "CHƯƠNG TRÌNH 1", find.SEP, "_", "Ä", "٣/KH", "１２/KH", "ΣΑ", "Σ", "ẞ")
    # "İ" lowers to two characters: the words are then looked for in the text itself
    long_lower = ("İ",)
    texts = _texts(seed, 200)
    for _ in range(200):
        pieces = extra + PIECES + (long_lower if rng.random() < 0.3 else ())
        texts.append("".join(rng.choice(pieces) + rng.choice(("", " ", "/")) for _ in range(rng.randrange(1, 30))))
    texts.append(find.SEP.join(texts))  # long: through the time-limited scan
    for text in texts:
        want = sorted((m.start(), kind) for kind, pat in TRIGGERS for m in pat.finditer(text))
        assert find.triggers(text) == want, text


def test_blocks_holding_a_name_are_those_holding_its_start() -> None:
    rng = random.Random(3)
    for _ in range(500):
        texts = {bi: "".join(rng.choice("ab c") for _ in range(rng.randrange(0, 12))) for bi in rng.sample(range(40), 8)}
        names = {"".join(rng.choice("abc ") for _ in range(rng.randrange(1, 5))) for _ in range(rng.randrange(1, 4))}
        shortest = min(len(n) for n in names)
        want = {bi for bi, t in texts.items() if any(n[:shortest] in t for n in names)}
        assert _blocks_holding(texts, names) == want, (texts, names)


def _raw(r: find.RawCitation) -> tuple[object, ...]:
    return tuple(getattr(r, a) for a in find.RawCitation.__slots__)


@pytest.mark.parametrize("seed", range(2))
def test_find_raw_over_blocks_joined_is_each_block_scanned_alone(seed: int) -> None:
    # find_raw: one trigger scan over the blocks joined, anaphors with no type name before them dropped;
    # scan_block without triggers: each block's own trigger scan, every trigger tried
    rng = random.Random(50 + seed)
    texts = _texts(seed, 120)
    for p in sorted((Path(__file__).parent / "data" / "corpus").glob("*.txt")):
        texts += [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng.shuffle(texts)
    kinds = ["paragraph"] * 9 + ["artifact"]
    doc = SourceDocument(blocks=tuple(Block(index=i, text=t, kind=rng.choice(kinds)) for i, t in enumerate(texts)))
    raws, _ = find.find_raw(doc)
    alone: list[find.RawCitation] = []
    lists = [0]
    for i, b in enumerate(doc.blocks):
        if b.kind != "artifact" and b.text:
            find.scan_block(b.text, i, alone, lists)
    assert len(raws) > 200
    assert [_raw(r) for r in raws] == [_raw(r) for r in alone]


@pytest.mark.parametrize("seed", range(2))
def test_next_match_with_a_memo_is_next_match_without(seed: int) -> None:
    # one memo per text through calls from any position, with and without a stop, in any order
    rng = random.Random(70 + seed)
    for text in _texts(seed, 150):
        found = find.triggers(text)
        memo: find.Memo = {}
        for _ in range(30):
            pos = rng.randrange(len(text) + 1)
            stop = rng.choice((None, pos + rng.randrange(0, 200)))
            got = find.next_match(text, pos, found, stop, memo)
            assert _groups(got) == _groups(find.next_match(text, pos, found, stop)), (text, pos, stop)


def _party_by_split(sep: str, compact: str) -> bool:
    """find._party as it was first written: the symbol split at every separator."""
    if sep.strip() in ("-", "–") and "/" in compact:
        return True
    parts = SYM_SPLIT.split(compact)
    return len(parts) > 1 and parts[-1].upper() in PARTY_ISSUERS


def test_compact_symbols_and_party_are_their_patterns() -> None:
    rng = random.Random(12)
    pieces = ("KH", "UBND", "TW", "tw", "TU", "HU", "CT", "QĐ", "NĐ", "CP", "VP", "-", "–", "/", ".", " ", "  ", "\t", "\u00a0",
              "\u2003", "\u200b", "&", "1", "y", "")
    for _ in range(20000):
        sym = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        assert find.compact(sym) == SPACES.sub("", sym), sym
        for sep in ("/", "-", " - ", "–", "", " /"):
            assert find._party(sep, find.compact(sym)) == _party_by_split(sep, SPACES.sub("", sym)), (sep, sym)


def test_dates_and_header_numbers_looked_for_only_near_their_words_are_their_patterns() -> None:
    rng = random.Random(13)
    extra = ("ban hành", "BAN HÀNH", "ban hành ngày", ", ngày", " , ", "ngày 5 tháng 3 năm 2024", "NGÀY 01/02/2023",
             "ngày …/5/2024", "ngày ... tháng ... năm 2024", " năm 2024", "\u00a0Năm 2023", " NĂM 1999", "Số:", "SỐ :", "số: \n", ":\n", "\u00a0", "gày", "GÀY")
    texts = _texts(13, 150)
    for _ in range(300):
        texts.append("".join(rng.choice(extra + PIECES) + rng.choice(("", " ", "  ")) for _ in range(rng.randrange(1, 12))))
    for text in texts:
        s = find._Scan(text, 0, [], [0], None)
        for pos in range(len(text) + 1):
            got, want = find._date_after(text, pos), DATE_AFTER.match(text, pos)
            assert (got and (got.span(), find._date_from(got))) == (want and (want.span(), find._date_from(want))), (text, pos)
            if pos < 12:
                assert find._in_header_number(s, pos) == bool(HEADER_NO.search(text, 0, pos)), (text, pos)
            if patterns.YEAR_AFTER.match(text, pos):  # the year alone is looked for only at its word
                assert text.startswith(patterns.YEAR_PROBES, pos + 1), (text, pos)


def test_is_upper_told_by_the_first_four_characters_is_the_whole_test() -> None:
    # exact because no character's upper case starts with the character itself unless it is the character
    every = [chr(i) for i in range(0x110000)]
    assert not [c for c in every if c.upper() != c and c.upper().startswith(c)]
    rng = random.Random(14)
    chars = "aAbBđĐßǅǰŉﬁ ÀàẠạ1,." + "".join(rng.choice(every) for _ in range(40))
    for _ in range(20000):
        t = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 12)))
        assert issuer._is_upper(t) == (t.upper() == t and any(map(str.isalpha, t))), t


def test_the_standard_re_space_class_is_the_regex_white_space() -> None:
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)
    spaces = re.compile(patterns.RE_SPACE)
    assert [m.start() for m in spaces.finditer(every)] == [m.start() for m in regex.finditer(r"\s", every)]


def test_issuer_after_for_the_standard_re_is_its_pattern() -> None:
    rng = random.Random(15)
    extra = ("của", "Của", "CỦA", "cua", ",", " ", "  ", "\u00a0", "\u2003", "\x1c", "\x1f", "\n", ";", "(", "“", '"',
             "[", "UBND tỉnh", "Bộ Nội vụ", "x" * 170)
    texts = _texts(15, 100)
    for _ in range(300):
        texts.append("".join(rng.choice(extra + PIECES) + rng.choice(("", " ", ", ")) for _ in range(rng.randrange(1, 14))))
    plain = patterns.issuer_after_re()
    for text in texts:
        for pos in range(len(text) + 1):
            m, want = plain.match(text, pos), ISSUER_AFTER.match(text, pos)
            assert (m and (m.span(), m.span("tail"))) == (want and (want.span(), want.span("tail"))), (text, pos)


def _at_trigger_by_patterns(text: str, ts: int, kind: str, lo: int) -> regex.Match[str] | None:
    """find._at_trigger as it was first written: the full pattern matched at the type name before the trigger."""
    if kind == "word":
        return find.match_at(text, ts)
    b = (patterns.TYPE_BEFORE if kind == "num" else patterns.TYPE_BEFORE_ANA).search(text, lo, ts)
    m = find.match_at(text, b.start()) if b else None
    if m is None and kind == "num":
        m = find.match_at(text, ts)
    return m


@pytest.mark.parametrize("seed", range(2))
def test_a_typed_number_from_its_type_and_number_is_the_full_patterns_match(seed: int) -> None:
    rng = random.Random(80 + seed)
    extra = ("Kế hoạch hành động", "Thông báo kết luận", "Thông tư liên tịch", "số :", "Số:", "SỐ", "x", "Ư", "5",
             "12345678/KH-UBND", "14 /KH", "14KH-UBND", "14/kh", "Kế hoạch14/KH", "Luật số 20/2023/QH15")
    texts = _texts(seed, 150)
    for _ in range(150):
        texts.append("".join(rng.choice(extra + PIECES) + rng.choice(("", " ", "  ")) for _ in range(rng.randrange(1, 20))))
    typed = 0
    for text in texts:
        for ts, kind in find.triggers(text):
            for lo in {max(0, ts - patterns.LOOKBACK), *(rng.randrange(ts + 1) for _ in range(3))}:
                got = find._at_trigger(text, ts, kind, -1 if kind == "word" else lo)
                typed += isinstance(got, find.TypedNumber)
                want = _at_trigger_by_patterns(text, ts, kind, -1 if kind == "word" else lo)
                assert _groups(got) == _groups(want), (text, ts, kind, lo)
    assert typed > 500


def test_no_type_name_runs_on_into_what_may_stand_between_another_and_its_number() -> None:
    # a type name longer than another it starts with goes on with more than white space, "số" and ":": of
    # the type names at one place, only one can have a number after it (TypedNumber's type name is MAIN's)
    names = patterns._TYPE_SPELLINGS
    for short in names:
        for name in names:
            if name != short and name.startswith(short):
                assert set(name[len(short):]) - set(" :sốSỐ"), (short, name)


@pytest.mark.parametrize("seed", range(2))
def test_triggers_without_anaphors_after_no_type_name_are_the_triggers_left_out(seed: int) -> None:
    rng = random.Random(90 + seed)
    extra = ("đã nêu", "vừa nêu", "nêu trên", "Kế hoạch", "Kế hoạch đã nêu", "hoạch", "ạch", "này", "NÀY", "trên",
             "nói trên", "Trên", "các", " ", "  ")
    texts = [find.SEP.join(_texts(seed, 60))]
    for _ in range(300):
        texts.append("".join(rng.choice(extra + PIECES) + rng.choice(("", " ")) for _ in range(rng.randrange(1, 20))))
    for text in texts:
        want = [(pos, kind) for pos, kind in find.triggers(text)
                if kind != "ana" or text[max(0, pos - 1 - patterns.TYPE_END_CHARS) : pos - 1] in patterns.TYPE_ENDS]
        assert find.triggers(text, typed_anaphors=True) == want, text


@pytest.mark.parametrize(("seed", "rounds"), [(11, 300), (16, 2000)])
def test_word_hits_are_finditer_for_words_holding_words_and_without_those_a_test_leaves_out(seed: int,
                                                                                           rounds: int) -> None:
    rng = random.Random(seed)
    for _ in range(rounds):
        words = tuple({"".join(rng.choice("abA ") for _ in range(rng.randrange(1, 5))) for _ in range(rng.randrange(1, 6))})
        alt = "|".join(regex.escape(w) for w in words)
        text = "".join(rng.choice("abA .") for _ in range(rng.randrange(0, 60)))
        odd = rng.randrange(2)
        for pattern in (rf"(?:{alt})", rf"\b(?:{alt})\b", rf"(?:{alt})(?=b)"):
            pat = regex.compile(pattern)
            want = [m.start() for m in pat.finditer(text)]
            assert find._word_hits(text, pat, find._probes(words)) == want, (words, text, pattern)
            assert find._word_hits(text, pat, find._probes(words), words=words) == want, (words, text, pattern)
            got = find._word_hits(text, pat, find._probes(words), words=words, skip=lambda p: p % 2 == odd)
            assert got == [p for p in want if p % 2 != odd], (words, text, pattern)


def test_number_symbol_for_the_standard_re_is_its_pattern_on_plain_text() -> None:
    rng = random.Random(17)
    plain = [chr(c) for lo, hi in PLAIN_BLOCKS for c in range(lo, hi + 1)]
    extra = ("12/KH-UBND", "123/2015/NĐ-CP", "37-CT/TW", "9a/QyĐ", "14 /KH - UBND", "14KH", "2024/", "TTg", "TTr",
             "CTr", "ǅ", "Ǆ", "ǆ", "ß", "ª", "º", "²", "¹", "µ", "\x1c", "\x1f", "\x85", "\u00a0", "\u2003", "\u2028",
             "Ư", "ư", "Đ", "đ", "&", "-", "–", "/", " ", "1", "20")
    ns = patterns.numsym_plain()
    assert ns.groupindex == patterns.NUMSYM_RE.groupindex
    for _ in range(3000):
        text = "".join(rng.choice(extra) if rng.random() < 0.8 else rng.choice(plain) for _ in range(rng.randrange(1, 16)))
        assert find._plain(text)
        for pos in range(len(text) + 1):
            m, want = ns.match(text, pos), patterns.NUMSYM_RE.match(text, pos)
            assert (m and (m.span(), m.groups())) == (want and (want.span(), want.groups())), (text, pos)
    assert not find._plain("12/KH-UBND ΣΑ") and not find._plain("١٢/KH")


def test_no_type_law_or_project_word_starts_with_a_digit() -> None:
    # a number trigger stands at a digit: there MAIN and MAIN_NO_LAW can match only a bare number (MAIN_BARE)
    words = (*patterns._TYPE_SPELLINGS, *patterns.LAW_STARTS, *patterns._PROJECT_WORDS)
    assert not [w for w in words if regex.match(r"[\d\s]", w)]
    for text in _texts(18, 200):
        for ts, kind in find.triggers(text):
            if kind == "num":
                assert regex.match(r"\d", text[ts])
                assert _groups(patterns.MAIN_BARE.match(text, ts)) == _groups(find.match_at(text, ts)), (text, ts)


def test_list_items_looked_for_only_after_a_comma_or_and_are_their_pattern() -> None:
    rng = random.Random(19)
    extra = (",", " ,", ", ", " và ", " VÀ ", "và", ",và", " , và ", "\u00a0và\u00a0", "12/KH-UBND", "số 5/QĐ-UB", "Và")
    texts = _texts(19, 100)
    for _ in range(400):
        texts.append("".join(rng.choice(extra + PIECES) + rng.choice(("", " ")) for _ in range(rng.randrange(1, 10))))
    for text in texts:
        for pos in range(len(text) + 1):
            assert _groups(find._cont(text, pos)) == _groups(patterns.CONT.match(text, pos)), (text, pos)


def test_the_date_for_the_standard_re_is_its_pattern_on_plain_text() -> None:
    rng = random.Random(20)
    plain = [chr(c) for lo, hi in PLAIN_BLOCKS for c in range(lo, hi + 1)]
    extra = (" ngày", "ngày ", "Ngày", "NGÀY", " , ", ",", "ban hành", "21/01/2024", "21-01-2024", "21.01.2024", "5",
             "12", "2024", "tháng", "Tháng", "THÁNG", "năm", "Năm", "NĂM", "…", "...", "_", "/", " ", "\u00a0", "\x1c",
             "\u2003", "²", "0", "1999")
    ns = patterns.date_after_plain()
    for _ in range(4000):
        text = "".join(rng.choice(extra) if rng.random() < 0.85 else rng.choice(plain) for _ in range(rng.randrange(1, 14)))
        for pos in range(len(text) + 1):
            m, want = ns.match(text, pos), DATE_AFTER.match(text, pos)
            assert (m and (m.span(), find._date_from(m))) == (want and (want.span(), find._date_from(want))), (text, pos)
            if m and want:  # the digits as printed, too
                got = [next((v for n, v in m.groupdict().items() if n[0] == k and v), None) for k in "dmy"]
                assert got == [want.group(k) for k in "dmy"], (text, pos)
