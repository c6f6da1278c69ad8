"""The quick paths of the .docx reader give what its general ones give (issue 17): never timed here."""

from __future__ import annotations

import random

import pytest
from lxml import etree

from docx_fixtures import numbering_xml
from vnplan.read import docx, scrambled
from vnplan.read.limits import MAX_LABEL_CHARS, MAX_LEVEL_REFS
from vnplan.read.numbering import _LONG, Label, Numbering, bullet_display, format_number
from vnplan.text import normalize_with_map

_FORMATS = [(None, None, None, None, None, None), ("Times New Roman", 14.0, True, False, False, False),
            ("Times New Roman", 14.0, False, False, False, False), (".VnTime", 13.0, None, True, True, None)]


@pytest.mark.parametrize("seed", range(4))
def test_a_paragraph_of_one_run_is_cut_into_lines_as_any_paragraph(seed: int) -> None:
    rng = random.Random(seed)
    texts = ["", " ", "abc", "Số: 15/KH", "a\x00b", "\x00", "x\x00\x00y", "  \x00 ", "\x00UBND", "\x01", "ư ơ "]
    for _ in range(2000):
        pieces = [(rng.choice(texts), rng.choice(_FORMATS)) for _ in range(rng.choice((0, 1, 1, 1, 2, 3)))]
        for in_table in (False, True):
            assert docx._lines(pieces, in_table) == docx._lines_general(pieces, in_table), pieces


def test_text_with_printable_characters_and_single_blanks_needs_no_split() -> None:
    # str.split splits at every white-space character; all of them but the blank are unprintable,
    # and so are all the characters of _NEEDS_FULL but its three look-alike letters
    for i in range(0x110000):
        c = chr(i)
        if c.isspace() and c != " ":
            assert not c.isprintable(), hex(i)
        if docx._NEEDS_FULL.fullmatch(c) and c not in "\u00d0\u00f0\u0189":
            assert not c.isprintable(), hex(i)


