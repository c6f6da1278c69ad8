"""A profile's phrases compiled once (cụm từ của hồ sơ): content syllables, synonyms from the lexicon, and the matcher.

A phrase matches a stretch of a unit when all its content syllables (function words dropped)
occur within a window of its length plus :data:`GAP`: in order for phrases of up to three
syllables (Vietnamese compounds are order-sensitive: *tài chính công* is not *công khai tài
chính*), in order or in any order (moving whole words) for longer ones. Part of a phrase is no match. A syllable typed without
diacritics matches its accented twin, never the reverse. Words inside an abbreviation's
expansion count only from its first word (*UBND* is no *nhân dân*).

A requirement's phrases are compiled once per profile (:func:`compile_profile`), with the
profile's abbreviation table, never the plan's: a plan's definitions change how the plan is
read, not what the parent requires. A phrase that is a term of a lexicon concept
(``vnplan/vocab/lexicon.json``) brings the concept's other terms into its group.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, islice, pairwise
from operator import eq, itemgetter

import attrs
import regex

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.pattern import guarded
from vnplan.profiles.match.tokens import (
    TOKEN_RE,
    Table,
    fold,
    is_abbr,
    key_of,
    phrase_table,
    stopwords,
    tokenize,
    words,
)
from vnplan.profiles.model import Profile, Requirement

GAP = 4  # syllables a phrase match may have inserted (“cải cách về thể chế”)
ORDER_FREE = 4  # phrases of this many syllables (abbreviations aside) may match in any order; shorter ones keep theirs
_third = itemgetter(2)


@attrs.frozen
class Phrase:
    """A phrase compiled to its content syllables (``text`` as the profile or the lexicon wrote it)."""

    text: str
    tokens: tuple[str, ...]
    head_only: bool = False  # counts only as the head of a list item
    unless_after: tuple[tuple[str, ...], ...] = ()  # words right before it that make it another thing
    lexicon: str | None = None  # the concept it comes from, when it is not the profile's own
    order_free: bool = False  # four words or more as written: any word order will do
    pairs: frozenset[tuple[str, str]] = frozenset()  # consecutive syllables of the phrase, as written

    window: int = 0  # the span a match may take: its syllables and GAP more


def compile_phrase(text: str, table: Table, **more: object) -> Phrase:
    """A phrase's content syllables; it matches in any order when it has :data:`ORDER_FREE` syllables or more
    besides abbreviations (a name keeps its place: *ban chỉ đạo CCHC* keeps its order)."""
    toks = [t for t, _, _ in tokenize(text, table)]
    content = [t for t in toks if t not in stopwords()]
    written = [m.group(0) for m in TOKEN_RE.finditer(text)]
    written = [w for w in written if not is_abbr(w) and key_of(w) not in stopwords()]
    seq = content if len(content) >= min(2, len(toks)) else toks  # "một cửa" keeps its "một"
    tokens = tuple(dict.fromkeys(seq))
    return Phrase(text, tokens, order_free=len(written) >= ORDER_FREE, pairs=frozenset(pairwise(seq)),
                  window=len(tokens) + GAP, **more)  # type: ignore[arg-type]


@attrs.frozen
class Compiled:
    """A requirement with its groups of phrases compiled (synonyms from the lexicon added)."""

    req: Requirement
    groups: tuple[tuple[Phrase, ...], ...]
    pattern: regex.Pattern[str] | None


@attrs.frozen
class CompiledProfile:
    """Every requirement of a profile compiled, and its subject phrases."""

    profile: Profile
    table: Table
    requirements: tuple[Compiled, ...]
    subject: tuple[Phrase, ...]
    subject_tokens: frozenset[tuple[str, ...]] = frozenset()  # the subject phrases' syllables
    #: each requirement's :func:`groups_naming_subject`, by the id of its Compiled (with it, to tell it is the same)
    subject_groups_of: dict[int, tuple[Compiled, frozenset[int]]] = attrs.field(factory=dict, eq=False)


def groups_naming_subject(c: Compiled, subject_tokens: frozenset[tuple[str, ...]]) -> frozenset[int]:
    """The groups of ``c`` that only name the parent's subject: every phrase written in it is one of the
    subject phrases (``subject_tokens``: their syllables)."""
    return frozenset(g for g, written in enumerate(c.req.evidence.all_of)
                     if written and all(p.tokens in subject_tokens for p in c.groups[g][: len(written)]))


# --------------------------------------------------------------------------- the lexicon


@lru_cache(maxsize=8)
def _concepts(table_key: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[frozenset[tuple[str, ...]], tuple[Phrase, ...]], ...]:
    """Each lexicon concept as (the token tuples of its terms, its phrases), read with one table."""
    table = dict(table_key)
    out = []
    for c in vocab.lexicon().concepts:
        unless = tuple(tuple(words(w)) for w in c.unless_after)
        phrases = tuple(compile_phrase(t, table, unless_after=unless, lexicon=c.id) for t in c.terms)
        heads = tuple(compile_phrase(t, table, head_only=True, lexicon=c.id) for t in c.heads)
        out.append((frozenset(p.tokens for p in phrases), phrases + heads))
    return tuple(out)


def with_synonyms(group: Sequence[Phrase], table: Table) -> tuple[Phrase, ...]:
    """``group`` and the terms of every lexicon concept one of its phrases names."""
    concepts = _concepts(tuple(sorted(table.items())))
    named = [phrases for terms, phrases in concepts if any(p.tokens in terms for p in group)]
    out = list(group)
    seen = {(p.tokens, p.head_only) for p in group}
    for phrases in named:
        for q in phrases:
            if (q.tokens, q.head_only) not in seen:
                seen.add((q.tokens, q.head_only))
                out.append(q)
    # the profile's own phrase takes the context rule of the same term (“nhân dân” after “Ủy ban”)
    rules = {q.tokens: q.unless_after for phrases in named for q in phrases if q.unless_after}
    return tuple(attrs.evolve(p, unless_after=rules[p.tokens]) if p.tokens in rules and not p.unless_after else p
                 for p in out)


# --------------------------------------------------------------------------- compiling a profile


def _compile_requirement(req: Requirement, table: Table) -> Compiled:
    groups = tuple(with_synonyms([compile_phrase(p, table) for p in g], table) for g in req.evidence.all_of)
    pattern = guarded(req.evidence.pattern, regex.IGNORECASE) if req.evidence.pattern else None
    return Compiled(req, groups, pattern)


@lru_cache(maxsize=16)
def _compile_profile(profile: Profile) -> CompiledProfile:
    table = phrase_table(profile)
    reqs = tuple(_compile_requirement(r, table) for r in profile.requirements)
    subject = tuple(compile_phrase(s, table) for s in profile.subject)
    tokens = frozenset(p.tokens for p in subject)
    groups = {id(c): (c, groups_naming_subject(c, tokens)) for c in reqs}
    return CompiledProfile(profile, table, reqs, subject, tokens, groups)


_last_compiled: tuple[Profile, CompiledProfile] | None = None  # the profile last compiled, found by identity


def compile_profile(profile: Profile) -> CompiledProfile:
    """Every requirement of ``profile`` compiled, once per profile (not per plan).

    The same Profile object (the usual case: a batch or a check runs one) is found by identity;
    another is looked up by value, which hashes the whole frozen profile (costly: dozens of
    requirements, each with its phrases). Thread-safe: the tuple is read and written whole."""
    global _last_compiled
    last = _last_compiled
    if last is not None and last[0] is profile:
        return last[1]
    compiled = _compile_profile(profile)
    _last_compiled = (profile, compiled)
    return compiled


# --------------------------------------------------------------------------- matching


class Match:
    """Where a phrase matched in a unit: its first and last token."""

    __slots__ = ("first", "last", "phrase")

    def __init__(self, phrase: Phrase, first: int, last: int) -> None:
        self.phrase, self.first, self.last = phrase, first, last


def positions(unit, t: str, lo: int, hi: int) -> list[int]:  # type: ignore[no-untyped-def]
    """The sorted token indexes of syllable ``t`` (or an unaccented twin) in ``unit``, within ``lo..hi-1``."""
    out: list[int] = unit.pos.get(t, [])
    if unit.fpos:  # only text typed without diacritics has unaccented twins
        f = fold(t)
        if f != t and f in unit.fpos:
            out = sorted(out + unit.fpos[f])
    if lo > 0 or hi < len(unit.tokens):
        out = out[bisect.bisect_left(out, lo) : bisect.bisect_left(out, hi)]
    return out


def _expansion_start(unit, i: int) -> int:  # type: ignore[no-untyped-def]
    """The first token of the abbreviation expansion token ``i`` belongs to (``i`` itself when none)."""
    toks = unit.tokens
    while i > 0 and toks[i - 1][1:] == toks[i][1:]:
        i -= 1
    return i


def _expansion_starts(unit) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """:func:`_expansion_start` of every token of ``unit``, computed once; empty when every token is its own
    (no abbreviation expanded, no words run together: the common case, told by no two tokens ending together)."""
    got: tuple[int, ...] | None = unit.expansion_starts
    if got is None:
        toks = unit.tokens
        starts: list[int] | None = None
        ends = list(map(_third, toks))
        if len(set(ends)) < len(ends):  # tokens sharing their offsets share their end
            for i in compress(range(1, len(ends)), map(eq, ends, islice(ends, 1, None))):  # only where it does
                if toks[i - 1][1] == toks[i][1]:
                    if starts is None:
                        starts = list(range(len(toks)))
                    starts[i] = starts[i - 1]
        got = unit.expansion_starts = tuple(starts) if starts is not None else ()
    return got


def _whole_words(unit, positions: Sequence[int]) -> bool:  # type: ignore[no-untyped-def]
    """Words inside an abbreviation's expansion count only with its first word: ``nhân dân`` inside
    ``UBND`` (Ủy ban nhân dân) is not the people, ``giao … ban`` is no ``giao ban``."""
    starts = unit.expansion_starts
    if starts is None:
        starts = _expansion_starts(unit)
    return not starts or _whole(starts, positions)


def _whole(starts: tuple[int, ...], positions: Sequence[int]) -> bool:
    """:func:`_whole_words` from the unit's :func:`_expansion_starts` (not empty)."""
    chosen = None
    for p in positions:
        s = starts[p]
        if s != p:  # inside an expansion: its first word must be chosen too
            if chosen is None:
                chosen = set(positions)
            if s not in chosen:
                return False
    return True


