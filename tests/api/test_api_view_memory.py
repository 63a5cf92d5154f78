"""``/api/view`` from memory (:mod:`hitex.api.answers`) against the Session's answers.

A small real warehouse: the demo's Chile (annual, HS12, exports and imports), Moscow (monthly,
HS17, exports), St Petersburg's enterprise records (disclosure control: answered by the
Session), and a generated BACI slice (reconciled: every export is also the partner's import).
Hypothesis draws views (reporter, flow, years, months, partner group, product scheme and
group, language of names: en or ru); each is answered twice on one snapshot, from memory and by
the Session, and the two JSON answers must be the same (money to the cent, notes, choices;
shares, ratios of sums taken in different orders, to 12 significant digits) or both must be the
same error. The figures themselves are checked against pandas sums of the files
in ``test_api_view.py`` (which runs through the memory path by default).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hitex
from bench import generate
from hitex import demo
from hitex.api import answers, dashboard
from hitex.api.connections import Connections
from hitex.api.errors import ApiError
from hitex.errors import HitexError

PARTNER_GROUPS = [None, "Asia", "Europe", "EU", "OECD", "Americas", "Africa", "G20", "nowhere"]
SCHEMES = [(None, None), ("tech", None), ("tech", "high"), ("tech", "medium-high"),
           ("tech", "low"), ("enduse", None), ("enduse", "capital"), ("tech", "unmapped"),
           ("sitc-sections", None), ("nope", None)]  # fmt: skip


@pytest.fixture(scope="module")
def conns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connections]:
    folder = tmp_path_factory.mktemp("view-memory")
    data = folder / "baci"
    manifest = generate.generate(generate.Spec(rows=6_000, years=(2019, 2020), seed=3), data)
    with hitex.open(folder / "hitex.duckdb") as s:
        s.load([data / str(n) for n in manifest["csv"]], format="baci", classification="HS17")  # type: ignore[attr-defined]
        s.load([*demo.files(), demo.moscow_file()], format="flows")
        s.load([demo.enterprise_files()[0]], format="flows", classification="HS17")
    c = Connections(folder / "hitex.duckdb", readers=1)
    yield c
    c.close()


@pytest.fixture(scope="module")
def reporters(conns: Connections) -> list[str]:
    with conns.read() as s:
        periods = s.periods()
    return sorted(set(periods["reporter"]))


def _ask(conns: Connections, params: dict[str, Any], in_memory: bool) -> str:
    conns.in_memory = in_memory
    conns.answers._answers.clear()
    try:
        found = dashboard.view(dashboard.ViewQuery(**params), conns)
    except (ApiError, HitexError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return json.dumps(found, sort_keys=True)


views = st.fixed_dictionaries(
    {
        "reporter": st.integers(0, 10_000),
        "flow": st.sampled_from(["export", "import", "balance", "re-export"]),
        "year": st.sampled_from([None, 2002, 2004, 2019, 2020, 2021]),
        "compare": st.sampled_from([None, 2002, 2004, 2019, 2020]),
        "months": st.sampled_from([None, "1-12", "1-8", "3-5", "11-12"]),
        "partner_group": st.sampled_from(PARTNER_GROUPS),
        "scheme": st.sampled_from(SCHEMES),
        "lang": st.sampled_from(["en", "ru"]),
    }
)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(view=views)
def test_a_view_from_memory_is_the_sessions_view(
    conns: Connections, reporters: list[str], view: dict[str, Any]
) -> None:
    scheme, group = view.pop("scheme")
    params = {**view, "reporter": reporters[view["reporter"] % len(reporters)], "groups": scheme,
              "group": group}  # fmt: skip
    params = {k: v for k, v in params.items() if v is not None}
    fast = _ask(conns, params, True)
    slow = _ask(conns, params, False)
    if fast.startswith("{") and slow.startswith("{"):
        # Shares are ratios to totals the two ways sum in different orders (DuckDB's order is
        # its threads'): the same to 12 significant digits ("GUY", exports, the Americas: a
        # share differed in its 15th digit).
        assert _digits(json.loads(fast)) == _digits(json.loads(slow)), params
    else:
        assert fast == slow, params


def test_the_memory_path_answers_the_baci_reporters_views(conns: Connections) -> None:
    """The comparison above is not vacuous: memory answers every question of a BACI view."""
    with conns.read() as s:
        periods = s.periods()
        reporter = str(periods[periods["records"] > 100]["reporter"].iloc[0])
        q = {"reporter": reporter, "flow": "export", "by": ["partner"], "partner_group": "Europe"}
        found = answers.rows(s, "table", q, year=2020, compare=2019)
        assert found is not None
        assert found
        totals = s.table(reporter=reporter, year=2020, compare=2019, by=["partner"],
                         partner_group="Europe")  # fmt: skip
    assert [r["partner"] for r in found] == totals["partner"].tolist()
    assert [r["value_usd"] for r in found] == totals["value_usd"].round(2).tolist()


def test_a_reconciled_record_is_held_once(conns: Connections) -> None:
    """Each export of the BACI load is one row held; ``trade`` reads it twice (the export and
    the partner's import): the rows held are ``trade``'s less the reconciled exports."""
    with conns.read() as s:
        a = answers.ready(s)
        assert a is not None
        trade, mirrored = s.warehouse.con.execute(
            """SELECT (SELECT count(*) FROM trade), (SELECT count(*) FROM flows
            WHERE flow = 'export' AND load_id IN (SELECT id FROM loads WHERE reconciled))"""
        ).fetchall()[0]
    assert mirrored > 1_000
    assert len(a.value) == trade - mirrored
    assert len(a.mirror) == mirrored


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connections]:
    """A generated BACI load whose importers all export (their imports are whole, so the
    Session states them), with the demo's flows."""
    folder = tmp_path_factory.mktemp("view-memory-whole")
    manifest = generate.generate(generate.Spec(rows=6_000, years=(2019, 2020), seed=3),
                                 folder / "baci")  # fmt: skip
    files = [folder / "baci" / str(n) for n in manifest["csv"]]  # type: ignore[attr-defined]
    for path in files:
        rows = pd.read_csv(path, dtype=str)
        rows[rows["j"].isin(set(rows["i"]))].to_csv(path, index=False)
    with hitex.open(folder / "hitex.duckdb") as s:
        s.load(files, format="baci", classification="HS17")
        s.load(demo.files(), format="flows")
    c = Connections(folder / "hitex.duckdb", readers=1)
    yield c
    c.close()


def test_the_limit_counts_the_rows_held(
    whole: Connections, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warehouse whose ``trade`` is above the limit (twice its BACI records) but whose rows
    held are not is answered from memory; one row fewer allowed, by the Session."""
    with whole.read() as s:
        trade, mirrored = s.warehouse.con.execute(
            """SELECT (SELECT count(*) FROM trade), (SELECT count(*) FROM flows
            WHERE flow = 'export' AND load_id IN (SELECT id FROM loads WHERE reconciled))"""
        ).fetchall()[0]
        monkeypatch.setattr(answers, "MAX_ROWS", trade - mirrored)
        found = answers.build(s.warehouse)
        assert found is not None
        assert len(found.value) == trade - mirrored < trade
        monkeypatch.setattr(answers, "MAX_ROWS", trade - mirrored - 1)
        assert answers.build(s.warehouse) is None


def _baci_importers(conns: Connections) -> list[str]:
    """Countries with mirrored imports in 2020, the most rows first."""
    with conns.read() as s:
        found = s.warehouse.con.execute(
            """SELECT partner FROM flows WHERE flow = 'export' AND year = 2020
            AND load_id IN (SELECT id FROM loads WHERE reconciled)
            GROUP BY partner ORDER BY count(*) DESC, partner LIMIT 4"""
        ).fetchall()
    return [str(p) for (p,) in found]


def test_mirrored_imports_from_memory_are_the_sums_of_trade(whole: Connections) -> None:
    """A BACI importer's imports and balance by partner in 2020, from memory (the mirror's
    index), are DuckDB's sums of ``trade`` (where the import is a row of its own)."""
    importers = _baci_importers(whole)
    assert len(importers) == 4
    with whole.read() as s:
        assert answers.ready(s) is not None
        for reporter in importers:
            for flow in ("import", "balance"):
                q = {"reporter": reporter, "flow": flow, "by": ["partner"]}
                found = answers.rows(s, "table", q, year=2020, compare=2019)
                assert found is not None, (reporter, flow)  # answered from memory
                imports = "1" if flow == "import" else "-1"
                # Every partner of either year, its value of 2020 (0 where none).
                expected = s.warehouse.con.execute(
                    f"""SELECT partner, round(coalesce(sum(CASE WHEN flow = 'import'
                        THEN {imports} ELSE 1 END * value_usd) FILTER (WHERE year = 2020),
                        0), 2) AS v
                    FROM trade WHERE reporter = ? AND year IN (2019, 2020)
                        AND flow IN ('import', ?)
                    GROUP BY partner ORDER BY partner""",
                    [reporter, "export" if flow == "balance" else "import"],
                ).fetchall()
                got = sorted((r["partner"], r["value_usd"]) for r in found)
                assert got == [(str(p), float(v)) for p, v in expected], (reporter, flow)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    pick=st.integers(0, 3),
    flow=st.sampled_from(["import", "balance"]),
    compare=st.sampled_from([None, 2019]),
    partner_group=st.sampled_from(PARTNER_GROUPS),
    scheme=st.sampled_from(SCHEMES),
    months=st.sampled_from([None, "1-8"]),
)
def test_a_baci_importers_view_from_memory_is_the_sessions(
    whole: Connections, pick: int, flow: str, compare: int | None, partner_group: str | None,
    scheme: tuple[str | None, str | None], months: str | None,
) -> None:  # fmt: skip
    """Views of the importers of the BACI load (their imports are the exporters' records, read
    through the mirror's index): from memory, the Session's JSON."""
    params = {"reporter": _baci_importers(whole)[pick], "flow": flow, "year": 2020,
              "compare": compare, "partner_group": partner_group, "groups": scheme[0],
              "group": scheme[1], "months": months}  # fmt: skip
    params = {k: v for k, v in params.items() if v is not None}
    fast, slow = _ask(whole, params, True), _ask(whole, params, False)
    if flow == "import":
        assert fast == slow, params
    else:
        # A balance's shares are ratios to a total of exports less imports, which the two ways
        # sum in different orders: the same to 12 significant digits (money to the cent).
        assert _digits(json.loads(fast)) == _digits(json.loads(slow)), params
    assert json.loads(fast)["selection"]["flow"] == flow  # (the imports are stated whole)


