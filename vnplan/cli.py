"""The ``vnplan`` command line: a thin layer over the public API.

Exit codes: 0 no error-level finding, 1 error-level findings, 2 unusable input or usage.
Errors are one line on standard error, never a traceback (set ``VNPLAN_DEBUG=1`` to see one).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from vnplan.errors import VnplanError
from vnplan.output import write_atomic
from vnplan.version import __version__

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def _fail(message: str) -> None:
    message = message.replace("\r", "\\r").replace("\n", "\\n")  # one line, even for a file name holding one
    click.echo(f"vnplan: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def _guard(func: F) -> F:
    """Turn every exception into a one-line message and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VnplanError as exc:
            _fail(str(exc))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            _fail("interrupted")
        except BrokenPipeError:
            sys.exit(EXIT_OK)
        except Exception as exc:  # never a traceback for the user
            if os.environ.get("VNPLAN_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (set VNPLAN_DEBUG=1 for details and please report it)")

    return wrapper  # type: ignore[return-value]


def _ids(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _emit(text: str, output: str | None, source: str | None = None) -> None:
    """Print TEXT, or write it to OUTPUT (never onto SOURCE, the input file)."""
    if output is None or output == "-":
        click.echo(text)
        return
    write_atomic(output, text if text.endswith("\n") else text + "\n", source=source)


class _Group(click.Group):
    """The top-level group: click's usage errors become one line too (as the exit codes promise)."""

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
            _fail(" ".join(exc.format_message().split()) + where)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="vnplan")
def main() -> None:
    """vnplan: đọc và kiểm tra Kế hoạch hành chính (parse and check Vietnamese plans)."""


@main.command("parse")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.option("-o", "--output", default=None, help="Write to this file instead of standard output.")
@_guard
def parse_cmd(file: str, fmt: str, output: str | None) -> None:
    """Parse FILE (.txt, .md, .docx, .pdf, or - for standard input) and show its structure."""
    from vnplan.parse import parse
    from vnplan.read import read

    plan = parse(read(Path(file)))
    if fmt == "json":
        from vnplan.serialize import dumps, plan_to_dict

        _emit(dumps(plan_to_dict(plan)), output, file)
    else:
        from vnplan.report.text import render_plan

        _emit(render_plan(plan), output, file)


