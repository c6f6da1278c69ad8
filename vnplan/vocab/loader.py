"""Strict loading of a vocabulary file into its class (nạp từ vựng): the class is the schema.

:func:`structure` reads ``vnplan/vocab/<topic>.json`` through :func:`vnplan.data.load_json`
and builds the frozen class, walking the class's fields and their types (:func:`build`; cattrs,
about 35 ms to import and generate its code, is loaded only to explain a file that does not
fit, and builds the same objects: tests/test_vocab.py). Nothing is coerced: a string where a list belongs, a
number where a string belongs, a missing or an unknown key is a
:class:`~vnplan.errors.DataFileError` that names the file and the key (``$.layout.paper.width_mm``).
Lists become tuples and objects used as tables become read-only mappings.
"""

from __future__ import annotations

import sys
import typing
from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType, NoneType, UnionType
from typing import Any, TypeVar

import attrs

from vnplan.data import load_json
from vnplan.errors import DataFileError

T = TypeVar("T")

_HINT = "the vocabulary file does not match its class in vnplan/vocab/types.py (fix one or the other)"


def _strict(kind: type) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                return float(value)
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")
        return value

    return hook


def _origin(t: Any) -> Any:
    return typing.get_origin(t)


def _make_converter(detailed: bool) -> Any:
    import cattrs  # lazy: only to explain a file that does not fit, docs/design.md

    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, _strict(kind))

    def tuple_hook(t: Any) -> Any:
        args = typing.get_args(t)

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__} {value!r}")
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple(conv.structure(v, args[0]) for v in value)
            if len(value) != len(args):
                raise TypeError(f"expected a list of {len(args)}, got {len(value)}")
            return tuple(conv.structure(v, a) for v, a in zip(value, args))

        return hook

    def mapping_hook(t: Any) -> Any:
        _, val = typing.get_args(t)

        def hook(value: Any, _: Any) -> Mapping[str, Any]:
            if not isinstance(value, dict):
                raise TypeError(f"expected an object, got {type(value).__name__} {value!r}")
            return MappingProxyType({str(k): conv.structure(v, val) for k, v in value.items()})

        return hook

    def optional_hook(t: Any) -> Any:
        inner = next(a for a in typing.get_args(t) if a is not NoneType)

        def hook(value: Any, _: Any) -> Any:
            return None if value is None else conv.structure(value, inner)

        return hook

    conv.register_structure_hook_factory(lambda t: _origin(t) is tuple, tuple_hook)
    conv.register_structure_hook_factory(lambda t: _origin(t) is Mapping, mapping_hook)
    conv.register_structure_hook_factory(
        lambda t: _origin(t) in (typing.Union, UnionType) and NoneType in typing.get_args(t)
        and len(typing.get_args(t)) == 2,
        optional_hook,
    )
    return conv


@cache
def converter() -> Any:
    """The cattrs converter that stops at the first fault (the reference :func:`build` is held to)."""
    return _make_converter(detailed=False)


@cache
def _detailed() -> Any:
    """A converter that collects every fault with its path: built only to explain a file that does not fit."""
    return _make_converter(detailed=True)


class _Unfit(Exception):
    """The value does not fit its type (or the type is one :func:`build` leaves to cattrs)."""


_SCALARS = (str, int, float, bool)
Builder = Callable[[Any], Any]


@cache
def _hint(module: str, text: str) -> Any:
    """The type an annotation's text names in ``module`` (``None`` is ``NoneType``, as ``get_type_hints`` has it)."""
    value = eval(text, vars(sys.modules[module]))  # noqa: S307  (the annotation of one of vnplan's own classes)
    return NoneType if value is None else value


@cache
def _fields(cls: type) -> tuple[tuple[str, str, Any, bool], ...]:
    """(key, argument name, type, required) of each field of an attrs class."""
    try:  # the annotations' texts (from __future__ import annotations), each evaluated once for every class
        hints = {a.name: _hint(cls.__module__, a.type) if isinstance(a.type, str) else a.type
                 for a in attrs.fields(cls)}
    except Exception:  # noqa: BLE001  (a name from elsewhere: let typing resolve it)
        hints = typing.get_type_hints(cls)
    return tuple((a.name, a.alias or a.name, hints[a.name], a.default is attrs.NOTHING)
                 for a in attrs.fields(cls) if a.init)


