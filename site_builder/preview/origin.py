"""The preview serves only its own origin.

The preview shows drafts that are not published yet. A web page on another site can make the
browser send requests to ``127.0.0.1`` (DNS rebinding: a name the attacker controls resolves to
this machine) and, if the server answered any ``Host``, read the drafts. So every request must
name this server by a loopback name or the address it is bound to, and the livereload websocket
must be opened by one of its own pages (``Origin``). Malformed websocket messages are ignored with
one log line; binding beyond loopback is warned about loudly, since the drafts are then on the
network.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import sys
from urllib.parse import urlsplit

from livereload.handlers import LiveReloadHandler
from tornado import web

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_WILDCARD = frozenset({"", "0.0.0.0", "::"})


def allowed_hosts(bound: str) -> frozenset[str] | None:
    """Host names a request may carry; None: any IP address, or a loopback name or this
    machine's name (a server bound to every interface is reached by whatever address it has)."""
    if bound in _WILDCARD:
        return None
    return LOOPBACK_NAMES | {bound.strip("[]").lower()}


def _host_name(authority: str) -> str:
    """``example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``."""
    return (urlsplit(f"//{authority}").hostname or "").lower()


def host_allowed(authority: str, allowed: frozenset[str] | None) -> bool:
    name = _host_name(authority)
    if not name:
        return False
    if allowed is not None:
        return name in allowed
    if name in LOOPBACK_NAMES or name in _machine_names():
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False  # a DNS name pointed at this machine: exactly what rebinding uses
    return True


def _machine_names() -> set[str]:
    name = socket.gethostname().lower()
    return {name, f"{name}.local", socket.getfqdn().lower()}


def beyond_loopback(bound: str) -> bool:
    """Whether a server bound to ``bound`` can be reached from other machines."""
    name = bound.strip("[]").lower()
    if name == "localhost":
        return False
    try:
        return not ipaddress.ip_address(name or "0.0.0.0").is_loopback
    except ValueError:
        return True  # a host name: whatever it resolves to, possibly a network address


def warn_if_exposed(bound: str, port: int) -> None:
    if beyond_loopback(bound):
        print(
            f"WARNING: serving on {bound}:{port}, beyond this machine: anyone on the network "
            "can read the drafts this preview shows. Use --host 127.0.0.1 (the default) unless "
            "you mean to share them.",
            file=sys.stderr,
            flush=True,
        )


class SameHost(web.RequestHandler):
    """A handler that answers only requests naming this server (see the module docstring)."""

    allowed: frozenset[str] | None = LOOPBACK_NAMES

    def prepare(self) -> None:
        if not host_allowed(self.request.host, self.allowed):
            raise web.HTTPError(421, "wrong Host")  # Misdirected Request


class GuardedLiveReload(LiveReloadHandler):
    """livereload's websocket, open only to this server's own pages."""

    allowed: frozenset[str] | None = LOOPBACK_NAMES

    def prepare(self) -> None:
        if not host_allowed(self.request.host, self.allowed):
            raise web.HTTPError(421, "wrong Host")

    def check_origin(self, origin: str) -> bool:
        parts = urlsplit(origin)
        return (
            parts.scheme == "http"
            and parts.netloc.lower() == self.request.host.lower()
            and host_allowed(parts.netloc, self.allowed)
        )

    def on_message(self, message: str | bytes) -> None:
        try:
            parsed = json.loads(message)
        except (ValueError, UnicodeDecodeError):
            parsed = None
        if not isinstance(parsed, dict) or not isinstance(parsed.get("command"), str):
            print(
                f"preview: ignored a malformed livereload message ({len(message)} bytes)",
                file=sys.stderr,
                flush=True,
            )
            return
        super().on_message(json.dumps(parsed))
