"""Write flows.csv of this example (and the copy shipped in the package) from hitex.demo.moscow.

Run from the repository root: ``.venv/bin/python examples/moscow-2020/generate.py``.
The output is the same byte for byte on every run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hitex.demo import moscow

HERE = Path(__file__).parent
PACKAGED = HERE.parents[1] / "src" / "hitex" / "demo" / "data" / "moscow-2020.csv"

if __name__ == "__main__":
    moscow.write(HERE / "flows.csv")
    shutil.copyfile(HERE / "flows.csv", PACKAGED)
    print(f"wrote {HERE / 'flows.csv'} and {PACKAGED}")
