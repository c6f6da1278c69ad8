"""Guards for untrusted Office files: zip bombs, XML entities and DTDs, OLE containers, broken zips.

Everything here works in memory: nothing is ever extracted or written to disk.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

from vnplan.errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    UnsafeFileError,
    UnsupportedFormatError,
)
from vnplan.read import limits
from vnplan.read.kinds import OLE_MAGIC, is_encrypted_ole, ole_stream_names  # noqa: F401  (ole_stream_names: where it was)
from vnplan.read.limits import exceeded

#: Largest total of uncompressed XML (and .rels) parts a package may declare, in bytes.
#: A ten-page plan holds well under 1 MB of XML; the limit only stops zip bombs.
MAX_XML_BYTES = 200 * 1024 * 1024
#: Most entries a package may hold (a real .docx has a few dozen).
MAX_ENTRIES = 10_000

ZIP_MAGIC = b"PK\x03\x04"

CONVERT_HINT = ("read it with vnplan.read(), which converts .doc files with LibreOffice, or open it in Word and "
                "save it as .docx")

# The only XML parser vnplan uses on package parts: no DTD loading, no entity resolution,
# no network; and a document that declares a DOCTYPE at all is refused (see parse_xml).
# lxml is imported with the first part parsed (a lazy import, docs/design.md): vnplan.read
# imports this module for every file, and plain text never needs an XML parser.
@cache
def _parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def parse_xml(data: bytes, *, part: str, path: str | None) -> etree._Element:
    """Parse one package part safely; a DOCTYPE is refused, malformed XML is a CorruptFileError."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnsafeFileError(
            f"the part {part} declares a DTD or entities, which vnplan never loads", path=path,
            hint="Word never writes these; the file was crafted or damaged",
        )
    from lxml import etree

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in (exc.msg or ""):
            raise UnsafeFileError(f"the part {part} nests elements more than 256 levels deep", path=path,
                                  hint="Word never writes such files; the file was crafted or damaged") from None
        raise CorruptFileError(f"malformed XML in {part} ({exc.msg})", path=path,
                               hint="open and re-save it in Word") from None
    if root is None:
        raise CorruptFileError(f"the part {part} is empty", path=path)
    docinfo = root.getroottree().docinfo
    if getattr(docinfo, "doctype", None) or docinfo.internalDTD is not None:
        raise UnsafeFileError(f"the part {part} declares a DTD, which vnplan never loads", path=path)
    return root


def classify_ole(data: bytes, *, path: str | None) -> None:
    """Raise the right error for an OLE compound file: encrypted OOXML or legacy binary Office."""
    if is_encrypted_ole(data):
        raise EncryptedFileError(
            "the file is password-protected (an encrypted Office document)", path=path,
            hint="open it in Word, remove the password (File > Info > Protect Document) and save it again",
        )
    raise UnsupportedFormatError(
        "this is a legacy binary Word .doc (OLE compound file), not a .docx",
        path=path, hint=CONVERT_HINT,
    )


# Strict Open XML namespaces and their transitional twins (ECMA-376 Part 1 and Part 4).
_STRICT_NAMESPACES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
)


class Package:
    """A zip package opened in memory, whose parts are read within the XML budget."""

    def __init__(self, data: bytes, *, path: str | None, max_xml_bytes: int | None = None) -> None:
        self.path = path
        limit = MAX_XML_BYTES if max_xml_bytes is None else max_xml_bytes
        if not data:
            raise EmptyInputError("the file is empty (0 bytes)", path=path)
        if data.startswith(OLE_MAGIC):
            classify_ole(data, path=path)
        if not data.startswith(ZIP_MAGIC):
            raise CorruptFileError("not a zip package (a .docx is a zip archive)", path=path,
                                   hint="the file may be truncated or of another format")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise CorruptFileError(f"broken or truncated zip archive ({exc})", path=path,
                                   hint="download or copy the file again") from None
        if len(infos) > MAX_ENTRIES:
            raise UnsafeFileError(f"the archive holds {len(infos)} entries (limit {MAX_ENTRIES})", path=path)
        self._infos = {i.filename: i for i in infos}
        declared = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
        if declared > limit:
            raise UnsafeFileError(
                f"the archive would inflate to {declared} bytes of XML (limit {limit}): a zip bomb?",
                path=path, hint="vnplan.read.safety.MAX_XML_BYTES sets the limit",
            )
        self._budget = limit

    def has(self, name: str) -> bool:
        return name in self._infos

    def names(self) -> list[str]:
        return list(self._infos)

    def read(self, name: str) -> bytes:
        """The bytes of one part; never more than its declared size, never past the budget."""
        info = self._infos[name]
        if info.file_size > self._budget:
            raise UnsafeFileError(f"the part {name} would exceed the XML budget", path=self.path)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise CorruptFileError(f"cannot inflate {name} ({exc})", path=self.path,
                                   hint="download or copy the file again") from None
        except RuntimeError as exc:  # zipfile raises this for encrypted entries
            raise EncryptedFileError(f"the part {name} is encrypted ({exc})", path=self.path) from None
        if len(data) > info.file_size:
            raise UnsafeFileError(f"the part {name} inflates past its declared size", path=self.path)
        self._budget -= len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.xml_bytes(name), part=name, path=self.path)

    def xml_bytes(self, name: str) -> bytes:
        """The bytes of an XML part as :meth:`xml` parses them: within the markup limit, Strict
        Open XML namespaces turned into their transitional twins."""
        data = self.read(name)
        # Every element costs lxml ~150 bytes: count the markup before building the tree (XML text
        # escapes "<", so each one opens a tag, a comment or a processing instruction); a part no
        # longer than the limit cannot hold more tags than it has bytes, and is not counted.
        tags = data.count(b"<") if len(data) > limits.MAX_XML_TAGS else 0
        if tags > limits.MAX_XML_TAGS:
            raise exceeded(f"the part {name} holds too much markup", limits.MAX_XML_TAGS, "MAX_XML_TAGS",
                           path=self.path, found=f"{tags} tags")
        if b"purl.oclc.org/ooxml/" in data:  # Strict Open XML: same vocabulary, other namespaces
            for strict, transitional in _STRICT_NAMESPACES:
                data = data.replace(strict, transitional)
        return data
