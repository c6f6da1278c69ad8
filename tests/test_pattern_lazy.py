"""Patterns are compiled on first use (vnplan.pattern.guarded): every module-level one must still compile."""

from __future__ import annotations

import importlib
import pkgutil

import vnplan
from vnplan.pattern import Pattern, guarded

OPTIONAL = ("vnplan.web", "vnplan.batch.cluster", "vnplan.nlp")


def test_every_module_level_pattern_compiles() -> None:
    seen = 0
    for info in pkgutil.walk_packages(vnplan.__path__, "vnplan."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            if info.name.startswith(OPTIONAL):
                continue
            raise
        for value in vars(module).values():
            if isinstance(value, Pattern):
                assert value.raw.pattern == value.pattern
                seen += 1
    assert seen > 100


def test_compiled_on_first_use_only() -> None:
    p = guarded(r"\d+")
    assert p._raw is None  # nothing compiled yet
    assert p.search("ab 12").group() == "12"
    assert p._raw is not None and p.raw is p._raw
