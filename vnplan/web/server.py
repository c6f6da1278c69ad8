"""Running the page (máy chủ): Werkzeug's threaded server on the loopback address, the private folder deleted on exit."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from typing import Any

from werkzeug.serving import WSGIRequestHandler, make_server

from vnplan.errors import UsageError
from vnplan.web.app import MAX_UPLOAD, Workspace, create_app

#: The names the page answers to when it listens on the loopback address.
LOCAL_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "[::1]", "::1")


class _QuietHandler(WSGIRequestHandler):
    """No access log: the clerk's terminal shows the page's address and errors, never file names or tokens."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


def serve(*, host: str = "127.0.0.1", port: int = 8765, lang: str = "vi", profile: str | None = None,
          max_upload: int = MAX_UPLOAD, ready: Callable[[str], Any] | None = None,
          temp_root: str | None = None) -> None:
    """Serve the page until interrupted; ``ready(url)`` is called once it listens (``port=0``: any free port)."""
    workspace = Workspace(temp_root)
    hosts = LOCAL_HOSTS if host in LOCAL_HOSTS else (*LOCAL_HOSTS, host)
    app = create_app(workspace, hosts=hosts, lang=lang, profile=profile, max_upload=max_upload)
    try:
        try:
            server = make_server(host, port, app, threaded=True, request_handler=_QuietHandler)
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}",
                             hint="choose another port with --port") from None
        previous = signal.signal(signal.SIGTERM, _stop)
        try:
            shown = f"[{host}]" if ":" in host else host
            if ready is not None:
                ready(f"http://{shown}:{server.server_port}/")
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            server.server_close()
    finally:
        workspace.close()


def _stop(signum: int, frame: Any) -> None:
    """SIGTERM stops the page as Ctrl-C does (the private folder is deleted on the way out)."""
    raise KeyboardInterrupt


__all__ = ["LOCAL_HOSTS", "serve"]
