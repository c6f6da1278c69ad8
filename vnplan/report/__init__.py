"""Reports (báo cáo): every view of every result, and the choice of a view by format or file suffix.

The renderers live in one module per format (``text``, ``json``, ``sarif``, ``csv``,
``html``; ``coverage``, ``profile``, ``batch`` and ``register`` for the text views of those
results). :data:`RENDERERS` is the one table of which formats each kind of output has;
:func:`render` and :func:`iter_batch` pick from it, :func:`format_for` reads a batch report's
format from its file name. The command line only passes the user's choice along.

A renderer's module is imported when the renderer is first called (``module:function`` in the
table, through :func:`importlib.import_module`, docs/design.md "Lazy imports"): a command pays
only for the format it writes, not for HTML, CSV, SARIF and the register's views.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from vnplan.errors import UsageError
from vnplan.results import NaturalOrder, PlanResult

Renderer = Callable[..., str]


def _load(target: str) -> Any:
    """The function ``module:name`` of this package, its module imported now if it was not yet."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(f"vnplan.report.{module}"), name)


def _lazy(target: str, *, same_in_every_language: bool = False) -> Renderer:
    """A renderer that loads ``module:function`` on its first call; ``same_in_every_language``: a
    view whose words do not depend on ``lang`` (JSON, or text that carries its language inside)."""

    def renderer(obj: Any, *, lang: str = "vi") -> str:
        view = _load(target)
        return str(view(obj) if same_in_every_language else view(obj, lang=lang))

    renderer.__qualname__ = renderer.__name__ = target.partition(":")[2]
    return renderer


def _one(target: str) -> Renderer:
    return _lazy(target, same_in_every_language=True)


#: For each kind of output, its formats (in the order ``--help`` lists them) and their
#: renderers, each called as ``renderer(obj, lang=…)``.
RENDERERS: dict[str, dict[str, Renderer]] = {
    "plan": {"json": _one("json:render_plan_json"), "text": _one("text:render_plan")},
    "check": {"json": _one("json:render_report_json"), "text": _one("text:render_report"),
              "sarif": _one("sarif:render_sarif")},
    "rules": {"text": _lazy("text:render_rules"), "json": _one("json:render_rules_json")},
    "profile": {"text": _one("profile:render_profile"), "json": _one("json:render_profile_json")},
    "profiles": {"text": _one("profile:render_profiles"), "json": _one("json:render_profiles_json")},
    "documents": {"text": _lazy("register:render_documents"), "json": _one("json:render_documents_json")},
    "document": {"text": _lazy("register:render_details"), "json": _one("json:render_details_json")},
    "missing": {"text": _lazy("register:render_missing"), "json": _one("json:render_missing_json")},
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
        return _load("json:iter_json")(results, profile=profile)  # type: ignore[no-any-return]
    if fmt not in BATCH_FORMATS:
        raise UsageError(f"no {fmt!r} format for a batch report", hint=f"use {' or '.join(BATCH_FORMATS)}")
    shown = NaturalOrder(results)
    if fmt == "csv":
        return _load("csv:iter_csv")(shown, bom=bom, lang=lang)  # type: ignore[no-any-return]
    if fmt == "html":
        return (piece + "\n" for piece in _load("html:iter_html")(shown, lang=lang, profile=profile))
    if fmt == "xlsx":
        return iter((_load("xlsx:render_xlsx")(shown, lang=lang, profile=profile),))
    return (line + "\n" for line in _load("batch:iter_text")(shown, lang=lang))


__all__ = ["BATCH_FORMATS", "BINARY_FORMATS", "RENDERERS", "SUFFIX_FORMATS", "for_format", "format_for", "formats", "iter_batch",
           "render"]
