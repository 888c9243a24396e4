"""The synthetic archive as structured records: companies, people, calls, turns.

Reuse is the point: a company's executives recur across its quarters (with some turnover), and
each sector's analysts cover many companies, so person pages aggregate dozens of events, as they do
in a real publisher's archive. Everything derives from one seed; the same ``(n, seed)`` always gives
the same corpus.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable

from . import words
from .calls import make_call
from .records import Archive, Call, Organization, Person, slugify

QUARTERS_PER_COMPANY = 12
"""Three years of calls per company: N = 1,000 means 84 companies."""


class _Names:
    """Unique person names; a middle initial once plain first-last pairs run short."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def new(self) -> str:
        rng = self.rng
        for attempt in range(1000):
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
            middle = f" {chr(65 + rng.randrange(26))}." if attempt > 20 else ""
            name = f"{first}{middle} {last}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of person names; extend bench/words.py")


def _companies(count: int, rng: random.Random) -> list[tuple[Organization, int]]:
    """(company, sector index) pairs with unique names and tickers."""
    names = [
        (f"{prefix} {stem}", sector)
        for sector, (_, stems, _, _) in enumerate(words.SECTORS)
        for prefix in words.COMPANY_PREFIXES
        for stem in stems
    ]
    rng.shuffle(names)
    if count > len(names):
        raise RuntimeError(f"at most {len(names)} companies; extend bench/words.py")
    tickers: set[str] = set()
    companies = []
    for name, sector in names[:count]:
        letters = re.sub(r"[^A-Z]", "", name.upper())
        ticker = letters[:4]
        while ticker in tickers:
            ticker = letters[:2] + "".join(chr(65 + rng.randrange(26)) for _ in range(2))
        tickers.add(ticker)
        companies.append(
            (Organization(slugify(name), name, "", ticker, rng.choice(words.EXCHANGES)), sector)
        )
    return companies


def generate(n: int, seed: int = 1) -> Archive:
    rng = random.Random(seed)
    names = _Names(rng)
    firms = [Organization(slugify(full), full, short) for full, short in words.FIRMS]
    company_count = math.ceil(n / QUARTERS_PER_COMPANY)
    companies = _companies(company_count, rng)
    people: list[Person] = []

    def person(role: str, organization: str) -> Person:
        name = names.new()
        people.append(Person(slugify(name), name, role, organization))
        return people[-1]

    # Analysts: a pool per sector (about 1.5 per company in it) plus generalists who cover
    # several sectors, so the busiest analysts appear on a hundred calls or more.
    per_sector = [sum(1 for _, s in companies if s == i) for i in range(len(words.SECTORS))]
    sector_pools = [
        [person("Analyst", rng.choice(firms).id) for _ in range(max(6, round(1.5 * k)))]
        for k in per_sector
    ]
    generalists = [person("Analyst", rng.choice(firms).id) for _ in range(max(4, n // 100))]
    firm_by_id = {f.id: f for f in firms}

    calls: list[Call] = []
    for index in range(n):
        company, sector = companies[index // QUARTERS_PER_COMPANY]
        quarter_index = index % QUARTERS_PER_COMPANY
        if quarter_index == 0:
            staff = _Staff(rng, company, person)
            pool = sector_pools[sector]
            coverage = rng.sample(pool, min(len(pool), 16)) + rng.sample(generalists, 3)
        calls.append(
            make_call(
                random.Random(f"{seed}:{index}"),
                company,
                sector,
                quarter_index,
                staff.on_call(quarter_index),
                coverage,
                firm_by_id,
            )
        )
    return Archive(
        tuple(calls), tuple(people), tuple(c for c, _ in companies) + tuple(firms), words.TOPICS
    )


class _Staff:
    """A company's executives over its quarters: the CEO and CFO sometimes change."""

    def __init__(
        self, rng: random.Random, company: Organization, person: Callable[[str, str], Person]
    ) -> None:
        roles = list(words.EXECUTIVE_ROLES[:3]) + rng.sample(
            words.EXECUTIVE_ROLES[3:], rng.randint(0, 2)
        )
        self.eras = []
        for role in roles:
            change = rng.randrange(1, QUARTERS_PER_COMPANY) if rng.random() < 0.25 else None
            first = person(role, company.id)
            second = person(role, company.id) if change else None
            self.eras.append((first, second, change))

    def on_call(self, quarter_index: int) -> tuple[Person, ...]:
        present = []
        for position, (first, second, change) in enumerate(self.eras):
            holder = second if change is not None and quarter_index >= change else first
            # IR, CEO and CFO speak on every call; the others on most.
            if position < 3 or (quarter_index * 7 + position) % 10 < 7:
                present.append(holder)
        return tuple(present)
