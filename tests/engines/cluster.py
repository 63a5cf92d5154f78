"""A real Spark standalone cluster on 127.0.0.1: a master and two workers (1 core, 1 GiB each).

Started with pyspark's own ``bin/spark-class`` (the wheel ships no ``sbin`` scripts). The
second worker runs in a private mount namespace whose ``/tmp`` is an empty tmpfs: like an
executor on another host, it cannot see the driver's temporary files (skipped, with the
reason, where ``unshare`` is not permitted). Every daemon is a process group of its own and
is ended by that id at :meth:`Cluster.stop` (also from ``atexit``), executors included.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

#: Seconds to wait for the master and both workers.
START_S = 180.0


def spark_home() -> str:
    import pyspark  # noqa: PLC0415

    return os.path.dirname(pyspark.__file__)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def can_unshare() -> str | None:
    """None when a private mount namespace with an empty /tmp can be made, else why not."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c",
         "mount -t tmpfs tmpfs /tmp && test -z \"$(ls -A /tmp)\""],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        return f"unshare --mount is not permitted here ({probe.stderr.strip() or 'no reason'})"
    return None


@dataclass
class Cluster:
    """A running standalone cluster; :attr:`master` is its URL."""

    dir: Path
    master: str = ""
    groups: list[int] = field(default_factory=list)
    private: str | None = None  # why the private worker was not started, if it was not
    _procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "SPARK_HOME": spark_home(),
            "SPARK_LOCAL_IP": "127.0.0.1",
            "PYSPARK_PYTHON": sys.executable,
            "SPARK_DAEMON_MEMORY": "256m",
            "SPARK_NO_DAEMONIZE": "1",
        }

    def _spawn(self, name: str, args: list[str], prefix: list[str] | None = None) -> None:
        log = open(self.dir / f"{name}.log", "wb")  # noqa: SIM115 - the daemon holds it
        proc = subprocess.Popen(
            [*(prefix or []), f"{spark_home()}/bin/spark-class", *args],
            stdout=log, stderr=subprocess.STDOUT, env=self.env(), start_new_session=True,
        )  # fmt: skip
        self._procs.append(proc)
        self.groups.append(proc.pid)

    def start(self) -> Cluster:
        atexit.register(self.stop)
        port = free_port()
        self.master = f"spark://127.0.0.1:{port}"
        self._spawn("master", ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                               "--port", str(port), "--webui-port", str(free_port())])  # fmt: skip
        worker = ["org.apache.spark.deploy.worker.Worker", self.master, "--host", "127.0.0.1",
                  "--cores", "1", "--memory", "1g"]  # fmt: skip
        (self.dir / "w1").mkdir(parents=True, exist_ok=True)
        self._spawn("worker1", [*worker, "--webui-port", str(free_port()),
                                "--work-dir", str(self.dir / "w1")])  # fmt: skip
        self.private = can_unshare()
        if self.private is None:
            # Inside the namespace /tmp is empty: its work folder is made there. Where the
            # project itself (and so Spark and Python) lives under /tmp (a clone in /tmp), that
            # one folder is mounted back, so the worker still sees no file the driver wrote.
            script = 'mount -t tmpfs tmpfs /tmp && mkdir -p /tmp/w2 && exec "$@"'
            keep = _under_tmp(Path(sys.prefix).resolve())
            if keep is not None:
                stash = self.dir / "project"
                stash.mkdir(parents=True, exist_ok=True)
                script = (
                    f"mount --bind {shlex.quote(str(keep))} {shlex.quote(str(stash))} && "
                    "mount -t tmpfs tmpfs /tmp && "
                    f"mkdir -p {shlex.quote(str(keep))} && "
                    f"mount --bind {shlex.quote(str(stash))} {shlex.quote(str(keep))} && "
                    'mkdir -p /tmp/w2 && exec "$@"'
                )
            self._spawn(
                "worker2",
                [*worker, "--webui-port", str(free_port()), "--work-dir", "/tmp/w2"],
                prefix=["unshare", "--mount", "--propagation", "private", "sh", "-c", script,
                        "sh"],
            )  # fmt: skip
        self.wait(2 if self.private is None else 1)
        return self

    def wait(self, workers: int) -> None:
        """Until ``workers`` workers registered with the master (its log says so)."""
        deadline = time.monotonic() + START_S
        log = self.dir / "master.log"
        while time.monotonic() < deadline:
            for proc in self._procs:
                if proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"A Spark daemon ended at start:\n{self.logs()}")
            text = log.read_text(errors="replace") if log.exists() else ""
            if len(re.findall(r"Registering worker 127\.0\.0\.1:\d+", text)) >= workers:
                return
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"The Spark workers did not register in {START_S:.0f} s:\n{self.logs()}")

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n" + p.read_text(errors="replace")[-3000:]
            for p in sorted(self.dir.glob("*.log"))
        )

    def stop(self) -> None:
        """End every daemon (and the executors they started) by its process group id."""
        for sig, grace in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 10.0)):
            for pgid in self.groups:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pgid, sig)
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and any(alive(g) for g in self.groups):
                time.sleep(0.2)
            if not any(alive(g) for g in self.groups):
                break
        for proc in self._procs:
            with contextlib.suppress(Exception):
                proc.wait(timeout=5)
        self._procs.clear()


def alive(pgid: int) -> bool:
    """Whether any process of group ``pgid`` is left."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours counts as gone once reaped; check the group's members.
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                return True
    return False


@dataclass
class ConnectServer:
    """A Spark Connect server on 127.0.0.1 (pyspark's wheel ships its jar), ``local[1]``."""

    dir: Path
    url: str = ""
    group: int = 0
    _proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ConnectServer:
        atexit.register(self.stop)
        port = free_port()
        self.url = f"sc://127.0.0.1:{port}"
        log = open(self.dir / "connect.log", "wb")  # noqa: SIM115 - the daemon holds it
        env = {**os.environ, "SPARK_HOME": spark_home(), "SPARK_LOCAL_IP": "127.0.0.1",
               "PYSPARK_PYTHON": sys.executable}  # fmt: skip
        self._proc = subprocess.Popen(
            [f"{spark_home()}/bin/spark-class", "org.apache.spark.deploy.SparkSubmit",
             "--class", "org.apache.spark.sql.connect.service.SparkConnectServer",
             "--master", "local[1]", "--conf", f"spark.connect.grpc.binding.port={port}",
             "--conf", "spark.connect.grpc.binding.address=127.0.0.1",
             "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
             "--conf", "spark.sql.shuffle.partitions=1", "spark-internal"],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.dir,
            start_new_session=True,
        )  # fmt: skip
        self.group = self._proc.pid
        deadline = time.monotonic() + START_S
        path = self.dir / "connect.log"
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError("The Spark Connect server ended at start:\n"
                                   + path.read_text(errors="replace")[-3000:])  # fmt: skip
            if "Spark Connect server started" in path.read_text(errors="replace"):
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError("The Spark Connect server did not start in time.")

    def stop(self) -> None:
        """End the server by its process group id."""
        if not self.group:
            return
        for sig, grace in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 10.0)):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.group, sig)
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and alive(self.group):
                time.sleep(0.2)
            if not alive(self.group):
                break
        if self._proc is not None:
            with contextlib.suppress(Exception):
                self._proc.wait(timeout=5)


def _under_tmp(path: Path) -> Path | None:
    """The folder directly under /tmp that holds ``path``, if it is there."""
    tmp = Path("/tmp").resolve()
    if path.is_relative_to(tmp) and path != tmp:
        return tmp / path.relative_to(tmp).parts[0]
    return None
