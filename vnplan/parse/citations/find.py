"""Finding citations in text (tìm viện dẫn): one small reader per kind of match, building raw citations.

The cheap :data:`~.patterns.TRIGGERS` are found once over every block joined; the full
pattern is tried only near them (:func:`next_match`). Each match is read by the reader of its
kind: a typed number (and a list of numbers after it), an anaphor (``Kế hoạch này``), a law
by name, a project by short name, a bare number/symbol. Readers fill a mutable
:class:`RawCitation`; :mod:`.resolve` groups them and makes them frozen citations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import cast
from itertools import accumulate

import regex

import vnplan.vocab as vocab
from vnplan.model import PartialDate, SourceDocument
from vnplan.parse.citations.issuer import read_issuer
from vnplan.parse.citations.patterns import (
    BASIS_LAW,
    CONT,
    CONT_WORDS,
    DATE_AFTER,
    DATE_PROBES,
    DATE_REACH,
    HEADER_NO,
    KNOWN_LAW_AT,
    KNOWN_LAW_LONGEST,
    KNOWN_LAW_NAMES,
    LAW_END_AT,
    LAW_REACH,
    LAW_STARTS,
    LOOKBACK,
    MAIN,
    MAIN_BARE,
    MAIN_NO_LAW,
    MAIN_SEMI,
    NO_CUA_ISSUER,
    NUM_RUNS,
    NUMBER_AFTER,
    NUMSYM_RE,
    PARTY_ISSUERS,
    PLURAL,
    PROJECT_TYPES,
    SEP,
    SO_END,
    SPACES,
    SYM_SPLIT,
    TRIGGER_WORDS,
    TRIGGERS,
    TYPE_ALIASES,
    TYPE_BEFORE,
    TYPE_BEFORE_ANA,
    TYPE_END_CHARS,
    TYPE_ENDS,
    LAW_AND,
    LAW_OF,
    YEAR_AFTER,
    YEAR_PROBES,
    date_after_plain,
    issuer_after_re,
    numsym_plain,
)
from vnplan.pattern import guarded
from vnplan.text import fix_tones, key, plain_alnum

Triggers = list[tuple[int, str]]


# --------------------------------------------------------------------------- types and numbers


@lru_cache(maxsize=512)
def canonical_type(printed: str) -> str:
    """The canonical name of a printed type (``KẾ HOẠCH`` → ``Kế hoạch``)."""
    k = key(printed)
    if k in TYPE_ALIASES:
        return TYPE_ALIASES[k]
    return vocab.canonical_type(printed) or printed


def _date_from(m: regex.Match[str] | re.Match[str]) -> PartialDate:
    gi = m.re.groupindex  # a group by number: by name, each costs a look-up of the name
    if "y2" in gi:  # date_after_plain: each form's own groups, those of the others None
        y = m.group(gi["y"]) or m.group(gi["y2"]) or m.group(gi["y3"])
        mo = m.group(gi["m"]) or m.group(gi["m2"]) or m.group(gi["m3"])
        d = m.group(gi["d"]) or m.group(gi["d2"])
    else:
        y, mo, d = m.group(gi["y"], gi["m"], gi["d"])
    return PartialDate(year=int(y) if y else None, month=int(mo) if mo else None, day=int(d) if d else None)


def is_party(sep: str, symbol: str) -> bool:
    """Whether a number/symbol is a Party document's (``37-CT/TW``, or a Party issuer code last)."""
    return _party(sep, compact(symbol))


def _party(sep: str, compact: str) -> bool:
    """:func:`is_party` of a symbol with its white space taken out."""
    if sep.strip() in ("-", "–") and "/" in compact:
        return True
    # the last part SYM_SPLIT gives, when there are two or more: what follows the last separator
    cut = max(compact.rfind("-"), compact.rfind("–"), compact.rfind("/"), compact.rfind("."))
    return cut >= 0 and compact[cut + 1 :].upper() in PARTY_ISSUERS


def compact(sym: str) -> str:
    """``SPACES.sub("", sym)``: a printable string holds no white space but ``" "`` (which a
    symbol seldom holds), so most symbols are kept as they are without running the pattern."""
    if " " not in sym and sym.isprintable():
        return sym
    return SPACES.sub("", sym)


