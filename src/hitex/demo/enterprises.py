"""A constructed enterprise-level extract: Saint Petersburg's exporters, 2019-2020.

``examples/enterprises-2020/README.md`` says how it is made. Nothing here is a record of a
real company: 60 invented enterprises (ids ``SPB0001`` ... ``SPB0060``, invented names) and
their export declarations, drawn from a seeded random generator, so that the same code
always writes the same bytes. It shows what hitex does with the declarant (``firm``):
enterprise groups with memberships that change, new exporters and exits, disclosure control.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

REPORTER = "RU-SPE"
YEARS = (2019, 2020)
SEED = 2020

#: Invented names: a first word and a trade.
_FIRST = ("Neva", "Baltic", "Okhta", "Ladoga", "Pulkovo", "Kronshtadt", "Nevsky", "Vyborg",
          "Izhora", "Fontanka", "Petrograd", "Moika", "Smolny", "Kolpino", "Pargolovo")  # fmt: skip
_TRADE = ("Microsystems", "Photonics", "Instruments", "Software", "Robotics", "Medical",
          "Electronics", "Optics", "Avionics", "Sensors", "Jewellers", "Textiles", "Ceramics",
          "Metalworks")  # fmt: skip

HIGH_TECH = ("854231", "854239", "847130", "847150", "901819", "901890", "852580", "851762",
             "903180", "902780", "850440", "880330")  # fmt: skip
OTHER = ("711319", "620342", "690790", "732690")
PARTNERS = ("CHN", "IND", "KAZ", "TUR", "BLR", "ARE", "VNM", "UZB", "DEU", "EGY")
#: How often each partner is chosen (China and India most).
WEIGHTS = (9, 6, 5, 4, 4, 3, 2, 2, 2, 1)

FLOWS_HEADER = ("year", "reporter", "partner", "flow", "product", "value_usd", "firm")
REGISTRY_HEADER = ("firm", "name", "group", "from_year", "to_year", "okved", "district")


def firm_id(i: int) -> str:
    """The invented id of enterprise ``i`` (1-60)."""
    return f"SPB{i:04d}"


def _name(i: int) -> str:
    trade = _TRADE[(i * 7) % 10] if i <= 40 else _TRADE[10 + i % 4]
    return f"{_FIRST[i % len(_FIRST)]} {trade}"


def _active(i: int) -> tuple[int, ...]:
    """The years enterprise ``i`` exports: 26-28 stop after 2019; 31-34 and 50-54 start in 2020."""
    if 26 <= i <= 28:
        return (2019,)
    if 31 <= i <= 34 or 50 <= i <= 54:
        return (2020,)
    return YEARS


def registry_rows() -> list[tuple[str, ...]]:
    """One row per membership (an enterprise in no group: one row without a group)."""
    rows: list[tuple[str, ...]] = []
    for i in range(1, 61):
        f, name = firm_id(i), _name(i)
        okved = "26.11" if i <= 40 else ("32.12" if i % 4 == 2 else "14.13")
        district = ("Petrogradsky", "Moskovsky", "Kolpinsky", "Vyborgsky")[i % 4]
        memberships: list[tuple[str, str, str]] = []
        if i <= 30:
            memberships.append(("high-tech", "2018", ""))
        elif i <= 35:
            memberships.append(("high-tech", "2020", ""))  # joined in 2020
        elif i <= 40:
            memberships.append(("high-tech", "2017", "2019"))  # left the register after 2019
        if 10 <= i <= 25 or 41 <= i <= 45:
            memberships.append(("export-support", "2020", "2020"))  # supported in 2020
        for group, start, end in memberships or [("", "", "")]:
            rows.append((f, name, group, start, end, okved, district))
    return rows


def flow_rows() -> list[tuple[object, ...]]:
    """The export declarations (and a few imports), summed by hitex per enterprise and key."""
    rnd = random.Random(SEED)
    rows: list[tuple[object, ...]] = []
    for i in range(1, 61):
        products = HIGH_TECH if i <= 40 else OTHER
        partners = rnd.choices(PARTNERS, WEIGHTS, k=rnd.randint(1, 4))
        goods = rnd.sample(products, k=rnd.randint(1, 3))
        size = rnd.lognormvariate(12.8 if i <= 40 else 11.5, 0.9)
        if 26 <= i <= 28 or 36 <= i <= 40:
            size *= 0.3  # those that stop (or leave the register) are small ones
        # The export-support enterprises grew faster in 2020.
        growth = rnd.uniform(1.15, 1.75) if 10 <= i <= 25 else rnd.uniform(0.95, 1.5)
        for year in _active(i):
            scale = size * (growth if year == 2020 else 1.0)
            for partner in dict.fromkeys(partners):
                for product in goods:
                    for _ in range(rnd.randint(1, 3)):  # one line per declaration
                        value = round(scale * rnd.uniform(0.2, 1.0) / len(goods))
                        rows.append((year, REPORTER, partner, "export", product, value,
                                     firm_id(i)))  # fmt: skip
        if i <= 5:  # a few enterprises also import (components from China)
            for year in YEARS:
                rows.append((year, REPORTER, "CHN", "import", "854239",
                             round(size * rnd.uniform(0.1, 0.3)), firm_id(i)))  # fmt: skip
    return rows


def write(flows: Path, registry: Path) -> None:
    """Write both files (the same bytes on every run)."""
    with flows.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(FLOWS_HEADER)
        w.writerows(flow_rows())
    with registry.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(REGISTRY_HEADER)
        w.writerows(registry_rows())
