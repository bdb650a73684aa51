// Divergences under a shift (docs/divergences.md).
//
// P is a smooth bump of half-width w centred at 0 and Q the same bump
// centred at the shift s, both on one grid.  Readouts: KL(P || Q), JS, TV
// and Wasserstein-1.  Once the supports are disjoint (s >= 2w) JS and TV sit
// at their maxima while W1 = s keeps growing; KL is infinite for every s > 0
// (Q is 0 where P is not).  The right panel draws all three against the shift.
import {
  fmt,
  jsDivergence,
  klDivergence,
  readouts,
  resetSvg,
  responsive,
  scaffold,
  slider,
  svgEl,
  totalVariation,
  wasserstein1Grid,
} from "./_shared.js";

// The grid: numpy.linspace(X_MIN, X_MAX, N) (tests/test_explorables.py uses the same).
const X_MIN = -2;
const X_MAX = 5.5;
const N = 751;
const SHIFT_MAX = 3.5;
const X = (() => {
  const step = (X_MAX - X_MIN) / (N - 1);
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = i * step + X_MIN;
  x[N - 1] = X_MAX;
  return x;
})();

/** A smooth bump, zero outside [center - w, center + w], normalised on the grid. */
function bump(center, w) {
  const d = new Float64Array(N);
  let total = 0;
  for (let i = 0; i < N; i++) {
    const t = Math.max(1 - ((X[i] - center) / w) ** 2, 0);
    d[i] = t * t;
    total += d[i];
  }
  for (let i = 0; i < N; i++) d[i] /= total;
  return d;
}

function measures(p, q) {
  return { KL: klDivergence(p, q, 2), JS: jsDivergence(p, q, 2), TV: totalVariation(p, q), W1: wasserstein1Grid(X, p, q) };
}

