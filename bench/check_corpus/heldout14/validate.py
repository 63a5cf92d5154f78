"""Check the heldout14 answer keys without running the checker.

``python -m bench.check_corpus.heldout14.validate``: the checks of heldout2's validator (spans found
in text order with the scorer's ``locate``, kinds, verdicts, notes, 120-300 words, the counts), that
every article has 150-280 words, and that no article shares a five-word sequence with the earlier
parts (dev, heldout, heldout2-13).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.check_corpus.heldout2.validate import main
from bench.check_corpus.heldout6.validate import earlier_parts, lengths, shared_sequences

HERE = Path(__file__).parent


if __name__ == "__main__":
    bad = main(HERE)
    overlap = shared_sequences(HERE, earlier_parts(HERE))
    short = lengths(HERE, (150, 280))
    sys.exit(1 if overlap or short or bad else 0)
