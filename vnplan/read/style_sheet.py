"""A Word style sheet (styles.xml) cut into its top-level parts without building the whole tree.

Word's style sheets are large (python-docx's template: 350 KB, 164 styles and 137 latent-style
entries) and a document uses a handful of their styles; building the tree of the whole part was
two thirds of reading a ten-page plan. :func:`split` finds, in the bytes, the document defaults
and each ``w:style`` element with its ``w:styleId``, ``w:type`` and ``w:default``; the reader then
parses one style when it is first asked for (:class:`~vnplan.read.styles.Styles`), wrapped in the
part's own XML declaration and root tag, so that it means what it means in the whole part.

The cut is only taken on the layout every word processor writes, where it cannot differ from the
tree: one root ``w:styles`` whose start tag declares every namespace (no declaration further
down), the prefix ``w`` bound to WordprocessingML and no other prefix bound to it, only
``w:docDefaults`` (at most one), ``w:latentStyles`` and ``w:style`` children separated by white space, no
comment, CDATA section, processing instruction or DOCTYPE after the XML declaration, no element
nested in one of its own kind, and attribute values without entity or character references or
white space other than spaces. Anything else returns ``None``, and the reader parses the whole
part as before (which also reports malformed XML). The parts of the sheet no style needs are not
parsed at all: a defect inside a style the document never uses goes unnoticed, as it changes
nothing vnplan reads.
"""

from __future__ import annotations

import re

#: The namespace of WordprocessingML (Transitional; the reader turns Strict into it first).
WORDPROCESSINGML = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DECL = re.compile(rb'<\?xml[^>]*\?>')
_ROOT = re.compile(rb'\s*<w:styles(?=[\s>])((?:[^>"\']|"[^"]*"|\'[^\']*\')*)>')
_CHILD = re.compile(rb'\s*<w:(style|docDefaults|latentStyles)(?=[\s/>])([^>"\']*+(?:(?:"[^"]*+"|\'[^\']*+\')[^>"\']*+)*+)>')
_XMLNS = re.compile(rb"xmlns")  # re's search for a literal is quicker than bytes.find on a 350 KB part
_END = re.compile(rb"\s*</w:styles\s*>\s*\Z")
_WANTED = frozenset((b"w:styleId", b"w:type", b"w:default"))
_BAD_VALUE = re.compile(rb"[&<\t\r\n]")


class Sheet:
    """The parts of a style sheet: ``wrap(chunk)`` is a whole part holding one of them."""

    __slots__ = ("head", "tail", "defaults", "styles")

    def __init__(self, head: bytes, tail: bytes) -> None:
        self.head = head  # the XML declaration and the root's start tag
        self.tail = tail  # the root's end tag
        self.defaults: bytes | None = None  # the w:docDefaults element
        #: every w:style element in document order: (styleId, type, default, the element's bytes)
        self.styles: list[tuple[str, str | None, str | None, bytes]] = []

    def wrap(self, chunk: bytes) -> bytes:
        return self.head + chunk + self.tail


_ATTRIBUTES = re.compile(rb'(?:\s+[^\s=/>"\']++\s*=\s*(?:"[^"]*+"|\'[^\']*+\'))*+\s*+/?')
_ONE_ATTR = re.compile(rb'\s([^\s=/>"\']++)\s*=\s*(?:"([^"]*+)"|\'([^\']*+)\')')


def _attributes(start_tag: bytes) -> dict[bytes, str] | None:
    """The ``w:styleId``, ``w:type`` and ``w:default`` of a start tag's attributes (the whole list
    read as attributes first, so that a value holding ``w:type=`` is not taken for one), or None
    where lxml might read them otherwise."""
    if _ATTRIBUTES.fullmatch(start_tag) is None:
        return None
    out: dict[bytes, str] = {}
    found = _ONE_ATTR.findall(start_tag)
    if len({name for name, _, _ in found}) != len(found):
        return None  # an attribute given twice
    for name, dq, sq in found:
        value = dq or sq
        if _BAD_VALUE.search(value):
            return None  # a reference or white space to normalise
        if name in _WANTED:
            out[name[2:]] = value.decode("utf-8")
    return out


def _root(data: bytes, namespace: bytes) -> tuple[bytes, int] | None:
    """The declaration and root start tag, and where the root's content starts."""
    decl = _DECL.match(data)
    if decl is not None and re.search(rb"encoding", decl.group()) and not re.search(
            rb"""encoding\s*=\s*["']utf-?8["']""", decl.group(), re.IGNORECASE):
        return None  # declared in another encoding
    pos = decl.end() if decl else 0
    root = _ROOT.match(data, pos)
    if root is None:
        return None
    attrs = root.group(1)
    if attrs.count(namespace) != 1 or not re.search(rb'\sxmlns:w\s*=\s*(["\'])' + re.escape(namespace) + rb"\1", attrs):
        return None  # WordprocessingML under another prefix, or under two
    if b"&" in attrs:
        return None
    return data[: root.end()], root.end()


def _holds(data: bytes, pair: bytes, pos: int) -> bool:
    """Whether ``pair`` (``<`` and a rarer byte) occurs in ``data`` from ``pos``: the rarer byte is
    looked for first, as ``<`` starts every tag and makes a search for the pair slow."""
    return data.find(pair[1:], pos) >= 0 and data.find(pair, pos) >= 0


