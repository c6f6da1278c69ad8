"""Targets an item states (chỉ tiêu): each percentage with its indicator and comparator, and ranks to reach.

``Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn đạt trên 98%`` is ``>`` 98 on *hồ sơ TTHC* and
*giải quyết đúng hạn*; ``100% TTHC đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực
tuyến toàn trình`` puts its indicator after the figure; ``Tối thiểu 95% hộ gia đình có kết nối
Internet…`` takes its comparator from the words before. The indicator is cut at its link
(*được*, *có*) into at most two groups that must both be found with the figure. A clause with
several figures gives one target each, with a note to check which population each concerns.
``… phấn đấu thuộc nhóm 20 tỉnh dẫn đầu`` is a rank (``<=`` 20), which the matcher cannot compare.
"""

from __future__ import annotations

import regex
from attrs import frozen

import vnplan.vocab as vocab
from vnplan.profiles.derive.phrases import chunks, core
from vnplan.profiles.derive.words import COMMON, SPECIFIC, Lexicon, body_name
from vnplan.profiles.figures import PERCENT_RE, comparator_of

_W = vocab.derive()
_F = vocab.figures()


def _alts(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_E = r"(?![\p{L}\p{N}])"
_HEAD = regex.compile(rf"^(?:{_alts(_W.indicator_heads)}){_E}\s*", regex.IGNORECASE)
_LINK = regex.compile(rf"\s(?:{_alts(_W.indicator_links)}){_E}\s*", regex.IGNORECASE)
_OR_MORE = regex.compile(rf"^\s*{regex.escape(_F.or_more)}{_E}", regex.IGNORECASE)
_DENOM_START = regex.compile(rf"^(?:{_alts(_W.denominators)}){_E}", regex.IGNORECASE)
_DENOM = regex.compile(rf"\s(?:{_alts(_W.denominators)}){_E}.*$", regex.IGNORECASE)
_REACH = regex.compile(rf"(?:\s(?:{_alts(_F.reach_verbs)}|{_alts(_F.target_verbs)}))+\s*$", regex.IGNORECASE)
_RANK = regex.compile(rf"(?<![\p{{L}}])(?:{_alts(_W.rank_leads)})\s+(?P<n>\d{{1,3}}){_E}", regex.IGNORECASE)


@frozen
class Target:
    """A target read from a clause: its indicator groups, comparator, threshold and unit, and doubts."""

    groups: tuple[tuple[str, ...], ...]
    comparator: str
    threshold: float
    unit: str
    anchored: bool  # no indicator group is specific: the subject must stand beside it
    review: tuple[str, ...] = ()


def _best(part: str, lex: Lexicon) -> tuple[str, str] | None:
    """The most telling chunk of a part of an indicator: (phrase, judgement)."""
    cands = [c for c in chunks(part, lex) if not lex.is_subject(c)]
    for want in (SPECIFIC, COMMON):
        for c in cands:
            if lex.judge(c) == want:
                return c, want
    return None


def indicator_groups(text: str, lex: Lexicon, tail: str = "") -> tuple[tuple[tuple[str, ...], ...], bool]:
    """``hồ sơ TTHC được giải quyết đúng hạn`` → ``(("hồ sơ TTHC",), ("giải quyết đúng hạn",))`` and whether anchored."""
    text = _DENOM.sub("", _HEAD.sub("", core(text, lex) if text else ""))
    parts = [p for p in _LINK.split(f" {text}") if p.strip()]
    if tail and len(parts) < 2:
        parts += [p for p in _LINK.split(f" {tail}")[1:2] if p.strip()]
    # a part that only counts units (``sở, ban, ngành, UBND các huyện có …``) is not what is measured
    found = [b for p in parts if (b := _best(p, lex)) and lex.weight(b[0]) != (0, 0)][:2]
    groups = tuple((phrase,) for phrase, _ in found)
    anchored = not any(j == SPECIFIC for _, j in found)
    return groups, anchored


def _population_then_predicate(after: str, lex: Lexicon) -> str:
    """``sở, ban, ngành, UBND các huyện ban hành kế hoạch …`` → ``ban hành kế hoạch …``: the units counted are not the indicator."""
    m = regex.search(rf"(?<![\p{{L}}])(?:{_alts(_W.duty_verbs)}){_E}", after, regex.IGNORECASE)
    if m and m.start() > 0:
        head = after[: m.start()].strip(" ,")
        if body_name(head) or lex.judge(head) != SPECIFIC:
            return after[m.start():]
    return after


def _indicator(clause: str, ms: list[regex.Match[str]], k: int, lex: Lexicon) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """The indicator of the k-th figure: the words before it (after a title's colon), else the words after it."""
    m = ms[k]
    end = ms[k + 1].start() if k + 1 < len(ms) else len(clause)
    after = _OR_MORE.sub("", clause[m.end() : end]).strip(" ,;:")
    before = "" if k else _REACH.sub("", clause[: m.start()].rsplit(":", 1)[-1]).strip(" ,;:")
    if len(core(before, lex).split()) >= 2:
        groups, anchored = indicator_groups(before, lex)
        scope = None if _DENOM_START.match(after) else _best(after, lex)  # ``… cho 100% tổ hòa giải``
        if scope and scope[1] == SPECIFIC and len(groups) < 2:
            groups, anchored = groups + ((scope[0],),), False
        return groups, anchored
    return indicator_groups(_population_then_predicate(after, lex), lex, clause[ms[-1].end():])


def percentages(clause: str, lex: Lexicon) -> list[Target]:
    """Every percentage of ``clause`` as a target (module docstring)."""
    ms = list(PERCENT_RE.finditer(clause))
    out: list[Target] = []
    for k, m in enumerate(ms):
        groups, anchored = _indicator(clause, ms, k, lex)
        if not groups:
            continue
        value = float(m.group("num").replace(",", "."))
        review: tuple[str, ...] = ()
        if len(ms) > 1:
            review = ("one clause states several figures, each made a target: check which units or items each applies to",)
        out.append(Target(groups, comparator_of(m.group("cmp") or ""), int(value) if value.is_integer() else value,
                          "%", anchored, review))
    return out


def ranks(clause: str, lex: Lexicon) -> list[Target]:
    """``… Chỉ số DTI …, phấn đấu thuộc nhóm 20 tỉnh dẫn đầu`` → a rank target ``<=`` 20 on the index named before."""
    m = _RANK.search(clause)
    if not m or PERCENT_RE.search(clause):
        return []
    groups, anchored = indicator_groups(clause[: m.start()], lex)
    if not groups:
        return []
    why = "a rank, not a percentage: vnplan compares percentages only, so check the unit's rank by hand"
    return [Target(groups[:1], "<=", int(m.group("n")), " (thứ hạng)", anchored, (why,))]
