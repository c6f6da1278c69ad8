"""The requirement profile of a parent plan (hồ sơ yêu cầu của kế hoạch cấp trên): frozen attrs types.

A profile names its parent document and lists what a unit plan implementing it must contain.
Each requirement says what counts as evidence (groups of synonym phrases, or a pattern; a
threshold for targets, a due date for deadlines), in which part of the unit plan, whether
it is mandatory and where in which document it comes from.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from attrs import frozen

from vnplan.model import Span

KINDS: tuple[str, ...] = ("citation", "content", "form", "target", "duty", "deadline", "theme")
#: Where in the unit plan the evidence counts (roles of vnplan.model.Section, or anywhere).
WHERE: tuple[str, ...] = ("any", "content", "forms", "implementation", "purpose_requirements", "funding")
COMPARATORS: tuple[str, ...] = (">", ">=", "=", "<=", "<")
#: The rule that reports a requirement of each kind, unless the requirement names another.
RULE_OF_KIND: dict[str, str] = {
    "citation": "C301",
    "content": "C302",
    "theme": "C302",
    "form": "C303",
    "target": "C304",
    "deadline": "C305",
    "duty": "C306",
}


@frozen
class ParentDocument:
    """The parent plan (văn bản cấp trên): type, number, symbol, date, issuer, title."""

    type: str  # "Kế hoạch"
    number: str  # "14"
    symbol: str  # "KH-UBND"
    date: _dt.date | None = None
    issuer: str | None = None  # "UBND tỉnh Bắc Giang"
    title: str | None = None
    issuer_aliases: tuple[str, ...] = ()  # other ways of naming the issuer

    @property
    def reference(self) -> str:
        """``Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh Bắc Giang``."""
        out = f"{self.type} số {self.number}/{self.symbol}"
        if self.date:
            out += f" ngày {self.date:%d/%m/%Y}"
        if self.issuer:
            out += f" của {self.issuer}"
        return out


@frozen
class Provenance:
    """Where a requirement comes from (nguồn): the document, the place in it as printed, a note, the span.

    ``where`` is the place as a reader would cite it (``mục II.3.b``); ``span`` the text it was
    taken from in the parent as read by vnplan (block index, start and end offsets), when known.
    """

    document: str
    where: str
    note: str | None = None
    span: Span | None = None


@frozen
class EvidenceSpec:
    """What counts as evidence of a requirement in a unit plan.

    ``all_of`` is a tuple of groups; each group is a tuple of synonym phrases, any one of
    which meets the group. Every group must be met for the requirement to be met, in one passage.
    The groups are the parts of a compound requirement (a passage with some of them makes it
    partial), except the ``joint`` ones: these only identify it together (*chỉ đạo* and *UBND tỉnh*),
    and a passage without all of them is no evidence at all. ``pattern``
    is a regular expression that, when given, counts as one more group. Targets add a
    ``comparator`` and ``threshold`` (``>`` 90 with ``unit`` ``%``); deadlines a ``due`` date.
    """

    all_of: tuple[tuple[str, ...], ...] = ()
    pattern: str | None = None
    comparator: str | None = None
    threshold: float | None = None
    unit: str | None = None
    due: _dt.date | None = None
    #: the groups (indices) that only identify the requirement together: a passage without all of them is no
    #: evidence; the other groups are parts (JSON: ``true`` for every group, or a list of indices)
    joint: tuple[int, ...] = ()


@frozen
class PartRule:
    """Which parts of a unit plan may hold the evidence of a requirement in full (phần được chấp nhận).

    Evidence elsewhere in the body counts as "outside the part" (partial); the legal basis, the
    title and a review of a past year are never evidence. ``note`` says why a part is accepted.
    """

    accept: tuple[str, ...]  # values of WHERE
    note: str | None = None


@frozen
class Requirement:
    """One requirement of the parent plan (yêu cầu)."""

    id: str
    kind: str  # one of KINDS
    text: str
    evidence: EvidenceSpec = EvidenceSpec()
    where: str = "any"  # one of WHERE
    mandatory: bool = True
    provenance: Provenance | None = None
    rule: str | None = None  # the rule that reports it; None = RULE_OF_KIND[kind]
    note: str | None = None  # for the reviewer
    parts: PartRule | None = None  # the parts accepted besides ``where``; None = the profile's rule for the kind
    #: what a person should check before relying on it (a derived profile's doubts); empty once reviewed
    review: tuple[str, ...] = ()

    @property
    def rule_id(self) -> str:
        return self.rule or RULE_OF_KIND[self.kind]


@frozen
class Profile:
    """The requirements of a parent plan that a unit plan must cover (hồ sơ yêu cầu)."""

    id: str
    title: str
    parent: ParentDocument
    requirements: tuple[Requirement, ...] = ()
    description: str | None = None
    abbreviations: tuple[tuple[str, str], ...] = ()  # extra (ABBR, expansion) pairs for matching
    path: str | None = None  # the file it was loaded from, if any
    #: phrases naming the parent's subject; a plan that names none of them (nor cites the parent) is unrelated
    subject: tuple[str, ...] = ()
    #: (kind, rule): the parts accepted for each kind of requirement besides its ``where``
    parts: tuple[tuple[str, PartRule], ...] = ()

    def requirement(self, req_id: str) -> Requirement | None:
        return next((r for r in self.requirements if r.id == req_id), None)

    def part_rule(self, req: Requirement) -> PartRule | None:
        """The parts accepted for ``req``: its own rule, else the profile's rule for its kind."""
        return req.parts or dict(self.parts).get(req.kind)


