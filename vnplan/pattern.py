"""Patterns run over document text, with the ``regex`` module's time limit as the last guard.

Every pattern vnplan runs over document text is written so it cannot backtrack without bound
(``docs/reading.md``, "Limits"): possessive quantifiers and atomic groups, bounded repetitions,
anchored alternatives, decisions taken in Python once per block instead of look-behinds over
it; ``tests/test_growth.py`` holds the whole parse and check to linear growth on adversarial
text. That is the defence. Should a pattern still run away (one changed without that care, an
input no test foresaw), :func:`guarded` has every match, search and scan carry the ``regex``
module's ``timeout``: past :data:`PATTERN_SECONDS` of matching in one call the work stops with
:class:`~vnplan.errors.PatternTimeoutError` (one line, exit code 2 on the command line) instead
of hanging a batch or a web request.

Compiling is most of a single command's time (the ``regex`` module parses and optimises a
pattern in Python: the two largest citation patterns take ~85 ms), so :func:`compiled` keeps
every compiled pattern's data in the per-user store (:mod:`vnplan.store`) and rebuilds the next
process's patterns from it with ``_regex.compile``, what unpickling a pattern does, at no
parsing cost.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any, cast

import regex

from vnplan.errors import PatternTimeoutError
from vnplan.store import Store

#: Seconds of matching one call (a match, a search, a whole scan) may take. Real text needs
#: milliseconds, the largest text the readers allow well under a second: this is no budget,
#: only the end of a runaway.
PATTERN_SECONDS = 10.0
#: Strings shorter than this are matched without the limit (see :class:`Pattern`).
SHORT = 1000


#: Compiled patterns by (source, flags): the pattern's ``_pickled_data``, tied to the regex version.
PATTERNS = Store(f"patterns-regex{getattr(regex, '__version__', '0')}")
_ENTRY_FIELDS = 11  # the length of a regex pattern's ``_pickled_data``
_rebuild: Any = regex._regex.compile  # type: ignore[attr-defined]  # what unpickling a regex pattern calls


def compiled(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, from the store of compiled patterns when it holds them."""
    key = (source, int(flags))  # a RegexFlag is no plain int to marshal
    data = PATTERNS.get(key)
    if data is not None:
        if type(data) is tuple and len(data) == _ENTRY_FIELDS and data[0] == source:
            try:
                return cast("regex.Pattern[str]", _rebuild(*data))
            except Exception:  # noqa: BLE001  (an entry this regex module does not take: compiled anew)
                pass
        PATTERNS.drop(key)
    raw = regex.compile(source, flags)
    saved = getattr(raw, "_pickled_data", None)
    if type(saved) is tuple and len(saved) == _ENTRY_FIELDS:
        PATTERNS.put(key, saved)
    return raw


