"""Vietnamese vocabulary shipped as data (từ vựng): document types and codes, headings, header words.

Each file is JSON with a ``source`` saying where its content comes from; it is loaded once.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from vnplan.data import load_json
from vnplan.text import key


@cache
def load(name: str) -> Any:
    """The parsed content of ``vnplan/vocab/<name>.json``."""
    return load_json(__package__, f"{name}.json")


@cache
def doc_types() -> tuple[dict[str, Any], ...]:
    """Document types with their Decree 30 codes (Phụ lục III) and legal-normative types."""
    return tuple(load("doc_types")["types"])


@cache
def type_names() -> tuple[str, ...]:
    """Distinct type names, longest first (so ``Thông tư liên tịch`` wins over ``Thông tư``)."""
    names = {t["name"] for t in doc_types()}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def code_for(name: str) -> str | None:
    """The Appendix III code of an administrative type name (``Kế hoạch`` → ``KH``)."""
    k = key(name)
    for t in doc_types():
        if key(t["name"]) == k and t["group"] in ("administrative", "legal", "copy"):
            return t["code"]
    return None


@cache
def names_for_code(code: str) -> tuple[str, ...]:
    """Type names whose code is ``code`` (``QĐ`` → Quyết định, and the Party's Quy định)."""
    return tuple(dict.fromkeys(t["name"] for t in doc_types() if t["code"] == code))


@cache
def canonical_type(name: str) -> str | None:
    """The canonical spelling of a type name given in any case (``KẾ HOẠCH`` → ``Kế hoạch``)."""
    k = key(name)
    for n in type_names():
        if key(n) == k:
            return n
    return None


def header() -> dict[str, Any]:
    return load("header")  # type: ignore[no-any-return]


def headings() -> dict[str, Any]:
    return load("headings")  # type: ignore[no-any-return]
