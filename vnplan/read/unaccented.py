"""Text typed without Vietnamese diacritics (văn bản không dấu): found and warned of, never checked silently.

``UY BAN NHAN DAN``, ``Cong hoa xa hoi chu nghia Viet Nam``, ``ngay 05 thang 02 nam 2024``:
a plan typed without its tone marks (or a copy that lost them in a conversion) matches none of
the words vnplan reads a plan by, so its header fields, its parts and its requirements would
come out empty. Such text is not guessed at; the document gets a warning that says so, and a
check of it never passes unremarked.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Letters in a document below which it is too short to judge.
MIN_LETTERS = 200
#: Share of a document's letters outside ASCII below which it is taken as typed without diacritics
#: (Vietnamese prose has about a third of its letters outside ASCII; a plan's digits, codes and
#: abbreviations lower that, never to 2%).
MAX_SHARE = 0.02


def share(text: str) -> tuple[int, float]:
    """(letters, the share of them outside ASCII) of ``text``."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 0, 0.0
    other = sum(1 for c in text if c >= "\x80" and c.isalpha())
    return letters, other / letters


def warning(texts: Iterable[str]) -> str | None:
    """The warning for a document whose letters are almost all without diacritics (``None`` when not)."""
    text = "\n".join(texts)
    if not text.isascii() and len(text.encode("utf-8", "surrogatepass")) - len(text) > MAX_SHARE * 2 * len(text):
        return None  # letters outside ASCII aplenty: the common case, decided without counting
    letters, other = share(text)
    if letters < MIN_LETTERS or other >= MAX_SHARE:
        return None
    return ("văn bản gần như không có dấu tiếng Việt (gõ không dấu hoặc mất dấu khi chuyển đổi): các thông tin "
            "phần đầu và các phần của văn bản có thể không đọc được; hãy dùng bản có dấu / the text has almost no "
            "Vietnamese diacritics (typed without them, or lost in a conversion): the header fields and the parts "
            "of the document may not be read; use the original with its diacritics")


__all__ = ["MAX_SHARE", "MIN_LETTERS", "share", "warning"]
