"""The report and demo commands, through the CLI."""

from __future__ import annotations

from typer.testing import CliRunner

from hitex import demo
from hitex.cli import app

runner = CliRunner()


def test_report_command_writes_html(tmp_path):
    db = str(tmp_path / "w.duckdb")
    assert (
        runner.invoke(
            app, ["--db", db, "load", str(demo.moscow_file()), "--format", "flows"]
        ).exit_code
        == 0
    )
    out = tmp_path / "asia.html"
    result = runner.invoke(app, ["--db", db, "report", "--reporter", "RU-MOW", "--year", "2020",
                                 "--compare", "2019", "--partner-group", "Asia", "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Report: {out}" in result.output
    assert "grew by a third in 2020 against 2019, to $1.53 billion" in out.read_text()


def test_report_mistakes_are_one_sentence(tmp_path):
    db = str(tmp_path / "w.duckdb")
    runner.invoke(app, ["--db", db, "load", str(demo.moscow_file()), "--format", "flows"])
    result = runner.invoke(app, ["--db", db, "report", "--reporter", "RU-MOW", "--year", "2020",
                                 "--out", str(tmp_path / "r.docx")])  # fmt: skip
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: --out r.docx: give a file ending in .md")
    result = runner.invoke(app, ["--db", db, "report", "--reporter", "RU-MOW", "--year", "2020",
                                 "--partner-group", "Asai", "--out", str(tmp_path / "r.md")])  # fmt: skip
    assert result.exit_code == 1
    assert "Did you mean 'Asia'" in result.output


def test_demo_writes_reports_and_prints_the_path(tmp_path):
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(f"Report: {tmp_path / 'report.html'}")
    text = (tmp_path / "report.html").read_text()
    assert "Moscow&#x27;s exports to Asia grew by a third" in text
    assert "CC BY-NC 4.0" in (tmp_path / "chile-argentina.html").read_text()
    assert "вырос на треть" in (tmp_path / "report-ru.html").read_text()
    # The constructed enterprise extract: its section, under disclosure control.
    enterprises = (tmp_path / "enterprises.html").read_text()
    assert "32 enterprises exported in 2020 (group: high-tech enterprises)." in enterprises
    assert "Disclosure control: figures resting on fewer than 3 enterprises" in enterprises
    # And in Russian: the group's label and the city declined, no English group name.
    russian = (tmp_path / "enterprises-ru.html").read_text()
    assert "Экспорт Санкт-Петербурга (высокотехнологичные предприятия)" in russian
    assert "Экспортёров в 2020 г. (высокотехнологичные предприятия): 32 предприятия." in russian
    assert "high-tech" not in russian
    # A second run starts from a fresh warehouse: the same four loads, not eight.
    assert runner.invoke(app, ["demo", "--out", str(tmp_path)]).exit_code == 0
    assert "(4 loads)" in (tmp_path / "report.html").read_text()
