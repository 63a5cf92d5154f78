"""Built-in product schemes: each maps (classification, product) to exactly one group.

A scheme is a record in :data:`SCHEMES`; its ``build`` function returns the groups of
the most detailed codes (six-digit HS, EBOPS leaves), computed from the bundled
concordances (never from hand-written code lists). :func:`product_groups_frame` then
adds every less detailed code (HS chapter or heading, EBOPS aggregate) whose detailed
codes *all* have a group, and the same one: heading ``8517`` gets ``tech`` = ``high``
because every ``8517xx`` is high, while chapter ``84`` (machinery) and heading ``8411``
(turbojets are high, gas turbines medium-high) get no ``tech`` group. A code with no
group in a scheme simply has no row (:func:`hitex.reference.coverage.coverage` says why).

Schemes
-------
``tech``
    OECD technology intensity (:mod:`hitex.reference.tech`): ``high``, ``medium-high``,
    ``medium-low``, ``low``, ``none``. Every HS edition, HS92 to HS22, and SITC Rev.3 and
    Rev.4 (the OECD list is defined on ISIC Rev.3: reached from HS through WITS, from SITC
    through Eurostat's ISIC Rev.3 - SITC Rev.3 correspondence).
``enduse``, ``enduse-stage``, ``bec``
    BEC Rev.4 end use (:mod:`hitex.reference.enduse`): every HS edition and SITC Rev.1-4.
``hs-section``, ``hs-chapter``, ``hs-heading``
    The HS hierarchy of every edition, HS92 to HS22, each in its own nomenclature
    (an HS92 code's heading is its first four digits, named as HS92 names it); SITC
    codes have no HS chapter and are not covered.
``techservices``
    EBOPS 2010 technology services: IP charges (SH), R&D (SJ1), telecommunications,
    computer and information services (SI), technical services (SJ31), the rest ``other``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from hitex.errors import UnknownCodeError
from hitex.reference._files import read_table
from hitex.reference._prefix import match_longest_prefix
from hitex.reference.enduse import (
    ENDUSE_CLASSIFICATIONS,
    bec_descriptions,
    chosen_links,
    enduse_groups,
)
from hitex.reference.products import (
    CLASSIFICATIONS,
    HS_CLASSIFICATIONS,
    hs_nomenclature,
    hs_sections,
    leaves_of,
    products_of,
)
from hitex.reference.tech import TECH_CLASSIFICATIONS, tech_groups, tech_mapping

logger = logging.getLogger(__name__)

GROUP_COLUMNS = ["scheme", "classification", "product", "group_code", "group_name"]
HS_CURRENT: tuple[str, ...] = HS_CLASSIFICATIONS


@dataclass(frozen=True)
class Scheme:
    """A built-in product scheme: a partition of products into named groups."""

    name: str
    title: str
    description: str
    classifications: tuple[str, ...]
    build: Callable[[], pd.DataFrame] = field(repr=False, compare=False)


def _named(mapping: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    names = names.drop_duplicates("group_code")[["group_code", "group_name"]]
    return mapping.merge(names, on="group_code", how="left", validate="many_to_one")


def _tech() -> pd.DataFrame:
    return _named(tech_mapping(), tech_groups())


def _enduse_by(code: str, name: str) -> pd.DataFrame:
    links = chosen_links()[["classification", "product", code]]
    names = enduse_groups()[[code, name]].set_axis(["group_code", "group_name"], axis=1)
    return _named(links.rename(columns={code: "group_code"}), names)


def _bec() -> pd.DataFrame:
    links = chosen_links()[["classification", "product", "bec"]]
    names = bec_descriptions().set_axis(["group_code", "group_name"], axis=1)
    return _named(links.rename(columns={"bec": "group_code"}), names)


def _hs_level(classification: str, length: int) -> pd.DataFrame:
    table = hs_nomenclature(classification)
    six = table[table["level"] == 6]
    names = table[table["level"] == length][["hscode", "description"]]
    mapping = pd.DataFrame(
        {
            "classification": classification,
            "product": six["hscode"],
            "group_code": six["hscode"].str[:length],
        }
    )
    return _named(mapping, names.set_axis(["group_code", "group_name"], axis=1))


def _hs_section(classification: str) -> pd.DataFrame:
    table = hs_nomenclature(classification)
    # 999999 sits in the pseudo-section TOTAL and gets no section.
    six = table[(table["level"] == 6) & (table["section"] != "TOTAL")]
    mapping = pd.DataFrame(
        {"classification": classification, "product": six["hscode"], "group_code": six["section"]}
    )
    return _named(mapping, hs_sections().set_axis(["group_code", "group_name"], axis=1))


def _per_edition(build: Callable[[str], pd.DataFrame]) -> pd.DataFrame:
    return pd.concat([build(c) for c in HS_CURRENT], ignore_index=True)


def _techservices() -> pd.DataFrame:
    leaves = leaves_of("EBOPS2010")["product"]
    rules = match_longest_prefix(leaves, read_table("schemes", "techservices.csv"), prefix="prefix")
    return pd.DataFrame(
        {
            "classification": "EBOPS2010",
            "product": leaves,
            "group_code": rules["group_code"],
            "group_name": rules["group_name"],
        }
    )


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "tech",
        "Technology intensity (OECD, ISIC Rev.3)",
        "HS -> HS2002 (UNSD) -> ISIC Rev.3 (WITS) -> OECD high / medium-high / medium-low / low;"
        " none outside manufacturing.",
        TECH_CLASSIFICATIONS,
        _tech,
    ),
    Scheme(
        "enduse",
        "End use (BEC Rev.4)",
        "Capital goods, parts of capital goods, transport equipment and its parts, consumption"
        " goods, food and industrial supplies, fuels; first listed UNSD link where several.",
        ENDUSE_CLASSIFICATIONS,
        functools.partial(_enduse_by, "group_code", "group_name"),
    ),
    Scheme(
        "enduse-stage",
        "Finished goods vs parts (BEC Rev.4)",
        "Finished goods (BEC 41, 51, 52x, 6x), parts (42, 53), food and industrial supplies"
        " (1x, 2x), fuels (3x), goods n.e.s. (7).",
        ENDUSE_CLASSIFICATIONS,
        functools.partial(_enduse_by, "stage_code", "stage_name"),
    ),
    Scheme(
        "bec",
        "BEC Rev.4 category",
        "The BEC Rev.4 code itself (111 ... 7), first listed UNSD link where several.",
        ENDUSE_CLASSIFICATIONS,
        _bec,
    ),
    Scheme(
        "hs-section",
        "HS section",
        "The 21 HS sections (Roman numerals).",
        HS_CURRENT,
        functools.partial(_per_edition, _hs_section),
    ),
    Scheme(
        "hs-chapter",
        "HS chapter",
        "Two-digit HS chapters.",
        HS_CURRENT,
        functools.partial(_per_edition, functools.partial(_hs_level, length=2)),
    ),
    Scheme(
        "hs-heading",
        "HS heading",
        "Four-digit HS headings.",
        HS_CURRENT,
        functools.partial(_per_edition, functools.partial(_hs_level, length=4)),
    ),
    Scheme(
        "techservices",
        "Technology services (EBOPS 2010)",
        "IP charges (SH), R&D (SJ1), telecommunications, computer and information services (SI),"
        " technical services (SJ31); other services.",
        ("EBOPS2010",),
        _techservices,
    ),
)
"""The built-in product schemes, in the order they are listed to users."""


def scheme_names() -> list[str]:
    """Return the names of the built-in schemes."""
    return [s.name for s in SCHEMES]


def get_scheme(name: str) -> Scheme:
    """Return the built-in scheme called ``name``.

    Raises
    ------
    hitex.errors.UnknownCodeError
        For an unknown name, with "Did you mean …?".

    Examples
    --------
    >>> get_scheme("tech").classifications[-2:]
    ('SITC3', 'SITC4')
    >>> get_scheme("enduse-stag")
    Traceback (most recent call last):
    ...
    hitex.errors.UnknownCodeError: Unknown scheme 'enduse-stag'. Did you mean 'enduse-stage'?
    """
    for scheme in SCHEMES:
        if scheme.name == name:
            return scheme
    raise UnknownCodeError.new("scheme", name, scheme_names())


@functools.lru_cache(maxsize=len(CLASSIFICATIONS))
def _descendants(classification: str) -> tuple[list[str], np.ndarray, list[str]]:
    """Return the codes above the most detailed level, and (their position, leaf) pairs."""
    table = products_of(classification)
    parent = dict(zip(table["product"].tolist(), table["parent"].tolist(), strict=True))
    position: dict[str, int] = {}
    above: list[int] = []
    leaves: list[str] = []
    for leaf in leaves_of(classification)["product"].tolist():
        node = parent.get(leaf)
        while isinstance(node, str) and node in parent:
            above.append(position.setdefault(node, len(position)))
            leaves.append(leaf)
            node = parent[node]
    return list(position), np.asarray(above, dtype=np.int64), leaves


def _lift(mapping: pd.DataFrame, classification: str) -> pd.DataFrame:
    """Return groups for the aggregates whose detailed codes all share one group."""
    own = mapping.loc[mapping["classification"] == classification]
    codes, above, leaves = _descendants(classification)
    found = dict(zip(own["product"].tolist(), range(len(own)), strict=True))
    row = np.fromiter((found.get(leaf, -1) for leaf in leaves), dtype=np.int64, count=len(leaves))
    group_ids, _ = pd.factorize(own["group_code"])
    group = np.where(row >= 0, np.asarray(group_ids)[row], -1)
    n = len(codes)
    lowest = np.full(n, np.iinfo(np.int64).max)
    highest = np.full(n, -1)
    np.minimum.at(lowest, above, group)
    np.maximum.at(highest, above, group)
    # One group, and no detailed code without one (-1 would be the lowest).
    single = np.flatnonzero((lowest == highest) & (lowest >= 0))
    first = {g: i for i, g in reversed(list(enumerate(np.asarray(group_ids).tolist())))}
    rows = [first[int(lowest[i])] for i in single]
    return pd.DataFrame(
        {
            "classification": classification,
            "product": [codes[i] for i in single],
            "group_code": own["group_code"].to_numpy()[rows],
            "group_name": own["group_name"].to_numpy()[rows],
        }
    )


def _scheme_frame(scheme: Scheme) -> pd.DataFrame:
    mapping = scheme.build()
    lifted = [_lift(mapping, c) for c in scheme.classifications]
    # A concordance may link an aggregate itself (SITC basic headings): its own link wins.
    own = pd.MultiIndex.from_frame(mapping[["classification", "product"]])
    lifted = [
        part[~pd.MultiIndex.from_frame(part[["classification", "product"]]).isin(own)]
        if not part.empty else part
        for part in lifted
    ]  # fmt: skip
    frame = pd.concat([mapping, *lifted], ignore_index=True).assign(scheme=scheme.name)
    return frame[GROUP_COLUMNS]


@functools.lru_cache(maxsize=1)
def _all_groups() -> pd.DataFrame:
    table = pd.concat([_scheme_frame(s) for s in SCHEMES], ignore_index=True)
    return table.astype(dict.fromkeys(GROUP_COLUMNS, "str"))


def product_groups_frame(scheme: str | None = None) -> pd.DataFrame:
    """Return the product -> group mapping of one built-in scheme, or of all.

    Parameters
    ----------
    scheme
        A name from :data:`SCHEMES`; ``None`` for every scheme.

    Returns
    -------
    pandas.DataFrame
        ``scheme``, ``classification``, ``product``, ``group_code``, ``group_name``;
        within a scheme each (classification, product) appears once.

    Examples
    --------
    >>> tech = product_groups_frame("tech")
    >>> tech[(tech["classification"] == "HS17") & (tech["product"] == "841112")][
    ...     "group_code"
    ... ].item()
    'high'
    """
    table = _all_groups()
    if scheme is None:
        return table.copy()
    get_scheme(scheme)
    return table[table["scheme"] == scheme].reset_index(drop=True)


def scheme_groups(scheme: str) -> pd.DataFrame:
    """Return the distinct groups of a scheme: ``group_code``, ``group_name``, ``products``."""
    table = product_groups_frame(scheme)
    counts = table.groupby(["group_code", "group_name"], sort=False).size()
    return counts.rename("products").reset_index()


def check_classification(classification: str) -> str:
    """Return ``classification`` if hitex knows it, else raise with "Did you mean …?"."""
    if classification not in CLASSIFICATIONS:
        raise UnknownCodeError.new("classification", classification, CLASSIFICATIONS)
    return classification


NotFound = Literal["raise", "warn", "ignore"]


def _known(codes: Iterable[str], classification: str, not_found: NotFound) -> list[str]:
    known = set(products_of(classification)["product"])
    cleaned = [str(c).strip().replace(".", "") for c in codes]
    for code in (c for c in cleaned if c not in known):
        if not_found == "raise":
            raise UnknownCodeError.new(f"{classification} code", code, known)
        if not_found == "warn":
            logger.warning(
                "Unknown %s code %r: no description and no groups.", classification, code
            )
    return cleaned


def known_codes(codes: Iterable[str], classification: str = "HS17") -> list[str]:
    """Return the codes cleaned (``8517.62`` -> ``851762``); raise for an unknown one.

    Cheap: it reads the nomenclature only, not the schemes.
    """
    check_classification(classification)
    return _known(codes, classification, "raise")


def classify(
    codes: Iterable[str], classification: str = "HS17", *, not_found: NotFound = "raise"
) -> pd.DataFrame:
    """Say what every built-in scheme makes of each code.

    Parameters
    ----------
    codes
        Product codes (text; dots and spaces are removed, ``8517.62`` -> ``851762``).
    classification
        The classification the codes are in.
    not_found
        Unknown codes: ``"raise"`` an :class:`~hitex.errors.UnknownCodeError`,
        ``"warn"`` (log a warning and list the code without description or groups)
        or ``"ignore"`` (list it silently).

    Returns
    -------
    pandas.DataFrame
        One row per (code, scheme covering the classification), in the order given:
        ``classification``, ``product``, ``description``, ``scheme``, ``group_code``,
        ``group_name`` (missing where the scheme has no group for the code).

    Examples
    --------
    >>> out = classify(["841181"])
    >>> out.set_index("scheme").loc[["tech", "enduse-stage"], "group_code"].tolist()
    ['medium-high', 'parts']
    """
    check_classification(classification)
    cleaned = _known(codes, classification, not_found)
    described = products_of(classification).set_index("product")["description"]
    schemes: list[str | None] = [s.name for s in SCHEMES if classification in s.classifications]
    grid = pd.MultiIndex.from_product([cleaned, schemes or [None]], names=["product", "scheme"])
    rows = grid.to_frame(index=False).assign(classification=classification)
    rows["description"] = rows["product"].map(described)
    groups = _all_groups()[_all_groups()["classification"] == classification]
    rows = rows.merge(groups, on=["scheme", "classification", "product"], how="left")
    return rows[["classification", "product", "description", "scheme", "group_code", "group_name"]]
