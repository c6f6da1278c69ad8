"""The HTML form of a batch: one self-contained page (no network, no external assets).

A summary (plans, units compliant, most-missed requirements), the matrix of plans ×
requirements coloured met / partial / missing, sortable by any column with a few lines of
inline JavaScript, and below it the details of every plan: each matrix cell links to the
plan's evidence for that requirement, or to the findings. Without a profile, the columns
are the rules that reported something. Every piece of text is HTML-escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from html import escape
from typing import Any

import vnplan.vocab as vocab
from vnplan.report.batch import STATUS_NAMES
from vnplan.report.text import SEVERITY_NAMES
from vnplan.results import PlanResult, profile_of, requirement_columns, summary
from vnplan.vocab.types import by_language

_RANK = {"met": 0, "partial": 1, "placeholder": 2, "missing": 3}
_STATUS_RANK = {"ok": 0, "fail": 1, "error": 2}
_MARK = {"met": "✓", "partial": "◐", "placeholder": "…", "missing": "✗"}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #bbb;padding:.25rem .45rem;vertical-align:top}
#matrix th{background:#eef1f5;cursor:pointer;user-select:none;position:sticky;top:0}
#matrix th[aria-sort=ascending]::after{content:" ▲"}#matrix th[aria-sort=descending]::after{content:" ▼"}
td.c{text-align:center}td.c a{display:block;text-decoration:none;color:inherit}
.met{background:#c8e6c9}.partial{background:#fff3c4}.missing{background:#f8c7c4}.placeholder{background:#e4d7f5}
.na{background:#eee;color:#777}.ok{color:#1b5e20;font-weight:600}.fail{color:#b71c1c;font-weight:600}
.error{color:#6a1b9a;font-weight:600}.hits{background:#fde2cf}
.legend span{display:inline-block;padding:0 .5rem;margin-right:.4rem;border:1px solid #bbb}
.plan{border-top:1px solid #ddd;padding-top:.3rem}blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.5rem;border-left:3px solid #9ccc65}
.sev-error{color:#b71c1c}.sev-warning{color:#e65100}.sev-info{color:#0d47a1}
:target{outline:3px solid #1565c0}small{color:#555}
"""

_JS = """
(function(){
  function key(td){var v=td.getAttribute('data-sort');if(v===null)v=td.textContent.trim();
    var n=parseFloat(v);return isNaN(n)?{s:v.toLowerCase()}:{n:n};}
  function cmp(a,b){if('n' in a&&'n' in b)return a.n-b.n;if('n' in a)return -1;if('n' in b)return 1;
    return a.s.localeCompare(b.s,'vi');}
  var table=document.getElementById('matrix');if(!table)return;
  var heads=table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads,function(th,col){
    th.setAttribute('tabindex','0');
    function sort(){var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(r1,r2){var c=cmp(key(r1.cells[col]),key(r2.cells[col]));
        if(c===0)c=(+r1.getAttribute('data-i'))-(+r2.getAttribute('data-i'));return asc?c:-c;});
      rows.forEach(function(r){body.appendChild(r);});}
    th.addEventListener('click',sort);
    th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});
  });
})();
"""

#: The words of the page by language (``labels.json``).
_TEXT = by_language(vocab.labels().html)


def _e(v: Any) -> str:
    return escape("" if v is None else str(v), quote=True)


def render_html(results: Iterable[PlanResult], *, lang: str = "vi", title: str | None = None,
                profile: str | None = None) -> str:
    """The whole page as a string."""
    return "\n".join(iter_html(results, lang=lang, title=title, profile=profile))


