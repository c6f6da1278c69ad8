"""Every corpus text parses without error into the header fields a reader sees; golden JSON pins the rest.

tests/data/corpus/ holds the reference plan and openings written for vnplan (fictional provinces,
numbers and people) in the layouts real documents come in: header cells flattened into ``|`` lines
with wrapped cells (Lam Giang, Sơn Hà, the ministry), a lost first letter (``Y BAN``, Bắc Trà) and
glued words, a parent body over a department (Hải Đăng Công văn), a Quyết định approving a plan
with its Nơi nhận and TM./KT. signature (Đông Khê), *Mục tiêu* for *Mục đích* (Phú Lâm). No real
opening is kept here: real documents are read from ``../shared/corpus`` (tests/real_corpus.py).

Regenerate the golden files after an intended change with ``python tests/update_golden.py``
and review the diff.
"""

import json
from pathlib import Path

import jsonschema
import pytest

import vnplan
from vnplan.data import load_schema
from vnplan.parse.ownership import ownership_faults
from vnplan.serialize import plan_to_dict

DATA = Path(__file__).parent / "data"
CORPUS = sorted((DATA / "corpus").glob("*.txt"))
GOLDEN = DATA / "golden"

# What a person reads in each header (the parse must agree).
HEADERS = {
    "bactra-1937-KH-UBND-2015.opening.txt": (None, "Y BAN NHÂN DÂN TỈNH BẮC TRÀ", "1937", "KH-UBND", "Bắc Trà", (2015, 10, 5), "Kế hoạch"),
    "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt": (None, None, None, "KH-KHCN", "Bắc Giang", (2024, 2, None), "Kế hoạch"),
    "bnv-112-QD-BNV-kh-kiem-tra-van-thu-2025.opening.txt": (None, "BỘ NỘI VỤ", "112", "QĐ-BNV", "Hà Nội", (2025, 2, 17), "Quyết định"),
    "dongkhe-1462-QD-UBND-phe-duyet-kh-2022.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH ĐÔNG KHÊ", "1462", "QĐ-UBND", "Đông Khê", (2022, 9, 14), "Quyết định"),
    "haidang-sgddt-1875-cong-van-2023.opening.txt": ("UBND THÀNH PHỐ HẢI ĐĂNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "1875", "SGDĐT-KHTC", "Hải Đăng", (2023, 9, 8), "Công văn"),
    "lamgiang-215-KH-UBND-cchc-2025.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "215", "KH-UBND", "Lam Giang", (2024, 12, 30), "Kế hoạch"),
    "phulam-142-KH-UBND-hotich-2018.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH PHÚ LÂM", "142", "KH-UBND", "Phú Lâm", (2018, 6, 18), "Kế hoạch"),
    "sonha-74-KH-UBND-2021.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "74", "KH-UBND", "Sơn Hà", (2021, 3, 16), "Kế hoạch"),
}


def golden_dict(path: Path) -> dict:
    data = plan_to_dict(vnplan.parse(path))
    data["file"] = path.name
    data.pop("blocks", None)
    return data


def test_every_corpus_text_is_covered():
    assert {p.name for p in CORPUS} == set(HEADERS)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_header_fields_are_right(path):
    h = vnplan.parse(path).header
    d = h.date
    got = (h.parent_authority, h.authority, h.number, h.symbol, h.place, (d.year, d.month, d.day), h.doc_type)
    assert got == HEADERS[path.name]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_no_text_is_lost(path):
    assert ownership_faults(vnplan.parse(path)) == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_matches_golden_json(path):
    expected = json.loads((GOLDEN / (path.stem + ".json")).read_text(encoding="utf-8"))
    assert golden_dict(path) == expected


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.name)
def test_golden_files_validate_against_the_schema(path):
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), load_schema("plan"))
