"""`pecheck serve`: the reviewer's desk, a local web page over the checker.

Rooms: `app.py` (routes), `store.py` (SQLite: reports, versions, decisions), `worker.py` (the queue,
one checking process per report through the batch machinery), `uploads.py` (sniffing, limits, zips),
`views.py` (what the API shows), `exports.py` (Excel, annotated copies, the return letter) and
`static/` (the page: vendored, no network).  Needs the `serve` extra (FastAPI, uvicorn, multipart).
"""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "pecheck" / "serve"


def is_loopback(host: str) -> bool:
    h = host.strip().strip("[]")
    if h.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def loopback_hosts(host: str, port: int) -> list[str]:
    """Host names a browser on this machine may use for a loopback server."""
    return ["127.0.0.1", "localhost", "[::1]", "::1", host]


class ServeError(Exception):
    """A refused start: one bilingual line, exit 2."""


def check_bind(host: str, token: str | None) -> None:
    if not is_loopback(host) and not token:
        raise ServeError(f"拒绝在非本机地址 {host} 上监听：请用 --token 或环境变量 PECHECK_TOKEN 设置访问令牌"
                         f"（refusing to listen on non-loopback address {host} without --token or PECHECK_TOKEN）")


def missing_extra() -> str | None:
    try:
        import fastapi  # noqa: F401
        import multipart  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        return (f"缺少网页服务所需的组件（{exc.name}），请安装：pip install 'pecheck[serve]'"
                f"（the serve extra is not installed: pip install 'pecheck[serve]'）")
    return None


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, data: Path | None = None, token: str | None = None,
          settings=None, limit: int | None = None, queue_size: int = 200) -> int:
    """Run the desk until interrupted; returns the exit code."""
    try:
        check_bind(host, token)
    except ServeError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    missing = missing_extra()
    if missing:
        print(f"错误：{missing}", file=sys.stderr)
        return 2
    import uvicorn

    from checker.serve.app import create_app
    from checker.serve.uploads import DEFAULT_LIMIT

    data = Path(data) if data else default_data_dir()
    try:
        data.mkdir(parents=True, exist_ok=True)
        probe = data / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        print(f"错误：数据目录不可写：{data}（data directory not writable: {exc.strerror}）", file=sys.stderr)
        return 2
    allowed = loopback_hosts(host, port) if is_loopback(host) else None
    app = create_app(data, token=token, settings=settings, limit=limit or DEFAULT_LIMIT, queue_size=queue_size,
                     allowed_hosts=allowed)
    try:  # bind here, so that a taken port is one clear line, then hand the socket to uvicorn
        sock = _bind(host, port)
    except OSError as exc:
        print(f"错误：无法在 {host}:{port} 监听：{exc.strerror or exc}（cannot listen on {host}:{port}）",
              file=sys.stderr)
        return 2
    shown = f"[{host}]" if ":" in host else host
    print(f"pecheck 审核台：http://{shown}:{port}/   数据目录 / data: {data}", file=sys.stderr)
    if token:
        print("已启用访问令牌：浏览器首次打开时输入令牌，API 使用 Authorization: Bearer <token>"
              "（token required）", file=sys.stderr)
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def _bind(host: str, port: int):
    import socket

    infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, _, _, _, addr = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(addr)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock
