"""``vnplan serve``'s application without a browser: its guards, its private folder, its uploads, its runs."""

from __future__ import annotations

import io
import json
import os
import stat
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("flask", reason="vnplan serve needs the web extra (pip install 'vnplan[web]')")

from vnplan.web import Workspace, create_app  # noqa: E402
from vnplan.web import runs as web_runs  # noqa: E402
from vnplan.web.uploads import Store, safe_parts  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROFILE = "bacgiang-14-KH-UBND-2024"
PARENT = SAMPLES / "synthetic-parent-kh-tuyen-truyen-cchc-2025.txt"
HOST = {"base_url": "http://127.0.0.1:8765"}


@pytest.fixture()
def ws(tmp_path: Path) -> Iterator[Workspace]:
    w = Workspace(str(tmp_path))
    yield w
    w.close()


@pytest.fixture()
def client(ws: Workspace):  # type: ignore[no-untyped-def]
    app = create_app(ws, profile=PROFILE)
    c = app.test_client()
    c.environ_base["HTTP_X_VNPLAN_TOKEN"] = ws.token
    return c


def _files(*paths: Path) -> list[tuple[io.BytesIO, str]]:
    return [(io.BytesIO(p.read_bytes()), p.name) for p in paths]


def _run(client, data: dict) -> dict:  # type: ignore[no-untyped-def]
    res = client.post("/api/runs", data=data, content_type="multipart/form-data", **HOST)
    assert res.status_code == 200, res.get_json()
    run = res.get_json()
    for _ in range(600):
        status = client.get(f"/api/runs/{run['id']}", **HOST).get_json()
        if status["state"] != "running":
            return {**run, **status}
        time.sleep(0.05)
    raise AssertionError("the run never ended")


# --------------------------------------------------------------------------- guards


def test_the_private_folder_is_0700_and_deleted_on_close(tmp_path: Path) -> None:
    w = Workspace(str(tmp_path))
    assert stat.S_IMODE(os.stat(w.root).st_mode) == 0o700 and w.root.parent == tmp_path
    w.folder("runs")
    assert stat.S_IMODE(os.stat(w.root / "runs").st_mode) == 0o700
    w.close()
    assert not w.root.exists()


def test_the_page_answers_only_to_its_own_host(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/", **HOST).status_code == 200
    assert client.get("/", base_url="http://localhost:9000").status_code == 200
    for evil in ("http://evil.example", "http://127.0.0.1.evil.example:8765", "http://192.168.1.5:8765"):
        res = client.get("/", base_url=evil)
        assert res.status_code == 403 and "địa chỉ của chính máy này" in res.get_json()["error"]


def test_every_request_but_the_page_needs_its_token_and_its_origin(ws: Workspace) -> None:
    c = create_app(ws).test_client()
    assert c.get("/api/profiles", **HOST).status_code == 403
    assert c.post("/api/runs", **HOST).status_code == 403
    assert c.get("/api/profiles", headers={"X-Vnplan-Token": "guess"}, **HOST).status_code == 403
    ok = {"X-Vnplan-Token": ws.token}
    assert c.get("/api/profiles", headers=ok, **HOST).status_code == 200
    assert c.get(f"/api/profiles?t={ws.token}", **HOST).status_code == 200
    other = c.post("/api/runs", headers={**ok, "Origin": "http://evil.example"}, **HOST)
    assert other.status_code == 403


def test_the_page_loads_nothing_from_the_network_and_says_so_in_its_policy(client, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    res = client.get("/", **HOST)
    html = res.get_data(as_text=True)
    policy = res.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert html.count(f'nonce="{nonce}"') == 3  # the style, the words, the script
    assert "http://" not in html and "https://" not in html and "src=" not in html and "<link" not in html
    assert ws.token in html and 'lang="vi"' in html and "Kiểm tra kế hoạch của các đơn vị" in html
    assert res.headers["X-Content-Type-Options"] == "nosniff"


def test_an_upload_too_large_is_refused_in_vietnamese(ws: Workspace) -> None:
    c = create_app(ws, max_upload=1000).test_client()
    res = c.post("/api/runs", data={"plans": (io.BytesIO(b"x" * 5000), "a.txt")}, content_type="multipart/form-data",
                 headers={"X-Vnplan-Token": ws.token}, **HOST)
    assert res.status_code == 413 and "quá lớn" in res.get_json()["error"]


# --------------------------------------------------------------------------- uploads kept safely


@pytest.mark.parametrize(("name", "why"), [
    ("../../etc/passwd.txt", "parent"), ("a/../../b.txt", "parent"), ("/etc/x.txt", "absolute"),
    ("C:\\Windows\\x.txt", "absolute"), ("\\\\server\\share\\x.txt", "absolute"), ("a\x00b.txt", "control"),
    ("a\nb.txt", "control"), ("CON", "device"), ("nul.txt", "device"), ("dir/COM1.docx", "device"),
    ("LPT9.md", "device"), ("x" * 300 + ".txt", "long"), ("/".join(["d"] * 20) + "/a.txt", "deep"),
    (".hidden.txt", "hidden"), ("~$lock.docx", "hidden"), ("", "empty"), ("./", "empty"),
])
def test_names_that_would_escape_the_folder_or_cannot_be_files_are_refused(name: str, why: str) -> None:
    assert safe_parts(name) == why


def test_ordinary_names_keep_their_folders_in_nfc() -> None:
    assert safe_parts("Sở Tư pháp/ke-hoach.docx") == ("Sở Tư pháp", "ke-hoach.docx")
    assert safe_parts("so\\noi vu\\kh.pdf") == ("so", "noi vu", "kh.pdf")
    assert safe_parts("Ho\u0300a.txt") == ("Hòa.txt",)


def test_a_store_keeps_files_inside_its_folder_without_overwriting(tmp_path: Path) -> None:
    store = Store(tmp_path / "in")
    store.folder.mkdir()
    outside = tmp_path / "outside.txt"
    for name in ("a.txt", "a.txt", "../outside.txt", "notes.xls", "Thumbs.db", "b/c.md"):
        store.add(name, io.BytesIO(b"KE HOACH"))
    # a file of another format is kept: the run gives it a row saying what it is; folder litter is not
    assert [Path(p).relative_to(store.folder).as_posix() for p in store.kept] == ["a.txt", "a (2).txt", "notes.xls",
                                                                                  "b/c.md"]
    assert [r for _, r in store.skipped] == ["parent", "hidden"] and not outside.exists()
    assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in store.kept)


def _zip(entries: dict[str, bytes], *, link: str | None = None) -> io.BytesIO:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, "/etc/passwd")
    buf.seek(0)
    return buf


