"""What kind of requirement an item states, whether it is optional, and where one item holds a list of them.

* **Kind.** An item of the implementation part is a duty; of the forms part, a form. Elsewhere a
  clause led by a channel or by ``hình thức`` (*Tổ chức Cuộc thi…*, *Phát huy vai trò của báo
  chí…*, *…; hình thức đa dạng*) makes a form, and a duty cue (*chịu trách nhiệm*, *rõ người, rõ
  việc*, an item that starts by naming a body) makes a duty; the rest is content. Figures make
  targets and dates deadlines (``targets.py``, ``deadlines.py``); a quoted motto after *chủ đề*
  or *phương châm* is the theme.
* **Optional.** *Khuyến khích*, *tùy tình hình*, *có thể*…: optional, unless what is encouraged
  is the public (*khuyến khích người dân … phản ánh*), which the unit must still do.
* **Lists.** One sentence may list several requirements: after a colon that ends a list lead
  (*… các nội dung sau:*, *… gồm:*, *đó là:*) or, without one, as three or more members that all
  but one start with the same words (*cải cách thể chế, cải cách TTHC, cải cách tổ chức bộ
  máy…*). A colon after a name (*Cải cách TTHC: công bố, công khai TTHC; …*) elaborates the name.
"""

from __future__ import annotations

import regex
from attrs import frozen

import vnplan.vocab as vocab
from vnplan.profiles.derive.phrases import _ENDS, strip_leading
from vnplan.profiles.derive.words import Lexicon, body_name, first_match, syllables
from vnplan.text import key

_W = vocab.derive()
_R = vocab.register()
FORM_WINDOW = 4  # a clause is led by a channel found within its first syllables


def _led_by(clause: str, lex: Lexicon) -> str | None:
    """``form`` when a channel or ``hình thức`` leads the clause, ``content`` when ``nội dung`` does, else None."""
    s = strip_leading(clause)
    cue = first_match(_W.optional_cues, s[:30])
    if cue:  # ``Khuyến khích các đơn vị tổ chức hội thi``: what is encouraged leads
        s = _strip_addressee(s[cue.end():])
    for subj in lex.subject:  # the subject is what every item is about: it leads nothing
        s = regex.sub(rf"^(?:{regex.escape(subj)})\b[\s,]*", "", s, flags=regex.IGNORECASE)
        s = strip_leading(s)
    toks = lex.tokens(s)[: FORM_WINDOW + 3]
    first: tuple[int, str] | None = None
    for word, kind in [(w, "form") for w in (*_R.channels, _W.form_word)] + [(_W.content_word, "content")]:
        w = syllables(word)
        for i in range(min(FORM_WINDOW, len(toks))):
            if toks[i : i + len(w)] == w:
                if first is None or i < first[0]:
                    first = (i, kind)
                break
    return first[1] if first else None


def topic_kind(clauses: list[str], part: str, lex: Lexicon, *, addressed: bool = False) -> str:
    """``form``, ``duty`` or ``content`` for the clauses of an item outside the targets it states."""
    if part == "implementation" or addressed:
        return "duty"
    if part == "forms":
        return "form"
    led = [_led_by(c, lex) for c in clauses]
    if led and (led[0] == "form" or led[0] == "content" and "form" in led[1:]):
        return "form"
    if any(first_match(_W.duty_cues, c) for c in clauses):
        return "duty"
    return "content"


def optional_cue(text: str) -> str | None:
    """The words that make a task optional, at the start of one of its clauses (``Khuyến khích các đơn vị…``,
    ``…, các đơn vị có thể…``); None when there are none. ``cơ chế khuyến khích`` inside a phrase is no cue,
    nor is encouraging the public (``khuyến khích người dân … phản ánh``)."""
    for c in regex.split(r"[;.]\s*", text):
        c = _strip_addressee(c)
        m = first_match(_W.optional_cues, c[:30])
        if m and not first_match(_W.public, c[m.end() : m.end() + 24]):
            return m.group(0)
    return None


