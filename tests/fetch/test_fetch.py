"""hitex fetch against a local server on 127.0.0.1 replaying recorded answers (data/SOURCE.md)."""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import hitex
from hitex.cli import app
from hitex.fetch import comtrade as ct
from hitex.fetch import wdi
from hitex.fetch.http import Client, FetchError
from hitex.ingest import archive
from hitex.reference.countries import trade_codes_frame
from tests.fetch.server import DATA, FIXTURES, GOOD_KEY, SPENT_KEY, Replay, Server


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """The replaying server; hitex pointed at it, with its own cache and no key."""
    with Server(Replay()) as s:
        monkeypatch.setenv("HITEX_COMTRADE_URL", s.url)
        monkeypatch.setenv("HITEX_BACI_URL", f"{s.url}/DATA_DOWNLOAD/baci/data")
        monkeypatch.setenv("HITEX_WDI_URL", s.url)
        monkeypatch.setenv("HITEX_CACHE", str(tmp_path / "cache"))
        monkeypatch.delenv("COMTRADE_KEY", raising=False)
        yield s


def run(db: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["--db", str(db), *args], env=env)


def data_requests(server: Server) -> list[dict[str, str]]:
    return [p for path, p, _ in server.replay.log if "/v1/" in path]


def baci_zip(path: Path, *, countries: str | None = None, skip: str = "") -> Path:
    """A BACI release zip built from data/baci (constructed, see SOURCE.md)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for f in sorted((DATA / "baci").glob("*.csv")):
            if skip and skip in f.name:
                continue
            text = f.read_text()
            if countries is not None and f.name.startswith("country_codes"):
                text = countries
            z.writestr(f.name, text)
    return path


def raw_8542() -> pd.DataFrame:
    """The recorded answer (CSV) read by pandas: China's imports of 8542 from the USA."""
    raw = pd.read_csv(FIXTURES / "chn_imports_usa_8542_2010_2024.csv")
    return raw[(raw["partner2Code"] == 0) & (raw["motCode"] == 0) & (raw["customsCode"] == "C00")]


# -- UN Comtrade ----------------------------------------------------------------------------
def test_preview_without_key_loads_and_matches_the_raw_answer(server, tmp_path):
    db = tmp_path / "w.duckdb"
    r = run(db, "fetch", "comtrade", "--reporter", "CHN", "--years", "2010", "--partner",
            "ARG,DEU", "--cmd", "TOTAL", "--load")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "No Comtrade key" in r.output
    (asked,) = data_requests(server)
    assert server.replay.log[0][0] == "/public/v1/preview/C/A/HS"
    assert asked["reporterCode"] == "156"
    assert asked["partnerCode"] == "32,276"
    assert asked["period"] == "2010"
    assert asked["cmdCode"] == "TOTAL"
    assert "Ocp-Apim-Subscription-Key" not in server.replay.log[0][2]
    raw = pd.DataFrame(
        json.loads((FIXTURES / "chn_2010_total_by_partner.json").read_text())["data"]
    )
    want = raw.groupby("flowCode")["primaryValue"].sum()
    with hitex.open(db) as s:
        got = s.warehouse.con.execute(
            "SELECT flow, sum(value_usd) FROM flows GROUP BY flow"
        ).fetchall()
    assert dict(got) == {"export": want["X"], "import": want["M"]}


def test_key_asks_final_data_in_the_header_and_caches_by_request(server, tmp_path):
    args = ["fetch", "comtrade", "--reporter", "China", "--years", "2010", "--flow", "M",
            "--partner", "USA", "--cmd", "8542", "--key", GOOD_KEY]  # fmt: skip
    r = run(tmp_path / "w.duckdb", *args)
    assert r.exit_code == 0, r.output
    path, params, headers = server.replay.log[0]
    assert path == "/data/v1/get/C/A/HS"
    assert headers["Ocp-Apim-Subscription-Key"] == GOOD_KEY
    assert GOOD_KEY not in json.dumps(params)
    assert params["flowCode"] == "M"
    assert params["partnerCode"] == "842"
    cached = list((tmp_path / "cache" / "comtrade").glob("final_*.json"))
    assert len(cached) == 1
    assert GOOD_KEY not in cached[0].name
    # Asked again: read from the cache, no second request.
    r = run(tmp_path / "w.duckdb", *args)
    assert r.exit_code == 0, r.output
    assert len(server.replay.log) == 1
    assert "1 from the cache" in r.output