class NumberSymbol:
    """A number and symbol as printed, split into its parts (for the malformed-symbol check)."""

    __slots__ = ("number", "sep", "year", "symbol", "party", "raw")

    def __init__(self, number: str, sep: str, year: str | None, symbol: str, raw: str) -> None:
        self.number = number
        self.sep = sep
        self.year = year
        self.symbol = symbol
        self.raw = raw
        self.party = is_party(sep, symbol)

    @property
    def compact_symbol(self) -> str:
        return SPACES.sub("", self.symbol).replace("–", "-")

    @property
    def type_code(self) -> str | None:
        """The first part of the symbol (state: ``KH`` of ``KH-UBND``; Party: ``CT`` of ``CT/TW``)."""
        first = SYM_SPLIT.split(self.compact_symbol, maxsplit=1)[0]
        return first or None

    @property
    def issuer_code(self) -> str | None:
        parts = SYM_SPLIT.split(self.compact_symbol)
        return parts[-1] if len(parts) > 1 else None


def parse_number_symbol(text: str) -> NumberSymbol | None:
    """The first number/symbol in ``text`` (``14/KH-UBND``, ``37-CT/TW``, ``123/2015/NĐ-CP``)."""
    m = NUMSYM_RE.search(text)
    if not m:
        return None
    return NumberSymbol(m.group("num"), m.group("sep1"), m.group("year"), m.group("sym"), m.group(0))


def _codes() -> dict[str, set[str]]:
    by_code: dict[str, set[str]] = {}
    for code, t in vocab.types_with_code():
        by_code.setdefault(code.upper(), set()).add(t.name)
    return by_code


_NAMES_BY_CODE = _codes()


def _bare_type(sym: str, sep: str) -> str | None:
    """The type a bare symbol names through its code (``NĐ-CP`` → Nghị định), if it is known."""
    code = SYM_SPLIT.split(sym, maxsplit=1)[0].upper()
    names = _NAMES_BY_CODE.get(code)
    if not names:
        return None
    if len(names) == 1:
        return next(iter(names))
    # QĐ: Quyết định (state) or Quy định (Party); TT: Thông tư (state) or Thông tri (Party)
    party = is_party(sep, sym)
    for c, t in vocab.types_with_code():
        if c.upper() == code and (t.group == "party") == party:
            return t.name
    return sorted(names)[0]


class RawCitation:
    """A citation being built (mutable) before it becomes a frozen Citation."""

    __slots__ = ("block", "start", "end", "doc_type", "number", "year", "symbol", "date", "issuer",
                 "party", "name", "kind", "list_id", "anaphor", "year_in_number")

    def __init__(self, block: int, start: int, end: int, doc_type: str | None) -> None:
        self.block, self.start, self.end, self.doc_type = block, start, end, doc_type
        self.number: str | None = None
        self.year: int | None = None
        self.symbol: str | None = None
        self.date: PartialDate | None = None
        self.issuer: str | None = None
        self.party = False
        self.name: str | None = None
        self.kind = "full"
        self.list_id: int | None = None
        self.anaphor: str | None = None
        self.year_in_number = False

    def set_numsym(self, m: regex.Match[str]) -> None:
        if isinstance(m, TypedNumber):
            m = m.num  # its groups numbered as its own
        gi = m.re.groupindex
        self.number, sym, y, sep = m.group(gi["num"], gi["sym"], gi["year"], gi["sep1"])
        bare = compact(sym)
        self.symbol = bare.replace("–", "-")
        if y:
            self.year = int(y)
            self.year_in_number = True
        self.party = _party(sep, bare)


# --------------------------------------------------------------------------- where citations may be


