"""Reports (báo cáo): every view of every result, and the choice of a view by format or file suffix.

The renderers live in one module per format (``text``, ``json``, ``sarif``, ``csv``,
``html``; ``coverage``, ``profile``, ``batch`` and ``register`` for the text views of those
results). :data:`RENDERERS` is the one table of which formats each kind of output has;
:func:`render` and :func:`iter_batch` pick from it, :func:`format_for` reads a batch report's
format from its file name. The command line only passes the user's choice along.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from vnplan.errors import UsageError
from vnplan.report import json as _json
from vnplan.report import register as _register
from vnplan.report.batch import iter_text
from vnplan.report.csv import iter_csv
from vnplan.report.html import iter_html
from vnplan.report.profile import render_profile, render_profiles
from vnplan.report.sarif import render_sarif
from vnplan.report.text import render_plan, render_report, render_rules
from vnplan.report.xlsx import render_xlsx
from vnplan.results import NaturalOrder, PlanResult

Renderer = Callable[..., str]


def _same_in_every_language(view: Callable[[Any], str]) -> Renderer:
    """A view whose words do not depend on ``lang`` (JSON, or text that carries its language inside)."""

    def renderer(obj: Any, *, lang: str = "vi") -> str:
        return view(obj)

    renderer.__doc__ = view.__doc__
    return renderer


_one = _same_in_every_language

#: For each kind of output, its formats (in the order ``--help`` lists them) and their
#: renderers, each called as ``renderer(obj, lang=…)``.
RENDERERS: dict[str, dict[str, Renderer]] = {
    "plan": {"json": _one(_json.render_plan_json), "text": _one(render_plan)},
    "check": {"json": _one(_json.render_report_json), "text": _one(render_report), "sarif": _one(render_sarif)},
    "rules": {"text": render_rules, "json": _one(_json.render_rules_json)},
    "profile": {"text": _one(render_profile), "json": _one(_json.render_profile_json)},
    "profiles": {"text": _one(render_profiles), "json": _one(_json.render_profiles_json)},
    "documents": {"text": _register.render_documents, "json": _one(_json.render_documents_json)},
    "document": {"text": _register.render_details, "json": _one(_json.render_details_json)},
    "missing": {"text": _register.render_missing, "json": _one(_json.render_missing_json)},
}

#: Formats of a batch report, and the suffixes that choose them.
BATCH_FORMATS: tuple[str, ...] = ("json", "csv", "html", "xlsx", "text")
SUFFIX_FORMATS: dict[str, str] = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html",
                                  ".xlsx": "xlsx", ".txt": "text", ".text": "text"}
#: Formats that are bytes, not text: never written to a terminal.
BINARY_FORMATS: tuple[str, ...] = ("xlsx",)


def formats(kind: str) -> tuple[str, ...]:
    """The formats of one kind of output (``plan``, ``check``, ``rules``…)."""
    return tuple(RENDERERS[kind])


def for_format(kind: str, fmt: str) -> Renderer:
    """The renderer of ``kind`` in format ``fmt``; a usage error names the formats there are."""
    table = RENDERERS[kind]
    if fmt not in table:
        raise UsageError(f"no {fmt!r} format for {kind}", hint=f"use {' or '.join(table)}")
    return table[fmt]


def render(kind: str, obj: Any, fmt: str = "text", *, lang: str = "vi") -> str:
    """``obj`` (a Plan, a Report, the rule catalogue, a Profile…) as text in format ``fmt``."""
    return for_format(kind, fmt)(obj, lang=lang)


def format_for(output: str | None, fmt: str | None) -> str:
    """A batch report's format: ``fmt`` if given, else from the output's suffix, else text (standard output)."""
    if fmt:
        return fmt
    if output is None or output == "-":
        return "text"
    suffix = Path(output).suffix.lower()
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    raise UsageError(f"cannot tell the report format from {output!r}",
                     hint="use --format json|csv|html|xlsx|text or a .json/.csv/.html/.xlsx/.txt name")


def iter_batch(results: Sequence[PlanResult], fmt: str, *, lang: str = "vi", profile: str | None = None,
               bom: bool = False) -> Iterator[str | bytes]:
    """A batch report in pieces, each ending its line (the workbook: one piece of bytes).

    ``results`` must be indexable and iterable more than once (a list or a Spool); every view
    but JSON shows the plans in natural order of unit, then file (``skel-2`` before
    ``skel-10``), JSON keeps the order they were checked in. ``profile`` names the profile in
    the JSON, HTML and workbook forms; ``bom`` starts a CSV with a byte-order mark (for a file
    Excel opens, not for a terminal).
    """
    if fmt == "json":
        return _json.iter_json(results, profile=profile)
    if fmt not in BATCH_FORMATS:
        raise UsageError(f"no {fmt!r} format for a batch report", hint=f"use {' or '.join(BATCH_FORMATS)}")
    shown = NaturalOrder(results)
    if fmt == "csv":
        return iter_csv(shown, bom=bom, lang=lang)
    if fmt == "html":
        return (piece + "\n" for piece in iter_html(shown, lang=lang, profile=profile))
    if fmt == "xlsx":
        return iter((render_xlsx(shown, lang=lang, profile=profile),))
    return (line + "\n" for line in iter_text(shown, lang=lang))


__all__ = ["BATCH_FORMATS", "BINARY_FORMATS", "RENDERERS", "SUFFIX_FORMATS", "for_format", "format_for", "formats", "iter_batch",
           "render"]
