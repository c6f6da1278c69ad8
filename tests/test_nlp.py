"""spaCy integration (vnplan.nlp) and the plain entity finders behind it (vnplan.parse.entities)."""

import subprocess
import sys

import pytest

from vnplan.parse.entities import find_dates, find_deadlines, find_orgs, find_targets


def texts(text, f):
    return [text[s:e] for s, e in f(text)]


def test_importing_and_parsing_does_not_import_spacy():
    code = ("import sys, vnplan; vnplan.parse('Số: 01/KH-UBND\\nKẾ HOẠCH\\nThử\\nI. MỤC ĐÍCH\\n1. Một./.');"
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_targets():
    t = "hồ sơ điện tử đạt trên 90%; tỷ lệ giải quyết đúng hạn đạt 100%; giảm ít nhất 10%."
    assert texts(t, find_targets) == ["đạt trên 90%", "đạt 100%", "giảm ít nhất 10%"]


def test_deadlines():
    t = "Hoàn thành trước ngày 15/12/2024. Báo cáo chậm nhất quý II/2024; hoàn thành trong tháng 6."
    assert texts(t, find_deadlines) == ["Hoàn thành trước ngày 15/12/2024", "Báo cáo chậm nhất quý II/2024",
                                        "hoàn thành trong tháng 6"]


def test_a_period_alone_is_not_a_deadline():
    assert find_deadlines("Tuyên truyền trong năm 2024.") == []


def test_dates_and_periods():
    t = "ngày 21/01/2024, ngày 21 tháng 01 năm 2024, tháng 6/2024, quý I/2024, năm 2024"
    assert texts(t, find_dates) == ["ngày 21/01/2024", "ngày 21 tháng 01 năm 2024", "tháng 6/2024", "quý I/2024",
                                    "năm 2024"]


def test_orgs_stop_before_the_verb():
    t = "Sở Y tế chủ trì, phối hợp với UBND tỉnh Bắc Giang và Trung tâm Ứng dụng KH&CN."
    assert texts(t, find_orgs) == ["Sở Y tế", "UBND tỉnh Bắc Giang", "Trung tâm Ứng dụng KH&CN"]


@pytest.fixture(scope="module")
def nlp():
    from vnplan.nlp import pipeline

    return pipeline()


def test_blank_pipeline_needs_no_model():
    from vnplan.nlp import blank

    nlp = blank()
    assert nlp.lang == "vi" and nlp.pipe_names == []


def test_citation_component_sets_a_doc_ref_entity_with_the_citation(nlp):
    doc = nlp("Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh.")
    (ent,) = doc.ents
    assert (ent.text, ent.label_) == ("Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh", "DOC_REF")
    assert ent._.citation.symbol == "KH-UBND"


def test_every_label_is_set(nlp):
    doc = nlp("Sở Khoa học và Công nghệ thực hiện Đề án 06, hoàn thành trước ngày 15/12/2024, đạt trên 90%.")
    assert {e.label_ for e in doc.ents} == {"ORG", "DOC_REF", "DEADLINE", "PERCENT"}
    assert [s.text for s in doc.spans["DATE"]] == ["ngày 15/12/2024"]


def test_spans_survive_later_token_splits(nlp):
    doc = nlp("Sở Nội vụ đạt 90%, trước ngày 15/12/2024.")
    assert [s.text for s in doc.spans["ORG"]] == ["Sở Nội vụ"]
    assert [s.text for s in doc.spans["PERCENT"]] == ["đạt 90%"]


def test_components_can_be_added_one_by_one():
    from vnplan.nlp import blank

    nlp = blank()
    nlp.add_pipe("vnplan_targets")
    assert [(e.text, e.label_) for e in nlp("tỷ lệ đạt trên 70%.").ents] == [("đạt trên 70%", "PERCENT")]


def test_unnormalised_text_maps_back_to_the_original_characters(nlp):
    text = "Thực hiện  Kế hoạch số 14/KH-UBND  ngày 21/01/2024."  # double spaces
    (ent,) = [e for e in nlp(text).ents if e.label_ == "DOC_REF"]
    assert ent.text == "Kế hoạch số 14/KH-UBND  ngày 21/01/2024"


def test_empty_text(nlp):
    assert nlp("").ents == ()
