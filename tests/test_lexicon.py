"""The lexicon of the administrative register (vnplan/vocab/lexicon.json): every concept sourced and
exemplified, every term a synonym of the others, and none of them evidence where the plan refuses it,
where another word makes it something else, or in a plan on another subject."""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
import vnplan.vocab as vocab
from vnplan.profiles.match.phrases import compile_phrase
from vnplan.profiles.match.tokens import phrase_table

CONCEPTS = vocab.lexicon().concepts
TERMS = [(c.id, t) for c in CONCEPTS for t in c.terms]
SET = Path(__file__).parent / "data" / "compliance"

PLAN = """KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025

Thực hiện Kế hoạch số 25/KH-UBND ngày 15/02/2025 của UBND tỉnh Sơn Hà, Sở Nội vụ ban hành Kế hoạch như sau:
I. NỘI DUNG
{content}
II. TỔ CHỨC THỰC HIỆN
1. Giao Văn phòng Sở chủ trì thực hiện./.
"""


def requirement(words: str) -> dict:
    return {"id": "x", "title": "x", "parent": {"type": "Kế hoạch", "number": "25", "symbol": "KH-UBND"},
            "requirements": [{"id": "R", "kind": "content", "text": "r", "where": "any",
                              "evidence": {"all_of": [[words]]}}]}


def status(content: str, words: str) -> str:
    return vnplan.comply(vnplan.parse(PLAN.format(content=content)), requirement(words)).requirements[0].status


def first_term(concept_id: str) -> str:
    return next(c for c in CONCEPTS if c.id == concept_id).terms[0]


def test_every_concept_says_where_its_words_come_from_and_quotes_a_plan():
    for c in CONCEPTS:
        assert len(c.source) >= 30 and len(c.example) >= 30 and "'" in c.example, c.id
        assert len(c.terms) >= 2 or c.heads, c.id


def test_no_term_belongs_to_two_concepts():
    table = phrase_table(None)
    seen: dict[tuple[str, ...], str] = {}
    for cid, t in TERMS:
        toks = compile_phrase(t, table).tokens
        assert toks not in seen or seen[toks] == cid, f"{t!r} in {seen.get(toks)} and {cid}"
        seen[toks] = cid


@pytest.mark.parametrize(("concept", "term"), TERMS, ids=[f"{c}:{t}" for c, t in TERMS])
def test_a_term_meets_a_requirement_named_with_its_concepts_first_term(concept, term):
    assert status(f"1. Đẩy mạnh tuyên truyền về {term} của tỉnh.", first_term(concept)) == "met"


@pytest.mark.parametrize(("concept", "term"), TERMS, ids=[f"{c}:{t}" for c, t in TERMS])
def test_a_term_the_plan_refuses_is_no_evidence(concept, term):
    assert status(f"1. Năm 2025, đơn vị không thực hiện {term} do chưa có kinh phí.", first_term(concept)) == "missing"


HEADS = [(c.id, h) for c in CONCEPTS for h in c.heads]


@pytest.mark.parametrize(("concept", "head"), HEADS, ids=[f"{c}:{h}" for c, h in HEADS])
def test_a_head_counts_as_the_head_of_an_item_only(concept, head):
    assert status(f"a) {head.capitalize()}: phổ biến các quy định mới của tỉnh.", first_term(concept)) == "met"
    assert status(f"1. Phổ biến các quy định mới về {head} của ngành.", first_term(concept)) == "missing"


def test_a_word_before_a_term_can_make_it_another_thing():
    assert status("1. Phối hợp với Ủy ban nhân dân các xã.", "người dân") == "missing"
    assert status("1. Tuyên truyền đến Nhân dân các xã.", "người dân") == "met"
    assert status("1. Đẩy mạnh tuyên truyền hình ảnh của tỉnh.", "truyền hình") == "missing"


@pytest.mark.parametrize("name", ["b-sondong-pctt-unrelated.txt", "b-tpbacgiang-attp-unrelated.md"])
def test_plans_on_another_subject_meet_no_requirement_of_the_shipped_profile(name):
    cov = vnplan.comply(vnplan.parse(SET / "plans" / name), "bacgiang-14-KH-UBND-2024")
    assert {r.status for r in cov.requirements} == {"missing"}
