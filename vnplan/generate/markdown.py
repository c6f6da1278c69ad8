"""The skeleton as Markdown: one block per line of the plan, labels written literally.

Plain enough that vnplan reads it back both as Markdown and as plain text: no emphasis
markers, no tables; every paragraph is separated by a blank line, labels (``I.``, ``1.``,
``-``) are part of the text, placeholders are ``[…]`` brackets (not Markdown links).
"""

from __future__ import annotations

import vnplan.vocab as vocab
from vnplan.generate.build import Skeleton


def _escape(line: str) -> str:
    # A line starting with "#" or ">" would become a heading or a quote; none of ours do,
    # but a user's unit name or title might.
    return "\\" + line if line[:1] in "#>" else line


def _single(line: str) -> str:
    return " ".join(line.split())


def render(sk: Skeleton) -> str:
    """The Markdown text of a skeleton."""
    lines: list[str] = []
    if sk.parent_unit:
        lines.append(sk.parent_unit)
    # The blanks left for the records office are single spaces here: plain-text readers take
    # a run of spaces for a column gap of a flattened table.
    lines += [sk.unit, _single(sk.number_line), vocab.decree30().national_name,
              vocab.decree30().motto, _single(sk.date_line), sk.doc_type, sk.title]
    lines += list(sk.legal_basis)
    for it in sk.items:
        lines.append(f"{it.label} {it.text}")
    lines.append(sk.recipients_heading)
    lines += list(sk.recipients)
    lines += list(sk.signature)
    lines.append(sk.signer.text)
    return "\n\n".join(_escape(_single(x)) for x in lines) + "\n"
