"""Articles as the files come: Windows-1251, KOI8-R, UTF-16 from Word, Windows line ends.

The expected verdicts are those of the same article saved as UTF-8: an encoding changes nothing a
reader sees, so it may change nothing the checker says. Bad files stop with one sentence naming
the file and the first byte that does not decode, its offset counted here on the raw bytes.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitex.cli import app

ROOT = Path(__file__).parents[3]
MOSCOW = ROOT / "examples" / "moscow-2020"
RUSSIAN = ROOT / "bench" / "check_corpus" / "dev" / "02-moscow-ru.txt"
runner = CliRunner()


def _check(db: Path, article: Path, *options: str):
    return runner.invoke(app, ["--db", str(db), "check", str(article), "--reporter", "RU-MOW",
                               "--year", "2020", "--format", "json", *options])  # fmt: skip


@pytest.fixture(scope="module")
def as_utf8(db):
    """The verdicts of each article saved as UTF-8 with Unix line ends."""
    out = {}
    for article in (RUSSIAN, MOSCOW / "article.txt"):
        result = _check(db, article)
        assert result.exit_code == 0, result.output
        out[article.name] = json.loads(result.stdout)
    return out


@pytest.mark.parametrize(
    ("source", "encoding", "newline"),
    [
        (RUSSIAN, "cp1251", "\r\n"),  # Notepad on a Russian Windows
        (RUSSIAN, "koi8_r", "\n"),  # older Unix mail
        (RUSSIAN, "utf-16", "\r\n"),  # Word's "Unicode text": UTF-16 with a byte-order mark
        (RUSSIAN, "utf-8-sig", "\r\n"),  # UTF-8 with a byte-order mark
        (MOSCOW / "article.txt", "cp1252", "\r"),  # old Mac line ends
        (MOSCOW / "article.txt", "utf-16-be", "\n"),  # written with an explicit BOM below
    ],
)
def test_an_article_reads_the_same_in_any_encoding(db, as_utf8, tmp_path, source, encoding,
                                                   newline):  # fmt: skip
    text = source.read_text(encoding="utf-8")
    raw = text.replace("\n", newline).encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    saved = tmp_path / source.name
    saved.write_bytes(raw)
    assert raw != text.encode("utf-8")
    result = _check(db, saved)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == as_utf8[source.name]
    assert len(as_utf8[source.name]) > 10


def test_the_encoding_given_overrides_the_judgement(db, as_utf8, tmp_path):
    saved = tmp_path / "a.txt"
    saved.write_bytes(RUSSIAN.read_text(encoding="utf-8").encode("cp866"))  # DOS Cyrillic
    result = _check(db, saved, "--encoding", "cp866")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == as_utf8[RUSSIAN.name]


def test_a_damaged_utf8_file_names_the_byte(db, tmp_path):
    raw = bytearray(RUSSIAN.read_bytes())
    at = raw.index("Москв".encode()) + 2  # inside a two-byte letter
    raw[at] = 0xFF
    saved = tmp_path / "damaged.txt"
    saved.write_bytes(bytes(raw))
    line = bytes(raw[:at]).count(b"\n") + 1
    result = _check(db, saved)
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert f"damaged.txt is not UTF-8 text: byte 0xFF at offset {at} (line {line})" in said
    assert "--encoding" in said
    assert result.stdout == ""


def test_the_wrong_encoding_given_names_the_byte(db, tmp_path):
    saved = tmp_path / "win.txt"
    raw = RUSSIAN.read_text(encoding="utf-8").encode("cp1251")
    saved.write_bytes(raw)
    first = next(i for i, b in enumerate(raw) if b > 127)
    result = _check(db, saved, "--encoding", "utf-8")
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert f"win.txt is not UTF-8 text: byte 0x{raw[first]:02X} at offset {first}" in said


def test_not_a_text_file(db, tmp_path):
    saved = tmp_path / "article.txt.gz"
    raw = gzip.compress(RUSSIAN.read_bytes(), mtime=0)
    saved.write_bytes(raw)
    result = _check(db, saved)
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert f"article.txt.gz is not a text file: byte 0x00 at offset {raw.index(0)}" in said


def test_a_nul_in_a_utf16_file_is_named_at_its_own_offset(db, tmp_path):
    # Word's "Unicode text" with a NUL character pasted in: every ASCII letter of UTF-16 has a
    # 0x00 byte, so the first 0x00 of the file is not the NUL; its offset is that of the two
    # bytes 00 00 of the character, counted here on the raw bytes after the byte-order mark.
    text = RUSSIAN.read_text(encoding="utf-8")
    cut = text.index("\n") + 1
    saved = tmp_path / "pasted.txt"
    raw = "\ufeff".encode("utf-16-le") + (text[:cut] + "\0" + text[cut:]).encode("utf-16-le")
    saved.write_bytes(raw)
    at = 2 + 2 * cut
    assert raw[at : at + 2] == b"\0\0"
    assert raw.index(0) < at
    result = _check(db, saved)
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert f"pasted.txt is not a text file: byte 0x00 at offset {at};" in said


def test_an_unknown_encoding_name(db):
    result = _check(db, RUSSIAN, "--encoding", "windows-9999")
    assert result.exit_code == 1
    assert "'windows-9999' is not an encoding Python knows" in " ".join(result.stderr.split())


def test_report_check_reads_the_article_before_writing_the_report(db, tmp_path):
    out = tmp_path / "r.html"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["--db", str(db), "report", "--reporter", "RU-MOW", "--year",
                                 "2020", "--out", str(out), "--check", str(bad)])  # fmt: skip
    assert result.exit_code == 1
    assert "bad.txt is not a text file" in " ".join(result.stderr.split())
    assert not out.exists()  # nothing was written for an article that cannot be read
    saved = tmp_path / "ru.txt"
    saved.write_bytes(RUSSIAN.read_text(encoding="utf-8").replace("\n", "\r\n").encode("cp1251"))
    result = runner.invoke(app, ["--db", str(db), "report", "--reporter", "RU-MOW", "--year",
                                 "2020", "--out", str(out), "--check", str(saved)])  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'id="check"' in page
    assert "Московские" in page or "Москв" in page


@pytest.mark.parametrize("raw", [b"", b"\xef\xbb\xbf", b" \r\n\t\r\n", "\ufeff\n".encode("utf-16")])
def test_a_file_with_no_text_says_so(db, tmp_path, raw):
    # An empty file, a byte-order mark alone, or blank lines: not "give --reporter", nor an
    # empty answer that reads as "nothing wrong in it".
    saved = tmp_path / "empty.txt"
    saved.write_bytes(raw)
    for options in ((), ("--reporter", "RU-MOW")):
        result = runner.invoke(app, ["--db", str(db), "check", str(saved), *options])
        assert result.exit_code == 1, result.output
        assert "empty.txt holds no text: there is nothing to check." in " ".join(
            result.stderr.split()
        )
