"""``vnplan serve``: the clerk's page, a small local web application (extra ``vnplan[web]``: Flask).

:func:`serve` makes the private folder, builds the application (:mod:`vnplan.web.app`) and
runs it with Werkzeug's threaded server on ``127.0.0.1`` until Ctrl-C (or SIGTERM), then
stops the runs and deletes the folder with everything uploaded.
"""

from __future__ import annotations

try:
    import flask  # noqa: F401  (the extra is there: the modules below import it)
except ImportError as _exc:  # pragma: no cover - exercised without the extra
    from vnplan.errors import MissingExtraError

    raise MissingExtraError(f"vnplan serve needs the web extra, which is not installed ({_exc})",
                            hint='pip install "vnplan[web]"') from None

from vnplan.web.app import Workspace, create_app
from vnplan.web.server import LOCAL_HOSTS, serve

__all__ = ["LOCAL_HOSTS", "Workspace", "create_app", "serve"]
