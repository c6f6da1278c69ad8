"""Error messages in the reader's language (thông báo lỗi): the English text vnplan raises, shown in Vietnamese.

Errors are raised in English, with their facts (a file name, a limit, a rule id) written into
the text. :func:`translate` finds the template a message was made from in the catalogue
(``labels.json``, ``errors``: each English template beside its Vietnamese one, ``{name}``
for what varies), reads the facts back out of it and writes them into the Vietnamese
template. A fact that is itself a catalogued text (the operating system's ``Permission
denied``, the ``report`` of ``cannot write the report``) is translated too. A message the
catalogue does not know stays in English (``tests/test_messages.py`` checks that every
message raised in the package is known).
"""

from __future__ import annotations

from functools import cache

import regex

import vnplan.vocab as vocab
from vnplan.errors import VnplanError

_FIELD = regex.compile(r"\{(\w+)\}")


def _pattern(template: str) -> regex.Pattern[str]:
    out, pos = [], 0
    for m in _FIELD.finditer(template):
        out.append(regex.escape(template[pos:m.start()]))
        out.append(f"(?P<{m.group(1)}>.+?)")
        pos = m.end()
    out.append(regex.escape(template[pos:]))
    return regex.compile("".join(out), regex.DOTALL)


@cache
def catalogue() -> tuple[tuple[regex.Pattern[str], str, str], ...]:
    """Every known message as ``(pattern of the English text, English, Vietnamese)``, the most specific first."""
    entries = [(_pattern(e.en), e.en, e.vi) for e in vocab.labels().errors]
    entries.sort(key=lambda e: -len(_FIELD.sub("", e[1])))  # more fixed words first: "…: {x} Did you mean {y}?"
    return tuple(entries)


def translate(text: str, lang: str = "vi", *, _depth: int = 0) -> str:
    """``text`` (an English message vnplan or click wrote) in ``lang``; unchanged when unknown or ``lang`` is ``en``."""
    if lang == "en" or not text or _depth > 3:
        return text
    for pattern, _, vi in catalogue():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        facts = {k: translate(v, lang, _depth=_depth + 1) for k, v in m.groupdict().items()}
        return _FIELD.sub(lambda f: facts.get(f.group(1), f.group(0)), vi)
    return text


def known(text: str) -> bool:
    """Whether the catalogue holds the template ``text`` was made from."""
    return any(p.fullmatch(text) for p, _, _ in catalogue())


def detail(exc: VnplanError, lang: str = "vi") -> str:
    """What was wrong and what to do, without the file name (an unreadable row of a batch has its own)."""
    text = translate(exc.detail, lang)
    return f"{text} ({translate(exc.hint, lang)})" if exc.hint else text


def error_text(exc: BaseException, lang: str = "vi") -> str:
    """The one line shown for ``exc``: ``FILE: what was wrong (what to do)`` in ``lang``."""
    if isinstance(exc, VnplanError):
        text = detail(exc, lang)
        return f"{exc.path}: {text}" if exc.path else text
    return translate(str(exc), lang)


__all__ = ["catalogue", "detail", "error_text", "known", "translate"]
