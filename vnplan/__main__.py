"""``python -m vnplan`` and the ``vnplan`` script: the command line.

``vnplan --version`` is answered here, before click and the command group are imported (a lazy
import, docs/design.md): it needs nothing but the version, and costs about what Python's own
start-up does (benchmarks/bench_startup.py).
"""

from __future__ import annotations

import sys

from vnplan.version import __version__


def run(argv: list[str] | None = None) -> None:
    """The console entry point: ``--version`` at once, anything else through :func:`vnplan.cli.main`."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        sys.stdout.write(f"vnplan, version {__version__}\n")
        return
    from vnplan.cli import main

    main(args, prog_name="vnplan")


if __name__ == "__main__":
    run()
