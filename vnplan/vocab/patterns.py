"""Regex alternations built from word lists (mẫu từ danh sách từ), with the case variants spelt out.

``IGNORECASE`` on the long alternations vnplan uses is about five times slower than spelling
the variants out (``Kế hoạch|kế hoạch|KẾ HOẠCH``), so the patterns list them. Which variants
a pattern takes is the caller's choice (:data:`CASES`); the words come from the vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

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
