from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import hitex
from hitex.store.engines import DuckDBEngine, Engine
from tests.engines import questions
from tests.engines.cluster import Cluster, ConnectServer, alive
from tests.indicators import tiny

TEST_CONFIG = questions.TEST_CONFIG


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    """One local Spark session for the whole run (start-up takes ~20 s)."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from hitex.store.spark import local_session  # noqa: PLC0415 - only Spark tests start it

    s = local_session()
    # The fixture tables have a few dozen rows: one partition, and no code generation to
    # compile per query, keep the whole suite well under two minutes.
    for key, value in TEST_CONFIG.items():
        s.conf.set(key, value)
    yield s
    s.stop()


#: Where the cluster tests keep their warehouses: not under /tmp, which the private worker
#: cannot see (its data root must be on storage every executor reads).
SHARED = os.environ.get("HITEX_TEST_SHARED", "/var/tmp")


@pytest.fixture(scope="session")
def shared_dir() -> Iterator[Path]:
    """A folder outside /tmp (seen by every worker of the cluster), removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix="hitex-test-", dir=SHARED))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def parity_db(shared_dir: Path) -> Path:
    """The parity warehouse (tests.engines.questions.build), closed: every engine opens it."""
    return questions.build(shared_dir / "parity")


@pytest.fixture(scope="session")
def duck_answers(parity_db: Path) -> dict[str, object]:
    """Every parity question answered by DuckDB: the reference of the other engines."""
    with hitex.open(parity_db, read_only=True) as s:
        return questions.answers(s, parity_db.parent)


@pytest.fixture(scope="session")
def cluster(shared_dir: Path) -> Iterator[Cluster]:
    """A standalone master and two workers on 127.0.0.1 (one with a private, empty /tmp).

    One per test process (the cluster tests share an xdist group); the daemons are ended by
    their process group ids at the end, also when a test failed.
    """
    if shutil.which("java") is None:
        pytest.skip("no java: the cluster needs Java 17 (.ci/system-deps installs it)")
    c = Cluster(shared_dir / "cluster")
    c.dir.mkdir(parents=True)
    try:
        c.start()
        yield c
    finally:
        c.stop()
    assert not any(alive(g) for g in c.groups), "a Spark daemon outlived the tests"


@pytest.fixture(scope="session")
def connect_server(shared_dir: Path) -> Iterator[ConnectServer]:
    """A Spark Connect server on 127.0.0.1, ended by its process group id at the end."""
    pytest.importorskip("grpc", reason="Spark Connect needs pyspark[connect] (grpcio)")
    if shutil.which("java") is None:
        pytest.skip("no java: the Connect server needs Java 17 (.ci/system-deps installs it)")
    server = ConnectServer(shared_dir / "connect")
    server.dir.mkdir(parents=True)
    try:
        server.start()
        yield server
    finally:
        server.stop()
    assert not alive(server.group), "the Spark Connect server outlived the tests"


@pytest.fixture(scope="session")
def tiny_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """The hand-computable warehouse, on DuckDB."""
    s = tiny.build(tmp_path_factory.mktemp("parity"))
    yield s
    s.close()


@pytest.fixture(scope="session")
def spark_engine(spark, tiny_warehouse) -> Iterator[Engine]:
    """Spark over a Parquet export of the tiny warehouse."""
    from hitex.store.spark import SparkEngine  # noqa: PLC0415

    engine = SparkEngine(tiny_warehouse.warehouse, spark=spark)
    yield engine
    engine.close()


@pytest.fixture
def engine_session(request, tiny_warehouse) -> hitex.Session:
    """The same warehouse, queried by the engine named in the test's ``engine`` parameter."""
    if request.node.callspec.params["engine"] == "duckdb":
        return hitex.Session(tiny_warehouse.warehouse, DuckDBEngine(tiny_warehouse.warehouse))
    return hitex.Session(tiny_warehouse.warehouse, request.getfixturevalue("spark_engine"))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep the Spark tests on one xdist worker (one Spark start-up) under pytest 9.

    xdist 3.8 groups ``xdist_group`` tests by appending ``@group`` to ``item._nodeid``, which
    pytest 9 no longer reads (the id lives in ``item._id``); do the same on the new attribute.
    TODO(indicators): drop once pytest-xdist supports pytest 9's node ids.
    """
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import NodeId  # noqa: PLC0415 - pytest >= 9 only

    for item in items:
        mark = item.get_closest_marker("xdist_group")
        if mark is not None and "@" not in item.nodeid:
            item._id = NodeId.parse(f"{item.nodeid}@{mark.args[0]}")  # type: ignore[attr-defined]
