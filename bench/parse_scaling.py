"""Is parsing linear in input size? ``python -m bench.parse_scaling [--sizes 1 10] [--repeat 3]``.

Generates one earnings call in the seed's Seeking Alpha layout (title line, ``Executives`` and
``Analysts`` lists, ``Operator`` introductions, ``Name - Firm`` analyst labels, bare executive
labels, a ``Question-and-Answer Session`` header, the seed's lossy ``â`` apostrophes and dashes)
of each requested size in MB, by adding Q&A exchanges with fresh words until the size is reached.
Then it times what ``site-builder`` does to a transcript before annotating it: decode and repair
(``sources.read_source`` without the file read), ``readers.read`` and ``qa.group_exchanges``.

Prints seconds per MB for each size and ``t(big) / (big/small × t(small))``: 1.0 is linear.
Deterministic (fixed seed); nothing is written to disk.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from site_builder import pipeline
from site_builder.load import repair, sources
from site_builder.model import ParsedTranscript, SourceText

MB = 1_000_000
_EXECUTIVES = (
    ("Dana Whitfield", "Vice President, Investor Relations"),
    ("Marcus Oyelaran", "Chairman and Chief Executive Officer"),
    ("Priya Castellano", "Chief Financial Officer"),
    ("Tomasz Lindqvist", "Vice President, Operations"),
)
_FIRMS = (
    "Morgan Stanley",
    "Goldman Sachs",
    "Deutsche Bank",
    "Barclays",
    "Jefferies",
    "Needham",
    "Robert W. Baird",
    "Pacific Crest Securities",
    "Dougherty & Company",
    "Lazard Capital Markets",
)
_FIRST = ("Alan", "Beth", "Chidi", "Dora", "Emil", "Farah", "Gus", "Hana", "Ivo", "Jun", "Kofi")
_LAST = ("Abara", "Bisset", "Cruz", "Dahl", "Eze", "Faulk", "Grady", "Hume", "Ilves", "Juarez")
_WORDS = (
    "revenue margin quarter guidance demand supply production capacity vehicles deliveries "
    "customers pricing costs battery factory program expansion outlook growth cash flow "
    "investment software service reservations inventory logistics europe china model "
    "platform efficiency headwinds tailwinds utilization backlog segment"
)
_GLUE = "we the our and of in to for that is was on this with as at"
_VOCABULARY, _GLUE_WORDS = _WORDS.split(), _GLUE.split()


def _sentence(rng: random.Random) -> str:
    words = [
        rng.choice(_VOCABULARY if rng.random() < 0.45 else _GLUE_WORDS)
        for _ in range(rng.randint(8, 22))
    ]
    if rng.random() < 0.3:  # the seed's lossy apostrophe: "weâre", "companyâs"
        i = rng.randrange(len(words))
        words[i] += rng.choice(("âs", "âre", "âll"))
    if rng.random() < 0.1:  # and its lossy dash between clauses
        words.insert(rng.randrange(1, len(words)), "â")
    text = " ".join(words)
    return f"{text[0].upper()}{text[1:]}{rng.choice('..?')}"


def _paragraph(rng: random.Random, sentences: tuple[int, int]) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(*sentences)))


def seed_layout_transcript(size: int, seed: int = 1) -> str:
    """An earnings call in the seed's layout of about ``size`` characters (never much less)."""
    rng = random.Random(seed)
    analysts = [
        (f"{first} {last}", _FIRMS[(i + j) % len(_FIRMS)])
        for i, first in enumerate(_FIRST)
        for j, last in enumerate(_LAST)
    ]
    out = ["Northwind Motors (NASDAQ:NWM) Q2 2012 Earnings Call July 25, 2012 5:30 PM ET"]
    out += ["Executives", *(f"{name} â {title}" for name, title in _EXECUTIVES)]
    out += ["Analysts", *(f"{name} - {firm}" for name, firm in analysts)]
    out += [
        "Operator",
        "Good day, ladies and gentlemen, and welcome to the call. "
        "[Operator instructions.] I would now like to turn the call over to Dana Whitfield.",
    ]
    out += ["Dana Whitfield", _paragraph(rng, (4, 8)), "Question-and-Answer Session", ""]
    length = sum(len(line) + 1 for line in out)
    number = 0
    while length < size:
        name, firm = analysts[number % len(analysts)]
        number += 1
        exchange = [
            "Operator",
            f"Our next question comes from {name} from {firm}. ",
            f"{name} - {firm}",
            _paragraph(rng, (2, 5)),
        ]
        for _ in range(rng.randint(1, 3)):
            exchange += [rng.choice(_EXECUTIVES[1:])[0], _paragraph(rng, (2, 9))]
        out += exchange
        length += sum(len(line) + 1 for line in exchange)
    out += ["Operator", "Ladies and gentlemen, this concludes todayâs conference."]
    return "\n".join(out)


def parse_bytes(data: bytes) -> ParsedTranscript:
    """``sources.read_source`` after the file read, then the reader and the exchange grouping."""
    text, encoding, warnings = sources.decode(data)
    text, repairs = repair.repair_text(text)
    source = SourceText("generated.txt", text, encoding, tuple(warnings) + tuple(repairs))
    return pipeline.parse(source)


def time_parse(data: bytes, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        parse_bytes(data)
        times.append(time.perf_counter() - started)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 10.0], help="MB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    per_mb: dict[float, float] = {}
    for size in args.sizes:
        data = seed_layout_transcript(int(size * MB)).encode("utf-8")
        parsed = parse_bytes(data)
        times = time_parse(data, args.repeat)
        best = min(times)
        per_mb[size] = best / (len(data) / MB)
        print(
            f"{len(data) / MB:6.2f} MB  reader={parsed.format}  turns={len(parsed.turns)}  "
            f"exchanges={len(parsed.exchanges)}  best {best:7.2f} s  "
            f"median {statistics.median(times):7.2f} s  ({per_mb[size]:.2f} s/MB)",
            flush=True,
        )
    small, big = min(args.sizes), max(args.sizes)
    if big > small:
        ratio = per_mb[big] / per_mb[small]
        print(f"t({big:g} MB) / ({big / small:g} x t({small:g} MB)) = {ratio:.2f}  (1.0 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
