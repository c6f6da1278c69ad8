"""One converter from the model to JSON-ready dicts (cattrs), following ``schemas/*.schema.json``."""

from __future__ import annotations

import json
from typing import Any

import cattrs

from vnplan.data import load_json

from vnplan.model import (
    Block,
    Citation,
    PartialDate,
    Plan,
    Section,
    SourceDocument,
    Span,
)

converter = cattrs.Converter(omit_if_default=False)


def _span(s: Span) -> dict[str, int]:
    return {"block": s.block, "start": s.start, "end": s.end}


def _date(d: PartialDate) -> dict[str, int | None]:
    return {"year": d.year, "month": d.month, "day": d.day}


def _citation(c: Citation) -> dict[str, Any]:
    return {
        "doc_type": c.doc_type,
        "number": c.number,
        "symbol": c.symbol,
        "year": c.year,
        "date": c.date.iso if c.date else None,
        "date_parts": _date(c.date) if c.date else None,
        "issuer": c.issuer,
        "text": c.text,
        "span": _span(c.span),
        "party": c.party,
        "name": c.name,
        "group": c.group,
        "kind": c.kind,
    }


def _section(s: Section) -> dict[str, Any]:
    return {
        "label": s.label,
        "style": s.style,
        "title": s.title,
        "role": s.role,
        "level": s.level,
        "text": s.text,
        "span": _span(s.span),
        "heading": _span(s.heading) if s.heading else None,
        "paragraphs": [{"text": p.text, "span": _span(p.span)} for p in s.paragraphs],
        "label_source": s.label_source,
        "children": [_section(c) for c in s.children],
    }


converter.register_unstructure_hook(Span, _span)
converter.register_unstructure_hook(PartialDate, _date)
converter.register_unstructure_hook(Citation, _citation)
converter.register_unstructure_hook(Section, _section)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The JSON form of a plan (contract: ``schemas/plan.schema.json``)."""
    h = converter.unstructure(plan.header)
    out: dict[str, Any] = {
        "schema": "vnplan/plan/1",
        "file": plan.source.path if plan.source else None,
        "format": plan.source.format if plan.source else None,
        "header": h,
        "legal_basis": converter.unstructure(plan.legal_basis),
        "preamble": converter.unstructure(plan.preamble),
        "citations": [_citation(c) for c in plan.citations],
        "sections": [_section(s) for s in plan.sections],
        "recipients_heading": converter.unstructure(plan.recipients_heading),
        "recipients": converter.unstructure(plan.recipients),
        "recipient_groups": converter.unstructure(plan.recipient_groups),
        "signature": converter.unstructure(plan.signature),
        "abbreviations": converter.unstructure(plan.abbreviations),
        "closing": converter.unstructure(plan.closing),
        "other": converter.unstructure(plan.other),
        "artifacts": converter.unstructure(plan.artifacts),
        "warnings": list(plan.source.warnings) if plan.source else [],
    }
    if plan.source is not None:
        out["blocks"] = [_block(b) for b in plan.source.blocks]
    return out


def _block(b: Block) -> dict[str, Any]:
    return {"index": b.index, "kind": b.kind, "line": b.line, "location": b.location, "text": b.text}


def document_to_dict(doc: SourceDocument) -> dict[str, Any]:
    return {"format": doc.format, "path": doc.path, "blocks": [_block(b) for b in doc.blocks]}


def load_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped with vnplan (``plan``, ``report``, …), from ``schemas/<name>.schema.json``."""
    return _load_schema_cached(name)


_SCHEMAS: dict[str, dict[str, Any]] = {}


def _load_schema_cached(name: str) -> dict[str, Any]:
    if name not in _SCHEMAS:
        _SCHEMAS[name] = load_json("vnplan.schemas", f"{name}.schema.json")
    return _SCHEMAS[name]


def dumps(obj: Any) -> str:
    """Pretty, stable, UTF-8 JSON (Vietnamese kept readable)."""
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)
