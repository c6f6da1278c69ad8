"""``vnplan parse``, ``vnplan check`` and ``vnplan rules``: one plan, and the rules it is checked against."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vnplan.baseline import Baseline, baseline_dict, entries_of
from vnplan.baseline import write_baseline as save_baseline
from vnplan.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LANG,
    OUTPUT,
    emit,
    format_option,
    guard,
    ids,
    show,
    warn_reading,
)
from vnplan.errors import UsageError
from vnplan.model import Plan
from vnplan.output import write_atomic
from vnplan.parse import parse
from vnplan.read import read
from vnplan.report import formats, render
from vnplan.results import PlanResult, Report
from vnplan.rules.registry import rules
from vnplan.rules.runner import check
from vnplan.serialize import citation_summary, header_summary, unit_of

#: Formats of ``vnplan check``: the renderers' and the workbook; the suffixes of -o that choose them.
CHECK_FORMATS: tuple[str, ...] = (*formats("check"), "xlsx")
CHECK_SUFFIXES: dict[str, str] = {".json": "json", ".sarif": "sarif", ".xlsx": "xlsx"}


@click.command("parse")
@click.argument("file")
@format_option(formats("plan"))
@OUTPUT
@guard
def parse_cmd(file: str, fmt: str, output: str | None) -> None:
    """Parse FILE (.txt, .md, .docx, .pdf; .doc, .rtf, .odt through LibreOffice; - for standard input)."""
    emit(render("plan", parse(read(Path(file))), fmt), output, file, fmt=fmt)


def _as_result(file: str, plan: Plan, report: Report) -> PlanResult:
    """One checked plan as a row of a batch (for the workbook)."""
    header = header_summary(plan.header)
    unit, source = unit_of(header, file)
    return PlanResult(file=file, unit=unit, unit_source=source, sha256=plan.source.sha256 if plan.source else None,
                      format=plan.source.format if plan.source else None, header=header, counts=report.counts(),
                      findings=report.findings, coverage=report.coverage,
                      citations=tuple(citation_summary(c) for c in plan.citations if c.kind != "self"),
                      warnings=plan.source.warnings if plan.source else ())


@click.command("check")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS), default=None,
              help="Output format [default: from -o's suffix (.json, .sarif, .xlsx), else text].")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated, repeatable).")
@LANG
@click.option("--profile", default=None, help="Requirement profile of the parent plan (name or JSON file).")
@click.option("--baseline", default=None, help="Show only the findings not accepted in this baseline file.")
@click.option("--write-baseline", default=None, help="Accept every finding of this check: write them to this file.")
@OUTPUT
@guard
def check_cmd(file: str, fmt: str | None, select: tuple[str, ...], ignore: tuple[str, ...], lang: str,
              profile: str | None, baseline: str | None, write_baseline: str | None, output: str | None) -> None:
    """Check FILE against the rules; exit 1 when an error-level finding is reported.

    With --baseline, only the findings not accepted there are shown and counted.
    """
    fmt = fmt or CHECK_SUFFIXES.get(Path(output).suffix.lower() if output else "", "text")
    accepted = Baseline.load(baseline) if baseline else None
    doc = read(Path(file))
    warn_reading(doc.warnings)
    plan = parse(doc)
    result = check(plan, select=ids(select), ignore=ids(ignore), lang=lang, profile=profile)
    unit = unit_of(header_summary(plan.header), file)[0]
    if write_baseline:
        save_baseline(write_baseline, baseline_dict(entries_of(unit, result.findings)), source=file)
    if accepted is not None:
        result = accepted.filter_report(result)  # the plan checked alone: whatever unit the file says
    if fmt == "xlsx":
        if output in (None, "-"):
            raise UsageError("a workbook cannot go to the terminal", hint="give a file name: -o report.xlsx")
        from vnplan.report.xlsx import render_xlsx  # lazy: only a workbook needs it, docs/design.md

        write_atomic(output, render_xlsx([_as_result(file, plan, result)], lang=lang, profile=profile),
                     source=file, what="report")
    else:
        emit(render("check", result, fmt), output, file, fmt=fmt)
    sys.exit(EXIT_FINDINGS if result.failing else EXIT_OK)


@click.command("rules")
@format_option(formats("rules"))
@LANG
@guard
def rules_cmd(fmt: str, lang: str) -> None:
    """List the rule catalogue: id, severity, provision, message."""
    show(render("rules", rules(), fmt, lang=lang), fmt=fmt)
