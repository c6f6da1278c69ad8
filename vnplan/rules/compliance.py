"""Compliance with the parent plan (tuân thủ kế hoạch cấp trên): coverage of a profile and rules C301–C306."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from vnplan.errors import UsageError
from vnplan.model import Coverage, Plan, RequirementResult, Span
from vnplan.parse import parse
from vnplan.profiles import load
from vnplan.profiles.match import (
    assignments,
    has_implementation,
    index_for,
    match_index,
)
from vnplan.rules.registry import Context, Example, Hit, rule

PROVENANCE = "Kế hoạch cấp trên (hồ sơ yêu cầu --profile); nguồn của từng yêu cầu ghi trong hồ sơ (`vnplan profile show`)"


def target(plan: Plan) -> Plan:
    """The plan a profile is checked against: the plan a decision issues (its attached Kế hoạch),
    else the document itself."""
    return plan.issued_plan or plan


def prepare(plan: Plan, profile: Any) -> tuple[Any, Coverage]:
    """Load ``profile`` (a name, a JSON path, a dict or a Profile) and match ``plan`` against it.

    A decision that issues a plan is checked through the plan it issues (:func:`target`); the
    parent plan a decision cites in its legal basis (``Căn cứ Kế hoạch số …``) is cited for the
    plan too, so a citation requirement the plan itself misses is met by the decision's.
    """
    prof = load(profile)
    aim = target(plan)
    coverage = match_index(index_for(aim, prof), prof)
    if aim is plan:
        return prof, coverage
    cites = tuple(r for r in prof.requirements if r.kind == "citation")
    if not cites or all(r.status == "met" for r in coverage.requirements if r.kind == "citation"):
        return prof, coverage
    by_decision = {r.id: r for r in match_index(index_for(plan, prof), attrs.evolve(prof, requirements=cites)).requirements}
    merged = tuple(by_decision[r.id] if r.kind == "citation" and r.id in by_decision
                   and by_decision[r.id].score > r.score else r for r in coverage.requirements)
    score = sum(r.score for r in merged) / len(merged) if merged else 1.0
    return prof, attrs.evolve(coverage, requirements=merged, score=round(score, 3))


def comply(plan: Any, profile: Any) -> Coverage:
    """How ``plan`` covers the requirements of ``profile`` (a shipped name, a JSON file, a dict or a
    Profile): each requirement met, partial, missing or placeholder, with located evidence.
    ``plan`` is a Plan or anything :func:`vnplan.parse` takes."""
    if profile is None:
        raise UsageError("comply needs a profile", hint="a shipped name (`vnplan profiles`), a JSON file or a Profile")
    if not isinstance(plan, Plan):
        plan = parse(plan)
    return prepare(plan, profile)[1]


# --------------------------------------------------------------------------- examples


def _example_profile(*requirements: dict[str, Any]) -> dict[str, Any]:
    """The profile a rule's examples are checked against: Kế hoạch 14/KH-UBND of UBND tỉnh Bắc
    Giang (21/01/2024) and ``requirements``."""
    return {
        "id": "example",
        "title": "Ví dụ / example",
        "parent": {"type": "Kế hoạch", "number": "14", "symbol": "KH-UBND", "date": "2024-01-21",
                   "issuer": "UBND tỉnh Bắc Giang"},
        "requirements": list(requirements),
    }


# --------------------------------------------------------------------------- helpers


def _results(ctx: Context, rule_id: str) -> Iterator[RequirementResult]:
    cov = ctx.coverage
    if cov is None:
        return
    for r in cov.requirements:
        if (r.rule or "") == rule_id:
            yield r


def _part_span(plan: Plan, roles: tuple[str, ...]) -> Span | None:
    for s in plan.walk():
        if s.role in roles:
            return s.heading or s.span
    h = plan.header
    return h.doc_type_text.span if h.doc_type_text else h.title_span


def _params(r: RequirementResult, **more: Any) -> dict[str, Any]:
    d = dict(r.details)
    return {"id": r.id, "text": r.text, "note": r.note or "", "note_en": r.note_en or r.note or "", **d, **more}


def _severity(r: RequirementResult, partial: str = "warning") -> str:
    if r.status == "missing":
        return "error" if r.mandatory else "info"
    return partial


def _span_of(r: RequirementResult, fallback: Span | None) -> Span | None:
    return r.evidence[0].span if r.evidence else fallback


def _has_implementation(ctx: Context) -> bool:
    return has_implementation(index_for(target(ctx.plan), ctx.profile))


# --------------------------------------------------------------------------- C301


@rule(
    "C301",
    "error",
    name="parent-citation",
    part="coverage",
    vi="Không viện dẫn kế hoạch cấp trên ({parent}) trong phần căn cứ ban hành.",
    en="The parent plan ({parent}) is not cited in the legal basis.",
    source=PROVENANCE,
    variants_vi={
        "number": "Viện dẫn kế hoạch cấp trên sai số, ký hiệu: {note} (đúng: {parent}).",
        "date": "Viện dẫn kế hoạch cấp trên sai ngày: {note} (đúng: {parent}).",
        "issuer": "Viện dẫn kế hoạch cấp trên sai cơ quan ban hành: {note} (đúng: {parent}).",
        "not_in_legal_basis": "Kế hoạch cấp trên ({parent}) có được nhắc đến nhưng không nêu trong phần căn cứ ban hành.",
        "other_parent": "Kế hoạch viện dẫn một kế hoạch cấp trên khác ({cited}), không phải {parent}.",
    },
    variants_en={
        "number": "The parent plan is cited with a wrong number: {note_en} (should be: {parent}).",
        "date": "The parent plan is cited with a wrong date: {note_en} (should be: {parent}).",
        "issuer": "The parent plan is cited with a wrong issuer: {note_en} (should be: {parent}).",
        "not_in_legal_basis": "The parent plan ({parent}) is mentioned but not cited in the legal basis.",
        "other_parent": "The plan cites another parent plan ({cited}), not {parent}.",
    },
    needs_profile=True,
    examples=Example(
        "Căn cứ tình hình thực tế, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:",
        "Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh Bắc Giang, Sở Khoa học và Công nghệ "
        "ban hành Kế hoạch như sau:",
        part="legal_basis",
        profile=_example_profile({"id": "CIT", "kind": "citation", "evidence": {},
                                  "text": "Viện dẫn Kế hoạch số 14/KH-UBND trong phần căn cứ ban hành"}),
    ),
)
def parent_citation(ctx: Context) -> Iterator[Hit]:
    """The parent is cited in the legal basis with its number, date and issuer."""
    for r in _results(ctx, "C301"):
        if r.status == "met":
            continue
        problem = dict(r.details).get("problem")
        variant = problem if problem in ("number", "date", "issuer", "not_in_legal_basis", "other_parent") else None
        fallback = ctx.plan.legal_basis[0].span if ctx.plan.legal_basis else _part_span(ctx.plan, ())
        sev = "warning" if variant == "not_in_legal_basis" else ("error" if r.mandatory else "warning")
        yield Hit(_span_of(r, fallback), _params(r), severity=sev, variant=variant)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- C302, C303


_PHRASE_VARIANTS_VI = {
    "partial": "Yêu cầu {id} của kế hoạch cấp trên chỉ được đáp ứng một phần: “{text}” ({note}).",
    "placeholder": "Yêu cầu {id} của kế hoạch cấp trên mới có chỗ trống chờ điền: “{text}”.",
    "why": "Thiếu yêu cầu {id} của kế hoạch cấp trên: “{text}” ({note}).",
}
_PHRASE_VARIANTS_EN = {
    "partial": "Requirement {id} of the parent plan is only partly covered: “{text}” ({note_en}).",
    "placeholder": "Requirement {id} of the parent plan is still a placeholder: “{text}”.",
    "why": "Requirement {id} of the parent plan is missing: “{text}” ({note_en}).",
}
#: Reasons a missing requirement's finding explains in one sentence (the words were there, but are no evidence).
_EXPLAINED = frozenset({"refused", "past", "review", "legal_basis", "title", "incomplete", "unrelated"})


def _missing_variant(r: RequirementResult) -> str | None:
    return "why" if r.reason in _EXPLAINED and r.note else None


def _phrase_hits(ctx: Context, rule_id: str, roles: tuple[str, ...]) -> Iterator[Hit]:
    where = _part_span(target(ctx.plan), roles)
    for r in _results(ctx, rule_id):
        if r.status == "met":
            continue
        variant: str | None = _missing_variant(r) if r.status == "missing" else r.status
        yield Hit(_span_of(r, where), _params(r), severity=_severity(r), variant=variant)  # type: ignore[arg-type]


@rule(
    "C302",
    "warning",
    name="content-coverage",
    part="coverage",
    vi="Thiếu nội dung mà kế hoạch cấp trên yêu cầu ({id}): “{text}”.",
    en="Content required by the parent plan is missing ({id}): “{text}”.",
    source=PROVENANCE,
    variants_vi=_PHRASE_VARIANTS_VI,
    variants_en=_PHRASE_VARIANTS_EN,
    needs_profile=True,
    examples=Example(
        "1. Cải cách thủ tục hành chính.",
        "1. Cải cách thể chế: phổ biến văn bản quy phạm pháp luật mới.\n2. Cải cách thủ tục hành chính.",
        part="content",
        profile=_example_profile({"id": "ND01", "kind": "content", "where": "content", "text": "Cải cách thể chế",
                                  "evidence": {"all_of": [["cải cách thể chế"]]}}),
    ),
)
def content_coverage(ctx: Context) -> Iterator[Hit]:
    """Every content topic and the year's theme of the parent plan appear in the unit plan's content."""
    yield from _phrase_hits(ctx, "C302", ("content",))


@rule(
    "C303",
    "warning",
    name="form-coverage",
    part="coverage",
    vi="Thiếu hình thức mà kế hoạch cấp trên yêu cầu ({id}): “{text}”.",
    en="A form of implementation required by the parent plan is missing ({id}): “{text}”.",
    source=PROVENANCE,
    variants_vi=_PHRASE_VARIANTS_VI,
    variants_en=_PHRASE_VARIANTS_EN,
    needs_profile=True,
    examples=Example(
        "1. Đăng tin trên Trang thông tin điện tử của Sở.",
        "1. Đăng tin trên Trang thông tin điện tử của Sở.\n2. Tuyên truyền trên báo chí, phát thanh, truyền hình.",
        part="forms",
        profile=_example_profile({"id": "HT01", "kind": "form", "where": "forms",
                                  "text": "Tuyên truyền trên báo chí, phát thanh, truyền hình",
                                  "evidence": {"all_of": [["báo chí", "phát thanh", "truyền hình"]]}}),
    ),
)
def form_coverage(ctx: Context) -> Iterator[Hit]:
    """Every form of communication the parent plan requires appears in the unit plan's forms part."""
    yield from _phrase_hits(ctx, "C303", ("forms",))


