"""Lighthouse (mobile profile) against Debian's Chromium, for ``scripts.measure_pages``.

Lighthouse comes from the npm registry at the version and integrity hashes of
``package-lock.json`` beside this file (every package of its tree is pinned
there); ``install()`` runs ``npm ci`` into ``.cache/lighthouse/`` once, and
again only when the lock file changes.  Never served, never in git.

``audit(url)`` runs one Lighthouse pass (default mobile emulation and simulated
throttling: a mid-range phone on slow 4G) and returns the scores and metrics.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from scripts import browser as browser_tools

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PREFIX = ROOT / ".cache" / "lighthouse"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
METRICS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "si_ms": "speed-index",
}


def install() -> Path:
    """Install the pinned Lighthouse into .cache/lighthouse (``npm ci``); return the CLI path."""
    lock = (HERE / "package-lock.json").read_bytes()
    stamp = PREFIX / "package-lock.json"
    if CLI.exists() and stamp.exists() and stamp.read_bytes() == lock:
        return CLI
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("Lighthouse needs Node.js and npm (apt-get install nodejs npm)")
    PREFIX.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "package.json", PREFIX / "package.json")
    shutil.copyfile(HERE / "package-lock.json", stamp)
    command = [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"]
    subprocess.run(command, cwd=PREFIX, check=True)
    return CLI


def audit(url: str) -> dict[str, Any]:
    """Run Lighthouse once on ``url``: performance and accessibility (0–100), metrics (ms)."""
    cli = install()
    flags = " ".join(["--headless=new", *browser_tools.CHROMIUM_ARGS[1:]])
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                "node",
                str(cli),
                url,
                "--quiet",
                "--only-categories=performance,accessibility",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={flags}",
            ],
            env={**os.environ, "CHROME_PATH": browser_tools.CHROMIUM},
            check=True,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    result: dict[str, Any] = {
        "performance": round(100 * data["categories"]["performance"]["score"]),
        "accessibility": round(100 * data["categories"]["accessibility"]["score"]),
    }
    for key, audit_id in METRICS.items():
        result[key] = data["audits"][audit_id]["numericValue"]
    result["failing"] = sorted(
        ref["id"]
        for category in ("performance", "accessibility")
        for ref in data["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and data["audits"][ref["id"]]["score"] is not None
        and data["audits"][ref["id"]]["score"] < 0.9
    )
    return result
