"""Deriving a draft profile from a parsed parent plan (lập hồ sơ yêu cầu từ kế hoạch cấp trên), for a person to review.

What it takes from the parent: its number, date, issuer and title (the citation requirement);
each item of its content part (a content requirement) and of its forms part (a form
requirement); every stated percentage with its indicator (a target); and, in its
implementation part, the clauses addressed to subordinate units (các sở, ban, ngành; UBND các
huyện…): duties, the reporting duty, and dated deadlines. Phrases are cut from the item
titles by plain rules (leading verbs dropped, cut at the first comma); every requirement says
where in the parent it comes from. Nothing is guessed beyond that: review before use.
"""

from __future__ import annotations

import unicodedata

import regex

import vnplan.vocab as vocab
from vnplan.errors import ProfileError
from vnplan.model import Plan, Section
from vnplan.profiles.figures import DEADLINE_RE, PERCENT_RE, comparator_of, deadline_date
from vnplan.profiles.model import EvidenceSpec, ParentDocument, Profile, Provenance, Requirement
from vnplan.text import fold, key
from vnplan.vocab.patterns import escape, in_order

REVIEW = "Derived automatically from the parent plan: review the phrases before use"
_W = vocab.derive()
_LEADING = regex.compile(rf"^(?:(?:{in_order(_W.leading)})\s+|[-–+•]\s*)+", regex.IGNORECASE)
_ABBR_DEF = regex.compile(r"(?P<name>[^()]+?)\s*\((?P<abbr>[\p{Lu}Đ][\p{Lu}Đ &]+)\)")
_SUBORDINATE = regex.compile(
    rf"^(?:\d+\.\s*)?(?:{escape(_W.addressee_head)}\s+)?(?:{in_order(_W.addressees)})\s", regex.IGNORECASE
)
_DENOMINATOR = regex.compile(rf"\s+(?:{in_order(_W.denominators)})\s.*$", regex.IGNORECASE)
_TAIL = regex.compile(rf"\s+(?:{in_order(vocab.figures().reach_verbs)})\s*$", regex.IGNORECASE)
_YEAR = regex.compile(rf"\s*\b{escape(vocab.dates().year)}\s+\d{{4}}\b", regex.IGNORECASE)
_OWN_PLAN = regex.compile(rf"(?:{in_order(_W.own_plan_verbs)})\s+kế hoạch", regex.IGNORECASE)
_LEVELS = vocab.places().units  # tried in order: "huyện X tỉnh Y" is named by its tỉnh
_PHRASE_END = regex.compile("[,(]|" + "|".join(rf"\s+{escape(w)}\s" for w in _W.phrase_ends))
_SYNONYM_END = regex.compile(rf"\s+(?:{in_order(_W.synonym_ends)})\s")


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
    out = []
    if issuer.startswith("Ủy ban nhân dân"):
        short = "UBND" + issuer[len("Ủy ban nhân dân"):]
        out += [short, "Chủ tịch " + short]
    return tuple(out)


def _slug(s: str) -> str:
    return fold(s).replace(" ", "")


def _ascii(s: str) -> str:
    """``QĐ-UBND`` → ``QD-UBND``: profile ids are ASCII, case kept."""
    d = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in d if not unicodedata.combining(c) and (c.isalnum() or c in "-._"))


def _label_path(path: list[Section]) -> str:
    parts: list[str] = []
    dashes = []
    for s in path:
        if s.style in ("dash", "plus", "bullet"):
            dashes.append(s)
        else:
            parts.append(s.label)
    where = "mục " + ".".join(parts) if parts else "phần nội dung"
    if dashes:
        d = dashes[-1]
        parent = path[-2] if len(path) >= 2 else None
        k = next((i for i, c in enumerate(parent.children) if c is d), 0) + 1 if parent else 1
        where += f", gạch đầu dòng thứ {k}"
    return where


def _first_clause(s: str) -> str:
    return regex.split(r"[.;:]\s|[.;:]$", s.strip(), maxsplit=1)[0].strip()


def key_phrase(s: str) -> str:
    """The core of an item title: leading verbs and fillers dropped, cut at the first comma or bracket."""
    s = _first_clause(s)
    s = _LEADING.sub("", s)
    s = _PHRASE_END.split(s, maxsplit=1)[0]
    return _YEAR.sub("", s).strip(" .;:-")


