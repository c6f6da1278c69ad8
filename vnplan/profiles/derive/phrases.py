"""Evidence phrases cut from an item's words (cụm từ bằng chứng): short, specific, or beside the parent's subject.

An item's text is cut into clauses (``;``, sentence ends) and each clause into chunks (commas,
``và``, brackets; a quoted name stays whole). A chunk drops the verbs and fillers it starts with
(``Tiếp tục đẩy mạnh``, ``các``), its tail after a purpose or an elaboration (``nhằm``,
``trọng tâm là``), and, when long, what follows a preposition (``của``, ``về``…). Dates,
figures and citations' dates are left out; ``Nghị quyết số 18-NQ/TW`` becomes ``Nghị quyết
18-NQ/TW`` (plans cite with and without ``số``). Each chunk is then judged (``words.py``): the
specific ones are the synonyms of the requirement; when none is, the common ones are, and the
parent's subject becomes a second group, so a plan on another subject cannot meet it.
"""

from __future__ import annotations

from functools import cache

import regex
from attrs import frozen

import vnplan.vocab as vocab
from vnplan.pattern import guarded
from vnplan.profiles.derive.words import (
    COMMON,
    SPECIFIC,
    VAGUE,
    Lexicon,
    paraphrases,
    syllables,
)

_W = vocab.derive()
_F = vocab.figures()
MAX_SYLLABLES = 6  # a longer phrase is cut after a preposition: plans paraphrase long phrases
MAX_SYNONYMS = 4


def _alts(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_B, _E = r"(?<![\p{L}\p{N}])", r"(?![\p{L}\p{N}])"
_ONE_LEADING = guarded(rf"^(?:(?P<w>{_alts(_W.leading)}){_E}[\s,]*|[-–+•*]\s*)", regex.IGNORECASE)
_ENDS = guarded(rf"[\s,]+(?:{_alts(_W.phrase_ends)}){_E}", regex.IGNORECASE)
_PREP = guarded(rf"\s(?:{_alts(_W.prepositions)}){_E}", regex.IGNORECASE)
_TRAIL = guarded(rf"(?:[\s,]+(?:{_alts(list(_W.prepositions) + list(_W.conjunctions))}))+\s*$", regex.IGNORECASE)
#: chunks end at punctuation and at a conjunction, but not inside a name (``Sở Thông tin và Truyền thông``)
_CHUNK_SEP = guarded(rf"\s*[,;:()]\s*|\s+(?i:{_alts(_W.conjunctions)})\s+(?!\p{{Lu}})")  # case matters here
#: a count a task states (``tối thiểu 02 tin``, ``ít nhất 01``): the matcher compares no counts, the phrase drops it
_COUNT = guarded(rf"(?<![\p{{L}}\p{{N}}])(?:{_alts(_F.qualifiers)})\s+\d+(?![\p{{L}}\p{{N}}/%-])", regex.IGNORECASE)
_QUOTE = guarded(r"[\"“”«»]([^\"“”«»]{3,160})[\"“”«»]")
_DAY, _YEAR = regex.escape(vocab.dates().day), regex.escape(vocab.dates().year)
#: a date, a year or a period in a phrase: the phrase is what is done, not when
_DATE = guarded(rf"\s*\(?\s*(?:{_DAY}\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?\s*\)?"
                      rf"|\s*\b(?:(?:{_alts(_W.period_leads)})\s+\d{{4}}\s*[-–]\s*\d{{4}}|(?:đến\s+)?{_YEAR}\s+\d{{4}})\b",
                      regex.IGNORECASE)
#: a place named after its level (``tỉnh Bình Lâm``): plans of other units name their own
_PLACE = guarded(rf"\s(?:{'|'.join(regex.escape(u) for u in vocab.places().units)})\s+\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)*")
_PREP_START = guarded(rf"^\s*(?:{_alts(_W.prepositions)}){_E}\s*", regex.IGNORECASE)
#: prepositions that are no leading word: a chunk starting with one continues the noun before it (``… của tỉnh vào …``)
_CONTINUES = guarded(rf"^(?:{_alts([w for w in _W.prepositions if w not in _W.leading])}){_E}", regex.IGNORECASE)
_COMPLEMENT = guarded(rf"^(?:{_alts(_W.complement_prepositions)})$", regex.IGNORECASE)
_CONJ_START = guarded(rf"^(?:{_alts(_W.conjunctions)}){_E}\s*", regex.IGNORECASE)
_PERCENT = guarded(r"\d+(?:[.,]\d+)?\s*%")
_CITE_NO = guarded(r"(?<=\p{L})\s+số\s+(?=\d)", regex.IGNORECASE)
_CLAUSE = guarded(r";\s*|\.\s+(?=\p{Lu})|\.\s*$")


@frozen
class Clause:
    """A clause of an item: its text and where it starts in the item's text."""

    text: str
    start: int


def clauses(text: str) -> list[Clause]:
    """``a; b. C`` → ``a``, ``b``, ``C``: split at ``;`` and sentence ends outside brackets and quotes."""
    out: list[Clause] = []
    depth, start = 0, 0
    quoted = False
    i = 0
    while i < len(text):
        c = text[i]
        if c in "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c in "\"“”":
            quoted = not quoted if c == '"' else c == "“"
        elif not depth and not quoted:
            m = _CLAUSE.match(text, i)
            if m and (c == ";" or c == "."):
                _add(out, text, start, i)
                start = i = m.end()
                continue
        i += 1
    _add(out, text, start, len(text))
    return out


def _add(out: list[Clause], text: str, a: int, b: int) -> None:
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip(" -–+•"))
    seg = seg.strip(" -–+•.;")
    if seg:
        out.append(Clause(seg, a + lead))


