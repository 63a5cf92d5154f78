"""The corpus scorer (bench/check.py) finds each key claim after the one before it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import check  # noqa: E402


def test_a_key_claim_is_searched_after_the_whole_claim_before_it() -> None:
    text = "Exports rose 5% to $2 million; imports rose 5%."
    spans = check.locate(text, [{"span": "rose 5%"}, {"span": "5%"}], "t")
    assert spans[1] == (text.rindex("5%"), text.rindex("5%") + 2)


def test_a_key_claim_only_inside_the_one_before_is_reported() -> None:
    with pytest.raises(SystemExit, match="not found after position 15"):
        check.locate("Exports rose 5% to $2 million.", [{"span": "rose 5%"}, {"span": "5%"}], "t")
