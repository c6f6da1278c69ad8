"""Requirement profiles of parent plans: the shipped ones by name, or a JSON file, validated on load."""

from __future__ import annotations

import datetime as dt
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import regex

from vnplan.data import load_json, load_schema
from vnplan.data import names as data_names
from vnplan.errors import ProfileError
from vnplan.profiles.model import (
    EvidenceSpec,
    ParentDocument,
    Profile,
    Provenance,
    Requirement,
    profile_from_dict,
    profile_to_dict,
)

__all__ = [
    "EvidenceSpec",
    "ParentDocument",
    "Profile",
    "Provenance",
    "Requirement",
    "load",
    "names",
    "resolve",
    "profile_from_dict",
    "profile_to_dict",
    "validate",
]


def schema() -> dict[str, Any]:
    """The JSON Schema of a profile (``schemas/profile.schema.json``)."""
    return load_schema("profile")


def names() -> tuple[str, ...]:
    """The names of the shipped profiles, sorted."""
    return data_names(__package__, "data", suffix=".json")


def validate(data: Any, *, path: str | None = None) -> None:
    """Raise :class:`ProfileError` unless ``data`` is a valid profile (schema and consistency)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        where = "/".join(str(x) for x in e.absolute_path) or "(top level)"
        more = f" and {len(errors) - 1} more problem(s)" if len(errors) > 1 else ""
        raise ProfileError(f"invalid profile at {where}: {e.message}{more}", path=path,
                           hint="see schemas/profile.schema.json and docs/compliance.md")
    ids = [r["id"] for r in data["requirements"]]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ProfileError(f"requirement ids are repeated: {', '.join(dup)}", path=path,
                           hint="give every requirement its own id")
    for r in data["requirements"]:
        pat = r.get("evidence", {}).get("pattern")
        if pat:
            try:
                regex.compile(pat)
            except regex.error as exc:
                raise ProfileError(f"requirement {r['id']}: bad pattern {pat!r}: {exc}", path=path) from None
        due = r.get("evidence", {}).get("due")
        for d in (due, data["parent"].get("date")):
            if d:
                _check_date(d, r["id"], path)


def _check_date(s: str, where: str, path: str | None) -> None:
    try:
        dt.date.fromisoformat(s)
    except ValueError:
        raise ProfileError(f"{where}: {s!r} is not a calendar date", path=path) from None


def from_dict(data: Any, *, path: str | None = None) -> Profile:
    """Validate and build a profile from its JSON form."""
    validate(data, path=path)
    return profile_from_dict(data, path=path)


@cache
def _shipped(name: str) -> Profile:
    # Shipped profiles are trusted: the test suite validates every one (tests/test_profiles.py),
    # which spares each run jsonschema's import and validation (about 60 ms of a command's start-up).
    data = load_json(__package__, "data", f"{name}.json")
    return profile_from_dict(data, path=f"vnplan/profiles/data/{name}.json")


#: A profile file larger than this is refused (real ones hold a few dozen KB).
MAX_PROFILE_BYTES = 10_000_000


def load(ref: str | os.PathLike[str] | Profile | dict[str, Any]) -> Profile:
    """A profile from a shipped name, a JSON file path, a dict, or a Profile (returned as is)."""
    if isinstance(ref, Profile):
        return ref
    if isinstance(ref, dict):
        return from_dict(ref)
    if not isinstance(ref, (str, os.PathLike)):
        raise ProfileError(f"a profile is a name, a JSON file, a dict or a Profile, not {type(ref).__name__}")
    s = os.fspath(ref)
    if s in names():
        return _shipped(s)
    p = Path(s)
    if p.suffix.lower() == ".json" or p.exists():
        if p.is_dir():
            raise ProfileError("is a folder, not a profile file", path=s, hint="give the profile's JSON file")
        if not p.is_file():
            raise ProfileError("no such profile file", path=s,
                               hint=f"shipped profiles: {', '.join(names()) or 'none'}")
        try:
            with p.open("rb") as fh:
                raw = fh.read(MAX_PROFILE_BYTES + 1)
            if len(raw) > MAX_PROFILE_BYTES:
                raise ProfileError(f"the profile is larger than {MAX_PROFILE_BYTES // 1_000_000} MB "
                                   "(vnplan.profiles.MAX_PROFILE_BYTES)", path=s,
                                   hint="a profile lists requirements; is this the right file?")
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProfileError(f"not a JSON profile: {exc}", path=s) from None
        except RecursionError:  # '[[[[…' nested deeper than the JSON decoder goes: no profile is
            raise ProfileError("not a JSON profile: nested too deeply", path=s) from None
        except OSError as exc:
            raise ProfileError(f"cannot read the profile: {exc.strerror}", path=s) from None
        return from_dict(data, path=s)
    raise ProfileError(f"unknown profile {s!r}",
                       hint=f"give a JSON file or one of: {', '.join(names()) or 'none'} (`vnplan profiles` lists them)")


_RESOLVED: dict[str, Profile] = {}


def resolve(ref: str | os.PathLike[str] | Profile | dict[str, Any]) -> Profile:
    """:func:`load`, reading and validating a profile named by a string (shipped name or file) once per process.

    A batch checks every plan against one profile: each worker resolves it once, not once per file.
    """
    if not isinstance(ref, str):
        return load(ref)
    if ref not in _RESOLVED:
        _RESOLVED[ref] = load(ref)
    return _RESOLVED[ref]
