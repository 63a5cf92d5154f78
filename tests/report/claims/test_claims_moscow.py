"""The Moscow article against the constructed Moscow dataset: every claim, its verdict by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import hitex.report.claims as claims

EXAMPLES = Path(__file__).parents[3] / "examples"
MOSCOW = EXAMPLES / "moscow-2020"

# (span, kind, subject, verdict, computed): verdicts decided by hand from the article and
# examples/moscow-2020/README.md; computed figures are the file's (README table).
EXPECTED = [
    ("grew by a third", "growth", "RU-MOW export to Asia", "supported", 33.3685),  # title
    ("grew by a third", "growth", "RU-MOW export to Asia", "supported", 33.3685),  # headline
    ("increased by 30%", "growth", "RU-MOW export to all partners", "supported", 30.0),
    ("grown on 27,7 %", "growth", "RU-MOW export to all partners", "supported", 27.7),
    ("close to 30%", "growth", "RU-MOW export to all partners", "supported", 30.0),
    ("$1.2 billion", "amount", "RU-MOW export to IND+CHN+JPN", "supported", 1_215_340_000),
    (
        "the leader in the volume",
        "rank",
        "RU-MOW export to CHN, machinery",
        "supported",
        1,
    ),  # "machinery purchases": HS 84, where China leads ($338.6 million, Japan $174.8 million)
    # Rank 4 by growth; first only with small bases set aside -- and the text itself gives
    # Thailand, Bangladesh and Viet Nam higher rates. The data support it with that caveat, so
    # the text's conflict makes it unverifiable, not red.
    ("a leader in the growth rate", "rank", "RU-MOW export to IND", "unverifiable", 4),
    ("63%", "growth", "RU-MOW export to IND", "supported", 63.049),
    ("$140.32 million", "amount", "RU-MOW export to IND", "supported", 140_320_000),
    ("$563.31 million", "amount", "RU-MOW export to CHN", "supported", 563_310_000),
    ("22.4%", "growth", "RU-MOW export to CHN", "supported", 22.4002),
    ("511.71", "amount", "RU-MOW export to JPN", "supported", 511_710_000),
    ("increased by 26.2%", "growth", "RU-MOW export to JPN", "supported", 26.1986),
    ("$54.26 million", "change", "RU-MOW export to IND", "supported", 54_260_000),
    ("144 product lines", "count", "RU-MOW export to IND", "supported", 144),
    # Turbines "more than a third" of Asian exports while India, China and Japan alone take
    # $1.2 billion: the share cannot hold with $348.67 million (and the data say 22.75%).
    (
        "more than a third",
        "share",
        "RU-MOW export to Asia, gas turbines and turbine engines",
        "inconsistent",
        22.751,
    ),
    (
        "$348.67 million",
        "amount",
        "RU-MOW export to Asia, gas turbines and turbine engines",
        "supported",
        348_670_000,
    ),
    (
        "16.65 million U.S. dollars",
        "amount",
        "RU-MOW export to Asia, telecommunications equipment",
        "supported",
        16_650_000,
    ),
    (
        "increased by 105%",
        "growth",
        "RU-MOW export to all partners, jewellery and metalworking products",
        "unverifiable",
        None,
    ),
    (
        "by 56%",
        "growth",
        "RU-MOW export to all partners, light industry products",
        "unverifiable",
        None,
    ),
    (
        "by three orders of magnitude",
        "multiple",
        "RU-MOW export to all partners, non-metallic materials",
        "unverifiable",
        None,
    ),
    ("increased by 198%", "growth", "RU-MOW export to THA", "supported", 198.0),
    ("by 162%", "growth", "RU-MOW export to BGD", "supported", 162.0),
    ("114%", "growth", "RU-MOW export to VNM", "supported", 114.0),
    ("Up to 90%", "share", "RU-MOW export to all partners", "unverifiable", None),
]


@pytest.fixture(scope="module")
def results(checked_warehouse):
    return claims.check_file(
        checked_warehouse, MOSCOW / "article.txt", reporter="RU-MOW", year=2020, compare=2019
    )


def test_every_claim_is_found_in_order(results):
    assert [r.claim.span for r in results] == [e[0] for e in EXPECTED]


@pytest.mark.parametrize(
    "i", range(len(EXPECTED)), ids=[f"{i}-{e[0]}" for i, e in enumerate(EXPECTED)]
)
def test_verdict(results, i):
    _span, kind, subject, verdict, computed = EXPECTED[i]
    r = results[i]
    assert (r.claim.kind, r.claim.subject.describe(), r.verdict) == (kind, subject, verdict), (
        r.reason
    )
    if computed is None:
        assert r.computed is None
    else:
        assert r.computed == pytest.approx(computed, rel=1e-4)


def test_the_conflicts_name_each_other(results):
    turbines = results[16].reason
    assert '"$348.67 million"' in turbines
    assert '"$1.2 billion"' in turbines
    assert "data: contradicted" in turbines or "data: unverifiable" in turbines
    leader = results[7].reason
    assert all(code in leader for code in ("THA", "BGD", "VNM"))


def test_small_bases_are_flagged(results):
    assert "small base" in results[22].reason
    assert "small base" not in results[8].reason


def test_what_it_cannot_read_is_listed(results):
    unread = [r.claim.span for r in results if r.reason == "not understood"]
    assert unread == ["Up to 90%"]
    missing = [r for r in results if r.verdict == "unverifiable" and r.reason.startswith("no data")]
    assert len(missing) == 3


def test_reporter_and_year_come_from_the_text(checked_warehouse, results):
    inferred = claims.check_file(checked_warehouse, MOSCOW / "article.txt")
    assert [r.verdict for r in inferred] == [r.verdict for r in results]