def test_split_of_a_request_larger_than_the_record_limit(server, tmp_path):
    db = tmp_path / "w.duckdb"
    r = run(db, "fetch", "comtrade", "--reporter", "156", "--years", "2010-2024", "--flow", "M",
            "--partner", "842", "--cmd", "8542", "--max-records", "5", "--key", GOOD_KEY,
            "--load")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "goods of CHN in 2010-2021 (flow M): more than 5 records, split in 12" in r.output
    periods = [p["period"] for p in data_requests(server)]
    # 15 years: the API takes 12 periods at most; each full answer (5 = the limit) is split
    # by year, the answer of 3 years is whole.
    assert periods[0] == ",".join(str(y) for y in range(2010, 2022))
    assert [p for p in periods if "," not in p] == [str(y) for y in range(2010, 2022)]
    assert periods[-1] == "2022,2023,2024"
    raw = raw_8542()
    with hitex.open(db) as s:
        got = s.warehouse.con.execute(
            "SELECT year, sum(value_usd) FROM flows GROUP BY year ORDER BY year"
        ).df()
    want = raw.groupby("refYear")["primaryValue"].sum()
    assert list(got["year"]) == list(want.index)
    assert got["sum(value_usd)"].tolist() == pytest.approx(want.tolist(), rel=1e-12)
    # The 13 answers load as one, in one transaction; fetched again: from the cache, and the
    # same combined answer is recognised as loaded.
    assert "load 1: combined_" in r.output
    assert "load 2" not in r.output
    asked = len(server.replay.log)
    again = run(db, "fetch", "comtrade", "--reporter", "156", "--years", "2010-2024", "--flow",
                "M", "--partner", "842", "--cmd", "8542", "--max-records", "5", "--key",
                GOOD_KEY, "--load")  # fmt: skip
    assert again.exit_code == 0, again.output
    assert len(server.replay.log) == asked
    assert "from the cache" in again.output
    with hitex.open(db) as s:
        assert s.warehouse.con.execute("SELECT count(*) FROM flows").fetchone() == (len(raw),)


def test_an_answer_at_the_limit_that_cannot_be_split_is_refused(server, tmp_path):
    r = run(tmp_path / "w.duckdb", "fetch", "comtrade", "--reporter", "CHN", "--years", "2010",
            "--flow", "M", "--partner", "USA", "--cmd", "8542", "--max-records", "1")  # fmt: skip
    assert r.exit_code == 1
    assert "holds 1 records, the most one request without a key may hold" in r.output
    assert list((tmp_path / "cache" / "comtrade").glob("*.json")) == []


def test_bad_key_is_one_sentence(server, tmp_path):
    r = run(tmp_path / "w.duckdb", "fetch", "comtrade", "--reporter", "CHN", "--years", "2010",
            "--key", "not-a-key")  # fmt: skip
    assert r.exit_code == 1
    assert (
        r.output.strip()
        .splitlines()[-1]
        .startswith(
            "Error: UN Comtrade refused the subscription key (401: Access denied due to invalid "
            "subscription key."
        )
    )
    assert "Traceback" not in r.output


def test_bulk_without_key_and_spent_quota(server, tmp_path):
    r = run(tmp_path / "w.duckdb", "fetch", "comtrade", "--reporter", "ARG", "--years", "1962",
            "--bulk")  # fmt: skip
    assert r.exit_code == 1
    assert "bulk files need a subscription key: set COMTRADE_KEY" in r.output
    assert server.replay.log == []
    r = run(tmp_path / "w.duckdb", "fetch", "comtrade", "--reporter", "CHN", "--years", "2010",
            env={"COMTRADE_KEY": SPENT_KEY})  # fmt: skip
    assert r.exit_code == 1
    assert (
        "quota is used up (403: Out of call volume quota. Quota will be replenished in "
        "03:30:56.)" in r.output
    )


