"""Downloads: one HTTP client with a cache, resumable files, rate limits and plain errors.

Every answer is written to the cache under a name that is a function of the request (its
address and parameters, never the key), so that a request asked again is read from disk and a
file interrupted half-way is continued where it stopped (``Range``), not started again.
A ``429`` answer is retried after the time its ``Retry-After`` header gives; other failures
become one sentence (:class:`FetchError`).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from hitex.errors import HitexError

#: Called with (bytes done, bytes in all or None) as a download goes on.
Progress = Callable[[int, int | None], None]


#: How often a 429 answer is retried, and the longest wait hitex accepts from Retry-After.
RETRIES = 5
MAX_WAIT = 300.0

#: Statuses of a server briefly unavailable: asked again after a while.
UNAVAILABLE = (502, 503, 504)


class FetchError(HitexError):
    """A download failed: the message says what failed and what to do about it."""


def cache_dir() -> Path:
    """Where downloads are kept: ``$HITEX_CACHE``, else ``$XDG_CACHE_HOME/hitex``, else ~/.cache."""
    given = os.environ.get("HITEX_CACHE")
    if given:
        return Path(given)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "hitex"


def request_key(url: str, params: Mapping[str, Any] | None = None) -> str:
    """A short stable name for a request: a hash of its address and sorted parameters."""
    items = sorted((str(k), str(v)) for k, v in (params or {}).items() if v is not None)
    text = json.dumps([url, items])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _quiet(done: int, total: int | None) -> None:
    """No progress shown."""


@dataclass
class Client:
    """An HTTP client for one source: its name (for messages), retries and cache folder."""

    source: str
    cache: Path = field(default_factory=cache_dir)
    retries: int = RETRIES
    max_wait: float = MAX_WAIT
    timeout: float = 120.0
    sleep: Callable[[float], None] = time.sleep
    headers: Mapping[str, str] = field(default_factory=dict)
    #: Turns a refused answer (status >= 400, not 429) into the error to raise.
    explain: Callable[[httpx.Response], FetchError] | None = None
    _http: httpx.Client | None = None

    def http(self) -> httpx.Client:
        """The underlying httpx client (created on first use)."""
        if self._http is None:
            self._http = httpx.Client(
                timeout=self.timeout, follow_redirects=True, headers=dict(self.headers)
            )
        return self._http

    def close(self) -> None:
        """Close the connections."""
        if self._http is not None:
            self._http.close()
            self._http = None

    # -- requests ---------------------------------------------------------------------------
    def get(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """GET ``url``; wait and retry on 429 as Retry-After says; raise on other refusals.

        A server that is briefly unavailable (502, 503, 504) is asked again after 1, 2, 4 ...
        seconds (or its Retry-After), as often as a 429.
        """
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        for attempt in range(self.retries + 1):
            try:
                response = self.http().get(url, params=clean, headers=headers)
            except httpx.TransportError as exc:
                raise FetchError(
                    f"Cannot reach {self.source} at {_origin(url)} ({_short(exc)}); check the "
                    "network or the base address."
                ) from None
            if response.status_code == 429:
                self._wait(response, attempt)
                continue
            if response.status_code in UNAVAILABLE:
                if attempt == self.retries:
                    raise FetchError(
                        f"{self.source} is unavailable ({response.status_code}, "
                        f"{_message(response)}) after {attempt + 1} tries; try again later."
                    )
                given = response.headers.get("Retry-After", "")
                self.sleep(float(given) if given.isdigit() else float(min(2**attempt, 30)))
                continue
            if response.status_code >= 400:
                raise self._refused(response)
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def json(self, url: str, params: Mapping[str, Any] | None = None, **kw: Any) -> Any:
        """GET and decode a JSON answer."""
        response = self.get(url, params, **kw)
        try:
            return response.json()
        except ValueError:
            raise FetchError(
                f"{self.source} answered {_origin(url)} with something that is not JSON "
                f"({response.text[:80]!r})."
            ) from None

    def cached_json(
        self, folder: str, name: str, url: str, params: Mapping[str, Any] | None = None, **kw: Any
    ) -> tuple[Path, Any, bool]:
        """A JSON answer from the cache, or fetched and kept; (path, document, from cache)."""
        path = self.cache / folder / name
        if path.is_file():
            return path, json.loads(path.read_text(encoding="utf-8")), True
        doc = self.json(url, params, **kw)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_text(json.dumps(doc), encoding="utf-8")
        tmp.replace(path)
        return path, doc, False

    def download(
        self,
        url: str,
        dest: Path,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        progress: Progress = _quiet,
    ) -> Path:
        """Download ``url`` to ``dest`` once; an interrupted download continues where it stopped.

        The bytes go to ``dest.part`` first; a later call asks for the rest with ``Range``
        and appends them (or starts again when the server sends the whole file). The part's
        version (ETag or Last-Modified) goes with the request as ``If-Range``: a file changed
        on the server since is sent whole, never spliced with the old part.
        """
        if dest.is_file():
            size = dest.stat().st_size
            progress(size, size)
            return dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        version = dest.with_name(dest.name + ".part.version")
        for attempt in range(self.retries + 1):
            have = part.stat().st_size if part.is_file() else 0
            extra = dict(headers or {})
            if have:
                extra["Range"] = f"bytes={have}-"
                if version.is_file():
                    extra["If-Range"] = version.read_text(encoding="utf-8").strip()
            try:
                with self.http().stream("GET", url, params=params, headers=extra) as response:
                    if response.status_code == 429:
                        self._wait(response, attempt)
                        continue
                    if response.status_code == 416 and have:
                        break  # the part holds the whole file already
                    if response.status_code >= 400:
                        response.read()
                        raise self._refused(response)
                    self._receive(response, part, version, have, dest.name, progress)
                    break
            except (httpx.TransportError, httpx.StreamError) as exc:
                got = part.stat().st_size if part.is_file() else 0
                raise FetchError(
                    f"The download of {dest.name} from {self.source} was interrupted at "
                    f"{got:,} bytes ({_short(exc)}); run the command again to continue it."
                ) from None
        part.replace(dest)
        version.unlink(missing_ok=True)
        return dest

    def _wait(self, response: httpx.Response, attempt: int) -> None:
        """Sleep as a 429's Retry-After says, or raise when tried enough or asked too long."""
        wait = retry_after(response)
        if attempt == self.retries or wait > self.max_wait:
            raise FetchError(
                f"{self.source} answered 429 (too many requests) {attempt + 1} times"
                + (f" and asks to wait {wait:.0f} s" if wait > self.max_wait else "")
                + f": {_message(response)} Try again later."
            )
        self.sleep(wait)

    def _receive(
        self,
        response: httpx.Response,
        part: Path,
        version: Path,
        have: int,
        name: str,
        progress: Progress,
    ) -> None:
        """Write an answer's bytes to the part: appended to it (206 from ``have``) or anew."""
        resumed = response.status_code == 206 and _range_start(response) == have
        total = _total(response, have if resumed else 0)
        if not resumed:
            version.unlink(missing_ok=True)
            tag = response.headers.get("ETag") or response.headers.get("Last-Modified")
            if tag:
                version.write_text(tag, encoding="utf-8")
        done = have if resumed else 0
        with part.open("ab" if resumed else "wb") as out:
            for chunk in response.iter_bytes():
                out.write(chunk)
                done += len(chunk)
                progress(done, total)
        if total is not None and done < total:
            raise FetchError(
                f"The download of {name} from {self.source} stopped at {done:,} of {total:,} "
                "bytes; run the command again to continue it."
            )

    def _refused(self, response: httpx.Response) -> FetchError:
        if self.explain is not None:
            return self.explain(response)
        return FetchError(
            f"{self.source} refused {_origin(str(response.request.url))} with "
            f"{response.status_code}: {_message(response)}"
        )


