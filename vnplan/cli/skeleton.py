"""``vnplan skeleton``: a unit's plan laid out from the parent plan's profile, as .docx or Markdown."""

from __future__ import annotations

import click

import vnplan.vocab as vocab
from vnplan.cli.common import guard, say
from vnplan.generate import write


@click.command("skeleton")
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
@guard
def skeleton_cmd(profile: str, unit: str, parent_unit: str | None, symbol: str, place: str | None,
                 year: int | None, title: str | None, signer_position: str | None, signer_name: str | None,
                 deputy: bool, archive: str, lang: str, output: str, force: bool) -> None:
    """Write a plan skeleton for UNIT implementing the parent plan of PROFILE (Decree 30 layout)."""
    path = write(output, profile, unit=unit, parent_unit=parent_unit, symbol=symbol, place=place, year=year,
                 title=title, signer_position=signer_position, signer_name=signer_name, deputy=deputy,
                 archive=archive, lang=lang, force=force)
    say(vocab.labels().command_line["wrote"].get(lang).format(path=path))
