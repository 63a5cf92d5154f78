from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import hitex

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def firm_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """The enterprise fixture (data/flows.csv) with its registry (read it, do not change it)."""
    s = hitex.open(tmp_path_factory.mktemp("firms") / "firms.duckdb")
    s.load([DATA / "flows.csv"], format="flows")
    s.add_firms(DATA / "registry.csv")
    yield s
    s.close()