def retry_after(response: httpx.Response) -> float:
    """Seconds to wait before asking again: Retry-After (seconds or a date), else the message."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    if value:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - time.time())
    # Azure API Management's text: "Rate limit is exceeded. Try again in 2 seconds."
    found = re.search(r"try again in (\d+) second", _message(response), re.IGNORECASE)
    return float(found.group(1)) if found else 1.0


def _message(response: httpx.Response) -> str:
    """The reason an answer gives: the JSON ``message`` (Azure API Management) or its text."""
    try:
        body = response.read()
    except httpx.StreamError:
        return f"HTTP {response.status_code}"
    text = body.decode("utf-8", errors="replace").strip()
    try:
        doc = json.loads(text)
    except ValueError:
        return (text[:200] or f"HTTP {response.status_code}").rstrip(".") + "."
    if isinstance(doc, dict):
        for key in ("message", "error", "Message"):
            if doc.get(key):
                return str(doc[key]).rstrip(".") + "."
    return text[:200]


def message(response: httpx.Response) -> str:
    """The reason an answer gives (see :func:`_message`)."""
    return _message(response)


def _range_start(response: httpx.Response) -> int | None:
    found = re.match(r"bytes (\d+)-", response.headers.get("Content-Range", ""))
    return int(found.group(1)) if found else None


def _total(response: httpx.Response, offset: int) -> int | None:
    found = re.search(r"/(\d+)$", response.headers.get("Content-Range", ""))
    if found:
        return int(found.group(1))
    length = response.headers.get("Content-Length")
    return offset + int(length) if length and length.isdigit() else None


def _origin(url: str) -> str:
    parsed = httpx.URL(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.host}{port}{parsed.path}"


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
