"""Syllables in key form and abbreviations expanded in place (âm tiết, chữ viết tắt): the tokens matching compares.

A token is ``(key, start, end)``: the syllable in key form (lower case, modern tone placement)
and its offsets in the text. An abbreviation the table knows is replaced by its expansion's
syllables, all with the abbreviation's offsets; its own key is kept as an *alias* at the
expansion's first token, so a phrase that names the abbreviation (``SIPAS``) still finds it.

Three tables (:func:`phrase_table`, :func:`plan_table`): the built-in one
(``abbreviations.json``, uses ``matching``), the plan's own definitions, the profile's
``abbreviations``. The profile's expansions always hold; a plan's definition adds a new
abbreviation or takes the place of a built-in one (``cơ quan Sở (CQS)`` is not *chính quyền số*
in that plan), and counts only when its letters fit its words (``… người dân, tổ chức (SIPAS)``
does not make SIPAS mean *tổ chức*).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

import vnplan.vocab as vocab  # noqa: PLR0402  (never import from the root package: tests/test_layers.py)
from vnplan.model import Plan
from vnplan.pattern import guarded
from vnplan.profiles.model import Profile
from vnplan.text import is_syllable, key, plain_alnum, plain_first, split_syllables

Token = tuple[str, int, int]
Table = dict[str, tuple[str, ...]]

TOKEN_RE = guarded(r"[\p{L}\p{M}\p{N}]+(?:[&-][\p{L}\p{M}\p{N}]+)*")


@lru_cache(maxsize=1)
def _plain_token_re() -> re.Pattern[str]:
    """:data:`TOKEN_RE` for the standard ``re``, 2-3x quicker, where a text's characters allow
    (:func:`vnplan.text.plain_first`: there ``[^\\W_]`` is exactly ``[\\p{L}\\p{M}\\p{N}]``;
    tests/test_quick_paths.py compares them character by character). Linear, as TOKEN_RE: a word's
    characters and its joiners never overlap, so nothing backtracks."""
    word = plain_alnum()[0]
    return re.compile(f"[{word}]+(?:[&-][{word}]+)*")


def token_matches(text: str) -> Iterator[re.Match[str]] | Iterator[regex.Match[str]]:
    """The matches of :data:`TOKEN_RE` in ``text`` (by the standard ``re`` when the text's characters allow)."""
    return plain_first(_plain_token_re(), TOKEN_RE, text)


_LETTER_RE = guarded(r"\p{L}")


@lru_cache(maxsize=65536)
def fold(t: str) -> str:
    """A syllable without its diacritics (``thủ`` → ``thu``, ``đ`` → ``d``)."""
    d = unicodedata.normalize("NFD", t.replace("đ", "d"))
    return "".join(c for c in d if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(vocab.matching().stopwords)


@lru_cache(maxsize=1)
def builtin_abbreviations() -> dict[str, str]:
    """The built-in abbreviation table (``vnplan/vocab/abbreviations.json``, uses ``matching``): ABBR → expansion."""
    return {e.abbr: e.expansion for e in vocab.abbreviations().used_for("matching")}


@lru_cache(maxsize=65536)
def key_of(raw: str) -> str:
    """:func:`vnplan.text.key` of one word, cached: words repeat a lot."""
    return key(raw)


def words(text: str) -> list[str]:
    """The words of ``text`` in key form, abbreviations not expanded."""
    return [key_of(m.group(0)) for m in token_matches(text)]


def is_abbr(raw: str) -> bool:
    return len(raw) >= 2 and raw.upper() == raw


@lru_cache(maxsize=65536)
def _run_together(k: str) -> tuple[str, ...]:
    """``triểnkhai`` (spaces lost in PDF extraction) → ``triển``, ``khai``; other words unchanged."""
    if len(k) < 4 or k.isascii() or is_syllable(k):
        return (k,)
    parts = split_syllables(k)
    return tuple(parts) if parts and len(parts) > 1 else (k,)


def _expand(raw: str, s: int, e: int, table: Table, out: list[Token], aliases: list[tuple[str, int]]) -> bool:
    """Append the expansion of the abbreviation ``raw``, if the table knows it (or each part of ``KT-XH``)."""
    exp = table.get(raw)
    if exp is not None:
        aliases.append((key_of(raw), len(out)))
        out.extend((t, s, e) for t in exp)
        return True
    if "-" in raw:  # KT-XH is one abbreviation, CB-CC two
        parts = raw.split("-")
        if all(p in table for p in parts):
            pos = s
            for p in parts:
                aliases.append((key_of(p), len(out)))
                out.extend((t, pos, pos + len(p)) for t in table[p])
                pos += len(p) + 1
            return True
    return False


@lru_cache(maxsize=65536)
def _word(raw: str) -> tuple[bool, tuple[Token, ...]]:
    """Whether ``raw`` may be an abbreviation, and its syllables when it is not expanded, with
    offsets relative to its start: every word is read once, then found here (words repeat a lot)."""
    if "-" in raw and not is_abbr(raw):  # kinh tế - xã hội written kinh-tế: split
        pieces: list[Token] = []
        pos = 0
        for p in raw.split("-"):
            if p:
                pieces.append((key_of(p), pos, pos + len(p)))
            pos += len(p) + 1
        return False, tuple(pieces)
    n = len(raw)
    return is_abbr(raw), tuple((t, 0, n) for t in _run_together(key_of(raw)))


#: Words that are one syllable, no abbreviation, as their key: most words of a plan, found without a call.
_PLAIN_WORDS: dict[str, str] = {}
_PLAIN_WORDS_MAX = 65536


def tokenize_with_aliases(text: str, table: Table) -> tuple[list[Token], list[tuple[str, int]]]:
    """Syllables of ``text`` in key form with their offsets, abbreviations expanded in place, and the
    aliases: (the abbreviation's key, the index of its expansion's first token)."""
    out, aliases, _ = tokenize_indexed(text, table)
    return out, aliases


def tokenize_indexed(text: str, table: Table) -> tuple[list[Token], list[tuple[str, int]], dict[str, list[int]]]:
    """:func:`tokenize_with_aliases`, and the indexes of each key's tokens (aliases aside), listed as the
    tokens are read."""
    out: list[Token] = []
    aliases: list[tuple[str, int]] = []
    pos: dict[str, list[int]] = {}
    append = out.append
    at_key = pos.get
    plain = _PLAIN_WORDS
    n = 0
    for m in token_matches(text):
        raw = m.group()
        s = m.start()
        k = plain.get(raw)
        if k is not None:
            append((k, s, s + len(raw)))
            at = at_key(k)
            if at is None:
                pos[k] = [n]
            else:
                at.append(n)
            n += 1
            continue
        abbr, pieces = _word(raw)
        if not (abbr and _expand(raw, s, s + len(raw), table, out, aliases)):
            if len(pieces) == 1:
                t, a, b = pieces[0]
                append((t, s + a, s + b))
                if not abbr and a == 0 and b == len(raw) and len(plain) < _PLAIN_WORDS_MAX:
                    plain[raw] = t
            else:
                out.extend((t, s + a, s + b) for t, a, b in pieces)
        for i in range(n, len(out)):
            pos.setdefault(out[i][0], []).append(i)
        n = len(out)
    return out, aliases, pos


def tokenize(text: str, table: Table) -> list[Token]:
    """Syllables of ``text`` in key form with their offsets; abbreviations expanded in place."""
    return tokenize_with_aliases(text, table)[0]


# --------------------------------------------------------------------------- tables


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    """The words of an expansion in key form (cached: the built-in and the profile's are the same for every plan)."""
    return tuple(words(text))


def _fit(letters: list[str], initials: list[str]) -> int:
    """How many of an abbreviation's letters start the words of an expansion in order (0 unless the first does)."""
    if not letters or not initials or letters[0] != initials[0]:
        return 0
    found, i = 0, 0
    for c in letters:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i < len(initials):
            found += 1
            i += 1
    return found


def letters_fit(abbr: str, expansion: str) -> bool:
    """Whether an abbreviation can stand for its expansion: its first letter starts the expansion, and
    most of its letters start the expansion's words in order (``CQS`` ~ *cơ quan Sở*, ``LĐTBXH`` ~ *Lao
    động - Thương binh và Xã hội*; not ``SIPAS`` ~ *tổ chức*)."""
    letters = [c for c in key(abbr) if _LETTER_RE.match(c)]
    return _fit(letters, [w[0] for w in words(expansion) if w]) * 3 >= len(letters) * 2


@lru_cache(maxsize=4096)
def fitted_expansion(abbr: str, expansion: str) -> str | None:
    """The words a definition's abbreviation stands for: the shortest end of the text before the parenthesis
    whose words its letters fit (*Tuyên truyền về chính quyền số (CQSH)* → *chính quyền số*), or None when
    none fits (*… của người dân, tổ chức (SIPAS)*: SIPAS is no *tổ chức*)."""
    letters = [c for c in key(abbr) if _LETTER_RE.match(c)]
    ms = list(TOKEN_RE.finditer(expansion))
    best: tuple[int, int] | None = None  # (letters found, -words), over the ends of the text
    for k in range(len(ms)):
        initials = [key_of(m.group(0))[0] for m in ms[k:]]
        found = _fit(letters, initials)
        if found * 3 >= len(letters) * 2 and (best is None or (found, k) > (best[0], best[1])):
            best = (found, k)
    return expansion[ms[best[1]].start():] if best is not None else None


def phrase_table(profile: Profile | None) -> Table:
    """The table a profile's phrases are read with: built-in, then the profile's own (which win)."""
    table = dict(builtin_abbreviations())
    if profile is not None:
        table.update(dict(profile.abbreviations))
    return {k: _split(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def _builtin_table() -> Table:
    """The built-in abbreviations' expansions in words, read once."""
    return {k: _split(v) for k, v in builtin_abbreviations().items()}


def plan_table(plan: Plan | None, profile: Profile | None) -> Table:
    """The table a plan is read with: built-in, the plan's own definitions whose letters fit, the profile's."""
    table = dict(_builtin_table())  # the built-in words read once; the plan's and the profile's take their place
    if plan is not None:
        for a in plan.abbreviations:
            exp = fitted_expansion(a.abbr, a.expansion) if a.expansion else None
            if exp and len(_split(exp)) >= 2:
                table[a.abbr] = _split(exp)
    if profile is not None:
        table.update({k: _split(v) for k, v in dict(profile.abbreviations).items()})
    return table


#: The earlier name of :func:`plan_table`.
abbreviation_table = plan_table
