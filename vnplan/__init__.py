"""vnplan: parse and check Vietnamese administrative plans (Kế hoạch).

Public API: :func:`read`, :func:`parse`, :func:`check`, :func:`comply`, :func:`skeleton`,
:func:`skeleton_markdown`, :func:`batch`, :func:`plan_to_json`, and the types they take and
return: the model (:class:`Plan` and its parts, :class:`SourceDocument`), the results
(:class:`Report`, :class:`Finding`, :class:`Coverage`, :class:`RequirementResult`,
:class:`Evidence`, :class:`PlanResult`), :class:`Rule`, :class:`Profile` and
:class:`Requirement`, and the errors (:class:`VnplanError` and its family).

This is the top of the layers (docs/design.md): it may import any module, and no module of
the package imports it.
"""

from __future__ import annotations

# The stage packages vnplan.read, vnplan.parse and vnplan.batch share their names with the API
# functions: importing a function from its package loads the package (which sets the
# attribute to the module) and then binds the name to the function, so ``vnplan.parse(...)``
# is the function while ``from vnplan.parse import parse_document`` still reaches the package.
# The rules live in vnplan.rules, so vnplan.check is only the function.
from vnplan.batch import batch
from vnplan.errors import (
    BinaryInputError,
    CorruptFileError,
    DataFileError,
    EmptyInputError,
    EncodingError,
    EncryptedFileError,
    InputError,
    MissingExtraError,
    NeedsOCRError,
    NotAPlanError,
    ProfileError,
    UnsafeFileError,
    UnsupportedFormatError,
    UsageError,
    VnplanError,
)
from vnplan.generate import skeleton, skeleton_markdown
from vnplan.model import (
    Abbreviation,
    AbbreviationUse,
    AuthorityLine,
    Block,
    Citation,
    Coverage,
    Evidence,
    Header,
    InternalReference,
    LegalBasis,
    PageSetup,
    Paragraph,
    PartialDate,
    Plan,
    Recipient,
    RequirementResult,
    Run,
    Section,
    Signature,
    SourceDocument,
    Span,
    TablePos,
    TextField,
)
from vnplan.parse import parse
from vnplan.profiles import Profile, Requirement
from vnplan.read import read
from vnplan.results import Finding, PlanResult, Report
from vnplan.rules.compliance import comply
from vnplan.rules.registry import Rule
from vnplan.rules.runner import check
from vnplan.serialize import dumps, plan_to_dict
from vnplan.version import __version__


def plan_to_json(plan: Plan) -> str:
    """The plan as JSON text (contract: ``schemas/plan.schema.json``)."""
    return dumps(plan_to_dict(plan))


__all__ = [
    # functions
    "read",
    "parse",
    "check",
    "comply",
    "skeleton",
    "skeleton_markdown",
    "batch",
    "plan_to_json",
    # the model
    "Abbreviation",
    "AbbreviationUse",
    "AuthorityLine",
    "Block",
    "Citation",
    "Header",
    "InternalReference",
    "LegalBasis",
    "PageSetup",
    "Paragraph",
    "PartialDate",
    "Plan",
    "Recipient",
    "Run",
    "Section",
    "Signature",
    "SourceDocument",
    "Span",
    "TablePos",
    "TextField",
    # results, rules and profiles
    "Coverage",
    "Evidence",
    "Finding",
    "PlanResult",
    "Profile",
    "Report",
    "Requirement",
    "RequirementResult",
    "Rule",
    # errors
    "VnplanError",
    "BinaryInputError",
    "CorruptFileError",
    "DataFileError",
    "EmptyInputError",
    "EncodingError",
    "EncryptedFileError",
    "InputError",
    "MissingExtraError",
    "NeedsOCRError",
    "NotAPlanError",
    "ProfileError",
    "UnsafeFileError",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
]
