// Helpers shared by the explorables: DOM and SVG building, labelled sliders,
// live readouts, number formatting that matches Python's, and the information
// measures the figures compute (in any base: 2 for bits, e by default for
// nats).  The name starts with "_", so the loader (index.js) never mounts this
// module as an explorable.
//
// Every formula here mirrors an `infotheory` function; tests/test_explorables.py
// and tests/test_explorables_fit.py check each readout on the page against the
// library.

const SVG_NS = "http://www.w3.org/2000/svg";

// The one element builder: an element of namespace `ns` (null for HTML) with
// attributes, appended to `parent` (if any), with `children` (nodes or text;
// null and "" are skipped) appended to it.
function build(ns, tag, attrs, parent, children) {
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== null && child !== "") node.append(child);
  if (parent) parent.append(node);
  return node;
}

/** An HTML element: el("p", {class: "x"}, parent, "text", child, ...); parent may be null. */
export function el(tag, attrs = {}, parent = null, ...children) {
  return build(null, tag, attrs, parent, children);
}

/** An SVG element: svgEl("text", {x: 1}, parent, "label"); parent may be null. */
export function svgEl(tag, attrs = {}, parent = null, ...children) {
  return build(SVG_NS, tag, attrs, parent, children);
}

let counter = 0;
/** A page-unique id (several explorables, or one twice, may share a page). */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * The live part of an explorable: a container the loader keeps visible (the
 * static fallback beside it is hidden), with a controls grid, an SVG and a
 * readouts line.  `title` names the figure for assistive technology.
 */
export function scaffold(root, title) {
  const live = el("div", { class: "explorable__live", role: "group", "aria-label": title });
  const controls = el("div", { class: "explorable__controls" }, live);
  const figure = el("div", { class: "explorable__figure" }, live);
  const svg = svgEl("svg", { role: "img", "aria-label": title }, figure);
  const readouts = el("div", { class: "explorable__readouts", "aria-live": "polite" }, live);
  root.append(live);
  return { live, controls, figure, svg, readouts };
}

/**
 * A labelled native range input.  `describe(value)` gives the label's value
 * text (also the slider's aria-valuetext, so a screen reader says what it
 * means, not just the raw number).  Returns the input.
 */
export function slider(parent, { name, label, min, max, step, value, describe }) {
  const id = uid(`x-${name}`);
  const wrap = el("label", { for: id }, parent);
  const text = el("span", { class: "explorable__label" }, wrap);
  const input = el("input", {
    type: "range",
    id,
    name,
    min: String(min),
    max: String(max),
    step: String(step),
  });
  input.value = String(value);
  wrap.append(input);
  input.refreshLabel = () => {
    const shown = describe(Number(input.value));
    text.textContent = `${label}: ${shown}`;
    input.setAttribute("aria-valuetext", shown);
  };
  input.refreshLabel();
  return input;
}

/**
 * Readouts: `items` is a list of [key, label, unit]; each becomes
 * "label = <span data-key=key>…</span> unit".  Returns a setter
 * `set(key, text)`.
 */
export function readouts(parent, items) {
  const spans = {};
  for (const [key, label, unit] of items) {
    const item = el("span", { class: "explorable__readout" }, parent);
    item.append(`${label} = `);
    spans[key] = el("span", { "data-key": key }, item, "");
    if (unit) item.append(` ${unit}`);
  }
  return (key, text) => {
    if (spans[key].textContent !== text) spans[key].textContent = text;
  };
}

/**
 * Format like Python's f"{x:.{digits}f}": correctly rounded, exact ties to the
 * even neighbour (JavaScript's toFixed breaks them away from zero; a tie at
 * `digits` is x = odd / 2^(digits + 1), such as 0.0625 to 3 digits), "∞" for
 * infinity.  With `typographic`, for prose: a "−" minus, and no sign on a
 * value that rounds to zero.
 */
