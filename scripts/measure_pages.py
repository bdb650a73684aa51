"""Measure what each page of the built site costs a reader on a cold load.

    python -m scripts.measure_pages              # build the site (fast build), then measure
    python -m scripts.measure_pages --site DIR   # measure an existing build
    python -m scripts.measure_pages --pages index.html kl-divergence/index.html
    python -m scripts.measure_pages --runs 5 --cpu-slowdown 4  # a phone's CPU, medians of 5
    python -m scripts.measure_pages --lighthouse 3   # also Lighthouse, median of 3 runs

The site is served by a small threaded HTTP server that gzips text responses,
as a static host would, and each page is loaded in a fresh headless Chromium
context (empty cache).  For each page the table shows:

* ``KiB``: bytes transferred (gzip bodies plus headers, from the browser's
  resource timing), ``req``: number of requests;
* ``math ms``: time until the math is rendered.  The math is typeset at build
  time, so that is DOMContentLoaded (the whole HTML is parsed; KaTeX's CSS is
  render-blocking);
* ``TBT ms``: total blocking time as Lighthouse defines it: the sum over long
  tasks (from a ``PerformanceObserver``) of their part after the first
  contentful paint beyond 50 ms, until the load event plus one second (the
  work before the first paint delays it instead);
* ``DOM``: number of elements;
* ``style ms``, ``layout ms``: the main thread's time in style recalculation
  and layout (Chromium's own counters, ``Performance.getMetrics``), the work
  that a long page's tens of thousands of elements cost.

With ``--lighthouse N`` it then runs Lighthouse (pinned, from the npm registry;
see scripts/lighthouse/) N times on a few representative pages
(``LIGHTHOUSE_PAGES``: the home page, a chapter, its notebook, an API page)
and prints the median of each score and metric, and the audits that failed
in any run.

``--runs N`` loads every page N times (the pages in turn, so that a slow spell
of the machine hits all of them alike) and prints the median of each column;
``--cpu-slowdown 4`` slows Chromium's CPU down four times (DevTools' CPU
throttling), about a mid-range phone, as Lighthouse's mobile profile assumes.

A measurement, not a test: times depend on the machine and its load (printed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from scripts import browser as browser_tools

ROOT = Path(__file__).resolve().parent.parent

_OBSERVE_JS = """
window.__longtasks = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
}).observe({type: "longtask", buffered: true});
"""

_COLLECT_JS = """
async () => {
  await new Promise(r => setTimeout(r, 1000));
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource");
  const bytes = [nav, ...res].reduce((s, e) => s + (e.transferSize || 0), 0);
  // As Lighthouse counts it: the part of each long task after the first
  // contentful paint, beyond 50 ms.
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
  const blocking = ([start, duration]) => {
    const after = start + duration - Math.max(start, fcp);
    return Math.max(0, after - 50);
  };
  return {
    bytes,
    requests: 1 + res.length,
    dcl: nav.domContentLoadedEventEnd,
    tbt: window.__longtasks.reduce((s, task) => s + blocking(task), 0),
    dom: document.getElementsByTagName("*").length,
  };
}
"""


def build(site: Path) -> None:
    env = {"NO_MKDOCS_2_WARNING": "1", "INFOTHEORY_EXECUTE_NOTEBOOKS": "false", **os.environ}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith("assets/")
    )


def _load(browser: Any, url: str, cpu_slowdown: float) -> dict[str, Any]:
    """One cold load of ``url`` in a fresh context: the columns of the table."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    try:
        context.add_init_script(_OBSERVE_JS)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        if cpu_slowdown != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        page.goto(url, wait_until="load")
        row: dict[str, Any] = page.evaluate(_COLLECT_JS)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        row["style_ms"] = 1000 * metrics["RecalcStyleDuration"]
        row["layout_ms"] = 1000 * metrics["LayoutDuration"]
        return row
    finally:
        context.close()


def measure(
    site: Path, rels: list[str], runs: int = 1, cpu_slowdown: float = 1
) -> list[dict[str, Any]]:
    """Load each page ``runs`` times (pages in turn); the median of each column per page."""
    from playwright.sync_api import sync_playwright

    loads: dict[str, list[dict[str, Any]]] = {rel: [] for rel in rels}
    with browser_tools.serve(site, compress=True) as url, sync_playwright() as pw:
        browser = browser_tools.launch(pw)
        try:
            for _ in range(runs):
                for rel in rels:
                    page_url = url + rel.removesuffix("index.html")
                    loads[rel].append(_load(browser, page_url, cpu_slowdown))
        finally:
            browser.close()
    return [
        {
            "page": rel.removesuffix("index.html") or "/",
            **{key: statistics.median(r[key] for r in rows) for key in rows[0]},
        }
        for rel, rows in loads.items()
    ]


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        f"{'page':<34} {'KiB':>7} {'req':>4} {'math ms':>8} {'TBT ms':>7} {'DOM':>6} "
        f"{'style ms':>8} {'layout ms':>9}",
    ]
    for r in rows:
        lines.append(
            f"{r['page']:<34} {r['bytes'] / 1024:>7.0f} {r['requests']:>4.0f} "
            f"{r['dcl']:>8.0f} {r['tbt']:>7.0f} {r['dom']:>6.0f} "
            f"{r['style_ms']:>8.0f} {r['layout_ms']:>9.0f}"
        )
    return "\n".join(lines)


LIGHTHOUSE_PAGES = [
    "index.html",
    "kl-divergence/index.html",
    "notebooks/kl-divergence/index.html",
    "api/divergence/index.html",
]


def lighthouse(site: Path, rels: list[str], runs: int) -> str:
    from scripts import lighthouse as lh

    lh.install()
    lines = [
        f"Lighthouse (mobile), median of {runs} run(s):",
        f"{'page':<34} {'perf':>5} {'a11y':>5} {'FCP ms':>7} {'LCP ms':>7} {'TBT ms':>7} "
        f"{'SI ms':>7}  failing audits",
    ]
    with browser_tools.serve(site, compress=True) as url:
        for rel in rels:
            results = [lh.audit(url + rel.removesuffix("index.html")) for _ in range(runs)]

            def median(key: str, results: list[dict] = results) -> float:
                return float(statistics.median(r[key] for r in results))

            failing = sorted({a for r in results for a in r["failing"]})
            cells = [f"{median(k):>5.0f}" for k in ("performance", "accessibility")]
            cells += [f"{median(k):>7.0f}" for k in ("fcp_ms", "lcp_ms", "tbt_ms", "si_ms")]
            page = rel.removesuffix("index.html") or "/"
            lines.append(f"{page:<34} {' '.join(cells)}  {', '.join(failing) or '-'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--pages", nargs="*", help="pages to measure (default: all)")
    parser.add_argument("--runs", type=int, default=1, metavar="N", help="loads per page (median)")
    parser.add_argument(
        "--cpu-slowdown", type=float, default=1, metavar="X", help="slow the CPU down X times"
    )
    parser.add_argument(
        "--lighthouse", type=int, default=0, metavar="N", help="also run Lighthouse N times"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.cpu_slowdown < 1:
        parser.error("--runs and --cpu-slowdown must be at least 1")
    print(f"load average before: {os.getloadavg()}")
    print(f"{args.runs} load(s) per page, CPU slowed down {args.cpu_slowdown:g}x")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        rows = measure(site, args.pages or pages(site), args.runs, args.cpu_slowdown)
        print(table(rows))
        if args.lighthouse:
            print(lighthouse(site, LIGHTHOUSE_PAGES, args.lighthouse))
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
