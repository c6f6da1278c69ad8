"""Topics, forms and duties (nội dung, hình thức, nhiệm vụ): a requirement met by one passage, or partial with the pieces shown.

A requirement's groups must all be met by one passage (a list item, a paragraph, a table row)
in a part where its evidence counts: its ``where`` or a part the profile accepts for its kind.
Found only outside those parts, it is partial (``outside_part``). Some groups in one passage:
partial with the pieces shown (``incomplete``), or no evidence at all when the groups are
``joint`` (*chỉ đạo* alone is not the province's direction). Nothing usable: missing, and the
note says why when the words were there (refused, a past year, a review, the legal basis).
Outside its parts, a content requirement is not met by the words that name who is given a task
(*Thủ trưởng các phòng chịu trách nhiệm triển khai* is no content about the head's role).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vnplan.model import Evidence, RequirementResult
from vnplan.profiles.match.assignments import assignee_span
from vnplan.profiles.match.evidence import clause_span, part_name, quote, result
from vnplan.profiles.match.finding import Found, best_unit, covered, find_all
from vnplan.profiles.match.index import PlanIndex
from vnplan.profiles.match.phrases import Compiled, compile_profile, groups_naming_subject
from vnplan.profiles.match.units import Unit
from vnplan.profiles.model import Profile, Requirement

FALLBACK = 0.7  # the score of evidence found only outside the parts where it counts
PLACEHOLDER = 0.2  # the score of evidence that is only a skeleton's placeholder

#: Why words found are no evidence, most telling first, with the note's sentence (vi, en).
EXCLUDED: dict[str, tuple[str, str]] = {
    "refused": ("chỉ thấy trong câu từ chối thực hiện (“{cue}”): “{text}”",
                "found only where the plan says it will not do it (“{cue}”): “{text}”"),
    "past": ("chỉ thấy trong câu nói về năm trước: “{text}”", "found only in a statement about a past year: “{text}”"),
    "review": ("chỉ thấy trong phần đánh giá kết quả năm trước: “{text}”",
               "found only in the review of a past year: “{text}”"),
    "legal_basis": ("chỉ thấy trong phần căn cứ ban hành, không phải nội dung kế hoạch: “{text}”",
                    "found only in the legal basis, which commits to nothing: “{text}”"),
    "title": ("chỉ thấy trong tên kế hoạch: “{text}”", "found only in the plan's title: “{text}”"),
}


def accepts(req: Requirement, profile: Profile | None, index: PlanIndex) -> Callable[[Unit], bool]:
    """Whether a unit lies where ``req``'s evidence counts in full: its ``where``, the parts the profile
    accepts for it, or (a duty) a row of a task table that names who does it."""
    rule = profile.part_rule(req) if profile is not None else None
    wheres = (req.where, *(rule.accept if rule else ()))
    if index.anywhere(wheres):
        return lambda u: True
    roles = index.roles_of(wheres)  # a unit lies in one of the parts when it has one of their roles
    duty = req.kind == "duty"

    def f(u: Unit) -> bool:
        if duty and u.kind == "row" and u.cell("owner") is not None:
            return True
        return not roles.isdisjoint(u.roles)

    return f


def short_quote(f: Found, n: int = 110) -> str:
    s, e = clause_span(f.unit.text, f.start, f.end, limit=n // 2)
    text = " ".join(f.unit.text[s:e].split())
    return text if len(text) <= n else text[: n - 1] + "…"


def phrases_of(req: Requirement, groups: Sequence[int]) -> str:
    gs = req.evidence.all_of
    parts = [" / ".join(gs[g]) if g < len(gs) else (req.evidence.pattern or "") for g in groups]
    return "; ".join(p for p in parts if p)


def why_not(req: Requirement, by_unit: dict[int, list[Found]]) -> RequirementResult:
    """Missing: and why, when the words were there but are no evidence."""
    found = [f for fs in by_unit.values() for f in fs if f.status != "ok"]
    for status, (vi, en) in EXCLUDED.items():
        f = next((x for x in found if x.status == status), None)
        if f is not None:
            text = short_quote(f)
            return result(req, "missing", 0.0, reason=status, note=vi.format(cue=f.cue, text=text),
                          note_en=en.format(cue=f.cue, text=text), details={"excluded": text})
    wanted = phrases_of(req, range(len(req.evidence.all_of) + (1 if req.evidence.pattern else 0)))
    return result(req, "missing", 0.0, reason="not_found", note=f"không thấy trong kế hoạch: {wanted}",
                  note_en=f"not found in the plan: {wanted}")


def _evidence(found: Sequence[Found]) -> list[Evidence]:
    """The first usable match of each group, quoted with its clause."""
    firsts: dict[int, Found] = {}
    for f in found:
        if f.status == "ok" and f.group not in firsts:
            firsts[f.group] = f
    out: list[Evidence] = []
    for f in firsts.values():
        out.extend(quote(f.unit, [(f.start, f.end)], [f.text]))
    return out


def _complete(req: Requirement, unit: Unit, ev: list[Evidence], index: PlanIndex, accepted: bool,
              profile: Profile | None) -> RequirementResult:
    if unit.placeholder:
        return result(req, "placeholder", PLACEHOLDER, ev, reason="placeholder", note="mới có chỗ trống chờ điền “[…]”",
                      note_en="only a “[…]” placeholder so far")
    if accepted:
        rule = profile.part_rule(req) if profile is not None else None
        note = rule.note if rule is not None and not index.in_role(unit, req.where) else None
        return result(req, "met", 1.0, ev, note=note, note_en=note)
    vi, en = part_name(req.where, "vi"), part_name(req.where, "en")
    return result(req, "partial", FALLBACK, ev, reason="outside_part", note=f"chỉ thấy ngoài phần “{vi}”",
                  note_en=f"found only outside the {en} part")


def _joint_missing(req: Requirement, found: Sequence[Found], joint: set[int]) -> RequirementResult:
    """The groups that identify the requirement are never together in one passage: no evidence."""
    have = sorted(covered(found))
    got, lack = phrases_of(req, have), phrases_of(req, sorted(joint - set(have)))
    text = short_quote(next(f for f in found if f.status == "ok"))
    return result(req, "missing", 0.0, reason="incomplete",
                  note=f"chỉ thấy “{got}”, không cùng “{lack}” trong một đoạn: “{text}”",
                  note_en=f"only “{got}”, never with “{lack}” in one passage: “{text}”", details={"not_found": lack})


def subject_groups(c: Compiled, profile: Profile | None) -> set[int]:
    """The groups of ``c`` that only name the parent's subject (every phrase written in it is one of the
    profile's ``subject``): the last group a derived requirement carries to keep other subjects out."""
    if profile is None or not profile.subject:
        return set()
    compiled = compile_profile(profile)
    known = compiled.subject_groups_of.get(id(c))  # found once per profile for its own requirements
    if known is not None and known[0] is c:
        return set(known[1])
    return set(groups_naming_subject(c, compiled.subject_tokens))


