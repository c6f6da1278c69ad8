"""Matching a unit plan against a profile (đối chiếu): lexical, explainable, passage by passage.

docs/compliance.md says how; in short:

* The plan is cut into **units** (:mod:`.index`): list items, paragraphs, table rows (:mod:`.tables`),
  the title, the legal-basis items; each with the parts it belongs to (a heading may name
  several, :mod:`.parts`) and, for the legal basis, the title and a review of a past year, the
  reason it is never evidence. Syllables are in key form, abbreviations expanded (:mod:`.tokens`).
* A profile's **phrases** are compiled once per profile, with the lexicon's synonyms (:mod:`.phrases`).
* Each unit is read clause by clause (:mod:`.scope`): a refused clause (*không in ấn tờ gấp*) and a
  report of a past year (*Năm 2023, … đạt 100%*) are no evidence.
* Each kind of requirement has its **evaluator** (:data:`EVALUATORS`): topics, forms and duties must
  be met by one passage (:mod:`.topics`); targets need their figure in the indicator's clause
  (:mod:`.targets`); deadlines are read in every common form (:mod:`.deadlines`); the parent's
  citation is checked by number, date and issuer (:mod:`.citation`).
* A plan that names nothing of the parent's subject and does not cite it is **unrelated**: every
  requirement is missing, and says why.
"""

from __future__ import annotations

from collections.abc import Callable

from vnplan.model import Coverage, Plan, RequirementResult
from vnplan.profiles.figures import comparator_of, meets
from vnplan.profiles.match.assignments import assignments, has_implementation
from vnplan.profiles.match.citation import eval_citation
from vnplan.profiles.match.deadlines import eval_deadline
from vnplan.profiles.match.evidence import locate, result
from vnplan.profiles.match.finding import find_phrase
from vnplan.profiles.match.index import PlanIndex, index_for
from vnplan.profiles.match.phrases import Compiled, CompiledProfile, compile_profile
from vnplan.profiles.match.targets import eval_target
from vnplan.profiles.match.tokens import abbreviation_table, plan_table
from vnplan.profiles.match.topics import eval_topic
from vnplan.profiles.match.units import PLACEHOLDER_RE as _PLACEHOLDER_RE  # noqa: F401  (re-exported)
from vnplan.profiles.match.units import Unit
from vnplan.profiles.model import Profile
from vnplan.text import key

__all__ = ["PlanIndex", "Unit", "abbreviation_table", "assignments", "comparator_of", "has_implementation", "index_for",
           "match", "match_index", "meets"]

Evaluator = Callable[[Compiled, PlanIndex, Profile], RequirementResult]

#: The evaluator of each kind of requirement; a kind not listed is a topic (content, theme, form, duty).
EVALUATORS: dict[str, Evaluator] = {
    "citation": lambda c, index, profile: eval_citation(c.req, index, profile),
    "target": eval_target,
    "deadline": eval_deadline,
    "content": eval_topic,
    "theme": eval_topic,
    "form": eval_topic,
    "duty": eval_topic,
}


def match(plan: Plan, profile: Profile) -> Coverage:
    """The coverage of ``profile``'s requirements by ``plan``, requirement by requirement."""
    return match_index(PlanIndex(plan, plan_table(plan, profile)), profile)


def cites_parent(index: PlanIndex, profile: Profile) -> bool:
    p = profile.parent
    return any(c.number == p.number and key(c.symbol or "") == key(p.symbol) for c in index.plan.citations)


#: How many passages besides the title must name the parent's subject for a plan to be about it.
SUBJECT_PASSAGES = 3


def related(index: PlanIndex, compiled: CompiledProfile) -> bool:
    """Whether the plan is about the parent's subject: it cites the parent, names the subject in its title,
    or in :data:`SUBJECT_PASSAGES` passages outside its legal basis (a plan on floods that once says
    *gắn với cải cách hành chính* is not about it). A profile without ``subject`` relates to every plan."""
    if not compiled.subject or cites_parent(index, compiled.profile):
        return True
    naming: set[int] = set()
    for ph in compiled.subject:
        for ui in index.candidates(ph.tokens):
            u = index.units[ui]
            if u.context != "legal_basis" and find_phrase(ph, 0, u, index):
                if u.context == "title":
                    return True
                naming.add(ui)
    return len(naming) >= SUBJECT_PASSAGES


def _unrelated(c: Compiled, profile: Profile) -> RequirementResult:
    subject = " / ".join(profile.subject)
    ref = profile.parent.reference
    return result(c.req, "missing", 0.0, reason="unrelated",
                  note=f"kế hoạch không nói về “{subject}” và không viện dẫn {ref}",
                  note_en=f"the plan is not about “{subject}” and does not cite {ref}")


def match_index(index: PlanIndex, profile: Profile) -> Coverage:
    compiled = compile_profile(profile)
    is_related = related(index, compiled)
    results: list[RequirementResult] = []
    for c in compiled.requirements:
        if not is_related and c.req.kind != "citation":
            results.append(_unrelated(c, profile))
            continue
        results.append(EVALUATORS[c.req.kind](c, index, profile))
    blocks = index.plan.source.blocks if index.plan.source is not None else ()
    results = [locate(r, blocks) for r in results]
    score = sum(r.score for r in results) / len(results) if results else 1.0
    return Coverage(profile=profile.id, score=round(score, 3), requirements=tuple(results))
