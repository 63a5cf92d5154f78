"""Uploads: a file posted to ``/api/loads`` runs the same load as ``hitex load``.

Writes are refused unless the server was started with ``HITEX_TOKEN`` set, and then need
``Authorization: Bearer $HITEX_TOKEN``. A body larger than the limit is refused while it
arrives (:class:`UploadLimit`), before it is parsed or stored. A load reports its steps
(:data:`hitex.store.STEPS`) under a progress id the client picks, which the page polls.
"""

from __future__ import annotations

import re
import secrets
import tempfile
import threading
from collections import OrderedDict
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Header, Request, UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hitex._util import records
from hitex.api.errors import ApiError, from_hitex, lang_of, respond
from hitex.api.views import Conns
from hitex.errors import HitexError, UnknownCodeError
from hitex.reference.codes import CLASSIFICATIONS
from hitex.session import Session
from hitex.store import STEPS

router = APIRouter(prefix="/api")

#: Default upload limit (``hitex serve --max-upload-mb``).
MAX_UPLOAD_BYTES = 200 * 1024 * 1024

#: Rejects listed in an upload's answer; the rest are at ``/api/rejects?load=ID``.
REJECTS_SHOWN = 1000

_PROGRESS_ID = r"^[A-Za-z0-9_-]{1,64}$"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def writer(
    request: Request,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> None:
    """Let the request write only with the server's token (and never without one)."""
    token: str | None = request.app.state.token
    if token is None:
        raise ApiError(
            403, "This server is read-only: start `hitex serve` with HITEX_TOKEN set to allow "
            "uploads.", ru="Этот сервер только для чтения: чтобы разрешить загрузки, запустите "
            "`hitex serve` с заданной переменной HITEX_TOKEN.",
        )  # fmt: skip
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.encode(), token.encode()):
        raise ApiError(
            401, "Uploads need the header 'Authorization: Bearer <HITEX_TOKEN>'.",
            parameter="Authorization", headers={"WWW-Authenticate": "Bearer"},
            ru="Для загрузки нужен заголовок 'Authorization: Bearer <HITEX_TOKEN>'.",
        )  # fmt: skip


class Progress:
    """Steps of recent loads by the progress id their client chose (the last 100 kept)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loads: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def start(self, pid: str) -> None:
        """Begin reporting the load called ``pid``."""
        with self._lock:
            self._loads[pid] = {"id": pid, "state": "running", "steps": [], "total": len(STEPS)}
            while len(self._loads) > 100:
                self._loads.popitem(last=False)

    def step(self, pid: str, name: str) -> None:
        """Record that step ``name`` finished."""
        with self._lock:
            if pid in self._loads:
                self._loads[pid]["steps"].append(name)

    def end(self, pid: str, state: str) -> None:
        """Mark the load done or failed."""
        with self._lock:
            if pid in self._loads:
                self._loads[pid]["state"] = state

    def get(self, pid: str) -> dict[str, Any]:
        """What the load called ``pid`` has done so far."""
        with self._lock:
            found = self._loads.get(pid)
            if found is None:
                raise ApiError(
                    404,
                    f"No load reports progress as {pid!r}.",
                    parameter="id",
                    ru=f"Нет загрузки, которая сообщает ход под именем {pid!r}.",
                )
            return {**found, "steps": list(found["steps"])}


@router.post("/loads", dependencies=[Depends(writer)])
def upload(
    request: Request,
    conns: Conns,
    file: Annotated[UploadFile, File(description="The file to load (CSV, Parquet, XLSX, JSON).")],
    format: Annotated[
        str | None,
        Form(
            description="flows, baci or comtrade (default: told from the file's name and columns)."
        ),
    ] = None,
    classification: Annotated[str, Form(description="Of files that do not name theirs.")] = (
        "HS17"
    ),
    revise: Annotated[bool, Form(description="Replace flows an earlier load holds.")] = False,
    progress: Annotated[
        str | None, Form(pattern=_PROGRESS_ID, description="An id to poll progress under.")
    ] = None,
) -> dict[str, Any]:
    """Load one file, as `hitex load` does; answer the load summary and its rejects.

    With `?lang=ru` in the URL the summary, the errors and the rejects' reasons are in Russian.
    """
    if format is not None:
        formats = sorted(e.name for e in entry_points(group="hitex.readers"))
        _check_choice("format", format, formats)
    _check_choice("classification", classification.upper(), list(CLASSIFICATIONS))
    tracker: Progress = request.app.state.progress
    limit: int = request.app.state.max_upload_bytes
    lang = "ru" if request.query_params.get("lang") == "ru" else "en"
    with tempfile.TemporaryDirectory(prefix="hitex-upload-") as folder:
        path = Path(folder) / (
            _SAFE_NAME.sub("_", Path(file.filename or "upload").name) or "upload"
        )
        _save(file, path, limit)
        pid = progress or secrets.token_hex(8)
        tracker.start(pid)
        try:
            with conns.write() as s:
                try:
                    (result,) = s.load(
                        [path], format=format, classification=classification, revise=revise,
                        progress=lambda name: tracker.step(pid, name),
                    )  # fmt: skip
                finally:
                    _forget_folder(s, folder, path.name)
                shown = None
                if result.rows_rejected:
                    shown = s.rejects(result.id, lang=lang).head(REJECTS_SHOWN)
        except HitexError as exc:
            tracker.end(pid, "failed")
            error = from_hitex(exc)
            error.message = error.message.replace(folder + "/", "")
            if error.ru:
                error.ru = error.ru.replace(folder + "/", "")
            raise error from None
        tracker.end(pid, "done")
    if result.status == "refused":
        # Nothing loaded: the user's file, not a load. The load and its rejects are kept.
        refused = ApiError(422, result.refusal(), parameter="file", code="refused")
        refused.ru = result.refusal("ru")
        raise refused
    return {
        "loads": [{**result.as_dict(), "summary": result.summary(lang)}],
        "rejects": [] if shown is None else records(shown),
        "rejects_total": result.rows_rejected,
        "progress": pid,
    }


def _forget_folder(s: Session, folder: str, name: str) -> None:
    """Name the uploaded file, not the server's temporary copy, in the stored load rows."""
    s.warehouse.con.execute(
        "UPDATE loads SET path = ?, message = replace(message, ?, '') "
        "WHERE path LIKE ? OR message LIKE ?",
        [f"upload:{name}", folder + "/", folder + "%", f"%{folder}%"],
    )


