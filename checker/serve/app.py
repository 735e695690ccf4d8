"""The desk's routes: the page, the JSON API and the downloads (FastAPI; OpenAPI at /api/openapi.json).

Safety, in the order a request meets it:
- `_BodyLimit`: an upload's body may not exceed the per-file limit (plus the multipart envelope): 413,
  before anything is spooled to disk.
- Starlette's TrustedHostMiddleware: on loopback only loopback host names are answered (no DNS
  rebinding from a web page).
- `_Guard`: with a token, every request shows it (`Authorization: Bearer …`, or the session cookie
  that /login sets); state-changing requests from a browser (a cookie, an Origin or a Sec-Fetch-Site
  header) must carry the page's CSRF token in `X-CSRF-Token` and come from this origin.  API clients
  without cookies are not browsers and are not asked for one.
- Every answer carries a strict Content-Security-Policy: the page's own scripts and styles only.
- Errors are one JSON object `{"error": "中文（English）"}`, never a traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import sys
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from checker import __version__
from checker.errors import InputError
from checker.serve import exports, uploads, views
from checker.serve.store import DECISIONS, Store, new_id
from checker.serve.worker import Settings, Worker

STATIC = Path(__file__).with_name("static")
CSRF_COOKIE = "pecheck_csrf"
SESSION_COOKIE = "pecheck_session"
_ID = re.compile(r"^[0-9a-f]{16}$")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "pdf": "application/pdf",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _error(status: int, zh: str, en: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": f"{zh}（{en}）"}, status_code=status, headers=headers)


def _cookies(scope) -> dict[str, str]:
    raw = "; ".join(v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"cookie")
    jar = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:
        return {}
    return {k: m.value for k, m in jar.items()}


def _header(scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == name:
            return v.decode("latin-1")
    return None


async def _send_json(send, status: int, body: dict, headers: list | None = None) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": data})


class _TooLarge(Exception):
    pass


class _BodyLimit:
    """Refuse an upload body larger than the limit while it arrives, not after it was spooled."""

    def __init__(self, app, cap: int, limit: int):
        self.app, self.cap, self.limit = app, cap, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != "/api/reports":
            return await self.app(scope, receive, send)
        err = uploads.too_large(self.limit)
        length = _header(scope, b"content-length")
        if length and length.isdigit() and int(length) > self.cap:
            return await _send_json(send, 413, {"error": err.line()}, [(b"connection", b"close")])
        seen = 0
        started = False

        async def counting():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.cap:
                    raise _TooLarge
            return msg

        async def watching(msg):
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, counting, watching)
        except _TooLarge:
            if not started:
                await _send_json(send, 413, {"error": err.line()}, [(b"connection", b"close")])


class _Guard:
    """Token check, CSRF check and security headers."""

    def __init__(self, app, token: str | None):
        self.app = app
        self.token = token
        self.session = hmac.new(token.encode(), b"pecheck-session-v1", hashlib.sha256).hexdigest() if token else None

    def authenticated(self, scope, cookies) -> bool:
        if not self.token:
            return True
        auth = _header(scope, b"authorization") or ""
        if auth.lower().startswith("bearer ") and hmac.compare_digest(auth[7:].strip().encode(), self.token.encode()):
            return True
        return hmac.compare_digest(cookies.get(SESSION_COOKIE, "").encode(), self.session.encode())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path, method = scope["path"], scope["method"]
        cookies = _cookies(scope)

        async def secured(msg):
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
                            (b"cache-control", b"no-store")]
                msg = {**msg, "headers": headers}
            await send(msg)

        if path != "/login" and not path.startswith("/static/") and not self.authenticated(scope, cookies):
            if path.startswith("/api/"):
                return await _send_json(secured, 401, {"error": "需要访问令牌（authentication required: "
                                                               "Authorization: Bearer <token>）"},
                                        [(b"www-authenticate", b"Bearer")])
            await secured({"type": "http.response.start", "status": 303, "headers": [(b"location", b"/login")]})
            return await secured({"type": "http.response.body", "body": b""})
        if method not in ("GET", "HEAD", "OPTIONS") and path != "/login":
            origin = _header(scope, b"origin")
            browser = bool(cookies) or origin is not None or _header(scope, b"sec-fetch-site") is not None
            if browser:
                host = _header(scope, b"host") or ""
                sent = _header(scope, b"x-csrf-token") or ""
                expected = cookies.get(CSRF_COOKIE, "")
                same_origin = origin is None or urlsplit(origin).netloc == host
                if not (expected and sent and hmac.compare_digest(sent.encode(), expected.encode()) and same_origin):
                    return await _send_json(secured, 403, {"error": "请求来源校验失败（CSRF），请刷新页面后重试"
                                                                    "（CSRF check failed）"})
        return await self.app(scope, receive, secured)


def _content_disposition(name: str) -> str:
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", name)[:100] or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def create_app(data_dir: Path, *, token: str | None = None, settings: Settings | None = None,
               limit: int = uploads.DEFAULT_LIMIT, queue_size: int = 200, allowed_hosts: list[str] | None = None,
               start_worker: bool = True) -> FastAPI:
    """The desk as an ASGI app; the queue starts with the app (lifespan) unless start_worker is False."""
    from contextlib import asynccontextmanager

    settings = settings or Settings()
    store = Store(Path(data_dir))
    state: dict[str, Any] = {"worker": None}

    def on_done(rid: str, payload: dict | None, error: str | None) -> None:
        rep = store.get(rid)
        if rep is None:
            return
        if payload is None:
            report = {"file": rep["name"], "format": rep["kind"], "pages": 0, "ocr": False, "error": error,
                      "findings": [], "summary": {}}
            payload = {"report": report, "pages": {}, "crops": {}}
        report = payload["report"]
        stored_path = str(store.files / rep["stored"])
        report["file"] = rep["name"]
        if report.get("error"):  # the reason quotes the generated path: show the client's name
            report["error"] = report["error"].replace(stored_path, rep["name"]).replace(rep["stored"], rep["name"])
        views.assign_ids(report)
        store.finish(rid, payload, report.get("error"))

    @asynccontextmanager
    async def lifespan(app):
        store.requeue_interrupted()
        if start_worker:
            w = Worker(store, settings, on_done)
            state["worker"] = w
            w.start()
        try:
            yield
        finally:
            if state["worker"] is not None:
                state["worker"].stop()
                state["worker"] = None

    app = FastAPI(title="pecheck serve", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="The reviewer's desk: upload reports, see findings, record decisions. "
                              "See docs/api.md.")
    app.state.store = store
    app.state.settings = settings
    app.state.state = state

    def worker():
        return state["worker"]

    def entry(rep: dict, full: bool = False) -> dict:
        payload = store.get(rep["id"], with_result=True)["result"] if rep["status"] in ("done", "failed") else None
        return views.item(store, rep, payload, worker(), settings.timeout, full=full)

    def get_rep(rid: str) -> dict:
        rep = store.get(rid) if _ID.match(rid or "") else None
        if rep is None:
            raise StarletteHTTPException(404, "报告不存在（report not found）")
        return rep

    # ----------------------------------------------------------------------------------- errors

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc):
        detail = exc.detail if isinstance(exc.detail, str) and "（" in exc.detail else {
            404: "未找到（not found）", 405: "不支持此请求方法（method not allowed）"}.get(
            exc.status_code, f"请求错误（HTTP {exc.status_code}）")
        return JSONResponse({"error": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request, exc):
        return _error(400, "请求参数无效", "invalid request")

    @app.exception_handler(Exception)
    async def internal(request, exc):
        print(f"pecheck serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return _error(500, "服务器内部错误", "internal error")

    # ------------------------------------------------------------------------------------- page

    @app.get("/", include_in_schema=False)
    async def index(request: Request):
        csrf = request.cookies.get(CSRF_COOKIE)
        if not csrf or not re.fullmatch(r"[A-Za-z0-9_-]{20,64}", csrf):
            csrf = secrets.token_urlsafe(24)
        page = (STATIC / "index.html").read_text(encoding="utf-8").replace("{{csrf}}", csrf)
        resp = HTMLResponse(page)
        resp.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/")
        return resp

    @app.get("/login", include_in_schema=False)
    async def login_page(request: Request, token: str | None = None):
        guard_token = app.state.token
        if not guard_token:
            return RedirectResponse("/", status_code=303)
        if token and hmac.compare_digest(token.encode(), guard_token.encode()):
            return _logged_in()
        return HTMLResponse((STATIC / "login.html").read_text(encoding="utf-8"),
                            status_code=401 if token else 200)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request):
        form = await request.form(max_files=0, max_fields=2)
        token = str(form.get("token") or "")
        if app.state.token and token and hmac.compare_digest(token.encode(), app.state.token.encode()):
            return _logged_in()
        return HTMLResponse((STATIC / "login.html").read_text(encoding="utf-8"), status_code=401)

    def _logged_in():
        resp = RedirectResponse("/", status_code=303)
        session = hmac.new(app.state.token.encode(), b"pecheck-session-v1", hashlib.sha256).hexdigest()
        resp.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/")
        return resp

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # -------------------------------------------------------------------------------------- API

    @app.get("/api/meta", summary="Labels and limits the page needs")
    def meta():
        return {"version": __version__, "labels": exports.labels(), "limit": limit, "queue_size": queue_size,
                "timeout": settings.timeout, "docx_comments": exports.docx_annotator() is not None}

    @app.post("/api/reports", status_code=202, summary="Upload reports (multipart `file`, optional `previous`)",
              openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                  "type": "object", "required": ["file"], "properties": {
                      "file": {"type": "array", "items": {"type": "string", "format": "binary"},
                               "description": "PDF, DOCX, or a zip of them; sniffed by content"},
                      "previous": {"type": "string", "description": "id of the report this is a new version of"},
                  }}}}}})
    async def upload(request: Request):
        if store.pending() >= queue_size:
            return _busy()
        try:
            form = await request.form(max_files=50, max_fields=10, max_part_size=64 * 1024)
        except _TooLarge:
            raise
        except Exception:
            return _error(400, "上传内容无法解析（应为 multipart/form-data，字段 file）",
                          "malformed upload, expected multipart/form-data with a file field")
        files = [v for v in form.getlist("file") if hasattr(v, "read") and hasattr(v, "filename")]
        if not files:
            return _error(400, "没有收到文件（字段 file）", "no file in the upload (field file)")
        previous = str(form.get("previous") or "").strip() or None
        if previous and (not _ID.match(previous) or store.get(previous) is None):
            return _error(404, "指定的上一版本报告不存在", "the previous report does not exist")
        try:
            accepted, skipped = await run_in_threadpool(_accept, files)
        except uploads.UploadError as exc:
            return JSONResponse({"error": exc.line()}, status_code=exc.status)
        finally:
            await form.close()
        if previous and len(accepted) > 1:
            for inc in accepted:
                inc.path.unlink(missing_ok=True)
            return _error(400, "作为新版本上传时只能上传一个文件", "a new version must be a single file")
        if store.pending() + len(accepted) > queue_size:
            for inc in accepted:
                inc.path.unlink(missing_ok=True)
            return _busy()
        batch = new_id()
        made = []
        for inc in accepted:
            rid = new_id()
            stored = uploads.store_file(inc, store.files, rid)
            rep = store.add(rid=rid, name=inc.name, kind=inc.kind, stored=stored, size=inc.size, sha256=inc.sha256,
                            previous=previous, upload=batch)
            made.append({"id": rid, "status": rep["status"], "name": rep["name"], "version": rep["version"]})
        if worker() is not None:
            worker().wake()
        return JSONResponse({"id": made[0]["id"], "status": made[0]["status"], "reports": made,
                             "skipped": skipped}, status_code=202)

    def _accept(files) -> tuple[list[uploads.Incoming], list[str]]:
        tmp = store.dir / "incoming"
        tmp.mkdir(exist_ok=True)
        accepted: list[uploads.Incoming] = []
        skipped: list[str] = []
        try:
            for up in files:
                name = uploads.display_name(up.filename)
                path = uploads.receive(up.file, name, tmp, limit)
                got, skip = uploads.classify(path, name, tmp, limit)
                accepted += got
                skipped += skip
        except BaseException:
            for inc in accepted:
                inc.path.unlink(missing_ok=True)
            raise
        return accepted, skipped

    def _busy():
        return _error(503, f"服务器繁忙：待检查的报告已达上限（{queue_size} 份），请稍后再试",
                      f"busy: the queue is full ({queue_size} reports), try again later", {"Retry-After": "30"})

    @app.get("/api/reports", summary="All reports, oldest first, without their findings")
    def list_reports():
        return {"reports": [entry(rep) for rep in store.all()], "pending": store.pending()}

    @app.get("/api/reports/{rid}", summary="One report: state, progress, and when done the report object")
    def get_report(rid: str):
        return entry(get_rep(rid), full=True)

    @app.post("/api/reports/{rid}/findings/{fid}/decision", summary="Confirm, reject or reopen a finding")
    async def decide(rid: str, fid: str, request: Request):
        rep = get_rep(rid)
        try:
            body = await request.json()
        except Exception:
            return _error(400, "请求内容应为 JSON", "the body must be JSON")
        if not isinstance(body, dict) or body.get("decision") not in DECISIONS:
            return _error(400, "decision 应为 confirmed、rejected 或 open",
                          "decision must be confirmed, rejected or open")
        note = body.get("note") or ""
        if not isinstance(note, str) or len(note) > 2000:
            return _error(400, "备注应为不超过 2000 字的文本", "note must be text of at most 2000 characters")
        payload = store.get(rid, with_result=True)["result"] if rep["status"] == "done" else None
        findings = ((payload or {}).get("report") or {}).get("findings") or []
        f = next((f for f in findings if fid in (f["id"], f["fingerprint"])), None)
        if f is None:
            return _error(404, "问题不存在", "finding not found")
        await run_in_threadpool(store.decide, rid, f["fingerprint"], body["decision"], note)
        full = entry(rep, full=True)
        got = next(g for g in full["report"]["findings"] if g["id"] == f["id"])
        return {"id": got["id"], "fingerprint": got["fingerprint"], "decision": got["decision"], "note": got["note"],
                "decisions": full["decisions"]}

    @app.get("/api/reports/{rid}/pages/{n}", summary="A rendered page (PNG)")
    def page_image(rid: str, n: int):
        get_rep(rid)
        p = store.pages / rid / f"p{int(n)}.png"
        if not p.is_file():
            raise StarletteHTTPException(404, "页面图片不存在（page picture not found）")
        return FileResponse(p, media_type="image/png")

    @app.get("/api/reports/{rid}/evidence/{fid}", summary="The evidence crop of a finding (PNG)")
    def evidence_image(rid: str, fid: int):
        get_rep(rid)
        p = store.pages / rid / f"e{int(fid)}.png"
        if not p.is_file():
            raise StarletteHTTPException(404, "证据图片不存在（evidence picture not found）")
        return FileResponse(p, media_type="image/png")

    @app.get("/api/export/xlsx", summary="Excel summary of all reports with decision counts")
    def export_all():
        entries = [entry(rep, full=True) for rep in store.all()]
        data = exports.summary_xlsx(entries)
        return Response(data, media_type=_MEDIA["xlsx"],
                        headers={"Content-Disposition": _content_disposition("pecheck-汇总.xlsx")})

    @app.get("/api/reports/{rid}/export/{kind}",
             summary="xlsx (this report), pdf (annotated, confirmed findings), docx (commented, confirmed "
                     "findings), letter (退回意见 DOCX)")
    def export_one(rid: str, kind: str):
        rep = get_rep(rid)
        if kind not in ("xlsx", "pdf", "docx", "letter"):
            raise StarletteHTTPException(404, "未知的导出类型（unknown export kind）")
        if rep["status"] != "done":
            return _error(409, "报告尚未检查完成", "the report is not checked yet")
        e = entry(rep, full=True)
        stem = Path(rep["name"]).stem
        if kind == "xlsx":
            return Response(exports.summary_xlsx([e]), media_type=_MEDIA["xlsx"],
                            headers={"Content-Disposition": _content_disposition(f"{stem}-问题清单.xlsx")})
        if kind == "letter":
            return Response(exports.letter_docx(e), media_type=_MEDIA["docx"],
                            headers={"Content-Disposition": _content_disposition(f"{stem}-退回意见.docx")})
        if kind != rep["kind"]:
            return _error(409, f"该报告是 {rep['kind'].upper()}，请选择 {rep['kind']} 批注导出",
                          f"this report is a {rep['kind']}, export kind {rep['kind']}")
        if not exports.confirmed(e):
            return _error(409, "尚无已确认的问题，请先确认要退回的问题", "no confirmed findings yet")
        src = store.files / rep["stored"]
        try:
            if kind == "pdf":
                data = exports.isolated(exports.annotated_pdf, src, e)
                return Response(data, media_type=_MEDIA["pdf"],
                                headers={"Content-Disposition": _content_disposition(f"{stem}-批注.pdf")})
            if exports.docx_annotator() is None:
                raise NotImplementedError
            data = exports.isolated(exports.commented_docx, src, e)
        except NotImplementedError:
            return _error(501, "本版本尚不支持带批注的 DOCX 导出", "commented DOCX export is not available yet")
        except InputError as exc:
            return JSONResponse({"error": exc.line().replace(str(src), rep["name"])}, status_code=422)
        return Response(data, media_type=_MEDIA["docx"],
                        headers={"Content-Disposition": _content_disposition(f"{stem}-批注.docx")})

    app.state.token = token
    app.add_middleware(_Guard, token=token)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(_BodyLimit, cap=limit + 1024 * 1024, limit=limit)
    return app
