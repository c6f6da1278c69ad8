"""The register of checked documents (sổ đăng ký văn bản): a SQLite file answering cross-document questions.

Every checked plan is one row of ``documents`` keyed by the SHA-256 of its content and its
unit (byte-identical files from two units are two documents), with its header, citations,
findings and requirement results in child tables. Re-checking the same content for the same
unit, or at the same path, replaces its rows; each plan is written in one transaction as its
result arrives, so an interrupted batch keeps everything already written. The schema evolves through the
numbered migrations in :data:`MIGRATIONS`, recorded in ``schema_version``.

Questions: which expected units have not yet issued a plan implementing a parent plan
(:meth:`Register.missing`), which plans cite the parent with a wrong date
(:meth:`Register.wrong_dates`), the history of a unit's plan (:meth:`Register.history`).
Unit names match tolerantly: case, diacritics, spacing and common abbreviations (UBND,
HĐND, KH&CN…) do not matter (:func:`unit_key`).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

import vnplan.vocab as vocab
from vnplan.errors import InputError, UsageError
from vnplan.pattern import guarded
from vnplan.results import DocumentRow, PlanResult, WrongDate, without_surrogates
from vnplan.text import fold

#: Schema migrations, in order; migration ``k`` (from 1) brings the schema to version ``k``.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        format TEXT,
        unit TEXT NOT NULL,
        unit_key TEXT NOT NULL,
        unit_source TEXT NOT NULL,
        parent_authority TEXT,
        authority TEXT,
        number TEXT,
        symbol TEXT,
        place TEXT,
        date TEXT,
        date_year INTEGER,
        date_month INTEGER,
        date_day INTEGER,
        doc_type TEXT,
        title TEXT,
        status TEXT NOT NULL,
        errors INTEGER NOT NULL DEFAULT 0,
        warnings INTEGER NOT NULL DEFAULT 0,
        infos INTEGER NOT NULL DEFAULT 0,
        profile TEXT,
        score REAL,
        error TEXT,
        checked_at TEXT NOT NULL
    );
    CREATE INDEX documents_unit ON documents(unit_key);
    CREATE TABLE citations (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        doc_type TEXT,
        number TEXT,
        symbol TEXT,
        symbol_key TEXT,
        year INTEGER,
        date TEXT,
        date_year INTEGER,
        date_month INTEGER,
        date_day INTEGER,
        issuer TEXT,
        kind TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (document_id, position)
    );
    CREATE INDEX citations_ref ON citations(symbol_key, number);
    CREATE TABLE findings (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        line INTEGER,
        location TEXT,
        PRIMARY KEY (document_id, position)
    );
    CREATE TABLE requirement_results (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        profile TEXT NOT NULL,
        requirement_id TEXT NOT NULL,
        kind TEXT,
        text TEXT,
        status TEXT NOT NULL,
        score REAL,
        mandatory INTEGER NOT NULL,
        note TEXT,
        evidence TEXT NOT NULL,
        PRIMARY KEY (document_id, position)
    );
    """,
    # 2: a document is its content *and* its unit. Byte-identical files from two units (a
    # template whose unit comes from the file name) were one row, so `register missing` listed
    # one of the units as missing. SQLite cannot drop a UNIQUE constraint: the table is rebuilt
    # (foreign keys are off while migrations run, so the child rows stay).
    """
    CREATE TABLE documents_v2 (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        path TEXT NOT NULL,
        format TEXT,
        unit TEXT NOT NULL,
        unit_key TEXT NOT NULL,
        unit_source TEXT NOT NULL,
        parent_authority TEXT,
        authority TEXT,
        number TEXT,
        symbol TEXT,
        place TEXT,
        date TEXT,
        date_year INTEGER,
        date_month INTEGER,
        date_day INTEGER,
        doc_type TEXT,
        title TEXT,
        status TEXT NOT NULL,
        errors INTEGER NOT NULL DEFAULT 0,
        warnings INTEGER NOT NULL DEFAULT 0,
        infos INTEGER NOT NULL DEFAULT 0,
        profile TEXT,
        score REAL,
        error TEXT,
        checked_at TEXT NOT NULL,
        UNIQUE (sha256, unit_key)
    );
    INSERT INTO documents_v2 SELECT * FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_v2 RENAME TO documents;
    CREATE INDEX documents_unit ON documents(unit_key);
    CREATE INDEX documents_path ON documents(path);
    """,
)

