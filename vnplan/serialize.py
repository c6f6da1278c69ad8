"""The one converter from vnplan's types to JSON-ready dicts (cattrs hooks), following ``schemas/*.schema.json``.

Every JSON vnplan writes goes through here: the plan and the source document
(``plan.schema.json``), a check report with its findings and coverage (``report``), one
plan of a batch and the batch itself (``batch``), the rule catalogue and the profile list of
the command line, rows of the register (``register``). Each shape is written once;
``_converter().unstructure(obj)`` gives the JSON form of any of these types (the converter, and
cattrs with it, is built on first use: a check report needs only the functions below).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from vnplan.model import (
    Block,
    Citation,
    Coverage,
    Evidence,
    Header,
    InternalReference,
    PartialDate,
    Plan,
    RequirementResult,
    Section,
    SourceDocument,
    Span,
)
from vnplan.profiles.model import Profile
from vnplan.results import (
    DocumentRow,
    Finding,
    MissingUnits,
    PlanResult,
    Report,
    WrongDate,
    profile_of,
    requirement_columns,
    summary,
)
from vnplan.rules.registry import Rule
from vnplan.text import normalize

PLAN_SCHEMA = "vnplan/plan/1"
REPORT_SCHEMA = "vnplan/report/1"
BATCH_SCHEMA = "vnplan/batch/1"

# --------------------------------------------------------------------------- the plan


def span_to_dict(s: Span) -> dict[str, int]:
    return {"block": s.block, "start": s.start, "end": s.end}


def _span_or_none(s: Span | None) -> dict[str, int] | None:
    return span_to_dict(s) if s is not None else None


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
        "span": span_to_dict(c.span),
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
        "span": span_to_dict(s.span),
        "heading": _span_or_none(s.heading),
        "paragraphs": [{"text": p.text, "span": span_to_dict(p.span)} for p in s.paragraphs],
        "label_source": s.label_source,
        "title_span": _span_or_none(s.title_span),
        "children": [_section(c) for c in s.children],
    }


def internal_reference_to_dict(r: InternalReference) -> dict[str, Any]:
    return {
        "text": r.text,
        "span": span_to_dict(r.span),
        "parts": [{"kind": kind, "label": label} for kind, label in r.parts],
        "appendix": r.appendix,
        "target": _span_or_none(r.target),
    }


def _block(b: Block) -> dict[str, Any]:
    return {"index": b.index, "kind": b.kind, "line": b.line, "location": b.location, "text": b.text}


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The JSON form of a plan (contract: ``schemas/plan.schema.json``)."""
    out: dict[str, Any] = {
        "schema": PLAN_SCHEMA,
        "file": plan.source.path if plan.source else None,
        "format": plan.source.format if plan.source else None,
        "header": _converter().unstructure(plan.header),
        "legal_basis": _converter().unstructure(plan.legal_basis),
        "preamble": _converter().unstructure(plan.preamble),
        "citations": [_citation(c) for c in plan.citations],
        "sections": [_section(s) for s in plan.sections],
        "recipients_heading": _converter().unstructure(plan.recipients_heading),
        "recipients": _converter().unstructure(plan.recipients),
        "recipient_groups": _converter().unstructure(plan.recipient_groups),
        "signature": _converter().unstructure(plan.signature),
        "abbreviations": _converter().unstructure(plan.abbreviations),
        "abbreviation_uses": _converter().unstructure(plan.abbreviation_uses),
        "internal_references": [internal_reference_to_dict(r) for r in plan.internal_references],
        "closing": _converter().unstructure(plan.closing),
        "other": _converter().unstructure(plan.other),
        "artifacts": _converter().unstructure(plan.artifacts),
        "warnings": list(plan.source.warnings) if plan.source else [],
        "attached": [_attached(a) for a in plan.attached],
    }
    if plan.source is not None:
        out["blocks"] = [_block(b) for b in plan.source.blocks]
    return out


#: what an attached document's JSON leaves to the document it is attached to (one source, one file)
_DOCUMENT_KEYS = ("schema", "file", "format", "warnings", "blocks")


def _attached(plan: Plan) -> dict[str, Any]:
    """A document issued with another: a plan of its own, without the source the two share."""
    return {k: v for k, v in plan_to_dict(plan).items() if k not in _DOCUMENT_KEYS}


def document_to_dict(doc: SourceDocument) -> dict[str, Any]:
    return {"format": doc.format, "path": doc.path, "blocks": [_block(b) for b in doc.blocks]}


#: The header and citation fields a batch keeps of each plan (no spans: the source is not kept).
HEADER_SUMMARY_KEYS = ("parent_authority", "authority", "number", "year", "symbol", "place", "date", "date_parts",
                       "doc_type", "title")
