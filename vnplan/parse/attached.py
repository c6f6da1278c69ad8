"""Documents issued with another (văn bản kèm theo): where the plan a Quyết định issues begins.

A decision that issues a plan (``Điều 1. Ban hành kèm theo Quyết định này Kế hoạch…``) is
followed, after its signature, by the plan itself: ``KẾ HOẠCH`` / its title / ``(Kèm theo
Quyết định số … ngày … của …)``, sometimes under a header of its own (issuer, Quốc hiệu), then
its sections and often a signature again. Each such document starts at its header's first line:
the type line above the ``kèm theo`` line, and the issuer and Quốc hiệu lines above that when it
repeats them. A document whose own header says ``(Ban hành kèm theo …)`` (a Quy định copied
alone) has nothing attached: only what follows the main document's body counts.
"""

from __future__ import annotations

from functools import cache

import regex

import vnplan.vocab as vocab
from vnplan.model import Block
from vnplan.parse.closing import is_form, person, plain
from vnplan.parse.common import RULE_LINE_RE, label_of
from vnplan.pattern import guarded
from vnplan.text import fold, is_upper_text
from vnplan.vocab.patterns import Hints, hints, holds, longest_first, spelt, variants

#: how far above its ``kèm theo`` line an attached document's type line may stand (type, title over
#: two or three lines), and how far above the type line its Quốc hiệu
TYPE_REACH = 5
HEADER_REACH = 8
#: a type line with its title on it is no longer than this
TITLE_MAX = 300
#: the spellings of a ``kèm theo`` lead
_LEAD_CASES = ("lower", "sentence")


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    types = longest_first(vocab.type_names())
    leads = spelt(vocab.closing().attached_leads, _LEAD_CASES)
    appendix = vocab.structure_words().appendix.upper()
    return {
        "lead": guarded(rf"(?:^|\()\s*{leads}\s+(?:{types})\s+(?:số\s*\d|\d)"),
        "type": guarded(rf"^(?:{longest_first(n.upper() for n in vocab.type_names())}|{regex.escape(appendix)})(?![\p{{L}}\p{{M}}])"),
    }


def _is_national(text: str) -> bool:
    return fold(text) == fold(vocab.decree30().national_name)


def is_type_line(text: str) -> bool:
    """A type name in capitals opening its line (``KẾ HOẠCH``, ``QUY CHẾ``, ``PHỤ LỤC I``), alone
    or with the title after it (``KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024``)."""
    t = plain(text)
    if not t.startswith(_type_starts()):
        return False  # no type name opens it: the pattern, anchored at the start, cannot match
    m = _patterns()["type"].match(t)
    return m is not None and not t[m.end() :].lstrip().startswith(":") and len(t) <= TITLE_MAX


@cache
def _type_starts() -> tuple[str, ...]:
    """The first two characters of each name the ``type`` pattern matches (the type names in capitals
    and the appendix's)."""
    return tuple({n[:2] for n in _type_names()})


def _type_names() -> list[str]:
    """The names the ``type`` pattern matches at the start of a line."""
    return [*(n.upper() for n in vocab.type_names()), vocab.structure_words().appendix.upper()]


def lead_cut(text: str) -> int | None:
    """Where a ``(Kèm theo Quyết định số …)`` line starts when it shares a line with the title
    before it (``Phòng, chống thiên tai … năm 2024 (Kèm theo Quyết định số 1245/QĐ-UBND …)``)."""
    m = _patterns()["lead"].search(text)
    if m is None or m.start() == 0:
        return None
    k = text.rfind("(", 0, m.end())
    return k if k > 0 and text[:k].strip() else None


def _has_lead(text: str) -> bool:
    """Whether a ``kèm theo`` lead opens ``text`` or follows one of its ``(``: without a ``(`` only
    the start can hold it, so the pattern is tried there alone instead of at every position; and
    not at all in a text without one of the lead's words (most blocks)."""
    if not holds(text, _lead_hints()):
        return False
    lead = _patterns()["lead"]
    return (lead.search(text) if "(" in text else lead.match(text)) is not None


@cache
def _lead_hints() -> Hints:
    """The spellings of the lead's words, one of which every match of the lead pattern holds."""
    return hints(variants(vocab.closing().attached_leads, _LEAD_CASES))


def attachment_starts(blocks: tuple[Block, ...], after: int) -> list[int]:
    """Positions where documents issued with the one in ``blocks`` begin, looking from ``after``
    (the start of its closing, or of its body when it has no closing)."""
    starts: list[int] = []
    floor = after
    for k in range(after, len(blocks)):
        b = blocks[k]
        if b.kind == "artifact" or not _has_lead(plain(b.text)):
            continue
        start = _document_start(blocks, k, floor)
        if start is not None and (not starts or start > starts[-1]):
            starts.append(start)
            floor = k + 1
    return starts


def _document_start(blocks: tuple[Block, ...], lead: int, floor: int) -> int | None:
    """The first line of the document whose ``kèm theo`` line is ``lead``: its type line, or the
    issuer and Quốc hiệu above it. None when no type line stands close above (not a document's head)."""
    kind = next((j for j in range(lead, max(floor, lead - TYPE_REACH) - 1, -1)
                 if blocks[j].kind != "artifact" and is_type_line(blocks[j].text)), None)
    if kind is None or kind <= floor - 1:
        return None
    national = next((j for j in range(kind - 1, max(floor, kind - HEADER_REACH) - 1, -1)
                     if _is_national(blocks[j].text)), None)
    if national is None:
        return kind
    start = national
    for j in range(national - 1, max(floor, national - HEADER_REACH) - 1, -1):
        t = plain(blocks[j].text)
        if blocks[j].kind == "artifact" or RULE_LINE_RE.match(t) or _is_national(t):
            start = j
            continue
        if not is_upper_text(t) or is_form(t) or person(t, after_position=True) is not None or label_of(t):
            break
        start = j
    return start
