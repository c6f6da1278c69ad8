"""A draft profile from a parsed parent plan (lập hồ sơ yêu cầu): one requirement per item, target and deadline.

For every item of the parent (``items.py``) in reading order: its quoted theme; each target
(``targets.py``) and each deadline (``deadlines.py``) it states; then what it asks, one
requirement of the kind its part and words say (``kinds.py``), or one per member when one
sentence lists several, or, in the implementation part, a duty (the reporting duty and the
duty to issue the unit's own plan apart). Every requirement carries where it comes from (the
place as printed and the span as read) and the doubts a reviewer should clear (``review``).
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

import vnplan.vocab as vocab
from vnplan.errors import ProfileError
from vnplan.model import Plan
from vnplan.profiles.derive.deadlines import deadlines
from vnplan.profiles.derive.items import Item, items
from vnplan.profiles.derive.kinds import (
    has_list_lead,
    list_members,
    optional_cue,
    theme,
    theme_parts,
    topic_kind,
)
from vnplan.profiles.derive.phrases import Clause, choose, clauses, core
from vnplan.profiles.derive.targets import percentages, ranks
from vnplan.profiles.derive.words import (
    Lexicon,
    bodies_in,
    body_name,
    clean_abbreviations,
    contains,
    first_match,
    paraphrases,
    subject_group,
    subject_of,
)
from vnplan.profiles.model import (
    EvidenceSpec,
    ParentDocument,
    Profile,
    Provenance,
    Requirement,
)
from vnplan.text import fold, key

REVIEW = ("Derived automatically from the parent plan: review it before use (each requirement's `review` says what "
          "to check). Phrases that plans of any subject use stand beside a last group naming the parent's subject")
_W = vocab.derive()
_LEVELS = vocab.places().units  # tried in order: "huyện X tỉnh Y" is named by its tỉnh
PREFIX = {"citation": "CIT", "theme": "CD", "content": "ND", "form": "HT", "target": "CT", "duty": "NV", "deadline": "TH"}
_COUNT = regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in vocab.figures().qualifiers)})\s+\d+(?![\d\s]*%)[^,;.]{{0,30}}",
                       regex.IGNORECASE)


class Context:
    """What every requirement of one parent shares: its reference, words, year and the ids given so far."""

    def __init__(self, plan: Plan, ref: str, lex: Lexicon) -> None:
        self.plan, self.ref, self.lex = plan, ref, lex
        d = plan.header.date
        self.year = d.year if d and d.year else None
        self._n: dict[str, int] = {}

    def next_id(self, kind: str) -> str:
        prefix = PREFIX[kind]
        self._n[prefix] = self._n.get(prefix, 0) + 1
        return f"{prefix}{self._n[prefix]:02d}"

    @property
    def subject_group(self) -> tuple[str, ...]:
        """The parent's subject and its paraphrases: the group that keeps plans on other subjects out."""
        return subject_group(self.lex)

    def requirement(self, kind: str, text: str, item: Item, span: tuple[int, int], *, groups=(), where=None,  # type: ignore[no-untyped-def]
                    mandatory: bool = True, review=(), rule: str | None = None, **evidence) -> Requirement:
        prov = Provenance(self.ref, item.place + evidence.pop("place", ""), None, item.text.span(*span))
        text = text.strip(" ;,.")
        if kind == "content" and any(names_index(p, self.lex) for g in groups for p in g):
            where = "any"  # an index is what the unit's communication aims to raise: units name it in their purpose too
        return Requirement(id=self.next_id(kind), kind=kind, text=text[:1].upper() + text[1:],
                           evidence=EvidenceSpec(all_of=tuple(tuple(g) for g in groups), **evidence),
                           where=where or item.where, mandatory=mandatory, provenance=prov, rule=rule,
                           review=tuple(dict.fromkeys(review)))


@cache
def _index_terms() -> tuple[str, ...]:
    """The terms of the lexicon's indices (``index-…``: PAR INDEX, PCI, PAPI, SIPAS, DTI and their names)."""
    return tuple(t for c in vocab.lexicon().concepts if c.id.startswith("index-") for t in c.terms)


def names_index(phrase: str, lex: Lexicon) -> bool:
    """Whether ``phrase`` names one of the indices provinces are ranked by."""
    toks = lex.tokens(phrase)
    return any(contains(toks, lex.tokens(t)) for t in _index_terms())


# --------------------------------------------------------------------------- the parent document