export function fmt(x, digits = 3, { typographic = false } = {}) {
  if (x === Infinity) return "∞";
  if (Number.isNaN(x)) return "nan";
  const a = Math.abs(x);
  let text;
  if (Number.isInteger(a * 2 ** (digits + 1)) && !Number.isInteger(a * 2 ** digits)) {
    const n = Math.floor(a * 10 ** digits);
    text = ((n % 2 === 0 ? n : n + 1) / 10 ** digits).toFixed(digits);
  } else {
    text = a.toFixed(digits);
  }
  if (!(x < 0)) return text;
  if (!typographic) return `-${text}`;
  return /^[0.]*$/.test(text) ? text : `−${text}`;
}

/** Rescale non-negative weights to probabilities (as numpy's w / w.sum()). */
export function normalise(weights) {
  let total = 0;
  for (const w of weights) total += w;
  return weights.map((w) => w / total);
}

// ---- information measures, in any base (e, nats, by default) ----------------

// The logarithm to `base`; log2 and the natural log exactly as Math has them.
function logIn(base) {
  if (base === 2) return Math.log2;
  if (base === Math.E) return Math.log;
  const lb = Math.log(base);
  return (x) => Math.log(x) / lb;
}

/** softmax(z / T), shifted by the largest logit first (infotheory.softmax). */
export function softmax(z, T = 1) {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp((v - top) / T));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** H(P) = -sum p log p, with 0 log 0 = 0, never below 0 (infotheory.entropy). */
export function entropy(p, base = Math.E) {
  const log = logIn(base);
  let h = 0;
  for (const pi of p) if (pi > 0) h -= pi * log(pi);
  return Math.max(h, 0);
}

// sum over p > 0 of term(p_i, q_i), never below 0; infinite where q = 0 < p.
function sumOnSupport(p, q, term) {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] > 0) {
      if (q[i] === 0) return Infinity;
      s += term(p[i], q[i]);
    }
  }
  return Math.max(s, 0);
}

/** H(P, Q) = -sum p log q; infinite where q = 0 < p (infotheory.cross_entropy). */
export function crossEntropy(p, q, base = Math.E) {
  const log = logIn(base);
  return sumOnSupport(p, q, (pi, qi) => -(pi * log(qi)));
}

/** KL(P || Q) = sum p log(p / q); infinite where q = 0 < p (infotheory.kl_divergence). */
export function klDivergence(p, q, base = Math.E) {
  const log = logIn(base);
  return sumOnSupport(p, q, (pi, qi) => pi * log(pi / qi));
}

/** Jensen–Shannon divergence, at most log 2 (infotheory.js_divergence). */
export function jsDivergence(p, q, base = Math.E) {
  const log = logIn(base);
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const m = 0.5 * (p[i] + q[i]);
    if (p[i] > 0) d += 0.5 * p[i] * log(p[i] / m);
    if (q[i] > 0) d += 0.5 * q[i] * log(q[i] / m);
  }
  return Math.min(Math.max(d, 0), log(2));
}

/** Total variation distance, half the L1 distance (infotheory.total_variation). */
export function totalVariation(p, q) {
  let d = 0;
  for (let i = 0; i < p.length; i++) d += Math.abs(p[i] - q[i]);
  return Math.min(0.5 * d, 1);
}

/**
 * Wasserstein-1 distance between two distributions on one sorted grid `x`:
 * the area between the CDFs (infotheory.transport.wasserstein_distance).
 */
export function wasserstein1Grid(x, p, q) {
  let cp = 0;
  let cq = 0;
  let w = 0;
  for (let i = 0; i < x.length - 1; i++) {
    cp += p[i];
    cq += q[i];
    w += Math.abs(cp - cq) * (x[i + 1] - x[i]);
  }
  return w;
}

/**
 * Huffman codewords, exactly as infotheory.coding.huffman_code builds them:
 * a min-heap of (probability, node id), ids 0..n-1 for the outcomes and
 * increasing for merged nodes, so ties go to the earlier entry; the first
 * node popped gets "0", the second "1".  A single outcome gets "0".
 */
