"""Check the heldout31 answer keys without running the checker.

``python -m bench.check_corpus.heldout31.validate``: the checks of heldout2's validator (spans found
in text order with the scorer's ``locate``, kinds, verdicts, notes, 120-300 words, the counts), that
every article has 150-280 words, and that no article shares a five-word sequence with the earlier
parts (dev, heldout, heldout2-30).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.check_corpus.heldout6.validate import check

if __name__ == "__main__":
    sys.exit(check(Path(__file__).parent))
