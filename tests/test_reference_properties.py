"""Invariants of the reference extractors on any text: they never raise, spans point at their text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnplan.model import Block, SourceDocument
from vnplan.parse.abbreviations import abbreviation_uses, extract_abbreviations
from vnplan.parse.citations import citations_in_text, extract_citations
from vnplan.parse.references import extract_references

# Text built from the pieces citations are made of, so the extractors' paths are exercised.
PIECES = st.sampled_from([
    "Kế hoạch", "KẾ HOẠCH", "Nghị quyết", "Luật", "Đề án", "Chỉ thị", "số", "SỐ", " ", ", ", "; ", "và", "của",
    "ngày", "tháng", "năm", "14", "2024", "/", "-", "KH", "UBND", "NQ", "TW", "CP", "TTg", "21/01/2024",
    "Chính phủ", "UBND tỉnh", "này", "nêu trên", "(", ")", "CCHC", "cải cách hành chính", "Mục", "II", "khoản",
    "2", "điểm", "a", "Điều", "Phụ lục", "kèm theo", "Hộ tịch", "06", "\u00a0", "…", ".",
])
TEXT = st.one_of(st.text(max_size=80), st.lists(PIECES, max_size=30).map("".join))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_citation_spans_point_at_their_text(text):
    for c in citations_in_text(text):
        assert text[c.span.start : c.span.end] == c.text
        assert c.group is None or 0 <= c.group < len(citations_in_text(text))


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_extractors_never_raise_and_are_deterministic(texts):
    doc = SourceDocument(blocks=tuple(Block(index=i, text=t) for i, t in enumerate(texts)))
    assert extract_citations(doc) == extract_citations(doc)
    for a in extract_abbreviations(doc):
        assert doc.blocks[a.span.block].text[a.span.start : a.span.end] == a.abbr
    for u in abbreviation_uses(doc):
        assert doc.blocks[u.span.block].text[u.span.start : u.span.end].upper() == u.abbr.upper()
    # the parser passes the definitions it has already found: the same uses
    assert abbreviation_uses(doc, [0], extract_abbreviations(doc)) == abbreviation_uses(doc, [0])
    for r in extract_references(doc):
        assert doc.blocks[r.span.block].text[r.span.start : r.span.end] == r.text