def strip_leading(s: str, lex: Lexicon | None = None) -> str:
    """``Tiếp tục đẩy mạnh tuyên truyền các chủ trương`` → ``chủ trương``; ``tuyên truyền viên`` stays whole."""
    s = _CONJ_START.sub("", s.strip(" ,.;:-–"))
    while m := _ONE_LEADING.match(s):
        word = m.group("w")
        if word and lex is not None and lex.starts_word(s) > len(syllables(word)):
            break
        s = s[m.end():]
    return s.strip(" ,.;:")


def _strip_trailing(s: str, lex: Lexicon | None) -> str:
    """Prepositions and conjunctions a phrase ends with, unless they end a word (``thông qua``)."""
    while True:
        m = _TRAIL.search(s)
        if not m:
            return s
        words = s.split()
        if lex is not None and len(words) >= 2 and lex.starts_word(" ".join(words[-2:])) == 2:
            return s
        s = s[: m.start()]


def core(s: str, lex: Lexicon | None = None) -> str:
    """A chunk without its leading verbs, its purpose or elaboration, its dates, figures and trailing prepositions."""
    s = _ENDS.split(s, maxsplit=1)[0]
    s = _CITE_NO.sub(" ", _PERCENT.sub(" ", _DATE.sub(" ", _PLACE.sub(" ", s))))
    s = _COUNT.sub(" ", s)
    s = regex.sub(r"\s+", " ", s)
    s = strip_leading(s, lex)
    return _strip_trailing(s, lex).strip(" ,.;:-–")


def cut_long(s: str, lex: Lexicon) -> str:
    """A phrase over MAX_SYLLABLES cut at its prepositions (``words.py`` judges the parts).

    The head comes first (``thanh toán không dùng tiền mặt`` of ``… trong các dịch vụ công``); when
    it says little (``trách nhiệm``, ``duy trì hoạt động``), the object after ``của``, ``về`` does
    (``Tổ công nghệ số cộng đồng``); a circumstance (``sau khi …``, ``trong …``) is never the phrase.
    """
    if lex.size(s) <= MAX_SYLLABLES:
        return s
    parts: list[str] = []
    pos = 0
    for m in _PREP.finditer(s):
        if _ends_word(s, m, lex):
            continue
        parts.append(s[pos : m.start()])
        pos = m.start()
        if not _COMPLEMENT.match(m.group(0).strip()):
            break
    else:
        parts.append(s[pos:])
    parts = [_strip_trailing(strip_leading(_PREP_START.sub("", p), lex), lex).strip(" ,") for p in parts]
    parts = [p for p in parts if lex.size(p) >= 2]
    for want in (SPECIFIC, COMMON):
        for p in parts:
            if lex.grade(p) == want:
                return p
    return s


def _ends_word(s: str, m: regex.Match[str], lex: Lexicon) -> bool:
    """Whether the preposition ``m`` found in ``s`` ends a register word (``thông qua``), so no cut is there."""
    before = s[: m.start()].split()
    return bool(before) and lex.starts_word(f"{before[-1]} {m.group(0).strip()}") >= 2


@cache
def _listed_name_re() -> regex.Pattern[str]:
    """The names of the lexicon's families kept ``whole``, whose words list their members with commas (*Hội
    nghị cán bộ, công chức, viên chức*): one name, which the commas must not cut into *hội nghị cán bộ* and a
    bare *công chức* that any passage naming staff would meet."""
    names = sorted({t for c in vocab.lexicon().concepts if c.whole for t in c.terms if "," in t}, key=len,
                   reverse=True)
    alts = "|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in names) or r"(?!)"
    return guarded(rf"(?<!\w)(?:{alts})(?!\w)", regex.IGNORECASE)