@router.get("/loads/progress/{pid}")
def load_progress(request: Request, pid: str) -> dict[str, Any]:
    """Steps done so far by the load posted with `progress=pid`."""
    tracker: Progress = request.app.state.progress
    return tracker.get(pid)


def _check_choice(parameter: str, value: str, known: list[str]) -> None:
    if value not in known:
        raise from_hitex(UnknownCodeError.new(parameter, value, known), parameter)


def _save(file: UploadFile, path: Path, limit: int) -> None:
    """Copy the upload to ``path``, refusing it past ``limit`` bytes."""
    written = 0
    with path.open("wb") as out:
        while block := file.file.read(1 << 20):
            written += len(block)
            if written > limit:
                raise _too_large(limit)
            out.write(block)
    if written == 0:
        empty = ApiError(422, f"The uploaded file {file.filename!r} is empty.", parameter="file")
        empty.ru = f"Загруженный файл {file.filename!r} пуст."
        raise empty


def _too_large(limit: int) -> ApiError:
    size = f"{limit / 2**20:,.0f} MB" if limit >= 2**20 else f"{limit / 2**10:,.0f} KB"
    size_ru = (f"{limit / 2**20:,.0f} МБ" if limit >= 2**20
               else f"{limit / 2**10:,.0f} КБ").replace(",", "\u00a0")  # fmt: skip
    return ApiError(
        413, f"The upload is larger than this server's limit of {size} "
        "(hitex serve --max-upload-mb).", parameter="file",
        ru=f"Файл больше предела этого сервера — {size_ru} (hitex serve --max-upload-mb).",
    )  # fmt: skip


class UploadLimit:
    """ASGI middleware: refuse request bodies past ``limit`` bytes as they arrive (413)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 413 at once for a declared length past the limit; else count as it comes."""
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            error = _too_large(self.limit)
            said = error.text(lang_of(scope.get("query_string", b"")))
            answer = respond(413, said, parameter="file", headers={"Connection": "close"})
            await answer(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # FastAPI passes HTTP errors raised while reading the body to the handlers.
                    raise _too_large(self.limit)
            return message

        await self.app(scope, counted, send)
