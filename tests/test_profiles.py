"""Profiles: the format, loading and validation, and the shipped profile of Kế hoạch 14/KH-UBND."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from vnplan.data import load_schema
from vnplan.errors import ProfileError
from vnplan.profiles import from_dict, load, names, profile_from_dict, profile_to_dict

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = "bacgiang-14-KH-UBND-2024"


@pytest.fixture(scope="module")
def shipped_dict() -> dict:
    return json.loads((ROOT / "vnplan" / "profiles" / "data" / f"{SHIPPED}.json").read_text(encoding="utf-8"))


def test_the_shipped_profiles_are_listed_by_name():
    assert SHIPPED in names()


def test_the_shipped_profile_is_valid_against_the_schema(shipped_dict):
    jsonschema.validate(shipped_dict, load_schema("profile"))


@pytest.mark.parametrize("name", names())
def test_every_shipped_profile_passes_the_full_validation(name):
    # loading a shipped profile skips validation (start-up): this test is what makes that safe
    data = json.loads((ROOT / "vnplan" / "profiles" / "data" / f"{name}.json").read_text(encoding="utf-8"))
    from_dict(data, path=name)


def test_the_parent_of_the_shipped_profile_is_14_KH_UBND():
    p = load(SHIPPED).parent
    assert (p.type, p.number, p.symbol, p.date.isoformat()) == ("Kế hoạch", "14", "KH-UBND", "2024-01-21")
    assert "Bắc Giang" in p.issuer


def test_the_shipped_profile_covers_what_the_issue_lists():
    p = load(SHIPPED)
    assert 20 <= len(p.requirements) <= 40
    kinds = {r.kind for r in p.requirements}
    assert kinds == {"citation", "content", "form", "target", "duty", "deadline", "theme"}
    phrases = " | ".join(ph for r in p.requirements for g in r.evidence.all_of for ph in g)
    for topic in ("cải cách thể chế", "cải cách thủ tục hành chính", "cải cách tổ chức bộ máy", "cải cách chế độ công vụ",
                  "cải cách tài chính công", "chính quyền điện tử", "PAR INDEX", "PCI", "PAPI", "SIPAS",
                  "kỷ cương trách nhiệm", "phương tiện thông tin đại chúng", "hội nghị", "ấn phẩm", "báo cáo"):
        assert topic in phrases, topic
    targets = {(r.evidence.comparator, r.evidence.threshold) for r in p.requirements if r.kind == "target"}
    assert targets == {(">=", 100), (">", 90), (">", 70), (">", 60)}


def test_every_shipped_requirement_says_where_it_comes_from_and_that_the_parent_text_is_missing():
    for r in load(SHIPPED).requirements:
        assert r.provenance is not None, r.id
        assert r.provenance.where
        if "35/QĐ-BNV" in r.provenance.document:
            continue
        assert "KH-KHCN" in r.provenance.document, r.id
        assert "full text of 14/KH-UBND not available" in (r.provenance.note or ""), r.id


def test_a_profile_round_trips_through_its_json_form(shipped_dict):
    p = profile_from_dict(shipped_dict)
    again = profile_from_dict(profile_to_dict(p))
    assert again.requirements == p.requirements and again.parent == p.parent


def test_an_unknown_name_is_a_profile_error_that_lists_the_known_ones():
    with pytest.raises(ProfileError, match=SHIPPED):
        load("hanoi-1-KH-UBND-2030")


def test_a_missing_file_is_a_profile_error(tmp_path):
    with pytest.raises(ProfileError, match="no such profile file"):
        load(tmp_path / "nope.json")


def test_a_folder_given_as_the_profile_is_named_a_folder(tmp_path):
    (tmp_path / "p.json").mkdir()
    with pytest.raises(ProfileError, match="is a folder, not a profile file"):
        load(tmp_path / "p.json")


def test_a_file_that_is_not_json_is_a_profile_error(tmp_path):
    f = tmp_path / "p.json"
    f.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError, match="not a JSON profile"):
        load(f)


@pytest.mark.parametrize(("path", "value", "message"), [
    (("requirements", 0, "kind"), "wish", "requirements/0/kind"),
    (("parent", "number"), "fourteen", "parent/number"),
    (("requirements", 5, "evidence"), {}, "requirements/5"),
])
def test_an_invalid_profile_says_where(shipped_dict, path, value, message):
    bad = copy.deepcopy(shipped_dict)
    node = bad
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    with pytest.raises(ProfileError, match=message):
        from_dict(bad)


def test_a_target_needs_a_threshold(shipped_dict):
    bad = copy.deepcopy(shipped_dict)
    t = next(r for r in bad["requirements"] if r["kind"] == "target")
    del t["evidence"]["threshold"]
    with pytest.raises(ProfileError, match="threshold"):
        from_dict(bad)


def test_repeated_ids_and_bad_patterns_are_refused(shipped_dict):
    bad = copy.deepcopy(shipped_dict)
    bad["requirements"][2]["id"] = bad["requirements"][1]["id"]
    with pytest.raises(ProfileError, match="repeated"):
        from_dict(bad)
    bad = copy.deepcopy(shipped_dict)
    bad["requirements"][1]["evidence"]["pattern"] = "(unclosed"
    with pytest.raises(ProfileError, match="bad pattern"):
        from_dict(bad)


def test_a_profile_loads_from_a_json_file(tmp_path, shipped_dict):
    f = tmp_path / "mine.json"
    f.write_text(json.dumps(shipped_dict, ensure_ascii=False), encoding="utf-8")
    assert load(f).id == SHIPPED and load(str(f)).path == str(f)


def test_comply_without_a_profile_is_a_usage_error(reference_plan):
    import vnplan
    from vnplan.errors import UsageError

    with pytest.raises(UsageError):
        vnplan.comply(reference_plan, None)
    with pytest.raises(ProfileError):
        load(42)  # type: ignore[arg-type]
