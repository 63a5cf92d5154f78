"""Round 25, after the three parts were merged: what an unverifiable claim of services says.

A figure of services, software, prices or one firm's sales is none the goods trade data hold:
its reason says so, in the text's language, and does not send the reader to ``--lexicon`` (no
lexicon entry makes software goods).

Sentences written for these tests; the figure they are near is computed from the raw file with
pandas, never with hitex.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import hitex
import hitex.report.claims as claims
from tests.report.claims._shared import chile_mn, find, moscow, one_of_kind


@pytest.mark.parametrize(
    ("text", "words", "lang", "said"),
    [
        ("In 2004 Chile's software exports to Argentina came to about $270 million.",
         "$270 million", "en", "'software' is not goods: services, prices"),
        ("In 2004 Argentine tourists spent about $270 million in Chile.",
         "$270 million", "en", "is not goods: services, prices"),
        ("В 2004 году экспорт чилийского программного обеспечения в Аргентину составил около "
         "270 млн долл.", "270 млн", "ru", "— не товары: услуг, цен"),
    ],
)  # fmt: skip
def test_services_are_said_to_be_no_goods_not_words_to_add(corpus, text, words, lang, said):
    # Chile's goods exports to Argentina are near the figure: read as goods, it would be judged.
    assert 250 < float(chile_mn("export")[2004]) < 285
    r = find(claims.check(corpus, text, reporter="CHL", lang=lang), words)
    assert r.verdict == "unverifiable", r.reason
    assert said in r.reason, r.reason
    assert "--lexicon" not in r.reason, r.reason


# -- a change said with a comparative after it -------------------------------------------------
def _moscow_q4_growth() -> float:
    """Moscow's exports in October-December 2020 against 2019, % (pandas on the raw file)."""
    f = moscow()
    q4 = f[f["month"].between(10, 12)].groupby("year")["value_usd"].sum()
    return float((q4[2020] / q4[2019] - 1) * 100)


@pytest.mark.parametrize(
    ("text", "value", "verdict"),
    [
        # A rise of about a third told as a fall: a deliberate error, never "supported".
        ("In October-December 2020 Moscow's exports were a third lower than a year before.",
         -100 / 3, "contradicted"),
        ("В октябре-декабре 2020 года экспорт Москвы был на треть меньше, чем годом ранее.",
         -100 / 3, "contradicted"),
        ("In October-December 2020 Moscow's exports were 34% weaker than a year before.",
         -34, "contradicted"),
        # "better" is a comparative of more, in a fraction or a figure.
        ("In October-December 2020 Moscow's exports were a third better than a year before.",
         100 / 3, "supported"),
        ("In October-December 2020 Moscow's exports were 34% better than a year before.",
         34, "supported"),
    ],
)  # fmt: skip
def test_a_comparative_after_the_change_says_its_direction(corpus, text, value, verdict):
    assert 33.5 < _moscow_q4_growth() < 35
    r = one_of_kind(claims.check(corpus, text, reporter="RU-MOW"), "growth")
    assert r.claim.quantity.value == pytest.approx(value), r.claim.quantity
    assert r.verdict == verdict, r.reason


# -- a reporter with imports alone -------------------------------------------------------------
CHIPS = Path(__file__).parents[2] / "fixtures" / "comtrade" / "chn_imports_usa_8542_2010_2024.csv"


def test_a_reporter_with_imports_alone_is_checked_not_refused(tmp_path):
    """The text's year is read from the years held in any flow, not from an export series.

    A real Comtrade answer (China's imports of HS 8542 from the USA, tests/fixtures/comtrade):
    before, `check` stopped with "CHN has no export records" for any text.
    """
    ((total,),) = duckdb.sql(
        f"SELECT sum(primaryValue) FROM read_csv('{CHIPS}') WHERE period = 2024 AND partner2Code = 0"
    ).fetchall()
    assert 11.7e9 < total < 11.8e9
    s = hitex.open(tmp_path / "w.duckdb")
    s.load([CHIPS], format="comtrade")
    text = "In 2024 China imported integrated circuits worth $11.75 billion from the United States."
    r = find(claims.check(s, text), "$11.75 billion")
    assert r.verdict == "supported", r.reason
    assert r.computed == pytest.approx(total)
