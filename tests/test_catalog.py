"""Schemes in the warehouse: built-in and user groups, classify, coverage, partner groups."""

from __future__ import annotations

import pytest

from hitex.errors import BadFileError, UnknownCodeError
from tests.fixtures import flows_file

USER = """\
scheme: moscow-hightech
groups:
  gas turbines: [841181, 841182]
  telecom equipment: ["8517"]
partners:
  friendly: [CHN, IND]
"""

ROWS = [
    (
        2020,
        "",
        "RU-MOW",
        "CHN",
        "export",
        "841181",
        "300",
    ),  # gas turbine, medium-high, parts (BEC 53)
    (2020, "", "RU-MOW", "IND", "export", "851762", "100"),  # telecom, high, capital goods
    (2020, "", "RU-MOW", "IND", "export", "847330", "50"),  # computer parts, high, BEC 42 parts
    (2020, "", "RU-MOW", "DEU", "export", "010121", "7"),  # live horses: no technology intensity
    (2019, "", "RU-MOW", "IND", "export", "851762", "40"),
    (2019, "", "RU-MOW", "KAZ", "export", "851762", "10"),
]


@pytest.fixture
def loaded(session, tmp_path):
    session.load([flows_file(tmp_path / "f.csv", ROWS)], format="flows")
    return session


def test_user_scheme_groups_flows(loaded, tmp_path):
    path = tmp_path / "my.yaml"
    path.write_text(USER)
    scheme = loaded.add_groups(path)
    assert scheme.name == "moscow-hightech"
    got = loaded.table(
        reporter="RU-MOW", year=2020, compare=2019, by=["group"], groups="moscow-hightech"
    )
    assert got[["group", "value_usd", "base_value_usd"]].values.tolist() == [
        ["gas turbines", 300.0, 0.0],
        ["telecom equipment", 100.0, 50.0],  # 2019: India 40 + Kazakhstan 10
        ["unmapped", 57.0, 0.0],  # computer parts 50 and horses 7: in no group of the file
    ]
    friendly = loaded.table(reporter="RU-MOW", year=2020, by=["partner"], partner_group="friendly")
    assert friendly["partner"].tolist() == ["CHN", "IND"]
    listed = loaded.groups()
    assert (
        listed.set_index(["kind", "scheme"]).loc[("product", "moscow-hightech"), "source"] == "user"
    )


def test_user_schemes_survive_a_reference_refresh(loaded, tmp_path):
    path = tmp_path / "my.yaml"
    path.write_text(USER)
    loaded.add_groups(path)
    loaded.warehouse.init(refresh=True)
    assert "moscow-hightech" in set(loaded.groups()["scheme"])


def test_tech_and_enduse_groups(loaded):
    tech = loaded.table(reporter="RU-MOW", year=2020, by=["group"], groups="tech").set_index(
        "group"
    )
    assert tech["value_usd"].to_dict() == {"medium-high": 300.0, "high": 150.0, "none": 7.0}
    stage = loaded.table(
        reporter="RU-MOW", year=2020, by=["group"], groups="enduse-stage", partner_group="Asia"
    )
    assert stage.set_index("group")["value_usd"].to_dict() == {"parts": 350.0, "finished": 100.0}
    only_high = loaded.table(
        reporter="RU-MOW", year=2020, by=["partner"], groups="tech", group="high"
    )
    assert only_high[["partner", "value_usd"]].values.tolist() == [["IND", 150.0]]


def test_bloc_membership_follows_the_year(loaded):
    eaeu_2019 = loaded.table(reporter="RU-MOW", year=2019, by=["partner"], partner_group="EAEU")
    assert eaeu_2019["partner"].tolist() == ["KAZ"]
    asia = loaded.table(
        reporter="RU-MOW", year=2020, compare=2019, by=["partner"], partner_group="Asia"
    )
    assert set(asia["partner"]) == {"CHN", "IND", "KAZ"}  # M49: Central Asia is in Asia


def test_unknown_names_suggest(loaded):
    with pytest.raises(UnknownCodeError, match="Did you mean 'Asia'"):
        loaded.table(reporter="RU-MOW", year=2020, partner_group="Asai")
    with pytest.raises(UnknownCodeError, match="Did you mean 'tech'"):
        loaded.table(reporter="RU-MOW", year=2020, by=["group"], groups="tehc")


def test_classify_lists_every_scheme(loaded):
    got = loaded.classify(["841181", "8517.62"])
    tech = got[got["scheme"] == "tech"].set_index("product")["group_code"].to_dict()
    assert tech == {"841181": "medium-high", "851762": "high"}
    assert got["description"].iloc[0].startswith("Turbines; gas-turbines")


def test_coverage_of_loaded_value(loaded):
    cov = loaded.coverage(schemes=["tech"])
    assert cov[["outcome", "value_usd"]].values.tolist() == [["classified", 507.0]]


def test_bad_yaml_is_refused_with_its_line(loaded, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("scheme: x\ngroups:\n  a: [841181]\n  b: ['999998']\n")
    with pytest.raises(BadFileError, match=r"bad.yaml, line 4") as e:
        loaded.add_groups(path)
    assert e.value.value == "999998"
    assert "x" not in set(loaded.groups()["scheme"])