@main.command("check")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["json", "text", "sarif"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes (comma-separated, repeatable).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--profile", default=None, help="Requirement profile of the parent plan (name or JSON file).")
@click.option("-o", "--output", default=None, help="Write to this file instead of standard output.")
@_guard
def check_cmd(file: str, fmt: str, select: tuple[str, ...], ignore: tuple[str, ...], lang: str,
              profile: str | None, output: str | None) -> None:
    """Check FILE against the rules; exit 1 when an error-level finding is reported."""
    from vnplan.rules.runner import check
    from vnplan.parse import parse
    from vnplan.read import read

    plan = parse(read(Path(file)))
    report = check(plan, select=_ids(select), ignore=_ids(ignore), lang=lang, profile=profile)
    if fmt == "json":
        from vnplan.serialize import dumps, report_to_dict

        _emit(dumps(report_to_dict(report)), output, file)
    elif fmt == "sarif":
        from vnplan.report.sarif import report_to_sarif
        from vnplan.serialize import dumps

        _emit(dumps(report_to_sarif([report])), output, file)
    else:
        from vnplan.report.text import render_report

        _emit(render_report(report), output, file)
    sys.exit(EXIT_FINDINGS if report.failing else EXIT_OK)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@_guard
def rules_cmd(fmt: str, lang: str) -> None:
    """List the rule catalogue: id, severity, provision, message."""
    from vnplan.rules.registry import rules

    catalogue = rules()
    if fmt == "json":
        from vnplan.serialize import dumps, rule_to_dict

        click.echo(dumps([rule_to_dict(r) for r in catalogue]))
        return
    for r in catalogue:
        msg = r.message_en if lang == "en" else r.message_vi
        click.echo(f"{r.id}  {r.severity:<7}  {r.name}")
        click.echo(f"      {msg}")
        if r.source:
            click.echo(f"      {'căn cứ' if lang == 'vi' else 'source'}: {r.source}")
        if r.since:
            click.echo(f"      {'hiệu lực từ' if lang == 'vi' else 'in force from'}: {r.since.isoformat()}")


@main.command("profiles")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_guard
def profiles_cmd(fmt: str) -> None:
    """List the shipped requirement profiles of parent plans."""
    from vnplan.profiles import load, names

    shipped = [load(n) for n in names()]
    if fmt == "json":
        from vnplan.serialize import dumps, profile_summary

        click.echo(dumps([profile_summary(p) for p in shipped]))
        return
    for p in shipped:
        click.echo(f"{p.id}  ({len(p.requirements)} yêu cầu)")
        click.echo(f"      {p.parent.reference}")


@main.group("profile")
def profile_group() -> None:
    """Requirement profiles of parent plans: derive one from a parent plan, show one."""


@profile_group.command("show")
@click.argument("name_or_file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_guard
def profile_show_cmd(name_or_file: str, fmt: str) -> None:
    """Show a profile (a shipped name or a JSON file): parent, requirements, evidence, provenance."""
    from vnplan.profiles import load, profile_to_dict

    prof = load(name_or_file)
    if fmt == "json":
        from vnplan.serialize import dumps

        click.echo(dumps(profile_to_dict(prof)))
    else:
        from vnplan.report.profile import render_profile

        click.echo(render_profile(prof))


@profile_group.command("derive")
@click.argument("parent_file")
@click.option("-o", "--output", default=None, help="Write the profile to this JSON file (default: standard output).")
@click.option("--id", "profile_id", default=None, help="The profile id (default: place-number-symbol-year).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@_guard
def profile_derive_cmd(parent_file: str, output: str | None, profile_id: str | None, force: bool) -> None:
    """Derive a draft profile from PARENT_FILE (the parent plan), for a person to review."""
    from pathlib import Path

    from vnplan.errors import UsageError
    from vnplan.parse import parse
    from vnplan.profiles import profile_to_dict, validate
    from vnplan.profiles.derive import derive
    from vnplan.read import read
    from vnplan.serialize import dumps

    if output not in (None, "-") and Path(output).exists() and not force:
        raise UsageError("the output file exists", path=output, hint="choose another name or add --force")
    data = profile_to_dict(derive(parse(read(Path(parent_file))), profile_id=profile_id))
    validate(data)
    _emit(dumps(data), output, parent_file)
    if output not in (None, "-"):
        click.echo(f"{output}: {len(data['requirements'])} requirements; review them before use", err=True)


@main.command("skeleton")
@click.option("--profile", required=True, help="Requirement profile of the parent plan (name or JSON file).")
@click.option("--unit", required=True, help="The unit issuing the plan, e.g. 'Sở Tư pháp'.")
@click.option("--parent-unit", default=None, help="Its parent body (cơ quan chủ quản), e.g. 'UBND tỉnh Bắc Giang'.")
@click.option("--symbol", required=True, help="The plan's symbol (ký hiệu), e.g. KH-STP; the number is left blank.")
@click.option("--place", default=None, help="Place name (địa danh); default: from the unit's or parent's name.")
@click.option("--year", type=int, default=None, help="Year of the plan; default: the parent plan's year.")
@click.option("--title", default=None, help="Title (trích yếu); default: the parent plan's subject.")
@click.option("--signer-position", default=None, help="The head's position, e.g. 'Giám đốc' (default: from the unit).")
@click.option("--signer-name", default=None, help="The signer's full name (default: a placeholder).")
@click.option("--deputy", is_flag=True, help="A deputy signs: KT. <HEAD> / PHÓ <HEAD>.")
@click.option("--archive", default="VP", show_default=True, help="Drafting unit after 'Lưu: VT,'.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the guidance in placeholders (the plan's text stays Vietnamese).")
@click.option("-o", "--output", required=True, help="Output file: .docx or .md.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@_guard
def skeleton_cmd(profile: str, unit: str, parent_unit: str | None, symbol: str, place: str | None,
                 year: int | None, title: str | None, signer_position: str | None, signer_name: str | None,
                 deputy: bool, archive: str, lang: str, output: str, force: bool) -> None:
    """Write a plan skeleton for UNIT implementing the parent plan of PROFILE (Decree 30 layout)."""
    from vnplan.generate import write

    path = write(output, profile, unit=unit, parent_unit=parent_unit, symbol=symbol, place=place, year=year,
                 title=title, signer_position=signer_position, signer_name=signer_name, deputy=deputy,
                 archive=archive, lang=lang, force=force)
    click.echo(f"vnplan: wrote {path}", err=True)


# The batch and register commands live in their own module (vnplan/cli_batch.py).
from vnplan.cli_batch import batch_cmd, register_group  # noqa: E402

main.add_command(batch_cmd)
main.add_command(register_group)


def run() -> None:  # pragma: no cover - console entry point wrapper
    main()


if __name__ == "__main__":  # pragma: no cover
    main()
