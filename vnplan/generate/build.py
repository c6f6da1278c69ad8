"""The skeleton of a unit plan as data: header, legal basis, sections with placeholders, closing.

:func:`build` turns a requirement profile and a unit description into a :class:`Skeleton`,
which the writers (:mod:`vnplan.generate.docx`, :mod:`vnplan.generate.markdown`) lay out.
Every requirement of the profile becomes one item in the part of the plan where the
matcher looks for it (``where``/``kind``), holding the parent's wording as guidance inside a
placeholder (:mod:`vnplan.generate.placeholders`); the citation requirement is met by the
legal basis, which cites the parent in full.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import regex
from attrs import frozen

import vnplan.vocab as vocab
from vnplan.errors import UsageError
from vnplan.generate import placeholders
from vnplan.profiles import load
from vnplan.read.numbering import to_roman
from vnplan.text import key
from vnplan.vocab.types import SkeletonWords

LANGS = ("vi", "en")
# Levels of the body outline (Decree 30, Phụ lục I, II.6.đ): mục I., khoản 1., điểm a), ý -.
MUC, KHOAN, DIEM, Y = 0, 1, 2, 3


@frozen
class Piece:
    """A run of an item's text; ``placeholder`` marks the unit's text still to write."""

    text: str
    placeholder: bool = False


@frozen
class Item:
    """One numbered paragraph of the body: its level, its label as written, its text."""

    level: int
    label: str  # "I.", "1.", "a)", "-": written literally in Markdown, by Word's numbering in .docx
    pieces: tuple[Piece, ...]
    title: bool = False  # a heading (bold), not a paragraph of text
    requirement: str | None = None  # the profile requirement this item answers

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@frozen
class Skeleton:
    """Everything a writer lays out, already worded; labels computed for the literal form."""

    profile: str
    lang: str
    parent_unit: str | None  # as printed: capitals
    unit: str  # as printed: capitals, the issuing body in full
    number_line: str  # "Số:      /KH-STP", the number left for the records office
    date_line: str  # "Bắc Giang, ngày      tháng      năm 2024"
    doc_type: str  # "KẾ HOẠCH"
    title: str
    legal_basis: tuple[str, ...]
    items: tuple[Item, ...]
    recipients_heading: str
    recipients: tuple[str, ...]
    signature: tuple[str, ...]  # authority and position lines, capitals
    signer: Piece  # the signer's name, or a placeholder for it
    unit_name: str  # as given: "Sở Tư pháp"
    place: str
    year: int
    symbol: str

    @property
    def placeholder_ids(self) -> tuple[str | None, ...]:
        """The requirement of each placeholder in the body, in document order (None: a general one)."""
        return tuple(it.requirement for it in self.items for p in it.pieces if p.placeholder)


def _data() -> SkeletonWords:
    return vocab.skeleton()


# --------------------------------------------------------------------------- names


def _expand(name: str) -> str:
    """``UBND huyện Lục Nam`` → ``Ủy ban nhân dân huyện Lục Nam`` (the issuer is written in full)."""
    for e in vocab.abbreviations().used_for("full_name"):
        if name.startswith(e.abbr + " "):
            return e.expansion + name[len(e.abbr):]
    return name


def upper(name: str) -> str:
    """Capitals as Decree 30 writes a body's name (``Sở Tư pháp`` → ``SỞ TƯ PHÁP``)."""
    return " ".join(name.split()).upper()


def place_of(*names: str | None) -> str | None:
    """The place name (địa danh) from a body's name: ``UBND tỉnh Bắc Giang`` → ``Bắc Giang``.

    A unit named with a number or after a person keeps its full name (Phụ lục I, II.4.a):
    ``UBND quận 1`` → ``Quận 1``, ``UBND thành phố Hồ Chí Minh`` → ``Thành phố Hồ Chí Minh``.
    """
    units = "|".join(regex.escape(u) for u in vocab.places().units)
    pat = regex.compile(rf"(?:^|\s)(?P<unit>{units})\s+(?P<place>[\p{{Lu}}\d].*)$", regex.IGNORECASE)
    full = {key(p) for p in vocab.places().full_name_places}
    for n in names:
        if not n:
            continue
        m = pat.search(" ".join(n.split()))
        if m:
            place = m.group("place").strip()
            if place[:1].isdigit() or key(place) in full:
                word = m.group("unit")
                return f"{word[:1].upper()}{word[1:].lower()} {place}"
            return place
    return None


