"""A generated skeleton parses back through vnplan into the plan it describes, and passes vnplan's checks.

For three units (a department, a district people's committee signing TM., a department with
a deputy signing KT.) and three ways of reading it back (.docx, Markdown, the Markdown read
as plain text).
"""

from __future__ import annotations

import pytest

import vnplan
from skeleton_helpers import PROFILE, UNITS, parsed, skeleton_of
from vnplan.profiles import load

FORMATS = ("docx", "md", "txt")
CASES = [(u, f) for u in UNITS for f in FORMATS]
IDS = [f"{u}-{f}" for u, f in CASES]


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_header_names_the_unit_its_parent_body_symbol_place_and_year(unit, fmt):
    want = UNITS[unit]
    h = parsed(unit, fmt).header
    assert h.authority == want["authority"]
    assert h.parent_authority == want["parent_authority"]
    assert h.symbol == want["symbol"]
    assert h.number is None  # left blank for the records office
    assert h.place == want["place"]
    assert (h.date.year, h.date.month, h.date.day) == (2024, None, None)
    assert h.national_motto


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_type_and_title_come_from_the_parent_plan(unit, fmt):
    h = parsed(unit, fmt).header
    assert h.doc_type == "Kế hoạch"
    assert h.title == "Tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024"


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_legal_basis_cites_the_parent_plan_in_full(unit, fmt):
    plan = parsed(unit, fmt)
    parent = load(PROFILE).parent
    (basis,) = plan.legal_basis
    assert basis.kind == "thuc_hien"
    (cit,) = [plan.citations[i] for i in basis.citations if plan.citations[i].number == parent.number]
    assert (cit.doc_type, cit.symbol, cit.date.to_date(), cit.issuer) == (
        parent.type, parent.symbol, parent.date, parent.issuer)
    assert "về tuyên truyền cải cách hành chính nhà nước tỉnh Bắc Giang năm 2024" in basis.text


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_sections_are_the_four_parts_of_a_plan_with_their_roles(unit, fmt):
    plan = parsed(unit, fmt)
    assert [(s.label, s.title, s.role) for s in plan.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", "purpose_requirements"),
        ("II", "NỘI DUNG", "content"),
        ("III", "HÌNH THỨC", "forms"),
        ("IV", "TỔ CHỨC THỰC HIỆN", "implementation"),
    ]
    purpose, content, forms, impl = plan.sections
    assert [(c.label, c.role) for c in purpose.children] == [("1", "purpose"), ("2", "requirements")]
    # numbered 1., 2., … without gaps, whether Word numbered them or the text did
    for part in (content, forms, impl):
        assert [c.label for c in part.children] == [str(k) for k in range(1, len(part.children) + 1)]


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_every_requirement_but_the_citation_has_its_item_in_its_part(unit, fmt):
    sk = skeleton_of(unit)
    profile = load(PROFILE)
    placed = [i for i in sk.placeholder_ids if i is not None]
    assert sorted(placed) == sorted(r.id for r in profile.requirements if r.kind != "citation")
    plan = parsed(unit, fmt)
    roles = {s.role for s in plan.walk() if "Kế hoạch cấp trên yêu cầu" in plan.source.blocks[s.span.block].text
             or "Chỉ tiêu:" in plan.source.blocks[s.span.block].text}
    assert roles == {"requirements", "content", "forms", "implementation"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_labels_come_from_word_numbering_in_docx_and_from_the_text_elsewhere(fmt):
    plan = parsed("so-tu-phap", fmt)
    sources = {s.label_source for s in plan.walk()}
    assert sources == ({"numbering"} if fmt == "docx" else {"text"})


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_signature_is_the_chosen_form_position_and_name(unit, fmt):
    want = UNITS[unit]
    sig = parsed(unit, fmt).signature
    forms = tuple((f.form, f.of) for f in sig.forms)
    assert forms[: len(want["forms"])] == want["forms"]
    assert sig.position == want["position"]
    assert sig.signer == want["signer"]


def test_a_deputy_of_a_peoples_committee_signs_tm_then_kt():
    from vnplan.generate.build import signature_lines

    assert signature_lines("UBND huyện Lục Nam", None, deputy=True) == (
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_recipients_end_with_the_archive_and_the_body_with_the_closing_mark(unit, fmt):
    plan = parsed(unit, fmt)
    assert plan.recipients[0].name == "UBND tỉnh Bắc Giang" and plan.recipients[0].note == "b/c"
    assert plan.recipients[-1].archive and plan.recipients[-1].archive_units == ("VT", "VP")
    assert plan.closing is not None
    assert plan.other == ()  # nothing left over that the parser could not place


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_check_reports_no_form_or_reference_error(unit, fmt):
    report = vnplan.check(parsed(unit, fmt))
    errors = [f for f in report.findings if f.severity == "error" and f.rule.startswith(("F1", "R2"))]
    assert errors == []


@pytest.mark.parametrize(("unit", "fmt"), CASES, ids=IDS)
def test_the_only_form_findings_are_the_blanks_a_draft_leaves(unit, fmt):
    report = vnplan.check(parsed(unit, fmt))
    form = sorted((f.rule, f.severity) for f in report.findings if f.rule.startswith("F1"))
    assert form == [("F103", "info"), ("F105", "info")]  # number and day/month left blank


def test_layout_rule_would_catch_a_skeleton_with_a_narrow_margin():
    import io

    import docx
    from docx.shared import Mm

    from skeleton_helpers import docx_bytes

    document = docx.Document(io.BytesIO(docx_bytes("so-tu-phap")))
    document.sections[0].left_margin = Mm(20)
    buf = io.BytesIO()
    document.save(buf)
    report = vnplan.check(vnplan.parse(vnplan.read(buf.getvalue(), format="docx")))
    assert [f.rule for f in report.findings if f.severity == "error"] == ["F109"]


def test_check_reports_a_skeleton_cut_short_so_the_check_above_can_fail():
    import attrs

    plan = parsed("so-tu-phap", "md")
    broken = attrs.evolve(plan, sections=plan.sections[:1])
    report = vnplan.check(broken)
    assert any(f.rule.startswith("F1") and f.severity == "error" for f in report.findings)


def test_english_guidance_keeps_the_plan_text_vietnamese():
    plan = parsed("so-y-te-kt", "md", "en")
    assert [s.title for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "HÌNH THỨC", "TỔ CHỨC THỰC HIỆN"]
    text = "\n".join(b.text for b in plan.source.blocks)
    assert "[Unit to add its own text. The parent plan requires: Tuyên truyền cải cách thể chế.]" in text
    assert "Đơn vị bổ sung" not in text
