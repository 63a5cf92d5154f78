"""End use of HS and SITC products from the UNSD HS / SITC -> BEC Rev.4 correlation tables.

UNSD publishes a BEC Rev.4 table for HS96, HS02, HS07, HS12, HS17, HS22, SITC Rev.2 and
SITC Rev.3 (``data/hs-bec-concordance``); those codes are linked directly. Three
classifications have no table of their own and reach BEC through a UNSD correlation with
one that has (``data/hs-conversion``): ``HS92`` through HS17 (``HS2017 -> HS1992``),
``SITC1`` through SITC Rev.2 (``SITC2 -> SITC1``), ``SITC4`` through SITC Rev.3
(``SITC4 -> SITC3``). Such a code's links are the chosen BEC links (below) of every code
it corresponds to, listed in the order of those codes; the rule below then chooses one,
choosing first the group that most of its counterparts hold (``counterparts``), then as for
a code with several direct links. So HS92 ``300490`` (medicaments), whose HS2017
counterparts are ``300460`` and ``300490`` (consumption goods, BEC 63) and ``300692``
(pharmaceutical waste, BEC 21), is a consumption good.

Codes with several BEC links (the UNSD table marks them ``n:n``: 100 HS17 and 143
HS22 codes; 45 HS17 codes have links in *different* end-use groups) need a rule, since
the table carries no shares to split a value by. The rule, **most frequent in the
neighbourhood**: among a code's links, take the end-use group held most often by the
*unambiguous* codes (all links in one group) of the same HS heading; if no such code
in the heading has any of the candidate groups, or to break a tie, count the same
chapter; then take the first link listed in the UNSD table (which lists a code's links
in ascending order of the BEC code as text). Within the chosen group the first listed
link gives the BEC code. So integrated circuits (``854231``, linked to BEC 21, 22, 41,
42, 61, 62, 63 and 7) get ``capital-parts`` (BEC 42), the group of the other codes of
heading 8542; "first listed" alone would have made them industrial supplies (BEC 21).
Every link stays auditable in :func:`bec_links`: ``heading_votes``, ``chapter_votes``,
``alternatives`` (all groups the links give) and ``chosen``.

Two HS codes have no BEC link at all (``710820`` monetary gold, ``711890`` coin,
both SITC section 9 items) and get no group. ``999999`` links to BEC ``7`` (goods
n.e.s.).

The ``enduse`` groups and the coarser ``enduse-stage`` groups (finished goods /
parts / supplies / fuels / goods n.e.s.) are defined in ``data/schemes/enduse.csv``.
"""

from __future__ import annotations

import functools

import pandas as pd

from hitex.reference._files import read_table
from hitex.reference._prefix import match_longest_prefix
from hitex.reference.products import leaves_of

_BEC_FILES = {
    "HS96": "hs1996_to_bec4.csv",
    "HS02": "hs2002_to_bec4.csv",
    "HS07": "hs2007_to_bec4.csv",
    "HS12": "hs2012_to_bec4.csv",
    "HS17": "hs2017_to_bec4.csv",
    "HS22": "hs2022_to_bec4.csv",
    "SITC2": "sitc2_to_bec4.csv",
    "SITC3": "sitc3_to_bec4.csv",
}
#: Classifications without a BEC table: (correlation file, its column of the code, of the
#: code it corresponds to, the classification with a BEC table that code is in).
_BRIDGES = {
    "HS92": ("hs2017_to_hs1992_correlation.csv", "hs1992", "hs2017", "HS17"),
    "SITC1": ("sitc2_to_sitc1_correlation.csv", "sitc1", "sitc2", "SITC2"),
    "SITC4": ("sitc4_to_sitc3_correlation.csv", "sitc4", "sitc3", "SITC3"),
}
ENDUSE_CLASSIFICATIONS: tuple[str, ...] = (
    "HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22", "SITC1", "SITC2", "SITC3", "SITC4"
)  # fmt: skip


def enduse_groups() -> pd.DataFrame:
    """Return the end-use rules: ``bec_prefix, group_code, group_name, stage_code, stage_name``."""
    return read_table("schemes", "enduse.csv")


def bec_descriptions() -> pd.DataFrame:
    """Return BEC Rev.4 codes and titles: ``bec``, ``bec_name``."""
    table = read_table("hs-bec-concordance", "bec4_descriptions.csv")
    return pd.DataFrame({"bec": table["cmdCode"], "bec_name": table["cmdDescE"]})


def _links(classification: str) -> pd.DataFrame:
    table = read_table("hs-bec-concordance", _BEC_FILES[classification])
    table.columns = pd.Index(["product", "bec", "relationship"])
    # "n/a": UNSD lists monetary gold and coin with no BEC category.
    linked = (table["product"] != "") & ~table["bec"].isin(["", "n/a"])
    table = table[linked].drop_duplicates(["product", "bec"])
    return _ranked(table.reset_index(drop=True), classification)


def _ranked(table: pd.DataFrame, classification: str) -> pd.DataFrame:
    return table.assign(
        classification=classification,
        rank=table.groupby("product").cumcount() + 1,
    )


