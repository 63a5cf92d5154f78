"""Claims about an enterprise group: ``hitex check --firm-group`` checks them on its records."""

from __future__ import annotations

from pathlib import Path

import pytest

import hitex
from hitex.report import claims


def test_claims_of_a_group_are_checked_on_its_enterprises(
    firm_session: hitex.Session, tmp_path: Path
):
    text = tmp_path / "a.txt"
    # High-tech (by hand, test_indicators): 2,250,000 -> 2,400,000, +6.67%.
    text.write_text("Moscow's exports grew by 6.7% in 2020 compared with 2019, to $2.4 million.\n")
    firm_session.scope(firm_group="high-tech")
    try:
        results = claims.check_file(firm_session, text, reporter="RU-MOW", year=2020,
                                    compare=2019)  # fmt: skip
    finally:
        firm_session.scope()
    assert [r.verdict for r in results] == ["supported", "supported"]


def test_a_suppressed_figure_is_unverifiable(firm_session: hitex.Session, tmp_path: Path):
    text = tmp_path / "b.txt"
    # Exports to Japan in 2020 rest on two enterprises (C, E): suppressed.
    text.write_text("Moscow's exports to Japan were $700,000 in 2020.\n")
    results = claims.check_file(firm_session, text, reporter="RU-MOW", year=2020)
    assert [r.verdict for r in results] == ["unverifiable"]
    assert "disclosure control" in results[0].reason


# -- claims about enterprises read from the words (the group, counts, growth taken apart) ------
def _check(session: hitex.Session, text: str, **options: object) -> list[claims.Result]:
    return claims.check(session, text, reporter="RU-MOW", year=2020, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # India 2020 exports, by hand from data/flows.csv: B, D, F.
        ("In 2020, 3 companies exported to India.", "supported"),
        ("В 2020 году 3 компании экспортировали в Индию.", "supported"),
        ("In 2020, 4 companies exported to India.", "contradicted"),
        ("В 2020 году 144 компании экспортировали в Индию.", "contradicted"),
        # Every exporter of 2020: A, B, C, D, E, F.
        ("More than 5 companies exported in 2020.", "supported"),
        ("The number of exporters reached 6 in 2020.", "supported"),
        # New in 2020 against 2019 (exporters of 2019: A, C, D, E): B and F.
        ("In 2020, 2 new exporters appeared.", "supported"),
        ("In 2020, 3 new exporters appeared.", "contradicted"),
    ],
)
def test_counts_of_enterprises(firm_session: hitex.Session, text: str, verdict: str):
    (result,) = _check(firm_session, text)
    assert result.claim.kind == "count"
    assert result.verdict == verdict, result.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # High-tech by hand (test_indicators): 2,250,000 -> 2,400,000, +6.67%; all exports
        # 2,650,000 -> 3,180,000, +20%: the group is read from the words.
        ("Exports of the city's high-tech enterprises grew 6.7% in 2020.", "supported"),
        ("Экспорт высокотехнологичных предприятий города вырос на 6,7% в 2020 году.", "supported"),
        ("Exports of the city's high-tech enterprises grew 30% in 2020.", "contradicted"),
        (
            "Экспорт высокотехнологичных предприятий города вырос на 20% в 2020 году.",
            "contradicted",
        ),
        ("Moscow's exports grew 20% in 2020.", "supported"),
    ],
)
def test_the_group_is_read_from_the_words(firm_session: hitex.Session, text: str, verdict: str):
    (result,) = _check(firm_session, text)
    assert result.verdict == verdict, result.reason
    if "high" in text or "высоко" in text:
        assert result.claim.subject.firm_group == "high-tech"
        assert result.claim.as_dict()["subject"]["firm_group"] == "high-tech"


def test_counts_in_a_group(firm_session: hitex.Session):
    # High-tech exporters in 2020 (members A, B, D): all three exported.
    (result,) = _check(firm_session, "In 2020, 3 high-tech companies exported.")
    assert (result.claim.subject.firm_group, result.verdict) == ("high-tech", "supported")


def test_growth_taken_apart_is_suppressed_naming_the_rule(firm_session: hitex.Session):
    text = "High-tech enterprises: of the $150,000 increase, new exporters brought $700,000."
    change, new = _check(firm_session, text)
    assert change.verdict == "supported", change.reason
    # B is the group's only new exporter: its part would be B's exports.
    assert new.claim.metric == "new_firms_value"
    assert new.verdict == "unverifiable"
    assert "fewer than 3 enterprises among new exporters" in new.reason