Chain = tuple[int, int, list[int]]


def chains(ph: Phrase, unit, lo: int, hi: int) -> list[Chain] | None:  # type: ignore[no-untyped-def]
    """The in-order chains of ``ph``'s syllables in tokens ``lo..hi-1`` of ``unit``: for each position of its
    first syllable, the nearest next position of each following one, while within the phrase's window;
    (first, last, positions) of those that hold every syllable. None when a syllable is missing.

    A chain in a narrower range ``lo2..hi2`` (a clause) is one of these whose first is at least ``lo2`` and
    whose last is below ``hi2``: each next position is the nearest after the one before, whatever the range."""
    return chains_of(ph, [positions(unit, t, lo, hi) for t in ph.tokens])


def chains_of(ph: Phrase, lists: list[list[int]]) -> list[Chain] | None:
    """:func:`chains` from the positions of each of ``ph``'s syllables."""
    for x in lists:
        if not x:
            return None
    out: list[Chain] = []
    window = ph.window
    if len(lists) == 2:  # most phrases: two syllables, one look-up per start (tests/test_quick_paths.py)
        first, later = lists
        m = len(later)
        for start in first:
            k = bisect.bisect_right(later, start)
            if k < m and later[k] - start < window:
                out.append((start, later[k], [start, later[k]]))
        return out
    rest = lists[1:]
    for start in lists[0]:
        chain = [start]
        last = start
        for later in rest:
            k = bisect.bisect_right(later, last)
            if k == len(later) or later[k] - start >= window:
                break
            last = later[k]
            chain.append(last)
        else:
            out.append((start, last, chain))
    return out


