"""Longest-prefix matching of codes against small rule tables (ISIC prefixes, BEC prefixes)."""

from __future__ import annotations

import pandas as pd


def _best_rule(code: str, rules: list[tuple[str, str]]) -> int | None:
    best: int | None = None
    best_length = -1
    for position, (start, excluded) in enumerate(rules):
        if not code.startswith(start) or (excluded and code.startswith(excluded)):
            continue
        if len(start) > best_length:
            best, best_length = position, len(start)
    return best


def match_longest_prefix(
    codes: pd.Series, rules: pd.DataFrame, *, prefix: str, exclude: str | None = None
) -> pd.DataFrame:
    """Give each code the rule row whose ``prefix`` is the longest one it starts with.

    Parameters
    ----------
    codes
        Codes to match (text).
    rules
        Rule table; an empty prefix matches every code.
    prefix
        Column of ``rules`` holding the prefix.
    exclude
        Optional column holding a prefix that removes codes from the rule
        (OECD: chemicals ``24`` excluding pharmaceuticals ``2423``).

    Returns
    -------
    pandas.DataFrame
        The rule columns, one row per code (aligned on ``codes``' index); all
        missing where no rule matches.

    Examples
    --------
    >>> rules = pd.DataFrame({"p": ["24", "2423"], "x": ["2423", ""], "g": ["mh", "high"]})
    >>> match_longest_prefix(pd.Series(["2411", "2423", "0111"]), rules, prefix="p", exclude="x")[
    ...     "g"
    ... ].tolist()
    ['mh', 'high', nan]
    """
    starts = rules[prefix].astype(str).tolist()
    excludes = rules[exclude].astype(str).tolist() if exclude else [""] * len(starts)
    pairs = list(zip(starts, excludes, strict=True))
    chosen = {code: _best_rule(code, pairs) for code in set(codes.astype(str).tolist())}
    positions = codes.astype(str).map(chosen)
    found = rules.reset_index(drop=True).reindex(positions.fillna(-1).astype(int).to_numpy())
    return found.set_axis(codes.index)


def nearest_pairs(pairs: pd.DataFrame, key: str, codes: set[str]) -> pd.DataFrame:
    """Return the rows of ``pairs`` for each of ``codes``, or those of its nearest listed ancestor.

    SITC codes nest by prefix: a code the correspondence does not list (Comtrade's SITC Rev.1
    ``00141``) takes the rows of the longest prefix of it, of three digits or more, that it lists
    (``0014``). The result's ``key`` column holds the code asked for.

    Examples
    --------
    >>> pairs = pd.DataFrame({"s": ["0014", "0015"], "t": ["a", "b"]})
    >>> nearest_pairs(pairs, "s", {"00141", "0015", "9"}).sort_values("s").values.tolist()
    [['00141', 'a'], ['0015', 'b']]
    """
    listed = set(pairs[key])
    up = {c: c for c in codes & listed}
    for code in codes - listed:
        found = next((code[:n] for n in range(len(code) - 1, 2, -1) if code[:n] in listed), None)
        if found is not None:
            up[code] = found
    asked = pd.DataFrame({key: list(up), "up__": list(up.values())}, dtype=object)
    rows = asked.merge(pairs.rename(columns={key: "up__"}), on="up__")
    return rows.drop(columns="up__").reset_index(drop=True)
