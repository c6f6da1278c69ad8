"""The issuer of a cited document (cơ quan ban hành): the words after ``của`` that still name a body."""

from __future__ import annotations

import vnplan.vocab as vocab
from vnplan.parse.citations.patterns import COMMA_NAMES_RE, WORD

# Words and phrases that end an issuer (lower-case forms; compared on lower-case text): citations.json.
_ENDS = vocab.citations().issuer_ends
_STOP1 = frozenset(_ENDS.words)
_RUN_ON = _ENDS.run_on
_STOP2 = frozenset(_ENDS.phrases)
_AND = vocab.citations().conjunction[0]


def _is_upper(s: str) -> bool:
    return s.upper() == s and any(c.isalpha() for c in s)


def read_issuer(tail: str) -> str | None:
    """The issuer at the start of ``tail`` (the text after ``của``), or ``None``."""
    if not tail or not tail[0].isupper():
        return None
    upper = _is_upper(tail[: min(len(tail), 40)])
    m = COMMA_NAMES_RE.match(tail)
    pos = m.end() if m else 0
    end = pos
    taken = 1 if m else 0
    # the words one at a time, with the word after each: the name mostly ends within a few words
    words = WORD.finditer(tail, pos)
    cur = next(words, None)
    while cur is not None:
        after = next(words, None)
        w = cur.group()
        bare = w.rstrip(",.;:!?…")
        if not bare:
            break
        if taken:
            if "/" in bare:
                break  # "V/v", "b/c": never part of a name
            low = bare.lower()
            if low == _AND:
                if after is None or not after.group()[:1].isupper():
                    break  # "của Chính phủ và các …"
            elif (upper or bare[0].islower()) and (
                low in _STOP1
                or f"{low} {after.group().rstrip(',.;:').lower() if after is not None else ''}" in _STOP2
                or (len(low) > 4 and low.startswith(_RUN_ON))  # "vềviệc": words run together
            ):
                break
        end = cur.start() + len(bare)
        taken += 1
        if len(bare) < len(w) and not (w.endswith(".") and bare in ("TP", "Tp", "TX", "Tx")):
            break
        if taken >= 16:
            break
        cur = after
    issuer = tail[:end].strip()
    return issuer or None


__all__ = ["read_issuer"]
