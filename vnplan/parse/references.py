"""Internal references (dẫn chiếu nội bộ): ``tại Mục II``, ``điểm a khoản 2 Mục III``, ``Phụ lục kèm theo``.

:func:`extract_references` finds them with their spans; :func:`resolve` finds the section a
reference names in the plan's section tree and :func:`resolve_references` gives each its
target. A reference followed by another document (``khoản 1 Điều 8 Nghị định số
30/2020/NĐ-CP``) points into that document and is not an internal reference; one followed
by ``… này`` (``Điều 2 Quyết định này``) is.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Literal

import attrs
import regex

import vnplan.vocab as vocab
from vnplan.model import InternalReference, Section, SourceDocument, Span
from vnplan.pattern import guarded
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
_PART_RE = guarded(_PART)
_CHAIN = guarded(
    rf"(?<![\p{{L}}\d])(?P<chain>{_PART}(?:\s?,?\s(?:{_links(_S.part_links)})?{_PART})*)"
    rf"|(?<![\p{{L}}\d])(?P<app>{_v(_S.appendix)})(?:\s(?:số\s)?(?P<al>{_ROMAN}|\d{{1,2}}[a-z]?)(?![\p{{L}}\d]))?"
    r"(?P<kt>\s(?:ban hành\s)?kèm theo)?"
)
_TYPES = "|".join(
    regex.escape(x)
    for n in sorted({*vocab.type_names(), vocab.doc_types().generic_name}, key=len, reverse=True)
    for x in (n, n.lower(), n.upper())
)
_AFTER = guarded(rf"\s?,?\s(?:{_links(_S.document_links)})?(?P<t>{_TYPES})(?P<rest>[^;.]{{0,12}})")
_ARTICLE_LABEL = guarded(rf"{spelt([_ARTICLE], ('sentence', 'upper'))}\s\d{{1,3}}[.:]")
_HEADING_LABEL = guarded(rf"{_HEADING_WORDS}\s\S+[.:]?(?:\s|$)")


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
        places = _chain_starts(text, text.lower())
        if not places:
            continue  # none of the words every reference holds
        for m in _matches_at(text, places):
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


#: Every spelling a match of _CHAIN can start with: a part's word or the appendix's, in each case _CHAIN takes.
_CHAIN_STARTS = tuple(sorted(variants((*_S.part("letter"), *_S.part("number"), *_S.part("roman_or_number"),
                                       *_S.part("article"), _S.appendix))))


def _chain_matches(text: str) -> Iterator[regex.Match[str]]:
    """``_CHAIN.finditer(text)`` (tests/test_quick_paths.py holds the two equal): the pattern tried only where one of
    :data:`_CHAIN_STARTS` stands (:func:`_chain_starts`): a match starts with one, so no other place can start one."""
    return _matches_at(text, _chain_starts(text, text.lower()))


#: :data:`_CHAIN_STARTS` in lower case, each word once: the words every reference holds in some case (điểm, khoản,
#: mục, …, phụ lục). A block whose lower-cased text holds none of them holds no reference: _CHAIN is not run over it.
_LOW_STARTS = tuple(dict.fromkeys(w.lower() for w in _CHAIN_STARTS))


def _chain_starts(text: str, low: str) -> list[int]:
    """Where one of :data:`_CHAIN_STARTS` may stand in ``text``, in order: each word found by ``str.find`` in ``low``
    (the text in lower case) when lowering kept every character in its place, else each spelling in the text
    itself. A place in another case (``PHỤ lục``) is one _CHAIN does not match: it is tried for nothing."""
    starts: set[int] = set()
    if len(low) == len(text):
        for w in _LOW_STARTS:
            k = low.find(w)
            while k >= 0:
                starts.add(k)
                k = low.find(w, k + 1)
    else:
        for w in _CHAIN_STARTS:
            k = text.find(w)
            while k >= 0:
                starts.add(k)
                k = text.find(w, k + 1)
    return sorted(starts)


def _matches_at(text: str, places: list[int]) -> Iterator[regex.Match[str]]:
    """The matches of _CHAIN tried at ``places`` (in order) from the end of the last match, as the scan tries them."""
    after = 0
    for k in places:
        if k < after:
            continue
        m = _CHAIN.match(text, k)
        if m is not None:
            yield m
            after = m.end()


def _external(text: str, end: int) -> bool:
    a = _AFTER.match(text, end)
    if not a:
        return False
    rest = a.group("rest").lstrip().lower()
    return not rest.startswith(_THIS)


# --------------------------------------------------------------------------- resolution

#: The outline styles each kind of part may name (``structure.json``).
_STYLES = {p.name: p.styles for p in _S.parts}
#: The word a label may carry (``Điều 5``, ``Chương II``, ``Phần I``), dropped so it meets the bare ``5``/``II``.
_NOT_ARTICLE_WORD = guarded(rf"^{spelt([_ARTICLE, *_S.word_styles], ('sentence', 'upper', 'lower'))}\s*")


@lru_cache(maxsize=4096)  # a few labels (1, 2, a, b, II…) number every section of every plan
def _norm_label(label: str) -> str:
    s = label.strip().rstrip(".):").strip()
    s = _NOT_ARTICLE_WORD.sub("", s)
    return s.casefold()


def _style_fits(style: str, kind: str) -> bool:
    return style in _STYLES.get(kind, ()) or (kind in ("mục", "khoản") and style.startswith("arabic"))


class _Tree:
    """The section tree numbered once (pre-order position, depth, end of the subtree) with, for each
    normalised label, where its sections stand by style and depth. A part is then found by
    bisection: looking through every section for every reference was quadratic (500 sections
    and their references took 10 s)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.top = list(sections)
        self.order: list[Section] = []
        self.place: dict[int, tuple[int, int, int]] = {}  # id(section) -> (position, depth, end)
        self.at: dict[str, dict[tuple[str, int], list[int]]] = {}  # label -> (style, depth) -> positions
        stack: list[tuple[Section, int, bool]] = [(s, 0, False) for s in reversed(self.top)]
        while stack:
            sec, depth, done = stack.pop()
            if done:
                pos, _, _ = self.place[id(sec)]
                self.place[id(sec)] = (pos, depth, len(self.order))
                continue
            pos = len(self.order)
            self.order.append(sec)
            self.place[id(sec)] = (pos, depth, pos + 1)
            self.at.setdefault(_norm_label(sec.label), {}).setdefault((sec.style, depth), []).append(pos)
            stack.append((sec, depth, True))
            stack.extend((c, depth + 1, False) for c in reversed(sec.children))
        blocks = [s.span.block for s in self.top]
        self.top_blocks = blocks if blocks == sorted(blocks) else None

    def find(self, lo: int, hi: int, depth: int, kind: str, label: str) -> Section | None:
        """The shallowest, then first, section at pre-order positions [lo, hi) and ``depth`` or
        deeper that fits (what a breadth-first walk of those sections finds first)."""
        entries = self.at.get(_norm_label(label))
        if not entries:
            return None
        for d in sorted({d for _, d in entries if d >= depth}):
            best = None
            for (style, sd), positions in entries.items():
                if sd != d or not _style_fits(style, kind):
                    continue
                k = bisect_left(positions, lo)
                if k < len(positions) and positions[k] < hi and (best is None or positions[k] < best):
                    best = positions[k]
            if best is not None:
                return self.order[best]
        return None

    def within(self, sec: Section, kind: str, label: str, *, children: bool = False) -> Section | None:
        """:meth:`find` among ``sec`` and its descendants (only its descendants with ``children``)."""
        pos, depth, end = self.place[id(sec)]
        return self.find(pos + 1, end, depth + 1, kind, label) if children else self.find(pos, end, depth, kind, label)

    def enclosing(self, block: int) -> Section | None:
        """The last top-level section that starts at or before ``block``."""
        if self.top_blocks is None:
            best = None
            for s in self.top:
                if s.span.block <= block:
                    best = s
            return best
        k = bisect_right(self.top_blocks, block)
        return self.top[k - 1] if k else None


