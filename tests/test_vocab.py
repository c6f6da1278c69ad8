"""The vocabulary (docs/design.md, "Vocabulary"): typed, checked against its schema, used, each list once, and only there.

Every ``vnplan/vocab/<topic>.json`` loads strictly into its class and matches the JSON Schema
generated from that class; every field of every class is read by some code; no list sits in
two files; and no Vietnamese word list is written in a ``.py`` file outside ``vnplan/vocab/``
(walked with ``ast``: a list, tuple, set or dict literal of three or more Vietnamese words or
phrases, or a regex alternation of three or more).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
import regex

import vnplan.vocab as vocab
from vnplan.errors import DataFileError
from vnplan.text import key
from vnplan.vocab import loader, schema, types

PACKAGE = Path(__file__).resolve().parent.parent / "vnplan"
VOCAB = PACKAGE / "vocab"

#: The accessor of each topic, where its name is not the topic's.
ACCESSORS = {"header": "header_words", "structure": "structure_words"}

#: Modules whose Vietnamese lists the other parts of issue 12 move into vnplan/vocab/ with the
#: mechanism above. Each leaves this list in the change that empties it (the test fails on an
#: entry whose module has no list left).
NOT_YET_MOVED: dict[str, str] = {
}

#: Modules other branches are rewriting while this one lands; their lists move after the merge.
OWNED_ELSEWHERE: dict[str, str] = {
}

#: Vietnamese strings in code that are no vocabulary: names vnplan gives to its own things.
NOT_VOCABULARY: dict[str, str] = {
    "vnplan/generate/docx.py": "the Word style names of the skeleton's style sheet (VN Mục, VN Khoản…): "
    "identifiers vnplan writes, never words read from a document",
}

#: Fields that document a file and are read by no code.
DOC_FIELDS = frozenset({"source", "note"})


def _accessor(topic: str) -> Any:
    return getattr(vocab, ACCESSORS.get(topic, topic))


def _raw(topic: str) -> Any:
    return json.loads((VOCAB / f"{topic}.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- typed and checked


def test_every_vocabulary_file_is_a_topic_with_a_class_and_a_schema() -> None:
    files = {p.stem for p in VOCAB.glob("*.json")}
    assert files == set(vocab.TOPICS)
    assert {p.name.removesuffix(".schema.json") for p in (VOCAB / "schemas").glob("*.json")} == files


@pytest.mark.parametrize("topic", sorted(vocab.TOPICS))
def test_each_topic_loads_into_its_frozen_class(topic: str) -> None:
    obj = _accessor(topic)()
    cls = vocab.TOPICS[topic]
    assert type(obj) is cls
    assert _accessor(topic)() is obj  # cached
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        obj.source = "x"
    assert len(obj.source) >= 40, f"{topic}.json: say where its words come from"


@pytest.mark.parametrize("topic", sorted(vocab.TOPICS))
def test_each_file_matches_its_json_schema(topic: str) -> None:
    committed = (VOCAB / "schemas" / f"{topic}.schema.json").read_text(encoding="utf-8")
    assert committed == schema.render(topic), "run: python -m vnplan.vocab.schema"
    s = json.loads(committed)
    jsonschema.Draft202012Validator.check_schema(s)
    jsonschema.Draft202012Validator(s).validate(_raw(topic))


@pytest.mark.parametrize("topic", sorted(vocab.TOPICS))
def test_the_quick_builder_gives_what_the_strict_cattrs_converter_gives(topic: str) -> None:
    cls = vocab.TOPICS[topic]
    quick = loader.build(_raw(topic), cls)  # what loading uses (cattrs is slow to import and set up)
    reference = loader.converter().structure(_raw(topic), cls)
    assert quick == reference
    assert repr(quick) == repr(reference)  # the same types too (a float stays a float)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(units="tỉnh"),
        lambda d: d.update(units=["tỉnh", 3]),
        lambda d: d.update(units=["tỉnh", True]),
        lambda d: d.update(extra=1),
        lambda d: d.pop("units"),
    ],
)
def test_the_quick_builder_refuses_what_cattrs_refuses(change: Any) -> None:
    data = _raw("places")
    change(data)
    with pytest.raises(loader._Unfit):
        loader.build(data, types.Places)


def _types(v: Any) -> Iterator[Any]:
    """Every value in a typed vocabulary object, recursively."""
    yield v
    if attrs.has(type(v)):
        for f in attrs.fields(type(v)):
            yield from _types(getattr(v, f.name))
    elif isinstance(v, tuple):
        for x in v:
            yield from _types(x)
    elif hasattr(v, "items"):
        for x in v.values():
            yield from _types(x)


def test_lists_are_tuples_and_tables_are_read_only() -> None:
    for topic in vocab.TOPICS:
        for v in _types(_accessor(topic)()):
            assert not isinstance(v, (list, dict, set)), (topic, v)
    with pytest.raises(TypeError):
        vocab.decree30().deputy_of["X"] = "Y"  # type: ignore[index]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(unit_kinds=[]), "unit_kinds"),  # an unknown key
        (lambda d: d.update(units="tỉnh"), "$.units"),  # a string where a list belongs
        (lambda d: d.update(units=["tỉnh", 3]), "$.units"),  # a number in a list of words
        (lambda d: d.pop("centrally_run_cities"), "$.centrally_run_cities"),  # a missing key
    ],
)
def test_a_file_that_does_not_fit_its_class_is_a_data_file_error_naming_file_and_key(
    monkeypatch: pytest.MonkeyPatch, change: Any, where: str
) -> None:
    data = _raw("places")
    change(data)
    monkeypatch.setattr(loader, "load_json", lambda *_: data)
    with pytest.raises(DataFileError, match=r"vnplan/vocab/places\.json") as e:
        loader.structure("places", types.Places)
    assert where in str(e.value)


def test_a_nested_unknown_key_is_named_with_its_path(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _raw("decree30")
    data["layout"]["paper"]["colour"] = "white"
    data["layout"]["margins"]["top_mm"] = [20, "25"]
    monkeypatch.setattr(loader, "load_json", lambda *_: data)
    with pytest.raises(DataFileError) as e:
        loader.structure("decree30", types.Decree30)
    assert "colour" in str(e.value) and "$.layout.paper" in str(e.value)
    assert "$.layout.margins.top_mm" in str(e.value)


# --------------------------------------------------------------------------- used, and once


def _code_names() -> set[str]:
    """Attribute names read in the package's code, and its string constants outside the class definitions."""
    out: set[str] = set()
    for p in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                out.add(node.attr)  # in types.py too: a method reads its own fields (Abbreviations.used_for)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and p != VOCAB / "types.py":
                out.add(node.value)
    return out