CITATION_SUMMARY_KEYS = ("doc_type", "number", "symbol", "year", "date", "date_parts", "issuer", "kind", "text")


def header_summary(h: Header) -> dict[str, Any]:
    """The header as plain strings: ``date`` in ISO form where complete, ``date_parts`` for a draft's partial date."""
    d = h.date
    fields = {"date": d.iso if d is not None else None, "date_parts": _date(d) if d is not None else None}
    return {k: fields[k] if k in fields else getattr(h, k) for k in HEADER_SUMMARY_KEYS}


def citation_summary(c: Citation) -> dict[str, Any]:
    """A cited document without its place in the text (what a batch result and the register keep)."""
    full = _citation(c)
    return {k: full[k] for k in CITATION_SUMMARY_KEYS}


# --------------------------------------------------------------------------- findings and coverage


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "name": f.name,
        "part": f.part,
        "message": f.message,
        "span": _span_or_none(f.span),
        "line": f.line,
        "column": f.column,
        "location": f.location,
        "source": f.source,
        "fix": f.fix,
        "requirement": f.requirement,
        "fingerprint": f.fingerprint,
    }


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    return {"text": e.text, "span": span_to_dict(e.span), "matched": list(e.matched), "line": e.line,
            "location": e.location, "marks": [list(m) for m in e.marks]}


def requirement_to_dict(r: RequirementResult) -> dict[str, Any]:
    return {
        "id": r.id,
        "kind": r.kind,
        "text": r.text,
        "status": r.status,
        "score": r.score,
        "mandatory": r.mandatory,
        "rule": r.rule,
        "note": r.note,
        "note_en": r.note_en,
        "reason": r.reason,
        "details": dict(r.details),
        "evidence": [evidence_to_dict(e) for e in r.evidence],
    }


def coverage_to_dict(cov: Coverage) -> dict[str, Any]:
    """``{"profile", "score", "counts", "missing_mandatory", "requirements": [...]}`` (``coverage`` of a report)."""
    return {
        "profile": cov.profile,
        "score": cov.score,
        "counts": cov.counts(),
        "missing_mandatory": cov.missing_mandatory,
        "requirements": [requirement_to_dict(r) for r in cov.requirements],
    }


#: What a batch keeps of each requirement and its evidence (the texts are in the batch's ``requirements``).
REQUIREMENT_SUMMARY_KEYS = ("id", "kind", "status", "score", "mandatory", "note", "evidence")
EVIDENCE_SUMMARY_KEYS = ("text", "span", "matched")


def coverage_summary(cov: Coverage) -> dict[str, Any]:
    """The coverage of one plan of a batch: profile, score and each requirement's status, scores rounded."""
    return {
        "profile": cov.profile,
        "score": round(float(cov.score), 4),
        "missing_mandatory": bool(cov.missing_mandatory),
        "requirements": [_requirement_summary(q) for q in cov.requirements],
    }


def _requirement_summary(q: RequirementResult) -> dict[str, Any]:
    full = requirement_to_dict(q)
    full["score"] = round(float(q.score), 4)
    full["mandatory"] = bool(q.mandatory)
    full["evidence"] = [{k: e[k] for k in EVIDENCE_SUMMARY_KEYS} for e in full["evidence"]]
    return {k: full[k] for k in REQUIREMENT_SUMMARY_KEYS}


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON form of a check report (contract: ``schemas/report.schema.json``)."""
    out: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "file": report.path,
        "lang": report.lang,
        "counts": report.counts(),
        "findings": [finding_to_dict(f) for f in report.findings],
    }
    if report.coverage is not None:
        out["coverage"] = coverage_to_dict(report.coverage)
    return out


# --------------------------------------------------------------------------- a batch


def plan_result_to_dict(r: PlanResult) -> dict[str, Any]:
    """One plan: file, hash, unit, header, counts by severity, findings, coverage, status, error."""
    return {
        "file": r.file,
        "sha256": r.sha256,
        "format": r.format,
        "unit": r.unit,
        "unit_source": r.unit_source,
        "status": r.status,
        "header": dict(r.header) if r.error is None else None,
        "counts": dict(r.counts),
        "findings": [finding_to_dict(f) for f in r.findings],
        "citations": [dict(c) for c in r.citations],
        "coverage": coverage_summary(r.coverage) if r.coverage is not None else None,
        "error": r.error,
        "error_type": r.error_type,
        "warnings": list(r.warnings),
    }


def batch_head(results: Iterable[PlanResult], *, profile: str | None = None) -> dict[str, Any]:
    """Everything of a batch's JSON but its ``plans`` (``results`` is iterated three times)."""
    return {
        "schema": BATCH_SCHEMA,
        "profile": profile if profile is not None else profile_of(results),
        "summary": summary(results),
        "requirements": requirement_columns(results),
    }


