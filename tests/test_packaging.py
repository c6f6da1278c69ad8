"""What users install is the product: the sdist and the wheel hold every file the package reads.

The suite imports whatever ``vnplan`` is installed; CI (``.ci/run``) installs the built wheel, so
these tests also say that what they test is that wheel and not the checkout.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import vnplan

ROOT = Path(__file__).resolve().parent.parent


def _tracked() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout of vnplan (the files the project tracks)")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [f for f in out.stdout.decode("utf-8").split("\0") if f]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str], list[str]]:
    """Build the sdist, then the wheel from that sdist (what ``pip install`` of a release does),
    from a copy of the tracked files only, without network (``--no-isolation``)."""
    tracked = _tracked()
    src = tmp_path_factory.mktemp("src")
    for f in tracked:
        (src / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, src / f)
    dist = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(src)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheel = next(dist.glob("vnplan-*.whl"))
    sdist = next(dist.glob("vnplan-*.tar.gz"))
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as tar:
        in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    return in_wheel, in_sdist, tracked


def _data_files(tracked: list[str]) -> list[tuple[str, str]]:
    """(path in the checkout, path in the wheel) of every tracked non-Python file the package ships."""
    out = [(f, f) for f in tracked if f.startswith("vnplan/") and not f.endswith(".py")]
    out += [(f, "vnplan/" + f) for f in tracked if f.startswith("schemas/")]
    return out


def test_the_wheel_holds_every_tracked_data_file(built: tuple[set[str], set[str], list[str]]) -> None:
    in_wheel, _, tracked = built
    files = _data_files(tracked)
    assert any(f.startswith("vnplan/profiles/data/") for f, _ in files), "the shipped profile is tracked"
    missing = [f for f, w in files if w not in in_wheel]
    assert not missing, f"left out of the wheel a user installs: {missing}"


def test_the_sdist_holds_every_tracked_data_file_and_the_licence(built: tuple[set[str], set[str], list[str]]) -> None:
    _, in_sdist, tracked = built
    missing = [f for f, _ in _data_files(tracked) if f not in in_sdist]
    assert not missing, f"left out of the sdist: {missing}"
    assert "LICENSE" in in_sdist


def test_the_wheel_holds_no_bytecode_or_test_files(built: tuple[set[str], set[str], list[str]]) -> None:
    in_wheel, _, _ = built
    assert not [n for n in in_wheel if n.endswith((".pyc", ".pyo")) or "__pycache__" in n]
    assert not [n for n in in_wheel if n.startswith("tests/")]


def test_ci_tests_the_installed_package_not_the_checkout() -> None:
    if os.environ.get("VNPLAN_TEST_INSTALLED") != "1":
        pytest.skip("set by .ci/run, which installs the built wheel before running the suite")
    here = Path(vnplan.__file__).resolve()
    assert ROOT not in here.parents, f"the suite imported the checkout ({here}), not the installed wheel"


def test_spacy_is_an_extra_not_a_dependency() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.lower().startswith("spacy")]
    assert any(d.lower().startswith("spacy") for d in project["optional-dependencies"]["nlp"])
    assert "vnplan[nlp]" in project["optional-dependencies"]["test"]


def test_dask_and_ray_are_extras_and_the_suite_installs_dask() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert not [d for d in project["dependencies"] if d.lower().startswith(("dask", "distributed", "ray"))]
    assert any(d.startswith("dask[distributed]") for d in extras["dask"])
    assert any(d.startswith("ray[client]") for d in extras["ray"])
    assert "vnplan[dask]" in extras["test"] and "vnplan[ray]" not in extras["test"]


def test_pypdfium2_is_the_pdf_fast_extra_and_the_suite_installs_it() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert not [d for d in project["dependencies"] if d.lower().startswith("pypdfium2")]
    assert any(d.startswith("pypdfium2") for d in extras["pdf-fast"])
    assert "vnplan[pdf-fast]" in extras["test"]


def test_importing_vnplan_nlp_without_spacy_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['spacy'] = None\n"
        "import vnplan\n"
        "try:\n"
        "    import vnplan.nlp\n"
        "except vnplan.VnplanError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("MissingExtraError")
    assert 'pip install "vnplan[nlp]"' in out


def test_a_missing_data_file_is_a_vnplan_error_not_an_internal_error() -> None:
    from vnplan.data import load_json
    from vnplan.errors import DataFileError

    with pytest.raises(DataFileError, match="reinstall vnplan"):
        load_json("vnplan.vocab", "no-such-table.json")


@pytest.mark.skipif(importlib.util.find_spec("spacy") is None, reason="the nlp extra is not installed")
def test_the_spacy_components_load_with_the_extra() -> None:
    from vnplan.nlp import pipeline

    doc = pipeline()("Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh.")
    assert [e.label_ for e in doc.ents] == ["DOC_REF"]
