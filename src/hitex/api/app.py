"""The FastAPI app: JSON endpoints under ``/api``, the dashboard at ``/``, OpenAPI at /api/docs.

Everything the page needs is served from the package (``static/``): the dashboard's own HTML,
script and style, and the vendored Vega, Vega-Lite, Vega-Embed, world map and Swagger UI
(``static/vendor/SOURCE.md``). Nothing is fetched from elsewhere, so it works offline.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

import hitex
from hitex.api import coverage, dashboard, errors, params, report, uploads, views
from hitex.api.connections import READERS, Connections
from hitex.store import default_path

STATIC = Path(str(resources.files("hitex.api").joinpath("static")))


def create_app(
    db: str | os.PathLike[str] | None = None,
    *,
    token: str | None = None,
    max_upload_bytes: int = uploads.MAX_UPLOAD_BYTES,
    readers: int = READERS,
    engine: str = "duckdb",
    spark_master: str | None = None,
    fast_view: bool = True,
) -> FastAPI:
    """The app over the warehouse ``db`` (default ``$HITEX_DB``).

    Parameters
    ----------
    db
        The warehouse file; the app holds it open until it shuts down: read-write with a
        token, read-only without one (other processes, ``hitex table``, may read it too).
    token
        Writes (uploads) need ``Authorization: Bearer TOKEN``; default ``$HITEX_TOKEN``.
        Without a token (or with an empty one) the app is read-only.
    max_upload_bytes
        Larger uploads are refused (413).
    readers
        Reader sessions kept open (requests beyond that wait for one).
    engine, spark_master
        What runs the readers' queries (see :func:`hitex.open`); loads stay on DuckDB.
    fast_view
        Answer ``GET /api/view`` past FastAPI's request handling (the same answers: see
        :class:`~hitex.api.dashboard.FastView`); False: as every other route.

    Examples
    --------
    >>> app = create_app(":memory:")
    >>> app.state.token is None or bool(app.state.token)
    True
    >>> app.state.conns.close()
    """
    # An empty token is no token: the app stays read-only, and opens the warehouse so.
    token = (token if token is not None else os.environ.get("HITEX_TOKEN")) or None
    path = db if db is not None else default_path()
    conns = Connections(path, readers=readers, read_only=token is None and Path(path).is_file(),
                        engine=engine, spark_master=spark_master)  # fmt: skip

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        conns.close()

    app = FastAPI(
        title="hitex",
        version=hitex.__version__,
        summary="High-tech trade figures from your own warehouse, as JSON.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.conns = conns
    app.state.token = token
    app.state.max_upload_bytes = max_upload_bytes
    app.state.progress = uploads.Progress()
    errors.install(app)
    app.add_middleware(uploads.UploadLimit, limit=max_upload_bytes)
    app.add_middleware(params.RepeatedParameters)
    app.add_middleware(errors.HeadAsGet)
    if fast_view:
        app.add_middleware(dashboard.FastView, conns=conns)
    app.include_router(views.router)
    app.include_router(dashboard.router)
    app.include_router(uploads.router)
    app.include_router(report.router)
    app.include_router(coverage.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _pages(app)
    return app


def _pages(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI from the package, not from a CDN.
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="hitex API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/vendor/favicon-32x32.png",
        )
