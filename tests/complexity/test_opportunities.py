"""Opportunities on the hand-computed world: every number worked out from tests/complexity/hand.py."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from hitex.cli import app
from hitex.complexity import opportunity_table, product_space_chart
from hitex.errors import InputError, UnknownCodeError


def test_city_opportunities_by_hand(hand_session):
    out = hand_session.opportunities(reporter="RU-MOW", year=2020, small_base_usd=50, markets=1)
    # Moscow holds 300490 and 854231; 010121 is densest (0.4 vs 0.25) and gains most.
    products = opportunity_table(out)
    assert products["product"].tolist() == ["010121", "020110"]
    assert products["density"].tolist() == pytest.approx([0.4, 0.25])
    assert products[["density_rank", "cog_rank", "rank"]].values.tolist() == [[1, 1, 1], [2, 2, 2]]
    assert products["product_name"].iloc[0].startswith("Horses; live")
    # Moscow's 3 of the world's 55 (Moscow itself is not counted in the world).
    assert products["world_share_pct"].iloc[0] == pytest.approx(100 * 3 / 55)
    horses = out[out["product"] == "010121"].set_index("market")
    # Largest: USA (180); fastest on a base of at least 50: CHN +50% (IND's +300% is on 10).
    assert horses["why"].to_dict() == {"USA": "largest", "CHN": "fastest"}
    assert horses.loc["CHN", "growth_pct"] == pytest.approx(50.0)
    assert horses.loc["USA", "growth_pct"] == pytest.approx(-10.0)
    assert horses.loc["CHN", "share_pct"] == pytest.approx(2.0)  # 3 of 150
    assert horses.loc["CHN", "expected_usd"] == pytest.approx(150 * 3 / 55)
    assert horses.loc["CHN", "untapped_usd"] == pytest.approx(150 * 3 / 55 - 3)
    assert horses.loc["USA", "market_name"] == "United States of America"
    # Nobody imports 020110: the product is listed, with no market.
    assert out[out["product"] == "020110"]["market"].isna().all()


def test_partner_group_and_product_group(hand_session):
    out = hand_session.opportunities(
        reporter="FRA", year=2020, groups="tech", group="high", partner_group="Asia"
    )
    assert set(out["product"]) == {"300490", "854231"}
    assert out["market"].isna().all()  # no imports of these in the warehouse
    horses = hand_session.opportunities(reporter="RU-MOW", year=2020, partner_group="Asia", top=1)
    assert set(horses["market"]) == {"CHN", "IND"}  # the USA is not in Asia


def test_nothing_left_to_rank(hand_session):
    with pytest.raises(InputError, match="already exports with advantage every product"):
        hand_session.opportunities(reporter="RU-MOW", year=2020, groups="tech", group="high")


def test_unknown_partner_group(hand_session):
    with pytest.raises(UnknownCodeError, match="Did you mean 'Asia'"):
        hand_session.opportunities(reporter="RU-MOW", year=2020, partner_group="Asai")


def test_product_space_chart(hand_session):
    spec = product_space_chart(hand_session.complexity(year=2020), "FRA").to_dict()
    values = next(iter(spec["datasets"].values()))
    assert {v["product"]: v["held"] for v in values} == {
        "010121": "exported with advantage", "020110": "exported with advantage",
        "300490": "not yet", "854231": "not yet",
    }  # fmt: skip


# -- command line -------------------------------------------------------------------------------
def _run(db, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_complexity_json(hand_session):
    db = hand_session.warehouse.path
    code, out, _ = _run(db, "complexity", "--year", "2020", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 16
    assert list(rows[0])[:13] == [
        "year", "reporter", "product", "export_value", "rca", "mcp", "diversity", "ubiquity",
        "eci", "pci", "density", "coi", "cog",
    ]  # fmt: skip
    expected = hand_session.complexity(year=2020)
    assert pd.DataFrame(rows)["eci"].tolist() == pytest.approx(expected["eci"].tolist())


def test_cli_nearest_for_a_city(hand_session):
    db = hand_session.warehouse.path
    code, out, _ = _run(db, "complexity", "--year", "2020", "--reporter", "RU-MOW",
                        "--by", "product", "--top", "1", "--format", "json")  # fmt: skip
    assert code == 0
    assert [(r["product"], r["mcp"]) for r in json.loads(out)] == [("010121", 0)]


def test_cli_opportunities(hand_session):
    db = hand_session.warehouse.path
    code, out, _ = _run(db, "opportunities", "--reporter", "RU-MOW", "--year", "2020",
                        "--top", "1", "--format", "json")  # fmt: skip
    assert code == 0
    rows = json.loads(out)
    assert [r["market"] for r in rows] == ["USA", "CHN", "IND"]
    assert rows[0]["imports_usd"] == 180.0


def test_cli_errors_are_one_sentence(hand_session):
    db = hand_session.warehouse.path
    code, _, err = _run(db, "opportunities", "--reporter", "KAZ", "--year", "2020")
    assert code == 1
    assert err.startswith("Error: KAZ has no exports in 2020")