def test_429_waits_as_retry_after_says(server, tmp_path):
    server.replay.throttle = 2
    server.replay.retry_after = "1"
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    client = Client("UN Comtrade", cache=tmp_path / "cache", sleep=sleep,
                    headers={"Ocp-Apim-Subscription-Key": GOOD_KEY})  # fmt: skip
    request = ct.Request("C", "A", "HS", "156", ("2010",), ("M",), ("842",), ("8542",))
    answer = ct.fetch(request, key=GOOD_KEY, client=client)
    assert waits == [1.0, 1.0]
    assert answer.records == 1
    assert len(server.replay.log) == 3
    # The recorded answer's own Retry-After (2 s) and too many 429s: one sentence.
    server.replay.throttle, server.replay.retry_after = 10, None
    client = Client("UN Comtrade", cache=tmp_path / "other", sleep=waits.append, retries=2)
    with pytest.raises(
        FetchError,
        match=r"answered 429 \(too many requests\) 3 times: Rate "
        r"limit is exceeded. Try again in 2 seconds. Try again later.",
    ):
        ct.fetch(request, key=GOOD_KEY, client=client)
    assert waits[2:] == [2.0, 2.0]


def test_no_data_for_that_reporter_and_year(server, tmp_path):
    r = run(tmp_path / "w.duckdb", "fetch", "comtrade", "--reporter", "RUS", "--years",
            "2019-2020", "--type", "services", "--load")  # fmt: skip
    assert r.exit_code == 1
    assert "No data: UN Comtrade has no services of RUS in 2019,2020" in r.output
    assert (
        "Error: UN Comtrade has no services of RUS in 2019,2020 (flow every flow); nothing "
        "to load." in r.output
    )
    assert data_requests(server)[0]["reporterCode"] == "643"


def test_bulk_file_downloaded_unpacked_and_loaded(server, tmp_path):
    db = tmp_path / "w.duckdb"
    r = run(db, "fetch", "comtrade", "--reporter", "ARG", "--years", "1962", "--bulk",
            "--key", GOOD_KEY, "--load")  # fmt: skip
    assert r.exit_code == 0, r.output
    paths = [p for p, _, _ in server.replay.log]
    assert paths == ["/bulk/v1/get/C/A/HS",
                     "/bulk/v1/file/32/b07f98ee4cfb477c5b86923bbf159d48ca519ccb35c35865b3578b075fc918fb"]  # fmt: skip
    (text,) = (tmp_path / "cache" / "comtrade" / "bulk").glob("*.txt")
    raw = pd.read_csv(text, sep="\t")
    with hitex.open(db) as s:
        total = s.warehouse.con.execute("SELECT sum(value_usd), count(*) FROM flows").fetchone()
    detail = raw[(raw["partner2Code"] == 0)]
    assert total == (pytest.approx(detail["primaryValue"].sum(), rel=1e-12), len(detail))


def test_request_building_from_bundled_lists():
    assert ct.country_code("Russia") == ("643", "RUS")
    assert ct.country_code("France") == ("251", "FRA")  # Comtrade's own code, not ISO 250
    assert ct.country_code("IND") == ("699", "IND")
    assert ct.country_code("0", role="partner") == ("0", "World")
    assert ct.classification_code("HS17", "C") == "H5"
    assert ct.flow_codes("export,M") == ("X", "M")
    assert ct.periods([2020], "M", [1, 2]) == ["202001", "202002"]
    with pytest.raises(hitex.errors.InputError, match="not one of services"):
        ct.classification_code("HS", "S")


# -- CEPII BACI -----------------------------------------------------------------------------
def test_release_zip_loads_every_year_with_figures_of_the_raw_files(tmp_path):
    path = baci_zip(tmp_path / "BACI_HS17_V202401b.zip")
    db = tmp_path / "w.duckdb"
    r = run(db, "load", str(path), "--format", "baci")
    assert r.exit_code == 0, r.output
    con = duckdb.connect()
    want = {}
    for f in sorted((DATA / "baci").glob("BACI_*.csv")):
        rows = con.execute(
            f"SELECT t, sum(CAST(trim(v) AS DOUBLE)) * 1000, count(*) FROM read_csv('{f}', all_varchar=true, "
            "header=true) GROUP BY t"
        ).fetchall()  # DuckDB reads the raw file on its own
        want |= {int(t): (v, n) for t, v, n in rows}
    with hitex.open(db) as s:
        got = s.warehouse.con.execute(
            "SELECT year, sum(value_usd), count(*) FROM flows GROUP BY year"
        ).fetchall()
        classes = s.warehouse.con.execute("SELECT DISTINCT classification FROM flows").fetchall()
    assert {y: (pytest.approx(v, rel=1e-12), n) for y, v, n in got} == want
    assert classes == [("HS17",)]