# Abbreviations in unit names, expanded before comparing (on folded text): ``vnplan/vocab/abbreviations.json``
# (uses ``unit_key``), folded as the names are (``KH&CN`` → ``kh cn``).
_UNIT_ABBREVIATIONS: dict[str, str] = {
    fold(e.abbr): fold(e.expansion) for e in vocab.abbreviations().used_for("unit_key")
}
_ABBR_RE = guarded(
    r"\b(?:" + "|".join(regex.escape(k) for k in sorted(_UNIT_ABBREVIATIONS, key=len, reverse=True)) + r")\b"
)


def unit_key(name: str | None) -> str:
    """The tolerant key of a unit name: folded (no case, marks, punctuation), abbreviations expanded.

    ``UBND huyện Yên Thế``, ``ỦY BAN NHÂN DÂN HUYỆN YÊN THẾ`` and ``Uỷ ban nhân dân huyện
    Yên Thế`` share one key; so do ``Sở KH&CN`` and ``SỞ KHOA HỌC VÀ CÔNG NGHỆ``.
    """
    k = fold(name or "")
    return _ABBR_RE.sub(lambda m: _UNIT_ABBREVIATIONS[m.group(0)], k)


def _symbol_key(symbol: str | None) -> str:
    return fold(symbol or "")


def _number_key(number: str | None) -> str:
    n = (number or "").strip()
    return n.lstrip("0") or n


def parse_reference(ref: str) -> tuple[str, str]:
    """``"14/KH-UBND"`` → ``("14", "KH-UBND")``; a usage error when the form is wrong."""
    m = regex.fullmatch(r"\s*(?:số\s*)?(\d+[a-zA-Z]?)\s*/\s*([\p{L}\d][\p{L}\d&./\-]*)\s*", ref, flags=regex.I)
    if not m:
        raise UsageError(f"not a document reference: {ref!r}", hint="write it as NUMBER/SYMBOL, e.g. 14/KH-UBND")
    return m.group(1), m.group(2)


_DOC_COLUMNS = ("id, sha256, path, unit, number, symbol, date, title, status, errors, score, error, "
                "checked_at, authority, parent_authority, profile, date_year, date_month, date_day")


def _row(r: Sequence[Any]) -> DocumentRow:
    names = [f.name for f in attrs.fields(DocumentRow)][:16]
    return DocumentRow(**dict(zip(names, r[:16], strict=True)), date_parts=(r[16], r[17], r[18]))


def _use_wal(db: sqlite3.Connection, *, patience: float = 30.0) -> None:
    """Put the file in write-ahead-log mode, waiting for other openers as ``BEGIN`` would.

    SQLite answers ``PRAGMA journal_mode=WAL`` with "database is locked" at once, without
    calling the busy handler, while another connection is switching the same new file; two
    processes opening a new register together must wait for each other, not fail.
    """
    deadline = time.monotonic() + patience
    pause = 0.005
    while True:
        try:
            if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                return
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


