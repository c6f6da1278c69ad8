"""A derived profile on the evaluation set: how close `profile derive` + the matcher come to the reader.

A profile derived from a parent of the same kind (Bình Lâm, tuyên truyền CCHC 2025, in
tests/data/compliance/parents/) is checked on the 27 unit plans of Kế hoạch 14/KH-UBND. Its
requirements are aligned one-to-one with the shipped profile's (same kind, most words in common),
and its verdict on each plan is compared with the reader's gold for the aligned requirement; the
shipped profile's agreement on the same requirements is printed beside it.

The two parents are different plans: a pair may align requirements that differ in substance
(another motto, a 75% threshold for 70%, the Sở Nội vụ's own duties for the units' duties), where
disagreement is expected. ``-v`` prints every disagreement with the gold's why, vnplan's note and
evidence, to tell them apart.

Run: python benchmarks/derived_profile_eval.py [parent-id] [-v]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compliance_eval import materialise  # noqa: E402

import vnplan  # noqa: E402
from vnplan.profiles import Profile, Requirement, load  # noqa: E402
from vnplan.profiles.derive import derive  # noqa: E402
from vnplan.text import key  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "compliance"
SHIPPED = "bacgiang-14-KH-UBND-2024"
#: syllables that say nothing about which requirement a text is
_LIGHT = frozenset(w for s in (*vnplan.vocab.matching().stopwords, "tuyên truyền", "thực hiện", "tổ chức",
                                "triển khai", "năm", "trên", "qua") for w in key(s).split())
#: kinds that may answer for each other (a theme is content; citations and deadlines differ by parent)
_CLASS = {"content": "content", "theme": "content", "form": "form", "target": "target", "duty": "duty"}
MIN_OVERLAP = 0.25


def words(r: Requirement) -> set[str]:
    text = r.text + " " + " ".join(p for g in r.evidence.all_of for p in g)
    return {w for w in regex.findall(r"[\p{L}\p{N}]+", key(text)) if w not in _LIGHT and not w.isdigit()}


def align(derived: Profile, shipped: Profile) -> dict[str, str]:
    """Derived requirement id → shipped requirement id, best overlap first, one to one."""
    pairs = []
    for d in derived.requirements:
        for s in shipped.requirements:
            if _CLASS.get(d.kind) is not None and _CLASS.get(d.kind) == _CLASS.get(s.kind):
                a, b = words(d), words(s)
                if a | b and len(a & b) / len(a | b) >= MIN_OVERLAP:
                    pairs.append((len(a & b) / len(a | b), d.id, s.id))
    out: dict[str, str] = {}
    for _, di, si in sorted(pairs, reverse=True):
        if di not in out and si not in out.values():
            out[di] = si
    return out


def _status(s: str) -> str:
    return "missing" if s == "placeholder" else s


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    ids = [a for a in argv if not a.startswith("-")]
    parent = ids[0] if ids else "b-binhlam-kh-tuyen-truyen-cchc-2025"
    derived = derive(vnplan.parse(SET / "parents" / f"{parent}.txt"))
    shipped = load(SHIPPED)
    pairs = align(derived, shipped)
    text = {r.id: r.text for r in derived.requirements}
    print(f"derived {len(derived.requirements)} requirements from {parent}; {len(pairs)} aligned with the "
          f"{len(shipped.requirements)} of {SHIPPED}")
    per = {di: [0, 0, 0] for di in pairs}
    confusion: Counter[tuple[str, str]] = Counter()
    for gp in sorted((SET / "gold").glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        plan = vnplan.parse(vnplan.read(materialise(SET / gold["plan"])))
        got = {r.id: r for r in vnplan.comply(plan, derived).requirements}
        ref = {r.id: _status(r.status) for r in vnplan.comply(plan, shipped).requirements}
        for di, si in pairs.items():
            want, mine = gold["verdicts"][si]["status"], _status(got[di].status)
            per[di][0] += mine == want
            per[di][1] += ref[si] == want
            per[di][2] += 1
            confusion[(want, mine)] += 1
            if verbose and mine != want:
                ev = " / ".join(e.text[:90] for e in got[di].evidence[:2])
                print(f"    {gold['plan']} {di} ~ {si}: gold {want}, derived {mine} | "
                      f"{gold['verdicts'][si].get('why', '')[:90]} | {(got[di].note or '')[:120]} | {ev}")
    for di, si in pairs.items():
        a, b, n = per[di]
        print(f"  {di:5} {text[di][:58]:58} ~ {si:24} derived {a:2}/{n}  shipped {b:2}/{n}")
    n = sum(v[2] for v in per.values())
    print(f"verdicts {n}: the derived profile agrees with the reader {sum(v[0] for v in per.values()) / n:.1%}, "
          f"the shipped profile {sum(v[1] for v in per.values()) / n:.1%} (same requirements)")
    print("confusion (gold, derived):", ", ".join(f"{g}→{d} {k}" for (g, d), k in sorted(confusion.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
