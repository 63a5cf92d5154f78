"""``python -m bench.view_rebuild DB``: the dashboard's columns after a revision, read again
whole and only for the reporters it touched (:func:`hitex.api.answers.update`).

Copies ``DB`` (never changed), builds the columns of its version, loads a revision of FRA's
2021 flows (:func:`bench.api_load.flows`, factor 2, ``revise=True``) as ``hitex serve`` does,
then builds the new version's columns both ways, turn about, on the same snapshot, and
checks they hold the same rows.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.api_load import flows
from hitex.api import answers
from hitex.api.connections import Connections
from hitex.store.layout import copy_warehouse


def _same(a: answers.Answers, b: answers.Answers) -> bool:
    """The same rows in the same slices (within a slice rows come in no set order)."""
    if a.slices != b.slices:
        return False
    order = [np.lexsort([getattr(x, c) for c in reversed(answers.COLUMNS)]) for x in (a, b)]
    return all(
        np.array_equal(getattr(a, c)[order[0]], getattr(b, c)[order[1]]) for c in answers.COLUMNS
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the build times; non-zero when the two builds differ."""
    parser = argparse.ArgumentParser(prog="python -m bench.view_rebuild", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--rows", type=int, default=40_000, help="flows the revision replaces")
    args = parser.parse_args(argv)
    os.environ["HITEX_VIEW_MEMORY"] = "off"  # built below, timed
    with tempfile.TemporaryDirectory(prefix="hitex-view-rebuild-") as tmp:
        db = Path(tmp) / "hitex.duckdb"
        copy_warehouse(args.db, db)
        conns = Connections(db, readers=1)
        with conns.read() as s:
            base = answers.build(s.warehouse)
        assert base is not None
        print(f"version before: whole read {base.built_s:.2f} s, {len(base.value):,} rows")
        path = Path(tmp) / "fra-2021-v2.csv"
        flows(path, 2, args.rows)
        started = time.perf_counter()
        with conns.write() as w:
            w.load([path], format="flows", revise=True)
        print(
            f"revision of {args.rows:,} FRA flows loaded in {time.perf_counter() - started:.2f} s"
        )
        load = os.getloadavg()[0]
        with conns.read() as s:
            part = answers.build(s.warehouse, base)
            whole = answers.build(s.warehouse)
        assert part is not None
        assert whole is not None
        print(
            f"version after: only the touched reporters ({', '.join(part.updated or [])}) "
            f"{part.built_s:.2f} s; whole read {whole.built_s:.2f} s; same rows: "
            f"{_same(part, whole)}; load average {load:.1f} -> {os.getloadavg()[0]:.1f}"
        )
        conns.close()
    return 0 if _same(part, whole) and part.updated is not None else 1


if __name__ == "__main__":
    raise SystemExit(main())
