"""The check stage: rules over a Plan (and a Profile), registered in one place."""

from __future__ import annotations

import importlib

# The one place that lists rule modules; importing them registers their rules.
RULE_MODULES: tuple[str, ...] = ("structure", "form", "layout", "references", "compliance")

for _name in RULE_MODULES:
    importlib.import_module(f"vnplan.check.{_name}")