def batch_to_dict(results: Sequence[PlanResult], *, profile: str | None = None) -> dict[str, Any]:
    """The JSON form of a batch (contract: ``schemas/batch.schema.json``)."""
    return {**batch_head(results, profile=profile), "plans": [plan_result_to_dict(r) for r in results]}


# --------------------------------------------------------------------------- catalogues and the register


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d else None


def rule_to_dict(r: Rule) -> dict[str, Any]:
    """One rule of the catalogue (``vnplan rules --format json``): its messages unfilled, each placeholder as “…”."""
    return {"id": r.id, "severity": r.severity, "name": r.name, "part": r.part, "source": r.source,
            "since": _iso(r.since), "until": _iso(r.until), "message_vi": r.summary("vi"), "message_en": r.summary("en")}


def profile_summary(p: Profile) -> dict[str, Any]:
    """One shipped profile in a list (``vnplan profiles --format json``)."""
    return {"id": p.id, "title": p.title, "parent": p.parent.reference, "requirements": len(p.requirements)}


def document_row_to_dict(d: DocumentRow) -> dict[str, Any]:
    """A registered document (``Document`` in ``schemas/register.schema.json``)."""
    out = {k: getattr(d, k) for k in _DOCUMENT_ROW_FIELDS}
    out["date_parts"] = dict(zip(("year", "month", "day"), d.date_parts))
    return out


_DOCUMENT_ROW_FIELDS = tuple(a.name for a in DocumentRow.__attrs_attrs__)


def wrong_date_to_dict(w: WrongDate) -> dict[str, Any]:
    return {"document": document_row_to_dict(w.document), "cited": w.cited, "cited_date": w.cited_date}


def missing_to_dict(m: MissingUnits) -> dict[str, Any]:
    """``vnplan register missing --format json``: the parent, how many units were expected, who is missing."""
    return {
        "parent": {"number": m.number, "symbol": m.symbol, "date": _iso(m.date)},
        "expected": m.expected,
        "missing": list(m.missing),
        "wrong_dates": [wrong_date_to_dict(w) for w in m.wrong_dates],
    }


#: Each type and the function that writes its JSON form.
_HOOKS: tuple[tuple[type, Any], ...] = (
    (Span, span_to_dict),
    (PartialDate, _date),
    (Citation, _citation),
    (Section, _section),
    (InternalReference, internal_reference_to_dict),
    (Block, _block),
    (Plan, plan_to_dict),
    (SourceDocument, document_to_dict),
    (Finding, finding_to_dict),
    (Evidence, evidence_to_dict),
    (RequirementResult, requirement_to_dict),
    (Coverage, coverage_to_dict),
    (Report, report_to_dict),
    (PlanResult, plan_result_to_dict),
    (Rule, rule_to_dict),
    (DocumentRow, document_row_to_dict),
    (WrongDate, wrong_date_to_dict),
    (MissingUnits, missing_to_dict),
)


@cache
def _converter() -> Any:
    """The cattrs converter with every hook of :data:`_HOOKS` (built once, on first use)."""
    import cattrs  # lazy: about 35 ms to import, docs/design.md

    conv = cattrs.Converter(omit_if_default=False)
    for kind, hook in _HOOKS:
        conv.register_unstructure_hook(kind, hook)
    return conv


def __getattr__(name: str) -> Any:
    """``converter``: the one converter, built when first asked for."""
    if name == "converter":
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def dumps(obj: Any) -> str:
    """Pretty, stable, UTF-8 JSON (Vietnamese kept readable)."""
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)


def unit_of(header: dict[str, Any], path: str) -> tuple[str, str]:
    """The unit a plan belongs to: its issuing authority, else the file's stem."""
    name = normalize(header.get("authority") or "")
    if name:
        return name, "header"
    return Path(path).stem, "file"


__all__ = [
    "batch_head",
    "batch_to_dict",
    "citation_summary",
    "converter",
    "coverage_summary",
    "coverage_to_dict",
    "document_row_to_dict",
    "document_to_dict",
    "dumps",
    "evidence_to_dict",
    "finding_to_dict",
    "header_summary",
    "internal_reference_to_dict",
    "missing_to_dict",
    "plan_result_to_dict",
    "plan_to_dict",
    "profile_summary",
    "report_to_dict",
    "requirement_to_dict",
    "rule_to_dict",
    "span_to_dict",
    "unit_of",
    "wrong_date_to_dict",
]
