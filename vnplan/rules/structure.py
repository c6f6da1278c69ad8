"""Structural rules: numbering of the section tree (F110) and the required parts of a plan (F111)."""

from __future__ import annotations

from collections.abc import Iterator

from vnplan.model import Section
from vnplan.parse.common import part_number
from vnplan.rules.registry import Context, Hit, rule

#: Vietnamese alphabet order for lettered points (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.d).
VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUMBERED = {"roman", "arabic", "arabic_paren", "letter", "upper_letter", "article", "part", "chapter"}


def roman_value(s: str) -> int | None:
    """``XIV`` → 14; None for a malformed numeral."""
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _ROMAN_VALUES.get(ch.upper())
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def ordinal(sec: Section) -> int | None:
    """The position a label claims: ``III`` → 3, ``c`` → 3, ``2.1.4`` → 4, ``Điều 5`` → 5."""
    label = sec.label
    if sec.style == "roman":
        return roman_value(label)
    if sec.style in ("letter", "upper_letter"):
        k = VI_LETTERS.find(label.lower())
        return k + 1 if k >= 0 else None
    if sec.style == "article":
        digits = "".join(c for c in label if c.isdigit())
        return int(digits) if digits else None
    if sec.style in ("part", "chapter"):
        return part_number(label)
    if sec.style.startswith("arabic"):
        last = label.rsplit(".", 1)[-1]
        return int(last) if last.isdigit() else None
    return None


def _groups(ctx: Context) -> Iterator[tuple[Section | None, tuple[Section, ...]]]:
    yield None, ctx.plan.sections
    for s in ctx.plan.walk():
        if s.children:
            yield s, s.children


@rule(
    "F110",
    "warning",
    name="numbering",
    part="body",
    vi="Đánh số không liên tục hoặc không thống nhất: {detail}",
    en="Numbering is broken or inconsistent: {detail}",
    source="Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.d (bố cục và đánh số phần, mục, khoản, điểm)",
    variants_vi={
        "gap": "Đánh số bị nhảy: sau “{prev}” là “{label}” (thiếu {missing}).",
        "repeat": "Số thứ tự “{label}” bị lặp lại.",
        "order": "Số thứ tự sai trật tự: “{label}” đứng sau “{prev}”.",
        "start": "Số thứ tự đầu tiên của cấp này là “{label}”, lẽ ra phải là “{expected}”.",
        "mixed": "Cùng một cấp dùng lẫn các kiểu đánh số khác nhau ({styles}).",
        "prefix": "Số “{label}” không thuộc mục cha “{parent}”.",
    },
    variants_en={
        "gap": "Numbering skips: “{label}” follows “{prev}” ({missing} missing).",
        "repeat": "Number “{label}” is repeated.",
        "order": "Numbers out of order: “{label}” comes after “{prev}”.",
        "start": "The first number at this level is “{label}”; expected “{expected}”.",
        "mixed": "One level mixes numbering styles ({styles}).",
        "prefix": "Number “{label}” does not belong to its parent “{parent}”.",
    },
    examples=("I. MỤC ĐÍCH\nIII. NỘI DUNG", "I. MỤC ĐÍCH\nII. NỘI DUNG"),
)
def numbering(ctx: Context) -> Iterator[Hit]:
    """Gaps, repeats, wrong order and mixed styles among the siblings of one level; articles
    (Điều) are one sequence through the whole text, not restarted in each chapter."""
    for parent, group in _groups(ctx):
        styles = sorted({s.style for s in group})
        if len(styles) > 1:
            first_other = next(s for s in group if s.style != group[0].style)
            yield Hit(first_other.span, {"styles": ", ".join(styles)}, variant="mixed")
        for style in styles:
            if style not in _NUMBERED and not style.startswith("arabic"):
                continue
            if style != "article":
                yield from _sequence([s for s in group if s.style == style], parent)
    for run in _article_runs([s for s in ctx.plan.walk() if s.style == "article"]):
        yield from _sequence(run, None)


def _article_runs(articles: list[Section]) -> Iterator[list[Section]]:
    """Articles (Điều) are numbered on through the whole text, across its Phần, Chương and Mục;
    an article numbered 1 after others opens a new text (a Quy định issued with its Quyết định)."""
    run: list[Section] = []
    for s in articles:
        if run and ordinal(s) == 1:
            yield run
            run = []
        run.append(s)
    if run:
        yield run


def _expected_label(style: str, n: int, like: str) -> str:
    if style == "roman":
        return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[n - 1] if n <= 10 else str(n)
    if style in ("letter", "upper_letter"):
        letter = VI_LETTERS[n - 1] if n <= len(VI_LETTERS) else str(n)
        return letter.upper() if style == "upper_letter" else letter
    if "." in like:
        return like.rsplit(".", 1)[0] + f".{n}"
    if style == "article":
        return f"Điều {n}"
    if style in ("part", "chapter"):
        return f"{like.split()[0]} {_expected_label('roman', n, '')}"
    return str(n)


def _sequence(items: list[Section], parent: Section | None) -> Iterator[Hit]:
    prev: Section | None = None
    seen: set[str] = set()
    for s in items:
        k = ordinal(s)
        if k is None:
            prev = s
            continue
        if s.style.startswith("arabic") and "." in s.label and parent is not None and parent.style.startswith("arabic"):
            want = parent.label + "."
            if not s.label.startswith(want):
                yield Hit(s.span, {"label": s.label, "parent": parent.label}, variant="prefix")
        if prev is None:
            if k != 1:
                yield Hit(s.span, {"label": s.label, "expected": _expected_label(s.style, 1, s.label)}, variant="start")
        else:
            pk = ordinal(prev)
            if pk is not None:
                if s.label in seen:
                    yield Hit(s.span, {"label": s.label}, variant="repeat")
                elif k < pk:
                    yield Hit(s.span, {"label": s.label, "prev": prev.label}, variant="order")
                elif k > pk + 1:
                    missing = ", ".join(_expected_label(s.style, j, s.label) for j in range(pk + 1, k))
                    yield Hit(s.span, {"label": s.label, "prev": prev.label, "missing": missing}, variant="gap")
        seen.add(s.label)
        prev = s


_REQUIRED = (
    ("purpose", ("purpose_requirements", "purpose", "requirements"), "Mục đích, yêu cầu", "Purpose and requirements"),
    ("content", ("content",), "Nội dung", "Content"),
    ("implementation", ("implementation",), "Tổ chức thực hiện", "Implementation"),
)


@rule(
    "F111",
    "error",
    name="required-parts",
    part="body",
    vi="Kế hoạch thiếu phần “{part}”.",
    en="The plan has no “{part_en}” part ({part}).",
    source=None,
    examples=(
        "KẾ HOẠCH …\nI. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG",
        "KẾ HOẠCH …\nI. MỤC ĐÍCH, YÊU CẦU\nII. NỘI DUNG\nIII. TỔ CHỨC THỰC HIỆN",
    ),
)
def required_parts(ctx: Context) -> Iterator[Hit]:
    """A Kế hoạch needs Mục đích/Yêu cầu, Nội dung and Tổ chức thực hiện."""
    plan = ctx.plan
    if plan.header.doc_type != "Kế hoạch":
        return
    roles = {s.role for s in plan.walk()}
    where = plan.header.doc_type_text.span if plan.header.doc_type_text else None
    for _key, wanted, vi, en in _REQUIRED:
        if not roles.intersection(wanted):
            yield Hit(where, {"part": vi, "part_en": en})
