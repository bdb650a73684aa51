"""Time how fast every explorable of the built site answers its controls.

Usage (build the site first)::

    mkdocs build && python -m scripts.benchmark_explorables
    python -m scripts.benchmark_explorables --steps 40 --width 390

Generic: it opens every built page whose HTML holds ``data-explorable=``, waits
until its explorables are mounted, and for each ``<input type="range">`` inside
one (``[data-explorable] input``) sets ``--steps`` values spread over the
input's range (in a shuffled order, so consecutive values differ), dispatching
an ``input`` event each time, as a reader's drag does.  Per value it measures,
with ``performance.now()`` in the page:

* **update**: from dispatching the event to the return of the (synchronous)
  handlers: the explorable's own computing and DOM work;
* **+layout**: the same plus the style and layout the change forces (read back
  with ``offsetHeight``): what the browser must do before it can paint;
* **+layout min**: the smallest +layout, the cost when nothing else
  competed for the CPU (on a shared, busy machine the median and the maximum
  also measure the other processes);
* **frame**: from the event to the next ``requestAnimationFrame`` callback,
  which at 60 Hz includes waiting for the next vsync (up to ~16.7 ms even for
  an instant update).

It prints the median and the maximum of each, in ms.  The target (issue 16) is
an update within one frame: **+layout <= 16 ms**.  The input's value is put
back afterwards.  This is a measurement, not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.browser import launch, serve

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 16.0

_INPUTS_JS = """() => [...document.querySelectorAll("[data-explorable] input")]
    .filter(i => i.type === "range" || (i.type === "number" && i.min !== "" && i.max !== ""))
    .map((i, index) => ({
        index,
        explorable: i.closest("[data-explorable]").dataset.explorable,
        name: i.name || i.id || i.type,
    }))"""

_MEASURE_JS = """async ([index, steps]) => {
    const input = [...document.querySelectorAll("[data-explorable] input")]
        .filter(i => i.type === "range" || (i.type === "number" && i.min !== "" && i.max !== ""))
        [index];
    const original = input.value;
    const min = Number(input.min || 0), max = Number(input.max || 100);
    const step = input.step && input.step !== "any" ? Number(input.step) : (max - min) / 100;
    const values = [];
    for (let k = 0; k < steps; k++) {
        const raw = min + ((k * 7919) % steps) / Math.max(1, steps - 1) * (max - min);
        values.push(Math.min(max, Math.max(min, min + Math.round((raw - min) / step) * step)));
    }
    const update = [], layout = [], frame = [];
    for (const v of values) {
        input.value = String(v);
        const t0 = performance.now();
        input.dispatchEvent(new Event("input", {bubbles: true}));
        const t1 = performance.now();
        void document.body.offsetHeight;  // force the style and layout of the change
        const t2 = performance.now();
        const t3 = await new Promise(resolve => requestAnimationFrame(resolve));
        update.push(t1 - t0);
        layout.push(t2 - t0);
        frame.push(t3 - t0);
    }
    input.value = original;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    return {update, layout, frame};
}"""


def _pages(site: Path) -> list[str]:
    return sorted(
        p.parent.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if "assets" not in p.parts and "data-explorable=" in p.read_text(encoding="utf-8")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--steps", type=int, default=30, help="values per input (default 30)")
    parser.add_argument("--width", type=int, default=1280, help="viewport width in px")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        raise SystemExit(f"no built site in {args.site}: run `mkdocs build` first")

    rows: list[tuple[str, ...]] = []
    worst = 0.0  # the largest median of update + layout
    worst_max = 0.0
    with serve(args.site) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": args.width, "height": 900})
        for rel in _pages(args.site):
            page.goto(f"{base}{rel}/", wait_until="load")
            page.wait_for_function(
                """() => [...document.querySelectorAll("[data-explorable]")]
                    .every(e => e.dataset.mounted === "yes" || e.dataset.mounted === "error")"""
            )
            for info in page.evaluate(_INPUTS_JS):
                page.locator("[data-explorable]").nth(0).scroll_into_view_if_needed()
                m = page.evaluate(_MEASURE_JS, [info["index"], args.steps])
                cells = []
                for key in ("update", "layout", "frame"):
                    cells += [f"{statistics.median(m[key]):.2f}", f"{max(m[key]):.2f}"]
                cells.insert(2, f"{min(m['layout']):.2f}")
                worst = max(worst, statistics.median(m["layout"]))
                worst_max = max(worst_max, max(m["layout"]))
                rows.append((rel, info["explorable"], info["name"], str(len(m["update"])), *cells))
        browser.close()

    header = (
        "page",
        "explorable",
        "input",
        "n",
        "update med",
        "max",
        "+layout min",
        "med",
        "max",
        "frame med",
        "max",
    )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print(
            "  ".join(
                c.ljust(w) if i < 3 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
    load = os.getloadavg()[0] / (os.cpu_count() or 1)
    print(
        f"\nload average per CPU during the run: {load:.1f} (above 1, other processes share "
        "the CPUs and the max, then the median, measure them too; min is the uncontended cost)"
    )
    print(
        f"times in ms at {args.width} px; target: update + layout <= {TARGET_MS:g} ms "
        f"on the median: worst median {worst:.2f} ms, "
        f"{'met' if worst <= TARGET_MS else 'NOT met'}; "
        f"largest single update {worst_max:.2f} ms"
    )


if __name__ == "__main__":
    main()
