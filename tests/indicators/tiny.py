"""A tiny warehouse whose every figure can be worked out by hand (see the comments)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import hitex
from tests.fixtures import write_csv

HEADER = ("year", "month", "reporter", "partner", "flow", "classification", "product", "value_usd")

ROWS: list[tuple[object, ...]] = [
    # RUS exports, 2019 -> 2020: CHN x3, IND flat, USA doubles, DEU gone, KAZ new.
    # IND and USA tie at 200 in 2020 (ranks 3 and 3, then 5).
    (2019, "", "RUS", "CHN", "export", "HS17", "854231", 100),
    (2019, "", "RUS", "CHN", "export", "HS17", "851762", 50),
    (2019, "", "RUS", "IND", "export", "HS17", "854231", 200),
    (2019, "", "RUS", "USA", "export", "HS17", "854231", 100),
    (2019, "", "RUS", "DEU", "export", "HS17", "300490", 400),
    (2020, "", "RUS", "CHN", "export", "HS17", "854231", 300),
    (2020, "", "RUS", "CHN", "export", "HS17", "851762", 100),
    (2020, "", "RUS", "CHN", "export", "HS17", "300490", 50),
    (2020, "", "RUS", "IND", "export", "HS17", "854231", 200),
    (2020, "", "RUS", "USA", "export", "HS17", "620342", 200),
    (2020, "", "RUS", "KAZ", "export", "HS17", "851762", 1000),
    # RUS imports from CHN: the balance with CHN turns negative in 2020.
    (2019, "", "RUS", "CHN", "import", "HS17", "854231", 100),
    (2020, "", "RUS", "CHN", "import", "HS17", "854231", 600),
    # 2017: goods and services for the technology balance.
    (2017, "", "RUS", "CHN", "export", "HS17", "854231", 500),
    (2017, "", "RUS", "CHN", "import", "HS17", "854231", 200),
    (2017, "", "RUS", "USA", "export", "EBOPS2010", "SH", 70),
    (2017, "", "RUS", "USA", "import", "EBOPS2010", "SH", 120),
    (2017, "", "RUS", "USA", "export", "EBOPS2010", "SJ1", 30),
    (2017, "", "RUS", "USA", "export", "EBOPS2010", "SA", 999),
    # 2018: world data for RCA: RUS 854231 share 0.75 vs world 0.5 -> 1.5; 300490 -> 0.5.
    (2018, "", "RUS", "CHN", "export", "HS17", "854231", 30),
    (2018, "", "RUS", "CHN", "export", "HS17", "300490", 10),
    (2018, "", "DEU", "USA", "export", "HS17", "854231", 20),
    (2018, "", "DEU", "USA", "export", "HS17", "300490", 40),
    # CHN exports to RUS 2001-2007: 2006 is the lowest since 2001; 2007 ties 2006.
    *[
        (y, "", "CHN", "RUS", "export", "HS17", "854231", v)
        for y, v in zip(range(2001, 2008), (50, 80, 100, 70, 60, 55, 55), strict=True)
    ],
]

# KAZ exports by month: to CHN 10 a month in 2019, 12 a month for January-August 2020
# (September on not yet reported); to RUS only late 2019 and early 2020.
MONTHLY: list[tuple[object, ...]] = [
    *[(2019, m, "KAZ", "CHN", "export", "HS17", "854231", 10) for m in range(1, 13)],
    *[(2020, m, "KAZ", "CHN", "export", "HS17", "854231", 12) for m in range(1, 9)],
    *[(2019, m, "KAZ", "RUS", "export", "HS17", "851762", 5) for m in range(9, 13)],
    *[(2020, m, "KAZ", "RUS", "export", "HS17", "851762", 7) for m in range(1, 3)],
]


def frame() -> pd.DataFrame:
    """Every row, as the oracle reads them (month as a nullable integer)."""
    f = pd.DataFrame(ROWS + MONTHLY, columns=list(HEADER))
    f["month"] = pd.to_numeric(f["month"].replace("", None)).astype("Int64")
    f["value_usd"] = f["value_usd"].astype(float)
    return f


def build(folder: Path) -> hitex.Session:
    """A warehouse at ``folder`` with :data:`ROWS` and :data:`MONTHLY` loaded."""
    s = hitex.open(folder / "tiny.duckdb")
    paths = [
        write_csv(folder / "annual.csv", HEADER, ROWS),
        write_csv(folder / "monthly.csv", HEADER, MONTHLY),
    ]
    for result in s.load(paths, format="flows"):
        assert result.rows_rejected == 0, s.rejects(result.id)
    return s