def test_no_dead_vocabulary_every_field_is_read_by_some_code() -> None:
    used = _code_names()
    # fields named by the keys of a table (margin sides → Margins.top_mm, headings → Guidance.purpose)
    for topic in vocab.TOPICS:
        for v in _types(_accessor(topic)()):
            if hasattr(v, "keys") and not attrs.has(type(v)):
                used |= set(v.keys())
    classes = [c for c in vars(types).values() if isinstance(c, type) and attrs.has(c)]
    dead = [f"{c.__name__}.{f.name}" for c in classes for f in attrs.fields(c)
            if f.name not in DOC_FIELDS and f.name not in used]
    assert not dead, f"vocabulary no code reads: {dead}"


def _lists(v: Any, where: str) -> Iterator[tuple[str, frozenset[str]]]:
    if isinstance(v, list) and len(v) >= 3 and all(isinstance(x, str) for x in v):
        yield where, frozenset(key(x) for x in v)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from _lists(x, f"{where}[{i}]")
    elif isinstance(v, dict):
        if len(v) >= 3 and all(isinstance(x, str) for x in v.values()):
            yield f"{where} (table)", frozenset(f"{key(k)}={key(x)}" for k, x in v.items())
        for k, x in v.items():
            yield from _lists(x, f"{where}.{k}")


def test_no_list_is_in_two_vocabulary_files() -> None:
    """Each list once: the same words (in any case) in two files fail, and so does a copy with one word more."""
    found = [(topic, where, words) for topic in vocab.TOPICS for where, words in _lists(_raw(topic), "$")]
    twice = [
        f"{ta}.json {wa} ~ {tb}.json {wb}"
        for ta, wa, a in found for tb, wb, b in found
        if ta < tb and (a == b or (a < b and len(b - a) == 1) or (b < a and len(a - b) == 1))
    ]
    assert not twice


