"""The Content-Security-Policy every page carries, in a ``<meta http-equiv>`` in its ``<head>``.

Templates escape everything the content says, so the policy is the second wall: if an injection
ever slipped through, the browser would still refuse to run it. It allows only what the site
itself ships:

- ``script-src 'self' 'wasm-unsafe-eval'``: the site's own files (``static/search.js``, Pagefind's
  ``pagefind/*.js`` and its worker) and Pagefind's WebAssembly, nothing inline. An inline script
  the site wrote itself would be allowed by its ``'sha256-…'`` hash (:func:`script_hash`); the
  site has none, so the policy lists none. Hashes are only ever computed from scripts the code
  writes, never from the rendered page: hashing what a page contains would allow an injection.
- JSON-LD (``<script type="application/ld+json">``) is a data block: browsers never execute it,
  so ``script-src`` does not apply to it and it needs no hash (the browser tests check Chromium
  logs no violation for it).
- ``style-src 'self'``: the stylesheet and Pagefind's, no ``style=`` attributes or ``<style>``
  elements (templates and charts use classes; ``'unsafe-inline'`` would be the weakening).
- ``img-src 'self' data:``: Pagefind's stylesheet draws its search icon from a ``data:`` SVG.
- ``object-src 'none'``, ``base-uri 'self'`` and ``form-action 'self'``: no plugins, no ``<base>``
  that re-targets relative URLs, and forms (the header's search box) post only to the site.

``frame-ancestors`` (clickjacking) and ``report-uri`` are ignored in a ``<meta>`` policy; they
need an HTTP header, which only the web server that publishes the folder can send. The preview
server's reload script is ``/livereload.js`` on the same origin and its websocket goes to the
same host and port, both allowed by ``'self'``, so the preview needs no relaxation.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

META_POLICY_DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    # Pagefind fetches its index and fragments; the preview's reload websocket is same-origin.
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
)


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script's text (``'sha256-…'``)."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(inline_scripts: Iterable[str] = ()) -> str:
    """The policy string, allowing the given inline scripts (the site's own) by hash."""
    hashes = tuple(dict.fromkeys(script_hash(s) for s in inline_scripts))
    directives = [
        (name, sources + hashes if name == "script-src" else sources)
        for name, sources in META_POLICY_DIRECTIVES
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


CONTENT_SECURITY_POLICY = policy()
"""What every page carries today: the site writes no inline script."""
