"""Builders of the development corpus (issue 13): binary documents made in code from sources in the repo.

``tests/data/real/own/`` holds the documents written for vnplan. A Word or PDF document is kept
as a text source that says what its layout is, and is built here when a test needs it:

- ``build_docx(source)`` turns the ``.docx.txt`` markup into a .docx (python-docx + lxml);
- ``build_pdf(source)`` turns the ``.pdf.txt`` markup into a text-layer PDF;
- ``to_cp1258(text)`` writes a UTF-8 source the way Vietnamese Windows saves "ANSI" text;
- ``materialise(path)`` builds the file a source stands for into a cache folder and returns it;
- ``resolve(document)`` turns a gold file's ``document`` value into a path (or None when the
  shared corpus is absent).

``.docx.txt`` markup
====================
As defined in tests/data/compliance/README.md: one line, one paragraph; blank lines are dropped.
Between ``@table`` and ``@end`` each line is a table row, cells split on `` | ``, lines inside a
cell on `` // `` (each a paragraph of the cell); ``@table borderless`` for header and signature
tables. A line (and each line of a cell) may start with ``@center``, ``@right``, ``@bold``,
``@italic`` to set alignment and character format. ``@auto-decimal`` (1.), ``@auto-roman`` (I.),
``@auto-letter`` (a)) and ``@auto-dash`` (-) number the paragraph with Word's automatic numbering
(a real numbering part) instead of a typed label; the level is the number of ``>`` written before
or right after the directive (``>> @auto-letter Nội dung`` is level 2). Consecutive automatic
paragraphs form one multilevel list, deeper counters restarting under a shallower item as in
Word; a level used with another format than before starts a new list.

Additions used by the corpus:

- ``@left`` and ``@justify`` alignments; ``@12`` (any number) sets the font size in points;
- `` \\\\ `` inside a paragraph or a cell line is a line break inside the paragraph (Shift+Enter);
  the text after it may start with its own ``@bold``/``@italic``/``@12`` for that line only;
- ``@pagebreak`` on its own line starts a new page; ``@restart`` starts a new automatic list;
- ``@table borderless widths=70,95`` gives the column widths in millimetres;
- cell lines of a borderless table are centred unless they say otherwise (``@left`` for a
  Nơi nhận list), bordered-table cells are left-aligned; table text is 13 pt, body 14 pt;
- body paragraphs are justified with a 1 cm first-line indent unless aligned otherwise.

The page is A4, margins 20/20/30/15 mm, Times New Roman (Decree 30/2020/NĐ-CP, Phụ lục I).

``.pdf.txt`` markup
===================
One source line, one instruction; a blank source line moves down by one line; ``#`` starts a
comment line. A4 pages (595 × 842 pt), left margin 85 pt (30 mm), right margin 42 pt (15 mm),
first baseline at y = 800 (y counts from the bottom). Every glyph is 0.5 em wide, a space 0.25 em.
Text lines:

- ``text``: a paragraph, wrapped to the text width, its first line indented 35 pt;
- ``@left text``: one line at the left margin, not wrapped;
- ``@at X text``: one line starting at x = X;
- ``@center text`` / ``@right text``: one line centred on the text column / right-aligned;
- ``left || right``: a two-column row (a header or closing table), each part centred in its
  column; either part may be empty; each part may carry its own directives (``@center``,
  ``@left``, ``@at X``, ``@bold``…);
- ``@bold`` / ``@italic`` before a line or part draw it in the bold / italic face (another
  BaseFont, as Word's PDF export does).

Settings, each on its own line: ``@page`` (new page), ``@size N`` (font size, default 13),
``@leading N`` (baseline distance, default 1.3 × size), ``@y N`` (next baseline), ``@space N``
(move down N pt), ``@columns L1 R1 L2 R2`` (the two columns' extents, default 40 290 290 580),
``@lcolumns`` / ``@ccolumns`` (parts of ``||`` rows start at their column's left edge, as a Nơi
nhận list does / are centred, the default).

The layouts real portal PDFs have:

- ``{…}`` marks letters drawn with a *fallback font* (a second font object with its own
  ToUnicode map and codes), as when a font lacks Vietnamese letters; ``@fallback`` before a
  line or part marks every letter of U+1EA0-U+1EF9 (Ạ…ỹ) in it. The line's main-font pieces
  are drawn first in one text object, then the fallback letters in a later one, each piece at
  its true x. pypdf's extraction order then reads ``C NG HÒA XÃ H I CH NGHĨA VI T NAMỘ Ộ Ủ Ệ``;
  a reader ordering the pieces by position (poppler's ``pdftotext``) reads it right.
- ``@oneline`` (anywhere on a page): the page's text, in source order (a ``||`` row as its two
  parts), is drawn as one line on one baseline, horizontally compressed (``Tz``) to the text
  width, so extraction gives no line break at all.
- ``[[327]]`` inside a line: a blank in the page text, filled by a digital-signature field
  (``/Widget`` annotation, ``/FT /Sig``) whose appearance stream draws ``327`` over it, as
  signing systems stamp the number and the date into a document signed unnumbered.
- ``@stamp X Y: line // line``: a signature field whose appearance draws the lines (Arial 9 pt)
  with the first baseline at (X, Y): the "Ký bởi: … // Thời gian ký: …" box; ``Y`` may be
  ``.``, the baseline of the line drawn last.
- ``@overlay X Y: line // line``: the same box drawn in the page content itself, after
  everything else on the page (a signature box flattened into the page).

``.cp1258.txt``
===============
A UTF-8 source written out in Windows-1258 with CRLF line ends, as Vietnamese Windows saves
"ANSI" text: letters that code page holds (``á``, ``â``, ``ơ``, ``đ``) as one byte, every other
toned letter as its base letter plus a combining tone mark (``ộ`` → ``ô`` + U+0323).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REAL = Path(__file__).parent / "data" / "real"
BUILDER_VERSION = "1"

# =============================================================================== .docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
TNR = "Times New Roman"
BODY_PT = 14
TABLE_PT = 13

_AUTO = {  # directive -> (numFmt, lvlText pattern, bullet glyph)
    "@auto-decimal": ("decimal", "%{n}."),
    "@auto-roman": ("upperRoman", "%{n}."),
    "@auto-letter": ("lowerLetter", "%{n})"),
    "@auto-dash": ("bullet", "-"),
}
_ALIGN_TOKENS = {"@center", "@right", "@left", "@justify"}
_FORMAT_TOKENS = {"@bold", "@italic"}
_SIZE_TOKEN = re.compile(r"@(\d{1,2}(?:\.5)?)$")
_BREAK = " \\\\ "  # ' \\ ' in the source: a line break inside the paragraph


class _Line:
    """One paragraph of the markup with its directives taken off."""

    __slots__ = ("align", "auto", "bold", "italic", "level", "size", "text")

    def __init__(self) -> None:
        self.text = ""
        self.align: str | None = None
        self.bold = False
        self.italic = False
        self.size: float | None = None
        self.auto: str | None = None
        self.level = 0


def _directives(line: str) -> _Line:
    """Split leading directives (``@center``, ``@bold``, ``@auto-…``, ``>``, ``@13``) from the text."""
    out = _Line()
    rest = line.strip()
    while rest:
        head, _, tail = rest.partition(" ")
        if head in _ALIGN_TOKENS:
            out.align = head[1:]
        elif head == "@bold":
            out.bold = True
        elif head == "@italic":
            out.italic = True
        elif head in _AUTO:
            out.auto = head
        elif head and set(head) == {">"}:
            out.level += len(head)
        elif _SIZE_TOKEN.match(head):
            out.size = float(_SIZE_TOKEN.match(head).group(1))  # type: ignore[union-attr]
        else:
            break
        rest = tail.lstrip()
    out.text = rest
    return out


class _Lists:
    """The numbering part's lists: one abstractNum + num per list, levels filled as used."""

    def __init__(self) -> None:
        self.lists: list[dict[int, str]] = []  # level -> directive, per list
        self.new_list = True

    def num_for(self, level: int, directive: str) -> int:
        cur = self.lists[-1] if self.lists and not self.new_list else None
        if cur is None or cur.get(level, directive) != directive:
            cur = {}
            self.lists.append(cur)
        self.new_list = False
        cur[level] = directive
        return len(self.lists) - 1

    def xml(self, base_id: int) -> tuple[list[str], list[str]]:
        abstracts, nums = [], []
        for k, levels in enumerate(self.lists):
            lvls = []
            for ilvl in range(9):
                directive = levels.get(ilvl, "@auto-decimal")
                fmt, pattern = _AUTO[directive]
                text = pattern.format(n=ilvl + 1)
                ind = 567 * ilvl
                lvls.append(
                    f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{ind}" w:firstLine="567"/></w:pPr></w:lvl>')
            aid = base_id + k
            abstracts.append(f'<w:abstractNum {NSDECL} w:abstractNumId="{aid}">'
                             f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
            nums.append(f'<w:num {NSDECL} w:numId="{aid}"><w:abstractNumId w:val="{aid}"/></w:num>')
        return abstracts, nums


def _cell_lines(text: str) -> list[str]:
    """A cell's lines: split on `` // `` (``A //  // B`` or ``A // // B`` leave an empty line)."""
    return [part.strip() for part in re.split(r"(?:^| )//(?= |$)", text)]


def _set_font(run: Any, size: float | None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = TNR
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), TNR)
    if size is not None:
        run.font.size = Pt(size)


def _fill_paragraph(p: Any, spec: _Line, *, default_align: str, default_size: float | None,
                    lists: _Lists, numbered: list[tuple[Any, int, int]]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    align = spec.align or default_align
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                   "left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if align == "justify" and spec.auto is None:
        p.paragraph_format.first_line_indent = Cm(1)
    pieces = spec.text.split(_BREAK)
    for k, piece in enumerate(pieces):
        own = _directives(piece) if k else None  # a piece after a break may set its own format
        run = p.add_run(own.text if own else piece)
        run.bold = spec.bold or (own is not None and own.bold) or None
        run.italic = spec.italic or (own is not None and own.italic) or None
        _set_font(run, (own.size if own else None) or spec.size or default_size)
        if k + 1 < len(pieces):
            run.add_break()
    if spec.auto is not None:
        numbered.append((p, lists.num_for(spec.level, spec.auto), spec.level))


def build_docx(source: str) -> bytes:
    """The .docx a ``.docx.txt`` source describes (markup in the module docstring)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = TNR
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(f"{{{W_NS}}}eastAsia", TNR)
    normal.paragraph_format.space_after = Pt(6)

    lists = _Lists()
    numbered: list[tuple[Any, int, int]] = []
    lines = iter(source.splitlines())
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped == "@pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        if stripped == "@restart":
            lists.new_list = True
            continue
        if stripped.startswith("@table"):
            words = stripped.split()
            borderless = "borderless" in words
            widths = next((w.split("=", 1)[1] for w in words if w.startswith("widths=")), None)
            rows: list[list[str]] = []
            for row in lines:
                if row.strip() == "@end":
                    break
                if row.strip():
                    rows.append(row.strip().split(" | "))
            ncols = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=ncols)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            if not borderless:
                table.style = doc.styles["Table Grid"]
            col_mm = [float(w) for w in widths.split(",")] if widths else [165 / ncols] * ncols
            for r, cells in enumerate(rows):
                for c in range(ncols):
                    cell = table.cell(r, c)
                    cell.width = Mm(col_mm[c])
                    text = cells[c] if c < len(cells) else ""
                    for k, cline in enumerate(_cell_lines(text)):
                        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                        p.paragraph_format.space_after = Pt(0)
                        spec = _directives(cline)
                        _fill_paragraph(p, spec, default_align="center" if borderless else "left",
                                        default_size=TABLE_PT, lists=lists, numbered=numbered)
            continue
        spec = _directives(line)
        p = doc.add_paragraph()
        _fill_paragraph(p, spec, default_align="justify", default_size=None, lists=lists, numbered=numbered)

    if lists.lists:
        base = 100
        abstracts, nums = lists.xml(base)
        numbering = doc.part.numbering_part.element
        last_abstract = numbering.findall(f"{{{W_NS}}}abstractNum")[-1]
        for xml in reversed(abstracts):
            last_abstract.addnext(parse_xml(xml))
        for xml in nums:
            numbering.append(parse_xml(xml))
        for p, list_no, level in numbered:
            ppr = p._p.get_or_add_pPr()
            ppr.insert(0, parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="{level}"/>'
                                    f'<w:numId w:val="{base + list_no}"/></w:numPr>'))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# =============================================================================== PDF

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 85.0, 553.0  # 30 mm and 15 mm margins
TOP = 800.0
INDENT = 35.0
GLYPH, SPACE = 500, 250  # advance widths (thousandths of an em) of every font here

_MAIN, _BOLD, _ITALIC, _FALLBACK, _SANS = "main", "bold", "italic", "fallback", "sans"
_BASEFONT = {_MAIN: "TimesNewRomanPSMT", _BOLD: "TimesNewRomanPS-BoldMT",
             _ITALIC: "TimesNewRomanPS-ItalicMT", _FALLBACK: "ArialUnicodeMS", _SANS: "ArialMT"}
_FONT_RES = {_MAIN: "F1", _BOLD: "F2", _ITALIC: "F3", _FALLBACK: "F4", _SANS: "F5"}


def _advance(text: str, size: float) -> float:
    return sum(SPACE if c == " " else GLYPH for c in text) * size / 1000


class _Codes:
    """Two-byte glyph codes (Identity-H) of one code space; the fallback font has its own."""

    def __init__(self, first: int) -> None:
        self.first = first
        self.code: dict[str, int] = {}

    def encode(self, text: str) -> str:
        out = []
        for c in text:
            if c not in self.code:
                self.code[c] = self.first + len(self.code)
            out.append(f"{self.code[c]:04X}")
        return "<" + "".join(out) + ">"

    def cmap(self) -> bytes:
        pairs = sorted(self.code.items(), key=lambda kv: kv[1])
        chunks = [pairs[i:i + 100] for i in range(0, len(pairs), 100)]
        body = "".join(f"{len(ch)} beginbfchar\n" + "\n".join(f"<{cid:04X}> <{ord(c):04X}>" for c, cid in ch)
                       + "\nendbfchar\n" for ch in chunks)
        return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + body
                + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend").encode()

    def widths(self) -> str:
        spaces = [cid for c, cid in self.code.items() if c == " "]
        return " ".join(f"{cid} [{SPACE}]" for cid in spaces)


class _PdfPage:
    def __init__(self) -> None:
        self.ops: list[str] = []
        self.late: list[str] = []  # drawn after everything else (fallback runs are per line)
        self.overlay: list[str] = []
        self.stamps: list[tuple[float, float, float, list[str], str]] = []  # x, y, size, lines, font
        self.oneline = False
        self.flat: list[str] = []  # the page's text in reading order, for @oneline


_FALLBACK_RE = re.compile(r"\{([^{}]*)\}")
_STAMP_RE = re.compile(r"\[\[([^\]]*)\]\]")


def _mark_fallback(text: str) -> str:
    """Brace every letter of U+1EA0-U+1EF9 (Ạ…ỹ: the toned letters outside Latin-1 and Latin
    Extended-A/B), the letters a font without Vietnamese support takes from a fallback font."""
    return re.sub("([\u1ea0-\u1ef9]+)", r"{\1}", text.replace("{", "").replace("}", ""))


def _split_fallback(text: str) -> tuple[str, list[bool]]:
    """Plain text and, per character, whether it is drawn with the fallback font."""
    plain, flags = [], []
    pos = 0
    for m in _FALLBACK_RE.finditer(text):
        for c in text[pos:m.start()]:
            plain.append(c)
            flags.append(False)
        for c in m.group(1):
            plain.append(c)
            flags.append(True)
        pos = m.end()
    for c in text[pos:]:
        plain.append(c)
        flags.append(False)
    return "".join(plain), flags


def _wrap(text: str, first_width: float, width: float, size: float) -> list[str]:
    words = text.split(" ")
    lines: list[str] = []
    cur = ""
    limit = first_width
    for w in words:
        cand = f"{cur} {w}" if cur else w
        if cur and _advance(_FALLBACK_RE.sub(r"\1", cand), size) > limit:
            lines.append(cur)
            cur = w
            limit = width
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


class _PdfBuilder:
    def __init__(self) -> None:
        self.codes = _Codes(1)
        self.fallback_codes = _Codes(0x0100)
        self.pages: list[_PdfPage] = [_PdfPage()]
        self.size = 13.0
        self.leading: float | None = None
        self.y = TOP
        self.columns = (40.0, 290.0, 290.0, 580.0)
        self.col_align = "center"
        self.last_y = TOP

    @property
    def page(self) -> _PdfPage:
        return self.pages[-1]

    def lead(self) -> float:
        return self.leading if self.leading is not None else round(self.size * 1.3, 2)

    def codes_for(self, font: str) -> _Codes:
        return self.fallback_codes if font == _FALLBACK else self.codes

    def draw(self, x: float, text: str, font: str, *, y: float | None = None) -> None:
        """Draw one line at (x, current baseline); ``{…}`` letters go to a later fallback run."""
        y = self.y if y is None else y
        if "[[" in text:
            text = self._inline_stamps(x, y, text)
        plain, flags = _split_fallback(text)
        self.page.flat.append(plain)
        if not plain:
            return
        xs, cur = [], x
        for c in plain:
            xs.append(cur)
            cur += _advance(c, self.size)
        pieces: dict[bool, list[tuple[float, str]]] = {False: [], True: []}
        start = 0
        for k in range(1, len(plain) + 1):
            if k == len(plain) or flags[k] != flags[start]:
                pieces[flags[start]].append((xs[start], plain[start:k]))
                start = k
        res = _FONT_RES[font]
        ops = [f"BT /{res} {self.size:g} Tf"]
        for px, t in pieces[False]:
            ops.append(f"1 0 0 1 {px:.2f} {y:.2f} Tm {self.codes.encode(t)} Tj")
        ops.append("ET")
        self.page.ops.append(" ".join(ops))
        if pieces[True]:
            fb = [f"BT /{_FONT_RES[_FALLBACK]} {self.size:g} Tf"]
            for px, t in pieces[True]:
                fb.append(f"1 0 0 1 {px:.2f} {y:.2f} Tm {self.fallback_codes.encode(t)} Tj")
            fb.append("ET")
            self.page.ops.append(" ".join(fb))

    def _inline_stamps(self, x: float, y: float, text: str) -> str:
        """``[[327]]`` in a line: a blank in the page text, and a signature field whose appearance
        draws ``327`` over it (the number or date a signing system stamps)."""
        out = ""
        pos = 0
        for m in _STAMP_RE.finditer(text):
            out += text[pos:m.start()]
            value = m.group(1)
            blank = " " * max(8, 2 * len(value) + 2)
            at = x + self._width(out) + 2 * _advance(" ", self.size)
            self.codes.encode(value)
            self.page.stamps.append((at, y, self.size, [value], _MAIN))
            out += blank
            pos = m.end()
        return out + text[pos:]

    def newline(self) -> None:
        self.y -= self.lead()

    def _part(self, text: str) -> tuple[str, str, str | None, float | None]:
        """Leading ``@bold``/``@italic``/``@center``/``@right``/``@left``/``@at X`` of a line or part,
        in any order: (text, font, alignment, x)."""
        font, align, x = _MAIN, None, None
        while True:
            head, _, tail = text.partition(" ")
            if head == "@bold":
                font = _BOLD
            elif head == "@italic":
                font = _ITALIC
            elif head in ("@center", "@right", "@left"):
                align = head[1:]
            elif head == "@at":
                xs, _, tail = tail.partition(" ")
                align, x = "at", float(xs)
            elif head == "@fallback":
                tail = _mark_fallback(tail)
            else:
                return text, font, align, x
            text = tail.lstrip()

    def _width(self, text: str) -> float:
        text = _STAMP_RE.sub(lambda m: " " * max(8, 2 * len(m.group(1)) + 2), text)
        return _advance(_FALLBACK_RE.sub(r"\1", text), self.size)

    def line(self, raw: str) -> None:
        text = raw.strip()
        if " || " in f" {text} ":
            left, _, right = f" {text} ".partition(" || ")
            l0, l1, r0, r1 = self.columns
            for part, a, b in ((left.strip(), l0, l1), (right.strip(), r0, r1)):
                t, font, align, x = self._part(part)
                if not t:
                    continue
                if x is None:
                    left_aligned = align == "left" or (align is None and self.col_align == "left")
                    x = a if left_aligned else (a + b) / 2 - self._width(t) / 2
                self.draw(x, t, font)
            self.last_y = self.y
            self.newline()
            return
        text, font, align, x = self._part(text)
        if align == "center":
            self.draw((LEFT + RIGHT) / 2 - self._width(text) / 2, text, font)
        elif align == "right":
            self.draw(RIGHT - self._width(text), text, font)
        elif align == "left":
            self.draw(LEFT, text, font)
        elif align == "at":
            self.draw(x or LEFT, text, font)
        else:
            wrapped = _wrap(text, RIGHT - LEFT - INDENT, RIGHT - LEFT, self.size)
            for k, t in enumerate(wrapped):
                self.draw(LEFT + (INDENT if k == 0 else 0), t, font)
                if k + 1 < len(wrapped):
                    self.newline()
        self.last_y = self.y
        self.newline()

    def stamp_lines(self, spec: str) -> tuple[float, float, list[str]]:
        where, _, text = spec.partition(":")
        xs, ys = where.split()
        x, y = float(xs), (self.last_y if ys == "." else float(ys))
        return x, y, [t for t in _cell_lines(text.strip()) if t]

    def run(self, source: str) -> bytes:
        for raw in source.splitlines():
            s = raw.strip()
            if not s:
                self.newline()
                continue
            if s.startswith("#"):
                continue
            word, _, arg = s.partition(" ")
            if word == "@page":
                self.pages.append(_PdfPage())
                self.y = TOP
            elif word == "@size":
                self.size = float(arg)
            elif word == "@leading":
                self.leading = float(arg)
            elif word == "@y":
                self.y = float(arg)
            elif word == "@space":
                self.y -= float(arg)
            elif word == "@columns":
                self.columns = tuple(float(v) for v in arg.split())  # type: ignore[assignment]
            elif word == "@lcolumns":
                self.col_align = "left"
            elif word == "@ccolumns":
                self.col_align = "center"
            elif word == "@oneline":
                self.page.oneline = True
            elif word == "@stamp":
                x, y, lines = self.stamp_lines(arg)
                for t in lines:
                    self.codes.encode(t)
                self.page.stamps.append((x, y, 9.0, lines, _SANS))
            elif word == "@overlay":
                x, y, lines = self.stamp_lines(arg)
                ops = [f"BT /{_FONT_RES[_SANS]} 8 Tf"]
                for k, t in enumerate(lines):
                    ops.append(f"1 0 0 1 {x:.2f} {y - 10 * k:.2f} Tm {self.codes.encode(t)} Tj")
                ops.append("ET")
                self.page.overlay.append(" ".join(ops))
            else:
                self.line(s)
        return self.serialise()

    def page_stream(self, page: _PdfPage) -> str:
        if page.oneline:
            text = " ".join(t for t in (" ".join(f.split()) for f in page.flat) if t)
            natural = _advance(text, self.size) or 1.0
            scale = min(100.0, 100.0 * (RIGHT - LEFT) / natural)
            body = [(f"BT /{_FONT_RES[_MAIN]} {self.size:g} Tf {scale:.4f} Tz 1 0 0 1 {LEFT:.2f} {TOP:.2f} Tm "
                     f"{self.codes.encode(text)} Tj ET")]
        else:
            body = page.ops
        return "\n".join(body + page.overlay)

    def serialise(self) -> bytes:
        streams = [self.page_stream(p) for p in self.pages]  # encodes every character first
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        def stream(data: bytes, extra: str = "") -> bytes:
            return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"

        def type0(base: str, codes: _Codes) -> int:
            tounicode = add(stream(codes.cmap()))
            desc = add(f"<< /Type /FontDescriptor /FontName /{base} /Flags 32 /FontBBox [-200 -250 1200 900] "
                       f"/ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 >>".encode())
            cid = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base} "
                      f"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                      f"/FontDescriptor {desc} 0 R /DW {GLYPH} /W [{codes.widths()}] /CIDToGIDMap /Identity >>".encode())
            return add(f"<< /Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H "
                       f"/DescendantFonts [{cid} 0 R] /ToUnicode {tounicode} 0 R >>".encode())

        fonts = {name: type0(_BASEFONT[name], self.codes_for(name)) for name in _FONT_RES}
        font_res = "<< " + " ".join(f"/{_FONT_RES[n]} {fid} 0 R" for n, fid in fonts.items()) + " >>"
        n_pages = len(self.pages)
        # object numbers: pages tree and catalog go last; page objects are reserved as we go
        contents, annots_per_page = [], []
        for page, data in zip(self.pages, streams):
            contents.append(add(stream(data.encode("latin-1"))))
            annots = []
            for k, (x, y, size, lines, font) in enumerate(page.stamps):
                width = max(_advance(t, size) for t in lines) + 4
                height = size * 1.25 * len(lines) + 4
                top_pad = height - (size + 2)
                ops = [f"BT /{_FONT_RES[font]} {size:g} Tf"]
                for j, t in enumerate(lines):
                    ops.append(f"1 0 0 1 2 {top_pad - j * size * 1.25:.2f} Tm {self.codes.encode(t)} Tj")
                ops.append("ET")
                ap = add(stream(" ".join(ops).encode("latin-1"),
                                f" /Type /XObject /Subtype /Form /BBox [0 0 {width:.2f} {height:.2f}] "
                                f"/Resources << /Font {font_res} >>"))
                y0 = y - top_pad
                annots.append((ap, [x - 2, y0, x - 2 + width, y0 + height], k))
            annots_per_page.append(annots)
        first_page = len(objects) + 1
        annot_ids: list[list[int]] = []
        next_id = first_page + n_pages
        for annots in annots_per_page:
            annot_ids.append(list(range(next_id, next_id + len(annots))))
            next_id += len(annots)
        pages_id = next_id
        catalog_id = pages_id + 1
        for k, (content, ids) in enumerate(zip(contents, annot_ids)):
            annots = f" /Annots [{' '.join(f'{i} 0 R' for i in ids)}]" if ids else ""
            add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W:g} {PAGE_H:g}] "
                f"/Resources << /Font {font_res} >> /Contents {content} 0 R{annots} >>".encode())
        all_fields = []
        for k, annots in enumerate(annots_per_page):
            for ap, rect, j in annots:
                fid = add(f"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature{k + 1}_{j + 1}) /F 132 "
                          f"/Rect [{' '.join(f'{v:.2f}' for v in rect)}] /AP << /N {ap} 0 R >> "
                          f"/P {first_page + k} 0 R >>".encode())
                all_fields.append(fid)
        kids = " ".join(f"{first_page + k} 0 R" for k in range(n_pages))
        assert add(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode()) == pages_id
        acro = (f" /AcroForm << /Fields [{' '.join(f'{i} 0 R' for i in all_fields)}] /SigFlags 3 >>"
                if all_fields else "")
        assert add(f"<< /Type /Catalog /Pages {pages_id} 0 R{acro} >>".encode()) == catalog_id
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for k, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(objects) + 1} /Root {catalog_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)


def build_pdf(source: str) -> bytes:
    """The PDF a ``.pdf.txt`` source describes (markup in the module docstring)."""
    return _PdfBuilder().run(source)


# =============================================================================== cp1258


_CP1258_TONES = "\u0300\u0301\u0303\u0309\u0323"  # the combining tone marks Windows-1258 holds


def to_cp1258(text: str) -> bytes:
    """``text`` as Windows-1258 bytes with CRLF line ends (the Vietnamese Windows "ANSI" file)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text.replace("\r\n", "\n")):
        if ch == "\n":
            out += b"\r\n"
            continue
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        for k, tone in enumerate(marks):  # compose the rest, keep one tone mark apart
            if tone not in _CP1258_TONES:
                continue
            head = unicodedata.normalize("NFC", base + marks[:k] + marks[k + 1:])
            try:
                out += head.encode("cp1258") + tone.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise ValueError(f"{ch!r} has no Windows-1258 form")
    return bytes(out)


def from_cp1258(data: bytes) -> str:
    """The inverse of :func:`to_cp1258`: NFC text with LF line ends."""
    return unicodedata.normalize("NFC", data.decode("cp1258").replace("\r\n", "\n"))


# =============================================================================== files

_BUILT = {".docx.txt": (".docx", build_docx), ".pdf.txt": (".pdf", build_pdf),
          ".cp1258.txt": (".txt", to_cp1258)}


def cache_dir() -> Path:
    """Where built documents go: ``$VNPLAN_REAL_CACHE`` or a folder in the temporary directory."""
    root = os.environ.get("VNPLAN_REAL_CACHE")
    path = Path(root) if root else Path(tempfile.gettempdir()) / "vnplan-real-corpus"
    path.mkdir(parents=True, exist_ok=True)
    return path


def source_kind(path: str | os.PathLike[str]) -> str | None:
    """``.docx.txt``, ``.pdf.txt`` or ``.cp1258.txt`` for a built document's source, else None."""
    name = Path(path).name
    return next((suffix for suffix in _BUILT if name.endswith(suffix)), None)


def materialise(path: str | os.PathLike[str]) -> Path:
    """The file a corpus source stands for: built into the cache for ``.docx.txt``, ``.pdf.txt``
    and ``.cp1258.txt`` (named ``<name>.docx``, ``<name>.pdf``, ``<name>.txt``); any other file
    is its own document. A relative path is taken from tests/data/real/ when it is not found
    from the working folder."""
    p = Path(path)
    if not p.is_absolute() and not p.exists():
        p = REAL / p
    kind = source_kind(p)
    if kind is None:
        if not p.exists():
            raise FileNotFoundError(p)
        return p
    data = p.read_bytes()
    ext, builder = _BUILT[kind]
    digest = hashlib.sha256(BUILDER_VERSION.encode() + kind.encode() + data).hexdigest()[:16]
    out = cache_dir() / digest / (p.name[: -len(kind)] + ext)
    if not out.exists():
        text = data.decode("utf-8")
        built = builder(text)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(out.suffix + ".part")
        tmp.write_bytes(built)
        tmp.replace(out)
    return out


def shared_corpus() -> Path | None:
    """The shared corpus folder (``shared/corpus`` beside the checkout or a parent of it, or
    ``$VNPLAN_SHARED``/corpus), or None where it is absent."""
    env = os.environ.get("VNPLAN_SHARED")
    candidates = [Path(env) / "corpus"] if env else []
    root = Path(__file__).resolve().parent.parent
    candidates += [parent / "shared" / "corpus" for parent in root.parents]
    return next((c for c in candidates if c.is_dir()), None)


def shared_document(relative: str) -> Path:
    """A real document of the shared corpus (``pdf/…``, ``real/…``, ``text/…``) for a test, which
    is skipped, saying why, where the shared corpus (``../shared/corpus``) is absent."""
    import pytest

    base = shared_corpus()
    if base is None or not (base / relative).is_file():
        pytest.skip(f"needs the real document shared/corpus/{relative} (the shared corpus beside the "
                    "checkout, or $VNPLAN_SHARED); real documents are never copied into the project")
    return base / relative


def resolve(document: str) -> Path | None:
    """A gold file's ``document`` as a readable path: ``own/…`` materialised, ``shared:…`` in the
    shared corpus (None when that is absent)."""
    if document.startswith("shared:"):
        base = shared_corpus()
        return base / document[len("shared:"):] if base is not None else None
    return materialise(REAL / document)


def gold_files() -> Iterator[Path]:
    """Every gold file of the development corpus, own documents first."""
    yield from sorted((REAL / "own").glob("*.gold.json"))
    yield from sorted((REAL / "shared").glob("*.gold.json"))