def _digits(value: Any) -> Any:
    """``value`` with every float to 12 significant digits."""
    if isinstance(value, float):
        return float(f"{value:.12g}")
    if isinstance(value, dict):
        return {k: _digits(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_digits(v) for v in value]
    return value


def test_enterprise_records_are_left_to_the_session(conns: Connections) -> None:
    with conns.read() as s:
        q = {"reporter": "RU-SPE", "flow": "export"}
        assert answers.rows(s, "table", q, year=2020, compare=2019) is None


def test_a_partner_group_view_is_the_sum_of_the_file(conns: Connections) -> None:
    """From memory, the headline of Chile's exports to the Americas (Argentina, the file's one
    partner) is the pandas sum of the file; to Europe, none."""
    chile = pd.read_csv(Path(demo.__file__).parent / "data" / "chl_arg_2004.csv")
    exports = chile[(chile["flow"] == "export") & (chile["partner"] == "ARG")]
    conns.in_memory = True
    conns.answers._answers.clear()
    params = {"reporter": "CHL", "year": 2004, "compare": 2002, "partner_group": "Americas"}
    found = dashboard.view(dashboard.ViewQuery(**params), conns)
    assert found["total"]["value_usd"] == float(exports["value_usd"].sum())
    assert [r["partner"] for r in found["partners"]] == ["ARG"]
    assert found["total"]["product_lines"] == exports[exports["value_usd"] > 0]["product"].nunique()


def test_after_a_load_the_view_is_of_the_new_version_whichever_path_answers(
    tmp_path: Path,
) -> None:
    """A load changes the version: views answer it at once (the Session, while the columns of
    the new version are built in the background), then from memory, with the same figures."""
    with hitex.open(tmp_path / "hitex.duckdb") as s:
        s.load(demo.files(), format="flows")
    conns = Connections(tmp_path / "hitex.duckdb", readers=2)
    try:
        params = {"reporter": "RU-MOW", "year": 2020, "compare": 2019}
        with conns.write() as w:
            w.load([demo.moscow_file()], format="flows")
        first = dashboard.view(dashboard.ViewQuery(**params), conns)
        with conns.read() as s:
            for _ in range(600):
                if answers.for_session(s) is not None:
                    break
                time.sleep(0.1)
            assert answers.for_session(s) is not None
        conns.answers._answers.clear()
        again = dashboard.view(dashboard.ViewQuery(**params), conns)
    finally:
        conns.close()
    moscow = pd.read_csv(demo.moscow_file())
    exports = moscow[(moscow["flow"] == "export") & (moscow["year"] == 2020)]
    assert again["total"]["value_usd"] == float(exports["value_usd"].sum())
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)


