"""Finding a requirement's groups in the plan, passage by passage (tìm bằng chứng theo đoạn).

Each phrase of each group is looked for clause by clause in the units that hold its syllables.
Every match is classified: ``ok``, or why it is no evidence: refused in its clause
(``refused``), a report of a past year (``past``), or in a unit that is never evidence
(``legal_basis``, ``title``, ``review``). A unit's *coverage* is the set of groups it meets
with an ``ok`` match; the best passage is the unit that covers most groups (then: in the part
the requirement names, not a placeholder, first in reading order).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from vnplan.profiles.match.index import PlanIndex
from vnplan.profiles.match.phrases import (
    Compiled,
    Match,
    Phrase,
    in_order_by_clause,
    match_phrase,
    positions,
    unit_chains,
)
from vnplan.profiles.match.scope import scope_of
from vnplan.profiles.match.units import Unit


class Found:
    """A phrase (or the pattern) found in a unit: its group, characters, and whether it is evidence."""

    __slots__ = ("cue", "end", "group", "start", "status", "text", "unit")

    def __init__(self, group: int, unit: Unit, start: int, end: int, text: str, status: str, cue: str = "") -> None:
        self.group, self.unit, self.start, self.end, self.text = group, unit, start, end, text
        self.status, self.cue = status, cue


def _status(unit: Unit, index: PlanIndex, first: int, last: int) -> tuple[str, str]:
    """``ok`` or why tokens ``first..last`` of ``unit`` are no evidence, with the words that say so."""
    if unit.context is not None:
        return unit.context, ""
    scope = scope_of(unit, index.year)
    refusal = scope.refused_by(first, last)
    if refusal is not None:
        a, b = unit.char_range(refusal.cue, refusal.cue_end - 1)
        return "refused", unit.text[a:b]
    if scope.clause_of(first).past:
        return "past", ""
    return "ok", ""


def _holds_all(lists: Sequence[list[int]], lo: int, hi: int) -> bool:
    """Whether each of the sorted position ``lists`` has a position in ``lo..hi-1``."""
    for at in lists:
        k = bisect_left(at, lo)
        if k == len(at) or at[k] >= hi:
            return False
    return True


def _matches(ph: Phrase, unit: Unit, index: PlanIndex) -> list[tuple[int, int, str, str]]:
    """(start, end, status, cue) of ``ph`` in each clause of ``unit`` where it matches whole; kept in the
    index, since phrases recur across requirements."""
    k = (ph.tokens, ph.order_free, ph.head_only, ph.unless_after, unit.index)
    got = index.memo.get(k)
    if got is None:
        found: list[tuple[int, int, str, str]] = []
        n = len(unit.tokens)
        lists = [positions(unit, t, 0, n) for t in ph.tokens]
        chains = unit_chains(ph, unit, lists)  # once: each clause's match is one of them
        whole = match_phrase(ph, unit, found=chains) if chains is not None else None
        if whole is not None:
            scope = scope_of(unit, index.year)
            by_clause = None if ph.order_free or chains is None else \
                in_order_by_clause(ph, unit, chains, scope.starts, [c.end for c in scope.clauses])
            for ci, clause in enumerate(scope.clauses):
                m: Match | None
                if clause.first <= 0 and clause.end >= n:
                    m = whole  # a clause that is the whole unit matches as the unit did
                elif by_clause is not None:
                    m = by_clause.get(ci)  # a phrase that keeps its order: one of its chains
                elif _holds_all(lists, clause.first, clause.end):
                    m = match_phrase(ph, unit, clause.first, clause.end, found=chains)
                else:
                    continue  # a syllable of the phrase is missing from the clause: no match there
                if m is not None:
                    status, cue = _status(unit, index, m.first, m.last)
                    a, b = unit.char_range(m.first, m.last)
                    found.append((a, b, status, cue))
        index.memo[k] = got = found
    return got  # type: ignore[return-value]


def find_phrase(ph: Phrase, group: int, unit: Unit, index: PlanIndex) -> list[Found]:
    """Every clause of ``unit`` in which ``ph`` matches whole."""
    return [Found(group, unit, a, b, ph.text, status, cue) for a, b, status, cue in _matches(ph, unit, index)]


def find_pattern(pattern: regex.Pattern[str], group: int, unit: Unit, index: PlanIndex) -> list[Found]:
    out = []
    for m in pattern.finditer(unit.text):
        first = unit.token_at(m.start())
        status, cue = _status(unit, index, first, first)
        out.append(Found(group, unit, m.start(), m.end(), pattern.pattern, status, cue))
    return out


def find_all(c: Compiled, index: PlanIndex, groups: Sequence[Sequence[Phrase]] | None = None) -> dict[int, list[Found]]:
    """Everything found of the requirement's groups (and its pattern, as the last group), by unit."""
    groups = c.groups if groups is None else groups
    by_unit: dict[int, list[Found]] = {}
    for g, phrases in enumerate(groups):
        for ph in phrases:
            for ui in sorted(index.candidates(ph.tokens)):
                by_unit.setdefault(ui, []).extend(find_phrase(ph, g, index.units[ui], index))
    if c.pattern is not None:
        for u in index.units:
            found = find_pattern(c.pattern, len(groups), u, index)
            if found:
                by_unit.setdefault(u.index, []).extend(found)
    return {k: v for k, v in by_unit.items() if v}


def covered(found: Sequence[Found]) -> set[int]:
    """The groups a unit meets with evidence."""
    return {f.group for f in found if f.status == "ok"}


def best_unit(by_unit: dict[int, list[Found]], index: PlanIndex, accepted) -> int | None:  # type: ignore[no-untyped-def]
    """The unit that covers most groups: then in an accepted part, not a placeholder, first in reading order."""
    best, best_key = None, None
    for ui, found in by_unit.items():
        n = len(covered(found))
        if not n:
            continue
        u = index.units[ui]
        k = (n, accepted(u), not u.placeholder, -ui)
        if best_key is None or k > best_key:
            best, best_key = ui, k
    return best
