"""Verdicts of frames read from new phrasings, against the example files (figures by pandas)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex
import hitex.report.claims as claims
from hitex import demo

MOSCOW = Path(__file__).parents[3] / "examples" / "moscow-2020" / "flows.csv"
#: Moscow's partners in Asia (M49), by hand.
ASIA = {"CHN", "JPN", "IND", "KOR", "KAZ", "TUR", "ARE", "SGP", "MYS", "IDN", "UZB", "VNM",
        "THA", "BGD", "MNG"}  # fmt: skip


def test_a_groups_share_of_the_total(checked_warehouse):
    flows = pd.read_csv(MOSCOW)
    year = flows[flows["year"] == 2020]
    share = 100 * year[year["partner"].isin(ASIA)]["value_usd"].sum() / year["value_usd"].sum()
    (r,) = claims.check(checked_warehouse, "Asian markets took almost two-thirds of Moscow's "
                        "exports in 2020.", reporter="RU-MOW")  # fmt: skip
    assert r.verdict == "supported", r.reason
    assert r.computed == pytest.approx(share)


def _chile_balance() -> float:
    frame = pd.concat(pd.read_csv(f) for f in demo.files())
    year = frame[frame["year"] == 2004]
    return float(year[year["flow"] == "export"]["value_usd"].sum()
                 - year[year["flow"] == "import"]["value_usd"].sum())  # fmt: skip


@pytest.mark.parametrize(
    ("words", "verdict"),
    [
        ("ran a deficit of $1.77 billion", "supported"),
        ("had a trade balance of $1.77 billion", "unverifiable"),  # the side is not said
        ("had a trade balance of $1.5 billion", "contradicted"),  # wrong either way
        ("had a surplus of $1.77 billion", "contradicted"),
    ],
)
def test_the_balance_side_said_or_not(checked_warehouse, words, verdict):
    assert _chile_balance() == pytest.approx(-1.772e9, rel=1e-3)
    text = f"In 2004 Chile {words} with Argentina."
    (r,) = claims.check(checked_warehouse, text, reporter="CHL")
    assert r.verdict == verdict, r.reason


def test_a_rank_within_a_group_of_one_loaded_partner_abstains(checked_warehouse):
    text = "Egypt, the largest African buyer of Moscow's goods in 2020, took $56.3 million."
    rank, amount = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert rank.verdict == "unverifiable", rank.reason
    assert "Africa" in rank.reason
    assert amount.verdict == "supported"


def _moscow_exports(year: int, partner: str | None = None) -> float:
    flows = pd.read_csv(MOSCOW)
    rows = flows[(flows["year"] == year) & (flows["flow"] == "export")]
    if partner:
        rows = rows[rows["partner"] == partner]
    return float(rows["value_usd"].sum())


def test_a_figure_another_reading_supports_is_not_contradicted(checked_warehouse):
    # The total of Moscow's exports, put in a sentence that names Germany: the reader may
    # have meant the total (the guard tries the subject without the partner).
    total = _moscow_exports(2020)
    assert total != pytest.approx(_moscow_exports(2020, "DEU"), rel=0.01)
    text = (
        f"Sales to Germany grew, and Moscow's exports reached ${total / 1e9:.2f} billion in 2020."
    )
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    amount = next(r for r in results if "billion" in r.claim.span)
    assert amount.verdict in ("supported", "unverifiable"), amount.reason
    if amount.verdict == "unverifiable":
        assert amount.reason.startswith("ambiguous"), amount.reason


def test_a_figure_no_reading_supports_stays_contradicted(checked_warehouse):
    italy = _moscow_exports(2020, "ITA")
    wrong = italy * 1.5 / 1e6
    text = f"Moscow's exports to Italy reached ${wrong:.1f} million in 2020."
    (r,) = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert r.verdict == "contradicted", r.reason


def test_the_year_before_does_not_excuse_a_year_written_in_the_clause(checked_warehouse):
    # A figure that is exports one year before the year its own clause writes ("in 2020"):
    # the words fix the year, so the year before is no other reading of it.
    before = _moscow_exports(2019)
    assert before != pytest.approx(_moscow_exports(2020), rel=0.01)
    text = f"Moscow's exports were ${before / 1e9:.2f} billion in 2020."
    (r,) = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert r.verdict == "contradicted", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 Moscow's exports to Germany, France and Italy each grew by at least 20%.",
        "В 2020 году экспорт Москвы в Германию, Францию и Италию вырос не менее чем на 20% каждый.",
    ],
)
def test_a_growth_said_of_each_partner_is_not_checked_on_their_sum(checked_warehouse, text):
    growth = {
        p: _moscow_exports(2020, p) / _moscow_exports(2019, p) - 1 for p in ("DEU", "FRA", "ITA")
    }
    together = sum(_moscow_exports(2020, p) for p in growth) / sum(
        _moscow_exports(2019, p) for p in growth
    )
    assert together - 1 >= 0.20  # the sum would pass
    assert min(growth.values()) < 0.20
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    (r,) = [r for r in results if r.claim.kind == "growth"]
    assert r.claim.aggregation == "each"
    assert r.verdict != "supported", r.reason


def test_a_figure_of_every_month_asks_one_query_grouped_by_month(corpus, monkeypatch):
    # Moscow's exports of September-December 2020 were about 217 million each month (pandas:
    # test_claims_round17ru2); the months come from one table by month, not one table a month.
    asked: list[dict[str, object]] = []
    table = hitex.Session.table

    def counted(self: hitex.Session, **options: object) -> pd.DataFrame:
        asked.append(options)
        return table(self, **options)

    monkeypatch.setattr(hitex.Session, "table", counted)
    text = ("Экспорт Москвы в 2020 году.\n\n"
            "С сентября по декабрь каждый месяц Москва вывозила товаров примерно на 217 млн "
            "долларов.")  # fmt: skip
    (r,) = [r for r in claims.check(corpus, text) if "217" in r.claim.span]
    assert (r.claim.metric, r.verdict) == ("each_month", "supported"), r.reason
    by_month = [o for o in asked if list(o.get("by") or ()) == ["month"]]
    assert [o["months"] for o in by_month] == [(9, 12)]
    assert not [o for o in asked if o.get("months") in [(m, m) for m in range(9, 13)]]
