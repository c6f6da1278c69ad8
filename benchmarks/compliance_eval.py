"""vnplan's compliance verdicts against a careful reader's, on the evaluation set tests/data/compliance/.

Every unit plan of the set is checked with the shipped profile it names; each requirement's
status (met, partial, missing; a placeholder counts as missing) is compared with the gold's.
Prints agreement, the confusion matrix (gold × vnplan), precision and recall of "missing",
agreement per category and per requirement, whether a negated or review-only plan passes
(``vnplan check`` exit 0), the false errors on compliant paraphrased plans, and every
disagreement with vnplan's evidence and note beside the gold's why.

Run: python benchmarks/compliance_eval.py [--quiet] [--json OUT] [SET_DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from real_corpus import materialise

from vnplan.parse import parse
from vnplan.read import read
from vnplan.rules.runner import check

SET = ROOT / "tests" / "data" / "compliance"
STATUSES = ("met", "partial", "missing")
#: Categories whose plans must fail the check: they say what they will not do, or only review 2023.
MUST_FAIL = ("negated", "review-last-year")


def _status(s: str) -> str:
    return "missing" if s == "placeholder" else s


def _plan_path(set_dir: Path, rel: str) -> Path:
    return materialise(set_dir / rel)


def run_one(set_dir: Path, gold: dict[str, Any]) -> dict[str, Any]:
    """Check one plan; its verdicts beside the gold's, its findings and whether it fails."""
    path = _plan_path(set_dir, gold["plan"])
    plan = parse(read(path))
    report = check(plan, profile=gold["profile"])
    cov = report.coverage
    assert cov is not None
    results = {r.id: r for r in cov.requirements}
    rows = []
    for rid, g in gold["verdicts"].items():
        r = results.get(rid)
        rows.append({
            "id": rid,
            "gold": g["status"],
            "why": g.get("why", ""),
            "vnplan": _status(r.status) if r else "missing",
            "note": (r.note_en or r.note or "") if r else "(no such requirement)",
            "evidence": [e.text for e in r.evidence] if r else [],
            "mandatory": r.mandatory if r else True,
        })
    errors = [f for f in report.findings if f.severity == "error" and f.rule.startswith("C3")]
    return {"plan": gold["plan"], "categories": gold["categories"], "rows": rows,
            "failing": report.failing, "errors": [(f.rule, f.message) for f in errors]}


_ID_RE = re.compile(r"\b(BG14-[A-Z0-9-]+)\b")


def false_errors(result: dict[str, Any]) -> list[str]:
    """Error findings about a requirement the gold says is met (C306's "no assignment" when every duty is met)."""
    gold = {r["id"]: r["gold"] for r in result["rows"]}
    duties_met = all(v == "met" for k, v in gold.items() if k.startswith("BG14-D-"))
    out = []
    for rule, msg in result["errors"]:
        ids = _ID_RE.findall(msg)
        if rule == "C301" and not ids:
            ids = ["BG14-CIT"]
        if ids and all(gold.get(i) == "met" for i in ids if i in gold) and any(i in gold for i in ids) or not ids and rule == "C306" and duties_met:
            out.append(f"{rule}: {msg}")
    return out


def prf(rows: list[dict[str, Any]], label: str) -> tuple[float, float, int, int, int]:
    tp = sum(1 for r in rows if r["gold"] == label and r["vnplan"] == label)
    pred = sum(1 for r in rows if r["vnplan"] == label)
    gold = sum(1 for r in rows if r["gold"] == label)
    return (tp / pred if pred else 1.0), (tp / gold if gold else 1.0), tp, pred, gold


def evaluate(set_dir: Path = SET) -> dict[str, Any]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((set_dir / "gold").glob("*.json"))]
    results = [run_one(set_dir, g) for g in golds]
    rows = [dict(r, plan=res["plan"]) for res in results for r in res["rows"]]
    agree = sum(r["gold"] == r["vnplan"] for r in rows)
    confusion = Counter((r["gold"], r["vnplan"]) for r in rows)
    by_cat: dict[str, list[bool]] = defaultdict(list)
    by_req: dict[str, list[bool]] = defaultdict(list)
    for res in results:
        for r in res["rows"]:
            ok = r["gold"] == r["vnplan"]
            for c in res["categories"]:
                by_cat[c].append(ok)
            by_req[r["id"]].append(ok)
    passing_bad = [res["plan"] for res in results
                   if any(c in MUST_FAIL for c in res["categories"]) and not res["failing"]]
    paraphrase_false = {res["plan"]: false_errors(res) for res in results if "paraphrase" in res["categories"]}
    p, r, *_ = prf(rows, "missing")
    return {
        "plans": len(results), "verdicts": len(rows), "agreement": agree / len(rows) if rows else 1.0,
        "confusion": {f"{g}->{v}": confusion[(g, v)] for g in STATUSES for v in STATUSES},
        "missing_precision": p, "missing_recall": r,
        "per_category": {c: sum(v) / len(v) for c, v in sorted(by_cat.items())},
        "per_requirement": {k: sum(v) / len(v) for k, v in sorted(by_req.items())},
        "must_fail_but_pass": passing_bad,
        "paraphrase_false_errors": paraphrase_false,
        "disagreements": [r for r in rows if r["gold"] != r["vnplan"]],
    }


def _print(ev: dict[str, Any], quiet: bool) -> None:
    print(f"plans {ev['plans']}, verdicts {ev['verdicts']}")
    print(f"agreement {ev['agreement']:.1%}")
    print(f"missing: precision {ev['missing_precision']:.3f}, recall {ev['missing_recall']:.3f}")
    print("\nconfusion (rows gold, columns vnplan)")
    print(f"{'':>10}" + "".join(f"{s:>10}" for s in STATUSES))
    for g in STATUSES:
        print(f"{g:>10}" + "".join(f"{ev['confusion'][f'{g}->{v}']:>10}" for v in STATUSES))
    print("\nper category")
    for c, a in ev["per_category"].items():
        print(f"  {c:<18} {a:.1%}")
    print("\nper requirement")
    for k, a in ev["per_requirement"].items():
        print(f"  {k:<22} {a:.1%}")
    bad = ev["must_fail_but_pass"]
    print(f"\nnegated or review-only plans that pass: {len(bad)}" + ("".join(f"\n  {p}" for p in bad)))
    total = sum(len(v) for v in ev["paraphrase_false_errors"].values())
    print(f"false errors on compliant paraphrased plans: {total}")
    for plan, errs in ev["paraphrase_false_errors"].items():
        for e in errs:
            print(f"  {plan}: {e}")
    if quiet:
        return
    print(f"\ndisagreements ({len(ev['disagreements'])})")
    for d in ev["disagreements"]:
        print(f"- {d['plan']} {d['id']}: gold {d['gold']}, vnplan {d['vnplan']}")
        print(f"    gold why: {d['why']}")
        if d["note"]:
            print(f"    vnplan note: {d['note']}")
        for e in d["evidence"][:3]:
            print(f"    evidence: {e[:160]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set_dir", nargs="?", type=Path, default=SET)
    ap.add_argument("--quiet", action="store_true", help="the summary only, no list of disagreements")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)
    ev = evaluate(args.set_dir)
    _print(ev, args.quiet)
    if args.json:
        args.json.write_text(json.dumps(ev, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
