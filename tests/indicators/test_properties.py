"""Invariants of the table on random data: shares add up, parts never exceed the whole."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import hitex
from tests.fixtures import flows_file

PARTNERS = ["CHN", "IND", "JPN", "DEU", "KAZ", "THA"]
PRODUCTS = ["841181", "851762", "847330", "010121", "300490"]

records = st.lists(
    st.tuples(
        st.sampled_from([2019, 2020]),
        st.sampled_from(PARTNERS),
        st.sampled_from(["export", "import"]),
        st.sampled_from(PRODUCTS),
        st.integers(0, 10**9),
    ),
    min_size=1,
    max_size=30,
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=records)
def test_shares_add_up_and_parts_sum_to_the_whole(tmp_path_factory, rows):
    # A question about a year without records is refused (it says what the warehouse holds).
    assume({y for y, _, f, _, _ in rows if f == "export"} == {2019, 2020})
    folder = tmp_path_factory.mktemp("prop")
    lines = [(y, "", "RUS", p, f, k, v) for y, p, f, k, v in rows]
    with hitex.open(folder / "w.duckdb") as s:
        s.load([flows_file(folder / "f.csv", lines)], format="flows")
        total = s.table(reporter="RUS", year=2020, compare=2019)
        by_partner = s.table(reporter="RUS", year=2020, compare=2019, by=["partner"])
        by_group = s.table(reporter="RUS", year=2020, compare=2019, by=["group"], groups="tech")
    exports_2020 = sum(v for y, _, f, _, v in rows if y == 2020 and f == "export")
    exports_2019 = sum(v for y, _, f, _, v in rows if y == 2019 and f == "export")
    assert total["value_usd"].sum() == exports_2020
    for part in (by_partner, by_group):  # a partition: the parts add up to the whole
        assert part["value_usd"].sum() == exports_2020
        assert part["base_value_usd"].sum() == exports_2019
        if exports_2020 > 0:
            assert part["share_pct"].sum() == pytest.approx(100.0)
            assert (part["share_pct"] <= 100.0 + 1e-9).all()
        growth_missing = part["growth_pct"].isna()
        assert (growth_missing == (part["base_value_usd"] == 0)).all()  # null, never infinite
        assert not any(math.isinf(g) for g in part["growth_pct"].dropna())
