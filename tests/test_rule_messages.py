"""Rule messages: every template is well formed, an unfillable one is an error, and no catalogue
(``vnplan rules``, SARIF, docs/rules.md) shows a raw ``{placeholder}``."""

import json

import pytest
import regex
from click.testing import CliRunner

import vnplan
from vnplan import docs
from vnplan.cli import main
from vnplan.report.sarif import report_to_sarif
from vnplan.rules.registry import Context, Hit, MessageError, Rule, neutral, placeholders, rules, run_rules

RAW = regex.compile(r"\{[^{}]*\}")
RULES = rules()


def templates(r: Rule):
    for lang in ("vi", "en"):
        yield None, lang, r.template(None, lang)
        for key in (r.variants_en if lang == "en" else r.variants_vi):
            yield key, lang, r.template(key, lang)


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_every_template_has_only_named_placeholders(r):
    for variant, lang, t in templates(r):
        for name in placeholders(t):
            assert name.isidentifier(), f"{r.id} {variant} {lang}: {{{name}}} in {t!r}"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_every_variant_has_both_languages(r):
    assert set(r.variants_vi) == set(r.variants_en)


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_summary_is_filled(r, lang):
    assert r.summary(lang) and not RAW.search(r.summary(lang))


def test_a_placeholder_without_a_parameter_is_an_error_not_the_raw_template():
    r = vnplan.rules.registry.get_rule("R204")
    with pytest.raises(MessageError, match="R204"):
        r.message(Hit(params={"wrong": "CCHC"}))
    with pytest.raises(MessageError, match="no message variant"):
        r.message(Hit(params={"abbr": "CCHC"}, variant="nonesuch"))


def test_a_rule_whose_message_cannot_be_filled_is_reported_as_failing():
    r = vnplan.rules.registry.get_rule("R204")
    broken = Rule(id="X999", severity="warning", name="broken", part="body", message_vi="Sai {khong_co}.",
                  message_en="Wrong {missing}.", func=lambda ctx: iter([Hit()]))
    plan = vnplan.parse("Số: 05/KH-UBND\nKẾ HOẠCH\nThử\nI. MỤC ĐÍCH\n1. Một./.", require_plan=False)
    (f,) = run_rules(Context(plan=plan), [broken, r])
    assert (f.rule, f.severity) == ("X999", "warning") and "không chạy được" in f.message


def test_neutral_text_shows_placeholders_as_an_ellipsis_and_drops_an_optional_tail():
    assert neutral("Thiếu phần “{part}” ({id}).") == "Thiếu phần “…” (…)."
    assert neutral("không phân công ai làm gì{missing}.") == "không phân công ai làm gì."
    assert neutral("nobody is assigned (who does what){missing_en}.") == "nobody is assigned (who does what)."
    assert neutral("{lo}–{hi} mm") == "…–… mm"


@pytest.mark.parametrize("args", [["rules"], ["rules", "--lang", "en"], ["rules", "--format", "json"],
                                  ["rules", "--format", "json", "--lang", "en"]])
def test_vnplan_rules_shows_no_raw_placeholder(args):
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0 and not RAW.search(res.output.replace("{\n", "").replace("}\n", ""))
    if "json" in args:
        for item in json.loads(res.output):
            assert not RAW.search(item["message_vi"] + item["message_en"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sarif_rule_descriptions_show_no_raw_placeholder(lang):
    plan = vnplan.parse("Số: 5/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI. MỤC ĐÍCH\n1. Một\n")
    log = report_to_sarif([vnplan.check(plan, lang=lang)])
    for d in log["runs"][0]["tool"]["driver"]["rules"]:
        assert not RAW.search(d["shortDescription"]["text"] + d["fullDescription"]["text"]), d["id"]
    for res in log["runs"][0]["results"]:
        assert not RAW.search(res["message"]["text"])


def test_the_rule_catalogue_doc_shows_no_raw_placeholder():
    assert not RAW.search(docs.render())