def test_a_russian_view_from_memory_names_partners_in_russian(conns: Connections) -> None:
    """Chile's exports of 2004 from memory, in Russian: its one partner is Аргентина, as the
    Session names it, and so is the whole view."""
    params = {"reporter": "CHL", "year": 2004, "compare": 2002, "lang": "ru"}
    conns.in_memory = True
    conns.answers._answers.clear()
    with conns.read() as s:
        q = {"reporter": "CHL", "flow": "export", "by": ["partner"]}
        found = answers.rows(s, "table", q, year=2004, compare=2002, lang="ru")
    assert found is not None
    assert [(r["partner"], r["partner_name"]) for r in found] == [("ARG", "Аргентина")]
    assert _ask(conns, params, True) == _ask(conns, params, False)


def test_a_reporters_trade_with_itself_keeps_its_mark_in_russian(tmp_path: Path) -> None:
    # Thailand's imports from Thailand are its own goods re-imported (Comtrade reports them so).
    csv = tmp_path / "tha.csv"
    csv.write_text(
        "year,reporter,partner,flow,product,value_usd\n"
        "2020,THA,THA,import,854231,700\n2020,THA,JPN,import,854231,300\n"
        "2019,THA,THA,import,854231,500\n2019,THA,JPN,import,854231,250\n"
    )
    with hitex.open(tmp_path / "hitex.duckdb") as s:
        s.load([csv], format="flows", classification="HS17")
        table = s.table(reporter="THA", year=2020, flow="import", by=["partner"], lang="ru")
    assert dict(zip(table["partner"], table["partner_name"], strict=True)) == {
        "THA": "Таиланд (реимпорт собственных товаров)",
        "JPN": "Япония",
    }
    c = Connections(tmp_path / "hitex.duckdb", readers=1)
    try:
        asked = {"reporter": "THA", "flow": "import", "year": 2020, "compare": 2019, "lang": "ru"}
        memory, session = _ask(c, asked, True), _ask(c, asked, False)
    finally:
        c.close()
    assert memory == session
    partners = {r["partner"]: r["partner_name"] for r in json.loads(memory)["partners"]}
    assert partners == {"THA": "Таиланд (реимпорт собственных товаров)", "JPN": "Япония"}


