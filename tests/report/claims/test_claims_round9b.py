"""Base years and relative years (sentences written for these tests).

Expected figures come from pandas on the raw files: examples/moscow-2020/flows.csv (Moscow's
exports, 2019-2020) and the Chile-Argentina sample (src/hitex/demo/data, 2002 and 2004).
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex
import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims.resolve import Context, article_year, period
from tests.report.claims._shared import moscow_exports as _moscow_exports
from tests.report.claims._shared import ru as _ru


def _chile_exports() -> pd.Series:
    c = pd.concat([pd.read_csv(f) for f in demo.files()])
    return c[(c["flow"] == "export") & (c["partner"] == "ARG")].groupby("year")["value_usd"].sum()


@pytest.mark.parametrize("base", ["к 2002 году", "по сравнению с 2002 годом"])
def test_a_base_year_in_the_clause_is_not_the_year_of_the_amount(base):
    text = f"Наш экспорт составил 263 млн долларов — рост в 1,4 раза {base}."
    at = text.index("263")
    got = period(text, "amount", Context("CHL", 2004), at=(at, at + len("263 млн долларов")))
    assert got.year == 2004
    at = text.index("в 1,4")
    got = period(text, "multiple", Context("CHL", 2004), at=(at, at + len("в 1,4 раза")))
    assert (got.year, got.compare) == (2004, 2002)


def test_a_base_of_the_clause_before_is_not_this_claims():
    text = ("In 2021 exports reached $4.5 billion: 30% above 2020, and over three times the 2018 "
            "figure of $1.4 billion.")  # fmt: skip
    at = text.index("over three")
    got = period(text, "multiple", Context("PRT", 2021), at=(at, at + len("over three times")))
    assert (got.year, got.compare) == (2021, 2018)
    at = text.index("30%")
    got = period(text, "growth", Context("PRT", 2021), at=(at, at + 3))
    assert (got.year, got.compare) == (2021, 2020)


def test_by_a_year_without_a_multiple_is_no_base():
    # "к 2002 году" after no multiple or percentage is "by 2002": the text's own year.
    text = "К 2002 году экспорт составил 191 млн долларов."
    assert article_year(text, [2002], [2002, 2004]) == 2002


def test_a_text_naming_2002_only_as_a_base_is_about_the_year_after():
    text = ("Экспорт вырос в 1,4 раза к 2002 году. Пшеницу, которую в 2002 году мы не ввозили, "
            "теперь ввозим.")  # fmt: skip
    assert article_year(text, [2002], [2002, 2004]) == 2004
    # A year named on its own as well as a base: still the text's own year when not a base
    # elsewhere.
    assert article_year("В 2002 году экспорт вырос на 5% по сравнению с 2001 годом.",
                        [2001, 2002], [2001, 2002, 2004]) == 2002  # fmt: skip


def test_the_chile_interview_sentence_is_checked_as_2004(checked_warehouse):
    e = _chile_exports()
    m = e[2004] / e[2002]
    right = (f"Наш экспорт в Аргентину составил {_ru(e[2004] / 1e6)} млн долларов — рост "
             f"примерно в {_ru(m)} раза к 2002 году.")  # fmt: skip
    results = claims.check(checked_warehouse, right, reporter="CHL")
    assert [r.claim.period.year for r in results] == [2004, 2004]
    assert [r.verdict for r in results] == ["supported", "supported"]
    assert results[1].claim.period.compare == 2002
    # 2002's amount stated instead: its year is not certain (the sentence names 2002), so no
    # red flag, and no "supported" as 2002's: the reason names the year that holds it.
    wrong = right.replace(_ru(e[2004] / 1e6), _ru(e[2002] / 1e6), 1)
    results = claims.check(checked_warehouse, wrong, reporter="CHL")
    assert results[0].verdict == "unverifiable"
    assert "but with the year read as 2002" in results[0].reason


@pytest.mark.parametrize("dateline", ["Saturday 6 February 2021", "February 6, 2021",
                                      "6 февраля 2021 г."])  # fmt: skip
def test_last_year_in_a_dated_text_is_the_year_before_the_date(dateline):
    text = (f"THE CLARION | {dateline}\n\nExports rose 30 per cent last year, $554.7 million "
            "above the 2019 total.")  # fmt: skip
    assert article_year(text, [2019], [2019, 2020]) == 2020


def test_a_date_in_the_body_is_no_dateline():
    # No dateline in the head: the year of "last year" is not read from a date far below.
    text = ("Exports fell in 2019. " + "Trade goes on. " * 30
            + "On 6 February 2021 the office said they rose last year.")  # fmt: skip
    assert article_year(text, [2019], [2019, 2020]) == 2019


def test_a_dated_tabloid_is_checked_against_the_year_before_its_date(checked_warehouse):
    t = _moscow_exports()
    text = (f"THE CAPITAL CLARION | MONEY | Saturday 6 February 2021\n\n"
            f"Moscow's tech firms sold ${(t[2020] - t[2019]) / 1e6:.1f} MILLION more abroad last "
            f"year than the 2019 total. Total sales abroad rose {(t[2020] / t[2019] - 1) * 100:.0f}"
            f" per cent to ${t[2020] / 1e9:.1f}bn.")  # fmt: skip
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    amount = [r for r in results if r.claim.kind == "amount" and "bn" in r.claim.span]
    assert [(r.claim.period.year, r.verdict) for r in amount] == [(2020, "supported")]
    growth = [r for r in results if r.claim.kind == "growth"]
    assert [(r.claim.period.year, r.verdict) for r in growth] == [(2020, "supported")]


def test_an_amount_said_to_have_risen_when_it_fell_is_not_supported(tmp_path):
    # Chile's exports of copper wire (HS 7408) to Argentina, from the bundled sample, with
    # pandas: the 2004 amount is right (about 2.2 million) but it fell from 2002's.
    frames = [pd.read_csv(p, dtype={"product": str}) for p in demo.files()]
    raw = pd.concat(frames)
    wire = raw[(raw["flow"] == "export") & raw["product"].str.startswith("7408")]
    by_year = wire.groupby("year")["value_usd"].sum()
    assert round(by_year[2004] / 1e6, 1) == 2.2
    assert by_year[2002] > by_year[2004]
    s = hitex.open(tmp_path / "w.duckdb")
    s.load(list(demo.files()), format="flows")
    said = (
        "В 2004 году экспорт Чили в Аргентину: медная проволока (7408) выросла до 2,2 млн долларов."
    )
    (r,) = [r for r in claims.check(s, said, reporter="CHL", year=2004) if "2,2" in r.claim.span]
    assert r.verdict == "unverifiable", r.reason
    assert "fell from" in r.reason
    fell = said.replace("выросла", "снизилась")
    (r,) = [r for r in claims.check(s, fell, reporter="CHL", year=2004) if "2,2" in r.claim.span]
    s.close()
    assert r.verdict == "supported", r.reason
