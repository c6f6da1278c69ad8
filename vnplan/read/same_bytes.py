"""What a reader works out from a package part, kept for the last few parts by their exact bytes.

Documents made from one template carry the same style sheet and theme, byte for byte: every plan
python-docx writes holds its default template's 350 KB style sheet, and the documents of one
office carry those of its Word template. The work on such a part (cutting the style sheet,
reading the theme's fonts) depends on its bytes alone, so it is done once and its result
kept, keyed by the bytes themselves: a part that differs by one byte is a different key, and
nothing about its name, size or checksum stands in for it. Only results are kept, never an
error: a part that fails is read again, and fails again, each time. The budgets and limits of
the package are counted before a part's bytes get here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class SameBytes(Generic[T]):
    """Results of work on parts' bytes, remembered for the last ``size`` distinct parts of at most ``largest``
    bytes, and no more than ``budget`` bytes of parts in all (a long-running worker meeting many large parts
    keeps a bounded amount). The work given with the bytes must depend on them alone for its result (an error
    may name the part and the file: errors are not kept)."""

    def __init__(self, *, size: int = 8, largest: int = 2 << 20, budget: int = 4 << 20) -> None:
        self._size = size
        self._largest = largest
        self._budget = budget
        # small parts (a style's chunk) are kept by their bytes in a dict; larger ones by their length, each
        # with its result, found by comparing bytes (memcmp), not by hashing them (siphash over a 350 KB
        # style sheet costs some 50 times more); few large parts are kept, so few share a length
        self._small: dict[bytes, T] = {}
        self._by_size: dict[int, tuple[tuple[bytes, T], ...]] = {}
        self._order: deque[bytes] = deque()  # the parts kept, oldest first
        self._total = 0  # their bytes
        _ALL.append(self)

    def get(self, data: bytes, make: Callable[[bytes], T]) -> T:
        """``make(data)``, or what it gave for the same bytes before."""
        n = len(data)
        if n > self._largest:
            return make(data)
        if n < _HASHED_BELOW:
            kept = self._small.get(data, _MISSING)
            if kept is not _MISSING:
                return kept  # type: ignore[return-value]
        else:
            for large, value in self._by_size.get(n, ()):
                if large == data:
                    return value
        value = make(data)
        if n < _HASHED_BELOW:
            self._small[data] = value
        else:
            self._by_size[n] = (*self._by_size.get(n, ()), (data, value))
        self._order.append(data)
        self._total += n
        self._trim()
        return value

    def _trim(self) -> None:
        """The oldest parts let go until at most ``size`` parts and ``budget`` bytes are kept: the work is the
        parts let go, never a walk over those kept (a sheet of a thousand styles lets go of one per style)."""
        while len(self._order) > self._size or self._total > self._budget:
            try:
                old = self._order.popleft()  # the oldest part
            except IndexError:  # emptied by another thread meanwhile
                self._total = 0
                break
            self._total -= len(old)
            if len(old) < _HASHED_BELOW:
                self._small.pop(old, None)
                continue
            rest = tuple(e for e in self._by_size.get(len(old), ()) if e[0] != old)
            if rest:
                self._by_size[len(old)] = rest
            else:
                self._by_size.pop(len(old), None)

    def kept_bytes(self) -> int:
        """How many bytes of parts are kept now."""
        return sum(map(len, list(self._order)))

    def clear(self) -> None:
        self._small.clear()
        self._by_size.clear()
        self._order.clear()
        self._total = 0


#: Every store of parts made, so that :func:`clear_all` can empty them.
_ALL: list[SameBytes[Any]] = []


def clear_all() -> None:
    """Empty every store of parts: the next read works out every part anew (its first-read cost)."""
    for kept in _ALL:
        kept.clear()


#: Parts shorter than this are found by hashing their bytes; longer ones by length and byte comparison.
_HASHED_BELOW = 16 << 10
_MISSING = object()

__all__ = ["SameBytes", "clear_all"]
