"""Precision, recall and F1 of the citation extractor on the labelled set tests/data/citations/.

Spans count as right only when start and end are exact. Each field is scored on the citations
a reader labelled: a predicted value is right when it equals the label of the gold citation the
prediction is aligned to (same span, else the most overlapping one); a value predicted for no
gold citation, or for the wrong one, is a false positive; a labelled value not predicted is a
false negative. ``party`` counts its True values; ``group`` compares the gold citations the
groups point to.

Run: python benchmarks/citation_eval.py [path.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnplan.parse.citations import citations_in_text  # noqa: E402

DATA = ROOT / "tests" / "data" / "citations" / "citations.jsonl"
FIELDS = ("doc_type", "number", "year", "symbol", "date", "issuer", "party", "name", "kind", "group")


def load(path: Path = DATA) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _value(field: str, c: dict):
    v = c.get(field)
    if field == "date" and v is not None:
        return tuple(v)
    if field == "party":
        return True if v else None
    return v


def _pred_dict(c) -> dict:
    d = c.date
    return {
        "start": c.span.start, "end": c.span.end, "doc_type": c.doc_type, "number": c.number, "year": c.year,
        "symbol": c.symbol, "date": [d.year, d.month, d.day] if d else None, "issuer": c.issuer,
        "party": c.party, "name": c.name, "kind": c.kind, "group": c.group,
    }


def _align(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """pred index → gold index: exact spans first, then the largest overlap."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for pi, p in enumerate(pred):
        for gi, g in enumerate(gold):
            if gi not in used and (p["start"], p["end"]) == (g["start"], g["end"]):
                out[pi] = gi
                used.add(gi)
                break
    for pi, p in enumerate(pred):
        if pi in out:
            continue
        best, size = None, 0
        for gi, g in enumerate(gold):
            ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if gi not in used and ov > size:
                best, size = gi, ov
        if best is not None:
            out[pi] = best
            used.add(best)
    return out


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(records: list[dict]) -> tuple[dict[str, tuple[float, float, float]], list[str]]:
    """Scores per metric (``span`` and each field) and a list of disagreements for reading."""
    gold_sets: dict[str, set] = {f: set() for f in ("span", *FIELDS)}
    pred_sets: dict[str, set] = {f: set() for f in ("span", *FIELDS)}
    errors: list[str] = []
    for r in records:
        rid, text, gold = r["id"], r["text"], r["citations"]
        pred = [_pred_dict(c) for c in citations_in_text(text)]
        align = _align(gold, pred)
        for gi, g in enumerate(gold):
            gold_sets["span"].add((rid, g["start"], g["end"]))
            for f in FIELDS:
                v = _value(f, g)
                if v is not None:
                    gold_sets[f].add((rid, gi, v))
        for pi, p in enumerate(pred):
            pred_sets["span"].add((rid, p["start"], p["end"]))
            gi = align.get(pi, ("unaligned", pi))
            for f in FIELDS:
                v = _value(f, p)
                if f == "group" and v is not None:
                    v = align.get(v, ("unaligned", v))
                if v is not None:
                    pred_sets[f].add((rid, gi, v))
        for pi, p in enumerate(pred):
            gi = align.get(pi)
            if gi is None:
                errors.append(f"[{rid}] spurious {text[p['start']:p['end']]!r}")
                continue
            g = gold[gi]
            diffs = [f for f in ("start", "end", *FIELDS)
                     if f != "group" and _value(f, p) != _value(f, g)]
            if align.get(p["group"], p["group"]) != g["group"]:
                diffs.append("group")
            if diffs:
                errors.append(f"[{rid}] {g['text']!r}: " + ", ".join(
                    f"{f} {_value(f, g)!r}→{_value(f, p)!r}" if f not in ("start", "end") else
                    f"span→{text[p['start']:p['end']]!r}" for f in diffs if f != "end" or "start" not in diffs))
        for gi, g in enumerate(gold):
            if gi not in align.values():
                errors.append(f"[{rid}] missed {g['text']!r}")
    scores = {}
    for f in ("span", *FIELDS):
        tp = len(gold_sets[f] & pred_sets[f])
        scores[f] = _prf(tp, len(pred_sets[f]), len(gold_sets[f]))
    return scores, errors


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DATA
    records = load(path)
    scores, errors = evaluate(records)
    n = sum(len(r["citations"]) for r in records)
    print(f"{len(records)} texts, {n} labelled citations ({path.name})")
    print(f"{'metric':<10} {'precision':>9} {'recall':>7} {'F1':>7}")
    for f, (p, r, f1) in scores.items():
        print(f"{f:<10} {p:>9.4f} {r:>7.4f} {f1:>7.4f}")
    if errors:
        print(f"\n{len(errors)} disagreements:")
        for e in errors:
            print("  " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
