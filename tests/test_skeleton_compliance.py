"""A skeleton's compliance with the profile it came from: every requirement listed, as a placeholder until filled.

Filling the placeholders with the reference plan's own paragraphs (the Sở KH&CN Bắc Giang plan
that implements 14/KH-UBND) gives a plan whose coverage equals the reference plan's.
"""

from __future__ import annotations

import pytest

import vnplan
from skeleton_helpers import PROFILE, filled_docx, filled_markdown, parsed
from vnplan.rules.compliance import comply
from vnplan.generate import placeholders
from vnplan.profiles import load

#: Met by what the skeleton writes itself: the legal basis cites the parent in full, and the
#: title names the plan's year, which ends by the parent's deadline.
MET_BY_CONSTRUCTION = {"BG14-CIT", "BG14-DL-2024"}

REQUIREMENTS = [r.id for r in load(PROFILE).requirements]


@pytest.fixture(scope="module")
def coverage_of_skeleton():
    return {fmt: comply(parsed("so-tu-phap", fmt), PROFILE) for fmt in ("docx", "md")}


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_coverage_lists_every_requirement_of_the_profile(coverage_of_skeleton, fmt):
    cov = coverage_of_skeleton[fmt]
    assert cov.profile == PROFILE
    assert [r.id for r in cov.requirements] == REQUIREMENTS


def _placeholder_cases():
    for rid in REQUIREMENTS:
        if rid in MET_BY_CONSTRUCTION:
            continue
        yield pytest.param(rid, id=rid)


@pytest.mark.parametrize("rid", list(_placeholder_cases()))
def test_each_requirement_is_reported_as_a_placeholder_not_as_met(coverage_of_skeleton, rid):
    for fmt in ("docx", "md"):
        r = next(r for r in coverage_of_skeleton[fmt].requirements if r.id == rid)
        assert r.status == "placeholder", (fmt, r.status, r.evidence)


@pytest.mark.parametrize("rid", sorted(MET_BY_CONSTRUCTION))
def test_what_the_skeleton_writes_itself_is_met(coverage_of_skeleton, rid):
    for fmt in ("docx", "md"):
        assert coverage_of_skeleton[fmt].status_of(rid) == "met"


def test_no_requirement_is_missing(coverage_of_skeleton):
    for cov in coverage_of_skeleton.values():
        assert [r.id for r in cov.requirements if r.status == "missing"] == []


def test_every_placeholder_is_one_the_matcher_recognises():
    from vnplan.profiles.match import _PLACEHOLDER_RE as matcher_re

    plan = parsed("so-tu-phap", "md")
    text = "\n".join(b.text for b in plan.source.blocks)
    ours = [m.group(0) for m in placeholders.find(text)]
    assert len(ours) == 36  # 35 requirements with an item + the purpose of the plan
    assert all(matcher_re.fullmatch(p) for p in ours)


@pytest.fixture(scope="module")
def reference_coverage(reference_plan):
    return comply(reference_plan, PROFILE)


def test_the_reference_plan_meets_the_profile(reference_coverage):
    assert {r.status for r in reference_coverage.requirements} == {"met"}


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_filling_placeholders_with_the_reference_text_gives_the_reference_coverage(
        reference_plan, reference_coverage, fmt):
    if fmt == "md":
        filled = vnplan.parse(vnplan.read(filled_markdown("so-tu-phap", reference_plan, reference_coverage),
                                          format="markdown"))
    else:
        filled = vnplan.parse(vnplan.read(filled_docx("so-tu-phap", reference_plan, reference_coverage),
                                          format="docx"))
    assert not placeholders.has_placeholder("\n".join(b.text for b in filled.source.blocks))
    cov = comply(filled, PROFILE)
    assert {r.id: r.status for r in cov.requirements} == {r.id: r.status for r in reference_coverage.requirements}
    assert cov.score == reference_coverage.score


def test_a_placeholder_left_unfilled_stays_a_placeholder(reference_plan, reference_coverage):
    from skeleton_helpers import fills, markdown_text, skeleton_of

    values = fills("so-tu-phap", reference_plan, reference_coverage)
    keep = skeleton_of("so-tu-phap").placeholder_ids.index("BG14-ND-XINLOI")
    values = iter(values)
    counter = iter(range(len(skeleton_of("so-tu-phap").placeholder_ids)))

    def fill(m):  # type: ignore[no-untyped-def]
        value = next(values)
        return m.group(0) if next(counter) == keep else value

    text = placeholders.PLACEHOLDER_RE.sub(fill, markdown_text("so-tu-phap"))
    cov = comply(vnplan.parse(vnplan.read(text, format="markdown")), PROFILE)
    assert [r.id for r in cov.requirements if r.status == "placeholder"] == ["BG14-ND-XINLOI"]
