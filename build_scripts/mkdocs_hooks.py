"""MkDocs hook: check every source before MkDocs touches the output folder.

If a source is wrong the build stops here with one line per problem (``file:line: what; how``)
and the previously built site is left as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort

from build_scripts.errors import SourceErrors
from build_scripts.site import forget, load_site


def on_pre_build(config) -> None:
    forget()
    root = Path(os.environ.get("TREATIES_ROOT") or Path(config.config_file_path).parent)
    try:
        load_site(root)
    except SourceErrors as exc:
        raise Abort(f"The sources have {len(exc.errors)} problem(s):\n{exc}") from None


def on_files(files, config):
    """Navigation files (SUMMARY.md) feed the literate-nav plugin; they are not pages."""
    from mkdocs.structure.files import InclusionLevel

    for file in files:
        if file.src_uri.endswith("SUMMARY.md"):
            file.inclusion = InclusionLevel.EXCLUDED
    return files
