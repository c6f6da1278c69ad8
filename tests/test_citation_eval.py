"""The labelled citation set (tests/data/citations/) and the F1 targets on it."""

import copy
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("citation_eval", ROOT / "benchmarks" / "citation_eval.py")
citation_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(citation_eval)

TARGET = 0.97


@pytest.fixture(scope="module")
def records():
    return citation_eval.load()


@pytest.fixture(scope="module")
def scores(records):
    return citation_eval.evaluate(records)[0]


def test_the_set_has_at_least_150_citations_from_every_corpus_text(records):
    assert sum(len(r["citations"]) for r in records) >= 150
    corpus = {p.stem.removesuffix(".opening") for p in (ROOT / "tests" / "data" / "corpus").glob("*.txt")}
    labelled = {r["source"].split(":", 1)[1].removesuffix(".opening") for r in records if r["source"].startswith("corpus:")}
    assert corpus <= labelled


def test_every_label_points_at_its_raw_text(records):
    for r in records:
        for c in r["citations"]:
            assert r["text"][c["start"] : c["end"]] == c["text"], (r["id"], c["text"])


@pytest.mark.parametrize("metric", ["span", *citation_eval.FIELDS])
def test_f1_meets_the_target(scores, metric):
    p, r, f1 = scores[metric]
    assert f1 >= TARGET, f"{metric}: P={p:.3f} R={r:.3f} F1={f1:.3f}"


def test_the_scorer_sees_a_wrong_field_a_missed_and_a_spurious_citation(records):
    broken = copy.deepcopy(records)
    broken[0]["citations"][0]["issuer"] = "UBND"  # the extractor gives the full issuer
    broken[1]["citations"].pop()  # the extractor finds a citation no longer labelled
    broken[2]["citations"].append({**broken[2]["citations"][0], "start": 0, "end": 4, "text": broken[2]["text"][:4]})
    scores, errors = citation_eval.evaluate(broken[:3])
    assert scores["issuer"][2] < 1 and scores["span"][0] < 1 and scores["span"][1] < 1
    assert len(errors) == 3
