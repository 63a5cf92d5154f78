"""The Moscow 2020 example: monthly flows constructed from a published article's aggregates.

``examples/moscow-2020/README.md`` says what was published and what was constructed. The
figures below are the article's (partner totals and growth rates, turbines, telecom, India's
finished goods and product lines, the January-August growth); everything finer (products,
months, partners the article does not name) is made up to add up to them, deterministically:
the same code always writes the same file.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator, Sequence
from pathlib import Path

from hitex.reference.schemes import product_groups_frame

#: Exports of RU-MOW by partner, US$ millions: (2019, 2020). EGY balances the world total.
PARTNERS: dict[str, tuple[float, float]] = {
    # Asia: named in the article (India +63% to 140.32; China +22.4% to 563.31; Japan +26.2%
    # to 511.71; Thailand +198%, Bangladesh +162%, Vietnam +114%, on small bases).
    "CHN": (460.22, 563.31), "JPN": (405.48, 511.71), "IND": (86.06, 140.32),
    "THA": (0.30, 0.894), "BGD": (0.25, 0.655), "VNM": (0.80, 1.712),
    # Asia: not named; +60% each, so that Asia as a whole grows by a third.
    "KOR": (60.0, 96.0), "KAZ": (45.0, 72.0), "TUR": (30.0, 48.0), "ARE": (25.0, 40.0),
    "SGP": (15.0, 24.0), "MYS": (10.0, 16.0), "IDN": (6.0, 9.6), "UZB": (5.0, 8.0),
    "MNG": (0.0, 0.35),  # a new market
    # Elsewhere.
    "DEU": (200.0, 250.0), "USA": (150.0, 180.0), "BLR": (120.0, 160.0), "FRA": (80.0, 95.0),
    "ITA": (60.0, 75.0), "GBR": (50.0, 55.0), "EGY": (40.0, 0.0),
}  # fmt: skip

#: All high-tech exports grew by 30% (the mayor's press service) ...
WORLD_GROWTH = 0.30
#: ... and by 27.7% in January-August: the share of each year's value in those months.
JAN_AUG = {2019: 0.65, 2020: 0.65 * 1.277 / 1.30}

#: Gas turbines and turbine engines to Asia, US$ millions, by partner: (2019, 2020).
TURBINES = {"CHN": (170.0, 200.0), "JPN": (100.0, 120.0), "KOR": (20.0, 28.67)}
TURBINE_CODES = {"841182": 0.45, "841181": 0.15, "841112": 0.2, "841111": 0.1, "841191": 0.1}
#: Telecommunications equipment to Asia (16.65 in 2020), US$ millions: (2019, 2020).
TELECOM = {"CHN": (5.0, 6.0), "JPN": (2.5, 3.0), "IND": (2.5, 4.15), "VNM": (0.2, 0.3),
           "KAZ": (2.2, 3.2)}  # fmt: skip
TELECOM_CODES = {"851762": 0.7, "851770": 0.3}

#: India: parts unchanged, so that all of the growth (54.26) is finished goods; 144 lines.
INDIA_PARTS = 40.0
INDIA_LINES = {2019: (90, 44), 2020: (100, 44)}  # (finished, parts)

HEADER = ("year", "month", "reporter", "partner", "flow", "product", "value_usd",
          "classification")  # fmt: skip
M = 1_000_000


@functools.cache
def _codes(tech: str, stage: str) -> tuple[str, ...]:
    """HS17 six-digit codes of a technology group and end-use stage, in code order."""
    t = product_groups_frame("tech")
    e = product_groups_frame("enduse-stage")
    t = t[(t["classification"] == "HS17") & (t["group_code"] == tech)]
    e = e[(e["classification"] == "HS17") & (e["group_code"] == stage)]
    both = set(t["product"]) & set(e["product"])
    # Machinery, electronics and instruments (HS 84, 85, 90): what the article names.
    keep = ("84", "85", "90")
    special = ("8411", "8517")
    return tuple(
        sorted(c for c in both if c.startswith(keep) and not c.startswith(special) and len(c) == 6)
    )


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """Whole dollars in proportion to ``weights`` that add up to ``total`` exactly."""
    raw = [total * w / sum(weights) for w in weights]
    out = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in by_remainder[: total - sum(out)]:
        out[i] += 1
    return out


def _spread(total: int, codes: Sequence[str], offset: int) -> dict[str, int]:
    """``total`` over ``codes`` with falling weights (1, 1/sqrt 2, ...), starting at ``offset``."""
    chosen = [codes[(offset + i) % len(codes)] for i in range(len(codes))]
    weights = [1 / (i + 1) ** 0.5 for i in range(len(chosen))]
    return dict(zip(chosen, _split(total, weights), strict=True))


def _usd(millions: float) -> int:
    return round(millions * M)


def _partner(partner: str, index: int, year: int) -> dict[str, int]:
    """Annual value of each product exported to ``partner`` in ``year``."""
    i = 0 if year == 2019 else 1
    total = _usd(_totals()[partner][i])
    if total == 0:
        return {}
    out: dict[str, int] = {}
    if partner in TURBINES:
        amounts = _split(_usd(TURBINES[partner][i]), list(TURBINE_CODES.values()))
        out |= dict(zip(TURBINE_CODES, amounts, strict=True))
    if partner in TELECOM:
        codes = {"851762": 1.0} if partner == "IND" else TELECOM_CODES
        out |= dict(
            zip(codes, _split(_usd(TELECOM[partner][i]), list(codes.values())), strict=True)
        )
    if partner == "IND":
        return out | _india(year, total - sum(out.values()))
    lines = max(3, min(40, total // (5 * M)))
    pool = _codes("high", "finished") + _codes("high", "parts") + _codes("medium-high", "parts")
    pool = tuple(c for c in pool if c not in out)
    step = len(pool) // 3
    return out | _spread(total - sum(out.values()), pool[: lines * 3 : 3], index * step)


def _india(year: int, rest: int) -> dict[str, int]:
    """India: parts the same in both years, finished goods take all of the growth."""
    n_finished, n_parts = INDIA_LINES[year]
    parts = _spread(_usd(INDIA_PARTS), _codes("high", "parts")[:n_parts], 0)
    finished_codes = _codes("high", "finished")[: n_finished - 1]  # 851762 is the other
    return parts | _spread(rest - _usd(INDIA_PARTS), finished_codes, 0)


@functools.cache
def _totals() -> dict[str, tuple[float, float]]:
    """Partner totals, with EGY's 2020 value making the world grow by :data:`WORLD_GROWTH`."""
    totals = dict(PARTNERS)
    base = sum(v[0] for v in totals.values())
    rest = sum(v[1] for k, v in totals.items() if k != "EGY")
    totals["EGY"] = (totals["EGY"][0], round(base * (1 + WORLD_GROWTH) - rest, 6))
    return totals


def _months(value: int, year: int) -> list[int]:
    """``value`` over the twelve months: :data:`JAN_AUG` of it in January-August."""
    first = round(value * JAN_AUG[year])
    return _split(first, [1.0] * 8) + _split(value - first, [1.0] * 4)


def rows() -> Iterator[tuple[object, ...]]:
    """Every record of the example, in :data:`HEADER` order."""
    for year in (2019, 2020):
        for index, partner in enumerate(PARTNERS):
            for product, value in sorted(_partner(partner, index, year).items()):
                for month, v in enumerate(_months(value, year), start=1):
                    if v > 0:
                        yield (year, month, "RU-MOW", partner, "export", product, v, "HS17")


def write(path: Path) -> Path:
    """Write the example's flows CSV to ``path``."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows())
    return path
