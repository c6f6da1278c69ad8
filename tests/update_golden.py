"""Rewrite the golden JSON files from the current parser: run after an intended change, then review the diff."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_golden import CORPUS, GOLDEN, golden_dict  # noqa: E402

from vnplan.serialize import dumps  # noqa: E402

GOLDEN.mkdir(exist_ok=True)
for path in CORPUS:
    (GOLDEN / (path.stem + ".json")).write_text(dumps(golden_dict(path)) + "\n", encoding="utf-8")
    print("wrote", path.stem + ".json")
