"""Write portugal-tech.csv: a technology trade series built to agree with the second seed article.

Deterministic (no randomness): yearly totals are set by hand below, split over partners and
three HS6 products by fixed proportions, rounded to whole dollars. Run from this folder:
``python make_portugal.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

YEARS = range(2001, 2022)
# Exports by year (US$): $1.40 bn in 2018, +30% from 2020 to 2021, $4.5 bn in 2021.
EXPORTS = {
    2001: 620e6,
    2002: 655e6,
    2003: 700e6,
    2004: 760e6,
    2005: 800e6,
    2006: 850e6,
    2007: 910e6,
    2008: 960e6,
    2009: 880e6,
    2010: 990e6,
    2011: 1050e6,
    2012: 1080e6,
    2013: 1120e6,
    2014: 1190e6,
    2015: 1230e6,
    2016: 1280e6,
    2017: 1330e6,
    2018: 1400e6,
    2019: 2600e6,
    2020: 4500e6 / 1.3,
    2021: 4500e6,
}
# Deficit (imports less exports): 70 m in 2001, 86 m in 2021, more in every year between.
DEFICIT = {y: 150e6 + 40e6 * ((y * 7) % 9) for y in YEARS} | {2001: 70e6, 2021: 86e6}
EXPORT_SPLIT = {"NLD": 0.252, "DEU": 0.1378, "FRA": 0.1, "ESP": 0.0733, "USA": 0.06,
                "GBR": 0.0533, "ITA": 0.0489, "BEL": 0.0467, "POL": 0.0422, "CHN": 0.0444,
                "JPN": 0.04, "KOR": 0.0356, "TUR": 0.0333}  # fmt: skip
IMPORT_SPLIT = {"CHN": 0.4, "DEU": 0.2, "USA": 0.15, "NLD": 0.1, "KOR": 0.08, "JPN": 0.07}
PRODUCTS = {"854231": 0.5, "851762": 0.3, "300490": 0.2}


def rows() -> list[list[object]]:
    out: list[list[object]] = []
    for year in YEARS:
        totals = {"export": EXPORTS[year], "import": EXPORTS[year] + DEFICIT[year]}
        for flow, split in (("export", EXPORT_SPLIT), ("import", IMPORT_SPLIT)):
            rest = 1 - sum(split.values())
            shares = split | ({"SWE": rest} if flow == "export" else {"TWN": rest})
            for partner, share in shares.items():
                if share <= 1e-9:
                    continue
                for product, part in PRODUCTS.items():
                    value = round(totals[flow] * share * part)
                    out.append([year, "PRT", partner, flow, product, "HS17", value])
    return out


if __name__ == "__main__":
    path = Path(__file__).with_name("portugal-tech.csv")
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["year", "reporter", "partner", "flow", "product", "classification",
                    "value_usd"])  # fmt: skip
        w.writerows(rows())
