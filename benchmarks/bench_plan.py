"""Per-plan cost in process: read, parse, every rule, compliance — beside the floor measured in the same run.

Run: python benchmarks/bench_plan.py [FILE ...] [--repeat N] [--profile NAME] [--corpus DIR]

For each file (default: the reference plan in samples/ and every file of a real-corpus folder
vnplan reads without LibreOffice: .txt, .md, .docx), after one warm-up run (patterns compiled,
the profile loaded), the median of ``--repeat`` runs of:

- floor: read the file's bytes, decode, NFC, one ``str.split`` pass;
- read: :func:`vnplan.read`;
- parse: :func:`vnplan.parse` (read included);
- check: parse + every rule, no profile;
- check + profile: parse + every rule + compliance with the shipped profile.

Each figure is printed beside its ratio to the floor. Targets (issue 17): check ≤ 6 ms per
plan, check + profile ≤ 8 ms, on the reference plan. Never a timed test: figures only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import vnplan  # noqa: E402
from vnplan.profiles import resolve  # noqa: E402

REFERENCE = ROOT / "samples" / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"
# ../shared/corpus beside the main checkout (/work/main → /work/shared), or beside a worktree's parent
CORPUS = next((c for c in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus") if c.is_dir()),
              ROOT.parent / "shared" / "corpus")
PROFILE = "bacgiang-14-KH-UBND-2024"
SUFFIXES = {".txt", ".md", ".docx"}  # .doc needs LibreOffice (seconds, not the parser); PDFs: bench_pdf.py


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def floor(path: Path) -> None:
    unicodedata.normalize("NFC", path.read_bytes().decode("utf-8", "replace")).split()


def measure(path: Path, profile: object, repeat: int) -> dict[str, float]:
    p = str(path)
    return {
        "floor": median_ms(lambda: floor(path), repeat),
        "read": median_ms(lambda: vnplan.read(p), repeat),
        "parse": median_ms(lambda: vnplan.parse(p), repeat),
        "check": median_ms(lambda: vnplan.check(vnplan.parse(p)), repeat),
        "check+profile": median_ms(lambda: vnplan.check(vnplan.parse(p), profile=profile), repeat),
    }


def files(args: argparse.Namespace) -> list[Path]:
    if args.files:
        return [Path(f) for f in args.files]
    found = [REFERENCE]
    corpus = Path(args.corpus)
    if corpus.is_dir():
        found += sorted(f for f in corpus.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                        and f.name not in ("README.md", "SOURCES.md"))
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--profile", default=PROFILE)
    ap.add_argument("--corpus", default=str(CORPUS), help="a folder of real documents (default ../shared/corpus)")
    args = ap.parse_args()
    profile = resolve(args.profile)
    cols = ("floor", "read", "parse", "check", "check+profile")
    print(f"{'file':<48} {'KB':>6} " + " ".join(f"{c + ' ms':>17}" for c in cols))
    for path in files(args):
        try:
            m = measure(path, profile, args.repeat)
        except vnplan.VnplanError as exc:
            print(f"{path.name[:48]:<48} skipped: {exc}")
            continue
        cells = " ".join(f"{m[c]:>8.2f} ({m[c] / m['floor']:>5.0f}×)" if c != "floor" else f"{m[c]:>17.3f}"
                         for c in cols)
        print(f"{path.name[:48]:<48} {path.stat().st_size / 1024:>6.1f} {cells}")
    print("targets (reference plan): check ≤ 6 ms, check+profile ≤ 8 ms (issue 17); (N×) = ratio to the floor")


if __name__ == "__main__":
    main()
