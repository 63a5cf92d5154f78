"""``GET /api/view`` past FastAPI's request handling (``FastView``) answers as the route does.

Two apps over the same demo warehouse, one with the fast path and one without, are asked the
same varied requests (every reporter, flows, years, base years, months, partner and product
groups, Russian, and bad parameters); status, headers and body must be the same bytes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote_plus, urlencode

import pytest
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from hitex.api import create_app, dashboard, params, views
from hitex.store.layout import copy_warehouse

#: Requests no view model accepts, or that the app refuses: they go on to the app.
BAD = [
    "reporter=XXX",
    "reporter=CHL&year=abc",
    "reporter=CHL&year=20000",
    "reporter=CHL&year=2004&year=2003",
    "reporter=CHL&months=13",
    "reporter=CHL&colour=red",
    "reporter=CHL&lang=de",
    "reporter=CHL&year=",
    "reporter=",
    "reporter=CHL&firm_group=nobody",
    "reporter=RU-MOW&flow=balance&lang=ru",
    "reporter=CHL&partner_group=Nowhere&groups=nothing&group=x",
]


@pytest.fixture(scope="module")
def clients(
    demo_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, TestClient]]:
    """A client of the app with the fast path and one of the app without, same warehouse."""
    path = copy_warehouse(demo_db, tmp_path_factory.mktemp("api-fast") / "hitex.duckdb")
    with (
        TestClient(create_app(path, token="")) as fast,
        TestClient(create_app(path, token="", fast_view=False)) as ordinary,
    ):
        yield fast, ordinary


def _views(client: TestClient) -> list[str]:
    """Varied views of what the warehouse holds (each reporter, flow, year and base year)."""
    meta = client.get("/api/meta").json()
    out = [""]
    k = 0
    for r in meta["reporters"]:
        out.append(urlencode({"reporter": r["name"]}))
        years = r["years"]
        for flow in [*r["flows"], "balance"]:
            for year in years:
                for compare in [None, *[y for y in years if y != year]]:
                    k += 1
                    view = {"reporter": r["code"], "flow": flow, "year": year, "compare": compare,
                            "partner_group": [None, "Europe", "Asia", "EU", "Americas"][k % 5],
                            "groups": [None, "tech", "tech", "enduse"][k % 4],
                            "group": "high" if k % 4 == 1 else None,
                            "months": "1-6" if k % 7 == 0 else None,
                            "lang": "ru" if k % 3 == 0 else None}  # fmt: skip
                    out.append(urlencode({k: v for k, v in view.items() if v is not None}))
    return out


def test_fast_views_are_the_routes_views(clients: tuple[TestClient, TestClient]) -> None:
    fast, ordinary = clients
    views = _views(ordinary)
    assert len(views) > 10
    statuses = set()
    for query in [*views, *BAD]:
        a, b = fast.get("/api/view?" + query), ordinary.get("/api/view?" + query)
        assert (a.status_code, a.content) == (b.status_code, b.content), query
        assert a.headers == b.headers, query
        statuses.add(a.status_code)
    # Views answered, and refused ones too (422), as the route answers them.
    assert {200, 422} <= statuses
    head = fast.head("/api/view?reporter=CHL")
    assert head.status_code == 200
    assert head.content == b""


def test_the_fast_path_answers_without_the_route(
    demo_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """With the route unable to answer, a plain view is still answered: by the fast path."""
    path = copy_warehouse(demo_db, tmp_path_factory.mktemp("api-fast-alone") / "hitex.duckdb")
    app = create_app(path, token="")

    def broken() -> None:
        raise RuntimeError("the route was asked")

    app.dependency_overrides[views.connections] = broken
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/api/view?reporter=CHL&year=2004&compare=2002")
        assert answer.status_code == 200
        assert answer.json()["selection"]["reporter"] == "CHL"
        # What the model refuses goes on to the route, which cannot answer now.
        assert client.get("/api/view?reporter=CHL&colour=red").status_code == 500


def test_a_views_text_is_json_responses_text(clients: tuple[TestClient, TestClient]) -> None:
    """A view's text (the reporters' list encoded once per version) is the bytes Starlette's
    ``JSONResponse`` writes for the same answer, first time and kept, English and Russian."""
    fast, _ = clients
    asked = 0
    for query in _views(fast)[:80]:
        answer = fast.get("/api/view?" + query)
        if answer.status_code != 200:
            continue
        asked += 1
        # JSON's floats read back exactly: the answer re-encoded by Starlette is the answer.
        assert JSONResponse(answer.json()).body == answer.content, query
    assert asked > 10
    conns = fast.app.state.conns  # type: ignore[attr-defined]
    for lang in ("en", "ru"):
        found = dashboard.view(dashboard.ViewQuery(reporter="CHL", lang=lang), conns)
        for _ in range(2):
            assert dashboard.ViewResponse(found).body == JSONResponse(found).body
    assert dashboard.ViewResponse([1, "x"]).body == JSONResponse([1, "x"]).body


def test_a_view_waits_for_a_reader_in_the_thread_pool(
    demo_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Answered from memory on the event loop where a reader is free; where none is, in the
    thread pool, once one is; never while a write is under way."""
    path = copy_warehouse(demo_db, tmp_path_factory.mktemp("api-fast-busy") / "hitex.duckdb")
    with TestClient(create_app(path, token="", readers=1)) as client:
        conns = client.app.state.conns  # type: ignore[attr-defined]
        first = client.get("/api/view?reporter=CHL&year=2004")
        assert first.status_code == 200
        assert conns.settled()
        with conns.write():
            assert not conns.settled()
        held = conns._take()  # the only reader, held until the timer gives it back
        back = threading.Event()

        def give_back() -> None:
            back.set()
            conns._pool.put(held)

        timer = threading.Timer(0.5, give_back)
        timer.start()
        answer = client.get("/api/view?reporter=CHL&year=2004")
        assert back.is_set()  # answered once the reader came back, not refused meanwhile
        timer.join()
        assert (answer.status_code, answer.content) == (200, first.content)


@pytest.mark.parametrize(
    "text",
    ["CHL", "tech", "1-6", "2019-2021", "North America", "Европа", "a&b=c", "x/y", "", "~._-"],
)
def test_table_links_are_quoted_as_urlencode_quotes(text: str) -> None:
    assert params._quoted(text) == quote_plus(text)
    q = params.TableQuery(reporter="CHL", year=2004, partner_group=text or None, by=["partner"])
    given = {"reporter": "CHL", "year": "2004", "by": "partner"}
    if text:
        given["partner_group"] = text
    assert q.url() == "/api/table?" + urlencode({**given, "format": "csv"})
