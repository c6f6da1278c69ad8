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

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

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
        self._kept: OrderedDict[bytes, T] = OrderedDict()

    def get(self, data: bytes, make: Callable[[bytes], T]) -> T:
        """``make(data)``, or what it gave for the same bytes before."""
        if len(data) > self._largest:
            return make(data)
        kept = self._kept.get(data, _MISSING)
        if kept is not _MISSING:
            return kept  # type: ignore[return-value]
        value = make(data)
        self._kept[data] = value
        self._trim()
        return value

    def _trim(self) -> None:
        """The oldest parts let go until at most ``size`` parts and ``budget`` bytes are kept."""
        total = sum(map(len, list(self._kept)))  # counted anew: another thread may have changed it
        while len(self._kept) > self._size or total > self._budget:
            try:
                old, _ = self._kept.popitem(last=False)  # the oldest part
            except KeyError:  # emptied by another thread meanwhile
                break
            total -= len(old)

    def kept_bytes(self) -> int:
        """How many bytes of parts are kept now."""
        return sum(map(len, list(self._kept)))

    def clear(self) -> None:
        self._kept.clear()


_MISSING = object()

__all__ = ["SameBytes"]
