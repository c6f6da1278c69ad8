"""Settings (cài đặt): the defaults of a folder, from ``vnplan.toml`` or ``[tool.vnplan]`` in ``pyproject.toml``.

Looked for from the current folder upwards; the first folder holding a ``vnplan.toml``, or a
``pyproject.toml`` with a ``[tool.vnplan]`` table, gives them (``vnplan.toml`` wins when a
folder has both). Options given on the command line win over the file.

.. code-block:: toml

    # vnplan.toml (or [tool.vnplan] in pyproject.toml)
    profile = "bacgiang-14-KH-UBND-2024"   # a shipped name, or a JSON file relative to this file
    lang = "vi"                            # vi or en
    select = ["F", "R2"]                   # rule ids or prefixes
    ignore = ["F112"]
"""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path
from typing import Any

from attrs import frozen

from vnplan.errors import UsageError
from vnplan.store import Store, cache_class_code

cache_class_code()  # attrs' generated methods from the per-user store (start-up)

#: TOML files read before, by (path, modification time in ns, size): a command run inside a
#: project reads its ``pyproject.toml`` (for a ``[tool.vnplan]`` table) every time, and tomllib's
#: import and parse are about 15 ms of it (vnplan.store).
PARSED = Store("settings")
_SETTLED = 2.0  # seconds since its last change after which a file's size and time say it is the same

#: The keys a settings file may hold.
KEYS: tuple[str, ...] = ("profile", "lang", "select", "ignore")
LANGS: tuple[str, ...] = ("vi", "en")


@frozen
class Settings:
    """What a settings file gives; ``None`` or empty where it says nothing. ``path`` is the file."""

    profile: str | None = None
    lang: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    path: str | None = None

    def defaults(self) -> dict[str, Any]:
        """The options these settings set, by option name (for the command line's defaults)."""
        out: dict[str, Any] = {}
        if self.profile is not None:
            out["profile"] = self.profile
        if self.lang is not None:
            out["lang"] = self.lang
        if self.select:
            out["select"] = self.select
        if self.ignore:
            out["ignore"] = self.ignore
        return out


def find(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The settings file that applies in ``start`` (default: the current folder), or ``None``."""
    here = Path(start if start is not None else os.getcwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "vnplan.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and "vnplan" in _read(project).get("tool", {}):
            return project
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        st = os.stat(path)
        key: tuple[str, int, int] | None = (os.path.abspath(path), st.st_mtime_ns, st.st_size)
        if time.time() - st.st_mtime < _SETTLED:
            key = None  # changed a moment ago: another change in the same clock tick would keep size and time
    except OSError:
        key = None
    known = PARSED.get(key) if key is not None else None
    if isinstance(known, dict):
        return known
    table = _parse(path)
    try:
        marshal.dumps(table)  # a TOML date or time is no value the store can keep
    except ValueError:
        return table
    if key is not None:
        PARSED.put(key, table)
    return table


def _parse(path: Path) -> dict[str, Any]:
    import tomllib  # lazy: about 12 ms, only for a TOML file not read before, docs/design.md

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"the settings file is not valid TOML: {exc}", path=str(path)) from None
    except OSError as exc:
        raise UsageError(f"cannot read the settings file: {exc.strerror}", path=str(path)) from None


def _strings(value: Any, key: str, path: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"the setting {key!r} must be a list of rule ids", path=path)
    return tuple(v for v in value if v.strip())


def load(path: str | os.PathLike[str]) -> Settings:
    """The settings in ``path`` (a ``vnplan.toml``, or a ``pyproject.toml``'s ``[tool.vnplan]``)."""
    p = Path(path)
    table = _read(p)
    if p.name == "pyproject.toml":
        table = table.get("tool", {}).get("vnplan", {})
    if not isinstance(table, dict):
        raise UsageError("the vnplan settings must be a table", path=str(p))
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise UsageError(f"unknown setting {unknown[0]!r}", path=str(p), hint=f"use {', '.join(KEYS)}")
    lang = table.get("lang")
    if lang is not None and lang not in LANGS:
        raise UsageError(f"unknown language {lang!r}", path=str(p), hint="use vi or en")
    profile = table.get("profile")
    if profile is not None:
        if not isinstance(profile, str) or not profile.strip():
            raise UsageError("the setting 'profile' must be a profile name or file", path=str(p))
        if profile.lower().endswith(".json") and not os.path.isabs(profile):
            profile = str(p.parent / profile)  # a profile file next to the settings
    return Settings(profile=profile, lang=lang, select=_strings(table.get("select", []), "select", str(p)),
                    ignore=_strings(table.get("ignore", []), "ignore", str(p)), path=str(p))


def current(start: str | os.PathLike[str] | None = None) -> Settings:
    """The settings that apply in ``start`` (default: the current folder); empty ones where no file says any."""
    path = find(start)
    return load(path) if path is not None else Settings()


__all__ = ["KEYS", "Settings", "current", "find", "load"]
