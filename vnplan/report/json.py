"""The JSON form of a check report (contract: ``schemas/report.schema.json``)."""

from __future__ import annotations

from typing import Any

from vnplan.rules.registry import Finding, Report
from vnplan.serialize import converter


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "name": f.name,
        "part": f.part,
        "message": f.message,
        "span": {"block": f.span.block, "start": f.span.start, "end": f.span.end} if f.span is not None else None,
        "line": f.line,
        "column": f.column,
        "location": f.location,
        "source": f.source,
        "fix": f.fix,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": "vnplan/report/1",
        "file": report.path,
        "lang": report.lang,
        "counts": report.counts(),
        "findings": [finding_to_dict(f) for f in report.findings],
    }
    if report.coverage is not None:
        cov = report.coverage
        out["coverage"] = cov.to_dict() if hasattr(cov, "to_dict") else converter.unstructure(cov)
    return out
