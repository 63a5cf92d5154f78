from __future__ import annotations

from collections.abc import Iterator

import pytest

import hitex
from tests.complexity import hand


@pytest.fixture(scope="session")
def hand_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """Three countries, four products and Moscow (see tests/complexity/hand.py)."""
    s = hand.build(tmp_path_factory.mktemp("hand"))
    yield s
    s.close()
