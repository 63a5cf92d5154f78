"""The figures of enterprise tables computed with pandas on the raw files, not by hitex."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def records(flows: Path) -> pd.DataFrame:
    """The raw records as pandas reads them."""
    return pd.read_csv(flows, dtype={"product": str, "firm": str})


def members(registry: Path, group: str, year: int) -> set[str]:
    """The group's enterprises with a membership valid in ``year``."""
    r = pd.read_csv(registry, dtype=str).fillna("")
    r = r[r["group"].str.lower() == group.lower()]
    ok = r.apply(
        lambda m: (
            (m["from_year"] == "" or int(m["from_year"]) <= year)
            and (m["to_year"] == "" or int(m["to_year"]) >= year)
        ),
        axis=1,
    )
    return set(r.loc[ok, "firm"]) if len(r) else set()


def table(
    flows: Path,
    registry: Path | None,
    *,
    group: str | None,
    year: int,
    compare: int,
    by: str | None,
    flow: str = "export",
) -> pd.DataFrame:
    """value, base value, firms, new firms, exits and the growth decomposition per ``by``."""
    f = records(flows)
    f = f[f["flow"] == flow]
    if group is not None:
        assert registry is not None
        keep = {y: members(registry, group, y) for y in (year, compare)}
        f = f[[firm in keep.get(y, set()) for firm, y in zip(f["firm"], f["year"], strict=True)]]
    key = [by] if by else []
    f = f.assign(_all=1)
    per = f.groupby([*key, "_all", "firm"]).apply(
        lambda g: pd.Series(
            {
                "now": g.loc[g["year"] == year, "value_usd"].sum(),
                "base": g.loc[g["year"] == compare, "value_usd"].sum(),
                "in_now": (g["year"] == year).any(),
                "in_base": (g["year"] == compare).any(),
            }
        ),
        include_groups=False,
    )
    per = per.reset_index()
    rows = []
    for k, g in per.groupby([*key, "_all"]):
        new = g["in_now"] & ~g["in_base"]
        gone = g["in_base"] & ~g["in_now"]
        both = g["in_now"] & g["in_base"]
        rows.append(
            {
                **({by: k[0]} if by else {}),
                "value_usd": g["now"].sum(),
                "base_value_usd": g["base"].sum(),
                "firms": int(g["in_now"].sum()),
                "new_firms": int(new.sum()),
                "exits": int(gone.sum()),
                "new_firms_usd": g.loc[new, "now"].sum(),
                "exits_usd": g.loc[gone, "base"].sum(),
                "continuing_change_usd": (g.loc[both, "now"] - g.loc[both, "base"]).sum(),
            }
        )
    return pd.DataFrame(rows)


def parts_shown(
    flows: Path,
    registry: Path | None,
    *,
    group: str | None,
    year: int,
    compare: int,
    by: str | None,
    min_firms: int = 3,
    dominance: float = 85.0,
) -> dict[object, bool]:
    """Per row: whether its growth may be taken apart (new exporters' value now, exits' value
    in the base year, continuing exporters' values in both each pass the rules on their own)."""
    f = records(flows)
    f = f[f["flow"] == "export"]
    if group is not None:
        assert registry is not None
        keep = {y: members(registry, group, y) for y in (year, compare)}
        f = f[[firm in keep.get(y, set()) for firm, y in zip(f["firm"], f["year"], strict=True)]]
    f = f.assign(_all="all")
    key = by or "_all"

    def fails(values: pd.Series) -> bool:
        v = values[values != 0].abs()
        if v.empty:
            return False
        return len(v) < min_firms or v.max() > v.sum() * dominance / 100

    out = {}
    for k, g in f.groupby(key):
        now = g[g["year"] == year].groupby("firm")["value_usd"].sum()
        base = g[g["year"] == compare].groupby("firm")["value_usd"].sum()
        new = now[~now.index.isin(base.index)]
        gone = base[~base.index.isin(now.index)]
        kept_now = now[now.index.isin(base.index)]
        kept_base = base[base.index.isin(now.index)]
        out[k] = not any(fails(p) for p in (new, gone, kept_now, kept_base))
    return out
