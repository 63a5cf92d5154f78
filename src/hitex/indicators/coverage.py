"""Coverage ratio: exports / imports (1.0 = balanced trade), for ``flow="balance"``."""

from __future__ import annotations

import ibis.expr.types as ir

from hitex.indicators.context import Context, null_unless


def coverage(t: ir.Table, c: Context) -> ir.Value:
    """Exports divided by imports; null where there are no imports."""
    return null_unless(t.imports_usd > 0, t.exports_usd / t.imports_usd)
