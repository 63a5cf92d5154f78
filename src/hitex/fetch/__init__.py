"""Fetching published data: UN Comtrade, CEPII BACI release archives and World Bank series.

Every download is cached (``$HITEX_CACHE``, else the XDG cache folder) under a name made of
the request, resumable, and refused answers become one sentence (:class:`FetchError`).
The base addresses can be set for mirrors and tests: ``$HITEX_COMTRADE_URL``,
``$HITEX_BACI_URL``, ``$HITEX_WDI_URL``.
"""

from __future__ import annotations

from hitex.fetch.http import Client, FetchError, cache_dir

__all__ = ["Client", "FetchError", "cache_dir"]
