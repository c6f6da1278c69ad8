"""Matching a unit plan against a profile (đối chiếu): explainable token-set matching with located evidence.

How it works, in short (docs/compliance.md says more):

* The plan is cut into **units**: the title, each legal-basis item, each section heading and
  each paragraph, each with the role of its section (content, forms, implementation…).
* Each unit is tokenised into syllables in key form (lower case, modern tone placement);
  abbreviations (built-in, the profile's, and those the plan defines) are expanded in place,
  so ``TTHC`` matches ``thủ tục hành chính``. A syllable without diacritics also matches its
  accented twin (``thu tuc`` ~ ``thủ tục``), never the other way round (``số`` ≠ ``sở``).
* A phrase matches a unit when all its content syllables (function words dropped) occur within
  a small window (the phrase's length and up to four more), in order for phrases of up to three
  syllables and in any order for longer ones. Part of a phrase is no match:
  syllables are too common for that to mean anything; synonyms in the profile carry paraphrase.
* A requirement has groups of synonym phrases; its score is the mean of its groups' best
  scores, times 0.7 when the evidence lies outside the part of the plan the requirement names.
  ``met`` from 0.8, ``missing`` under 0.25, ``partial`` between; ``placeholder`` when the
  evidence is a skeleton's ``[…]`` placeholder.
* Targets look for the percentage stated next to the indicator and compare it with the
  parent's threshold; deadlines look for dated deadlines and compare them with the due date;
  the citation requirement looks for the parent among the plan's citations.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

import attrs
import regex

from vnplan.model import Coverage, Evidence, Plan, RequirementResult, Span
from vnplan.profiles.figures import (  # noqa: F401  (comparator_of re-exported)
    DEADLINE_RE,
    PERCENT_RE,
    YEAR_RE,
    comparator_of,
    deadline_date,
    format_en,
    format_vi,
    meets,
)
from vnplan.profiles.model import Profile, Requirement
from vnplan.profiles.units import (  # noqa: F401  (index_for, abbreviation_table, _PLACEHOLDER_RE re-exported)
    _PLACEHOLDER_RE,
    PlanIndex,
    Unit,
    _fold_token,
    _stopwords,
    abbreviation_keys,
    abbreviation_table,
    index_for,
    tokenize,
)
from vnplan.text import key

MET, MISSING_BELOW, FALLBACK = 0.8, 0.25, 0.7
GAP = 4  # syllables a phrase match may have inserted (“cải cách về thể chế”)
ORDER_FREE = 4  # phrases this long may match in any word order; shorter ones keep theirs
PLACEHOLDER = 0.2  # the score of evidence that is only a skeleton's placeholder

# every position where a clause end (; ! ? . : or a line break) starts: zero width, so
# overlapping ones (":" then a line break) are all found
_CLAUSE_AT_RE = regex.compile(r"(?=[;!?]|\.(?!\d)|:\s|\n)")


# --------------------------------------------------------------------------- phrases


class Phrase:
    """A profile phrase compiled to its content syllables."""

    __slots__ = ("text", "tokens", "window")

    def __init__(self, text: str, abbr: dict[str, tuple[str, ...]]) -> None:
        self.text = text
        toks = [t for t, _, _ in tokenize(text, abbr)]
        content = [t for t in toks if t not in _stopwords()]
        self.tokens = tuple(dict.fromkeys(content or toks))
        k = len(self.tokens)
        self.window = k + GAP  # up to GAP other syllables may stand between the phrase's own


#: Compiled phrases, by text and the expansions of the abbreviations in it: a profile's phrases
#: are compiled once, not once per plan (a plan's own abbreviations change only the few phrases
#: that use them).
_PHRASES: dict[tuple[str, tuple[tuple[str, ...] | None, ...]], Phrase] = {}
_MAX_PHRASES = 65536


def compile_phrase(text: str, abbr: dict[str, tuple[str, ...]]) -> Phrase:
    """``Phrase(text, abbr)``, cached."""
    k = (text, tuple(abbr.get(a) for a in abbreviation_keys(text)))
    ph = _PHRASES.get(k)
    if ph is None:
        if len(_PHRASES) >= _MAX_PHRASES:
            _PHRASES.clear()
        ph = _PHRASES[k] = Phrase(text, abbr)
    return ph


@lru_cache(maxsize=1024)
def _evidence_pattern(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.IGNORECASE)


def _positions(ph: Phrase, unit: Unit, t: str) -> list[int]:
    out = unit.pos.get(t, [])
    f = _fold_token(t)
    if f != t and f in unit.fpos:
        out = sorted(out + unit.fpos[f])
    return out


def _inside_expansion(unit: Unit, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` lie inside one abbreviation's expansion without its first word:
    ``nhân dân`` inside ``UBND`` (Ủy ban nhân dân) is not the people."""
    toks = unit.tokens
    if first == 0 or toks[first - 1][1:] != toks[first][1:]:
        return False
    return toks[last][1:] == toks[first][1:]


