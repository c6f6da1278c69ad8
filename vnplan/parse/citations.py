"""Citations of other documents (viện dẫn văn bản): first version.

Finds ``<type> [số] <number>[/<year>]/<symbol> [, ngày <date>] [của <issuer>]``, Party
symbols (``37-CT/TW``) and projects cited by short name (``Đề án 06``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from vnplan import vocab
from vnplan.model import Citation, PartialDate, SourceDocument, Span


@cache
def _pattern() -> regex.Pattern[str]:
    names = vocab.type_names()
    alts = sorted({v for n in names for v in (n, n.upper(), n[:1].upper() + n[1:])}, key=len, reverse=True)
    types = "|".join(regex.escape(a) for a in alts)
    return regex.compile(
        rf"(?P<type>{types})\s+(?:số\s+|SỐ\s+)?"
        r"(?:(?P<num>\d{1,5})(?:/(?P<year>\d{4}))?/(?P<sym>[\p{L}Đđ]+(?:-[\p{L}Đđ]+)+|[\p{Lu}Đ]{2,}(?:-[\p{L}]+)*)"
        r"|(?P<pnum>\d{1,5})-(?P<psym>[\p{Lu}Đ]+/[\p{Lu}Đ]+))"
        r"(?:\s*,?\s*(?:ngày|NGÀY)\s+(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})\s*[/-]\s*(?P<y>\d{4})"
        r"|\s*,?\s*(?:ngày|NGÀY)\s+(?P<d2>\d{1,2})\s+(?:tháng|THÁNG)\s+(?P<m2>\d{1,2})\s+(?:năm|NĂM)\s+(?P<y2>\d{4}))?"
        r"(?:\s+(?:của|CỦA)\s+(?P<issuer>[^,;.()]+?)(?=\s+(?:về|VỀ|ban hành|quy định|phê duyệt|thực hiện|hướng dẫn|triển khai)\b|[,;.()]|$))?"
        r"|(?P<project>Đề án|ĐỀ ÁN)\s+(?P<pno>\d{2,3})(?:/(?P<pissuer>CP|TTg))?(?!\d|/\d)"
    )


def extract_citations(doc: SourceDocument, blocks: Iterable[int] | None = None, *, own: object = None) -> tuple[Citation, ...]:
    """Every citation in the given blocks (all by default), in reading order, grouped by document."""
    pat = _pattern()
    out: list[Citation] = []
    seen: dict[tuple[object, ...], int] = {}
    indices = range(len(doc.blocks)) if blocks is None else blocks
    for i in indices:
        b = doc.blocks[i]
        if b.kind == "artifact":
            continue
        for m in pat.finditer(b.text):
            span = Span(b.index, m.start(), m.end())
            if m.group("project"):
                cit = Citation(text=m.group(0), span=span, doc_type="Đề án", number=m.group("pno"),
                               name=f"Đề án {m.group('pno')}", issuer=m.group("pissuer"))
            else:
                party = m.group("pnum") is not None
                d, mo, y = (m.group("d") or m.group("d2"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2"))
                date = PartialDate(int(y), int(mo), int(d)) if y else None
                number = m.group("pnum") if party else m.group("num")
                symbol = m.group("psym") if party else m.group("sym")
                year = int(m.group("year")) if m.group("year") else (date.year if date else None)
                issuer = (m.group("issuer") or "").strip() or None
                cit = Citation(text=m.group(0), span=span, doc_type=vocab.canonical_type(m.group("type")),
                               number=number, year=year, symbol=symbol, date=date, issuer=issuer, party=party)
            ident = (cit.doc_type, cit.number, (cit.symbol or "").upper())
            group = seen.setdefault(ident, len(out))
            if group != len(out):
                cit = Citation(**{**_fields(cit), "group": group, "kind": "short" if cit.date is None else "full"})
            else:
                cit = Citation(**{**_fields(cit), "group": group})
            out.append(cit)
    return tuple(out)


def _fields(c: Citation) -> dict[str, object]:
    from attrs import asdict

    return asdict(c, recurse=False)