def _issuer_name(authority: str) -> str:
    """``ỦY BAN NHÂN DÂN TỈNH SƠN HÀ`` → ``Ủy ban nhân dân tỉnh Sơn Hà``."""
    s = authority.strip().lower()
    s = s[:1].upper() + s[1:]
    for lvl in _LEVELS:
        m = regex.search(rf"\b{lvl}\s+(.+)$", s)
        if m:
            place = " ".join(w[:1].upper() + w[1:] for w in m.group(1).split())
            return s[: m.start(1)] + place
    return s


def _aliases(issuer: str) -> tuple[str, ...]:
    if issuer.startswith("Ủy ban nhân dân"):
        short = "UBND" + issuer[len("Ủy ban nhân dân"):]
        return (short, "Chủ tịch " + short)
    return ()


def _ascii(s: str) -> str:
    """``QĐ-UBND`` → ``QD-UBND``: profile ids are ASCII, case kept."""
    d = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in d if not unicodedata.combining(c) and (c.isalnum() or c in "-._"))


def parent_of(plan: Plan) -> ParentDocument:
    h = plan.header
    if not h.number or not h.symbol:
        raise ProfileError("the parent plan has no number and symbol (Số: …/…): a profile needs them to check citations",
                           path=plan.source.path if plan.source else None)
    date = h.date.to_date() if h.date else None
    issuer = _issuer_name(h.authority) if h.authority else None
    return ParentDocument(type=h.doc_type or "Kế hoạch", number=h.number, symbol=h.symbol, date=date,
                          issuer=issuer, title=h.title, issuer_aliases=_aliases(issuer) if issuer else ())


def _profile_id(plan: Plan, parent: ParentDocument) -> str:
    h = plan.header
    issuer = parent.issuer
    place = fold(h.place).replace(" ", "") if h.place else (fold(issuer.split()[-1]) if issuer else "parent")
    return f"{place}-{parent.number}-{_ascii(parent.symbol)}" + (f"-{parent.date.year}" if parent.date else "")


# --------------------------------------------------------------------------- evidence


def _groups(cx: Context, texts: list[str], *, form: bool = False) -> tuple[list[tuple[str, ...]], list[str]]:
    """The evidence groups of a requirement and the doubts about them."""
    ev = choose(texts, cx.lex, channels_first=form)
    review: list[str] = []
    ev_groups: list[tuple[str, ...]]
    if ev is None:
        whole = core(texts[0], cx.lex) if texts else ""
        if not whole:
            return [], []
        ev_groups = [(whole,)]
        review.append("no short specific phrase found: the whole clause is the evidence; shorten it")
        anchored = cx.lex.judge(whole) != "specific"
    else:
        ev_groups, anchored = [ev.synonyms], ev.anchored
    if anchored and cx.subject_group:  # shown by the evidence itself: the subject is the last group
        ev_groups.append(cx.subject_group)
    elif anchored:
        review.append("its phrases are common to plans of any subject and the parent's title names no subject: "
                      "add a specific phrase")
    return ev_groups, review


def _counts(text: str) -> list[str]:
    m = _COUNT.search(text)
    return [f"states a count ({m.group(0).strip()}) that vnplan does not compare: check it by hand"] if m else []


# --------------------------------------------------------------------------- one item


def from_item(cx: Context, item: Item) -> list[Requirement]:
    """The requirements of one item, in the order they are stated."""
    text = item.text.value
    if first_match(_W.closing, text[:40]) or item.part in ("funding", "other"):
        return []
    out: list[Requirement] = []
    topic: list[Clause] = []
    th = theme(text)
    for c in clauses(text):
        if th and c.start <= th.start() < c.start + len(c.text) + 1:
            out.append(_theme(cx, item, th, c))
            continue
        tgs = percentages(c.text, cx.lex) or ranks(c.text, cx.lex)
        out += [_target(cx, item, c, t) for t in tgs]
        if not tgs:
            topic.append(c)
    if topic:
        if item.part == "implementation" or item.addressee:
            out += _duties(cx, item, topic)
        else:
            out += _topics(cx, item, topic)
    return out


def _theme(cx: Context, item: Item, m: regex.Match[str], c: Clause) -> Requirement:
    """The year's theme: every part of the quoted motto is a group the unit plan must name."""
    quoted = m.group("theme").strip()
    return cx.requirement("theme", c.text, item, (c.start, c.start + len(c.text)),
                          groups=[(p,) for p in theme_parts(quoted)], where="any")


