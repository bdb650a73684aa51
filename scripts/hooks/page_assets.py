"""Per-page stylesheets and deferred scripts: see scripts/page_assets.py."""

from __future__ import annotations

import _root  # noqa: F401  (puts the repository root on sys.path)

from scripts.page_assets import on_config, on_post_build, on_post_page

__all__ = ["on_config", "on_post_build", "on_post_page"]
