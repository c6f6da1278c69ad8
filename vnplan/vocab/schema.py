"""The JSON Schema of each vocabulary file, generated from its class (lược đồ từ vựng).

The classes in :mod:`vnplan.vocab.types` are the schema; this writes the same constraints as
JSON Schema (draft 2020-12) to ``vnplan/vocab/schemas/<topic>.schema.json`` for editors and
other tools. ``tests/test_vocab.py`` validates every vocabulary file against its schema and
fails while a committed schema differs from what this generates. After changing a class::

    python -m vnplan.vocab.schema
"""

from __future__ import annotations

import json
import sys
import typing
from collections.abc import Mapping
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal

import attrs

from vnplan.vocab import TOPICS

FOLDER = Path(__file__).resolve().parent / "schemas"
_PRIMITIVES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _doc(cls: type) -> str:
    return " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())


def _of(t: Any) -> dict[str, Any]:
    origin, args = typing.get_origin(t), typing.get_args(t)
    if t in _PRIMITIVES:
        return {"type": _PRIMITIVES[t]}
    if attrs.has(t):
        return schema_of_class(t)
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (typing.Union, UnionType):
        return {"anyOf": [{"type": "null"} if a is NoneType else _of(a) for a in args]}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _of(args[0])}
        return {"type": "array", "prefixItems": [_of(a) for a in args], "minItems": len(args), "maxItems": len(args)}
    if origin is Mapping:
        return {"type": "object", "additionalProperties": _of(args[1])}
    raise TypeError(f"no JSON Schema for {t!r}: add it to vnplan/vocab/schema.py")


def schema_of_class(cls: type) -> dict[str, Any]:
    """The JSON Schema of one attrs class: its fields, the required ones, no other key."""
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    return {
        "type": "object",
        "description": _doc(cls),
        "properties": {f.name: _of(hints[f.name]) for f in fields},
        "required": [f.name for f in fields if f.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def schema_of(topic: str) -> dict[str, Any]:
    """The JSON Schema of ``vnplan/vocab/<topic>.json``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://vnplan.example/vocab/{topic}.schema.json",
        "title": f"vnplan vocabulary: {topic}.json",
        **schema_of_class(TOPICS[topic]),
    }


def render(topic: str) -> str:
    """The schema file's text."""
    return json.dumps(schema_of(topic), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    FOLDER.mkdir(exist_ok=True)
    for topic in TOPICS:
        (FOLDER / f"{topic}.schema.json").write_text(render(topic), encoding="utf-8")
    sys.stdout.write(f"wrote {len(TOPICS)} schemas to {FOLDER}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