#: A w:style element's start tag whose attributes are all ``name="value"`` pairs separated by
#: spaces, with no reference or white space other than spaces in a value: the layout word
#: processors write, read in one match (anything else goes the general way, _CHILD and _attributes).
_STYLE = re.compile(rb'[ \n\r\t]*<w:style((?: [^\s=/>"\']++="[^"&<\t\r\n]*+")*+)[ ]*+(/?)>')
_STYLE_AHEAD = re.compile(rb"[ \n\r\t]*<w:style[ />]")
_PAIR = re.compile(rb' ([^=]++)="([^"]*+)"')


def _style(data: bytes, pos: int) -> tuple[tuple[str, str | None, str | None, bytes], int] | None:
    """The w:style element at ``pos`` and where it ends, on the quick path; ``None`` to take the general one."""
    m = _STYLE.match(data, pos)
    if m is None:
        return None
    if m.group(2):
        stop = m.end()
    else:
        close = data.find(b"</w:style>", m.end())
        if close < 0 or data.find(b"<w:style", m.end(), close) >= 0:
            return None  # unclosed, or nested in its own kind: the general way decides
        stop = close + 10
    entry = _entry(m.group(1), data[m.start(0) + m.group(0).find(b"<"):stop])
    return None if entry is None else (entry, stop)  # None: an attribute given twice


_TAG = re.compile(rb'((?: [^\s=/>"\']++="[^"&<\t\r\n]*+")*+)[ ]*+(/?)>')  # _STYLE after its "<w:style"
_WS = b" \n\r\t"
_LAST = re.compile(rb"[ \n\r\t]*</w:styles[ \n\r\t]*>[ \n\r\t]*\Z")
_Entry = tuple[str, str | None, str | None, bytes]


def _entry(attributes: bytes, chunk: bytes) -> _Entry | None:
    """A style's entry from its start tag's attributes (as _STYLE took them), ``None`` for an attribute given twice."""
    found = dict(_PAIR.findall(attributes))
    if len(found) != attributes.count(b'="'):
        return None
    sid, kind, default = found.get(b"w:styleId"), found.get(b"w:type"), found.get(b"w:default")
    return (sid.decode("utf-8") if sid is not None else "", kind.decode("utf-8") if kind is not None else None,
            default.decode("utf-8") if default is not None else None, chunk)


def _all_styles(data: bytes, pos: int) -> list[_Entry] | None:
    """Every w:style from ``pos`` to the root's end tag, in one split of the bytes at ``<w:style``, when
    that is all the rest holds (styles as _STYLE reads them, white space between); ``None`` otherwise,
    and the caller reads them one by one.

    Each piece is one style and what follows it up to the next, so no style holds another; each
    ends with its one end tag: the pieces that end with ``</w:style>`` are as many as the end tags
    of the whole rest (one search of the part instead of two per style)."""
    pieces = data[pos:].split(b"<w:style")
    if len(pieces) < 2 or pieces[0].strip(_WS):
        return None
    out: list[_Entry] = []
    closed = 0
    last = len(pieces) - 1
    for k in range(1, last + 1):
        piece = pieces[k]
        if k == last:
            tail = _LAST.search(piece)
            if tail is None:
                return None
            element = piece[: tail.start()]
        else:
            element = piece.rstrip(_WS)
        m = _TAG.match(element)
        if m is None:
            return None
        if m.group(2):
            if len(element) != m.end():
                return None  # something after a style that closes itself
        elif len(element) - 10 < m.end() or not element.endswith(b"</w:style>"):
            return None
        else:
            closed += 1
        entry = _entry(m.group(1), b"<w:style" + element)
        if entry is None:
            return None
        out.append(entry)
    return out if data.count(b"</w:style>", pos) == closed else None


def split(data: bytes, namespace: bytes = WORDPROCESSINGML) -> Sheet | None:
    """The style sheet ``data`` cut into its parts, or ``None`` where the cut might differ from the tree.
    ``namespace`` is the one the prefix ``w`` must stand for."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # another encoding: the tree decides
    found = _root(data, namespace)
    if found is None:
        return None
    head, pos = found
    if _holds(data, b"<!", pos) or _holds(data, b"<?", pos) or _XMLNS.search(data, pos):
        return None  # comments, CDATA, DOCTYPE, instructions, declarations further down
    sheet = Sheet(head, b"</w:styles>")
    tried = False
    while True:
        if not tried and _STYLE_AHEAD.match(data, pos):  # the styles after the defaults: usually all the rest
            tried = True
            rest = _all_styles(data, pos)
            if rest is not None:
                sheet.styles.extend(rest)
                return sheet
        quick = _style(data, pos)
        if quick is not None:
            sheet.styles.append(quick[0])
            pos = quick[1]
            continue
        end = _END.match(data, pos)
        if end is not None:
            return sheet
        m = _CHILD.match(data, pos)
        if m is None:
            return None  # another child, text, or an unclosed root
        name, tag = m.group(1, 2)
        if tag.endswith(b"/"):
            stop = m.end()
        else:
            close = data.find(b"</w:" + name + b">", m.end())
            if close < 0:
                return None
            stop = close + len(name) + 5
            if data.find(b"<w:" + name, m.end(), close) >= 0:
                return None  # nested in its own kind: the first end tag is not its own
        chunk = data[m.start(1) - 3 : stop]  # from its '<'
        if name == b"style":
            attrs = _attributes(tag)
            if attrs is None:
                return None
            sheet.styles.append((attrs.get(b"styleId", ""), attrs.get(b"type"), attrs.get(b"default"), chunk))
        elif name == b"docDefaults":
            if sheet.defaults is not None:
                return None  # two of them: the tree takes the first that holds run defaults
            sheet.defaults = chunk
        pos = stop


__all__ = ["Sheet", "split"]
