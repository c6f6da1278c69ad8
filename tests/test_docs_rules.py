"""docs/rules.md is generated from the registry; the committed file must equal what the generator prints."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnplan import docs
from vnplan.cli import main
from vnplan.rules.registry import get_rule, rules

ROOT = Path(__file__).resolve().parent.parent
FORM_RULES = ["F101", "F102", "F103", "F104", "F105", "F106", "F107", "F108", "F109", "F112"]


def test_committed_rules_doc_matches_the_registry():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == docs.render(), "run: python -m vnplan.docs -o docs/rules.md"


def test_every_rule_is_documented_with_its_examples():
    text = docs.render()
    for r in rules():
        assert f"## {r.id} `{r.name}`" in text
        if r.examples:
            assert r.examples.wrong.splitlines()[0] in text and r.examples.right.splitlines()[0] in text


@pytest.mark.parametrize("rule_id", FORM_RULES)
def test_form_rules_carry_provision_examples_and_messages(rule_id):
    r = get_rule(rule_id)
    assert r.source and r.source.startswith("Nghị định 30/2020/NĐ-CP, Phụ lục")
    assert r.examples is not None and r.examples.wrong != r.examples.right
    assert r.message_vi and r.message_en and "{" not in r.message_vi + r.message_en
    assert set(r.variants_vi) == set(r.variants_en)


def test_the_generator_writes_the_file(tmp_path):
    out = tmp_path / "rules.md"
    assert docs.main(["-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == docs.render()


def test_vnplan_rules_lists_form_rules_with_provision_and_date():
    res = CliRunner().invoke(main, ["rules"])
    assert res.exit_code == 0
    block = res.output.split("F105")[1].split("F106")[0]
    assert "căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4" in block
    assert "hiệu lực từ: 2020-03-05" in block
    data = json.loads(CliRunner().invoke(main, ["rules", "--format", "json"]).output)
    f109 = next(r for r in data if r["id"] == "F109")
    assert (f109["severity"], f109["since"]) == ("error", "2020-03-05")
