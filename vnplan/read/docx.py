"""Word .docx reader: lxml on the package parts, one Block per paragraph in reading order.

Rebuilds automatic numbers (numbering.py), effective run formatting (styles.py), page setup
per section, text boxes, content controls, accepted tracked changes, field results, legacy
TCVN3/VNI runs (legacy.py); footnotes, comments, headers and footers stay out of the body.
"""

from __future__ import annotations

import posixpath
import unicodedata
from typing import Any

import regex
from lxml import etree

import vnplan.vocab as vocab
from vnplan.errors import CorruptFileError, EmptyInputError, UnsupportedFormatError
from vnplan.model import Block, PageSetup, Run, SourceDocument, TablePos
from vnplan.pattern import guarded
from vnplan.read import legacy, limits, values
from vnplan.read.limits import Budget
from vnplan.read.numbering import Numbering
from vnplan.read.safety import Package, parse_xml
from vnplan.read.same_bytes import SameBytes
from vnplan.read.styles import _VAL, _W, Styles, child, ppr_facts, read_theme, rpr_facts, theme_of_part
from vnplan.read.tab_rows import tab_columns
from vnplan.read.values import clean_document
from vnplan.text import fix_tones, normalize_with_map

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOC = (_REL_BASE + "officeDocument", "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")

