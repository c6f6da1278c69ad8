"""Text that still looks scrambled after reading (chữ bị xáo trộn): found, counted and warned of, never checked silently.

A PDF whose letters come from two fonts can give words cut where a letter is missing
(``C NG HÒA``, ``Th c hi n``), the missing letters glued to the end of the line
(``VI T NAMỘ Ộ Ủ Ệ``, ``DÂNỦ``); a page drawn as one line loses every line break. vnplan puts
what it can back in order (read/pdf_pieces.py); what still looks like this is counted here and
becomes a warning of the document, so a check of such text never passes unremarked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from vnplan.text import is_syllable

#: Vietnamese toned letters outside Latin-1 and Latin Extended (the ones a font lacking Vietnamese
#: support takes from a fallback font): U+1EA0–U+1EF9.
_TONED_FIRST, _TONED_LAST = "\u1ea0", "\u1ef9"
_VOWELS = frozenset("aeiouyăâêôơưAEIOUYĂÂÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")
#: Fewer signs than this in a document are taken for typing slips.
MIN_SIGNS = 3
#: Share of the words that must show a sign (with at least MIN_SIGNS of them).
MIN_SHARE = 0.004


def _toned(c: str) -> bool:
    return _TONED_FIRST <= c <= _TONED_LAST


@lru_cache(maxsize=65536)
def _kind(w: str) -> int:
    """What one word (letters only) is: 1 a toned letter standing alone, 2 a sign, 0 an ordinary word."""
    if len(w) == 1 and _toned(w):
        return 1
    if _VOWELS.isdisjoint(w):
        # ``Th``, ``c``, ``ng``; not an abbreviation with capitals inside (``CTr``, ``TTr``: Phụ lục III)
        return 2 if len(w) <= 3 and not w.isupper() and not any(c.isupper() for c in w[1:]) else 0
    if _toned(w[-1]) and len(w) > 1:
        k = len(w) - 1
        while k > 0 and _toned(w[k - 1]):
            k -= 1
        # ``chủ``, ``kế``: the toned vowel follows an onset (no vowel before it), the common case
        if k and not _VOWELS.isdisjoint(w[:k]) and not is_syllable(w) and is_syllable(w[:k]):
            return 2
    return 0


def _signs_and_words(text: str) -> tuple[int, int]:
    """(:func:`signs`, :func:`words`) of ``text`` in one pass; each distinct word is judged once."""
    count = n_words = lone_run = 0
    for w in text.split():
        if not w.isalpha():
            lone_run = 0
            continue
        n_words += 1
        kind = _kind(w)
        if kind == 1:
            lone_run += 1
            if lone_run >= 2:
                count += 1 + (lone_run == 2)  # the first of the run counts once the run is seen
            continue
        lone_run = 0
        if kind:
            count += 1
    return count, n_words


def signs(text: str) -> int:
    """How many words of ``text`` look cut or glued by a scrambled extraction.

    Counted: a short lower-case run of consonants standing alone (``Th c hi n``: ``Th``, ``c``, ``n``);
    two or more toned letters standing alone one after the other (``Ộ Ộ Ủ Ệ``); a word that
    is no syllable but a syllable followed by toned letters (``NAMỘ``, ``DÂNỦ``). Words next
    to punctuation or digits (list labels ``c)``, units ``m2``) are not words here, and
    abbreviations with capitals inside (``CTr``, ``TTr``) do not count.
    """
    return _signs_and_words(text)[0]


def words(text: str) -> int:
    """How many words (letters only, between spaces) ``text`` holds."""
    return sum(1 for w in text.split() if w.isalpha())


def scrambled_share(texts: Iterable[str]) -> tuple[int, int]:
    """(signs, words) over ``texts``.

    Each distinct word is judged once for the whole document: words and cut words add up over
    the texts. Toned letters standing alone count only two or more in a row within one text;
    when some stand in a row (a rare document: a scrambled one), the texts are read word by word.
    """
    texts = list(texts)
    words = _joined_words(texts)
    return _sign_count(words, texts), _word_count(words)


def _joined_words(texts: list[str]) -> list[str]:
    return " \x00 ".join(texts).split()  # "\x00": no word, so no row of letters runs across two texts


def _word_count(words: list[str]) -> int:
    return sum(map(str.isalpha, words))


#: More distinct sign words than this, and they are counted in one pass (a scrambled document) rather than
#: one ``list.count`` each.
_FEW_SIGN_WORDS = 8


#: Words known to be neither signs nor lone toned letters (ordinary words, and words with a digit or a
#: mark), kept across documents so that a document's distinct words are judged by one set difference;
#: bounded: emptied when it holds :data:`_PLAIN_MAX` words.
_PLAIN: set[str] = set()
_PLAIN_MAX = 65536


def _sign_count(words: list[str], texts: list[str]) -> int:
    """The signs among ``words`` (the words of ``texts``): each distinct word judged once (a word met in an
    earlier document and found plain is not judged again), the few that are signs then counted (an
    ordinary document has none or almost none)."""
    signs: list[str] = []
    lone: set[str] = set()
    fresh = set(words).difference(_PLAIN)  # walks the document's words (``-=`` may walk all of _PLAIN's)
    if len(_PLAIN) + len(fresh) > _PLAIN_MAX:
        _PLAIN.clear()
    for w in fresh:
        kind = _kind(w) if w.isalpha() else 0
        if kind == 1:
            lone.add(w)
        elif kind:
            signs.append(w)
        else:
            _PLAIN.add(w)
    if lone and _two_in_a_row(words, lone):
        return _share_in_order(texts)[0]
    if len(signs) > _FEW_SIGN_WORDS:
        counts = Counter(words)
        return sum(counts[w] for w in signs)
    return sum(words.count(w) for w in signs)


def _two_in_a_row(words: list[str], lone: set[str]) -> bool:
    """Whether two words of ``lone`` stand one after the other in ``words``: each place of a lone word found
    by ``list.index`` (a scan in C), its next word looked at; such words are few (``ở`` in most texts)."""
    last = len(words) - 1
    for w in lone:
        i = -1
        while True:
            try:
                i = words.index(w, i + 1)
            except ValueError:
                break
            if i < last and words[i + 1] in lone:
                return True
    return False


def _share_in_order(texts: list[str]) -> tuple[int, int]:
    n_signs = n_words = 0
    for t in texts:
        a, b = _signs_and_words(t)
        n_signs += a
        n_words += b
    return n_signs, n_words


def one_line_warning(pages: list[int]) -> str:
    """The warning for PDF pages whose whole text is drawn as one line (1-based page numbers)."""
    shown = ", ".join(map(str, pages[:10])) + (", …" if len(pages) > 10 else "")
    return (f"chữ của trang {shown} nằm trên một dòng duy nhất: mất hết chỗ xuống dòng, các phần của văn bản "
            f"có thể bị đọc sai; hãy đối chiếu với bản gốc / the text of page(s) {shown} is drawn as one line: its "
            f"line breaks are lost and the parts of the document may be read wrong; compare it with the original")


def warning(texts: Iterable[str], *, where: str = "") -> str | None:
    """The warning for text that looks scrambled (``None`` when it does not)."""
    texts = list(texts)
    words = _joined_words(texts)
    n_signs = _sign_count(words, texts)
    if n_signs < MIN_SIGNS:  # the words are counted only for a document with signs enough
        return None
    n_words = _word_count(words)
    if n_signs < MIN_SHARE * n_words:
        return None
    at = f" ({where})" if where else ""
    return (f"chữ trích ra có vẻ bị xáo trộn{at}: {n_signs} từ bị cắt hoặc dính chữ (như \"C NG\", \"NAMỘ\"); "
            f"hãy đối chiếu với bản gốc / the extracted text looks scrambled{at}: {n_signs} word(s) cut or "
            f"glued (like \"C NG\", \"NAMỘ\"); compare it with the original before relying on the check")


__all__ = ["MIN_SHARE", "MIN_SIGNS", "one_line_warning", "scrambled_share", "signs", "warning", "words"]