class Register:
    """A register file; open it with ``Register(path)`` (created and migrated when needed)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        if os.path.isdir(self.path):
            raise InputError("the register path is a folder", path=self.path, hint="give a file name, e.g. register.db")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "schema_version" not in tables:  # another program's database: leave it alone
                self._db.close()
                raise InputError("not a vnplan register: this SQLite database holds other tables", path=self.path,
                                 hint="give a new file name or an existing vnplan register")
            _use_wal(self._db)
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"cannot open the register: {exc}", path=self.path,
                             hint="is it a vnplan register (SQLite) file?") from None

    # ---- lifecycle

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        """Apply the migrations this file lacks, each in its own transaction.

        The version is read again under the write lock, so two processes opening a new
        register at once apply each migration once.
        """
        db = self._db
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
        # a migration may rebuild a parent table; with foreign keys on, dropping it would delete
        # every child row (SQLite ignores this pragma inside a transaction, hence here)
        db.execute("PRAGMA foreign_keys=OFF")
        try:
            while True:
                db.execute("BEGIN IMMEDIATE")
                try:
                    current = self.version
                    if current > len(MIGRATIONS):
                        raise InputError(f"the register has schema version {current}, newer than this vnplan knows "
                                         f"({len(MIGRATIONS)})", path=self.path, hint="upgrade vnplan")
                    if current == len(MIGRATIONS):
                        db.execute("COMMIT")
                        return
                    for stmt in _statements(MIGRATIONS[current]):
                        db.execute(stmt)
                    if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
                        raise InputError(f"migration {current + 1} would leave rows without their document",
                                         path=self.path, hint="please report it; the register is unchanged")
                    db.execute("INSERT INTO schema_version VALUES (?, ?)", (current + 1, _now()))
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        finally:
            db.execute("PRAGMA foreign_keys=ON")

    # ---- writing

    def record(self, result: PlanResult, *, checked_at: str | None = None) -> int | None:
        """Record one :class:`vnplan.results.PlanResult` in one transaction; returns the document id.

        A result without a content hash (the file could not even be opened) is not recorded.
        The same content for the same unit, or at the same path, replaces the rows it had.
        Text a SQLite file cannot hold (a lone surrogate) is replaced by U+FFFD first; a
        failure to write is an :class:`~vnplan.errors.InputError` naming the register, and
        every plan recorded before it stays.
        """
        if not result.sha256:
            return None
        result = without_surrogates(result)
        try:
            return self._record(result, checked_at)
        except sqlite3.Error as exc:
            raise InputError(f"cannot write to the register: {exc}", path=self.path,
                             hint="every plan recorded before this one is kept") from None

    def _record(self, result: PlanResult, checked_at: str | None) -> int | None:
        h = result.header or {}
        d = h.get("date_parts") or {}
        cov = result.coverage
        db = self._db
        path = os.path.abspath(result.file)
        key = unit_key(result.unit)
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM documents WHERE sha256 = ? AND (unit_key = ? OR path = ?)",
                       (result.sha256, key, path))
            cur = db.execute(
                "INSERT INTO documents (sha256, path, format, unit, unit_key, unit_source, parent_authority,"
                " authority, number, symbol, place, date, date_year, date_month, date_day, doc_type, title,"
                " status, errors, warnings, infos, profile, score, error, checked_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    result.sha256, path, result.format, result.unit, key,
                    result.unit_source, h.get("parent_authority"), h.get("authority"), h.get("number"),
                    h.get("symbol"), h.get("place"), h.get("date") or _partial_iso(d), d.get("year"),
                    d.get("month"), d.get("day"), h.get("doc_type"), h.get("title"), result.status,
                    result.counts.get("error", 0), result.counts.get("warning", 0),
                    result.counts.get("info", 0), getattr(cov, "profile", None),
                    float(cov.score) if cov is not None else None, result.error, checked_at or _now(),
                ),
            )
            doc_id = cur.lastrowid
            db.executemany(
                "INSERT INTO citations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (doc_id, k, c.get("doc_type"), c.get("number"), c.get("symbol"), _symbol_key(c.get("symbol")),
                     c.get("year"), c.get("date") or _partial_iso(c.get("date_parts") or {}),
                     *_parts(c.get("date_parts")), c.get("issuer"), c.get("kind"), c.get("text") or "")
                    for k, c in enumerate(result.citations)
                ],
            )
            db.executemany(
                "INSERT INTO findings VALUES (?,?,?,?,?,?,?)",
                [(doc_id, k, f.rule, f.severity, f.message, f.line, f.location) for k, f in enumerate(result.findings)],
            )
            if cov is not None:
                db.executemany(
                    "INSERT INTO requirement_results VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        (doc_id, k, cov.profile, q.id, q.kind, q.text, q.status, float(q.score), int(bool(q.mandatory)),
                         q.note, json.dumps([{"text": e.text, "matched": list(e.matched)} for e in q.evidence],
                                            ensure_ascii=False))
                        for k, q in enumerate(cov.requirements)
                    ],
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return doc_id

    def record_all(self, results: Iterable[PlanResult]) -> int:
        n = 0
        for r in results:
            n += self.record(r) is not None
        return n

    # ---- reading

    def documents(self, unit: str | None = None) -> list[DocumentRow]:
        """Every document (or a unit's, tolerantly matched), by unit, then date, then check time."""
        sql = f"SELECT {_DOC_COLUMNS} FROM documents"
        args: tuple[Any, ...] = ()
        if unit is not None:
            sql += " WHERE unit_key = ?"
            args = (unit_key(unit),)
        sql += (" ORDER BY unit_key, COALESCE(date_year, 0), COALESCE(date_month, 0), COALESCE(date_day, 0),"
                " checked_at, path")
        return [_row(r) for r in self._db.execute(sql, args)]

    def history(self, unit: str) -> list[DocumentRow]:
        """The revisions of a unit's plan: its documents (different hashes) oldest first, by date then check time."""
        return self.documents(unit)

    def find(self, key: str) -> DocumentRow | None:
        """A document by its path (as stored: absolute; a relative one is made absolute) or a hash prefix (6+ characters)."""
        rows = self._db.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE path IN (?, ?) ORDER BY checked_at DESC",
                                (key, os.path.abspath(key))).fetchall()
        if not rows and len(key) >= 6 and regex.fullmatch(r"[0-9a-fA-F]+", key):
            rows = self._db.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE sha256 LIKE ?",
                                    (key.lower() + "%",)).fetchall()
            if len(rows) > 1:
                same = len({r[1] for r in rows}) == 1  # one content recorded for several units
                raise UsageError(f"hash prefix {key!r} matches {len(rows)} documents",
                                 hint="give its path" if same else "give more characters, or its path")
        return _row(rows[0]) if rows else None

    def details(self, doc_id: int) -> dict[str, Any]:
        """A document with its citations, findings and requirement results, as a JSON-ready dict."""
        cols = [c[1] for c in self._db.execute("PRAGMA table_info(documents)")]
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise UsageError(f"no document with id {doc_id}")
        out: dict[str, Any] = dict(zip(cols, row))
        out["citations"] = [
            dict(zip(("doc_type", "number", "symbol", "year", "date", "issuer", "kind", "text"), r))
            for r in self._db.execute(
                "SELECT doc_type, number, symbol, year, date, issuer, kind, text FROM citations"
                " WHERE document_id = ? ORDER BY position", (doc_id,))
        ]
        out["findings"] = [
            dict(zip(("rule", "severity", "message", "line", "location"), r))
            for r in self._db.execute(
                "SELECT rule, severity, message, line, location FROM findings WHERE document_id = ?"
                " ORDER BY position", (doc_id,))
        ]
        out["requirements"] = [
            {**dict(zip(("profile", "id", "kind", "text", "status", "score", "mandatory", "note"), r[:8])),
             "mandatory": bool(r[6]), "evidence": json.loads(r[8])}
            for r in self._db.execute(
                "SELECT profile, requirement_id, kind, text, status, score, mandatory, note, evidence"
                " FROM requirement_results WHERE document_id = ? ORDER BY position", (doc_id,))
        ]
        return out

    def implementing(self, number: str, symbol: str) -> list[DocumentRow]:
        """Readable documents that cite document ``number/symbol`` (and are not that document)."""
        rows = self._db.execute(
            f"SELECT DISTINCT {', '.join('d.' + c.strip() for c in _DOC_COLUMNS.split(','))}"
            " FROM documents d JOIN citations c ON c.document_id = d.id"
            " WHERE d.error IS NULL AND c.symbol_key = ? AND LTRIM(c.number, '0') = ?"
            " ORDER BY d.unit_key, d.date_year, d.date_month, d.date_day, d.checked_at",
            (_symbol_key(symbol), _number_key(number)),
        ).fetchall()
        return [d for d in map(_row, rows) if not _is_itself(d, number, symbol)]

    def missing(self, expected: Iterable[str], number: str, symbol: str) -> list[str]:
        """The expected units (as given) with no registered plan citing ``number/symbol``.

        A unit matches a document when their :func:`unit_key` are equal, or when the expected
        name is the document's unit followed by words of its parent authority (``Sở Tư pháp
        tỉnh Bắc Giang`` matches ``SỞ TƯ PHÁP`` under ``UBND TỈNH BẮC GIANG``).
        """
        docs = self.implementing(number, symbol)
        keys = [(unit_key(d.unit), unit_key(d.parent_authority)) for d in docs]
        out = []
        for name in expected:
            k = unit_key(name)
            if not k:
                continue
            if not any(_unit_matches(k, dk, pk) for dk, pk in keys):
                out.append(name)
        return out

    def wrong_dates(self, number: str, symbol: str, date: _dt.date) -> list[WrongDate]:
        """Readable documents citing ``number/symbol`` with a (full or partial) date other than ``date``."""
        rows = self._db.execute(
            f"SELECT {', '.join('d.' + c.strip() for c in _DOC_COLUMNS.split(','))},"
            " c.text, c.date, c.date_year, c.date_month, c.date_day"
            " FROM documents d JOIN citations c ON c.document_id = d.id"
            " WHERE d.error IS NULL AND c.symbol_key = ? AND LTRIM(c.number, '0') = ?"
            " ORDER BY d.unit_key, d.path, c.position",
            (_symbol_key(symbol), _number_key(number)),
        ).fetchall()
        out: list[WrongDate] = []
        seen: set[tuple[int, str]] = set()
        for r in rows:
            y, m, d = r[-3:]
            if y is None and m is None and d is None:
                continue  # an undated (short) citation says nothing about the date
            if (y is None or y == date.year) and (m is None or m == date.month) and (d is None or d == date.day):
                continue
            doc = _row(r[:19])
            if _is_itself(doc, number, symbol) or (doc.id, r[19]) in seen:
                continue
            seen.add((doc.id, r[19]))
            out.append(WrongDate(document=doc, cited=r[19], cited_date=r[20]))
        return out


