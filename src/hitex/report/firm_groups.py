"""Enterprise groups in words: the labels reports give them, and the words texts name them by.

``data/firm_groups.yaml`` gives the groups press texts know (``high-tech`` as "high-tech
enterprises" / "высокотехнологичные предприятия"); a registry's other groups are named by
their own name before an enterprise noun ("export-support companies"). A user's lexicon
(``hitex check --lexicon``) may add a ``firm_groups:`` list of the same entries.

Examples
--------
>>> label("high-tech", "ru"), label("HIGH-TECH", "en"), label("district-7", "en")
('высокотехнологичные предприятия', 'high-tech enterprises', None)
>>> [g.group for g in named(["high-tech", "Zelenograd"])]  # export-support: built in, not loaded
['high-tech', 'Zelenograd', 'export-support']
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from hitex.errors import InputError

__all__ = ["NOUN", "FirmGroup", "label", "named", "pattern", "read"]

#: Nouns that name enterprises (word starts), English and Russian.
NOUNS = ("enterprise", "compan", "firm", "exporter", "manufacturer", "business", "producer",
         "предприят", "компани", "фирм", "экспортер", "экспортёр", "производител",
         "организаци")  # fmt: skip
#: One enterprise noun, any ending.
NOUN = r"(?<![\w-])(?:" + "|".join(NOUNS) + r")\w*"


@dataclass(frozen=True)
class FirmGroup:
    """A group of a registry, the words that name it, and its labels (None: its own name)."""

    group: str
    words: tuple[str, ...]
    en: str | None = None
    ru: str | None = None


def pattern(word: str) -> str:
    r"""A regular expression for a word of the list: any ending; spaces, commas or hyphens.

    >>> bool(re.fullmatch(pattern("компани получивш поддержк"),
    ...                   "компании, получившие поддержку", re.I))
    True
    """
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", word.strip()) if p]
    return r"[\s,\-]+".join(f"{p}\\w*" for p in parts)


def _path() -> Path:
    return Path(str(resources.files("hitex.report").joinpath("data", "firm_groups.yaml")))


def read(path: str | os.PathLike[str], *, required: bool = True) -> list[FirmGroup]:
    """The ``firm_groups:`` entries of a YAML file (none when it has no such list)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path} is not valid YAML: {exc}.") from None
    entries = data.get("firm_groups") if isinstance(data, dict) else None
    if entries is None:
        if required:
            raise InputError(f"{path} holds no 'firm_groups:' list.")
        return []
    return [_entry(path, e) for e in entries]


def _entry(path: Path, e: Any) -> FirmGroup:
    if not isinstance(e, dict) or not e.get("group") or not isinstance(e.get("words"), list):
        raise InputError(f"{path}: each of firm_groups needs 'group' and a 'words' list ({e!r}).")
    return FirmGroup(str(e["group"]), tuple(str(w) for w in e["words"]),
                     None if e.get("en") is None else str(e["en"]),
                     None if e.get("ru") is None else str(e["ru"]))  # fmt: skip


@functools.cache
def builtin() -> tuple[FirmGroup, ...]:
    """The entries of ``data/firm_groups.yaml``."""
    return tuple(read(_path()))


def label(group: str, lang: str = "en", more: Sequence[FirmGroup] = ()) -> str | None:
    """How a report names ``group`` in ``lang`` (None when no entry labels it)."""
    for g in (*more, *builtin()):
        if g.group.lower() == group.lower():
            return g.ru if lang == "ru" else g.en
    return None


def named(groups: Iterable[str], more: Sequence[FirmGroup] = ()) -> list[FirmGroup]:
    """Entries for the registry's ``groups``: the words listed, and each name before a noun.

    Entries of groups no registry gave are kept too (a text may name a group not loaded).
    """
    entries = {g.group.lower(): g for g in (*builtin(), *more)}  # the user's replace ours
    out = []
    for name in groups:
        own = tuple(f"{name} {noun}" for noun in NOUNS)
        entry = entries.pop(name.lower(), None)
        words = own if entry is None else (*entry.words, *own)
        out.append(FirmGroup(name, words, entry.en if entry else None,
                             entry.ru if entry else None))  # fmt: skip
    return [*out, *entries.values()]
