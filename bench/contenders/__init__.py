"""One module per contender; each exports a factory per workload (see ``bench.workloads``)."""

from __future__ import annotations
