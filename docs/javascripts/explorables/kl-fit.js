// Forward vs reverse KL: the best single Gaussian for a two-peaked target.
//
// The target is p = (1 − w) N(−d/2, 1) + w N(d/2, 1).  The fits and their KL
// values come from data/kl-fit.json, computed with infotheory at build time
// (scripts/explorables/kl_fit_grid.py); the sliders step exactly through its
// grid, so the readouts show the stored numbers.  Only the curves are
// computed here.
import { el, fmt, onWidth, path, scale, svgEl, valueSlider } from "./_shared.js";

const fixed = (x, digits) => fmt(x, digits, { typographic: true });

const DATA = new URL("./data/kl-fit.json", import.meta.url);
const X_MIN = -8.5;
const X_MAX = 8.5;
const SAMPLES = 241;
const HEIGHT = 210;
const MAX_MINIMA = 3; // the most local minima of the reverse objective on the grid
const Y_MAX = 0.42; // the densities stay below 1 / sqrt(2 pi) = 0.399 (sigma >= 1)

const normal = (x, mu, sigma) =>
  Math.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));

export function mount(root) {
  const state = { d: 6, w: 0.5, grid: null, width: 0 };

  const sep = valueSlider({
    label: "Separation of the peaks d",
    min: 0,
    max: 8,
    step: 0.25,
    value: state.d,
    format: (v) => `${fixed(v, 2)} σ`,
    onInput: (v) => {
      state.d = v;
      update();
    },
  });
  const weight = valueSlider({
    label: "Weight of the right peak w",
    min: 0.1,
    max: 0.9,
    step: 0.05,
    value: state.w,
    format: (v) => fixed(v, 2),
    onInput: (v) => {
      state.w = v;
      update();
    },
  });
  sep.input.dataset.control = "d";
  weight.input.dataset.control = "w";
  for (const s of [sep, weight]) s.input.disabled = true;

  const plot = el("div", { class: "kl-fit__plot" });
  // Named from the start: the description of the fits follows once the grid is loaded.
  const chart = svgEl("svg", {
    role: "img",
    "aria-label": "Single-Gaussian fits of a two-peaked target under forward and reverse KL",
  });
  plot.append(chart);
  const area = svgEl("path", { class: "kl-fit__target" }, chart);
  const axis = svgEl("g", { class: "kl-fit__axis" }, chart);
  const reverseCurves = Array.from({ length: MAX_MINIMA }, (_, k) =>
    svgEl("path", { class: k ? "kl-fit__local" : "kl-fit__reverse" }, chart),
  );
  const forwardCurve = svgEl("path", { class: "kl-fit__forward" }, chart);

  const legend = el(
    "p",
    { class: "kl-fit__legend" },
    null,
    el("span", { class: "kl-fit__key kl-fit__key--target" }, null, "target p"),
    el("span", { class: "kl-fit__key kl-fit__key--forward" }, null, "forward fit, min KL(p‖q)"),
    el("span", { class: "kl-fit__key kl-fit__key--reverse" }, null, "reverse fit, best minimum"),
    el("span", { class: "kl-fit__key kl-fit__key--local" }, null, "other local minima"),
  );

  const tbody = el("tbody");
  const table = el(
    "table",
    { class: "kl-fit__table" },
    null,
    el(
      "thead",
      {},
      null,
      el(
        "tr",
        {},
        null,
        el("th", { scope: "col" }, null, "fit"),
        el("th", { scope: "col" }, null, "μ"),
        el("th", { scope: "col" }, null, "σ"),
        el("th", { scope: "col" }, null, "KL(p‖q)"),
        el("th", { scope: "col" }, null, "KL(q‖p)"),
      ),
    ),
    tbody,
  );
  const summary = el("p", { class: "kl-fit__summary" });
  const readouts = el(
    "div",
    { class: "kl-fit__readouts", "aria-live": "polite" },
    null,
    summary,
    el("div", { class: "kl-fit__scroll" }, null, table),
  );
  const caption = el(
    "p",
    { class: "explorable__caption" },
    null,
    el("strong", {}, null, "Try: "),
    "with equal weights, drag the separation from 0 to 8. ",
    el("strong", {}, null, "Notice: "),
    "the forward fit stays one bell between the peaks and only widens. The reverse " +
      "objective has one minimum up to 4.75 σ and three from 5 σ (one per peak and the " +
      "wide bell); from 5.75 σ a one-peak fit is the best, its KL(q‖p) approaching " +
      "ln 2 = 0.6931 nats. Then make one peak heavier: the best reverse fit sits on it, " +
      "the other peak keeps a local minimum, and KL(q‖p) tends to −ln w of the peak the " +
      "fit is on. KL values in nats.",
  );

  const live = el(
    "div",
    { class: "explorable__live kl-fit", "data-state": "loading" },
    null,
    el("div", { class: "explorable__controls" }, null, sep.wrap, weight.wrap),
    plot,
    legend,
    readouts,
    caption,
  );
  root.append(live);

  function point() {
    const g = state.grid;
    const i = g.separations.indexOf(state.d);
    const j = g.weights.findIndex((w) => Math.abs(w - state.w) < 1e-9);
    return g.points[i][j];
  }

  // One row per fit, made once and updated in place (fewer nodes to restyle per input):
  // the forward fit and up to MAX_MINIMA reverse minima; unused rows are hidden.
  const KEYS = ["mu", "sigma", "kl_pq", "kl_qp"];
  const rows = Array.from({ length: 1 + MAX_MINIMA }, (_, k) => {
    const cells = KEYS.map(() => el("td"));
    const tr = el("tr", {}, null, el("th", { scope: "row" }, null, k ? `reverse ${k}` : "forward"), ...cells);
    tbody.append(tr);
    return { tr, cells, kind: k ? `reverse-${k - 1}` : "forward" };
  });

  function showRow(r, fit) {
    const dig = state.grid.digits;
    const digits = { mu: dig.mu, sigma: dig.sigma, kl_pq: dig.kl, kl_qp: dig.kl };
    r.tr.hidden = !fit;
    KEYS.forEach((key, i) => {
      const cell = r.cells[i];
      if (fit) {
        cell.dataset.readout = `${r.kind}-${key}`;
        cell.textContent = fixed(fit[key], digits[key]);
      } else {
        delete cell.dataset.readout;
        cell.textContent = "";
      }
    });
  }

  function drawAxis(sx, sy, width) {
    axis.replaceChildren();
    axis.dataset.width = String(width);
    svgEl("line", { x1: sx(X_MIN), x2: sx(X_MAX), y1: sy(0), y2: sy(0) }, axis);
    for (let t = -8; t <= 8; t += 2) {
      svgEl("line", { x1: sx(t), x2: sx(t), y1: sy(0), y2: sy(0) + 4 }, axis);
      const label = svgEl("text", { x: sx(t), y: HEIGHT - 6, "text-anchor": "middle" }, axis);
      label.textContent = t < 0 ? `−${-t}` : String(t);
    }
  }

  function draw() {
    if (!state.grid || !state.width) return;
    const width = state.width;
    const pad = { left: 8, right: 8, top: 10, bottom: 24 };
    const sx = scale(X_MIN, X_MAX, pad.left, width - pad.right);
    const sy = scale(0, Y_MAX, HEIGHT - pad.bottom, pad.top);
    if (axis.dataset.width !== String(width)) {
      chart.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
      drawAxis(sx, sy, width);
    }
    const xs = Array.from({ length: SAMPLES }, (_, k) => X_MIN + ((X_MAX - X_MIN) * k) / (SAMPLES - 1));
    const { d, w } = state;
    const p = xs.map((x) => (1 - w) * normal(x, -d / 2, 1) + w * normal(x, d / 2, 1));
    area.setAttribute(
      "d",
      `${path(xs, p, sx, sy)}L${sx(X_MAX).toFixed(1)} ${sy(0)}L${sx(X_MIN).toFixed(1)} ${sy(0)}Z`,
    );
    const pt = point();
    const curve = (fit) => path(xs, xs.map((x) => normal(x, fit.mu, fit.sigma)), sx, sy);
    forwardCurve.setAttribute("d", curve(pt.forward));
    reverseCurves.forEach((c, k) => {
      const fit = pt.reverse[k];
      if (fit) c.setAttribute("d", curve(fit));
      else c.removeAttribute("d");
    });
    const best = pt.reverse[0];
    chart.setAttribute(
      "aria-label",
      `Target with peaks at ±${fixed(d / 2, 3)}; forward fit N(${fixed(pt.forward.mu, 3)}, ` +
        `${fixed(pt.forward.sigma, 3)}²); best reverse fit N(${fixed(best.mu, 3)}, ` +
        `${fixed(best.sigma, 3)}²).`,
    );
  }

  function update() {
    if (!state.grid) return;
    const pt = point();
    const n = pt.reverse.length;
    summary.textContent =
      n === 1
        ? "Fits q = N(μ, σ²). The reverse objective KL(q‖p) has one minimum."
        : `Fits q = N(μ, σ²). The reverse objective KL(q‖p) has ${n} local minima; ` +
          "reverse 1, the lowest, is drawn solid.";
    summary.dataset.minima = String(n);
    rows.forEach((r, k) => showRow(r, k ? pt.reverse[k - 1] : pt.forward));
    draw();
  }

  onWidth(plot, (width) => {
    state.width = width;
    draw();
  });

  fetch(DATA)
    .then((response) => {
      if (!response.ok) throw new Error(`${DATA}: HTTP ${response.status}`);
      return response.json();
    })
    .then((grid) => {
      state.grid = grid;
      for (const s of [sep, weight]) s.input.disabled = false;
      update();
      live.dataset.state = "ready";
    })
    .catch((error) => {
      // Without the grid there is nothing to show: bring the static figure back.
      live.remove();
      root.classList.remove("explorable--live");
      root.dataset.mounted = "error";
      console.error("explorable kl-fit:", error);
    });
}
