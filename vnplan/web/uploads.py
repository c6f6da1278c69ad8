"""Uploaded files kept safely (tệp tải lên): inside one private folder, whatever names the browser sends.

A name comes from another machine's browser or from inside a .zip: it may be absolute
(``/etc/passwd``, ``C:\\x``), climb out (``../../x``), hold a NUL or control characters, name a
Windows device (``CON``, ``nul.txt``, ``COM1``) or be absurdly long. :func:`safe_parts` turns a
name into path parts that stay inside the folder, or says why it cannot; :class:`Store` writes
each file under its folder, never following a link, never over another file, and checks
once more that the real path is inside. A .zip is unpacked by the same rules, within limits
of entries and bytes (a zip bomb stops at the limit, whatever sizes the archive declares);
links, encrypted entries and archives inside the archive are skipped, with their reason. A file
of a format vnplan does not read is kept like the others: the run gives it a row saying what it is
and what to do (save a spreadsheet as a plan? a .doc as .docx?), instead of dropping it unseen.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from attrs import define, field

from vnplan.batch.files import SUFFIXES

#: Windows device names: a file so named cannot be opened as a file there.
DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
                     *(f"COM{n}" for n in "123456789¹²³"), *(f"LPT{n}" for n in "123456789¹²³")})
#: Most parts (folders and the file) a kept name may have.
MAX_DEPTH = 16
#: Longest part of a name, in UTF-8 bytes (the limit of most file systems).
MAX_PART_BYTES = 255
#: Files kept from one batch of uploads, .zip entries included.
MAX_FILES = 5000
#: Bytes unpacked from one batch of uploads' .zip archives.
MAX_UNPACKED_BYTES = 1 << 30
#: Largest single file kept (the readers' own limit: vnplan.read.limits.MAX_INPUT_BYTES).
MAX_FILE_BYTES = 100 << 20
_CHUNK = 1 << 16


def safe_parts(name: str) -> tuple[str, ...] | str:
    """The parts of ``name`` as a relative path that stays inside a folder, or the reason it cannot
    (``absolute``, ``parent``, ``control``, ``device``, ``long``, ``deep``, ``hidden``, ``empty``)."""
    if not name or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return "control" if name else "empty"
    name = unicodedata.normalize("NFC", name).replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":" and name[0].isalpha()):
        return "absolute"
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts:
        return "empty"
    if any(p == ".." for p in parts):
        return "parent"
    if len(parts) > MAX_DEPTH:
        return "deep"
    for p in parts:
        if len(p.encode("utf-8")) > MAX_PART_BYTES:
            return "long"
        if p.split(".")[0].rstrip(" ").upper() in DEVICES or p.rstrip(" .") == "":
            return "device"
        if p.startswith((".", "~$")):
            return "hidden"
    return tuple(parts)


#: What Windows and macOS leave in folders (thumbnail caches, folder settings): skipped, as a folder walk skips them.
LITTER = frozenset({"thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini"})


def kind_of(name: str) -> str:
    """``plan`` (a suffix vnplan reads), ``zip``, ``litter`` (:data:`LITTER`, an Office temporary file
    ``~….tmp``) or ``other``: any other file, kept all the same, so that it is a row of the run saying
    what it is and what to do, as every file of a folder is a row of ``vnplan batch``."""
    low = name.lower()
    suffix = os.path.splitext(low)[1]
    if suffix in SUFFIXES:
        return "plan"
    if low in LITTER or (low.startswith("~") and suffix == ".tmp"):
        return "litter"
    return "zip" if suffix == ".zip" else "other"


@define
class Store:
    """Files kept under ``folder`` (private, created by the caller): what was kept, what was refused and why."""

    folder: Path
    kept: list[str] = field(factory=list)
    skipped: list[tuple[str, str]] = field(factory=list)  # (name as sent, reason)
    unpacked: int = 0

    def _target(self, parts: tuple[str, ...]) -> Path:
        """A new path for ``parts`` inside the folder (``name (2).txt`` when taken), its folders made."""
        base = self.folder.joinpath(*parts)
        parent = base.parent
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        real_root = os.path.realpath(self.folder)
        if os.path.commonpath([real_root, os.path.realpath(parent)]) != real_root:
            raise OSError("outside the upload folder")  # cannot happen with safe parts; checked all the same
        target, n = base, 1
        while os.path.lexists(target):
            n += 1
            target = parent / f"{base.stem} ({n}){base.suffix}"
        return target

    def add(self, name: str, stream: IO[bytes]) -> None:
        """Keep one uploaded file (a plan, or a .zip to unpack) sent as ``name``."""
        parts = safe_parts(name)
        if isinstance(parts, str):
            self.skipped.append((name, parts))
            return
        kind = kind_of(parts[-1])
        if kind == "litter":
            self.skipped.append((name, "hidden"))
        elif kind == "zip":
            self._unzip(name, stream)
        else:
            self._keep(name, parts, stream, MAX_FILE_BYTES)

    def _keep(self, name: str, parts: tuple[str, ...], stream: IO[bytes], limit: int) -> bool:
        if len(self.kept) >= MAX_FILES:
            self.skipped.append((name, "too_many"))
            return False
        target = self._target(parts)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(target, flags, 0o600)
        written = 0
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(_CHUNK):
                written += len(chunk)
                if written > limit:
                    break
                out.write(chunk)
        if written > limit:
            target.unlink()
            self.skipped.append((name, "too_large"))
            return False
        self.kept.append(str(target))
        return True

    def _unzip(self, name: str, stream: IO[bytes]) -> None:
        prefix = safe_parts(name)
        folder = (*prefix[:-1], Path(prefix[-1]).stem) if isinstance(prefix, tuple) else ("zip",)
        try:
            with zipfile.ZipFile(stream) as archive:
                entries = archive.infolist()
                if len(entries) > MAX_FILES:
                    self.skipped.append((name, "too_many"))
                    return
                for info in entries:
                    self._entry(archive, info, f"{name}/{info.filename}", folder)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
            self.skipped.append((name, "bad_zip"))

    def _entry(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str, folder: tuple[str, ...]) -> None:
        if info.is_dir():
            return
        parts = safe_parts(info.filename)
        mode = info.external_attr >> 16
        if isinstance(parts, str):
            self.skipped.append((shown, parts))
        elif stat.S_ISLNK(mode):
            self.skipped.append((shown, "link"))
        elif info.flag_bits & 0x1:
            self.skipped.append((shown, "encrypted"))
        elif kind_of(parts[-1]) in ("zip", "litter"):
            self.skipped.append((shown, "nested_zip" if kind_of(parts[-1]) == "zip" else "hidden"))
        elif self.unpacked + info.file_size > MAX_UNPACKED_BYTES:
            self.skipped.append((shown, "too_large"))
        else:
            limit = min(MAX_FILE_BYTES, MAX_UNPACKED_BYTES - self.unpacked, info.file_size)
            with archive.open(info) as member:
                if self._keep(shown, (*folder, *parts), member, limit):
                    self.unpacked += os.path.getsize(self.kept[-1])

    def add_all(self, files: Iterable[tuple[str, IO[bytes]]]) -> None:
        for name, stream in files:
            self.add(name, stream)


__all__ = ["DEVICES", "LITTER", "MAX_FILES", "Store", "kind_of", "safe_parts"]
