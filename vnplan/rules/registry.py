"""The rule registry (danh mục quy tắc): Rule, Hit, Context, and running rules over a Plan into Findings.

A rule is a small function ``f(ctx) -> Iterable[Hit]`` registered with :func:`rule` under a
stable id (``F110``), a severity, a short name, the legal provision it rests on and a
Vietnamese message with its English twin. Messages are ``str.format`` templates filled with
the parameters of each hit.
"""

from __future__ import annotations

import datetime as _dt
import re
import string
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from attrs import field, frozen

from vnplan.errors import UsageError
from vnplan.model import Block, Plan, Severity, Span
from vnplan.results import SEVERITIES, Finding, fingerprint

_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@frozen
class Hit:
    """What a rule function yields: where, the message parameters, optional overrides."""

    span: Span | None = None
    params: Mapping[str, Any] = field(factory=dict)
    severity: Severity | None = None  # overrides the rule's default (e.g. a draft's blank day: info)
    fix: str | None = None  # suggested corrected text, where safe
    variant: str | None = None  # key of an alternative message of the rule


@frozen
class Context:
    """What a rule sees: the plan and, for compliance rules, the profile."""

    plan: Plan
    profile: Any = None
    coverage: Any = None


RuleFunc = Callable[[Context], Iterable[Hit]]

#: The parts of a compliant plan an example may stand in for (``Example.part``), with what
#: docs/rules.md calls them. ``tests/compliant.py`` writes the plan, one text for each.
EXAMPLE_PARTS: dict[str, tuple[str, str]] = {
    "authority": ("tên cơ quan ban hành", "the issuing authority"),
    "national": ("Quốc hiệu và Tiêu ngữ", "the national name and motto"),
    "number": ("số, ký hiệu", "the number and symbol"),
    "date": ("địa danh và ngày tháng", "the place and date"),
    "title": ("tên loại và trích yếu", "the type and title"),
    "legal_basis": ("căn cứ ban hành", "the legal basis"),
    "purpose": ("mục I. Mục đích, yêu cầu", "part I (purpose and requirements)"),
    "content": ("mục II. Nội dung", "part II (content)"),
    "forms": ("mục III. Hình thức", "part III (forms)"),
    "implementation": ("mục IV. Tổ chức thực hiện", "part IV (implementation)"),
    "recipients": ("nơi nhận", "the recipients"),
    "signature": ("chữ ký", "the signature"),
}


@frozen
class Example:
    """A rule's wrong and right text, run as a test: the wrong one fires the rule, the right one does not.

    Without ``part`` each text is a whole document. With it, each text stands for that part of
    a plan that breaks no rule (:data:`EXAMPLE_PARTS`), for a fragment that needs the rest of a
    plan around it. ``profile`` is the parent plan's requirements (a profile in its JSON form)
    that a compliance rule checks against. ``layout`` makes the wrong one a Word file laid out
    like the compliant plan but for these changes (``font``, a margin ``left_mm``…, or a
    component's ``size``/``bold``/``italic``); the texts then describe the two layouts.
    """

    wrong: str
    right: str
    part: str | None = field(default=None)
    profile: Mapping[str, Any] | None = None
    layout: Mapping[str, Any] | None = None

    @part.validator
    def _known_part(self, _attribute: Any, value: str | None) -> None:
        if value is not None and value not in EXAMPLE_PARTS:
            raise ValueError(f"unknown example part {value!r}: one of {', '.join(EXAMPLE_PARTS)}")


