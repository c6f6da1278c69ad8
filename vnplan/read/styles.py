"""Word styles (styles.xml) and effective formatting: defaults, paragraph-style chain, run style, direct."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lxml import etree

from vnplan.read import limits, values
from vnplan.read.limits import exceeded
from vnplan.read.same_bytes import SameBytes
from vnplan.read.style_sheet import Sheet, split

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_W = "{%s}" % W
_VAL = _W + "val"

#: Run properties vnplan keeps: font, size (pt), bold, italic, caps, underline, vanish (hidden).
RunProps = dict[str, Any]

_TOGGLES = {_W + "b": "bold", _W + "i": "italic", _W + "caps": "caps", _W + "vanish": "vanish",
            _W + "smallCaps": "small_caps"}
_FALSE = {"0", "false", "off", "none"}
_SZ, _RFONTS, _U, _RSTYLE = _W + "sz", _W + "rFonts", _W + "u", _W + "rStyle"
_STYLE, _STYLE_ID, _TYPE, _DEFAULT = _W + "style", _W + "styleId", _W + "type", _W + "default"
_ASCII, _HANSI, _ASCII_THEME, _HANSI_THEME, _CS, _EAST_ASIA = (
    _W + a for a in ("ascii", "hAnsi", "asciiTheme", "hAnsiTheme", "cs", "eastAsia"))


def parse_rpr(rpr: etree._Element | None, theme: dict[str, str] | None = None) -> RunProps:
    """The properties set by one ``w:rPr`` (only those it sets)."""
    if rpr is None:
        return {}
    return rpr_facts(rpr, theme)[0]


def rpr_facts(rpr: etree._Element, theme: dict[str, str] | None = None) -> tuple[RunProps, str | None]:
    """:func:`parse_rpr` of a ``w:rPr`` and the ``w:val`` of its first ``w:rStyle``, in one pass."""
    out: RunProps = {}
    rstyle: etree._Element | None = None
    for el in rpr:
        tag = el.tag
        kind = _RPR_KINDS.get(tag)
        if kind is None:  # w:szCs, w:lang, w:color, w:bCs...: nothing vnplan keeps
            continue
        if kind is _TOGGLE:
            v = el.get(_VAL)
            out[_TOGGLES[tag]] = v is None or v.lower() not in _FALSE
        elif kind is _SIZE:
            v = el.get(_VAL)
            size = _HALF_POINTS.get(v)  # type: ignore[arg-type]  # "1".."3276": what Word writes
            if size is None:
                half_points = values.integer(v, lo=1, hi=3276)  # Word: 0.5 to 1638 pt
                if half_points is not None:
                    out["size"] = half_points / 2
            else:
                out["size"] = size
        elif kind is _FONTS:
            font = el.get(_ASCII) or el.get(_HANSI)
            if font is None and theme:
                th = el.get(_ASCII_THEME) or el.get(_HANSI_THEME)
                if th:
                    font = theme.get("minor" if th.startswith("minor") else "major")
            if font is None:
                font = el.get(_CS) or el.get(_EAST_ASIA)
            if font:
                out["font"] = font
        elif kind is _UNDERLINE:
            v = el.get(_VAL)
            out["underline"] = v is not None and v.lower() not in _FALSE
        elif rstyle is None:  # w:rStyle
            rstyle = el
    return out, rstyle.get(_VAL) if rstyle is not None else None


# What :func:`rpr_facts` does with each child of a w:rPr, by its tag (one look-up per child).
_TOGGLE, _SIZE, _FONTS, _UNDERLINE, _RUN_STYLE = "toggle", "size", "fonts", "underline", "run style"
_RPR_KINDS = {**dict.fromkeys(_TOGGLES, _TOGGLE), _SZ: _SIZE, _RFONTS: _FONTS, _U: _UNDERLINE, _RSTYLE: _RUN_STYLE}
#: ``values.integer(v, lo=1, hi=3276) / 2`` of the values Word writes for a size in half points.
_HALF_POINTS = {str(n): n / 2 for n in range(1, 3277)}


#: Themes' fonts, by the theme part's bytes (read/same_bytes.py).
_THEMES: SameBytes[dict[str, str]] = SameBytes()


def theme_of_part(data: bytes, parse: Callable[[bytes], etree._Element]) -> dict[str, str]:
    """:func:`read_theme` of the part ``data``, which ``parse`` builds the tree of; worked out once per
    distinct part, as a theme is the same in every document of its template."""
    return dict(_THEMES.get(data, lambda part: read_theme(parse(part))))


def read_theme(root: etree._Element | None) -> dict[str, str]:
    """Major and minor Latin fonts of the theme."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for kind in ("major", "minor"):
        el = root.find(f".//{{{A}}}{kind}Font/{{{A}}}latin")
        if el is not None and el.get("typeface"):
            out[kind] = el.get("typeface")  # type: ignore[assignment]
    return out