def _wait_built(conns: Connections) -> answers.Answers:
    with conns.read() as s:
        for _ in range(600):
            found = answers.for_session(s)
            if found is not None:
                return found
            time.sleep(0.1)
    raise AssertionError("the columns of the new version were not built")


def _same_columns(a: answers.Answers, b: answers.Answers) -> None:
    """The same rows in the same slices (within a slice, rows come in no set order)."""
    assert a.slices == b.slices
    order = [np.lexsort([getattr(x, c) for c in reversed(answers.COLUMNS)]) for x in (a, b)]
    for c in answers.COLUMNS:
        assert np.array_equal(getattr(a, c)[order[0]], getattr(b, c)[order[1]]), c
    # The mirror: each (partner, year)'s exports, in no set order within it.
    assert a.mirror_slices == b.mirror_slices
    for lo, hi in a.mirror_slices.values():
        for c in ("reporter", "product", "value"):
            got, want = (np.sort(getattr(x, c)[x.mirror[lo:hi]]) for x in (a, b))
            assert np.array_equal(got, want), c


@pytest.fixture
def revised(tmp_path: Path) -> Iterator[Connections]:
    data = tmp_path / "baci"
    manifest = generate.generate(generate.Spec(rows=3_000, years=(2019, 2020), seed=5), data)
    with hitex.open(tmp_path / "hitex.duckdb") as s:
        s.load([data / str(n) for n in manifest["csv"]], format="baci", classification="HS17")  # type: ignore[attr-defined]
        s.load([*demo.files(), demo.moscow_file()], format="flows")
    c = Connections(tmp_path / "hitex.duckdb", readers=1)
    yield c
    c.close()


