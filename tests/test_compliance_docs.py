"""docs/compliance.md carries the rubric of the evaluation set (tests/data/compliance/README.md): the two copies agree."""

from __future__ import annotations

from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent


def rubric(path: Path) -> str:
    """The text under the heading that names the rubric, up to the next heading of its level."""
    text = path.read_text(encoding="utf-8")
    m = regex.search(r"^## (?:The r|R)ubric: how a careful reader decides\n(.*?)(?=^## |\Z)", text,
                     regex.MULTILINE | regex.DOTALL)
    assert m, f"{path} has no rubric"
    body = m.group(1)
    return body.split("\nThis rubric is the one of")[0].strip()


def test_the_documented_rubric_is_the_evaluation_sets():
    assert rubric(ROOT / "docs" / "compliance.md") == rubric(ROOT / "tests" / "data" / "compliance" / "README.md")
