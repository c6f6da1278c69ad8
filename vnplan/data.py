"""Files shipped inside the package (dữ liệu kèm theo): read them, or say clearly that the install is broken.

Every data file vnplan reads at run time (vocabulary, profiles, schemas, legacy code tables)
goes through :func:`read_text`, :func:`load_json` or :func:`names`, so a missing or unreadable
file is one :class:`~vnplan.errors.DataFileError` with a one-line message, never an internal error.
"""

from __future__ import annotations

import json
import os
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vnplan.errors import DataFileError

if TYPE_CHECKING:
    from importlib.abc import Traversable

_REINSTALL = "the installation is incomplete: reinstall vnplan (pip install --force-reinstall vnplan)"


def _on_disk(package: str) -> Path | None:
    """The folder of ``package`` when it is one plain folder of the file system (the usual install,
    a namespace package such as ``vnplan.profiles.data`` too), else None."""
    spec = find_spec(package)
    if spec is None:
        raise ModuleNotFoundError(package)
    folders = list(spec.submodule_search_locations or ())
    if len(folders) == 1 and os.path.isdir(folders[0]) and (spec.origin is None or os.path.isfile(spec.origin)):
        return Path(folders[0])  # what importlib.resources.files gives for such a package (or its one folder)
    return None


def _resource(package: str, parts: tuple[str, ...]) -> Traversable | Path:
    try:
        res: Traversable | Path | None = _on_disk(package)
        if res is None:  # a zip or another loader: importlib.resources (about 6 ms with tempfile and zipfile)
            import importlib.resources

            res = importlib.resources.files(package)
    except ModuleNotFoundError:
        if package != "vnplan.schemas":
            raise DataFileError(f"vnplan's data package {package} is missing", hint=_REINSTALL) from None
        # a source checkout run without installing: the schemas sit at the top of the repository
        res = Path(__file__).resolve().parent.parent / "schemas"
    for p in parts:
        res = res.joinpath(p)
    return res


def _where(package: str, parts: tuple[str, ...]) -> str:
    return "/".join((package.replace(".", "/"), *parts))


def read_text(package: str, *parts: str) -> str:
    """The text of a file shipped in ``package`` (``read_text("vnplan.read", "legacy_tables.json")``; vocabulary goes through :mod:`vnplan.vocab`)."""
    try:
        return _resource(package, parts).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"vnplan's data file {_where(package, parts)} is missing", hint=_REINSTALL) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"vnplan's data file {_where(package, parts)} cannot be read: {exc}",
                            hint=_REINSTALL) from None


def load_json(package: str, *parts: str) -> Any:
    """The parsed JSON of a file shipped in ``package``."""
    text = read_text(package, *parts)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"vnplan's data file {_where(package, parts)} is not valid JSON: {exc}",
                            hint=_REINSTALL) from None


_SCHEMAS: dict[str, dict[str, Any]] = {}


def load_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped with vnplan (``plan``, ``report``, ``profile``…), from ``schemas/<name>.schema.json``."""
    if name not in _SCHEMAS:
        _SCHEMAS[name] = load_json("vnplan.schemas", f"{name}.schema.json")
    return _SCHEMAS[name]


def names(package: str, *parts: str, suffix: str) -> tuple[str, ...]:
    """The sorted names (without ``suffix``) of the files ending in ``suffix`` in a shipped folder."""
    folder = _resource(package, parts)
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        raise DataFileError(f"vnplan's data folder {_where(package, parts)} is missing", hint=_REINSTALL) from None
    except OSError as exc:
        raise DataFileError(f"vnplan's data folder {_where(package, parts)} cannot be read: {exc}",
                            hint=_REINSTALL) from None
    return tuple(sorted(e.name[: -len(suffix)] for e in entries if e.name.endswith(suffix) and e.is_file()))
