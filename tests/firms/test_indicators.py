"""Enterprise indicators against hand-worked figures and a pandas oracle on the raw files.

The fixture (data/flows.csv, data/registry.csv): memberships change between years (B joins
high-tech in 2020, C leaves after 2019), D is in two groups (high-tech, and export-support
in 2020 only), A has exports and imports, F is in no group.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex
from hitex.indicators import Query
from hitex.indicators.selection import needs_records
from tests.firms import oracle
from tests.firms.conftest import DATA

FLOWS, REGISTRY = DATA / "flows.csv", DATA / "registry.csv"
FIRM_COLUMNS = ["value_usd", "base_value_usd", "firms", "new_firms", "exits", "new_firms_usd",
                "exits_usd", "continuing_change_usd"]  # fmt: skip
ASK = ["value", "firms", "firm_growth"]


def test_high_tech_2020_against_2019_by_hand(firm_session: hitex.Session):
    t = firm_session.table(
        reporter="RU-MOW", year=2020, compare=2019, firm_group="high-tech",
        indicators=[*ASK, "value_per_firm"], suppress=False,
    )  # fmt: skip
    row = t.iloc[0]
    # 2020 members A, B, D: 1.2M + 0.7M + (0.35M + 0.15M); 2019 members A, C, D:
    # 1.5M (two lines of A merged) + 0.3M + (0.2M + 0.25M).
    assert row["value_usd"] == 2_400_000
    assert row["base_value_usd"] == 2_250_000
    assert (row["firms"], row["new_firms"], row["exits"]) == (3, 1, 1)
    # Of the 150,000 increase: B (new) brought 700,000, C (gone) took 300,000, A and D
    # together -250,000 (A -300,000, D +50,000).
    assert row["new_firms_usd"] == 700_000
    assert row["exits_usd"] == 300_000
    assert row["continuing_change_usd"] == -250_000
    assert (
        row["change_usd"] == row["new_firms_usd"] - row["exits_usd"] + row["continuing_change_usd"]
    )
    assert row["value_per_firm_usd"] == 800_000


@pytest.mark.parametrize("group", [None, "high-tech", "export-support"])
@pytest.mark.parametrize("by", [None, "partner", "product"])
def test_against_the_pandas_oracle(firm_session: hitex.Session, group: str | None, by: str | None):
    got = firm_session.table(
        reporter="RU-MOW", year=2020, compare=2019, by=[by] if by else [], firm_group=group,
        indicators=ASK, suppress=False,
    )  # fmt: skip
    want = oracle.table(FLOWS, REGISTRY, group=group, year=2020, compare=2019, by=by)
    keys = [by] if by else []
    got = got[keys + FIRM_COLUMNS].sort_values(keys).reset_index(drop=True)
    want = want[keys + FIRM_COLUMNS].sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


def test_a_firm_with_both_flows_counts_in_each(firm_session: hitex.Session):
    imports = firm_session.table(
        reporter="RU-MOW", flow="import", year=2020, compare=2019, indicators=ASK,
        suppress=False, partial=True,
    )  # fmt: skip
    want = oracle.table(FLOWS, None, group=None, year=2020, compare=2019, by=None, flow="import")
    assert imports["firms"].item() == want["firms"].item() == 2  # A and B import
    assert imports["new_firms"].item() == 1  # B


def test_by_firm_names_the_enterprises(firm_session: hitex.Session):
    t = firm_session.table(reporter="RU-MOW", year=2020, by=["firm"], suppress=False)
    assert t["firm_name"].tolist()[:3] == [
        "Alpha Microelectronics",
        "Beta Optics",
        "Epsilon Software",
    ]
    assert t["value_usd"].tolist()[:3] == [1_200_000, 700_000, 600_000]


def test_series_counts_enterprises_each_year(firm_session: hitex.Session):
    s = firm_session.series(
        reporter="RU-MOW", years=[2019, 2020], firm_group="high-tech",
        indicators=["value", "firms"], suppress=False,
    )  # fmt: skip
    assert s[["year", "value_usd", "firms"]].values.tolist() == [
        [2019, 2_250_000, 3], [2020, 2_400_000, 3],
    ]  # fmt: skip


def test_unknown_group_says_what_there_is(firm_session: hitex.Session):
    with pytest.raises(KeyError, match="Did you mean 'high-tech'"):
        firm_session.table(reporter="RU-MOW", year=2020, firm_group="hightech")


def test_selection_says_when_it_needs_records():
    assert Query(reporter="RUS", years=(2020,), firm_group="x").needs_records
    assert Query(reporter="RUS", years=(2020,), by=("firm",)).needs_records
    assert not Query(reporter="RUS", years=(2020,), by=("partner",)).needs_records
    assert needs_records(Query(reporter="RUS", years=(2020,)), ["value", "new_firms"])
    assert not needs_records(Query(reporter="RUS", years=(2020,)), ["value", "growth"])


@pytest.mark.parametrize("group", [None, "high-tech", "export-support"])
@pytest.mark.parametrize("by", [None, "partner", "product"])
def test_growth_is_taken_apart_only_where_each_part_passes(
    firm_session: hitex.Session, group: str | None, by: str | None
):
    got = firm_session.table(reporter="RU-MOW", year=2020, compare=2019, by=[by] if by else [],
                             firm_group=group, indicators=ASK)  # fmt: skip
    want = oracle.table(FLOWS, REGISTRY, group=group, year=2020, compare=2019, by=by)
    shown = oracle.parts_shown(FLOWS, REGISTRY, group=group, year=2020, compare=2019, by=by)
    parts = ["new_firms_usd", "exits_usd", "continuing_change_usd"]
    for _, row in got[~got["suppressed"]].iterrows():
        k = row[by] if by else "all"
        if shown[k]:
            expected = want[want[by] == k] if by else want
            assert row[parts].tolist() == expected[parts].iloc[0].tolist()
        else:
            assert row[parts].isna().all()
            assert str(row["suppression"]).startswith("growth not taken apart: ")


def test_high_tech_parts_hidden_by_hand(firm_session: hitex.Session):
    # High-tech 2020 against 2019: the row rests on A, B, D (none over 85%) and is shown; its
    # only new exporter is B, so the part of new exporters would be B's exports: not shown.
    row = firm_session.table(reporter="RU-MOW", year=2020, compare=2019,
                             firm_group="high-tech", indicators=ASK).iloc[0]  # fmt: skip
    assert not row["suppressed"]
    assert row["value_usd"] == 2_400_000
    assert row[["new_firms_usd", "exits_usd", "continuing_change_usd"]].isna().all()
    assert row["suppression"] == (
        "growth not taken apart: fewer than 3 enterprises among new exporters"
    )
