"""JSON output: a plan, a check report, and a batch streamed one plan at a time (the dicts: :mod:`vnplan.serialize`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from vnplan.model import Plan
from vnplan.results import PlanResult, Report
from vnplan.serialize import batch_head, dumps, plan_result_to_dict, plan_to_dict, report_to_dict


def render_plan_json(plan: Plan) -> str:
    """The plan (contract: ``schemas/plan.schema.json``)."""
    return dumps(plan_to_dict(plan))


def render_report_json(report: Report) -> str:
    """A check report (contract: ``schemas/report.schema.json``)."""
    return dumps(report_to_dict(report))


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
