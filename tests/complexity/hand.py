"""A world of three countries and four products whose Mcp, diversity and ubiquity are known.

Exports in 2020 (US$; the world is the three countries, X = 200):

| reporter | 010121 | 020110 | 300490 | 854231 | total |
|---|---|---|---|---|---|
| DEU | 30 | 0 | 30 | 40 | 100 |
| FRA | 25 | 20 | 5 | 0 | 50 |
| ITA | 0 | 25 | 3 | 22 | 50 |
| world | 55 | 45 | 38 | 62 | 200 |

RCA = (x_cp / x_c) / (X_p / X): DEU 010121 = 0.30 / 0.275 = 1.0909, 300490 = 0.30 / 0.19 =
1.5789, 854231 = 0.40 / 0.31 = 1.2903; FRA 010121 = 0.5 / 0.275 = 1.8182, 020110 = 0.4 / 0.225 =
1.7778, 300490 = 0.1 / 0.19 = 0.5263; ITA 020110 = 2.2222, 300490 = 0.3158, 854231 = 1.4194.
So Mcp is DEU 1 0 1 1, FRA 1 1 0 0, ITA 0 1 0 1: diversity 3, 2, 2; ubiquity 2, 2, 1, 2.

DEU's exports are split over two partners. RU-MOW (Moscow) exports 300490 and 854231 (5 each) and 3 of
010121 to CHN: part of Russia's exports, outside the world totals: RCA (5/13) / 0.19 = 2.0243,
(5/13) / 0.31 = 1.2407, (3/13) / 0.275 = 0.8392.
Imports of 010121 by markets (2019 -> 2020): CHN 100 -> 150, IND 10 -> 40, USA 200 -> 180.
"""

from __future__ import annotations

from pathlib import Path

import hitex
from tests.fixtures import flows_file

PRODUCTS = ["010121", "020110", "300490", "854231"]
EXPORTS = {
    "DEU": [30, 0, 30, 40],
    "FRA": [25, 20, 5, 0],
    "ITA": [0, 25, 3, 22],
}
MCP = {"DEU": [1, 0, 1, 1], "FRA": [1, 1, 0, 0], "ITA": [0, 1, 0, 1], "RU-MOW": [0, 0, 1, 1]}
DIVERSITY = {"DEU": 3, "FRA": 2, "ITA": 2, "RU-MOW": 2}
UBIQUITY = dict(zip(PRODUCTS, [2, 2, 1, 2], strict=True))
RCA = {
    ("DEU", "010121"): 0.3 / 0.275, ("DEU", "300490"): 0.3 / 0.19, ("DEU", "854231"): 0.4 / 0.31,
    ("FRA", "010121"): 0.5 / 0.275, ("FRA", "020110"): 0.4 / 0.225, ("FRA", "300490"): 0.1 / 0.19,
    ("ITA", "020110"): 0.5 / 0.225, ("ITA", "300490"): 0.06 / 0.19, ("ITA", "854231"): 0.44 / 0.31,
    ("RU-MOW", "010121"): (3 / 13) / 0.275, ("RU-MOW", "300490"): (5 / 13) / 0.19,
    ("RU-MOW", "854231"): (5 / 13) / 0.31,
}  # fmt: skip


def rows() -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for reporter, values in EXPORTS.items():
        for product, value in zip(PRODUCTS, values, strict=True):
            if not value:
                continue
            if reporter == "DEU":  # split over two partners
                out += [(2020, "", reporter, "CHN", "export", product, value - 10),
                        (2020, "", reporter, "USA", "export", product, 10)]  # fmt: skip
            else:
                out.append((2020, "", reporter, "ESP", "export", product, value))
    out += [
        (2020, "", "RU-MOW", "CHN", "export", "300490", 5),
        (2020, "", "RU-MOW", "IND", "export", "854231", 5),
        (2020, "", "RU-MOW", "CHN", "export", "010121", 3),
    ]
    for market, (base, now) in {"CHN": (100, 150), "IND": (10, 40), "USA": (200, 180)}.items():
        out += [(2019, "", market, "DEU", "import", "010121", base),
                (2020, "", market, "DEU", "import", "010121", now)]  # fmt: skip
    return out


def build(folder: Path) -> hitex.Session:
    s = hitex.open(folder / "hand.duckdb")
    s.load([flows_file(folder / "hand.csv", rows())], format="flows")
    return s