@frozen
class Rule:
    """A registered check (quy tắc kiểm tra)."""

    id: str
    severity: Severity
    name: str
    part: str  # which part of the document: header, body, closing, references, layout, coverage
    message_vi: str
    message_en: str
    func: RuleFunc = field(repr=False)
    source: str | None = None  # the legal provision, e.g. "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4"
    since: _dt.date | None = None  # in force from (inclusive)
    until: _dt.date | None = None  # in force until (inclusive)
    variants_vi: Mapping[str, str] = field(factory=dict)
    variants_en: Mapping[str, str] = field(factory=dict)
    needs_profile: bool = False
    examples: Example | None = None  # wrong and right, in docs/rules.md and run as tests

    def in_force(self, on: _dt.date | None) -> bool:
        if on is None:
            return True
        if self.since and on < self.since:
            return False
        if self.until and on > self.until:
            return False
        return True

    def template(self, variant: str | None = None, lang: str = "vi") -> str:
        """The message template of ``variant`` (``None``: the rule's own message) in ``lang``."""
        if variant is None:
            return self.message_en if lang == "en" else self.message_vi
        table = self.variants_en if lang == "en" else self.variants_vi
        if variant not in table:
            raise MessageError(f"rule {self.id} has no message variant {variant!r} in {lang!r}")
        return table[variant]

    def message(self, hit: Hit, lang: str = "vi") -> str:
        """The hit's message, its template filled from the hit's parameters.

        A template the parameters cannot fill (a placeholder without a parameter, an unknown
        variant) is a bug in the rule: :class:`MessageError`, never the raw template.
        """
        template = self.template(hit.variant, lang)
        try:
            return template.format(**hit.params)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            raise MessageError(f"rule {self.id}: cannot fill {template!r} from {dict(hit.params)!r} ({exc!r})") from exc

    def summary(self, lang: str = "vi") -> str:
        """The rule's message with no hit to fill it, for catalogues (``vnplan rules``, SARIF, docs/rules.md)."""
        return neutral(self.template(None, lang))


class MessageError(ValueError):
    """A rule's message template cannot be filled: a bug in the rule, reported as the rule failing."""


def placeholders(template: str) -> tuple[str, ...]:
    """The names of a template's placeholders, in order (``ValueError`` for a malformed template)."""
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)


def neutral(template: str) -> str:
    """A template with each placeholder shown as “…”, for a text with no hit to fill it.

    A placeholder glued to the word or closing bracket before it (``làm gì{missing}``) is an
    optional tail (empty or `` (thiếu: …)``) and is left out.
    """
    out: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            glued = bool(literal) and (literal[-1].isalnum() or literal[-1] in ")]”")
            out.append("" if glued else "…")
    return "".join(out)


_REGISTRY: dict[str, Rule] = {}
_DIGITS = re.compile(r"\d+")


