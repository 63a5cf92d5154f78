"""BACI years through the one load plan: figures computed by hand from the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
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


def test_real_baci_lines_load(session, tmp_path):
    real = FIXTURES / "baci" / "BACI_HS22_Y2022_V202401b_head.csv"
    path = shutil.copy(real, tmp_path / real.name)
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (9, 9, 0)
    got = _flows(session)
    # The first line: 2022,4,20,210610,        0.357,        0.002 (Afghanistan to Andorra).
    first = got[(got["product"] == "210610")].iloc[0]
    assert (first["reporter"], first["partner"], first["classification"]) == ("AFG", "AND", "HS22")
    assert first["value_usd"] == pytest.approx(357.0)
    assert (first["quantity"], first["unit"], first["flow"]) == (0.002, "t", "export")


def _padded(fields: tuple[object, ...], width: int = 13) -> str:
    """A BACI line as CEPII writes it: value and quantity right-aligned in ``width``."""
    *codes, v, q = fields
    return ",".join([*map(str, codes), str(v).rjust(width), str(q).rjust(width)])


def test_a_quantity_missing_as_baci_writes_it_loads(session, tmp_path):
    # The real lines, then quantities missing as the same file writes them: NA in the
    # width of its other numbers (13 characters), after the first 64 KB too.
    real = (FIXTURES / "baci" / "BACI_HS22_Y2022_V202401b_head.csv").read_text()
    extra = [_padded((2022, 4, 699, 100000 + n, "1.5", "NA")) for n in range(3000)]
    path = tmp_path / "BACI_HS22_Y2022_V202401b.csv"
    path.write_text(real + "\n".join(extra) + "\n")
    assert path.stat().st_size > 1 << 16
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3009, 3009, 0)
    got = _flows(session)
    missing = got[got["partner"] == "IND"]
    assert len(missing) == 3000
    assert missing["quantity"].isna().all()
    assert missing["unit"].isna().all()
    assert missing["value_usd"].sum() == pytest.approx(3000 * 1500.0)


@pytest.mark.parametrize(
    "spelling",
    [
        pytest.param("NA".rjust(9), id="NA padded otherwise than the file's numbers"),
        pytest.param("n/a", id="n/a"),
        pytest.param("NaN", id="NaN, which DuckDB reads as a number"),
    ],
)
def test_a_quantity_missing_spelled_otherwise_is_missing_either_way(session, tmp_path, spelling):
    lines = [_padded((2020, 643, 156, 100000 + n, "2", "1.25")) for n in range(3000)]
    lines.append(f"2020,643,699,851762,{'30'.rjust(13)},{spelling}")
    path = tmp_path / "BACI_HS17_Y2020_V202301.csv"
    path.write_text("t,i,j,k,v,q\n" + "\n".join(lines) + "\n")
    (r,) = session.load([path], format="baci")
    # Every record is kept; the last has no quantity, and so no unit.
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3001, 3001, 0)
    got = _flows(session)
    india = got[got["partner"] == "IND"].iloc[0]
    assert india["value_usd"] == 30_000.0
    assert pd.isna(india["quantity"])
    assert pd.isna(india["unit"])
    assert got["quantity"].sum() == pytest.approx(3000 * 1.25)


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
def test_a_baci_year_reads_as_the_file_holds_it(tmp_path_factory, rows):
    tmp = tmp_path_factory.mktemp("baci")
    path = write_csv(tmp / "BACI_HS17_Y2020_V202301.csv", "tijkvq",
                     [(2020, *r[:3], r[3], r[4]) for r in rows])  # fmt: skip
    with hitex.open(tmp / "baci.duckdb") as s:
        (r,) = s.load([path], format="baci")
        assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (len(rows), len(rows), 0)
        got = _flows(s)
    # Every dollar once: BACI's thousands, summed by hand from the file.
    assert got["value_usd"].sum() == pytest.approx(sum(float(r[3]) * 1000 for r in rows))


def test_one_refused_record_loads_the_file_as_rows_with_its_reject(session, tmp_path):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, 643, 999, 841181, "20", "1"),  # no country 999
        (2020, 643, 699, 851762, "30", "NA"),
    ])  # fmt: skip
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3, 2, 1)
    assert session.rejects(r.id)[["line", "reason"]].values.tolist() == [
        [3, "unknown partner '999'"]
    ]
    assert _flows(session)["value_usd"].tolist() == [10_000.0, 30_000.0]


def test_imports_of_a_baci_year_are_the_exporters_exports(session, tmp_path):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, 842, 156, 851762, "2.5", ""),
        (2020, 156, 643, 854231, "7", "1"),
    ])  # fmt: skip
    session.load([path], format="baci")
    got = session.table(reporter="CHN", flow="import", year=2020, by=["partner"])
    assert got.set_index("partner")["value_usd"].to_dict() == {"RUS": 10_000.0, "USA": 2_500.0}
    exports = session.table(reporter="RUS", year=2020, by=["product"])
    assert exports.set_index("product")["value_usd"].to_dict() == {"841181": 10_000.0}


def _year(tmp_path: Path, name: str, value: str) -> Path:
    return write_csv(tmp_path / name, "tijkvq", [
        (2020, 643, 156, 841181, value, "1"),
        (2020, 643, 699, 10121, value, "2"),
    ])  # fmt: skip


def test_a_revision_replaces_the_files_and_keeps_the_old_flows(session, tmp_path):
    (first,) = session.load([_year(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
    later = _year(tmp_path, "BACI_HS17_Y2020_V202401.csv", "3")
    (refused,) = session.load([later], format="baci")
    assert (refused.rows_loaded, refused.rows_rejected) == (0, 2)
    assert set(session.rejects(refused.id)["reason"]) == {
        f"already loaded by load {first.id} (load with --revise to replace it)"
    }
    later = _year(tmp_path, "BACI_HS17_Y2020_V202402.csv", "4")
    (revised,) = session.load([later], format="baci", revise=True)
    assert (revised.rows_loaded, revised.rows_revised) == (2, 2)
    assert _flows(session)["value_usd"].tolist() == [4_000.0, 4_000.0]
    old = session.warehouse.sql("SELECT value_usd, load_id, replaced_by FROM revisions")
    assert old.values.tolist() == [[1_000.0, first.id, revised.id]] * 2


def test_the_same_file_again_is_skipped(session, tmp_path):
    path = _year(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")
    (first,) = session.load([path], format="baci")
    (again,) = session.load([path], format="baci")
    assert again.status == "skipped"
    assert f"was loaded as load {first.id}" in again.message
    assert len(_flows(session)) == 2


@pytest.mark.parametrize("kind", ["flows table", "flow_rows and segments"])
def test_a_warehouse_of_an_earlier_hitex_opens_with_its_flows(tmp_path, kind):
    path = tmp_path / "old.duckdb"
    with hitex.open(path) as s:
        (r,) = s.load([_year(tmp_path, "BACI_HS17_Y2020_V202301.csv", "1")], format="baci")
        before = _flows(s)
    # Earlier warehouses kept every flow in DuckDB: a table named flows, later a table
    # flow_rows beside one table per segment, read through a view flows.
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE old__ AS SELECT * FROM flows")
        shutil.rmtree(tmp_path / "old.duckdb.data")
        for statement in ("DROP VIEW trade", "DROP VIEW flows", "DELETE FROM record_files",
                          "DELETE FROM commits"):  # fmt: skip
            con.execute(statement)
        if kind == "flows table":
            con.execute("ALTER TABLE old__ RENAME TO flows")
        else:
            con.execute("ALTER TABLE old__ RENAME TO flow_rows")
            con.execute("CREATE TABLE segments (load_id INTEGER, relation VARCHAR, "
                        "type VARCHAR, rows_sql VARCHAR)")  # fmt: skip
            con.execute("CREATE VIEW flows AS SELECT * FROM flow_rows")
    with hitex.open(path) as s:
        pd.testing.assert_frame_equal(_flows(s), before)
        kinds = s.warehouse.sql(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE table_name IN ('flows', 'flow_rows', 'segments')"
        )
        assert kinds["table_name"].tolist() == []
        (live,) = s.warehouse.spark_files()["flows"]
        assert f"/load={r.id}/" in live
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
def test_a_country_check_refuses_the_record_with_its_line(
    session, tmp_path, reporter, partner, reason
):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, reporter, partner, 851762, "30", "NA"),
    ])  # fmt: skip
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (2, 1, 1)
    assert session.rejects(r.id)[["line", "reason"]].values.tolist() == [[3, reason]]
    assert _flows(session)["value_usd"].tolist() == [10_000.0]


def test_a_record_to_the_world_is_a_total(session, tmp_path):
    path = write_csv(tmp_path / "BACI_HS17_Y2020_V202301.csv", "tijkvq", [
        (2020, 643, 156, 841181, "10", "1"),
        (2020, 643, 0, 841181, "25", "NA"),  # partner World: a total of the product
    ])  # fmt: skip
    (r,) = session.load([path], format="baci")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (2, 2, 0)
    world = session.warehouse.sql(
        "SELECT partner, value_usd FROM trade WHERE reporter = 'RUS' ORDER BY partner"
    ).values.tolist()
    # What the total holds beyond China's 10 (thousand) is unallocated.
    assert world == [["CHN", 10_000.0], ["WLD", 15_000.0]]
