"""The words of a derived phrase (từ ngữ): syllables, the administrative register, the parent's subject, paraphrases.

A phrase is judged by what it says beyond the register every plan uses (``register.json``):

* **specific**: some syllable is not a word of the register (``cải cách thể chế``, ``Đề án 06``,
  a quoted name, a named body such as ``Sở Nội vụ``): it can stand alone;
* **common**: only words plans of every subject share (``mạng xã hội``, ``người đứng đầu``, a
  series of duty verbs ``theo dõi, đôn đốc``): it stands only beside the parent's subject;
* **vague**: one general word (``cơ quan``, ``chỉ đạo``, ``tuyên truyền``): never a phrase.

Abbreviations are expanded first (the parent's own definitions and ``abbreviations.json``), so
``CCHC`` is as specific as ``cải cách hành chính`` and ``UBND`` as vague as ``ủy ban nhân dân``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import regex

import vnplan.vocab as vocab
from vnplan.model import Plan
from vnplan.text import key

SPECIFIC, COMMON, VAGUE, EMPTY = "specific", "common", "vague", "empty"
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")


def syllables(s: str) -> list[str]:
    """``Cải cách TTHC (năm 2025)`` → ``['cải', 'cách', 'tthc', 'năm', '2025']``."""
    return list(_syllables(s))


@lru_cache(maxsize=1 << 14)
def _syllables(s: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(key(s)))


@cache
def _register() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First syllable → (syllables, class) of every register entry, longest first."""
    r = vocab.register()
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for cls, words in ((VAGUE, r.vague), (COMMON, r.common), ("channel", r.channels)):
        for w in words:
            toks = tuple(syllables(w))
            if toks:
                table.setdefault(toks[0], []).append((toks, cls))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in table.items()}


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(key(w) for w in vocab.matching().stopwords)


def initials_fit(abbr: str, expansion: str) -> bool:
    """Whether ``abbr`` is made of the first letters of ``expansion`` (``CĐS`` of *chuyển đổi số*).

    ``và`` may be skipped (``KH&CN``): the test keeps the parent's definitions that the parser
    cut to the right span and leaves out the others (``SIPAS`` of a Vietnamese phrase).
    """
    letters = [c for c in key(abbr) if c.isalnum()]
    words = syllables(expansion)
    full = [w[0] for w in words]
    short = [w[0] for w in words if w not in _stopwords()]
    return bool(letters) and letters in (full, short)


