"""Golden tables: ``golden/<scheme>.csv`` lists (classification, product) -> expected group.

Every file in ``golden/`` is picked up by name; the scheme is the file's stem. Lines
starting with ``#`` are metadata (where the expected values were read off). An empty
``expected`` means the scheme gives the code no group.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hitex.reference.schemes import product_groups_frame, scheme_names

GOLDEN = Path(__file__).parent / "golden"


def load_golden_pairs(folder: Path = GOLDEN) -> list[tuple[str, dict[str, str]]]:
    """Return (scheme, row) for every row of every golden file."""
    pairs = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            lines = (line for line in handle if not line.startswith("#"))
            pairs.extend((path.stem, row) for row in csv.DictReader(lines))
    return pairs


PAIRS = load_golden_pairs()


def _id(pair: tuple[str, dict[str, str]]) -> str:
    scheme, row = pair
    return f"{scheme}:{row['classification']}:{row['product']}"


def test_every_scheme_has_a_golden_file() -> None:
    assert {scheme for scheme, _ in PAIRS} == set(scheme_names())


@pytest.mark.parametrize("pair", PAIRS, ids=[_id(p) for p in PAIRS])
def test_golden(pair: tuple[str, dict[str, str]]) -> None:
    scheme, row = pair
    table = product_groups_frame(scheme)
    found = table[
        (table["classification"] == row["classification"]) & (table["product"] == row["product"])
    ]["group_code"].tolist()
    expected = [row["expected"]] if row["expected"] else []
    assert found == expected, row["trail"]
