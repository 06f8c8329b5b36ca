"""MkDocs hook: check every source before MkDocs touches the output folder.

If a source is wrong the build stops here with one line per problem (``file:line: what; how``)
and the previously built site is left as it was.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import types
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from build_scripts import pagechrome, searchindex, sitenav
from build_scripts.errors import SourceErrors
from build_scripts.pages import Page, prepare_pages, site_files
from build_scripts.render import anchor_ids, toc_tokens
from build_scripts.site import forget, load_site

_html_pages: set[str] = set()
"""Generated pages whose body is already HTML (articles, preambles, full texts)."""

_indexed: set[str] = set()
"""URLs of the pages indexed for search in this build (under a dirty preview, the changed ones)."""


class _DirtyNotice(logging.Filter):
    """Drop MkDocs's notice that a dirty build is being performed: under ``make serve`` every
    rebuild is one by design, and in strict mode the notice alone would abort the preview.
    Everything else still counts as a warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command, dirty) -> None:
    if command == "serve" and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


def on_pre_build(config) -> None:
    """Load, check and render everything before MkDocs cleans the output folder."""
    forget()
    root = _root(config)
    try:
        pages = prepare_pages(load_site(root), config.repo_url or "")
    except SourceErrors as exc:
        raise Abort(f"The sources have {len(exc.errors)} problem(s):\n{exc}") from None
    _html_pages.clear()
    _html_pages.update(p.path for p in pages if p.html)
    _indexed.clear()


def _render_html(page, config, files) -> None:
    """Page.render for a page whose body is finished HTML: no Markdown pass, same results.

    MkDocs would otherwise run Python-Markdown over 371 pages that hold no Markdown; this sets
    what its render sets: the content, the table of contents and the anchors other pages may
    link to. Links in these pages are computed from the URL scheme and checked on the built
    site by the tests' link checker.
    """
    page.content = page.markdown
    page.toc = get_toc(toc_tokens(page.content))
    page._title_from_render = None
    page.present_anchor_ids = anchor_ids(page.content)
    page.links_to_anchors = {}


def on_pre_page(page, config, files):
    if page.file.src_uri in _html_pages:
        page.render = types.MethodType(_render_html, page)
    return page


@event_priority(50)  # before the search plugin reads the page
def on_page_context(context, page, config, nav):
    """Index the page for search with :mod:`build_scripts.searchindex` (same sections as the
    theme's parser, in a fraction of the time), then tell the theme's plugin it is done."""
    plugin = config.plugins.get("material/search")
    if plugin is not None and plugin.config.enabled:
        searchindex.index_page(plugin.search_index, page)
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        _indexed.add(page.url)
    return context


@event_priority(50)  # before the search plugin merges and writes the index
def on_post_build(config) -> None:
    """Under a dirty preview, forget the old entries of every page indexed again.

    The theme's plugin keeps the previous index and assumes a single page changed, dropping the
    old entries of that page only; an edit can change several (a note on two articles, a theme
    listing), whose old entries would otherwise stay in search twice.
    """
    plugin = config.plugins.get("material/search")
    previous = getattr(plugin, "search_index_prev", None)
    if previous is not None:
        previous.entries = [e for e in previous.entries if e["location"].partition("#")[0] not in _indexed]


def on_env(env, config, files):
    """The primary navigation is written by :mod:`build_scripts.sitenav` (``overrides/partials/nav.html``);
    parts of the page frame that repeat are rendered once (:mod:`build_scripts.pagechrome`).

    The theme's templates and those of the API reference are compiled once and kept in
    ``.cache/jinja``, as Python keeps its own bytecode in ``__pycache__``: Jinja recompiles a
    template whenever its source changes, and otherwise saves about 0.6 s of every build.
    """
    sitenav.register(env)
    pagechrome.register(env, config.theme)
    env.bytecode_cache = template_cache(_root(config))
    return env


def on_config(config):
    """The API reference's templates are compiled before ``on_env``: give their environment the cache now."""
    api = config.plugins.get("mkdocstrings")
    if api is not None:
        api.get_handler("python").env.bytecode_cache = template_cache(_root(config))
    return config


