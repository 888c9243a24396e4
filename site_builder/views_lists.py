"""Long lists printed in Python: questions on person and topic pages, remarks on person pages.

A person on many calls has thousands of list items; printing each through a template macro (and
the macros inside it: links, organisation, topics) made person pages as slow to render as whole
transcripts. The markup is the one ``macros.html`` printed; every text value goes through
``esc``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .views_common import Link
from .views_text import esc


@dataclass(frozen=True, slots=True)
class ExchangeItem:
    url: str
    label: str
    """``Question 3``."""
    asker: Link | None
    asker_firm: Link | None
    topics: tuple[Link, ...]
    excerpt: str
    """The opening words of the question."""
    answerers: tuple[Link, ...] = ()
    """Who answered: everyone else who spoke in the exchange, operators aside."""


def link_html(link: Link) -> str:
    return f'<a href="{esc(link.url)}">{esc(link.text)}</a>'


def links_html(links: Sequence[Link]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    printed = [link_html(link) for link in links]
    if len(printed) < 3:
        return " and ".join(printed)
    return ", ".join(printed[:-1]) + " and " + printed[-1]


def topic_list_html(topics: Sequence[Link], label: str = "Topics") -> str:
    if not topics:
        return ""
    items = "".join(f"<li>{link_html(t)}</li>" for t in topics)
    return f'<ul class="tags" aria-label="{esc(label)}">{items}</ul>\n'


def exchange_item_html(item: ExchangeItem, show_asker: bool) -> str:
    """One ``<li>``: the question's link, who asked (unless on the asker's own page), its opening
    words, who answered and its topics."""
    out = [f'<li><a href="{esc(item.url)}">{esc(item.label)}</a>']
    if show_asker and item.asker:
        out.append(f" from {link_html(item.asker)}")
        if item.asker_firm:
            out.append(f" ({link_html(item.asker_firm)})")
    if item.excerpt:
        out.append(f'\n<q class="excerpt">{esc(item.excerpt)}</q>')
    if item.answerers:
        out.append(f'\n<span class="answered-by">Answered by {links_html(item.answerers)}</span>')
    out.append("\n")
    out.append(topic_list_html(item.topics))
    out.append("</li>\n")
    return "".join(out)


def exchange_list_html(items: Iterable[str]) -> Markup:
    """Printed ``exchange_item_html`` items as one list; nothing when there are none."""
    printed = "".join(items)
    return Markup(f'<ul class="exchange-list">\n{printed}</ul>\n' if printed else "")


def excerpt_item_html(url: str, label: str, text: str) -> str:
    """One remark: its link (``Turn 12, question 3``) and its opening words."""
    link = f'<a href="{esc(url)}">{esc(label)}</a>'
    return f'<li>{link} <span class="excerpt">{esc(text)}</span></li>\n'


def excerpts_html(items: Iterable[str]) -> Markup:
    """Printed ``excerpt_item_html`` items as one list; nothing when there are none."""
    printed = "".join(items)
    return Markup(f'<ol class="excerpts">\n{printed}</ol>\n' if printed else "")
