"""Regex alternations built from word lists (mẫu từ danh sách từ), with the case variants spelt out.

``IGNORECASE`` on the long alternations vnplan uses is about five times slower than spelling
the variants out (``Kế hoạch|kế hoạch|KẾ HOẠCH``), so the patterns list them. Which variants
a pattern takes is the caller's choice (:data:`CASES`); the words come from the vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple

from vnplan.pattern import escape as _escape

#: The case variants a pattern may spell out: as given, lower case, UPPER CASE, Sentence case
#: (first letter capital, rest lower), Capitalised (first letter capital, rest as given) and
#: Title Case (every word capitalised).
CASES: dict[str, Callable[[str], str]] = {
    "given": lambda w: w,
    "lower": str.lower,
    "upper": str.upper,
    "sentence": lambda w: w[:1].upper() + w[1:].lower(),
    "capital": lambda w: w[:1].upper() + w[1:],
    "title": str.title,
}


def variants(words: Iterable[str], cases: Iterable[str] = ("given", "lower", "upper", "sentence")) -> set[str]:
    """The distinct spellings of ``words`` in ``cases`` (names of :data:`CASES`)."""
    fns = [CASES[c] for c in cases]
    return {f(w) for w in words for f in fns}


def escape(word: str) -> str:
    """A word as a literal in a pattern; spaces stay plain spaces."""
    return _escape(word).replace("\\ ", " ")


def longest_first(words: Iterable[str]) -> str:
    """An alternation of ``words`` (no group), longest first so ``Thông tư liên tịch`` wins over ``Thông tư``."""
    return "|".join(escape(w) for w in sorted(set(words), key=lambda s: (-len(s), s)))


def in_order(words: Iterable[str]) -> str:
    """An alternation of ``words`` in the order given (the order is the priority)."""
    return "|".join(escape(w) for w in words)


def spelt(words: Iterable[str], cases: Iterable[str] = ("given", "lower", "upper", "sentence")) -> str:
    """A non-capturing group of the case variants of ``words``, longest first: ``(?:số|Số|SỐ)``."""
    return f"(?:{longest_first(variants(words, cases))})"


class Hints(NamedTuple):
    """What a text holding one of some words holds: one of ``chars``, and one of ``words`` (fewer words where
    one holds another: ``TRƯỞNG`` for ``CỤC TRƯỞNG``). A quick test before a pattern of those words."""

    chars: tuple[str, ...]
    words: tuple[str, ...]


def hints(words: Collection[str]) -> Hints:
    """The :class:`Hints` of ``words``: a text holds one of them only if :func:`holds` says so."""
    return Hints(_anchors(words), _fewest(words))


def holds(text: str, h: Hints) -> bool:
    """Whether ``text`` holds one of the words of ``h``. A character is looked for first: ``in`` finds one
    character in about a third of the time of a word."""
    for c in h.chars:
        if c in text:
            break
    else:
        return False
    for w in h.words:
        if w in text:
            return True
    return False


def _fewest(words: Iterable[str]) -> tuple[str, ...]:
    """The words none of the others holds: a text holds one of ``words`` only if it holds one of these."""
    kept: list[str] = []
    for w in sorted(set(words), key=len):
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(kept)


def _anchors(words: Collection[str]) -> tuple[str, ...]:
    """Characters one of which each of ``words`` holds, the rarer in running text first: capitals beyond
    ASCII (``Ư``, ``Á``), then capitals, then other letters beyond ASCII; among those, the one in most words."""
    def rarity(c: str) -> int:
        return (0 if not c.isascii() else 1) if c.isupper() else (2 if not c.isascii() else 3)

    left = set(words)
    chosen: list[str] = []
    while left:
        c = min({c for w in left for c in w if not c.isspace()}, key=lambda c: (rarity(c), -sum(c in w for w in left), c))
        chosen.append(c)
        left = {w for w in left if c not in w}
    for c in list(chosen):  # one the others cover (Ơ once N is taken for NƠI and Nơi)
        if all(any(a in w for a in chosen if a != c) for w in words):
            chosen.remove(c)
    return tuple(chosen)
