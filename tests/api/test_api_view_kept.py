"""Views from memory share what does not change with the year asked: the series.

A view's series (every year held, of its reporter, flow, partner and product group and months)
is kept with the warehouse version; views of other years and languages of the same selection
get the same rows, which are those computed afresh, and a new version keeps none of the old.
"""

from __future__ import annotations

from pathlib import Path

from hitex import demo
from hitex.api import answers, dashboard
from hitex.api.connections import Connections


def test_a_series_is_kept_with_its_version_and_is_the_one_computed(db_copy: Path) -> None:
    """Views of other years of the same selection share its series, which is the series
    computed afresh; a load (a new version) does not see the version before's."""
    conns = Connections(db_copy, readers=1)
    try:
        ask = {"reporter": "CHL", "partner_group": "Americas", "groups": "tech", "group": "high"}
        first = dashboard.view(dashboard.ViewQuery(**ask, year=2004), conns)
        again = dashboard.view(dashboard.ViewQuery(**ask, year=2003, lang="ru"), conns)
        assert first["uncovered"] is None
        assert first["series"]
        assert again["series"] is first["series"]  # kept
        with conns.read() as s:
            built = answers.for_session(s)
            assert built is not None
            assert built._series
            built._series.clear()
        fresh = dashboard.view(dashboard.ViewQuery(**ask, year=2004), conns)
        assert fresh["series"] is not first["series"]
        assert fresh["series"] == first["series"]
        with conns.read() as s:
            version = s.warehouse.version()
        with conns.write() as w:
            w.load([demo.moscow_file()], format="flows")
        with conns.read() as s:
            assert s.warehouse.version() != version
            later = answers.ready(s)
            assert later is not None
            assert later is not built
            assert not later._series
    finally:
        conns.close()
