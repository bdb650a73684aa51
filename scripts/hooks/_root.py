"""Put the repository root on ``sys.path`` so that hooks can ``import scripts.*``.

MkDocs loads each hook by file path with only the hook's own directory on the
path (and only while the hook module executes), so every hook imports this
module first.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
