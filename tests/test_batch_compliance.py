"""End to end with the profile of the parent plan (14/KH-UBND, Bắc Giang, 2024): matrix, reports, register."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import jsonschema
import lxml.html
import plan_factory as pf
import pytest
from click.testing import CliRunner

pytest.importorskip("vnplan.rules.compliance", reason="the compliance profiles (issue 6) are not merged yet")

from vnplan.batch import batch  # noqa: E402
from vnplan.cli import main  # noqa: E402
from vnplan.data import load_schema  # noqa: E402
from vnplan.profiles import load  # noqa: E402
from vnplan.register import Register  # noqa: E402

PROFILE = "bacgiang-14-KH-UBND-2024"
DOCX_READER = importlib.util.find_spec("vnplan.read.docx") is not None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("plans")
    return root, pf.build_corpus(root, docx_reader=DOCX_READER)


@pytest.fixture(scope="module")
def run(corpus, tmp_path_factory):  # type: ignore[no-untyped-def]
    """One CLI run writing the JSON report and the register."""
    root, _ = corpus
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["batch", str(root), "--profile", PROFILE, "-o", str(out / "r.json"),
                                    "--register", str(out / "reg.db"), "--jobs", "2"])
    return res, json.loads((out / "r.json").read_text(encoding="utf-8")), out


def rel(root: Path, p: str) -> str:
    return Path(p).relative_to(root).as_posix()


def test_the_json_matrix_has_a_column_per_requirement_of_the_profile(run) -> None:  # type: ignore[no-untyped-def]
    res, data, _ = run
    assert res.exit_code == 1
    jsonschema.validate(data, load_schema("batch"))
    profile = load(PROFILE)
    assert data["profile"] == PROFILE
    assert [q["id"] for q in data["requirements"]] == [r.id for r in profile.requirements]
    for p in data["plans"]:
        if p["error"] is None:
            assert [q["id"] for q in p["coverage"]["requirements"]] == [r.id for r in profile.requirements]


def test_each_kind_of_plan_gets_the_expected_row(run, corpus) -> None:  # type: ignore[no-untyped-def]
    _, data, _ = run
    root, expected = corpus
    citation_ids = {r.id for r in load(PROFILE).requirements if r.kind == "citation"}
    for p in data["plans"]:
        want = expected[rel(root, p["file"])]
        v = want["variant"]
        if want["status"] == "error":
            assert p["status"] == "error" and p["coverage"] is None
            continue
        statuses = {q["id"]: q["status"] for q in p["coverage"]["requirements"]}
        if v.kind == "good":  # the reference plan implements its parent completely
            assert p["status"] == "ok" and set(statuses.values()) == {"met"}, p["file"]
        elif v.kind in ("wrong_date", "no_parent"):
            assert p["status"] == "fail" and any(statuses[i] != "met" for i in citation_ids), p["file"]
        else:  # no implementation part: a mandatory duty goes missing
            assert p["status"] == "fail" and p["coverage"]["missing_mandatory"], p["file"]


def test_csv_and_html_show_the_same_matrix(run, corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, data, _ = run
    root, _ = corpus
    ids = [q["id"] for q in data["requirements"]]
    want = {p["file"]: [({q["id"]: q["status"] for q in p["coverage"]["requirements"]} if p["coverage"] else {})
                        .get(i, "") for i in ids] for p in data["plans"]}
    assert CliRunner().invoke(main, ["batch", str(root), "--profile", PROFILE, "-o", str(tmp_path / "r.csv"),
                                     "--jobs", "1", "--lang", "en"]).exit_code == 1
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_bytes().decode("utf-8-sig"))))
    assert {r["file"]: [r[i] for i in ids] for r in rows} == want

    assert CliRunner().invoke(main, ["batch", str(root), "--profile", PROFILE, "-o", str(tmp_path / "r.html"),
                                     "--jobs", "1"]).exit_code == 1
    doc = lxml.html.document_fromstring((tmp_path / "r.html").read_text(encoding="utf-8"))
    text = doc.text_content()
    for q in data["requirements"]:
        assert q["id"] in text and q["text"] in text
    for p in data["plans"]:
        assert p["unit"] in text
    body = doc.xpath("//table[@id='matrix']/tbody/tr")  # in natural order of unit: matched by file
    cells = {tr.get("data-file"): [td.get("class").split()[-1] for td in tr.xpath("td")[-len(ids):]] for tr in body}
    assert cells == {p["file"]: [s or "na" for s in want[p["file"]]] for p in data["plans"]}


def test_the_register_takes_the_parent_from_the_profile(run, corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, data, out = run
    root, expected = corpus
    units = tmp_path / "units.csv"
    units.write_text(pf.EXPECTED_UNITS_CSV, encoding="utf-8")
    res = CliRunner().invoke(main, ["register", "missing", "--db", str(out / "reg.db"), "--expected", str(units),
                                    "--profile", PROFILE, "--format", "json"])
    assert res.exit_code == 1
    got = json.loads(res.stdout)
    assert got["parent"] == {"number": "14", "symbol": "KH-UBND", "date": "2024-01-21"}
    assert got["missing"] == pf.EXPECTED_MISSING
    assert sorted(rel(root, w["document"]["path"]) for w in got["wrong_dates"]) == sorted(
        k for k, v in expected.items() if v["wrong_date"])
    with Register(out / "reg.db") as reg:
        doc = reg.find(str(root / "so" / "00-stp.txt"))
        assert doc is not None and doc.profile == PROFILE and doc.score == 1.0
        details = reg.details(doc.id)
    assert len(details["requirements"]) == len(data["requirements"])
    assert all(q["status"] == "met" and q["evidence"] for q in details["requirements"])


def test_the_api_gives_coverage_objects(corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    rows = list(batch([root / "so" / "00-stp.txt", root / "huyen" / "22-ubnd.txt"], profile=PROFILE, jobs=1))
    assert rows[0].coverage.profile == PROFILE and rows[0].score == 1.0
    assert rows[1].missing_mandatory and rows[1].status == "fail"


def test_a_profile_file_is_loaded_once_and_sent_to_the_workers(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import concurrent.futures as cf

    from vnplan.profiles import profile_to_dict

    root, _ = corpus
    path = tmp_path / "my-profile.json"
    path.write_text(json.dumps(profile_to_dict(load(PROFILE)), ensure_ascii=False), encoding="utf-8")
    with cf.ThreadPoolExecutor(max_workers=2) as ex:
        rows = list(batch([root / "so"], profile=str(path), executor=ex))
    assert rows and all(r.coverage is not None and r.coverage.profile == PROFILE for r in rows)
