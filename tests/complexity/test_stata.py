"""``--method stata`` against the output of the Growth Lab's Stata command ``ecomplexity``.

The fixture (tests/fixtures/ecomplexity/, see its SOURCE.md) is the Growth Lab's own: their input
(10 countries x 30 HS92 headings, 1995) and what Stata's ``ecomplexity export_val, i(origin)
p(hs92) t(year)`` made of it. The expected values are Stata's numbers, read from the file.
"""

from __future__ import annotations

import io
import json

import ibis
import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from hitex.cli import app
from hitex.complexity import export_matrix, measure
from hitex.errors import InputError
from tests.complexity import hand, oracle
from tests.fixtures import FIXTURES

STATA_1995 = FIXTURES / "ecomplexity" / "stata_single_year_1995.csv"
#: hitex column -> the Stata output's.
STATA_COLUMNS = {
    "rca": "rca", "mcp": "M", "diversity": "diversity", "ubiquity": "ubiquity", "eci": "eci",
    "pci": "pci", "density": "density", "coi": "coi", "cog": "cog",
}  # fmt: skip


def _stata() -> pd.DataFrame:
    out = pd.read_csv(STATA_1995, dtype={"origin": str, "hs92": str})
    return out.assign(reporter=out["origin"].str.upper(), product=out["hs92"])


def _measured(method: str) -> pd.DataFrame:
    stata = _stata()
    # Stata's ``import delimited`` kept export_val as a 4-byte float (the file shows 97911.18 for
    # 97911.1796875): RCA agrees to 1e-15 from those values, and to 2e-8 from the decimals.
    value = stata["export_val"].astype(np.float32).astype(float)
    flows = pd.DataFrame({
        "year": stata["year"], "reporter": stata["reporter"], "partner": "WLD", "flow": "export",
        "classification": "HS92", "product": stata["product"], "value_usd": value,
    })  # fmt: skip
    rows = export_matrix({"flows": ibis.memtable(flows)}, year=1995, classification="HS92")
    return measure(rows.to_pandas(), year=1995, method=method)


def _differences(ours: pd.DataFrame) -> dict[str, float]:
    stata = _stata()[["reporter", "product", *STATA_COLUMNS.values()]]
    stata = stata.rename(columns={s: f"stata_{s}" for s in STATA_COLUMNS.values()})
    merged = ours.merge(stata, on=["reporter", "product"], how="outer", indicator=True)
    assert (merged["_merge"] == "both").all()
    assert len(merged) == 10 * 30
    return {
        c: float(np.abs(merged[c].to_numpy(float) - merged[f"stata_{s}"].to_numpy(float)).max())
        for c, s in STATA_COLUMNS.items()
    }


def test_stata_method_equals_stata_output():
    diff = _differences(_measured("stata"))
    assert diff["mcp"] == diff["diversity"] == diff["ubiquity"] == 0
    # Stata writes 16 significant digits: what is left is the last digit of a double.
    for column in ("rca", "eci", "pci", "density", "coi", "cog"):
        assert diff[column] < 1e-13, (column, diff[column])


def test_default_method_is_the_python_package_and_differs_from_stata():
    """The default stays ``ecomplexity`` 0.5.3, which is off Stata's numbers on this very file."""
    ours = _measured("ecomplexity")
    stata = _stata()
    exports = stata.assign(
        export_value=ours.set_index(["reporter", "product"])
        .loc[list(zip(stata["reporter"], stata["product"], strict=True)), "export_value"]
        .to_numpy()
    )
    oracle.assert_same(ours, exports[["year", "reporter", "product", "export_value"]])
    diff = _differences(ours)
    assert diff["mcp"] == 0  # no RCA of exactly 1 here: the presence test agrees
    # Standard deviation over countries (n) against over country x product rows (n - 1) ...
    assert 3e-3 < diff["eci"] < 4e-3
    # ... and a product being its own neighbour in density and COG.
    assert 0.07 < diff["density"] < 0.08
    assert 0.4 < diff["cog"] < 0.45


