"""Reports state only what the data cover: partial imports give no balance, and say why."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex
import hitex.report as rep
from hitex.report import wording as w
from hitex.report.render import APPENDIX_ROWS

BACI = Path(__file__).parents[1] / "fixtures" / "baci" / "BACI_HS92_two_exporters_2020_2021.csv"


@pytest.fixture(scope="module")
def zaf(tmp_path_factory: pytest.TempPathFactory):
    s = hitex.open(tmp_path_factory.mktemp("zaf") / "z.duckdb")
    s.load([BACI], format="baci")
    yield s
    s.close()


@pytest.fixture(scope="module")
def report(zaf) -> rep.Report:
    return rep.build(zaf, reporter="ZAF", year=2021, compare=2020)


def test_partial_imports_state_no_balance_and_say_what_is_missing(report):
    text = " ".join(x.text for s in report.sections for x in s.sentences)
    assert "balance was" not in text
    assert "imports $60" not in text
    assert w.money(60_410) not in text
    skipped = report.section("balance").skipped
    assert skipped == (
        "No trade balance of South Africa for 2021: exports, South Africa's own records; "
        "imports, partial, mirrored from 1 of 6 exporters only (Afghanistan), so not stated."
    )
    note = " ".join(x.text for x in report.section("note").sentences)
    assert (
        "Coverage of 2021: exports, South Africa's own records; imports, partial, mirrored "
        "from 1 of 6 exporters only (Afghanistan), so not stated."
    ) in note


def test_exports_only_reporter_note(moscow):
    r = rep.build(moscow, reporter="RU-MOW", year=2020)
    assert r.section("balance").skipped == "No imports of Moscow are loaded: no trade balance."
    note = " ".join(x.text for x in r.section("note").sentences)
    assert "Coverage of 2020: exports, Moscow's own records; imports, not loaded (not stated)." in (
        note
    )


def test_hs92_products_are_named_by_their_heading(report):
    # Every HS edition reaches the heading scheme, so an HS92 year reads by heading: "7108
    # (Gold)", not the subheading's own words ("710812 Other unwrought forms").
    raw = pd.read_csv(BACI, dtype={"k": str}).query("t == 2021 and i == 710")
    by_heading = raw.groupby(raw["k"].str[:4])["v"].sum().sort_values(ascending=False)
    assert by_heading.index[0] == "7108"
    text = report.section("products").sentences[0].text
    assert text.startswith("The largest product heading was 7108 (Gold): ")
    chart = report.section("products").charts[0].spec
    labels = [v["label"] for v in next(iter(chart["datasets"].values()))]
    assert labels[0] == "7108 Gold"
    assert "7110 Platinum" in labels


def test_charts_have_something_to_show(zaf, tmp_path):
    raw = pd.read_csv(BACI, dtype={"k": str})
    one = tmp_path / "BACI_HS92_one_year.csv"
    raw[raw["t"] == 2021].to_csv(one, index=False)
    with hitex.open(tmp_path / "one.duckdb") as s:
        s.load([one], format="baci")
        r = rep.build(s, reporter="ZAF", year=2021)
    assert r.section("headline").charts == []  # one year: no one-bar history
    titles = [c.title for c in r.section("destinations").charts]
    assert "Largest destinations" in titles  # no growth promised without a base year
    with_growth = rep.build(zaf, reporter="ZAF", year=2021, compare=2020)
    spec = with_growth.section("destinations").charts[0]
    assert spec.title == "Largest destinations, with growth"
    labels = [v["label"] for v in next(iter(spec.spec["datasets"].values()))]
    assert all(label.startswith(("+", "-")) for label in labels if label)
    assert any(labels)


def test_long_appendix_is_capped_with_the_full_table_beside(moscow, tmp_path):
    r = rep.build(moscow, reporter="RU-MOW", year=2020, compare=2019)
    dest = r.section("destinations").appendix
    assert len(dest) > APPENDIX_ROWS
    out = rep.render(r, tmp_path / "mow.html")
    html = out.read_text(encoding="utf-8")
    more = len(dest) - APPENDIX_ROWS
    assert f"… and {more:,} more rows (the full table: mow-destinations.csv)" in html
    assert html.count("<tr>") <= APPENDIX_ROWS * 8
    full = pd.read_csv(tmp_path / "mow-destinations.csv")
    assert len(full) == len(dest)
    assert full["partner"].tolist() == dest["partner"].tolist()


def test_claim_on_partial_imports_is_not_checked_against_them(zaf):
    import hitex.report.claims as claims  # noqa: PLC0415

    (result,) = claims.check(zaf, "In 2021 South Africa's imports were $60.41 thousand.",
                             reporter="ZAF")  # fmt: skip
    assert result.verdict == "unverifiable"
    assert result.computed is None
    assert "Partial: South Africa's imports in 2021" in result.reason
