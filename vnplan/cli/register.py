"""``vnplan register list|show|missing``: questions to the register of checked documents.

``register missing`` exits 1 when a unit is missing or a plan cites the parent with a wrong
date, 2 on unusable arguments.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys

import click

import vnplan.vocab as vocab
from vnplan.cli.common import EXIT_FINDINGS, EXIT_OK, LANG, format_option, guard, say, show
from vnplan.errors import UsageError
from vnplan.profiles import load
from vnplan.register import Register, parse_reference, read_units_csv
from vnplan.report import formats, render
from vnplan.results import MissingUnits


@click.group("register")
def register_group() -> None:
    """Query the register of checked documents (a SQLite file written by `vnplan batch --register`)."""


def _open(db: str) -> Register:
    if not os.path.exists(db):
        raise UsageError(f"no register at {db!r}", hint="create it with: vnplan batch PLANS --register " + db)
    return Register(db)


_DB = click.option("--db", required=True, help="The register file (SQLite).")


@register_group.command("list")
@_DB
@click.option("--unit", default=None, help="Only this unit's documents, oldest first: the history of its plan.")
@format_option(formats("documents"))
@LANG
@guard
def register_list(db: str, unit: str | None, fmt: str, lang: str) -> None:
    """List registered documents (by unit, then date), or one unit's revisions with --unit."""
    with _open(db) as reg:
        docs = reg.history(unit) if unit else reg.documents()
    show(render("documents", docs, fmt, lang=lang), fmt=fmt)
    if unit and not docs and fmt == "text":
        say(vocab.labels().register["no_unit"].get(lang).format(unit=repr(unit)))


@register_group.command("show")
@_DB
@click.argument("key")
@format_option(formats("document"))
@LANG
@guard
def register_show(db: str, key: str, fmt: str, lang: str) -> None:
    """Show one document (KEY: its path or a prefix of its SHA-256) with citations, findings and results."""
    with _open(db) as reg:
        doc = reg.find(key)
        if doc is None:
            raise UsageError(f"no document {key!r} in the register", hint="`vnplan register list` shows them")
        details = reg.details(doc.id)
    show(render("document", details, fmt, lang=lang), fmt=fmt)


def _parent_of(parent: str | None, parent_date: str | None, profile: str | None) -> tuple[str, str, _dt.date | None]:
    """The parent plan's number, symbol and date from --profile, then --parent and --parent-date."""
    number = symbol = None
    date = None
    if profile:
        p = getattr(load(profile), "parent", None)
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
@format_option(formats("missing"))
@LANG
@guard
def register_missing(db: str, expected: str, parent: str | None, parent_date: str | None, profile: str | None,
                     fmt: str, lang: str) -> None:
    """Expected units with no plan implementing the parent yet, and plans citing it with a wrong date.

    Exit 1 when a unit is missing or a plan cites a wrong date.
    """
    number, symbol, date = _parent_of(parent, parent_date, profile)
    units = read_units_csv(expected)
    with _open(db) as reg:
        result = MissingUnits(number=number, symbol=symbol, date=date, expected=len(units),
                              missing=tuple(reg.missing(units, number, symbol)),
                              wrong_dates=tuple(reg.wrong_dates(number, symbol, date) if date else ()))
    show(render("missing", result, fmt, lang=lang), fmt=fmt)
    sys.exit(EXIT_FINDINGS if result.failing else EXIT_OK)
