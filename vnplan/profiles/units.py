"""The units of a plan searched by compliance matching, tokenised once (unités): syllables, abbreviations, roles.

A unit is the title, a legal-basis item, a section heading or a paragraph, with the role of its
section. Its syllables are in key form (lower case, modern tone placement), abbreviations
expanded in place (built-in, the profile's, the plan's own), run-together syllables split.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import regex

import vnplan.vocab as vocab
from vnplan.model import Plan, Section, Span
from vnplan.profiles.model import Profile
from vnplan.text import is_syllable, key, split_syllables

_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[&-][\p{L}\p{M}\p{N}]+)*")
_PLACEHOLDER_RE = regex.compile(r"\[[^\[\]]{2,}\]")
_ROLES_OF = {
    "any": None,
    "content": frozenset({"content"}),
    "forms": frozenset({"forms"}),
    "implementation": frozenset({"implementation"}),
    "purpose_requirements": frozenset({"purpose_requirements", "purpose", "requirements"}),
    "funding": frozenset({"funding"}),
}


# --------------------------------------------------------------------------- tokens


@lru_cache(maxsize=65536)
def _fold_token(t: str) -> str:
    d = unicodedata.normalize("NFD", t.replace("đ", "d"))
    return "".join(c for c in d if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(vocab.matching().stopwords)


@lru_cache(maxsize=1)
def builtin_abbreviations() -> dict[str, str]:
    """The built-in abbreviation table (``vnplan/vocab/abbreviations.json``, uses ``matching``): ABBR → expansion."""
    return {e.abbr: e.expansion for e in vocab.abbreviations().used_for("matching")}


@lru_cache(maxsize=65536)
def _key(raw: str) -> str:
    """:func:`vnplan.text.key` of one word, cached: words repeat a lot."""
    return key(raw)


def _split(text: str) -> list[str]:
    return [_key(m.group(0)) for m in _TOKEN_RE.finditer(text)]


def _is_abbr(raw: str) -> bool:
    return len(raw) >= 2 and not any(c.islower() for c in raw)


def tokenize(text: str, abbreviations: dict[str, tuple[str, ...]]) -> list[tuple[str, int, int]]:
    """Syllables of ``text`` in key form with their offsets; abbreviations expanded in place."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group(0)
        s, e = m.span()
        if _is_abbr(raw):
            exp = abbreviations.get(raw)
            if exp is None and "-" in raw:  # KT-XH is one abbreviation, CB-CC two
                parts = raw.split("-")
                if all(p in abbreviations for p in parts):
                    pos = s
                    for p in parts:
                        out.extend((t, pos, pos + len(p)) for t in abbreviations[p])
                        pos += len(p) + 1
                    continue
            if exp is not None:
                out.extend((t, s, e) for t in exp)
                continue
        if "-" in raw and not _is_abbr(raw):  # kinh tế - xã hội written kinh-tế: split
            pos = s
            for p in raw.split("-"):
                if p:
                    out.append((_key(p), pos, pos + len(p)))
                pos += len(p) + 1
            continue
        out.extend((t, s, e) for t in _run_together(_key(raw)))
    return out


@lru_cache(maxsize=65536)
def _run_together(k: str) -> tuple[str, ...]:
    """``triểnkhai`` (spaces lost in PDF extraction) → ``triển``, ``khai``; other words unchanged."""
    if len(k) < 4 or k.isascii() or is_syllable(k):
        return (k,)
    parts = split_syllables(k)
    return tuple(parts) if parts and len(parts) > 1 else (k,)


def abbreviation_table(plan: Plan | None, profile: Profile | None) -> dict[str, tuple[str, ...]]:
    """ABBR → expansion syllables: built-in, then the profile's, then the plan's own definitions."""
    table: dict[str, str] = dict(builtin_abbreviations())
    if profile is not None:
        table.update(dict(profile.abbreviations))
    if plan is not None:
        for a in plan.abbreviations:
            if a.expansion and len(_split(a.expansion)) >= 2:
                table[a.abbr] = a.expansion
    return {k: tuple(_split(v)) for k, v in table.items()}


# --------------------------------------------------------------------------- units