def _target(cx: Context, item: Item, c: Clause, t) -> Requirement:  # type: ignore[no-untyped-def]
    # the indicator in the register's other words (*giải quyết đúng hạn*: *trước hạn*, *trong thời hạn*)
    groups = [tuple(dict.fromkeys([*g, *(q for p in g for q in paraphrases(p, cx.lex))])) for g in t.groups]
    groups = [*groups, cx.subject_group] if t.anchored and cx.subject_group else groups
    review = list(t.review)
    opt = optional_cue(c.text)
    return cx.requirement("target", c.text, item, (c.start, c.start + len(c.text)), groups=groups, where="any",
                          mandatory=not opt, review=review + ([f"optional: the parent says “{opt}”"] if opt else []),
                          comparator=t.comparator, threshold=t.threshold, unit=t.unit)


def _topics(cx: Context, item: Item, topic: list[Clause]) -> list[Requirement]:
    """Content, form or duty: one requirement, or one per member of a list stated in one sentence."""
    first = topic[0]
    if has_list_lead(first.text):  # ``… đó là: A; B; C``: the list runs over the clauses ';' cut
        end = topic[-1].start + len(topic[-1].text)
        first = Clause(item.text.value[first.start : end], first.start)
    lead_list = list_members(first.text)
    if lead_list:
        return _members(cx, item, first, lead_list)
    texts = [c.text for c in topic]
    kind = topic_kind(texts, item.part, cx.lex, addressed=bool(body_name(texts[0])))
    review = _kind_review(kind, item)
    opt = optional_cue("; ".join(texts))
    out = _deadlines(cx, item, topic, texts, mandatory=not opt)
    title = item.text.value[: item.text.title_end] if item.text.title_end and topic[0].start == 0 else ""
    bodies = [_without_deadlines(_without_cue(t), cx) for t in texts]
    groups, doubts = _groups(cx, [title] if title else bodies, form=kind == "form")
    if not groups and title:  # a title made of common words only: its body says what it is
        groups, doubts = _groups(cx, bodies, form=kind == "form")
    if not groups:
        return out
    review += doubts + _counts("; ".join(texts)) + ([f"optional: the parent says “{opt}”"] if opt else [])
    first, last = topic[0], topic[-1]
    req = cx.requirement(kind, "; ".join(texts), item, (first.start, last.start + len(last.text)), groups=groups,
                         mandatory=not opt, review=review)
    return [req] + out


def _without_cue(text: str) -> str:
    """``Khuyến khích các đơn vị tổ chức hội thi …`` → ``tổ chức hội thi …``: the task, without who may do it."""
    m = first_match(_W.optional_cues, text[:30])
    if not m:
        return text
    rest = text[m.end():].lstrip(" ,")
    return _strip_addressee(rest, None) if body_name(rest) else rest


def _kind_review(kind: str, item: Item) -> list[str]:
    natural = {"forms": "form", "implementation": "duty"}.get(item.part, "content")
    if kind != natural and kind in ("form", "duty"):
        return [f"kind guessed from its words ({kind} in the {item.part} part): check it"]
    return []


def _members(cx: Context, item: Item, c: Clause, members) -> list[Requirement]:  # type: ignore[no-untyped-def]
    out = []
    for k, m in enumerate(members, 1):
        kind = topic_kind([m.text], item.part, cx.lex)
        groups, doubts = _groups(cx, [m.text], form=kind == "form")
        if not groups:
            continue
        review = [f"one of {len(members)} requirements listed in one sentence: check the split"] + doubts
        out.append(cx.requirement(kind, m.text[:1].upper() + m.text[1:], item, (c.start + m.start, c.start + m.end),
                                  groups=groups, review=review, place=f", ý thứ {k}"))
    return out


# --------------------------------------------------------------------------- duties and deadlines


def _scope(item: Item) -> tuple[bool, list[str]]:
    """Whether a duty binds every unit plan (mandatory), and why not."""
    who = item.addressee or ""
    if not who:
        return True, []
    k = key(who)
    if first_match(_W.request_leads, who[:12]):
        return False, ["a request (đề nghị) to bodies the issuer does not direct: optional"]
    if any(k.startswith(a + " ") for a in _W.addressees) or k.startswith(key(_W.addressee_head)):
        return True, []
    name = ", ".join(_leading_bodies(who)[0]) or who
    return False, [f"addressed to {name.strip(' :')} alone: optional in other units' plans"]


def _leading_bodies(text: str) -> tuple[list[str], int]:
    """The bodies ``text`` starts by naming (``Báo Sơn Hà, Đài Phát thanh và Truyền hình tỉnh mở …``) and where they end."""
    names: list[str] = []
    pos = 0
    for b in bodies_in(text):
        at = text.find(b, pos)
        if at < 0 or text[pos:at].strip(" ,:") not in ("", "và"):
            break
        names.append(b)
        pos = at + len(b)
    return names, pos


