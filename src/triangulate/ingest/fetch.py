"""A polite HTTP fetch: timeout, size cap, user agent, retries with backoff."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from triangulate.errors import FetchError
from triangulate.settings import Settings

if TYPE_CHECKING:
    import httpx

RETRYABLE_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


def fetch(url: str, settings: Settings) -> Fetched:
    """Fetch ``url``; raise FetchError with a one-line reason when it cannot be had."""
    attempts = settings.fetch_retries + 1
    for attempt in range(attempts):
        try:
            return _fetch_once(url, settings)
        except _Retryable as error:
            if attempt + 1 == attempts:
                raise FetchError(url, str(error), "check the address or try again later") from None
            time.sleep(min(0.5 * 2**attempt, 4.0))
    raise AssertionError("unreachable")


class _Retryable(Exception):
    pass


def _fetch_once(url: str, settings: Settings) -> Fetched:
    # imported here: httpx brings its command line (click, rich, pygments) along, a fifth of
    # a second that every ingest of local files would pay
    import httpx

    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*"}
    try:
        with (
            httpx.Client(
                timeout=settings.fetch_timeout, follow_redirects=True, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code in RETRYABLE_STATUS:
                raise _Retryable(f"server answered {response.status_code}")
            if response.status_code >= 400:
                raise FetchError(
                    url, f"server answered {response.status_code}", "check the address"
                )
            data = _read_capped(response, url, settings.fetch_max_bytes)
            content_type = response.headers.get("content-type", "")
            return Fetched(str(response.url), content_type, data)
    except httpx.TimeoutException:
        raise _Retryable(f"timed out after {settings.fetch_timeout:g} s") from None
    except httpx.TransportError as error:
        raise _Retryable(f"cannot connect ({type(error).__name__})") from None
    except httpx.InvalidURL as error:
        raise FetchError(url, f"is not a valid URL ({error})") from None


def _read_capped(response: httpx.Response, url: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(
                url, f"is larger than the limit of {limit:,} bytes", "raise --max-bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)
