"""``vnplan profiles`` and ``vnplan profile show|derive``: the requirement profiles of parent plans."""

from __future__ import annotations

from pathlib import Path

import click

import vnplan.vocab as vocab
from vnplan.cli.common import emit, format_option, guard, language, say, show
from vnplan.errors import UsageError
from vnplan.parse import parse
from vnplan.profiles import load, names, profile_to_dict, validate
from vnplan.profiles.derive import derive
from vnplan.read import read
from vnplan.report import formats, render


@click.command("profiles")
@format_option(formats("profiles"))
@guard
def profiles_cmd(fmt: str) -> None:
    """List the shipped requirement profiles of parent plans."""
    show(render("profiles", [load(n) for n in names()], fmt), fmt=fmt)


@click.group("profile")
def profile_group() -> None:
    """Requirement profiles of parent plans: derive one from a parent plan, show one."""


@profile_group.command("show")
@click.argument("name_or_file")
@format_option(formats("profile"))
@guard
def profile_show_cmd(name_or_file: str, fmt: str) -> None:
    """Show a profile (a shipped name or a JSON file): parent, requirements, evidence, provenance."""
    show(render("profile", load(name_or_file), fmt), fmt=fmt)


@profile_group.command("derive")
@click.argument("parent_file")
@click.option("-o", "--output", default=None, help="Write the profile to this JSON file (default: standard output).")
@click.option("--id", "profile_id", default=None, help="The profile id (default: place-number-symbol-year).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@guard
def profile_derive_cmd(parent_file: str, output: str | None, profile_id: str | None, force: bool) -> None:
    """Derive a draft profile from PARENT_FILE (the parent plan), for a person to review."""
    if output not in (None, "-") and Path(output).exists() and not force:
        raise UsageError("the output file exists", path=output, hint="choose another name or add --force")
    profile = derive(parse(read(Path(parent_file))), profile_id=profile_id)
    validate(profile_to_dict(profile))
    emit(render("profile", profile, "json"), output, parent_file, fmt="json")
    if output not in (None, "-"):
        say(derive_summary(profile, output, language()))


def derive_summary(profile, output: str, lang: str = "vi") -> str:  # type: ignore[no-untyped-def]
    """``p.json: 52 yêu cầu (41 bắt buộc): 1 viện dẫn, 13 nội dung, …; 29 yêu cầu còn điểm cần làm rõ:
    vnplan profile show p.json`` (in English with ``lang="en"``)."""
    reqs = profile.requirements
    kinds: dict[str, int] = {}
    for r in reqs:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
    names = vocab.labels().kinds
    by_kind = ", ".join(f"{n} {names[k].get(lang) if k in names else k}" for k, n in kinds.items())
    said = vocab.labels().command_line["derived"].get(lang)
    return said.format(path=output, n=len(reqs), mandatory=sum(r.mandatory for r in reqs), by_kind=by_kind,
                       doubtful=sum(bool(r.review) for r in reqs))
