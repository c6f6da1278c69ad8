"""spaCy integration (imported only on use): a blank Vietnamese pipeline and vnplan's extractors as components.

>>> from vnplan.nlp import pipeline
>>> nlp = pipeline()                      # blank("vi") + the five vnplan components
>>> doc = nlp("Thực hiện Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh.")
>>> [(e.text, e.label_) for e in doc.ents]
[('Kế hoạch số 14/KH-UBND ngày 21/01/2024 của UBND tỉnh', 'DOC_REF')]
>>> doc[-1].text                          # punctuation split off at span boundaries
'.'

Components (register with ``nlp.add_pipe(name)`` on any pipeline once this module is imported):

=====================  ==========  ===================================================
``vnplan_citations``   DOC_REF     cited documents; ``span._.citation`` is the Citation
``vnplan_orgs``        ORG         organisations (``Sở Khoa học và Công nghệ``)
``vnplan_dates``       DATE        dates and periods (``21/01/2024``, ``quý I/2024``)
``vnplan_targets``     PERCENT     percentage targets (``đạt trên 90%``)
``vnplan_deadlines``   DEADLINE    deadlines (``trước ngày 15/12/2024``)
=====================  ==========  ===================================================

Each component adds its spans to ``doc.spans[<LABEL>]`` and to ``doc.spans["vnplan"]`` (they
may overlap there) and merges them into ``doc.ents`` (no overlaps: the longer span wins, so a
deadline keeps its date inside it and ``doc.spans["DATE"]`` still has the date).

The text is normalised (NFC, modern tone marks, single spaces) before matching and the spans
are mapped back to the original characters, so any text works.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from vnplan.errors import MissingExtraError

try:
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.util import filter_spans
except ImportError as _exc:  # spaCy is the optional extra vnplan[nlp]
    raise MissingExtraError(
        f"vnplan.nlp needs spaCy, which is not installed ({_exc})",
        hint='pip install "vnplan[nlp]"',
    ) from None

from vnplan.parse.citations import citations_in_text
from vnplan.parse.entities import find_dates, find_deadlines, find_orgs, find_targets
from vnplan.text import normalize_with_map

__all__ = ["blank", "pipeline", "COMPONENTS", "LABELS"]

#: Component name → entity label.
COMPONENTS: dict[str, str] = {
    "vnplan_citations": "DOC_REF",
    "vnplan_orgs": "ORG",
    "vnplan_dates": "DATE",
    "vnplan_targets": "PERCENT",
    "vnplan_deadlines": "DEADLINE",
}
LABELS: tuple[str, ...] = tuple(COMPONENTS.values())

if not SpacySpan.has_extension("citation"):
    SpacySpan.set_extension("citation", default=None)


def blank() -> Language:
    """A blank Vietnamese pipeline that needs no model and no pyvi (words split on spaces)."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def pipeline(components: Iterable[str] = tuple(COMPONENTS)) -> Language:
    """:func:`blank` with vnplan's components added, in the given order."""
    nlp = blank()
    for name in components:
        nlp.add_pipe(name)
    return nlp


def _normalised(doc: Doc) -> tuple[str, Callable[[int, int], tuple[int, int]]]:
    text, omap = normalize_with_map(doc.text)
    if omap is None:
        lead = len(doc.text) - len(doc.text.lstrip())
        return text, lambda s, e: (s + lead, e + lead)
    m = omap
    return text, lambda s, e: (m[s], m[e - 1] + 1)


def _split_at(doc: Doc, offsets: set[int]) -> None:
    """Split tokens so that every offset falls on a token boundary (``tỉnh.`` → ``tỉnh`` ``.``).

    The blank Vietnamese tokenizer splits on spaces only, so punctuation sticks to words. Span
    groups do not follow a retokenisation: they are saved by character offsets and rebuilt.
    """
    cuts: dict[int, list[int]] = {}
    for tok in doc:
        inner = sorted(o - tok.idx for o in offsets if tok.idx < o < tok.idx + len(tok.text))
        if inner:
            cuts[tok.i] = inner
    if not cuts:
        return
    saved = {k: [(sp.start_char, sp.end_char, sp.label_, sp._.citation) for sp in g] for k, g in doc.spans.items()}
    ents = [(e.start_char, e.end_char, e.label_, e._.citation) for e in doc.ents]
    with doc.retokenize() as retok:
        for i, inner in cuts.items():
            tok = doc[i]
            bounds = [0, *inner, len(tok.text)]
            pieces = [tok.text[x:y] for x, y in zip(bounds, bounds[1:])]
            retok.split(tok, pieces, heads=[(tok, 0)] * len(pieces))
    for k, items in saved.items():
        doc.spans[k] = [sp for sp in (_span(doc, *it) for it in items) if sp is not None]
    doc.ents = [sp for sp in (_span(doc, *it) for it in ents) if sp is not None]


def _span(doc: Doc, start: int, end: int, label: str, payload: object) -> SpacySpan | None:
    sp = doc.char_span(start, end, label=label) or doc.char_span(start, end, label=label, alignment_mode="expand")
    if sp is not None and payload is not None:
        sp._.citation = payload
    return sp


def _add(doc: Doc, label: str, spans: Iterable[tuple[int, int, object]]) -> None:
    items = list(spans)
    _split_at(doc, {x for s, e, _ in items for x in (s, e)})
    made = [sp for sp in (_span(doc, s, e, label, p) for s, e, p in items) if sp is not None]
    doc.spans[label] = [*doc.spans[label], *made] if label in doc.spans else made
    doc.spans["vnplan"] = [*doc.spans["vnplan"], *made] if "vnplan" in doc.spans else made
    doc.ents = filter_spans([*doc.ents, *made])


def _component(label: str, find: Callable[[str], Iterable[tuple[int, int, object]]]) -> Callable[[Doc], Doc]:
    def run(doc: Doc) -> Doc:
        if not doc.text.strip():
            return doc
        text, back = _normalised(doc)
        _add(doc, label, ((*back(s, e), p) for s, e, p in find(text)))
        return doc

    return run


def _citations(text: str) -> Iterable[tuple[int, int, object]]:
    return ((c.span.start, c.span.end, c) for c in citations_in_text(text))


def _plain(f: Callable[[str], list[tuple[int, int]]]) -> Callable[[str], Iterable[tuple[int, int, object]]]:
    return lambda text: ((s, e, None) for s, e in f(text))


Language.component("vnplan_citations")(_component("DOC_REF", _citations))
Language.component("vnplan_orgs")(_component("ORG", _plain(find_orgs)))
Language.component("vnplan_dates")(_component("DATE", _plain(find_dates)))
Language.component("vnplan_targets")(_component("PERCENT", _plain(find_targets)))
Language.component("vnplan_deadlines")(_component("DEADLINE", _plain(find_deadlines)))
