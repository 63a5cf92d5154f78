"""Fixtures of the API tests: copies of the demo warehouse, apps over them, a real server."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from hitex import demo
from hitex.api import create_app
from hitex.store.layout import copy_warehouse

TOKEN = "test-token-5e1f"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo warehouse, built once and closed (copy it before writing)."""
    folder = tmp_path_factory.mktemp("api-demo")
    demo.build(folder).close()
    return folder / "hitex.duckdb"


@pytest.fixture
def db_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo warehouse this test may change."""
    return Path(copy_warehouse(demo_db, tmp_path / "hitex.duckdb"))


@pytest.fixture(scope="module")
def reader(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client of a read-only app (no token) over a copy of the demo warehouse."""
    path = copy_warehouse(demo_db, tmp_path_factory.mktemp("api-read") / "hitex.duckdb")
    with TestClient(create_app(path, token="")) as client:
        yield client


@pytest.fixture
def writer(db_copy: Path) -> Iterator[TestClient]:
    """A client of an app that takes uploads with :data:`TOKEN`, over its own warehouse."""
    app = create_app(db_copy, token=TOKEN, max_upload_bytes=64 * 1024)
    with TestClient(app) as client:
        yield client


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(db: Path, *args: str, token: str | None = None) -> Iterator[str]:
    """Run ``hitex serve`` in a subprocess on a free loopback port; yield its base URL."""
    with served(db, *args, token=token) as (url, _):
        yield url


@contextlib.contextmanager
def served(db: Path, *args: str, token: str | None = None) -> Iterator[tuple[str, int]]:
    """Run ``hitex serve`` in a subprocess on a free loopback port; yield its URL and PID."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "HITEX_TOKEN"}
    if token:
        env["HITEX_TOKEN"] = token
    hitex = Path(sys.executable).with_name("hitex")
    proc = subprocess.Popen(
        [str(hitex), "--db", str(db), "serve", "--port", str(port), *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        # The server listens once its columns are built: on a busy machine, minutes.
        deadline = time.monotonic() + 180
        while True:
            try:
                httpx.get(url + "/api/meta", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()  # else reading its output waits for it forever
                    out = proc.stdout.read() if proc.stdout else ""
                    raise RuntimeError(f"hitex serve did not start:\n{out}") from None
                time.sleep(0.2)
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
