"""Human-readable views for a clerk: the outline of a parsed plan, findings grouped by part, the rule catalogue."""

from __future__ import annotations

from collections.abc import Iterable

import vnplan.vocab as vocab
from vnplan.model import Plan, Section
from vnplan.report.coverage import render_coverage
from vnplan.results import Report
from vnplan.rules.registry import Rule
from vnplan.vocab.types import by_language

#: Part, severity and role names by language (``labels.json``).
PART_NAMES = by_language(vocab.labels().rule_parts)
SEVERITY_NAMES = by_language(vocab.labels().severities)
ROLE_NAMES = by_language(vocab.labels().roles)["vi"]


def render_report(report: Report) -> str:
    """Findings grouped by part of the document, most severe first, with line numbers."""
    lang = report.lang
    sev = SEVERITY_NAMES[lang]
    lines: list[str] = []
    name = report.path or "<văn bản>"
    counts = report.counts()
    if lang == "vi":
        lines.append(f"{name}: {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} lưu ý")
    else:
        lines.append(f"{name}: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes")
    parts: dict[str, list[str]] = {}
    for f in report.findings:
        where = f"dòng {f.line}" if f.line and lang == "vi" else (f"line {f.line}" if f.line else (f.location or ""))
        if f.location and not f.line:
            where = f.location
        entry = f"  [{f.rule}] {sev[f.severity]}"
        entry += f" ({where})" if where else ""
        entry += f": {f.message}"
        if f.fix:
            label = "sửa thành" if lang == "vi" else "fix"
            pad = "\n" + " " * (len(label) + 10)  # a fix over several lines stays aligned under its first
            entry += f"\n      → {label}: {pad.join(f.fix.splitlines())}"
        if f.source:
            entry += f"\n      {'căn cứ' if lang == 'vi' else 'source'}: {f.source}"
        parts.setdefault(f.part, []).append(entry)
    names = PART_NAMES[lang]
    for part in [*names, *sorted(set(parts) - set(names))]:
        if part in parts:
            lines.append("")
            lines.append(f"{names.get(part, part)}:")
            lines.extend(parts[part])
    if report.coverage is not None:
        lines.append("")
        lines.append(render_coverage(report.coverage, lang))
    if not report.findings:
        lines.append("")
        lines.append("Không phát hiện vấn đề nào." if lang == "vi" else "No findings.")
    return "\n".join(lines)


def _section_lines(s: Section, depth: int) -> list[str]:
    pad = "  " * depth
    label = s.label if s.style in ("dash", "plus", "bullet") else f"{s.label}."
    head = s.title or (s.paragraphs[0].text if s.paragraphs else "")
    if len(head) > 90:
        head = head[:87] + "…"
    role = f"  [{ROLE_NAMES.get(s.role, s.role)}]" if depth == 0 or s.role != "other" and depth == 1 else ""
    out = [f"{pad}{label} {head}{role}"]
    for c in s.children:
        out.extend(_section_lines(c, depth + 1))
    return out


def render_plan(plan: Plan) -> str:
    """The outline of a parsed plan: header, legal basis, sections, recipients, signature."""
    h = plan.header
    d = h.date
    date = "—"
    if d is not None:
        date = f"ngày {d.day or '…'} tháng {d.month or '…'} năm {d.year or '…'}"
    lines = [
        "PHẦN ĐẦU",
        f"  Cơ quan chủ quản: {h.parent_authority or '—'}",
        f"  Cơ quan ban hành: {h.authority or '—'}",
        f"  Quốc hiệu, Tiêu ngữ: {'có' if h.national_motto else 'không có'}",
        f"  Số, ký hiệu: {h.number or '(để trống)'}/{h.symbol or '—'}",
        f"  Địa danh, ngày tháng: {h.place or '—'}, {date}",
        f"  Tên loại: {h.doc_type or '—'}",
        f"  Trích yếu: {h.title or '—'}",
    ]
    if plan.legal_basis:
        lines.append("")
        lines.append("CĂN CỨ BAN HÀNH")
        for lb in plan.legal_basis:
            lines.append(f"  - {lb.text}")
    if plan.preamble:
        lines.append("")
        lines.append("ĐOẠN KHÔNG ĐÁNH SỐ (trước các mục)")
        for p in plan.preamble:
            lines.append(f"  {p.text if len(p.text) <= 90 else p.text[:87] + '…'}")
    if plan.sections:
        lines.append("")
        lines.append("BỐ CỤC")
        for s in plan.sections:
            lines.extend("  " + x for x in _section_lines(s, 0))
    if plan.recipients:
        lines.append("")
        lines.append("NƠI NHẬN")
        for r in plan.recipients:
            lines.append(f"  - {r.text.lstrip('-–+ ').strip()}")
    sig = plan.signature
    if sig is not None:
        lines.append("")
        lines.append("CHỮ KÝ")
        for f in sig.forms:
            lines.append(f"  {f.form} {f.of}")
        if sig.position:
            lines.append(f"  {sig.position}")
        lines.append(f"  {sig.signer or '(chưa có họ tên người ký)'}")
    if plan.citations:
        lines.append("")
        lines.append(f"VIỆN DẪN ({len(plan.citations)})")
        for c in plan.citations:
            lines.append(f"  - {c.text}")
    if plan.source is not None and plan.source.warnings:
        lines.append("")
        lines.append("CẢNH BÁO KHI ĐỌC")
        lines.extend(f"  - {w}" for w in plan.source.warnings)
    return "\n".join(lines)


def render_rules(catalogue: Iterable[Rule], lang: str = "vi") -> str:
    """The rule catalogue (``vnplan rules``): id, severity and name, then the message, provision and date in force."""
    lines: list[str] = []
    for r in catalogue:
        msg = r.summary(lang)
        lines.append(f"{r.id}  {r.severity:<7}  {r.name}")
        lines.append(f"      {msg}")
        if r.source:
            lines.append(f"      {'căn cứ' if lang == 'vi' else 'source'}: {r.source}")
        if r.since:
            lines.append(f"      {'hiệu lực từ' if lang == 'vi' else 'in force from'}: {r.since.isoformat()}")
    return "\n".join(lines)