def _match_in_order(ph: Phrase, unit: Unit) -> tuple[float, int, int]:
    """Short phrases keep their word order (``tài chính công`` is not ``công khai tài chính``)."""
    lists = [_positions(ph, unit, t) for t in ph.tokens]
    if any(not x for x in lists):
        return 0.0, 0, 0
    best: tuple[int, int] | None = None
    for start in lists[0]:
        prev = start
        for later in lists[1:]:
            k = bisect.bisect_right(later, prev)
            if k == len(later) or later[k] - start >= ph.window:
                break
            prev = later[k]
        else:
            if (best is None or prev - start < best[1] - best[0]) and not _inside_expansion(unit, start, prev):
                best = (start, prev)
    return (1.0, best[0], best[1]) if best else (0.0, 0, 0)


def match_phrase(ph: Phrase, unit: Unit) -> tuple[float, int, int]:
    """(fraction of the phrase's syllables found within one window, first, last token index)."""
    k = len(ph.tokens)
    if k == 0:
        return 0.0, 0, 0
    if k < ORDER_FREE:
        return _match_in_order(ph, unit)
    occ: list[tuple[int, int]] = []
    for i, t in enumerate(ph.tokens):
        for p in unit.pos.get(t, ()):
            occ.append((p, i))
        f = _fold_token(t)
        if f != t:
            for p in unit.fpos.get(f, ()):
                occ.append((p, i))
    if not occ:
        return 0.0, 0, 0
    occ.sort()
    counts = [0] * k
    distinct = 0
    best = (0, 0, 0)
    lo = 0
    for hi, (p, i) in enumerate(occ):
        if counts[i] == 0:
            distinct += 1
        counts[i] += 1
        while p - occ[lo][0] >= ph.window:
            j = occ[lo][1]
            counts[j] -= 1
            if counts[j] == 0:
                distinct -= 1
            lo += 1
        if distinct > best[0] or (distinct == best[0] and p - occ[lo][0] < best[2] - best[1]):
            # shrink from the left while every found syllable stays in the window (tightest window)
            while counts[occ[lo][1]] > 1:
                counts[occ[lo][1]] -= 1
                lo += 1
            if distinct > best[0] or p - occ[lo][0] < best[2] - best[1]:
                best = (distinct, occ[lo][0], p)
            if distinct == k and best[2] - best[1] == k - 1:
                break  # cannot be tighter
    if best[0] == k and _inside_expansion(unit, best[1], best[2]):
        return 0.0, 0, 0
    return best[0] / k, best[1], best[2]


def _credit(fraction: float, k: int) -> float:
    """A phrase counts only whole: Vietnamese syllables are too common for partial phrases to mean anything
    (``cải cách tài chính công`` is four fifths of ``cải cách hành chính … công``)."""
    return 1.0 if fraction >= 1.0 else 0.0


class Hit:
    """The best evidence of one group: score, unit, token window, the phrase that matched."""

    __slots__ = ("score", "unit", "first", "last", "phrase", "in_role")

    def __init__(self, score: float, unit: Unit, first: int, last: int, phrase: str, in_role: bool) -> None:
        self.score, self.unit, self.first, self.last, self.phrase, self.in_role = score, unit, first, last, phrase, in_role


def best_hit(index: PlanIndex, phrases: Sequence[Phrase], where: str, *, units: Iterable[int] | None = None) -> Hit | None:
    """The best match of any of ``phrases`` (a group of synonyms), preferring the right part."""
    best: Hit | None = None
    for ph in phrases:
        cand = index.candidates(ph.tokens) if units is None else set(units)
        # in-role units first: a full match there cannot be beaten
        order = sorted(cand, key=lambda u: (not index.in_role(index.units[u], where), u))
        for ui in order:
            unit = index.units[ui]
            frac, first, last = match_phrase(ph, unit)
            credit = _credit(frac, len(ph.tokens))
            if not credit:
                continue
            in_role = index.in_role(unit, where)
            score = credit * (1.0 if in_role else FALLBACK)
            if best is None or score > best.score or (score == best.score and unit.placeholder < best.unit.placeholder):
                best = Hit(score, unit, first, last, ph.text, in_role)
            if best.score >= 1.0 and not best.unit.placeholder:
                return best
    return best