def triggers(text: str, typed_anaphors: bool = False) -> Triggers:
    """Positions where a citation may be: a number with a symbol after it, an anaphoric word,
    a law or project word; sorted. What ``finditer`` of each of :data:`TRIGGERS` finds, the
    numbers found from the start of each run of digits (:data:`NUM_RUNS`), the words only
    where their literals stand (:func:`_word_hits`).

    The words are looked for in the text in lower case, where the case variants of a word are one
    string to look for, when lowering keeps every character in its place (one character each: the
    same length); else each variant in the text itself.

    With ``typed_anaphors``, an anaphor is left out where no type name's last characters stand
    before it (:func:`_no_type_before`: :data:`TYPE_BEFORE_ANA` finds no type name there), and its
    pattern is not tried there unless another word starts within its reach."""
    run = NUM_RUNS.groupindex["run"]  # by number: by name, each costs a look-up of the name
    out = [(max(m.start(), m.end(run) - 6), "num") for m in NUM_RUNS.finditer(text)]
    low = text.lower()
    lowered = len(low) == len(text)
    for kind, pat in TRIGGERS[1:]:
        skip = (lambda pos: _no_type_before(text, pos)) if typed_anaphors and kind == "ana" else None
        probes = _LOW_PROBES[kind] if lowered else _PROBES[kind]
        hits = _word_hits(text, pat, probes, low if lowered else None, TRIGGER_WORDS[kind], skip)
        out.extend((start, kind) for start in hits)
    out.sort()
    return out


def _no_type_before(text: str, pos: int) -> bool:
    """Whether the characters before the white space before ``pos`` end no type name (of
    :data:`TYPE_ENDS`): :data:`TYPE_BEFORE_ANA` then finds no type name ending at ``pos``."""
    return text[max(0, pos - 1 - TYPE_END_CHARS) : pos - 1] not in TYPE_ENDS


