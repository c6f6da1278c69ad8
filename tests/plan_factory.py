"""Variants of the reference plan for batch tests and the batch benchmark.

Each variant is the reference plan (Sở KH&CN Bắc Giang, 2024) issued by another unit: a
header with the unit's name, its own number and date, and one of a few changes whose effect
on the checks is known: the parent plan (14/KH-UBND of 21/01/2024) cited with its right
date, with a wrong date, not cited at all, or the implementation part left out (an
error-level finding, F111). Files are written as .txt, or as .docx (one paragraph per line)
with python-docx.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).parent / "data" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"
PARENT_CITATION = "Kế hoạch số 14/KH-UBND ngày 21/01/2024"

# (parent authority, authority lines, expected unit as the header gives it, a short code)
UNITS: tuple[tuple[str | None, tuple[str, ...], str, str], ...] = (
    ("UBND TỈNH BẮC GIANG", ("SỞ TƯ PHÁP",), "SỞ TƯ PHÁP", "STP"),
    ("UBND TỈNH BẮC GIANG", ("SỞ NỘI VỤ",), "SỞ NỘI VỤ", "SNV"),
    ("UBND TỈNH BẮC GIANG", ("SỞ KHOA HỌC VÀ CÔNG NGHỆ",), "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "KHCN"),
    ("UBND TỈNH BẮC GIANG", ("SỞ TÀI CHÍNH",), "SỞ TÀI CHÍNH", "STC"),
    ("UBND TỈNH BẮC GIANG", ("SỞ Y TẾ",), "SỞ Y TẾ", "SYT"),
    ("UBND TỈNH BẮC GIANG", ("SỞ GIÁO DỤC VÀ ĐÀO TẠO",), "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"),
    ("UBND TỈNH BẮC GIANG", ("SỞ XÂY DỰNG",), "SỞ XÂY DỰNG", "SXD"),
    ("UBND TỈNH BẮC GIANG", ("SỞ CÔNG THƯƠNG",), "SỞ CÔNG THƯƠNG", "SCT"),
    ("UBND TỈNH BẮC GIANG", ("SỞ GIAO THÔNG VẬN TẢI",), "SỞ GIAO THÔNG VẬN TẢI", "SGTVT"),
    ("UBND TỈNH BẮC GIANG", ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",), "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "STNMT"),
    ("UBND TỈNH BẮC GIANG", ("SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"), "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SLĐTBXH"),
    ("UBND TỈNH BẮC GIANG", ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",), "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SVHTTDL"),
    ("UBND TỈNH BẮC GIANG", ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG",), "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT"),
    ("UBND TỈNH BẮC GIANG", ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ",), "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "SKHĐT"),
    ("UBND TỈNH BẮC GIANG", ("SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"), "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "SNN"),
    ("UBND TỈNH BẮC GIANG", ("THANH TRA TỈNH",), "THANH TRA TỈNH", "TTr"),
    ("UBND TỈNH BẮC GIANG", ("BAN DÂN TỘC",), "BAN DÂN TỘC", "BDT"),
    (None, ("ỦY BAN NHÂN DÂN", "HUYỆN YÊN THẾ"), "ỦY BAN NHÂN DÂN HUYỆN YÊN THẾ", "UBND"),
    (None, ("ỦY BAN NHÂN DÂN", "HUYỆN LỤC NAM"), "ỦY BAN NHÂN DÂN HUYỆN LỤC NAM", "UBND"),
    (None, ("ỦY BAN NHÂN DÂN", "HUYỆN SƠN ĐỘNG"), "ỦY BAN NHÂN DÂN HUYỆN SƠN ĐỘNG", "UBND"),
    (None, ("ỦY BAN NHÂN DÂN", "HUYỆN TÂN YÊN"), "ỦY BAN NHÂN DÂN HUYỆN TÂN YÊN", "UBND"),
    (None, ("ỦY BAN NHÂN DÂN", "HUYỆN HIỆP HÒA"), "ỦY BAN NHÂN DÂN HUYỆN HIỆP HÒA", "UBND"),
    (None, ("ỦY BAN NHÂN DÂN", "HUYỆN LẠNG GIANG"), "ỦY BAN NHÂN DÂN HUYỆN LẠNG GIANG", "UBND"),
    (None, ("ỦY BAN NHÂN DÂN", "THỊ XÃ VIỆT YÊN"), "ỦY BAN NHÂN DÂN THỊ XÃ VIỆT YÊN", "UBND"),
    (None, ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ BẮC GIANG"), "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC GIANG", "UBND"),
)

#: Variant kinds and what they change.
KINDS = ("good", "wrong_date", "no_parent", "no_implementation")


@dataclass(frozen=True)
class Variant:
    name: str  # file name without suffix
    unit_index: int
    kind: str
    number: int
    day: int
    month: int = 2

    @property
    def unit(self) -> str:
        return UNITS[self.unit_index][2]

    @property
    def parent_authority(self) -> str | None:
        return UNITS[self.unit_index][0]

    @property
    def cites_parent(self) -> bool:
        return self.kind in ("good", "wrong_date", "no_implementation")

    @property
    def has_error(self) -> bool:
        return self.kind == "no_implementation"


def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def variant_text(v: Variant, base: str | None = None) -> str:
    """The full text of a variant."""
    base = (base if base is not None else reference_text()).lstrip()
    parent, lines, _unit, code = UNITS[v.unit_index]
    head = ([parent] if parent else []) + list(lines)
    body = base.replace("Số: /KH-KHCN", f"Số: {v.number}/KH-{code}")
    body = body.replace("Bắc Giang, ngày tháng 02 năm 2024", f"Bắc Giang, ngày {v.day:02d} tháng {v.month:02d} năm 2024")
    if v.kind == "wrong_date":
        body = body.replace(PARENT_CITATION, "Kế hoạch số 14/KH-UBND ngày 12/01/2024")
    elif v.kind == "no_parent":
        body = body.replace(PARENT_CITATION, "Kế hoạch số 20/KH-UBND ngày 01/02/2024")
    elif v.kind == "no_implementation":
        start = body.index("IV. TỔ CHỨC THỰC HIỆN")
        end = body.index("Nơi nhận:")
        body = body[:start] + body[end:]
    header = "\n".join(head) + "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    return header + body


def docx_bytes(text: str) -> bytes:
    """A .docx of ``text``, one paragraph per non-blank line."""
    import docx

    d = docx.Document()
    for line in text.splitlines():
        if line.strip():
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def variants(n: int) -> Iterator[Variant]:
    """``n`` variants cycling through units and kinds (deterministic)."""
    for i in range(n):
        u = i % len(UNITS)
        kind = KINDS[(i // len(UNITS) + (u % 3 == 0 and i >= len(UNITS))) % len(KINDS)]
        yield Variant(name=f"plan-{i:04d}", unit_index=u, kind=kind, number=10 + i, day=1 + i % 28)


def write_plan(folder: Path, v: Variant, fmt: str, base: str | None = None) -> Path:
    text = variant_text(v, base)
    if fmt == "docx":
        p = folder / f"{v.name}.docx"
        p.write_bytes(docx_bytes(text))
    else:
        p = folder / f"{v.name}.{fmt}"
        p.write_text(text, encoding="utf-8")
    return p
