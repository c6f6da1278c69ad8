"""The scope of what a passage says (phạm vi của câu): clauses, refusals and the past.

A passage commits to what its clauses state, unless a clause refuses it or reports a past year:

- **Clauses** end at ``;``, a full stop, ``!``, ``?``, a line break, a table's ``|``, and before a
  word that starts a new statement (*nhưng*, *tuy nhiên*, *đồng thời*: ``clause_breaks``).
- **Refusal.** A refusal word (*không*, *chưa*) refuses what follows it in its clause (*Sở không
  in ấn, phát hành tờ gấp, pano*), and the head before a colon it opens (*Chỉ số SIPAS: chưa tuyên
  truyền*), unless it starts a compound that refuses nothing (*không
  ngừng*, *không chỉ … mà còn*, *không gian mạng*, *không dưới 90%*: ``not_refusals``). A
  refusing predicate refuses what comes before it in its clause (*Nội dung về Đề án 06/CP không
  đưa vào Kế hoạch này*: ``refusals_after``). A refusal holds up to the end of its clause or to a
  word that turns it round (*không tổ chức hội nghị riêng mà lồng ghép vào giao ban*:
  ``refusal_ends``). *Không để xảy ra hồ sơ trễ hạn* commits to the clause before it and refuses
  only what follows.
- **The past.** A clause reports a past year when it names a year before the plan's (*năm
  2023*) and none of the plan's, and opens with that year (*Năm 2023, …*) or says it was done
  (*đã*, *đạt*: ``past_markers``) with no word of a commitment (*duy trì*, *phấn đấu*:
  ``commitments``); *năm qua* with such a word does too. A sentence opening with a past year
  (*Năm 2023, …; …*) reports it in all its clauses that name no later year. An aside in brackets
  right after a past time (*kết quả đạt được trong năm qua (đúng hạn 99,8%)*) is a clause about the
  past of its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Container, Iterator
from collections.abc import Set as AbstractSet
from functools import cache
from itertools import compress, islice, pairwise
from operator import itemgetter

import attrs

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.pattern import guarded
from vnplan.profiles.match.tokens import words
from vnplan.profiles.match.units import Unit

_END_RE = guarded(r"[;!?|\n]|\.(?!\d)")
_END_CHARS = ";!?|\n."  # the characters _END_RE matches
_STOP_RE = guarded(r"\.(?!\d)")
_YEAR_TOKEN = guarded(r"^(?:19|20|21)\d\d$")
_second = itemgetter(1)


@attrs.frozen
class Clause:
    """Tokens ``first .. end-1`` of a unit form one clause (characters ``start_char .. end_char``, up to the next
    clause); ``past`` when it reports a past year."""

    first: int
    end: int
    start_char: int
    end_char: int
    past: bool = False


@attrs.frozen
class Refusal:
    """Tokens ``first .. end-1`` are refused by the cue at tokens ``cue .. cue_end-1``."""

    first: int
    end: int
    cue: int
    cue_end: int


@attrs.frozen
class Scope:
    clauses: tuple[Clause, ...]
    refusals: tuple[Refusal, ...]
    starts: tuple[int, ...]  # each clause's first token, for bisect
    ends: tuple[int, ...] = ()  # each clause's end token
    whole: bool = False  # one clause, the whole unit

    def clause_of(self, token: int) -> Clause:
        return self.clauses[max(0, bisect.bisect_right(self.starts, token) - 1)]

    def refused_by(self, first: int, last: int) -> Refusal | None:
        if not self.refusals:
            return None
        return next((r for r in self.refusals if r.first <= first and last < r.end), None)


@cache
def _cue_words(field: str) -> frozenset[str]:
    """The first words of a ``compliance.json`` list's phrases: a clause holding none of them holds none."""
    return frozenset(_phrases(field))