def _strip_addressee(text: str, item: Item | None) -> str:
    """``Sở Nội vụ chủ trì, hướng dẫn …`` → ``chủ trì, hướng dẫn …``."""
    if not body_name(text):
        return text
    names, end = _leading_bodies(text)
    if names:
        return text[end:].lstrip(" ,:")
    verbs = "|".join(regex.escape(v) for v in sorted(_W.duty_verbs, key=len, reverse=True))
    m = regex.search(rf"(?<![\p{{L}}])(?:{verbs})(?![\p{{L}}])", text, regex.IGNORECASE)
    return text[m.start():] if m else text


_REPORT = regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(regex.escape(v) for v in _W.report_verbs)})(?!\s+viên)(?![\p{{L}}])",
                        regex.IGNORECASE)


def _is_report(text: str) -> bool:
    m = _REPORT.search(text)
    return m is not None and m.start() < 40


def _is_own_plan(text: str, cx: Context) -> bool:
    verbs = "|".join(regex.escape(v) for v in _W.own_plan_verbs)
    if not regex.search(rf"(?:{verbs})(?:,\s*(?:{verbs}))?\s+kế hoạch", text, regex.IGNORECASE):
        return False
    return bool(first_match(_W.own_plan_owners, text)) or bool(first_match(cx.lex.subject, text))


def _duties(cx: Context, item: Item, topic: list[Clause]) -> list[Requirement]:
    """The implementation item: the duty to issue the unit plan, the other tasks, the reporting duty."""
    mandatory, scope_review = _scope(item)
    own: list[tuple[Clause, str]] = []
    report: list[tuple[Clause, str]] = []
    rest: list[tuple[Clause, str]] = []
    title_end = item.text.title_end if item.text.title_end and body_name(item.text.value[: item.text.title_end]) else 0
    for c in topic:
        body = c.text[title_end - c.start :].lstrip(" :") if c.start < title_end else _strip_addressee(c.text, item)
        (own if _is_own_plan(body, cx) else report if _is_report(body) else rest).append((c, body))
    out: list[Requirement] = []
    for group, extra in ((own, "own"), (rest, ""), (report, "report")):
        if group:
            out += _duty(cx, item, group, extra, mandatory, scope_review)
    return out


def _duty(cx: Context, item: Item, group, extra: str, mandatory: bool, scope_review: list[str]) -> list[Requirement]:  # type: ignore[no-untyped-def]
    texts = [body for _, body in group]
    clauses_ = [c for c, _ in group]
    review = list(scope_review)
    opt = optional_cue(" ".join(texts))
    if opt:
        mandatory = False
        review.append(f"optional: the parent says “{opt}”")
    dl = _deadlines(cx, item, clauses_, texts, mandatory=mandatory and extra != "own", report=extra == "report",
                    where="any" if extra == "own" else None, own=extra == "own")
    phrase_texts = [_without_deadlines(t, cx) for t in texts]
    if extra == "report":
        groups, doubts = _report_groups(cx, phrase_texts)
    elif extra == "own" and cx.lex.subject:  # the unit's plan on the parent's subject: its title says so
        groups, doubts = [tuple(f"kế hoạch {s}" for s in cx.lex.subject)], []
    else:
        groups, doubts = _groups(cx, phrase_texts)
    if extra == "own":
        review.append("met by the unit plan itself (its title names it); the deadline is its date of issue, "
                      "which vnplan does not compare")
    if not groups:
        return dl
    first, last = clauses_[0], clauses_[-1]
    start = first.start + max(0, first.text.find(texts[0]))  # the task, after the bodies it is addressed to
    req = cx.requirement("duty", "; ".join(c.text for c in clauses_), item, (start, last.start + len(last.text)),
                         groups=groups, where="any" if extra == "own" else "implementation", mandatory=mandatory,
                         review=review + doubts + _counts(" ".join(texts)), rule="C305" if extra == "report" else None)
    return [req] + dl


def _without_deadlines(text: str, cx: Context) -> str:
    for d in reversed(deadlines(text, cx.year)):
        text = text[: d.start] + text[d.end:]
    return regex.sub(r"\(\s*\)|,\s*(?=[,;)]|$)", "", text)


def _named(body: str, cx: Context) -> bool:
    """A body named by its own name (``Sở Nội vụ``, ``Bộ Tư pháp``), not by its level alone (``UBND tỉnh``)."""
    head, _, rest = body.partition(" ")
    if cx.lex.grade(body) == "specific":
        return True
    generic = {key(h) for h in _W.level_bodies}
    return key(head) not in generic and any(w[:1].isupper() for w in rest.split())


