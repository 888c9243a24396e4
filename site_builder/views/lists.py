"""Long lists printed in Python: the questions on organisation pages.

A large firm's analysts asked thousands of questions; printing each through a template macro
(and the macros inside it: links, organisation, topics) made such pages as slow to render as
whole transcripts. The markup is the one ``macros.html`` printed; every text value goes through
``esc``. The items themselves are printed in :mod:`site_builder.views.exchanges`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from site_builder.views.common import Link
from site_builder.views.text import esc


def link_html(link: Link) -> str:
    return f'<a href="{esc(link.url)}">{esc(link.text)}</a>'


def and_list(printed: list[str]) -> str:
    """Printed items as ``A``, ``A and B``, ``A, B and C``."""
    if len(printed) < 3:
        return " and ".join(printed)
    return ", ".join(printed[:-1]) + " and " + printed[-1]


def topic_list_html(topics: Sequence[Link], label: str = "Topics") -> str:
    if not topics:
        return ""
    items = "".join(f"<li>{link_html(t)}</li>" for t in topics)
    return f'<ul class="tags" aria-label="{esc(label)}">{items}</ul>\n'


def exchange_list_html(items: Iterable[str]) -> str:
    """Printed questions (``<li>`` each) as one list; nothing when there are none."""
    printed = "".join(items)
    return f'<ul class="exchange-list">\n{printed}</ul>\n' if printed else ""
