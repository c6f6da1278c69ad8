"""A plan typed without Vietnamese diacritics (văn bản không dấu) is warned of, never checked silently."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

import vnplan
from vnplan.cli import main
from vnplan.read import unaccented


def strip_marks(text: str) -> str:
    """``Ủy ban nhân dân`` → ``Uy ban nhan dan``: the text as typed without diacritics."""
    d = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in d if not unicodedata.combining(c)))


def _warned(doc: vnplan.SourceDocument) -> bool:
    return any("không có dấu" in w and "no Vietnamese diacritics" in w for w in doc.warnings)


def test_a_plan_typed_without_diacritics_is_warned_of(reference_path: Path) -> None:
    assert _warned(vnplan.read(strip_marks(reference_path.read_text(encoding="utf-8"))))


def test_curly_quotes_and_dashes_do_not_hide_a_text_without_diacritics(reference_path: Path) -> None:
    text = strip_marks(reference_path.read_text(encoding="utf-8")).replace('"', "“") + "\n– “Ghi chu” –\n"
    assert not text.isascii()
    assert _warned(vnplan.read(text))


def test_the_reference_plan_and_a_short_note_are_not_warned_of(reference_path: Path) -> None:
    assert not _warned(vnplan.read(reference_path))
    assert not _warned(vnplan.read("So: 12/KH-UBND\nKE HOACH\nThu nghiem\n"))  # too short to judge


@pytest.mark.parametrize("share", [0.0, 0.01, 0.019])
def test_below_the_share_of_letters_outside_ascii_the_text_is_taken_as_unaccented(share: float) -> None:
    n = 1000
    other = round(n * share)
    text = "ă" * other + "a" * (n - other)
    assert unaccented.share(text) == (n, pytest.approx(share))
    assert (unaccented.warning([text]) is not None) == (share < unaccented.MAX_SHARE)


def test_the_check_shows_the_warning_on_one_line(tmp_path: Path, reference_path: Path) -> None:
    plan = tmp_path / "khong-dau.txt"
    plan.write_text(strip_marks(reference_path.read_text(encoding="utf-8")), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan)])
    lines = [ln for ln in result.output.splitlines() if "không có dấu" in ln]
    assert len(lines) == 1 and "reading warning" in lines[0]
