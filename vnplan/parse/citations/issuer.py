"""The issuer of a cited document (cơ quan ban hành): the words after ``của`` that still name a body."""

from __future__ import annotations

from typing import NamedTuple

import vnplan.vocab as vocab
from vnplan.parse.citations.patterns import COMMA_NAMES, WORD

# Words and phrases that end an issuer (lower-case forms; compared on lower-case text): citations.json.
_ENDS = vocab.citations().issuer_ends
_STOP1 = frozenset(_ENDS.words)
_RUN_ON = _ENDS.run_on
_STOP2 = frozenset(_ENDS.phrases)
#: Phrases whose last word is a stop word but which go on a name (``chuyển đổi số``), by that last word.
_KEPT = {
    last: frozenset(p for p in _ENDS.kept if p.rsplit(" ", 1)[1] == last) for last in {p.rsplit(" ", 1)[1] for p in _ENDS.kept}
}
#: The first words of the two-word phrases of ``_STOP2``: a word and the next make one of those
#: phrases only if the word is one of these (a word holds no white space).
_STOP2_FIRST = frozenset(p[: p.index(" ")] for p in _STOP2 if " " in p)
_AND = vocab.citations().conjunction[0]
_PUNCT = ",.;:!?…"
_ABBR_DOT = ("TP", "Tp", "TX", "Tx")


def _is_upper(s: str) -> bool:
    # str.upper() maps each character alone: a lower-case letter among the first four is enough to tell
    return s[:4].upper() == s[:4] and s.upper() == s and any(map(str.isalpha, s))


#: The characters ``str.isspace`` holds for that ``\\s`` does not match: ``str.split()`` splits at
#: them, :data:`WORD` does not (tests/test_citation_quick_paths.py checks the whole of Unicode).
_SPLIT_ONLY = ("\x1c", "\x1d", "\x1e", "\x1f")
#: How many words :func:`read_issuer` may look at: it takes at most 16, and looks at the one after.
_WORDS_READ = 17


def _split_is_words(text: str) -> bool:
    """Whether ``text.split()`` splits where :data:`WORD` does: ``text`` holds none of ``_SPLIT_ONLY``."""
    return "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text


def words_of(tail: str, pos: int) -> list[str]:
    """What ``WORD.findall(tail, pos)`` finds: ``str.split()`` where that splits the same."""
    if _split_is_words(tail):
        return tail[pos:].split()
    return WORD.findall(tail, pos)


def _comma_name_end(tail: str) -> int:
    """The end of ``COMMA_NAMES_RE.match(tail)`` (a literal alternation, longest first), or 0."""
    if not tail.startswith(COMMA_NAMES):
        return 0
    return max(len(n) for n in COMMA_NAMES if tail.startswith(n))


class _Word(NamedTuple):
    """What :func:`read_issuer` asks of a word (one without white space)."""

    bare_len: int  # the length of the word without its punctuation after (0: none is left)
    slash: bool  # that holds "/"
    is_and: bool  # that is "và"
    stop: bool  # that is a stop word, or words run together ("vềviệc")
    stop2: bool  # that starts a two-word stop phrase
    lower: bool  # that starts in lower case
    cut: bool  # the punctuation after ends the name (not the dot of "TP.")
    upper: bool  # the word starts in upper case
    low: str  # the word without its punctuation, in lower case
    key2: str  # the word without ",.;:", in lower case (the second word of a stop phrase)


#: :func:`_facts` of the words met so far (at most _FACTS_KEPT: a long-running worker meets ever more words).
_FACTS: dict[str, _Word] = {}
_FACTS_KEPT = 65536


def _facts(w: str) -> _Word:
    """What :func:`read_issuer` asks of a word, asked once per word (the same words come again and again)."""
    f = _FACTS.get(w)
    if f is not None:
        return f
    bare = w.rstrip(_PUNCT)
    low = bare.lower()
    f = _Word(
        len(bare), "/" in bare, low == _AND, low in _STOP1 or (len(low) > 4 and low.startswith(_RUN_ON)),
        low in _STOP2_FIRST, bare[:1].islower(), len(bare) < len(w) and not (w.endswith(".") and bare in _ABBR_DOT),
        w[:1].isupper(), low, w.rstrip(",.;:").lower(),
    )
    if len(_FACTS) < _FACTS_KEPT:
        _FACTS[w] = f
    return f


def _kept(words: list[str], k: int, low: str) -> bool:
    """Whether the stop word ``words[k]`` (``low``) ends a phrase that goes on a name (``chuyển đổi số``)."""
    phrases = _KEPT.get(low)
    if not phrases:
        return False
    return any(" ".join([*(w.lower() for w in words[max(0, k - n) : k]), low]) in phrases for n in (1, 2, 3))


def read_issuer(tail: str) -> str | None:
    """The issuer at the start of ``tail`` (the text after ``của``), or ``None``."""
    if not tail or not tail[0].isupper():
        return None
    end = pos = _comma_name_end(tail)
    taken = 1 if pos else 0
    # the words one at a time, with the word after each: the name mostly ends within a few words
    # (the first _WORDS_READ words as words_of gives them; what follows, if anything, as one)
    split = _split_is_words(tail)
    words = tail[pos:].split(None, _WORDS_READ) if split else WORD.findall(tail, pos)
    n = len(words)
    for k in range(n):
        w = words[k]
        f = _FACTS.get(w) or _facts(w)
        # where the word starts: white space only lies between it and the last word's end
        if split:
            while tail[pos].isspace():  # what str.split() splits at
                pos += 1
            start = pos
        else:
            start = pos = tail.find(w, pos)
        pos += len(w)
        if not f.bare_len:
            break
        if taken:
            if f.slash:
                break  # "V/v", "b/c": never part of a name
            if f.is_and:
                if k + 1 == n or not _facts(words[k + 1]).upper:
                    break  # "của Chính phủ và các …"
            elif (
                f.stop
                or (f.stop2 and f"{f.low} {_facts(words[k + 1]).key2 if k + 1 < n else ''}" in _STOP2)
            ) and (f.lower or _is_upper(tail[:40])) and not _kept(words, k, f.low):
                break  # a capitalised stop word ends only an upper-case title's name
        end = start + f.bare_len
        taken += 1
        if f.cut or taken >= 16:
            break
    issuer = tail[:end].strip()
    return issuer or None


__all__ = ["read_issuer", "words_of"]