def best_chain(unit, found: list[Chain], lo: int, hi: int) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The tightest of the ``found`` chains (in order of their first) within tokens ``lo..hi-1`` whose words
    are whole, the first of the tightest."""
    best: tuple[int, int] | None = None
    starts = unit.expansion_starts
    if starts is None:
        starts = _expansion_starts(unit)
    for start, last, chain in found:
        if start < lo:
            continue
        if start >= hi:
            break
        if last < hi and (best is None or last - start < best[1] - best[0]) and (not starts or _whole(starts, chain)):
            best = (start, last)
    return best


def in_order_by_clause(ph: Phrase, unit, found: list[Chain], starts: Sequence[int],  # type: ignore[no-untyped-def]
                       ends: Sequence[int]) -> dict[int, Match]:
    """The in-order match of ``ph`` in each clause of ``unit`` (clause ``i``: tokens ``starts[i]..ends[i]-1``,
    the clauses in order and covering the unit) that holds one, from the phrase's ``found`` chains in the
    whole unit: what :func:`match_phrase` gives for each clause of a phrase that keeps its order, each chain
    looked at once instead of every clause searched."""
    best: dict[int, tuple[int, int]] = {}
    expansions = unit.expansion_starts
    if expansions is None:
        expansions = _expansion_starts(unit)
    for start, last, chain in found:
        ci = max(0, bisect.bisect_right(starts, start) - 1)
        if last >= ends[ci]:
            continue
        b = best.get(ci)
        if (b is None or last - start < b[1] - b[0]) and (not expansions or _whole(expansions, chain)):
            best[ci] = (start, last)
    return {ci: Match(ph, a, z) for ci, (a, z) in best.items() if not _after_excluded(ph, unit, a)}


def _in_order(ph: Phrase, unit, lo: int, hi: int) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    found = chains(ph, unit, lo, hi)
    return None if found is None else best_chain(unit, found, lo, hi)


def _any_order(ph: Phrase, unit, lo: int, hi: int) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The tightest window of tokens ``lo..hi-1`` holding every syllable of ``ph`` in any order, its words whole
    and moved whole (:func:`_in_runs`)."""
    lists = [positions(unit, t, lo, hi) for t in ph.tokens]
    if not _near_together(lists, ph.window):
        return None  # no window holds them all: the scan below would find none (tests/test_quick_paths.py)
    k = len(ph.tokens)
    occ = sorted((p, i) for i, at in enumerate(lists) for p in at)
    counts = [0] * k
    distinct, left = 0, 0
    best: tuple[int, int] | None = None
    for right, (p, i) in enumerate(occ):
        if counts[i] == 0:
            distinct += 1
        counts[i] += 1
        while p - occ[left][0] >= ph.window:
            j = occ[left][1]
            counts[j] -= 1
            distinct -= counts[j] == 0
            left += 1
        while counts[occ[left][1]] > 1:  # the tightest window ending here
            counts[occ[left][1]] -= 1
            left += 1
        if distinct == k and (best is None or p - occ[left][0] < best[1] - best[0]):
            chosen = [q for q, _ in occ[left : right + 1]]
            if _whole_words(unit, chosen) and _in_runs(ph, unit, occ[left : right + 1]):
                best = (occ[left][0], p)
    return best