def resolve(ref: InternalReference, sections: Sequence[Section], tree: _Tree | None = None) -> Section | None:
    """The section ``ref`` names, or ``None`` when the tree has no such part.

    Parts are followed from the outermost (``Mục III``) inwards; each inner part is looked
    for among the descendants of the outer one (the shallowest first). A reference whose
    outermost part is a ``khoản`` or ``điểm`` is looked for first in the top-level section that
    holds the reference, then anywhere. ``tree`` is ``sections`` numbered once (for many references).
    """
    if not ref.parts:
        return None
    tree = tree if tree is not None else _Tree(sections)
    outer_first = list(reversed(ref.parts))
    # parts of one kind side by side are a list of siblings ("khoản 3, khoản 4 Điều 5", "Điều 5,
    # Điều 8"), not one inside the other: each is looked for where the first is
    parent: Section | None = None
    cur: Section | None = None
    for k, (kind, label) in enumerate(outer_first):
        if k and kind != outer_first[k - 1][0]:
            parent = cur
        if k == 0 or (parent is None and kind == outer_first[0][0]):
            cur = _outermost(ref, tree, kind, label)
        elif parent is None:
            return None
        else:
            cur = tree.within(parent, kind, label, children=True)
        if cur is None:
            return None
    return cur


def _outermost(ref: InternalReference, tree: _Tree, kind: str, label: str) -> Section | None:
    """The outermost part of a reference: a Phần/Chương/Mục anywhere; a khoản or điểm first in the
    top-level section that holds the reference, then anywhere."""
    everywhere = (0, len(tree.order), 0, kind, label)
    if kind in _TOP_LEVEL:
        return tree.find(*everywhere)
    home = tree.enclosing(ref.span.block)
    cur = tree.within(home, kind, label) if home is not None else None
    return cur if cur is not None else tree.find(*everywhere)


