"""Headers on every response, request size limits and protection against cross-site forms.

Host: the app answers only requests addressed to a name it serves (loopback names by
default, more with ``serve --allow-host``), as Jupyter and Datasette do. A page on another
site that makes its own name resolve to 127.0.0.1 (DNS rebinding) sends its own name as
Host, and is refused on every route, reading and writing alike.

CSRF: each browser gets a random cookie; forms carry HMAC(process secret, cookie).
A foreign site can neither read the cookie nor compute the HMAC, and POSTs whose
Origin is not this server are refused before any token is looked at.

Sizes: headers are capped by the server (``MAX_HEADER_BYTES``) and checked again here; a
body is counted as it arrives and refused with 413 the moment it passes the limit.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from http.cookies import SimpleCookie
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from triangulate.errors import TriangulateError

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_HEADER_BYTES = 16 * 1024  # all request headers together
MAX_HOST_CHARS = 255
CSRF_COOKIE = "triangulate_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class ForbiddenError(TriangulateError):
    """A request that looks cross-site (bad origin or missing token)."""


class BodyTooLarge(Exception):
    pass


class SecurityMiddleware:
    """Pure ASGI (cheap per request): the Host allow-list, header and body size limits,
    security headers and the CSRF cookie; a HEAD request is answered as its GET is, without
    the body (``curl -I``, link checkers, monitors)."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        allowed_hosts: frozenset[str] = LOOPBACK_HOSTS,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = frozenset(host.lower() for host in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await _refuse(send, *refusal)
            return
        cookie, is_new = _csrf_cookie(scope)
        scope.setdefault("state", {})["csrf_cookie"] = cookie
        head = scope.get("method") == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", [])) + SECURITY_HEADERS
                if is_new:
                    headers.append((b"set-cookie", _cookie_header(cookie)))
                message = {**message, "headers": headers}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # the GET's headers, length included
            await send(message)

        if _declared_length(scope) > self.max_body_bytes:
            await _too_large(send, self.max_body_bytes)
            return
        try:
            await self.app(scope, self._limited(receive), send_with_headers)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.max_body_bytes)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, message) for a request refused before it reaches any page."""
        headers = scope.get("headers", [])
        if sum(len(key) + len(value) + 4 for key, value in headers) > MAX_HEADER_BYTES:
            return 431, f"the request headers are over {MAX_HEADER_BYTES:,} bytes"
        host = _header(scope, b"host")
        if host is None or len(host) > MAX_HOST_CHARS:
            return 400, "the request has no usable Host header"
        name = host_name(host)
        if "*" not in self.allowed_hosts and name not in self.allowed_hosts:
            served = ", ".join(sorted(self.allowed_hosts))
            return 403, (
                f"this app answers only at {served}, not at {name!r}"
                " (serve --allow-host NAME adds a name)"
            )
        return None

    def _limited(self, receive: Receive) -> Receive:
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body_bytes:
                raise BodyTooLarge
            return message

        return limited


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def host_name(host: str) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    name, colon, port = host.rpartition(":")
    return name if colon and port.isdigit() else host


def _declared_length(scope: Scope) -> int:
    value = _header(scope, b"content-length")
    return int(value) if value and value.isdigit() else 0


def _csrf_cookie(scope: Scope) -> tuple[str, bool]:
    raw = _header(scope, b"cookie")
    if raw:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(raw)
        except Exception:  # a malformed Cookie header just gets a fresh cookie
            jar = SimpleCookie()
        morsel = jar.get(CSRF_COOKIE)
        if morsel is not None and 16 <= len(morsel.value) <= 128:
            return morsel.value, False
    return secrets.token_urlsafe(32), True


def _cookie_header(value: str) -> bytes:
    return f"{CSRF_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict".encode("latin-1")


async def _too_large(send: Send, limit: int) -> None:
    await _refuse(send, 413, f"the request is over the upload limit of {limit:,} bytes")


async def _refuse(send: Send, status: int, message: str) -> None:
    """One plain line, the security headers, and the connection closed."""
    body = f"error: {message}\n".encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]
    headers.append((b"content-length", str(len(body)).encode()))
    headers += SECURITY_HEADERS
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def csrf_token(secret: bytes, request: Request) -> str:
    """The form token for this browser's cookie."""
    cookie = str(request.state.csrf_cookie)
    return hmac.new(secret, cookie.encode("utf-8"), hashlib.sha256).hexdigest()


def check_post(secret: bytes, request: Request, form: Mapping[str, Any]) -> None:
    """Refuse a POST from another origin or without this browser's token."""
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin is not None and origin != own:
        raise ForbiddenError(f"refused a form sent from another site ({origin})")
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise ForbiddenError("refused a form sent from another site")
    sent = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    if not isinstance(sent, str) or not hmac.compare_digest(sent, csrf_token(secret, request)):
        raise ForbiddenError("the form has expired or was not sent by this app: reload and retry")
