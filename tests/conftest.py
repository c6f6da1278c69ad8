"""Shared fixtures: paths to the bundled documents."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
REFERENCE = DATA / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE


@pytest.fixture(scope="session")
def reference_plan():  # type: ignore[no-untyped-def]
    import vnplan

    return vnplan.parse(REFERENCE)
