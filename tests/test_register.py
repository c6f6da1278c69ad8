"""The register: every checked plan recorded once per content hash, answering cross-document questions."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sqlite3
from pathlib import Path

import attrs
import pytest

import plan_factory as pf
from vnplan.batch import batch
from vnplan.errors import InputError, UsageError
from vnplan.register import MIGRATIONS, Register, parse_reference, read_units_csv, unit_key

DOCX_READER = importlib.util.find_spec("vnplan.read.docx") is not None
PARENT_DATE = dt.date(2024, 1, 21)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("plans")
    return root, pf.build_corpus(root, docx_reader=DOCX_READER)


@pytest.fixture(scope="module")
def filled(corpus, tmp_path_factory):  # type: ignore[no-untyped-def]
    root, _ = corpus
    db = tmp_path_factory.mktemp("reg") / "register.db"
    results = list(batch([root], jobs=1, register=db))
    return db, results


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_unit_names_match_whatever_the_case_marks_and_abbreviations() -> None:
    assert unit_key("UBND huyện Yên Thế") == unit_key("ỦY BAN NHÂN DÂN HUYỆN YÊN THẾ") == unit_key(
        "Uỷ ban nhân dân  huyện Yên Thế")
    assert unit_key("Sở KH&CN") == unit_key("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    assert unit_key("Sở Tư pháp") != unit_key("Sở Tài chính")


def test_a_reference_is_number_slash_symbol() -> None:
    assert parse_reference("14/KH-UBND") == ("14", "KH-UBND")
    assert parse_reference(" số 02 / KH-UBND ") == ("02", "KH-UBND")
    with pytest.raises(UsageError):
        parse_reference("KH-UBND")


def test_a_new_register_is_migrated_to_the_latest_version_in_wal_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Register(tmp_path / "r.db") as reg:
        assert reg.version == len(MIGRATIONS)
    with sqlite3.connect(tmp_path / "r.db") as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"schema_version", "documents", "citations", "findings", "requirement_results"} <= tables
    with Register(tmp_path / "r.db") as reg:  # reopening applies nothing twice
        assert reg.version == len(MIGRATIONS)
    assert _count(tmp_path / "r.db", "schema_version") == len(MIGRATIONS)


def test_a_register_from_a_newer_vnplan_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    Register(tmp_path / "r.db").close()
    with sqlite3.connect(tmp_path / "r.db") as c:
        c.execute("INSERT INTO schema_version VALUES (?, 'later')", (len(MIGRATIONS) + 1,))
    with pytest.raises(InputError, match="newer"):
        Register(tmp_path / "r.db")


def test_a_file_that_is_not_a_register_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "x.db").write_text("not sqlite at all, just some text" * 40)
    with pytest.raises(InputError, match="register"):
        Register(tmp_path / "x.db")


def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "app.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(InputError, match="not a vnplan register"):
        Register(db)
    assert db.read_bytes() == before
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["customers"]
    con.close()


def test_an_empty_sqlite_file_becomes_a_register(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "new.db"
    sqlite3.connect(db).close()
    with Register(db) as reg:
        assert reg.version == len(MIGRATIONS)


def test_every_plan_with_a_content_hash_is_recorded_with_its_citations_and_findings(filled, corpus) -> None:  # type: ignore[no-untyped-def]
    db, results = filled
    root, _ = corpus
    hashes = {r.sha256 for r in results if r.sha256}
    assert _count(db, "documents") == len(hashes)
    assert _count(db, "citations") == sum(len(r.citations) for r in {r.sha256: r for r in results}.values())
    assert _count(db, "findings") == sum(len(r.findings) for r in {r.sha256: r for r in results}.values())
    with Register(db) as reg:
        doc = reg.find(str(root / "so" / "00-stp.txt"))
        assert doc is not None and reg.find(doc.sha256[:10]) == doc
        d = reg.details(doc.id)
    assert d["unit"] == "SỞ TƯ PHÁP" and d["number"] == "100" and d["symbol"] == "KH-STP"
    assert d["parent_authority"] == "UBND TỈNH BẮC GIANG" and d["date"] == "2024-02-01"
    assert any(c["number"] == "14" and c["symbol"] == "KH-UBND" for c in d["citations"])


def test_rechecking_the_same_content_replaces_its_rows(filled, corpus) -> None:  # type: ignore[no-untyped-def]
    db, _ = filled
    root, _ = corpus
    before = {t: _count(db, t) for t in ("documents", "citations", "findings")}
    with Register(db) as reg:
        stamp = reg.find(str(root / "so" / "00-stp.txt")).checked_at  # type: ignore[union-attr]
    list(batch([root / "so"], jobs=1, register=db))
    assert {t: _count(db, t) for t in before} == before
    with Register(db) as reg:
        assert reg.find(str(root / "so" / "00-stp.txt")).checked_at > stamp  # type: ignore[union-attr]


def test_which_expected_units_have_not_yet_issued_a_plan_implementing_the_parent(filled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _ = filled
    units = tmp_path / "units.csv"
    units.write_text(pf.EXPECTED_UNITS_CSV, encoding="utf-8-sig")
    expected = read_units_csv(units)
    assert expected[0] == "Sở Tư pháp" and len(expected) == 8  # the header row is skipped
    with Register(db) as reg:
        assert reg.missing(expected, "14", "KH-UBND") == pf.EXPECTED_MISSING
        # a unit named with its province matches the unit under that province's UBND
        assert reg.missing(["Sở Tài chính tỉnh Bắc Giang", "Sở Tài chính tỉnh Lạng Sơn"], "14", "KH-UBND") == [
            "Sở Tài chính tỉnh Lạng Sơn"]
        # a parent nobody cites: every unit is missing
        assert reg.missing(expected, "99", "KH-UBND") == expected


def test_which_plans_cite_the_parent_with_a_wrong_date(filled, corpus) -> None:  # type: ignore[no-untyped-def]
    db, expected = filled[0], corpus[1]
    with Register(db) as reg:
        wrong = reg.wrong_dates("14", "KH-UBND", PARENT_DATE)
        right = reg.wrong_dates("14", "KH-UBND", dt.date(2024, 1, 12))
    want = sorted(k for k, v in expected.items() if v["wrong_date"])
    assert sorted(Path(w.document.path).relative_to(corpus[0]).as_posix() for w in wrong) == want
    assert len(want) == 5
    assert all(w.cited_date == "2024-01-12" and "14/KH-UBND" in w.cited for w in wrong)
    # against the date they do give, the five are right and every other plan is wrong
    assert not {w.document.path for w in wrong} & {w.document.path for w in right}


def test_the_history_of_a_units_plan_is_its_revisions_oldest_first(filled, corpus) -> None:  # type: ignore[no-untyped-def]
    db, _ = filled
    root, _ = corpus
    with Register(db) as reg:
        history = reg.history("Sở Tư pháp")
    paths = [Path(d.path).relative_to(root).as_posix() for d in history]
    want = ["so/00-stp.txt", "revisions/00-rev.txt"] + (["docx/00.docx"] if DOCX_READER else [])
    assert paths == want
    assert [d.date for d in history] == ["2024-02-01", "2024-03-02", "2024-04-03"][: len(want)]
    assert len({d.sha256 for d in history}) == len(history)


def test_each_plan_is_written_in_its_own_transaction(tmp_path, corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    good = next(iter(batch([root / "so" / "00-stp.txt"], jobs=1)))

    class Broken:
        rule = "F111"
        severity = "error"
        line = None
        location = None

        @property
        def message(self) -> str:
            raise RuntimeError("disk full")

    bad = attrs.evolve(good, sha256="f" * 64, findings=(Broken(),))
    with Register(tmp_path / "r.db") as reg:
        reg.record(good)
        with pytest.raises(RuntimeError):
            reg.record(bad)
        assert [d.sha256 for d in reg.documents()] == [good.sha256]
    assert _count(tmp_path / "r.db", "citations") == len(good.citations)


def test_an_interrupted_batch_keeps_every_plan_already_written(tmp_path, corpus) -> None:  # type: ignore[no-untyped-def]
    root, _ = corpus
    seen: list[str] = []

    def stop_after_five(r) -> None:  # type: ignore[no-untyped-def]
        seen.append(r.sha256)
        if len(seen) == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(batch([root / "so"], jobs=1, register=tmp_path / "r.db", progress=stop_after_five))
    with Register(tmp_path / "r.db") as reg:
        assert sorted(d.sha256 for d in reg.documents()) == sorted(seen)


def test_error_rows_are_recorded_but_never_count_as_implementing(filled) -> None:  # type: ignore[no-untyped-def]
    db, _ = filled
    with Register(db) as reg:
        docs = reg.documents()
        errors = [d for d in docs if d.error]
        assert any(d.path.endswith("truncated.docx") for d in errors)
        assert not {d.id for d in errors} & {d.id for d in reg.implementing("14", "KH-UBND")}


def test_two_writers_on_one_new_register_migrate_it_once_and_wait_for_each_other(tmp_path, corpus) -> None:  # type: ignore[no-untyped-def]
    import threading

    root, _ = corpus
    rows = list(batch([root / "so"], jobs=1))
    halves = (rows[::2], rows[1::2])
    errors: list[BaseException] = []

    def write(part) -> None:  # type: ignore[no-untyped-def]
        try:
            with Register(tmp_path / "r.db") as reg:
                for r in part:
                    reg.record(r)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(h,)) for h in halves]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Register(tmp_path / "r.db") as reg:
        assert sorted(d.sha256 for d in reg.documents()) == sorted(r.sha256 for r in rows)
    assert _count(tmp_path / "r.db", "schema_version") == len(MIGRATIONS)


def test_a_version_1_register_keeps_every_row_when_migrated_to_content_and_unit_keys(filled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Migration 2 rebuilds `documents` (UNIQUE (sha256, unit_key)); no citation or finding may be lost."""
    db, _ = filled
    old = tmp_path / "v1.db"
    src = sqlite3.connect(db)
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)")
    con.executescript(MIGRATIONS[0])
    con.execute("INSERT INTO schema_version VALUES (1, 'then')")
    for table in ("documents", "citations", "findings", "requirement_results"):
        rows = src.execute(f"SELECT * FROM {table}").fetchall()
        if rows:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    con.commit()
    con.close()
    src.close()
    before = {t: _count(old, t) for t in ("documents", "citations", "findings")}
    with Register(old) as reg:
        assert reg.version == len(MIGRATIONS) == 2
        # a plan's row (the folder also holds an image and a spreadsheet: rows without findings)
        doc = next(d for d in reg.documents() if reg.details(d.id)["findings"] or reg.details(d.id)["citations"])
    assert {t: _count(old, t) for t in before} == before
    with sqlite3.connect(old) as c:
        c.execute("PRAGMA foreign_keys=ON")
        c.execute("DELETE FROM documents WHERE id = ?", (doc.id,))  # still the parent of its rows
        assert c.execute("SELECT COUNT(*) FROM citations WHERE document_id = ?", (doc.id,)).fetchone()[0] == 0
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []


