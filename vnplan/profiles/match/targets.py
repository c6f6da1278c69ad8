"""Targets (chỉ tiêu): the indicator in one clause, the figure that clause states for it, compared with the parent's.

The indicator's groups must all be met in one clause that is evidence (not refused, not about a
past year, not in the legal basis or a review). Its figure is the percentage in the same
comma-separated stretch (``100% hồ sơ … đúng hạn``, ``… đạt trên 90%``), the next one after the
indicator first, else the one before; failing that, the nearest in the clause: the next one after,
unless it opens an item of its own (``…, 50% giao dịch …``; not ``…, đạt 100% trở lên``) and one comes
before. Its comparator comes from the words before it (*trên* ``>``, *tối thiểu*, *không dưới*, *đạt*
or a bare figure ``>=``). A clause without a figure that opens with a word for all of its subject (*Tất cả hồ sơ
… đều được giải quyết đúng hạn*: ``all_words``) states 100%. Every clause stating the indicator is weighed and
the best is kept: a target restated with its figure further on wins over a first mention without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)

from vnplan.model import Evidence, RequirementResult
from vnplan.pattern import guarded
from vnplan.profiles.figures import (
    PERCENT_RE,
    comparator_of,
    format_en,
    format_vi,
    meets,
    opens_item,
)
from vnplan.profiles.match.evidence import quote, result
from vnplan.profiles.match.finding import Found, find_all
from vnplan.profiles.match.index import PlanIndex
from vnplan.profiles.match.phrases import Compiled
from vnplan.profiles.match.scope import Clause, scope_of
from vnplan.profiles.match.topics import FALLBACK, PLACEHOLDER, accepts, why_not
from vnplan.profiles.match.units import Unit
from vnplan.profiles.model import Profile
from vnplan.vocab.patterns import in_order

_NEAR = 200  # characters between an indicator and its figure, at most


def _segments(text: str, a: int, b: int) -> tuple[int, int]:
    """The comma-separated stretch of ``text`` around ``a..b``."""
    s = text.rfind(",", 0, a) + 1
    e = text.find(",", b)
    return s, (e if e >= 0 else len(text))


def figure_for(unit: Unit, clause: Clause, a: int, b: int) -> regex.Match[str] | None:
    """The percentage of the indicator at characters ``a..b`` in ``clause``."""
    found = list(PERCENT_RE.finditer(unit.text, clause.start_char, clause.end_char))
    if not found:
        return None
    s, e = _segments(unit.text, a, b)
    s, e = max(s, clause.start_char), min(e, clause.end_char)
    near = [m for m in found if m.start("num") >= s and m.end() <= e + 1]
    after = [m for m in near if m.start() >= b]
    if after:
        return after[0]
    before = [m for m in near if m.end() <= a]
    if before:
        return before[-1]
    after = [m for m in found if m.start() >= b and m.start() - b <= _NEAR]
    before = [m for m in found if m.end() <= a and a - m.end() <= _NEAR]
    if after and before and _heads_item(unit.text, after[0], clause.end_char):
        return before[-1]  # ``100% hồ sơ được tiếp nhận, giải quyết đúng hạn, 50% giao dịch …``: 50% is the next item's
    return after[0] if after else (before[-1] if before else None)


def _heads_item(text: str, m: regex.Match[str], end: int) -> bool:
    """Whether the figure ``m``, in a later comma-separated stretch than its indicator, opens an item of its
    own (``…, 50% giao dịch thanh toán trực tuyến``) rather than closing the indicator's (``…, đạt 100%``)."""
    stop = text.find(",", m.end(), end)
    return opens_item(m, text[m.end():stop if stop >= 0 else end])


@cache
def _all_re() -> regex.Pattern[str]:
    """A clause opening with a word for all of its subject (*Tất cả*, *Toàn bộ*), after any list label."""
    return guarded(rf"^[\s\-+–•*]*(?P<all>{in_order(vocab.figures().all_words)})(?!\w)", regex.IGNORECASE)


def _all_of(unit: Unit, clause: Clause, a: int) -> tuple[int, int] | None:
    """The characters of the word that opens ``clause`` and states its target for all of its subject, i.e. 100%
    (*Tất cả hồ sơ … đều được giải quyết đúng hạn*), when the indicator at ``a`` follows it."""
    m = _all_re().match(unit.text, clause.start_char, clause.end_char)
    if m is None or m.end("all") > a:
        return None
    return m.start("all"), m.end("all")


def _clauses(c: Compiled, by_unit: dict[int, list[Found]], index: PlanIndex):  # type: ignore[no-untyped-def]
    """(unit, clause, the first usable match of each group) for every clause stating the whole indicator."""
    n = len(c.groups)
    for ui, found in sorted(by_unit.items()):
        unit = index.units[ui]
        for clause in scope_of(unit, index.year).clauses:
            firsts: dict[int, Found] = {}
            for f in found:
                if f.status == "ok" and clause.start_char <= f.start < clause.end_char:
                    firsts.setdefault(f.group, f)
            if len(firsts) == n and n:
                yield unit, clause, [firsts[g] for g in range(n)]


