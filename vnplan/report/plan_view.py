"""One plan read with its findings in place (đọc kế hoạch): the text, every finding and every piece of evidence marked.

The HTML fragment ``vnplan serve``'s page shows when a clerk opens a plan: the plan's text
block by block (with its line or paragraph), each finding's passage marked where it stands
(``<mark class="finding sev-error">``; a finding about a missing part marks the place with
⚑), each piece of evidence for a requirement of the parent plan marked too
(``<mark class="evidence">``), and beside the text the list of findings, each with the rule
that made it, what the rule checks, its legal source and its example (wrong, right), then
the requirements with their status. Spans are the model's (``block``, ``start``, ``end``) in
the blocks the reader gives again for the same file. Every piece of text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from typing import Any

import vnplan.vocab as vocab
from vnplan.errors import UsageError
from vnplan.model import SourceDocument, Span
from vnplan.report.messages import translate
from vnplan.results import Finding, PlanResult
from vnplan.rules.registry import Rule, get_rule
from vnplan.vocab.types import by_language

_WORDS = by_language(vocab.labels().plan_view)
_SEVERITY = by_language(vocab.labels().severities)
_STATUS = by_language(vocab.labels().batch_status)
_PARTS = by_language(vocab.labels().rule_parts)
#: Longest example shown beside a finding (whole example documents are left to docs/rules.md).
EXAMPLE_CHARS = 400


def _e(v: Any) -> str:
    return escape("" if v is None else str(v), quote=True)


def _marks(result: PlanResult, nblocks: int) -> dict[int, list[tuple[int, int, str, str]]]:
    """Per block: ``(start, end, kind, key)`` of each finding (key: its index) and evidence (key: ``j-n``)."""
    out: dict[int, list[tuple[int, int, str, str]]] = {}

    def put(span: Span | None, kind: str, key: str) -> None:
        if span is not None and 0 <= span.block < nblocks:
            out.setdefault(span.block, []).append((span.start, span.end, kind, key))

    for k, f in enumerate(result.findings):
        put(f.span, "f", str(k))
    if result.coverage is not None:
        for j, q in enumerate(result.coverage.requirements):
            for n, ev in enumerate(q.evidence):
                put(ev.span, "e", f"{j}-{n}")
    return out


def _block_html(text: str, marks: list[tuple[int, int, str, str]], severities: Sequence[str], seen: set[str]) -> str:
    """``text`` with its marks: segments between every mark boundary, each marked by what covers it."""
    size = len(text)
    points = [(min(max(s, 0), size), k, key) for s, e, k, key in marks if k == "f" and min(e, size) <= max(s, 0)]
    ranges = [(min(max(s, 0), size), min(e, size), k, key) for s, e, k, key in marks if min(e, size) > max(s, 0)]
    cuts = sorted({0, size, *(s for s, _, _, _ in ranges), *(e for _, e, _, _ in ranges), *(p for p, _, _ in points)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [size]):
        for p, _, key in points:
            if p == a and f"f{key}" not in seen:
                seen.add(f"f{key}")
                out.append(f'<mark class="finding place sev-{severities[int(key)]}" id="pv-f-{key}" data-f="{key}">⚑</mark>')
        if b <= a:
            continue
        over = [(k, key) for s, e, k, key in ranges if s <= a and e >= b]
        piece = _e(text[a:b])
        if not over:
            out.append(piece)
            continue
        fs = [key for k, key in over if k == "f"]
        es = [key for k, key in over if k == "e"]
        classes = (["finding", *(f"sev-{severities[int(x)]}" for x in fs[:1])] if fs else []) + (["evidence"] if es else [])
        first = next((f"f{x}" for x in fs if f"f{x}" not in seen), None) or next(
            (f"e{x}" for x in es if f"e{x}" not in seen), None)
        ident = ""
        if first is not None:
            seen.add(first)
            ident = f' id="pv-{first[0]}-{first[1:]}"'
        out.append(f'<mark class="{" ".join(classes)}"{ident} data-f="{" ".join(fs)}" '
                   f'data-e="{" ".join(es)}">{piece}</mark>')
    return "".join(out)


def _rule(rule_id: str) -> Rule | None:
    try:
        return get_rule(rule_id)
    except UsageError:
        return None


def _finding_item(k: int, f: Finding, placed: bool, w: dict[str, str], lang: str) -> str:
    sev = _SEVERITY[lang].get(f.severity, f.severity)
    where = f"{w['line']} {f.line}" if f.line else (f.location or "")
    head = f"[{_e(f.rule)}] {_e(sev)}" + (f" · {_e(where)}" if where else "")
    link = f'<a href="#pv-f-{k}">{head}</a>' if placed else f'{head} <small>({_e(w["no_place"])})</small>'
    parts = [f'<li id="pv-fi-{k}" class="sev-{_e(f.severity)}" data-f="{k}">{link}<div class="msg">{_e(f.message)}</div>']
    rule = _rule(f.rule)
    if rule is not None:
        part = _PARTS[lang].get(rule.part, rule.part)
        parts.append(f'<div class="why"><b>{_e(w["rule"])} {_e(rule.id)}</b> ({_e(part)}): {_e(rule.summary(lang))}</div>')
    if f.source:
        parts.append(f'<div class="src"><b>{_e(w["source"])}:</b> {_e(f.source)}</div>')
    if f.fix:
        parts.append(f'<div class="fix"><b>{_e(w["fix"])}:</b> {_e(f.fix)}</div>')
    ex = rule.examples if rule is not None else None
    if ex is not None and len(ex.wrong) <= EXAMPLE_CHARS and len(ex.right) <= EXAMPLE_CHARS:
        parts.append(f'<details><summary>{_e(w["example"])}</summary><div class="ex-wrong"><b>{_e(w["wrong"])}:</b> '
                     f'{_e(ex.wrong)}</div><div class="ex-right"><b>{_e(w["right"])}:</b> {_e(ex.right)}</div></details>')
    parts.append("</li>")
    return "".join(parts)


def _requirements(result: PlanResult, w: dict[str, str], lang: str) -> Iterator[str]:
    if result.coverage is None:
        return
    yield f'<h3>{_e(w["requirements"])} ({result.coverage.score:.0%})</h3><ol class="pv-reqs">'
    for j, q in enumerate(result.coverage.requirements):
        status = _STATUS[lang].get(q.status, q.status)
        first = f'<a href="#pv-e-{j}-0">{_e(q.id)}</a>' if q.evidence else f"<b>{_e(q.id)}</b>"
        note = q.note_en if lang == "en" and q.note_en else q.note
        yield (f'<li class="{_e(q.status)}" id="pv-q-{j}" data-req="{_e(q.id)}">{first} <span class="st">{_e(status)}'
               f"</span> {_e(q.text)}" + (f"<br><small>{_e(note)}</small>" if note else "") + "</li>")
    yield "</ol>"


def render_plan_view(doc: SourceDocument, result: PlanResult, *, lang: str = "vi") -> str:
    """The plan ``result`` came from, read again as ``doc``, with its findings and evidence marked in place."""
    lang = "en" if lang == "en" else "vi"
    w = _WORDS[lang]
    blocks = doc.blocks
    marks = _marks(result, len(blocks))
    severities = [f.severity for f in result.findings]
    seen: set[str] = set()
    text = []
    for b in blocks:
        where = b.line if b.line is not None else b.index + 1
        cls = "blk art" if b.kind == "artifact" else "blk"
        text.append(f'<p class="{cls}" id="pv-b-{b.index}"><span class="ln">{where}</span>'
                    f"{_block_html(b.text, marks.get(b.index, []), severities, seen)}</p>")
    placed = {int(key) for ms in marks.values() for _, _, kind, key in ms if kind == "f"}
    side = _warnings(tuple(dict.fromkeys((*doc.warnings, *result.warnings))), w, lang)
    side.append(f'<h3>{_e(w["findings"])} ({len(result.findings)})</h3>')
    if result.findings:
        side.append('<ol class="pv-findings">')
        side.extend(_finding_item(k, f, k in placed, w, lang) for k, f in enumerate(result.findings))
        side.append("</ol>")
    else:
        side.append(f"<p>{_e(w['none'])}</p>")
    side.extend(_requirements(result, w, lang))
    h = result.header or {}
    num = f"{h.get('number') or '…'}/{h.get('symbol') or '—'}"
    status = _STATUS[lang].get(result.status, result.status)
    head = (f'<div class="pv-head"><h2>{_e(result.unit)} <small class="{result.status}">{_e(status)}</small></h2>'
            f"<p><small>{_e(result.file)} · {_e(num)} · {_e(h.get('date') or '')} · {_e(h.get('title') or '')}"
            "</small></p></div>")
    return (f'<div class="pv">{head}<div class="pv-body"><section class="pv-text">{"".join(text)}</section>'
            f'<aside class="pv-side">{"".join(side)}</aside></div></div>')


def _warnings(warnings: Sequence[str], w: dict[str, str], lang: str) -> list[str]:
    """What reading the file warned of, above the findings: the text read may differ from the original."""
    if not warnings:
        return []
    items = "".join(f"<li>{_e(translate(x, lang))}</li>" for x in warnings)
    return [f'<div class="pv-warn"><h3>{_e(w["reading_warnings"])}</h3><ul>{items}</ul></div>']


def render_unreadable(result: PlanResult, *, lang: str = "vi") -> str:
    """What the page shows for a file that could not be read: its name, the reason (with what to do) and
    any warning reading it gave."""
    w = _WORDS["en" if lang == "en" else "vi"]
    return (f'<div class="pv"><div class="pv-head"><h2>{_e(result.unit)}</h2><p><small>{_e(result.file)}</small></p>'
            f'</div><p class="error">{_e(w["unreadable"])}: {_e(translate(result.error or "", lang))}</p>'
            f'{"".join(_warnings(result.warnings, w, lang))}</div>')


__all__ = ["render_plan_view", "render_unreadable"]
