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

import importlib
import sys
import types

from vnplan.version import __version__

# typing is not imported at run time (about 7 ms of `vnplan --version`): static checkers read
# the block below, where TYPE_CHECKING is true for them
TYPE_CHECKING = False

# Nothing heavy is imported here: each public name is loaded from its module on first use
# (module ``__getattr__``, PEP 562), so ``import vnplan`` and ``vnplan --version`` cost next to
# nothing and a command loads only what it runs (docs/design.md, "Lazy imports").
if TYPE_CHECKING:  # what static checkers and editors see: the same names, imported eagerly
    from typing import Any

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

_ERRORS = ("VnplanError BinaryInputError CorruptFileError DataFileError EmptyInputError EncodingError "
           "EncryptedFileError InputError MissingExtraError NeedsOCRError NotAPlanError ProfileError "
           "UnsafeFileError UnsupportedFormatError UsageError")
_MODEL = ("Abbreviation AbbreviationUse AuthorityLine Block Citation Coverage Evidence Header "
          "InternalReference LegalBasis PageSetup Paragraph PartialDate Plan Recipient RequirementResult "
          "Run Section Signature SourceDocument Span TablePos TextField")

#: Every lazily loaded name → the module that defines it.
_WHERE: dict[str, str] = {
    **dict.fromkeys(_ERRORS.split(), "vnplan.errors"),
    **dict.fromkeys(_MODEL.split(), "vnplan.model"),
    "batch": "vnplan.batch",
    "skeleton": "vnplan.generate",
    "skeleton_markdown": "vnplan.generate",
    "parse": "vnplan.parse",
    "Profile": "vnplan.profiles",
    "Requirement": "vnplan.profiles",
    "read": "vnplan.read",
    "Finding": "vnplan.results",
    "PlanResult": "vnplan.results",
    "Report": "vnplan.results",
    "comply": "vnplan.rules.compliance",
    "Rule": "vnplan.rules.registry",
    "check": "vnplan.rules.runner",
    "dumps": "vnplan.serialize",
    "plan_to_dict": "vnplan.serialize",
}

#: The stage packages vnplan.read, vnplan.parse and vnplan.batch share their names with the
#: API functions. Importing a submodule makes Python bind the package as an attribute of its
#: parent (``vnplan.parse = <module>``); these names are properties of the root module's
#: class, which ignore that binding, so ``vnplan.parse(...)`` is always the function while
#: ``from vnplan.parse import parse_document`` still reaches the package (through sys.modules).
_SHADOWED = ("read", "parse", "batch")


def _load(name: str) -> Any:
    return getattr(importlib.import_module(_WHERE[name]), name)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'vnplan' has no attribute {name!r}")
    value = _load(name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _function_property(name: str) -> property:
    overrides: dict[str, Any] = {}

    def get(module: types.ModuleType) -> Any:
        if name not in overrides:
            overrides[name] = _load(name)
        return overrides[name]

    def set_(module: types.ModuleType, value: Any) -> None:
        if isinstance(value, types.ModuleType) and value.__name__ == f"vnplan.{name}":
            return  # the import system binding the package: keep the function
        overrides[name] = value  # an explicit assignment (a test's monkeypatch) wins

    def delete(module: types.ModuleType) -> None:
        overrides.pop(name, None)

    return property(get, set_, delete)


class _Root(types.ModuleType):
    read = _function_property("read")
    parse = _function_property("parse")
    batch = _function_property("batch")


sys.modules[__name__].__class__ = _Root


def plan_to_json(plan: Plan) -> str:
    """The plan as JSON text (contract: ``schemas/plan.schema.json``)."""
    serialize = importlib.import_module("vnplan.serialize")
    return str(serialize.dumps(serialize.plan_to_dict(plan)))


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