def test_release_zip_years_option_and_missing_year(tmp_path):
    path = baci_zip(tmp_path / "BACI_HS17_V202401b.zip")
    db = tmp_path / "w.duckdb"
    r = run(db, "load", str(path), "--format", "baci", "--years", "2022")
    assert r.exit_code == 0, r.output
    with hitex.open(db) as s:
        assert s.warehouse.con.execute("SELECT DISTINCT year FROM flows").fetchall() == [(2022,)]
    r = run(db, "load", str(path), "--format", "baci", "--years", "2019-2020")
    assert r.exit_code == 1
    assert "BACI_HS17_V202401b.zip has no year 2019, 2020; it has 2021, 2022." in r.output


def test_release_whose_country_list_disagrees_loads_nothing(tmp_path):
    countries = "country_code,country_name,country_iso2,country_iso3\n842,Canada,CA,CAN\n"
    path = baci_zip(tmp_path / "BACI_HS17_V202401b.zip", countries=countries)
    db = tmp_path / "w.duckdb"
    r = run(db, "load", str(path), "--format", "baci")
    assert r.exit_code == 1
    assert (
        "country_codes_V202401b.csv gives code 842 as CAN, where hitex's country table has "
        "USA; nothing was loaded." in r.output
    )
    with hitex.open(db) as s:
        assert s.warehouse.con.execute("SELECT count(*) FROM flows").fetchone() == (0,)


def test_a_zip_that_is_no_release_or_another_format(tmp_path):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "x")
    r = run(tmp_path / "w.duckdb", "load", str(path), "--format", "baci")
    assert r.exit_code == 1
    assert "other.zip holds no BACI year file" in r.output
    r = run(tmp_path / "w.duckdb", "load", str(path), "--format", "comtrade")
    assert r.exit_code == 1
    assert "loads zips that are BACI releases (--format baci)" in r.output


def test_fetch_baci_resumes_an_interrupted_download_then_loads(server, tmp_path):
    body = baci_zip(tmp_path / "src.zip").read_bytes()
    server.replay.files["BACI_HS17_V202401b.zip"] = body
    server.replay.cut = len(body) // 2
    db = tmp_path / "w.duckdb"
    args = ["fetch", "baci", "--release", "V202401b", "--hs", "HS17"]
    r = run(db, *args)
    assert r.exit_code == 1
    assert "was interrupted at" in r.output or "stopped at" in r.output
    assert "run the command again to continue it" in r.output
    part = tmp_path / "cache" / "baci" / "BACI_HS17_V202401b.zip.part"
    assert part.stat().st_size == len(body) // 2
    r = run(db, *args, "--years", "2021", "--load")
    assert r.exit_code == 0, r.output
    last = server.replay.log[-1][2]
    assert last["Range"] == f"bytes={len(body) // 2}-"
    kept = tmp_path / "cache" / "baci" / "BACI_HS17_V202401b.zip"
    assert kept.read_bytes() == body
    assert not part.exists()
    with hitex.open(db) as s:
        assert s.warehouse.con.execute("SELECT DISTINCT year FROM flows").fetchall() == [(2021,)]
    # Once downloaded, not asked again.
    asked = len(server.replay.log)
    assert run(db, *args).exit_code == 0
    assert len(server.replay.log) == asked


def test_fetch_baci_unknown_release_is_one_sentence(server, tmp_path):
    r = run(tmp_path / "w.duckdb", "fetch", "baci", "--release", "V202401b", "--hs", "HS12")
    assert r.exit_code == 1
    assert "CEPII has no archive BACI_HS12_V202401b.zip at" in r.output


