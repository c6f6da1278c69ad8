"""``vnplan parse``, ``vnplan check`` and ``vnplan rules``: one plan, and the rules it is checked against."""

from __future__ import annotations

import sys
from pathlib import Path

import click

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
from vnplan.parse import parse
from vnplan.read import read
from vnplan.report import formats, render
from vnplan.rules.registry import rules
from vnplan.rules.runner import check


@click.command("parse")
@click.argument("file")
@format_option(formats("plan"))
@OUTPUT
@guard
def parse_cmd(file: str, fmt: str, output: str | None) -> None:
    """Parse FILE (.txt, .md, .docx, .pdf; .doc, .rtf, .odt through LibreOffice; - for standard input)."""
    emit(render("plan", parse(read(Path(file))), fmt), output, file)


@click.command("check")
@click.argument("file")
@format_option(formats("check"))
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated, repeatable).")
@LANG
@click.option("--profile", default=None, help="Requirement profile of the parent plan (name or JSON file).")
@OUTPUT
@guard
def check_cmd(file: str, fmt: str, select: tuple[str, ...], ignore: tuple[str, ...], lang: str,
              profile: str | None, output: str | None) -> None:
    """Check FILE against the rules; exit 1 when an error-level finding is reported."""
    doc = read(Path(file))
    warn_reading(doc.warnings)
    result = check(parse(doc), select=ids(select), ignore=ids(ignore), lang=lang, profile=profile)
    emit(render("check", result, fmt), output, file)
    sys.exit(EXIT_FINDINGS if result.failing else EXIT_OK)


@click.command("rules")
@format_option(formats("rules"))
@LANG
@guard
def rules_cmd(fmt: str, lang: str) -> None:
    """List the rule catalogue: id, severity, provision, message."""
    show(render("rules", rules(), fmt, lang=lang))
