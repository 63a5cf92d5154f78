"""Check the heldout4 answer keys without running the checker.

``python -m bench.check_corpus.heldout4.validate``: the checks of heldout2's validator.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.check_corpus.heldout2.validate import main

if __name__ == "__main__":
    sys.exit(main(Path(__file__).parent))
