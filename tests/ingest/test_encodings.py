"""The same records in UTF-8, UTF-8 with a byte-order mark, Windows-1252 and Windows-1251.

The encoding is judged from the file's bytes; ``--encoding`` overrides. Expected values are the
records as written here, decoded by Python, never hitex's own output.
"""

from __future__ import annotations

import pytest

from hitex.errors import HitexError
from hitex.ingest.base import detect_encoding

LATIN = [("Côte d'Ivoire", "CIV", 11.0), ("Türkiye", "TUR", 22.0), ("Curaçao", "CUW", 33.0),
         ("Réunion", "REU", 44.0), ("Saint Barthélemy", "BLM", 55.0)]  # fmt: skip
CYRILLIC = [("Россия", "RUS", 11.0), ("Китай", "CHN", 22.0), ("Беларусь", "BLR", 33.0),
            ("Казахстан", "KAZ", 44.0), ("Турция", "TUR", 55.0)]  # fmt: skip


def _text(rows: list[tuple[str, str, float]], copies: int = 1) -> str:
    lines = ["year,reporter,partner,flow,product,value_usd"]
    for k in range(copies):
        lines += [f"{2000 + k},{name},WLD,export,854231,{v}" for name, _, v in rows]
    return "\n".join(lines) + "\n"


CASES = [
    ("latin-utf8", LATIN, "utf-8"),
    ("latin-utf8-bom", LATIN, "utf-8-sig"),
    ("latin-cp1252", LATIN, "cp1252"),
    ("cyrillic-utf8", CYRILLIC, "utf-8"),
    ("cyrillic-utf8-bom", CYRILLIC, "utf-8-sig"),
    ("cyrillic-cp1251", CYRILLIC, "cp1251"),
]


@pytest.mark.parametrize(("name", "rows", "encoding"), CASES, ids=[c[0] for c in CASES])
def test_every_encoding_loads_the_same_records(session, tmp_path, name, rows, encoding):
    path = tmp_path / f"{name}.csv"
    path.write_bytes(_text(rows).encode(encoding))
    (r,) = session.load([path], format="flows")
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (len(rows), len(rows), 0)
    got = session.warehouse.sql("SELECT reporter, value_usd FROM flows ORDER BY value_usd")
    assert got.values.tolist() == [[iso, v] for _, iso, v in rows]


def test_the_encoding_is_judged_on_lines_across_a_large_file(tmp_path):
    # 40,000 lines: the names are judged from a sample, not the whole file.
    for rows, encoding in ((LATIN, "cp1252"), (CYRILLIC, "cp1251")):
        path = tmp_path / f"big-{encoding}.csv"
        path.write_bytes(_text(rows, copies=8000).encode(encoding))
        assert detect_encoding(path) == encoding


def test_a_latin_file_whose_names_are_only_in_its_tail(session, tmp_path):
    # ASCII for the first 1 MB, names with accents after it: the blocks across the file see them.
    ascii_rows = "".join(f"{1990 + k % 30},FRA,WLD,export,854231,1\n" for k in range(40000))
    tail = _text(LATIN).split("\n", 1)[1]
    path = tmp_path / "tail.csv"
    path.write_bytes(("year,reporter,partner,flow,product,value_usd\n" + ascii_rows + tail)
                     .encode("cp1252"))  # fmt: skip
    (r,) = session.load([path], format="flows")
    assert (r.rows_loaded, r.rows_rejected) == (40000 + len(LATIN), 0)


def test_encoding_option_overrides_and_a_wrong_one_stores_no_mojibake(session, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(_text(LATIN).encode("cp1252"))
    # Read as Windows-1251 the names become "Cфte d'Ivoire", "Tьrkiye": no such countries, so
    # the records are refused with their reasons and nothing with such a name is stored.
    (r,) = session.load([path], format="flows", encoding="cp1251")
    assert r.rows_loaded == 0
    reasons = session.rejects(r.id)["reason"].tolist()
    assert "unknown reporter 'Cфte d'Ivoire'" in [x.split(".")[0] for x in reasons]
    assert r.status == "refused"  # every record refused: nothing of the file is loaded
    # Read again with the right encoding it loads; the refused load keeps its rejects.
    (r2,) = session.load([path], format="flows", encoding="cp1252")
    assert (r2.status, r2.rows_loaded, r2.rows_rejected) == ("loaded", len(LATIN), 0)
    assert session.rejects(r.id)["reason"].tolist() == reasons
    # The same file again is the same file now: nothing added.
    (skipped,) = session.load([path], format="flows", encoding="cp1252")
    assert skipped.status == "skipped"


def test_the_judged_encoding_is_kept_with_the_load(session, tmp_path):
    path = tmp_path / "ru.csv"
    path.write_bytes(_text(CYRILLIC).encode("cp1251"))
    session.load([path], format="flows")
    assert '"encoding": "cp1251"' in session.loads()["options"].item()


def test_bytes_that_read_as_no_text_ask_for_the_encoding(session, tmp_path):
    # 0x81 is no character in Windows-1252 and 0x98 none in Windows-1251: no guess is stored.
    path = tmp_path / "odd.csv"
    rows = b"".join(b"2020,A\x81\x98B,WLD,export,854231,1\n" for _ in range(20))
    path.write_bytes(b"year,reporter,partner,flow,product,value_usd\n" + rows)
    with pytest.raises(HitexError, match=r"^odd.csv is not UTF-8 and reads as neither"):
        session.load([path], format="flows")
    assert session.warehouse.sql("SELECT count(*) AS n FROM flows")["n"].item() == 0
