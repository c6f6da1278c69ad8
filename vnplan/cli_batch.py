"""The ``vnplan batch`` and ``vnplan register`` commands (kept apart from cli.py, added to its group).

Exit codes as everywhere: 0 all plans pass, 1 a plan fails (unreadable, an error-level
finding, a mandatory requirement missing; for ``register missing``: a unit missing or a wrong
date), 2 unusable arguments (no plan files found, unknown profile or rule id, bad output).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from vnplan.cli import EXIT_FINDINGS, EXIT_OK, _guard, _ids
from vnplan.errors import UsageError
from vnplan.output import write_atomic

FORMATS = ("json", "csv", "html", "text")
_SUFFIX_FORMAT = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html", ".txt": "text", ".text": "text"}


def guess_format(output: str | None, fmt: str | None) -> str:
    """The report format: ``--format`` if given, else from the output's suffix, else text."""
    if fmt:
        return fmt
    if output is None or output == "-":
        return "text"
    suffix = Path(output).suffix.lower()
    if suffix in _SUFFIX_FORMAT:
        return _SUFFIX_FORMAT[suffix]
    raise UsageError(f"cannot tell the report format from {output!r}",
                     hint="use --format json|csv|html|text or a .json/.csv/.html/.txt name")


def render(results: Iterable[Any], fmt: str, *, lang: str, profile: str | None, bom: bool) -> Iterator[str]:
    """The report in pieces; ``results`` must be iterable more than once (a list or a Spool)."""
    if fmt == "json":
        from vnplan.report.json import iter_json

        return iter_json(results, profile=profile)
    if fmt == "csv":
        from vnplan.report.csv import iter_csv

        return iter_csv(results, bom=bom)
    if fmt == "html":
        from vnplan.report.html import iter_html

        return (piece + "\n" for piece in iter_html(results, lang=lang, profile=profile))
    from vnplan.report.batch import iter_text

    return (line + "\n" for line in iter_text(results, lang=lang))


def _profile_name(profile: Any) -> str | None:
    if profile is None:
        return None
    return str(getattr(profile, "id", profile))


@click.command("batch")
@click.argument("paths", nargs=-1, required=True)
@click.option("--profile", default=None, help="Requirement profile of the parent plan (name or JSON file).")
@click.option("-o", "--output", default=None, help="Write the report to this file (format from its suffix).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format [default: from -o's suffix, else text].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: all cores, or none for fewer than 8 files; 1 = no pool].")
@click.option("--register", "register_db", default=None, help="Record every result in this SQLite register.")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@_guard
def batch_cmd(paths: tuple[str, ...], profile: str | None, output: str | None, fmt: str | None,
              jobs: int | None, register_db: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
              lang: str) -> None:
    """Check every plan under PATHS (folders are walked for .docx, .pdf, .txt, .md).

    Exit 1 when a plan is unreadable, has an error-level finding or misses a mandatory
    requirement of the profile.
    """
    from vnplan.batch import SUFFIXES, Spool, batch, iter_plan_files

    fmt = guess_format(output, fmt)
    files = list(iter_plan_files(paths))
    if not files:
        raise UsageError("no plan files found (.docx, .pdf, .txt, .md)", hint="check the paths you gave")
    inputs = {os.path.realpath(f) for f in files}
    for target, what in ((output, "report"), (register_db, "register")):
        if target and target != "-" and os.path.realpath(target) in inputs:
            raise UsageError(f"the {what} file {target!r} is one of the plans to check", hint="write it elsewhere")
    if output and register_db and output != "-" and os.path.realpath(output) == os.path.realpath(register_db):
        raise UsageError("the report and the register are the same file")
    if output and output != "-" and Path(output).suffix.lower() in SUFFIXES:
        out = os.path.realpath(output)
        for folder in (os.path.realpath(p) for p in paths if os.path.isdir(p)):
            if out.startswith(folder + os.sep):
                raise UsageError(f"the report {output!r} would be taken for a plan by the next run of this folder",
                                 hint="write it outside the folders you check, or as .json/.csv/.html")

    from rich.console import Console

    err_console = Console(stderr=True)
    failing = False
    with Spool() as results:
        iterator = batch(files, profile=profile, jobs=jobs, select=_ids(select) or None,
                         ignore=_ids(ignore) or None, lang=lang, register=register_db)
        if err_console.is_terminal:  # a progress bar on a terminal, nothing of it otherwise
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                          MofNCompleteColumn(), TimeRemainingColumn(), console=err_console, transient=True) as bar:
                task = bar.add_task("vnplan batch", total=len(files))
                for r in iterator:
                    results.append(r)
                    failing = failing or r.failing
                    bar.update(task, advance=1, description=Path(r.file).name[:40])
        else:
            for r in iterator:
                results.append(r)
                failing = failing or r.failing

        name = _profile_name(profile)
        if output and output != "-":
            write_atomic(output, render(results, fmt, lang=lang, profile=name, bom=True), what="report")
            if fmt != "text":  # the terminal still gets the totals
                from vnplan.report.batch import summary_lines
                from vnplan.results import summary

                click.echo("\n".join(summary_lines(summary(results), lang=lang)))
        else:
            for piece in render(results, fmt, lang=lang, profile=name, bom=False):
                click.echo(piece, nl=False)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


# --------------------------------------------------------------------------- register


@click.group("register")
def register_group() -> None:
    """Query the register of checked documents (a SQLite file written by `vnplan batch --register`)."""


def _open(db: str):  # type: ignore[no-untyped-def]
    from vnplan.register import Register

    if not os.path.exists(db):
        raise UsageError(f"no register at {db!r}", hint="create it with: vnplan batch PLANS --register " + db)
    return Register(db)


_DB = click.option("--db", required=True, help="The register file (SQLite).")
_FMT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