#: What ``regex.escape`` puts a backslash before: its metacharacters and every character
#: ``str.isspace`` holds for (tests/test_store.py checks the list against the whole of Unicode).
_ESCAPED = "()[]{}?*+|^$\\.-#&~" + (
    "\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_ESCAPE_TABLE = {ord(c): "\\" + c for c in _ESCAPED}


def escape(text: str) -> str:
    """``regex.escape(text)``, the same string, in one ``str.translate`` instead of a loop in Python
    (patterns are built from the vocabulary's words in every process, even when compiled ones are stored)."""
    return text.translate(_ESCAPE_TABLE)


class Pattern:
    """A compiled ``regex`` pattern whose every call on document text carries the time limit; the
    same methods and attributes as the ``regex`` pattern (``raw``) it wraps, whose matches it returns."""

    __slots__ = ("_raw", "_source", "_flags", "where")

    def __init__(self, source: str, flags: int, where: str) -> None:
        self._raw: regex.Pattern[str] | None = None  # compiled on first use (start-up: most commands run few)
        self._source = source
        self._flags = flags
        self.where = where  # the module that compiled it, named in the error

    def _compile(self) -> regex.Pattern[str]:
        raw = self._raw = compiled(self._source, self._flags)
        return raw

    @property
    def raw(self) -> regex.Pattern[str]:
        """The compiled ``regex`` pattern (compiled now if it was not yet)."""
        return self._raw or self._compile()

    @property
    def pattern(self) -> str:
        return self._source

    @property
    def groupindex(self) -> Any:
        return self.raw.groupindex

    @property
    def groups(self) -> int:
        return self.raw.groups

    @property
    def flags(self) -> int:
        return self.raw.flags

    def _error(self) -> PatternTimeoutError:
        return PatternTimeoutError(
            f"a pattern of {self.where} ran for more than {PATTERN_SECONDS:g} s on this text "
            "(vnplan.pattern.PATTERN_SECONDS)",
            hint="vnplan gave up on this document; please report it with the file",
        )

    # Each method calls the regex method itself (patterns run in hot loops). A string shorter than
    # SHORT runs without the limit: no pattern here can take long on so little (the regex module's
    # repeat guards keep backtracking polynomial, and these patterns are linear), and asking for a
    # timeout costs more than such a match.

    def match(self, string: str, pos: int | None = None, endpos: int | None = None) -> regex.Match[str] | None:
        raw = self._raw or self._compile()
        if len(string) < SHORT:
            return raw.match(string, pos, endpos)
        try:
            return raw.match(string, pos, endpos, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise self._error() from None

    def fullmatch(self, string: str, pos: int | None = None, endpos: int | None = None) -> regex.Match[str] | None:
        raw = self._raw or self._compile()
        if len(string) < SHORT:
            return raw.fullmatch(string, pos, endpos)
        try:
            return raw.fullmatch(string, pos, endpos, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise self._error() from None

    def search(self, string: str, pos: int | None = None, endpos: int | None = None) -> regex.Match[str] | None:
        raw = self._raw or self._compile()
        if len(string) < SHORT:
            return raw.search(string, pos, endpos)
        try:
            return raw.search(string, pos, endpos, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise self._error() from None

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """The matches, the time limit counting the whole scan."""
        raw = self._raw or self._compile()
        if len(string) < SHORT:
            return raw.finditer(string, pos, endpos)
        return self._scan(string, pos, endpos)

    def _scan(self, string: str, pos: int | None, endpos: int | None) -> Iterator[regex.Match[str]]:
        raw = self._raw or self._compile()
        try:
            yield from raw.finditer(string, pos, endpos, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise self._error() from None

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None) -> list[Any]:
        raw = self._raw or self._compile()
        if len(string) < SHORT:
            return raw.findall(string, pos, endpos)
        try:
            return raw.findall(string, pos, endpos, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise self._error() from None

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        raw = self._raw or self._compile()
        if len(string) < SHORT:
            return raw.sub(repl, string, count)
        try:
            return raw.sub(repl, string, count, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise self._error() from None

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        raw = self._raw or self._compile()
        if len(string) < SHORT:
            return raw.split(string, maxsplit)
        try:
            return raw.split(string, maxsplit, timeout=PATTERN_SECONDS)
        except TimeoutError:
            raise self._error() from None

    def __repr__(self) -> str:
        return f"vnplan.pattern.Pattern({self._source!r})"


def guarded(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)`` with the time limit on every call of the result, compiled
    on its first use (a module-level pattern costs nothing at import; start-up stays quick).

    The result is a :class:`Pattern`, typed as the ``regex`` pattern it stands in for so that
    code annotated with ``regex.Pattern[str]`` takes it: it has the methods vnplan calls
    (match, fullmatch, search, finditer, findall, sub, split) and ``raw`` for anything else."""
    where = sys._getframe(1).f_globals.get("__name__", "vnplan")
    return cast("regex.Pattern[str]", Pattern(pattern, flags, where))


__all__ = ["PATTERNS", "PATTERN_SECONDS", "SHORT", "Pattern", "compiled", "escape", "guarded"]
