"""What every command shares: exit codes, one-line errors, the lazy command group, output to a file or the terminal."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from vnplan.errors import VnplanError
from vnplan.output import write_atomic

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

LANG = click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
OUTPUT = click.option("-o", "--output", default=None, help="Write to this file instead of standard output.")


def format_option(formats: Sequence[str], default: str = "text") -> Callable[[F], F]:
    """``--format`` over the formats :mod:`vnplan.report` has for this kind of output."""
    return click.option("--format", "fmt", type=click.Choice(list(formats)), default=default,
                        show_default=True)


def fail(message: str) -> None:
    message = message.replace("\r", "\\r").replace("\n", "\\n")  # one line, even for a file name holding one
    click.echo(f"vnplan: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def warn_reading(warnings: Sequence[str]) -> None:
    """The warnings of reading a file (legacy text converted, scrambled PDF text…), one line each on
    standard error: a check is never run on doubtful text without saying so."""
    for w in warnings:
        line = "".join(c if c.isprintable() else " " for c in w)
        click.echo(f"vnplan: cảnh báo khi đọc / reading warning: {line}", err=True)


def guard(func: F) -> F:
    """Turn every exception into a one-line message and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VnplanError as exc:
            fail(str(exc))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            fail("interrupted")
        except Exception as exc:  # a BrokenPipeError too: only a closed standard output is quiet (see echo)  # never a traceback for the user
            if os.environ.get("VNPLAN_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set VNPLAN_DEBUG=1 for details and please report it)")

    return wrapper  # type: ignore[return-value]


def ids(values: Sequence[str]) -> list[str]:
    """Rule ids from repeatable, comma-separated options."""
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def echo(text: str, *, nl: bool = True) -> None:
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


def emit(text: str, output: str | None, source: str | None = None) -> None:
    """Print TEXT, or write it to OUTPUT (never onto SOURCE, the input file)."""
    if output is None or output == "-":
        echo(text)
        return
    write_atomic(output, text if text.endswith("\n") else text + "\n", source=source)


def show(text: str) -> None:
    """Print a view on standard output (nothing at all for an empty one)."""
    if text:
        echo(text)


class Group(click.Group):
    """The top-level group: commands imported only when called (``lazy``: name → ``module:attribute``),
    and click's usage errors as one line too (as the exit codes promise)."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            # the documented lazy import of the command modules (docs/design.md): a command's
            # dependencies (rich for the batch progress bar) load only when it runs
            return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]
        return super().get_command(ctx, name)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # a bare `vnplan` shows the help
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
            fail(" ".join(exc.format_message().split()) + where)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)