def _probes(words: tuple[str, ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The strings to look for to find every place one of ``words`` starts: the words that hold no
    other, each with how far before it each word holding it starts (``đã nêu`` holds ``nêu``)."""
    least = [w for w in words if not any(v != w and v in w for v in words)]
    shifts: dict[str, set[int]] = {}
    for w in words:
        inner = next(v for v in least if v in w)
        shifts.setdefault(inner, set()).add(w.index(inner))
    return tuple((w, tuple(sorted(offs))) for w, offs in shifts.items())


_PROBES = {kind: _probes(words) for kind, words in TRIGGER_WORDS.items()}
_LOW_PROBES = {kind: _probes(tuple(dict.fromkeys(w.lower() for w in words))) for kind, words in TRIGGER_WORDS.items()}


def _word_hits(text: str, pat: regex.Pattern[str], probes: tuple[tuple[str, tuple[int, ...]], ...],
               where: str | None = None, words: tuple[str, ...] | None = None,
               skip: Callable[[int], bool] | None = None) -> list[int]:
    """The starts of what ``pat.finditer(text)`` finds, for a pattern whose every match starts with
    one of the words ``probes`` find (in ``where``, the text or its lower case of the same length):
    ``pat`` is tried only where one of them stands, leftmost first, and past the end of each match,
    as ``finditer`` tries it. With ``words`` (the words themselves, as printed), only where the text
    starts with one of them.

    With ``skip``, the starts it holds for are left out; the pattern is tried there only when the
    next place to try lies within a word's length (its match, at most a word long, could hide that
    place): ``pat`` must then match no more than one of ``words``."""
    places: set[int] = set()
    find = (text if where is None else where).find
    for probe, shifts in probes:
        hits = []
        i = find(probe)
        while i >= 0:
            hits.append(i)
            i = find(probe, i + 1)
        for d in shifts:
            places.update([h - d for h in hits] if d else hits)
    order = sorted(places)
    if words is not None:
        order = [p for p in order if text.startswith(words, p)]
    reach = max(map(len, words)) if skip is not None and words else 0
    out: list[int] = []
    end = 0
    for k, start in enumerate(order):
        if start < end:
            continue
        dropped = skip is not None and skip(start)
        if dropped and (k + 1 == len(order) or order[k + 1] >= start + reach):
            continue  # left out, and its match could hide no other place
        if (m := pat.match(text, start)) is not None:
            if not dropped:
                out.append(start)
            end = m.end()
    return out


_SEMICOLON = guarded(";")


class _LawEnds:
    """Where a law's name may end in one block: before a date, year or law number, and (when the
    block cites a law as its legal basis, ``Căn cứ Luật``) at a ``;`` after that basis."""

    __slots__ = ("dated", "semis", "basis_end")

    def __init__(self, text: str) -> None:
        self.dated = [m.start() for m in LAW_END_AT.finditer(text)]
        basis = BASIS_LAW.search(text)
        self.basis_end = basis.end() if basis else None
        self.semis = [m.start() for m in _SEMICOLON.finditer(text)] if basis else []


@lru_cache(maxsize=4)
def _law_ends(text: str) -> _LawEnds:
    return _LawEnds(text)


def _in_reach(text: str, pos: int, ends: list[int]) -> bool:
    """Whether a law's name starting at ``pos`` can reach the first of ``ends`` after it (every
    word of the name is one white space further; the word loop stops at LAW_WORDS)."""
    k = bisect_left(ends, pos)
    if k == len(ends):
        return False
    reach = LAW_REACH.match(text, pos)
    return reach is None or ends[k] <= reach.end()


def match_at(text: str, pos: int) -> regex.Match[str] | None:
    """What the full pattern matches at ``pos``: :data:`MAIN` (tried without its law alternative
    where no law's name can end), or a law by name ending at a ``;`` after the block's legal basis
    (:data:`MAIN_SEMI`), which comes before a project or a bare number.

    Where no law's type starts at ``pos`` neither law alternative can match: :data:`MAIN_NO_LAW`
    alone, without finding where the block's law names may end."""
    if not text.startswith(LAW_STARTS, pos):
        return MAIN_NO_LAW.match(text, pos)
    ends = _law_ends(text)
    m = (MAIN if _in_reach(text, pos, ends.dated) else MAIN_NO_LAW).match(text, pos)
    if m is not None and (m.group("type") is not None or m.group("atype") is not None
                          or ("ltype" in m.re.groupindex and m.group("ltype") is not None)):
        return m
    if ends.basis_end is not None and _in_reach(text, pos, ends.semis):
        semi = MAIN_SEMI.match(text, pos)
        if semi is not None and ends.basis_end <= semi.end():
            return semi
    return m if m is not None else known_law(text, pos)


def known_law(text: str, pos: int) -> regex.Match[str] | None:
    """A law or code cited by a name it is known by (``citations.json``, ``law_names``) and nothing after
    it that says where the name ends: ``theo quy định của Luật Cán bộ, công chức; …``. Its type starts
    at ``pos`` (no letter or digit before it); the name is compared in lower case with modern tone
    placement, the longest known name first, and must not run on into a letter or digit."""
    if pos and text[pos - 1].isalnum():
        return None
    for t in LAW_STARTS:
        if text.startswith(t, pos):
            break
    else:
        return None
    names = KNOWN_LAW_NAMES.get(t.lower())
    at = pos + len(t) + 1
    if names is None or at > len(text) or not text[at - 1].isspace():
        return None
    window = fix_tones(text[at : at + KNOWN_LAW_LONGEST + 1]).lower()
    for name in names:
        n = len(name)
        if window.startswith(name) and (len(window) == n or not window[n].isalnum()):
            return KNOWN_LAW_AT.match(text, pos, at + n)
    return None


#: What a trigger gave, by its index and where its type name was looked for from (see next_match).
Memo = dict[tuple[int, int], "regex.Match[str] | None"]


def next_match(text: str, pos: int, found: Triggers | None = None, stop: int | None = None,
               memo: Memo | None = None) -> regex.Match[str] | None:
    """The first citation start at or after ``pos`` (what ``MAIN.search(text, pos)`` finds).

    Searching with ``MAIN`` would try its long alternation of type names at every character;
    instead the cheap triggers are found first (once per document) and the type name is looked
    for backwards from each, anchored there. With ``stop``, only a start before ``stop`` is
    wanted: the triggers past it (and the type name a trigger may have before it) are not tried.

    ``memo`` (one per block, with its ``found``) keeps what each trigger gave: what follows a
    citation is read up to where the next one starts, which the scan then finds again.
    """
    if found is None:
        found = triggers(text)
    last = len(found) if stop is None else bisect_left(found, (stop + LOOKBACK, ""))
    for k in range(bisect_left(found, (pos, "")), last):
        ts, kind = found[k]
        lo = -1 if kind == "word" else max(pos, ts - LOOKBACK)  # what the trigger's result depends on
        if memo is not None and (k, lo) in memo:
            m = memo[k, lo]
        else:
            m = _at_trigger(text, ts, kind, lo)
            if memo is not None:
                memo[k, lo] = m
        if m and m.start() >= pos:
            return m
    return None


def _at_trigger(text: str, ts: int, kind: str, lo: int) -> regex.Match[str] | None:
    """What the full pattern matches at a trigger: at a type name ending there (looked for from
    ``lo``), else (a number) at the trigger itself; a law or project word is matched where it is.

    At a number with a type name before it, what MAIN's first alternative matches there is the type
    name and the number's own match (:class:`TypedNumber`), without matching the type name again;
    where the type name starts at ``lo`` (the character before, which the search did not see, may
    be a letter) or the number is no number/symbol, the full pattern is matched."""
    if kind == "word":
        return match_at(text, ts)
    b = (TYPE_BEFORE if kind == "num" else TYPE_BEFORE_ANA).search(text, lo, ts)
    if b is not None and kind == "num" and (b.start() > lo or lo == 0):
        n = (numsym_plain() if _plain(text) else NUMSYM_RE).match(text, ts)
        if n is not None:
            return cast("regex.Match[str]", TypedNumber(text, b.start(), b.end(b.re.groupindex["type"]), n))
    m = match_at(text, b.start()) if b else None
    if m is None and kind == "num":
        m = MAIN_BARE.match(text, ts)  # a bare number/symbol: match_at(text, ts) at a digit
    return m


@lru_cache(maxsize=4)
def _plain(text: str) -> bool:
    """Whether every character of ``text`` lies in :data:`~vnplan.text.PLAIN_BLOCKS`, where
    :func:`~.patterns.numsym_plain` matches as :data:`NUMSYM_RE` does (asked once per block)."""
    return plain_alnum()[1].search(text) is None


class _TypedGroups:
    """The ``groupindex`` of a :class:`TypedNumber`: the number's groups as :data:`NUMSYM_RE` numbers
    them, and ``type`` after them."""

    __slots__ = ("groupindex", "type")

    def __init__(self) -> None:
        gi = dict(NUMSYM_RE.groupindex)
        self.type = len(gi) + 1
        self.groupindex = {**gi, "type": self.type}


@lru_cache(maxsize=1)
def _typed_groups() -> _TypedGroups:
    return _TypedGroups()


class TypedNumber:
    """What MAIN matches with its first alternative (a type name, ``số``, a number/symbol), made of the
    type name's span and the number's match: what the readers ask of a match (``start``, ``end``,
    ``group`` by number, ``re.groupindex``; ``span`` and ``groupdict`` for the tests)."""

    __slots__ = ("_text", "_start", "_type_end", "num", "re")

    def __init__(self, text: str, start: int, type_end: int, num: regex.Match[str] | re.Match[str]) -> None:
        self._text, self._start, self._type_end, self.num = text, start, type_end, num
        self.re = _typed_groups()

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self.num.end()

    def span(self) -> tuple[int, int]:
        return self._start, self.num.end()

    def _group(self, k: int) -> str | None:
        if k == 0:
            return self._text[self._start : self.num.end()]
        if k == self.re.type:
            return self._text[self._start : self._type_end]
        return self.num.group(k)

    def group(self, *ks: int) -> str | None | tuple[str | None, ...]:
        if len(ks) == 1:
            return self._group(ks[0])
        return tuple(map(self._group, ks)) if ks else self._group(0)

    def groupdict(self) -> dict[str, str | None]:
        return {name: self._group(k) for name, k in self.re.groupindex.items()}


# --------------------------------------------------------------------------- what follows a number


def _date_after(text: str, pos: int) -> regex.Match[str] | re.Match[str] | None:
    """``DATE_AFTER.match(text, pos)``, tried only where one of DATE_PROBES stands within its reach
    (most numbers have no date after them); with :func:`~.patterns.date_after_plain` where every
    character of the text lies in the plain blocks."""
    near = text[pos : pos + DATE_REACH]
    for probe in DATE_PROBES:
        if probe in near:
            return (date_after_plain() if _plain(text) else DATE_AFTER).match(text, pos)
    return None


def _after_item(text: str, r: RawCitation) -> None:
    """The date after a number (``ngày 21/01/2024``), or only its year (``năm 2024``)."""
    d = _date_after(text, r.end)
    if d:
        r.date = _date_from(d)
        r.end = d.end()
    elif text.startswith(YEAR_PROBES, r.end + 1):
        y = YEAR_AFTER.match(text, r.end)
        if y:
            if r.year is None:
                r.year = int(y.group("y"))
            r.end = y.end()


def _issuer_at(text: str, pos: int, found: Triggers | None = None, memo: Memo | None = None) -> tuple[str | None, int]:
    im = issuer_after_re().match(text, pos)  # what ISSUER_AFTER matches
    if not im:
        return None, pos
    k = im.re.groupindex["tail"]
    tail_start = im.start(k)
    tail = im.group(k)
    # the issuer never runs into the next citation
    nxt = next_match(text, tail_start, found, stop=im.end(), memo=memo)
    if nxt is not None and nxt.start() < im.end():
        tail = text[tail_start : nxt.start()]
    issuer = read_issuer(tail)
    if not issuer:
        return None, pos
    return issuer, tail_start + len(issuer)


def _cont_start(text: str, c: regex.Match[str]) -> int:
    """Start of a list item: the "số" before the number if printed, else the number."""
    s = c.start("num")
    pre = text[c.start() : s]
    so = SO_END.search(pre)
    return c.start() + so.start() if so else s


def _law_tail(text: str, r: RawCitation) -> None:
    d = _date_after(text, r.end)
    if d:
        r.date = _date_from(d)
        r.year = r.date.year
        r.end = d.end()
        return
    y = YEAR_AFTER.match(text, r.end)
    if y:
        r.year = int(y.group("y"))
        r.end = y.end()
    nm = NUMBER_AFTER.match(text, r.end)
    if nm:
        r.set_numsym(nm)
        r.end = nm.end()
        _after_item(text, r)
        if r.date and r.year is None:
            r.year = r.date.year


# --------------------------------------------------------------------------- one reader per kind of match


class _Scan:
    """The block being scanned and where its citations go."""

    __slots__ = ("text", "block", "out", "lists", "found", "memo")

    def __init__(self, text: str, block: int, out: list[RawCitation], lists: list[int], found: Triggers | None):
        self.text, self.block, self.out, self.lists, self.found = text, block, out, lists, found
        self.memo: Memo = {}


def _in_header_number(s: _Scan, start: int) -> bool:
    """The plan's own ``Số: 12/KH-UBND`` line, which is no citation."""
    # (its ":" ends the text before the number, but for a white space and a line end)
    return start < 12 and ":" in s.text[max(0, start - 3) : start] and bool(HEADER_NO.search(s.text, 0, start))


def _typed(s: _Scan, m: regex.Match[str]) -> int:
    """``Kế hoạch số 14/KH-UBND ngày … của …``, and the numbers listed after it."""
    if _in_header_number(s, m.start()):
        return m.end()
    items = _numbered_list(s, m)
    _list_issuer(s, items)
    for r in items:
        if r.year is None and r.date is not None:
            r.year = r.date.year
        if r.doc_type in PROJECT_TYPES and r.symbol and "-" not in r.symbol and not r.party:
            r.name = f"{r.doc_type} {r.number}"
    s.out.extend(items)
    return items[-1].end


def _cont(text: str, pos: int) -> regex.Match[str] | None:
    """``CONT.match(text, pos)``, tried only where a "," or a word of CONT_WORDS stands where it must
    (most numbers end no list)."""
    if "," in text[pos : pos + 2] or text.startswith(CONT_WORDS, pos + 1):
        return CONT.match(text, pos)
    return None


def _numbered_list(s: _Scan, m: regex.Match[str]) -> list[RawCitation]:
    """The first number and any more of the same type (``số 01/NQ-CP và 02/NQ-CP``), each with its date."""
    text = s.text
    first = RawCitation(s.block, m.start(), m.end(), canonical_type(m.group(m.re.groupindex["type"])))
    first.set_numsym(m)
    _after_item(text, first)
    items = [first]
    while c := _cont(text, items[-1].end):
        r = RawCitation(s.block, _cont_start(text, c), c.end(), first.doc_type)
        r.set_numsym(c)
        _after_item(text, r)
        items.append(r)
    if len(items) > 1:
        s.lists[0] += 1
        for r in items:
            r.list_id = s.lists[0]
        # a date printed once after the last number belongs to every number before it
        last_date = items[-1].date
        if last_date is not None:
            for r in items[:-1]:
                if r.date is None:
                    r.date = last_date
    return items


def _list_issuer(s: _Scan, items: list[RawCitation]) -> None:
    """The issuer after the last number belongs to every number of the list."""
    text, last = s.text, items[-1]
    end = last.end
    issuer, iend = _issuer_at(text, end, s.found, s.memo)
    if issuer:
        last.issuer = issuer
        last.end = iend
        for r in items[:-1]:
            r.issuer = r.issuer or issuer
        d = _date_after(text, iend)  # "… của UBND tỉnh ngày 21/01/2024"
        if d and last.date is None:
            last.date = _date_from(d)
            last.end = d.end()
    elif last.date is not None:
        # "của" left out after a date: only the national bodies, before a stop word
        nc = NO_CUA_ISSUER.match(text, end)
        if nc:
            for r in items:
                r.issuer = r.issuer or nc.group("iss")
            last.end = nc.end("iss")


def _anaphor(s: _Scan, m: regex.Match[str]) -> int:
    """``Kế hoạch này`` (the plan itself) or ``Kế hoạch nêu trên`` (one cited before); not ``các Kế hoạch trên``."""
    start = m.start()
    if PLURAL.search(s.text, max(0, start - 8), start):
        return m.end()
    r = RawCitation(s.block, start, m.end(), canonical_type(m.group("atype")))
    ana = m.group("ana").lower()
    this = ana == vocab.citations().anaphors.this
    r.anaphor = "self" if this else "previous"
    r.kind = "self" if this else "short"
    s.out.append(r)
    return m.end()


def _law(s: _Scan, m: regex.Match[str]) -> int:
    """A law by name (``Luật Hộ tịch năm 2014``, ``Luật … ngày …``, ``Luật … số 60/2014/QH13``)."""
    if not m.group("lname").strip() and canonical_type(m.group("ltype")) != "Hiến pháp":
        return m.end()
    start = m.start()
    for a in _laws_joined(s.text, start, m.end()):  # "Luật A và Luật B ngày …": A is cited alone
        first = RawCitation(s.block, start, a.start(), _law_type(s.text, start))
        first.name = s.text[start : a.start()].rstrip(",")
        s.out.append(first)
        start = a.end()
    r = RawCitation(s.block, start, m.end(), _law_type(s.text, start))
    r.name = s.text[start : m.end()].rstrip(",")
    _law_tail(s.text, r)
    s.out.append(r)
    return r.end


def _laws_joined(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The "và" or "," that join two laws within a law's name, none where "của" stands before the first."""
    out = []
    for a in LAW_AND.finditer(text, start, end):
        if LAW_OF.search(text, start, a.start()):
            break
        out.append(a)
    return out


def _law_type(text: str, pos: int) -> str:
    """The canonical type of the law whose name starts at ``pos`` (``Bộ luật``, ``Luật``…)."""
    return canonical_type(max((t for t in LAW_STARTS if text.startswith(t, pos)), key=len))


def _project(s: _Scan, m: regex.Match[str]) -> int:
    """A project or programme by short name: ``Đề án 06``, ``Chương trình 135``."""
    r = RawCitation(s.block, m.start(), m.end(), canonical_type(m.group("ptype")))
    r.number = m.group("pnum")
    r.name = f"{r.doc_type} {r.number}"
    s.out.append(r)
    return m.end()


def _bare(s: _Scan, m: regex.Match[str]) -> int:
    """A number/symbol without a type name whose symbol starts with a known type code (``123/2015/NĐ-CP``)."""
    if _in_header_number(s, m.start()):
        return m.end()
    sym = m.group("bsym")
    doc_type = _bare_type(sym, m.group("bsep"))
    if doc_type is None or (m.group("bsep") == "-" and "/" not in sym):
        return m.start() + 1 if m.end() == m.start() else m.end()
    r = RawCitation(s.block, m.start(), m.end(), doc_type)
    r.number = m.group("bnum")
    r.symbol = sym
    if m.group("byear"):
        r.year = int(m.group("byear"))
        r.year_in_number = True
    r.party = is_party(m.group("bsep"), sym)
    _after_item(s.text, r)
    issuer, iend = _issuer_at(s.text, r.end, s.found, s.memo)
    if issuer:
        r.issuer, r.end = issuer, iend
    if r.year is None and r.date is not None:
        r.year = r.date.year
    s.out.append(r)
    return r.end


#: The reader of each kind of match, by the named group that marks it (a bare number otherwise).
READERS: tuple[tuple[str, Callable[[_Scan, regex.Match[str]], int]], ...] = (
    ("type", _typed),
    ("atype", _anaphor),
    ("ltype", _law),
    ("ptype", _project),
)


def _reader(m: regex.Match[str]) -> Callable[[_Scan, regex.Match[str]], int]:
    """The reader of a match: the first of READERS whose group matched (MAIN_NO_LAW and MAIN_SEMI
    have only some of the groups), else a bare number."""
    if isinstance(m, TypedNumber):
        return _typed
    names = m.re.groupindex
    for group, read in READERS:
        k = names.get(group)
        if k is not None and m.group(k) is not None:
            return read
    return _bare


def scan_block(text: str, block: int, out: list[RawCitation], lists: list[int], found: Triggers | None = None) -> None:
    """Read every citation of one block's text into ``out``; ``lists`` counts lists of numbers across blocks."""
    s = _Scan(text, block, out, lists, found)
    pos = 0
    while pos < len(text):
        m = next_match(text, pos, found, memo=s.memo)
        if not m:
            return
        pos = _reader(m)(s, m)


def find_raw(doc: SourceDocument, blocks: Iterable[int] | None = None) -> tuple[list[RawCitation], dict[int, str]]:
    """The raw citations of the given blocks (default: every block) in text order, and the texts they index.

    One trigger scan runs over all blocks joined; then each block with a trigger is read.
    """
    every = doc.blocks
    indices = range(len(every)) if blocks is None else sorted(set(blocks))
    texts: dict[int, str] = {bi: b.text for bi in indices if (b := every[bi]).kind != "artifact" and b.text}
    order = list(texts)
    # where each block starts in the blocks joined (each but the last is followed by SEP)
    starts = list(accumulate(map((1).__add__, map(len, texts.values())), initial=0))
    by_block: dict[int, Triggers] = {}
    joined = SEP.join(texts.values())
    # an anaphor with no type name's end before it is left out: TYPE_BEFORE_ANA finds none there
    j, nxt, here = -1, 0, []  # the block of the last trigger, where the next starts, its triggers
    for pos, kind in triggers(joined, typed_anaphors=True):
        if pos >= nxt:  # the triggers come in text order: a block is looked up only when one is left
            j = bisect_right(starts, pos) - 1
            nxt = starts[j + 1]
            here = by_block.setdefault(order[j], [])
        here.append((pos - starts[j], kind))
    raws: list[RawCitation] = []
    lists = [0]
    for bi, found in by_block.items():  # in block order, as the triggers are
        scan_block(texts[bi], bi, raws, lists, found)
    return raws, texts


__all__ = ["NumberSymbol", "RawCitation", "canonical_type", "find_raw", "is_party", "match_at", "next_match",
           "parse_number_symbol", "scan_block", "triggers"]
