"""Flows told by verbs and perspective, and by the data where the words tell none (round 19f).

Sentences written for these tests; expected figures from the raw files with pandas
(``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import PORTUGAL, chile_mn, find, portugal_mn


def _portugal_2021(flow: str) -> pd.Series:
    """Portugal's ``flow`` by partner in 2021, in millions of dollars."""
    p = pd.read_csv(PORTUGAL)
    return p[(p["year"] == 2021) & (p["flow"] == flow)].groupby("partner")["value_usd"].sum() / 1e6


def test_arrivals_are_imports(corpus):
    # Cereals (HS 10) from Argentina in 2004: 152.5 million; "about $150m" is no precise figure.
    assert chile_mn("import", "10")[2004] == pytest.approx(152.5, abs=0.01)
    text = "Chile and Argentina, 2004. Cereal arrivals were worth about $150m in 2004."
    r = find(claims.check(corpus, text), "$150m")
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Argentina, 2004. Lorries coming from Argentina into Chile brought goods worth "
        "about $2bn in 2004.",
        "Чили и Аргентина, 2004 год. В 2004 году аргентинцы отгрузили в Чили товаров примерно "
        "на 2 млрд долл.",
    ],
)
def test_goods_carried_into_the_reporter_are_its_imports(corpus, text):
    # Chile's imports from Argentina in 2004: 2,035.4 million; its exports 263 million.
    assert chile_mn("import")[2004] == pytest.approx(2035.4, abs=0.1)
    r = next(
        x for x in claims.check(corpus, text) if "bn" in x.claim.span or "млрд" in x.claim.span
    )
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == "supported", r.reason


def test_the_other_way_after_a_flow_is_the_other_flow(corpus):
    x = chile_mn("export")[2004]
    assert x == pytest.approx(262.96, abs=0.01)
    text = ("Chile and Argentina, 2004. Lorries coming from Argentina into Chile brought goods "
            "worth about $2bn in 2004. And those going back the other way? Only about $260m.")  # fmt: skip
    r = find(claims.check(corpus, text), "$260m")
    assert r.claim.subject.flow == "export", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Portugal's technology goods, 2021. Korea takes about $160 million of them and sells "
         "Portugal about $370 million in return.", "$370"),
        ("Технологические товары Португалии, 2021 год. Южная Корея берёт их примерно на 160 млн "
         "долл., а продаёт Португалии примерно на 370 млн.", "370"),
    ],
)  # fmt: skip
def test_selling_to_the_reporter_is_its_imports(corpus, text, said):
    kor = _portugal_2021("import")["KOR"]
    assert kor == pytest.approx(366.88, abs=0.01)
    assert _portugal_2021("export")["KOR"] == pytest.approx(160.2, abs=0.01)
    r = find(claims.check(corpus, text), said)
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == "supported", r.reason


def test_a_partner_that_provides_a_share_supplies_the_reporter(corpus):
    m = _portugal_2021("import")
    shares = 100 * m / m.sum()
    assert shares["NLD"] == pytest.approx(10.0, abs=0.01)
    assert shares["KOR"] == pytest.approx(8.0, abs=0.01)
    text = "Portugal's technology goods, 2021. The Netherlands provides 10%, Korea 8%."
    results = claims.check(corpus, text)
    for said in ("10%", "8%"):
        r = find(results, said)
        assert r.claim.subject.flow == "import", r.reason
        assert r.verdict == "supported", r.reason