def find_in_blocks(doc: SourceDocument, kind: str, label: str, starts: _Starts | None = None) -> Span | None:
    """The first block that starts with the label of this part (``II.``, ``Điều 2.``): a safety net
    for a section tree that missed a heading. ``starts`` is what the blocks start with, read once
    (for many references); without it the blocks are matched one by one."""
    if starts is not None and (found := starts.lookup(kind, label)) is not False:
        return found
    lab = regex.escape(label)
    if kind == _ARTICLE:
        pat = guarded(rf"^{_ARTICLE_WORD}\s{lab}(?![\d])")
    elif kind == _LETTER:
        pat = guarded(rf"^{lab}\)")
    else:
        pat = guarded(rf"^(?:{_HEADING_WORDS}\s)?{lab}[.)]?\s")
    return next((_whole(b.index, b.text) for b in doc.blocks if b.kind != "artifact" and pat.match(b.text)), None)


_ARTICLE_WORD = spelt([_ARTICLE], ("sentence", "upper"))
_ARTICLE_START = guarded(rf"{_ARTICLE_WORD}\s(\d+)")
_HEADING_VARIANTS = tuple(variants([p.name for p in _S.parts if p.heading], ("sentence", "upper")))
_TOKEN_BEFORE_SPACE = guarded(r"\S*+(?=\s)")
_SPACE = guarded(r"\s")
_LETTER_LABEL_MAX = 16


class _Starts:
    """What every block starts with, read once, keyed the way :func:`find_in_blocks` matches it: the
    number after ``Điều``; the text before the first ``)``; the first word, alone or after
    ``Mục``/``Phần``/``Chương``, with and without its ``.`` or ``)``. Each key keeps its first block."""

    def __init__(self, doc: SourceDocument) -> None:
        self.keys: dict[tuple[str, str], Span] = {}
        for b in doc.blocks:
            if b.kind == "artifact":
                continue
            t, span = b.text, _whole(b.index, b.text)
            if m := _ARTICLE_START.match(t):
                self.keys.setdefault((_ARTICLE, m.group(1)), span)
            if (k := t.find(")", 0, _LETTER_LABEL_MAX)) > 0:
                self.keys.setdefault((_LETTER, t[:k]), span)
            heads = [len(h) + 1 for h in _HEADING_VARIANTS if t.startswith(h) and _SPACE.match(t, len(h))]
            for p in (0, *heads):
                if (w := _TOKEN_BEFORE_SPACE.match(t, p)) and w.group():
                    self.keys.setdefault(("", w.group()), span)
                    if w.group()[-1] in ".)":
                        self.keys.setdefault(("", w.group()[:-1]), span)

    def lookup(self, kind: str, label: str) -> Span | None | Literal[False]:
        """The first block for this part, ``None`` if there is none, ``False`` for a label the keys
        cannot answer (the blocks are then matched one by one)."""
        if not label or _SPACE.search(label):
            return False
        if kind == _ARTICLE:
            return self.keys.get((_ARTICLE, label)) if label.isdecimal() else False
        if kind == _LETTER:
            return self.keys.get((_LETTER, label)) if ")" not in label and len(label) < _LETTER_LABEL_MAX else False
        return self.keys.get(("", label))


def _whole(block: int, text: str) -> Span:
    return Span(block, 0, len(text))


_APPENDIX_HEAD = guarded(rf"^(?:{_v(_S.appendix)})(?:\s(?:số\s)?(?P<al>{_ROMAN}|\d{{1,2}}[a-z]?))?(?![\p{{L}}\d])")


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


class _Targets:
    """What resolving many references needs, built once: the section tree numbered, the appendices
    by label, what the blocks start with (built on first use)."""

    def __init__(self, doc: SourceDocument, sections: Sequence[Section], refs: Sequence[InternalReference]) -> None:
        self.doc = doc
        self.sections = sections
        self.tree = _Tree(sections) if sections else None
        self.apps = appendices(doc) if any(r.appendix is not None for r in refs) else ()
        self.app_by_label: dict[str, Span] = {}
        for label, sp in self.apps:
            self.app_by_label.setdefault(label.upper(), sp)
        self._starts: _Starts | None = None

    def starts(self) -> _Starts:
        if self._starts is None:
            self._starts = _Starts(self.doc)
        return self._starts

    def of(self, ref: InternalReference) -> Span | None:
        if ref.appendix is not None:
            if ref.appendix == "":  # "Phụ lục kèm theo": any appendix
                return self.apps[0][1] if self.apps else None
            return self.app_by_label.get(ref.appendix.upper())
        if self.tree is None:
            return None  # no tree to look in
        found = resolve(ref, self.sections, self.tree)
        if found is not None:
            return found.span
        if len(ref.parts) == 1:  # the heading exists; the section tree missed it
            return find_in_blocks(self.doc, *ref.parts[0], starts=self.starts())
        return None


def resolve_references(refs: Iterable[InternalReference], doc: SourceDocument,
                       sections: Sequence[Section]) -> tuple[InternalReference, ...]:
    """The references with their targets: the section (or appendix heading) each names, if any."""
    refs = tuple(refs)
    targets = _Targets(doc, sections, refs)
    return tuple(attrs.evolve(r, target=targets.of(r)) for r in refs)