# --------------------------------------------------------------------------- dict form


def _date(s: Any) -> _dt.date | None:
    return _dt.date.fromisoformat(s) if s else None


def profile_from_dict(d: dict[str, Any], *, path: str | None = None) -> Profile:
    """Build a Profile from its JSON form (already validated against the schema)."""
    p = d["parent"]
    parent = ParentDocument(
        type=p["type"],
        number=str(p["number"]),
        symbol=p["symbol"],
        date=_date(p.get("date")),
        issuer=p.get("issuer"),
        title=p.get("title"),
        issuer_aliases=tuple(p.get("issuer_aliases", ())),
    )
    reqs = []
    for r in d.get("requirements", ()):
        e = r.get("evidence", {})
        spec = EvidenceSpec(
            all_of=tuple(tuple(g) for g in e.get("all_of", ())),
            pattern=e.get("pattern"),
            comparator=e.get("comparator"),
            threshold=e.get("threshold"),
            unit=e.get("unit"),
            due=_date(e.get("due")),
            joint=_joint(e.get("joint", False), len(e.get("all_of", ()))),
        )
        prov = r.get("provenance")
        span = prov.get("span") if prov else None
        reqs.append(
            Requirement(
                id=r["id"],
                kind=r["kind"],
                text=r["text"],
                evidence=spec,
                where=r.get("where", "any"),
                mandatory=r.get("mandatory", True),
                provenance=Provenance(prov["document"], prov["where"], prov.get("note"),
                                      Span(span["block"], span["start"], span["end"]) if span else None)
                if prov else None,
                rule=r.get("rule"),
                note=r.get("note"),
                parts=_part_rule(r.get("parts")),
                review=tuple(r.get("review", ())),
            )
        )
    return Profile(
        id=d["id"],
        title=d["title"],
        parent=parent,
        requirements=tuple(reqs),
        description=d.get("description"),
        abbreviations=tuple(sorted(d.get("abbreviations", {}).items())),
        path=path,
        subject=tuple(d.get("subject", ())),
        parts=tuple((k, _part_rule(v)) for k, v in d.get("parts", {}).items()),  # type: ignore[misc]
    )


def _joint(value: bool | list[int], groups: int) -> tuple[int, ...]:
    if value is True:
        return tuple(range(groups))
    return tuple(value) if isinstance(value, list) else ()


def _part_rule(d: dict[str, Any] | None) -> PartRule | None:
    return PartRule(tuple(d["accept"]), d.get("note")) if d else None


def _part_rule_dict(p: PartRule) -> dict[str, Any]:
    out: dict[str, Any] = {"accept": list(p.accept)}
    if p.note:
        out["note"] = p.note
    return out


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The JSON form of a profile (contract: ``schemas/profile.schema.json``); defaults omitted."""
    p = profile.parent
    parent: dict[str, Any] = {"type": p.type, "number": p.number, "symbol": p.symbol}
    if p.date:
        parent["date"] = p.date.isoformat()
    for name in ("issuer", "title"):
        if getattr(p, name):
            parent[name] = getattr(p, name)
    if p.issuer_aliases:
        parent["issuer_aliases"] = list(p.issuer_aliases)
    out: dict[str, Any] = {"schema": "vnplan/profile/1", "id": profile.id, "title": profile.title}
    if profile.description:
        out["description"] = profile.description
    out["parent"] = parent
    if profile.abbreviations:
        out["abbreviations"] = dict(profile.abbreviations)
    if profile.subject:
        out["subject"] = list(profile.subject)
    if profile.parts:
        out["parts"] = {k: _part_rule_dict(v) for k, v in profile.parts}
    out["requirements"] = [requirement_to_dict(r) for r in profile.requirements]
    return out


def requirement_to_dict(r: Requirement) -> dict[str, Any]:
    e = r.evidence
    ev: dict[str, Any] = {}
    if e.all_of:
        ev["all_of"] = [list(g) for g in e.all_of]
    for name in ("pattern", "comparator", "threshold", "unit"):
        if getattr(e, name) is not None:
            ev[name] = getattr(e, name)
    if e.due:
        ev["due"] = e.due.isoformat()
    if e.joint:
        ev["joint"] = True if list(e.joint) == list(range(len(e.all_of))) else list(e.joint)
    out: dict[str, Any] = {"id": r.id, "kind": r.kind, "text": r.text, "where": r.where, "mandatory": r.mandatory}
    if r.rule:
        out["rule"] = r.rule
    out["evidence"] = ev
    if r.provenance:
        prov: dict[str, Any] = {"document": r.provenance.document, "where": r.provenance.where}
        if r.provenance.note:
            prov["note"] = r.provenance.note
        if r.provenance.span:
            sp = r.provenance.span
            prov["span"] = {"block": sp.block, "start": sp.start, "end": sp.end}
        out["provenance"] = prov
    if r.note:
        out["note"] = r.note
    if r.parts:
        out["parts"] = _part_rule_dict(r.parts)
    if r.review:
        out["review"] = list(r.review)
    return out
