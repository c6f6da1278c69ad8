"""Layout rule F109 (kỹ thuật trình bày) for Word files: paper, margins, font, and each component's size and style.

Works on the run formatting and page setup a .docx reader records (``Block.runs``,
``SourceDocument.pages``); text inputs carry neither and are skipped. Every fault is reported
once, however many runs or paragraphs share it, at the first place it occurs; the ranges are
data (``layout`` in ``vnplan/vocab/decree30.json``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import vnplan.vocab as vocab
from vnplan.model import Block, Plan, Run, Span
from vnplan.rules.form import ND30, SINCE, in_scope
from vnplan.rules.registry import Context, Example, Hit, rule
from vnplan.text import is_upper_text
from vnplan.vocab.types import Layout

#: The page sides by margin field (``top_mm``) with their names: lề trên / top…
SIDES = {k: (v.vi, v.en) for k, v in vocab.labels().margin_sides.items()}


def _layout() -> Layout:
    return vocab.decree30().layout


def _fmt(x: float) -> str:
    return f"{x:g}"


def _components(plan: Plan) -> list[tuple[str, Span]]:
    """Each located piece of the document with the component whose style rules apply to it."""
    h = plan.header
    out: list[tuple[str, Span]] = []

    def add(name: str, span: Span | None) -> None:
        if span is not None:
            out.append((name, span))

    add("parent_authority", h.parent_authority_span)
    add("authority", h.authority_span)
    add("national_name", h.national_name_text.span if h.national_name_text else None)
    add("motto", h.motto_text.span if h.motto_text else None)
    add("number", h.number_text.span if h.number_text else None)
    add("date", h.date_text.span if h.date_text else None)
    # a letter (Công văn) prints no type name: what stands for it is the "V/v" of its subject line,
    # which is set in upright type of 12 to 13 points, not as a type name and a title
    letter = h.doc_type_text is not None and not _printed(plan, h.doc_type_text.text, h.doc_type_text.span)
    title = "letter_subject" if letter else "title"
    add(title if letter else "doc_type", h.doc_type_text.span if h.doc_type_text else None)
    if h.title_span is not None:
        add(title, h.title_span)
        taken = {s.block for _, s in out}
        # a title wrapped over more lines: the header blocks after its first line that hold part
        # of it (not the rule under it, nor a "Kính gửi:" line)
        out.extend((title, s) for s in h.spans if s.block > h.title_span.block and s.block not in taken
                   and _in_title(plan, h.title, s))
    for lb in plan.legal_basis:
        # a "Căn cứ …;" line is the legal basis (italic); "Căn cứ …, Sở … xây dựng Kế hoạch như sau:"
        # opens the content and is body text
        basis = lb.kind == "can_cu" and lb.text.rstrip().endswith((";", "."))
        add("legal_basis" if basis else "body", lb.span)
    for p in plan.preamble:
        add("body", p.span)
    for s in plan.walk():
        # the roman-numbered parts of a plan (I. MỤC ĐÍCH, YÊU CẦU) are "mục" headings: caps, bold
        add("section_heading" if s.style == "roman" else "body", s.heading or s.span)
        for p in s.paragraphs:
            add("body", p.span)
    add("recipients_heading", plan.recipients_heading)
    for r in plan.recipients:
        add("recipients", r.span)
    for g in plan.recipient_groups:
        add("recipients", g.span)
    sig = plan.signature
    if sig is not None and plan.source is not None:
        for sp in sig.spans:
            t = plan.span_text(sp)
            if sig.signer and t.strip() == sig.signer:
                add("signer", sp)
            elif is_upper_text(t):
                add("signature_authority", sp)
    merged: dict[tuple[str, int], Span] = {}
    for name, sp in out:  # a section's heading and its first paragraph share a block: one place
        k = (name, sp.block)
        prev = merged.get(k)
        merged[k] = sp if prev is None else Span(sp.block, min(prev.start, sp.start), max(prev.end, sp.end))
    return [(name, sp) for (name, _), sp in merged.items()]


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text).casefold().split()


def _printed(plan: Plan, name: str, span: Span) -> bool:
    """Whether the type name ``name`` is what stands at ``span`` (its first word, a wrapped name's too)."""
    if plan.source is None:
        return True
    printed, words = _words(plan.span_text(span)), _words(name)
    return bool(printed) and bool(words) and printed[0] == words[0]


def _in_title(plan: Plan, title: str | None, span: Span) -> bool:
    """Whether the header line at ``span`` is part of the title: its words follow one another in it."""
    if plan.source is None:
        return True
    words = _words(plan.span_text(span))
    return bool(words) and " ".join(words) in " ".join(_words(title or ""))


def runs_in(block: Block, span: Span) -> list[tuple[Run, Span]]:
    """The runs of ``block`` that overlap ``span``, each with its span in the block text.

    The block text is the runs' text with white space collapsed (as the .docx reader does),
    after Word's automatic number, which no run holds.
    """
    if not block.runs:
        return []
    base = len(block.label) + 1 if block.label and block.text.startswith(block.label) else 0
    n = len(block.text)
    whole = span.start <= 0 and span.end >= n
    out: list[tuple[Run, Span]] = []
    pos, started, gap = 0, False, False
    for r in block.runs:
        start = None
        for ch in r.text:
            if ch.isspace():
                gap = started
                continue
            if gap:
                pos, gap = pos + 1, False
            if start is None:
                start = pos
            pos, started = pos + 1, True
        if start is None:  # white space only
            continue
        rs = Span(block.index, min(base + start, n), min(base + pos, n))
        if whole or (rs.start < span.end and rs.end > span.start):
            out.append((r, rs))
    return out


def _style_faults(plan: Plan) -> dict[tuple[str, str], list[tuple[Span, str]]]:
    """(component, property) → every place where it is wrong, with the value found there."""
    comps = _layout().components
    blocks = plan.source.blocks if plan.source else ()
    faults: dict[tuple[str, str], list[tuple[Span, str]]] = {}
    for name, span in _components(plan):
        spec = comps.get(name)
        if spec is None or not (0 <= span.block < len(blocks)):
            continue
        block = blocks[span.block]
        runs = runs_in(block, span)
        if not runs:
            continue
        lo, hi = spec.size
        for r, rs in runs:
            if r.size is not None and not (lo <= r.size <= hi):
                faults.setdefault((name, "size"), []).append((rs, _fmt(r.size)))
                break
        for prop in ("bold", "italic"):
            want = getattr(spec, prop)
            if want is None:
                continue
            # True: every run must have it; False: none may (kiểu chữ đứng, not bold)
            bad = next(((r, rs) for r, rs in runs if getattr(r, prop) is (not want)), None)
            if bad is not None:
                faults.setdefault((name, prop if want else f"not_{prop}"), []).append((bad[1], ""))
        if spec.caps:
            text = block.text[span.start:span.end]
            if not is_upper_text(text):
                bad = next(((r, rs) for r, rs in runs if not r.caps and not is_upper_text(r.text)
                            and any(c.isalpha() for c in r.text)), None)
                if bad is not None:
                    faults.setdefault((name, "caps"), []).append((bad[1], ""))
    return faults


@rule(
    "F109",
    "error",
    name="layout",
    part="layout",
    vi="Khổ giấy, lề, phông chữ, cỡ chữ hoặc kiểu chữ không đúng quy định.",
    en="Paper, margins, font, font size or style break the rules.",
    source=f"{ND30}, Phụ lục I, Phần I, mục I (khổ giấy, lề, phông chữ) và mục II (cỡ chữ, kiểu chữ)",
    since=SINCE,
    variants_vi={
        "paper": "Khổ giấy phải là A4 (210 × 297 mm), văn bản dùng {found} mm ({provision}).",
        "margin": "Lề {side} {found} mm, phải cách mép {side} từ {lo} đến {hi} mm ({provision}).",
        "font": "Phông chữ phải là {expected}, văn bản dùng {found} ({count} đoạn; {provision}).",
        "size": "{component}: cỡ chữ {found}, phải {range} ({count} đoạn; {provision}).",
        "bold": "{component} phải in đậm ({count} đoạn chưa đậm; {provision}).",
        "italic": "{component} phải in nghiêng ({count} đoạn chưa nghiêng; {provision}).",
        "caps": "{component} phải viết chữ in hoa ({count} đoạn; {provision}).",
        "not_bold": "{component} không in đậm ({count} đoạn in đậm; {provision}).",
        "not_italic": "{component} viết kiểu chữ đứng, không nghiêng ({count} đoạn in nghiêng; {provision}).",
    },
    variants_en={
        "paper": "The paper must be A4 (210 × 297 mm), not {found} mm ({provision}).",
        "margin": "The {side_en} margin is {found} mm; it must be {lo}–{hi} mm ({provision}).",
        "font": "The font must be {expected}, not {found} ({count} paragraph(s); {provision}).",
        "size": "{component_en}: font size {found}, must be {range_en} ({count} paragraph(s); {provision}).",
        "bold": "{component_en} must be bold ({count} paragraph(s) are not; {provision}).",
        "italic": "{component_en} must be italic ({count} paragraph(s) are not; {provision}).",
        "caps": "{component_en} must be in capitals ({count} paragraph(s); {provision}).",
        "not_bold": "{component_en} must not be bold ({count} paragraph(s) are; {provision}).",
        "not_italic": "{component_en} must be upright, not italic ({count} paragraph(s) are italic; {provision}).",
    },
    examples=Example("Quốc hiệu cỡ 14, không đậm; lề trái 20 mm; phông Arial",
                     "Quốc hiệu cỡ 13, đậm, in hoa; lề trái 30 mm; phông Times New Roman",
                     layout={"font": "Arial", "left_mm": 20, "national_name": {"size": 14, "bold": False}}),
)
@in_scope
def layout(ctx: Context) -> Iterator[Hit]:
    """A4 paper, margins, Times New Roman, and the size and style of each component (.docx only)."""
    plan = ctx.plan
    src = plan.source
    if src is None or src.format != "docx":
        return
    cfg = _layout()
    yield from _page_hits(plan, cfg)
    yield from _font_hits(plan, cfg)
    comps = cfg.components
    for (name, prop), places in _style_faults(plan).items():
        spec = comps[name]
        provision = f"Phụ lục I, {spec.provision}"
        params: dict[str, Any] = {"component": spec.vi, "component_en": spec.en, "count": len(places),
                                  "provision": provision}
        if prop == "size":
            lo, hi = spec.size
            found = sorted({v for _, v in places}, key=float)
            params["found"] = ", ".join(f"{v} pt" for v in found)
            params["range"] = f"là {lo} pt" if lo == hi else f"từ {lo} đến {hi} pt"
            params["range_en"] = f"{lo} pt" if lo == hi else f"{lo}–{hi} pt"
        yield Hit(places[0][0], params, variant=prop)


def _page_hits(plan: Plan, cfg: Layout) -> Iterator[Hit]:
    pages = plan.source.pages if plan.source else ()
    paper, margins = cfg.paper, cfg.margins
    tol = paper.tolerance_mm
    first = None  # page setup belongs to the document's sections, not to a paragraph
    bad_paper = sorted({
        (p.width_mm, p.height_mm) for p in pages
        if p.width_mm is not None and p.height_mm is not None
        and sorted((p.width_mm, p.height_mm)) != sorted((paper.width_mm, paper.height_mm))
        and not (abs(min(p.width_mm, p.height_mm) - paper.width_mm) <= tol
                 and abs(max(p.width_mm, p.height_mm) - paper.height_mm) <= tol)
    })
    if bad_paper:
        found = ", ".join(f"{_fmt(w)} × {_fmt(h)}" for w, h in bad_paper)
        yield Hit(first, {"found": found, "provision": f"Phụ lục I, {paper.provision}"}, variant="paper")
    mtol = margins.tolerance_mm
    for attr, (vi, en) in SIDES.items():
        lo, hi = getattr(margins, attr)
        off = sorted({getattr(p, attr) for p in pages
                      if getattr(p, attr) is not None and not (lo - mtol <= getattr(p, attr) <= hi + mtol)})
        if off:
            yield Hit(first, {"side": vi, "side_en": en, "found": ", ".join(_fmt(x) for x in off), "lo": lo,
                              "hi": hi, "provision": f"Phụ lục I, {margins.provision}"}, variant="margin")


def _font_hits(plan: Plan, cfg: Layout) -> Iterator[Hit]:
    want = cfg.font.name
    fonts: set[str] = set()
    count = 0
    first: Span | None = None
    for b in plan.source.blocks if plan.source else ():
        bad = [(r, rs) for r, rs in runs_in(b, Span(b.index, 0, len(b.text)))
               if r.font is not None and r.font.strip().lower() != want.lower()]
        if bad:
            count += 1
            fonts.update(r.font for r, _ in bad if r.font)
            first = first or bad[0][1]
    if fonts:
        yield Hit(first, {"expected": want, "found": ", ".join(sorted(fonts)), "count": count,
                          "provision": f"Phụ lục I, {cfg.font.provision}"}, variant="font")
