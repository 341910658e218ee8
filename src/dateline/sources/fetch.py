"""HTTP for feeds and pages, with limits that hold whatever a server sends.

- One deadline per request, redirects included (`Limits.timeout`): httpx's
  own timeouts are per operation, so a server that sends a byte a second
  would otherwise never time out.
- A size limit counted on the decompressed body as it streams in
  (`Limits.max_bytes`). Dateline decompresses gzip and deflate itself, never
  more than the room left, so a compressed bomb (a few kilobytes that
  inflate to gigabytes) is stopped at the limit, not held in memory first.
- Redirects followed by hand, up to `Limits.max_redirects`, so that a loop
  is named as one, and only to http and https.
- Conditional requests: the ETag and Last-Modified of the last answer go
  back as If-None-Match and If-Modified-Since, and an unchanged feed costs
  one small request (304 Not Modified).
- Every failure is a `FetchError` whose message says what happened in
  words: the host not found, the connection refused, a timeout, an HTTP
  status, too many redirects, a body too large.

httpx is imported when a `Fetcher` is made: opening the reader never pays for it."""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urljoin

from dateline import __version__

USER_AGENT = f"Dateline/{__version__} (terminal news reader; feeds fetched on request)"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.8"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(slots=True, frozen=True)
class Limits:
    timeout: float = 20.0  # seconds for one feed or page, start to end, redirects included
    max_bytes: int = 10 * 1024 * 1024  # the body, once decompressed
    max_redirects: int = 5


@dataclass(slots=True, frozen=True)
class Fetched:
    url: str  # where the body came from, after redirects
    status: int  # 200 (or another 2xx), or 304 when unchanged
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    sent_bytes: int  # as they came over the wire (compressed)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that failed; the message says why, in words."""


class Fetcher:
    """Fetches with `Limits`; one HTTP client per thread, shared by its requests.
    Use as a context manager, or call `close()`."""

    def __init__(
        self, limits: Limits | None = None, *, user_agent: str = USER_AGENT, trust_env: bool = True
    ) -> None:
        import httpx

        self._httpx = httpx
        self.limits = limits or Limits()
        self._user_agent = user_agent
        self._trust_env = trust_env  # proxies from the environment, as other tools use them
        self._local = threading.local()
        self._clients: list[Any] = []
        self._lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            clients, self._clients = self._clients, []
        for client in clients:
            with contextlib.suppress(Exception):
                client.close()

    def _tls_context(self) -> ssl.SSLContext:
        """One TLS context for every thread's client: building one (loading the
        certificate bundle) costs about 70 ms, measured, which a client per
        thread paid eight times over on every `dateline fetch`."""
        with self._lock:
            if self._tls is None:
                import certifi

                bundle = os.environ.get("SSL_CERT_FILE") if self._trust_env else None
                self._tls = ssl.create_default_context(cafile=bundle or certifi.where())
            return self._tls

    def _client(self) -> Any:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._httpx.Client(
                verify=self._tls_context(),
                follow_redirects=False,
                trust_env=self._trust_env,
                headers={
                    "User-Agent": self._user_agent,
                    # Only what `_Decoder` can decompress within the limit.
                    "Accept-Encoding": "gzip, deflate",
                },
            )
            self._local.client = client
            with self._lock:
                self._clients.append(client)
        return client

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> Fetched:
        """The body at `url`, or `not_modified` when the validators still hold.
        Raises FetchError."""
        httpx = self._httpx
        limits = self.limits
        deadline = time.monotonic() + limits.timeout
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited = [url]
        current = url
        for _ in range(limits.max_redirects + 1):
            _check_address(current)
            remaining = max(deadline - time.monotonic(), 0.001)
            try:
                client = self._client()
                request = client.build_request(
                    "GET", current, headers=headers, timeout=httpx.Timeout(remaining)
                )
                response = client.send(request, stream=True)
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                raise FetchError(_describe(error, current, limits.timeout)) from None
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    target = urljoin(str(response.url), response.headers["location"])
                    if target in visited:
                        raise FetchError(f"redirect loop: {' → '.join([*visited, target])}")
                    visited.append(target)
                    current = target
                    continue
                if response.status_code == 304:
                    return Fetched(
                        str(response.url),
                        304,
                        b"",
                        "",
                        response.headers.get("etag") or etag,
                        response.headers.get("last-modified") or last_modified,
                        0,
                    )
                if response.status_code >= 300:
                    reason = response.reason_phrase or "error"
                    raise FetchError(f"HTTP {response.status_code} {reason}")
                body, sent = _read_body(response, limits, deadline)
                return Fetched(
                    str(response.url),
                    response.status_code,
                    body,
                    response.headers.get("content-type", ""),
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                    sent,
                )
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                raise FetchError(_describe(error, current, limits.timeout)) from None
            finally:
                response.close()
        raise FetchError(
            f"more than {limits.max_redirects} redirects (from {url}, on to {current})"
        )


