"""The HTTP API and web dashboard: the warehouse for people who don't use a terminal.

``hitex serve`` runs :func:`create_app` under uvicorn. The JSON endpoints call the same
:class:`hitex.Session` methods as the ``hitex`` commands (``/api/table`` answers what
``hitex table --format json`` prints); the dashboard at ``/`` draws its charts and tables from
those endpoints.
"""

from __future__ import annotations

from hitex.api.app import create_app

__all__ = ["create_app"]
