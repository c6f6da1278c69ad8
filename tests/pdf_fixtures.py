"""A tiny PDF writer for tests: pages of positioned lines in Helvetica (ASCII text only)."""

from __future__ import annotations


def simple_pdf(pages: list[list[tuple[float, float, str]]], *, width: float = 595, height: float = 842,
               size: float = 12) -> bytes:
    """A PDF whose pages hold the given (x, y, text) lines, y measured from the bottom."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    return _finish(objects, add, font, pages, escape, width=width, height=height, size=size)


def unicode_pdf(pages: list[list[tuple[float, float, str]]], *, width: float = 595, height: float = 842,
                size: float = 12, base_font: str = "Helvetica") -> bytes:
    """Like :func:`simple_pdf`, for any Unicode text: one-byte codes mapped back by a ToUnicode CMap.

    The glyphs drawn are meaningless (no font is embedded); what a text extractor reads is exact.
    """
    chars = sorted({c for lines in pages for _x, _y, t in lines for c in t if not (" " <= c <= "~")})
    free = [c for c in range(128, 256)] + [c for c in range(1, 32) if c not in (9, 10, 12, 13)]
    if len(chars) > len(free):
        raise ValueError("too many distinct characters for a one-byte font")
    code = {c: free[k] for k, c in enumerate(chars)}
    code.update({chr(c): c for c in range(32, 127)})
    cmap_lines = [f"<{code[c]:02X}> <{ord(c):04X}>" for c in sorted(code, key=code.get)]  # type: ignore[arg-type]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /VN def "
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            + "".join(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
                      for chunk in (cmap_lines[i:i + 100] for i in range(0, len(cmap_lines), 100)))
            + "endcmap CMapName currentdict /CMap defineresource pop end end").encode()

    def encode(text: str) -> str:
        out = []
        for c in text:
            b = code[c]
            out.append("\\" + format(b, "03o") if b < 32 or b > 126 or chr(b) in "()\\" else chr(b))
        return "".join(out)

    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    widths = " ".join("250" if c == 32 else "500" for c in range(256))
    font = add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base_font} /FirstChar 0 /LastChar 255 "
               f"/Widths [{widths}] /ToUnicode {tounicode} 0 R >>".encode())
    return _finish(objects, add, font, pages, encode, width=width, height=height, size=size)


def _finish(objects: list[bytes], add, font: int, pages: list[list[tuple[float, float, str]]], encode, *,  # type: ignore[no-untyped-def]
            width: float, height: float, size: float) -> bytes:
    """Add the pages (one content stream each), the page tree and the catalog; serialise with an xref."""
    pages_id = len(objects) + 1 + 2 * len(pages)  # objects so far, then (content, page)*, then pages
    page_ids = []
    for lines in pages:
        ops = [f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({encode(t)}) Tj ET" for x, y, t in lines]
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width} {height}] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()))
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()) == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def raw_pdf(contents: list[bytes], *, page_extra: str = "", resources_extra: str = "", more: list[bytes] = (),
            compress: bool = False) -> bytes:
    """A PDF built from raw content streams (one page each), for crafted and hostile inputs.

    Objects: 1 the font (Helvetica, as ``/F1``), 2 the page tree, 3 the catalog, then a content
    stream and a page per entry of ``contents``; ``more`` objects follow, numbered from
    ``4 + 2 * len(contents)``. ``page_extra`` goes into every page dictionary, ``resources_extra``
    into every page's resources.
    """
    import zlib

    def stream(data: bytes, extra: str = "") -> bytes:
        if compress:
            data = zlib.compress(data)
            extra += " /Filter /FlateDecode"
        return b"<< /Length %d%s >>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"

    objects: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", b"", b""]
    kids = []
    for data in contents:
        objects.append(stream(data))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> "
                       f"{resources_extra} >> /Contents {len(objects)} 0 R {page_extra} >>".encode())
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    objects[2] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects.extend(more)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 3 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def form_stream(ops: bytes, resources: str = "") -> bytes:
    """A Form XObject (for ``raw_pdf(more=...)``) drawing ``ops`` with the given resources."""
    return (b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> %s >> "
            b"/Length %d >>\nstream\n" % (resources.encode(), len(ops)) + ops + b"\nendstream")


def text_ops(lines: list[str], *, x: float = 72, top: float = 800, step: float = 16) -> bytes:
    """Content-stream operators drawing ASCII ``lines`` one under the other in ``/F1``."""
    def esc(t: str) -> str:
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    return "\n".join(f"BT /F1 12 Tf 1 0 0 1 {x} {top - step * k} Tm ({esc(t)}) Tj ET"
                     for k, t in enumerate(lines)).encode("latin-1")


def scanned_pdf(pages: int = 1, *, size: int = 64) -> bytes:
    """A scan as offices publish one: every page is one grey image drawn over the whole A4 page,
    with no text layer (what ``qd_729_ttg.pdf`` and ``nq_115_ba_vi.pdf`` of the shared corpus are)."""
    import zlib

    rows = bytes((17 * x + 31 * y) % 256 for y in range(size) for x in range(size))
    data = zlib.compress(rows)
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (size, size, len(data))
             + data + b"\nendstream")
    number = 4 + 2 * pages  # the first object after the pages (see raw_pdf)
    draw = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    return raw_pdf([draw] * pages, resources_extra=f"/XObject << /Im1 {number} 0 R >>", more=[image])
