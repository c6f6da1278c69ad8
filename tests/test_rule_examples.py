"""Every rule's examples run as tests (proselint's way): the wrong text fires the rule, the right
one does not, and each message the wrong one gives fills in both languages.

A fragment that needs a plan around it names the part of a compliant plan it stands for
(``Example.part``, ``tests/compliant.py``); a compliance rule's example carries the small
profile it is checked against; the layout rule's example is a Word file.
"""

from __future__ import annotations

import pytest

import vnplan
from compliant import PARTS, compliant_docx, compliant_plan
from vnplan.model import Plan
from vnplan.rules.compliance import prepare
from vnplan.rules.registry import EXAMPLE_PARTS, Context, Example, Hit, Rule, rules

RULES = rules()


def example_plan(ex: Example, wrong: bool, tmp_path) -> Plan:  # type: ignore[no-untyped-def]
    text = ex.wrong if wrong else ex.right
    if ex.layout is not None:  # the texts describe two layouts of the compliant plan
        path = tmp_path / ("wrong.docx" if wrong else "right.docx")
        path.write_bytes(compliant_docx(ex.layout if wrong else None))
        return vnplan.parse(path)
    if ex.part is None:
        return vnplan.parse(text, require_plan=False)
    return vnplan.parse(compliant_plan(**{ex.part: text}))


def hits(r: Rule, plan: Plan) -> list[Hit]:
    """The rule's hits on ``plan`` (as ``vnplan.check`` would run it: in force, with the example's profile)."""
    ex = r.examples
    assert ex is not None
    profile = coverage = None
    if ex.profile is not None:
        profile, coverage = prepare(plan, ex.profile)
    date = plan.header.date.earliest if plan.header.date else None
    assert r.in_force(date), f"{r.id} is not in force on the example's date {date}"
    return list(r.func(Context(plan=plan, profile=profile, coverage=coverage)))


def test_every_rule_has_examples():
    assert [r.id for r in RULES if r.examples is None] == []


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_the_wrong_example_fires_the_rule_with_messages_in_both_languages(r, tmp_path):
    found = hits(r, example_plan(r.examples, True, tmp_path))
    assert found, f"{r.id}: the wrong example does not fire the rule"
    for hit in found:
        for lang in ("vi", "en"):
            assert r.message(hit, lang)  # MessageError when the template cannot be filled


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_the_right_example_does_not_fire_the_rule(r, tmp_path):
    found = hits(r, example_plan(r.examples, False, tmp_path))
    assert not found, f"{r.id}: the right example fires {[r.message(h) for h in found]}"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_compliance_examples_carry_a_profile_and_only_they_do(r):
    assert (r.examples.profile is not None) == r.needs_profile


def test_the_compliant_plan_has_every_part_an_example_may_name():
    assert list(PARTS) == list(EXAMPLE_PARTS)


def test_the_compliant_plan_breaks_no_rule(tmp_path):
    assert vnplan.check(vnplan.parse(compliant_plan())).findings == ()
    path = tmp_path / "compliant.docx"
    path.write_bytes(compliant_docx())
    assert vnplan.check(vnplan.parse(path)).findings == ()


def test_an_example_names_only_a_known_part():
    with pytest.raises(ValueError, match="unknown example part"):
        Example("a", "b", part="preamble")
