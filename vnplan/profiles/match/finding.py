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
from operator import itemgetter
from typing import cast

import regex

from vnplan.profiles.match.index import PlanIndex
from vnplan.profiles.match.phrases import (
    Chain,
    Compiled,
    Match,
    Phrase,
    _after_excluded,
    _any_order,
    best_chain,
    chains_of,
    in_order_by_clause,
    match_phrase,
    positions,
    unit_chains,
)
from vnplan.profiles.match.scope import Clause, Scope, scope_of
from vnplan.profiles.match.units import Unit

_first = itemgetter(0)


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
    memo = index.memo
    got = memo.get(k)
    if got is None:
        memo[k] = got = _in_clauses(ph, unit, index)
    return got  # type: ignore[return-value]


def _clause_matches(ph: Phrase, unit: Unit, scope: Scope, whole: Match, chains: list[Chain],
                    lists: list[list[int]]) -> list[tuple[Clause, Match]]:
    """The match of ``ph`` in each clause of ``unit`` that holds one, with its clause, in reading order:
    ``whole``, the unit's, when the unit is one clause; one of its ``chains`` for a phrase that keeps its
    order; else each clause that holds every syllable (``lists``: their positions) searched."""
    clauses = scope.clauses
    if len(clauses) == 1 and clauses[0].first <= 0 and clauses[0].end >= len(unit.tokens):
        return [(clauses[0], whole)]  # a clause that is the whole unit matches as the unit did
    if not ph.order_free:  # a phrase that keeps its order: one of its chains in each clause
        by_clause = in_order_by_clause(ph, unit, chains, scope.starts, scope.ends)
        return [(clauses[ci], m) for ci, m in sorted(by_clause.items(), key=_first)]
    out = []
    for clause in clauses:
        if _holds_all(lists, clause.first, clause.end):  # else a syllable is missing from the clause
            m = match_phrase(ph, unit, clause.first, clause.end, found=chains)
            if m is not None:
                out.append((clause, m))
    return out


def _in_clauses(ph: Phrase, unit: Unit, index: PlanIndex) -> list[tuple[int, int, str, str]]:
    """What :func:`_matches` keeps: each clause's match, its characters and whether it is evidence (the
    status :func:`_status` gives, its clause known)."""
    if not ph.tokens:
        return []
    if unit.fpos:
        n = len(unit.tokens)
        lists = [positions(unit, t, 0, n) for t in ph.tokens]
    else:  # no unaccented twins: a syllable's positions are its list
        held = list(map(unit.pos.get, ph.tokens))
        if None in held:
            return []  # a syllable is missing: no chain, no match
        lists = cast("list[list[int]]", held)
    if ph.head_only:
        chains = unit_chains(ph, unit, lists)  # once: each clause's match is one of them
        whole = match_phrase(ph, unit, found=chains) if chains is not None else None
    else:  # unit_chains and match_phrase over the whole unit, without their calls
        chains = chains_of(ph, lists)
        whole = _whole_match(ph, unit, chains) if chains is not None else None
    if whole is None or chains is None:
        return []
    scope = unit.scope
    if scope is None:
        scope = scope_of(unit, index.year)
    toks = unit.tokens
    context = unit.context
    if scope.whole:  # one clause, the whole unit: it matches as the unit did
        if context is not None:
            return [(toks[whole.first][1], toks[whole.last][2], context, "")]
        return [(toks[whole.first][1], toks[whole.last][2], *_evidence_status(unit, scope, scope.clauses[0], whole))]
    found: list[tuple[int, int, str, str]] = []
    for clause, m in _clause_matches(ph, unit, scope, whole, chains, lists):
        if context is not None:
            found.append((toks[m.first][1], toks[m.last][2], context, ""))
        else:
            found.append((toks[m.first][1], toks[m.last][2], *_evidence_status(unit, scope, clause, m)))
    return found


def _whole_match(ph: Phrase, unit: Unit, chains: list[Chain]) -> Match | None:
    """:func:`match_phrase` of ``ph`` over the whole of ``unit`` (not head-only), its ``chains`` known."""
    n = len(unit.tokens)
    best = best_chain(unit, chains, 0, n)
    if best is None and ph.order_free:
        best = _any_order(ph, unit, 0, n)
    if best is None or (ph.unless_after and _after_excluded(ph, unit, best[0])):
        return None
    return Match(ph, best[0], best[1])


def _evidence_status(unit: Unit, scope: Scope, clause: Clause, m: Match) -> tuple[str, str]:
    """``ok``, ``refused`` (with its cue) or ``past``: :func:`_status` of match ``m`` in ``clause`` of a unit
    without a context."""
    if scope.refusals:
        refusal = scope.refused_by(m.first, m.last)
        if refusal is not None:
            a, b = unit.char_range(refusal.cue, refusal.cue_end - 1)
            return "refused", unit.text[a:b]
    return ("past", "") if clause.past else ("ok", "")


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
    units = index.units
    for g, phrases in enumerate(groups):
        for ph in phrases:
            text = ph.text
            for ui, found in _in_units(ph, index):
                got = by_unit.get(ui)
                if got is None:
                    by_unit[ui] = got = []
                if found:
                    unit = units[ui]
                    got.extend([Found(g, unit, a, b, text, status, cue) for a, b, status, cue in found])
    if c.pattern is not None:
        for u in index.units:
            found_p = find_pattern(c.pattern, len(groups), u, index)
            if found_p:
                by_unit.setdefault(u.index, []).extend(found_p)
    return {k: v for k, v in by_unit.items() if v}


def _in_units(ph: Phrase, index: PlanIndex) -> list[tuple[int, list[tuple[int, int, str, str]]]]:
    """:func:`_matches` of ``ph`` in each unit holding its syllables, in reading order: kept in the index
    for the phrase, since phrases recur across requirements."""
    k = (ph.tokens, ph.order_free, ph.head_only, ph.unless_after)
    memo = index.memo
    got = memo.get(k)
    if got is None:
        units = index.units
        memo[k] = got = [(ui, _in_clauses(ph, units[ui], index)) for ui in index.sorted_candidates(ph.tokens)]
    return got  # type: ignore[return-value]


def covered(found: Sequence[Found]) -> set[int]:
    """The groups a unit meets with evidence."""
    return {f.group for f in found if f.status == "ok"}


def best_unit(by_unit: dict[int, list[Found]], index: PlanIndex, accepted,  # type: ignore[no-untyped-def]
              cover: dict[int, set[int]] | None = None) -> int | None:
    """The unit that covers most groups: then in an accepted part, not a placeholder, first in reading order.
    ``cover``: each unit's :func:`covered` groups, when known."""
    best, best_key = None, None
    for ui, found in by_unit.items():
        n = len(covered(found) if cover is None else cover[ui])
        if not n:
            continue
        u = index.units[ui]
        k = (n, accepted(u), not u.placeholder, -ui)
        if best_key is None or k > best_key:
            best, best_key = ui, k
    return best
