"""Abbreviations defined in the text (chữ viết tắt): ``cải cách hành chính (CCHC)``: first version."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from vnplan.model import Abbreviation, SourceDocument, Span

_DEF_RE = regex.compile(r"\((?P<abbr>[\p{Lu}Đ][\p{Lu}Đ&]{1,11})\)")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_SKIP = frozenset({"và", "của", "các", "về", "đối", "với"})


def _expansion(text: str, end: int, abbr: str) -> tuple[int, str] | None:
    """Match the abbreviation's letters to the initials of the words before ``end``."""
    letters = [c for c in abbr.lower() if c.isalpha()]
    words = list(_WORD_RE.finditer(text, 0, end))
    k = len(letters) - 1
    start = None
    for w in reversed(words):
        if k < 0:
            break
        init = w.group(0)[0].lower()
        if init == letters[k]:
            k -= 1
            start = w.start()
        elif w.group(0).lower() in _SKIP and start is not None:
            continue
        else:
            return None
    if k >= 0 or start is None:
        return None
    return start, text[start:end].strip()


def extract_abbreviations(doc: SourceDocument, blocks: Iterable[int] | None = None) -> tuple[Abbreviation, ...]:
    """Every definition ``expansion (ABBR)`` whose initials match, in reading order."""
    out: list[Abbreviation] = []
    indices = range(len(doc.blocks)) if blocks is None else blocks
    for i in indices:
        b = doc.blocks[i]
        if b.kind == "artifact":
            continue
        for m in _DEF_RE.finditer(b.text):
            abbr = m.group("abbr")
            found = _expansion(b.text, m.start(), abbr)
            exp_span = Span(b.index, found[0], found[0] + len(found[1])) if found else None
            out.append(Abbreviation(abbr=abbr, expansion=found[1] if found else None,
                                    span=Span(b.index, m.start("abbr"), m.end("abbr")), expansion_span=exp_span))
    return tuple(out)
