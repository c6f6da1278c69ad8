"""Every corpus text parses without error into the header fields a reader sees; golden JSON pins the rest.

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
    "bacgiang-201-KH-UBND-cchc-2025.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "201", "KH-UBND", "Bắc Giang", (2024, 12, 27), "Kế hoạch"),
    "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt": (None, None, None, "KH-KHCN", "Bắc Giang", (2024, 2, None), "Kế hoạch"),
    "backan-1579-QD-UBND-phe-duyet-kh-2021.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "1579", "QĐ-UBND", "Bắc Kạn", (2021, 8, 25), "Quyết định"),
    "bacninh-155-KH-UBND-hotich-2017.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "155", "KH-UBND", "Bắc Ninh", (2017, 5, 26), "Kế hoạch"),
    "bnv-35-QD-BNV-kh-tuyen-truyen-cchc-2024.opening.txt": (None, "BỘ NỘI VỤ", "35", "QĐ-BNV", "Hà Nội", (2024, 1, 22), "Quyết định"),
    "hanoi-sgddt-2928-cong-van-2022.opening.txt": ("UBND THÀNH PHỐ HÀ NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "2928", "SGDĐT-KHTC", "Hà Nội", (2022, 9, 21), "Công văn"),
    "kontum-2516-KH-UBND-2014.opening.txt": (None, "Y BAN NHÂN DÂN TỈNH KON TUM", "2516", "KH-UBND", "Kon Tum", (2014, 10, 3), "Kế hoạch"),
    "sonla-68-KH-UBND-2020.opening.txt": (None, "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "68", "KH-UBND", "Sơn La", (2020, 3, 11), "Kế hoạch"),
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
