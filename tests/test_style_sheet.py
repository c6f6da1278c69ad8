"""A style sheet cut in its bytes reads as its whole tree does (issue 17: .docx at python-docx's speed).

vnplan parses only the styles a document asks for (vnplan/read/style_sheet.py); these tests hold
every style's effective formatting equal to what the whole tree gives, on Word's own sheets and
on crafted ones, and check that every layout the cut cannot be sure of falls back to the tree.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from pathlib import Path

import pytest
from docx_fixtures import W_NS, build_plan, raw_docx, raw_para, to_bytes
from lxml import etree

from vnplan.read import read_docx
from vnplan.read.style_sheet import split
from vnplan.read.styles import Styles

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT = f'<w:styles xmlns:w="{W_NS}">'.encode()


def _sheet(children: str, *, head: bytes = HEAD, root: bytes = ROOT) -> bytes:
    return head + root + children.encode("utf-8") + b"</w:styles>"


def _facts(styles: Styles, ids: list[str]) -> list[object]:
    out: list[object] = [styles.default_rpr, styles.default_para, styles.default_char, styles.numbering_styles()]
    for sid in [*ids, "missing", ""]:
        st = styles.get(sid)
        out.append(None if st is None else (st.id, st.type, st.name, st.based_on, st.link, st.num_id, st.ilvl,
                                            st.outline, st.jc, st.rpr))
        out.append(styles.paragraph(sid))
        out.append(styles.run(sid, None))
        out.append(styles.run(None, sid))
    return out


def _same_as_tree(data: bytes) -> None:
    tree = Styles(etree.fromstring(data))
    cut = Styles.from_part(data, etree.fromstring)
    ids = list(tree._elements)
    assert _facts(cut, ids) == _facts(tree, ids)


def _word_sheets() -> list[bytes]:
    sheets = [zipfile.ZipFile(io.BytesIO(to_bytes(build_plan("auto")))).read("word/styles.xml")]
    if SHARED.is_dir():
        for f in sorted(SHARED.glob("*.docx")):
            sheets.append(zipfile.ZipFile(f).read("word/styles.xml"))
    return sheets


@pytest.mark.parametrize("k", range(3))
def test_word_style_sheets_are_cut_and_read_as_their_trees(k: int) -> None:
    sheets = _word_sheets()
    if k >= len(sheets):
        pytest.skip("../shared/corpus/real is absent: only python-docx's template is checked")
    assert split(sheets[k]) is not None, "a sheet Word wrote must take the quick path"
    _same_as_tree(sheets[k])


STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
    '<w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:latentStyles w:defQFormat="0"><w:lsdException w:name="Normal" w:qFormat="1"/></w:latentStyles>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:pPr><w:jc w:val="both"/></w:pPr></w:style>\n  '
    "<w:style w:type='paragraph' w:styleId='Heading1'><w:name w:val='heading 1'/><w:basedOn w:val='Normal'/>"
    "<w:pPr><w:outlineLvl w:val='0'/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"/>'
    '<w:style w:type="character" w:styleId="Strong" w:customStyle="1"><w:name w:val="x &gt; y"/>'
    '<w:rPr><w:i/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Normal"><w:rPr><w:caps/></w:rPr></w:style>'  # a second "Normal": ignored
    '<w:style w:type="numbering" w:styleId="List1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Quote" w:customStyle="1">'
    '<w:basedOn w:val="Heading1"/><w:rPr><w:sz w:val="26"/></w:rPr></w:style>'
)


def test_a_crafted_sheet_reads_as_its_tree() -> None:
    data = _sheet(STYLES)
    sheet = split(data)
    assert sheet is not None
    assert [s[0] for s in sheet.styles] == ["Normal", "Heading1", "DefaultParagraphFont", "Strong", "Normal", "List1",
                                             "Quote"]
    _same_as_tree(data)


@pytest.mark.parametrize("why, data", [
    ("a comment", _sheet("<!-- <w:style w:styleId='X'/> -->" + STYLES)),
    ("a CDATA section", _sheet("<w:style w:styleId='A'><w:name w:val='a'/><![CDATA[x]]></w:style>")),
    ("a declaration further down", _sheet(f'<w:style xmlns:w="{W_NS}" w:styleId="A"/>')),
    ("another prefix", HEAD + f'<x:styles xmlns:x="{W_NS}"><x:style x:styleId="A"/></x:styles>'.encode()),
    ("two prefixes for one namespace", _sheet(STYLES, root=f'<w:styles xmlns:w="{W_NS}" xmlns:v="{W_NS}">'.encode())),
    ("an entity in an id", _sheet('<w:style w:styleId="A&amp;B"/>')),
    ("a tab in an id", _sheet('<w:style w:styleId="A\tB"/>')),
    ("an attribute twice", _sheet('<w:style w:styleId="A" w:styleId="B"/>')),
    ("another child", _sheet('<w:other/>' + STYLES)),
    ("text between styles", _sheet('text' + STYLES)),
    ("a style nested in a style", _sheet('<w:style w:styleId="A"><w:style w:styleId="B"/></w:style>')),
    ("an unclosed style", HEAD + ROOT + b'<w:style w:styleId="A">'),
    ("no end tag", HEAD + ROOT + STYLES.encode()),
    ("another encoding", _sheet(STYLES, head=b'<?xml version="1.0" encoding="windows-1252"?>')),
    ("a byte-order mark", b"\xef\xbb\xbf" + _sheet(STYLES)),
    ("two document defaults", _sheet("<w:docDefaults/>" + STYLES)),
])
def test_what_the_cut_cannot_be_sure_of_goes_to_the_tree(why: str, data: bytes) -> None:
    assert split(data) is None, why


def test_an_id_inside_another_attribute_is_not_taken_for_the_id() -> None:
    sheet = split(_sheet("<w:style w:type='paragraph' w:customStyle=\" w:styleId='Fake'\" w:styleId='Real'/>"))
    assert sheet is not None
    assert [s[0] for s in sheet.styles] == ["Real"]


def test_a_document_reads_the_same_whichever_way_its_sheet_is_read() -> None:
    body = (raw_para("KẾ HOẠCH", ppr='<w:pStyle w:val="Heading1"/>')
            + raw_para("Nội dung", ppr='<w:pStyle w:val="Quote"/>', rpr='<w:rStyle w:val="Strong"/>'))
    quick = read_docx(raw_docx(body, styles=STYLES))
    slow = read_docx(raw_docx(body, styles="<!-- the tree -->" + STYLES))
    assert quick.blocks == slow.blocks
    assert [r.bold for b in quick.blocks for r in b.runs] == [True, True]


def test_a_malformed_style_the_document_uses_is_still_a_corrupt_file() -> None:
    from vnplan.errors import CorruptFileError

    body = raw_para("Nội dung", ppr='<w:pStyle w:val="Bad"/>')
    with pytest.raises(CorruptFileError, match="styles.xml"):
        read_docx(raw_docx(body, styles='<w:style w:styleId="Bad"><w:name w:val="x"></w:style>'))


def _general_split(data: bytes, monkeypatch: pytest.MonkeyPatch) -> object:
    """``split`` with the quick readings of w:style elements turned off (every style the general way)."""
    module = importlib.import_module("vnplan.read.style_sheet")

    with monkeypatch.context() as m:
        m.setattr(module, "_style", lambda data, pos: None)
        m.setattr(module, "_all_styles", lambda data, pos: None)
        return _parts(module.split(data))


def _one_by_one_split(data: bytes, monkeypatch: pytest.MonkeyPatch) -> object:
    """``split`` with the styles read one by one (quick or general), never in one split of the rest."""
    module = importlib.import_module("vnplan.read.style_sheet")
    with monkeypatch.context() as m:
        m.setattr(module, "_all_styles", lambda data, pos: None)
        return _parts(module.split(data))


def _parts(sheet: object) -> object:
    return None if sheet is None else (sheet.head, sheet.tail, sheet.defaults, sheet.styles)  # type: ignore[attr-defined]


QUICK_OR_NOT = [
    STYLES,
    '<w:style  w:type="paragraph"   w:styleId="Two"  />',  # spaces the quick pattern takes
    '<w:style w:type="paragraph" w:styleId="Tab"\t/>',  # a tab before the end: the general way
    "\n\t<w:style w:styleId='Q' w:type=\"character\"/>",  # single quotes: the general way
    '<w:style w:styleId="A" w:styleId="B"/>',  # twice: refused either way
    '<w:style w:styleId="A"><w:style w:styleId="B"/></w:style>',  # nested: refused either way
    '<w:style w:styleId="A"><w:name w:val="a"/>',  # unclosed
    '<w:style w:styleId="Ü&#xE9;"/>',  # a reference
    '<w:style w:styleId="Ủy ban" w:default="0"/><w:styles w:x="1"/>',
    '<w:style w:type="table" w:styleId="T"><w:tblPr/></w:style >',
    '<w:stylex w:styleId="X"/>',
]


@pytest.mark.parametrize("children", QUICK_OR_NOT)
def test_the_quick_reading_of_a_style_tag_gives_what_the_general_one_gives(
        children: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _sheet(children)
    assert _parts(split(data)) == _general_split(data, monkeypatch)
    assert _one_by_one_split(data, monkeypatch) == _general_split(data, monkeypatch)


ALL_AT_ONCE_OR_NOT = [
    '<w:style w:styleId="A"/><w:style w:styleId="B"><w:name w:val="b"/></w:style>',
    '<w:style w:styleId="A"/>\n<w:style w:styleId="B" />\r\n\t',
    '<w:style>x</w:style>',
    '<w:style w:styleId="A"><w:name w:val="a"/></w:style></w:style>',  # an end tag too many
    '<w:style w:styleId="A"/></w:style><w:style w:styleId="B"></w:style>',
    '<w:style w:styleId="A"><w:name/></w:style>x',  # text after a style
    '<w:style w:styleId="A"><w:name/></w:style><w:docDefaults/>',  # defaults after the styles
    '<w:style w:styleId="A"><w:styleLink w:val="B"/></w:style>',  # a tag beginning like a style's
    '<w:style w:styleId="A"/><w:style w:styleId=\'B\'/>',  # single quotes in the last
    '<w:style w:styleId="A"/>\f<w:style w:styleId="B"/>',  # a form feed between two
    '<w:style w:styleId="A" w:styleId="A"/>',
    '<w:style w:styleId="A"/><w:latentStyles/>',
    '<w:docDefaults/><w:style w:styleId="A"/><w:style w:styleId="A"></w:style>',
]


@pytest.mark.parametrize("children", ALL_AT_ONCE_OR_NOT)
@pytest.mark.parametrize("end", ["</w:styles>", " </w:styles >\n", "</w:styles>x", "", "\f</w:styles>"])
def test_the_styles_read_at_once_are_those_read_one_by_one(children: str, end: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    data = HEAD + ROOT + children.encode("utf-8") + end.encode("utf-8")
    assert _parts(split(data)) == _one_by_one_split(data, monkeypatch) == _general_split(data, monkeypatch)


@pytest.mark.parametrize("k", range(3))
def test_word_sheets_cut_the_same_with_and_without_the_quick_reading(k: int, monkeypatch: pytest.MonkeyPatch) -> None:
    sheets = _word_sheets()
    if k >= len(sheets):
        pytest.skip("../shared/corpus/real is absent: only python-docx's template is checked")
    assert _parts(split(sheets[k])) == _general_split(sheets[k], monkeypatch)
    assert _one_by_one_split(sheets[k], monkeypatch) == _general_split(sheets[k], monkeypatch)


@pytest.mark.parametrize("k", range(3))
def test_the_styles_of_a_sheet_word_wrote_are_read_in_one_split(k: int, monkeypatch: pytest.MonkeyPatch) -> None:
    sheets = _word_sheets()
    if k >= len(sheets):
        pytest.skip("../shared/corpus/real is absent: only python-docx's template is checked")
    module = importlib.import_module("vnplan.read.style_sheet")

    quick = module._style

    def one_by_one(data: bytes, pos: int) -> object:
        found = quick(data, pos)
        assert found is None, "a style was read one by one"
        return found

    monkeypatch.setattr(module, "_style", one_by_one)
    assert split(sheets[k]) is not None
