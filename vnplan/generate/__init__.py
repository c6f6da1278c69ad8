"""Skeletons of unit plans built from a requirement profile: Word (.docx) and Markdown.

``skeleton(profile, unit=…)`` gives a python-docx ``Document`` laid out as Decree 30/2020/NĐ-CP,
Phụ lục I prescribes; ``skeleton_markdown(profile, unit=…)`` the same plan as Markdown text.
Both parse back through vnplan (tests/test_skeleton_*.py) and every requirement of the
profile appears as an item with a placeholder (:mod:`vnplan.generate.placeholders`).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from vnplan.errors import UsageError
from vnplan.generate.build import Skeleton, build
from vnplan.generate.markdown import render as render_markdown
from vnplan.output import write_atomic

__all__ = ["Skeleton", "build", "skeleton", "skeleton_markdown", "write"]


def skeleton(
    profile: Any,
    *,
    unit: str,
    parent_unit: str | None = None,
    place: str | None = None,
    symbol: str | None = None,
    year: int | None = None,
    signer_position: str | None = None,
    signer_name: str | None = None,
    deputy: bool = False,
    lang: str = "vi",
    title: str | None = None,
    archive: str = "VP",
) -> Any:
    """A python-docx ``Document``: the plan of ``unit`` implementing ``profile``'s parent plan.

    ``parent_unit`` is the unit's parent body (cơ quan chủ quản), ``symbol`` the plan's symbol
    (``KH-STP``; the number is left blank), ``place`` and ``year`` default to the place in the
    unit's or parent's name and the parent plan's year; ``signer_position`` is the head's
    position (default from the kind of unit), ``deputy`` makes a deputy sign ``KT.``,
    ``signer_name`` fills the signer's line (else a placeholder); ``lang`` is the language of
    the guidance (``vi`` or ``en``; the plan's text stays Vietnamese); ``title`` overrides the
    parent's subject; ``archive`` names the drafting unit after ``Lưu: VT,``.
    """
    # documented lazy import (docs/design.md): the Word writer imports python-docx, which takes
    # about 0.2 s to load; only a .docx skeleton needs it
    from vnplan.generate.docx import render

    return render(build(profile, unit=unit, parent_unit=parent_unit, place=place, symbol=symbol, year=year,
                        signer_position=signer_position, signer_name=signer_name, deputy=deputy, lang=lang,
                        title=title, archive=archive))


def skeleton_markdown(
    profile: Any,
    *,
    unit: str,
    parent_unit: str | None = None,
    place: str | None = None,
    symbol: str | None = None,
    year: int | None = None,
    signer_position: str | None = None,
    signer_name: str | None = None,
    deputy: bool = False,
    lang: str = "vi",
    title: str | None = None,
    archive: str = "VP",
) -> str:
    """The same skeleton as Markdown text (labels written literally; plain text reads it too)."""
    return render_markdown(build(profile, unit=unit, parent_unit=parent_unit, place=place, symbol=symbol, year=year,
                        signer_position=signer_position, signer_name=signer_name, deputy=deputy, lang=lang,
                        title=title, archive=archive))


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
    if suffix == ".docx":
        buf = io.BytesIO()
        skeleton(profile, unit=unit, **options).save(buf)
        content: str | bytes = buf.getvalue()
    else:
        content = skeleton_markdown(profile, unit=unit, **options)
    write_atomic(p, content, what="skeleton")
    return p
