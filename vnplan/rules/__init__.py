"""The rules (quy tắc kiểm tra): registered in one place, run over a Plan (and a Profile).

Importing this package imports every rule module, which registers its rules; the list
below is the one place that names them. :func:`vnplan.check` is the function that runs
them (:mod:`vnplan.rules.runner`).
"""

from __future__ import annotations

from vnplan.rules import compliance, form, layout, references, structure

#: The rule modules, in the order their ids begin (F1xx structure and form, layout, R2xx, C3xx).
RULE_MODULES = (structure, form, layout, references, compliance)

__all__ = ["RULE_MODULES"]