def iter_html(results: Iterable[PlanResult], *, lang: str = "vi", title: str | None = None,
              profile: str | None = None) -> Iterator[str]:
    """The page in pieces, a row or a plan at a time (``results`` is iterated several times)."""
    t = _TEXT.get(lang, _TEXT["vi"])
    names = STATUS_NAMES.get(lang, STATUS_NAMES["vi"])
    profile = profile if profile is not None else profile_of(results)
    reqs = requirement_columns(results)
    s = summary(results)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title or t['title'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title or t['title'])}</h1>",
    ]
    yield from out
    if profile:
        yield (f"<p>{_e(t['profile'])}: <strong>{_e(profile)}</strong></p>")

    # ---- summary
    yield (f'<h2 id="summary">{_e(t["summary"])}</h2><table class="summary"><tbody>')
    for k in ("plans", "checked", "unreadable", "failing"):
        yield (f"<tr><th>{_e(t[k])}</th><td>{s[k]}</td></tr>")
    yield (f"<tr><th>{_e(t['units'])}</th><td>{s['units_compliant']}/{s['units']}</td></tr>")
    if s["mean_score"] is not None:
        yield (f"<tr><th>{_e(t['score'])}</th><td>{s['mean_score']:.0%}</td></tr>")
    yield ("</tbody></table>")
    if s["most_missed"]:
        index = {c["id"]: j for j, c in enumerate(reqs)}
        yield (f"<h3>{_e(t['most_missed'])}</h3><table><thead><tr><th>{_e(t['requirement'])}</th>"
                   f"<th>{_e(t['times'])}</th></tr></thead><tbody>")
        for m in s["most_missed"]:
            yield (f'<tr><td><a href="#req-{index[m["id"]]}">{_e(m["id"])}</a>: {_e(m["text"])}</td>'
                       f"<td>{m['missing']}</td></tr>")
        yield ("</tbody></table>")

    # ---- matrix
    rule_cols: list[str] = []
    if not reqs:
        rule_cols = sorted({f.rule for r in results for f in r.findings})
    yield (f'<h2 id="matrix-title">{_e(t["matrix"])}</h2>')
    yield (f"<p><small>{_e(t['sort'])}</small></p>")
    if reqs:
        yield ('<p class="legend">' + "".join(
            f'<span class="{k}">{_MARK[k]} {_e(names[k])}</span>' for k in ("met", "partial", "placeholder", "missing")
        ) + "</p>")
    else:
        yield (f"<p><small>{_e(t['no_profile'])}</small></p>")
    yield ('<table id="matrix"><thead><tr>')
    yield (f"<th>{_e(t['unit'])}</th><th>{_e(t['file'])}</th><th>{_e(t['status'])}</th>"
               f"<th>{_e(t['errors'])}</th><th>{_e(t['warnings'])}</th>")
    if reqs:
        yield (f"<th>{_e(t['score'])}</th>")
        for j, c in enumerate(reqs):
            tip = c["text"] + (f" ({t['mandatory']})" if c["mandatory"] else "")
            yield (f'<th id="req-{j}" title="{_e(tip)}">{_e(c["id"])}</th>')
    for rule in rule_cols:
        yield (f"<th>{_e(rule)}</th>")
    yield ("</tr></thead><tbody>")
    for i, r in enumerate(results):
        yield (f'<tr data-i="{i}">')
        yield (f'<td><a href="#plan-{i}">{_e(r.unit)}</a></td><td>{_e(r.file)}</td>')
        yield (f'<td class="{r.status}" data-sort="{_STATUS_RANK[r.status]}">'
                   f'<a href="#plan-{i}">{_e(names[r.status])}</a></td>')
        if r.error is not None:
            yield ('<td class="na" data-sort="-1">–</td><td class="na" data-sort="-1">–</td>')
        else:
            yield (f'<td class="c" data-sort="{r.counts.get("error", 0)}"><a href="#plan-{i}-findings">'
                       f'{r.counts.get("error", 0)}</a></td>')
            yield (f'<td class="c" data-sort="{r.counts.get("warning", 0)}"><a href="#plan-{i}-findings">'
                       f'{r.counts.get("warning", 0)}</a></td>')
        if reqs:
            sc = r.score
            yield (f'<td class="c" data-sort="{-1 if sc is None else round(sc, 4)}">'
                       f'{"–" if sc is None else f"{sc:.0%}"}</td>')
            by_id = {q.id: q for q in r.coverage.requirements} if r.coverage is not None else {}
            for j, c in enumerate(reqs):
                q = by_id.get(c["id"])
                if q is None:
                    yield ('<td class="c na" data-sort="9">–</td>')
                    continue
                yield (f'<td class="c {_e(q.status)}" data-sort="{_RANK.get(q.status, 9)}" '
                           f'title="{_e(names.get(q.status, q.status))}"><a href="#p{i}-r{j}">'
                           f"{_MARK.get(q.status, '?')}</a></td>")
        if rule_cols:
            per_rule = Counter(f.rule for f in r.findings)
            first: dict[str, int] = {}
            for at, f in enumerate(r.findings):
                first.setdefault(f.rule, at)
            for rule in rule_cols:
                n = per_rule.get(rule, 0)
                if n:
                    yield (f'<td class="c hits" data-sort="{n}"><a href="#p{i}-f{first[rule]}">{n}</a></td>')
                else:
                    yield (f'<td class="c" data-sort="0">{"–" if r.error else "0"}</td>')
        yield ("</tr>")
    yield ("</tbody></table>")

    # ---- details
    yield (f'<h2 id="details">{_e(t["details"])}</h2>')
    req_index = {c["id"]: j for j, c in enumerate(reqs)}
    for i, r in enumerate(results):
        yield from (_plan_details(i, r, t, names, req_index))
    yield f"<script>{_JS}</script></body></html>"


