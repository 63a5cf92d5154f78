"""Check the heldout6 answer keys without running the checker.

``python -m bench.check_corpus.heldout6.validate``: the checks of heldout2's validator (spans found
in text order with the scorer's ``locate``, kinds, verdicts, notes, 120-300 words, the counts), that
every article has 130-260 words, and that no article shares a five-word sequence with the earlier
parts (dev, heldout, heldout2-5).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bench.check_corpus.heldout2.validate import main

HERE = Path(__file__).parent
EARLIER = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")


def earlier_parts(folder: Path) -> tuple[str, ...]:
    """The parts written before ``folder``'s: dev, heldout, then heldout2 up to its own number.

    >>> earlier_parts(Path("bench/check_corpus/heldout4"))
    ('dev', 'heldout', 'heldout2', 'heldout3')
    """
    number = int(folder.name.removeprefix("heldout") or 1)
    return ("dev", "heldout", *(f"heldout{n}" for n in range(2, number)))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _grams(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def lengths(folder: Path = HERE, words: tuple[int, int] = (130, 260)) -> int:
    """Print and count the articles outside ``words`` (fewest, most) words."""
    lo, hi = words
    bad = 0
    for path in sorted(folder.glob("*.txt")):
        n = len(_words(path.read_text(encoding="utf-8")))
        if not lo <= n <= hi:
            print(f"{path.name}: {n} words, outside {lo}-{hi}")
            bad += 1
    return bad


def shared_sequences(folder: Path = HERE, earlier: tuple[str, ...] = EARLIER) -> int:
    """Print and count the five-word sequences the part's articles share with earlier parts."""
    old: set[tuple[str, ...]] = set()
    for part in earlier:
        for path in (folder.parent / part).glob("*.txt"):
            old |= _grams(path.read_text(encoding="utf-8"))
    total = 0
    for path in sorted(folder.glob("*.txt")):
        shared = sorted(_grams(path.read_text(encoding="utf-8")) & old)
        total += len(shared)
        for words in shared:
            print(f"{path.name}: shares {' '.join(words)!r} with an earlier part")
    print(f"five-word sequences shared with {', '.join(earlier)}: {total}")
    return total


def check(folder: Path, words: tuple[int, int] = (150, 280)) -> int:
    """The exit status of a later part's validator: heldout2's checks of ``folder``'s keys, its
    articles' lengths in ``words`` and no five-word sequence shared with the parts before it."""
    bad = main(folder)
    overlap = shared_sequences(folder, earlier_parts(folder))
    short = lengths(folder, words)
    return 1 if overlap or short or bad else 0


if __name__ == "__main__":
    bad = main(HERE)
    sys.exit(1 if shared_sequences() or lengths() or bad else 0)
