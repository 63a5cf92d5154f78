from __future__ import annotations

from collections.abc import Iterator

import pytest

import hitex
from tests.indicators import tiny


@pytest.fixture(scope="session")
def tiny_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """The hand-computable warehouse of :mod:`tests.indicators.tiny` (read it, do not change it)."""
    s = tiny.build(tmp_path_factory.mktemp("tiny"))
    yield s
    s.close()
