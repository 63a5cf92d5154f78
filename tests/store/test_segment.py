"""Segments: a clean BACI year stored in a table of its own reads exactly as rows would.

Each test compares the segment with what the ordinary load (``flow_rows``, every column
written) stores for the same file, or with figures computed by hand from the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
from hitex.errors import InputError
from hitex.store import segment
from tests.fixtures import write_csv

FIXTURES = Path(__file__).parents[1] / "fixtures"
#: BACI's own codes: Russia, China, India (699), USA (842), France (251), Taiwan (490),
#: Afghanistan, Albania.
CODES = (643, 156, 699, 842, 251, 490, 4, 8)
FLOW_COLUMNS = ["year", "month", "reporter", "partner", "flow", "classification", "product",
                "value_usd", "quantity", "unit"]  # fmt: skip


def _flows(session: hitex.Session) -> pd.DataFrame:
    got = session.warehouse.sql(f"SELECT {', '.join(FLOW_COLUMNS)} FROM flows")
    return got.sort_values(["reporter", "partner", "product"]).reset_index(drop=True)


def _segments(session: hitex.Session) -> list[int]:
    return session.warehouse.sql("SELECT load_id FROM segments ORDER BY 1")["load_id"].tolist()


def _as_rows(tmp_path: Path, path: Path, monkeypatch: pytest.MonkeyPatch) -> pd.DataFrame:
    """What the ordinary load stores for ``path`` (segments switched off)."""
    with monkeypatch.context() as m:
        m.setattr(segment, "plan", lambda con, reader: None)
        with hitex.open(tmp_path / "rows.duckdb") as s:
            (r,) = s.load([path], format="baci")
            assert r.rows_rejected == 0
            assert _segments(s) == []
            return _flows(s)


def test_real_baci_lines_load_as_a_segment(session, tmp_path, monkeypatch):
    real = FIXTURES / "baci" / "BACI_HS22_Y2022_V202401b_head.csv"
    path = shutil.copy(real, tmp_path / real.name)
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (9, 9, 0)
    assert _segments(session) == [r.id]
    got = _flows(session)
    # The first line: 2022,4,20,210610,        0.357,        0.002 (Afghanistan to Andorra).
    first = got[(got["product"] == "210610")].iloc[0]
    assert (first["reporter"], first["partner"], first["classification"]) == ("AFG", "AND", "HS22")
    assert first["value_usd"] == pytest.approx(357.0)
    assert (first["quantity"], first["unit"], first["flow"]) == (0.002, "t", "export")
    pd.testing.assert_frame_equal(got, _as_rows(tmp_path, Path(path), monkeypatch))


def _padded(fields: tuple[object, ...], width: int = 13) -> str:
    """A BACI line as CEPII writes it: value and quantity right-aligned in ``width``."""
    *codes, v, q = fields
    return ",".join([*map(str, codes), str(v).rjust(width), str(q).rjust(width)])


def test_a_quantity_missing_as_baci_writes_it_loads_as_a_segment(session, tmp_path, monkeypatch):
    # The real lines, then quantities missing as the same file writes them: NA in the
    # width of its other numbers (13 characters), after the first 64 KB too.
    real = (FIXTURES / "baci" / "BACI_HS22_Y2022_V202401b_head.csv").read_text()
    extra = [_padded((2022, 4, 699, 100000 + n, "1.5", "NA")) for n in range(3000)]
    path = tmp_path / "BACI_HS22_Y2022_V202401b.csv"
    path.write_text(real + "\n".join(extra) + "\n")
    assert path.stat().st_size > 1 << 16
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3009, 3009, 0)
    assert _segments(session) == [r.id]
    got = _flows(session)
    missing = got[got["partner"] == "IND"]
    assert len(missing) == 3000
    assert missing["quantity"].isna().all()
    assert missing["unit"].isna().all()
    assert missing["value_usd"].sum() == pytest.approx(3000 * 1500.0)
    pd.testing.assert_frame_equal(got, _as_rows(tmp_path, path, monkeypatch))


@pytest.mark.parametrize(
    ("spelling", "as_segment"),
    [
        pytest.param("NA".rjust(9), False, id="NA padded otherwise than the file's numbers"),
        pytest.param("n/a", False, id="n/a"),
        pytest.param("NaN", True, id="NaN, which DuckDB reads as a number"),
    ],
)
def test_a_quantity_missing_spelled_otherwise_is_missing_either_way(
    session, tmp_path, monkeypatch, spelling, as_segment
):
    lines = [_padded((2020, 643, 156, 100000 + n, "2", "1.25")) for n in range(3000)]
    lines.append(f"2020,643,699,851762,{'30'.rjust(13)},{spelling}")
    path = tmp_path / "BACI_HS17_Y2020_V202301.csv"
    path.write_text("t,i,j,k,v,q\n" + "\n".join(lines) + "\n")
    (r,) = session.load([path], format="baci")
    # Every record is kept; the last has no quantity, and so no unit.
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3001, 3001, 0)
    assert _segments(session) == ([r.id] if as_segment else [])
    got = _flows(session)
    india = got[got["partner"] == "IND"].iloc[0]
    assert india["value_usd"] == 30_000.0
    assert pd.isna(india["quantity"])
    assert pd.isna(india["unit"])
    assert got["quantity"].sum() == pytest.approx(3000 * 1.25)
    pd.testing.assert_frame_equal(got, _as_rows(tmp_path, path, monkeypatch))


def test_missing_spellings_read_the_files_own_padding(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("\ufefft,i,j,k,v,q\r\n2022,4,20,210610,        0.357,        0.002\r\n")
    columns = ["t", "i", "j", "k", "v", "q"]  # as DuckDB reads the header, BOM and all
    assert segment.missing_spellings(path, columns, "q") == ["", "NA", "           NA"]
    assert segment.missing_spellings(path, columns, "quantity") == ["", "NA"]
    assert segment.missing_spellings(path, columns, None) == ["", "NA"]
    path.write_text("t,i,j,k,v,q\n2020,8,4,20442,212.489,151.689\n")
    assert segment.missing_spellings(path, columns, "q") == ["", "NA"]


rows = st.lists(
    st.tuples(
        st.sampled_from(CODES),
        st.sampled_from(CODES),
        st.sampled_from([10121, 841181, 851762, 854231, 90111, 300490]),
        st.integers(0, 10**9).map(lambda v: f"{v / 1000:.3f}"),
        st.one_of(
            st.just(""),
            st.just("NA"),
            st.just("         NA"),
            st.integers(0, 10**6).map(lambda q: f"{q / 1000:.3f}"),
        ),
    ),
    min_size=1,
    max_size=40,
    unique_by=lambda r: r[:3],
).filter(lambda rs: all(r[0] != r[1] for r in rs))


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows)
def test_a_segment_reads_as_the_rows_of_the_same_file(tmp_path_factory, monkeypatch, rows):
    tmp = tmp_path_factory.mktemp("segment")
    path = write_csv(tmp / "BACI_HS17_Y2020_V202301.csv", "tijkvq",
                     [(2020, *r[:3], r[3], r[4]) for r in rows])  # fmt: skip
    with hitex.open(tmp / "segment.duckdb") as s:
        (r,) = s.load([path], format="baci")
        assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (len(rows), len(rows), 0)
        assert _segments(s) == [r.id]
        got = _flows(s)
    # Every dollar once: BACI's thousands, summed by hand from the file.
    assert got["value_usd"].sum() == pytest.approx(sum(float(r[3]) * 1000 for r in rows))
    pd.testing.assert_frame_equal(got, _as_rows(tmp, path, monkeypatch))


def test_one_refused_record_loads_the_file_as_rows_with_its_reject(session, tmp_path):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, 643, 999, 841181, "20", "1"),  # no country 999
        (2020, 643, 699, 851762, "30", "NA"),
    ])  # fmt: skip
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3, 2, 1)
    assert _segments(session) == []
    assert session.rejects(r.id)[["line", "reason"]].values.tolist() == [
        [3, "unknown partner '999'"]
    ]
    assert _flows(session)["value_usd"].tolist() == [10_000.0, 30_000.0]


def test_imports_of_a_segment_are_the_exporters_exports(session, tmp_path):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, 842, 156, 851762, "2.5", ""),
        (2020, 156, 643, 854231, "7", "1"),
    ])  # fmt: skip
    session.load([path], format="baci")
    assert len(_segments(session)) == 1
    got = session.table(reporter="CHN", flow="import", year=2020, by=["partner"])
    assert got.set_index("partner")["value_usd"].to_dict() == {"RUS": 10_000.0, "USA": 2_500.0}
    exports = session.table(reporter="RUS", year=2020, by=["product"])
    assert exports.set_index("product")["value_usd"].to_dict() == {"841181": 10_000.0}


def _year(tmp_path: Path, name: str, value: str) -> Path:
    return write_csv(tmp_path / name, "tijkvq", [
        (2020, 643, 156, 841181, value, "1"),
        (2020, 643, 699, 10121, value, "2"),
    ])  # fmt: skip


def test_a_revision_folds_the_segment_and_keeps_the_old_flows(session, tmp_path):
    (first,) = session.load([_year(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
    assert _segments(session) == [first.id]
    later = _year(tmp_path, "BACI_HS17_Y2020_V202401.csv", "3")
    (refused,) = session.load([later], format="baci")
    assert (refused.rows_loaded, refused.rows_rejected) == (0, 2)
    assert set(session.rejects(refused.id)["reason"]) == {
        f"already loaded by load {first.id} (load with --revise to replace it)"
    }
    assert _segments(session) == [first.id]  # refusing changes nothing
    later = _year(tmp_path, "BACI_HS17_Y2020_V202402.csv", "4")
    (revised,) = session.load([later], format="baci", revise=True)
    assert (revised.rows_loaded, revised.rows_revised) == (2, 2)
    assert _segments(session) == []
    assert _flows(session)["value_usd"].tolist() == [4_000.0, 4_000.0]
    old = session.warehouse.sql("SELECT value_usd, load_id, replaced_by FROM revisions")
    assert old.values.tolist() == [[1_000.0, first.id, revised.id]] * 2


def test_the_same_file_again_is_skipped(session, tmp_path):
    path = _year(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")
    (first,) = session.load([path], format="baci")
    (again,) = session.load([path], format="baci")
    assert again.status == "skipped"
    assert f"was loaded as load {first.id}" in again.message
    assert _segments(session) == [first.id]
    assert len(_flows(session)) == 2


def test_a_warehouse_of_an_earlier_hitex_opens_with_its_flows(tmp_path):
    path = tmp_path / "old.duckdb"
    with hitex.open(path) as s:
        s.load([_year(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        before = _flows(s)
    # Earlier warehouses kept every flow in a table named flows, and had no segments.
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE old__ AS SELECT * FROM flows")
        (relation,) = con.execute("SELECT relation FROM segments").fetchone()
        for statement in ("DROP VIEW trade", "DROP VIEW flows", "DROP TABLE segments",
                          f"DROP TABLE {relation}_products", f"DROP TABLE {relation}",
                          "DROP TABLE flow_rows", "ALTER TABLE old__ RENAME TO flows"):  # fmt: skip
            con.execute(statement)
    with hitex.open(path) as s:
        pd.testing.assert_frame_equal(_flows(s), before)
        kinds = s.warehouse.sql(
            "SELECT table_name FROM duckdb_tables() WHERE table_name IN ('flows', 'flow_rows')"
        )
        assert kinds["table_name"].tolist() == ["flow_rows"]
        got = s.table(reporter="RUS", year=2020, by=["partner"])
        assert got.set_index("partner")["value_usd"].to_dict() == {"CHN": 1_000.0, "IND": 1_000.0}


def test_a_file_that_is_not_utf8_after_a_utf8_start_loads_transcoded(session, tmp_path):
    # 3,000 ASCII lines (more than the first bytes looked at), then one in Windows-1251.
    path = tmp_path / "moscow.csv"
    lines = ["year,reporter,partner,flow,product,value_usd,note"]
    lines += [f"2020,RU-MOW,CHN,export,841181,{i},ok" for i in range(1, 3001)]
    lines.append("2020,RU-MOW,IND,export,851762,7,поставка")
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1251"))
    (r,) = session.load([path], format="flows")
    assert (r.status, r.rows_read, r.rows_loaded, r.rows_rejected) == ("loaded", 3001, 3001, 0)
    total = session.warehouse.sql("SELECT sum(value_usd) AS v FROM flows")["v"].iloc[0]
    assert total == sum(range(1, 3001)) + 7
    loads = session.loads()
    assert loads["status"].tolist() == ["loaded"]


@pytest.mark.parametrize(
    ("reporter", "partner", "reason"),
    [
        (0, 156, "reporter '0' is an aggregate, not a reporter"),
        (643, 99, "unknown partner '99'"),
    ],
)
def test_a_country_check_of_the_distinct_codes_sends_the_file_down_the_careful_path(
    session, tmp_path, reporter, partner, reason
):
    # The segment checks countries once per distinct code after the write; a file failing
    # one is loaded as rows, and the record is refused with the reason the rows load gives.
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, reporter, partner, 851762, "30", "NA"),
    ])  # fmt: skip
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (2, 1, 1)
    assert _segments(session) == []
    assert session.rejects(r.id)[["line", "reason"]].values.tolist() == [[3, reason]]
    assert _flows(session)["value_usd"].tolist() == [10_000.0]


def test_a_record_to_the_world_is_a_total_and_not_a_segment(session, tmp_path):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, 643, 0, 841181, "25", "NA"),  # partner World: a total of the product
    ])  # fmt: skip
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (2, 2, 0)
    assert _segments(session) == []
    world = session.warehouse.sql(
        "SELECT partner, value_usd FROM trade WHERE reporter = 'RUS' ORDER BY partner"
    ).values.tolist()
    # What the total holds beyond China's 10 (thousand) is unallocated.
    assert world == [["CHN", 10_000.0], ["WLD", 15_000.0]]


@pytest.mark.parametrize("limit", [None, "2GB"])
def test_a_segment_load_restores_duckdbs_settings(session, tmp_path, limit):
    con = session.warehouse.con
    if limit:
        con.execute(f"SET memory_limit = '{limit}'")
    names = ("memory_limit", "preserve_insertion_order")
    before = [con.execute(f"SELECT current_setting('{n}')").fetchall()[0][0] for n in names]
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq",
                     [(2020, 643, 156, 841181, "10", "1")])  # fmt: skip
    (r,) = session.load([path], format="baci")
    assert _segments(session) == [r.id]
    after = [con.execute(f"SELECT current_setting('{n}')").fetchall()[0][0] for n in names]
    assert after == before
    # Its lookups: the codes of the format's countries, and the file's products.
    tables = set(session.warehouse.sql("SELECT table_name FROM duckdb_tables()")["table_name"])
    assert {f"segment_{r.id}", f"segment_{r.id}_countries", f"segment_{r.id}_products"} <= tables


def _limit_while_writing(session, tmp_path, monkeypatch, rows=None) -> list[str]:
    """DuckDB's memory limit as the segment's write sees it, loading ``rows`` (one record)."""
    seen = []
    real = segment.write

    def write(con, *args):
        seen.append(con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])
        return real(con, *args)

    monkeypatch.setattr(segment, "write", write)
    rows = rows or [(2020, 643, 156, 841181, "10", "1")]
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", rows)
    (r,) = session.load([path], format="baci")
    assert (r.rows_loaded, _segments(session)) == (len(rows), [r.id])
    return seen


def test_a_load_alone_holds_duckdb_to_the_budget_while_it_writes(session, tmp_path, monkeypatch):
    monkeypatch.setenv("HITEX_LOAD_MEMORY", "48MB")
    assert _limit_while_writing(session, tmp_path, monkeypatch) == ["45.7 MiB"]  # 48 MB


def test_the_default_budget_is_32_mb_for_each_of_duckdbs_threads(session, tmp_path, monkeypatch):
    monkeypatch.delenv("HITEX_LOAD_MEMORY", raising=False)
    session.warehouse.con.execute("SET threads = 3")
    try:
        assert _limit_while_writing(session, tmp_path, monkeypatch) == ["91.5 MiB"]  # 96 MB
    finally:
        session.warehouse.con.execute("RESET threads")


def test_the_budget_leaves_out_the_tables_account_of_the_files_records(
    session, tmp_path, monkeypatch
):
    # 30,000 records: at 400 bytes a record the table's account is 12 MB of 64 (2 threads).
    monkeypatch.delenv("HITEX_LOAD_MEMORY", raising=False)
    monkeypatch.setattr(segment, "TABLE_ACCOUNT_PER_RECORD", 400)
    rows = [(2020, 643, 156, 100000 + i, "10", "1") for i in range(30_000)]
    # The checkpoint after the commit runs within the same budget, for the records written.
    budgets = []
    real_budget = segment.budget

    def budget(con, **kwargs):
        budgets.append(kwargs.get("records"))
        return real_budget(con, **kwargs)

    monkeypatch.setattr(segment, "budget", budget)
    session.warehouse.con.execute("SET threads = 2")
    try:
        seen = _limit_while_writing(session, tmp_path, monkeypatch, rows)
    finally:
        session.warehouse.con.execute("RESET threads")
    assert seen == ["49.5 MiB"]  # 52 MB
    assert budgets[0] == pytest.approx(30_000, rel=0.02)  # estimated from the file's head
    assert budgets[1:] == [30_000]


@pytest.mark.parametrize(
    ("text", "records"),
    [(b"t,i\n", 0), (b"t,i\n1,2\n", 1), (b"t,i\n1,2\n3,4", 2), (b"", 0)],
)
def test_a_small_files_records_are_counted(tmp_path, text, records):
    path = tmp_path / "f.csv"
    path.write_bytes(text)
    assert segment.estimated_records(path) == records


def test_a_budget_too_small_for_duckdb_is_the_users_error_and_changes_nothing(
    session, tmp_path, monkeypatch
):
    con = session.warehouse.con
    limit = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    path = shutil.copy(FIXTURES / "baci" / "BACI_HS22_Y2022_V202401b_head.csv", tmp_path)
    monkeypatch.setenv("HITEX_LOAD_MEMORY", "1MB")
    # DuckDB runs out of memory mid-write, which aborts the load's transaction: the
    # settings still come back, and the user reads one sentence, not a bug's traceback.
    with pytest.raises(InputError, match=r"HITEX_LOAD_MEMORY='1MB' is too little memory"):
        session.load([path], format="baci")
    assert con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0] == limit
    assert session.warehouse.sql("SELECT count(*) AS n FROM flows")["n"].item() == 0
    assert session.loads()["status"].tolist() == ["failed"]
    monkeypatch.delenv("HITEX_LOAD_MEMORY")
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.status) == (9, 9, "loaded")


def test_a_load_beside_readers_of_the_same_database_changes_no_setting(
    session, tmp_path, monkeypatch
):
    # DuckDB's settings are the database's: a memory limit set for a load would hold the
    # readers of hitex serve to it too. A warehouse that has handed out cursors sets none.
    monkeypatch.setenv("HITEX_LOAD_MEMORY", "48MB")
    reader = session.warehouse.cursor()
    limit = reader.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    assert limit != "45.7 MiB"
    assert _limit_while_writing(session, tmp_path, monkeypatch) == [limit]


def test_a_budget_that_is_no_amount_of_memory_is_the_users_error(session, tmp_path, monkeypatch):
    monkeypatch.setenv("HITEX_LOAD_MEMORY", "lots")
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq",
                     [(2020, 643, 156, 841181, "10", "1")])  # fmt: skip
    with pytest.raises(InputError, match=r"HITEX_LOAD_MEMORY='lots' is not an amount of memory"):
        session.load([path], format="baci")
    monkeypatch.delenv("HITEX_LOAD_MEMORY")
    # Nothing of the failed load stays, and the same file then loads.
    assert session.warehouse.sql("SELECT count(*) AS n FROM flows")["n"].tolist() == [0]
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded) == (1, 1)