def _strip_addressee(clause: str) -> str:
    """``Các đơn vị có thể …`` → ``có thể …``: the task after the bodies it is addressed to."""
    c = clause.strip(" -–+•")
    if not body_name(c):
        return c
    m = first_match(list(_W.duty_verbs) + list(_W.optional_cues), c)
    return c[m.start():] if m else c


@frozen
class Member:
    """One member of a list stated in one sentence: its text and offsets in the clause."""

    text: str
    start: int
    end: int


def _split(text: str, sep: str, base: int) -> list[Member]:
    out: list[Member] = []
    pos = 0
    for part in regex.split(sep, text):
        at = text.find(part, pos)
        pos = at + len(part)
        stripped = part.strip(" ,;.")
        if stripped:
            lead = part.find(stripped)
            out.append(Member(stripped, base + at + lead, base + at + lead + len(stripped)))
    return out


def _head(m: Member, size: int) -> tuple[str, ...]:
    return tuple(syllables(strip_leading(m.text))[:size])


def _shared_head(members: list[Member], clause: str) -> list[Member] | None:
    """Members that all but one start with the same words; trailing members without it are one member."""
    for size in (2, 1):
        heads = [_head(m, size) for m in members]
        common = max(set(heads), key=heads.count)
        if len(common) < size or any(key(w) in ("các", "những") for w in common):
            continue
        merged: list[Member] = []
        for m, h in zip(members, heads):
            if merged and h != common and _head(merged[-1], size) != common:
                merged[-1] = Member(clause[merged[-1].start : m.end], merged[-1].start, m.end)
            else:
                merged.append(m)
        with_head = sum(_head(m, size) == common for m in merged)
        if len(merged) >= 3 and with_head >= len(merged) - 1 and with_head >= 3:
            return merged
    return None


def has_list_lead(clause: str) -> bool:
    """Whether ``clause`` opens a list with a lead and a colon (``… các nội dung sau:``, ``… đó là:``)."""
    m = regex.search(r":\s*", clause)
    lead = key(clause[: m.start()]).rstrip(" ,") if m else ""
    return bool(m) and any(lead.endswith(" " + key(w)) or lead == key(w) for w in _W.list_leads)


def list_members(clause: str) -> list[Member] | None:
    """The requirements one sentence lists (module docstring), or None when it states one."""
    m = regex.search(r":\s*", clause)
    if m:
        lead = key(clause[: m.start()]).rstrip(" ,")
        body = clause[m.end():]
        if any(lead.endswith(" " + key(w)) or lead == key(w) for w in _W.list_leads):
            body = _ENDS.split(body, maxsplit=1)[0]
            sep = r"\s*;\s*" if ";" in body else r"\s*,\s*"
            members = _split(body, sep, m.end())
            return members if len(members) >= 2 else None
        return None
    body = _ENDS.split(clause, maxsplit=1)[0]
    members = _split(body, r"\s*,\s*|\s+và\s+", 0)
    return _shared_head(members, clause) if len(members) >= 3 else None


_THEME = regex.compile(
    rf"(?:{'|'.join(regex.escape(w) for w in _W.theme_cues)})[^\"“”:;]{{0,60}}?:?\s*[\"“](?P<theme>[^\"”]{{8,200}})[\"”]",
    regex.IGNORECASE,
)


def theme(text: str) -> regex.Match[str] | None:
    """The quoted theme or motto of the year (``chủ đề năm 2025: "…"``, ``phương châm hành động "…"``)."""
    return _THEME.search(text)


def theme_parts(quoted: str) -> list[str]:
    """``Kỷ cương trách nhiệm; chủ động kịp thời`` → its parts, each a group the unit must name."""
    sep = ";" if ";" in quoted else ","
    return [p.strip(" .") for p in quoted.split(sep) if p.strip(" .")]