def _near_together(lists: list[list[int]], window: int) -> bool:
    """Whether some position of the rarest syllable has every other syllable (``lists``: their sorted
    positions) less than ``window`` tokens away: so it is in any window shorter than ``window`` that holds
    them all, and without one no such window is."""
    rare = min(lists, key=len)
    for p in rare:
        for at in lists:
            k = bisect.bisect_right(at, p - window)
            if k == len(at) or at[k] >= p + window:
                break
        else:
            return True
    return False


def _in_runs(ph: Phrase, unit, occ: Sequence[tuple[int, int]]) -> bool:  # type: ignore[no-untyped-def]
    """An order-free match moves whole words, not syllables: each of the phrase's syllables stands next to
    one it stands next to in the phrase, function words aside (*thể chế và công tác cải cách* for *cải cách
    thể chế*; not *công chức tận tụy phục vụ* for *công vụ, công chức*)."""
    keys = unit.keys
    stop = stopwords()

    def neighbour(p: int, step: int) -> str | None:
        p += step
        while 0 <= p < len(keys) and keys[p] in stop:
            p += step
        return keys[p] if 0 <= p < len(keys) else None

    near: dict[int, bool] = {}
    for p, i in occ:
        t = ph.tokens[i]
        before, after = neighbour(p, -1), neighbour(p, 1)
        ok = (before is not None and _same(before, ph, t, before=True)) or (
            after is not None and _same(after, ph, t, before=False))
        near[i] = near.get(i, False) or ok
    return all(near.get(i, False) for i in range(len(ph.tokens)))


