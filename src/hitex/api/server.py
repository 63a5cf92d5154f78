"""``hitex serve``: the app under uvicorn, on the loopback address unless told otherwise.

One process by default. A read-only server (no token) may run several worker processes
(``workers``): each opens the warehouse read-only and builds its own answers in memory, then
listens on the same port with ``SO_REUSEPORT``, so the kernel spreads connections over them and
a view's Python work runs on as many cores as there are workers. Memory grows with them: each
holds its own columns.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import socket
import sys
import time
from multiprocessing.synchronize import Barrier
from typing import Any

import uvicorn

from hitex.api.app import create_app
from hitex.api.connections import READERS
from hitex.errors import HitexError, InputError

#: How long a worker waits for the others to be ready (the columns of a large warehouse take
#: minutes to build on a busy machine).
READY_SECONDS = 1800.0


def run(
    db: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    max_upload_mb: float = 200,
    readers: int = READERS,
    engine: str = "duckdb",
    spark_master: str | None = None,
    workers: int = 1,
) -> None:
    """Serve the dashboard and the API until interrupted.

    ``workers`` > 1 needs a read-only server on DuckDB: uploads write the warehouse, and
    DuckDB lets only one process write it, so a server with a token is one process.
    """
    options: dict[str, Any] = {"max_upload_bytes": int(max_upload_mb * 1024 * 1024),
                               "readers": readers, "engine": engine,
                               "spark_master": spark_master}  # fmt: skip
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}.",
                         ru=f"--workers: нужно 1 или больше, а не {workers}.")  # fmt: skip
    if workers == 1:
        app = create_app(db, **options)
        uvicorn.run(app, host=host, port=port, log_level="info", workers=1)
        return
    if os.environ.get("HITEX_TOKEN"):
        raise InputError(
            f"--workers {workers} serves read-only: with $HITEX_TOKEN set the server takes "
            "uploads, which write the warehouse, and only one process may write it; unset "
            "the token or serve with one worker.",
            ru=f"--workers {workers} — только для чтения: с $HITEX_TOKEN сервер принимает "
            "загрузки, они пишут в хранилище, а писать в него может лишь один процесс; уберите "
            "токен или запустите один процесс.",
        )
    if engine != "duckdb":
        raise InputError(
            f"--workers {workers} runs on DuckDB only: each worker of engine {engine!r} would "
            "start a Spark driver of its own; serve with one worker.",
            ru=f"--workers {workers} работает только с DuckDB: каждый процесс движка {engine!r} "
            "запустил бы свой драйвер Spark; запустите один процесс.",
        )
    if not hasattr(socket, "SO_REUSEPORT"):
        raise InputError(
            "--workers needs SO_REUSEPORT, which this system lacks; serve with one.",
            ru="--workers требует SO_REUSEPORT, которого в этой системе нет.",
        )
    _supervise(str(db), host, port, options, workers)


def _supervise(db: str, host: str, port: int, options: dict[str, Any], workers: int) -> None:
    """Start ``workers`` processes; end them all when one ends or this process is stopped."""
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Barrier(workers)
    procs = [ctx.Process(target=_worker, args=(db, host, port, options, ready), daemon=False)
             for _ in range(workers)]  # fmt: skip

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        for p in procs:
            p.start()
        while all(p.is_alive() for p in procs):
            time.sleep(0.2)
        failed = [p.exitcode for p in procs if not p.is_alive() and p.exitcode]
        if failed:
            raise HitexError(
                f"a worker of the server stopped (exit status {failed[0]}); see its output above."
            )
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=20)
            if p.is_alive():
                p.kill()
                p.join()


def _worker(db: str, host: str, port: int, options: dict[str, Any], ready: Barrier) -> None:
    """One worker: its app over the warehouse read-only, listening once every worker is ready."""
    _die_with_parent()
    app = create_app(db, token="", **options)
    # No worker listens before all are ready: a client's kept-alive connection stays with the
    # worker that accepted it, and the first ready would take every early connection.
    ready.wait(timeout=READY_SECONDS)
    sock = _listening_socket(host, port)
    config = uvicorn.Config(app, log_level="info")
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[sock])


def _listening_socket(host: str, port: int) -> socket.socket:
    """A socket on ``host:port`` that other workers of this server may bind too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _die_with_parent() -> None:
    """End this worker when the server's main process ends, however it ends (Linux)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