# What Word assumes when no style says otherwise (ECMA-376 §17.3.2): 10 pt, no emphasis.
_WORD_DEFAULTS: RunProps = {"size": 10.0, "bold": False, "italic": False, "caps": False, "underline": False}


class Style:
    __slots__ = ("id", "type", "name", "based_on", "ppr", "rpr", "num_id", "ilvl", "outline", "jc", "link")

    def __init__(self) -> None:
        self.id = ""
        self.type = "paragraph"
        self.name = ""
        self.based_on: str | None = None
        self.ppr: etree._Element | None = None
        self.rpr: RunProps = {}
        self.num_id: str | None = None
        self.ilvl: int | None = None
        self.outline: int | None = None
        self.jc: str | None = None
        self.link: str | None = None


# ST_Jc and ST_JcTable (ECMA-376 §17.18.44): anything else is no alignment.
_JC_VALUES = frozenset(("start", "end", "left", "right", "center", "both", "distribute", "mediumKashida",
                        "highKashida", "lowKashida", "thaiDistribute", "numTab"))


def child(el: etree._Element, tag: str) -> etree._Element | None:
    """``el.find(tag)`` for one plain ``{ns}name`` tag: the first child element with it. A loop over
    the children costs a tenth of ``find``, which goes through lxml's ElementPath for every call."""
    for c in el:
        if c.tag == tag:
            return c
    return None


_PSTYLE, _SECTPR, _RPR, _NUMPR, _NUMID, _ILVL, _OUTLINE, _JC_TAG = (
    _W + t for t in ("pStyle", "sectPr", "rPr", "numPr", "numId", "ilvl", "outlineLvl", "jc"))


#: ``values.integer(v, lo=0, hi=8)`` of the values Word writes for a level.
_LEVELS = {str(i): i for i in range(9)}


def ppr_facts(ppr: etree._Element) -> tuple[str | None, int | None, int | None, str | None,
                                            etree._Element | None, etree._Element | None, etree._Element | None]:
    """What a paragraph's ``w:pPr`` says, in one pass over its children: numId, ilvl, outlineLvl and
    jc as :func:`parse_ppr_bits` gives them, then its first ``w:pStyle``, ``w:sectPr`` and ``w:rPr``
    (as ``ppr.find`` gives them)."""
    num_id = ilvl = outline = jc = None
    pstyle = sect = mark = None
    for el in ppr:
        tag = el.tag
        if tag == _NUMPR:
            for c in el:
                ctag = c.tag
                if ctag == _NUMID:
                    num_id = c.get(_VAL)
                    if num_id is not None and len(num_id) > 40:
                        num_id = None  # no numbering definition has such an id
                elif ctag == _ILVL:
                    v = c.get(_VAL)
                    ilvl = _LEVELS.get(v)  # type: ignore[arg-type]  # "0".."8": what Word writes
                    if ilvl is None:
                        ilvl = values.integer(v, lo=0, hi=8, default=0)
        elif tag == _OUTLINE:
            outline = values.integer(el.get(_VAL), lo=0, hi=9)
        elif tag == _JC_TAG:
            jc = values.enum(el.get(_VAL), _JC_VALUES)
        elif tag == _PSTYLE:
            if pstyle is None:
                pstyle = el
        elif tag == _SECTPR:
            if sect is None:
                sect = el
        elif tag == _RPR:
            if mark is None:
                mark = el
    return num_id, ilvl, outline, jc, pstyle, sect, mark


def parse_ppr_bits(ppr: etree._Element | None) -> tuple[str | None, int | None, int | None, str | None]:
    """numId, ilvl, outlineLvl and jc set by one ``w:pPr`` (each through :mod:`vnplan.read.values`)."""
    if ppr is None:
        return None, None, None, None
    return ppr_facts(ppr)[:4]


#: Style sheets cut, by their bytes: the sheet of a template's part is cut once (read/same_bytes.py).
_SHEETS: SameBytes[Sheet | None] = SameBytes()


#: Styles and document defaults read from a sheet's chunks, by theme, id and the bytes parsed.
_STYLES: SameBytes[Style] = SameBytes(size=256, largest=64 << 10, budget=1 << 20)  # one style's chunk: small
_DEFAULT_RUNS: SameBytes[RunProps] = SameBytes()


def _key_part(text: str) -> bytes:
    """``text`` as the start of a key: its length first, so that no two (text, rest) pairs give one key."""
    data = text.encode("utf-8", "surrogatepass")
    return b"%d:" % len(data) + data