TEMPLATE_PACKAGES = ("jinja2", "mkdocs", "mkdocs-material", "mkdocstrings", "mkdocstrings-python")
"""Whose versions name the cache folder: Jinja checks a template's source, not what its filters and
settings were when it was compiled, so an upgrade of any of these starts a fresh cache."""


@functools.cache
def _template_packages() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return f"{name}-{version(name)}"
        except PackageNotFoundError:
            return f"{name}-none"

    return "_".join(installed(name) for name in TEMPLATE_PACKAGES)


def template_cache(root: Path) -> FileSystemBytecodeCache:
    """Where compiled templates are kept between builds (``.cache/jinja/<versions>``, not committed)."""
    folder = root / ".cache" / "jinja" / _template_packages()
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def _root(config) -> Path:
    return Path(os.environ.get("TREATIES_ROOT") or Path(config.config_file_path).parent)


def write_changed(folder: Path, files: list[Page]) -> None:
    """Write the generated files into ``folder``, touching only those whose bytes changed.

    A file that did not change keeps its modification time, so ``mkdocs serve --dirty`` renders
    again only the pages an edit changed. Files no longer generated are removed. Each write goes
    to a temporary name first, so a reader never sees half a file.
    """
    wanted = set()
    for file in files:
        data = file.content.encode("utf-8") if isinstance(file.content, str) else file.content
        target = folder / file.path
        wanted.add(target)
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        os.replace(partial, target)
    for old in folder.rglob("*"):
        if old.is_file() and old not in wanted:
            old.unlink()


@event_priority(100)  # before literate-nav reads the navigation files
def on_files(files, config):
    """Add the generated files (pages, downloads, hand-written pages with their listings).

    They are written to ``.cache/generated`` and handed to MkDocs from there; a page made from a
    source file gets that file as its edit link. Navigation files (SUMMARY.md) feed the
    literate-nav plugin; they are not pages.
    """
    from mkdocs.structure.files import File, InclusionLevel

    root = _root(config)

    def read(path: str) -> bytes | None:
        target = root / path
        return target.read_bytes() if target.is_file() else None

    generated = site_files(load_site(root), config.repo_url or "", config.site_url or "/", read)
    folder = root / ".cache" / "generated"
    write_changed(folder, generated)
    for item in generated:
        existing = files.get_file_from_path(item.path)
        if existing is not None:
            files.remove(existing)
        file = File(item.path, str(folder), config.site_dir, config.use_directory_urls)
        if item.edit:
            file.edit_uri = f"../{item.edit}"  # edit_uri points into docs/; the source sits beside it
        files.append(file)
    for file in files:
        if file.src_uri.endswith("SUMMARY.md"):
            file.inclusion = InclusionLevel.EXCLUDED
    return files


_KEEP = re.compile(r"<(pre|textarea|script)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_GAP = re.compile(r">\s{2,}(?=<)")


def on_post_page(output: str, page, config) -> str:
    """Collapse the runs of white space the theme's templates leave between tags.

    Readers on phones pay for every byte; the stock templates indent deeply. Between two tags a
    run of white space renders exactly like a single space, so this changes no rendering. Text
    inside <pre>, <textarea> and <script> is left untouched.
    """

    def collapse(segment: str, after_tag: bool, before_tag: bool) -> str:
        # the tags around a kept block count: pad with them, collapse, unpad
        padded = (">" if after_tag else "") + segment + ("<" if before_tag else "")
        collapsed = _GAP.sub("> ", padded)
        return collapsed[1 if after_tag else 0 : len(collapsed) - (1 if before_tag else 0)]

    out, pos = [], 0
    for keep in _KEEP.finditer(output):
        out.append(collapse(output[pos : keep.start()], pos > 0, True))
        out.append(keep.group(0))
        pos = keep.end()
    out.append(collapse(output[pos:], pos > 0, False))
    return "".join(out)
