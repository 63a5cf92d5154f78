from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import hitex
from hitex import demo

ROOT = Path(__file__).parents[3]
MOSCOW = ROOT / "examples" / "moscow-2020"
CHILE = ROOT / "examples" / "chile-argentina"
PORTUGAL = ROOT / "bench" / "check_corpus" / "data" / "portugal-tech.csv"


@pytest.fixture(scope="session")
def checked_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """A fresh warehouse with examples/moscow-2020/flows.csv and the Chile sample (read only)."""
    s = hitex.open(tmp_path_factory.mktemp("claims") / "c.duckdb")
    s.load([MOSCOW / "flows.csv", *demo.files()], format="flows")
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """A fresh warehouse of the claim corpus's data: Moscow, Chile-Argentina and Portugal's
    constructed technology series (bench/check_corpus/data), read only."""
    s = hitex.open(tmp_path_factory.mktemp("corpus") / "c.duckdb")
    s.load([MOSCOW / "flows.csv", *demo.files(), PORTUGAL], format="flows")
    yield s
    s.close()
