"""Word automatic numbering (numbering.xml): rebuild the label Word shows before a paragraph.

Supports abstractNum levels (start, numFmt, lvlText with ``%1.%2.``, isLgl, lvlRestart,
suff), num overrides (startOverride and whole-level overrides), numbering styles
(numStyleLink/styleLink), levels tied to paragraph styles (``w:pStyle`` in a level),
counters shared by every num that uses the same abstractNum, deeper levels reset when a
shallower one is used.

Hostile files are held to Word's own ranges (vnplan.read.limits): start values 0–32767
(clamped), levels 0–8, a level text of at most 64 characters whose first 9 level references
are expanded, labels cut at 64 characters, so a 3 KB file cannot ask for gigabytes of label.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from vnplan.pattern import guarded
from vnplan.read import values
from vnplan.read.limits import MAX_LABEL_CHARS, MAX_LEVEL_REFS, MAX_NUMBER_VALUE
from vnplan.read.same_bytes import SameBytes
from vnplan.read.styles import _VAL, _W

_LEVEL_REF = guarded(r"%([1-9])")
_L_START, _L_NUMFMT, _L_LVLTEXT, _L_ISLGL, _L_LVLRESTART, _L_SUFF, _L_PSTYLE = (
    _W + t for t in ("start", "numFmt", "lvlText", "isLgl", "lvlRestart", "suff", "pStyle"))
# Bullet glyphs that show as a dash; Symbol/Wingdings glyphs sit in U+F000-U+F0FF.
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uf02d\uf0be\u2043\u2796\u23af")
_PLUS = frozenset("+\uf02b\u2795")


def bullet_display(glyph: str) -> str:
    """How a bullet glyph is written in text: ``-`` for dashes, ``+`` for plus, ``•`` otherwise."""
    g = glyph.strip()
    if not g:
        return ""
    if g[0] in _DASHES:
        return "-"
    if g[0] in _PLUS:
        return "+"
    return "•"


def to_roman(n: int, limit: int = MAX_LABEL_CHARS) -> str:
    """Roman numerals (thousands as repeated ``M``), at most ``limit`` characters."""
    if n <= 0:
        return str(n)
    thousands, n = divmod(n, 1000)
    out = ["M" * min(thousands, limit)]
    for value, sym in ((900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)[:limit]


def to_letter(n: int, limit: int = MAX_LABEL_CHARS) -> str:
    """Word's letters: a..z, then aa..zz, aaa.. (the letter repeated), at most ``limit`` characters."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * min((n - 1) // 26 + 1, limit)


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperLetter":
        return to_letter(n).upper()
    if fmt == "lowerLetter":
        return to_letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"[:MAX_LABEL_CHARS]
    if fmt == "none":
        return ""
    return str(n)[:MAX_LABEL_CHARS]  # decimal and every format vnplan does not render specially


class Level:
    __slots__ = ("ilvl", "start", "fmt", "text", "is_lgl", "restart", "suff", "pstyle")

    def __init__(self, el: etree._Element | None = None, ilvl: int = 0) -> None:
        self.ilvl = ilvl
        self.start = 1
        self.fmt = "decimal"
        self.text: str | None = None
        self.is_lgl = False
        self.restart: int | None = None  # None: restart after any shallower level; 0: never
        self.suff = "tab"
        self.pstyle: str | None = None
        if el is not None:
            self.update(el)

    def update(self, el: etree._Element, notes: set[str] | None = None) -> None:
        for c in el:
            tag, v = c.tag, c.get(_VAL)
            if tag == _L_START:
                start = number_value(v, notes)
                if start is not None:
                    self.start = start
            elif tag == _L_NUMFMT and v:
                self.fmt = v[:40]
            elif tag == _L_LVLTEXT:
                text = v if v is not None else ""
                if len(text) > MAX_LABEL_CHARS:
                    _note(notes, _LONG)
                    text = text[:MAX_LABEL_CHARS]
                self.text = text
            elif tag == _L_ISLGL:
                self.is_lgl = v is None or v.lower() not in ("0", "false", "off")
            elif tag == _L_LVLRESTART:
                restart = values.integer(v, lo=0, hi=9)
                if restart is not None:
                    self.restart = restart
            elif tag == _L_SUFF:
                self.suff = values.enum(v, ("tab", "space", "nothing"), self.suff)  # type: ignore[assignment]
            elif tag == _L_PSTYLE and v:
                self.pstyle = v

    def copy(self) -> "Level":
        new = Level(ilvl=self.ilvl)
        for k in self.__slots__:
            setattr(new, k, getattr(self, k))
        return new


