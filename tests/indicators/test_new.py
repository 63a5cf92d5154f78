"""new: present now, absent in the base year."""

from __future__ import annotations


def test_new_partners(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["partner"], indicators=["new"]
    )
    assert t.loc[t["new"], "partner"].tolist() == ["KAZ"]


def test_new_products(tiny_session):
    t = tiny_session.table(
        reporter="RUS", year=2020, compare=2019, by=["product"], indicators=["new"]
    )
    assert sorted(t.loc[t["new"], "product"]) == ["620342"]
