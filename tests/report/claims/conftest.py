from __future__ import annotations

from collections.abc import Iterator

import pytest

import hitex
from hitex import demo
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