def chunks(text: str, lex: Lexicon) -> list[str]:
    """The candidate phrases of a clause, in order: quoted names first kept whole, then its chunks."""
    out: list[str] = []
    rest = text
    for m in _QUOTE.finditer(text):
        name = regex.sub(r"\s+", " ", _DATE.sub(" ", _PLACE.sub(" ", m.group(1)))).strip(" ,.;:")
        if len(syllables(name)) >= 2:  # a quoted name is kept as written (``5 rõ``, ``Bình dân học vụ số``)
            out.append(name)
        rest = rest.replace(m.group(0), " ")
    for m in _listed_name_re().finditer(rest):  # ``Hội nghị cán bộ, công chức, viên chức``: one name, kept whole
        out.append(m.group(0))
        rest = rest.replace(m.group(0), " ")
    rest = _ENDS.split(rest, maxsplit=1)[0]
    in_phrase = False  # after a chunk with a preposition, short chunks continue its object (… trong dịch vụ công, trường học)
    for piece in _CHUNK_SEP.split(rest):
        if _CONTINUES.match(piece.strip()):
            continue
        c = core(piece, lex)
        if not c or lex.size(c) < 2 or c in lex.abbreviations:
            continue  # one syllable is part of too many words; the parent's own abbreviations only echo their expansion
        has_prep = bool(_PREP.search(c[1:]))
        if in_phrase and not has_prep and lex.size(c) <= 2:
            continue
        in_phrase = has_prep
        out.append(cut_long(c, lex))
    return list(dict.fromkeys(out))


def key_phrase(title: str) -> str:
    """The core of an item title: leading verbs and fillers dropped, cut at the first comma or bracket."""
    first = clauses(title)[0].text if title.strip() else ""
    first = regex.split(r"\s*[,(:]\s*", first, maxsplit=1)[0]
    return core(first)


@frozen
class Evidence:
    """The phrases chosen for a requirement: one group of synonyms, and whether the subject must stand beside it."""

    synonyms: tuple[str, ...]
    anchored: bool  # some synonym is common to plans of any subject: the subject is a second group


def series(cands: list[str], lex: Lexicon) -> tuple[list[str], set[str]]:
    """Consecutive vague chunks (``hướng dẫn, theo dõi, đôn đốc``) joined into one phrase of two or three; the joined ones."""
    out: list[str] = []
    joined: set[str] = set()
    run: list[str] = []
    for c in cands + [""]:
        if c and lex.grade(c) == VAGUE:
            run.append(c)
            continue
        if len(run) >= 2:
            out.append(", ".join(run[:3]))
            joined.add(out[-1])
        run = []
        if c:
            out.append(c)
    return out, joined


def _graded(text: str, lex: Lexicon) -> tuple[list[str], list[str]]:
    """A clause's specific and common phrases (vague ones dropped; several vague words in a row make a common one)."""
    cands, joined = series(chunks(text, lex), lex)
    specific, common = [], []
    for c in dict.fromkeys(cands):
        g = lex.grade(c)
        if g == SPECIFIC:
            specific.append(c)
        elif g == COMMON or c in joined:
            common.append(c)
    common.sort(key=lambda c: -lex.weight(c)[1])  # channels and named audiences before runs of vague words
    return specific, common


def choose(texts: list[str], lex: Lexicon, *, channels_first: bool = False) -> Evidence | None:
    """The synonyms of a requirement from its clauses' texts (module docstring).

    The first clause that says anything gives the phrases: its specific ones, or, when it has
    none, its common ones (then the subject must stand beside them); later clauses add their
    specific phrases. A form lists its channels first, the specific words after them.
    """
    picked: list[str] = []
    for k, t in enumerate(texts):
        specific, common = _graded(t, lex)
        if not picked:
            if channels_first:
                with_channel = [c for c in specific + common if lex.has_channel(c)]
                picked = with_channel + [c for c in specific + common if c not in with_channel]
            else:
                picked = specific or common
        else:
            picked += specific
        if picked and k == 0 and any(lex.grade(p) == SPECIFIC for p in picked) and not channels_first:
            break
    picked = list(dict.fromkeys(picked))[:MAX_SYNONYMS]
    if not picked:
        return None
    anchored = any(lex.grade(x) != SPECIFIC or lex.has_channel(x) and not lex.names_subject(x) for x in picked)
    extra = [p for c in picked for p in paraphrases(c, lex) if anchored or lex.grade(p) == SPECIFIC]
    return Evidence(tuple(dict.fromkeys(picked + extra[:MAX_SYNONYMS])), anchored)
