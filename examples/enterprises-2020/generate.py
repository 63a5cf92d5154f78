"""Write flows.csv and registry.csv of this example (and the copies shipped in the package).

Run from the repository root: ``.venv/bin/python examples/enterprises-2020/generate.py``.
The output is the same byte for byte on every run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hitex.demo import enterprises

HERE = Path(__file__).parent
PACKAGED = HERE.parents[1] / "src" / "hitex" / "demo" / "data"

if __name__ == "__main__":
    enterprises.write(HERE / "flows.csv", HERE / "registry.csv")
    shutil.copyfile(HERE / "flows.csv", PACKAGED / "enterprises-2020.csv")
    shutil.copyfile(HERE / "registry.csv", PACKAGED / "enterprises-registry.csv")
    print(f"wrote {HERE / 'flows.csv'}, {HERE / 'registry.csv'} and their copies in {PACKAGED}")
