"""A polite, bounded HTTP fetch: user agent, retries with backoff, and hard limits.

- time: each network wait is bounded (``fetch_timeout``) and so is the whole fetch, every
  try and redirect included (``fetch_deadline``): a server that sends a byte a second
  cannot hold a batch;
- size: the body is counted as it is decoded (gzip included) and refused past the limit;
- redirects: at most ``MAX_REDIRECTS``, so loops end;
- addresses: unless ``allow_private_urls`` is set (the web app leaves it off), the address a
  name resolves to is checked when the connection is made, for every redirect too, and
  loopback, private, link-local and reserved addresses are refused (no server-side request
  forgery, no DNS rebinding).

This module imports httpx: :mod:`triangulate.ingest.inputs` imports it only for a URL.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Coroutine, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import httpcore
import httpx

from triangulate.errors import FetchError, LimitError
from triangulate.settings import Settings

RETRYABLE_STATUS = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 10
T = TypeVar("T")


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


def fetch(url: str, settings: Settings) -> Fetched:
    """Fetch ``url``; raise FetchError with a one-line reason when it cannot be had."""
    return _run(_fetch(url, settings))


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end from synchronous code, even under a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def _fetch(url: str, settings: Settings) -> Fetched:
    try:
        async with asyncio.timeout(settings.fetch_deadline):
            return await _with_retries(url, settings)
    except TimeoutError:
        raise LimitError(
            url, f"did not arrive within {settings.fetch_deadline:g} s", "raise --fetch-deadline"
        ) from None


async def _with_retries(url: str, settings: Settings) -> Fetched:
    attempts = settings.fetch_retries + 1
    async with _client(settings) as client:
        for attempt in range(attempts):
            try:
                return await _fetch_once(client, url, settings)
            except _Retryable as error:
                if attempt + 1 == attempts:
                    raise FetchError(
                        url, str(error), "check the address or try again later"
                    ) from None
                await asyncio.sleep(min(0.5 * 2**attempt, 4.0))
    raise AssertionError("unreachable")


class _Retryable(Exception):
    pass


class PrivateAddress(Exception):
    """A name resolved to an address the fetch may not reach."""


def _client(settings: Settings) -> httpx.AsyncClient:
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*"}
    options: dict[str, Any] = {
        "timeout": settings.fetch_timeout,
        "follow_redirects": True,
        "max_redirects": MAX_REDIRECTS,
        "headers": headers,
    }
    if not settings.allow_private_urls:
        # a proxy would resolve names itself, past the check: none when guarding
        options.update(transport=_public_only_transport(), trust_env=False)
    return httpx.AsyncClient(**options)


async def _fetch_once(client: httpx.AsyncClient, url: str, settings: Settings) -> Fetched:
    try:
        async with client.stream("GET", url) as response:
            if response.status_code in RETRYABLE_STATUS:
                raise _Retryable(f"server answered {response.status_code}")
            if response.status_code >= 400:
                raise FetchError(
                    url, f"server answered {response.status_code}", "check the address"
                )
            data = await _read_capped(response, url, settings.fetch_max_bytes)
            content_type = response.headers.get("content-type", "")
            return Fetched(str(response.url), content_type, data)
    except PrivateAddress as error:
        raise FetchError(
            url,
            f"leads to a private or loopback address ({error})",
            "only public addresses are fetched here; serve --allow-private-urls allows them",
        ) from None
    except httpx.TimeoutException:
        raise _Retryable(f"timed out after {settings.fetch_timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError(url, f"redirects more than {MAX_REDIRECTS} times", "a loop?") from None
    except httpx.DecodingError as error:
        raise FetchError(url, f"sent a body that cannot be decoded ({error})") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise FetchError(url, f"is not a valid URL ({error})") from None
    except httpx.ConnectError as error:
        raise _Retryable(f"cannot connect ({type(error).__name__})") from None
    except httpx.TransportError as error:
        raise _Retryable(f"the connection failed ({type(error).__name__})") from None
    except httpx.HTTPError as error:  # anything else httpx reports is this URL's problem
        raise FetchError(url, f"cannot be fetched ({type(error).__name__}: {error})") from None


async def _read_capped(response: httpx.Response, url: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():  # decoded: a gzip bomb is counted inflated
        size += len(chunk)
        if size > limit:
            raise LimitError(
                url, f"is larger than the limit of {limit:,} bytes", "raise --max-bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)


# ---------------------------------------------------------------------- public addresses only


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet (not loopback, private, reserved)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class _PublicOnlyBackend(httpcore.AsyncNetworkBackend):
    """Resolves each name once, checks every address, and connects to a checked one."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as error:
            raise httpcore.ConnectError(f"cannot resolve {host} ({error})") from None
        addresses = [str(info[4][0]) for info in infos]
        refused = [a for a in addresses if not is_public(a)]
        if refused or not addresses:
            raise PrivateAddress(f"{host} is {', '.join(refused) or 'unresolvable'}")
        return await self._inner.connect_tcp(
            addresses[0], port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise PrivateAddress("a local socket")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _public_only_transport() -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport()
    # httpx builds its connection pool without a way to pass a network backend: the pool is
    # rebuilt the same way (TLS still checks the URL's host name) with the checking backend
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        network_backend=_PublicOnlyBackend(),
    )
    return transport