def with_title_subject(c: Compiled, by_unit: dict[int, list[Found]], profile: Profile | None,
                       subj: set[int] | None = None) -> dict[int, list[Found]]:
    """The unit plan's title (trích yếu) names its subject for every passage: a passage that meets the
    requirement's other groups meets a subject group too when the title names it (*Kế hoạch tuyên truyền
    CCHC năm 2024* / *Tổ chức hội nghị …*). The title is quoted as that group's evidence. ``subj``: the
    requirement's :func:`subject_groups`, when known."""
    if subj is None:
        subj = subject_groups(c, profile)
    if not subj:
        return by_unit
    title: dict[int, Found] = {}
    for fs in by_unit.values():
        for f in fs:
            if f.status == "title" and f.group in subj and f.group not in title:
                title[f.group] = Found(f.group, f.unit, f.start, f.end, f.text, "ok")
    if not title:
        return by_unit
    out = {}
    for k, fs in by_unit.items():
        have = covered(fs)
        if fs and fs[0].unit.kind != "title" and have - subj:
            fs = fs + [f for g, f in title.items() if g not in have]
        out[k] = fs
    return out


def _not_assignees(req: Requirement, by_unit: dict[int, list[Found]], index: PlanIndex,
                   accepted: Callable[[Unit], bool]) -> dict[int, list[Found]]:
    """Outside the parts where a content requirement counts, the words that name who is given a task in the
    implementation part (*Thủ trưởng các phòng chịu trách nhiệm triển khai*) are no evidence of what is
    communicated (*vai trò của người đứng đầu*)."""
    if req.kind not in ("content", "theme"):
        return by_unit
    out = {}
    for k, fs in by_unit.items():
        unit = index.units[k]
        span = None if accepted(unit) or not index.in_role(unit, "implementation") else assignee_span(unit)
        out[k] = fs if span is None else [f for f in fs if not span[0] <= f.start < span[1]]
    return out


def eval_topic(c: Compiled, index: PlanIndex, profile: Profile | None = None) -> RequirementResult:
    """A content, theme, form or duty requirement (C302, C303, C306; the reporting duty C305)."""
    req = c.req
    n = len(c.groups) + (1 if c.pattern is not None else 0)
    if n == 0:
        return result(req, "missing", 0.0, reason="not_found")
    subj = subject_groups(c, profile)
    accepted = accepts(req, profile, index)
    by_unit = with_title_subject(c, _not_assignees(req, find_all(c, index), index, accepted), profile, subj)
    joint = set(req.evidence.joint)
    # a passage with some groups is a piece only where the requirement's evidence counts: elsewhere
    # (*nếu có khó khăn, vướng mắc…* closing the implementation part) it must state the whole requirement;
    # and naming the parent's subject alone (*tuyên truyền về CCHC*) is no piece of any requirement
    cover = {k: covered(v) for k, v in by_unit.items()}
    usable = {k: v for k, v in by_unit.items()
              if joint <= cover[k] and (len(cover[k]) == n or accepted(index.units[k]))
              and (cover[k] - subj or len(cover[k]) == n)}
    ui = best_unit(usable, index, accepted, cover)
    if ui is None:
        some = [v for v in by_unit.values() if covered(v) - subj]
        return _joint_missing(req, max(some, key=lambda v: len(covered(v))), joint) if some else why_not(req, by_unit)
    unit, found = index.units[ui], by_unit[ui]
    have = covered(found)
    ev = _evidence(found)
    if len(have) == n:
        return _complete(req, unit, ev, index, accepted(unit), profile)
    lost = [g for g in range(n) if g not in have]
    missing = phrases_of(req, lost)
    others = [f for fs in by_unit.values() for f in fs if f.status == "ok" and f.group in lost and f.unit is not unit]
    factor = 1.0 if accepted(unit) else FALLBACK
    if others:  # the pieces are there, but in distant passages
        ev += _evidence(others)
        got = phrases_of(req, sorted(have))
        note = f"“{got}” và “{missing}” ở những đoạn khác nhau, không đoạn nào nêu đủ"
        note_en = f"“{got}” and “{missing}” are in different passages; none states them together"
    else:
        note, note_en = f"chưa thấy: {missing}", f"not found: {missing}"
    status = "placeholder" if unit.placeholder else "partial"
    score = PLACEHOLDER if unit.placeholder else factor * len(have) / n
    return result(req, status, score, ev, reason="placeholder" if unit.placeholder else "incomplete",
                  note=note, note_en=note_en, details={"not_found": missing})
