"""Where the header stands: the fullest cluster of header parts, wherever it starts, and what each part is in it.

A zone opens at an *anchor* (Quốc hiệu, Tiêu ngữ, ĐẢNG CỘNG SẢN VIỆT NAM, a number, a place and
date in a header's shape, a type name, ``V/v``, ``Kính gửi``) found before any sign of a body (a
legal basis with a citation, an article, the closing, numbered sections of prose); it takes the
capitalised lines just above it (the issuer's name), and walks on while the parts are header
parts: the issuer's name interleaved with the Quốc hiệu, the number, the date, the type and the
title under it, ``V/v`` and its wrapped lines, ``Kính gửi`` and its list, marks and rules. Of the
zones before the body, the one with the most kinds of part is the header. What comes before it is
not the header's content (a site's menu, a metadata table, ``DỰ THẢO``, a file name): it is noise.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

import vnplan.vocab as vocab
from vnplan.parse.common import legal_basis_kind
from vnplan.parse.header.lines import Line
from vnplan.parse.header.patterns import (
    NUMBER_ALONE_RE,
    PLACE_RE,
    TITLE_JOIN_END_RE,
    TITLE_TAIL_RE,
    body_head_re,
    is_authority_head,
)
from vnplan.parse.header.recognise import Part
from vnplan.parse.outline import role_of_title
from vnplan.pattern import guarded
from vnplan.text import is_upper_text

ANCHORS = frozenset({"national", "motto", "party", "number", "date", "type", "subject", "addressee"})
_ONCE = frozenset({"national", "motto", "party", "number", "date", "type"})
_BODY = frozenset({"basis", "article", "closing"})
_OPENS_BODY = frozenset({"basis", "article", "closing", "label", "note", "rule", "addressee"})
_ISSUER_WORD = vocab.header_words().type_issuer_word
_QUALIFIERS = frozenset(vocab.header_words().type_qualifiers)
_PROSE_RE = guarded(r"[.;:]$")
#: how many words a line needs before its capital and its full stop make it a sentence, not a title's line
SENTENCE_WORDS = 6
#: the longest wrapped line of a subject read after the column beside it
SHORT_SUBJECT = 100
#: the longest line under a type name that cites a document and is still the title
MAX_TITLE_LINE = 160


@attrs.define
class Zone:
    """The header's parts: ``start`` … ``end`` (exclusive) in the parts list, each with its role."""

    start: int
    end: int
    roles: dict[int, str]
    title_from: int = 0  # where the title starts in the text of the first title part (after the type name)


def find_zone(parts: Sequence[Part], lines: Sequence[Line]) -> Zone | None:
    """The header zone: of the clusters of header parts before the body, the one with the most
    kinds of part (the earliest of equals); None when no anchor stands before the body."""
    best: tuple[int, Zone] | None = None
    after = 0
    for a in anchors(parts):
        if a < after:
            continue
        zone, score = _zone_from(parts, lines, a)
        if best is None or score > best[0]:
            best = (score, zone)
        after = max(zone.end, a + 1)
        if score >= 6:
            break  # a full header: nothing later can beat it
    if best is not None:
        return best[1]
    return _issuer_only(parts)


def _zone_from(parts: Sequence[Part], lines: Sequence[Line], a: int) -> tuple[Zone, int]:
    """The zone that opens at anchor ``a`` (with the issuer's lines just above it) and its score."""
    start = a
    while start > 0 and a - start < 8 and parts[start - 1].kind in ("upper", "rule"):
        start -= 1
    roles = {j: ("authority" if parts[j].kind == "upper" else parts[j].kind) for j in range(start, a)}
    walk = _Walk(parts, lines)
    end = walk.run(a, roles)
    score = len(walk.found) + ("authority" in roles.values())
    return Zone(start, end, roles, walk.title_from), score


def _issuer_only(parts: Sequence[Part]) -> Zone | None:
    """A document that opens with an issuer's name in capitals and no other header part."""
    end = 0
    while end < len(parts) and parts[end].kind in ("upper", "rule") and end < 6:
        end += 1
    if end == 0 or parts[0].kind != "upper" or not body_head_re().match(parts[0].text):
        return None
    return Zone(0, end, {j: ("authority" if parts[j].kind == "upper" else "rule") for j in range(end)})


def anchors(parts: Sequence[Part]) -> list[int]:
    """The parts that only a header holds, before the body begins."""
    return [j for j in range(body_start(parts)) if _is_anchor(parts[j])]


