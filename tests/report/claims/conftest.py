from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hitex
from hitex import demo
from hitex.cli import app
from tests.report.claims._shared import MOSCOW, PORTUGAL


@pytest.fixture(scope="session")
def checked_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """A fresh warehouse with examples/moscow-2020/flows.csv and the Chile sample (read only)."""
    s = hitex.open(tmp_path_factory.mktemp("claims") / "c.duckdb")
    s.load([MOSCOW, *demo.files()], format="flows")
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """A fresh warehouse of the claim corpus's data: Moscow, Chile-Argentina and Portugal's
    constructed technology series (bench/check_corpus/data), read only."""
    s = hitex.open(tmp_path_factory.mktemp("corpus") / "c.duckdb")
    s.load([MOSCOW, *demo.files(), PORTUGAL], format="flows")
    yield s
    s.close()


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse file holding examples/moscow-2020/flows.csv, loaded by ``hitex load``."""
    path = tmp_path_factory.mktemp("cli") / "w.duckdb"
    result = CliRunner().invoke(app, ["--db", str(path), "load", str(MOSCOW), "--format", "flows"])
    assert result.exit_code == 0, result.output
    return path
