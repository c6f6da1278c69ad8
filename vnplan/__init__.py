"""vnplan: parse and check Vietnamese administrative plans (Kế hoạch).

Public API: :func:`read`, :func:`parse`, :func:`check`, and the model types.
"""

from __future__ import annotations

from vnplan.errors import VnplanError
from vnplan.model import (
    Abbreviation,
    Block,
    Citation,
    Header,
    LegalBasis,
    PartialDate,
    Plan,
    Recipient,
    Section,
    Signature,
    SourceDocument,
    Span,
)
from vnplan.read import read


def parse(source, *, require_plan: bool = True) -> Plan:  # type: ignore[no-untyped-def]
    """Parse a plan from a path, bytes, text or SourceDocument (see :func:`vnplan.parse.parse`)."""
    from vnplan.parse import parse as _parse

    return _parse(source, require_plan=require_plan)


def check(plan, *, select=None, ignore=None, lang: str = "vi", profile=None):  # type: ignore[no-untyped-def]
    """Check a plan against the rules (see :func:`vnplan.check.runner.check`); returns a Report."""
    from vnplan.check.runner import check as _check

    return _check(plan, select=select, ignore=ignore, lang=lang, profile=profile)


def plan_to_json(plan: Plan) -> str:
    """The plan as JSON text (contract: ``schemas/plan.schema.json``)."""
    from vnplan.serialize import dumps, plan_to_dict

    return dumps(plan_to_dict(plan))

__version__ = "0.1.0"

__all__ = [
    "Abbreviation",
    "Block",
    "Citation",
    "Header",
    "LegalBasis",
    "PartialDate",
    "Plan",
    "Recipient",
    "Section",
    "Signature",
    "SourceDocument",
    "Span",
    "VnplanError",
    "read",
    "parse",
    "check",
    "plan_to_json",
    "__version__",
]
