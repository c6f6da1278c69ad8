"""Clusters named by a URL (cụm máy): ``dask://HOST:PORT``, ``ray://HOST:PORT``, ``dask://local``, ``ray://local``.

:func:`open_cluster` connects (or starts a local cluster), and gives a
:class:`concurrent.futures.Executor` backed by it, the number of task slots it has, and how
to send the options to every worker once. Dask and Ray are optional extras
(``pip install "vnplan[dask]"``, ``"vnplan[ray]"``), imported only here, only when a URL names
them. Workers on other machines may not see this machine's files: a batch on a cluster sends
each file's bytes with its task.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from attrs import frozen

from vnplan.errors import MissingExtraError, UsageError, VnplanError

#: The URL schemes :func:`open_cluster` knows.
SCHEMES: tuple[str, ...] = ("dask", "ray")


@frozen
class Cluster:
    """An open cluster: its executor, its task slots (worker threads or CPUs), and how options reach workers."""

    executor: cf.Executor
    slots: int
    share: Callable[[Any], Any]
    url: str
    #: Run a function on every worker, returning its results (Dask; ``None`` where the cluster has no such call).
    on_workers: Callable[[Callable[[], Any]], list[Any]] | None = None


def parse_url(url: str) -> tuple[str, str]:
    """``"dask://10.0.0.5:8786"`` → ``("dask", "10.0.0.5:8786")``; ``"dask://local"`` → ``("dask", "local")``."""
    scheme, sep, rest = url.partition("://")
    scheme = scheme.lower()
    if not sep or scheme not in SCHEMES or not rest:
        raise UsageError(f"not an executor URL: {url!r}",
                         hint="give dask://HOST:PORT, ray://HOST:PORT, dask://local or ray://local")
    if rest != "local":
        host, colon, port = rest.rpartition(":")
        if not colon or not host or not port.isdigit():
            raise UsageError(f"the executor URL {url!r} needs a host and a port", hint=f"e.g. {scheme}://scheduler:8786")
    return scheme, rest


@contextmanager
def open_cluster(url: str, *, jobs: int | None = None) -> Iterator[Cluster]:
    """Connect to the cluster ``url`` names (or start a local one with ``jobs`` workers); close it after.

    A cluster this call started is shut down at the end; one it connected to is left running
    (only the connection is closed).
    """
    scheme, where = parse_url(url)
    opener = _dask if scheme == "dask" else _ray
    with opener(where, jobs, url) as cluster:
        yield cluster


@contextmanager
def _dask(where: str, jobs: int | None, url: str) -> Iterator[Cluster]:
    try:
        from distributed import Client, LocalCluster  # the extra vnplan[dask]; imported only for a dask:// URL
    except ImportError:
        raise MissingExtraError(f"{url} needs Dask", hint='pip install "vnplan[dask]"') from None
    local = None
    try:
        if where == "local":
            # one thread per worker process: checking a plan is Python code, threads would share one GIL
            local = LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                 dashboard_address=":0")
            client = Client(local)
        else:
            client = Client(f"tcp://{where}", timeout="10s")
    except Exception as exc:  # OSError/TimeoutError when unreachable; RuntimeError when local workers cannot start
        if local is not None:
            local.close()
        if where == "local":
            raise VnplanError(f"cannot start a local Dask cluster: {type(exc).__name__}: {exc}",
                              hint="try without --executor, or with fewer --jobs") from None
        raise VnplanError(f"cannot reach the Dask scheduler at {where}: {type(exc).__name__}: {exc}",
                          hint="is `dask scheduler` running there, and the port open?") from None
    try:
        slots = sum(client.nthreads().values()) or 1

        def share(obj: Any) -> Any:  # sent to every worker once, not with each task
            return client.scatter(obj, broadcast=True, hash=False)

        def on_workers(fn: Callable[[], Any]) -> list[Any]:
            return list(client.run(fn).values())

        yield Cluster(executor=client.get_executor(pure=False), slots=slots, share=share, url=url,
                      on_workers=on_workers)
    finally:
        client.close()
        if local is not None:
            local.close()


class RayExecutor(cf.Executor):
    """A :class:`concurrent.futures.Executor` over Ray tasks (``ObjectRef.future()``)."""

    def __init__(self, ray: Any) -> None:
        self._ray = ray
        self._remote: dict[Any, Any] = {}

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        task = self._remote.get(fn)
        if task is None:
            task = self._remote[fn] = self._ray.remote(fn)
        return task.remote(*args, **kwargs).future()  # type: ignore[no-any-return]


@contextmanager
def _ray(where: str, jobs: int | None, url: str) -> Iterator[Cluster]:
    try:
        import ray  # the extra vnplan[ray]; imported only for a ray:// URL
    except ImportError:
        raise MissingExtraError(f"{url} needs Ray", hint='pip install "vnplan[ray]"') from None
    try:
        if where == "local":
            ray.init(num_cpus=jobs or os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
        else:
            ray.init(address=f"ray://{where}", log_to_driver=False, logging_level=logging.WARNING)
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, TimeoutError… depending on the version
        raise VnplanError(f"cannot reach the Ray cluster at {where}: {type(exc).__name__}: {exc}",
                          hint="is `ray start --head` running there, with the client server port open?") from None
    try:
        slots = int(ray.cluster_resources().get("CPU", 1)) or 1
        yield Cluster(executor=RayExecutor(ray), slots=slots, share=ray.put, url=url)
    finally:
        ray.shutdown()


__all__ = ["SCHEMES", "Cluster", "RayExecutor", "open_cluster", "parse_url"]
