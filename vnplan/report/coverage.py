"""Coverage of a parent plan's requirements as a table a clerk can read (its JSON form: :mod:`vnplan.serialize`)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

import vnplan.vocab as vocab
from vnplan.model import Coverage, Evidence
from vnplan.vocab.types import by_language

#: How the text view marks the matched words: bold on a terminal (click drops the codes elsewhere).
BOLD, PLAIN = "\x1b[1m", "\x1b[22m"
_SPACES = regex.compile(r"\s+")

#: Status and kind names by language (``labels.json``).
STATUS_NAMES = by_language(vocab.labels().requirement_status)
KIND_NAMES = by_language(vocab.labels().kinds)


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def pieces(e: Evidence) -> Iterator[tuple[str, bool]]:
    """The quote of ``e`` in pieces, each with whether it is a matched word (``Evidence.marks``)."""
    at = 0
    for a, b in sorted(e.marks):
        a, b = max(a, at), min(b, len(e.text))
        if a >= b:
            continue
        if a > at:
            yield e.text[at:a], False
        yield e.text[a:b], True
        at = b
    if at < len(e.text):
        yield e.text[at:], False


def marked_quote(e: Evidence, width: int = 90, start: str = BOLD, end: str = PLAIN) -> str:
    """The quote of ``e`` on one line, at most ``width`` characters shown, its matched words between
    ``start`` and ``end``."""
    out, shown = [], 0
    for text, hit in pieces(e):
        text = _SPACES.sub(" ", text)
        if shown + len(text) > width:
            text = text[: max(0, width - shown - 1)] + "…"
        out.append(f"{start}{text}{end}" if hit and text else text)
        shown += len(text)
        if shown >= width:
            break
    return "".join(out).strip()


def render_coverage(cov: Coverage, lang: str = "vi") -> str:
    """One row per requirement (id, kind, status, score, requirement), then its evidence or what is missing."""
    st, kn = STATUS_NAMES.get(lang, STATUS_NAMES["vi"]), KIND_NAMES.get(lang, KIND_NAMES["vi"])
    c = cov.counts()
    if lang == "en":
        head = (f"Coverage of profile {cov.profile}: score {cov.score:.0%}; {c['met']} met, {c['partial']} partial, "
                f"{c['missing']} missing, {c['placeholder']} placeholder")
    else:
        head = (f"Đối chiếu với kế hoạch cấp trên ({cov.profile}): {cov.score:.0%}; {c['met']} đạt, "
                f"{c['partial']} một phần, {c['missing']} chưa có, {c['placeholder']} chờ điền")
    cols = tuple(label.get(lang) for label in vocab.labels().coverage_columns)
    rows = [(r.id + ("" if r.mandatory else "°"), kn.get(r.kind, r.kind), st.get(r.status, r.status),
             f"{r.score:.2f}", _short(r.text, 70)) for r in cov.requirements]
    w = [max(len(cols[k]), *(len(row[k]) for row in rows)) if rows else len(cols[k]) for k in range(4)]
    lines = [head, ""]
    lines.append("  ".join(cols[k].ljust(w[k]) for k in range(4)) + "  " + cols[4])
    lines.append("  ".join("-" * w[k] for k in range(4)) + "  " + "-" * 40)
    pad = " " * (sum(w) + 8)
    for r, row in zip(cov.requirements, rows):
        lines.append("  ".join(row[k].ljust(w[k]) for k in range(4)) + "  " + row[4])
        note = r.note_en if lang == "en" and r.note_en else r.note
        if note:
            lines.append(f"{pad}! {note}")
        for e in r.evidence[:2]:
            where = (f"line {e.line}" if lang == "en" else f"dòng {e.line}") if e.line else (e.location or "")
            quote = marked_quote(e)
            lines.append(f"{pad}↳ {where + ': ' if where else ''}“{quote}”")
    if any(not r.mandatory for r in cov.requirements):
        lines.append("")
        lines.append("° optional requirement" if lang == "en" else "° yêu cầu không bắt buộc")
    return "\n".join(lines)