def pattern_hit(index: PlanIndex, pattern: regex.Pattern[str], where: str) -> Hit | None:
    best: Hit | None = None
    for unit in index.units:
        m = pattern.search(unit.text)
        if not m:
            continue
        in_role = index.in_role(unit, where)
        score = 1.0 if in_role else FALLBACK
        if best is None or score > best.score:
            first = next((i for i, (_, s, e) in enumerate(unit.tokens) if e > m.start()), 0)
            last = max(first, next((i for i in range(len(unit.tokens) - 1, -1, -1) if unit.tokens[i][1] < m.end()), first))
            best = Hit(score, unit, first, last, pattern.pattern, in_role)
            if in_role:
                break
    return best


# --------------------------------------------------------------------------- evidence


def clause_span(unit: Unit, start: int, end: int, limit: int = 120) -> tuple[int, int]:
    """Widen ``[start, end)`` of the unit's text to its clause (between ; . : marks), within limits."""
    t = unit.text
    # one scan each way instead of a match per character: s is just after the last clause end
    # before start (at most limit back), e the first clause end from end (at most limit on)
    s = max(0, start - limit) if start > 0 else start
    for m in _CLAUSE_AT_RE.finditer(t, max(0, start - limit - 1)):
        p = m.start()
        if p >= start:
            break
        s = max(s, p + 1)
    e = end
    if e < len(t):
        after = _CLAUSE_AT_RE.search(t, end)
        e = min(after.start() if after else len(t), end + limit, len(t))
    if s < start - 10 and start - s >= limit:  # cut inside a long clause: start on a word
        k = t.find(" ", s)
        s = k + 1 if 0 <= k < start else s
    if e > end + 10 and e - end >= limit:
        k = t.rfind(" ", end, e)
        e = k if k > end else e
    while s < e and t[s] in " -–+•,;":
        s += 1
    return s, e


def evidence_of(hit: Hit) -> Evidence:
    u = hit.unit
    if u.tokens:
        a = u.tokens[min(hit.first, len(u.tokens) - 1)][1]
        b = u.tokens[min(hit.last, len(u.tokens) - 1)][2]
    else:
        a, b = 0, len(u.text)
    s, e = clause_span(u, a, b)
    return Evidence(text=u.text[s:e].strip(), span=Span(u.span.block, u.span.start + s, u.span.start + e),
                    matched=(hit.phrase,))


