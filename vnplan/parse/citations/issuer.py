"""The issuer of a cited document (cơ quan ban hành): the words after ``của`` that still name a body."""

from __future__ import annotations

import vnplan.vocab as vocab
from vnplan.parse.citations.patterns import COMMA_NAMES, WORD

# Words and phrases that end an issuer (lower-case forms; compared on lower-case text): citations.json.
_ENDS = vocab.citations().issuer_ends
_STOP1 = frozenset(_ENDS.words)
_RUN_ON = _ENDS.run_on
_STOP2 = frozenset(_ENDS.phrases)
#: The first words of the two-word phrases of ``_STOP2``: a word and the next make one of those
#: phrases only if the word is one of these (a word holds no white space).
_STOP2_FIRST = frozenset(p[: p.index(" ")] for p in _STOP2 if " " in p)
_AND = vocab.citations().conjunction[0]
_PUNCT = ",.;:!?…"
_ABBR_DOT = ("TP", "Tp", "TX", "Tx")


def _is_upper(s: str) -> bool:
    return s.upper() == s and any(map(str.isalpha, s))


def words_of(tail: str, pos: int) -> list[str]:
    """What ``WORD.findall(tail, pos)`` finds.

    In a printable string the only white space is ``" "`` (every other character ``\\s`` matches
    is unprintable), so the words are what ``str.split(" ")`` leaves that is not empty."""
    if tail.isprintable():
        return [w for w in tail[pos:].split(" ") if w]
    return WORD.findall(tail, pos)


def _comma_name_end(tail: str) -> int:
    """The end of ``COMMA_NAMES_RE.match(tail)`` (a literal alternation, longest first), or 0."""
    if not tail.startswith(COMMA_NAMES):
        return 0
    return max(len(n) for n in COMMA_NAMES if tail.startswith(n))


def read_issuer(tail: str) -> str | None:
    """The issuer at the start of ``tail`` (the text after ``của``), or ``None``."""
    if not tail or not tail[0].isupper():
        return None
    upper = _is_upper(tail[: min(len(tail), 40)])
    end = pos = _comma_name_end(tail)
    taken = 1 if pos else 0
    # the words one at a time, with the word after each: the name mostly ends within a few words
    words = words_of(tail, pos)
    n = len(words)
    for k in range(n):
        w = words[k]
        # where the word starts: white space only lies between it and the last word's end
        start = pos = tail.find(w, pos)
        pos += len(w)
        bare = w.rstrip(_PUNCT)
        if not bare:
            break
        if taken:
            if "/" in bare:
                break  # "V/v", "b/c": never part of a name
            low = bare.lower()
            if low == _AND:
                if k + 1 == n or not words[k + 1][:1].isupper():
                    break  # "của Chính phủ và các …"
            elif (upper or bare[0].islower()) and (
                low in _STOP1
                or (low in _STOP2_FIRST
                    and f"{low} {words[k + 1].rstrip(',.;:').lower() if k + 1 < n else ''}" in _STOP2)
                or (len(low) > 4 and low.startswith(_RUN_ON))  # "vềviệc": words run together
            ):
                break
        end = start + len(bare)
        taken += 1
        if len(bare) < len(w) and not (w.endswith(".") and bare in _ABBR_DOT):
            break
        if taken >= 16:
            break
    issuer = tail[:end].strip()
    return issuer or None


__all__ = ["read_issuer", "words_of"]