def _same(neighbour: str, ph: Phrase, t: str, *, before: bool) -> bool:
    pair = (neighbour, t) if before else (t, neighbour)
    if pair in ph.pairs:
        return True
    f = fold(neighbour)
    return f == neighbour and any(fold(a) == fold(pair[0]) and fold(b) == fold(pair[1]) for a, b in ph.pairs)


def _after_excluded(ph: Phrase, unit, first: int) -> bool:  # type: ignore[no-untyped-def]
    for before in ph.unless_after:
        n = len(before)
        if first >= n and tuple(unit.keys[first - n : first]) == before:
            return True
    return False


def match_phrase(ph: Phrase, unit, lo: int = 0, hi: int | None = None,  # type: ignore[no-untyped-def]
                 found: list[Chain] | None = None) -> Match | None:
    """The tightest whole match of ``ph`` in tokens ``lo..hi`` of ``unit``, or None. ``found``: the phrase's
    :func:`chains` in the whole unit (up to its head's end for a head-only phrase), when already known."""
    if not ph.tokens:
        return None
    hi = len(unit.tokens) if hi is None else hi
    if ph.head_only:
        hi = min(hi, unit.head_end)
        if hi <= lo:
            return None
    # a long phrase may move whole words; in its written order it may, as a short one, take words in
    # between (*giải quyết đúng và trước hạn* for *giải quyết đúng hạn*)
    at = _in_order(ph, unit, lo, hi) if found is None else best_chain(unit, found, lo, hi)
    if at is None and ph.order_free:
        at = _any_order(ph, unit, lo, hi)
    if at is None or _after_excluded(ph, unit, at[0]):
        return None
    return Match(ph, at[0], at[1])


def unit_chains(ph: Phrase, unit, lists: list[list[int]] | None = None) -> list[Chain] | None:  # type: ignore[no-untyped-def]
    """:func:`chains` of ``ph`` in the whole of ``unit`` (up to its head's end for a head-only phrase);
    ``lists``: the positions of its syllables in the whole unit, when already known."""
    n = len(unit.tokens)
    hi = min(n, unit.head_end) if ph.head_only else n
    if not ph.tokens or hi <= 0:
        return None
    if lists is None:
        return chains(ph, unit, 0, hi)
    return chains_of(ph, lists if hi >= n else [x[: bisect.bisect_left(x, hi)] for x in lists])