_P, _TBL, _TR, _TC, _R_, _T = (_W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
_SDT, _SDT_CONTENT, _PPR, _RPR, _SECTPR = (_W + t for t in ("sdt", "sdtContent", "pPr", "rPr", "sectPr"))
_TXBX = _W + "txbxContent"
_DEL = _W + "del"
_ALT_CONTENT, _CHOICE = _MC + "AlternateContent", _MC + "Choice"
_BR, _CR, _TAB_EL, _PTAB, _NB_HYPHEN, _SYM, _FLDCHAR = (
    _W + t for t in ("br", "cr", "tab", "ptab", "noBreakHyphen", "sym", "fldChar"))
_SYM_CHAR, _FLDCHAR_TYPE = _W + "char", _W + "fldCharType"
# Children of a run, besides its text and properties, that show something or hold text boxes.
_RUN_MARKS = frozenset((_BR, _CR, _TAB_EL, _PTAB, _NB_HYPHEN, _SYM, _FLDCHAR, _W + "drawing", _W + "pict",
                        _ALT_CONTENT, _W + "object"))
# Containers whose children are runs or more containers (inline level).
_INLINE_CONTAINERS = frozenset(_W + t for t in (
    "hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent"))
# Removed or non-displayed content.
_SKIP = frozenset(_W + t for t in ("del", "moveFrom", "proofErr", "bookmarkStart", "bookmarkEnd",
                                   "commentRangeStart", "commentRangeEnd", "permStart", "permEnd"))
_BLOCK_WRAPPERS = frozenset(_W + t for t in ("customXml", "ins", "moveTo"))
# A heading style by name: Heading 1, heading 2, Tiêu đề 1, Đề mục 2, Mục 3.
_HEADING_NAME = guarded(
    r"^(?:" + "|".join(r"\s*".join(regex.escape(w) for w in name.split()) for name in vocab.reading().heading_style_names)
    + r")\s*([1-9])$", regex.I)
_JC = {"start": "left", "end": "right", "left": "left", "right": "right", "center": "center",
       "both": "both", "distribute": "both", "justify": "both"}
_TWIP_MM = 25.4 / 1440


def _rels(pkg: Package, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of a part: id -> (type, target part name)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if not pkg.has(rels_name):
        return {}
    data = pkg.xml_bytes(rels_name)
    # the relationships depend on the part's folder and bytes alone: read once per distinct pair
    key = f"{len(folder)}:{folder}".encode("utf-8", "surrogatepass") + data
    return dict(_RELS.get(key, lambda _key: _rels_of(parse_xml(data, part=rels_name, path=pkg.path), folder)))


#: Relationship parts read, by their folder and bytes (read/same_bytes.py).
_RELS: SameBytes[dict[str, tuple[str, str]]] = SameBytes()


def _rels_of(root: etree._Element, folder: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for rel in root.iter(_PKG_REL):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id") or ""] = (rel.get("Type") or "", full)
    return out


def _main_part(pkg: Package) -> str:
    for _id, (typ, target) in _rels(pkg, "").items():
        if typ in _OFFICE_DOC and pkg.has(target):
            return target
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    if any(n.startswith("xl/") for n in pkg.names()):
        raise UnsupportedFormatError("this is an Excel workbook, not a Word document", path=pkg.path)
    if any(n.startswith("ppt/") for n in pkg.names()):
        raise UnsupportedFormatError("this is a PowerPoint file, not a Word document", path=pkg.path)
    raise CorruptFileError("the zip archive holds no Word document (word/document.xml is missing)",
                           path=pkg.path, hint="save the file again from Word as .docx")


def _page_setup(sect: etree._Element | None) -> PageSetup:
    if sect is None:
        return PageSetup()

    def mm(el: etree._Element | None, attr: str) -> float | None:
        if el is None:
            return None
        twips = values.integer(el.get(_W + attr), lo=-31680, hi=31680 * 4)  # Word: pages up to 22 in
        return round(twips * _TWIP_MM, 1) if twips is not None else None

    sz = sect.find(_W + "pgSz")
    mar = sect.find(_W + "pgMar")
    orient = values.enum(sz.get(_W + "orient"), ("portrait", "landscape")) if sz is not None else None
    w, h = mm(sz, "w"), mm(sz, "h")
    if orient is None and w is not None and h is not None:
        orient = "landscape" if w > h else "portrait"
    return PageSetup(width_mm=w, height_mm=h, top_mm=mm(mar, "top"), bottom_mm=mm(mar, "bottom"),
                     left_mm=mm(mar, "left"), right_mm=mm(mar, "right"), orientation=orient)


class _Fields:
    """Complex fields open in a paragraph: text is shown only while none is in its instruction part.

    A counter of fields in their instruction part keeps each run's test constant-time, however
    many fields a (crafted) paragraph opens without closing them."""

    __slots__ = ("stack", "hidden")

    def __init__(self) -> None:
        self.stack: list[int] = []
        self.hidden = 0

    @property
    def shown(self) -> bool:
        return self.hidden == 0

    def begin(self) -> None:
        self.stack.append(1)  # instruction part, until "separate"
        self.hidden += 1

    def separate(self) -> None:
        if self.stack and self.stack[-1]:
            self.stack[-1] = 0  # result part: displayed
            self.hidden -= 1

    def end(self) -> None:
        if self.stack:
            self.hidden -= self.stack.pop()


class _Reader:
    def __init__(self, pkg: Package, main: str) -> None:
        self.pkg = pkg
        self.budget = Budget(pkg.path)
        rels = _rels(pkg, main)
        by_type: dict[str, str] = {}
        for typ, target in rels.values():
            by_type.setdefault(typ.rsplit("/", 1)[-1], target)

        theme_part = by_type.get("theme")
        if theme_part and pkg.has(theme_part):
            theme = theme_of_part(pkg.xml_bytes(theme_part),
                                  lambda data: parse_xml(data, part=theme_part, path=pkg.path))
        else:
            theme = read_theme(None)
        styles = by_type.get("styles")
        if styles and pkg.has(styles):
            self.styles = Styles.from_part(pkg.xml_bytes(styles), lambda data: parse_xml(data, part=styles, path=pkg.path),
                                           theme, path=pkg.path)
        else:
            self.styles = Styles(None, theme, path=pkg.path)
        numbering = by_type.get("numbering")
        if numbering and pkg.has(numbering):
            self.numbering = Numbering.from_part(pkg.xml_bytes(numbering),
                                                 lambda data: parse_xml(data, part=numbering, path=pkg.path))
        else:
            self.numbering = Numbering(None)
        self.numbering.style_num.update(self.styles.numbering_styles())
        self.blocks: list[Block] = []
        self.legacy_runs: dict[str, int] = {}
        self.warnings: list[str] = []
        self.section = 0
        self.sections: list[etree._Element | None] = []
        self.para_count = 0  # every w:p met, in reading order
        self.body_para = 0  # body-level paragraphs, for "đoạn N"
        self.table_count = 0
        self.textbox_count = 0
        self.alt_chunks = 0  # w:altChunk: content imported from another format, not read
        self.fields = _Fields()
        self.run_cache: dict[tuple[Any, ...], _RunFacts] = {}
        self.heading_levels: dict[str, int | None] = {}
        self.tab_rows: dict[int, tuple[str, list[Run]]] = {}  # block index -> its text and runs, tabs kept

    # ------------------------------------------------------------------ block level
    def body(self, body: etree._Element) -> None:
        self.block_content(body, None)
        final = body.find(_SECTPR)
        self.sections.append(final)

    def block_content(self, parent: etree._Element, cell: tuple[TablePos, str] | None) -> None:
        counter = [0]
        for el in parent:
            self._block_el(el, cell, counter)

    def _block_el(self, el: etree._Element, cell: tuple[TablePos, str] | None, counter: list[int]) -> None:
        tag = el.tag
        if tag == _P:
            counter[0] += 1
            if cell is None:
                self.body_para += 1
                where = f"đoạn {self.body_para}"
            else:
                where = f"{cell[1]}, đoạn {counter[0]}"
            self.paragraph(el, cell[0] if cell else None, where)
        elif tag == _TBL:
            self.table(el)
        elif tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                for c in content:
                    self._block_el(c, cell, counter)
        elif tag in _BLOCK_WRAPPERS:
            for c in el:
                self._block_el(c, cell, counter)
        elif tag == _MC + "AlternateContent":
            choice = el.find(_MC + "Choice")
            if choice is not None:
                for c in choice:
                    self._block_el(c, cell, counter)
        elif tag == _W + "altChunk":
            self.alt_chunks += 1

    def table(self, tbl: etree._Element) -> None:
        t = self.table_count
        self.table_count += 1
        for r, tr in enumerate(self._rows(tbl)):
            for c, tc in enumerate(self._cells(tr)):
                where = f"bảng {t + 1}, hàng {r + 1}, cột {c + 1}"
                self.block_content(tc, (TablePos(table=t, row=r, col=c), where))

    def _rows(self, tbl: etree._Element):  # type: ignore[no-untyped-def]
        for el in tbl:
            if el.tag == _TR:
                yield el
            elif el.tag in (_SDT, _W + "customXml"):
                content = el.find(_SDT_CONTENT) if el.tag == _SDT else el
                if content is not None:
                    yield from self._rows(content)

    def _cells(self, tr: etree._Element):  # type: ignore[no-untyped-def]
        for el in tr:
            if el.tag == _TC:
                yield el
            elif el.tag in (_SDT, _W + "customXml"):
                content = el.find(_SDT_CONTENT) if el.tag == _SDT else el
                if content is not None:
                    yield from self._cells(content)

    # ------------------------------------------------------------------ paragraph
    def paragraph(self, p: etree._Element, table: TablePos | None, where: str) -> None:
        index = self.para_count
        self.para_count += 1
        budget = self.budget
        if budget.paragraphs < limits.MAX_PARAGRAPHS:  # budget.add_paragraph() without its call
            budget.paragraphs += 1
        else:
            budget.add_paragraph()
        for ppr in p:  # child(p, _PPR) without its call: the first w:pPr, Word's first child
            if ppr.tag == _PPR:
                break
        else:
            ppr = None
        style_id = None
        num_id = ilvl = outline = jc = None
        sect = mark = None
        if ppr is not None:
            num_id, ilvl, outline, jc, ps, sect, mark = ppr_facts(ppr)
            style_id = ps.get(_VAL) if ps is not None else None
        sinfo = self.styles.paragraph(style_id)
        section = self.section
        if sect is not None:
            self.sections.append(sect)
            self.section += 1

        pieces: list[tuple[str, _Format]] = []  # the text of each displayed run and its formatting
        textboxes: list[etree._Element] = []
        field = self.fields  # one per read, emptied for each paragraph (a text box's are read after)
        if field.stack:  # fields left open by the paragraph before (hidden is the count of its 1s)
            field.stack.clear()
            field.hidden = 0
        self._inline(p, sinfo["id"], pieces, textboxes, field)
        line_runs = _lines(pieces, table is not None)
        raw, runs = line_runs[0]

        label = None
        # Word shows (and counts) the number of an empty numbered paragraph too, but not of
        # a paragraph deleted as a tracked change.
        # (the paragraph mark's w:del, looked up only for a paragraph with no text)
        has_text = bool(raw) and not raw.isspace()  # raw.strip(), without its copy
        if (num_id if num_id is not None else sinfo["num_id"]) and (  # else _label gives None
                has_text or not (mark is not None and child(mark, _DEL) is not None)):
            label_info = self._label(num_id, ilvl, sinfo, style_id)
            if label_info is not None and has_text:
                label = label_info.raw
                sep = "" if label_info.suffix == "nothing" else " "
                raw = f"{label_info.shown}{sep}{raw}" if label_info.shown else raw
        line_runs[0] = (raw, runs)
        for k, (raw, runs) in enumerate(line_runs):
            self._add_block(raw, runs, label if k == 0 else None, where, sinfo, outline, jc, table, section,
                            index)
        for tb in textboxes:
            self.textbox_count += 1
            counter = [0]
            n = self.textbox_count
            for el in tb:
                if el.tag == _P:
                    counter[0] += 1
                    self.paragraph(el, None, f"khung văn bản {n}, đoạn {counter[0]}")
                elif el.tag == _TBL:
                    self.table(el)

    def _add_block(self, raw: str, runs: list[Run], label: str | None, where: str, sinfo: dict[str, Any],
                   outline: int | None, jc: str | None, table: TablePos | None, section: int, index: int) -> None:
        # Collapsing white space first keeps normalize_with_map on its fast path (same result:
        # str.split also splits U+001C-U+001F, which XML 1.0 text cannot hold; a .docx block
        # keeps no offset map, its location is the paragraph).
        tabbed = None
        if _TAB in raw:  # a space, unless body paragraphs typed as two columns make it a cell boundary
            if table is None and label is None and where.startswith("đoạn"):
                tabbed = (raw.replace(_TAB, "\t"), [_with_text(r, r.text.replace(_TAB, "\t")) for r in runs])
            raw = raw.replace(_TAB, " ")
            runs = [_with_text(r, r.text.replace(_TAB, " ")) if _TAB in r.text else r for r in runs]
        text = _block_text(raw)
        if text:
            if tabbed is not None:
                self.tab_rows[len(self.blocks)] = tabbed
            budget = self.budget
            if budget.chars + len(text) <= limits.MAX_TEXT_CHARS:  # budget.add_chars() without its call
                budget.chars += len(text)
            else:
                budget.add_chars(len(text))
            level = None
            lvl = outline if outline is not None else sinfo["outline"]
            if lvl is not None and 0 <= lvl < 9:
                level = lvl + 1
            elif sinfo["name"]:
                level = self._heading_level(sinfo["name"])
            align = jc if jc is not None else sinfo["jc"]
            # Block's fields in order (positional arguments bind quicker than keywords): index, text,
            # kind, line, line_breaks, origin, offsets, location, label, style, outline_level, table,
            # alignment, runs, page_section, paragraph_index
            self.blocks.append(Block(len(self.blocks), text, "paragraph", None, (), None, None, where, label,
                                     sinfo["name"], level, table, _JC.get(align or "", align), tuple(runs), section,
                                     index))

    def _heading_level(self, name: str) -> int | None:
        """The level a style's name gives (Heading 2, Tiêu đề 2: 2), worked out once per name."""
        if name in self.heading_levels:
            return self.heading_levels[name]
        m = _HEADING_NAME.match(name.strip())
        level = self.heading_levels[name] = int(m.group(1)) if m else None
        return level

    def _label(self, num_id: str | None, ilvl: int | None, sinfo: dict[str, Any], style_id: str | None):  # type: ignore[no-untyped-def]
        nid = num_id if num_id is not None else sinfo["num_id"]
        if not nid or nid == "0":
            return None
        if ilvl is None:
            ilvl = sinfo["ilvl"]
        if ilvl is None:  # the level tied to this paragraph's style, else to the style giving the numId
            for sid in (sinfo["id"], sinfo["num_style"]):
                ilvl = self.numbering.level_for_style(nid, sid)
                if ilvl is not None:
                    break
        return self.numbering.next_label(nid, ilvl or 0)

    # ------------------------------------------------------------------ inline level
    def _inline(self, parent: etree._Element, pstyle: str | None, out: list[tuple[str, _Format]],
                textboxes: list[etree._Element], field: _Fields) -> None:
        for el in parent:
            tag = el.tag
            if tag == _R_:
                self._run(el, pstyle, out, textboxes, field)
            elif tag in _INLINE_CONTAINERS:
                self._inline(el, pstyle, out, textboxes, field)
            elif tag == _SDT:
                content = el.find(_SDT_CONTENT)
                if content is not None:
                    self._inline(content, pstyle, out, textboxes, field)
            elif tag == _ALT_CONTENT:
                choice = el.find(_CHOICE)
                if choice is not None:
                    self._inline(choice, pstyle, out, textboxes, field)
            # _SKIP, pPr, math and everything else carry no displayed body text

    def _run(self, r: etree._Element, pstyle: str | None, out: list[tuple[str, _Format]],
             textboxes: list[etree._Element], field: _Fields) -> None:
        budget = self.budget
        if budget.runs < limits.MAX_RUNS:  # budget.add_run() without its call, while under the limit
            budget.runs += 1
        else:
            budget.add_run()
        rpr = None
        buf: list[str] = []
        for c in r:
            tag = c.tag
            if tag == _T:
                text = c.text
                if text and not field.hidden:
                    buf.append(text)
            elif tag == _RPR:
                if rpr is None:
                    rpr = c
            elif tag in _RUN_MARKS:
                self._run_mark(c, tag, buf, textboxes, field)
            # instrText, delText, footnoteReference, endnoteReference, commentReference,
            # softHyphen, lastRenderedPageBreak: not displayed body text
        # the effective properties are those of the styles updated with the direct ones: worked out once
        # per (styles, direct properties), whatever markup (attribute order, other elements) set them
        if rpr is not None and len(rpr):
            direct, rstyle = rpr_facts(rpr, self.styles.theme)
            key = (pstyle, rstyle, *direct.items()) if direct else (pstyle, rstyle)
        else:
            direct, rstyle, key = _NO_PROPS, None, (pstyle, None)
        facts = self.run_cache.get(key)
        if facts is None:
            facts = self.run_cache[key] = self._run_facts(pstyle, rstyle, direct)
        hidden, enc, upper, font, caps, fmt = facts
        if not buf or hidden:
            return
        text = "".join(buf)
        if enc and not legacy.is_unicode_vietnamese(text):  # Unicode typed in a .VnTime font stays as it is
            text = legacy.convert(text, enc, upper=upper)
            self.legacy_runs[font] = self.legacy_runs.get(font, 0) + 1
        if caps:
            text = text.upper()
        out.append((text, fmt))

    def _run_mark(self, c: etree._Element, tag: str, buf: list[str], textboxes: list[etree._Element],
                  field: _Fields) -> None:
        """What a run's child other than its text and properties adds: a break, a tab, a hyphen, a
        symbol, a field's begin, separator or end, or the text boxes of a drawing."""
        if tag == _BR or tag == _CR:
            if field.shown:
                buf.append(_LINE_BREAK)
        elif tag == _TAB_EL or tag == _PTAB:
            if field.shown:
                buf.append(_TAB)
        elif tag == _NB_HYPHEN:
            buf.append("-")
        elif tag == _SYM:
            ch = values.symbol(c.get(_SYM_CHAR))  # None for what Word would not show
            if ch is not None:
                buf.append("•" if ch == "\u00b7" else ch)
        elif tag == _FLDCHAR:
            kind = c.get(_FLDCHAR_TYPE)
            if kind == "begin":
                field.begin()
            elif kind == "separate":
                field.separate()
            elif kind == "end":
                field.end()
        else:  # w:drawing, w:pict, mc:AlternateContent, w:object
            self._find_textboxes(c, textboxes)

    def _find_textboxes(self, el: etree._Element, textboxes: list[etree._Element]) -> None:
        if el.tag == _MC + "AlternateContent":
            choice = el.find(_MC + "Choice")
            if choice is None:
                choice = el.find(_MC + "Fallback")
            if choice is not None:
                for c in choice:
                    self._find_textboxes(c, textboxes)
            return
        for tb in el.iter(_TXBX):
            # a text box nested in another is read with it; a VML fallback copy is skipped
            anc = tb.getparent()
            while anc is not None and anc is not el and anc.tag not in (_TXBX, _MC + "Fallback"):
                anc = anc.getparent()
            if anc is None or anc is el:
                textboxes.append(tb)

    def _run_facts(self, pstyle: str | None, rstyle: str | None, direct: dict[str, Any]) -> _RunFacts:
        """What a run's text needs of its effective properties: hidden, legacy encoding, legacy upper-case
        font, font, caps, and its formatting as :class:`Run` takes it."""
        props = dict(self.styles.run(pstyle, rstyle))
        props.update(direct)
        font = props.get("font")
        enc = legacy.encoding_of_font(font)
        return (props.get("vanish"), enc, legacy.is_upper_font(font) if enc else False, font, props.get("caps"),
                _format_key(props))


#: :meth:`_Reader._run_facts`: hidden, legacy encoding, legacy upper-case font, font, caps, formatting.
_RunFacts = tuple[Any, "str | None", bool, Any, Any, "_Format"]


def _with_text(run: Run, text: str) -> Run:
    """``attrs.evolve(run, text=text)``, built directly (Run's fields in order: text, font, size, bold, italic,
    caps, underline)."""
    return Run(text, run.font, run.size, run.bold, run.italic, run.caps, run.underline)


def _lines(pieces: list[tuple[str, _Format]], in_table: bool) -> list[tuple[str, list[Run]]]:
    """A paragraph's displayed runs (text, formatting) as the text and runs of each of its lines.

    A line break (Shift+Enter) in a table cell separates lines of the header or closing table
    ("UBND TỈNH…" / "SỞ…", "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"): each line is a block, and lines
    with no text are dropped (one empty line is left when none has any). Elsewhere it is a
    space, as in a wrapped sentence. Neighbours of equal formatting are merged into one run."""
    if len(pieces) == 1:  # the common paragraph, one run and no break: one line, one run
        txt, fmt = pieces[0]
        if _LINE_BREAK not in txt:
            return [(txt, [Run(txt, *fmt)] if txt else [])]
    return _lines_general(pieces, in_table)


def _lines_general(pieces: list[tuple[str, _Format]], in_table: bool) -> list[tuple[str, list[Run]]]:
    """:func:`_lines` for any paragraph."""
    lines: list[list[tuple[str, _Format]]] = [[]]
    for txt, fmt in pieces:
        if _LINE_BREAK not in txt:
            lines[-1].append((txt, fmt))
            continue
        for k, part in enumerate(txt.split(_LINE_BREAK)):
            if k:
                if in_table:
                    lines.append([])
                else:
                    lines[-1].append((" ", fmt))
            lines[-1].append((part, fmt))
    line_runs: list[tuple[str, list[Run]]] = []
    for line in lines:
        # neighbours of equal formatting merged: their texts are collected, then joined once
        # (appending to a run's text per piece is quadratic on a paragraph of a million runs)
        groups: list[tuple[_Format, list[str]]] = []
        text_parts: list[str] = []
        last: tuple[_Format, list[str]] | None = None
        for txt, fmt in line:
            if not txt:
                continue
            text_parts.append(txt)
            if last is not None and last[0] == fmt:
                last[1].append(txt)
            else:
                last = (fmt, [txt])
                groups.append(last)
        runs = [Run("".join(parts), *fmt) for fmt, parts in groups]
        line_runs.append(("".join(text_parts), runs))
    if len(line_runs) > 1:
        line_runs = [x for x in line_runs if x[0].strip()] or [("", [])]
    return line_runs


_NO_PROPS: dict[str, Any] = {}
_NEEDS_FULL = guarded("[\u00d0\u00f0\u0189\u200b-\u200d\u2060\u00ad\ufeff\u202f\u205f\u3000\u2000-\u200a]")


_LINE_BREAK = "\x00"  # stands for w:br / w:cr while a paragraph is read (XML text cannot hold U+0000)
_TAB = "\x01"  # stands for w:tab / w:ptab while a paragraph is read: a space, or a cell boundary (read/tab_rows.py)


def _normalize(s: str, printable: bool | None = None) -> str:
    """``normalize_with_map(s)[0]`` for white-space-collapsed ``s``, skipping its per-character scans
    when C-level checks show they have nothing to do: printable text holds none of the characters
    of :data:`_NEEDS_FULL` but its three letters (the others are spaces and format characters,
    all unprintable), and fix_tones looks for an old tone placement itself. ``printable`` is
    ``s.isprintable()`` when the caller knows it."""
    if unicodedata.is_normalized("NFC", s):
        if printable if printable is not None else s.isprintable():
            if "\u00d0" not in s and "\u00f0" not in s and "\u0189" not in s:
                return fix_tones(s)
        elif not _NEEDS_FULL.search(s):
            return fix_tones(s)
    return normalize_with_map(s)[0]


def _block_text(raw: str) -> str:
    """``_normalize(" ".join(raw.split()))``: text whose only white space is single blanks is not split
    (every other character ``str.split`` splits at is unprintable)."""
    if raw.isprintable() and "  " not in raw:
        return _normalize(raw.strip(" "), True)
    return _normalize(" ".join(raw.split()))


#: A run's formatting as :class:`Run` takes it after its text: font, size, bold, italic, caps, underline.
_Format = tuple[Any, ...]


def _format_key(props: dict[str, Any]) -> _Format:
    return (props.get("font"), props.get("size"), props.get("bold"), props.get("italic"), props.get("caps"),
            props.get("underline"))


def read_docx(data: bytes, *, path: str | None = None, max_xml_bytes: int | None = None) -> SourceDocument:
    """Read a .docx held in memory into a :class:`SourceDocument`."""
    pkg = Package(data, path=path, max_xml_bytes=max_xml_bytes)
    main = _main_part(pkg)
    root = pkg.xml(main)
    body = root.find(_W + "body")
    if body is None:
        raise CorruptFileError(f"{main} has no w:body", path=path, hint="save the file again from Word")
    reader = _Reader(pkg, main)
    reader.body(body)
    reader.blocks = tab_columns(reader.blocks, reader.tab_rows, reader.table_count)
    if not reader.blocks:
        raise EmptyInputError("the document holds no text", path=path)
    warnings = sorted(reader.numbering.notes)
    warnings += [
        f"{n} đoạn chữ phông {font} ({legacy.encoding_of_font(font)}) đã được chuyển sang Unicode / "
        f"{n} run(s) in font {font} converted from {legacy.encoding_of_font(font)} to Unicode"
        for font, n in sorted(reader.legacy_runs.items())
    ]
    if reader.alt_chunks:
        warnings.append(f"{reader.alt_chunks} đoạn nhúng (altChunk) không được đọc / "
                        f"{reader.alt_chunks} embedded alternative-format chunk(s) (w:altChunk) were not read")
    pages = tuple(_page_setup(s) for s in reader.sections)
    return clean_document(SourceDocument(blocks=tuple(reader.blocks), format="docx", path=path, pages=pages,
                                         warnings=tuple(warnings)))