class Lexicon:
    """The words one parent plan is read with: its abbreviations, its subject, the register."""

    def __init__(self, abbreviations: dict[str, str], subject: Sequence[str] = ()) -> None:
        self.abbreviations = abbreviations  # ABBR → expansion, the parent's clean definitions
        table = {key(e.abbr): tuple(syllables(e.expansion)) for e in vocab.abbreviations().used_for("matching")}
        table.update({key(a): tuple(syllables(x)) for a, x in abbreviations.items() if " " not in a})
        self._expand = table
        self._tokens: dict[str, tuple[str, ...]] = {}
        self.subject: tuple[str, ...] = tuple(subject)
        self._subject_tokens = [tuple(self.tokens(s)) for s in subject]
        self._subject_set = {tuple(t for t in toks if t not in _stopwords()) for toks in self._subject_tokens}
        self._families: list[tuple[bool, list[tuple[str, tuple[str, ...]]]]] | None = None

    def tokens(self, s: str) -> list[str]:
        """Syllables of ``s``, abbreviations expanded (remembered: a parent asks for the same words often)."""
        got = self._tokens.get(s)
        if got is None:
            got = self._tokens[s] = tuple(t for w in syllables(s) for t in self._expand.get(w, (w,)))
        return list(got)

    def concepts(self, s: str) -> list[tuple[str, tuple[str, ...]]]:
        """``s`` cut into register entries (longest first) and the syllables outside it: (class, syllables)."""
        toks = self.tokens(s)
        out: list[tuple[str, tuple[str, ...]]] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            entry = next((e for e in _register().get(t, ()) if tuple(toks[i : i + len(e[0])]) == e[0]), None)
            if entry:  # before function words: ``theo dõi`` is a register word, not ``theo`` and ``dõi``
                out.append((entry[1], entry[0]))
                i += len(entry[0])
            elif t in _stopwords() or t.isdigit():
                i += 1
            else:
                out.append((SPECIFIC, (t,)))
                i += 1
        return out

    def judge(self, phrase: str) -> str:
        """``specific``, ``common``, ``vague`` or ``empty`` (module docstring)."""
        cs = self.concepts(phrase)
        if not cs:
            return EMPTY
        if any(cls == SPECIFIC for cls, _ in cs):
            return SPECIFIC
        if len(cs) == 1 and cs[0][0] == VAGUE:
            return VAGUE
        return COMMON

    def size(self, phrase: str) -> int:
        """How many content syllables ``phrase`` has (function words and numbers aside); an acronym counts as a name."""
        n = sum(len(toks) for _, toks in self.concepts(phrase))
        return max(n, 2) if is_acronym(phrase) and phrase.strip() not in self.abbreviations else n

    def grade(self, phrase: str) -> str:
        """:meth:`judge`, where the parent's subject alone is ``empty`` and a phrase specific only by it ``common``."""
        if self.is_subject(phrase):
            return EMPTY
        g = self.judge(phrase)
        return COMMON if g == SPECIFIC and self.only_subject(phrase) else g

    def starts_word(self, s: str) -> int:
        """How many syllables the register word ``s`` starts with has (0: none), so ``tuyên truyền viên`` is not cut."""
        toks = syllables(s)
        if not toks:
            return 0
        return max((len(e) for e, _ in _register().get(toks[0], ()) if tuple(toks[: len(e)]) == e), default=0)

    def has_channel(self, phrase: str) -> bool:
        """Whether ``phrase`` names a channel or form of communication (``register.json``, ``channels``)."""
        return any(c == "channel" for c, _ in self.concepts(phrase))

    def weight(self, phrase: str) -> tuple[int, int]:
        """How telling a phrase is: (syllables outside the register, register words that are not vague)."""
        cs = self.concepts(phrase)
        return (sum(len(t) for c, t in cs if c == SPECIFIC), sum(c != VAGUE for c, _ in cs))

    def is_subject(self, phrase: str) -> bool:
        """Whether ``phrase`` names the parent's subject and nothing else (``CCHC``)."""
        toks = tuple(t for t in self.tokens(phrase) if t not in _stopwords())
        return toks in self._subject_set

    def families(self) -> list[tuple[bool, list[tuple[str, tuple[str, ...]]]]]:
        """The paraphrase families in this parent's words: (whether it is the subject's, [(phrase, tokens)]).

        The families are the lexicon's concepts marked ``paraphrase`` (``lexicon.json``), the one home
        of the register's names for one thing, which compliance matching reads too."""
        if self._families is None:
            fams = [c.terms for c in vocab.lexicon().concepts if c.paraphrase]
            self._families = [(any(self.is_subject(m) for m in fam), [(m, tuple(self.tokens(m))) for m in fam])
                              for fam in fams]
        return self._families

    def names_subject(self, phrase: str) -> bool:
        """Whether ``phrase`` names the parent's subject among other words (``video clip về CCHC``)."""
        toks = self.tokens(phrase)
        return any(contains(toks, s) for s in self._subject_tokens)

    def only_subject(self, phrase: str) -> bool:
        """Whether what ``phrase`` says beyond the register is the parent's subject alone (``nội dung CCHC``)."""
        toks = self.tokens(phrase)
        for s in self._subject_tokens:
            toks = _remove(toks, s)
        rest = " ".join(toks)
        return rest != " ".join(self.tokens(phrase)) and self.judge(rest) != SPECIFIC


def _remove(toks: list[str], sub: tuple[str, ...]) -> list[str]:
    n = len(sub)
    out: list[str] = []
    i = 0
    while i < len(toks):
        if n and tuple(toks[i : i + n]) == sub:
            i += n
        else:
            out.append(toks[i])
            i += 1
    return out


_ACRONYM = regex.compile(r"^[\p{Lu}Đ][\p{Lu}Đ0-9&]{1,9}(?: [\p{Lu}]{2,9})?$")