# --------------------------------------------------------------------------- C304


@rule(
    "C304",
    "error",
    name="target-coverage",
    part="coverage",
    vi="Thiếu chỉ tiêu của kế hoạch cấp trên ({id}): “{text}” (yêu cầu {required}).",
    en="A target of the parent plan is missing ({id}): “{text}” (required: {required_en}).",
    source=PROVENANCE,
    variants_vi={
        "weaker": "Chỉ tiêu {id} thấp hơn kế hoạch cấp trên: {stated}, trong khi yêu cầu {required} (“{text}”).",
        "no_figure": "Chỉ tiêu {id} được nêu nhưng không có con số (yêu cầu {required}): “{text}”.",
        "outside_part": "Chỉ tiêu {id} chỉ thấy ngoài phần quy định: “{text}”.",
        "placeholder": "Chỉ tiêu {id} mới có chỗ trống chờ điền (yêu cầu {required}): “{text}”.",
        "why": "Thiếu chỉ tiêu của kế hoạch cấp trên ({id}): “{text}” ({note}).",
    },
    variants_en={
        "weaker": "Target {id} is weaker than the parent's: {stated_en} where the parent requires {required_en} (“{text}”).",
        "no_figure": "Target {id} is named without a figure (required: {required_en}): “{text}”.",
        "outside_part": "Target {id} is found only outside its part: “{text}”.",
        "placeholder": "Target {id} is still a placeholder (required: {required_en}): “{text}”.",
        "why": "A target of the parent plan is missing ({id}): “{text}” ({note_en}).",
    },
    needs_profile=True,
    examples=Example(
        "1. Tỷ lệ hồ sơ luân chuyển bằng phương thức điện tử đạt trên 80%.",
        "1. Tỷ lệ hồ sơ luân chuyển bằng phương thức điện tử đạt trên 90%.",
        part="content",
        profile=_example_profile({"id": "CT01", "kind": "target", "where": "content",
                                  "text": "Tỷ lệ hồ sơ luân chuyển bằng phương thức điện tử đạt trên 90%",
                                  "evidence": {"all_of": [["phương thức điện tử"]], "comparator": ">",
                                               "threshold": 90, "unit": "%"}}),
    ),
)
def target_coverage(ctx: Context) -> Iterator[Hit]:
    """Every target of the parent plan is stated, at least as strong as the parent's."""
    where = _part_span(target(ctx.plan), ("content",))
    for r in _results(ctx, "C304"):
        if r.status == "met":
            continue
        variant = r.reason if r.reason in ("weaker", "no_figure", "outside_part", "placeholder") else _missing_variant(r)
        sev = "error" if variant == "weaker" else _severity(r)
        params = _params(r)
        for k in ("required", "stated", "required_en", "stated_en"):
            params.setdefault(k, "")
        yield Hit(_span_of(r, where), params, severity=sev, variant=variant)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- C305


