"""The API load test runs, checks every answer, and writes its own section of RESULTS.md."""

from __future__ import annotations

import asyncio

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


def test_the_lean_client_asks_again_when_the_server_closed_an_idle_connection():
    # A server that answers one request per connection and then closes it, as uvicorn closes a
    # kept-alive connection idle for 5 s: the next GET is asked again on a new connection.
    connections = []

    async def answer(read: asyncio.StreamReader, write: asyncio.StreamWriter) -> None:
        connections.append(1)
        await read.readuntil(b"\r\n\r\n")
        body = f"answer {len(connections)}".encode()
        write.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        await write.drain()
        write.close()

    async def run() -> list[tuple[int, bytes]]:
        server = await asyncio.start_server(answer, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        client = api_load.Lean(f"http://127.0.0.1:{port}")
        first = await client.get("/a", {})
        await asyncio.sleep(0.1)  # the server has closed the connection meanwhile
        second = await client.get("/b", {"x": 1})
        client.close()
        server.close()
        await server.wait_closed()
        return [first, second]

    assert asyncio.run(run()) == [(200, b"answer 1"), (200, b"answer 2")]
    assert len(connections) == 2
