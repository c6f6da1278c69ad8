"""Writing an output file (tệp kết quả) whole or not at all: the one routine every writer in vnplan uses.

A regular file is written through a temporary file with a random, exclusively created name
in the same folder, then renamed over the target, so a reader never sees half a report and
an interrupted run leaves the old file as it was. A device or a pipe (``/dev/null``,
``/dev/stdout``, a named pipe) is written into, never replaced. A symbolic link to a file
keeps the link and replaces the file it points to. Every failure is one
:class:`~vnplan.errors.VnplanError` naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from vnplan.errors import UsageError, VnplanError

#: What may be written: text (UTF-8), bytes, or an iterable of text or bytes pieces.
Content = str | bytes | Iterable[str | bytes]


def write_atomic(
    path: str | os.PathLike[str],
    content: Content,
    *,
    source: str | os.PathLike[str] | None = None,
    what: str = "output",
) -> Path:
    """Write ``content`` to ``path`` atomically; never onto ``source`` (the input file).

    ``what`` names the file in the error message (``cannot write the report: …``). Pieces
    are consumed once, as they are written, so a long report streams through in flat memory.
    Returns ``path`` as a :class:`~pathlib.Path`.
    """
    p = Path(path)
    name = os.fspath(path)
    if p.is_dir():
        raise VnplanError("output path is a directory", path=name)
    if source is not None and os.fspath(source) != "-" and p.exists() and _same_file(source, p):
        raise UsageError("the output would overwrite the input file", path=name, hint="choose another output name")
    if not p.parent.is_dir():
        raise UsageError("the output folder does not exist", path=name,
                         hint="create it first or choose another folder")
    if p.exists() and not p.is_file():  # /dev/null, /dev/stdout, a pipe: write into it, never replace it
        try:
            with open(p, "wb") as fh:
                _write_pieces(fh, content)
        except OSError as exc:
            raise VnplanError(f"cannot write the {what}: {exc.strerror}", path=name) from None
        return p
    import tempfile  # lazy: about 6 ms with shutil and random, only to write a file, docs/design.md

    target = p.resolve() if p.is_symlink() else p  # a link to a file: write the file, keep the link
    tmp: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
                                         delete=False) as fh:
            tmp = Path(fh.name)
            _write_pieces(fh, content)
        os.chmod(tmp, 0o666 & ~_umask())  # as a file created the ordinary way (the temporary file is 0600)
        tmp.replace(target)
        tmp = None
    except OSError as exc:
        raise VnplanError(f"cannot write the {what}: {exc.strerror}", path=name) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return p


def _write_pieces(fh, content: Content) -> None:  # type: ignore[no-untyped-def]
    pieces: Iterable[str | bytes] = (content,) if isinstance(content, (str, bytes)) else content
    for piece in pieces:
        fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)


def _same_file(a: str | os.PathLike[str], b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the input is gone or was never a file (standard input)
        return False


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = ["Content", "write_atomic"]
