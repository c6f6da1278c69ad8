"""Compliance matching speed: matching a parsed plan against a profile, next to parsing alone.

Run: python benchmarks/bench_compliance.py [FILE] [--profile NAME_OR_JSON] [--repeat N]
Target (issue 6): a plan against a 40-requirement profile under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import attrs  # noqa: E402

from vnplan.parse import parse_document  # noqa: E402
from vnplan.profiles import Profile, load  # noqa: E402
from vnplan.profiles.derive import derive  # noqa: E402
from vnplan.profiles.match import match  # noqa: E402
from vnplan.read.text import read_text  # noqa: E402


SYNTHETIC = "synthetic-parent-kh-tuyen-truyen-cchc-2025.txt"


def timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def forty(profile: Profile) -> Profile:
    """Pad a profile to 40 requirements with the content, forms and targets derived from the synthetic
    parent in samples/ (renamed, so they are matched as separate requirements)."""
    if len(profile.requirements) >= 40:
        return profile
    extra = derive(parse_document(read_text((ROOT / "samples" / SYNTHETIC).read_text(encoding="utf-8"))))
    pool = [r for r in extra.requirements if r.kind in ("content", "form", "target")]
    need = 40 - len(profile.requirements)
    pad = tuple(attrs.evolve(r, id=f"PAD-{r.id}") for r in pool[:need])
    return attrs.evolve(profile, requirements=profile.requirements + pad)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(ROOT / "samples" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"))
    ap.add_argument("--profile", default="bacgiang-14-KH-UBND-2024")
    ap.add_argument("--repeat", type=int, default=100)
    args = ap.parse_args()
    text = Path(args.file).read_text(encoding="utf-8")
    profile = forty(load(args.profile))
    plan = parse_document(read_text(text))
    cov = match(plan, profile)  # warm caches (vocabulary, compiled patterns)
    p_best, p_med = timed(lambda: parse_document(read_text(text)), args.repeat)
    m_best, m_med = timed(lambda: match(plan, profile), args.repeat)
    c = cov.counts()
    print(f"file: {args.file} ({len(text.encode()) / 1024:.1f} KB); profile {profile.id} padded to 40: "
          f"{len(profile.requirements)} requirements ({c['met']} met, {c['partial']} partial, {c['missing']} missing)")
    print(f"read+parse        : best {p_best * 1e3:7.2f} ms  median {p_med * 1e3:7.2f} ms")
    print(f"match (compliance): best {m_best * 1e3:7.2f} ms  median {m_med * 1e3:7.2f} ms  "
          f"({m_med / len(profile.requirements) * 1e3:.3f} ms per requirement)")
    print(f"ratio match/parse : {m_med / p_med:.1f}x   target: under 50 ms -> {'met' if m_med < 0.050 else 'NOT met'}")
    other = parse_document(read_text((ROOT / "samples" / SYNTHETIC).read_text(encoding="utf-8")))
    o_best, o_med = timed(lambda: match(other, profile), args.repeat)
    oc = match(other, profile).counts()
    print(f"match, unrelated plan ({SYNTHETIC}: {oc['met']} met, {oc['missing']} missing): "
          f"best {o_best * 1e3:.2f} ms  median {o_med * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