def is_acronym(s: str) -> bool:
    """``SIPAS``, ``PAR INDEX``, ``IOC``: a name in capitals."""
    return bool(_ACRONYM.match(s.strip()))


def contains(toks: Sequence[str], sub: Sequence[str]) -> bool:
    n = len(sub)
    return n > 0 and any(tuple(toks[i : i + n]) == tuple(sub) for i in range(len(toks) - n + 1))


def paraphrases(phrase: str, lex: Lexicon) -> list[str]:
    """The other members of every family one of whose phrases ``phrase`` contains (the lexicon's ``paraphrase`` concepts).

    Members that name the parent's subject are left out: ``tổ hòa giải`` does not become any
    mention of ``hòa giải ở cơ sở`` in a plan on that subject.
    """
    toks = lex.tokens(phrase)
    out: list[str] = []
    for of_subject, members in lex.families():
        if of_subject:
            continue  # the subject's own paraphrases stand in the subject group
        if any(contains(toks, mt) for _, mt in members):
            out += [m for m, mt in members if not contains(toks, mt)]
    return list(dict.fromkeys(out))


def subject_group(lex: Lexicon) -> tuple[str, ...]:
    """The subject and its paraphrases (``phổ biến, giáo dục pháp luật``, ``PBGDPL``, ``phổ biến pháp luật``…)."""
    out = list(lex.subject)
    for of_subject, members in lex.families():
        if of_subject:
            out += [m for m, _ in members]
    return tuple(dict.fromkeys(out))


# --------------------------------------------------------------------------- the parent's subject

_W = vocab.derive()


def clean_abbreviations(plan: Plan) -> dict[str, str]:
    """The parent's own definitions whose letters fit their expansion: ``{"CCHC": "cải cách hành chính"}``."""
    out: dict[str, str] = {}
    for a in plan.abbreviations:
        if a.expansion and a.abbr not in out and initials_fit(a.abbr, a.expansion):
            out[a.abbr] = a.expansion.strip()
    return out


def subject_of(plan: Plan, abbreviations: dict[str, str]) -> tuple[str, ...]:
    """What the parent is about, from its title: ``cải cách hành chính``, ``CCHC``.

    The title is cut at its year, period and place (``năm 2025``, ``tỉnh Bình Lâm``) and at
    ``;`` (one subject per part: *phổ biến, giáo dục pháp luật; hòa giải ở cơ sở*); leading
    words every title has (*Công tác, Thông tin, tuyên truyền*) are dropped. A definition the
    parent makes whose expansion a part contains gives that expansion and its abbreviation.
    """
    title = plan.header.title or _named_in_opening(plan)
    units = "|".join(regex.escape(u) for u in vocab.places().units)
    year = regex.escape(vocab.dates().year)
    leads = "|".join(regex.escape(w) for w in _W.period_leads)
    title = regex.split(rf"\s(?:(?i:{year})\s+\d{{4}}|(?i:{leads})\s|(?i:{units})\s+(?=\p{{Lu}}))", title)[0]
    out: list[str] = []
    for part in regex.split(r"\s*;\s*|\s+và\s+(?=\S+\s+\S)", title):
        found = [(a, x) for a, x in abbreviations.items() if contains(syllables(part), syllables(x))]
        for a, x in found:
            out += [x, a]
        if not found:
            core = _strip_leading(part.strip(" ,.:"))
            if len(syllables(core)) >= 2:
                out.append(core)
    return tuple(dict.fromkeys(out))


def _named_in_opening(plan: Plan) -> str:
    """The plan's name in the sentence that opens its body (``… ban hành Kế hoạch X như sau:``): the title when the
    header has none."""
    kind = regex.escape(plan.header.doc_type or "Kế hoạch")
    verbs = "|".join(regex.escape(v) for v in _W.opening.verbs)
    ends = "|".join(regex.escape(e) for e in _W.opening.ends)
    for text in [lb.text for lb in plan.legal_basis] + [p.text for p in plan.preamble]:
        m = regex.search(rf"(?:{verbs})\s+{kind}\s+(?P<name>.+?)\s*(?:{ends}|[:;]|$)", text, regex.IGNORECASE)
        if m:
            return regex.sub(r"\s*\([^)]*\)", "", m.group("name"))
    return ""