@pytest.mark.parametrize("seed", range(4))
def test_a_blocks_text_is_the_normalised_collapsed_text(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["a", "b", "ư", "ơ", "Đ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u200b", "\u00ad", "\ufeff",
                "\u3000", "\u1680", "\x1c", "\x85", "\u2028", "\u00d0", "\u00f0", "\u0189", "\u0301", "o\u0300",
                "hoà", "thuý", "quả", "Uỷ", "oà.", "gìa", "\u202f", "\u205f", "\u2060", "x"]
    for _ in range(3000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        collapsed = " ".join(raw.split())
        want = normalize_with_map(collapsed)[0]
        assert docx._normalize(collapsed) == want, repr(raw)
        assert docx._block_text(raw) == want, repr(raw)


# ----------------------------------------------------------------------------- automatic numbers

def _next_label_as_first_written(n: Numbering, num_id: str, ilvl: int) -> Label | None:
    """Numbering.next_label as it was before its steps were worked out once per num and level."""
    if not num_id or num_id == "0":
        return None
    lvl = n.level(num_id, ilvl)
    aid = n.abstract_of(num_id)
    if lvl is None or aid is None:
        return None
    counters = n.counters.get(aid)
    if counters is None:
        counters = n.counters[aid] = [None] * 9
    ilvl = max(0, min(ilvl, 8))
    so = n.start_overrides.get(num_id)
    if so and num_id not in n._started:
        n._started.add(num_id)
        for i in so:
            if 0 <= i < 9:
                counters[i] = None
    cur = counters[ilvl]
    counters[ilvl] = n.start(num_id, ilvl, lvl) if cur is None else cur + 1
    for d in n._resets(num_id, ilvl):
        counters[d] = None
    if lvl.fmt == "bullet":
        raw = lvl.text or ""
        return Label(raw, bullet_display(raw), True, lvl.suff)
    if lvl.text is None or lvl.fmt == "none" and "%" not in (lvl.text or ""):
        raw = lvl.text or ""
        return Label(raw, raw, False, lvl.suff) if raw.strip() else None
    pieces = n._pieces(lvl.text)
    parts = [pieces[0]]
    for k in range(1, len(pieces), 2):
        if k > 2 * MAX_LEVEL_REFS:
            n.notes.add(_LONG)
        else:
            i = pieces[k]
            ref = n.level(num_id, i)
            value = counters[i]
            if value is None:
                value = n.start(num_id, i, ref)
            fmt = ref.fmt if ref is not None else "decimal"
            if lvl.is_lgl and i < ilvl or fmt == "bullet":
                fmt = "decimal"
            parts.append(format_number(value, fmt))
        parts.append(pieces[k + 1])
    raw = "".join(parts)
    if len(raw) > MAX_LABEL_CHARS:
        n.notes.add(_LONG)
        raw = raw[:MAX_LABEL_CHARS]
    if not raw.strip():
        return None
    return Label(raw, raw.strip(), False, lvl.suff)


def _random_numbering(rng: random.Random) -> str:
    formats = ["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "bullet", "none", "decimalZero",
               "ordinal"]
    texts = ["%1.", "%1.%2.", "%3)", "-", "", " ", "%2", "Điều %1.", "%1.%2.%3.%4.%5.%6.%7.%8.%9.%1.%2", "•",
             "%1" * 40, "(%4)", "x%9y", "%"]
    abstracts = []
    for aid in range(3):
        levels = []
        for i in rng.sample(range(9), rng.randrange(0, 10)):
            extra = ""
            if rng.random() < 0.3:
                extra += f'<w:lvlRestart w:val="{rng.randrange(0, 4)}"/>'
            if rng.random() < 0.2:
                extra += "<w:isLgl/>"
            if rng.random() < 0.2:
                extra += f'<w:suff w:val="{rng.choice(("tab", "space", "nothing"))}"/>'
            text = rng.choice(texts)
            text_el = f'<w:lvlText w:val="{text}"/>' if rng.random() < 0.9 else ""
            levels.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="{rng.choice((0, 1, 1, 3, 40000))}"/>'
                          f'<w:numFmt w:val="{rng.choice(formats)}"/>{text_el}{extra}</w:lvl>')
        abstracts.append(f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>')
    nums = []
    for nid in range(1, 5):
        overrides = ""
        for i in rng.sample(range(9), rng.randrange(0, 3)):
            inner = f'<w:startOverride w:val="{rng.randrange(0, 5)}"/>' if rng.random() < 0.7 else ""
            if rng.random() < 0.3:
                inner += (f'<w:lvl w:ilvl="{i}"><w:numFmt w:val="{rng.choice(formats)}"/>'
                          f'<w:lvlText w:val="{rng.choice(texts)}"/></w:lvl>')
            overrides += f'<w:lvlOverride w:ilvl="{i}">{inner}</w:lvlOverride>'
        nums.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{rng.randrange(0, 3) if rng.random() < 0.9 else 3}"/>{overrides}</w:num>')
    return numbering_xml("".join(abstracts), "".join(nums))


def _facts(label: Label | None) -> tuple[str, str, bool, str] | None:
    return None if label is None else (label.raw, label.shown, label.bullet, label.suffix)


@pytest.mark.parametrize("seed", range(6))
def test_labels_from_the_worked_out_steps_are_the_labels_as_first_written(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(60):
        root = etree.fromstring(_random_numbering(rng).encode())
        quick, first = Numbering(root), Numbering(root)
        for _ in range(80):
            num_id, ilvl = rng.choice(("1", "2", "3", "4", "5", "0", "")), rng.randrange(0, 9)
            assert _facts(quick.next_label(num_id, ilvl)) == _facts(_next_label_as_first_written(first, num_id, ilvl))
            assert quick.counters == first.counters
        assert quick.notes == first.notes


# ----------------------------------------------------------------------------- after the reader

def _scrambled_warning_counting_every_word(texts: list[str]) -> bool:
    n_signs, n_words = scrambled.scrambled_share(texts)
    return not (n_signs < scrambled.MIN_SIGNS or n_signs < scrambled.MIN_SHARE * n_words)


@pytest.mark.parametrize("seed", range(4))
def test_a_document_with_no_sign_is_let_through_as_the_full_count_lets_it(seed: int) -> None:
    rng = random.Random(seed)
    words = ["C", "NG", "HÒA", "Ộ", "Ủ", "Ệ", "ở", "ạ", "Th", "c", "chủ", "kế", "CTr", "c)", "m2", "việc", "1.", "-",
             "và", "kế hoạch", "Ở", "NAMỘ"]
    for _ in range(1500):
        pool = rng.sample(words, rng.randrange(1, len(words)))
        texts = [" ".join(rng.choice(pool) for _ in range(rng.randrange(0, 12))) for _ in range(rng.randrange(0, 5))]
        assert (scrambled.warning(texts) is not None) == _scrambled_warning_counting_every_word(texts), texts


# ----------------------------------------------------------------------------- parts of a template

def test_a_part_met_again_gives_what_its_bytes_gave_and_a_changed_byte_is_worked_out_anew() -> None:
    from vnplan.read.same_bytes import SameBytes

    made: list[bytes] = []

    def make(data: bytes) -> int:
        made.append(data)
        if data.startswith(b"!"):
            raise ValueError("bad part")
        return len(data) + data.count(b"a")

    kept: SameBytes[int] = SameBytes(size=2, largest=10)
    assert kept.get(b"abc", make) == 4 and kept.get(bytes(b"ab") + b"c", make) == 4 and made == [b"abc"]
    assert kept.get(b"abd", make) == 4 and made[-1] == b"abd"  # one byte changed: worked out again
    for _ in range(2):
        with pytest.raises(ValueError):
            kept.get(b"!x", make)
    assert made.count(b"!x") == 2  # errors are not kept
    kept.get(b"x", make)
    kept.get(b"abc", make)  # pushed out by two newer parts: worked out again
    assert made.count(b"abc") == 2
    kept.get(b"0123456789a", make)
    kept.get(b"0123456789a", make)  # over the largest size kept
    assert made.count(b"0123456789a") == 2


def test_a_style_sheet_and_a_theme_read_twice_read_as_once() -> None:
    from docx_fixtures import docx_with_body_xml, para
    from vnplan.read import styles

    data = docx_with_body_xml(para("Kế hoạch", style="Heading1") + para("Nội dung", rpr='<w:rFonts w:asciiTheme="minorHAnsi"/>'))
    kept = (styles._SHEETS, styles._THEMES, styles._STYLES, styles._DEFAULT_RUNS)
    for cache in kept:
        cache.clear()
    first = docx.read_docx(data)
    assert docx.read_docx(data) == first
    for cache in kept:
        cache.clear()
    assert docx.read_docx(data) == first
    # the same sheet under another theme: its styles' theme fonts are the other theme's
    other = _with_theme_font(_with_theme_font(data, "Cambria", "Times New Roman"), "Calibri", "Arial")
    assert [r.font for b in docx.read_docx(other).blocks for r in b.runs] == ["Arial", "Times New Roman"]
    assert [r.font for b in first.blocks for r in b.runs] == ["Calibri", "Cambria"]


def _with_theme_font(data: bytes, old: str, new: str) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            if info.filename == "word/theme/theme1.xml":
                part = part.replace(f'typeface="{old}"'.encode(), f'typeface="{new}"'.encode())
            dst.writestr(info, part)
    return out.getvalue()


def test_a_document_read_needs_no_second_clean() -> None:
    """read() does not clean a document of lone surrogates again: every reader returns through
    clean_document, and only the digest and read()'s own warnings come after it (those are looked at)."""
    from docx_fixtures import docx_with_body_xml, para

    from vnplan.read import read
    from vnplan.read.values import clean_document

    sym = '<w:p><w:r><w:t xml:space="preserve">Ký hiệu </w:t></w:r><w:r><w:sym w:font="Symbol" w:char="D800"/></w:r></w:p>'
    for body in (para("Kế hoạch") + para("Nội dung"), sym, sym + para("\u00a0 a \u200b")):
        doc = read(docx_with_body_xml(body))
        assert doc.format == "docx"
        assert clean_document(doc) is doc
    tcvn3 = "KÕ ho¹ch tuyªn truyÒn c¶i c¸ch hµnh chÝnh n¨m 2024 cña Së Khoa häc vµ C«ng nghÖ"  # a legacy warning
    for text in ("Kế hoạch \ud800 số 12", "# Kế hoạch\n\nNội dung \udfff.", tcvn3, "Kế hoạch\n\nNội dung"):
        as_bytes = [] if "\ud800" in text or "\udfff" in text else [text.encode("utf-8")]  # else not UTF-8: refused
        for source, fmt in [(text, None), (text, "md"), *((b, f) for b in as_bytes for f in (None, "md"))]:
            doc = read(source, format=fmt)
            assert clean_document(doc) == doc, (text, fmt)
            assert all("\ud800" not in b.text and "\udfff" not in b.text for b in doc.blocks)



def test_the_blocks_fields_are_in_the_order_the_reader_gives_them() -> None:
    # the .docx reader builds each Block with positional arguments, in this order
    import attrs

    from vnplan.model import Block

    assert [f.name for f in attrs.fields(Block)] == [
        "index", "text", "kind", "line", "line_breaks", "origin", "offsets", "location", "label", "style",
        "outline_level", "table", "alignment", "runs", "page_section", "paragraph_index"]
    assert [f.default for f in attrs.fields(Block)[2:7]] == ["paragraph", None, (), None, None]


def test_a_renumbered_block_is_the_block_evolved() -> None:
    import attrs

    from vnplan.model import Block, Run, TablePos
    from vnplan.read.tab_rows import _renumbered

    b = Block(index=3, text="Nơi nhận:", kind="artifact", line=2, line_breaks=(4,), origin=7, offsets=(0, 1), location="đoạn 4",
              label="a)", style="Normal", outline_level=2, table=TablePos(table=1, row=0, col=1), alignment="center",
              runs=(Run("Nơi nhận:", "Times New Roman", 12.0, True),), page_section=1, paragraph_index=5)
    assert _renumbered(b, 9) == attrs.evolve(b, index=9)
    assert repr(_renumbered(b, 9)) == repr(attrs.evolve(b, index=9))


# ----------------------------------------------------------------------------- run properties

_WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rpr_facts_as_first_written(rpr: etree._Element, theme: dict[str, str] | None) -> tuple[dict, str | None]:
    """styles.rpr_facts as it was before its children were told apart by one look-up of their tag."""
    from vnplan.read import values
    from vnplan.read.styles import _FALSE, _TOGGLES

    w = f"{{{_WNS}}}"
    out: dict = {}
    rstyle = None
    for el in rpr:
        tag = el.tag
        key = _TOGGLES.get(tag)
        if key is not None:
            v = el.get(w + "val")
            out[key] = v is None or v.lower() not in _FALSE
        elif tag == w + "sz":
            half_points = values.integer(el.get(w + "val"), lo=1, hi=3276)
            if half_points is not None:
                out["size"] = half_points / 2
        elif tag == w + "rFonts":
            font = el.get(w + "ascii") or el.get(w + "hAnsi")
            if font is None and theme:
                th = el.get(w + "asciiTheme") or el.get(w + "hAnsiTheme")
                if th:
                    font = theme.get("minor" if th.startswith("minor") else "major")
            if font is None:
                font = el.get(w + "cs") or el.get(w + "eastAsia")
            if font:
                out["font"] = font
        elif tag == w + "u":
            v = el.get(w + "val")
            out["underline"] = v is not None and v.lower() not in _FALSE
        elif tag == w + "rStyle" and rstyle is None:
            rstyle = el
    return out, rstyle.get(w + "val") if rstyle is not None else None


_RPR_CHILDREN = [
    "<w:b/>", '<w:b w:val="0"/>', '<w:b w:val="False"/>', '<w:b w:val="1"/>', "<w:i/>", '<w:i w:val="off"/>',
    "<w:caps/>", '<w:caps w:val="none"/>', "<w:vanish/>", "<w:smallCaps/>", "<w:bCs/>", "<w:iCs/>",
    '<w:sz w:val="28"/>', '<w:sz w:val="1"/>', '<w:sz w:val="3276"/>', '<w:sz w:val="3277"/>', '<w:sz w:val="0"/>',
    '<w:sz w:val="028"/>', '<w:sz w:val=" 26 "/>', '<w:sz w:val="+24"/>', '<w:sz w:val="-2"/>', '<w:sz w:val="x"/>',
    '<w:sz w:val="25.5"/>', "<w:sz/>", '<w:szCs w:val="28"/>', '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Arial"/>',
    '<w:rFonts w:hAnsi=".VnTime"/>', '<w:rFonts w:asciiTheme="minorHAnsi"/>', '<w:rFonts w:hAnsiTheme="majorHAnsi"/>',
    '<w:rFonts w:cs="Arial" w:eastAsia="MS Mincho"/>', '<w:rFonts w:eastAsia="VNI-Times"/>', '<w:rFonts w:ascii=""/>',
    "<w:rFonts/>", "<w:u/>", '<w:u w:val="single"/>', '<w:u w:val="none"/>', '<w:u w:val="NONE"/>',
    '<w:rStyle w:val="Strong"/>', '<w:rStyle w:val="Emphasis"/>', "<w:rStyle/>", '<w:lang w:val="vi-VN"/>',
    '<w:color w:val="FF0000"/>', '<w:vertAlign w:val="superscript"/>', '<x:b xmlns:x="urn:other"/>',
]


@pytest.mark.parametrize("seed", range(4))
def test_run_properties_told_apart_by_one_look_up_are_those_of_the_tests_in_turn(seed: int) -> None:
    from vnplan.read.styles import rpr_facts

    rng = random.Random(seed)
    for _ in range(1500):
        children = "".join(rng.choice(_RPR_CHILDREN) for _ in range(rng.randrange(0, 7)))
        rpr = etree.fromstring(f'<w:rPr xmlns:w="{_WNS}">{children}</w:rPr>')
        for theme in (None, {}, {"minor": "Calibri", "major": "Cambria"}):
            got, want = rpr_facts(rpr, theme), _rpr_facts_as_first_written(rpr, theme)
            assert (list(got[0].items()), got[1]) == (list(want[0].items()), want[1]), children


def test_a_run_with_its_text_replaced_is_the_run_evolved() -> None:
    import attrs

    from vnplan.model import Run

    assert [f.name for f in attrs.fields(Run)] == ["text", "font", "size", "bold", "italic", "caps", "underline"]
    for r in (Run("a\x01b"), Run("x\x01", "Times New Roman", 14.0, True, False, None, True),
              Run("\x01", None, 13.5, None, True, True, False)):
        new = docx._with_text(r, r.text.replace("\x01", " "))
        assert new == attrs.evolve(r, text=r.text.replace("\x01", " ")) and repr(new) == repr(attrs.evolve(r, text=new.text))


@pytest.mark.parametrize("limit", ["MAX_RUNS", "MAX_PARAGRAPHS", "MAX_TEXT_CHARS"])
def test_the_budget_counted_without_its_calls_stops_a_read_where_its_methods_stop_it(monkeypatch, limit: str) -> None:
    # the reader counts runs, paragraphs and characters itself while under the limits and leaves the
    # step over a limit to Budget: a read at exactly the limit passes, one unit less is refused
    from docx_fixtures import raw_docx

    from vnplan.errors import LimitExceededError
    from vnplan.read import limits

    body = "".join(f"<w:p><w:r><w:t>Đoạn {k}</w:t></w:r><w:r><w:t xml:space=\"preserve\"> thứ {k}.</w:t></w:r></w:p>"
                   for k in range(12))
    data = raw_docx(body)
    doc = docx.read_docx(data)
    used = {"MAX_RUNS": body.count("<w:r>"), "MAX_PARAGRAPHS": body.count("<w:p>"),
            "MAX_TEXT_CHARS": sum(len(b.text) for b in doc.blocks)}[limit]
    monkeypatch.setattr(limits, limit, used)
    assert docx.read_docx(data) == doc
    monkeypatch.setattr(limits, limit, used - 1)
    with pytest.raises(LimitExceededError, match=limit):
        docx.read_docx(data)


def test_the_parts_kept_stay_within_their_budget_of_bytes() -> None:
    """A worker that meets many large distinct parts keeps no more than the budget's bytes of them (the newest),
    and a part over the largest size is never kept."""
    from vnplan.read.same_bytes import SameBytes

    kept: SameBytes[int] = SameBytes(size=8, largest=300, budget=1000)
    made: list[bytes] = []

    def make(data: bytes) -> int:
        made.append(data)
        return len(data)

    parts = [bytes([k]) * 300 for k in range(6)]
    for part in parts:
        kept.get(part, make)
    assert kept.kept_bytes() <= 1000
    kept.get(parts[-1], make)
    kept.get(parts[-3], make)  # the newest three fit the budget: met again, not worked out again
    assert made.count(parts[-1]) == 1 and made.count(parts[-3]) == 1
    kept.get(parts[0], make)  # let go long ago: worked out again
    assert made.count(parts[0]) == 2
    kept.get(b"z" * 301, make)
    assert kept.kept_bytes() <= 1000 and b"z" * 301 not in kept._order


def test_many_distinct_parts_are_let_go_one_at_a_time() -> None:
    """A store meeting far more distinct parts than it keeps (a sheet of a thousand styles) lets go of the oldest
    one per new part: it keeps its size and its byte count right, and clear_all empties every store."""
    from vnplan.read import same_bytes

    kept: same_bytes.SameBytes[int] = same_bytes.SameBytes(size=4, largest=100, budget=50)
    for k in range(1000):
        kept.get(b"s%04d" % k, len)
    assert len(kept._order) == 4 and kept._total == kept.kept_bytes() == 20
    kept.get(b"x" * 40, len)  # within the size, over the budget with the others: the oldest let go
    assert kept.kept_bytes() <= 50 and kept._total == kept.kept_bytes()
    same_bytes.clear_all()
    assert kept.kept_bytes() == 0 and kept._total == 0