def test_after_a_revision_only_its_reporter_is_read_again(
    revised: Connections, tmp_path: Path
) -> None:
    """A revision of Chile's 2004 exports (every value tripled but the first product's, which
    the revised file leaves out, so its record stays as loaded): the new
    version's columns read Chile's rows again and keep the others'; they are the columns a
    whole read of the new version gives, Chile's headline is the pandas sum of the revised
    file, and every reporter's views from memory are the Session's."""
    chile = pd.read_csv(demo.files()[-1], dtype={"product": str})
    exports = chile[chile["flow"] == "export"].copy()
    exports["value_usd"] *= 3
    kept = int(exports["value_usd"].iloc[0]) // 3
    exports = exports.iloc[1:]
    path = tmp_path / "chl-2004-revised.csv"
    exports.to_csv(path, index=False)
    before = _wait_built(revised)
    with revised.write() as w:
        w.load([path], format="flows", revise=True)
    after = _wait_built(revised)
    assert after is not before
    assert after.updated == ["CHL"]
    with revised.read() as s:
        whole = answers.build(s.warehouse)
    assert whole is not None
    assert whole.updated is None
    _same_columns(after, whole)
    revised.in_memory = True
    revised.answers._answers.clear()
    view = dashboard.view(dashboard.ViewQuery(reporter="CHL", year=2004), revised)
    assert view["total"]["value_usd"] == float(exports["value_usd"].sum() + kept)
    with revised.read() as s:
        reporters = sorted(set(s.periods()["reporter"]))
    for reporter in reporters:
        for params in ({}, {"flow": "import"}, {"partner_group": "Americas", "groups": "tech"}):
            asked = {"reporter": reporter, **params}
            assert _ask(revised, asked, True) == _ask(revised, asked, False), asked


def test_a_removed_load_reads_every_row_again(revised: Connections) -> None:
    """Removing a load (what it revised comes back) is not a load added: the columns of the
    new version are read whole, and they are the Session's."""
    _wait_built(revised)
    with revised.write() as w:
        moscow = int(w.loads()["id"].max())
        w.remove(moscow)
    after = _wait_built(revised)
    assert after.updated is None
    params = {"reporter": "RU-MOW"}
    assert _ask(revised, params, True) == _ask(revised, params, False)
    assert "RU-MOW" not in after.country_code or not any(
        k[0] == after.country_code["RU-MOW"] for k in after.slices
    )


def test_a_load_with_a_code_the_columns_lack_reads_every_row_again(
    revised: Connections, tmp_path: Path
) -> None:
    """Chile's exports of 2004 in HS07, a classification no record held before: the new
    version's columns are read whole, and Chile's view from memory is the Session's."""
    before = _wait_built(revised)
    assert "HS07" not in before.classifications
    path = tmp_path / "hs07.csv"
    path.write_text(
        "year,month,reporter,partner,flow,product,value_usd,classification\n"
        "2004,,CHL,ARG,export,851762,2500000,HS07\n"
    )
    with revised.write() as w:
        w.load([path], format="flows")
    after = _wait_built(revised)
    assert after.updated is None
    assert "HS07" in after.classifications
    params = {"reporter": "CHL", "year": 2004, "compare": 2002}
    assert _ask(revised, params, True) == _ask(revised, params, False)
    revised.in_memory = True
    view = dashboard.view(dashboard.ViewQuery(**params), revised)
    assert "HS07" in view["total"]["classifications"]
