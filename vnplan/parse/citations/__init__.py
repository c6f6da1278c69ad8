"""Citations of other documents (viện dẫn văn bản): find, parse, group and resolve them.

Four modules in eyecite's shape: :mod:`.patterns` (the regexes and the words they are built
from), :mod:`.find` (scanning, one small reader per kind of match), :mod:`.issuer` (where an
issuer's name ends) and :mod:`.resolve` (shared issuers, short forms, groups, self references).

Works on the normalised text of each block with the ``regex`` module. One compiled pattern
finds every citation start (a document type followed by a number and symbol, an anaphoric
``Kế hoạch này`` / ``Kế hoạch nêu trên``, a law by name and year, a project by short name,
or a bare ``123/2015/NĐ-CP`` / ``37-CT/TW``); small anchored patterns then read what follows
(more numbers of a list, the date, the issuer). Case variants of every word are spelt out
(``Kế hoạch``, ``kế hoạch``, ``KẾ HOẠCH``) because ``IGNORECASE`` is about five times slower.

Field conventions (see ``docs/citations.md``):

* ``number`` is the number as printed (``02``, ``123``), ``symbol`` the ký hiệu without the
  number and year, spaces removed (``KH-UBND``, ``NĐ-CP``, ``CT/TW``);
* ``year`` is the year inside the number (``123/2015/NĐ-CP``), else the year of the date,
  else the year of ``Luật Hộ tịch năm 2014``;
* ``issuer`` is the text after ``của`` up to the first word that no longer names an issuer;
* ``group`` is the index of the first citation of the same document (a first citation's
  ``group`` is its own index); ``kind`` is ``full``, ``short`` (a later citation without
  date, or ``Kế hoạch nêu trên``) or ``self`` (``Kế hoạch này``, or the plan's own number).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from vnplan.model import Block, Citation, SourceDocument
from vnplan.parse.citations.find import (
    NumberSymbol,
    canonical_type,
    find_raw,
    parse_number_symbol,
)
from vnplan.parse.citations.patterns import PARTY_ISSUERS
from vnplan.parse.citations.resolve import document_key, resolve

if TYPE_CHECKING:  # pragma: no cover
    from vnplan.model import Header

__all__ = [
    "extract_citations",
    "citations_in_text",
    "parse_number_symbol",
    "document_key",
    "canonical_type",
    "NumberSymbol",
    "PARTY_ISSUERS",
]


def extract_citations(
    doc: SourceDocument,
    blocks: Iterable[int] | None = None,
    *,
    own: Header | None = None,
) -> tuple[Citation, ...]:
    """Every citation in the given blocks (default: every non-artifact block), grouped by document.

    ``own`` is the plan's header: a citation of its own number and symbol, and
    ``<own type> này``, are ``kind="self"``.
    """
    raws, texts = find_raw(doc, blocks)
    return resolve(raws, texts, own)


def citations_in_text(text: str, *, own: Header | None = None) -> tuple[Citation, ...]:
    """Citations in one string taken as a single block (spans index into ``text`` itself)."""
    doc = SourceDocument(blocks=(Block(index=0, text=text),))
    return extract_citations(doc, own=own)