_RANGE = (f"giá trị bắt đầu của số tự động ngoài phạm vi của Word (0–{MAX_NUMBER_VALUE}) đã được đưa về giới hạn "
          f"hoặc bỏ qua / automatic numbering start values outside Word's range (0–{MAX_NUMBER_VALUE}) were "
          "brought within it, or ignored when they were no number")
_LONG = (f"nhãn số tự động dài quá {MAX_LABEL_CHARS} ký tự đã được cắt / "
         f"automatic numbering labels longer than {MAX_LABEL_CHARS} characters (or with more than "
         f"{MAX_LEVEL_REFS} level references) were cut")


def _note(notes: set[str] | None, msg: str) -> None:
    if notes is not None:
        notes.add(msg)


def number_value(v: str | None, notes: set[str] | None = None) -> int | None:
    """A ``w:start`` or ``w:startOverride`` value clamped to Word's range; None when it is no number."""
    n = values.integer(v, lo=0, hi=MAX_NUMBER_VALUE)
    if n is None and v is not None:
        n = values.integer(v, lo=0, hi=MAX_NUMBER_VALUE, clamp=True)  # still None: not a number at all
        _note(notes, _RANGE)
    return n


def level_index(v: str | None) -> int | None:
    """A ``w:ilvl`` value: 0–8 in ASCII digits, else None."""
    return values.integer(v, lo=0, hi=8)


class Label:
    """A rebuilt automatic number: ``raw`` as Word's lvlText gives it, ``shown`` as vnplan writes it."""

    __slots__ = ("raw", "shown", "bullet", "suffix")

    def __init__(self, raw: str, shown: str, bullet: bool, suffix: str) -> None:
        self.raw = raw
        self.shown = shown
        self.bullet = bullet
        self.suffix = suffix  # "tab", "space" or "nothing"


class _Step:
    """What :meth:`Numbering.next_label` does for one num and level (see :meth:`Numbering._step`)."""

    __slots__ = ("aid", "ilvl", "start", "resets", "suff", "overrides", "label", "ops")

    def __init__(self, aid: str, ilvl: int, start: int, resets: tuple[int, ...], suff: str,
                 overrides: dict[int, int] | None) -> None:
        self.aid = aid
        self.ilvl = ilvl
        self.start = start  # the level's first value
        self.resets = resets  # the deeper levels it restarts
        self.suff = suff
        self.overrides = overrides  # the num's start overrides, which its first paragraph applies
        self.label: Label | None = None  # the label when it is the same every time (ops is None)
        #: the level text: literal texts and (level, its first value, its format) for each number shown
        self.ops: tuple[Any, ...] | None = None


_NO_STEP = _Step("", 0, 0, (), "", None)  # a paragraph that gets no number and moves no counter