def _synonyms(s: str) -> list[str]:
    """``báo chí, phát thanh, truyền hình`` → three phrases, any of which will do (forms)."""
    s = _LEADING.sub("", _first_clause(s))
    s = _SYNONYM_END.split(s, maxsplit=1)[0]
    parts = [p.strip(" .;:-") for p in regex.split(r",|\s+và\s+|\s+hoặc\s+", s)]
    return [_LEADING.sub("", p) for p in parts if len(p.split()) >= 1 and p]


def _own_title(sec: Section) -> str:
    return (sec.title or (sec.paragraphs[0].text if sec.paragraphs else "")).strip()


def _items(part: Section) -> list[tuple[list[Section], Section]]:
    """Every item below a part heading, with its path from the part."""
    out: list[tuple[list[Section], Section]] = []

    def visit(sec: Section, path: list[Section]) -> None:
        for c in sec.children:
            out.append((path + [c], c))
            visit(c, path + [c])

    visit(part, [part])
    return out


class _Ids:
    def __init__(self) -> None:
        self.n: dict[str, int] = {}

    def __call__(self, prefix: str) -> str:
        self.n[prefix] = self.n.get(prefix, 0) + 1
        return f"{prefix}{self.n[prefix]:02d}"


def derive(plan: Plan, *, profile_id: str | None = None) -> Profile:
    """A draft profile of ``plan`` (the parent) for the plans that implement it."""
    h = plan.header
    if not h.number or not h.symbol:
        raise ProfileError("the parent plan has no number and symbol (Số: …/…): a profile needs them to check citations",
                           path=plan.source.path if plan.source else None)
    date = h.date.to_date() if h.date else None
    issuer = _issuer_name(h.authority) if h.authority else None
    parent = ParentDocument(type=h.doc_type or "Kế hoạch", number=h.number, symbol=h.symbol, date=date,
                            issuer=issuer, title=h.title, issuer_aliases=_aliases(issuer) if issuer else (),
                            year=h.year)
    ref = parent.reference
    place = _slug(h.place) if h.place else (_slug(issuer.split()[-1]) if issuer else "parent")
    pid = profile_id or f"{place}-{h.number}-{_ascii(h.symbol)}" + (f"-{date.year}" if date else "")
    ids = _Ids()

    def prov(where: str) -> Provenance:
        return Provenance(document=ref, where=where, note=REVIEW)

    reqs: list[Requirement] = [
        Requirement(id="CIT", kind="citation", text=f"Viện dẫn {ref} trong phần căn cứ ban hành",
                    provenance=prov("số, ký hiệu, ngày tháng và cơ quan ban hành của văn bản"))
    ]
    for part in plan.part("content"):
        for path, sec in _items(part):
            title = _own_title(sec)
            defs = list(_ABBR_DEF.finditer(_first_clause(title)))
            if len(defs) >= 2:  # "Chỉ số A (X) và Chỉ số B (Y)": one requirement each
                for m in defs:
                    name = regex.sub(r"^(?:và|,)\s*", "", m.group("name").strip())
                    reqs.append(Requirement(id=ids("ND"), kind="content", text=f"{name} ({m.group('abbr')})",
                                            evidence=EvidenceSpec(all_of=((key_phrase(name), m.group("abbr")),)),
                                            where="content", provenance=prov(_label_path(path))))
                continue
            phrase = key_phrase(title)
            if len(phrase.split()) < 2:
                continue
            group = [phrase] + [m.group("abbr") for m in defs]
            reqs.append(Requirement(id=ids("ND"), kind="content", text=_first_clause(title),
                                    evidence=EvidenceSpec(all_of=(tuple(group),)), where="content",
                                    provenance=prov(_label_path(path))))
    for part in plan.part("forms"):
        for path, sec in _items(part):
            syn = _synonyms(_own_title(sec))
            if not syn:
                continue
            reqs.append(Requirement(id=ids("HT"), kind="form", text=_first_clause(_own_title(sec)),
                                    evidence=EvidenceSpec(all_of=(tuple(syn),)), where="forms",
                                    provenance=prov(_label_path(path))))
    reqs += _themes(plan, ids, prov)
    reqs += _targets(plan, ids, prov)
    reqs += _duties(plan, ids, prov)
    return Profile(id=pid, title=f"{parent.type} {h.number}/{f'{h.year}/' if h.year else ''}{h.symbol}" + (f": {h.title}" if h.title else ""),
                   parent=parent, requirements=tuple(reqs),
                   description=f"Draft derived by `vnplan profile derive` from {ref}. {REVIEW}.")


def _all_sections(plan: Plan) -> list[tuple[list[Section], Section]]:
    out: list[tuple[list[Section], Section]] = []

    def visit(sec: Section, path: list[Section]) -> None:
        out.append((path + [sec], sec))
        for c in sec.children:
            visit(c, path + [sec])

    for s in plan.sections:
        visit(s, [])
    return out