def body_start(parts: Sequence[Part]) -> int:
    """Where the body surely has begun: a legal basis with a citation, an article, the closing, or
    numbered sections of prose (a list label and two paragraphs); ``len(parts)`` when nowhere."""
    prose = labels = 0
    for j, p in enumerate(parts):
        if p.kind in _BODY and (p.kind != "basis" or p.strict) and not _is_anchor(p):
            return j
        if p.kind == "label":
            labels += 1
        elif p.kind == "text" and len(p.text.split()) >= 20 and _PROSE_RE.search(p.text.rstrip()):
            prose += 1
        if labels and prose >= 2:
            return j
    return len(parts)


def _is_sentence(text: str) -> bool:
    """A sentence of running text (``Ngày 10/4/2024, Chủ tịch UBND tỉnh đã chủ trì cuộc họp.``):
    it opens with a capital, is no line of capitals and ends as a sentence does."""
    t = text.strip()
    return (len(t.split()) >= SENTENCE_WORDS and t[:1].isupper() and not is_upper_text(t)
            and t[-1:] in ".!?:")


def _names_a_title(text: str) -> bool:
    """A line under a type name that cites a document (``Triển khai Nghị định số 30/2020/NĐ-CP``) is
    its title unless it is a ``Căn cứ`` line or ends as a sentence or a list item does."""
    t = text.rstrip()
    return len(t) <= MAX_TITLE_LINE and t[-1:] not in ";:,." and legal_basis_kind(t) != "can_cu"


def _names_a_part(text: str) -> bool:
    """A short line that only names a part of the body (``MỤC ĐÍCH, YÊU CẦU``, ``TỔ CHỨC THỰC HIỆN``): the
    body's first heading when a copy lost its number, not more of a title in capitals above it."""
    t = text.strip()
    return len(t.split()) <= 6 and not t[-1:].isdigit() and role_of_title(t) is not None


def _is_anchor(p: Part) -> bool:
    return p.kind in ANCHORS and (p.strict or p.kind in ("national", "motto", "type", "party"))