export function mount(root) {
  const ui = scaffold(root, "Two bumps and their divergences as one is shifted");
  const shift = slider(ui.controls, {
    name: "shift",
    label: "shift s of Q",
    min: 0,
    max: SHIFT_MAX,
    step: 0.05,
    value: 1,
    describe: (v) => fmt(v, 2),
  });
  const width = slider(ui.controls, {
    name: "half-width",
    label: "half-width w of both bumps",
    min: 0.5,
    max: 1.5,
    step: 0.05,
    value: 1,
    describe: (v) => fmt(v, 2),
  });
  const set = readouts(ui.readouts, [
    ["KL", "KL(P ‖ Q)", "bits"],
    ["JS", "JS(P ‖ Q)", "bits"],
    ["TV", "TV(P, Q)", ""],
    ["W1", "W₁(P, Q)", "(units of x)"],
  ]);

  let p = null;
  let q = null;
  let now = null;
  let curveFor = null;
  let curve = null;

  function compute() {
    const w = Number(width.value);
    if (curveFor !== w) {
      p = bump(0, w);
      curve = [];
      for (let k = 0; k <= 70; k++) {
        const s = (k * SHIFT_MAX) / 70;
        curve.push({ s, ...measures(p, bump(s, w)) });
      }
      curveFor = w;
    }
    q = bump(Number(shift.value), w);
    now = measures(p, q);
  }

  function path(xs, ys) {
    let d = "";
    for (let i = 0; i < xs.length; i++) d += `${i ? "L" : "M"}${xs[i].toFixed(1)},${ys[i].toFixed(1)}`;
    return d;
  }

  function densities(svg, x0, y0, w, h) {
    const every = 3;
    let peak = 0;
    for (const v of p) peak = Math.max(peak, v);
    const sx = (x) => x0 + ((x - X_MIN) / (X_MAX - X_MIN)) * w;
    const sy = (v) => y0 + h - (v / (1.15 * peak)) * h;
    const xs = [];
    const ps = [];
    const qs = [];
    for (let i = 0; i < N; i += every) {
      xs.push(sx(X[i]));
      ps.push(sy(p[i]));
      qs.push(sy(q[i]));
    }
    svgEl("path", { d: `${path(xs, ps)}L${xs[xs.length - 1]},${y0 + h}L${xs[0]},${y0 + h}Z`, class: "explorable__area", style: "fill: var(--explorable-c1)" }, svg);
    svgEl("path", { d: path(xs, qs), class: "explorable__line", style: "stroke: var(--explorable-c2)" }, svg);
    svgEl("line", { x1: x0, x2: x0 + w, y1: y0 + h, y2: y0 + h, class: "explorable__axis" }, svg);
    for (let t = -2; t <= 5; t++) {
      svgEl("text", { x: sx(t), y: y0 + h + 16, "text-anchor": "middle", class: "explorable__tick" }, svg, String(t));
    }
    svgEl("text", { x: x0, y: y0 - 8, class: "explorable__title" }, svg, "P (filled) and Q (line) on the grid");
  }

  function curves(svg, x0, y0, w, h) {
    const sx = (s) => x0 + (s / SHIFT_MAX) * w;
    const sy = (v) => y0 + h - (v / 1.1) * h; // JS (bits) and TV on the left axis, 0..1.1
    const sw = (v) => y0 + h - (v / (1.1 * SHIFT_MAX)) * h; // W1 on the right axis, 0..3.85
    const xs = curve.map((c) => sx(c.s));
    svgEl("line", { x1: x0, x2: x0 + w, y1: y0 + h, y2: y0 + h, class: "explorable__axis" }, svg);
    svgEl("line", { x1: x0, x2: x0 + w, y1: sy(1), y2: sy(1), class: "explorable__grid" }, svg);
    svgEl("path", { d: path(xs, curve.map((c) => sy(c.JS))), class: "explorable__line", style: "stroke: var(--explorable-c1)" }, svg);
    svgEl("path", { d: path(xs, curve.map((c) => sy(c.TV))), class: "explorable__line explorable__line--dashed", style: "stroke: var(--explorable-c2)" }, svg);
    svgEl("path", { d: path(xs, curve.map((c) => sw(c.W1))), class: "explorable__line", style: "stroke: var(--explorable-c3)" }, svg);
    const s = Number(shift.value);
    svgEl("line", { x1: sx(s), x2: sx(s), y1: y0, y2: y0 + h, class: "explorable__cursor" }, svg);
    for (const [v, f, c] of [
      [now.JS, sy, "--explorable-c1"],
      [now.TV, sy, "--explorable-c2"],
      [now.W1, sw, "--explorable-c3"],
    ]) {
      svgEl("circle", { cx: sx(s), cy: f(v), r: 4.5, style: `fill: var(${c})` }, svg);
    }
    for (let t = 0; t <= 3; t++) {
      svgEl("text", { x: sx(t), y: y0 + h + 16, "text-anchor": "middle", class: "explorable__tick" }, svg, String(t));
    }
    svgEl("text", { x: x0 - 4, y: sy(1) + 4, "text-anchor": "end", class: "explorable__tick" }, svg, "1");
    svgEl("text", { x: x0 + w + 4, y: sw(3) + 4, class: "explorable__tick" }, svg, "3");
    svgEl("text", { x: x0, y: y0 - 8, class: "explorable__title" }, svg, "against the shift: JS, TV (0–1), W₁ (right)");
    const legend = [
      ["JS (bits)", "--explorable-c1"],
      ["TV", "--explorable-c2"],
      ["W₁", "--explorable-c3"],
    ];
    legend.forEach(([label, c], k) => {
      svgEl("text", { x: x0 + w - 4, y: y0 + h - 46 + 15 * k, "text-anchor": "end", class: "explorable__tick", style: `fill: var(${c})` }, svg, label);
    });
    svgEl("text", { x: x0 + w / 2, y: y0 + h + 32, "text-anchor": "middle", class: "explorable__tick" }, svg, "shift s");
  }

  function draw(widthPx) {
    const wide = widthPx >= 620;
    const panelH = 150;
    const height = wide ? panelH + 70 : 2 * panelH + 130;
    resetSvg(ui.svg, widthPx, height);
    if (wide) {
      const w = (widthPx - 90) / 2;
      densities(ui.svg, 10, 28, w, panelH);
      curves(ui.svg, 10 + w + 50, 28, w, panelH);
    } else {
      densities(ui.svg, 10, 28, widthPx - 40, panelH);
      curves(ui.svg, 18, 28 + panelH + 62, widthPx - 44, panelH);
    }
  }

  compute();
  const redraw = responsive(ui.figure, (w) => draw(w));

  function show() {
    for (const key of ["KL", "JS", "TV", "W1"]) set(key, fmt(now[key]));
    shift.refreshLabel();
    width.refreshLabel();
  }

  function update() {
    compute();
    show();
    redraw();
  }

  shift.addEventListener("input", update);
  width.addEventListener("input", update);
  show();
}
