"""Take full-page screenshots of the built site in the light and the dark palette.

For reviewing figures and layout by eye (the browser test checks what can be
checked automatically).  Build the site first (``mkdocs build``), then::

    python -m scripts.screenshots                   # every page -> .cache/screenshots/
    python -m scripts.screenshots entropy kl-divergence --out /tmp/shots

Uses Debian's Chromium through Playwright, like tests/test_site.py (scripts/browser.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import launch, serve

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="page paths such as 'entropy' (default: all)")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()

    if not (args.site / "index.html").exists():
        raise SystemExit(f"no built site in {args.site}: run `mkdocs build` first")
    pages = args.pages or sorted(
        p.parent.relative_to(args.site).as_posix()
        for p in args.site.rglob("index.html")
        if "assets" not in p.parts
    )
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as pw:
        browser = launch(pw)
        for scheme in ("light", "dark"):
            ctx = browser.new_context(
                color_scheme=scheme, viewport={"width": args.width, "height": 900}
            )
            page = ctx.new_page()
            for rel in pages:
                rel = "" if rel in (".", "index", "") else rel.strip("/") + "/"
                page.goto(base + rel, wait_until="networkidle")
                name = (rel.strip("/").replace("/", "_") or "index") + f".{scheme}.png"
                page.screenshot(path=str(args.out / name), full_page=True)
                print(args.out / name)
            ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
