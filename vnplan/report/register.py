"""The register on the terminal (sổ đăng ký): documents, one document's details, the units still missing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vnplan.results import DocumentRow, MissingUnits


def document_line(d: DocumentRow) -> str:
    """One document: hash, date, number/symbol, status and score, unit and path."""
    num = f"{d.number or '…'}/{d.symbol or '—'}"
    score = "" if d.score is None else f"  {d.score:.0%}"
    state = d.status if d.error is None else f"error: {d.error}"
    return f"{d.sha256[:12]}  {d.date or '—':<10}  {num:<14} {state:<6}{score}  {d.unit}  ({d.path})"


def render_documents(docs: Iterable[DocumentRow]) -> str:
    """One line per document (``vnplan register list``)."""
    return "\n".join(document_line(d) for d in docs)


def render_details(d: dict[str, Any]) -> str:
    """One document with its citations, findings and requirement results (``vnplan register show``)."""
    lines = [
        f"{d['unit']}  ({d['path']})",
        f"  sha256 {d['sha256']}, checked {d['checked_at']}",
        f"  {d['doc_type'] or ''} {d['number'] or '…'}/{d['symbol'] or '—'}, {d['date'] or '—'}: {d['title'] or ''}",
    ]
    if d["error"]:
        lines.append(f"  error: {d['error']}")
    lines.append(f"  {d['errors']} errors, {d['warnings']} warnings, {d['infos']} notes"
                 + (f"; score {d['score']:.0%} ({d['profile']})" if d["score"] is not None else ""))
    if d["citations"]:
        lines.append("  citations:")
        lines.extend(f"    - {c['text']}" for c in d["citations"])
    if d["findings"]:
        lines.append("  findings:")
        lines.extend(f"    [{f['rule']}] {f['severity']}: {f['message']}" for f in d["findings"])
    if d["requirements"]:
        lines.append("  requirements:")
        width = max(len(q["id"]) for q in d["requirements"])
        lines.extend(f"    {q['id']:<{width}}  {q['status']:<11} {q['text']}" for q in d["requirements"])
    return "\n".join(lines)


def render_missing(m: MissingUnits) -> str:
    """How many expected units have issued a plan citing the parent; who has not; who cites a wrong date."""
    ref = f"{m.number}/{m.symbol}"
    lines = [f"{m.expected - len(m.missing)}/{m.expected} expected units have issued a plan citing {ref}."]
    if m.missing:
        lines.append(f"Not yet ({len(m.missing)}):")
        lines.extend(f"  - {u}" for u in m.missing)
    if m.date is not None:
        if m.wrong_dates:
            lines.append(f"Citing {ref} with a date other than {m.date:%d/%m/%Y} ({len(m.wrong_dates)}):")
            lines.extend(f"  - {w.document.unit} ({w.document.path}): {w.cited}" for w in m.wrong_dates)
        else:
            lines.append(f"Every plan citing {ref} gives its date {m.date:%d/%m/%Y}.")
    return "\n".join(lines)