def test_stata_presence_is_rca_above_the_threshold_not_at_it():
    """Mcp where RCA is exactly the threshold: 1 for ``ecomplexity`` (>=), 0 for Stata (>)."""
    exports = {  # 010121, 020110, 300490, 854231
        "AAA": [1, 4, 0, 2],
        "BBB": [0, 3, 3, 3],
        "CCC": [3, 1, 0, 3],
        "DDD": [0, 3, 3, 4],
    }
    products = ["010121", "020110", "300490", "854231"]
    flows = pd.DataFrame(
        [(2020, c, "WLD", "export", "HS17", p, float(v))
         for c, values in exports.items() for p, v in zip(products, values, strict=True) if v],
        columns=["year", "reporter", "partner", "flow", "classification", "product", "value_usd"],
    )  # fmt: skip
    rows = export_matrix({"flows": ibis.memtable(flows)}, year=2020, classification="HS17")
    rows = rows.to_pandas()
    # World 33, 020110 11, BBB 9: BBB's RCA in 020110 = (3 / 9) / (11 / 33) = 1 exactly.
    at_one = rows[rows["rca"] == 1.0]
    assert at_one[["reporter", "product"]].values.tolist() == [["BBB", "020110"]]
    default = measure(rows, year=2020).set_index(["reporter", "product"])
    stata = measure(rows, year=2020, method="stata").set_index(["reporter", "product"])
    assert default.loc[("BBB", "020110"), "mcp"] == 1
    assert stata.loc[("BBB", "020110"), "mcp"] == 0
    # Diversity and ubiquity follow Stata's Mcp.
    assert (
        stata.loc[("BBB", "020110"), "diversity"] == default.loc[("BBB", "020110"), "diversity"] - 1
    )
    assert (
        stata.loc[("BBB", "020110"), "ubiquity"] == default.loc[("BBB", "020110"), "ubiquity"] - 1
    )
    others = default.index != ("BBB", "020110")
    assert (default.loc[others, "mcp"] == stata.loc[others, "mcp"]).all()


def test_unknown_method_is_one_clear_sentence():
    with pytest.raises(InputError, match="--method 'r': complexity is computed as ecomplexity or"):
        measure(_measured("stata").head(0), year=1995, method="r")


def test_session_and_cli_take_the_method(tmp_path):
    s = hand.build(tmp_path)
    try:
        default = s.complexity(year=2020)
        stata = s.complexity(year=2020, method="stata")
    finally:
        s.close()
    # Same Mcp in this world (no RCA of exactly 1), but density counts other products only.
    assert (default["mcp"] == stata["mcp"]).all()
    assert not np.allclose(default["density"], stata["density"], equal_nan=True)
    result = CliRunner().invoke(
        app, ["--db", str(tmp_path / "hand.duckdb"), "complexity", "--year", "2020",
              "--method", "stata", "--format", "csv"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = pd.read_csv(io.StringIO(result.stdout), dtype={"product": str})
    merged = shown.merge(stata, on=["reporter", "product"], suffixes=("", "_s"))
    assert len(merged) == len(stata)
    np.testing.assert_allclose(merged["density"], merged["density_s"], rtol=1e-6)
    bad = CliRunner().invoke(
        app, ["--db", str(tmp_path / "hand.duckdb"), "complexity", "--year", "2020",
              "--method", "r"],
    )  # fmt: skip
    assert bad.exit_code != 0
    assert "--method 'r'" in bad.output


def test_opportunities_with_stata_densities_by_hand(hand_session):
    """Moscow holds 300490 and 854231 (tests/complexity/hand.py). Proximity of the world's
    Mcp: phi(010121, q) = 1/2 for each other q, phi(020110, 300490) = 0, phi(020110, 854231) =
    1/2. Without the diagonal, 010121's density is (1/2 + 1/2) / (3/2) = 2/3 and 020110's
    (0 + 1/2) / (1/2 + 0 + 1/2) = 1/2 (0.4 and 0.25 with ecomplexity's diagonal of 1)."""
    out = hand_session.opportunities(reporter="RU-MOW", year=2020, method="stata", markets=1)
    products = out.drop_duplicates("product").set_index("product")
    assert products.index.tolist() == ["010121", "020110"]
    assert products["density"].tolist() == pytest.approx([2 / 3, 1 / 2])
    result = CliRunner().invoke(
        app, ["--db", str(hand_session.warehouse.path), "opportunities", "--reporter",
              "RU-MOW", "--year", "2020", "--method", "stata", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = pd.DataFrame(json.loads(result.stdout)).drop_duplicates("product")
    assert shown["density"].tolist() == pytest.approx([2 / 3, 1 / 2])