def _outcome(c: Compiled, unit: Unit, clause: Clause, parts: Sequence[Found], factor: float):  # type: ignore[no-untyped-def]
    """(rank, score, the evidence's quote arguments, comparator, value): the quote is made only for the
    outcome chosen (:func:`eval_target`)."""
    spec = c.req.evidence
    p_op, p_val = spec.comparator or ">=", float(spec.threshold or 0)
    a, b = min(f.start for f in parts), max(f.end for f in parts)
    if b - a > _NEAR:  # groups far apart: anchor on the last (most specific) group
        a, b = parts[-1].start, parts[-1].end
    marks = [(f.start, f.end) for f in parts]
    if unit.placeholder:
        return 0, PLACEHOLDER, (unit, marks, [parts[0].text]), None, None
    m = figure_for(unit, clause, a, b)
    if m is None:
        whole = _all_of(unit, clause, a)
        if whole is None or spec.unit != "%":
            return 1, 0.4 * factor, (unit, marks, [parts[0].text]), None, None
        ev = (unit, [whole, *marks], [parts[0].text, unit.text[whole[0]:whole[1]]])
        return (3, factor, ev, ">=", 100.0) if meets(">=", 100.0, p_op, p_val) else (2, 0.5 * factor, ev, ">=", 100.0)
    op = comparator_of(m.group("cmp") or "")
    val = float(m.group("num").replace(",", "."))
    fig = (m.start("num") if not m.group("cmp") else m.start(), m.end())
    ev = (unit, [*marks, fig], [parts[0].text, m.group(0).strip()])
    if meets(op, val, p_op, p_val):
        return 3, factor, ev, op, val
    return 2, 0.5 * factor, ev, op, val


def eval_target(c: Compiled, index: PlanIndex, profile: Profile | None = None) -> RequirementResult:
    """A target (C304): met, weaker than the parent's, named without a figure, or missing (and why)."""
    req, spec = c.req, c.req.evidence
    p_op, p_val = spec.comparator or ">=", float(spec.threshold or 0)
    want, want_en = format_vi(p_op, p_val, spec.unit), format_en(p_op, p_val, spec.unit)
    need: dict[str, object] = {"required": want, "required_en": want_en}
    by_unit = find_all(c, index)
    accepted = accepts(req, profile, index)
    outcomes = []
    for unit, clause, parts in _clauses(c, by_unit, index):
        ok = accepted(unit)
        rank, score, ev, op, val = _outcome(c, unit, clause, parts, 1.0 if ok else FALLBACK)
        outcomes.append((rank, score, -unit.index, ev, op, val, ok))
    if not outcomes:
        missing = why_not(req, by_unit)
        if missing.reason == "not_found":
            return result(req, "missing", 0.0, reason="not_found", note=f"không thấy chỉ tiêu (yêu cầu {want})",
                          note_en=f"target not found (required: {want_en})", details=need)
        return result(req, "missing", 0.0, reason=missing.reason, note=missing.note, note_en=missing.note_en,
                      details={**need, **dict(missing.details)})
    rank, score, _, ev, op, val, ok = max(outcomes, key=lambda o: o[:3])
    return _target_result(c, rank, score, quote(*ev), op, val, ok, need)


def _target_result(c: Compiled, rank: int, score: float, ev: list[Evidence], op: str | None, val: float | None,
                   ok: bool, need: dict[str, object]) -> RequirementResult:
    req, unit_ = c.req, c.req.evidence.unit
    want, want_en = need["required"], need["required_en"]
    if rank == 0:
        return result(req, "placeholder", score, ev, reason="placeholder",
                      note=f"mới có chỗ trống chờ điền “[…]” (yêu cầu {want})",
                      note_en=f"only a “[…]” placeholder so far (required: {want_en})", details=need)
    if rank == 1:
        return result(req, "partial", score, ev, reason="no_figure",
                      note=f"có nêu chỉ tiêu nhưng không có con số (yêu cầu {want})",
                      note_en=f"the indicator is named without a figure (required: {want_en})", details=need)
    assert op is not None and val is not None
    stated, stated_en = format_vi(op, val, unit_), format_en(op, val, unit_)
    details = {**need, "stated": stated, "stated_en": stated_en}
    if rank == 3:
        return result(req, "met" if ok else "partial", score, ev, reason=None if ok else "outside_part", details=details)
    return result(req, "partial", score, ev, reason="weaker", note=f"{stated} thấp hơn yêu cầu {want}",
                  note_en=f"{stated_en} is weaker than the required {want_en}", details=details)
