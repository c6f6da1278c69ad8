"""Skeletons of unit plans built from a requirement profile: Word (.docx) and Markdown.

``skeleton(profile, unit=…)`` gives a python-docx ``Document`` laid out as Decree 30/2020/NĐ-CP,
Phụ lục I prescribes; ``skeleton_markdown(profile, unit=…)`` the same plan as Markdown text.
Both parse back through vnplan (tests/test_skeleton_*.py) and every requirement of the
profile appears as an item with a placeholder (:mod:`vnplan.generate.placeholders`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from vnplan.errors import UsageError
from vnplan.generate.build import Skeleton, build

__all__ = ["Skeleton", "build", "skeleton", "skeleton_markdown", "write"]


def skeleton(profile: Any, *, unit: str, **options: Any) -> Any:
    """A python-docx ``Document``: the plan of ``unit`` implementing ``profile``'s parent plan.

    Options: ``parent_unit``, ``place``, ``symbol``, ``year``, ``signer_position``,
    ``signer_name``, ``deputy`` (``KT.`` with a deputy), ``lang`` (guidance language, ``vi``
    or ``en``), ``title``, ``archive`` (drafting unit after ``Lưu: VT,``). See :func:`build`.
    """
    from vnplan.generate.docx import render

    return render(build(profile, unit=unit, **options))


def skeleton_markdown(profile: Any, *, unit: str, **options: Any) -> str:
    """The same skeleton as Markdown text (labels written literally; plain text reads it too)."""
    from vnplan.generate.markdown import render

    return render(build(profile, unit=unit, **options))


def write(path: str | os.PathLike[str], profile: Any, *, unit: str, force: bool = False, **options: Any) -> Path:
    """Write the skeleton to ``path``: ``.docx`` or ``.md`` by suffix; never over a file unless ``force``."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".docx", ".md", ".markdown"):
        raise UsageError(f"cannot tell the output format from {p.name!r}", hint="name the file .docx or .md")
    if p.is_dir():
        raise UsageError("the output path is a directory", hint="give a file name ending in .docx or .md")
    if p.exists() and not force:
        raise UsageError(f"{p} already exists", hint="choose another name or pass --force to overwrite it")
    if not p.parent.is_dir():
        raise UsageError(f"no such folder: {p.parent}")
    tmp = p.with_name(f".{p.name}.tmp")
    if suffix == ".docx":
        skeleton(profile, unit=unit, **options).save(str(tmp))
    else:
        tmp.write_text(skeleton_markdown(profile, unit=unit, **options), encoding="utf-8")
    tmp.replace(p)
    return p
