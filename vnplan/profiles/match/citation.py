"""The citation of the parent (viện dẫn kế hoạch cấp trên): found by type, number and symbol; date, issuer and place checked.

The parent is looked up among the plan's citations; its date and issuer are compared (the issuer
as cited must hold the parent's issuer or an alias word for word, or be a shorter form of it:
*Chủ tịch UBND tỉnh Bắc Giang* and *UBND tỉnh* are fine, *UBND tỉnh Bắc Ninh* is not). A citation
of the same type and symbol with another number is a *wrong number* when it is dated as the
parent (or undated, in the legal basis); dated otherwise it is *another plan*: the unit plan
implements something else, and the parent is not cited at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.model import Citation, Evidence, RequirementResult
from vnplan.profiles.match.evidence import result
from vnplan.profiles.match.index import PlanIndex
from vnplan.profiles.match.tokens import Table, fold, tokenize, words
from vnplan.profiles.model import Profile, Requirement
from vnplan.text import key


@cache
def _role_words() -> frozenset[str]:
    return frozenset(w for r in vocab.compliance().issuer_roles for w in words(r))


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return n > 0 and any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


def issuer_ok(cited: str, names: Sequence[str], table: Table) -> bool:
    """Whether the issuer as cited can be the parent's issuer, words in order.

    ``Chủ tịch UBND tỉnh Sơn Hà`` and ``UBND tỉnh`` can be ``Ủy ban nhân dân tỉnh Sơn Hà``;
    ``UBND tỉnh Hà Sơn Tây`` cannot.
    """
    cit = [t for t, _, _ in tokenize(cited, table)]
    bare = [t for t in cit if t not in _role_words()]
    for name in names:
        ref = [t for t, _, _ in tokenize(name, table)]
        if _contains(cit, ref) or _contains(ref, bare):
            return True
    return False


def _sym(s: str | None) -> str:
    return fold(key(s or "")).replace(" ", "")


def _date_text(c: Citation) -> str:
    d = c.date
    assert d is not None
    return "/".join(f"{x:02d}" if x else "…" for x in (d.day, d.month)) + f"/{d.year or '…'}"


def _other(req: Requirement, index: PlanIndex, profile: Profile, same_type: list[tuple[int, Citation]],
           in_basis: set[int]) -> RequirementResult:
    """No citation with the parent's number: a wrong number, another plan, or nothing."""
    parent, ref = profile.parent, profile.parent.reference
    details: dict[str, object] = {"parent": ref}

    def dated_as_parent(c: Citation) -> bool:
        return bool(parent.date and c.date and c.date.to_date() == parent.date)

    wrong = [(i, c) for i, c in same_type if dated_as_parent(c) or (i in in_basis and c.date is None)]
    if wrong:
        c = min(wrong, key=lambda x: (x[0] not in in_basis, x[0]))[1]
        return result(req, "partial", 0.3, [Evidence(c.text, c.span, (c.text,))], reason="wrong_number",
                      note=f"viện dẫn số {c.number}/{c.symbol}, kế hoạch cấp trên là số {parent.number}/{parent.symbol}",
                      note_en=f"cites number {c.number}/{c.symbol}; the parent is {parent.number}/{parent.symbol}",
                      details={**details, "cited": c.text, "problem": "number"})
    other = [(i, c) for i, c in same_type if i in in_basis]
    if other:
        c = other[0][1]
        return result(req, "missing", 0.0, reason="other_parent",
                      note=f"thực hiện một kế hoạch khác ({c.text}), không viện dẫn {ref}",
                      note_en=f"implements another plan ({c.text}); {ref} is not cited",
                      details={**details, "cited": c.text, "problem": "other_parent"})
    return result(req, "missing", 0.0, reason="not_cited", note=f"không viện dẫn {ref}", note_en=f"{ref} is not cited",
                  details=details)


def eval_citation(req: Requirement, index: PlanIndex, profile: Profile) -> RequirementResult:
    """The parent cited in the legal basis with its number, date and issuer (C301)."""
    parent, plan = profile.parent, index.plan
    in_basis = {i for lb in plan.legal_basis for i in lb.citations}
    same_type = [(i, c) for i, c in enumerate(plan.citations)
                 if c.doc_type and key(c.doc_type) == key(parent.type) and _sym(c.symbol) == _sym(parent.symbol)]
    exact = [(i, c) for i, c in same_type if c.number == parent.number]
    if not exact:
        return _other(req, index, profile, [x for x in same_type], in_basis)
    i, c = min(exact, key=lambda x: (x[0] not in in_basis, x[1].date is None, x[0]))
    ev = Evidence(c.text, c.span, (c.text,))
    problems: list[tuple[str, str, str]] = []  # (problem, vi, en)
    if parent.date and c.date is not None and c.date.to_date() != parent.date:
        cited = _date_text(c)
        problems.append(("date", f"ngày {cited} khác ngày ban hành {parent.date:%d/%m/%Y}",
                         f"date {cited} differs from {parent.date:%d/%m/%Y}"))
    if parent.issuer and c.issuer and not issuer_ok(c.issuer, (parent.issuer, *parent.issuer_aliases), index.abbr):
        problems.append(("issuer", f"cơ quan ban hành “{c.issuer}” khác “{parent.issuer}”",
                         f"issuer “{c.issuer}” differs from “{parent.issuer}”"))
    if i not in in_basis:
        problems.append(("not_in_legal_basis", "không nêu trong phần căn cứ ban hành", "not cited in the legal basis"))
    details: dict[str, object] = {"parent": parent.reference, "cited": c.text}
    if problems:
        problem = problems[0][0]
        return result(req, "partial", 0.5, [ev], reason=f"wrong_{problem}" if problem in ("date", "issuer") else problem,
                      note="; ".join(p[1] for p in problems), note_en="; ".join(p[2] for p in problems),
                      details={**details, "problem": problem})
    return result(req, "met", 1.0, [ev], details=details)
