"""Legacy office formats (.doc, .rtf, .odt, .wps) read through LibreOffice: converted to .docx, then read as .docx.

vnplan never parses these formats itself. When LibreOffice's ``soffice`` (or ``libreoffice``)
is on the PATH, the file is converted in a private temporary folder (a headless run with its
own user profile, so parallel conversions never share one; a time limit; a bound on every
file it writes) and the .docx it gives is read by :mod:`vnplan.read.docx`. Without LibreOffice
the file is an :class:`UnsupportedFormatError` saying how to install it. See docs/reading.md.

The call to ``soffice`` is the reader's one external program (docs/design.md, "Lazy imports").
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import resource  # POSIX: bounds the size of every file LibreOffice writes
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

from vnplan.errors import CorruptFileError, UnsupportedFormatError
from vnplan.read import limits
from vnplan.read.kinds import kind_of
from vnplan.read.limits import exceeded

#: What each converted format is called in messages (``SourceDocument.format`` is the key).
FORMATS: dict[str, str] = {
    "doc": "a legacy binary Word document (.doc)",
    "rtf": "an RTF document",
    "odt": "an OpenDocument text (.odt)",
    "wps": "a Microsoft Works document (.wps)",
}
#: Environment variable naming the LibreOffice program to use; set to an empty value, vnplan never converts.
SOFFICE_ENV = "VNPLAN_SOFFICE"
INSTALL_HINT = ("install LibreOffice so that soffice is on the PATH (Debian/Ubuntu: apt install "
                "libreoffice-writer-nogui; Windows, macOS: https://www.libreoffice.org), or open the file "
                "in Word and save it as .docx")
def soffice() -> str | None:
    """The LibreOffice program to convert with: ``$VNPLAN_SOFFICE`` when set (empty: none), else
    ``soffice`` or ``libreoffice`` on the PATH; None when there is none."""
    chosen = os.environ.get(SOFFICE_ENV)
    if chosen is not None:
        return shutil.which(chosen) if chosen.strip() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, kind: str, *, path: str | None) -> bytes:
    """``data`` (a file of format ``kind``) converted to .docx by LibreOffice.

    Raises :class:`UnsupportedFormatError` when LibreOffice is not installed, a
    :class:`~vnplan.errors.LimitExceededError` when the conversion runs past
    :data:`~vnplan.read.limits.MAX_CONVERT_SECONDS` or writes more than
    :data:`~vnplan.read.limits.MAX_INPUT_BYTES`, and :class:`CorruptFileError` when it gives no .docx.
    """
    exe = soffice()
    what = FORMATS[kind]
    if exe is None:
        raise UnsupportedFormatError(f"this is {what}, which vnplan reads through LibreOffice, and LibreOffice "
                                     "is not installed", path=path, hint=INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="vnplan-convert-") as tmp:  # created 0700: private to this user
        folder = Path(tmp)
        source = folder / f"document.{kind}"
        source.write_bytes(data)
        out = folder / "out"
        out.mkdir()
        args = [exe, "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        _run(args, cwd=folder, path=path)
        result = out / "document.docx"
        try:
            size = result.stat().st_size
        except OSError:
            raise CorruptFileError(f"LibreOffice could not convert {what} to .docx", path=path,
                                   hint="open it in Word or LibreOffice and save it as .docx") from None
        if size >= limits.MAX_INPUT_BYTES:  # a file the size limit cut (RLIMIT_FSIZE) is exactly this long
            raise exceeded("the converted document is too large", limits.MAX_INPUT_BYTES, "MAX_INPUT_BYTES",
                           path=path, hint=limits.INPUT_HINT)
        return result.read_bytes()


def _limit_file_size() -> None:  # runs in the child, before LibreOffice starts
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.MAX_INPUT_BYTES, limits.MAX_INPUT_BYTES))


def _run(args: list[str], *, cwd: Path, path: str | None) -> None:
    """Run LibreOffice in a session of its own, killed with everything it started past the time limit."""
    posix = sys.platform != "win32" and resource is not None
    try:
        proc = subprocess.Popen(args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=posix,
                                preexec_fn=_limit_file_size if posix else None)
    except OSError as exc:
        raise UnsupportedFormatError(f"LibreOffice ({args[0]}) could not be started: {exc.strerror}", path=path,
                                     hint=INSTALL_HINT) from None
    try:
        proc.communicate(timeout=limits.MAX_CONVERT_SECONDS)
    except subprocess.TimeoutExpired:
        _kill(proc, posix)
        raise exceeded("LibreOffice took too long to convert the file (seconds)", limits.MAX_CONVERT_SECONDS,
                       "MAX_CONVERT_SECONDS", path=path,
                       hint="open it in Word or LibreOffice and save it as .docx") from None
    finally:
        if proc.poll() is None:
            _kill(proc, posix)


def _kill(proc: subprocess.Popen[bytes], posix: bool) -> None:
    """End LibreOffice and the processes it started (its session: the process group of ``proc``)."""
    try:
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


__all__ = ["FORMATS", "INSTALL_HINT", "SOFFICE_ENV", "kind_of", "soffice", "to_docx"]