def rule(
    id: str,
    severity: Severity,
    *,
    name: str,
    part: str,
    vi: str,
    en: str,
    source: str | None = None,
    since: _dt.date | None = None,
    until: _dt.date | None = None,
    variants_vi: Mapping[str, str] | None = None,
    variants_en: Mapping[str, str] | None = None,
    needs_profile: bool = False,
    examples: Example | tuple[str, str] | None = None,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as rule ``id``. Ids are unique: registering one twice is a bug.

    ``examples`` is an :class:`Example` or, for two whole documents, a ``(wrong, right)`` pair.
    """
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity!r} for {id}")

    def deco(func: RuleFunc) -> RuleFunc:
        if id in _REGISTRY and _REGISTRY[id].func is not func:
            raise ValueError(f"rule {id} registered twice")
        _REGISTRY[id] = Rule(
            id=id,
            severity=severity,
            name=name,
            part=part,
            message_vi=vi,
            message_en=en,
            func=func,
            source=source,
            since=since,
            until=until,
            variants_vi=dict(variants_vi or {}),
            variants_en=dict(variants_en or {}),
            needs_profile=needs_profile,
            examples=Example(*examples) if isinstance(examples, tuple) else examples,
        )
        return func

    return deco


def rules() -> tuple[Rule, ...]:
    """Every registered rule, by id (the rule modules register theirs when :mod:`vnplan.rules` is imported)."""
    return tuple(sorted(_REGISTRY.values(), key=lambda r: r.id))


def get_rule(rule_id: str) -> Rule:
    try:
        return _REGISTRY[rule_id]
    except KeyError:
        raise UsageError(f"unknown rule id {rule_id!r}", hint="`vnplan rules` lists them") from None


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id.startswith(p) for p in patterns)


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> tuple[Rule, ...]:
    """Rules chosen by id or id prefix (``F1``, ``R``); unknown patterns are a usage error."""
    all_rules = rules()
    sel = [p.strip().upper() for p in (select or ()) if p.strip()]
    ign = [p.strip().upper() for p in (ignore or ()) if p.strip()]
    for p in (*sel, *ign):
        if p != "ALL" and not any(r.id.startswith(p) for r in all_rules):
            raise UsageError(f"no rule matches {p!r}", hint="`vnplan rules` lists the rule ids")
    chosen = [r for r in all_rules if not sel or "ALL" in sel or _matches(r.id, sel)]
    return tuple(r for r in chosen if not _matches(r.id, ign))


def run_rules(
    ctx: Context,
    chosen: Iterable[Rule],
    *,
    lang: str = "vi",
) -> tuple[Finding, ...]:
    """Run rules and turn their hits into located findings, most severe first, then by place.

    A rule that raises (or whose message cannot be filled) becomes one warning that says so:
    a rule never takes the whole check down.
    """
    plan = ctx.plan
    on = plan.header.date.earliest if plan.header.date is not None else None
    out: list[Finding] = []
    for r in chosen:
        if (r.needs_profile and ctx.profile is None) or not r.in_force(on):
            continue
        try:
            found = [_finding(r, hit, plan, lang) for hit in r.func(ctx)]
        except Exception as exc:
            msg = (f"Quy tắc {r.id} không chạy được trên văn bản này: {exc}" if lang == "vi"
                   else f"rule {r.id} could not run on this document: {exc}")
            found = [Finding(rule=r.id, severity="warning", message=msg, name=r.name, part=r.part,
                             fingerprint=fingerprint(r.id, None, ""))]
        out.extend(found)
    out.sort(key=_finding_order)
    return tuple(out)


def _finding(r: Rule, hit: Hit, plan: Plan, lang: str) -> Finding:
    """One hit of rule ``r`` as a located finding."""
    blocks = plan.source.blocks if plan.source is not None else ()
    line = loc = col = None
    passage = ""
    if hit.span is not None and 0 <= hit.span.block < len(blocks):
        b = blocks[hit.span.block]
        line = b.line_of(hit.span.start)
        loc = b.location or None
        col = _column(b, hit.span.start)
        passage = b.text[hit.span.start:hit.span.end]  # empty: a place (where a missing part belongs), no passage
    requirement = str(hit.params["id"]) if r.needs_profile and "id" in hit.params else None
    return Finding(rule=r.id, severity=hit.severity or r.severity, message=r.message(hit, lang), name=r.name,
                   part=r.part, span=hit.span, line=line, location=loc, source=r.source, fix=hit.fix, column=col,
                   requirement=requirement, fingerprint=fingerprint(r.id, requirement, _identity(hit, passage)))


def _identity(hit: Hit, passage: str) -> str:
    """What tells this finding from the rule's others, whatever its place: the passage, the message
    variant and the hit's words (without their digits: counts and lines change with edits elsewhere)."""
    words = sorted(str(v) for v in hit.params.values() if isinstance(v, str))
    return " ".join((passage, hit.variant or "", *(_DIGITS.sub("", w) for w in words)))


def _column(b: Block, offset: int) -> int | None:
    """The 1-based source column of character ``offset`` of a text block, when it is exactly known.

    Known on the block's first line outside tables: a text block starts at the start of its
    line (``origin``) and its offset map counts any leading white space it dropped.
    """
    if b.line is None or b.table is not None or b.origin is None:
        return None
    if any(br <= offset for br in b.line_breaks):
        return None  # on a joined continuation line, whose dropped indentation is unknown
    orig = b.original_offset(offset)
    return None if orig is None else orig - b.origin + 1


def _finding_order(f: Finding) -> tuple[Any, ...]:
    s = f.span
    return (_RANK[f.severity], s is None, s.block if s else 0, s.start if s else 0, f.rule)
