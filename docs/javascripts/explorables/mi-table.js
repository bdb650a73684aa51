// Mutual information of a 2 x 2 table (docs/mutual-information.md).
//
// Weather X (sunny, rainy) and umbrella Y (no, yes), set by three sliders:
// P(rain), P(umbrella | rain) and P(umbrella | sun).  Drawn: the joint table
// and the product of its marginals as heatmaps on one colour scale, and the
// information diagram to scale (circle areas H(X) and H(Y) in bits, overlap
// area I(X;Y)).  Equal umbrella rates under both weathers make X and Y
// independent: the two tables coincide and the circles stop overlapping.
import { entropy, fmt, klDivergence, readouts, resetSvg, responsive, scaffold, slider, svgEl, viridis } from "./_shared.js";

const ROWS = ["sunny", "rainy"];
const COLS = ["no", "yes"];

/** Area of the lens where circles of radii r1, r2 with centres d apart overlap. */
function lensArea(r1, r2, d) {
  if (d >= r1 + r2) return 0;
  if (d <= Math.abs(r1 - r2)) return Math.PI * Math.min(r1, r2) ** 2;
  const a1 = r1 * r1 * Math.acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
  const a2 = r2 * r2 * Math.acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
  const kite = 0.5 * Math.sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2));
  return a1 + a2 - kite;
}

