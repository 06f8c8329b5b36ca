"""The primary navigation of every page, written in Python instead of the theme's Jinja macros.

Material for MkDocs renders the navigation with a recursive Jinja macro that handles every
feature the theme offers (tabs, sections, indexes, icons, status badges). On this site it was
the largest part of the time spent in templates: about 60 items on each of some 400 pages. This
module writes the same markup for the features the site uses (``navigation.prune``, no tabs, no
sections, no section index pages), and the test suite compares it with the theme's own output.

Kept identical to the theme's ``partials/nav-item.html`` (Material 9.x) for those features:

- a page that is not the current one: a plain link;
- the current page: a link marked active, preceded by the toggle that opens its table of
  contents on small screens, followed by the table of contents (rendered by the theme);
- a section on the way to the current page: an open, labelled, nested list;
- any other section: pruned to a link to its first page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any


def _content(title: str, icon: bool = False) -> str:
    after = '<span class="md-nav__icon md-icon"></span>' if icon else ""
    return f'<span class="md-ellipsis">{title}</span>{after}'


def _first_page(item: Any) -> Any:
    while item.children:
        item = item.children[0]
    return item


def _item(item: Any, path: str, level: int, page: Any, toc_html: str, url: Callable[[str], str]) -> str:
    # Titles are printed as the theme prints them (MkDocs templates do not autoescape); they come
    # from the navigation file and the escaped page titles written by build_scripts.render.
    css = "md-nav__item md-nav__item--active" if item.active else "md-nav__item"
    if item.children:
        if not item.active:
            first = _first_page(item)
            return (
                f'<li class="{css} md-nav__item--pruned md-nav__item--nested">'
                f'<a href="{url(first.url)}" class="md-nav__link">{_content(item.title, True)}</a></li>'
            )
        children = "".join(
            _item(child, f"{path}_{i}", level + 1, page, toc_html, url) for i, child in enumerate(item.children, 1)
        )
        return (
            f'<li class="{css} md-nav__item--nested">'
            f'<input class="md-nav__toggle md-toggle " type="checkbox" id="{path}" checked>'
            f'<label class="md-nav__link" for="{path}" id="{path}_label" tabindex="0">{_content(item.title, True)}</label>'
            f'<nav class="md-nav" data-md-level="{level}" aria-labelledby="{path}_label" aria-expanded="true">'
            f'<label class="md-nav__title" for="{path}"><span class="md-nav__icon md-icon"></span>{item.title}</label>'
            f'<ul class="md-nav__list" data-md-scrollfix>{children}</ul></nav></li>'
        )
    if item == page:
        toc = list(page.toc or [])
        if toc and toc[0].level == 1:
            toc = toc[0].children
        label = (
            f'<label class="md-nav__link md-nav__link--active" for="__toc">{_content(item.title, True)}</label>'
            if toc
            else ""
        )
        return (
            f'<li class="{css}"><input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">{label}'
            f'<a href="{url(item.url)}" class="md-nav__link md-nav__link--active">{_content(item.title)}</a>'
            f"{toc_html if toc else ''}</li>"
        )
    return f'<li class="{css}"><a href="{url(item.url)}" class="md-nav__link">{_content(item.title)}</a></li>'


def nav_items(items: Sequence[Any], page: Any, toc_html: str, url: Callable[[str], str]) -> str:
    """The items of the primary navigation for one page (what goes inside its top-level list)."""
    return "".join(_item(item, f"__nav_{i}", 1, page, toc_html, url) for i, item in enumerate(items, 1))


@cache
def _parts(path: str) -> tuple[str, ...]:
    path = posixpath.normpath("/" + path)[1:]
    return tuple(path.split("/")) if path else ()


def relative_urls(page: Any) -> Callable[[str], str]:
    """``url -> the URL relative to page``, exactly as MkDocs's ``normalize_url(url, page=page)``
    (the theme's ``url`` filter), computed faster for the site's own page URLs: a page's
    navigation has up to a hundred of them, and the same targets recur on every page."""
    from mkdocs.utils import normalize_url

    if page is None:  # a page of the theme's own (404)
        return lambda url: normalize_url(url, page=None)
    dirname, _, basename = page.url.rpartition("/")
    here = _parts(dirname if "." in basename else page.url)

    def relative(url: str) -> str:
        if any(c in url for c in ":#?\\") or url.startswith(("/", ".")):
            return normalize_url(url, page=page)  # not a plain page URL: MkDocs's own rules
        there = _parts(url or ".")
        common = 0
        for a, b in zip(here, there, strict=False):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(here) - common) + list(there[common:])) or "."
        return rel + "/" if url.endswith("/") else rel

    return relative


def register(env: Any) -> None:
    """Make ``tt_nav_items(nav, page, toc_html)`` available to the theme's templates."""

    def tt_nav_items(nav: Any, page: Any, toc_html: str) -> str:
        return nav_items(nav.items, page, toc_html, relative_urls(page))

    env.globals["tt_nav_items"] = tt_nav_items
