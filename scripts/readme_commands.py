"""Run every command of the README's "Command line" section (and its Quick start check) on the samples.

The Quick start's ``vnplan`` command runs as written, and the output the README shows under it
(the ```text block; ``…`` stands for left-out lines, a line ending in ``…`` for its beginning)
must be what it prints, in that order.

CI runs this from a folder outside the checkout, against the installed wheel, so that what the
README promises is what a user gets. Placeholders of the README (``PLAN.txt``, ``plans/`` …) are
mapped to the bundled samples below; a placeholder left unmapped fails the run, so a command
added to the README is either runnable here or this table grows.

    python scripts/readme_commands.py --readme README.md --samples samples
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

REFERENCE = "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"
PROFILE = "bacgiang-14-KH-UBND-2024"


def placeholders(samples: Path) -> dict[str, str]:
    """README placeholder → what it stands for on the bundled samples."""
    return {
        "PLAN.txt": str(samples / REFERENCE),
        "NAME_OR_FILE": PROFILE,
        "PARENT.txt": str(samples / "synthetic-parent-kh-tuyen-truyen-cchc-2025.txt"),
        "plans/": str(samples) + "/",
        "units.csv": "units.csv",  # written by main(): a user's own list of expected units
    }


def commands(readme: str) -> list[str]:
    """The shell commands of the ``## Command line`` section's code block, continuations joined."""
    section = re.search(r"^## Command line\n(.*?)(?=^## )", readme, re.S | re.M)
    if not section:
        raise SystemExit("README.md has no '## Command line' section")
    block = re.search(r"```bash\n(.*?)```", section.group(1), re.S)
    if not block:
        raise SystemExit("the Command line section has no ```bash block")
    text = block.group(1).replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def quick_start(readme: str) -> tuple[list[str], list[str]]:
    """The Quick start's ``vnplan`` command (what follows ``&&``) and the output lines it shows."""
    section = re.search(r"^## Quick start\n(.*?)(?=^## )", readme, re.S | re.M)
    if not section:
        raise SystemExit("README.md has no '## Quick start' section")
    block = re.search(r"```bash\n(.*?)```", section.group(1), re.S)
    shown = re.search(r"```text\n(.*?)```", section.group(1), re.S)
    if not block or not shown:
        raise SystemExit("the Quick start section needs a ```bash block and the ```text output it shows")
    line = next((ln for ln in block.group(1).splitlines() if "vnplan " in ln), None)
    if line is None:
        raise SystemExit("the Quick start runs no vnplan command")
    return shlex.split(line.split("&&")[-1]), shown.group(1).splitlines()


def shown_output_matches(shown: list[str], output: str) -> list[str]:
    """Shown lines not found in ``output`` in order (empty when the README tells the truth)."""
    lines = output.splitlines()
    pos, missing = 0, []
    for want in shown:
        if want.strip() in ("", "…"):
            continue
        prefix = want.endswith("…")
        key = want[:-1] if prefix else want
        for k in range(pos, len(lines)):
            if (lines[k].startswith(key) if prefix else lines[k] == want):
                pos = k + 1
                break
        else:
            missing.append(want)
    return missing


def substitute(command: str, table: dict[str, str]) -> list[str]:
    argv = []
    for word in shlex.split(command):
        word = table.get(word, word)
        if re.fullmatch(r"[A-Z][A-Z_]+(\.[a-z]+)?", word) and word not in ("-",):
            raise SystemExit(f"unmapped README placeholder {word!r} in: {command}")
        argv.append(word)
    return argv


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readme", type=Path, required=True)
    ap.add_argument("--samples", type=Path, required=True)
    args = ap.parse_args()
    samples = args.samples.resolve()
    table = placeholders(samples)
    Path("units.csv").write_text("Đơn vị\nSở Khoa học và Công nghệ\nSở Tư pháp\nUBND huyện Lục Ngạn\n",
                                 encoding="utf-8")
    readme = args.readme.read_text(encoding="utf-8")
    quick, shown = quick_start(readme)
    # the Quick start's main job, run where the README runs it (the checkout's root)
    proc = subprocess.run(quick, capture_output=True, text=True, cwd=samples.parent)
    missing = shown_output_matches(shown, proc.stdout)
    bad = proc.returncode not in (0, 1) or bool(missing)
    print(f"{'FAIL' if bad else 'ok  '} exit {proc.returncode}  {shlex.join(quick)} (shown output checked)")
    for want in missing:
        print(f"  the README shows a line it does not print: {want}", file=sys.stderr)
    failed = int(bad)
    runs = [["vnplan", "check", str(samples / REFERENCE)]]
    runs += [substitute(c, table) for c in commands(readme)]
    for argv in runs:
        t0 = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True, text=True)
        ms = (time.perf_counter() - t0) * 1000
        bad = proc.returncode not in (0, 1) or "Traceback" in proc.stderr or "internal error" in proc.stderr \
            or "lỗi nội bộ" in proc.stderr
        if "-o" in argv and not bad:
            out = Path(argv[argv.index("-o") + 1])
            bad = not out.is_file() or out.stat().st_size == 0
        print(f"{'FAIL' if bad else 'ok  '} exit {proc.returncode} {ms:6.0f} ms  {shlex.join(argv)}")
        if bad:
            failed += 1
            print(proc.stderr.strip()[-2000:] or proc.stdout.strip()[-2000:], file=sys.stderr)
    print(f"{len(runs) + 1 - failed}/{len(runs) + 1} README commands ran")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