_LEAD = regex.compile(rf"^(?:(?:{'|'.join(regex.escape(w) for w in sorted(_W.leading, key=len, reverse=True))})[\s,]+)+",
                      regex.IGNORECASE)


def _strip_leading(s: str) -> str:
    return _LEAD.sub("", s).strip(" ,.;:")


def first_match(words: Iterable[str], text: str) -> regex.Match[str] | None:
    """The first of ``words`` in ``text`` as whole words, case-insensitive."""
    pattern = _words_pattern(tuple(words))
    return pattern.search(text) if pattern else None


@cache
def _words_pattern(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    alts = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alts})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE) if alts else None


def body_name(text: str) -> str | None:
    """The body a text starts by naming: ``Sở Nội vụ chủ trì, …``, ``Các sở, ban, ngành…``, ``Đề nghị …``; None for a task."""
    t = text.strip()
    if first_match(_W.request_leads, t[:12]):
        return t
    k = key(t)
    if _W.addressee_head and k.startswith(key(_W.addressee_head)):
        return t
    for a in _W.addressees:
        if k.startswith(a + " ") and any(k[len(a) + 1 :].startswith(n + " ") or k[len(a) + 1 :].startswith(n + ",")
                                         for n in _W.addressee_nouns):
            return t
    for h in sorted(vocab.organisations().heads, key=len, reverse=True):
        if t.startswith(h + " "):
            nxt = t[len(h) + 1 :].split(" ", 1)[0].strip(",;:.()")
            named = nxt[:1].isupper() or key(nxt) in _UNIT_WORDS  # ``Sở Nội vụ``, ``Công an tỉnh``; not ``Ban hành``
            return t if h not in vocab.organisations().not_alone or named else None
    return None


_UNIT_WORDS = frozenset(key(u).split()[0] for u in vocab.places().units) | {"cấp"}


def bodies_in(text: str) -> list[str]:
    """The bodies ``text`` names (``báo cáo … về Sở Nội vụ trước ngày …`` → ``Sở Nội vụ``), in order.

    A name is a head word (``organisations.json``) and the syllables after it up to a verb or a
    function word that ends names, a bracket or a comma: ``Sở Thông tin và Truyền thông`` keeps
    its ``và`` because a capital follows.
    """
    o = vocab.organisations()
    stops = {key(w) for w in o.name_ends} | {key(w.split()[0]) for w in vocab.figures().deadline_leads}
    out: list[str] = []
    alts = "|".join(regex.escape(h) for h in sorted(o.heads, key=len, reverse=True))
    for m in regex.finditer(rf"(?<![\p{{L}}])(?:{alts})(?=\s)", text):
        words = regex.findall(r"\S+", text[m.end() : m.end() + 80])
        name: list[str] = []
        lower = 0  # lower-case syllables since the last capital: a word of a name has one (``Nội vụ``, ``Tài chính``)
        for k, w in enumerate(words):
            bare = w.strip(",;.:()")
            nxt = words[k + 1] if k + 1 < len(words) else ""
            joins = key(bare) in ("và", "-", "–") and nxt[:1].isupper()  # ``Lao động - Thương binh và Xã hội``
            stop = key(bare) in stops and not bare[:1].isupper() and not joins
            if joins and bare in "-–":
                name.append(bare)
                continue
            if not bare or stop or bare.isdigit():
                break
            if not name and not (bare[:1].isupper() or key(bare) in _UNIT_WORDS):
                break
            placed = any(n.islower() and key(n) in _UNIT_WORDS for n in name)  # ``tỉnh``, not ``Xã hội``
            if w.startswith("(") or placed and not bare[:1].isupper():
                break  # ``Công an tỉnh phổ biến``: a place level ends the name unless a place name follows
            lower = 0 if bare[:1].isupper() or key(bare) in ("và", *_UNIT_WORDS) else lower + 1
            if lower > 1:
                break
            name.append(bare)
            if bare != w:
                break
        if name:
            out.append(f"{m.group(0)} {' '.join(name)}")
    return out
