"""Every file of a checked folder is a row (vnplan/batch/files.py): legacy Word files are converted
and checked where LibreOffice is installed, refused with the hint to install it where it is not;
files vnplan cannot read say what they are; only hidden files and folder litter are skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_read_office import PLAN_LINES, WORD_DOC, rtf

from vnplan.batch import batch, check_targets, iter_plan_files
from vnplan.errors import UsageError

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                   reason="LibreOffice (soffice) is not installed: .doc/.rtf/.odt are converted with it")


def folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "ke-hoach"
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def rows(root: Path, lang: str = "en") -> dict[str, tuple[str, str | None, str | None]]:
    return {Path(r.file).name: (r.status, r.format, r.error) for r in batch([root], jobs=1, lang=lang)}


def test_without_libreoffice_a_doc_in_a_folder_is_a_row_saying_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("VNPLAN_SOFFICE", "")
    root = folder(tmp_path, {"so-tu-phap.doc": WORD_DOC, "Thumbs.db": b"\x00", "~$so-tu-phap.doc": b"lock"})
    got = rows(root)
    assert list(got) == ["so-tu-phap.doc"]  # the lock file and the thumbnail cache are skipped silently
    status, fmt, error = got["so-tu-phap.doc"]
    assert status == "error" and "LibreOffice is not installed" in (error or "") and "apt install" in (error or "")
    error = rows(root, "vi")["so-tu-phap.doc"][2]  # the reason a clerk reads, in the run's language
    assert "máy chưa cài LibreOffice" in (error or "") and "apt install" in (error or "")


def test_a_spreadsheet_or_an_archive_beside_the_plans_is_a_row_saying_what_it_is(tmp_path):
    import io
    import zipfile

    xlsx, archive = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("ke-hoach.txt", "\n".join(PLAN_LINES))
    got = rows(folder(tmp_path, {"phu-luc.xlsx": xlsx.getvalue(), "ho-so.zip": archive.getvalue()}))
    assert "Excel" in (got["phu-luc.xlsx"][2] or "")
    assert "zip archive" in (got["ho-so.zip"][2] or "") and "extract" in (got["ho-so.zip"][2] or "")


@needs_soffice
def test_with_libreoffice_an_rtf_plan_in_a_folder_is_converted_and_checked(tmp_path):
    got = rows(folder(tmp_path, {"ke-hoach.rtf": rtf(PLAN_LINES)}))
    status, fmt, error = got["ke-hoach.rtf"]
    assert (fmt, error) == ("rtf", None) and status in ("ok", "fail")


@pytest.mark.parametrize(("option", "name"), [("report", "bao-cao.json"), ("report", "bao-cao.html"),
                                              ("register", "so-noi-vu.db")])
def test_a_report_or_register_inside_a_checked_folder_is_refused_whatever_its_suffix(tmp_path, option, name):
    root = folder(tmp_path, {"a.txt": "\n".join(PLAN_LINES).encode()})
    files = list(iter_plan_files([root]))
    with pytest.raises(UsageError) as err:
        check_targets([str(root)], files, **{option: str(root / name)})
    assert "next run" in str(err.value)
    check_targets([str(root)], files, **{option: str(tmp_path / name)})  # beside the folder: fine


# ----------------------------------------------------------------------- reading warnings reach the user


def test_reading_warnings_are_carried_by_batch_rows_and_their_json(tmp_path):
    import jsonschema
    from real_corpus import REAL, to_cp1258

    from vnplan.data import load_schema
    from vnplan.serialize import batch_to_dict

    source = (REAL / "own" / "cv-phong-gddt-lucnam-ansi.cp1258.txt").read_text(encoding="utf-8")
    results = list(batch([folder(tmp_path, {"cong-van.txt": to_cp1258(source)})], jobs=1))
    assert any("Windows-1258" in w for w in results[0].warnings)
    data = batch_to_dict(results)
    jsonschema.validate(data, load_schema("batch"))
    assert any("Windows-1258" in w for w in data["plans"][0]["warnings"])


def test_vnplan_check_shows_the_reading_warnings_on_standard_error(tmp_path):
    from click.testing import CliRunner
    from real_corpus import REAL, to_cp1258

    from vnplan.cli import main

    path = tmp_path / "cong-van.txt"
    path.write_bytes(to_cp1258((REAL / "own" / "cv-phong-gddt-lucnam-ansi.cp1258.txt").read_text(encoding="utf-8")))
    res = CliRunner().invoke(main, ["check", str(path)])
    assert "reading warning" in res.stderr and "Windows-1258" in res.stderr
