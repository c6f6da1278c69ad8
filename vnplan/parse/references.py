"""Internal references (dẫn chiếu nội bộ): ``tại Mục II``, ``điểm a khoản 2 Mục III``, ``Phụ lục kèm theo``.

:func:`extract_references` finds them with their spans; :func:`resolve` finds the section a
reference names in the plan's section tree and :func:`resolve_references` gives each its
target. A reference followed by another document (``khoản 1 Điều 8 Nghị định số
30/2020/NĐ-CP``) points into that document and is not an internal reference; one followed
by ``… này`` (``Điều 2 Quyết định này``) is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import regex

import vnplan.vocab as vocab
from vnplan.model import InternalReference, Section, SourceDocument, Span
from vnplan.vocab.patterns import escape, longest_first, spelt, variants

__all__ = ["extract_references", "resolve", "resolve_references", "appendices", "find_in_blocks"]


_S = vocab.structure_words()
_ARTICLE = _S.part("article")[0]  # điều
_LETTER = _S.part("letter")[0]  # điểm
_HEADING_WORDS = spelt([p.name for p in _S.parts if p.heading], ("sentence", "upper"))  # Mục, PHẦN, Chương…
_TOP_LEVEL = frozenset(p.name for p in _S.parts if p.top_level)
_THIS = vocab.citations().anaphors.this


def _v(*words: str) -> str:
    return longest_first(variants(words))


def _links(words: Iterable[str]) -> str:
    return "|".join(rf"{escape(w)}\s" for w in words)


_ROMAN = r"[IVXL]{1,6}"
_PART = (
    rf"(?:(?P<k>{_v(*_S.part('letter'))})\s(?P<l>[a-zđ])(?![\p{{L}}\d])"
    rf"|(?P<k>{_v(*_S.part('number'))})\s(?P<l>\d{{1,3}}(?:\.\d{{1,3}})*)(?![\d\p{{L}}])"
    rf"|(?P<k>{_v(*_S.part('roman_or_number'))})\s(?P<l>{_ROMAN}|\d{{1,3}}(?:\.\d{{1,3}})*)(?![\p{{L}}\d])"
    rf"|(?P<k>{_v(*_S.part('article'))})\s(?P<l>\d{{1,3}})(?![\d\p{{L}}]))"
)
_PART_RE = regex.compile(_PART)
_CHAIN = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<chain>{_PART}(?:\s?,?\s(?:{_links(_S.part_links)})?{_PART})*)"
    rf"|(?<![\p{{L}}\d])(?P<app>{_v(_S.appendix)})(?:\s(?:số\s)?(?P<al>{_ROMAN}|\d{{1,2}}[a-z]?)(?![\p{{L}}\d]))?"
    r"(?P<kt>\s(?:ban hành\s)?kèm theo)?"
)
_TYPES = "|".join(
    regex.escape(x)
    for n in sorted({*vocab.type_names(), vocab.doc_types().generic_name}, key=len, reverse=True)
    for x in (n, n.lower(), n.upper())
)
_AFTER = regex.compile(rf"\s?,?\s(?:{_links(_S.document_links)})?(?P<t>{_TYPES})(?P<rest>[^;.]{{0,12}})")
_ARTICLE_LABEL = regex.compile(rf"{spelt([_ARTICLE], ('sentence', 'upper'))}\s\d{{1,3}}[.:]")
_HEADING_LABEL = regex.compile(rf"{_HEADING_WORDS}\s\S+[.:]?\s")


def extract_references(doc: SourceDocument, blocks: Iterable[int] | None = None) -> tuple[InternalReference, ...]:
    """Every internal reference in the given blocks (default: all), without its target; a part of
    another document (``khoản 1 Điều 8 Nghị định số 30/2020/NĐ-CP``) is left out."""
    idx = range(len(doc.blocks)) if blocks is None else sorted(set(blocks))
    out: list[InternalReference] = []
    for bi in idx:
        b = doc.blocks[bi]
        if b.kind == "artifact" or not b.text:
            continue
        text = b.text
        for m in _CHAIN.finditer(text):
            if m.group("chain"):
                if m.start() == 0 and _ARTICLE_LABEL.match(text):
                    continue  # the article's own label, not a reference
                if m.start() == 0 and _HEADING_LABEL.match(text) and m.end() < 14:
                    continue  # a heading "Phần I." / "Chương II"
                if _external(text, m.end()):
                    continue
                parts = tuple(
                    (p.group("k").lower(), p.group("l")) for p in _PART_RE.finditer(m.group("chain"))
                )
                out.append(InternalReference(text=m.group(0), span=Span(bi, m.start(), m.end()), parts=parts))
            else:
                label = m.group("al")
                if label is None and not m.group("kt"):
                    continue  # "phụ lục" as a common noun
                if m.start() == 0 and len(text) < 120:
                    continue  # the appendix's own heading
                if _external(text, m.end()):
                    continue
                out.append(InternalReference(text=m.group(0), span=Span(bi, m.start(), m.end()), appendix=label or ""))
    return tuple(out)


def _external(text: str, end: int) -> bool:
    a = _AFTER.match(text, end)
    if not a:
        return False
    rest = a.group("rest").lstrip().lower()
    return not rest.startswith(_THIS)


# --------------------------------------------------------------------------- resolution

#: The outline styles each kind of part may name (``structure.json``).
_STYLES = {p.name: p.styles for p in _S.parts}
_NOT_ARTICLE_WORD = regex.compile(rf"^{spelt([_ARTICLE], ('sentence', 'upper', 'lower'))}\s*")


def _norm_label(label: str) -> str:
    s = label.strip().rstrip(".):").strip()
    s = _NOT_ARTICLE_WORD.sub("", s)
    return s.casefold()


def _fits(sec: Section, kind: str, label: str) -> bool:
    styles = _STYLES.get(kind, ())
    if sec.style not in styles and not (kind in ("mục", "khoản") and sec.style.startswith("arabic")):
        return False
    return _norm_label(sec.label) == _norm_label(label)


def _find(candidates: Iterable[Section], kind: str, label: str) -> Section | None:
    """The shallowest section among the descendants of ``candidates`` that fits (breadth first)."""
    level = list(candidates)
    while level:
        for s in level:
            if _fits(s, kind, label):
                return s
        level = [c for s in level for c in s.children]
    return None


def _enclosing(sections: Sequence[Section], block: int) -> Section | None:
    best = None
    for s in sections:
        if s.span.block <= block:
            best = s
    return best


def resolve(ref: InternalReference, sections: Sequence[Section]) -> Section | None:
    """The section ``ref`` names, or ``None`` when the tree has no such part.

    Parts are followed from the outermost (``Mục III``) inwards; each inner part is looked
    for among the descendants of the outer one. A reference whose outermost part is a
    ``khoản`` or ``điểm`` is looked for first in the top-level section that holds the
    reference, then anywhere.
    """
    if not ref.parts:
        return None
    outer_first = list(reversed(ref.parts))
    kind, label = outer_first[0]
    cur: Section | None
    if kind in _TOP_LEVEL:
        cur = _find(sections, kind, label)
    else:
        home = _enclosing(sections, ref.span.block)
        cur = _find([home], kind, label) if home is not None else None
        if cur is None:
            cur = _find(sections, kind, label)
    for kind, label in outer_first[1:]:
        if cur is None:
            return None
        cur = _find(cur.children, kind, label)
    return cur


def find_in_blocks(doc: SourceDocument, kind: str, label: str) -> Span | None:
    """The first block that starts with the label of this part (``II.``, ``Điều 2.``): a safety net
    for a section tree that missed a heading."""
    lab = regex.escape(label)
    if kind == _ARTICLE:
        pat = regex.compile(rf"^{spelt([_ARTICLE], ('sentence', 'upper'))}\s{lab}(?![\d])")
    elif kind == _LETTER:
        pat = regex.compile(rf"^{lab}\)")
    else:
        pat = regex.compile(rf"^(?:{_HEADING_WORDS}\s)?{lab}[.)]?\s")
    return next((_whole(b.index, b.text) for b in doc.blocks if b.kind != "artifact" and pat.match(b.text)), None)


def _whole(block: int, text: str) -> Span:
    return Span(block, 0, len(text))


_APPENDIX_HEAD = regex.compile(rf"^(?:{_v(_S.appendix)})(?:\s(?:số\s)?(?P<al>{_ROMAN}|\d{{1,2}}[a-z]?))?(?![\p{{L}}\d])")


def appendices(doc: SourceDocument) -> tuple[tuple[str, Span], ...]:
    """The appendices present in the document: each heading's label (``""`` for an unlabelled one) and block."""
    out: list[tuple[str, Span]] = []
    for b in doc.blocks:
        if b.kind == "artifact":
            continue
        m = _APPENDIX_HEAD.match(b.text)
        if m and (len(b.text) < 120 or b.text[: m.end()].isupper()):
            out.append((m.group("al") or "", _whole(b.index, b.text)))
    return tuple(out)


def _target(ref: InternalReference, doc: SourceDocument, sections: Sequence[Section],
            apps: tuple[tuple[str, Span], ...]) -> Span | None:
    if ref.appendix is not None:
        if ref.appendix == "":  # "Phụ lục kèm theo": any appendix
            return apps[0][1] if apps else None
        return next((sp for label, sp in apps if label.upper() == ref.appendix.upper()), None)
    if not sections:
        return None  # no tree to look in
    found = resolve(ref, sections)
    if found is not None:
        return found.span
    if len(ref.parts) == 1:
        return find_in_blocks(doc, *ref.parts[0])  # the heading exists; the section tree missed it
    return None


def resolve_references(refs: Iterable[InternalReference], doc: SourceDocument,
                       sections: Sequence[Section]) -> tuple[InternalReference, ...]:
    """The references with their targets: the section (or appendix heading) each names, if any."""
    refs = tuple(refs)
    apps = appendices(doc) if any(r.appendix is not None for r in refs) else ()
    return tuple(attrs.evolve(r, target=_target(r, doc, sections, apps)) for r in refs)
