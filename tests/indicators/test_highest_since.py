"""highest_since: every year after it was lower, and it was higher or equal."""

from __future__ import annotations

import pandas as pd


def test_highest_since_by_hand(tiny_session):
    s = tiny_session.series(reporter="CHN", years=range(2001, 2008), indicators=["highest_since"])
    got = s.set_index("year")["highest_since"]
    assert pd.isna(got[2003])  # the highest of the series so far
    assert got[2004] == 2003
    assert got[2006] == 2005
    assert got[2007] == 2006
