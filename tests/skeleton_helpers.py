"""Helpers for the skeleton tests: the units we generate for, and filling placeholders with a plan's text."""

from __future__ import annotations

import io
from functools import cache

import docx

import vnplan
from vnplan.generate import build, placeholders
from vnplan.generate.docx import PLACEHOLDER_STYLE, render as render_docx
from vnplan.generate.markdown import render as render_markdown
from vnplan.model import Coverage, Plan
from vnplan.parse.common import label_of

PROFILE = "bacgiang-14-KH-UBND-2024"

#: Units the skeleton is generated for, with what the parsed plan must say back.
UNITS: dict[str, dict] = {
    "so-tu-phap": {
        "options": dict(unit="Sở Tư pháp", parent_unit="UBND tỉnh Bắc Giang", symbol="KH-STP",
                        signer_name="Nguyễn Văn An"),
        "authority": "SỞ TƯ PHÁP",
        "parent_authority": "UBND TỈNH BẮC GIANG",
        "symbol": "KH-STP",
        "place": "Bắc Giang",
        "forms": (),
        "position": "GIÁM ĐỐC",
        "signer": "Nguyễn Văn An",
    },
    "ubnd-luc-nam": {
        "options": dict(unit="UBND huyện Lục Nam", symbol="KH-UBND", signer_name="Trần Văn Bình"),
        "authority": "ỦY BAN NHÂN DÂN HUYỆN LỤC NAM",
        "parent_authority": None,
        "symbol": "KH-UBND",
        "place": "Lục Nam",
        "forms": (("TM.", "ỦY BAN NHÂN DÂN"),),
        "position": "CHỦ TỊCH",
        "signer": "Trần Văn Bình",
    },
    "so-y-te-kt": {
        "options": dict(unit="Sở Y tế", parent_unit="UBND tỉnh Bắc Giang", symbol="KH-SYT", deputy=True,
                        signer_name="Lê Thị Hoa", year=2024),
        "authority": "SỞ Y TẾ",
        "parent_authority": "UBND TỈNH BẮC GIANG",
        "symbol": "KH-SYT",
        "place": "Bắc Giang",
        "forms": (("KT.", "GIÁM ĐỐC"),),
        "position": "PHÓ GIÁM ĐỐC",
        "signer": "Lê Thị Hoa",
    },
}


@cache
def skeleton_of(unit: str, lang: str = "vi"):  # type: ignore[no-untyped-def]
    return build(PROFILE, lang=lang, **UNITS[unit]["options"])


@cache
def docx_bytes(unit: str, lang: str = "vi") -> bytes:
    buf = io.BytesIO()
    render_docx(skeleton_of(unit, lang)).save(buf)
    return buf.getvalue()


@cache
def markdown_text(unit: str, lang: str = "vi") -> str:
    return render_markdown(skeleton_of(unit, lang))


@cache
def parsed(unit: str, fmt: str, lang: str = "vi") -> Plan:
    """The skeleton written as ``fmt`` (docx, md, or txt: the Markdown read as plain text), parsed back."""
    if fmt == "docx":
        return vnplan.parse(vnplan.read(docx_bytes(unit, lang), format="docx"))
    if fmt == "md":
        return vnplan.parse(vnplan.read(markdown_text(unit, lang), format="markdown"))
    return vnplan.parse(vnplan.read(markdown_text(unit, lang), format="text"))


# --------------------------------------------------------------------------- filling placeholders


def _without_label(text: str) -> str:
    lab = label_of(text)
    return text[lab.end:].strip() if lab is not None else text.strip()


def reference_texts(reference: Plan, coverage: Coverage) -> dict[str, str]:
    """For each requirement, the reference plan's own paragraphs that hold its evidence.

    Only paragraphs of the body count (the header and legal basis are the skeleton's own);
    a requirement with no evidence in the body gets its own wording (the unit adopts it).
    """
    body_blocks = {s.span.block for s in reference.walk()} | {
        p.span.block for s in reference.walk() for p in s.paragraphs}
    blocks = reference.source.blocks
    out: dict[str, str] = {}
    for r in coverage.requirements:
        seen: list[int] = []
        for ev in r.evidence:
            b = ev.span.block
            if b in body_blocks and b not in seen:
                seen.append(b)
        texts = [_without_label(blocks[b].text) for b in seen]
        out[r.id] = " ".join(t.rstrip("./") if t.endswith("./.") else t for t in texts) or r.text
    return out


def general_text(reference: Plan, role: str) -> str:
    """The reference's first paragraph in a part of the plan, for a placeholder tied to no requirement."""
    for s in reference.walk():
        if s.role == role:
            for c in s.walk():
                text = _without_label(reference.source.blocks[c.span.block].text)
                if c is not s and text:
                    return text
    raise AssertionError(f"the reference plan has no {role} part")


def _placeholder_roles(unit: str) -> list[str]:
    plan = parsed(unit, "md")
    roles = []
    for s in plan.walk():
        text = plan.source.blocks[s.span.block].text
        roles += [s.role] * len(placeholders.find(text))
    return roles


def fills(unit: str, reference: Plan, coverage: Coverage) -> list[str]:
    """The text for each body placeholder of the skeleton, in document order."""
    texts = reference_texts(reference, coverage)
    ids = skeleton_of(unit).placeholder_ids
    roles = _placeholder_roles(unit)
    assert len(ids) == len(roles), "every body placeholder is one item of the parsed skeleton"
    return [texts[i] if i is not None else general_text(reference, role) for i, role in zip(ids, roles)]


def filled_markdown(unit: str, reference: Plan, coverage: Coverage) -> str:
    values = iter(fills(unit, reference, coverage))
    return placeholders.PLACEHOLDER_RE.sub(lambda m: next(values), markdown_text(unit))


def filled_docx(unit: str, reference: Plan, coverage: Coverage) -> bytes:
    """The .docx with the text of every placeholder run replaced, as a clerk typing over it would."""
    values = iter(fills(unit, reference, coverage))
    document = docx.Document(io.BytesIO(docx_bytes(unit)))
    for p in document.paragraphs:  # body paragraphs only: the signer's placeholder sits in a table
        for run in p.runs:
            if run.style is not None and run.style.name == PLACEHOLDER_STYLE[0]:
                run.text = next(values)
                run.style = None
                run.font.highlight_color = None
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
