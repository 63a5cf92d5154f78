from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import hitex
from hitex import demo


@pytest.fixture
def session(tmp_path: Path) -> Iterator[hitex.Session]:
    """A new, empty warehouse for one test."""
    s = hitex.open(tmp_path / "test.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """The bundled real sample, loaded once (read it, do not change it)."""
    s = demo.build(tmp_path_factory.mktemp("demo"))
    yield s
    s.close()
