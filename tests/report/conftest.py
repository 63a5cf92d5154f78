from __future__ import annotations

from collections.abc import Iterator

import pytest

import hitex
import hitex.report as rep
from hitex import demo


@pytest.fixture(scope="module")
def moscow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[hitex.Session]:
    """The Moscow example and the real sample in one warehouse (read it, do not change it)."""
    s = hitex.open(tmp_path_factory.mktemp("moscow") / "m.duckdb")
    s.load([*demo.files(), demo.moscow_file()], format="flows")
    yield s
    s.close()


@pytest.fixture(scope="module")
def asia(moscow: hitex.Session) -> rep.Report:
    return rep.build(moscow, reporter="RU-MOW", year=2020, compare=2019, partner_group="Asia")
