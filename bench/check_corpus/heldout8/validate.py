"""Check the heldout8 answer keys without running the checker.

``python -m bench.check_corpus.heldout8.validate``: the checks of heldout2's validator (spans found
in text order with the scorer's ``locate``, kinds, verdicts, notes, 120-300 words, the counts), that
every article has 150-280 words, and that no article shares a five-word sequence with the earlier
parts (dev, heldout, heldout2-7).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.check_corpus.heldout2.validate import main
from bench.check_corpus.heldout6.validate import _grams, _words

HERE = Path(__file__).parent
EARLIER = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")


def lengths(folder: Path = HERE) -> int:
    """Print and count the articles outside 150-280 words."""
    bad = 0
    for path in sorted(folder.glob("*.txt")):
        n = len(_words(path.read_text(encoding="utf-8")))
        if not 150 <= n <= 280:
            print(f"{path.name}: {n} words, outside 150-280")
            bad += 1
    return bad


def shared_sequences(folder: Path = HERE) -> int:
    """Print and count the five-word sequences the part's articles share with earlier parts."""
    old: set[tuple[str, ...]] = set()
    for part in EARLIER:
        for path in (folder.parent / part).glob("*.txt"):
            old |= _grams(path.read_text(encoding="utf-8"))
    total = 0
    for path in sorted(folder.glob("*.txt")):
        shared = sorted(_grams(path.read_text(encoding="utf-8")) & old)
        total += len(shared)
        for words in shared:
            print(f"{path.name}: shares {' '.join(words)!r} with an earlier part")
    print(f"five-word sequences shared with {', '.join(EARLIER)}: {total}")
    return total


if __name__ == "__main__":
    bad = main(HERE)
    overlap, short = shared_sequences(), lengths(HERE)
    sys.exit(1 if overlap or short or bad else 0)