def test_growth_taken_apart_when_disclosure_is_lifted(firm_session: hitex.Session):
    # By hand: B (new) 700,000; C (gone) 300,000 in 2019; A and D -250,000.
    firm_session.scope(suppress=False)
    try:
        results = _check(firm_session, "High-tech enterprises: of the $150,000 increase, new "
                         "exporters brought $700,000, those that stopped exporting took away "
                         "$300,000, and continuing exporters lost $250,000.")  # fmt: skip
        wrong = _check(firm_session, "Из прироста экспорта высокотехнологичных предприятий "
                       "новые экспортёры дали 900 тыс. долл. в 2020 году.")  # fmt: skip
    finally:
        firm_session.scope()
    assert [r.claim.metric for r in results] == [None, "new_firms_value", "exits_value",
                                                 "continuing_change"]  # fmt: skip
    assert [r.verdict for r in results[:3]] == ["supported"] * 3
    assert wrong[-1].claim.metric == "new_firms_value"
    assert wrong[-1].verdict == "contradicted"
    assert wrong[-1].computed == 700_000


def test_a_group_not_loaded_is_unverifiable(firm_session: hitex.Session, tmp_path: Path):
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text("firm_groups:\n  - group: defence\n    en: defence enterprises\n"
                       "    words: [defence compan, оборонн предприят]\n", "utf-8")  # fmt: skip
    (result,) = _check(firm_session, "Exports of defence companies grew 20% in 2020.",
                       lexicon_path=lexicon)  # fmt: skip
    assert result.verdict == "unverifiable"
    assert "enterprise group 'defence'" in result.reason
    assert "no registry loaded" in result.reason


def test_counts_without_enterprise_records_are_unverifiable(tmp_path: Path):
    flows = tmp_path / "f.csv"
    flows.write_text("year,reporter,partner,flow,product,value_usd\n"
                     "2020,RU-MOW,IND,export,854231,100\n2019,RU-MOW,IND,export,854231,90\n",
                     "utf-8")  # fmt: skip
    with hitex.open(tmp_path / "w.duckdb") as s:
        s.load([flows], format="flows")
        count, growth = _check(s, "In 2020, 3 companies exported to India. Exports of "
                               "high-tech enterprises to India grew 11.1%.")  # fmt: skip
    assert count.verdict == "unverifiable"
    assert "no enterprise records" in count.reason
    # Without enterprise records the words are read as before: the reporter's trade.
    assert growth.verdict == "supported", growth.reason


def test_a_group_figure_suppressed_names_the_rule(firm_session: hitex.Session):
    # export-support in 2020: D and E only (1.1 million): fewer than 3 enterprises.
    (result,) = _check(firm_session, "Exports of companies supported by the export centre "
                       "reached $1.1 million in 2020.")  # fmt: skip
    assert result.claim.subject.firm_group == "export-support"
    assert result.verdict == "unverifiable"
    assert "suppressed (fewer than 3 enterprises)" in result.reason


def test_growth_taken_apart_in_the_next_paragraph_keeps_the_group(firm_session: hitex.Session):
    firm_session.scope(suppress=False)
    try:
        results = _check(
            firm_session,
            "Exports of Moscow's high-tech enterprises grew 6.7% in "
            "2020.\nOf the $150,000 increase, new exporters brought $700,000.",
        )
    finally:
        firm_session.scope()
    assert [r.claim.subject.firm_group for r in results] == ["high-tech"] * 3
    assert [r.verdict for r in results] == ["supported"] * 3


def test_words_that_are_not_about_enterprise_dynamics(firm_session: hitex.Session):
    # "new" names the products, not the exporters: no part of growth is read.
    (products,) = _check(firm_session, "Exports of new products by companies reached $3.18 "
                         "million in 2020.")  # fmt: skip
    assert products.claim.metric is None
    # A top list of enterprises is no count, and its figure is not the total's.
    results = _check(firm_session, "The 3 largest companies exported $2 million in 2020.")
    assert all(r.claim.kind != "count" for r in results)
    assert results[-1].verdict == "unverifiable"
    assert "largest enterprises" in results[-1].reason
