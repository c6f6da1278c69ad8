"""Resolving raw citations (nhóm viện dẫn): shared issuers of a list, later short forms, groups and self references.

``group`` is the index of the first citation of the same document (a first citation's
``group`` is its own index); ``kind`` is ``full``, ``short`` (a later citation without date,
or ``Kế hoạch nêu trên``) or ``self`` (``Kế hoạch này``, or the plan's own number).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import regex

import vnplan.vocab as vocab
from vnplan.model import Citation, Span
from vnplan.parse.citations.find import RawCitation, canonical_type
from vnplan.parse.citations.patterns import LAW_TYPES, LIST_GAP, PROJECT_TYPES, SEP
from vnplan.pattern import guarded
from vnplan.text import key

if TYPE_CHECKING:  # pragma: no cover
    from vnplan.model import Header

Key = tuple[str, ...]

_AND = vocab.citations().conjunction
#: What may stand between the citations of a list sharing one issuer: "," "và" ", và".
_LIST_GAPS = frozenset({"", ",", *_AND, f", {_AND[0]}", f",{_AND[0]}"})


def document_key(c: Citation) -> Key | None:
    """What identifies the cited document: number, year and symbol, or the name of a law or project."""
    return _key(c.name, c.doc_type, c.number, c.symbol, c.year, c.text)


def _key(name: str | None, doc_type: str | None, number: str | None, symbol: str | None, year: int | None,
         text: str) -> Key | None:
    if name and doc_type in PROJECT_TYPES:
        return ("name", _name_key(name))  # "Đề án 06/CP" and a later "Đề án 06"
    if number and symbol:
        y = ""
        if symbol and year and f"/{year}/" in text:
            y = str(year)
        return ("no", number.lstrip("0") or "0", y, symbol.casefold().replace("–", "-"))
    if name:
        return ("name", _name_key(name))
    return None


@lru_cache(maxsize=1024)
def _name_key(name: str) -> str:
    """``key(name)``: a law or project is named again and again (its later short forms)."""
    return key(name)


def resolve(raws: list[RawCitation], texts: dict[int, str], own: Header | None = None) -> tuple[Citation, ...]:
    """The frozen citations of ``raws`` (in text order), grouped by document; ``own`` is the plan's header."""
    propagate_issuers(raws, texts)
    return _finish(law_short_forms(raws, texts), texts, own)


def propagate_issuers(raws: list[RawCitation], texts: dict[int, str]) -> None:
    """A list of same-type citations with one issuer after the last: "KH số 1…, KH số 2… của UBND"."""
    for k in range(len(raws) - 1, 0, -1):
        cur, prev = raws[k], raws[k - 1]
        if cur.block != prev.block or not cur.issuer or prev.issuer or prev.number is None:
            continue
        if cur.doc_type != prev.doc_type or cur.anaphor or prev.anaphor:
            continue
        gap = texts[cur.block][prev.end : cur.start]
        if LIST_GAP.fullmatch(gap) and gap.strip() in _LIST_GAPS:
            prev.issuer = cur.issuer


def law_short_forms(raws: list[RawCitation], texts: dict[int, str]) -> list[RawCitation]:
    """Later mentions of a law cited by name (``Luật Hộ tịch`` after ``Luật Hộ tịch năm 2014``).

    A mention is the longest cited name at a word start, not followed by a letter, outside every
    citation found. The names are looked up in a trie from each place a name's first letter
    stands (an alternation of every name, tried at every law word, is quadratic in a text citing
    many laws); a walk never goes past the longest name.
    """
    names = {r.name: r for r in raws if r.name and r.doc_type in LAW_TYPES and r.kind == "full"}
    if not names:
        return raws
    trie = _trie(names)
    starts = guarded(r"(?<![\p{L}\p{N}])[" + regex.escape("".join(sorted(trie))) + "]")
    named = _blocks_holding(texts, names)
    spans = _taken([r for r in raws if r.block in named])
    extra: list[RawCitation] = []
    for bi, text in texts.items():
        if bi not in named:
            continue
        pos = 0
        while (st := starts.search(text, pos)) is not None:
            s = st.start()
            e = _longest_name(trie, text, s)
            if e is None:
                pos = s + 1
                continue
            pos = e
            if _overlaps(spans.get(bi), s, e):
                continue
            first = names[text[s:e]]
            if (bi, s) <= (first.block, first.start):
                continue  # only later mentions are short forms
            r = RawCitation(bi, s, e, first.doc_type)
            r.name = text[s:e]
            extra.append(r)
    if not extra:
        return raws
    return sorted([*raws, *extra], key=lambda r: (r.block, r.start))


def _blocks_holding(texts: dict[int, str], names: Iterable[str]) -> set[int]:
    """The blocks holding the start of a name (its first characters, as many as the shortest name
    has): the only blocks a name can stand in. Found over the blocks joined (no name holds the
    separator, which no text holds), one ``str.find`` scan for each of the starts' first four
    characters (``Luật``: most names of laws share them), each place tested for the starts."""
    shortest = min(len(n) for n in names)
    heads = {n[:shortest] for n in names}
    by_probe: dict[str, list[str]] = {}
    for h in sorted(heads):
        by_probe.setdefault(h[: min(4, shortest)], []).append(h)
    order = list(texts)
    joined = SEP.join(texts.values())
    starts = list(accumulate(map((1).__add__, map(len, texts.values())), initial=0))[:-1]
    found: set[int] = set()
    for probe, group in by_probe.items():
        these = tuple(group)
        i = joined.find(probe)
        while i >= 0:
            if not joined.startswith(these, i):
                i = joined.find(probe, i + 1)
                continue
            k = bisect_right(starts, i) - 1
            found.add(order[k])
            i = joined.find(probe, starts[k + 1] if k + 1 < len(starts) else len(joined))
    return found


