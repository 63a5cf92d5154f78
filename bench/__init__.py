"""Benchmarks for hitex: a BACI-shaped data generator and timed workloads.

Run ``python -m bench --help`` for the benchmark and ``python -m bench.generate --help``
for the generator alone. Results are written to ``bench/RESULTS.md``.
"""

from __future__ import annotations