def _split(data: bytes) -> Sheet | None:
    return split(data, W.encode())


def _no_chunks(chunk: bytes) -> etree._Element:
    raise AssertionError("a style sheet built from a tree holds no unparsed styles")


class Styles:
    """The style sheet, with effective properties resolved once per style and cached."""

    def __init__(self, root: etree._Element | None, theme: dict[str, str] | None = None, *,
                 path: str | None = None) -> None:
        self.path = path
        self.theme = theme or {}
        self.styles: dict[str, Style] = {}
        self.default_rpr: RunProps = dict(_WORD_DEFAULTS)
        self.default_para: str | None = None
        self.default_char: str | None = None
        self._elements: dict[str, etree._Element | bytes] = {}  # bytes: not parsed yet (from_part)
        self._parse_chunk: Callable[[bytes], etree._Element] = _no_chunks
        self._wrap: Callable[[bytes], bytes] = bytes
        self._theme_key = b""
        self._numbering_ids: list[str] = []  # ids of numbering styles (w:type="numbering"), in order
        self._pcache: dict[str | None, dict[str, Any]] = {}
        self._rcache: dict[tuple[str | None, str | None], RunProps] = {}
        self._merged_cache: dict[str, dict[str, Any]] = {}
        if root is None:
            return
        self._defaults(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
        # Styles are indexed here and parsed on first use: Word's style sheets hold hundreds
        # of styles of which a document uses a handful.
        self._index((el.get(_STYLE_ID) or "", el.get(_TYPE), el.get(_DEFAULT), el) for el in root if el.tag == _STYLE)

    @classmethod
    def from_part(cls, data: bytes, parse: Callable[[bytes], etree._Element], theme: dict[str, str] | None = None,
                  *, path: str | None = None) -> Styles:
        """The style sheet of the part ``data``; ``parse`` builds a tree of a part's bytes. Where the
        sheet can be cut in the bytes (:mod:`vnplan.read.style_sheet`), only its document defaults
        are parsed now and each style when it is first asked for; otherwise the whole part."""
        sheet = _SHEETS.get(data, _split)
        if sheet is None:
            return cls(parse(data), theme, path=path)
        out = cls(None, theme, path=path)
        out._parse_chunk = lambda chunk: parse(sheet.wrap(chunk))[0]
        out._wrap = sheet.wrap
        # what a chunk gives depends on the bytes parsed (the part's root start tag, the chunk) and
        # on the theme's fonts alone: worked out once per distinct pair (read/same_bytes.py)
        out._theme_key = _key_part(repr(sorted(out.theme.items())))
        if sheet.defaults is not None:
            defaults = sheet.defaults
            rpr = _DEFAULT_RUNS.get(out._theme_key + sheet.wrap(defaults), lambda _key: parse_rpr(
                out._parse_chunk(defaults).find(f"{_W}rPrDefault/{_W}rPr"), out.theme))
            out.default_rpr = {**_WORD_DEFAULTS, **rpr}
        out._index(sheet.styles)
        return out

    def _defaults(self, rpr: etree._Element | None) -> None:
        """The document's default run properties: its ``w:docDefaults/w:rPrDefault/w:rPr`` over Word's own."""
        self.default_rpr = {**_WORD_DEFAULTS, **parse_rpr(rpr, self.theme)}

    def _index(self, styles: Iterable[tuple[str, str | None, str | None, etree._Element | bytes]]) -> None:
        """Index the styles (id, type, default, element or its bytes); the first of an id counts."""
        elements = self._elements
        for sid, kind, default, el in styles:
            if sid not in elements:
                elements[sid] = el
                if kind == "numbering":
                    self._numbering_ids.append(sid)
            if default in ("1", "true", "on"):
                typ = kind or "paragraph"
                if typ == "paragraph":
                    self.default_para = sid
                elif typ == "character":
                    self.default_char = sid

    def get(self, style_id: str | None) -> Style | None:
        """The style with this id, parsed on first use."""
        if style_id is None:
            return None
        st = self.styles.get(style_id)
        if st is None:
            el = self._elements.get(style_id)
            if el is None:
                return None
            if isinstance(el, bytes):
                chunk = el
                st = _STYLES.get(self._theme_key + _key_part(style_id) + self._wrap(chunk),
                                 lambda _key: self._style(style_id, self._parse_chunk(chunk)))
            else:
                st = self._style(style_id, el)
            self.styles[style_id] = st
        return st

    def _style(self, style_id: str, el: etree._Element) -> Style:
        """The style ``style_id`` whose element is ``el`` (never changed once made: shared by the
        style sheets of the same bytes and theme)."""
        st = Style()
        st.id = style_id
        st.type = el.get(_W + "type") or "paragraph"
        name = el.find(_W + "name")
        st.name = name.get(_VAL, st.id) if name is not None else st.id
        b = el.find(_W + "basedOn")
        st.based_on = b.get(_VAL) if b is not None else None
        ln = el.find(_W + "link")
        st.link = ln.get(_VAL) if ln is not None else None
        st.ppr = el.find(_W + "pPr")
        st.num_id, st.ilvl, st.outline, st.jc = parse_ppr_bits(st.ppr)
        st.rpr = parse_rpr(el.find(_W + "rPr"), self.theme)
        return st

    def numbering_styles(self) -> dict[str, str]:
        """Numbering styles (w:type="numbering") and the num each points at."""
        out: dict[str, str] = {}
        for sid in self._numbering_ids:
            st = self.get(sid)
            if st is not None and st.num_id:
                out[sid] = st.num_id
        return out

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, base first (at most :data:`MAX_STYLE_DEPTH` of them)."""
        out: list[Style] = []
        seen: set[str] = set()
        sid = style_id
        while sid and sid not in seen:
            st = self.get(sid)
            if st is None:
                break
            seen.add(sid)
            out.append(st)
            if len(out) > limits.MAX_STYLE_DEPTH:
                raise self._too_deep()
            sid = st.based_on
        out.reverse()
        return out

    def _too_deep(self) -> Exception:
        return exceeded("style inheritance (basedOn) too deep", limits.MAX_STYLE_DEPTH, "MAX_STYLE_DEPTH",
                        path=self.path,
                        hint="the style sheet was damaged or crafted; save the document again from Word")

    def _merged(self, style_id: str | None) -> dict[str, Any] | None:
        """The facts of a style after its whole ``basedOn`` chain, memoised per style, so a document
        whose styles form one long chain costs one step per style, not one walk per style."""
        if not style_id or self.get(style_id) is None:
            return None
        cached = self._merged_cache.get(style_id)
        if cached is not None:
            return cached
        # walk up to the first ancestor already known (or the base); a cycle is resolved as the
        # plain walk resolves it, from this entry point, and not remembered
        path: list[Style] = []
        on_path: set[str] = set()
        sid: str | None = style_id
        base: dict[str, Any] | None = None
        cyclic = False
        while sid:
            if sid in on_path:
                cyclic = True
                break
            known = self._merged_cache.get(sid)
            if known is not None:
                base = known
                break
            st = self.get(sid)
            if st is None:
                break
            path.append(st)
            on_path.add(sid)
            if len(path) > limits.MAX_STYLE_DEPTH:
                raise self._too_deep()
            sid = st.based_on
        depth = base["depth"] if base is not None else 0
        info = base
        for st in reversed(path):
            depth += 1
            if depth > limits.MAX_STYLE_DEPTH:
                raise self._too_deep()
            new: dict[str, Any] = {"id": st.id, "name": st.name, "num_id": None, "ilvl": None, "outline": None,
                                   "jc": None, "rpr": {}, "num_style": None, "depth": depth}
            if info is not None:
                for k in ("num_id", "ilvl", "outline", "jc", "num_style"):
                    new[k] = info[k]
                new["rpr"] = dict(info["rpr"])
            if st.num_id is not None:
                new["num_id"] = st.num_id
                new["num_style"] = st.id
            for k in ("ilvl", "outline", "jc"):
                if getattr(st, k) is not None:
                    new[k] = getattr(st, k)
            new["rpr"].update(st.rpr)
            if not cyclic:
                self._merged_cache[st.id] = new
            info = new
        return info

    def paragraph(self, style_id: str | None) -> dict[str, Any]:
        """Effective paragraph-style facts: name, numId, ilvl, outline level, jc, run properties."""
        info = self._pcache.get(style_id)
        if info is not None:
            return info
        sid = style_id if self.get(style_id) is not None else self.default_para
        info = {"id": sid, "name": None, "num_id": None, "ilvl": None, "outline": None, "jc": None,
                "rpr": dict(self.default_rpr), "num_style": None}
        merged = self._merged(sid)
        if merged is not None:
            for k in ("name", "num_id", "ilvl", "outline", "jc", "num_style"):
                info[k] = merged[k]
            info["rpr"].update(merged["rpr"])
        self._pcache[style_id] = info
        return info

    def run(self, para_style: str | None, run_style: str | None) -> RunProps:
        """Effective run properties before direct formatting: defaults, paragraph chain, run style chain."""
        key = (para_style, run_style)
        if key not in self._rcache:
            props = dict(self.paragraph(para_style)["rpr"])
            merged = self._merged(run_style)
            if merged is not None:
                props.update(merged["rpr"])
            self._rcache[key] = props
        return self._rcache[key]
