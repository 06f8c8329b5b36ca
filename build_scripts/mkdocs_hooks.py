"""MkDocs hook: check every source before MkDocs touches the output folder.

If a source is wrong the build stops here with one line per problem (``file:line: what; how``)
and the previously built site is left as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import Abort

from build_scripts.errors import SourceErrors
from build_scripts.pages import prepare_pages
from build_scripts.site import forget, load_site


def on_pre_build(config) -> None:
    """Load, check and render everything before MkDocs cleans the output folder."""
    forget()
    root = Path(os.environ.get("TREATIES_ROOT") or Path(config.config_file_path).parent)
    try:
        prepare_pages(load_site(root), config.repo_url or "")
    except SourceErrors as exc:
        raise Abort(f"The sources have {len(exc.errors)} problem(s):\n{exc}") from None


def on_files(files, config):
    """Navigation files (SUMMARY.md) feed the literate-nav plugin; they are not pages."""
    from mkdocs.structure.files import InclusionLevel

    for file in files:
        if file.src_uri.endswith("SUMMARY.md"):
            file.inclusion = InclusionLevel.EXCLUDED
    return files


_GAP = re.compile(
    r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>|<script\b.*?</script>)|(?<=>)\s{2,}(?=<)", re.DOTALL | re.IGNORECASE
)


def on_post_page(output: str, page, config) -> str:
    """Collapse the runs of white space the theme's templates leave between tags.

    Readers on phones pay for every byte; the stock templates indent deeply. Between two tags a
    run of white space renders exactly like a single space, so this changes no rendering. Text
    inside <pre>, <textarea> and <script> is left untouched.
    """
    return _GAP.sub(lambda m: m.group(1) or " ", output)
