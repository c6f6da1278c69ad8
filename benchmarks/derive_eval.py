"""How close `vnplan profile derive` comes to the requirements a careful reader lists (issue 14).

For each parent plan in tests/data/compliance/parents/ (``<id>.txt`` or ``.md``, with
``<id>.requirements.json``, the reader's list, and ``<id>.unrelated``, plans none of the derived
requirements may match), derive a profile, align the derived requirements with the reader's,
and report:

- **recall**: the share of the reader's requirements that have a derived counterpart of the
  same kind (one derived requirement answers for one of the reader's);
- **precision**: the share of derived requirements that correspond to some requirement of the
  reader's (same place in the parent and words in common), whatever its kind;
- for each unrelated plan, the derived requirements it meets (there must be none), checked
  with the matcher through its public entry point, ``vnplan.comply``.

Alignment: a derived requirement and one of the reader's correspond when they come from the
same place of the parent (``III.4.a``; a dash item counts as its parent's place, since readers
write ``III.5`` for the dashes under 5) and share words, or from different places with most of
the reader's words in common. Pairs are taken best first: same kind, same place, most words.

Run: python benchmarks/derive_eval.py [--quiet] [parent-id …]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import regex

import vnplan
from vnplan.profiles.derive import derive
from vnplan.text import key

PARENTS = ROOT / "tests" / "data" / "compliance" / "parents"
PLANS = ROOT / "tests" / "data" / "compliance"
#: Syllables that say nothing about which requirement a text is (function words, verbs of every item).
_LIGHT = frozenset(w for s in (*vnplan.vocab.matching().stopwords, "tuyên truyền", "thực hiện", "tổ chức",
                                "triển khai", "năm", "trên", "qua") for w in key(s).split())


def parent_ids() -> list[str]:
    return sorted(p.name.removesuffix(".requirements.json") for p in PARENTS.glob("*.requirements.json"))


def parent_file(pid: str) -> Path:
    return next(p for p in (PARENTS / f"{pid}.txt", PARENTS / f"{pid}.md") if p.exists())


def words(text: str) -> set[str]:
    return {w for w in regex.findall(r"[\p{L}\p{N}]+", key(text)) if w not in _LIGHT}


def place_of(where: str | None) -> str:
    """``mục III.4.a`` → ``III.4.a``; ``mục III.5, gạch đầu dòng thứ 2`` → ``III.5``; a header → ``header``."""
    if not where:
        return ""
    m = regex.search(r"(?:mục|phần|điểm|khoản)?\s*([IVXLC]+(?:\.[\p{L}\d]+)*)", where)
    return m.group(1) if m else "header"


def _derived_text(r: dict) -> str:
    groups = " ".join(" ".join(g) for g in r.get("evidence", {}).get("all_of", ()))
    return f"{r['text']} {groups}"


def _pair_score(g: dict, d: dict) -> float | None:
    """How well a derived requirement answers for one of the reader's; None when it does not."""
    if g["kind"] == "citation" or d["kind"] == "citation":
        return 3.0 if g["kind"] == d["kind"] else None
    gw, dw = words(g["text"]), words(_derived_text(d))
    if not gw:
        return None
    overlap = len(gw & dw) / len(gw)
    gp, dp = g.get("where", ""), place_of((d.get("provenance") or {}).get("where"))
    same = gp == dp
    near = not same and (dp.startswith(gp + ".") or gp.startswith(dp + "."))
    if same and overlap >= 0.2 or near and overlap >= 0.4 or overlap >= 0.6:
        return overlap + (1.0 if same else 0.5 if near else 0.0)
    return None


def align(gold: list[dict], derived: list[dict]) -> tuple[dict[int, int], set[int]]:
    """(gold index → derived index, one to one, kinds equal first; derived indices that answer for any gold)."""
    pairs = []
    corresponds: set[int] = set()
    for gi, g in enumerate(gold):
        for di, d in enumerate(derived):
            s = _pair_score(g, d)
            if s is not None:
                corresponds.add(di)
                pairs.append((g["kind"] == d["kind"], s, -gi, -di, gi, di))
    pairs.sort(reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, _, _, _, gi, di in pairs:
        if gi not in out and di not in used:
            out[gi] = di
            used.add(di)
    return out, corresponds


def unrelated_hits(pid: str, profile: dict) -> dict[str, list[str]]:
    """For each unrelated plan of ``pid``: the derived requirements it meets (``met``)."""
    path = PARENTS / f"{pid}.unrelated"
    out: dict[str, list[str]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").split():
        cov = vnplan.comply(vnplan.parse(PLANS / line), profile)
        out[line] = [r.id for r in cov.requirements if r.status == "met"]
    return out


def evaluate(pid: str) -> dict:
    gold = json.loads((PARENTS / f"{pid}.requirements.json").read_text(encoding="utf-8"))
    profile = vnplan.profiles.profile_to_dict(derive(vnplan.parse(parent_file(pid))))
    derived = profile["requirements"]
    pairs, corresponds = align(gold, derived)
    right_kind = [gi for gi, di in pairs.items() if gold[gi]["kind"] == derived[di]["kind"]]
    return {
        "id": pid, "gold": gold, "derived": derived, "pairs": pairs,
        "recall": len(right_kind) / len(gold), "found": len(right_kind),
        "precision": len(corresponds) / len(derived) if derived else 0.0, "corresponding": len(corresponds),
        "unrelated": unrelated_hits(pid, profile),
    }


def _short(s: str, n: int = 64) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def report(res: dict, *, quiet: bool = False) -> list[str]:
    gold, derived, pairs = res["gold"], res["derived"], res["pairs"]
    lines = [f"== {res['id']}: {len(derived)} derived, {len(gold)} listed by the reader"]
    if not quiet:
        for gi, g in enumerate(gold):
            di = pairs.get(gi)
            if di is None:
                lines.append(f"  MISS  {g['kind']:<8} {g['where']:<8} {_short(g['text'])}")
                continue
            d = derived[di]
            mark = "ok  " if d["kind"] == g["kind"] else "KIND"
            lines.append(f"  {mark}  {g['kind']:<8} {g['where']:<8} {_short(g['text'], 48):<48} ← {d['id']} "
                         f"{d['kind']} {_short(d['text'], 40)}")
        used = set(pairs.values())
        for di, d in enumerate(derived):
            if di not in used:
                where = (d.get("provenance") or {}).get("where", "")
                lines.append(f"  EXTRA {d['kind']:<8} {place_of(where):<8} {d['id']} {_short(d['text'])}")
    lines.append(f"  recall {res['recall']:.0%} ({res['found']}/{len(gold)}), "
                 f"precision {res['precision']:.0%} ({res['corresponding']}/{len(derived)})")
    for plan, met in res["unrelated"].items():
        lines.append(f"  unrelated {plan}: {len(met)} met" + (f" ({', '.join(met)})" if met else ""))
    return lines


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    ids = [a for a in argv if not a.startswith("-")] or parent_ids()
    ok = True
    for pid in ids:
        res = evaluate(pid)
        print("\n".join(report(res, quiet=quiet)))
        ok = ok and res["recall"] >= 0.9 and not any(res["unrelated"].values())
    print("PASS" if ok else "FAIL: recall under 90% or a derived requirement met by an unrelated plan")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