_END = ""  # the trie key that marks the end of a name (no character of text is empty)
_LETTER = guarded(r"\p{L}")


def _trie(names: Iterable[str]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for n in names:
        node = root
        for ch in n:
            node = node.setdefault(ch, {})
        node[_END] = True
    return root


def _longest_name(trie: dict[str, Any], text: str, s: int) -> int | None:
    """The end of the longest name at ``s`` that no letter follows, or ``None``."""
    node, best, k = trie, None, s
    while True:
        if _END in node and not _LETTER.match(text, k):
            best = k
        if k >= len(text) or text[k] not in node:
            return best
        node = node[text[k]]
        k += 1


def _taken(raws: list[RawCitation]) -> dict[int, tuple[list[int], list[int]]]:
    """Per block, the starts of the citations found (sorted) and the largest end up to each."""
    by_block: dict[int, list[tuple[int, int]]] = {}
    for r in raws:
        by_block.setdefault(r.block, []).append((r.start, r.end))
    out: dict[int, tuple[list[int], list[int]]] = {}
    for bi, spans in by_block.items():
        spans.sort()
        ends, top = [], -1
        for _, e in spans:
            top = max(top, e)
            ends.append(top)
        out[bi] = ([s for s, _ in spans], ends)
    return out


def _overlaps(taken: tuple[list[int], list[int]] | None, s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps a citation found (a start before ``e`` whose end is past ``s``)."""
    if taken is None:
        return False
    starts, ends = taken
    j = bisect_left(starts, e) - 1
    return j >= 0 and ends[j] > s


def _own_key(own: Header | None) -> Key | None:
    if own is None or not own.number or not own.symbol:
        return None
    sym = own.symbol.casefold().replace("–", "-")
    return ("no", own.number.lstrip("0") or "0", str(own.year) if own.year else "", sym)


class _Groups:
    """What grouping has seen so far: the first citation of each document, and of the plan itself."""

    def __init__(self, own: Header | None) -> None:
        self.own_key = _own_key(own)
        self.own_type = canonical_type(own.doc_type) if own is not None and own.doc_type else None
        self.first_of: dict[Key, int] = {}
        self.first_self: int | None = None
        #: for ``Kế hoạch nêu trên``: the group of the last citation of each type (not the plan itself)
        self.last_of_type: dict[str | None, int] = {}

    def self_group(self, i: int) -> int:
        if self.first_self is None:
            self.first_self = i
        return self.first_self


def _group_of(r: RawCitation, text: str, i: int, seen: _Groups) -> tuple[int | None, str]:
    """The group and kind of a citation that names its document (by number or name)."""
    k = _raw_key(r, text)
    if k is not None and seen.own_key is not None and _same_number(k, seen.own_key) and (
        seen.own_type is None or r.doc_type == seen.own_type
    ):
        return seen.self_group(i), "self"
    if k is None:
        return i, r.kind
    k2 = _loose(k)
    if k2 not in seen.first_of:
        seen.first_of[k2] = i
        return i, r.kind
    dated = r.date is not None and r.date.year is not None
    return seen.first_of[k2], "full" if dated or (r.name is not None and r.year is not None) else "short"


def _finish(raws: list[RawCitation], texts: dict[int, str], own: Header | None) -> tuple[Citation, ...]:
    seen = _Groups(own)
    out: list[Citation] = []
    for i, r in enumerate(raws):
        text = texts[r.block][r.start : r.end]
        group: int | None
        if r.anaphor == "self":
            group, kind = seen.self_group(i), r.kind
        elif r.anaphor == "previous":
            group, kind = seen.last_of_type.get(r.doc_type), r.kind
        else:
            group, kind = _group_of(r, text, i, seen)
        out.append(
            Citation(
                text=text, span=Span(r.block, r.start, r.end), doc_type=r.doc_type, number=r.number, year=r.year,
                symbol=r.symbol, date=r.date, issuer=r.issuer, party=r.party, name=r.name, group=group, kind=kind,
            )
        )
        if kind != "self":
            seen.last_of_type[r.doc_type] = group if group is not None else i
    return tuple(out)


def _raw_key(r: RawCitation, text: str) -> Key | None:
    """:func:`document_key` of a citation being built."""
    return _key(r.name, r.doc_type, r.number, r.symbol, r.year, text)


def _loose(k: Key) -> Key:
    """A key that ignores whether the year inside the number was printed (rarely it is dropped)."""
    if k[0] == "no":
        return ("no", k[1], k[3])
    return k


def _same_number(a: Key, b: Key) -> bool:
    return _loose(a) == _loose(b)


__all__ = ["document_key", "law_short_forms", "propagate_issuers", "resolve"]
