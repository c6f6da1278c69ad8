"""JSON output as text: every JSON view of the command line, and a batch streamed one plan at a time.

The dicts come from :mod:`vnplan.serialize`, the one converter; this module only turns them
into pretty, stable UTF-8 text (:func:`vnplan.serialize.dumps`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from vnplan.model import Plan
from vnplan.profiles.model import Profile, profile_to_dict
from vnplan.results import DocumentRow, MissingUnits, PlanResult, Report
from vnplan.rules.registry import Rule
from vnplan.serialize import (
    batch_head,
    document_row_to_dict,
    dumps,
    missing_to_dict,
    plan_result_to_dict,
    plan_to_dict,
    profile_summary,
    report_to_dict,
    rule_to_dict,
)


def render_plan_json(plan: Plan) -> str:
    """The plan (contract: ``schemas/plan.schema.json``)."""
    return dumps(plan_to_dict(plan))


def render_report_json(report: Report) -> str:
    """A check report (contract: ``schemas/report.schema.json``)."""
    return dumps(report_to_dict(report))


def render_rules_json(catalogue: Iterable[Rule]) -> str:
    return dumps([rule_to_dict(r) for r in catalogue])


def render_profile_json(profile: Profile) -> str:
    """A profile in its file format (contract: ``schemas/profile.schema.json``)."""
    return dumps(profile_to_dict(profile))


def render_profiles_json(profiles: Iterable[Profile]) -> str:
    return dumps([profile_summary(p) for p in profiles])


def render_documents_json(docs: Iterable[DocumentRow]) -> str:
    return dumps([document_row_to_dict(d) for d in docs])


def render_details_json(details: dict[str, Any]) -> str:
    return dumps(details)


def render_missing_json(m: MissingUnits) -> str:
    return dumps(missing_to_dict(m))


def iter_json(results: Iterable[PlanResult], *, profile: str | None = None) -> Iterator[str]:
    """The JSON of a batch (:func:`vnplan.serialize.batch_to_dict`) in pieces, one plan at a time.

    ``results`` is iterated three times (summary, requirement columns, plans): give a list or a
    :class:`vnplan.batch.Spool`, not a one-shot iterator.
    """
    text = json.dumps(batch_head(results, profile=profile), ensure_ascii=False, indent=2)
    yield text[:-2] + ',\n  "plans": ['
    first = True
    for r in results:
        yield ("\n    " if first else ",\n    ") + json.dumps(plan_result_to_dict(r), ensure_ascii=False)
        first = False
    yield "\n  ]\n}\n" if not first else "]\n}\n"