class Unit:
    """A piece of the plan searched as a whole: a heading, a paragraph, a legal-basis item."""

    __slots__ = ("index", "text", "span", "role", "tokens", "pos", "fpos", "placeholder")

    def __init__(self, index: int, text: str, span: Span, role: str, abbr: dict[str, tuple[str, ...]]) -> None:
        self.index = index
        self.text = text
        self.span = span
        self.role = role
        self.tokens = tokenize(text, abbr)
        self.pos: dict[str, list[int]] = {}
        self.fpos: dict[str, list[int]] = {}
        for i, (t, _, _) in enumerate(self.tokens):
            self.pos.setdefault(t, []).append(i)
            f = _fold_token(t)
            if f == t:  # an unaccented syllable may stand for any accented twin
                self.fpos.setdefault(f, []).append(i)
        self.placeholder = bool(_PLACEHOLDER_RE.search(text))


class PlanIndex:
    """The units of a plan, tokenised once, with an inverted index of syllables."""

    def __init__(self, plan: Plan, abbr: dict[str, tuple[str, ...]]) -> None:
        self.plan = plan
        self.abbr = abbr
        self.units: list[Unit] = []
        blocks = plan.source.blocks if plan.source is not None else ()

        def add(span: Span | None, role: str, text: str | None = None) -> None:
            if span is None:
                return
            if text is None:
                if not (0 <= span.block < len(blocks)):
                    return
                text = blocks[span.block].text[span.start : span.end]
            if text.strip():
                self.units.append(Unit(len(self.units), text, span, role, abbr))

        h = plan.header
        if h.title and h.title_span is not None:
            add(h.title_span, "title", h.title if h.title_span.end - h.title_span.start != len(h.title) else None)
        for lb in plan.legal_basis:
            add(lb.span, "legal_basis", lb.text if len(lb.text) == lb.span.end - lb.span.start else None)
        for p in plan.preamble:
            add(p.span, "preamble", p.text if len(p.text) == p.span.end - p.span.start else None)
        def visit(sec: Section, parent_role: str | None) -> None:
            self._add_section(sec, add, defines_part=sec.role != parent_role)
            for c in sec.children:
                visit(c, sec.role)

        for sec in plan.sections:
            visit(sec, None)
        self.by_token: dict[str, set[int]] = {}
        for u in self.units:
            for t in u.pos:
                self.by_token.setdefault(t, set()).add(u.index)
            for f in u.fpos:
                self.by_token.setdefault("~" + f, set()).add(u.index)

    @staticmethod
    def _add_section(sec: Section, add, defines_part: bool) -> None:  # type: ignore[no-untyped-def]
        # a part's own heading (IV. TỔ CHỨC THỰC HIỆN) names the part: it is not evidence of anything
        if sec.heading is not None and sec.title and not defines_part:
            add(sec.heading, sec.role)
        for p in sec.paragraphs:
            add(p.span, sec.role, p.text if len(p.text) == p.span.end - p.span.start else None)

    def candidates(self, tokens: Sequence[str]) -> set[int]:
        """Units holding at least one of ``tokens`` (or an unaccented twin)."""
        out: set[int] = set()
        for t in tokens:
            out |= self.by_token.get(t, set())
            out |= self.by_token.get("~" + _fold_token(t), set())
        return out

    def in_role(self, unit: Unit, where: str) -> bool:
        roles = _ROLES_OF.get(where)
        return roles is None or unit.role in roles

    def has_role(self, where: str) -> bool:
        roles = _ROLES_OF.get(where)
        return roles is None or any(s.role in roles for s in self.plan.walk())


_last: tuple[Plan, Profile | None, PlanIndex] | None = None  # one entry: check() indexes a plan once


def index_for(plan: Plan, profile: Profile | None) -> PlanIndex:
    """The tokenised units of ``plan`` (with ``profile``'s abbreviations), built once per plan and profile.

    Thread-safe: the cache is one tuple read and written whole; a miss only costs an index.
    """
    global _last
    last = _last
    if last is not None and last[0] is plan and last[1] is profile:
        return last[2]
    index = PlanIndex(plan, abbreviation_table(plan, profile))
    _last = (plan, profile, index)
    return index