def _scalar(kind: type) -> Builder:
    def scalar(value: Any) -> Any:
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                return float(value)
            raise _Unfit
        return value

    return scalar


def _record(cls: type) -> Builder:
    fields = tuple((key, name, builder(kind), required) for key, name, kind, required in _fields(cls))
    keys = frozenset(f[0] for f in fields)

    def record(value: Any) -> Any:
        if not isinstance(value, dict) or not keys.issuperset(value):
            raise _Unfit  # not an object, or an unknown key
        args = {}
        for key, name, build_field, required in fields:
            if key in value:
                args[name] = build_field(value[key])
            elif required:
                raise _Unfit
        return cls(**args)

    return record


def _sequence(t: Any, params: tuple[Any, ...]) -> Builder:
    if len(params) == 2 and params[1] is Ellipsis:
        item = builder(params[0])

        def many(value: Any) -> Any:
            if not isinstance(value, list):
                raise _Unfit
            return tuple([item(v) for v in value])

        return many
    items = tuple(builder(a) for a in params)

    def fixed(value: Any) -> Any:
        if not isinstance(value, list) or len(value) != len(items):
            raise _Unfit
        return tuple(b(v) for b, v in zip(items, value))

    return fixed


def _table(params: tuple[Any, ...]) -> Builder:
    item = builder(params[1])

    def table(value: Any) -> Any:
        if not isinstance(value, dict):
            raise _Unfit
        return MappingProxyType({str(k): item(v) for k, v in value.items()})

    return table


def _optional(params: tuple[Any, ...]) -> Builder:
    inner = builder(params[0] if params[1] is NoneType else params[1])

    def optional(value: Any) -> Any:
        return None if value is None else inner(value)

    return optional


def _literal(params: tuple[Any, ...]) -> Builder:
    kinds = {type(p) for p in params}

    def literal(value: Any) -> Any:
        if value not in params or type(value) not in kinds:
            raise _Unfit
        return value

    return literal


def _unknown(value: Any) -> Any:
    raise _Unfit  # a type the vocabulary does not use: cattrs decides


@cache
def builder(t: Any) -> Builder:
    """The function that builds type ``t`` from parsed JSON, made once per type (see :func:`build`)."""
    if t in _SCALARS:
        return _scalar(t)
    if attrs.has(t):
        return _record(t)
    origin = typing.get_origin(t)
    params = typing.get_args(t)
    if origin is tuple:
        return _sequence(t, params)
    if origin is Mapping:
        return _table(params)
    if origin in (typing.Union, UnionType) and len(params) == 2 and NoneType in params:
        return _optional(params)
    if origin is typing.Literal:
        return _literal(params)
    return _unknown


def build(value: Any, t: Any) -> Any:
    """``value`` (parsed JSON) as type ``t``, by the rules of the strict converter: scalars of their
    own type only (an int for a float becomes a float), lists to tuples, objects to read-only
    mappings or attrs classes (every key known, every field without a default given)."""
    return builder(t)(value)


def structure(topic: str, cls: type[T]) -> T:
    """The content of ``vnplan/vocab/<topic>.json`` as a ``cls``; a :class:`DataFileError` when it does not fit."""
    raw = load_json("vnplan.vocab", f"{topic}.json")
    try:
        return typing.cast(T, build(raw, cls))
    except Exception:  # noqa: BLE001, S110  (_Unfit, or anything else: the converter decides and explains)
        pass
    try:
        return typing.cast(T, converter().structure(raw, cls))
    except Exception:  # noqa: BLE001 - whatever the fault, the detailed pass says which and where
        return _explain(topic, raw, cls)


def _explain(topic: str, raw: Any, cls: type[T]) -> T:
    import cattrs  # lazy: only to explain a file that does not fit, docs/design.md

    try:
        return typing.cast(T, _detailed().structure(raw, cls))
    except cattrs.BaseValidationError as exc:  # cattrs groups every fault of the file
        faults = cattrs.transform_error(exc, path="$")
        raise DataFileError(f"vnplan's vocabulary file vnplan/vocab/{topic}.json is not valid: {'; '.join(faults)}",
                            hint=_HINT) from None
