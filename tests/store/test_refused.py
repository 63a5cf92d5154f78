"""Refused records of a large file: found again by their raw record, with lines and reasons.

The one pass stages every record, the refused ones apart; they are found again in a numbered read
by the values they were refused for (by the hash of their raw record when those are too many). Expected rejects come from DuckDB reading the raw file as text
(an independent statement of each check for the kinds written here), or from the rows as
written (lines counted by hand).
"""

from __future__ import annotations

import threading

import duckdb
import pyarrow.parquet as pq
import pytest

from hitex.errors import InputError
from tests.fixtures import flows_file, write_csv

#: BACI country codes of the warehouse's table (trade codes), and ones it has not.
COUNTRIES = (643, 156, 699, 842, 251, 490)
RECORDS = 30_000

#: Every kind of refusal a BACI record can get, as the raw fields t, i, j, k, v, q.
BAD_BACI = {
    "not_a_year": ("20x0", 643, 156, 841181, "1", "1"),
    "empty_year": ("", 643, 156, 841182, "1", "1"),
    "unknown_reporter": (2020, 997, 156, 841183, "1", "1"),
    "unknown_partner": (2020, 643, 999, 841184, "1", "1"),
    "not_a_code": (2020, 643, 156, "84118A", "1", "1"),
    "empty_value": (2020, 643, 156, 841185, "", "1"),
    "negative": (2020, 643, 156, 841186, "-5", "1"),
    "not_finite": (2020, 643, 156, 841187, "inf", "1"),
    "quantity": (2020, 643, 156, 841188, "1", "1x"),
    "malformed": (2020, 643, 156, 841189, "12x", "1"),
}

#: The oracle: each check on the raw text of the kinds above (DuckDB reading the file itself).
ORACLE = """
SELECT line, r.code, r.field, r.value FROM (
    SELECT row_number() OVER () + 1 AS line, * FROM read_csv($path, all_varchar = true))
CROSS JOIN LATERAL (SELECT CASE
    WHEN v = '12x' THEN {'code': 'malformed', 'field': NULL, 'value': NULL}
    WHEN t IS NULL THEN {'code': 'empty', 'field': 'year', 'value': ''}
    WHEN NOT regexp_full_match(t, '[0-9]{4}') THEN {'code': 'not_a_year', 'field': 'year', 'value': t}
    WHEN i NOT IN ('643', '156', '699', '842', '251', '490')
        THEN {'code': 'unknown_country', 'field': 'reporter', 'value': i}
    WHEN j NOT IN ('643', '156', '699', '842', '251', '490')
        THEN {'code': 'unknown_country', 'field': 'partner', 'value': j}
    WHEN NOT regexp_full_match(k, '[0-9]+') THEN {'code': 'not_a_code', 'field': 'product', 'value': k}
    WHEN v IS NULL THEN {'code': 'empty', 'field': 'value_usd', 'value': ''}
    WHEN CAST(v AS DOUBLE) < 0
        THEN {'code': 'negative', 'field': 'value_usd', 'value': CAST(CAST(v AS DOUBLE) AS VARCHAR)}
    WHEN isinf(CAST(v AS DOUBLE))
        THEN {'code': 'not_finite', 'field': 'value_usd', 'value': CAST(CAST(v AS DOUBLE) AS VARCHAR)}
    WHEN TRY_CAST(q AS DOUBLE) IS NULL AND q IS NOT NULL
        THEN {'code': 'not_a_number', 'field': 'quantity', 'value': q}
    END AS r)
WHERE r IS NOT NULL ORDER BY line
"""


