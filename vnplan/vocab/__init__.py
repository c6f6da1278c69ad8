"""Vietnamese vocabulary shipped as data (từ vựng): every word list vnplan matches or writes, once.

One JSON file per topic (``vnplan/vocab/<topic>.json``), each with a ``source``; one frozen class
per file (:mod:`vnplan.vocab.types`, the schema; the JSON Schemas in ``vnplan/vocab/schemas/``
are generated from it); one cached accessor per topic below, returning the typed object. Code
builds its patterns from these (:mod:`vnplan.vocab.patterns` spells the case variants out).
Adding a list: docs/design.md, "Vocabulary".
"""

from __future__ import annotations

from functools import cache

from vnplan.text import key
from vnplan.vocab.loader import structure
from vnplan.vocab.types import (
    Abbreviations,
    CitationWords,
    ComplianceWords,
    ClosingWords,
    DateWords,
    Decree30,
    DeriveWords,
    DocType,
    DocTypes,
    FigureWords,
    HeaderWords,
    Headings,
    Labels,
    Lexicon,
    MatchingWords,
    OrganisationWords,
    Places,
    Register,
    SkeletonWords,
    StructureWords,
)

#: Every vocabulary file: topic (the file's name without ``.json``) → its class.
TOPICS: dict[str, type] = {
    "abbreviations": Abbreviations,
    "citations": CitationWords,
    "compliance": ComplianceWords,
    "closing": ClosingWords,
    "dates": DateWords,
    "decree30": Decree30,
    "derive": DeriveWords,
    "doc_types": DocTypes,
    "figures": FigureWords,
    "header": HeaderWords,
    "headings": Headings,
    "labels": Labels,
    "lexicon": Lexicon,
    "matching": MatchingWords,
    "organisations": OrganisationWords,
    "places": Places,
    "register": Register,
    "skeleton": SkeletonWords,
    "structure": StructureWords,
}


@cache
def abbreviations() -> Abbreviations:
    """``abbreviations.json``: every known abbreviation with what it is used for."""
    return structure("abbreviations", Abbreviations)


@cache
def citations() -> CitationWords:
    """``citations.json``: the words of citations besides type names and dates."""
    return structure("citations", CitationWords)


@cache
def compliance() -> ComplianceWords:
    """``compliance.json``: refusals, the past, review parts, task tables, who is given a task."""
    return structure("compliance", ComplianceWords)


@cache
def closing() -> ClosingWords:
    """``closing.json``: the words of the signature block and of what follows a document."""
    return structure("closing", ClosingWords)


@cache
def dates() -> DateWords:
    """``dates.json``: ngày, tháng, năm, quý."""
    return structure("dates", DateWords)


@cache
def decree30() -> Decree30:
    """``decree30.json``: the form of a document under Decree 30/2020/NĐ-CP."""
    return structure("decree30", Decree30)


@cache
def derive() -> DeriveWords:
    """``derive.json``: the words a derived profile cuts from a parent plan."""
    return structure("derive", DeriveWords)


@cache
def doc_types() -> DocTypes:
    """``doc_types.json``: document types with their Decree 30 codes (Phụ lục III) and other names."""
    return structure("doc_types", DocTypes)


@cache
def figures() -> FigureWords:
    """``figures.json``: the words of targets and deadlines."""
    return structure("figures", FigureWords)


@cache
def header_words() -> HeaderWords:
    """``header.json``: authorities, legal-basis openers, recipient notes."""
    return structure("header", HeaderWords)


@cache
def headings() -> Headings:
    """``headings.json``: section roles by heading."""
    return structure("headings", Headings)


@cache
def labels() -> Labels:
    """``labels.json``: the names reports show, in Vietnamese and English."""
    return structure("labels", Labels)


@cache
def lexicon() -> Lexicon:
    """``lexicon.json``: the administrative register's names for the same reform area, index, channel, body."""
    return structure("lexicon", Lexicon)


@cache
def matching() -> MatchingWords:
    """``matching.json``: the words compliance matching ignores."""
    return structure("matching", MatchingWords)


@cache
def organisations() -> OrganisationWords:
    """``organisations.json``: head words of the names of bodies."""
    return structure("organisations", OrganisationWords)


@cache
def register() -> Register:
    """``register.json``: the words every plan uses, whatever its subject."""
    return structure("register", Register)


@cache
def places() -> Places:
    """``places.json``: administrative units and place names."""
    return structure("places", Places)


@cache
def skeleton() -> SkeletonWords:
    """``skeleton.json``: the wording of a plan skeleton."""
    return structure("skeleton", SkeletonWords)


@cache
def structure_words() -> StructureWords:
    """``structure.json``: the names of a document's parts."""
    return structure("structure", StructureWords)


# --------------------------------------------------------------------------- derived from doc_types


@cache
def types_with_code() -> tuple[tuple[str, DocType], ...]:
    """``(code, type)`` for the document types that have a code in a symbol, in file order."""
    return tuple((t.code, t) for t in doc_types().types if t.code)


@cache
def type_names() -> tuple[str, ...]:
    """Distinct type names, longest first (so ``Thông tư liên tịch`` wins over ``Thông tư``)."""
    names = {t.name for t in doc_types().types}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def code_for(name: str) -> str | None:
    """The Appendix III code of an administrative type name (``Kế hoạch`` → ``KH``)."""
    k = key(name)
    for t in doc_types().types:
        if key(t.name) == k and t.group in ("administrative", "legal", "copy"):
            return t.code
    return None


@cache
def names_for_code(code: str) -> tuple[str, ...]:
    """Type names whose code is ``code`` (``QĐ`` → Quyết định, and the Party's Quy định)."""
    return tuple(dict.fromkeys(t.name for t in doc_types().types if t.code == code))


@cache
def canonical_type(name: str) -> str | None:
    """The canonical spelling of a type name given in any case (``KẾ HOẠCH`` → ``Kế hoạch``)."""
    k = key(name)
    for n in type_names():
        if key(n) == k:
            return n
    return None
