"""Articles written for these tests (not the corpus) in phrasings the corpus does not use.

Every claim must be right or abstain: the claims planted as errors are red, no other claim is
red, and most are supported. True figures, by hand from the files (DuckDB on the CSVs, as in
bench/check_corpus/figures.py): Chile's imports from Argentina 2002 $919.28 million, 2004 $2.04
billion; exports $191.07 million and $262.96 million; Moscow's exports to the United States $150
million (2019) and $180 million (2020), to the UAE $25 million and $40 million; Portugal's imports
from China $1.46 billion (2020) and $1.83 billion (2021).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hitex
import hitex.report.claims as claims
from hitex import demo

ROOT = Path(__file__).parents[3]
DATA = [ROOT / "examples" / "moscow-2020" / "flows.csv", *demo.files(),
        ROOT / "bench" / "check_corpus" / "data" / "portugal-tech.csv"]  # fmt: skip
RED = ("contradicted", "inconsistent")

TEXTS = {
    "chl-en": (
        "Chile's trade with Argentina, 2004\n"
        "\n"
        "Chile's exports to Argentina climbed 37.6% in 2004 compared with 2002, to $263 "
        "million. Imports from Argentina more than doubled over the two years, reaching "
        "$2.04bn. Fuel purchases accounted for 45% of imports.\n"
        "\n"
        "Fuels were the largest import item, at $917.2 million. Vehicle imports nearly "
        "doubled to $119 million. Wine exports fell by more than half, to $160,698. Paper "
        "exports tripled to $33.3 million. Imports of plastics rose 7.2%. Vegetable oils, "
        "Chile's third-largest import from Argentina, rose 33%.\n"
        "\n"
        "The trade gap with Argentina was $1.77 billion, up from $728 million. The deficit "
        "widened by $1.04 billion.\n",
        [],
    ),
    "chl-ru2": (
        "Чили: импорт из Аргентины растёт\n"
        "\n"
        "Экспорт бумаги и картона вырос более чем втрое. Импорт автомобилей почти удвоился — "
        "до 119 млн долл. Экспорт вина сократился более чем в два раза. Импорт меди вырос в "
        "15 раз. Сальдо торговли Чили с Аргентиной в 2004 году было отрицательным — минус "
        "1,77 млрд долл. Импорт фармацевтической продукции вырос на 43,5% по сравнению с "
        "2002 годом.\n",
        [],
    ),
    "msk-en2": (
        "Moscow exporters find new buyers in 2020\n"
        "\n"
        "Exports to China were up 22.4% year-on-year at $563.3m. Japan's share fell to 21.3% "
        "from 21.9% in 2019. India accounted for 5.8% of the total, compared with 4.7% a "
        "year earlier. Exports to Belarus rose by a third. Korea ranked seventh among buyers.\n"
        "\n"
        "Exports to France totalled $95mn. Shipments to Kazakhstan rose 60 per cent to US$72 "
        "million. Exports to Thailand nearly tripled, and exports to Bangladesh grew "
        "2.6-fold. The top three buyers — China, Japan and Germany — took 55% of exports. "
        "Exports to Britain rose just 10%. Exports to the US dropped 20%. Total exports came "
        "to $2.40bn in 2020 versus $1.85bn in 2019.\n",
        ["dropped 20%"],
    ),
    "msk-ru2": (
        "Москва нарастила экспорт в Азию\n"
        "\n"
        "Экспорт в Японию увеличился на 26,2% в сравнении с 2019 годом и составил 511,7 млн "
        "долл. На долю Индии пришлось 5,8% экспорта. Экспорт в Беларусь вырос на треть — до "
        "160 млн долларов. Экспорт в Турцию составил 48 млн долл. (+60%).\n"
        "\n"
        "Поставки в Республику Корея выросли в 1,6 раза. Экспорт во Францию вырос на 18,8% "
        "г/г. Доля Германии в экспорте снизилась до 10,4%. Экспорт в Египет вырос на 40,7%, "
        "до 56,3 млн долл. Экспорт в США, напротив, вырос лишь на 20%. Экспорт в ОАЭ "
        "составил 40 млн долл., что на 15 млн больше, чем годом ранее. Экспорт Москвы в "
        "страны Азии достиг 1,53 млрд долл.\n",
        [],
    ),
    "pt-en": (
        "Portugal's tech trade in 2021: exports near $4.5 bn\n"
        "\n"
        "Portugal's technology exports rose to $4.5 bn in 2021, up from $3.46 bn a year "
        "earlier. Compared with 2020, imports grew 25.6% to USD 4.59 bn. Exports have more "
        "than tripled since 2018.\n"
        "\n"
        "The Netherlands accounted for a quarter of exports. Germany was the second-largest "
        "market, with $620.1 million. The Netherlands, Germany and France together accounted "
        "for nearly half of the country's exports. Sales to Spain were worth $329.9m, up "
        "from $253.7m. Exports to the US amounted to $270 mn, or 6% of the total.\n"
        "\n"
        "Imports from China fell by half. The trade deficit narrowed to $86 million from "
        "$190 million in 2020. Two-way trade reached $9.09 billion, the highest since 2001.\n",
        ["fell by half"],
    ),
    "pt-ru2": (
        "Экспорт технологий Португалии\n"
        "\n"
        "В 2021 году по сравнению с 2020 годом экспорт вырос на 30% (до 4,5 млрд долл. США). "
        "Импорт составил порядка 4,6 млрд долларов. Экспорт в Нидерланды составил 1 134 млн "
        "долларов. Пять стран закупили продукции свыше чем на 250 млн долл. каждая. Экспорт "
        "в Китай вырос на 30% г/г и составил почти 200 млн долл. Сальдо торговли было "
        "отрицательным и составило 86 млн долл.\n",
        [],
    ),
    "chl-en3": (
        "Chile and Argentina in 2004\n"
        "\n"
        "Imports from Argentina were valued at $2.04bn, up 121% from 2002. Chile's exports "
        "to Argentina, worth $263 million, rose 38%. Argentina supplied $2.04 billion of "
        "goods to Chile. Argentine suppliers shipped goods worth $2.04 billion. Chile sold "
        "$263 million of goods to Argentina. Argentina bought $263 million of Chilean goods.\n",
        [],
    ),
    "msk-ru3": (
        "Итоги 2020 года\n"
        "\n"
        "Экспорт в Китай в январе–декабре 2020 г. вырос на 22,4%. Наибольший прирост "
        "показали поставки в Таиланд (+198%). Экспорт в Индию увеличился с 86,1 до 140,3 млн "
        "долларов. Доля Китая в экспорте Москвы составила почти четверть. Экспорт в Германию "
        "вырос на 25% — до 250 млн долларов. Экспорт в Японию составил 511,7 млн долларов, "
        "или 21,3% от общего объема. Exports to India rose from $86.1 million to $140.3 "
        "million.\n",
        [],
    ),
}


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    s = hitex.open(tmp_path_factory.mktemp("unseen") / "u.duckdb")
    s.load(DATA, format="flows")
    yield s
    s.close()


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_right_or_abstaining(session, name):
    text, planted = TEXTS[name]
    results = claims.check(session, text)
    red = [r.claim.span for r in results if r.verdict in RED]
    assert sorted(red) == sorted(planted), [(r.claim.span, r.reason) for r in results
                                            if r.verdict in RED]  # fmt: skip
    supported = sum(r.verdict == "supported" for r in results)
    assert supported >= 0.75 * len(results), [(r.claim.span, r.verdict, r.reason)
                                              for r in results]  # fmt: skip