def _plan_details(i: int, r: PlanResult, t: dict[str, str], names: dict[str, str],
                  req_index: dict[str, int]) -> list[str]:
    sev = SEVERITY_NAMES["en" if t is _TEXT["en"] else "vi"]
    out = [f'<section class="plan" id="plan-{i}"><h3>{_e(r.unit)} '
           f'<small class="{r.status}">{_e(names[r.status])}</small></h3>',
           f"<p><small>{_e(t['file'])}: {_e(r.file)}"
           + (f" · sha256 {_e(r.sha256[:12])}" if r.sha256 else "") + "</small></p>"]
    if r.error is not None:
        out.append(f'<p class="error">{_e(t["error_row"])}: {_e(r.error)}</p></section>')
        return out
    h = r.header
    num = f"{h.get('number') or '…'}/{h.get('symbol') or '—'}"
    date = _partial(h.get("date_parts"))  # dd/mm/yyyy as printed on the plan, or what a draft gives
    out.append(f"<p>{_e(h.get('authority') or '')} · {_e(num)} · {_e(date)}<br>"
               f"{_e(h.get('doc_type') or '')} {_e(h.get('title') or '')}</p>")
    out.append(f'<h4 id="plan-{i}-findings">{_e(t["findings"])}</h4>')
    if r.findings:
        out.append("<ol>")
        for k, f in enumerate(r.findings):
            where = f" ({t['line']} {f.line})" if f.line else (f" ({_e(f.location)})" if f.location else "")
            out.append(f'<li id="p{i}-f{k}"><span class="sev-{_e(f.severity)}">[{_e(f.rule)}] '
                       f"{_e(sev.get(f.severity, f.severity))}{_e(where)}</span>: {_e(f.message)}"
                       + (f"<br><small>{_e(f.source)}</small>" if f.source else "") + "</li>")
        out.append("</ol>")
    else:
        out.append(f"<p>{_e(t['none'])}</p>")
    if r.coverage is not None:
        out.append(f"<h4>{_e(t['coverage'])}: {r.coverage.score:.0%}</h4>")
        out.append(f"<table><thead><tr><th>{_e(t['requirement'])}</th><th>{_e(t['status'])}</th>"
                   f"<th>{_e(t['evidence'])}</th></tr></thead><tbody>")
        for q in r.coverage.requirements:
            j = req_index.get(q.id)
            anchor = f' id="p{i}-r{j}"' if j is not None else ""
            ev = "".join(f"<blockquote>{_e(e.text)}</blockquote>" for e in q.evidence)
            if q.note:
                ev += f"<small>{_e(q.note)}</small>"
            out.append(f'<tr{anchor}><td><strong>{_e(q.id)}</strong> {_e(q.text)}</td>'
                       f'<td class="{_e(q.status)}">{_e(names.get(q.status, q.status))}</td><td>{ev}</td></tr>')
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def _partial(d: dict[str, Any] | None) -> str:
    if not d or not d.get("year"):
        return ""
    parts = [str(d["year"])]
    if d.get("month"):
        parts.insert(0, f"{d['month']:02d}")
    if d.get("day"):
        parts.insert(0, f"{d['day']:02d}")
    return "/".join(parts)
