"""The corpus scorer (bench/check.py) finds each key claim after the one before it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import hitex.report.claims as claims  # noqa: E402
from bench import check  # noqa: E402


def test_a_key_claim_is_searched_after_the_whole_claim_before_it() -> None:
    text = "Exports rose 5% to $2 million; imports rose 5%."
    spans = check.locate(text, [{"span": "rose 5%"}, {"span": "5%"}], "t")
    assert spans[1] == (text.rindex("5%"), text.rindex("5%") + 2)


def test_a_key_claim_only_inside_the_one_before_is_reported() -> None:
    with pytest.raises(SystemExit, match="not found after position 15"):
        check.locate("Exports rose 5% to $2 million.", [{"span": "rose 5%"}, {"span": "5%"}], "t")


def _result(
    text: str, span: str, verdict: str, *, understood: bool = True, kind: str = "amount"
) -> claims.Result:
    start = text.index(span)
    claim = claims.Claim(kind, span, text, start, start + len(span), understood=understood)
    return claims.Result(claim, None, verdict, f"{verdict}: {span}")


TEXT = "Medicines, $900 million, up 40%."
KEY = [{"span": "Medicines, $900 million, up 40%", "kind": "growth", "verdict": "contradicted"}]


@pytest.mark.parametrize(
    ("verdicts", "got", "deciding"),
    [
        (("supported", "contradicted"), "contradicted", "up 40%"),  # flagged beside a right figure
        (("supported", "unverifiable"), "unverifiable", "up 40%"),  # a part left open
        (("supported", "supported"), "supported", "$900 million"),
        (("unverifiable", "inconsistent"), "inconsistent", "up 40%"),
        (("ambiguous", "unverifiable"), "ambiguous", "$900 million"),
    ],
)
def test_a_key_claim_holding_two_claims_takes_the_worst_verdict(
    verdicts: tuple[str, str], got: str, deciding: str
) -> None:
    results = [_result(TEXT, "$900 million", verdicts[0]), _result(TEXT, "up 40%", verdicts[1])]
    (row,) = check.rows_of(TEXT, KEY, results, "en", "t")
    assert (row.got, row.reason) == (got, f"{got}: {deciding}")


def test_a_number_not_understood_does_not_decide_beside_an_understood_claim() -> None:
    results = [_result(TEXT, "$900 million", "unverifiable", understood=False),
               _result(TEXT, "up 40%", "supported")]  # fmt: skip
    (row,) = check.rows_of(TEXT, KEY, results, "en", "t")
    assert (row.got, row.found) == ("supported", True)


def test_beside_no_red_flag_the_claim_of_the_keys_kind_answers() -> None:
    text = "The deficit of $270 million was the smallest since 2011."
    key = [{"span": text[:-1], "kind": "extreme", "verdict": "supported"}]
    results = [_result(text, "$270 million", "unverifiable"),
               _result(text, "the smallest since 2011", "supported", kind="extreme")]  # fmt: skip
    (row,) = check.rows_of(text, key, results, "en", "t")
    assert row.got == "supported"
    results[0] = _result(text, "$270 million", "contradicted")
    (row,) = check.rows_of(text, key, results, "en", "t")
    assert row.got == "contradicted"
