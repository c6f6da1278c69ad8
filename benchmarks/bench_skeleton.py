"""Skeleton speed: building and saving a .docx skeleton (target < 100 ms), against python-docx
creating an empty document and saving it, measured in the same run; and the Markdown skeleton.

Run: python benchmarks/bench_skeleton.py [--repeat N] [--profile NAME]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from vnplan.generate import skeleton, skeleton_markdown  # noqa: E402
from vnplan.profiles import load  # noqa: E402

TARGET_MS = 100.0
UNIT = dict(unit="Sở Tư pháp", parent_unit="UBND tỉnh Bắc Giang", symbol="KH-STP", signer_name="Nguyễn Văn An",
            deputy=True)


def timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--profile", default="bacgiang-14-KH-UBND-2024")
    args = ap.parse_args()
    profile = load(args.profile)  # loaded once, as a batch of skeletons would

    def baseline() -> None:
        docx.Document().save(io.BytesIO())

    def docx_skeleton() -> None:
        skeleton(profile, **UNIT).save(io.BytesIO())

    def md_skeleton() -> None:
        skeleton_markdown(profile, **UNIT)

    t0 = time.perf_counter()
    docx_skeleton()  # first call: imports, vocabulary, template
    first = time.perf_counter() - t0
    rows = [("python-docx empty Document + save", *timed(baseline, args.repeat)),
            ("vnplan skeleton .docx (build + save)", *timed(docx_skeleton, args.repeat)),
            ("vnplan skeleton Markdown", *timed(md_skeleton, args.repeat))]
    print(f"profile: {profile.id} ({len(profile.requirements)} requirements), repeat {args.repeat}")
    for name, best, med in rows:
        print(f"{name:<38} best {best * 1e3:7.2f} ms  median {med * 1e3:7.2f} ms")
    print(f"{'first .docx skeleton (cold, in-process)':<38}      {first * 1e3:7.2f} ms")
    med = rows[1][2] * 1e3
    print(f"target < {TARGET_MS:.0f} ms (median .docx): {'met' if med < TARGET_MS else 'NOT met'}; "
          f"{med / (rows[0][2] * 1e3):.1f}x the empty-document baseline")


if __name__ == "__main__":
    main()