def _doc_line(d: Any) -> str:
    num = f"{d.number or '…'}/{d.symbol or '—'}"
    score = "" if d.score is None else f"  {d.score:.0%}"
    state = d.status if d.error is None else f"error: {d.error}"
    return f"{d.sha256[:12]}  {d.date or '—':<10}  {num:<14} {state:<6}{score}  {d.unit}  ({d.path})"


@register_group.command("list")
@_DB
@click.option("--unit", default=None, help="Only this unit's documents, oldest first: the history of its plan.")
@_FMT
@_guard
def register_list(db: str, unit: str | None, fmt: str) -> None:
    """List registered documents (by unit, then date), or one unit's revisions with --unit."""
    from vnplan.serialize import document_row_to_dict, dumps

    with _open(db) as reg:
        docs = reg.history(unit) if unit else reg.documents()
    if fmt == "json":
        click.echo(dumps([document_row_to_dict(d) for d in docs]))
        return
    for d in docs:
        click.echo(_doc_line(d))
    if unit and not docs:
        click.echo(f"no document of {unit!r} in the register", err=True)


@register_group.command("show")
@_DB
@click.argument("key")
@_FMT
@_guard
def register_show(db: str, key: str, fmt: str) -> None:
    """Show one document (KEY: its path or a prefix of its SHA-256) with citations, findings and results."""
    from vnplan.serialize import dumps

    with _open(db) as reg:
        doc = reg.find(key)
        if doc is None:
            raise UsageError(f"no document {key!r} in the register", hint="`vnplan register list` shows them")
        d = reg.details(doc.id)
    if fmt == "json":
        click.echo(dumps(d))
        return
    click.echo(f"{d['unit']}  ({d['path']})")
    click.echo(f"  sha256 {d['sha256']}, checked {d['checked_at']}")
    click.echo(f"  {d['doc_type'] or ''} {d['number'] or '…'}/{d['symbol'] or '—'}, {d['date'] or '—'}: {d['title'] or ''}")
    if d["error"]:
        click.echo(f"  error: {d['error']}")
    click.echo(f"  {d['errors']} errors, {d['warnings']} warnings, {d['infos']} notes"
               + (f"; score {d['score']:.0%} ({d['profile']})" if d["score"] is not None else ""))
    if d["citations"]:
        click.echo("  citations:")
        for c in d["citations"]:
            click.echo(f"    - {c['text']}")
    if d["findings"]:
        click.echo("  findings:")
        for f in d["findings"]:
            click.echo(f"    [{f['rule']}] {f['severity']}: {f['message']}")
    if d["requirements"]:
        click.echo("  requirements:")
        width = max(len(q["id"]) for q in d["requirements"])
        for q in d["requirements"]:
            click.echo(f"    {q['id']:<{width}}  {q['status']:<11} {q['text']}")


def _parent_of(parent: str | None, parent_date: str | None, profile: str | None) -> tuple[str, str, _dt.date | None]:
    from vnplan.register import parse_reference

    number = symbol = None
    date = None
    if profile:
        from vnplan.profiles import load

        prof = load(profile)
        p = getattr(prof, "parent", None)
        if p is None:
            raise UsageError(f"cannot read the parent document of profile {profile!r}")
        number, symbol, date = p.number, p.symbol, p.date
    if parent:
        number, symbol = parse_reference(parent)
    if parent_date:
        try:
            date = _dt.date.fromisoformat(parent_date)
        except ValueError:
            raise UsageError(f"not a date: {parent_date!r}", hint="write it as YYYY-MM-DD") from None
    if not number or not symbol:
        raise UsageError("which parent plan?", hint='give --parent "14/KH-UBND" or --profile')
    return str(number), str(symbol), date


@register_group.command("missing")
@_DB
@click.option("--expected", required=True, help="CSV file of the units expected to issue a plan (first column).")
@click.option("--parent", default=None, help='The parent plan as NUMBER/SYMBOL, e.g. "14/KH-UBND".')
@click.option("--parent-date", default=None, help="The parent plan's date (YYYY-MM-DD), to find wrong citations.")
@click.option("--profile", default=None, help="Take the parent plan (number, symbol, date) from this profile.")
@_FMT
@_guard
def register_missing(db: str, expected: str, parent: str | None, parent_date: str | None, profile: str | None,
                     fmt: str) -> None:
    """Expected units with no plan implementing the parent yet, and plans citing it with a wrong date.

    Exit 1 when a unit is missing or a plan cites a wrong date.
    """
    from vnplan.register import read_units_csv
    from vnplan.serialize import dumps, missing_to_dict

    number, symbol, date = _parent_of(parent, parent_date, profile)
    units = read_units_csv(expected)
    with _open(db) as reg:
        missing = reg.missing(units, number, symbol)
        wrong = reg.wrong_dates(number, symbol, date) if date else []
    if fmt == "json":
        click.echo(dumps(missing_to_dict(number, symbol, date, len(units), missing, wrong)))
    else:
        ref = f"{number}/{symbol}"
        click.echo(f"{len(units) - len(missing)}/{len(units)} expected units have issued a plan citing {ref}.")
        if missing:
            click.echo(f"Not yet ({len(missing)}):")
            for u in missing:
                click.echo(f"  - {u}")
        if date is not None:
            if wrong:
                click.echo(f"Citing {ref} with a date other than {date:%d/%m/%Y} ({len(wrong)}):")
                for w in wrong:
                    click.echo(f"  - {w.document.unit} ({w.document.path}): {w.cited}")
            else:
                click.echo(f"Every plan citing {ref} gives its date {date:%d/%m/%Y}.")
    sys.exit(EXIT_FINDINGS if missing or wrong else EXIT_OK)


__all__ = ["batch_cmd", "register_group", "guess_format", "render"]