_PERIOD = regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(regex.escape(w) for w in _W.report_periods)})(?![\p{{L}}])",
                        regex.IGNORECASE)


def _report_groups(cx: Context, texts: list[str], whole: str = "") -> tuple[list[tuple[str, ...]], list[str]]:
    """The reporting duty: ``báo cáo`` with the period it names, and the body reported to, or else the subject."""
    joined = " ".join(texts)
    verb = _W.report_verbs[0]
    m = _REPORT.search(joined)
    period = _PERIOD.search(joined, m.end() if m else 0)
    phrase = f"{verb} {period.group(0).lower()}" if period and period.start() - (m.end() if m else 0) < 30 else \
        f"{verb} kết quả"
    bodies = [b for b in bodies_in(whole or joined) if _named(b, cx)]
    if bodies:
        return [(phrase,), tuple(dict.fromkeys(bodies))[:3]], []
    if cx.subject_group:
        return [(phrase,), cx.subject_group], []
    return [(phrase,)], ["the report is named in words every plan uses and the parent names no subject"]


def _deadlines(cx: Context, item: Item, cls: list[Clause], texts: list[str], *, mandatory: bool,
               report: bool = False, where: str | None = None, own: bool = False) -> list[Requirement]:
    out = []
    for c, t in zip(cls, texts):
        shift = c.text.find(t) if t in c.text else 0
        found = deadlines(t, cx.year)
        for k, d in enumerate(found):
            before = t[found[k - 1].end if k else 0 : d.start]
            after = t[d.end : found[k + 1].start if k + 1 < len(found) else len(t)]
            context = _without_deadlines(before, cx).strip(" ,;(") or _without_deadlines(t, cx)
            if report:
                groups, doubts = _report_groups(cx, [context, after], t)
            elif own and cx.lex.subject:
                groups = [tuple(f"kế hoạch {s}" for s in cx.lex.subject)]
                doubts = [("the unit plan's own date of issue is the evidence, which vnplan does not compare: "
                           "check it by hand (optional so that no plan fails on it)")]
            else:
                groups, doubts = _groups(cx, [context])
            text = t[: d.end] if k == 0 else before.strip(" ,;") + " " + t[d.start : d.end]
            text = regex.sub(rf"^(?:{'|'.join(regex.escape(w) for w in _W.conjunctions)})\s+", "", text.strip(" ,;()"))
            text = regex.sub(r"\(\s*", "(", text) + (")" if text.count("(") > text.count(")") else "")
            lead = (found[k - 1].end if k else 0)
            lead += len(t[lead : d.start]) - len(t[lead : d.start].lstrip(" ,;()"))
            span = (c.start + shift + lead, c.start + shift + d.end)
            out.append(cx.requirement("deadline", text, item, span, groups=groups, where=where or item.where,
                                      mandatory=mandatory, review=list(d.review) + doubts, due=d.due))
    return out


# --------------------------------------------------------------------------- the whole parent


def derive(plan: Plan, *, profile_id: str | None = None) -> Profile:
    """A draft profile of ``plan`` (the parent) for the plans that implement it."""
    parent = parent_of(plan)
    abbreviations = clean_abbreviations(plan)
    lex = Lexicon(abbreviations, subject_of(plan, abbreviations))
    cx = Context(plan, parent.reference, lex)
    h = plan.header
    span = h.number_text.span if h.number_text else None
    reqs = [Requirement(id=cx.next_id("citation"), kind="citation", text=f"Viện dẫn {parent.reference} trong phần căn cứ ban hành",
                        provenance=Provenance(parent.reference, "số, ký hiệu, ngày tháng và cơ quan ban hành của văn bản",
                                              None, span))]
    for item in items(plan):
        reqs += from_item(cx, item)
    doubtful = sum(bool(r.review) for r in reqs)
    subject = " / ".join(lex.subject) or "none found"
    return Profile(id=profile_id or _profile_id(plan, parent),
                   title=f"{parent.type} {parent.number}/{parent.symbol}" + (f": {h.title}" if h.title else ""),
                   parent=parent, requirements=tuple(reqs), abbreviations=tuple(sorted(abbreviations.items())),
                   subject=cx.subject_group,
                   description=f"Draft derived by `vnplan profile derive` from {parent.reference}: {len(reqs)} "
                               f"requirements, {doubtful} with doubts to clear (`review`); subject: {subject}. {REVIEW}.")
