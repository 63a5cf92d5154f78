"""Golden reports: every figure in a sentence is the Session's own, worded by the rules."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import hitex.report as rep
from hitex.demo import moscow as example
from hitex.demo import moscow_file
from hitex.errors import InputError
from hitex.report import wording as w

ASIA = ["CHN", "JPN", "IND", "THA", "BGD", "VNM", "KOR", "KAZ", "TUR", "ARE", "SGP", "MYS",
        "IDN", "UZB", "MNG"]  # fmt: skip


@pytest.fixture(scope="module")
def flows() -> pd.DataFrame:
    """The example file read by pandas: an oracle independent of the warehouse."""
    return pd.read_csv(moscow_file(), dtype={"product": str})


def test_headline_paragraph(asia):
    assert asia.headline == (
        "Moscow's exports to Asia grew by a third in 2020 against 2019, to $1.53 billion from "
        "$1.15 billion. The largest buyers were China ($563.31 million), Japan "
        "($511.71 million) and India ($140.32 million)."
    )


def test_headline_figures_equal_the_oracle(asia, flows):
    facts = asia.section("headline").sentences[0].facts
    mine = flows[flows["partner"].isin(ASIA)].groupby("year")["value_usd"].sum()
    assert facts["value_usd"] == mine[2020]
    assert facts["base_value_usd"] == mine[2019]
    assert facts["growth_pct"] == pytest.approx((mine[2020] / mine[2019] - 1) * 100)


def test_every_sentence_quotes_its_facts_as_worded(asia):
    """Each money and percentage fact appears in its sentence exactly as wording writes it."""
    checked = 0
    for section in asia.sections:
        for sentence in section.sentences:
            for key, value in sentence.facts.items():
                name = key.split("[")[0]
                if name.endswith("_usd"):
                    assert w.money(abs(value)) in sentence.text, (key, sentence.text)
                elif name in ("growth_pct", "share_pct"):
                    worded = (w.percent(value).lstrip("-"), w.change(value / 100))
                    assert any(x in sentence.text for x in worded), (key, sentence.text)
                checked += 1
    assert checked > 30


def test_facts_are_the_session_results(asia, moscow):
    partners = moscow.table(reporter="RU-MOW", year=2020, compare=2019, partner_group="Asia",
                            by=["partner"], indicators=["product_lines"]).set_index("partner")  # fmt: skip
    dest = asia.section("destinations")
    facts = {k: v for s in dest.sentences for k, v in s.facts.items()}
    assert facts["growth_pct[IND]"] == partners.loc["IND", "growth_pct"]
    assert facts["value_usd[CHN]"] == partners.loc["CHN", "value_usd"] == 563_310_000
    assert facts["product_lines[IND]"] == partners.loc["IND", "product_lines"] == 144
    text = " ".join(s.text for s in dest.sentences)
    assert "grew fastest to India (+63%)" in text
    # Thailand's +198% rests on a small base: named, not ranked first.
    assert "Higher rates to Thailand +198%, Bangladesh +162% and Viet Nam +114%" in text
    assert "New markets in 2020: Mongolia ($350 thousand)." in text


def test_published_article_figures(asia, flows):
    products = " ".join(s.text for s in asia.section("products").sentences)
    assert "8411 (Turbo-jets, turbo-propellers and other gas turbines): $348.67 million, 23%" in (
        products
    )
    tech = asia.section("technology").sentences[-1]
    assert tech.text.startswith("Of the $54.26 million increase in exports to India, finished "
                                "goods brought $54.26 million")  # fmt: skip
    india = flows[flows["partner"] == "IND"]
    lines = india[india["year"] == 2020]["product"].nunique()
    assert lines == 144


def test_sections_without_data_say_why(asia):
    assert asia.section("balance").skipped == "No imports of Moscow are loaded: no trade balance."
    assert asia.section("ytd").skipped.startswith("2020 is complete")
    assert "EBOPS" in asia.section("techbalance").skipped


def test_year_to_date_and_estimate(moscow, flows):
    r = rep.build(moscow, reporter="RU-MOW", year=2020, compare=2019, months=(1, 8))
    ytd = r.section("ytd")
    first = flows[flows["month"] <= 8].groupby("year")["value_usd"].sum()
    assert ytd.sentences[0].facts["growth_pct"] == pytest.approx(
        (first[2020] / first[2019] - 1) * 100
    )
    assert "In January–August 2020, exports grew by 28% against the same months of 2019" in (
        ytd.sentences[0].text
    )
    full_2019 = flows[flows["year"] == 2019]["value_usd"].sum()
    assert ytd.sentences[1].facts["nowcast_usd"] == pytest.approx(
        full_2019 * first[2020] / first[2019]
    )
    assert round(ytd.sentences[0].facts["growth_pct"], 1) == 27.7


def test_balance_history_on_the_real_sample(moscow):
    r = rep.build(moscow, reporter="CHL", year=2004, compare=2002)
    text = " ".join(s.text for s in r.section("balance").sentences)
    series = moscow.series(reporter="CHL", flow="balance", years=range(2002, 2005))
    deficit = -series.loc[series["year"] == 2004, "value_usd"].item()
    assert f"a deficit of {w.money(deficit)}, the lowest of the years loaded (2002–2004)" in text


def test_russian_report(moscow):
    r = rep.build(moscow, reporter="RU-MOW", year=2020, compare=2019, partner_group="Asia",
                  lang="ru")  # fmt: skip
    assert r.title == "Экспорт Москвы в Азию, 2020 г. к 2019 г."
    assert r.headline.startswith("Экспорт Москвы в Азию вырос на треть в 2020 г. по сравнению "
                                 "с 2019 г.: 1,53 млрд долл. против 1,15 млрд долл. ")  # fmt: skip
    dest = " ".join(s.text for s in r.section("destinations").sentences)
    assert "Экспорт в Индию охватил 144 товарные позиции" in dest
    assert "Китай (563,31 млн долл., 37% от общего объёма; +22%)" in dest


def test_every_figure_is_a_number_of_the_appendix(asia):
    """The appendix of destinations holds the exact values the sentences quote."""
    dest = asia.section("destinations")
    table = dest.appendix.set_index("partner")
    for sentence in dest.sentences:
        for key, value in sentence.facts.items():
            column, partner = re.fullmatch(r"(\w+)\[(\w+)\]", key).groups()
            assert table.loc[partner, column] == value


def test_user_mistakes(moscow):
    with pytest.raises(InputError, match="--compare 2021 must be a year before 2020"):
        rep.build(moscow, reporter="RU-MOW", year=2020, compare=2021)
    with pytest.raises(InputError, match="--lang 'de'"):
        rep.build(moscow, reporter="RU-MOW", year=2020, lang="de")
    with pytest.raises(InputError, match=r"\.md, \.html, \.pdf"):
        rep.render(rep.build(moscow, reporter="RU-MOW", year=2020), "report.docx")


def test_example_is_deterministic_and_shipped(tmp_path):
    example.write(tmp_path / "a.csv")
    repo = Path(__file__).parents[2]
    assert (tmp_path / "a.csv").read_bytes() == moscow_file().read_bytes()
    assert (
        repo / "examples" / "moscow-2020" / "flows.csv"
    ).read_bytes() == moscow_file().read_bytes()