def _good(n: int) -> tuple[object, ...]:
    reporter = COUNTRIES[n % len(COUNTRIES)]
    partner = COUNTRIES[(n // len(COUNTRIES) + 1 + n % 5) % len(COUNTRIES)]
    if partner == reporter:
        partner = COUNTRIES[(COUNTRIES.index(reporter) + 1) % len(COUNTRIES)]
    # Five-digit codes lose their leading zero, as BACI writes them.
    return (2020, reporter, partner, 10_000 + n, f"{(n % 997) * 1.5 + 0.125:.3f}", f"{n % 13}")


def _baci_rows(places: dict[str, int]) -> list[tuple[object, ...]]:
    rows = [_good(n) for n in range(RECORDS)]
    for kind, at in places.items():
        rows[at] = BAD_BACI[kind]
    return rows


@pytest.fixture
def big_baci(tmp_path):
    kinds = list(BAD_BACI)
    middle = RECORDS // 2
    # First and last record, the middle, and spread between them.
    places = {kinds[0]: 0, kinds[1]: RECORDS - 1, kinds[2]: middle, kinds[3]: 1}
    places |= {k: middle + 7 * (n + 1) for n, k in enumerate(kinds[4:])}
    rows = _baci_rows(places)
    # The same refused record twice: both found again (they share their raw hash).
    rows[RECORDS - 2] = BAD_BACI["unknown_partner"]
    return write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", rows)


def test_refused_records_of_a_large_file_keep_line_code_field_value(session, big_baci):
    (r,) = session.load([big_baci], format="baci")
    expected = duckdb.connect().sql(ORACLE, params={"path": str(big_baci)}).fetchall()
    assert len(expected) == len(BAD_BACI) + 1
    assert (r.rows_read, r.rows_rejected) == (RECORDS, len(expected))
    assert r.rows_loaded == RECORDS - len(expected)
    rej = session.rejects(r.id)
    cells = rej[["line", "code", "field", "value"]].astype(object)
    got = [tuple(row) for row in cells.where(cells.notna(), None).itertuples(index=False)]
    assert got == expected
    assert rej["line"].tolist()[:2] == [2, 3]  # the first records of the file
    assert rej["line"].iloc[-1] == RECORDS + 1  # its last record
    assert rej["record"].notna().all()
    assert rej["reason"].str.len().gt(0).all()
    negative = rej.loc[rej["code"] == "negative", "reason"].item()
    assert negative == "negative value -5.0"
    partner = rej.loc[rej["code"] == "unknown_country", ["field", "reason"]]
    assert (
        partner.loc[partner["field"] == "partner", "reason"].tolist()
        == ["unknown partner '999'"] * 2
    )


def test_accepted_records_of_a_large_file_are_every_other_record(session, big_baci):
    (r,) = session.load([big_baci], format="baci")
    refused = {
        line for line, *_ in duckdb.connect().sql(ORACLE, params={"path": str(big_baci)}).fetchall()
    }
    lines = ", ".join(str(n) for n in sorted(refused))
    count, total = (
        duckdb.connect()
        .sql(
            f"""SELECT count(*), sum(CAST(v AS DOUBLE) * 1000) FROM (
            SELECT row_number() OVER () + 1 AS line, v FROM read_csv($path, all_varchar = true))
        WHERE line NOT IN ({lines})""",
            params={"path": str(big_baci)},
        )
        .fetchall()[0]
    )
    flows = session.warehouse.sql("SELECT count(*) AS n, sum(value_usd) AS v FROM flows")
    assert flows["n"].item() == count == r.rows_loaded
    assert flows["v"].item() == pytest.approx(total, rel=1e-12)


def test_the_placed_file_holds_the_flows_columns_only(session, big_baci):
    session.load([big_baci], format="baci")
    root = session.warehouse.layout.root
    (placed,) = sorted((root / "flows").rglob("*.parquet"))
    names = pq.read_schema(placed).names
    assert names == [
        "year", "month", "reporter", "partner", "flow", "classification", "product",
        "value_usd", "quantity", "unit", "firm", "load_id",
    ]  # fmt: skip
    firms = pq.read_table(placed, columns=["firm", "load_id"])
    assert firms.column("firm").null_count == firms.num_rows  # no refused record's hash
    assert set(firms.column("load_id").to_pylist()) == {1}
    assert not any((root / "_staging").glob("*/*"))


GOOD = (2020, "", "RU-MOW", "CHN", "export", "841181", "100")
#: Every kind of refusal of a flows record (the reasons as a user reads them).
BAD_FLOWS = [
    ((2020, "", "RU-MOW", "Chinna", "export", "841181", "1"), "unknown_country"),
    ((2020, "", "XX-YYY", "CHN", "export", "841181", "1"), "unknown_country"),
    ((2020, "", "RU-MOW", "CHN", "export", "84-11", "1"), "not_a_code"),
    ((2020, "", "RU-MOW", "CHN", "export", "841181", "-1"), "negative"),
    ((2020, "", "RU-MOW", "CHN", "export", "841181", "1,5e"), "not_a_number"),
    ((2020, "13", "RU-MOW", "CHN", "export", "841181", "1"), "not_a_month"),
    (("", "", "RU-MOW", "CHN", "export", "841181", "1"), "empty"),
    ((2020, "", "RU-MOW", "CHN", "exprot", "841181", "1"), "unknown_flow"),
    ((2020, "", "RU-MOW", "Russia", "export", "841181", "1"), "domestic"),
    ((2020, "", "RU-MOW", "RU-SPE", "export", "841181", "1"), "subdivision"),
    ((2020, "", "World", "CHN", "export", "841181", "1"), "aggregate"),
]


def test_every_flows_refusal_at_the_start_middle_and_end(session, tmp_path):
    good = 3_000
    # Distinct keys: products 100000.. keep the good records from being summed.
    rows: list[tuple[object, ...]] = [(*GOOD[:5], str(100_000 + n), "1") for n in range(good)]
    bad = [row for row, _ in BAD_FLOWS]
    rows = bad + rows[: good // 2] + bad + rows[good // 2 :] + bad
    path = flows_file(tmp_path / "f.csv", rows)
    (r,) = session.load([path], format="flows")
    k = len(bad)
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (good + 3 * k, good, 3 * k)
    rej = session.rejects(r.id)
    starts = (2, 2 + k + good // 2, 2 + 2 * k + good)  # line 1 is the header
    assert rej["line"].tolist() == [s + n for s in starts for n in range(k)]
    assert rej["code"].tolist() == [code for _, code in BAD_FLOWS] * 3
    values = rej["record"].str.contains('"value_usd"')
    assert values.all()  # the raw record, as read
    assert session.warehouse.sql("SELECT sum(value_usd) AS v FROM flows")["v"].item() == good


def test_a_refused_record_after_quoted_line_breaks_keeps_its_first_line(session, tmp_path):
    path = tmp_path / "BACI_HS17_Y2020_V202301.csv"
    # Lines counted by hand: the header is line 1, the second record spans lines 3-5.
    path.write_text(
        "t,i,j,k,v,q\n"
        "2020,643,156,841181,1.5,1\n"
        '2020,643,156,"8411\n\n82",1.5,1\n'
        "2020,643,156,841183,1.5,1\n"
        "2020,643,999,841184,1.5,1\n"
        "2020,643,156,841185,2.5,1\n",
        encoding="utf-8",
    )
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (5, 3, 2)
    rej = session.rejects(r.id)
    assert rej["line"].tolist() == [3, 7]
    assert rej[["code", "field", "value"]].values.tolist() == [
        ["not_a_code", "product", "8411\n\n82"],
        ["unknown_country", "partner", "999"],
    ]
    flows = session.warehouse.sql("SELECT product, value_usd FROM flows ORDER BY product")
    assert flows.values.tolist() == [["841181", 1500.0], ["841183", 1500.0], ["841185", 2500.0]]


def _state(session) -> dict[str, list[tuple[object, ...]]]:
    wh = session.warehouse
    tables = ("flows", "rejects", "revisions", "unallocated", "record_files", "rollup_files")
    return {t: [tuple(r) for r in wh.sql(f"SELECT * FROM {t} ORDER BY ALL").values] for t in tables}


def test_a_statement_failing_in_the_commit_changes_nothing_and_returns(session, tmp_path):
    first = write_csv(
        tmp_path / "BACI_HS17_Y2019_V202301.csv",
        "tijkvq",
        [(2019, *_good(n)[1:]) for n in range(50)],
    )
    session.load([first], format="baci")
    before = _state(session)
    files = sorted(p for p in session.warehouse.layout.root.rglob("*") if p.is_file())
    rows = _baci_rows({"unknown_partner": 7, "negative": 30})
    second = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", rows[:60])
    # The rollup file the commit of the next load writes is taken by a folder: DuckDB's COPY
    # fails there, after the records were placed (the careful path: two records refused).
    wh = session.warehouse
    commit = int(wh.sql("SELECT max(id) AS n FROM commits")["n"].item()) + 1
    load = int(wh.sql("SELECT max(id) AS n FROM loads")["n"].item()) + 1
    cell = "classification=HS17/year=2020"
    blocker = (
        wh.layout.root
        / "rollups"
        / "products"
        / cell
        / f"load={load}"
        / f"part-c{commit}-0.parquet"
    )
    blocker.mkdir(parents=True)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            session.load([second], format="baci")
            outcome.append(None)
        except BaseException as exc:  # handed to the test's thread
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the failed load did not return"
    (error,) = outcome
    assert error is not None
    assert _state(session) == before
    blocker.rmdir()
    left = sorted(p for p in wh.layout.root.rglob("*") if p.is_file())
    assert left == files  # no record or rollup file of the failed load stays
    assert session.loads()["status"].tolist() == ["loaded", "failed"]
    (r,) = session.load([second], format="baci")  # the same file loads afterwards
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (60, 58, 2)
    assert session.rejects(r.id)["line"].tolist() == [9, 32]


def test_records_holding_a_refused_value_but_loadable_stay_loaded(session, tmp_path):
    # The numbered read checks again the records whose refused field holds a refused value:
    # partner 'Russia' is refused beside its own region (domestic), loaded beside China.
    good = [(2020, "", "CHN", "Russia", "export", str(100_000 + n), "2") for n in range(400)]
    domestic = (2020, "", "RU-MOW", "Russia", "export", "841181", "1")
    rows = [*good[:150], domestic, *good[150:], domestic]
    path = flows_file(tmp_path / "f.csv", rows)
    (r,) = session.load([path], format="flows")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (402, 400, 2)
    rej = session.rejects(r.id)
    # Line 1 is the header: the refused records are the 151st and the 402nd.
    assert rej["line"].tolist() == [152, 403]
    assert (
        rej[["code", "field", "value"]].values.tolist() == [["domestic", "partner", "Russia"]] * 2
    )
    flows = session.warehouse.sql("SELECT count(*) AS n, sum(value_usd) AS v FROM flows")
    assert (flows["n"].item(), flows["v"].item()) == (400, 800.0)


def test_refused_records_too_many_to_list_are_found_by_their_raw_record(session, tmp_path):
    # 600 distinct unknown partners: more values than the numbered read lists, so it finds
    # the refused records by the hash of their raw record.
    rows = _baci_rows({})[:3_000]
    for n in range(600):
        rows[5 * n + 2] = (2020, 643, 1_000 + n, 20_000 + n, "1", "1")
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", rows)
    (r,) = session.load([path], format="baci")
    expected = (
        duckdb.connect()
        .sql(
            """SELECT line, j FROM (SELECT row_number() OVER () + 1 AS line, j
            FROM read_csv($path, all_varchar = true))
            WHERE j NOT IN ('643', '156', '699', '842', '251', '490') ORDER BY line""",
            params={"path": str(path)},
        )
        .fetchall()
    )
    assert len(expected) == 600
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3_000, 2_400, 600)
    rej = session.rejects(r.id)
    assert [tuple(x) for x in rej[["line", "value"]].values.tolist()] == expected
    assert set(rej["code"]) == {"unknown_country"}
    assert set(rej["field"]) == {"partner"}
    assert rej["record"].str.contains('"j":').all()


def test_a_load_failing_in_its_one_pass_leaves_nothing_staged(session, tmp_path, monkeypatch):
    # Too little memory for the one pass's write: DuckDB fails once the staged file is
    # begun. Nothing stays under the data root's staging folder, and nothing is loaded.
    rows = [(2020, 643, 156 if n % 1000 else 999, 100_000 + n, "1.5", "1") for n in range(300_000)]
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", rows)
    monkeypatch.setenv("HITEX_LOAD_MEMORY", "16MB")
    with pytest.raises(InputError, match="too little memory"):
        session.load([path], format="baci")
    root = session.warehouse.layout.root
    assert list(root.glob("_staging/*")) == []
    assert list(root.glob("flows/**/*.parquet")) == []
    assert session.loads()["status"].tolist() == ["failed"]
    monkeypatch.delenv("HITEX_LOAD_MEMORY")
    (r,) = session.load([path], format="baci")  # the same file loads afterwards
    assert (r.rows_read, r.rows_rejected) == (300_000, 300)
