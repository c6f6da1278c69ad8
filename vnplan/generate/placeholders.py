"""The placeholder a skeleton leaves for the unit's own text (chỗ trống chờ điền), and how to find it.

A placeholder is bracketed text that starts with a fixed instruction::

    [Đơn vị bổ sung nội dung. Kế hoạch cấp trên yêu cầu: …]
    [Unit to add its own text. The parent plan requires: …]

The compliance matcher (:mod:`vnplan.profiles.match`) reports a requirement whose only
evidence lies in bracketed text (``\\[[^\\[\\]]{2,}\\]``) as ``placeholder``, not ``met``; every
marker written here matches that pattern, and :data:`PLACEHOLDER_RE` finds exactly the
markers a skeleton writes (so filling tools do not touch other bracketed text).

The instruction ends with a full stop before any colon, so the parser never takes the text
before a colon inside the brackets for an item's title (the bracket stays in one piece).
"""

from __future__ import annotations

import regex

import vnplan.vocab as vocab

#: The instruction each placeholder starts with, by guidance language (``placeholder_leads``
#: in ``vnplan/vocab/skeleton.json``).
LEADS: dict[str, tuple[str, ...]] = dict(vocab.skeleton().placeholder_leads)

_ALL_LEADS = sorted({lead for leads in LEADS.values() for lead in leads}, key=len, reverse=True)

#: A placeholder written by vnplan's skeleton generator (any guidance language).
PLACEHOLDER_RE = regex.compile(r"\[(?P<body>(?:" + "|".join(regex.escape(s) for s in _ALL_LEADS) + r")[^\[\]]*)\]")


def make(body: str) -> str:
    """``body`` wrapped as a placeholder; ``body`` must start with one of :data:`LEADS`."""
    if not body.startswith(tuple(_ALL_LEADS)):
        raise ValueError(f"a placeholder starts with one of {_ALL_LEADS}: {body!r}")
    if "[" in body or "]" in body:
        body = body.replace("[", "(").replace("]", ")")
    return f"[{body}]"


def find(text: str) -> list[regex.Match[str]]:
    """The placeholders in ``text``, in order."""
    return list(PLACEHOLDER_RE.finditer(text))


def has_placeholder(text: str) -> bool:
    return PLACEHOLDER_RE.search(text) is not None