@rule(
    "C305",
    "error",
    name="deadline-reporting",
    part="coverage",
    vi="Thiếu nhiệm vụ báo cáo mà kế hoạch cấp trên yêu cầu ({id}): “{text}”.",
    en="The reporting duty required by the parent plan is missing ({id}): “{text}”.",
    source=PROVENANCE,
    variants_vi={
        "later": "Thời hạn muộn hơn kế hoạch cấp trên ({id}): {note}.",
        "no_deadline": "Không nêu thời hạn ({id}): {note}.",
        "partial": "Nhiệm vụ báo cáo ({id}) chỉ được đáp ứng một phần: “{text}” ({note}).",
        "placeholder": "Nhiệm vụ {id} mới có chỗ trống chờ điền: “{text}”.",
        "why": "Thiếu nhiệm vụ báo cáo mà kế hoạch cấp trên yêu cầu ({id}): “{text}” ({note}).",
    },
    variants_en={
        "later": "A deadline is later than the parent's ({id}): {note_en}.",
        "no_deadline": "No deadline is stated ({id}): {note_en}.",
        "partial": "The reporting duty ({id}) is only partly covered: “{text}” ({note_en}).",
        "placeholder": "Duty {id} is still a placeholder: “{text}”.",
        "why": "The reporting duty required by the parent plan is missing ({id}): “{text}” ({note_en}).",
    },
    needs_profile=True,
    examples=Example(
        "1. Văn phòng Sở tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 15/01/2025./.",
        "1. Văn phòng Sở tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 10/12/2024./.",
        part="implementation",
        profile=_example_profile({"id": "TH01", "kind": "deadline", "text": "Báo cáo kết quả trước ngày 15/12/2024",
                                  "evidence": {"due": "2024-12-15"}}),
    ),
)
def deadline_reporting(ctx: Context) -> Iterator[Hit]:
    """No deadline later than the parent's; the reporting duty is assigned."""
    where = _part_span(target(ctx.plan), ("implementation",))
    has_impl = _has_implementation(ctx)
    for r in _results(ctx, "C305"):
        if r.status == "met":
            continue
        if r.kind == "deadline":
            variant: str | None = "later" if r.reason == "later" else "no_deadline"
            sev = "error" if variant == "later" else ("warning" if r.mandatory else "info")
            yield Hit(_span_of(r, where), _params(r), severity=sev, variant=variant)  # type: ignore[arg-type]
            continue
        if not has_impl:
            continue  # no implementation part at all: C306 reports it once, with this duty
        variant = _missing_variant(r) if r.status == "missing" else r.status
        yield Hit(_span_of(r, where), _params(r), severity=_severity(r), variant=variant)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- C306


