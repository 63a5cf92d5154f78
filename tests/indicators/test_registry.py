"""The registry: one module per indicator, named after its function; user errors."""

from __future__ import annotations

import importlib

import pytest

import hitex.indicators as ind
from hitex.errors import InputError, UnknownCodeError


@pytest.mark.parametrize(
    "entry",
    [i for i in ind.INDICATORS if i.name not in {"exports", "imports"}],
    ids=lambda i: i.name,
)
def test_each_indicator_has_its_module(entry):
    module = importlib.import_module(f"hitex.indicators.{entry.name}")
    assert getattr(module, entry.name) is entry.func


def test_unknown_indicator_suggests(tiny_session):
    with pytest.raises(UnknownCodeError, match="Did you mean 'growth'"):
        tiny_session.table(reporter="RUS", year=2020, indicators=["growht"])


def test_base_indicators_need_compare(tiny_session):
    with pytest.raises(InputError, match="--compare"):
        tiny_session.table(reporter="RUS", year=2020, indicators=["growth"])


def test_default_keys_are_stable(tiny_session):
    t = tiny_session.table(reporter="RUS", year=2020, compare=2019, by=["partner"])
    assert t.columns.tolist() == [
        "partner", "partner_name", "value_usd", "base_value_usd", "growth_pct", "share_pct",
        "classifications",
    ]  # fmt: skip