def _bridged(classification: str, direct: pd.DataFrame) -> pd.DataFrame:
    """Links of a classification without a BEC table: the chosen links of its counterparts."""
    file, own, other, through = _BRIDGES[classification]
    pairs = read_table("hs-conversion", file)[[own, other]].drop_duplicates()
    leaves = set(leaves_of(classification)["product"])
    # A detailed code the table does not list takes the counterparts of the nearest code
    # above it that it lists (SITC Rev.1 0014 stands for Comtrade's 00141 and 00142).
    listed = set(pairs[own])
    nearest = {
        leaf: next((leaf[:n] for n in range(len(leaf) - 1, 2, -1) if leaf[:n] in listed), None)
        for leaf in leaves - listed
    }
    inherited = pd.DataFrame(
        [(leaf, up) for leaf, up in nearest.items() if up is not None], columns=[own, "up"]
    )
    inherited = inherited.merge(pairs, left_on="up", right_on=own, suffixes=("", "_up"))
    pairs = pd.concat([pairs, inherited[[own, other]]], ignore_index=True)
    pairs = pairs[pairs[own].isin(leaves)].sort_values([own, other], kind="stable")
    chosen = direct[(direct["classification"] == through) & direct["chosen"]]
    links = pairs.merge(chosen[["product", "bec", "group_code"]], left_on=other, right_on="product")
    table = pd.DataFrame(
        {
            "product": links[own].to_numpy(),
            "bec": links["bec"].to_numpy(),
            "relationship": "via " + through + " " + links[other],
            # How many counterparts give this link's group: the first test of the rule.
            "counterparts": links.groupby([own, "group_code"])[other].transform("size").to_numpy(),
        }
    )
    table = table.drop_duplicates(["product", "bec"]).reset_index(drop=True)
    return _ranked(table, classification)


def _alternatives(links: pd.DataFrame) -> pd.Series:
    pairs = links[["product", "group_code"]].drop_duplicates().sort_values("group_code")
    joined: dict[str, list[str]] = {}
    for product, group in zip(pairs["product"].tolist(), pairs["group_code"].tolist(), strict=True):
        joined.setdefault(product, []).append(group)
    return links["product"].map({p: ",".join(g) for p, g in joined.items()})


def _votes(links: pd.DataFrame, length: int) -> pd.Series:
    """Count, for each link, the unambiguous codes of its heading/chapter in its group."""
    single = links[~links["alternatives"].str.contains(",", regex=False)]
    single = single.drop_duplicates(["classification", "product"])
    keys = [links["classification"], links["product"].str[:length], links["group_code"]]
    counts = single.groupby(
        [single["classification"], single["product"].str[:length], single["group_code"]]
    ).size()
    found = counts.reindex(pd.MultiIndex.from_arrays(keys)).fillna(0).astype(int)
    return pd.Series(found.to_numpy(), index=links.index)


def _choose(links: pd.DataFrame) -> pd.Series:
    """Mark one link per product: most counterparts, most votes in heading, chapter, first."""
    order = links.sort_values(
        ["classification", "product", "counterparts", "heading_votes", "chapter_votes", "rank"],
        ascending=[True, True, False, False, False, True],
    )
    first = order.drop_duplicates(["classification", "product"]).index
    return pd.Series(links.index.isin(first), index=links.index)


@functools.lru_cache(maxsize=1)
def _bec_links() -> pd.DataFrame:
    direct = _assessed(pd.concat([_links(c) for c in _BEC_FILES], ignore_index=True))
    bridged = pd.concat([_bridged(c, direct) for c in _BRIDGES], ignore_index=True)
    return pd.concat([direct, _assessed(bridged)], ignore_index=True)


def _assessed(links: pd.DataFrame) -> pd.DataFrame:
    """Give each link its group, the votes of its neighbourhood, and mark the chosen ones."""
    rules = match_longest_prefix(links["bec"], enduse_groups(), prefix="bec_prefix")
    links = links.assign(group_code=rules["group_code"], stage_code=rules["stage_code"])
    parts = [
        part.assign(alternatives=_alternatives(part))
        for _, part in links.groupby("classification", sort=False)
    ]
    links = pd.concat(parts).sort_index()
    links = links.assign(heading_votes=_votes(links, 4), chapter_votes=_votes(links, 2))
    if "counterparts" not in links.columns:
        links = links.assign(counterparts=1)
    columns = ["classification", "product", "bec", "relationship", "rank", "group_code"]
    votes = ["stage_code", "alternatives", "counterparts", "heading_votes", "chapter_votes"]
    return links[[*columns, *votes]].assign(chosen=_choose(links))


def bec_links() -> pd.DataFrame:
    """Return every HS -> BEC link with the end-use group it gives and whether it was chosen.

    Returns
    -------
    pandas.DataFrame
        ``classification``, ``product``, ``bec``, ``relationship`` (UNSD: ``n:1``,
        ``n:n``), ``rank`` (order in the UNSD table), ``group_code`` and ``stage_code``
        this link gives, ``alternatives`` (all end-use groups the product's links give,
        comma-separated), ``heading_votes`` and ``chapter_votes`` (unambiguous codes of
        the same heading / chapter in this link's group), ``chosen`` (True for the one
        link per product the schemes use).

    Examples
    --------
    >>> links = bec_links()
    >>> chips = links[(links["classification"] == "HS17") & (links["product"] == "854231")]
    >>> chips.loc[chips["chosen"], ["bec", "group_code"]].values.tolist()
    [['42', 'capital-parts']]
    """
    return _bec_links().copy()


def chosen_links() -> pd.DataFrame:
    """Return the one chosen BEC link per product (cached, do not modify)."""
    links = _bec_links()
    return links[links["chosen"]].reset_index(drop=True)
