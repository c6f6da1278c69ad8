"""The document header (phần đầu văn bản) as a set of small recognisers, wherever the header starts.

1. :mod:`.lines`: the candidate lines (blocks cut at the reader's line breaks, at ``|`` cells, and
   where a flattened line runs several parts together: :mod:`.runs`);
2. :mod:`.recognise`: what each line is (Quốc hiệu, Tiêu ngữ, number, date, type, ``V/v``,
   ``Kính gửi``, a mark, a site's noise, the body's first line, a capitalised line, text);
3. :mod:`.zone`: where the header stands and the role of each part in it;
4. :mod:`.fields`: the :class:`~vnplan.model.Header`, every field with the span it was read from.

What comes before the header (a site's menu, a metadata table, ``DỰ THẢO``, a file name) belongs to
the header as noise and never stops it being found; a header that ends inside a block (a title
the reader joined to ``Căn cứ …``, a page drawn on one line) cuts the block there.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

import vnplan.vocab as vocab
from vnplan.model import Block, Header, SourceDocument
from vnplan.parse.common import block_span
from vnplan.parse.header.fields import build_header
from vnplan.parse.header.lines import Line, header_lines
from vnplan.parse.header.patterns import (
    DATE_WORDS_RE,
    is_authority_head,
    match_type_line,
)
from vnplan.parse.header.recognise import Part, classify
from vnplan.parse.header.zone import Zone, body_start, find_zone
from vnplan.parse.split import split_block
from vnplan.vocab.types import Label

__all__ = ["DATE_WORDS_RE", "is_authority_head", "match_type_line", "parse_header", "read_header"]

#: How many blocks the search for the header looks at (the forms of Decree 30's Phụ lục III
#: start after a hundred blocks of tables).
MAX_SCAN_BLOCKS = 320
FIRST_SCAN_BLOCKS = 8



def read_header(doc: SourceDocument) -> tuple[SourceDocument, Header, int]:
    """The header of ``doc``: the document (a block cut where the header ends inside it), the
    header, and the index of the first block after it. Warnings say what was skipped or missing."""
    lines, parts = _read_parts(doc.blocks)
    zone = find_zone(parts, lines)
    if zone is None or zone.end <= zone.start:
        return attrs.evolve(doc, warnings=(*doc.warnings, _said("none"))) if lines else doc, Header(), 0
    last = lines[parts[zone.end - 1].last]
    if doc.blocks[last.block].text[last.end:].strip():
        doc = split_block(doc, last.block, last.end)
    end = last.block + 1
    spans = tuple(block_span(b) for b in doc.blocks[:end] if b.kind != "artifact")
    header = build_header(parts, lines, zone, spans)
    warnings = _warnings(header, lines, parts, zone)
    if warnings:
        doc = attrs.evolve(doc, warnings=doc.warnings + warnings)
    return doc, header, end


def _read_parts(blocks: tuple[Block, ...]) -> tuple[list[Line], list[Part]]:
    """The candidate lines and their parts, far enough to see where the body begins: blocks are read
    8, 16, 32… at a time up to :data:`MAX_SCAN_BLOCKS` (most documents show it in their first blocks);
    the last parts are classified again when more lines come (a part may wrap onto them)."""
    stop = min(len(blocks), MAX_SCAN_BLOCKS)
    lines: list[Line] = []
    parts: list[Part] = []
    done, step = 0, FIRST_SCAN_BLOCKS
    while True:
        upto = min(stop, done + step)
        lines.extend(header_lines(blocks, done, upto, len(lines)))
        done, step = upto, 2 * step
        parts = parts[:-3]
        parts.extend(classify(lines, parts[-1].last + 1 if parts else 0))
        if done >= stop or body_start(parts) < len(parts) - 3:
            return lines, parts


def parse_header(blocks: tuple[Block, ...]) -> tuple[Header, int]:
    """The header of ``blocks`` and the index of the first block after it (a block the header
    ends inside counts as the header's)."""
    _, header, end = read_header(SourceDocument(blocks=blocks))
    return header, end


def _warnings(header: Header, lines: list[Line], parts: list[Part], zone: Zone) -> tuple[str, ...]:
    out: list[str] = []
    skipped = [p for p in parts[: zone.start] if p.kind not in ("mark", "rule")]
    if skipped:
        n = len({(lines[k].block, lines[k].row) for p in skipped for k in range(p.first, p.last + 1)})
        out.append(_said("skipped", n=n, s="s" if n > 1 else ""))
    names = vocab.labels().header_parts
    present = {"authority": header.authority, "national": header.national_name_text, "motto": header.motto_text,
               "number": header.number_text, "date": header.date, "type": header.doc_type}
    if any(parts[j].kind == "party" for j in range(zone.start, zone.end)):
        del present["national"], present["motto"]  # a Party document: ĐẢNG CỘNG SẢN VIỆT NAM stands there
    missing = [k for k, v in present.items() if v is None]
    if missing:
        out.append(_said("missing", parts=(names[k] for k in missing)))
    return tuple(out)


def _said(key: str, parts: Iterable[Label] = (), **values: object) -> str:
    """The header warning ``key`` of ``labels.json``, in Vietnamese then English."""
    label, names = vocab.labels().header_warnings[key], tuple(parts)
    vi = label.vi.format(parts=", ".join(p.vi for p in names), **values)
    en = label.en.format(parts=", ".join(p.en for p in names), **values)
    return f"{vi} / {en}"
