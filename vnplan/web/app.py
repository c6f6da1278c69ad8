"""The page's web application (ứng dụng web): Flask routes over vnplan's functions, one private folder, no network.

Everything a clerk uploads goes into one private temporary folder (mode 0700, made by
:class:`Workspace`, deleted when the page stops), and only there: Werkzeug's spooled
uploads included. The application answers only to a ``Host`` of the address it listens on
(``127.0.0.1``, ``localhost``), so a web page elsewhere cannot reach it through DNS
rebinding; every request but the page itself must carry the page's random token (a header
for the page's own requests, ``?t=`` for its download links), which another site's page
cannot read, so it cannot post files or read results (no CSRF). The page loads nothing from
the network: its style and script are inline, allowed by a Content-Security-Policy nonce.
"""

from __future__ import annotations

import hmac
import io
import json
import os
import secrets
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

import flask
from werkzeug.exceptions import HTTPException

import vnplan.vocab as vocab
from vnplan.baseline import Baseline, render_baseline, results_baseline
from vnplan.errors import ProfileError, VnplanError
from vnplan.generate import skeleton, skeleton_markdown
from vnplan.parse import parse
from vnplan.profiles import load, names, profile_to_dict, validate
from vnplan.profiles.derive import derive
from vnplan.read import read
from vnplan.report import iter_batch
from vnplan.report.html import headline, matrix_table
from vnplan.report.messages import error_text
from vnplan.report.plan_view import render_plan_view, render_unreadable
from vnplan.results import requirement_columns, summary
from vnplan.web.page import page
from vnplan.web.runs import Run, start
from vnplan.vocab.types import by_language
from vnplan.web.uploads import Store, safe_parts

_WEB = by_language(vocab.labels().web)

#: Largest request (all the files of one upload together), in bytes, unless ``max_upload`` says otherwise.
MAX_UPLOAD = 512 << 20
#: Most parts (files and fields) of one upload: a folder of a few thousand plans.
MAX_PARTS = 10_000
#: What each download is called and its media type.
DOWNLOADS: dict[str, tuple[str, str]] = {
    "xlsx": ("vnplan-ket-qua.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": ("vnplan-ket-qua.csv", "text/csv; charset=utf-8"),
    "json": ("vnplan-ket-qua.json", "application/json"),
    "html": ("vnplan-bao-cao.html", "text/html; charset=utf-8"),
    "baseline": ("vnplan-da-chap-nhan.json", "application/json"),
}


class Workspace:
    """The page's private folder and what it holds: runs, profiles uploaded or derived, the token."""

    def __init__(self, root: str | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="vnplan-serve-", dir=root))  # mode 0700
        os.chmod(self.root, 0o700)
        self.spool = self.root / "spool"
        self.spool.mkdir(mode=0o700)
        self.token = secrets.token_urlsafe(32)
        self.runs: dict[str, Run] = {}
        self.profiles: dict[str, dict[str, Any]] = {}  # id → {path, title, reviewed}
        self.lock = threading.Lock()

    def folder(self, kind: str) -> Path:
        """A new private folder for one upload of ``kind`` (runs, profiles, parents)."""
        (self.root / kind).mkdir(mode=0o700, exist_ok=True)
        path = self.root / kind / secrets.token_hex(8)
        path.mkdir(mode=0o700)
        return path

    def close(self) -> None:
        for run in list(self.runs.values()):
            run.cancel()
        for run in list(self.runs.values()):
            run.wait(30)
        shutil.rmtree(self.root, ignore_errors=True)


class _Request(flask.Request):
    """Uploads are spooled inside the private folder, never in the system's temporary folder."""

    def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                         filename: str | None = None, content_length: int | None = None) -> Any:
        return tempfile.SpooledTemporaryFile(max_size=1 << 20, dir=flask.current_app.config["VNPLAN_SPOOL"])


