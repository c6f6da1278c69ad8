"""SARIF 2.1.0 output (OASIS Static Analysis Results Interchange Format) so editors and CI show findings.

One run of the ``vnplan`` tool over any number of checked files: the rule catalogue in
``tool.driver.rules`` (id, name, descriptions, the legal provision), one result per finding
with its level, message and location (file, line and column where known; the paragraph of
a Word file as a logical location), the suggested fix in the result's properties.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from vnplan.results import Finding, Report
from vnplan.rules.registry import Rule, rules
from vnplan.serialize import dumps, span_to_dict
from vnplan.version import __version__

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
STDIN_URI = "stdin"


def _uri(path: str | None) -> str:
    """A URI reference for a file path: relative paths stay relative (with ``/``), absolute become ``file:``."""
    if not path or path == "-":
        return STDIN_URI
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return str(PurePosixPath(*p.parts)).replace("%", "%25").replace(" ", "%20").replace("#", "%23")


def _rule_descriptor(r: Rule, lang: str) -> dict[str, Any]:
    short = r.summary(lang)
    full = r.summary("vi" if lang == "en" else "en")
    props: dict[str, Any] = {"part": r.part, "severity": r.severity}
    if r.source:
        props["provision"] = r.source
    if r.since:
        props["since"] = r.since.isoformat()
    if r.until:
        props["until"] = r.until.isoformat()
    return {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": f"{short} ({full})" if full != short else short},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": props,
    }


def _location(f: Finding, uri: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if f.line is not None:
        region: dict[str, Any] = {"startLine": f.line}
        if f.column is not None:
            region["startColumn"] = f.column
        physical["region"] = region
    loc: dict[str, Any] = {"physicalLocation": physical}
    if f.location and f.line is None:  # a paragraph or table cell of a Word file
        loc["logicalLocations"] = [{"name": f.location, "kind": "paragraph"}]
    return loc


def _result(f: Finding, uri: str, index: dict[str, int]) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(f, uri)],
    }
    if f.rule in index:
        res["ruleIndex"] = index[f.rule]
    props: dict[str, Any] = {"part": f.part}
    if f.source:
        props["provision"] = f.source
    if f.fix is not None:
        props["fix"] = f.fix
    if f.span is not None:
        props["span"] = span_to_dict(f.span)
    if f.location:
        props["location"] = f.location
    res["properties"] = props
    return res


def report_to_sarif(reports: list[Report]) -> dict[str, Any]:
    """One SARIF 2.1.0 log for the reports of one ``vnplan check`` invocation."""
    lang = reports[0].lang if reports else "vi"
    catalogue = rules()
    index = {r.id: k for k, r in enumerate(catalogue)}
    artifacts: list[dict[str, Any]] = []
    seen: set[str] = set()
    results: list[dict[str, Any]] = []
    for rep in reports:
        uri = _uri(rep.path)
        if uri not in seen:
            seen.add(uri)
            artifacts.append({"location": {"uri": uri}, "roles": ["analysisTarget"]})
        results.extend(_result(f, uri, index) for f in rep.findings)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "vnplan",
                "version": __version__,
                "language": "vi" if lang == "vi" else "en",
                "rules": [_rule_descriptor(r, lang) for r in catalogue],
            }
        },
        "language": "vi" if lang == "vi" else "en",
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(report: Report) -> str:
    """The SARIF log of one check report, as JSON text."""
    return dumps(report_to_sarif([report]))