def test_a_zip_is_unpacked_by_the_same_rules_zip_slip_links_and_nested_archives_refused(tmp_path: Path) -> None:
    store = Store(tmp_path / "in")
    store.folder.mkdir()
    archive = _zip({"so/ke-hoach.txt": b"KE HOACH", "../../evil.txt": b"x", "/abs.txt": b"x", "inner.zip": b"PK",
                    "CON.txt": b"x", "readme.xls": b"x"}, link="link.txt")
    store.add("nop/ho-so.zip", archive)
    assert [Path(p).relative_to(store.folder).as_posix() for p in store.kept] == ["nop/ho-so/so/ke-hoach.txt",
                                                                                  "nop/ho-so/readme.xls"]
    assert sorted(r for _, r in store.skipped) == ["absolute", "device", "link", "nested_zip", "parent"]
    assert not (tmp_path / "evil.txt").exists()


def test_a_zip_bomb_stops_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnplan.web import uploads

    monkeypatch.setattr(uploads, "MAX_UNPACKED_BYTES", 1 << 20)
    store = Store(tmp_path / "in")
    store.folder.mkdir()
    store.add("bomb.zip", _zip({f"p{k}.txt": b"0" * (600 << 10) for k in range(4)}))
    assert len(store.kept) == 1 and [r for _, r in store.skipped] == ["too_large"] * 3
    assert sum(os.path.getsize(p) for p in store.kept) <= 1 << 20
    store.add("broken.zip", io.BytesIO(b"PK\x03\x04 not really"))
    assert store.skipped[-1] == ("broken.zip", "bad_zip")


# --------------------------------------------------------------------------- runs


def test_the_samples_give_a_matrix_a_plan_view_and_every_download(client, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    run = _run(client, {"profile": f"shipped:{PROFILE}", "plans": _files(*sorted(SAMPLES.iterdir()))})
    assert run["state"] == "done" and run["done"] == run["total"] == 6
    m = client.get(f"/api/runs/{run['id']}/matrix", **HOST).get_json()
    assert "đơn vị đạt" in m["headline"] and len(m["requirements"]) == 36 and len(m["units"]) == 6
    assert '<table id="matrix"' in m["html"] and 'href="#plan/0/' in m["html"]
    i = next(u["i"] for u in m["units"] if u["unit"] == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
    view = client.get(f"/api/runs/{run['id']}/plans/{i}", **HOST).get_json()
    assert '<mark class="finding' in view["html"] and "Căn cứ" in view["html"] and view["skeleton"]
    for kind in ("xlsx", "csv", "json", "html", "baseline"):
        res = client.get(f"/runs/{run['id']}/download/{kind}", **HOST)
        assert res.status_code == 200 and "attachment" in res.headers["Content-Disposition"], kind
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"/runs/{run['id']}/download/xlsx", **HOST).data))
    assert book.sheetnames == ["Ma trận", "Phát hiện", "Yêu cầu"]
    doc = client.get(f"/runs/{run['id']}/skeleton/{i}.docx", **HOST)
    assert doc.status_code == 200 and doc.data[:2] == b"PK"
    md = client.get(f"/runs/{run['id']}/skeleton/{i}.md", **HOST)
    assert md.status_code == 200 and "KẾ HOẠCH" in md.get_data(as_text=True)


