"""A unit of evidence (đơn vị bằng chứng): a passage of the plan searched as a whole, tokenised once.

A unit is a list item or paragraph, a table row, the title, a legal-basis item or a preamble
paragraph. It carries the roles of its part (``content``, ``forms``…), its *context* when it
can be no evidence (``legal_basis``, ``title``, ``review``), its syllables (abbreviations
expanded, aliases kept) and, for a table row, its cells. A unit's text may come from several
blocks (the cells of a Word table's row): ``segments`` map its offsets back to them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

import attrs

from vnplan.model import Span
from vnplan.pattern import guarded
from vnplan.profiles.match.tokens import Table, fold, tokenize_indexed

PLACEHOLDER_RE = guarded(r"\[[^\[\]]{2,}\]")
_HEAD_COLON_RE = guarded(r"^[^:;.]{2,80}?:\s")
_first, _second = itemgetter(0), itemgetter(1)


@attrs.frozen
class Segment:
    """Characters ``offset .. offset+length`` of a unit's text are ``block[start : start+length]``."""

    offset: int
    block: int
    start: int
    length: int


@attrs.frozen
class Cell:
    """A cell of a table row: what its column holds and where it lies in the row's text."""

    role: str  # number, task, owner, partner, deadline, product, or "" when unknown
    start: int
    end: int


class Unit:
    """A passage searched as a whole: a list item, a paragraph, a table row, a legal-basis item, the title."""

    __slots__ = (
        "cells",
        "context",
        "ends",
        "expansion_starts",
        "fpos",
        "head_end",
        "index",
        "keys",
        "kind",
        "placeholder",
        "pos",
        "position",
        "role",
        "roles",
        "scope",
        "segments",
        "text",
        "tokens",
    )

    def __init__(self, index: int, text: str, segments: tuple[Segment, ...], role: str, table: Table, *,
                 roles: frozenset[str] | None = None, kind: str = "paragraph", head_chars: int = 0,
                 cells: tuple[Cell, ...] = (), blind: Iterable[tuple[int, int]] = ()) -> None:
        self.index = index
        self.text = text
        self.segments = segments
        self.role = role
        self.roles = roles if roles is not None else frozenset({role})
        self.kind = kind
        self.context: str | None = None
        self.cells = cells
        self.scope: Any = None  # the clauses, refusals and times (scope.py: a Scope), read on first use
        self.expansion_starts: tuple[int, ...] | None = None  # phrases.py, on first use
        self.ends: list[int] | None = None  # each token's end, on first use (token_at)
        self.position = (segments[0].block, segments[0].start) if segments else (-1, 0)
        self.tokens, aliases, pos = tokenize_indexed(text, table)
        self.placeholder = "[" in text and PLACEHOLDER_RE.search(text) is not None
        self.head_end = self._head_end(head_chars)
        self._index_tokens(aliases, tuple(blind), pos)

    @property
    def span(self) -> Span:
        """The span of the unit's first segment (the whole unit when it lies in one block)."""
        s = self.segments[0]
        return Span(s.block, s.start, s.start + s.length)

    def _head_end(self, head_chars: int) -> int:
        """The token index where the item's head ends: its title, or the words before a colon."""
        if not head_chars:
            m = _HEAD_COLON_RE.match(self.text) if ":" in self.text[2:81] else None  # its colon: 3rd to 81st
            head_chars = m.end() - 2 if m and len(m.group(0).split()) <= 9 else 0
        return bisect.bisect_left(list(map(_second, self.tokens)), head_chars) if head_chars else 0

    def _typed_without_marks(self) -> bool:
        """Whether the text was typed without diacritics (most of its words are plain ASCII): only then may an
        unaccented syllable stand for an accented one (*an toàn* is no *ấn*)."""
        letters = list(filter(str.isalpha, self.keys))
        return len(letters) >= 3 and sum(map(str.isascii, letters)) >= 0.7 * len(letters)

    def _index_tokens(self, aliases: list[tuple[str, int]], blind: tuple[tuple[int, int], ...],
                      every: dict[str, list[int]]) -> None:
        """The positions of each key (``every``: of every token, as read), but in the ``blind`` cells; the
        unaccented ones again as twins when the text was typed without diacritics; the aliases."""
        self.fpos: dict[str, list[int]] = {}
        keys = self.keys = list(map(_first, self.tokens))
        bare = self._typed_without_marks()
        pos = self.pos = every if not blind else {}
        for i, t in enumerate(keys if blind or bare else ()):
            if blind and any(a <= self.tokens[i][1] < b for a, b in blind):
                continue  # a cell that names who or when is no evidence of what
            if blind:
                at = pos.get(t)
                if at is None:
                    pos[t] = [i]
                else:
                    at.append(i)
            if bare and fold(t) == t:  # an unaccented syllable may stand for any accented twin
                self.fpos.setdefault(t, []).append(i)
        if aliases:
            for k, i in aliases:  # the abbreviation itself, at its expansion's first token
                if not any(a <= self.tokens[i][1] < b for a, b in blind):
                    pos.setdefault(k, []).append(i)
            for k in {k for k, _ in aliases}:  # the other lists were filled in order
                if k in pos:
                    pos[k].sort()

    def token_at(self, char: int) -> int:
        """The first token ending after character ``char`` (0 when none): token ends never decrease (the
        syllables of a word, or of an abbreviation's expansion, share its end)."""
        ends = self.ends
        if ends is None:
            ends = self.ends = [e for _, _, e in self.tokens]
        i = bisect.bisect_right(ends, char)
        return i if i < len(ends) else 0

    def char_range(self, first: int, last: int) -> tuple[int, int]:
        """The characters of tokens ``first..last``."""
        n = len(self.tokens)
        if not n:
            return 0, len(self.text)
        return self.tokens[min(first, n - 1)][1], self.tokens[min(last, n - 1)][2]

    def locate(self, a: int, b: int) -> list[tuple[Span, int, int]]:
        """The block spans of characters ``a..b`` of the unit's text, one per segment they cross,
        each with its range in the unit's text."""
        out = []
        for s in self.segments:
            lo, hi = max(a, s.offset), min(b, s.offset + s.length)
            if lo < hi:
                out.append((Span(s.block, s.start + lo - s.offset, s.start + hi - s.offset), lo, hi))
        return out

    def cell_of(self, char: int) -> Cell | None:
        return next((c for c in self.cells if c.start <= char < c.end), None)

    def cell(self, role: str) -> Cell | None:
        return next((c for c in self.cells if c.role == role), None)
