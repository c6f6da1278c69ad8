"""Results kept on disk (kết quả tạm) so a report can read every row, some twice, in flat memory."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator

from vnplan.results import PlanResult


class Spool:
    """Results kept on disk (pickled in a temporary file), to be read back as often as needed.

    A report needs every row, some of them twice (columns first, then rows); a spool lets
    it do so in flat memory whatever the number of plans. Use it as a context manager or
    call :meth:`close` to delete the file.
    """

    def __init__(self) -> None:
        fd, self._path = tempfile.mkstemp(prefix="vnplan-batch-", suffix=".pickle")
        self._w = os.fdopen(fd, "wb")
        self._n = 0
        self._offsets: list[int] = []  # where each result starts, for reading one back (a report's own order)

    def append(self, result: PlanResult) -> None:
        self._offsets.append(self._w.tell())
        pickle.dump(result, self._w, protocol=pickle.HIGHEST_PROTOCOL)
        self._n += 1

    def __getitem__(self, i: int) -> PlanResult:
        """Result ``i`` (in the order appended), read back from the file."""
        self._w.flush()
        with open(self._path, "rb") as fh:
            fh.seek(self._offsets[i])
            return pickle.load(fh)  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[PlanResult]:
        self._w.flush()
        n = self._n
        with open(self._path, "rb") as fh:
            for _ in range(n):
                yield pickle.load(fh)

    def close(self) -> None:
        if not self._w.closed:
            self._w.close()
        try:
            os.unlink(self._path)
        except FileNotFoundError:
            pass

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Spool"]
