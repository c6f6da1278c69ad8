"""The page's start and a first check: ``vnplan serve`` launched, the six samples uploaded and checked.

Run: python benchmarks/bench_serve.py [--repeat N] [--profile NAME]
Target (issue 16): starting the page and checking the six samples under 2 s on this machine.

Each round launches ``python -m vnplan serve --port 0`` in a fresh process and measures, from
the launch, until the page has answered (GET /) and until a run of ``samples/`` (uploaded as
the page's script uploads them) reports ``done``. The baseline, measured in the same run
and the same way, is the command line doing the same work: ``python -m vnplan batch
samples/ -o report.json`` in a fresh process, and ``python -c "import vnplan"`` for the
start-up alone. Besides the wall-clock seconds, each line gives the CPU seconds the child
processes used (user + system, ``getrusage``): on a machine shared with other jobs the wall
clock includes the waits for a core, the CPU time is the work itself, which a machine at
rest does in about that many seconds of wall clock. Both the page and the command line check
the six samples in one worker process with a time limit (``vnplan batch``'s policy for a small
batch), whose start is part of both figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").iterdir())
TARGET_S = 2.0
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def _multipart(fields: dict[str, str], files: list[Path]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = bytearray()
    for k, v in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    for f in files:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="plans"; filename="{f.name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode() + f.read_bytes() + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def _call(url: str, token: str | None = None, body: bytes | None = None, ctype: str | None = None) -> bytes:
    req = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET")
    if token:
        req.add_header("X-Vnplan-Token", token)
    if ctype:
        req.add_header("Content-Type", ctype)
    with urllib.request.urlopen(req, timeout=60) as res:
        return res.read()  # type: ignore[no-any-return]


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def page_round(profile: str | None) -> tuple[float, float, float]:
    """Seconds from the launch to the page's first answer, and to the six samples checked; CPU seconds."""
    cpu0 = _cpu()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen([sys.executable, "-m", "vnplan", "serve", "--port", "0"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env={**ENV, "TMPDIR": tmp}, cwd=tmp)
        try:
            line: list[str] = []
            reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
            reader.start()
            reader.join(60)
            found = re.search(r"http://127\.0\.0\.1:\d+/", line[0] if line else "")
            if found is None:
                raise SystemExit(f"vnplan serve did not start: {line}")
            url = found.group(0)
            html = _call(url).decode("utf-8")
            t_page = time.perf_counter() - t0
            token = re.search(r'name="vnplan-token" content="([^"]+)"', html).group(1)  # type: ignore[union-attr]
            body, ctype = _multipart({"profile": f"shipped:{profile}" if profile else ""}, SAMPLES)
            run = json.loads(_call(url + "api/runs", token, body, ctype))
            while True:
                status = json.loads(_call(f"{url}api/runs/{run['id']}", token))
                if status["state"] != "running":
                    break
                time.sleep(0.02)
            json.loads(_call(f"{url}api/runs/{run['id']}/matrix", token))  # what the page shows next
            t_done = time.perf_counter() - t0
            if status["done"] != len(SAMPLES):
                raise SystemExit(f"the run checked {status['done']} of {len(SAMPLES)} samples")
        finally:
            proc.terminate()
            proc.wait(30)
    return t_page, t_done, _cpu() - cpu0


def cli_round(profile: str | None) -> tuple[float, float, float, float]:
    """Seconds for ``import vnplan`` in a fresh process and for ``vnplan batch samples/`` to a JSON
    report, then the CPU seconds of each."""
    cpu0 = _cpu()
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import vnplan"], env=ENV, check=True)
    t_import = time.perf_counter() - t0
    cpu_import = _cpu() - cpu0
    with tempfile.TemporaryDirectory() as tmp:
        args = [sys.executable, "-m", "vnplan", "batch", str(ROOT / "samples"), "-o", str(Path(tmp) / "r.json")]
        if profile:
            args += ["--profile", profile]
        cpu0 = _cpu()
        t0 = time.perf_counter()
        subprocess.run(args, env=ENV, stdout=subprocess.DEVNULL, check=False)
        t_batch = time.perf_counter() - t0
    return t_import, t_batch, cpu_import, _cpu() - cpu0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", default="bacgiang-14-KH-UBND-2024", help="'' for none")
    args = ap.parse_args()
    profile = args.profile or None
    page = [page_round(profile) for _ in range(args.repeat)]
    cli = [cli_round(profile) for _ in range(args.repeat)]
    med = statistics.median

    def line(label: str, wall: list[float], cpu: list[float]) -> None:
        print(f"{label:<48}: {med(wall):6.2f} s wall ({min(wall):.2f} best), {med(cpu):5.2f} s CPU")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{len(SAMPLES)} samples ({sum(p.stat().st_size for p in SAMPLES) / 1024:.0f} KB), profile: {profile}, "
          f"{args.repeat} rounds, medians; load average {load:.1f} on {os.cpu_count()} cores")
    line("baseline  import vnplan (fresh process)", [c[0] for c in cli], [c[2] for c in cli])
    line("baseline  vnplan batch samples/ -o r.json", [c[1] for c in cli], [c[3] for c in cli])
    line("page      vnplan serve: first answer", [p[0] for p in page], [float("nan")] * len(page))
    line("page      vnplan serve + six samples checked", [p[1] for p in page], [p[2] for p in page])
    total, cpu = med(p[1] for p in page), med(p[2] for p in page)
    print(f"target: under {TARGET_S:.0f} s -> wall {'met' if total < TARGET_S else 'NOT met'}, "
          f"CPU {'met' if cpu < TARGET_S else 'NOT met'} (medians); the page costs "
          f"{total - med(c[1] for c in cli):+.2f} s wall, {cpu - med(c[3] for c in cli):+.2f} s CPU over the command line")


if __name__ == "__main__":
    main()
