"""A city in the world: ``hitex opportunities`` for RU-MOW on the bench's BACI-shaped data.

BACI has countries only. This adds a Moscow-like sub-national reporter: a flows file of
RU-MOW's exports, every third of Russia's (partner, product) flows of each year at 40% of the
value (deterministic), loaded beside the BACI years into a copy of the bench warehouse. Then it
times ``Session.complexity`` and ``Session.opportunities`` for RU-MOW and prints the first rows.

``python -m bench.city --data bench/data/rows-20000000-seed-1``
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

import hitex
from bench.contenders.hitex_api import prepare
from bench.workloads import Context, Query
from hitex.store.layout import copy_warehouse


def city_flows(session: hitex.Session, years: Sequence[int]) -> pd.DataFrame:
    """RU-MOW's exports: every third of RUS's flows by (partner, product), 40% of the value."""
    frame = session.warehouse.sql(
        """SELECT year, partner, product, sum(value_usd) AS value_usd FROM flows
        WHERE reporter = 'RUS' AND flow = 'export' AND list_contains(?, year)
        GROUP BY ALL ORDER BY year, partner, product""",
        [list(years)],
    )
    frame = frame[frame.groupby("year").cumcount() % 3 == 0]
    return frame.assign(
        month="", reporter="RU-MOW", flow="export", value_usd=(frame["value_usd"] * 0.4).round(2)
    )[["year", "month", "reporter", "partner", "flow", "product", "value_usd"]]


def main(argv: Sequence[str] | None = None) -> None:
    """Load RU-MOW flows beside the bench's BACI years and time its opportunities."""
    parser = argparse.ArgumentParser(prog="python -m bench.city", description=main.__doc__)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--year", type=int, default=2020)
    args = parser.parse_args(argv)
    work = args.data / "work"
    work.mkdir(exist_ok=True)
    ctx = Context(data=args.data, work=work, query=Query(year=args.year, base=args.year - 1))
    city_db = work / "city.duckdb"
    copy_warehouse(prepare(ctx), city_db)
    with hitex.open(city_db) as s:
        flows = work / "RU-MOW_flows.csv"
        city_flows(s, [args.year - 1, args.year]).to_csv(flows, index=False)
        (result,) = s.load([flows], format="flows", classification="HS17")
        print(result.summary())
        started = time.perf_counter()
        nearest = s.complexity(year=args.year, reporter="RU-MOW", top=10)
        print(f"complexity (all reporters, RU-MOW's rows): {time.perf_counter() - started:.1f} s")
        print(nearest.to_string())
        started = time.perf_counter()
        found = s.opportunities(
            reporter="RU-MOW", year=args.year, partner_group="Asia", groups="tech",
            group="high", top=30,
        )  # fmt: skip
        print(f"opportunities (measures cached): {time.perf_counter() - started:.1f} s")
        print(found.head(12).to_string())


if __name__ == "__main__":
    main()