def test_no_two_files_define_the_same_key() -> None:
    seen: dict[str, str] = {}
    twice = []
    for topic, cls in vocab.TOPICS.items():
        for f in attrs.fields(cls):
            if f.name in DOC_FIELDS:
                continue
            if f.name in seen:
                twice.append(f"{f.name}: {seen[f.name]}.json and {topic}.json")
            seen[f.name] = topic
    assert not twice


def test_code_reads_vocabulary_only_through_the_typed_accessors() -> None:
    for p in PACKAGE.rglob("*.py"):
        if p.parent == VOCAB:
            continue
        text = p.read_text(encoding="utf-8")
        assert '"vnplan.vocab"' not in text and "vocab.load(" not in text, p


# --------------------------------------------------------------------------- none in code

_VI = regex.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", regex.IGNORECASE)
_SYNTAX = regex.compile(r"\\[a-zA-Z]|\(\?[:!=<]*|[()\[\]?*+^$]|\{\d*,?\d*\}")


def _is_word(s: object) -> bool:
    """A Vietnamese word or short phrase (not a message: no placeholder, at most six words)."""
    return (isinstance(s, str) and len(s) >= 2 and bool(_VI.search(s)) and "{" not in s and "\n" not in s
            and len(s.split()) <= 6)


def _alternatives(s: str) -> int:
    """How many Vietnamese words a regex alternation in ``s`` lists."""
    if "|" not in s or " | " in s:  # no alternation, or a Markdown table row
        return 0
    return sum(1 for part in s.split("|") if _is_word(_SYNTAX.sub(" ", part).strip()))


def word_lists(path: Path) -> list[str]:
    """The Vietnamese word lists written in a module: ``line: what``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    # a rule's examples (``examples=Example(…)``) are sample documents, not vocabulary the code reads
    examples = {id(sub) for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg == "examples"
                for sub in ast.walk(k.value)}
    out = []
    for n in ast.walk(tree):
        if id(n) in examples:
            continue
        if isinstance(n, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
            items = [*n.keys, *n.values] if isinstance(n, ast.Dict) else n.elts
            words = [e.value for e in items if isinstance(e, ast.Constant) and _is_word(e.value)]
            if len(words) >= 3:
                out.append(f"{n.lineno}: {words[:4]}")
        elif (isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
              and _alternatives(n.value) >= 3):
            out.append(f"{n.lineno}: {n.value[:60]!r}")
    return out


def _modules() -> Iterator[tuple[str, Path]]:
    for p in sorted(PACKAGE.rglob("*.py")):
        rel = p.relative_to(PACKAGE.parent).as_posix()
        if not rel.startswith("vnplan/vocab/"):
            yield rel, p


def test_no_vietnamese_word_list_in_code_outside_vocab() -> None:
    allowed = {**NOT_YET_MOVED, **OWNED_ELSEWHERE, **NOT_VOCABULARY}
    found = {rel: w for rel, p in _modules() if rel not in allowed and (w := word_lists(p))}
    assert not found, (
        "Vietnamese word lists belong in vnplan/vocab/ (docs/design.md, 'Vocabulary'): " + json.dumps(found, ensure_ascii=False)
    )


def test_every_allowed_module_still_has_a_list_so_the_allow_lists_shrink() -> None:
    modules = dict(_modules())
    for rel in {**NOT_YET_MOVED, **OWNED_ELSEWHERE, **NOT_VOCABULARY}:
        assert rel in modules and word_lists(modules[rel]), f"{rel} has no word list left: take it off the allow-list"


def test_the_detector_finds_the_lists_it_is_meant_to_find(tmp_path: Path) -> None:
    p = tmp_path / "m.py"
    p.write_text(
        '"""Docstring: tỉnh|huyện|xã is fine here."""\n'
        'A = ("tỉnh", "huyện", "xã")\n'
        'B = {"met": "Đạt", "partial": "Một phần", "missing": "Chưa có"}\n'
        'C = r"(?:số|Số|SỐ)\\s"\n'
        'D = ("Thiếu Quốc hiệu “{expected}”.", "Thiếu Tiêu ngữ.", "Sai.")\n'
        'E = "| Mã / id | Mức / severity | Tên / name |"\n'
        'F = r"\\s(?:và|VÀ)\\s"\n',
        encoding="utf-8",
    )
    assert [line.split(":")[0] for line in word_lists(p)] == ["2", "3", "4"]
