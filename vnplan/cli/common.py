"""What every command shares: exit codes, one-line errors, the lazy command group, output to a file or the terminal."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

import vnplan.settings as _settings
from vnplan.errors import VnplanError
from vnplan.output import write_atomic
from vnplan.report.messages import error_text, translate
from vnplan.text import for_terminal

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

LANG = click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
                    help="Language of messages, reports and errors (default: the settings file's, else vi).")
OUTPUT = click.option("-o", "--output", default=None, help="Write to this file instead of standard output.")


def format_option(formats: Sequence[str], default: str = "text") -> Callable[[F], F]:
    """``--format`` over the formats :mod:`vnplan.report` has for this kind of output."""
    return click.option("--format", "fmt", type=click.Choice(list(formats)), default=default,
                        show_default=True)


#: The start of an error line, by language.
PREFIX: dict[str, str] = {"vi": "vnplan: lỗi: ", "en": "vnplan: error: "}


def fail(message: str, lang: str = "vi") -> None:
    """One line on standard error, ``vnplan: lỗi: …`` (``vnplan: error: …`` in English), and exit code 2."""
    message = message.replace("\r", "\\r").replace("\n", "\\n")  # one line, even for a file name holding one
    say(f"{PREFIX.get(lang, PREFIX['vi'])}{message}")
    sys.exit(EXIT_BAD_INPUT)


def language(args: Sequence[str] | None = None, given: str | None = None, found: str | None = None) -> str:
    """The language of an error line: the command's ``--lang`` (parsed, or read from ``args`` when
    parsing failed), else the settings file's (``found``: already read, else read now), else Vietnamese."""
    if given in ("vi", "en"):
        return given
    args = list(args if args is not None else sys.argv[1:])
    for k, a in enumerate(args):
        if a == "--lang" and k + 1 < len(args) and args[k + 1] in ("vi", "en"):
            return args[k + 1]
        if a.startswith("--lang=") and a[7:] in ("vi", "en"):
            return a[7:]
    if found is not None:
        return found
    try:
        return _settings.current().lang or "vi"
    except VnplanError:
        return "vi"


def warn_reading(warnings: Sequence[str]) -> None:
    """The warnings of reading a file (legacy text converted, scrambled PDF text…), one line each on
    standard error: a check is never run on doubtful text without saying so."""
    for w in warnings:
        line = "".join(c if c.isprintable() else " " for c in w)
        say(f"vnplan: cảnh báo khi đọc / reading warning: {line}")


def guard(func: F) -> F:
    """Turn every exception into a one-line message (in the command's language) and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = language(given=kwargs.get("lang"))
        try:
            return func(*args, **kwargs)
        except VnplanError as exc:
            fail(error_text(exc, lang), lang)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            fail(translate("interrupted", lang), lang)
        except Exception as exc:  # a BrokenPipeError too: only a closed standard output is quiet (see echo); never a traceback
            if os.environ.get("VNPLAN_DEBUG"):
                raise
            fail(translate(f"internal error: {type(exc).__name__}: {exc} (set VNPLAN_DEBUG=1 for details and please "
                           "report it)", lang), lang)

    return wrapper  # type: ignore[return-value]


def ids(values: Sequence[str]) -> list[str]:
    """Rule ids from repeatable, comma-separated options."""
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def echo(text: str | bytes, *, nl: bool = True) -> None:
    """Print on standard output. A reader that went away (``vnplan … | head``) ends the output, not the
    command: the rest is dropped and the exit code stays the one the check gives. A broken pipe
    anywhere else (a worker's pipe) is an error like any other, never a silent success."""
    try:
        click.echo(text, nl=nl)
    except BrokenPipeError:
        try:  # later writes, and the flush at exit, go nowhere instead of raising again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # no file descriptor (a test's captured output)
            pass


def terminal_view(text: str, fmt: str) -> str:
    """What the command line prints of a view: a text view through :func:`~vnplan.text.for_terminal`
    (no control character, no hidden bidirectional override: document text and file names come
    from other offices); JSON, SARIF, CSV and HTML exactly as rendered (they escape on their own)."""
    return for_terminal(text) if fmt == "text" else text


def emit(text: str, output: str | None, source: str | None = None, *, fmt: str = "text") -> None:
    """Print TEXT, a view in format FMT, or write it to OUTPUT (never onto SOURCE, the input file)."""
    text = terminal_view(text, fmt)
    if output is None or output == "-":
        echo(text)  # drops the terminal's bold (matched words) when the output is no terminal
        return
    text = click.unstyle(text)
    write_atomic(output, text if text.endswith("\n") else text + "\n", source=source)


def show(text: str, *, fmt: str = "text") -> None:
    """Print a view in format FMT on standard output (nothing at all for an empty one)."""
    if text:
        echo(terminal_view(text, fmt))


def say(message: str) -> None:
    """A message of the command itself on standard error (it may quote a file name: filtered too)."""
    click.echo(for_terminal(message), err=True)


class Group(click.Group):
    """The top-level group: commands imported only when called (``lazy``: name → ``module:attribute``),
    defaults from the settings file (``vnplan.toml`` or ``[tool.vnplan]``: options given win), and
    click's usage errors as one line too (as the exit codes promise), in the user's language."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})
        self.defaults: dict[str, Any] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            # the documented lazy import of the command modules (docs/design.md): a command's
            # dependencies (rich for the batch progress bar) load only when it runs
            command: click.Command = getattr(importlib.import_module(module), attr)
        else:
            command = super().get_command(ctx, name)  # type: ignore[assignment]
        if command is not None and self.defaults and ctx.default_map is not None:
            # a command reads its defaults from ctx.default_map[name]; a group's commands one level down
            subs = getattr(command, "commands", None)
            ctx.default_map[name] = {sub: dict(self.defaults) for sub in subs} if subs else dict(self.defaults)
        return command

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        argv = list(args) if args is not None else sys.argv[1:]
        try:
            settings = _settings.current()
        except VnplanError as exc:
            fail(error_text(exc, language(argv, None)), language(argv, None))
        self.defaults = settings.defaults()
        if self.defaults:
            extra.setdefault("default_map", {})
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        lang = language(argv, found=settings.lang or "vi")  # the settings read once
        try:
            rv = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except VnplanError as exc:  # a command that cannot load (an extra missing: vnplan serve without Flask)
            fail(error_text(exc, lang), lang)
        except click.exceptions.NoArgsIsHelpError as exc:  # a bare `vnplan` shows the help
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = translate(f"(see `{exc.ctx.command_path} --help`)", lang) if exc.ctx is not None else ""
            fail(translate(" ".join(exc.format_message().split()), lang) + (f" {where}" if where else ""), lang)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo(translate("Aborted!", lang), err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)