def create_app(workspace: Workspace, *, hosts: tuple[str, ...] = ("127.0.0.1", "localhost"), lang: str = "vi",
               profile: str | None = None, max_upload: int = MAX_UPLOAD) -> flask.Flask:
    """The application over ``workspace``, answering to ``hosts`` (with any port)."""
    app = flask.Flask("vnplan.web")
    app.request_class = _Request
    app.config.update(MAX_CONTENT_LENGTH=max_upload, MAX_FORM_PARTS=MAX_PARTS, VNPLAN_SPOOL=str(workspace.spool),
                      MAX_FORM_MEMORY_SIZE=1 << 20)
    ws, allowed = workspace, {h.lower() for h in hosts}

    @app.before_request
    def _guard() -> Any:
        host = (flask.request.host or "").lower()
        name = host[1:host.index("]")] if host.startswith("[") and "]" in host else host.rsplit(":", 1)[0]
        if name not in allowed and f"[{name}]" not in allowed:
            return _refuse(403, "host")
        if flask.request.endpoint in ("index", None):
            return None
        given = flask.request.headers.get("X-Vnplan-Token") or flask.request.args.get("t") or ""
        if not hmac.compare_digest(given.encode(), ws.token.encode()):
            return _refuse(403, "token")
        origin = flask.request.headers.get("Origin")
        if origin is not None and origin != f"http://{flask.request.host}":
            return _refuse(403, "origin")
        return None

    @app.after_request
    def _headers(resp: flask.Response) -> flask.Response:
        nonce = getattr(flask.g, "nonce", "")
        resp.headers["Content-Security-Policy"] = (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src data:; "
            "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
        resp.headers.update({"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                             "Cache-Control": "no-store", "X-Frame-Options": "DENY"})
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        return _refuse(exc.code or 500, "too_large" if exc.code == 413 else "bad_request")

    def _refuse(code: int, why: str) -> Any:
        words = _words(lang)
        return flask.jsonify({"error": words.get(f"refused_{why}", words["refused_bad_request"])}), code

    @app.get("/")
    def index() -> Any:
        flask.g.nonce = secrets.token_urlsafe(16)
        shipped = [(n, len(load(n).requirements)) for n in names()]
        return page(token=ws.token, nonce=flask.g.nonce, lang=lang, shipped=shipped, default=profile)

    @app.get("/api/profiles")
    def profiles() -> Any:
        local = [{"id": k, "title": v["title"], "reviewed": v["reviewed"]} for k, v in ws.profiles.items()]
        return {"shipped": list(names()), "local": local}

    @app.post("/api/profiles/upload")
    def upload_profile() -> Any:
        f = flask.request.files.get("profile")
        if f is None:
            return _refuse(400, "bad_request")
        return _profile_answer(_keep_profile(ws, f.stream.read(), reviewed=True, lang=lang), lang)

    @app.post("/api/profiles/derive")
    def derive_profile() -> Any:
        f = flask.request.files.get("parent")
        parts = safe_parts(f.filename or "") if f is not None else "empty"
        if f is None or isinstance(parts, str):
            return _refuse(400, "bad_request")
        store = Store(ws.folder("parents"))
        store.add("/".join(parts), f.stream)
        if not store.kept:
            return _refuse(400, "bad_request")
        try:
            prof = derive(parse(read(store.kept[0])))
            data = profile_to_dict(prof)
            validate(data)
        except VnplanError as exc:
            return {"error": error_text(exc, lang)}, 400
        return _profile_answer(_keep_profile(ws, json.dumps(data, ensure_ascii=False).encode(), reviewed=False, lang=lang), lang)

    @app.post("/api/profiles/<pid>/accept")
    def accept_profile(pid: str) -> Any:
        entry = ws.profiles.get(pid)
        if entry is None:
            flask.abort(404)
        keep = set((flask.request.get_json(silent=True) or {}).get("keep") or [])
        data = json.loads(Path(entry["path"]).read_text(encoding="utf-8"))
        data["requirements"] = [q for q in data["requirements"] if q["id"] in keep]
        try:
            validate(data)
        except VnplanError as exc:
            return {"error": error_text(exc, lang)}, 400
        Path(entry["path"]).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        entry["reviewed"] = True
        return _profile_answer(pid, lang)

    def _profile_answer(pid: str | dict[str, Any], lang: str) -> Any:
        if isinstance(pid, dict):  # an error
            return pid, 400
        entry = ws.profiles[pid]
        prof = load(entry["path"])
        reqs = [{"id": q.id, "kind": q.kind, "text": q.text, "mandatory": q.mandatory} for q in prof.requirements]
        return {"id": pid, "title": entry["title"], "reviewed": entry["reviewed"], "requirements": reqs}

    @app.post("/api/runs")
    def new_run() -> Any:
        form = flask.request.form
        try:
            prof, prof_name = _profile_of(ws, form.get("profile") or "")
            base = Baseline()
            upload = flask.request.files.get("baseline")
            if upload is not None and upload.filename:
                base = Baseline.from_dict(json.loads(upload.stream.read().decode("utf-8-sig")))
        except (VnplanError, ValueError) as exc:
            return {"error": error_text(exc, lang) if isinstance(exc, VnplanError) else _words(lang)["bad_baseline"]}, 400
        folder = ws.folder("runs")
        store = Store(folder / "plans")
        store.folder.mkdir(mode=0o700)
        store.add_all((f.filename or "", f.stream) for f in flask.request.files.getlist("plans"))
        run = Run(id=folder.name, folder=store.folder, profile=prof, profile_name=prof_name, baseline=base, lang=lang,
                  skipped=store.skipped)
        with ws.lock:
            ws.runs[run.id] = run
        start(run)
        words = _words(lang)
        skipped = [{"name": n, "reason": words.get(f"skip_{r}", r)} for n, r in store.skipped]
        return {"id": run.id, "total": run.total, "skipped": skipped}

    def _run(rid: str) -> Run:
        run = ws.runs.get(rid)
        if run is None:
            flask.abort(404)
        return run

    @app.get("/api/runs/<rid>")
    def run_status(rid: str) -> Any:
        return _run(rid).status()

    @app.post("/api/runs/<rid>/cancel")
    def run_cancel(rid: str) -> Any:
        run = _run(rid)
        run.cancel()
        return run.status()

    @app.get("/api/runs/<rid>/matrix")
    def run_matrix(rid: str) -> Any:
        run = _run(rid)
        if run.state == "running":
            return run.status(), 409
        reqs = requirement_columns(run.shown)
        table = "".join(matrix_table(run.shown, lang=lang, reqs=reqs, link=lambda i, where: f"#plan/{i}/{where}"))
        units = [{"i": i, "unit": r.unit, "file": Path(r.file).name} for i, r in enumerate(run.shown)]
        return {"headline": headline(summary(run.shown), lang), "html": table, "units": units,
                "requirements": reqs, "profile": run.profile_name, "status": run.status(),
                "plans": len(run.shown)}

    @app.get("/api/runs/<rid>/plans/<int:i>")
    def run_plan(rid: str, i: int) -> Any:
        run = _run(rid)
        if not 0 <= i < len(run.shown):
            flask.abort(404)
        r = run.shown[i]
        if r.error is not None:
            return {"html": render_unreadable(r, lang=lang), "unit": r.unit, "skeleton": bool(run.profile)}
        try:
            doc = read(run.path_of(r))
        except VnplanError as exc:
            return {"error": error_text(exc, lang)}, 400
        return {"html": render_plan_view(doc, r, lang=lang), "unit": r.unit, "skeleton": bool(run.profile)}

    @app.get("/runs/<rid>/download/<kind>")
    def download(rid: str, kind: str) -> Any:
        run = _run(rid)
        if kind not in DOWNLOADS or run.state == "running":
            flask.abort(404)
        name, mime = DOWNLOADS[kind]
        if kind == "baseline":
            body: bytes = render_baseline(results_baseline(run.raw)).encode("utf-8")
        else:
            pieces = iter_batch(run.shown, kind, lang=lang, profile=run.profile_name, bom=True)
            body = b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in pieces)
        return flask.send_file(io.BytesIO(body), mimetype=mime, as_attachment=True, download_name=name)

    @app.get("/runs/<rid>/skeleton/<int:i>.<ext>")
    def unit_skeleton(rid: str, i: int, ext: str) -> Any:
        run = _run(rid)
        if not 0 <= i < len(run.shown) or ext not in ("docx", "md") or run.profile is None:
            flask.abort(404)
        r = run.shown[i]
        h = r.header or {}
        options: dict[str, Any] = {"unit": r.unit, "parent_unit": h.get("parent_authority"),
                                   "symbol": h.get("symbol"), "place": h.get("place"), "lang": lang}
        try:
            if ext == "md":
                body = skeleton_markdown(run.profile, **options).encode("utf-8")
            else:
                buf = io.BytesIO()
                skeleton(run.profile, **options).save(buf)
                body = buf.getvalue()
        except VnplanError as exc:
            return flask.Response(error_text(exc, lang), status=400, mimetype="text/plain; charset=utf-8")
        mime = "text/markdown; charset=utf-8" if ext == "md" else (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        return flask.send_file(io.BytesIO(body), mimetype=mime, as_attachment=True,
                               download_name=f"khung-ke-hoach-{i + 1}.{ext}")

    return app


def _words(lang: str) -> dict[str, str]:
    return _WEB["en" if lang == "en" else "vi"]


def _keep_profile(ws: Workspace, raw: bytes, *, reviewed: bool, lang: str) -> str | dict[str, Any]:
    """Keep an uploaded or derived profile in the folder; its id, or the error to show."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
        validate(data)
        prof = load(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {"error": _words(lang)["bad_profile"]}
    except ProfileError as exc:
        return {"error": error_text(exc, lang)}
    pid = secrets.token_hex(6)
    path = ws.folder("profiles") / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ws.profiles[pid] = {"path": str(path), "title": prof.title or prof.id, "reviewed": reviewed}
    return pid


def _profile_of(ws: Workspace, ref: str) -> tuple[Any, str | None]:
    """The profile a run asked for: ``shipped:NAME``, ``local:ID`` (uploaded or derived, reviewed), or none."""
    if not ref:
        return None, None
    kind, _, key = ref.partition(":")
    if kind == "shipped" and key in names():
        return key, key
    entry = ws.profiles.get(key) if kind == "local" else None
    if entry is None or not entry["reviewed"]:
        raise ProfileError(f"unknown profile {key!r}")
    prof = load(entry["path"])
    return entry["path"], prof.id