class _Walk:
    """The walk from the first anchor: which parts belong to the header and as what."""

    def __init__(self, parts: Sequence[Part], lines: Sequence[Line]) -> None:
        self.parts, self.lines = parts, lines
        self.found: set[str] = set()
        self.title: list[int] = []
        self.title_open = self.title_upper = self.subject_open = self.addressee_open = False
        self.number_open = False  # a lone "Số:" waits for its number
        self.last_subject = -1  # the last line of the V/v subject
        self.title_from = 0

    def run(self, a: int, roles: dict[int, str]) -> int:
        j = a
        while j < len(self.parts):
            role = self.role(j)
            if role is None:
                break
            roles[j] = role
            if role == "subject":
                self.last_subject = j
            j += 1
        return j

    def role(self, j: int) -> str | None:
        p = self.parts[j]
        if self.title_open:
            if self.continues_title(j):
                self.title.append(j)
                return "title"
            self.title_open = False
            if not (p.kind in ("rule", "note", "mark") or (p.kind in _ONCE and p.kind not in self.found)):
                return None
        if self.subject_open and p.kind in ("text", "upper") and self.continues(j, upper=False):
            return "subject"
        self.subject_open = False
        return self.header_part(j)

    def header_part(self, j: int) -> str | None:
        p = self.parts[j]
        if self.number_open and p.kind in ("text", "upper") and NUMBER_ALONE_RE.match(p.text):
            self.number_open = False
            return "number_rest"  # "Số:" … "1523/KH-SYT": the number of a lone "Số:" a few lines up
        if p.kind in _ONCE:
            if p.kind in self.found:
                return None
            self.found.add(p.kind)
            if p.kind == "type":
                self.open_title(p)
            self.number_open = self.number_open or (p.kind == "number" and p.match is None)
            return p.kind
        if p.kind in ("rule", "mark", "note"):
            return p.kind
        if p.kind == "subject" and "subject" not in self.found:
            self.found.add("subject")
            self.subject_open = True
            return "subject"
        if p.kind == "addressee" or (p.kind == "label" and self.addressee_open and p.text[:1] in "-+•"):
            self.addressee_open = True
            self.found.add("addressee")
            return "addressee"
        if self.addressee_open:
            return None
        if p.kind == "upper" and "type" not in self.found:
            return "authority"
        if self.subject_resumes(j):
            self.subject_open = True
            return "subject"
        if p.kind in ("text", "upper", "noise") and self.anchor_follows(j):
            return "place" if self.place_prefix(j) else "noise"
        return None

    def subject_resumes(self, j: int) -> bool:
        """``V/v triển khai kế hoạch cải cách`` / the other column's Quốc hiệu and date / ``hành chính
        năm 2024``: the wrapped line of a subject, read after the column beside it."""
        p = self.parts[j]
        if p.kind != "text" or self.last_subject < 0 or "type" in self.found or not p.text[:1].islower():
            return False
        return len(p.text) <= SHORT_SUBJECT and self.parts[self.last_subject].text.rstrip()[-1:] not in ".;:"

    def open_title(self, p: Part) -> None:
        assert p.match is not None
        rest = p.match.group("rest")
        self.title_open = True
        if rest and not rest.lower().startswith(_ISSUER_WORD + " ") and rest.lower() not in _QUALIFIERS:
            self.title_from = p.match.start("rest")
            self.title_upper = is_upper_text(rest)
            self.title.append(-1)  # the title starts on the type's own line

    def continues_title(self, j: int) -> bool:
        p = self.parts[j]
        # a number or date the header already has is words of the title ("CHỈ THỊ SỐ 37-CT/TW …")
        kind = "text" if p.kind in ("number", "date") and p.kind in self.found else p.kind
        if not self.title:  # the line under the type name is its title
            if kind in ("text", "upper", "noise", "type", "subject"):
                self.title_upper = is_upper_text(p.text)
                return True
            # "Thực hiện Chương trình …", "Triển khai Nghị định số 30/2020/NĐ-CP": a title, not a legal basis
            return kind == "basis" and (not p.strict or _names_a_title(p.text))
        if kind == "label" and p.text[:1] in "-–" and TITLE_TAIL_RE.match(p.text):
            # "giai đoạn 2025" / "- 2030": the end of a span of years wrapped at its dash, not a dash item
            return self.lines[self.parts[j - 1].last].text.rstrip()[-1:].isdigit()
        if kind not in ("text", "upper", "noise", "type") and not (kind == "basis" and not p.strict):
            return False
        return self.continues(j, upper=self.title_upper)

    def continues(self, j: int, *, upper: bool) -> bool:
        """Whether part ``j`` goes on with the text of part ``j - 1`` (a wrapped title or subject)."""
        line, prev = self.lines[self.parts[j].first], self.lines[self.parts[j - 1].last]
        t = line.text
        if not upper and _is_sentence(t):
            return False  # the body's first sentence, even when the reader joined it to the title
        if line.joined and line.block == prev.block:
            return True
        if TITLE_TAIL_RE.match(t):
            return True
        if upper:
            return (is_upper_text(t) and not is_authority_head(t) and not t.rstrip().endswith(":")
                    and not (_names_a_part(t) and not TITLE_JOIN_END_RE.search(prev.text)))
        if line.centred and prev.centred and not is_upper_text(t):
            return True  # a title centred over two paragraphs of a Word document
        if t[:1].islower() or t[:1].isdigit() or TITLE_JOIN_END_RE.search(prev.text):
            return True
        return self.before_body(j)

    def before_body(self, j: int) -> bool:
        """A short line, not a sentence, between a title's line and the body's first (``Tổ chức Hội thi`` /
        ``Tìm hiểu pháp luật năm 2024`` / ``Căn cứ …``): the rest of the title."""
        p = self.parts[j]
        if p.kind not in ("text", "basis") or len(p.text) > 100 or p.text.rstrip()[-1:] in ".;:!?" or len(self.title) > 3:
            return False
        nxt = self.parts[j + 1] if j + 1 < len(self.parts) else None
        return nxt is None or nxt.kind in _OPENS_BODY or (nxt.kind == "upper" and is_authority_head(nxt.text))

    def anchor_follows(self, j: int) -> bool:
        """A line inside the zone that is none of its parts, followed closely by one that is."""
        if len(self.parts[j].text) > 60:
            return False
        ahead = self.parts[j + 1: j + 3]
        return any(p.kind in ANCHORS and p.kind not in self.found for p in ahead)

    def place_prefix(self, j: int) -> bool:
        """``Quảng`` / ``Trị, ngày 18 tháng 01 năm 2024``: the start of a place split from its date."""
        nxt = self.parts[j + 1] if j + 1 < len(self.parts) else None
        here, there = self.lines[self.parts[j].first], self.lines[nxt.first] if nxt else None
        return (nxt is not None and nxt.kind == "date" and there is not None and here.cell == there.cell
                and len(self.parts[j].text.split()) <= 3 and "date" not in self.found
                and PLACE_RE.match(self.parts[j].text) is not None)