@cache
def _phrases(field: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of a ``compliance.json`` list in key form, by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in getattr(vocab.compliance(), field):
        p = tuple(words(w))
        if p:
            out.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def _refusal_cues() -> frozenset[str]:
    """The first words of every refusal, before or after what it refuses."""
    return _cue_words("refusals") | _cue_words("refusals_after")


def _at(keys: list[str], first: Container[str], a: int, b: int) -> Iterator[int]:
    """The positions ``a..b-1`` of ``keys`` holding one of ``first`` (a phrase table's first words), found at C
    speed: only there may :func:`_starts_with` find a phrase of that table."""
    return compress(range(a, b), map(first.__contains__, islice(keys, a, b)))


def _starts_with(keys: list[str], i: int, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[str, ...] | None:
    for p in phrases.get(keys[i], ()):
        if tuple(keys[i : i + len(p)]) == p:
            return p
    return None


def _ends(unit: Unit, starts: list[int]) -> tuple[list[int], set[int]]:
    """The tokens after each clause end and after each sentence end, from one search of the text: a sentence
    ends where a clause does, but at ``;``."""
    text = unit.text
    clause_cuts: list[int] = []
    sentences = {0}
    for at in end_marks(text):
        k = bisect.bisect_left(starts, at + 1)
        clause_cuts.append(k)
        if text[at] != ";":  # a sentence ends at each of _END_RE's single characters but ";"
            sentences.add(k)
    return clause_cuts, sentences


def end_marks(text: str) -> list[int]:
    """The offsets of :data:`_END_RE`'s matches in ``text`` (each one character), in order: each mark looked for
    with ``str.find`` (a stop only where no digit follows it), quicker than the pattern's scan of every
    character (tests/test_quick_paths.py)."""
    out: list[int] = []
    for c in _END_CHARS:
        if c in text:
            i = text.find(c)
            while i >= 0:
                if c != "." or _STOP_RE.match(text, i) is not None:
                    out.append(i)
                i = text.find(c, i + 1)
    out.sort()
    return out


def _clause_bounds(unit: Unit, keys: list[str], clause_cuts: list[int] | None = None,
                   present: AbstractSet[str] | None = None) -> list[tuple[int, int]]:
    """Token ranges of the unit's clauses (``present``: the unit's keys as a set, when known)."""
    cuts = {0}
    toks = unit.tokens
    if clause_cuts is None:
        starts = [s for _, s, _ in toks]
        clause_cuts = [bisect.bisect_left(starts, m.end()) for m in _END_RE.finditer(unit.text)]
    cuts.update(clause_cuts)
    breaks = _phrases("clause_breaks")
    if not _cue_words("clause_breaks").isdisjoint(keys if present is None else present):
        cuts.update(i for i in _at(keys, breaks, 0, len(keys)) if _starts_with(keys, i, breaks))
    bounds = sorted(c for c in cuts if c <= len(toks)) + [len(toks)]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def _years(keys: list[str], a: int, b: int) -> list[int]:
    lo = max(a, 1)
    if "năm" not in keys[lo - 1 : b - 1]:
        return []
    after_year_word = compress(range(lo, b), map("năm".__eq__, islice(keys, lo - 1, max(lo - 1, b - 1))))
    return [int(keys[i]) for i in after_year_word if _YEAR_TOKEN.match(keys[i])]


def _opens_with_past(keys: list[str], a: int, b: int, year: int) -> bool:
    """Whether tokens ``a..b`` open with a past year (*Năm 2023, …*, *Trong năm 2023, …*)."""
    for i in (a, a + 1):
        if i + 1 < b and keys[i] == "năm" and _YEAR_TOKEN.match(keys[i + 1]) and int(keys[i + 1]) < year:
            return True
    return False


def _past(keys: list[str], a: int, b: int, year: int | None, sentence_past: bool,
          present: AbstractSet[str] | None = None) -> bool:
    """Whether the clause ``a..b`` reports a past year: it names one (and none of the plan's) and opens with it
    or says it was done, or its sentence opened with one. ``present``: the unit's keys as a set, when known (a
    word the unit lacks is in none of its clauses)."""
    if year is None:
        return False
    years = _years(keys, a, b) if present is None or "năm" in present else []
    if years and max(years) >= year:
        return False
    if sentence_past:
        return True
    markers, commits = _phrases("past_markers"), _phrases("commitments")
    said_done = ((present is None or not _cue_words("past_markers").isdisjoint(present))
                 and not _cue_words("past_markers").isdisjoint(keys[a:b])
                 and any(_starts_with(keys, i, markers) for i in _at(keys, markers, a, b))
                 and not any(_starts_with(keys, i, commits) for i in _at(keys, commits, a, b)))
    if years:
        return _opens_with_past(keys, a, b, year) or said_done
    periods = _phrases("past_periods")
    return said_done and any(_starts_with(keys, i, periods) for i in _at(keys, periods, a, b))


def _refusals(keys: list[str], a: int, b: int) -> list[Refusal]:
    out: list[Refusal] = []
    if _cue_words("refusals").isdisjoint(keys[a:b]) and _cue_words("refusals_after").isdisjoint(keys[a:b]):
        return out  # no word of the clause starts a refusal
    before, after, nots = _phrases("refusals"), _phrases("refusals_after"), _phrases("not_refusals")
    ends = _phrases("refusal_ends")
    i = a
    for at in _at(keys, _refusal_cues(), a, b):  # the words that may start a refusal; the others are passed
        if at < i:
            continue  # inside a refusal already found
        i = at
        cue = _starts_with(keys, i, after)
        if cue:
            out.append(Refusal(a, i, i, i + len(cue)))
        not_refusal = _starts_with(keys, i, nots)
        if not_refusal:
            i += len(not_refusal)  # passed whole: the "ngừng" of "không ngừng" refuses nothing either
            continue
        cue2 = _starts_with(keys, i, before)
        if cue2:
            end = next((j for j in _at(keys, ends, i + len(cue2), b) if _starts_with(keys, j, ends)), b)
            out.append(Refusal(i + len(cue2), end, i, i + len(cue2)))
            i = end  # refused up to the end of the clause, or up to "mà", "nhưng"…
            continue
        i += 1
    return out


def _after_colons(text: str, starts: list[int]) -> frozenset[int]:
    """The tokens that come right after a colon (*Chỉ số SIPAS: chưa tuyên truyền*)."""
    if ":" not in text:
        return frozenset()
    return frozenset(bisect.bisect_left(starts, i + 1) for i, c in enumerate(text) if c == ":")


def _head_refusals(found: list[Refusal], colon_next: frozenset[int], a: int) -> Iterator[Refusal]:
    """A refusal that opens what follows a colon refuses the head before the colon too: in *Chỉ số SIPAS: chưa
    tuyên truyền trong năm 2025* the plan says the index is left out, as in *Chỉ số SIPAS chưa được tuyên truyền*."""
    for r in found:
        if r.cue in colon_next and r.first == r.cue_end and r.cue > a:
            yield Refusal(a, r.cue, r.cue, r.cue_end)


def _ends_with_past(keys: list[str], p: int, year: int) -> bool:
    """Whether the tokens before ``p`` end with a past time (*năm qua*, *năm 2023*) or *đạt được*."""
    if p >= 2 and keys[p - 2] == "năm" and _YEAR_TOKEN.match(keys[p - 1]) and int(keys[p - 1]) < year:
        return True
    for field in ("past_periods", "review_done"):
        for phrases in _phrases(field).values():
            if any(len(ph) <= p and tuple(keys[p - len(ph):p]) == ph for ph in phrases):
                return True
    return False


def _past_asides(unit: Unit, starts: list[int], clauses: list[Clause], year: int) -> list[Clause]:
    """Each aside in brackets right after a past time (*Phát huy kết quả đạt được trong năm qua (tỷ lệ hồ sơ
    đúng hạn 99,8%)*) made a clause of its own about the past: its figures are last year's, though the clause
    around it commits (*phát huy*)."""
    text, keys, out = unit.text, unit.keys, []
    for c in clauses:
        i = text.find("(", c.start_char, c.end_char)
        j = text.find(")", i, c.end_char) if i >= 0 else -1
        p, q = bisect.bisect_left(starts, i + 1), bisect.bisect_left(starts, j + 1)
        if j < 0 or not c.first < p < q <= c.end or not _ends_with_past(keys, p, year):
            out.append(c)
            continue
        q_char = starts[q] if q < len(starts) else len(text)
        out += [Clause(c.first, p, c.start_char, i, c.past), Clause(p, q, i, q_char, True)]
        if q < c.end:
            out.append(Clause(q, c.end, q_char, c.end_char, c.past))
    return out


def scope_of(unit: Unit, year: int | None) -> Scope:
    """The clauses and refusals of ``unit``, computed once."""
    if unit.scope is not None:
        return unit.scope  # type: ignore[no-any-return]
    keys = unit.keys
    clauses, refusals = [], []
    starts = list(map(_second, unit.tokens))
    n = len(starts)
    clause_cuts, sentences = _ends(unit, starts)
    present = set(keys)  # a clause holds none of the cue words its unit lacks
    may_refuse = not (_cue_words("refusals").isdisjoint(present) and _cue_words("refusals_after").isdisjoint(present))
    sentence_past = False
    colon_next = _after_colons(unit.text, starts) if may_refuse else frozenset()
    for a, b in _clause_bounds(unit, keys, clause_cuts, present):
        sc = starts[a]
        ec = starts[b] if b < n else len(unit.text)
        if a in sentences:  # a time said at the start of a sentence holds for its clauses
            sentence_past = year is not None and _opens_with_past(keys, a, b, year)
        clauses.append(Clause(a, b, sc, ec, _past(keys, a, b, year, sentence_past, present)))
        if may_refuse:
            found = _refusals(keys, a, b)
            refusals.extend(found)
            if colon_next:
                refusals.extend(_head_refusals(found, colon_next, a))
    if not clauses:
        clauses.append(Clause(0, 0, 0, len(unit.text)))
    if year is not None and "(" in unit.text:
        clauses = _past_asides(unit, starts, clauses, year)
    one = len(clauses) == 1 and clauses[0].first <= 0 and clauses[0].end >= n
    scope = Scope(tuple(clauses), tuple(refusals), tuple(c.first for c in clauses), tuple(c.end for c in clauses), one)
    unit.scope = scope
    return scope