def test_uploads_never_leave_the_private_folder(client, ws: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = {"plans": [(io.BytesIO(SAMPLES.joinpath("bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt").read_bytes()),
                       "../../../escaped.txt"),
                      (_zip({"../zipslip.txt": b"x", "ok.txt": PARENT.read_bytes()}), "goi.zip")]}
    res = client.post("/api/runs", data=data, content_type="multipart/form-data", **HOST).get_json()
    assert [s["name"] for s in res["skipped"]] == ["../../../escaped.txt", "goi.zip/../zipslip.txt"]
    assert all(Path(p).resolve().is_relative_to(ws.root) for p in ws.root.rglob("*"))
    assert not list(tmp_path.parent.glob("escaped.txt")) and not list(tmp_path.glob("*zipslip*"))


def test_a_baseline_uploaded_with_the_plans_hides_the_accepted_findings(client) -> None:  # type: ignore[no-untyped-def]
    plans = _files(SAMPLES / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt")
    first = _run(client, {"plans": plans})
    accepted = client.get(f"/runs/{first['id']}/download/baseline", **HOST).data
    assert json.loads(accepted)["accepted"]
    again = _run(client, {"plans": _files(SAMPLES / "bacgiang-skhcn-kh-tuyen-truyen-cchc-2024.txt"),
                          "baseline": (io.BytesIO(accepted), "accepted.json")})
    assert again["accepted"] > 0
    m = client.get(f"/api/runs/{again['id']}/matrix", **HOST).get_json()
    assert "1/1 đơn vị đạt" in m["headline"]


def test_a_profile_derived_from_a_parent_plan_is_reviewed_before_use(client) -> None:  # type: ignore[no-untyped-def]
    res = client.post("/api/profiles/derive", data={"parent": (io.BytesIO(PARENT.read_bytes()), PARENT.name)},
                      content_type="multipart/form-data", **HOST)
    derived = res.get_json()
    assert res.status_code == 200 and not derived["reviewed"] and len(derived["requirements"]) > 5
    refused = client.post("/api/runs", data={"profile": f"local:{derived['id']}", "plans": _files(PARENT)},
                          content_type="multipart/form-data", **HOST)
    assert refused.status_code == 400  # not reviewed yet
    keep = [q["id"] for q in derived["requirements"][:4]]
    accepted = client.post(f"/api/profiles/{derived['id']}/accept", json={"keep": keep}, **HOST).get_json()
    assert accepted["reviewed"] and [q["id"] for q in accepted["requirements"]] == keep
    run = _run(client, {"profile": f"local:{derived['id']}", "plans": _files(PARENT)})
    m = client.get(f"/api/runs/{run['id']}/matrix", **HOST).get_json()
    assert [q["id"] for q in m["requirements"]] == keep


def test_an_uploaded_profile_is_checked_and_a_bad_one_refused_in_vietnamese(client) -> None:  # type: ignore[no-untyped-def]
    good = Path(__file__).parent / "data" / "synthetic-parent-kh-tuyen-truyen-cchc-2025.profile.json"
    res = client.post("/api/profiles/upload", data={"profile": (io.BytesIO(good.read_bytes()), "p.json")},
                      content_type="multipart/form-data", **HOST)
    assert res.status_code == 200 and res.get_json()["reviewed"]
    bad = client.post("/api/profiles/upload", data={"profile": (io.BytesIO(b'{"id": 1}'), "p.json")},
                      content_type="multipart/form-data", **HOST)
    assert bad.status_code == 400 and "hồ sơ yêu cầu không hợp lệ" in bad.get_json()["error"]


def test_a_long_run_reports_progress_and_stops_when_cancelled(client, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    real = web_runs.batch

    def slow(files, **kw):  # type: ignore[no-untyped-def]
        for r in real(files, jobs=1, **kw):
            time.sleep(0.2)
            yield r

    monkeypatch.setattr(web_runs, "batch", slow)
    plans = [(io.BytesIO(PARENT.read_bytes()), f"u{k}.txt") for k in range(30)]
    res = client.post("/api/runs", data={"plans": plans}, content_type="multipart/form-data", **HOST).get_json()
    assert res["total"] == 30
    for _ in range(600):  # the first plan may take a while on a loaded machine: wait for it, not a fixed time
        mid = client.get(f"/api/runs/{res['id']}", **HOST).get_json()
        if mid["done"] > 0:
            break
        time.sleep(0.05)
    assert mid["state"] == "running" and 0 < mid["done"] < 30 and mid["current"].startswith("u")
    client.post(f"/api/runs/{res['id']}/cancel", **HOST)
    for _ in range(100):
        status = client.get(f"/api/runs/{res['id']}", **HOST).get_json()
        if status["state"] != "running":
            break
        time.sleep(0.05)
    assert status["state"] == "cancelled" and status["done"] < 30
    m = client.get(f"/api/runs/{res['id']}/matrix", **HOST).get_json()
    assert len(m["units"]) == status["done"]  # what was checked before the stop stays on the page
