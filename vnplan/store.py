"""A per-user store of start-up work one process did and the next can reuse (kho dùng lại khi khởi động).

A single command spends most of its time before it reads a line of the plan: the ``regex``
module parses and optimises every pattern in Python (:mod:`vnplan.pattern`), and attrs
generates the methods of each class as source text and compiles it. Both results are plain
data: a compiled ``regex`` pattern is its ``_pickled_data`` (what ``pickle`` stores of it: the
source, the flags, the compiled program as bytes, the group tables) and a compiled method is a
code object. A :class:`Store` keeps such results in one ``marshal`` file per kind (``marshal``
builds only data and code objects, never calls anything; it is what Python's own ``.pyc``
files are made of), read once on first use and rewritten at exit when the process added to it.

The files live in ``$VNPLAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/vnplan``, else
``~/.cache/vnplan``; ``VNPLAN_CACHE_DIR=off`` (or an empty value) turns the store off. Each
file's name carries what its content depends on (the ``regex`` version, Python's byte-code
tag); each entry is keyed by its whole input (a pattern's source and flags, a script's text),
so a changed pattern or class is simply built anew. A missing, unreadable or damaged file is
no error: the work is done as if there were no store, and the file written again. The store
changes no result, only how soon it comes (tests/test_store.py).
"""

from __future__ import annotations
import __future__

import atexit
import marshal
import os
import sys
from types import CodeType, ModuleType
from typing import Any

import attr

#: Bumped when the layout of the files changes.
FORMAT = 1
#: Entries a file holds at most: entries of old sources pile up across versions, so a full
#: store starts over (vnplan needs a few hundred of each kind).
SIZE = 4000
_OFF = ("", "off", "0", "no", "false")


def folder() -> str | None:
    """The folder of the store's files, or ``None`` when the store is off."""
    given = os.environ.get("VNPLAN_CACHE_DIR")
    if given is not None:
        return None if given.strip().lower() in _OFF else given
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "vnplan")


class Store:
    """One kind of reusable result: a dict of plain data (``marshal``-able), loaded on first use, saved at exit."""

    def __init__(self, name: str) -> None:
        self.name = name  # the file's name without the folder and the suffix
        self._data: dict[Any, Any] | None = None
        self._added = False
        self._file: str | None = None  # where the data was read from, and is written back to

    def path(self) -> str | None:
        """The store's file, or ``None`` when the store is off."""
        where = folder()
        return None if where is None else os.path.join(where, f"{self.name}-{FORMAT}.marshal")

    def _load(self) -> dict[Any, Any]:
        data: Any = None
        path = self._file = self.path()
        if path is not None:
            try:
                with open(path, "rb") as f:
                    data = marshal.loads(f.read())  # one read: marshal.load reads a file object piece by piece
            except (OSError, EOFError, ValueError, TypeError):
                data = None  # no file yet, or a damaged one: built anew and written again
        self._data = data if isinstance(data, dict) else {}
        return self._data

    def get(self, key: Any) -> Any:
        """The stored value of ``key``, or ``None``."""
        data = self._data if self._data is not None else self._load()
        return data.get(key)

    def drop(self, key: Any) -> None:
        """Forget ``key`` (a stored value its user could not take)."""
        if self._data is not None:
            self._data.pop(key, None)

    def put(self, key: Any, value: Any) -> None:
        """Keep ``value`` for ``key``, written to the file when the process exits."""
        data = self._data if self._data is not None else self._load()
        if len(data) >= SIZE:
            data.clear()
        data[key] = value
        if not self._added:
            self._added = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the file if this process added to it (atomically: a reader never sees half a file)."""
        path, added = self._file, self._added
        self._added = False
        if not added or self._data is None or path is None:
            return
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(tmp, "wb") as f:
                marshal.dump(self._data, f)
            os.replace(tmp, path)
        except (OSError, ValueError):  # a read-only home, a full disk, a value marshal refuses: only a shortcut lost
            try:
                os.unlink(tmp)
            except OSError:
                pass


#: Code objects by (script, file name, mode, compiler flags); code is tied to the byte-code version.
CODE = Store(f"code-{sys.implementation.cache_tag}")


def _annotations_flag(module: ModuleType) -> int:
    """The compiler flag ``compile()`` inherits in ``module`` (``from __future__ import annotations``), else 0."""
    feature = vars(module).get("annotations")
    return feature.compiler_flag if isinstance(feature, __future__._Feature) else 0


def _type_hash(filename: str) -> int | None:
    """The number attrs writes into a class's ``__hash__``: ``hash()`` of a name, so one per process (string hashing is salted)."""
    head, _, rest = filename.partition(" generated ")
    if head != "<attrs" or not rest.endswith(">"):
        return None
    return hash(f"<attrs generated hash {rest.partition(' ')[2]}")


def _swap_constant(code: CodeType, old: int, new: int) -> CodeType:
    """``code`` with the integer constant ``old`` replaced by ``new``, in nested code objects too."""
    consts = tuple(new if type(c) is int and c == old else _swap_constant(c, old, new) if type(c) is CodeType else c
                   for c in code.co_consts)
    return code.replace(co_consts=consts)


def cached_compile(module: ModuleType) -> Any:
    """A ``compile`` for ``module`` that takes code objects from :data:`CODE` (same result as the built-in there).

    A script holding the process's type hash (a frozen class's ``__hash__``) is keyed with the
    number taken out, and the stored code gets this process's number back."""
    inherited = _annotations_flag(module)

    def compile_(source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False,
                 optimize: int = -1, **more: Any) -> Any:
        if not isinstance(source, str) or not isinstance(filename, str) or dont_inherit or optimize != -1 or more:
            return compile(source, filename, mode, flags if dont_inherit else flags | inherited, True, optimize, **more)
        salt = _type_hash(filename)
        text = str(salt) if salt is not None else ""
        key = (source.replace(text, "{type_hash}") if text and text in source else source, filename, mode,
               flags | inherited)
        stored = CODE.get(key)
        if type(stored) is tuple and len(stored) == 2 and type(stored[0]) is CodeType:
            code, old = stored
            return code if old is None or salt is None or old == salt else _swap_constant(code, old, salt)
        code = compile(source, filename, mode, flags | inherited, True)
        CODE.put(key, (code, salt if key[0] is not source else None))
        return code

    return compile_


def cache_class_code() -> None:
    """Have attrs take the methods it generates for a class from :data:`CODE` (once per process).

    attrs writes each class's ``__init__``, ``__eq__``, ``__repr__``… as source text and
    compiles it (most of the cost of defining a class); the same text compiles to the same code,
    so the code is kept. Called by the modules that define classes, before they define them."""
    make: Any = sys.modules[attr.define.__module__.rpartition(".")[0] + "._make"]  # attr._make, where attrs compiles
    if getattr(make, "compile", None) is None and folder() is not None:
        make.compile = cached_compile(make)  # a module global shadows the built-in for attrs' own calls


__all__ = ["CODE", "FORMAT", "SIZE", "Store", "cache_class_code", "cached_compile", "folder"]
