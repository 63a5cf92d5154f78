from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import hitex
from hitex import demo

ROOT = Path(__file__).parents[3]
MOSCOW = ROOT / "examples" / "moscow-2020"
CHILE = ROOT / "examples" / "chile-argentina"


@pytest.fixture(scope="session")
def checked_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """A fresh warehouse with examples/moscow-2020/flows.csv and the Chile sample (read only)."""
    s = hitex.open(tmp_path_factory.mktemp("claims") / "c.duckdb")
    s.load([MOSCOW / "flows.csv", *demo.files()], format="flows")
    yield s
    s.close()