# -- World Bank WDI -------------------------------------------------------------------------
def test_wdi_series_every_page_written_as_csv(server, tmp_path, monkeypatch):
    monkeypatch.setattr(wdi, "PER_PAGE", 3)
    out = tmp_path / "wdi.csv"
    r = run(tmp_path / "w.duckdb", "fetch", "wdi", "--indicator", "TX.VAL.TECH.CD",
            "--countries", "RUS,China", "--years", "2008-2013", "--out", str(out))  # fmt: skip
    assert r.exit_code == 0, r.output
    pages = [p["page"] for path, p, _ in server.replay.log]
    assert pages == ["1", "2", "3", "4"]  # 12 values, 3 a page
    assert server.replay.log[0][0] == "/v2/country/RUS;CHN/indicator/TX.VAL.TECH.CD"
    got = pd.read_csv(out)
    published = pd.read_csv(DATA / "wdi" / "tx_val_tech_cd_rus_chn_2000_2013.csv")
    long = published.melt(id_vars=["Country Name", "Country Code", "Indicator Name"],
                          var_name="year", value_name="value")  # fmt: skip
    long["year"] = long["year"].astype(int)
    long = long[long["year"].between(2008, 2013)].sort_values(["Country Code", "year"])
    assert got["iso3"].tolist() == long["Country Code"].tolist()
    assert got["year"].tolist() == long["year"].tolist()
    assert got["value"].tolist() == long["value"].tolist()
    assert got.loc[(got["iso3"] == "RUS") & (got["year"] == 2013), "value"].item() == 8655776675


def test_wdi_recorded_answer_and_refused_indicator(server, tmp_path):
    out = tmp_path / "gdp.csv"
    r = run(tmp_path / "w.duckdb", "fetch", "wdi", "--indicator", "NY.GDP.MKTP.CD",
            "--countries", "all", "--out", str(out))  # fmt: skip
    assert r.exit_code == 0, r.output
    raw = json.loads((DATA / "wdi" / "ny_gdp_mktp_cd_2013.json").read_text())[1]
    got = pd.read_csv(out)
    assert got["value"].sum() == pytest.approx(sum(x["value"] for x in raw), rel=1e-15)
    r = run(tmp_path / "w.duckdb", "fetch", "wdi", "--indicator", "NO.SUCH", "--countries", "RUS")
    assert r.exit_code == 1
    assert (
        "The World Bank refused indicator NO.SUCH (Invalid value: The provided parameter "
        "value is not valid)." in r.output
    )


def test_release_code_lists_in_both_layouts(tmp_path):

    new = archive.read_release(baci_zip(tmp_path / "BACI_HS17_V202401b.zip"))
    assert (new.edition, new.release, list(new.years)) == ("HS17", "202401b", [2021, 2022])
    assert archive.release_countries(new)[842] == "USA"
    assert 490 not in archive.release_countries(new)  # S19 is no ISO alpha-3 code
    assert archive.release_products(new)[:2] == ["080211", "081310"]
    # The V202301 layout (the list CEPII shipped in that release, bundled with hitex).
    old_list = Path(archive.__file__).parents[1] / "reference" / "data" / "baci-reference"
    path = tmp_path / "BACI_HS17_V202301.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("BACI_HS17_Y2020_V202301.csv", "t,i,j,k,v,q\n")
        z.write(old_list / "country_codes_V202301.csv", "country_codes_V202301.csv")
        z.write(old_list / "product_codes_HS17_V202301.csv", "product_codes_HS17_V202301.csv")
    old = archive.read_release(path)
    raw = pd.read_csv(old_list / "country_codes_V202301.csv", keep_default_na=False)
    iso = raw[raw["iso_3digit_alpha"].str.fullmatch(r"[A-Z]{3}")]
    assert archive.release_countries(old) == dict(
        zip(iso["country_code"], iso["iso_3digit_alpha"], strict=True)
    )
    assert "010121" in archive.release_products(old)  # written 10121 in the file
    # hitex's own table agrees with that release (its entities keep codes of their own).

    trade = trade_codes_frame()
    assert archive.check_countries(old, dict(zip(trade["code"], trade["iso3"], strict=True))) == []


