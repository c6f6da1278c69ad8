"""Field fidelity on the development corpus of real layouts (tests/data/real/): what vnplan reads
right, per field, per part and per source kind, and the list of misses.

    python benchmarks/fidelity.py                 # the table and every miss
    python benchmarks/fidelity.py --json out.json # the same as JSON
    python benchmarks/fidelity.py --only own/kh-  # documents whose gold path starts so

The gold files (written by reading each document, never by running vnplan) say what a careful
reader finds: header fields, top-level sections with their roles, the number of recipients, the
signature, the first citations and any attached plan. A key the gold leaves out is not scored;
``null`` is scored. A document vnplan refuses scores every field wrong (unless the gold says it
is an image-only scan, which must be refused).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import real_corpus  # noqa: E402  (tests/real_corpus.py builds the .docx/PDF documents)

import vnplan  # noqa: E402
from vnplan.errors import VnplanError  # noqa: E402
from vnplan.serialize import plan_to_dict  # noqa: E402
from vnplan.text import normalize  # noqa: E402

HEADER_KEYS = ("parent_authority", "authority", "national_motto", "number", "year", "symbol", "place", "date",
               "doc_type", "title")
SIGNATURE_KEYS = ("authority_form", "on_behalf_of", "position", "signer")


def norm(value: Any) -> Any:
    """Text compared as a reader sees it: NFC, one tone placement, single spaces."""
    if isinstance(value, str):
        text = normalize(unicodedata.normalize("NFC", value))
        return " ".join(text.split())
    return value


def same_date(gold: Any, got: Any) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    if isinstance(gold, str):
        y, m, d = (int(x) for x in gold.split("-"))
        gold = {"year": y, "month": m, "day": d}
    return all(gold.get(k) == got.get(k) for k in ("year", "month", "day"))


def same_text(key: str, gold: Any, got: Any) -> bool:
    if key == "title" and isinstance(gold, str) and isinstance(got, str):
        return norm(gold).rstrip(". ") == norm(got).rstrip(". ")
    return norm(gold) == norm(got)


def header_fields(gold: dict[str, Any], got: dict[str, Any]) -> list[tuple[str, bool, Any, Any]]:
    out = []
    for key in HEADER_KEYS:
        if key not in gold:
            continue
        value = got.get(key)
        ok = same_date(gold[key], value) if key == "date" else same_text(key, gold[key], value)
        out.append((f"header.{key}", ok, gold[key], value))
    return out


def distinct_citations(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The plan's cited documents in reading order, each once (short and self references left out)."""
    seen, out = set(), []
    for i, c in enumerate(plan.get("citations", [])):
        if c.get("kind", "full") != "full":
            continue
        group = c.get("group", i)
        if group in seen:
            continue
        seen.add(group)
        out.append(c)
    return out


def citation_matches(gold: dict[str, Any], got: dict[str, Any] | None) -> bool:
    if got is None:
        return False
    for key, value in gold.items():
        if key == "date":
            if not same_date(value, got.get("date_parts") or got.get("date")):
                return False
        elif norm(value) != norm(got.get(key)):
            return False
    return True


def score_plan(gold: dict[str, Any], plan: dict[str, Any], prefix: str = "") -> list[tuple[str, bool, Any, Any]]:
    fields: list[tuple[str, bool, Any, Any]] = []
    if "header" in gold:
        fields += header_fields(gold["header"], plan.get("header") or {})
    if "sections" in gold:
        got = [{"label": s["label"], "role": s["role"]} for s in plan.get("sections", [])]
        want = [{"label": s["label"], "role": s["role"]} for s in gold["sections"]]
        fields.append(("sections", [(norm(s["label"]), s["role"]) for s in got]
                       == [(norm(s["label"]), s["role"]) for s in want], want, got))
    if "recipients" in gold:
        n = len(plan.get("recipients", [])) or None
        fields.append(("recipients", n == gold["recipients"], gold["recipients"], n))
    if "signature" in gold:
        sig = plan.get("signature")
        if gold["signature"] is None:
            fields.append(("signature", not sig or not any(sig.get(k) for k in SIGNATURE_KEYS), None, sig))
        else:
            for key in SIGNATURE_KEYS:
                if key in gold["signature"]:
                    value = (sig or {}).get(key)
                    fields.append((f"signature.{key}", same_text(key, gold["signature"][key], value),
                                   gold["signature"][key], value))
    if "citations" in gold:
        got_c = distinct_citations(plan)
        for i, c in enumerate(gold["citations"]):
            g = got_c[i] if i < len(got_c) else None
            brief = {k: g.get(k) for k in c} if g else None
            fields.append((f"citations[{i}]", citation_matches(c, g), c, brief))
    for i, att in enumerate(gold.get("attached") or []):
        got_att = (plan.get("attached") or [])
        sub = got_att[i] if i < len(got_att) else {}
        fields += score_plan(att, sub, f"attached[{i}].")
    return [(prefix + name, ok, want, got) for name, ok, want, got in fields]