def test_brought_in_to_the_reporter_in_russian(corpus):
    usa = _portugal_2021("import")["USA"]
    assert usa == pytest.approx(687.9, abs=0.01)
    text = ("Технологические товары Португалии, 2021 год. Из США в Португалию ввозят почти на "
            "690 млн долл.")  # fmt: skip
    r = find(claims.check(corpus, text), "690")
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Portugal's technology goods in 2021: the level reached US$4,586 million.",
        "Технологические товары Португалии в 2021 году: уровень достиг 4586 млн долл.",
    ],
)
def test_a_precise_figure_with_no_flow_word_is_read_in_the_flow_it_fits(corpus, text):
    # 2021: imports 4,586 million, exports 4,500 million; no flow word is said.
    assert portugal_mn("import")[2021] == pytest.approx(4586.0, abs=0.05)
    assert portugal_mn("export")[2021] == pytest.approx(4500.0, abs=0.05)
    r = find(claims.check(corpus, text), "4")
    assert r.verdict == "supported", r.reason
    assert r.claim.subject.flow == "import", r.reason
    assert "no flow word" in r.reason, r.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # A loose figure could fit either flow by chance: left unverifiable.
        ("Portugal's technology goods in 2021: the level reached US$4.6 billion.",
         "unverifiable"),
        # A flow said is never read another way by the data.
        ("Portugal's technology exports in 2021 reached US$4,586 million.", "contradicted"),
    ],
)  # fmt: skip
def test_the_data_tell_no_flow_of_a_loose_figure_or_one_the_words_say(corpus, text, verdict):
    assert portugal_mn("import")[2021] == pytest.approx(4586.0, abs=0.05)
    r = find(claims.check(corpus, text), "4")
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Portugal's technology trade, 2021. Dutch exports to Portugal came to about "
         "US$460 million.", "US$460"),
        ("Технологическая торговля Португалии, 2021 год. Голландский экспорт в Португалию — "
         "около 460 млн долл.", "460"),
    ],
)  # fmt: skip
def test_a_partners_exports_are_the_reporters_imports(corpus, text, said):
    assert _portugal_2021("import")["NLD"] == pytest.approx(458.6, abs=0.01)
    assert _portugal_2021("export")["NLD"] == pytest.approx(1134.0, abs=0.01)
    r = find(claims.check(corpus, text), said)
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == "supported", r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Portugal's technology goods moving both ways were worth about US$9.1 billion in 2021.",
        "Examiner: Portugal in 2021. And the turnover?\n\n"
        "Candidate: It came to about US$9.1 billion.",
        "Экзаменатор: Португалия, 2021 год. А товарооборот?\n\n"
        "Студент: Он составил около 9,1 млрд долл.",
    ],
)
def test_both_ways_and_a_question_on_turnover_name_the_turnover(corpus, text):
    turnover = portugal_mn("export")[2021] + portugal_mn("import")[2021]
    assert turnover == pytest.approx(9086.0, abs=0.1)
    r = find(claims.check(corpus, text), "9")
    assert r.claim.subject.flow == "turnover", r.reason
    assert r.verdict == "supported", r.reason


def test_a_question_whose_label_names_the_asker_gives_the_flow_of_the_reply(corpus):
    # Imports, 2021 against 2020: +25.59%; exports +30%.
    m = portugal_mn("import")
    assert 100 * (m[2021] / m[2020] - 1) == pytest.approx(25.59, abs=0.01)
    text = ("Webinar on Portugal's technology trade, 2021.\n\nQuestion (Anna): Imports?\n\n"
            "Answer (host): In 2021 they grew by about 26%.")  # fmt: skip
    r = find(claims.check(corpus, text), "26%")
    assert r.claim.subject.flow == "import", r.reason
    assert r.verdict == "supported", r.reason


def test_the_reporters_exports_named_by_a_partners_demonym_stay_exports(corpus):
    # Portugal's exports to the Netherlands in 2021: 1,134 million (imports from it 458.6).
    assert _portugal_2021("export")["NLD"] == pytest.approx(1134.0, abs=0.01)
    text = (
        "Portugal's technology trade, 2021. Portugal's Dutch exports came to about US$1.1 billion."
    )
    r = find(claims.check(corpus, text), "US$1.1")
    assert r.claim.subject.flow == "export", r.reason
    assert r.verdict == "supported", r.reason
