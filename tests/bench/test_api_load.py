"""The API load test runs, checks every answer, and writes its own section of RESULTS.md."""

from __future__ import annotations

import pytest

from bench import api_load


@pytest.mark.slow
def test_a_short_load_test_has_no_errors_and_no_torn_reads():
    tally, elapsed = api_load.run(clients=4, seconds=2, rows=2_000, write=True)
    assert tally.latencies
    assert not tally.errors
    assert not tally.torn
    assert tally.loads >= 1
    assert elapsed >= 2
    assert tally.versions <= set(range(1, tally.loads + 2))


@pytest.mark.slow
def test_varied_views_are_all_different_and_answered():
    tally, _ = api_load.run(clients=4, seconds=3, rows=2_000, write=True, kind="varied")
    assert tally.latencies
    assert not tally.errors
    assert not tally.torn
    assert tally.loads >= 1


def test_the_section_replaces_the_previous_one(tmp_path):
    path = tmp_path / "RESULTS.md"
    path.write_text("# Results\n\ntable\n")
    tally = api_load.Tally(latencies=[0.010, 0.020, 0.030], versions={1, 2}, loads=1,
                           load_seconds=[0.5])  # fmt: skip
    api_load.write_section(api_load.section([(tally, 2.0)], 4, 2, 2_000), path)
    api_load.write_section(api_load.section([(tally, 2.0)], 4, 2, 2_000), path)
    text = path.read_text()
    assert text.startswith("# Results\n\ntable\n")
    assert text.count("<!-- section: api-load -->") == 1
    assert (
        "| 5 repeated, `/api/table` | none | 1 (0.50 s each) | 3 | 2 | 20.0 | 30.0 | 30.0 | 30.0 "
        "| 0 | 0 | 2 |"
    ) in text
