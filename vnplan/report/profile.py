"""Requirement profiles as text: one for the person who reviews it (`vnplan profile show`), the list (`vnplan profiles`)."""

from __future__ import annotations

from collections.abc import Iterable

import vnplan.vocab as vocab
from vnplan.profiles.model import Profile

#: Kind names in Vietnamese (``labels.json``).
KIND_VI = {k: v.vi for k, v in vocab.labels().kinds.items()}


def render_profile(p: Profile) -> str:
    """Parent document, then each requirement: id, kind, rule, text, evidence, provenance."""
    d = p.parent
    lines = [f"{p.id}: {p.title}"]
    if p.description:
        lines.append(f"  {p.description}")
    lines.append(f"  Văn bản cấp trên: {d.reference}")
    if d.title:
        lines.append(f"  Trích yếu: {d.title}")
    if d.issuer_aliases:
        lines.append(f"  Cách gọi khác của cơ quan ban hành: {'; '.join(d.issuer_aliases)}")
    if p.subject:
        lines.append(f"  Chủ đề (kế hoạch không nói về chủ đề này là kế hoạch khác): {'; '.join(p.subject)}")
    for kind, rule in p.parts:
        note = f" ({rule.note})" if rule.note else ""
        lines.append(f"  Phần được chấp nhận cho loại {KIND_VI.get(kind, kind)}: {', '.join(rule.accept)}{note}")
    lines.append(f"  {len(p.requirements)} yêu cầu ({sum(r.mandatory for r in p.requirements)} bắt buộc)")
    doubtful = sum(bool(r.review) for r in p.requirements)
    if doubtful:
        lines.append(f"  {doubtful} yêu cầu cần rà soát (dòng “cần xem lại”)")
    for r in p.requirements:
        e = r.evidence
        lines.append("")
        flag = "" if r.mandatory else ", không bắt buộc"
        lines.append(f"{r.id}  [{KIND_VI.get(r.kind, r.kind)}, {r.rule_id}, phần: {r.where}{flag}]")
        lines.append(f"  {r.text}")
        for k, g in enumerate(e.all_of, 1):
            joint = " (phải cùng đoạn với các nhóm gắn liền)" if k - 1 in e.joint else ""
            lines.append(f"  bằng chứng {k}: " + " | ".join(g) + joint)
        if r.parts:
            lines.append(f"  phần được chấp nhận: {', '.join(r.parts.accept)}")
        if e.pattern:
            lines.append(f"  mẫu: {e.pattern}")
        if e.threshold is not None:
            lines.append(f"  ngưỡng: {e.comparator or '>='} {e.threshold:g}{e.unit or ''}")
        if e.due:
            lines.append(f"  thời hạn: không muộn hơn {e.due:%d/%m/%Y}")
        if r.provenance:
            pv = r.provenance
            at = f" [khối {pv.span.block}, ký tự {pv.span.start}–{pv.span.end}]" if pv.span else ""
            lines.append(f"  nguồn: {pv.document}, {pv.where}{at}" + (f" ({pv.note})" if pv.note else ""))
        if r.note:
            lines.append(f"  ghi chú: {r.note}")
        for doubt in r.review:
            lines.append(f"  cần xem lại: {doubt}")
    return "\n".join(lines)


def render_profiles(profiles: Iterable[Profile]) -> str:
    """The shipped profiles: id and how many requirements, then the parent document."""
    lines: list[str] = []
    for p in profiles:
        lines.append(f"{p.id}  ({len(p.requirements)} yêu cầu)")
        lines.append(f"      {p.parent.reference}")
    return "\n".join(lines)
