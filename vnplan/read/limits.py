"""Reading limits: how much of any input vnplan reads, in one place (see docs/reading.md, "Limits").

Files come from other offices and, soon, from uploads: a few KB can ask for gigabytes of
labels or hours of work. Every reader counts what it reads against these limits *while* it
reads, so time and memory stay proportional to what is allowed, never to what a file claims.
A real plan stays far below every limit (a 50-page plan: ~150 000 characters, ~1 000
paragraphs, ~2 000 runs, ~30 000 XML tags).

Two kinds of limits:

* **hard limits**: past them the input is refused with :class:`LimitExceededError`, whose
  one-line message names the limit and says what to do;
* **Word's own ranges** (numbering values, label length, level references): values past them
  are brought back into range, as Word shows them, and a warning says so. They never refuse
  a document.
"""

from __future__ import annotations

from vnplan.errors import LimitExceededError

# --------------------------------------------------------------------------- hard limits (an error past them)

#: Bytes read from one input: a file, standard input or a device (``/dev/zero`` is read only this far).
MAX_INPUT_BYTES = 100 * 1024 * 1024
#: Characters of text in one document, whatever the format (about 600 pages of plan text).
MAX_TEXT_CHARS = 2_000_000
#: Source lines of a text or Markdown input, or of a PDF's text layer.
MAX_LINES = 200_000
#: Paragraphs of one document: ``w:p`` elements of a .docx, blocks of any reader.
MAX_PARAGRAPHS = 50_000
#: Runs (``w:r``) of one .docx.
MAX_RUNS = 200_000
#: Markup tags (``<``) in one .docx part, checked before the part is parsed (lxml needs ~150 bytes an element).
MAX_XML_TAGS = 1_000_000
#: Depth of a style's ``basedOn`` chain (Word's own style sheets go 3 or 4 deep).
MAX_STYLE_DEPTH = 100
#: Pages of one PDF.
MAX_PDF_PAGES = 2_000
#: Indirect objects of one PDF (cross-reference entries).
MAX_PDF_OBJECTS = 500_000
#: Decoded content-stream bytes of one PDF page, its Form XObjects included, checked before parsing.
MAX_PDF_PAGE_CONTENT_BYTES = 1_000_000
#: Content-stream operators run while reading one page (forms drawn included).
MAX_PDF_PAGE_OPERATORS = 60_000
#: Content-stream operators run while reading the whole PDF.
MAX_PDF_OPERATORS = 2_000_000
#: Seconds LibreOffice may take to convert one .doc, .rtf, .odt or .wps file (a real one takes a few;
#: its first start on a slow machine up to about 20).
MAX_CONVERT_SECONDS = 120

# --------------------------------------------------------------------------- ranges (brought back, with a warning)

#: Largest numbering value (``w:start``, ``w:startOverride``); Word's range is 0–32767.
MAX_NUMBER_VALUE = 32767
#: Longest automatic-number label; longer labels are cut.
MAX_LABEL_CHARS = 64
#: Level references (``%1``…``%9``) expanded in one ``w:lvlText``; later ones are dropped.
MAX_LEVEL_REFS = 9
#: Form XObjects drawn while reading one PDF page; further forms are skipped (pypdf's own limit, lowered).
MAX_PDF_FORM_DRAWS = 500
#: Annotations per PDF page whose appearance is read for number and date stamps.
MAX_PDF_ANNOTATIONS = 500
#: Emphasis delimiter runs (``*``, ``_``) handled in one Markdown line; later ones stay as typed.
MAX_MARKDOWN_DELIMITERS = 10_000


def exceeded(what: str, limit: int, const: str, *, path: str | None, found: str | None = None,
             hint: str | None = None) -> LimitExceededError:
    """The error for one limit, one line: ``FILE: too many paragraphs: over the limit of 50000
    (vnplan.read.limits.MAX_PARAGRAPHS) (what to do)``."""
    told = f"{found}, over the limit of {limit}" if found else f"over the limit of {limit}"
    return LimitExceededError(
        f"{what}: {told} (vnplan.read.limits.{const})", path=path,
        hint=hint or "split the document, or save it again from Word; real plans stay far below this limit",
    )


class Budget:
    """Counts what one read has taken (characters, paragraphs, runs, lines) against the limits."""

    __slots__ = ("path", "chars", "paragraphs", "runs", "lines")

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.chars = 0
        self.paragraphs = 0
        self.runs = 0
        self.lines = 0

    def add_chars(self, n: int) -> None:
        self.chars += n
        if self.chars > MAX_TEXT_CHARS:
            raise exceeded("too much text", MAX_TEXT_CHARS, "MAX_TEXT_CHARS", path=self.path)

    def add_paragraph(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise exceeded("too many paragraphs", MAX_PARAGRAPHS, "MAX_PARAGRAPHS", path=self.path)

    def add_run(self) -> None:
        self.runs += 1
        if self.runs > MAX_RUNS:
            raise exceeded("too many text runs", MAX_RUNS, "MAX_RUNS", path=self.path)

    def add_lines(self, n: int) -> None:
        self.lines += n
        if self.lines > MAX_LINES:
            raise exceeded("too many lines", MAX_LINES, "MAX_LINES", path=self.path)


def check_text(text: str, *, path: str | None) -> None:
    """Refuse a text longer than :data:`MAX_TEXT_CHARS` before any per-line work starts."""
    if len(text) > MAX_TEXT_CHARS:
        raise exceeded("too much text", MAX_TEXT_CHARS, "MAX_TEXT_CHARS", path=path, found=f"{len(text)} characters")


INPUT_HINT = "vnplan reads documents, not archives or disk images; split the file"


def check_input_bytes(n: int, *, path: str | None) -> None:
    if n > MAX_INPUT_BYTES:
        raise exceeded("input too large", MAX_INPUT_BYTES, "MAX_INPUT_BYTES", path=path, found=f"{n} bytes",
                       hint=INPUT_HINT)
