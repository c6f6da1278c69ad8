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
    "__version__",
]