@rule(
    "C306",
    "error",
    name="implementing-assignments",
    part="coverage",
    vi="Phần “Tổ chức thực hiện” không phân công cơ quan, đơn vị nào làm gì{missing}.",
    en="The implementation part assigns no tasks to any unit (who does what){missing_en}.",
    source=PROVENANCE,
    variants_vi={
        "no_part": "Kế hoạch không có phần “Tổ chức thực hiện”: không phân công ai làm gì{missing}.",
        "duty": "Thiếu nhiệm vụ tổ chức thực hiện mà kế hoạch cấp trên yêu cầu ({id}): “{text}”.",
        "duty_why": "Thiếu nhiệm vụ tổ chức thực hiện mà kế hoạch cấp trên yêu cầu ({id}): “{text}” ({note}).",
        "partial": "Nhiệm vụ tổ chức thực hiện {id} chỉ được đáp ứng một phần: “{text}” ({note}).",
        "placeholder": "Nhiệm vụ {id} mới có chỗ trống chờ điền: “{text}”.",
    },
    variants_en={
        "no_part": "The plan has no implementation part: nobody is assigned anything{missing_en}.",
        "duty": "An implementation duty required by the parent plan is missing ({id}): “{text}”.",
        "duty_why": "An implementation duty required by the parent plan is missing ({id}): “{text}” ({note_en}).",
        "partial": "Implementation duty {id} is only partly covered: “{text}” ({note_en}).",
        "placeholder": "Duty {id} is still a placeholder: “{text}”.",
    },
    needs_profile=True,
    examples=Example(
        "Kế hoạch được triển khai thực hiện trong năm 2024./.",
        "1. Văn phòng Sở chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
        "2. Các phòng, đơn vị thuộc Sở triển khai, quán triệt Kế hoạch đến cán bộ, công chức, viên chức./.",
        part="implementation",
        profile=_example_profile({"id": "NV01", "kind": "duty", "where": "implementation",
                                  "text": "Triển khai, quán triệt Kế hoạch đến cán bộ, công chức, viên chức",
                                  "evidence": {"all_of": [["triển khai", "quán triệt"]]}}),
    ),
)
def implementing_assignments(ctx: Context) -> Iterator[Hit]:
    """The implementation part says who does what, including the duties the parent assigns."""
    plan = target(ctx.plan)
    unmet = [r for r in ctx.coverage.requirements if r.kind == "duty" and r.status != "met"] if ctx.coverage else []

    def listed(duties: list[RequirementResult]) -> dict[str, str]:
        ids = ", ".join(r.id for r in duties)
        return {"missing": f" (thiếu: {ids})" if ids else "", "missing_en": f" (missing: {ids})" if ids else ""}

    where = plan.header.doc_type_text.span if plan.header.doc_type_text else None
    if not _has_implementation(ctx):  # every duty went with the part, the reporting duty (C305) too
        yield Hit(where, listed(unmet), variant="no_part")
        return
    unmet = [r for r in unmet if r.rule == "C306"]  # C305 reports the reporting duty itself
    if not assignments(index_for(plan, ctx.profile)):
        yield Hit(_part_span(plan, ("implementation",)), listed(unmet))
        return
    for r in _results(ctx, "C306"):
        if r.status == "met":
            continue
        variant = ("duty_why" if _missing_variant(r) else "duty") if r.status == "missing" else r.status
        yield Hit(_span_of(r, _part_span(plan, ("implementation",))), _params(r), severity=_severity(r),  # type: ignore[arg-type]
                  variant=variant)