def _merge(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Evidence in reading order; overlapping pieces of one block become one."""
    out: list[Evidence] = []
    for ev in sorted(evidence, key=lambda e: e.span):
        if out and out[-1].span.block == ev.span.block and ev.span.start < out[-1].span.end:
            old = out[-1]
            if ev.span.end > old.span.end:  # extend: the later text continues the earlier one
                text = old.text + ev.text[old.span.end - ev.span.start:] if ev.span.start >= old.span.start else ev.text
                span = Span(old.span.block, old.span.start, ev.span.end)
            else:
                text, span = old.text, old.span
            out[-1] = Evidence(text, span, tuple(dict.fromkeys(old.matched + ev.matched)))
        else:
            out.append(ev)
    return tuple(out)


def status_of(score: float) -> str:
    if score >= MET:
        return "met"
    if score < MISSING_BELOW:
        return "missing"
    return "partial"


_WHERE_VI = {"content": "Nội dung", "forms": "Hình thức", "implementation": "Tổ chức thực hiện",
             "purpose_requirements": "Mục đích, yêu cầu", "funding": "Kinh phí", "any": "văn bản"}
_WHERE_EN = {"content": "Content", "forms": "Forms", "implementation": "Implementation",
             "purpose_requirements": "Purpose and requirements", "funding": "Funding", "any": "document"}


def _result(req: Requirement, status: str, score: float, evidence: Iterable[Evidence] = (), *,
            note: str | None = None, note_en: str | None = None, reason: str | None = None,
            details: dict[str, object] | None = None) -> RequirementResult:
    ev = _merge(evidence)
    return RequirementResult(
        id=req.id, kind=req.kind, text=req.text, status=status, score=round(max(0.0, min(1.0, score)), 3),
        mandatory=req.mandatory, evidence=ev, note=note, note_en=note_en, reason=reason,
        details=tuple((k, str(v)) for k, v in (details or {}).items()), rule=req.rule_id,
    )


# --------------------------------------------------------------------------- phrase requirements


class Compiled:
    """A requirement with its phrases compiled against one abbreviation table."""

    __slots__ = ("req", "groups", "pattern")

    def __init__(self, req: Requirement, abbr: dict[str, tuple[str, ...]]) -> None:
        self.req = req
        self.groups = [[compile_phrase(p, abbr) for p in g] for g in req.evidence.all_of]
        self.pattern = _evidence_pattern(req.evidence.pattern) if req.evidence.pattern else None


def eval_phrases(c: Compiled, index: PlanIndex) -> RequirementResult:
    req = c.req
    hits: list[Hit | None] = [best_hit(index, g, req.where) for g in c.groups]
    if c.pattern is not None:
        hits.append(pattern_hit(index, c.pattern, req.where))
    if not hits:
        return _result(req, "missing", 0.0, reason="not_found")
    score = sum(h.score for h in hits if h) / len(hits)
    status = status_of(score)
    found = [h for h in hits if h]
    evidence = [evidence_of(h) for h in found]
    lost = [g for g, h in zip(c.groups, hits) if not h]
    missing_vi = "; ".join(" / ".join(p.text for p in g) for g in lost)
    note = note_en = reason = None
    details: dict[str, object] = {}
    if status == "missing":
        reason = "not_found"
    elif lost:
        reason = "incomplete"
        note = f"chưa thấy: {missing_vi}"
        note_en = f"not found: {missing_vi}"
        details["not_found"] = missing_vi
    elif any(h and not h.in_role for h in hits):
        reason = "outside_part"
        note = f"chỉ thấy ngoài phần “{_WHERE_VI[req.where]}”"
        note_en = f"found only outside the {_WHERE_EN[req.where]} part"
    if status != "missing" and found and all(h.unit.placeholder for h in found):
        status, reason = "placeholder", "placeholder"
        score = min(score, PLACEHOLDER)  # the heading is there, the content is not yet
        note = "mới có chỗ trống chờ điền “[…]”"
        note_en = "only a “[…]” placeholder so far"
    return _result(req, status, score, evidence, note=note, note_en=note_en, reason=reason, details=details)


# --------------------------------------------------------------------------- targets

_FIGURE_GAP_RE = regex.compile(r"[;!?]|\.\s")


def _figure_near(unit: Unit, first_char: int, last_char: int) -> regex.Match[str] | None:
    """The percentage that belongs to the indicator: the next one in the same clause, else one just before."""
    t = unit.text
    after = before = None
    for m in PERCENT_RE.finditer(t):
        if m.start() >= last_char:
            if m.start() - last_char <= 200 and not _FIGURE_GAP_RE.search(t, last_char, m.start()):
                after = after or m
        elif m.end() <= first_char:
            if first_char - m.end() <= 120 and not _FIGURE_GAP_RE.search(t, m.end(), first_char):
                before = m
    return after or before


def eval_target(c: Compiled, index: PlanIndex) -> RequirementResult:
    req, spec = c.req, c.req.evidence
    p_op, p_val = spec.comparator or ">=", float(spec.threshold or 0)
    want = format_vi(p_op, p_val, spec.unit)
    want_en = format_en(p_op, p_val, spec.unit)
    first_group = c.groups[0] if c.groups else []
    cand = set()
    for ph in first_group:
        cand |= index.candidates(ph.tokens)
    outcomes = []  # (rank, score, evidence, op, value, in_role): 3 met, 2 weaker, 1 no figure, 0 placeholder
    for ui in sorted(cand):
        unit = index.units[ui]
        hits = [best_hit(index, g, req.where, units=(ui,)) for g in c.groups]
        if not all(h and h.score >= FALLBACK for h in hits):  # every indicator group, fully, in this unit
            continue
        in_role = index.in_role(unit, req.where)
        first = min(h.first for h in hits if h)
        last = max(h.last for h in hits if h)
        a, b = unit.tokens[first][1], unit.tokens[last][2]
        if b - a > 200:  # groups far apart: anchor on the last (most specific) group
            first, last = hits[-1].first, hits[-1].last  # type: ignore[union-attr]
            a, b = unit.tokens[first][1], unit.tokens[last][2]
        m = _figure_near(unit, a, b)
        factor = 1.0 if in_role else FALLBACK
        if unit.placeholder:  # a skeleton restating the parent's target inside "[…]": not the unit's own
            ev = evidence_of(Hit(factor, unit, first, last, hits[0].phrase, in_role))  # type: ignore[union-attr]
            outcomes.append((0, PLACEHOLDER, ev, None, None, in_role))
            continue
        if m is None:
            ev = evidence_of(Hit(factor, unit, first, last, hits[0].phrase, in_role))  # type: ignore[union-attr]
            outcomes.append((1, 0.4 * factor, ev, None, None, in_role))
            continue
        op = comparator_of(m.group("cmp") or "")
        val = float(m.group("num").replace(",", "."))
        s, e = clause_span(unit, min(a, m.start()), max(b, m.end()))
        ev = Evidence(unit.text[s:e].strip(), Span(unit.span.block, unit.span.start + s, unit.span.start + e),
                      (hits[0].phrase, m.group(0).strip()))  # type: ignore[union-attr]
        if meets(op, val, p_op, p_val):
            outcomes.append((3, factor, ev, op, val, in_role))
        else:
            outcomes.append((2, 0.5 * factor, ev, op, val, in_role))
    if not outcomes:
        return _result(req, "missing", 0.0, reason="not_found",
                       note=f"không thấy chỉ tiêu (yêu cầu {want})", note_en=f"target not found (required: {want_en})",
                       details={"required": want, "required_en": want_en})
    rank, score, ev, op, val, in_role = max(outcomes, key=lambda o: (o[0], o[1]))
    if rank == 0:
        return _result(req, "placeholder", score, [ev], reason="placeholder",
                       note=f"mới có chỗ trống chờ điền “[…]” (yêu cầu {want})",
                       note_en=f"only a “[…]” placeholder so far (required: {want_en})",
                       details={"required": want, "required_en": want_en})
    if rank == 3:
        status = "met" if in_role else "partial"
        return _result(req, status, score, [ev], reason=None if in_role else "outside_part",
                       details={"required": want, "stated": format_vi(op, val, spec.unit), "required_en": want_en,
                                "stated_en": format_en(op, val, spec.unit)})
    if rank == 2:
        stated = format_vi(op, val, spec.unit)  # type: ignore[arg-type]
        return _result(req, "partial", score, [ev], reason="weaker",
                       note=f"{stated} thấp hơn yêu cầu {want}",
                       note_en=f"{format_en(op, val, spec.unit)} is weaker than the required {want_en}",  # type: ignore[arg-type]
                       details={"required": want, "stated": stated, "required_en": want_en,
                                "stated_en": format_en(op, val, spec.unit)})  # type: ignore[arg-type]
    return _result(req, "partial", score, [ev], reason="no_figure",
                   note=f"có nêu chỉ tiêu nhưng không có con số (yêu cầu {want})",
                   note_en=f"the indicator is named without a figure (required: {want_en})",
                   details={"required": want, "required_en": want_en})


# --------------------------------------------------------------------------- deadlines

def deadlines_in(unit: Unit) -> list[tuple[regex.Match[str], _dt.date]]:
    out = []
    for m in DEADLINE_RE.finditer(unit.text):
        d = deadline_date(m)
        if d is not None:
            out.append((m, d))
    return out


def eval_deadline(c: Compiled, index: PlanIndex) -> RequirementResult:
    req = c.req
    due = req.evidence.due
    assert due is not None
    due_s = f"{due:%d/%m/%Y}"
    units = [u for u in index.units if u.role not in ("title", "legal_basis", "preamble")]
    found: list[tuple[Evidence, _dt.date, bool]] = []
    for u in units:
        for m, d in deadlines_in(u):
            s, e = clause_span(u, m.start(), m.end())
            if c.groups:  # only deadlines whose own clause names the context (báo cáo…)
                clause = Unit(-1, u.text[s:e], u.span, u.role, index.abbr)
                if not all(any(match_phrase(ph, clause)[0] >= 1.0 for ph in g) for g in c.groups):
                    continue
            ev = Evidence(u.text[s:e].strip(), Span(u.span.block, u.span.start + s, u.span.start + e), (m.group(0),))
            found.append((ev, d, index.in_role(u, req.where)))
    late = [(ev, d) for ev, d, _ in found if d > due]
    if late:
        ev, d = max(late, key=lambda x: x[1])
        return _result(req, "partial", 0.4, [e for e, _ in late], reason="later",
                       note=f"thời hạn {d:%d/%m/%Y} muộn hơn thời hạn của kế hoạch cấp trên ({due_s})",
                       note_en=f"deadline {d:%d/%m/%Y} is later than the parent's ({due_s})",
                       details={"stated": f"{d:%d/%m/%Y}", "due": due_s, "text": ev.text})
    if found:
        return _result(req, "met", 1.0, [ev for ev, _, _ in found], details={"due": due_s})
    if not c.groups:  # the plan's own period: "năm 2024" in its title
        h = index.plan.header
        title_unit = next((u for u in index.units if u.role == "title"), None)
        if h.title and title_unit is not None:
            m = YEAR_RE.search(title_unit.text)
            if m and 1900 <= int(m.group("y")) <= 2200:  # a year, not a typo such as "năm 0000"
                end = _dt.date(int(m.group("y")), 12, 31)
                ev = Evidence(title_unit.text, title_unit.span, (m.group(0),))
                if end <= due:
                    return _result(req, "met", 1.0, [ev], details={"due": due_s, "period": m.group("y")})
                return _result(req, "partial", 0.4, [ev], reason="later",
                               note=f"kỳ kế hoạch {m.group('y')} muộn hơn thời hạn của kế hoạch cấp trên ({due_s})",
                               note_en=f"the plan's period {m.group('y')} ends after the parent's deadline ({due_s})",
                               details={"stated": f"31/12/{m.group('y')}", "due": due_s, "text": ev.text})
    return _result(req, "missing", 0.0, reason="not_found",
                   note=f"không nêu thời hạn (thời hạn của kế hoạch cấp trên: {due_s})",
                   note_en=f"no deadline stated (the parent's: {due_s})", details={"due": due_s})


# --------------------------------------------------------------------------- citation of the parent

_ROLE_WORDS = frozenset({"chủ", "tịch"})


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return n > 0 and any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


def _issuer_ok(cited: str, names: Sequence[str], abbr: dict[str, tuple[str, ...]]) -> bool:
    """Whether the issuer as cited can be the parent's issuer, words in order.

    ``Chủ tịch UBND tỉnh Sơn Hà`` and ``UBND tỉnh`` can be ``Ủy ban nhân dân tỉnh Sơn Hà``;
    ``UBND tỉnh Hà Sơn Tây`` cannot.
    """
    cit = [t for t, _, _ in tokenize(cited, abbr)]
    bare = [t for t in cit if t not in _ROLE_WORDS]
    for name in names:
        ref = [t for t, _, _ in tokenize(name, abbr)]
        if _contains(cit, ref) or _contains(ref, bare):
            return True
    return False


def _sym(s: str | None) -> str:
    return _fold_token(key(s or "")).replace(" ", "")


def eval_citation(req: Requirement, index: PlanIndex, profile: Profile) -> RequirementResult:
    parent = profile.parent
    plan = index.plan
    in_basis = {i for lb in plan.legal_basis for i in lb.citations}
    same_type = [(i, c) for i, c in enumerate(plan.citations)
                 if c.doc_type and key(c.doc_type) == key(parent.type) and _sym(c.symbol) == _sym(parent.symbol)]
    exact = [(i, c) for i, c in same_type if c.number == parent.number]
    ref = parent.reference
    details: dict[str, object] = {"parent": ref}
    if not exact:
        # another number of the same type and symbol, where the parent belongs (the legal basis),
        # or dated exactly as the parent: a wrong number, not another document
        wrong = [(i, c) for i, c in same_type
                 if parent.date and ((c.date and c.date.to_date() == parent.date)
                                     or (i in in_basis and (c.year == parent.date.year or c.date is None)))]
        if wrong:
            i, c = min(wrong, key=lambda x: (x[0] not in in_basis, x[0]))
            ev = Evidence(c.text, c.span, (c.text,))
            return _result(req, "partial", 0.3, [ev], reason="wrong_number",
                           note=f"viện dẫn số {c.number}/{c.symbol}, kế hoạch cấp trên là số {parent.number}/{parent.symbol}",
                           note_en=f"cites number {c.number}/{c.symbol}; the parent is {parent.number}/{parent.symbol}",
                           details={**details, "cited": c.text, "problem": "number"})
        return _result(req, "missing", 0.0, reason="not_cited",
                       note=f"không viện dẫn {ref}", note_en=f"{ref} is not cited", details=details)
    i, c = min(exact, key=lambda x: (x[0] not in in_basis, x[1].date is None, x[0]))
    ev = Evidence(c.text, c.span, (c.text,))
    problems_vi: list[str] = []
    problems_en: list[str] = []
    problem = None
    if parent.date and c.date is not None and c.date.to_date() != parent.date:
        cited = "/".join(f"{x:02d}" if x else "…" for x in (c.date.day, c.date.month)) + f"/{c.date.year or '…'}"
        problems_vi.append(f"ngày {cited} khác ngày ban hành {parent.date:%d/%m/%Y}")
        problems_en.append(f"date {cited} differs from {parent.date:%d/%m/%Y}")
        problem = "date"
    if parent.issuer and c.issuer and not _issuer_ok(c.issuer, (parent.issuer, *parent.issuer_aliases), index.abbr):
        problems_vi.append(f"cơ quan ban hành “{c.issuer}” khác “{parent.issuer}”")
        problems_en.append(f"issuer “{c.issuer}” differs from “{parent.issuer}”")
        problem = problem or "issuer"
    if i not in in_basis:
        problems_vi.append("không nêu trong phần căn cứ ban hành")
        problems_en.append("not cited in the legal basis")
        problem = problem or "not_in_legal_basis"
    if problems_vi:
        return _result(req, "partial", 0.5, [ev], reason=f"wrong_{problem}" if problem in ("date", "issuer") else problem,
                       note="; ".join(problems_vi), note_en="; ".join(problems_en),
                       details={**details, "cited": c.text, "problem": problem})
    return _result(req, "met", 1.0, [ev], details={**details, "cited": c.text})


# --------------------------------------------------------------------------- the whole profile


def match(plan: Plan, profile: Profile) -> Coverage:
    """The coverage of ``profile``'s requirements by ``plan``, requirement by requirement."""
    return match_index(PlanIndex(plan, abbreviation_table(plan, profile)), profile)


def match_index(index: PlanIndex, profile: Profile) -> Coverage:
    results: list[RequirementResult] = []
    for req in profile.requirements:
        if req.kind == "citation":
            results.append(eval_citation(req, index, profile))
            continue
        c = Compiled(req, index.abbr)
        if req.kind == "target":
            results.append(eval_target(c, index))
        elif req.kind == "deadline":
            results.append(eval_deadline(c, index))
        else:
            results.append(eval_phrases(c, index))
    results = [_locate(r, index) for r in results]
    score = sum(r.score for r in results) / len(results) if results else 1.0
    return Coverage(profile=profile.id, score=round(score, 3), requirements=tuple(results))


def _locate(r: RequirementResult, index: PlanIndex) -> RequirementResult:
    """Give each piece of evidence its source line and location."""
    src = index.plan.source
    if src is None or not r.evidence:
        return r
    ev = []
    for e in r.evidence:
        if 0 <= e.span.block < len(src.blocks):
            b = src.blocks[e.span.block]
            e = attrs.evolve(e, line=b.line_of(e.span.start), location=b.location or None)
        ev.append(e)
    return attrs.evolve(r, evidence=tuple(ev))


# --------------------------------------------------------------------------- assignments (C306)

_ASSIGN_RE = regex.compile(
    r"(?:^|\s)(?:giao|có trách nhiệm|chịu trách nhiệm|chủ trì|phụ trách|đầu mối|được phân công|phân công|"
    r"yêu cầu|đề nghị)(?:\s|,|:|$)",
    regex.IGNORECASE,
)


def assignments(index: PlanIndex) -> list[Evidence]:
    """Sentences of the implementation part that give a unit a task (who does what)."""
    out = []
    for u in index.units:
        if u.role != "implementation":
            continue
        # a skeleton's guidance "[… cơ quan nào chủ trì …]" assigns nothing
        m = _ASSIGN_RE.search(_PLACEHOLDER_RE.sub(lambda x: " " * len(x.group(0)), u.text))
        if m:
            s, e = clause_span(u, m.start(), m.end())
            out.append(Evidence(u.text[s:e].strip(), Span(u.span.block, u.span.start + s, u.span.start + e),
                                (m.group(0).strip(),)))
    return out
