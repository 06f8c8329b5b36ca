"""Parts of the theme's page frame that repeat from page to page, rendered once per build.

Material renders its header, its table of contents and its configuration block afresh for every
page. On this site the header differs between two pages only in its relative URLs (the same for
every page at one folder depth) and in the page title; the configuration block only in its
relative URLs; and each page's table of contents is rendered twice, once in the navigation and
once in the sidebar. This module renders each of them with the theme's own templates once per
distinct result and reuses it, which about halves the time spent in page templates.

The templates call, from ``overrides/``:

- ``tt_header()`` (``partials/header.html``): the theme's header, rendered once per folder
  depth with a placeholder where the page title goes, then given each page's title;
- ``tt_partial(name, key)`` (``partials/toc.html``): the theme's partial, once per key;
- ``tt_once(name, super)`` (the ``config`` block of ``main.html``): a block, once per folder depth.

A relative URL is the same for every page at one folder depth unless the page lies in the folder
of what it links to; pages inside the folders the shared parts link into (the theme's ``assets``,
a logo's folder) are therefore rendered on their own.

``tests/test_pagechrome.py`` builds a site with these and with the theme's templates alone and
compares every page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, pass_context

THEME = "theme"
"""Prefix under which the theme's own templates stay reachable when ``overrides/`` replaces them."""

TITLE = "\x00tt-page-title\x00"
"""Stands for the page title while the shared header is rendered; never in a real title."""


class _Untitled:
    """A page as the header sees it, with the placeholder instead of its title."""

    def __init__(self, page: Any) -> None:
        self._page = page
        self.title = TITLE
        self.meta = {**(page.meta or {}), "title": TITLE}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def header_title(page: Any) -> str:
    """The title the theme's header prints: the front matter's ``title`` if set, else the page's."""
    meta = page.meta or {}
    return str(meta["title"] if meta.get("title") else page.title)


def target_folders(theme: Any) -> set[str]:
    """The top folders of the site that the shared parts link into: those of the theme's own
    files (stylesheets, scripts, images: ``assets``) and of a logo image, if one is set."""
    import os

    folders = set()
    for folder in theme.dirs:
        for entry in os.scandir(folder):
            if entry.is_dir() and any(not f.endswith(".html") for _, _, files in os.walk(entry.path) for f in files):
                folders.add(entry.name)
    if theme.get("logo"):
        folders.add(str(theme["logo"]).lstrip("/").split("/", 1)[0])
    return folders


def register(env: Any, theme: Any) -> None:
    """Make ``tt_header``, ``tt_partial`` and ``tt_once`` available to the templates.

    The theme's own templates (``theme``'s folders without its ``custom_dir``) stay reachable as
    ``theme/<name>``. What is rendered is kept for this environment only: MkDocs makes a new one
    for every build, so a preview never shows stale parts.
    """
    own = [d for d in theme.dirs if d != theme.custom_dir]
    env.loader = ChoiceLoader([env.loader, PrefixLoader({THEME: FileSystemLoader(own)})])
    rendered: dict[tuple[str, ...], str] = {}
    targets = target_folders(theme)

    def share_key(ctx: Any, page: Any) -> str:
        # A relative URL depends only on the page's depth unless the page lies in the folder of
        # what it links to: pages inside the theme's asset folders get renderings of their own.
        return ctx["base_url"] if page.url.split("/", 1)[0] not in targets else page.url

    def _render_theme(ctx: Any, name: str, **changes: Any) -> str:
        return ctx.environment.get_template(f"{THEME}/{name}").render({**ctx.get_all(), **changes})

    @pass_context
    def tt_header(ctx: Any) -> str:
        page = ctx.get("page")
        if page is None:  # a page of the theme's own (404): nothing to share
            return _render_theme(ctx, "partials/header.html")
        key = ("partials/header.html", share_key(ctx, page))
        if key not in rendered:
            shared = _render_theme(ctx, key[0], page=_Untitled(page))
            if shared.count(TITLE) != 1:
                raise RuntimeError(
                    "the theme's header no longer prints the page title once; see build_scripts/pagechrome.py"
                )
            rendered[key] = shared
        return rendered[key].replace(TITLE, header_title(page))

    @pass_context
    def tt_partial(ctx: Any, name: str, key: str) -> str:
        if (name, key) not in rendered:
            rendered[(name, key)] = _render_theme(ctx, name)
        return rendered[(name, key)]

    @pass_context
    def tt_once(ctx: Any, name: str, block: Callable[[], Any]) -> str:
        page = ctx.get("page")
        if page is None:
            return str(block())
        key = (name, share_key(ctx, page))
        if key not in rendered:
            rendered[key] = str(block())
        return rendered[key]

    env.globals.update(tt_header=tt_header, tt_partial=tt_partial, tt_once=tt_once)