export function huffmanCode(p) {
  const n = p.length;
  if (n === 1) return ["0"];
  const heap = p.map((w, i) => [w, i]);
  const less = (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const pop = () => {
    let best = 0;
    for (let i = 1; i < heap.length; i++) if (less(heap[i], heap[best])) best = i;
    return heap.splice(best, 1)[0];
  };
  const children = [];
  while (heap.length > 1) {
    const [w0, a] = pop();
    const [w1, b] = pop();
    children.push([a, b]);
    heap.push([w0 + w1, n + children.length - 1]);
  }
  const codes = new Array(n).fill("");
  const stack = [[heap[0][1], ""]];
  while (stack.length) {
    const [node, prefix] = stack.pop();
    if (node < n) codes[node] = prefix;
    else {
      const [a, b] = children[node - n];
      stack.push([a, `${prefix}0`]);
      stack.push([b, `${prefix}1`]);
    }
  }
  return codes;
}

// ---- drawing -----------------------------------------------------------------

/**
 * Redraw `draw(width)` whenever the figure's width changes, so that text in
 * the SVG stays at the page's size (the SVG's user units are CSS pixels).
 * Calls `draw` once now.  Returns a function that redraws at the last width.
 */
export function responsive(figure, draw) {
  let width = Math.max(200, Math.round(figure.clientWidth || 600));
  const redraw = () => draw(width);
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver((entries) => {
      const w = Math.max(200, Math.round(entries[0].contentRect.width));
      if (w !== width) {
        width = w;
        redraw();
      }
    }).observe(figure);
  }
  redraw();
  return redraw;
}

/** Remove every child of an SVG (before a redraw) and set its size. */
export function resetSvg(svg, width, height) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
}

// Viridis at 9 stops (matplotlib's), interpolated linearly.
const VIRIDIS = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** The viridis colour of t in [0, 1], as "rgb(r, g, b)". */
export function viridis(t) {
  const u = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const c = VIRIDIS[i].map((a, k) => Math.round(a + f * (VIRIDIS[i + 1][k] - a)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

// ---- controls and scales of kl-fit.js and temperature.js ----------------------

// A labelled native range input with its value shown beside the label
// (`format(value)`, also its aria-valuetext); onInput runs synchronously on
// every "input" event.  Returns { wrap, input }.
export function valueSlider({ label, min, max, step, value, format, onInput }) {
  const input = el("input", {
    type: "range",
    min: String(min),
    max: String(max),
    step: String(step),
    value: String(value),
  });
  const shown = el("span", { class: "explorable__value" });
  const update = () => {
    const v = Number(input.value);
    shown.textContent = format(v);
    input.setAttribute("aria-valuetext", format(v));
  };
  update();
  input.addEventListener("input", () => {
    update();
    onInput(Number(input.value));
  });
  const wrap = el("label", {}, null, el("span", {}, null, `${label}: `, shown), input);
  return { wrap, input };
}

// Parse "2, 1, 0.5" into numbers; null unless there are min..max finite numbers.
export function parseNumbers(text, min, max) {
  const parts = text.split(/[\s,;]+/).filter((s) => s !== "");
  const values = parts.map((s) => Number(s.replace("−", "-")));
  if (values.length < min || values.length > max) return null;
  return values.every(Number.isFinite) ? values : null;
}

// Calls draw(width) now and whenever the element's width changes.
export function onWidth(element, draw) {
  let last = -1;
  const check = () => {
    const width = Math.round(element.clientWidth);
    if (width > 0 && width !== last) {
      last = width;
      draw(width);
    }
  };
  new ResizeObserver(() => requestAnimationFrame(check)).observe(element);
  check();
}

// An SVG path "M x y L x y ..." through the points (xs[i], ys[i]) scaled by sx, sy.
export function path(xs, ys, sx, sy) {
  let d = "";
  for (let i = 0; i < xs.length; i++) {
    d += `${i ? "L" : "M"}${sx(xs[i]).toFixed(1)} ${sy(ys[i]).toFixed(1)}`;
  }
  return d;
}

// A linear scale from [d0, d1] to [r0, r1].
export function scale(d0, d1, r0, r1) {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}