def signature_lines(unit: str, position: str | None, deputy: bool) -> tuple[str, ...]:
    """Authority and position lines (Phụ lục I, II.7): the head signs, or ``KT.`` with a deputy.

    A body led collectively (Ủy ban nhân dân) signs ``TM.`` the body, its head, or the deputy
    ``KT.`` the head.
    """
    k = key(unit)
    entry = next((e for e in _data().signers if k.startswith(tuple(key(s) + " " for s in e.starts))), None)
    if position:
        head = position
        deputy_pos = entry.deputy if entry and key(entry.head) == key(position) else f"Phó {position[:1].lower()}{position[1:]}"
    elif entry:
        head, deputy_pos = entry.head, entry.deputy
    else:
        raise UsageError(f"cannot tell who signs for {unit!r}", hint="give the head's position, e.g. --signer-position 'Giám đốc'")
    lines: list[str] = []
    if entry and entry.collective and not position:
        lines.append(f"TM. {upper(entry.collective)}")
    if deputy:
        lines += [f"KT. {upper(head)}", upper(deputy_pos)]
    else:
        lines.append(upper(head))
    return tuple(lines)


# --------------------------------------------------------------------------- wording


def _threshold(ev: Any) -> str | None:
    if ev.threshold is None:
        return None
    v = f"{ev.threshold:g}"
    return _data().thresholds.get(ev.comparator or ">=", "{v}{u}").format(v=v, u=ev.unit or "")


def _missing_phrases(text: str, groups: Any) -> list[str]:
    """The first phrase of every evidence group the requirement's own wording does not contain."""
    k = key(text)
    out = []
    for group in groups:
        if not any(key(p) in k for p in group):
            out.append(group[0])
    return out


def _guided(req: Any, lang: str) -> str:
    g = _data().guidance[lang]
    text = req.text.strip().rstrip(".;")
    ev = req.evidence
    if req.kind == "target":
        body = g.target.format(text=text)
        th = _threshold(ev)
        if th and key(th) not in key(text) and th.split()[-1] not in text:
            body += g.threshold.format(threshold=th)
    else:
        body = g.requirement.format(text=text)
    missing = _missing_phrases(text, ev.all_of)
    body = body.rstrip(".") + "."
    if missing:
        body += g.keywords.format(phrases="; ".join(missing))
    return placeholders.make(body)


def _general(part: str, lang: str) -> str:
    return placeholders.make(getattr(_data().guidance[lang], part))


# --------------------------------------------------------------------------- outline


def _part_of(req: Any) -> str | None:
    """Where a requirement's item goes: purpose_requirements, content, forms, funding, implementation."""
    if req.kind == "citation":
        return None  # met by the legal basis
    if req.kind in ("duty", "deadline") or req.where == "implementation":
        return "implementation"
    if req.kind == "form" or req.where == "forms":
        return "forms"
    if req.where == "funding":
        return "funding"
    if req.kind == "theme" or req.where == "purpose_requirements":
        return "purpose_requirements"
    return "content"


def _roman(n: int) -> str:
    return to_roman(n)


def outline(profile: Any, lang: str) -> tuple[Item, ...]:
    """The body: sections I.–IV. (V. when the parent asks about funding) with one item per requirement."""
    h = _data().headings
    parts: dict[str, list[Any]] = {p: [] for p in ("purpose_requirements", "content", "forms", "funding", "implementation")}
    for req in profile.requirements:
        part = _part_of(req)
        if part is not None:
            parts[part].append(req)
    order = ["purpose_requirements", "content", "forms"] + (["funding"] if parts["funding"] else []) + ["implementation"]
    items: list[Item] = []
    last_requirement: str | None = None
    for n, part in enumerate(order, 1):
        items.append(Item(MUC, f"{_roman(n)}.", (Piece(h[part]),), title=True))
        reqs = parts[part]
        if part == "purpose_requirements":
            items.append(Item(KHOAN, "1.", (Piece(h["purpose"]),), title=True))
            items.append(Item(Y, "-", (Piece(_general("purpose", lang), True),)))
            items.append(Item(KHOAN, "2.", (Piece(h["requirements"]),), title=True))
            if not reqs:
                items.append(Item(Y, "-", (Piece(_general("requirements", lang), True),)))
            for req in reqs:
                items.append(Item(Y, "-", (Piece(_guided(req, lang), True),), requirement=req.id))
            continue
        targets = [r for r in reqs if r.kind == "target"]
        others = [r for r in reqs if r.kind != "target"]
        k = 0
        for req in others:
            k += 1
            items.append(Item(KHOAN, f"{k}.", (Piece(_guided(req, lang), True),), requirement=req.id))
        if targets:
            k += 1
            items.append(Item(KHOAN, f"{k}.", (Piece(h["targets"]),), title=True))
            for req in targets:
                items.append(Item(Y, "-", (Piece(_guided(req, lang), True),), requirement=req.id))
        if not reqs:
            items.append(Item(KHOAN, "1.", (Piece(_general(part, lang), True),)))
        last_requirement = items[-1].requirement
    # The closing mark ends the body's last paragraph (Phụ lục I: "./." after the text).
    last = items[-1]
    items[-1] = Item(last.level, last.label, last.pieces + (Piece("./."),), last.title, last_requirement)
    return tuple(items)


# --------------------------------------------------------------------------- the whole skeleton


