"""Running the registered rules over a plan: the engine behind :func:`vnplan.check`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from vnplan.errors import PatternTimeoutError, UsageError
from vnplan.model import Plan, SourceDocument
from vnplan.parse import parse
from vnplan.rules.compliance import prepare
from vnplan.results import Report
from vnplan.rules.registry import Context, run_rules, select_rules

LANGS = ("vi", "en")


def check(
    plan: Plan | str | os.PathLike[str] | SourceDocument,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    lang: str = "vi",
    profile: Any = None,
) -> Report:
    """Check a plan (or anything :func:`vnplan.parse` takes) against the selected rules.

    ``select``/``ignore`` take rule ids or prefixes (``F1``, ``R204``). ``lang`` chooses the
    language of the messages. ``profile`` (a requirement profile or its name) adds the
    compliance rules and the coverage of the parent plan's requirements.
    """
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r}", hint="use vi or en")
    if not isinstance(plan, Plan):
        plan = parse(plan)
    chosen = select_rules(select, ignore)
    coverage = None
    if profile is not None:
        profile, coverage = prepare(plan, profile)
    ctx = Context(plan=plan, profile=profile, coverage=coverage)
    path = plan.source.path if plan.source else None
    try:
        findings = run_rules(ctx, chosen, lang=lang)
    except PatternTimeoutError as exc:  # the last guard of vnplan.pattern: name the file
        raise exc.at(path) from None
    return Report(findings=findings, path=path, lang=lang, coverage=coverage)