class Numbering:
    """Numbering definitions and the running counters of one read."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.abstract_link: dict[str, str] = {}  # abstractNum id -> numStyleLink style id
        self.abstract_style: dict[str, str] = {}  # styleLink style id -> abstractNum id
        self.nums: dict[str, str] = {}  # numId -> abstractNumId
        self.overrides: dict[str, dict[int, Level]] = {}
        self.start_overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        self._level_cache: dict[tuple[str, int], Level | None] = {}
        self._reset_cache: dict[tuple[str, int], tuple[int, ...]] = {}
        self._abstract_cache: dict[str, str | None] = {}
        self._pieces_cache: dict[str, tuple[Any, ...]] = {}
        self._steps: dict[tuple[str, int], _Step] = {}
        self._numbers: dict[tuple[int, str], str] = {}  # format_number's results of this read
        self.style_num: dict[str, str] = {}  # numbering style id -> numId (filled by the reader)
        self.notes: set[str] = set()  # warnings for the document: values brought within Word's ranges
        if root is None:
            return
        for an in root.iterfind(_W + "abstractNum"):
            aid = an.get(_W + "abstractNumId") or ""
            levels: dict[int, Level] = {}
            for lvl in an.iterfind(_W + "lvl"):
                i = level_index(lvl.get(_W + "ilvl") or "0")
                if i is None:
                    continue  # a level Word would not accept: ignored
                levels[i] = Level(ilvl=i)
                levels[i].update(lvl, self.notes)
            self.abstract[aid] = levels
            link = an.find(_W + "numStyleLink")
            if link is not None and link.get(_VAL):
                self.abstract_link[aid] = link.get(_VAL)  # type: ignore[assignment]
            slink = an.find(_W + "styleLink")
            if slink is not None and slink.get(_VAL):
                self.abstract_style[slink.get(_VAL)] = aid  # type: ignore[index]
        for num in root.iterfind(_W + "num"):
            nid = num.get(_W + "numId") or ""
            a = num.find(_W + "abstractNumId")
            self.nums[nid] = a.get(_VAL, "") if a is not None else ""
            for ov in num.iterfind(_W + "lvlOverride"):
                i = level_index(ov.get(_W + "ilvl") or "0")
                if i is None:
                    continue
                so = ov.find(_W + "startOverride")
                start = number_value(so.get(_VAL), self.notes) if so is not None else None
                if start is not None:
                    self.start_overrides.setdefault(nid, {})[i] = start
                lv = ov.find(_W + "lvl")
                if lv is not None:
                    base = self.abstract.get(self.nums[nid], {}).get(i)
                    new = base.copy() if base is not None else Level(ilvl=i)
                    new.update(lv, self.notes)
                    self.overrides.setdefault(nid, {})[i] = new

    @classmethod
    def from_part(cls, data: bytes, parse: Callable[[bytes], etree._Element]) -> Numbering:
        """The numbering of the part ``data``, which ``parse`` builds the tree of. Its definitions are
        read once per distinct part (read/same_bytes.py) and shared, never changed; the counters,
        notes and look-ups of this read are its own."""
        defs = _DEFINITIONS.get(data, lambda part: cls(parse(part)))
        out = cls(None)
        out.abstract, out.abstract_link, out.abstract_style = defs.abstract, defs.abstract_link, defs.abstract_style
        out.nums, out.overrides, out.start_overrides = defs.nums, defs.overrides, defs.start_overrides
        out.notes = set(defs.notes)
        return out

    def abstract_of(self, num_id: str) -> str | None:
        """The abstractNum a num uses, following a numbering style link once or twice."""
        if num_id in self._abstract_cache:
            return self._abstract_cache[num_id]
        aid = self._abstract_of(num_id)
        self._abstract_cache[num_id] = aid
        return aid

    def _abstract_of(self, num_id: str) -> str | None:
        aid = self.nums.get(num_id)
        seen: set[str] = set()
        while aid is not None and aid in self.abstract_link and aid not in seen:
            seen.add(aid)
            style = self.abstract_link[aid]
            target = self.abstract_style.get(style)
            if target is None:
                linked_num = self.style_num.get(style)
                target = self.nums.get(linked_num) if linked_num else None
            if target is None:
                break
            aid = target
        return aid if aid in self.abstract else None

    def level(self, num_id: str, ilvl: int) -> Level | None:
        key = (num_id, ilvl)
        if key not in self._level_cache:
            ov = self.overrides.get(num_id, {}).get(ilvl)
            if ov is None:
                aid = self.abstract_of(num_id)
                ov = self.abstract[aid].get(ilvl) if aid is not None else None
            self._level_cache[key] = ov
        return self._level_cache[key]

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level tied to a paragraph style (``w:pStyle`` inside a level), if any."""
        if not style_id:
            return None
        aid = self.abstract_of(num_id)
        if aid is None:
            return None
        for i, lvl in self.abstract[aid].items():
            if lvl.pstyle == style_id:
                return i
        return None

    def next_label(self, num_id: str, ilvl: int) -> Label | None:
        """Advance the counters for one numbered paragraph and return its label."""
        step = self._steps.get((num_id, ilvl))
        if step is None:
            step = self._steps[(num_id, ilvl)] = self._step(num_id, ilvl)
        if step is _NO_STEP:
            return None
        counters = self.counters.get(step.aid)
        if counters is None:
            counters = self.counters[step.aid] = [None] * 9
        if step.overrides and num_id not in self._started:
            # the first paragraph of a num with start overrides restarts those levels
            self._started.add(num_id)
            for i in step.overrides:
                if 0 <= i < 9:
                    counters[i] = None
        i = step.ilvl
        cur = counters[i]
        counters[i] = step.start if cur is None else cur + 1
        for d in step.resets:
            counters[d] = None
        if step.ops is None:
            return step.label  # a bullet, or a level text with no number: the same every time
        # the level text is at most MAX_LABEL_CHARS long, each number at most as long: the label is bounded
        parts = []
        numbers = self._numbers
        for op in step.ops:
            if op.__class__ is str:
                parts.append(op)
            else:
                ref, start, fmt = op
                value = counters[ref]
                if value is None:
                    value = start
                shown = numbers.get((value, fmt))
                if shown is None:
                    shown = numbers[(value, fmt)] = format_number(value, fmt)
                parts.append(shown)
        raw = "".join(parts)
        if len(raw) > MAX_LABEL_CHARS:
            self.notes.add(_LONG)
            raw = raw[:MAX_LABEL_CHARS]
        shown_raw = raw.strip()
        if not shown_raw:
            return None
        return Label(raw, shown_raw, False, step.suff)

    def _step(self, num_id: str, ilvl: int) -> _Step:
        """What :meth:`next_label` does for a paragraph of one num and level, worked out once: every
        value it takes (the level, its abstractNum, start values, the levels it restarts, the level
        text's pieces and formats) is fixed once the definitions are read."""
        if not num_id or num_id == "0":
            return _NO_STEP
        lvl = self.level(num_id, ilvl)
        aid = self.abstract_of(num_id)
        if lvl is None or aid is None:
            return _NO_STEP
        ilvl = max(0, min(ilvl, 8))
        step = _Step(aid, ilvl, self.start(num_id, ilvl, lvl), self._resets(num_id, ilvl), lvl.suff,
                     self.start_overrides.get(num_id))
        if lvl.fmt == "bullet":
            raw = lvl.text or ""
            step.label = Label(raw, bullet_display(raw), True, lvl.suff)
            return step
        if lvl.text is None or lvl.fmt == "none" and "%" not in (lvl.text or ""):
            raw = lvl.text or ""
            step.label = Label(raw, raw, False, lvl.suff) if raw.strip() else None
            return step
        pieces = self._pieces(lvl.text)  # literal text, level, literal text, level, ..., literal text
        ops: list[Any] = [pieces[0]]
        for k in range(1, len(pieces), 2):
            if k > 2 * MAX_LEVEL_REFS:
                self.notes.add(_LONG)  # level references past the ninth are dropped
            else:
                i = pieces[k]
                ref = self.level(num_id, i)
                fmt = ref.fmt if ref is not None else "decimal"
                if lvl.is_lgl and i < ilvl or fmt == "bullet":
                    fmt = "decimal"
                ops.append((i, self.start(num_id, i, ref), fmt))
            ops.append(pieces[k + 1])
        step.ops = tuple(op for op in ops if op != "")
        return step

    def _pieces(self, text: str) -> tuple[Any, ...]:
        """A level text cut at its level references (``%1``…``%9``): literal texts at even places,
        the 0-based level each reference names at odd places; cut once per level text."""
        pieces = self._pieces_cache.get(text)
        if pieces is None:
            cut = _LEVEL_REF.split(text) if "%" in text else [text]
            pieces = self._pieces_cache[text] = tuple(
                int(x) - 1 if k % 2 else x for k, x in enumerate(cut))
        return pieces

    def _resets(self, num_id: str, ilvl: int) -> tuple[int, ...]:
        """The deeper levels a paragraph at ``ilvl`` restarts (their ``lvlRestart`` allowing it)."""
        key = (num_id, ilvl)
        out = self._reset_cache.get(key)
        if out is None:
            found = []
            for d in range(ilvl + 1, 9):
                deeper = self.level(num_id, d)
                restart = deeper.restart if deeper is not None else None
                if restart is None or (restart != 0 and ilvl < restart):
                    found.append(d)
            out = self._reset_cache[key] = tuple(found)
        return out

    def start(self, num_id: str, ilvl: int, lvl: Level | None) -> int:
        """The first value of a level in one num: its startOverride, else the level's start."""
        so = self.start_overrides.get(num_id)
        if so and ilvl in so:
            return so[ilvl]
        return lvl.start if lvl is not None else 1


#: Numbering definitions read, by their part's bytes (Numbering.from_part).
_DEFINITIONS: SameBytes[Numbering] = SameBytes()