def _title(parent: Any, title: str | None) -> str:
    if title:
        return " ".join(title.split())
    t = (parent.title or "").strip()
    t = regex.sub(r"^(?:về|Về|V/v)\s+", "", t)
    if not t:
        raise UsageError("the profile's parent document has no title", hint="give the plan's title (--title)")
    return t[:1].upper() + t[1:]


def _cite(parent: Any) -> str:
    """The parent in full: type, number/symbol, date, issuer, title (Phụ lục I, II.6.b)."""
    out = f"{parent.type} số {parent.number}/{parent.symbol}"
    if parent.date:
        out += f" ngày {parent.date:%d/%m/%Y}"
    if parent.issuer:
        out += f" của {parent.issuer}"
    if parent.title:
        t = parent.title.strip().rstrip(".;")
        t = t if t.lower().startswith("về ") else f"về {t[:1].lower()}{t[1:]}"
        out += f" {t}"
    return out


def build(
    profile: Any,
    *,
    unit: str,
    parent_unit: str | None = None,
    place: str | None = None,
    symbol: str | None = None,
    year: int | None = None,
    signer_position: str | None = None,
    signer_name: str | None = None,
    deputy: bool = False,
    lang: str = "vi",
    title: str | None = None,
    archive: str = "VP",
) -> Skeleton:
    """The skeleton of ``unit``'s plan implementing the parent plan of ``profile``.

    ``profile`` is a :class:`vnplan.profiles.Profile`, a shipped profile's name, a JSON file or
    a dict. ``symbol`` is the plan's symbol (``KH-STP``); ``place`` defaults to the place in
    the unit's or the parent unit's name; ``year`` to the parent's year; ``lang`` is the
    language of the guidance (the plan's own text is Vietnamese).
    """
    if lang not in LANGS:
        raise UsageError(f"unknown guidance language {lang!r}", hint="use vi or en")
    for what, value in (("unit", unit), ("parent-unit", parent_unit), ("place", place), ("symbol", symbol),
                        ("signer-name", signer_name), ("signer-position", signer_position),
                        ("title", title), ("archive", archive)):
        if value and regex.search(r"[\p{Cc}\p{Cs}\p{Co}\p{Cn}]", " ".join(value.split())):
            raise UsageError(f"the {what} holds control characters: {value!r}", hint="type the name as it is written")
    unit = " ".join((unit or "").split())
    if not unit:
        raise UsageError("the unit's name is empty", hint="give the unit, e.g. --unit 'Sở Tư pháp'")
    parent_unit = " ".join(parent_unit.split()) if parent_unit else None
    prof = load(profile)
    parent = prof.parent
    place = " ".join(place.split()) if place else place_of(unit, parent_unit)
    if not place:
        raise UsageError(f"cannot tell the place name of {unit!r}", hint="give it, e.g. --place 'Bắc Giang'")
    year = year or (parent.date.year if parent.date else _dt.date.today().year)
    if not 1945 <= year <= 2200:
        raise UsageError(f"implausible year {year}")
    symbol = (symbol or "").strip()
    if not symbol:
        raise UsageError("the plan's symbol is missing", hint="give it, e.g. --symbol KH-STP")
    if not regex.fullmatch(r"[\p{L}\p{N}][\p{L}\p{N}&.\-/]*", symbol):
        raise UsageError(f"malformed symbol {symbol!r}", hint="write it like KH-STP")
    symbol = symbol.upper()
    if not symbol.startswith("KH-"):
        symbol = f"KH-{symbol}"
    archive = archive.strip().rstrip(".")
    signer = Piece(" ".join(signer_name.split()), False) if signer_name else Piece(
        placeholders.make(_data().guidance[lang].signer), True)
    legal = (f"Thực hiện {_cite(parent)}, {unit} xây dựng Kế hoạch thực hiện như sau:",)
    recipients = []
    if parent.issuer:
        recipients.append(f"- {parent.issuer} (b/c);")
    d30, w = vocab.decree30(), vocab.dates()
    recipients += [f"- Lãnh đạo {unit};", f"- Các cơ quan, đơn vị thuộc {unit};", f"- Lưu: {d30.archive_unit}, {archive}."]
    return Skeleton(
        profile=prof.id,
        lang=lang,
        parent_unit=upper(parent_unit) if parent_unit else None,
        unit=upper(_expand(unit)),
        number_line=f"{d30.number_word}:{' ' * 6}/{symbol}",
        date_line=f"{place}, {w.day}{' ' * 6}{w.month}{' ' * 6}{w.year} {year}",
        doc_type="KẾ HOẠCH",
        title=_title(parent, title),
        legal_basis=legal,
        items=outline(prof, lang),
        recipients_heading=d30.recipients_heading,
        recipients=tuple(recipients),
        signature=signature_lines(unit, signer_position, deputy),
        signer=signer,
        unit_name=unit,
        place=place,
        year=year,
        symbol=symbol,
    )