def evaluate(gold_path: Path) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = gold["document"]
    path = real_corpus.resolve(doc)
    if path is None or not path.exists():
        return {"document": doc, "kind": gold.get("kind"), "skipped": "the shared corpus is absent"}
    t0 = time.perf_counter()
    try:
        plan = plan_to_dict(vnplan.parse(path))
        refused = None
    except VnplanError as exc:
        plan, refused = {}, str(exc)
    ms = (time.perf_counter() - t0) * 1000
    if gold.get("refused"):
        fields = [("refused", refused is not None, True, refused)]
    elif refused is not None:
        fields = [(name, False, want, None) for name, _, want, _ in score_plan(gold, {})]
        fields.append(("refused", False, False, refused))
    else:
        fields = score_plan(gold, plan)
    return {"document": doc, "kind": gold.get("kind"), "layouts": gold.get("layouts", []), "ms": round(ms, 1),
            "refused": refused, "fields": [{"field": n, "ok": ok, "want": w, "got": g} for n, ok, w, g in fields]}


def part_of(field: str) -> str:
    field = field.split("].", 1)[1] if field.startswith("attached[") else field
    return field.split(".")[0].split("[")[0]


def report(results: list[dict[str, Any]]) -> str:
    scored = [r for r in results if "fields" in r]
    lines = []
    per_field: dict[str, list[bool]] = collections.defaultdict(list)
    per_part: dict[str, list[bool]] = collections.defaultdict(list)
    per_kind: dict[str, list[bool]] = collections.defaultdict(list)
    per_part_name = lambda f: ("attached " if f.startswith("attached[") else "") + part_of(f)  # noqa: E731
    for r in scored:
        for f in r["fields"]:
            name = f["field"].split("].", 1)[1] if f["field"].startswith("attached[") else f["field"]
            name = "citations" if name.startswith("citations[") else name
            per_field[name].append(f["ok"])
            per_part[per_part_name(f["field"])].append(f["ok"])
            per_kind[r["kind"] or "?"].append(f["ok"])
    every = [ok for v in per_field.values() for ok in v]

    def row(name: str, oks: list[bool]) -> str:
        return f"  {name:<28} {sum(oks):>5}/{len(oks):<5} {100 * sum(oks) / max(len(oks), 1):6.1f}%"

    refused = [r for r in scored if r["refused"] and not any(f["field"] == "refused" and f["ok"] for f in r["fields"])]
    skipped = [r for r in results if "skipped" in r]
    lines.append(f"Fidelity on {len(scored)} documents ({len(skipped)} skipped: shared corpus absent), "
                 f"{len(every)} fields: {100 * sum(every) / max(len(every), 1):.1f}% right; "
                 f"{len(refused)} refused wrongly")
    lines.append("By field:")
    lines += [row(k, v) for k, v in sorted(per_field.items())]
    lines.append("By part:")
    lines += [row(k, v) for k, v in sorted(per_part.items())]
    lines.append("By source kind:")
    lines += [row(k, v) for k, v in sorted(per_kind.items())]
    docs_ok = sum(all(f["ok"] for f in r["fields"]) for r in scored)
    lines.append(f"Documents read entirely right: {docs_ok}/{len(scored)}")
    ms = sorted(r["ms"] for r in scored)
    if ms:
        lines.append(f"Parse time per document: median {ms[len(ms) // 2]:.1f} ms, max {ms[-1]:.1f} ms")
    lines.append("Misses:")
    for r in scored:
        for f in r["fields"]:
            if not f["ok"]:
                lines.append(f"  {r['document']}: {f['field']}: want {json.dumps(f['want'], ensure_ascii=False)[:160]}"
                             f" got {json.dumps(f['got'], ensure_ascii=False)[:160]}")
    return "\n".join(lines)


def run(only: str | None = None) -> list[dict[str, Any]]:
    return [evaluate(p) for p in real_corpus.gold_files()
            if not only or json.loads(p.read_text(encoding="utf-8"))["document"].startswith(only)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    ap.add_argument("--only", help="score only documents whose gold 'document' starts with this")
    args = ap.parse_args()
    results = run(args.only)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