/** Centre distance at which the lens has the given area (bisection; area falls as d grows). */
function centreDistance(r1, r2, area) {
  let lo = Math.abs(r1 - r2);
  let hi = r1 + r2;
  if (area <= 0 || r1 === 0 || r2 === 0) return hi;
  if (area >= Math.PI * Math.min(r1, r2) ** 2) return lo;
  for (let k = 0; k < 50; k++) {
    const mid = 0.5 * (lo + hi);
    if (lensArea(r1, r2, mid) > area) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export function mount(root) {
  const ui = scaffold(root, "Joint table, product of marginals and information diagram of weather and umbrellas");
  const pct = (v) => fmt(v, 2);
  const rain = slider(ui.controls, { name: "p-rain", label: "P(rain)", min: 0, max: 1, step: 0.01, value: 0.5, describe: pct });
  const umbRain = slider(ui.controls, {
    name: "p-umbrella-rain",
    label: "P(umbrella | rain)",
    min: 0,
    max: 1,
    step: 0.01,
    value: 0.9,
    describe: pct,
  });
  const umbSun = slider(ui.controls, {
    name: "p-umbrella-sun",
    label: "P(umbrella | sun)",
    min: 0,
    max: 1,
    step: 0.01,
    value: 0.2,
    describe: pct,
  });
  const inputs = [rain, umbRain, umbSun];
  const set = readouts(ui.readouts, [
    ["H_X", "H(X)", "bits"],
    ["H_Y", "H(Y)", "bits"],
    ["H_XY", "H(X, Y)", "bits"],
    ["H_X_given_Y", "H(X | Y)", "bits"],
    ["H_Y_given_X", "H(Y | X)", "bits"],
    ["I_XY", "I(X; Y)", "bits"],
  ]);

  let s = null;

  function compute() {
    const r = Number(rain.value);
    const u = Number(umbRain.value);
    const v = Number(umbSun.value);
    const joint = [
      [(1 - r) * (1 - v), (1 - r) * v],
      [r * (1 - u), r * u],
    ];
    const px = [joint[0][0] + joint[0][1], joint[1][0] + joint[1][1]];
    const py = [joint[0][0] + joint[1][0], joint[0][1] + joint[1][1]];
    const product = px.map((a) => py.map((b) => a * b));
    const hX = entropy(px, 2);
    const hY = entropy(py, 2);
    const hXY = entropy(joint.flat(), 2);
    // I(X; Y) = KL(joint || product of the marginals), at most min(H(X), H(Y)).
    const mi = Math.min(klDivergence(joint.flat(), product.flat(), 2), Math.min(hX, hY));
    s = {
      joint,
      product,
      H_X: hX,
      H_Y: hY,
      H_XY: hXY,
      H_X_given_Y: Math.max(hX - mi, 0),
      H_Y_given_X: Math.max(hY - mi, 0),
      I_XY: mi,
    };
  }

  function heatmap(svg, table, x0, y0, size, title, keyPrefix) {
    const cell = size / 2;
    svgEl("text", { x: x0 + size / 2, y: y0 - 24, "text-anchor": "middle", class: "explorable__title" }, svg, title);
    COLS.forEach((c, j) => {
      svgEl("text", { x: x0 + (j + 0.5) * cell, y: y0 - 6, "text-anchor": "middle", class: "explorable__tick" }, svg, c === "yes" ? "umbrella" : "none");
    });
    ROWS.forEach((rw, i) => {
      svgEl(
        "text",
        { x: x0 - 6, y: y0 + (i + 0.5) * cell + 4, "text-anchor": "end", class: "explorable__tick" },
        svg,
        rw,
      );
      COLS.forEach((_, j) => {
        const value = table[i][j];
        svgEl("rect", { x: x0 + j * cell, y: y0 + i * cell, width: cell - 2, height: cell - 2, style: `fill: ${viridis(value)}` }, svg);
        svgEl(
          "text",
          {
            x: x0 + (j + 0.5) * cell - 1,
            y: y0 + (i + 0.5) * cell + 4,
            "text-anchor": "middle",
            "data-key": `${keyPrefix}-${i}-${j}`,
            style: `fill: ${value > 0.55 ? "#000" : "#fff"}`,
            class: "explorable__cell",
          },
          svg,
          fmt(value),
        );
      });
    });
  }

  function diagram(svg, cx, cy, rUnit) {
    // rUnit: the radius of a circle of area 1 bit, in pixels.
    const scale = rUnit / Math.sqrt(1 / Math.PI);
    const r1 = Math.sqrt(s.H_X / Math.PI);
    const r2 = Math.sqrt(s.H_Y / Math.PI);
    const d = centreDistance(r1, r2, s.I_XY);
    const span = (r1 + d + r2) * scale;
    const x1 = cx - span / 2 + r1 * scale;
    const x2 = x1 + d * scale;
    svgEl("circle", { cx: x1, cy, r: r1 * scale, class: "explorable__venn", style: "fill: var(--explorable-c1); stroke: var(--explorable-c1)" }, svg);
    svgEl("circle", { cx: x2, cy, r: r2 * scale, class: "explorable__venn", style: "fill: var(--explorable-c2); stroke: var(--explorable-c2)" }, svg);
    const top = cy - rUnit - 10;
    svgEl("text", { x: cx, y: top - 8, "text-anchor": "middle", class: "explorable__title" }, svg, "information diagram (areas in bits)");
    const below = cy + rUnit + 18;
    svgEl("text", { x: cx, y: below, "text-anchor": "middle", class: "explorable__tick" }, svg, `H(X|Y) ${fmt(s.H_X_given_Y)} · I ${fmt(s.I_XY)} · H(Y|X) ${fmt(s.H_Y_given_X)}`);
    svgEl("text", { x: cx, y: below + 16, "text-anchor": "middle", class: "explorable__tick" }, svg, `weather H(X) ${fmt(s.H_X)}, umbrella H(Y) ${fmt(s.H_Y)}`);
  }

  function draw(width) {
    const wide = width >= 620;
    // Below 420 px two tables side by side leave cells too small for their
    // labels and values: stack them.
    const stacked = width < 420;
    const size = wide
      ? Math.min(150, (width - 90) / 4)
      : stacked
        ? Math.min(140, width - 110)
        : Math.min(140, (width - 130) / 2);
    const rUnit = wide ? size * 0.55 : Math.min(70, width * 0.18);
    const height = wide ? size + 110 : stacked ? 2 * size + 2 * rUnit + 180 : size + 2 * rUnit + 130;
    resetSvg(ui.svg, width, height);
    const svg = ui.svg;
    const top = 44;
    if (stacked) {
      const x0 = Math.max(50, (width - size) / 2 + 15);
      heatmap(svg, s.joint, x0, top, size, "joint P(x, y)", "joint");
      heatmap(svg, s.product, x0, top + size + 50, size, "P(x) P(y)", "prod");
      diagram(svg, width / 2, top + 2 * size + 90 + rUnit, rUnit);
    } else if (wide) {
      heatmap(svg, s.joint, 50, top, size, "joint P(x, y)", "joint");
      heatmap(svg, s.product, 50 + size + 60, top, size, "P(x) P(y)", "prod");
      diagram(svg, (50 + 2 * size + 60 + width) / 2 + 10, top + size / 2, rUnit);
    } else {
      const gapX = (width - 2 * size - 2 * 50) / 3;
      heatmap(svg, s.joint, 50 + gapX, top, size, "joint P(x, y)", "joint");
      heatmap(svg, s.product, 50 + gapX + size + 50 + gapX, top, size, "P(x) P(y)", "prod");
      diagram(svg, width / 2, top + size + 40 + rUnit, rUnit);
    }
  }

  compute();
  const redraw = responsive(ui.figure, (width) => draw(width));

  function show() {
    for (const key of ["H_X", "H_Y", "H_XY", "H_X_given_Y", "H_Y_given_X", "I_XY"]) set(key, fmt(s[key]));
    for (const input of inputs) input.refreshLabel();
  }

  function update() {
    compute();
    show();
    redraw();
  }

  for (const input of inputs) input.addEventListener("input", update);
  show();
}
