"""Material's built assets without their load-time restyles: see scripts/material_patches.py."""

from __future__ import annotations

import _root  # noqa: F401  (puts the repository root on sys.path)

from scripts.material_patches import on_post_build

__all__ = ["on_post_build"]
