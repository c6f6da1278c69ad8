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
    """A .docx of ``text``, one paragraph per non-blank line, laid out as Decree 30/2020 asks.

    A4 paper, margins 20/20/30/15 mm, Times New Roman; sizes, bold and italic of each part
    (authorities, Quốc hiệu and Tiêu ngữ, number, place and date, type and title, part
    headings, "Nơi nhận", recipients, signature) as in Phụ lục I, so that the form rules
    find nothing a clerk would have to fix.
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    normal = d.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")

    lines = [ln for ln in text.splitlines() if ln.strip()]
    motto = next(i for i, ln in enumerate(lines) if ln.startswith("CỘNG HÒA"))
    recipients = signature = len(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("Nơi nhận"):
            recipients = i
        if ln.startswith(("KT.", "TM.", "TL.")):
            signature = i
    for i, ln in enumerate(lines):
        size, bold, italic, center = 14, False, False, False
        if i < motto:  # issuing authorities: the parent in regular type, the issuer in bold
            size, bold, center = 13, not (i == 0 and motto > 1 and ln.startswith("UBND")), True
        elif i == motto:
            size, bold, center = 13, True, True
        elif ln.startswith("Độc lập"):
            bold, center = True, True
        elif ln.startswith("Số:"):
            size, center = 13, True
        elif ln.startswith("Bắc Giang, ngày"):
            italic = True
        elif ln.startswith("KẾ HOẠCH") or (regex_roman(ln) and i < recipients):
            bold, center = True, ln.startswith("KẾ HOẠCH")
        elif i == recipients:
            size, bold, italic = 12, True, True
        elif recipients < i < signature:
            size = 11
        elif i >= signature:
            bold, center = True, True
        para = d.add_paragraph()
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(ln)
        run.font.name, run.font.size, run.font.bold, run.font.italic = "Times New Roman", Pt(size), bold, italic
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def regex_roman(line: str) -> bool:
    """A part heading numbered with a roman numeral: ``II. NỘI DUNG TUYÊN TRUYỀN``."""
    head = line.split(".", 1)[0]
    return bool(head) and len(head) <= 4 and set(head) <= set("IVX") and "." in line


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


# --------------------------------------------------------------------------- the test corpus

#: Units expected to issue a plan, as a clerk would type them (case, abbreviations, old tone marks).
EXPECTED_UNITS_CSV = """Tên đơn vị
Sở Tư pháp
Sở Nội vụ
Sở KH&CN
Sở Tài chính tỉnh Bắc Giang
UBND huyện Tân Yên
Uỷ ban nhân dân huyện Hiệp Hoà
Ủy ban nhân dân thành phố Bắc Giang
Sở Ngoại vụ
"""
#: Those of EXPECTED_UNITS_CSV with no readable plan citing 14/KH-UBND in the corpus.
EXPECTED_MISSING = ["UBND huyện Tân Yên", "Uỷ ban nhân dân huyện Hiệp Hoà", "Sở Ngoại vụ"]


def corpus_kind(u: int) -> str:
    """The kind of unit ``u``'s first plan: 15 good, 5 wrong dates, 2 without the parent, 3 with an error."""
    return "good" if u < 15 else "wrong_date" if u < 20 else "no_parent" if u < 22 else "no_implementation"


def build_corpus(root: Path, *, docx_reader: bool) -> dict[str, dict[str, object]]:
    """Write the batch test corpus (55 plan files, 3 of them broken, and files a walk must skip).

    Returns, per path relative to ``root`` (with ``/``), what the batch must say about it:
    ``unit``, ``status`` (ok, fail, error), ``cites_parent``, ``wrong_date``, ``variant``.
    ``docx_reader`` says whether this installation reads .docx (until it does, every .docx
    is an error row).
    """
    base = reference_text()
    expected: dict[str, dict[str, object]] = {}

    def add(rel: str, v: Variant | None, fmt: str, status: str | None = None) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if v is not None:
            text = variant_text(v, base)
            if fmt == "docx":
                path.write_bytes(docx_bytes(text))
            else:
                path.write_text(text, encoding="utf-8")
        readable = v is not None and (fmt != "docx" or docx_reader)
        expected[rel] = {
            "unit": v.unit if readable and v is not None else Path(rel).stem,
            "status": status or ("error" if not readable else "fail" if v is not None and v.has_error else "ok"),
            "cites_parent": bool(readable and v is not None and v.cites_parent),
            "wrong_date": bool(readable and v is not None and v.kind == "wrong_date"),
            "variant": v,
        }

    for u in range(len(UNITS)):
        folder = "so" if UNITS[u][0] else "huyen"
        add(f"{folder}/{u:02d}-{UNITS[u][3].lower()}.txt",
            Variant(name="", unit_index=u, kind=corpus_kind(u), number=100 + u, day=1 + u), "txt")
    for u in range(10):  # revisions: a later plan of the same unit
        add(f"revisions/{u:02d}-rev.txt", Variant(name="", unit_index=u, kind="good", number=200 + u, day=2, month=3),
            "txt")
    for u in range(12):
        add(f"docx/{u:02d}.docx", Variant(name="", unit_index=u, kind="good", number=300 + u, day=3, month=4), "docx")
    for u in range(12, 17):
        add(f"md/{u:02d}.md", Variant(name="", unit_index=u, kind="good", number=400 + u, day=4, month=5), "md")
    # broken files: a truncated .docx and an empty text file
    broken = docx_bytes(variant_text(Variant(name="", unit_index=0, kind="good", number=999, day=9), base))
    (root / "broken").mkdir(exist_ok=True)
    (root / "broken" / "truncated.docx").write_bytes(broken[: len(broken) // 2])
    expected["broken/truncated.docx"] = {"unit": "truncated", "status": "error", "cites_parent": False,
                                         "wrong_date": False, "variant": None}
    (root / "broken" / "empty.txt").write_bytes(b"")
    expected["broken/empty.txt"] = {"unit": "empty", "status": "error", "cites_parent": False,
                                    "wrong_date": False, "variant": None}
    (root / "broken" / "scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")  # no text, no xref
    expected["broken/scan.pdf"] = {"unit": "scan", "status": "error", "cites_parent": False,
                                   "wrong_date": False, "variant": None}
    # a file vnplan cannot read is a row too, saying why (an image: OCR first)
    (root / "khac").mkdir(exist_ok=True)
    (root / "khac" / "anh-chup.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64))
    expected["khac/anh-chup.jpg"] = {"unit": "anh-chup", "status": "error", "cites_parent": False,
                                     "wrong_date": False, "variant": None}
    (root / "khac" / "notes.csv").write_text("not a plan\n", encoding="utf-8")
    expected["khac/notes.csv"] = {"unit": "notes", "status": "error", "cites_parent": False,
                                  "wrong_date": False, "variant": None}
    # files a walk must skip: hidden files and folders, Office lock and temporary files, folder litter
    for litter in ("Thumbs.db", "desktop.ini", ".DS_Store", "~WRL0001.tmp"):
        (root / "khac" / litter).write_bytes(b"\x00litter")
    (root / ".hidden.txt").write_text(variant_text(Variant("", 0, "good", 1, 1), base), encoding="utf-8")
    (root / "docx" / "~$00.docx").write_bytes(b"lock")
    (root / ".cache").mkdir(exist_ok=True)
    (root / ".cache" / "copy.txt").write_text("x", encoding="utf-8")
    return expected
