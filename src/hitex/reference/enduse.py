"""End use of HS17 / HS22 products from the UNSD HS -> BEC Rev.4 correlation tables.

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

_BEC_FILES = {"HS17": "hs2017_to_bec4.csv", "HS22": "hs2022_to_bec4.csv"}
ENDUSE_CLASSIFICATIONS: tuple[str, ...] = tuple(_BEC_FILES)


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
    table = table[table["product"] != ""].reset_index(drop=True)
    return table.assign(
        classification=classification,
        rank=table.groupby("product").cumcount() + 1,
    )


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
    """Mark one link per product: most votes in the heading, then chapter, then first listed."""
    order = links.sort_values(
        ["classification", "product", "heading_votes", "chapter_votes", "rank"],
        ascending=[True, True, False, False, True],
    )
    first = order.drop_duplicates(["classification", "product"]).index
    return pd.Series(links.index.isin(first), index=links.index)


@functools.lru_cache(maxsize=1)
def _bec_links() -> pd.DataFrame:
    links = pd.concat([_links(c) for c in ENDUSE_CLASSIFICATIONS], ignore_index=True)
    rules = match_longest_prefix(links["bec"], enduse_groups(), prefix="bec_prefix")
    links = links.assign(group_code=rules["group_code"], stage_code=rules["stage_code"])
    parts = [
        part.assign(alternatives=_alternatives(part))
        for _, part in links.groupby("classification", sort=False)
    ]
    links = pd.concat(parts).sort_index()
    links = links.assign(heading_votes=_votes(links, 4), chapter_votes=_votes(links, 2))
    columns = ["classification", "product", "bec", "relationship", "rank", "group_code"]
    votes = ["stage_code", "alternatives", "heading_votes", "chapter_votes"]
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
