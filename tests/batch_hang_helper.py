"""Tests only: a file whose name holds "hang" makes vnplan's worker sleep, as a file that never ends would.

A test process that cannot monkeypatch the workers (they fork from a forkserver, a fresh
interpreter) has the forkserver import this module first::

    import multiprocessing as mp
    mp.set_forkserver_preload(["batch_hang_helper"])   # before the first batch starts the server

Every worker forked from that server then checks through :func:`check_file` below.
"""

from __future__ import annotations

import importlib
import os
import time

# not `import vnplan.batch.workers as workers`: the root package binds vnplan.batch to the function
workers = importlib.import_module("vnplan.batch.workers")

_real = workers.check_file


def check_file(path, options=workers.Options()):  # type: ignore[no-untyped-def]
    if "hang" in os.fsdecode(os.fspath(path)):
        time.sleep(600)
    return _real(path, options)


workers.check_file = check_file
