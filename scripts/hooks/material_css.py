"""Material's palette stylesheet without its load-time restyle: see scripts/material_css.py."""

from __future__ import annotations

import _root  # noqa: F401  (puts the repository root on sys.path)

from scripts.material_css import on_post_build

__all__ = ["on_post_build"]