def _is_itself(doc: DocumentRow, number: str, symbol: str) -> bool:
    """Whether a document is the parent itself (its own number and symbol)."""
    return _number_key(doc.number) == _number_key(number) and _symbol_key(doc.symbol) == _symbol_key(symbol)


def _unit_matches(expected: str, unit: str, parent: str) -> bool:
    if expected == unit:
        return True
    if unit and expected.startswith(unit + " "):
        rest = expected[len(unit) + 1:]
        return bool(parent) and (f" {rest} " in f" {parent} ")
    return False


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds")


def _parts(d: dict[str, Any] | None) -> tuple[Any, Any, Any]:
    d = d or {}
    return d.get("year"), d.get("month"), d.get("day")


def _partial_iso(d: dict[str, Any]) -> str | None:
    if not d or not d.get("year"):
        return None
    out = f"{d['year']:04d}"
    if d.get("month"):
        out += f"-{d['month']:02d}"
        if d.get("day"):
            out += f"-{d['day']:02d}"
    return out


#: A list of units larger than this is refused (a province's units fit in a few KB).
MAX_UNITS_BYTES = 10_000_000


def read_units_csv(path: str | os.PathLike[str]) -> list[str]:
    """Unit names from the first column of a CSV file (UTF-8, BOM allowed); a header row is skipped."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_UNITS_BYTES + 1)
        if len(raw) > MAX_UNITS_BYTES:
            raise InputError(f"the list of units is larger than {MAX_UNITS_BYTES // 1_000_000} MB "
                             "(vnplan.register.MAX_UNITS_BYTES)", path=str(path), hint="one unit name a line")
        rows = [r for r in csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")) if r and r[0].strip()]
    except OSError as exc:
        raise InputError(f"cannot read the list of units: {exc.strerror}", path=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("the list of units is not UTF-8 text", path=str(path), hint="save it as CSV UTF-8") from None
    except csv.Error as exc:  # a field past the csv module's limit (131 072 characters), a NUL byte
        raise InputError(f"the list of units is not a CSV file: {exc}", path=str(path),
                         hint="one unit name a line, in the first column") from None
    names = [r[0].strip() for r in rows]
    if names and fold(names[0]) in {"unit", "units", "don vi", "ten don vi", "co quan", "ten co quan", "name"}:
        names = names[1:]
    if not names:
        raise InputError("the list of units is empty", path=str(path))
    return names


__all__ = ["MIGRATIONS", "Register", "parse_reference", "read_units_csv", "unit_key"]