def test_many_openers_of_one_new_register_wait_for_the_switch_to_write_ahead_log(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # SQLite answers "PRAGMA journal_mode=WAL" with "database is locked" at once (no busy
    # handler) while another connection switches the same new file: openers must wait.
    import threading

    errors: list[BaseException] = []

    def open_it(path) -> None:  # type: ignore[no-untyped-def]
        try:
            with Register(path) as reg:
                assert reg.version == len(MIGRATIONS)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    for i in range(40):
        path = tmp_path / f"r{i}.db"
        threads = [threading.Thread(target=open_it, args=(path,)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors, errors[0]


def test_a_register_opener_retries_the_switch_to_write_ahead_log_while_it_is_locked() -> None:
    import sqlite3

    from vnplan.register import _use_wal

    class Busy:
        """A connection whose file another opener is switching for the first two tries."""

        def __init__(self) -> None:
            self.tries = 0

        def execute(self, sql: str):  # type: ignore[no-untyped-def]
            if sql == "PRAGMA journal_mode":
                return sqlite3.connect(":memory:").execute("SELECT 'delete'")
            self.tries += 1
            if self.tries <= 2:
                raise sqlite3.OperationalError("database is locked")
            return None

    db = Busy()
    _use_wal(db)  # type: ignore[arg-type]
    assert db.tries == 3
    with pytest.raises(sqlite3.OperationalError):
        _use_wal(Busy(), patience=0.0)  # type: ignore[arg-type]
