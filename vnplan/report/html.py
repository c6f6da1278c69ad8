"""The HTML form of a batch: one self-contained page (no network, no external assets), for the screen and the printer.

A headline with the totals (``38/41 đơn vị đạt; thiếu nhiều nhất: …``) and a summary table,
the matrix of plans × requirements coloured met / partial / placeholder / missing, and below
it the details of every plan: each matrix cell links to the plan's evidence for that
requirement, or to the findings. Without a profile, the columns are the rules that reported
something. Every piece of text is HTML-escaped.

On the screen the matrix scrolls inside its frame with the unit column and the heading row
fixed (CSS ``position: sticky``); each requirement's heading shows its id and its wording,
set vertically so the 36 columns of a province's profile fit a laptop screen; rows come in
natural order of unit (``skel-2`` before ``skel-10``) and sort by any column with a click
(or Enter), numbers as numbers. Printed (A4 landscape), the screen matrix gives way to the
same matrix cut into parts of :data:`PRINT_COLUMNS` requirement columns, each part on its
own pages with the unit column and the heading row repeated, so every column prints.

:func:`matrix_table` is the matrix alone, which ``vnplan serve``'s page shows too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from html import escape
from pathlib import PurePath
from typing import Any

import vnplan.vocab as vocab
from vnplan.model import Evidence
from vnplan.report.batch import STATUS_NAMES
from vnplan.report.coverage import pieces
from vnplan.report.messages import translate
from vnplan.report.text import SEVERITY_NAMES
from vnplan.results import PlanResult, profile_of, requirement_columns, summary
from vnplan.vocab.types import by_language

_RANK = {"met": 0, "partial": 1, "placeholder": 2, "missing": 3}
_STATUS_RANK = {"ok": 0, "fail": 1, "error": 2}
_MARK = {"met": "✓", "partial": "◐", "placeholder": "…", "missing": "✗"}

#: Requirement columns in one printed part of the matrix (A4 landscape, vertical headings).
PRINT_COLUMNS = 18
#: Characters of a requirement's wording shown in its heading (the whole of it in the tooltip).
HEADING_CHARS = 90

#: The page's style sheet: also used by ``vnplan serve``'s page.
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #bbb;padding:.25rem .45rem;vertical-align:top}
.headline{font-size:1.1rem;margin:.3rem 0 1rem}.headline strong{font-size:1.25rem}
.mwrap{overflow:auto;max-height:78vh;max-width:100%;border:1px solid #bbb}
.mwrap table{border-collapse:separate;border-spacing:0}.mwrap th,.mwrap td{border-width:0 1px 1px 0}
table.matrix th{background:#eef1f5;user-select:none;position:sticky;top:0;z-index:2;vertical-align:bottom}
table.matrix th.sortable{cursor:pointer}
table.matrix th[aria-sort=ascending]::after{content:" ▲"}table.matrix th[aria-sort=descending]::after{content:" ▼"}
table.matrix .u{position:sticky;left:0;z-index:1;background:#fff;min-width:12em;max-width:22em}
table.matrix th.u{z-index:3;background:#eef1f5}
th.req{padding:.2rem .15rem;min-width:2.2em}
th.req .v{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;height:15em;max-width:3.6em;
  overflow:hidden;text-align:left;font-weight:normal;font-size:.8rem;line-height:1.15}
th.req .v .rid{font-weight:600}th.req.mand .v .rid::after{content:" *"}
td.c{text-align:center}td.c a{display:block;text-decoration:none;color:inherit}
.met{background:#c8e6c9}.partial{background:#fff3c4}.missing{background:#f8c7c4}.placeholder{background:#e4d7f5}
.na{background:#eee;color:#777}.ok{color:#1b5e20;font-weight:600}.fail{color:#b71c1c;font-weight:600}
.error{color:#6a1b9a;font-weight:600}.hits{background:#fde2cf}.rw{color:#e65100;cursor:help}
.legend span{display:inline-block;padding:0 .5rem;margin-right:.4rem;border:1px solid #bbb}
.plan{border-top:1px solid #ddd;padding-top:.3rem}blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.5rem;border-left:3px solid #9ccc65}
.sev-error{color:#b71c1c}.sev-warning{color:#e65100}.sev-info{color:#0d47a1}
:target{outline:3px solid #1565c0}small{color:#555}mark{background:#fff3a0}
.print-only{display:none}
@page{size:A4 landscape;margin:10mm}
@media print{
  body{margin:0;font-size:9pt}.screen-only,.mwrap{display:none}.print-only{display:block}
  table.print-part{break-before:page;font-size:8pt;width:100%;table-layout:fixed}
  table.print-part:first-of-type{break-before:auto}
  table.print-part thead{display:table-header-group}table.print-part tr{break-inside:avoid}
  table.print-part th{overflow:hidden}table.print-part th.req .v{height:13em;max-width:100%}
  table.print-part .u{width:34mm;min-width:0;max-width:none;overflow-wrap:anywhere}table.print-part .st{width:15mm}
  h2#details{break-before:page}.plan{break-inside:auto}a{color:inherit;text-decoration:none}
  .met,.partial,.missing,.placeholder,.na,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

#: Sorting the matrix by a click on a heading (or Enter): numbers as numbers, text in natural order.
JS = r"""
(function(){
  function key(td){var v=td.getAttribute('data-sort');if(v===null)v=td.textContent.trim();
    v=String(v).trim();return /^-?\d+(\.\d+)?$/.test(v)?{n:parseFloat(v)}:{s:v.toLowerCase()};}
  function cmp(a,b){if('n' in a&&'n' in b)return a.n-b.n;if('n' in a)return -1;if('n' in b)return 1;
    return a.s.localeCompare(b.s,'vi',{numeric:true,sensitivity:'base'});}
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
_BOOK = by_language(vocab.labels().workbook)

#: Where a matrix cell leads: ``link(i, anchor)`` for plan ``i`` (``anchor``: ``r{j}`` a requirement,
#: ``f{k}`` a finding, ``findings``, or ``""`` the plan itself).
Link = Callable[[int, str], str]


def _e(v: Any) -> str:
    return escape("" if v is None else str(v), quote=True)


def _anchor(i: int, where: str) -> str:
    """The static page's own anchors: ``#plan-3``, ``#plan-3-findings``, ``#p3-r5``, ``#p3-f0``."""
    if not where:
        return f"#plan-{i}"
    if where == "findings":
        return f"#plan-{i}-findings"
    return f"#p{i}-{where}"


def headline(s: dict[str, Any], lang: str = "vi") -> str:
    """The totals in one sentence: ``38/41 đơn vị đạt; thiếu nhiều nhất: CIT (12), …``."""
    words = _BOOK["en" if lang == "en" else "vi"]
    line = words["units_line"].format(compliant=s["units_compliant"], units=s["units"])
    if s["most_missed"]:
        items = ", ".join(f"{m['id']} ({m['missing']})" for m in s["most_missed"][:3])
        line += "; " + words["most_missed_line"].format(items=items)
    return line


def render_html(results: Iterable[PlanResult], *, lang: str = "vi", title: str | None = None,
                profile: str | None = None) -> str:
    """The whole page as a string."""
    return "\n".join(iter_html(results, lang=lang, title=title, profile=profile))


def iter_html(results: Iterable[PlanResult], *, lang: str = "vi", title: str | None = None,
              profile: str | None = None) -> Iterator[str]:
    """The page in pieces, a row or a plan at a time (``results`` is iterated several times, in the order to show)."""
    t = _TEXT.get(lang, _TEXT["vi"])
    names = STATUS_NAMES.get(lang, STATUS_NAMES["vi"])
    profile = profile if profile is not None else profile_of(results)
    reqs = requirement_columns(results)
    s = summary(results)
    yield "<!DOCTYPE html>"
    yield f'<html lang="{_e(lang)}"><head><meta charset="utf-8">'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield f"<title>{_e(title or t['title'])}</title><style>{CSS}</style></head><body>"
    yield f"<h1>{_e(title or t['title'])}</h1>"
    if profile:
        yield f"<p>{_e(t['profile'])}: <strong>{_e(profile)}</strong></p>"
    yield f'<p class="headline"><strong>{_e(headline(s, lang))}</strong></p>'
    yield f'<h2 id="matrix-title">{_e(t["matrix"])}</h2>'
    yield f'<p class="screen-only"><small>{_e(t["sort"])}</small></p>'
    if reqs:
        yield ('<p class="legend">' + "".join(
            f'<span class="{k}">{_MARK[k]} {_e(names[k])}</span>' for k in ("met", "partial", "placeholder", "missing")
        ) + f" <small>* {_e(t['mandatory'])}</small></p>")
    else:
        yield f"<p><small>{_e(t['no_profile'])}</small></p>"
    yield '<div class="mwrap">'
    yield from matrix_table(results, lang=lang, reqs=reqs)
    yield "</div>"
    yield from print_parts(results, lang=lang, reqs=reqs)
    yield from _summary(s, reqs, t)
    yield f'<h2 id="details">{_e(t["details"])}</h2>'
    req_index = {c["id"]: j for j, c in enumerate(reqs)}
    for i, r in enumerate(results):
        yield from _plan_details(i, r, t, names, req_index, lang)
    yield f"<script>{JS}</script></body></html>"


def _summary(s: dict[str, Any], reqs: list[dict[str, Any]], t: dict[str, str]) -> Iterator[str]:
    yield f'<h2 id="summary">{_e(t["summary"])}</h2><table class="summary"><tbody>'
    for k in ("plans", "checked", "unreadable", "failing"):
        yield f"<tr><th>{_e(t[k])}</th><td>{s[k]}</td></tr>"
    yield f"<tr><th>{_e(t['units'])}</th><td>{s['units_compliant']}/{s['units']}</td></tr>"
    if s["mean_score"] is not None:
        yield f"<tr><th>{_e(t['score'])}</th><td>{s['mean_score']:.0%}</td></tr>"
    yield "</tbody></table>"
    if s["most_missed"]:
        index = {c["id"]: j for j, c in enumerate(reqs)}
        yield (f"<h3>{_e(t['most_missed'])}</h3><table><thead><tr><th>{_e(t['requirement'])}</th>"
               f"<th>{_e(t['times'])}</th></tr></thead><tbody>")
        for m in s["most_missed"]:
            yield (f'<tr><td><a href="#req-{index[m["id"]]}">{_e(m["id"])}</a>: {_e(m["text"])}</td>'
                   f"<td>{m['missing']}</td></tr>")
        yield "</tbody></table>"


def _short(text: str) -> str:
    return text if len(text) <= HEADING_CHARS else text[: HEADING_CHARS - 1].rstrip() + "…"


def requirement_heading(j: int, c: dict[str, Any], t: dict[str, str], *, anchor: bool = True,
                        sortable: bool = True) -> str:
    """A requirement's heading: its id and wording, vertical; the whole wording in the tooltip."""
    tip = c["id"] + ": " + c["text"] + (f" ({t['mandatory']})" if c["mandatory"] else "")
    ident = f' id="req-{j}"' if anchor else ""
    cls = "req sortable" + (" mand" if c["mandatory"] else "")
    return (f'<th{ident} class="{cls if sortable else cls.replace(" sortable", "")}" data-id="{_e(c["id"])}" '
            f'title="{_e(tip)}"><span class="v"><span class="rid">{_e(c["id"])}</span> {_e(_short(c["text"]))}</span></th>')


def matrix_table(results: Iterable[PlanResult], *, lang: str = "vi", reqs: list[dict[str, Any]] | None = None,
                 link: Link = _anchor) -> Iterator[str]:
    """The matrix ``<table id="matrix">`` in pieces: one row per plan (``data-i`` its index in ``results``,
    ``data-unit``, ``data-file``, ``data-missing``: the requirement ids it misses), one column per requirement."""
    t = _TEXT.get(lang, _TEXT["vi"])
    names = STATUS_NAMES.get(lang, STATUS_NAMES["vi"])
    reqs = requirement_columns(results) if reqs is None else reqs
    rule_cols = [] if reqs else sorted({f.rule for r in results for f in r.findings})
    yield '<table id="matrix" class="matrix"><thead><tr>'
    yield (f'<th class="u sortable">{_e(t["unit"])}</th><th class="sortable">{_e(t["file"])}</th>'
           f'<th class="sortable">{_e(t["status"])}</th><th class="sortable">{_e(t["errors"])}</th>'
           f'<th class="sortable">{_e(t["warnings"])}</th>')
    if reqs:
        yield f'<th class="sortable">{_e(t["score"])}</th>'
        yield "".join(requirement_heading(j, c, t) for j, c in enumerate(reqs))
    yield "".join(f'<th class="sortable" data-id="{_e(rule)}">{_e(rule)}</th>' for rule in rule_cols)
    yield "</tr></thead><tbody>"
    for i, r in enumerate(results):
        yield _matrix_row(i, r, reqs, rule_cols, names, link, lang)
    yield "</tbody></table>"


def _warned(warnings: Iterable[str], lang: str = "vi") -> str:
    """A mark beside a file whose reading warned (legacy text converted, scrambled PDF text…): the warnings
    in its tooltip, the plan's details list them."""
    said = "; ".join(translate(w, lang) for w in warnings)
    return f' <span class="rw" title="{_e(said)}">⚠</span>' if said else ""


def reading_warnings(r: PlanResult, t: dict[str, str], lang: str) -> str:
    """The paragraph listing what reading ``r``'s file warned of (empty when nothing)."""
    if not r.warnings:
        return ""
    return f'<p class="rw">{_e(t["reading_warnings"])}: {_e("; ".join(translate(w, lang) for w in r.warnings))}</p>'


def _matrix_row(i: int, r: PlanResult, reqs: list[dict[str, Any]], rule_cols: list[str], names: dict[str, str],
                link: Link, lang: str = "vi") -> str:
    by_id = {q.id: q for q in r.coverage.requirements} if r.coverage is not None else {}
    missing = " ".join(q.id for q in by_id.values() if q.status == "missing")
    out = [f'<tr data-i="{i}" data-unit="{_e(r.unit)}" data-file="{_e(r.file)}" data-status="{r.status}" '
           f'data-missing="{_e(missing)}">',
           f'<td class="u"><a href="{_e(link(i, ""))}">{_e(r.unit)}</a></td>'
           f'<td title="{_e(r.file)}">{_e(PurePath(r.file).name)}{_warned(r.warnings, lang)}</td>',
           f'<td class="{r.status}" data-sort="{_STATUS_RANK[r.status]}"><a href="{_e(link(i, ""))}">'
           f'{_e(names[r.status])}</a></td>']
    if r.error is not None:
        out.append('<td class="na" data-sort="-1">–</td><td class="na" data-sort="-1">–</td>')
    else:
        for sev in ("error", "warning"):
            n = r.counts.get(sev, 0)
            out.append(f'<td class="c" data-sort="{n}"><a href="{_e(link(i, "findings"))}">{n}</a></td>')
    if reqs:
        sc = r.score
        out.append(f'<td class="c" data-sort="{-1 if sc is None else round(sc, 4)}">'
                   f'{"–" if sc is None else f"{sc:.0%}"}</td>')
        for j, c in enumerate(reqs):
            q = by_id.get(c["id"])
            if q is None:
                out.append('<td class="c na" data-sort="9">–</td>')
                continue
            out.append(f'<td class="c {_e(q.status)}" data-sort="{_RANK.get(q.status, 9)}" data-req="{_e(q.id)}" '
                       f'title="{_e(q.id)}: {_e(names.get(q.status, q.status))}"><a href="{_e(link(i, f"r{j}"))}">'
                       f"{_MARK.get(q.status, '?')}</a></td>")
    if rule_cols:
        per_rule = Counter(f.rule for f in r.findings)
        first: dict[str, int] = {}
        for k, f in enumerate(r.findings):
            first.setdefault(f.rule, k)
        for rule in rule_cols:
            n = per_rule.get(rule, 0)
            if n:
                out.append(f'<td class="c hits" data-sort="{n}"><a href="{_e(link(i, f"f{first[rule]}"))}">{n}</a></td>')
            else:
                out.append(f'<td class="c" data-sort="0">{"–" if r.error else "0"}</td>')
    out.append("</tr>")
    return "".join(out)


def print_parts(results: Iterable[PlanResult], *, lang: str = "vi",
                reqs: list[dict[str, Any]] | None = None) -> Iterator[str]:
    """The matrix for the printer: parts of :data:`PRINT_COLUMNS` requirement columns, each a table
    whose unit column and heading row repeat on every page (hidden on the screen)."""
    t = _TEXT.get(lang, _TEXT["vi"])
    names = STATUS_NAMES.get(lang, STATUS_NAMES["vi"])
    reqs = requirement_columns(results) if reqs is None else reqs
    if not reqs:
        return
    parts = [list(range(k, min(k + PRINT_COLUMNS, len(reqs)))) for k in range(0, len(reqs), PRINT_COLUMNS)]
    yield '<div class="print-only">'
    for n, cols in enumerate(parts, start=1):
        yield f'<table class="matrix print-part" data-part="{n}/{len(parts)}"><thead><tr>'
        yield f'<th class="u">{_e(t["unit"])} ({n}/{len(parts)})</th><th class="st">{_e(t["status"])}</th>'
        yield "".join(requirement_heading(j, reqs[j], t, anchor=False, sortable=False) for j in cols)
        yield "</tr></thead><tbody>"
        for r in results:
            by_id = {q.id: q.status for q in r.coverage.requirements} if r.coverage is not None else {}
            cells = "".join(
                f'<td class="c {_e(by_id[reqs[j]["id"]])}">{_MARK.get(by_id[reqs[j]["id"]], "?")}</td>'
                if reqs[j]["id"] in by_id else '<td class="c na">–</td>' for j in cols)
            yield (f'<tr><td class="u">{_e(r.unit)}</td><td class="{r.status}">{_e(names[r.status])}</td>'
                   f"{cells}</tr>")
        yield "</tbody></table>"
    yield "</div>"


def _plan_details(i: int, r: PlanResult, t: dict[str, str], names: dict[str, str],
                  req_index: dict[str, int], lang: str) -> list[str]:
    sev = SEVERITY_NAMES["en" if lang == "en" else "vi"]
    out = [f'<section class="plan" id="plan-{i}"><h3>{_e(r.unit)} '
           f'<small class="{r.status}">{_e(names[r.status])}</small></h3>',
           f"<p><small>{_e(t['file'])}: {_e(r.file)}"
           + (f" · sha256 {_e(r.sha256[:12])}" if r.sha256 else "") + "</small></p>"]
    out.append(reading_warnings(r, t, lang))
    if r.error is not None:
        out.append(f'<p class="error">{_e(t["error_row"])}: {_e(translate(r.error, lang))}</p></section>')
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
            ev = "".join(f"<blockquote>{_marked(e)}</blockquote>" for e in q.evidence)
            if q.note:
                ev += f"<small>{_e(q.note if lang != 'en' else (q.note_en or q.note))}</small>"
            out.append(f'<tr{anchor}><td><strong>{_e(q.id)}</strong> {_e(q.text)}</td>'
                       f'<td class="{_e(q.status)}">{_e(names.get(q.status, q.status))}</td><td>{ev}</td></tr>')
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def _marked(e: Evidence) -> str:
    """The quote with its matched words in ``<mark>``."""
    return "".join(f"<mark>{_e(t)}</mark>" if hit else _e(t) for t, hit in pieces(e))


def _partial(d: dict[str, Any] | None) -> str:
    if not d or not d.get("year"):
        return ""
    parts = [str(d["year"])]
    if d.get("month"):
        parts.insert(0, f"{d['month']:02d}")
    if d.get("day"):
        parts.insert(0, f"{d['day']:02d}")
    return "/".join(parts)
