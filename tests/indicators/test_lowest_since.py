"""lowest_since: every year after it was higher, and it was lower or equal."""

from __future__ import annotations

import pandas as pd
import pytest

from hitex.errors import InputError


@pytest.fixture(scope="module")
def chn(tiny_session):
    s = tiny_session.series(reporter="CHN", years=range(2001, 2008), indicators=["lowest_since"])
    return s.set_index("year")["lowest_since"]


def test_lowest_since_by_hand(chn):
    assert chn[2006] == 2001  # 55: 2002-2005 higher, 2001 (50) lower
    assert chn[2004] == 2001
    assert chn[2003] == 2002


def test_equal_value_counts(chn):
    assert chn[2007] == 2006  # 55 again


def test_first_year_has_none(chn):
    assert pd.isna(chn[2001])


def test_needs_a_series(tiny_session):
    with pytest.raises(InputError, match="--years"):
        tiny_session.table(reporter="CHN", year=2006, indicators=["lowest_since"])
