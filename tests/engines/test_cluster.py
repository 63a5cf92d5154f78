"""Every command on a real standalone cluster agrees with DuckDB (tests.engines.questions).

The cluster (conftest.py) has a master and two workers on 127.0.0.1, one of them in a mount
namespace of its own whose /tmp is empty: like an executor on another host, it reads the
warehouse's files only because they are under the data root, not in the driver's /tmp. The
questions run in a process of their own (a process holds one SparkContext; this one may
hold the local session of the other Spark tests), through ``hitex.open(spark_master=...)``
and the command line's ``--spark-master``.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.engines import questions
from tests.engines.cluster import alive

pytestmark = [pytest.mark.spark, pytest.mark.cluster, pytest.mark.xdist_group("cluster")]

ROOT = Path(__file__).parents[2]


def test_every_command_agrees_on_the_cluster(cluster, parity_db, duck_answers, tmp_path):
    out = tmp_path / "answers.pickle"
    env = {
        **os.environ,
        # Both workers share the address 127.0.0.1: Spark would read a shuffle file of the
        # other worker straight from its disk (it does so for executors of one host), which
        # the private worker's /tmp hides. Hosts of a real cluster have addresses of their own.
        "PYSPARK_SUBMIT_ARGS": "--conf spark.shuffle.readHostLocalDisk=false pyspark-shell",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.engines.questions", str(parity_db), cluster.master,
         str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1500, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-5000:]
    found = pickle.loads(out.read_bytes())
    for name in questions.CLUSTER:
        questions.assert_same(name, duck_answers[name], found[name])
    master = (cluster.dir / "master.log").read_text(errors="replace")
    assert "Registering app hitex" in master
    if cluster.private is None:
        # The executor on the worker that cannot see the driver's /tmp took part.
        assert "Asked to launch executor" in (cluster.dir / "worker2.log").read_text()
    else:
        pytest.skip(f"ran without the private worker: {cluster.private}")


#: Asked through Spark Connect: a command of each kind (the client sends plans, the server
#: reads the files under the data root).
CONNECT = ("table_by_partner", "table_no_months", "coverage_chn", "series_since", "complexity",
           "cli")  # fmt: skip


def test_spark_connect_agrees(connect_server, parity_db, duck_answers, tmp_path):
    out = tmp_path / "connect.pickle"
    done = subprocess.run(
        [sys.executable, "-m", "tests.engines.questions", str(parity_db), connect_server.url,
         str(out), ",".join(CONNECT)],
        cwd=ROOT, capture_output=True, text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-5000:]
    found = pickle.loads(out.read_bytes())
    for name in CONNECT:
        questions.assert_same(name, duck_answers[name], found[name])


def test_the_cluster_is_real(cluster):
    """Two workers of one core registered; the private one's /tmp is not the driver's."""
    log = (cluster.dir / "master.log").read_text(errors="replace")
    # A worker the master lost under load registers again: count workers, not registrations.
    workers = set(re.findall(r"Registering worker (\S+) with 1 cores, 1024\.0 MiB RAM", log))
    assert len(workers) == (2 if cluster.private is None else 1)
    assert all(alive(g) for g in cluster.groups)
