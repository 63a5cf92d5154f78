# ruff: noqa: E501
"""The true figures the corpus articles were written from, computed with DuckDB on the raw files.

Independent of hitex: plain SQL over the CSV files. ``python -m bench.check_corpus.figures``
prints them (the answer keys were written from this output).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

ROOT = Path(__file__).parents[2]
CHILE = [
    ROOT / "src/hitex/demo/data/chl_arg_2002.csv",
    ROOT / "src/hitex/demo/data/chl_arg_2004.csv",
]
MOSCOW = ROOT / "src/hitex/demo/data/moscow-2020.csv"
PORTUGAL = Path(__file__).parent / "data" / "portugal-tech.csv"


def main() -> None:
    con = duckdb.connect()
    files = ", ".join(f"'{p}'" for p in CHILE)
    con.execute(
        f"CREATE VIEW chl AS SELECT * FROM read_csv([{files}], types={{'product': 'VARCHAR'}})"
    )
    con.execute(
        f"CREATE VIEW mow AS SELECT * FROM read_csv('{MOSCOW}', types={{'product': 'VARCHAR'}})"
    )
    con.execute(
        f"CREATE VIEW prt AS SELECT * FROM read_csv('{PORTUGAL}', types={{'product': 'VARCHAR'}})"
    )
    print("Chile-Argentina totals (flow, year):")
    print(con.sql("SELECT flow, year, sum(value_usd) v FROM chl GROUP BY ALL ORDER BY ALL"))
    print("Chile-Argentina by HS chapter, 2002 and 2004 (top 25 by 2004 exports + imports):")
    print(
        con.sql("""
        SELECT left(product, 2) ch, flow,
               sum(value_usd) FILTER (year = 2002) v2002, sum(value_usd) FILTER (year = 2004) v2004,
               round(100 * (v2004 / v2002 - 1), 2) growth, round(v2004 / v2002, 3) x
        FROM chl GROUP BY ALL ORDER BY v2004 DESC NULLS LAST LIMIT 40""")
    )
    print(
        "Chile-Argentina by HS4 of the lexicon (2204 wine, 48 paper, 30 pharma, 74 copper, 27 fuels, 87 vehicles):"
    )
    print(
        con.sql("""
        SELECT CASE WHEN product LIKE '2204%' THEN 'wine' WHEN product LIKE '48%' THEN 'paper'
                    WHEN product LIKE '30%' THEN 'pharma' WHEN product LIKE '74%' THEN 'copper'
                    WHEN product LIKE '27%' THEN 'fuels' WHEN product LIKE '87%' THEN 'vehicles' END g,
               flow, sum(value_usd) FILTER (year = 2002) v2002, sum(value_usd) FILTER (year = 2004) v2004,
               round(100 * (v2004 / v2002 - 1), 2) growth, round(v2004 / v2002, 3) x
        FROM chl WHERE g IS NOT NULL GROUP BY ALL ORDER BY ALL""")
    )
    print("Moscow exports by partner, 2019 and 2020:")
    print(
        con.sql("""
        SELECT partner, sum(value_usd) FILTER (year = 2019) v2019, sum(value_usd) FILTER (year = 2020) v2020,
               round(100 * (v2020 / v2019 - 1), 2) growth,
               round(100 * v2020 / sum(v2020) OVER (), 2) share2020
        FROM mow GROUP BY ALL ORDER BY v2020 DESC""")
    )
    print(con.sql("SELECT year, sum(value_usd) FROM mow GROUP BY ALL ORDER BY ALL"))
    print("Portugal technology trade:")
    print(
        con.sql("""
        SELECT year, sum(value_usd) FILTER (flow = 'export') x, sum(value_usd) FILTER (flow = 'import') m,
               x - m balance, x + m turnover FROM prt GROUP BY ALL ORDER BY ALL""")
    )
    print(
        con.sql("""
        WITH t AS (SELECT partner, flow, sum(value_usd) FILTER (year = 2021) v2021,
                          sum(value_usd) FILTER (year = 2020) v2020 FROM prt GROUP BY ALL)
        SELECT *, round(100 * v2021 / sum(v2021) OVER (PARTITION BY flow), 2) share
        FROM t ORDER BY flow, v2021 DESC""")
    )


if __name__ == "__main__":
    main()
