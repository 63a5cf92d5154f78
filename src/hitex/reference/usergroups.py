"""User-defined product and partner groups, written in YAML.

File format
-----------
.. code-block:: yaml

    scheme: moscow-hightech
    classification: HS17        # optional, default HS17
    groups:
      gas turbines: [841181, 841182]
      telecom equipment: ["8517"]
      jewellery and metal-working:
        include: ["71", "72-83"]     # prefixes; a range of chapters/headings of equal length
        exclude: ["7108"]
    partners:                        # optional
      friendly: [CHN, IND, TUR]

- ``scheme`` (required): the scheme's name; it may not be a built-in scheme name.
- ``classification``: a classification hitex knows (``HS17``, ``HS22``, ``SITC4``,
  ``EBOPS2010``, ...).
- ``groups``: group name -> a list of codes, or a mapping with ``include`` (a list) and
  optionally ``exclude`` (a list). Each code is a *prefix*: it must be a code of the
  nomenclature (chapter ``85``, heading ``8517``, subheading ``851762``) and stands for
  every most detailed code under it. ``A-B`` is a range of codes of equal length
  (``72-83``: chapters 72 to 83; codes that do not exist, like chapter 77, are skipped,
  but both ends must exist). ``exclude`` removes codes from the group's ``include``.
  Codes are read as written, so ``010121`` keeps its leading zero even unquoted.
- ``partners``: group name -> list of ISO 3166-1 alpha-3 codes, checked against the UN M49
  country list.

A scheme written in SITC (``SITC3`` or ``SITC4``, as the OECD and Eurostat high-tech product
lists are) also classifies HS data of every edition, HS92 to HS22: a six-digit HS code is in a
group when more than half of its weight along the UNSD correlation tables reaches the group's
SITC headings (:mod:`hitex.reference.sitchs` states the paths, the split rule and the coverage).

The groups of a file must not overlap: each product (and each partner country) is in
at most one group of the file, and no group may be empty. Any problem raises
:class:`hitex.errors.BadFileError` carrying ``file``, ``line`` and ``value``, with a
one-sentence message naming the file and line.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hitex.errors import BadFileError, suggest
from hitex.reference.partners import GROUP_COLUMNS as COUNTRY_GROUP_COLUMNS
from hitex.reference.partners import iso3_codes
from hitex.reference.products import CLASSIFICATIONS, leaves_of, products_of
from hitex.reference.schemes import GROUP_COLUMNS, scheme_names
from hitex.reference.sitchs import SITC, hs_groups

_TOP_KEYS = ("scheme", "classification", "groups", "partners")
_GROUP_KEYS = ("include", "exclude")


@dataclass(frozen=True, eq=False)
class UserScheme:
    """A scheme read from a YAML file, resolved to detailed codes.

    Attributes
    ----------
    name, classification, file
        As in the file (``classification`` defaults to ``HS17``).
    product_groups
        Same columns as :func:`hitex.reference.schemes.product_groups_frame`; one row per
        most detailed code; ``group_code`` and ``group_name`` are both the group's name. A
        SITC scheme also has rows for the six-digit codes of every HS edition.
    country_groups
        Same columns as :func:`hitex.reference.partners.country_groups_frame`, with
        ``scheme`` = the scheme's name and no years.
    """

    name: str
    classification: str
    file: str
    product_groups: pd.DataFrame
    country_groups: pd.DataFrame


@dataclass(frozen=True)
class _Context:
    file: str
    classification: str = "HS17"

    def error(self, node: Node, problem: str, value: str | None = None) -> BadFileError:
        line = node.start_mark.line + 1
        shown = value if value is not None else _text(node)
        return BadFileError(
            f"{self.file}, line {line}: {problem}", file=self.file, line=line, value=shown
        )


def _text(node: Node) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


def _items(node: MappingNode) -> Iterator[tuple[ScalarNode, Node]]:
    yield from node.value


def _compose(text: str, file: str) -> MappingNode:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise BadFileError(
            f"{file}, line {line}: not valid YAML ({exc.problem}).", file=file, line=line
        ) from exc
    if not isinstance(root, MappingNode):
        raise BadFileError(
            f"{file}: a group file must be a YAML mapping with 'scheme:'.", file=file
        )
    return root


def _sections(root: MappingNode, ctx: _Context) -> dict[str, tuple[ScalarNode, Node]]:
    found: dict[str, tuple[ScalarNode, Node]] = {}
    for key, value in _items(root):
        name = str(key.value)
        if name not in _TOP_KEYS:
            raise ctx.error(key, f"unknown key {name!r}.{suggest(name, _TOP_KEYS)}")
        found[name] = (key, value)
    if "scheme" not in found:
        raise ctx.error(root, "the file has no 'scheme:' name.", value="")
    if "groups" not in found and "partners" not in found:
        raise ctx.error(root, "the file has neither 'groups:' nor 'partners:'.", value="")
    return found


def _scalar(node: Node, ctx: _Context, what: str) -> str:
    if not isinstance(node, ScalarNode) or node.value == "":
        raise ctx.error(node, f"{what} must be a single value.", value="")
    return str(node.value).strip()


def _scheme_name(node: Node, ctx: _Context) -> str:
    name = _scalar(node, ctx, "'scheme'")
    if name in scheme_names():
        raise ctx.error(node, f"scheme name {name!r} is a built-in scheme; choose another.")
    return name


def _classification(node: Node, ctx: _Context) -> str:
    name = _scalar(node, ctx, "'classification'")
    if name not in CLASSIFICATIONS:
        hint = suggest(name, CLASSIFICATIONS)
        raise ctx.error(node, f"unknown classification {name!r}.{hint}")
    return name


@functools.lru_cache(maxsize=len(CLASSIFICATIONS))
def _codes(classification: str) -> tuple[frozenset[str], tuple[str, ...]]:
    known = frozenset(products_of(classification)["product"].tolist())
    return known, tuple(leaves_of(classification)["product"].tolist())


def _known_code(code: str, node: Node, ctx: _Context) -> str:
    known, _ = _codes(ctx.classification)
    if code not in known:
        hint = suggest(code, known)
        raise ctx.error(node, f"{code!r} is not an {ctx.classification} code.{hint}", value=code)
    return code


def _prefixes(node: ScalarNode, ctx: _Context) -> list[str]:
    """Return the prefixes one list item stands for: a code, or every code of a range."""
    text = str(node.value).strip()
    if "-" not in text:
        return [_known_code(text, node, ctx)]
    start, _, end = (part.strip() for part in text.partition("-"))
    if len(start) != len(end) or not (start.isdigit() and end.isdigit()) or start > end:
        raise ctx.error(node, f"range {text!r} needs two codes of equal length, low to high.")
    _known_code(start, node, ctx)
    _known_code(end, node, ctx)
    known, _ = _codes(ctx.classification)
    return sorted(c for c in known if len(c) == len(start) and start <= c <= end)


def _under(prefixes: list[str], ctx: _Context) -> set[str]:
    _, leaves = _codes(ctx.classification)
    starts = tuple(prefixes)
    return {leaf for leaf in leaves if leaf.startswith(starts)}


def _list(node: Node, ctx: _Context, what: str) -> list[ScalarNode]:
    if not isinstance(node, SequenceNode):
        raise ctx.error(node, f'{what} must be a list, e.g. ["8517", "841181"].')
    items = [item for item in node.value if isinstance(item, ScalarNode)]
    if len(items) != len(node.value):
        raise ctx.error(node, f"{what} must be a list of codes.", value="")
    return items


def _resolve_list(node: Node, ctx: _Context, what: str) -> tuple[set[str], list[ScalarNode]]:
    items = _list(node, ctx, what)
    prefixes = [p for item in items for p in _prefixes(item, ctx)]
    return _under(prefixes, ctx), items


def _group_codes(name: str, node: Node, ctx: _Context) -> set[str]:
    if not isinstance(node, MappingNode):
        return _resolve_list(node, ctx, f"group {name!r}")[0]
    parts = {}
    for key, value in _items(node):
        if key.value not in _GROUP_KEYS:
            raise ctx.error(key, f"group {name!r} may only have 'include' and 'exclude'.")
        parts[key.value] = value
    if "include" not in parts:
        raise ctx.error(node, f"group {name!r} has no 'include' list.", value=name)
    included, _ = _resolve_list(parts["include"], ctx, "'include'")
    if "exclude" in parts:
        included = _exclude(included, parts["exclude"], name, ctx)
    return included


def _exclude(included: set[str], node: Node, name: str, ctx: _Context) -> set[str]:
    _, items = _resolve_list(node, ctx, "'exclude'")
    for item in items:
        removed = _under(_prefixes(item, ctx), ctx) & included
        if not removed:
            raise ctx.error(item, f"exclude {item.value!r} is not inside group {name!r}.")
        included = included - removed
    return included


def _check_overlap(
    owner: dict[str, str], codes: set[str], name: str, node: Node, ctx: _Context
) -> None:
    clash = sorted(c for c in codes if c in owner)
    if clash:
        other = owner[clash[0]]
        shown = ", ".join(clash[:5]) + (f" and {len(clash) - 5} more" if len(clash) > 5 else "")
        raise ctx.error(
            node,
            f"groups {other!r} and {name!r} overlap: {shown} are in both.",
            value=",".join(clash),
        )


def _group_name(key: ScalarNode, seen: set[str], ctx: _Context) -> str:
    name = _scalar(key, ctx, "a group name")
    if name in seen:
        raise ctx.error(key, f"group {name!r} is defined twice.")
    seen.add(name)
    return name


def _product_groups(node: Node, scheme: str, ctx: _Context) -> pd.DataFrame:
    if not isinstance(node, MappingNode):
        raise ctx.error(node, "'groups' must map group names to lists of codes.", value="")
    owner: dict[str, str] = {}
    seen: set[str] = set()
    for key, value in _items(node):
        name = _group_name(key, seen, ctx)
        codes = _group_codes(name, value, ctx)
        if not codes:
            raise ctx.error(key, f"group {name!r} is empty.")
        _check_overlap(owner, codes, name, key, ctx)
        owner.update(dict.fromkeys(codes, name))
    rows = sorted(owner.items())
    return pd.DataFrame(
        [(scheme, ctx.classification, code, group, group) for code, group in rows],
        columns=GROUP_COLUMNS,
    )


def _iso3(item: ScalarNode, ctx: _Context) -> str:
    code = str(item.value).strip().upper()
    if code not in set(iso3_codes()):
        hint = suggest(code, iso3_codes())
        raise ctx.error(item, f"{item.value!r} is not an ISO 3166-1 alpha-3 country code.{hint}")
    return code


def _partner_groups(node: Node, scheme: str, ctx: _Context) -> pd.DataFrame:
    if not isinstance(node, MappingNode):
        raise ctx.error(node, "'partners' must map group names to lists of ISO3 codes.", value="")
    owner: dict[str, str] = {}
    seen: set[str] = set()
    for key, value in _items(node):
        name = _group_name(key, seen, ctx)
        codes = {_iso3(item, ctx) for item in _list(value, ctx, f"partner group {name!r}")}
        if not codes:
            raise ctx.error(key, f"partner group {name!r} is empty.")
        _check_overlap(owner, codes, name, key, ctx)
        owner.update(dict.fromkeys(codes, name))
    frame = pd.DataFrame(
        [(scheme, group, code) for code, group in sorted(owner.items())],
        columns=["scheme", "group_name", "iso3"],
    )
    return frame.assign(year_from=None, year_to=None).astype(
        {"year_from": "Int64", "year_to": "Int64"}
    )[COUNTRY_GROUP_COLUMNS]


def parse_user_scheme(text: str, file: str = "<string>") -> UserScheme:
    r"""Read a user scheme from YAML text; see the module notes for the format.

    Raises
    ------
    hitex.errors.BadFileError
        With ``file``, ``line`` and ``value`` of the first problem found.

    Examples
    --------
    >>> scheme = parse_user_scheme("scheme: t\ngroups: {turbines: ['841181']}")
    >>> scheme.product_groups[["product", "group_code"]].values.tolist()
    [['841181', 'turbines']]
    """
    root = _compose(text, file)
    sections = _sections(root, _Context(file))
    ctx = _Context(file)
    if "classification" in sections:
        ctx = _Context(file, _classification(sections["classification"][1], ctx))
    name = _scheme_name(sections["scheme"][1], ctx)
    products = (
        _product_groups(sections["groups"][1], name, ctx)
        if "groups" in sections
        else pd.DataFrame(columns=GROUP_COLUMNS)
    )
    partners = (
        _partner_groups(sections["partners"][1], name, ctx)
        if "partners" in sections
        else pd.DataFrame(columns=COUNTRY_GROUP_COLUMNS)
    )
    if ctx.classification in SITC and len(products):
        on_hs = hs_groups(products).assign(scheme=name)[GROUP_COLUMNS]
        products = pd.concat([products, on_hs], ignore_index=True)
    return UserScheme(name, ctx.classification, file, products, partners)


def load_user_scheme(path: str | Path) -> UserScheme:
    """Read a user scheme from a YAML file; see :func:`parse_user_scheme`.

    Raises
    ------
    hitex.errors.BadFileError
        If the file cannot be read or holds a mistake (file, line and value attached).
    """
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadFileError(f"{file}: cannot read the file ({exc}).", file=file) from exc
    return parse_user_scheme(text, file)
