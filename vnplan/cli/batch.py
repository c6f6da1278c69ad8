"""``vnplan batch``: every plan under some folders, one report (text, JSON, CSV or HTML) and an optional register.

Exit codes as everywhere: 0 all plans pass, 1 a plan fails (unreadable, an error-level
finding, a mandatory requirement missing, over the time limit), 2 unusable arguments (no
plan files found, unknown profile or rule id, bad output), an interruption, or workers or a
cluster that cannot be used.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from vnplan.baseline import Baseline, results_baseline, write_baseline
from vnplan.batch import DEFAULT_TIMEOUT, Spool, batch, check_targets, iter_plan_files
from vnplan.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LANG,
    echo,
    guard,
    ids,
    terminal_view,
)
from vnplan.errors import UsageError
from vnplan.output import write_atomic
from vnplan.report import BATCH_FORMATS, BINARY_FORMATS, format_for, iter_batch
from vnplan.report.batch import render_summary
from vnplan.results import PlanResult


@click.command("batch")
@click.argument("paths", nargs=-1, required=True)
@click.option("--profile", default=None, help="Requirement profile of the parent plan (name or JSON file).")
@click.option("-o", "--output", default=None, help="Write the report to this file (format from its suffix).")
@click.option("--format", "fmt", type=click.Choice(BATCH_FORMATS), default=None,
              help="Report format [default: from -o's suffix, else text].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: all cores, one for fewer than 8 files]; with --executor "
                   "dask://local or ray://local, the workers of the local cluster.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one file may take; a file over it is an error row (0: no limit).")
@click.option("--executor", default=None, metavar="URL",
              help="Check on a cluster: dask://HOST:PORT, ray://HOST:PORT, dask://local or ray://local "
                   "(file contents travel with the tasks).")
@click.option("--register", "register_db", default=None, help="Record every result in this SQLite register.")
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--baseline", default=None, help="Show only the findings not accepted in this baseline file.")
@click.option("--write-baseline", "baseline_out", default=None,
              help="Accept every finding of this run: write them to this baseline file.")
@LANG
@guard
def batch_cmd(paths: tuple[str, ...], profile: str | None, output: str | None, fmt: str | None,
              jobs: int | None, timeout: float, executor: str | None, register_db: str | None,
              select: tuple[str, ...], ignore: tuple[str, ...], baseline: str | None,
              baseline_out: str | None, lang: str) -> None:
    """Check every plan under PATHS (folders are walked for .docx, .pdf, .txt, .md).

    Exit 1 when a plan is unreadable, has an error-level finding or misses a mandatory
    requirement of the profile.
    """
    fmt = format_for(output, fmt)
    if fmt in BINARY_FORMATS and output in (None, "-"):
        raise UsageError("a workbook cannot go to the terminal", hint="give a file name: -o report.xlsx")
    accepted = Baseline.load(baseline) if baseline else Baseline()
    files = list(iter_plan_files(paths))
    if not files:
        raise UsageError("no plan files found (.docx, .pdf, .txt, .md)", hint="check the paths you gave")
    check_targets(paths, files, report=output, register=register_db)
    err_console = Console(stderr=True)
    failing = False
    with Spool() as results, Spool() as everything:
        checked = batch(files, profile=profile, jobs=jobs, select=ids(select) or None,
                        ignore=ids(ignore) or None, lang=lang, register=register_db,
                        timeout=timeout or None, executor=executor)
        # the register keeps every finding; the report shows the ones not accepted (--baseline)
        iterator = (accepted.filter_result(_kept(everything, r, baseline_out)) for r in checked)
        if err_console.is_terminal:  # a progress bar on a terminal, nothing of it otherwise
            with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                          MofNCompleteColumn(), TimeRemainingColumn(), console=err_console, transient=True) as bar:
                task = bar.add_task("vnplan batch", total=len(files))
                for r in iterator:
                    results.append(r)
                    failing = failing or r.failing
                    bar.update(task, advance=1, description=escape(terminal_view(Path(r.file).name[:40], "text")))
        else:
            for r in iterator:
                results.append(r)
                failing = failing or r.failing

        shown = cast(Sequence[PlanResult], results)  # a Spool is indexable and sized, as a report needs
        if baseline_out:
            write_baseline(baseline_out, results_baseline(everything))
        if output and output != "-":
            pieces = (terminal_view(p, fmt) if isinstance(p, str) else p for p in iter_batch(shown, fmt, lang=lang, profile=profile, bom=True))
            write_atomic(output, pieces, what="report")
            if fmt != "text":  # the terminal still gets the totals
                echo(terminal_view(render_summary(results, lang=lang), "text"))
        else:
            for piece in iter_batch(shown, fmt, lang=lang, profile=profile, bom=False):
                echo(terminal_view(piece, fmt) if isinstance(piece, str) else piece, nl=False)
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _kept(spool: Spool, result: PlanResult, wanted: str | None) -> PlanResult:
    """Keep ``result`` with all its findings when a baseline is to be written from them."""
    if wanted:
        spool.append(result)
    return result