_THEME = regex.compile(r"chủ đề(?: của)?(?: năm \d{4})?[^\"“”:]{0,40}:?\s*[\"“](?P<theme>[^\"”]{8,160})[\"”]", regex.IGNORECASE)


def _themes(plan: Plan, ids: _Ids, prov) -> list[Requirement]:  # type: ignore[no-untyped-def]
    """The year's theme quoted anywhere in the body (``chủ đề năm 2025: "…"``), one group per comma part."""
    out = []
    for path, sec in _all_sections(plan):
        for p in sec.paragraphs:
            for m in _THEME.finditer(p.text):
                theme = m.group("theme").strip()
                groups = tuple((g.strip(),) for g in theme.split(",") if g.strip())
                out.append(Requirement(id=ids("CD"), kind="theme", text=f"Bám sát chủ đề “{theme}”",
                                       evidence=EvidenceSpec(all_of=groups), where="any",
                                       provenance=prov(_label_path(path))))
    return out


def _targets(plan: Plan, ids: _Ids, prov) -> list[Requirement]:  # type: ignore[no-untyped-def]
    out = []
    for path, sec in _all_sections(plan):
        texts = ([sec.title] if sec.title else []) + [p.text for p in sec.paragraphs]
        for text in texts:
            for clause in regex.split(r";\s*|\.\s+|\.$", text):
                m = PERCENT_RE.search(clause)
                if not m:
                    continue
                before = _TAIL.sub("", clause[: m.start()] + (m.group("cmp") and "")).strip()
                before = regex.sub(r"^[-–+•]\s*|^tỷ lệ\s+", "", before, flags=regex.IGNORECASE)
                indicator = _DENOMINATOR.sub("", before).strip(" ,")
                if len(indicator.split()) < 2:
                    continue
                op = comparator_of(m.group("cmp") or "")
                value = float(m.group("num").replace(",", "."))
                out.append(Requirement(id=ids("CT"), kind="target", text=clause.strip(" .;-"),
                                       evidence=EvidenceSpec(all_of=((indicator,),), comparator=op,
                                                             threshold=int(value) if value.is_integer() else value,
                                                             unit="%"),
                                       where="any", provenance=prov(_label_path(path))))
    return out


def _duties(plan: Plan, ids: _Ids, prov) -> list[Requirement]:  # type: ignore[no-untyped-def]
    out = []
    for part in plan.part("implementation"):
        for path, sec in _items(part):
            text = " ".join(([sec.title] if sec.title else []) + [p.text for p in sec.paragraphs]).strip()
            if not _SUBORDINATE.match(text):
                continue
            where = _label_path(path)
            for clause in regex.split(r";\s*|\.\s+|\.$", text):
                clause = clause.strip(" ,.")
                if not clause:
                    continue
                dl = DEADLINE_RE.search(clause)
                due = deadline_date(dl) if dl else None
                if _OWN_PLAN.search(clause):
                    continue  # the duty to issue the unit plan is met by the unit plan itself
                body = _strip_addressee(clause)
                body = body[: dl.start()].strip(" ,") if dl else body
                reporting = "báo cáo" in key(body)
                if reporting:
                    out.append(Requirement(id=ids("NV"), kind="duty", text=clause, rule="C305",
                                           evidence=EvidenceSpec(all_of=(("báo cáo",),)), where="implementation",
                                           provenance=prov(where)))
                else:
                    phrase = key_phrase(body)
                    if len(phrase.split()) >= 2:
                        out.append(Requirement(id=ids("NV"), kind="duty", text=clause,
                                               evidence=EvidenceSpec(all_of=((phrase,),)), where="implementation",
                                               provenance=prov(where)))
                if due is not None:
                    out.append(Requirement(id=ids("TH"), kind="deadline", text=clause,
                                           evidence=EvidenceSpec(all_of=(("báo cáo",),) if reporting else (),
                                                                 due=due),
                                           where="implementation", mandatory=reporting, provenance=prov(where)))
    return out


_VERB = regex.compile(rf"\b(?:{in_order(_W.duty_verbs)})\b", regex.IGNORECASE)


def _strip_addressee(clause: str) -> str:
    """``Các sở, ban, ngành, UBND các huyện xây dựng …`` → ``xây dựng …``."""
    if not _SUBORDINATE.match(clause):
        return clause
    m = _VERB.search(clause)
    return clause[m.start():] if m else clause
