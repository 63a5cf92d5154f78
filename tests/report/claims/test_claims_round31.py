"""Round 31: the wrong red flags of the blind part heldout27, each in its general form.

- Billions and millions in digits, «2 млрд 404 млн долларов»: one figure, 2,404 million (the
  «2 млрд» was dropped and 404 million flagged against Moscow's US$2.4 billion).
- A share set against the share of another year, "46% of the total, down from 51% in 2019":
  the earlier share is 51%, not -51% ("down" is the share's move).
- «за три последних года»: the span of three years with the adjective after the count (read
  as one year, and "tripled" flagged against x1.30).
- "45% of what Chile bought": the reporter buying, by its name, is its imports (read as the
  share of exports and flagged).
- "a slower 38%": "slower" is no fall ("lower" inside it read the rate as -38%).
- Goods the lexicon did not know in Russian, «полиэтилен», «мониторы и телевизоры»: the
  figure was checked against all exports and flagged.

Sentences written for these tests; the figures are computed first from the raw files with
pandas, never with hitex.
"""

from __future__ import annotations

import hitex.report.claims as claims
from tests.report.claims._shared import RED, chile_mn, find, moscow, portugal_mn


def test_the_figures_by_hand():
    m = moscow()
    exports = m[m["flow"] == "export"].groupby("year")["value_usd"].sum() / 1e6
    assert round(exports[2020], 1) == 2403.8  # "2 млрд 404 млн"
    machinery = moscow("84")
    machinery = machinery[machinery["flow"] == "export"].groupby("year")["value_usd"].sum() / 1e6
    assert round(machinery[2019] / exports[2019] * 100, 2) == 51.05
    assert round(machinery[2020] / exports[2020] * 100, 2) == 46.43
    p = portugal_mn("export")
    assert round(p[2021] / p[2018], 2) == 3.21  # "tripled over the last three years"
    assert round(p[2021] / p[2020], 2) == 1.30
    fuels, imports = chile_mn("import", "27"), chile_mn("import")
    assert round(fuels[2004] / imports[2004] * 100, 2) == 45.06
    fuels_out, exports = chile_mn("export", "27"), chile_mn("export")
    assert round(fuels_out[2004] / exports[2004] * 100, 2) == 8.60  # "9% of what Argentina bought"
    ethylene = chile_mn("export", "3901")
    assert round(ethylene[2004], 2) == 6.04
    assert round((ethylene[2004] / ethylene[2002] - 1) * 100, 1) == 67.6  # "на две трети"
    tv = moscow("8528")
    tv = tv[tv["flow"] == "export"].groupby("year")["value_usd"].sum() / 1e6
    assert round(tv[2020], 1) == 137.7
    assert round((tv[2020] / tv[2019] - 1) * 100, 1) == 41.3


def test_billions_and_millions_in_digits_are_one_figure(corpus):
    text = "Москва в 2020 году продала за рубеж товаров на 2 млрд 404 млн долларов."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "404")
    assert r.verdict == "supported", r.reason
    assert "2 млрд" in r.claim.span


def test_a_wrong_sum_of_billions_and_millions_is_flagged(corpus):
    text = "Москва в 2020 году продала за рубеж товаров на 2 млрд 904 млн долларов."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "904")
    assert r.verdict in RED, r.reason
    assert "US$2.9" in r.reason or "2,9" in r.reason or "2.9" in r.reason


def test_a_share_down_from_another_years_share_keeps_its_sign(corpus):
    text = "Machinery (HS 84) made up 46% of Moscow's exports in 2020, down from 51% in 2019."
    found = claims.check(corpus, text, reporter="RU-MOW")
    r = find(found, "51%")
    assert r.verdict == "supported", r.reason
    assert "51.05%" in r.reason
    assert find(found, "46%").verdict == "supported"


def test_a_wrong_share_of_the_year_before_is_still_flagged(corpus):
    text = "Machinery (HS 84) made up 46% of Moscow's exports in 2020, down from 58% in 2019."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "58%")
    assert r.verdict in RED, r.reason


def test_three_last_years_is_a_span_of_three_years(corpus):
    text = "Экспорт Португалии в 2021 году — 4,5 млрд долларов; за три последних года он утроился."
    r = find(claims.check(corpus, text, reporter="PRT"), "утроился")
    assert r.verdict == "supported", r.reason
    assert "2021 against 2018" in r.reason


def test_the_reporter_buying_by_its_name_is_its_imports(corpus):
    text = (
        "Gas came to $613m in 2004, and mineral fuels as a whole made up 45% of what Chile bought."
    )
    r = find(claims.check(corpus, text, reporter="CHL"), "45%")
    assert r.verdict == "supported", r.reason
    assert "Chile's imports" in r.reason


def test_a_partner_buying_is_still_the_reporters_exports(corpus):
    # The buyer is Argentina, a partner, buying from the reporter: its exports (fuels 8.60%;
    # read as imports before, 45.06%, and flagged).
    text = "In 2004 fuels made up 9% of what Argentina bought from Chile."
    r = find(claims.check(corpus, text, reporter="CHL"), "9%")
    assert r.verdict == "supported", r.reason
    assert "Chile's exports" in r.reason


def test_slower_is_no_fall(corpus):
    text = "Chile's exports to Argentina grew a slower 38% in 2004 against 2002, to $263m."
    r = find(claims.check(corpus, text, reporter="CHL"), "38%")
    assert r.verdict not in RED, r.reason
    assert "-38" not in r.reason


def test_lower_is_still_a_fall(corpus):
    # Guard: "lower" itself says the fall (Chile's exports rose 37.6%).
    text = "In 2004 Chile's exports to Argentina were 38% lower than in 2002."
    r = find(claims.check(corpus, text, reporter="CHL"), "38%")
    assert r.verdict in RED, r.reason


def test_russian_names_of_goods_the_lexicon_lacked(corpus):
    text = (
        "Полиэтилен в первичных формах Чили продала Аргентине в 2004 году на 6 млн долл., "
        "на две трети больше, чем в 2002 году."
    )
    found = claims.check(corpus, text, reporter="CHL")
    for words in ("6 млн", "две трети"):
        r = find(found, words)
        assert r.verdict == "supported", r.reason
        assert "ethylene polymers" in r.reason
    text = "Экспорт Москвы в 2020 году: мониторы и телевизоры — плюс 41%."
    r = find(claims.check(corpus, text, reporter="RU-MOW"), "41%")
    assert r.verdict == "supported", r.reason
    assert "monitors and television receivers" in r.reason
