"""Readings found wrong on heldout16 after it was scored (round 18b, development).

Sentences written for these tests; expected figures from the raw files with pandas
(``tests/report/claims/_shared.py``), never with hitex.
"""

from __future__ import annotations

import pandas as pd
import pytest

import hitex.report.claims as claims
from tests.report.claims._shared import MOSCOW, chile_mn, find


@pytest.mark.parametrize(("said", "verdict"), [("13", "supported"), ("18", "contradicted")])
def test_a_percentage_or_so_is_about_that_share(corpus, said, verdict):
    # 2004: exports to Argentina 262.96 million against imports of 2,035.4 million, 12.92%.
    x, m = chile_mn("export"), chile_mn("import")
    assert 100 * x[2004] / m[2004] == pytest.approx(12.92, abs=0.005)
    text = ("Chile's trade with Argentina, 2002 and 2004. In 2004 Chilean exports to Argentina "
            f"covered only {said}% or so of purchases from Argentina.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{said}%")
    assert r.claim.kind == "share", r.reason
    assert r.claim.quantity is not None
    assert r.claim.quantity.qualifier == "about", r.claim.quantity
    assert r.verdict == verdict, r.reason


@pytest.mark.parametrize(("said", "verdict"), [("349", "supported"), ("209", "contradicted")])
def test_gas_turbine_engines_are_the_heading(corpus, said, verdict):
    # Heading 8411 (turbojets, turbopropellers and other gas turbines): 348.67 million in 2020;
    # its gas turbines alone (841181/82) 209.2 million.
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[m["year"] == 2020]
    code = m["product"].str.zfill(6)
    heading = m[code.str.startswith("8411")]["value_usd"].sum() / 1e6
    turbines = m[code.isin(["841181", "841182"])]["value_usd"].sum() / 1e6
    assert heading == pytest.approx(348.67, abs=0.01)
    assert turbines == pytest.approx(209.2, abs=0.01)
    text = ("Экспорт Москвы в 2020 году. Поставки ноутбуков и компьютеров составили 257 млн "
            f"долл., а газотурбинные двигатели принесли {said} млн.")  # fmt: skip
    r = find(claims.check(corpus, text), f"{said} млн")
    assert r.verdict == verdict, r.reason
