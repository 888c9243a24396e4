"""Site-wide annotations: ``speakers.yaml`` (people), ``organizations.yaml``, ``topics.yaml``.

Each file maps an id (a URL slug) to its details. Every file is optional. A person's
``organization`` must name an organisation that exists, and no name or alias may point at two
records, because annotate resolves speakers and firms by those names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from site_builder.errors import Diagnostics
from site_builder.load import confine
from site_builder.load.sources import display_path
from site_builder.load.yamlload import Mapping, Node, load_yaml
from site_builder.load.yamlschema import (
    Context,
    Ref,
    as_mapping,
    check_id,
    fields,
    keyed,
    ref,
    text,
    text_list,
)
from site_builder.memo import by_identity
from site_builder.model import Organization, Person, Topic
from site_builder.slugs import name_key

SPEAKERS_FILE = "speakers.yaml"
ORGANIZATIONS_FILE = "organizations.yaml"
TOPICS_FILE = "topics.yaml"

PERSON_KEYS = ("name", "bio", "aliases", "organization", "role")
ORGANIZATION_KEYS = ("name", "aliases", "description", "url", "ticker")
TOPIC_KEYS = ("title", "description")

R = TypeVar("R", Person, Organization, Topic)


@dataclass(frozen=True, slots=True)
class SiteAnnotations:
    people: dict[str, Person] = field(default_factory=dict)
    """Person id -> person, from speakers.yaml."""
    organizations: dict[str, Organization] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    """The topic vocabulary exchanges may use."""


@dataclass(frozen=True, slots=True)
class _Loaded(Generic[R]):
    """A record with the positions of the values that are checked after every file is read."""

    record: R
    names: tuple[Ref, ...] = ()
    """The record's name and aliases, located."""
    organization: Ref | None = None


def load_site_annotations(content_dir: Path, diagnostics: Diagnostics) -> SiteAnnotations:
    orgs = _load(content_dir / ORGANIZATIONS_FILE, "organization", diagnostics, _organization)
    topics = _load(content_dir / TOPICS_FILE, "topic", diagnostics, _topic)
    people = _load(content_dir / SPEAKERS_FILE, "person", diagnostics, _person)
    speakers_ctx = Context(display_path(content_dir / SPEAKERS_FILE), diagnostics)
    for person_id, loaded in list(people.items()):
        org = loaded.organization
        if org is not None and org.value not in orgs:
            speakers_ctx.unknown(org, "organization", orgs)
            people[person_id] = replace(loaded, record=replace(loaded.record, organization=None))
    _check_names(speakers_ctx, people, "person")
    _check_names(
        Context(display_path(content_dir / ORGANIZATIONS_FILE), diagnostics), orgs, "organization"
    )
    return SiteAnnotations(
        people={k: v.record for k, v in people.items()},
        organizations={k: v.record for k, v in orgs.items()},
        topics={k: v.record for k, v in topics.items()},
    )


def _load(
    path: Path,
    what: str,
    diagnostics: Diagnostics,
    read: Callable[[Context, Ref, Mapping], _Loaded[R]],
) -> dict[str, _Loaded[R]]:
    if not confine.readable_file(path, path.parent, diagnostics):
        return {}
    ctx = Context(display_path(path), diagnostics)
    root = as_mapping(ctx, load_yaml(path, diagnostics), path.name)
    if root is None:
        return {}
    records: dict[str, _Loaded[R]] = {}
    for key, value in keyed(ctx, root):
        if not check_id(ctx, key, what):
            continue
        m = as_mapping(ctx, value, f"{what} '{key.value}'")
        records[key.value] = read(ctx, key, m if m is not None else Mapping((), key.line, key.col))
    return records


def _required_text(ctx: Context, key: Ref, f: dict[str, Node], name: str, what: str) -> str:
    value = text(ctx, f.get(name), name)
    if value is None:
        ctx.error(key, f"{what} '{key.value}' needs a '{name}'")
    return value or key.value


def _names(ctx: Context, key: Ref, f: dict[str, Node], name: str) -> tuple[Ref, ...]:
    node = f.get("name")
    first = Ref(name, node.line, node.col) if node is not None else key
    return (first, *text_list(ctx, f.get("aliases"), "aliases"))


def _person(ctx: Context, key: Ref, m: Mapping) -> _Loaded[Person]:
    f = fields(ctx, m, PERSON_KEYS, "a person")
    name = _required_text(ctx, key, f, "name", "person")
    names = _names(ctx, key, f, name)
    org = ref(ctx, f.get("organization"), "organization")
    person = Person(
        id=key.value,
        name=name,
        bio=text(ctx, f.get("bio"), "bio"),
        aliases=tuple(a.value for a in names[1:]),
        organization=org.value if org else None,
        role=text(ctx, f.get("role"), "role"),
    )
    return _Loaded(person, names, org)


def _organization(ctx: Context, key: Ref, m: Mapping) -> _Loaded[Organization]:
    f = fields(ctx, m, ORGANIZATION_KEYS, "an organization")
    name = _required_text(ctx, key, f, "name", "organization")
    names = _names(ctx, key, f, name)
    organization = Organization(
        id=key.value,
        name=name,
        aliases=tuple(a.value for a in names[1:]),
        description=text(ctx, f.get("description"), "description"),
        url=_web_address(ctx, f.get("url")),
        ticker=text(ctx, f.get("ticker"), "ticker"),
    )
    return _Loaded(organization, names)


def _web_address(ctx: Context, node: Node | None) -> str | None:
    """An organisation's website, which its page prints as a link: only ``http(s)://host``, so a
    ``javascript:`` or ``data:`` address in contributed YAML never becomes a link that runs."""
    value = ref(ctx, node, "url")
    if value is None:
        return None
    address = value.value
    # Browsers drop tabs and newlines inside a URL ("java\tscript:"); refuse any such character.
    hidden = any(c.isspace() or not c.isprintable() for c in address)
    parts = urlsplit(address)
    if hidden or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        ctx.error(
            value,
            f"url {address!r} is not a web address",
            "write the full address, starting with https://",
        )
        return None
    return address


def _topic(ctx: Context, key: Ref, m: Mapping) -> _Loaded[Topic]:
    f = fields(ctx, m, TOPIC_KEYS, "a topic")
    title = _required_text(ctx, key, f, "title", "topic")
    return _Loaded(Topic(key.value, title, text(ctx, f.get("description"), "description")))


def _check_names(ctx: Context, records: dict[str, _Loaded[R]], what: str) -> None:
    """A name or alias that points at two records would make matching a coin toss."""
    owner: dict[str, str] = {}
    for record_id, loaded in records.items():
        for name in loaded.names:
            key = name_key(name.value)
            if owner.get(key, record_id) != record_id:
                ctx.error(
                    name,
                    f"'{name.value}' already names {what} '{owner[key]}'",
                    "a name or alias may belong to one record only",
                )
            owner.setdefault(key, record_id)


@by_identity(8)  # asked once per participant; the records do not change within a build
def name_index(records: dict[str, Person] | dict[str, Organization]) -> dict[str, str]:
    """``name_key`` of every id, name and alias -> record id: how annotate finds a record."""
    index: dict[str, str] = {}
    for record_id, record in records.items():
        for name in (record_id.replace("-", " "), record.name, *record.aliases):
            index.setdefault(name_key(name), record_id)
    return index
