"""Make Pagefind's output byte-identical from one build to the next.

Pagefind 1.5 writes each filter's values, and the list of filters in its ``.pf_meta`` file, in
the order of a Rust ``HashMap``, which is random per process. Everything else it writes is
stable. Two builds of the same content must give the same bytes (so a rebuild swaps nothing and
deploys diff cleanly), so after Pagefind runs this module rewrites those files in sorted order.

The files are gzip-compressed CBOR behind a ``pagefind_dcd`` signature. Pagefind names them by a
hash of their content and the browser only uses the names to fetch them, so the rewritten files
get new names made the same way here, and the references to them are updated: filter files are
named in ``.pf_meta``, and ``.pf_meta`` in ``pagefind-entry.json``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"

Cbor = int | str | list["Cbor"]


class UnexpectedBundle(Exception):
    """Pagefind wrote something this module does not know how to read (a new version?)."""


def stabilise(bundle: Path) -> None:
    """Rewrite the filter and meta files of the Pagefind bundle in ``bundle`` in sorted order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        if not (isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list)):
            raise UnexpectedBundle(f"{meta_path}: not the layout of Pagefind 1.x metadata")
        filters: list[Cbor] = []
        for item in meta[3]:
            name, old_hash = _pair(item, meta_path)
            filters.append([name, _rewrite_filter(bundle / "filter", old_hash)])
        meta[3] = sorted(filters, key=lambda f: str(f[0]) if isinstance(f, list) else "")
        new_hash = _rename(meta_path, meta, "pagefind.", ".pf_meta", language["hash"], 10)
        language["hash"] = new_hash
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def _rewrite_filter(folder: Path, old_hash: str) -> str:
    path = folder / f"{old_hash}.pf_filter"
    content = _read(path)
    if not (isinstance(content, list) and len(content) == 2 and isinstance(content[1], list)):
        raise UnexpectedBundle(f"{path}: not the layout of a Pagefind 1.x filter")
    content[1] = sorted(content[1], key=lambda v: str(v[0]) if isinstance(v, list) else "")
    return _rename(path, content, "", ".pf_filter", old_hash, 7)


def _pair(item: Cbor, where: Path) -> tuple[str, str]:
    if isinstance(item, list) and len(item) == 2 and all(isinstance(v, str) for v in item):
        return str(item[0]), str(item[1])
    raise UnexpectedBundle(f"{where}: a filter entry is not a [name, hash] pair")


def _rename(path: Path, content: Cbor, prefix: str, suffix: str, old_hash: str, size: int) -> str:
    """Write ``content`` under a name made from its bytes (``en_`` + hex, as Pagefind names)."""
    data = SIGNATURE + _encode(content)
    language = old_hash.split("_", 1)[0]
    new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:size]}"
    path.unlink()
    target = path.with_name(f"{prefix}{new_hash}{suffix}")
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return new_hash


def _read(path: Path) -> Cbor:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnexpectedBundle(f"{path}: no {SIGNATURE.decode()} signature")
    value, end = _decode(data, len(SIGNATURE), path)
    if end != len(data):
        raise UnexpectedBundle(f"{path}: {len(data) - end} bytes after the CBOR value")
    return value


def _decode(data: bytes, at: int, where: Path) -> tuple[Cbor, int]:
    """One CBOR value (unsigned integers, text, arrays: all Pagefind's files use)."""
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        argument = info
    elif info <= 27:
        width = 1 << (info - 24)
        argument = int.from_bytes(data[at : at + width], "big")
        at += width
    else:
        raise UnexpectedBundle(f"{where}: indefinite or reserved CBOR length at byte {at - 1}")
    if major == 0:
        return argument, at
    if major == 3:
        return data[at : at + argument].decode("utf-8"), at + argument
    if major == 4:
        items: list[Cbor] = []
        for _ in range(argument):
            item, at = _decode(data, at, where)
            items.append(item)
        return items, at
    raise UnexpectedBundle(f"{where}: CBOR major type {major} at byte {at - 1}")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * width):
            return bytes([major << 5 | info]) + argument.to_bytes(width, "big")
    raise ValueError(f"CBOR argument too large: {argument}")


def _encode(value: Cbor) -> bytes:
    """Shortest-form CBOR, as Pagefind's own encoder writes it."""
    if isinstance(value, bool):
        raise TypeError("Pagefind's files hold no booleans")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(v) for v in value)