def _check_address(url: str) -> None:
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        raise FetchError(f"not a web address (http or https): {url[:200]}")


def _read_body(response: Any, limits: Limits, deadline: float) -> tuple[bytes, int]:
    """The body, decompressed, within the size limit and the deadline."""
    limit = limits.max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"body too large: {_size(int(declared))} (the limit is {_size(limit)})")
    decoder = _Decoder(response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = sent = 0
    for raw in response.iter_raw(_CHUNK):
        sent += len(raw)
        piece = decoder.feed(raw, limit - size, sent)
        size += len(piece)
        if size > limit:
            raise FetchError(f"body too large: over {_size(limit)}")
        parts.append(piece)
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {limits.timeout:g} s (the body was still coming in)")
    tail = decoder.finish(limit - size, sent)
    parts.append(tail)
    return b"".join(parts), sent


class _Decoder:
    """gzip or deflate, decompressed never past the room left."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        self.encoding = encoding
        if encoding in ("", "identity"):
            self._inflate: Any = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflate = zlib.decompressobj()
        else:
            raise FetchError(f"the body is encoded as {encoding!r}, which Dateline does not read")
        self._first = True

    def feed(self, data: bytes, room: int, sent: int) -> bytes:
        if self._inflate is None:
            return data
        try:
            return self._bounded(data, room, sent)
        except zlib.error as error:
            if self.encoding == "deflate" and self._first:
                # Some servers send raw deflate without zlib's header.
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                self._first = False
                return self.feed(data, room, sent)
            raise FetchError(f"the body is not valid {self.encoding} ({error})") from None
        finally:
            self._first = False

    def _bounded(self, data: bytes, room: int, sent: int) -> bytes:
        out: list[bytes] = []
        produced = 0
        while True:
            piece = self._inflate.decompress(data, room - produced + 1)
            produced += len(piece)
            if produced > room:
                raise FetchError(
                    f"body too large once decompressed: over {_size(produced)} from"
                    f" {_size(sent)} sent (a compression bomb?)"
                )
            out.append(piece)
            data = self._inflate.unconsumed_tail
            if not data:
                return b"".join(out)

    def finish(self, room: int, sent: int) -> bytes:
        if self._inflate is None:
            return b""
        try:
            rest = self._inflate.flush()
        except zlib.error as error:
            raise FetchError(f"the body is not valid {self.encoding} ({error})") from None
        if len(rest) > room:
            raise FetchError(f"body too large once decompressed (from {_size(sent)} sent)")
        return rest


def _size(count: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= size:
            return f"{count / size:,.1f} {unit}"
    return f"{count:,} bytes"


def _causes(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _describe(error: Exception, url: str, timeout: float) -> str:
    """An httpx failure in words a reader can act on."""
    import httpx

    host = _host(url)
    if isinstance(error, httpx.TimeoutException):
        phase = {
            httpx.ConnectTimeout: "connecting",
            httpx.ReadTimeout: "waiting for the answer",
            httpx.WriteTimeout: "sending the request",
        }.get(type(error), "")
        return f"timed out after {timeout:g} s" + (f" ({phase})" if phase else "")
    chain = _causes(error)
    for cause in chain:
        if isinstance(cause, socket.gaierror):
            return f"cannot find the host {host} (DNS: {cause.strerror or cause})"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {host}"
        if isinstance(cause, ssl.SSLError):
            return f"secure connection to {host} failed ({cause.reason or cause})"
    text = " ".join(str(cause) for cause in chain)
    if isinstance(error, httpx.ConnectError):
        if "Name or service not known" in text or "nodename nor servname" in text:
            return f"cannot find the host {host} (DNS)"
        if "Connection refused" in text:
            return f"connection refused by {host}"
        return f"cannot connect to {host} ({error})"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server at {host} broke off or spoke bad HTTP ({error})"
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"not a web address: {url[:200]}"
    return f"{type(error).__name__}: {error}"


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        return parts.netloc or url
    except ValueError:
        return url
