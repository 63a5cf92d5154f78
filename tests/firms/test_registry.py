"""Enterprise registries: what `hitex firms add` accepts, and the one sentence it refuses with."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import hitex
from hitex.cli import app
from hitex.errors import BadFileError
from tests.firms.conftest import DATA

GOOD = """firm,name,group,from_year,to_year,okved
A,Alpha,high-tech,2018,,26.11
A,Alpha,export-support,2020,2020,26.11
B,Beta,high-tech,,2019,26.70
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_registry_is_stored_one_row_per_membership(session: hitex.Session, tmp_path: Path):
    added = session.add_firms(_write(tmp_path, "r.csv", GOOD))
    assert (len(added.firms), len(added.members)) == (2, 3)
    members = session.warehouse.sql(
        "SELECT firm, group_name, year_from, year_to FROM firm_members ORDER BY ALL"
    )
    assert members.astype(object).where(members.notna(), None).values.tolist() == [
        ["A", "export-support", 2020, 2020],
        ["A", "high-tech", 2018, None],
        ["B", "high-tech", None, 2019],
    ]
    attrs = session.warehouse.sql("SELECT attributes FROM firms WHERE firm = 'A'")
    assert attrs["attributes"].item() == '{"okved": "26.11"}'


def test_adding_a_file_again_replaces_it(session: hitex.Session, tmp_path: Path):
    path = _write(tmp_path, "r.csv", GOOD)
    session.add_firms(path)
    path.write_text("firm,name,group\nC,Gamma,high-tech\n", encoding="utf-8")
    session.add_firms(path)
    firms = session.warehouse.sql("SELECT firm FROM firms ORDER BY firm")["firm"].tolist()
    assert firms == ["C"]


def test_yaml_and_excel_registries(session: hitex.Session, tmp_path: Path):
    yaml_path = _write(
        tmp_path,
        "r.yaml",
        "firms:\n"
        "  - {firm: '7701000001', name: Alpha, group: high-tech, from_year: 2019}\n"
        "  - {firm: '7701000002', name: Beta, group: high-tech}\n",
    )
    assert len(session.add_firms(yaml_path).members) == 2
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["firm", "name", "group", "from_year", "to_year", "district"])
    sheet.append([7701000003, "Gamma", "export-support", 2020, None, "Zelenograd"])
    book.save(tmp_path / "r.xlsx")
    added = session.add_firms(tmp_path / "r.xlsx")
    assert added.firms["firm"].tolist() == ["7701000003"]
    listed = session.firms()
    assert dict(zip(listed["group"], listed["enterprises"], strict=True)) == {
        "export-support": 1,
        "high-tech": 2,
    }


@pytest.mark.parametrize(
    ("text", "line", "column", "value", "words"),
    [
        (
            "firm,name,group,from_year,to_year\nA,Alpha,high-tech,2018,2020\n"
            "A,Alpha,high-tech,2020,\n",
            3, "group", "high-tech", "overlaps",
        ),
        ("firm,name,group\nA,Alpha,x\nA,Alfa,y\n", 3, "name", "Alfa", "one name"),
        ("firm,name,group,from_year\nA,Alpha,x,20l9\n", 2, "from_year", "20l9", "not a year"),
        ("firm,name,group,to_year\nA,Alpha,x,2019.5\n", 2, "to_year", "2019.5", "not a year"),
        ("firm,name,group,from_year,to_year\nA,Alpha,x,2021,2019\n", 2, "to_year", "2019",
         "before"),
        ("firm,name,group\n,Alpha,x\n", 2, "firm", "", "empty"),
    ],
)  # fmt: skip
def test_bad_registries_are_refused_with_one_sentence(
    session: hitex.Session,
    tmp_path: Path,
    text: str,
    line: int,
    column: str,
    value: str,
    words: str,
):
    path = _write(tmp_path, "bad.csv", text)
    with pytest.raises(BadFileError) as caught:
        session.add_firms(path)
    err = caught.value
    message = str(err)
    assert (err.file, err.line, err.column, err.value) == ("bad.csv", line, column, value)
    assert message.startswith(f"bad.csv line {line}, column {column}:")
    assert words in message
    assert message.count(". ") == 0
    assert message.endswith(".")
    # Nothing of a refused file is stored.
    assert session.warehouse.sql("SELECT count(*) AS n FROM firm_members")["n"].item() == 0


def test_a_name_another_registry_gives_is_refused(session: hitex.Session, tmp_path: Path):
    session.add_firms(_write(tmp_path, "one.csv", "firm,name\nA,Alpha\n"))
    with pytest.raises(BadFileError, match=r"two.csv line 2, column name: .*'Alfa'.*one.csv"):
        session.add_firms(_write(tmp_path, "two.csv", "firm,name\nA,Alfa\n"))


def test_cli_firms_add_list_and_refusal(tmp_path: Path):
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    loaded = runner.invoke(app, ["--db", db, "load", str(DATA / "flows.csv"), "--format", "flows"])
    assert loaded.exit_code == 0, loaded.output
    added = runner.invoke(app, ["--db", db, "firms", "add", str(DATA / "registry.csv")])
    assert added.exit_code == 0, added.output
    assert "6 enterprises, 6 memberships of 2 groups" in added.output
    listed = runner.invoke(app, ["--db", db, "firms", "--format", "csv"])
    assert listed.stdout.splitlines()[:3] == [
        "group,enterprises,with_records,from_year,to_year,open_ended",
        "export-support,2,2,2020,2020,True",
        "high-tech,4,4,2018,2019,True",
    ]
    members = runner.invoke(app, ["--db", db, "firms", "high-tech", "--format", "csv"])
    assert "B,Beta Optics,2020,,2020" in members.stdout
    bad = _write(tmp_path, "bad.csv", "firm,name,group,from_year\nZ,Zeta,x,soon\n")
    refused = runner.invoke(app, ["--db", db, "firms", "add", str(bad)])
    assert refused.exit_code != 0
    assert "bad.csv line 2, column from_year: 'soon' is not a year." in refused.output
