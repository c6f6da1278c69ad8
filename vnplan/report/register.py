"""The register on the terminal (sổ đăng ký): documents, one document's details, the units still missing.

The words follow ``lang`` (``labels.json``: ``register``, statuses, severities).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import vnplan.vocab as vocab
from vnplan.report.messages import translate
from vnplan.results import DocumentRow, MissingUnits
from vnplan.vocab.types import by_language

_WORDS = by_language(vocab.labels().register)
_STATUS = by_language(vocab.labels().batch_status)
_SEVERITY = by_language(vocab.labels().severities)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "vi"


def document_line(d: DocumentRow, lang: str = "vi") -> str:
    """One document: hash, date, number/symbol, status and score, unit and path."""
    lang = _lang(lang)
    num = f"{d.number or '…'}/{d.symbol or '—'}"
    score = "" if d.score is None else f"  {d.score:.0%}"
    status = _STATUS[lang].get(d.status, d.status)
    state = status if d.error is None else _WORDS[lang]["error"].format(error=translate(d.error, lang))
    return f"{d.sha256[:12]}  {d.date or '—':<10}  {num:<14} {state:<6}{score}  {d.unit}  ({d.path})"


def render_documents(docs: Iterable[DocumentRow], *, lang: str = "vi") -> str:
    """One line per document (``vnplan register list``)."""
    return "\n".join(document_line(d, lang) for d in docs)


def render_details(d: dict[str, Any], *, lang: str = "vi") -> str:
    """One document with its citations, findings and requirement results (``vnplan register show``)."""
    lang = _lang(lang)
    w, status, sev = _WORDS[lang], _STATUS[lang], _SEVERITY[lang]
    lines = [
        f"{d['unit']}  ({d['path']})",
        "  " + w["checked"].format(sha=d["sha256"], at=d["checked_at"]),
        f"  {d['doc_type'] or ''} {d['number'] or '…'}/{d['symbol'] or '—'}, {d['date'] or '—'}: {d['title'] or ''}",
    ]
    if d["error"]:
        lines.append("  " + w["error"].format(error=translate(d["error"], lang)))
    score = w["score"].format(score=f"{d['score']:.0%}", profile=d["profile"]) if d["score"] is not None else ""
    lines.append("  " + w["counts"].format(errors=d["errors"], warnings=d["warnings"], infos=d["infos"]) + score)
    if d["citations"]:
        lines.append("  " + w["citations"])
        lines.extend(f"    - {c['text']}" for c in d["citations"])
    if d["findings"]:
        lines.append("  " + w["findings"])
        lines.extend(f"    [{f['rule']}] {sev.get(f['severity'], f['severity'])}: {f['message']}" for f in d["findings"])
    if d["requirements"]:
        lines.append("  " + w["requirements"])
        width = max(len(q["id"]) for q in d["requirements"])
        lines.extend(f"    {q['id']:<{width}}  {status.get(q['status'], q['status']):<11} {q['text']}"
                     for q in d["requirements"])
    return "\n".join(lines)


def render_missing(m: MissingUnits, *, lang: str = "vi") -> str:
    """How many expected units have issued a plan citing the parent; who has not; who cites a wrong date."""
    w = _WORDS[_lang(lang)]
    ref = f"{m.number}/{m.symbol}"
    lines = [w["issued"].format(done=m.expected - len(m.missing), expected=m.expected, ref=ref)]
    if m.missing:
        lines.append(w["not_yet"].format(n=len(m.missing)))
        lines.extend(f"  - {u}" for u in m.missing)
    if m.date is not None:
        date = f"{m.date:%d/%m/%Y}"
        if m.wrong_dates:
            lines.append(w["wrong_dates"].format(ref=ref, date=date, n=len(m.wrong_dates)))
            lines.extend(f"  - {x.document.unit} ({x.document.path}): {x.cited}" for x in m.wrong_dates)
        else:
            lines.append(w["dates_right"].format(ref=ref, date=date))
    return "\n".join(lines)
