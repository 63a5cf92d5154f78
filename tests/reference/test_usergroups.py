from __future__ import annotations

from pathlib import Path

import pytest

from hitex.errors import BadFileError
from hitex.reference.usergroups import load_user_scheme, parse_user_scheme

EXAMPLE = """\
scheme: moscow-hightech
classification: HS17        # optional, default HS17
groups:
  gas turbines: [841181, 841182]
  telecom equipment: ["8517"]
  jewellery and metal-working:
    include: ["71", "72-83"]
    exclude: ["7108"]
  horses: [010121]
partners:
  friendly: [CHN, ind, TUR]
"""


def test_example(tmp_path: Path) -> None:
    path = tmp_path / "groups.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    scheme = load_user_scheme(path)
    assert (scheme.name, scheme.classification) == ("moscow-hightech", "HS17")
    groups = scheme.product_groups.set_index("product")["group_code"]
    assert groups["841181"] == "gas turbines"
    assert groups["851762"] == "telecom equipment"
    assert groups["010121"] == "horses"  # leading zero kept although unquoted
    assert groups["720110"] == "jewellery and metal-working"
    assert "710812" not in groups.index  # excluded
    assert not any(code.startswith("77") for code in groups.index)  # chapter 77 does not exist
    assert (scheme.product_groups["product"].str.len() == 6).all()
    assert sorted(scheme.country_groups["iso3"]) == ["CHN", "IND", "TUR"]


def _error(text: str) -> BadFileError:
    with pytest.raises(BadFileError) as info:
        parse_user_scheme(text, "groups.yaml")
    return info.value


def test_unknown_code_names_code_and_line() -> None:
    error = _error('scheme: x\ngroups:\n  a: ["8517"]\n  b:\n    - 841181\n    - 851799\n')
    assert (error.file, error.line, error.value) == ("groups.yaml", 6, "851799")
    assert str(error).startswith("groups.yaml, line 6: '851799' is not an HS17 code.")


def test_overlap_names_codes_and_groups() -> None:
    error = _error('scheme: x\ngroups:\n  a: ["85"]\n  b: ["851762"]\n')
    assert error.line == 4
    assert "'a' and 'b' overlap: 851762" in str(error)


def test_syntax_error_line() -> None:
    error = _error('scheme: x\ngroups:\n  a: ["85"\n  b: 1\n')
    assert error.line == 4
    assert "not valid YAML" in str(error)


def test_empty_group() -> None:
    error = _error("scheme: x\ngroups:\n  a: []\n")
    assert (error.line, error.value) == (3, "a")


def test_exclude_everything_is_empty() -> None:
    error = _error('scheme: x\ngroups:\n  a: {include: ["8517"], exclude: ["8517"]}\n')
    assert "empty" in str(error)


def test_bad_range() -> None:
    assert _error('scheme: x\ngroups:\n  a: ["83-7"]\n').line == 3


def test_unknown_partner() -> None:
    error = _error("scheme: x\npartners:\n  a: [RUS,\n      XYZ]\n")
    assert (error.line, error.value) == (4, "XYZ")


def test_unknown_key_suggests() -> None:
    assert "Did you mean 'groups'?" in str(_error('scheme: x\ngroup:\n  a: ["83"]\n'))


def test_other_classification() -> None:
    scheme = parse_user_scheme("scheme: svc\nclassification: EBOPS2010\ngroups:\n  it: [SI]\n")
    assert sorted(scheme.product_groups["product"]) == ["SI1", "SI21", "SI22", "SI31", "SI32"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadFileError, match="cannot read"):
        load_user_scheme(tmp_path / "nope.yaml")
