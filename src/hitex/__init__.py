"""hitex: high-tech trade analytics, from raw trade records to the figures of a report."""

from __future__ import annotations

from hitex.errors import HitexError
from hitex.session import Session, open

__version__ = "0.1.0"

__all__ = ["HitexError", "Session", "__version__", "open"]
