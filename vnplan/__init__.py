"""vnplan: parse and check Vietnamese administrative plans (Kế hoạch).

Public API: :func:`read`, :func:`parse`, :func:`check`, :func:`comply`, :func:`skeleton`,
:func:`batch`, and the model types.
"""

from __future__ import annotations

from vnplan.errors import VnplanError
from vnplan.model import (
    Abbreviation,
    Block,
    Citation,
    Coverage,
    Evidence,
    Header,
    LegalBasis,
    PartialDate,
    Plan,
    Recipient,
    RequirementResult,
    Section,
    Signature,
    SourceDocument,
    Span,
)
# The stage packages share their names with the API functions (vnplan.read, vnplan.parse,
# vnplan.batch): import the packages first, then bind the names to the functions, so that
# ``vnplan.parse(...)`` is the function and ``from vnplan.parse import …`` the package.
# (The rules live in vnplan.rules, so vnplan.check is only the function.)
import vnplan.batch
import vnplan.parse
import vnplan.read
from vnplan.batch import batch
from vnplan.rules.runner import check
from vnplan.generate import skeleton, skeleton_markdown
from vnplan.parse import parse
from vnplan.read import read
from vnplan.serialize import dumps, plan_to_dict
from vnplan.version import __version__


def comply(plan, profile) -> Coverage:  # type: ignore[no-untyped-def]
    """How ``plan`` covers the requirements of ``profile`` (a shipped name, a JSON file, a dict or a
    Profile): each requirement met, partial, missing or placeholder, with located evidence.
    ``plan`` is a Plan or anything :func:`parse` takes."""
    from vnplan.rules.compliance import comply as _comply

    return _comply(plan, profile)


def plan_to_json(plan: Plan) -> str:
    """The plan as JSON text (contract: ``schemas/plan.schema.json``)."""
    return dumps(plan_to_dict(plan))


__all__ = [
    "Abbreviation",
    "Block",
    "Citation",
    "Coverage",
    "Evidence",
    "Header",
    "LegalBasis",
    "PartialDate",
    "Plan",
    "Recipient",
    "RequirementResult",
    "Section",
    "Signature",
    "SourceDocument",
    "Span",
    "VnplanError",
    "read",
    "parse",
    "check",
    "comply",
    "skeleton",
    "skeleton_markdown",
    "batch",
    "plan_to_json",
    "__version__",
]