def test_a_file_changed_since_the_interruption_is_downloaded_whole(server, tmp_path):
    first = baci_zip(tmp_path / "a.zip").read_bytes()
    server.replay.files["BACI_HS17_V202401b.zip"] = first
    server.replay.cut = len(first) // 3
    args = ["fetch", "baci", "--release", "V202401b", "--hs", "HS17"]
    assert run(tmp_path / "w.duckdb", *args).exit_code == 1
    # CEPII replaces the archive (a corrected release under the same name).
    second = baci_zip(tmp_path / "b.zip", skip="Y2021").read_bytes()
    server.replay.files["BACI_HS17_V202401b.zip"] = second
    r = run(tmp_path / "w.duckdb", *args)
    assert r.exit_code == 0, r.output
    headers = server.replay.log[-1][2]
    assert headers["Range"] == f"bytes={len(first) // 3}-"
    assert headers["If-Range"].startswith('"')
    kept = tmp_path / "cache" / "baci" / "BACI_HS17_V202401b.zip"
    assert kept.read_bytes() == second


def test_years_option_is_for_release_zips_only(tmp_path):
    csv = DATA / "baci" / "BACI_HS17_Y2021_V202401b.csv"
    r = run(tmp_path / "w.duckdb", "load", str(csv), "--format", "baci", "--years", "2021")
    assert r.exit_code == 1
    assert "--years chooses the years of a BACI release zip; give one." in r.output


def _cells(request: ct.Request) -> set[tuple[str, str, str, str, str]]:
    """What a request asks: one cell per reporter, period, flow, partner and code."""
    flows = request.flows or tuple(ct.FLOWS.values())
    partners = request.partners or ("*",)
    codes = request.cmd or ("*",)
    return {
        (r, p, f, q, c)
        for r in request.reporter.split(",")
        for p in request.periods
        for f in flows
        for q in partners
        for c in codes
    }


@settings(max_examples=60, deadline=None)
@given(
    reporter=st.sampled_from(["643", "643,156"]),
    periods=st.lists(st.sampled_from(["2019", "2020", "2021"]), min_size=1, unique=True),
    flows=st.lists(st.sampled_from(["X", "M", "RX", "RM"]), max_size=3, unique=True),
    partners=st.one_of(
        st.none(), st.lists(st.sampled_from(["842", "156", "0"]), min_size=1, unique=True)
    ),
    codes=st.lists(st.sampled_from(["8542", "8471", "TOTAL"]), min_size=1, unique=True),
)
def test_a_split_asks_the_same_cells_once(reporter, periods, flows, partners, codes):
    request = ct.Request("C", "A", "HS", reporter, tuple(periods), tuple(flows),
                         tuple(partners) if partners else None, tuple(codes))  # fmt: skip
    parts = ct.split(request)
    if parts is None:
        assert len(_cells(request)) == 1
        return
    assert len(parts) > 1
    seen = [c for part in parts for c in _cells(part)]
    if request.partners is None:
        # Every partner becomes Comtrade's listed partners, in groups: same periods, flows, codes.
        assert {(r, p, f, c) for r, p, f, _, c in seen} == {
            (r, p, f, c) for r, p, f, _, c in _cells(request)
        }
        assert len(seen) == len(set(seen))
    else:
        assert sorted(seen) == sorted(_cells(request))


def test_preview_that_asks_for_a_key(server, tmp_path):
    server.replay.preview_needs_key = True
    r = run(tmp_path / "w.duckdb", "fetch", "comtrade", "--reporter", "CHN", "--years", "2010")
    assert r.exit_code == 1
    assert "Error: UN Comtrade asks for a subscription key (401: " in r.output
    assert "Set COMTRADE_KEY or give --key" in r.output


def test_a_briefly_unavailable_server_is_asked_again(server, tmp_path):
    server.replay.unavailable = 2
    waits: list[float] = []
    client = Client("UN Comtrade", cache=tmp_path / "cache", sleep=waits.append)
    request = ct.Request("C", "A", "HS", "156", ("2010",), ("X",), ("32", "276"), ("TOTAL",))
    answer = ct.fetch(request, key=None, client=client)
    assert waits == [1.0, 2.0]
    assert answer.records == 2
    server.replay.unavailable = 10
    client = Client("UN Comtrade", cache=tmp_path / "other", sleep=waits.append, retries=1)
    with pytest.raises(
        FetchError,
        match=r"UN Comtrade is unavailable \(503, HTTP 503.\) after 2 tries; try again later.",
    ):
        ct.fetch(request, key=None, client=client)
