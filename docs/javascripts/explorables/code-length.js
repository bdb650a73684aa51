// Entropy and cross-entropy as code length (docs/entropy.md).
//
// The reader sets weights for P and Q over four symbols (each renormalised to
// a distribution).  Each symbol gets its ideal code length -log2 P(x) and
// -log2 Q(x) as bars, with the Huffman codeword lengths of the codes built for
// P and for Q drawn beside them; readouts give H(P), H(P,Q), KL both ways and
// the average Huffman lengths.  A Q weight of 0 where P > 0 makes the ideal
// length, H(P,Q) and KL(P || Q) infinite.
import {
  crossEntropy,
  el,
  entropy,
  fmt,
  huffmanCode,
  klDivergence,
  normalise,
  readouts,
  resetSvg,
  responsive,
  scaffold,
  slider,
  svgEl,
} from "./_shared.js";

const SYMBOLS = ["a", "b", "c", "d"];
const P_WEIGHTS = [40, 20, 10, 10];
const Q_WEIGHTS = [25, 25, 25, 25];

export function mount(root) {
  const ui = scaffold(root, "Code lengths of four symbols under P and Q");
  const pInputs = [];
  const qInputs = [];
  let p = normalise(P_WEIGHTS);
  let q = normalise(Q_WEIGHTS);

  const makeSlider = (dist, i) =>
    slider(ui.controls, {
      name: `${dist.toLowerCase()}-${SYMBOLS[i]}`,
      label: `${dist}(${SYMBOLS[i]})`,
      min: 0,
      max: 100,
      step: 1,
      value: (dist === "P" ? P_WEIGHTS : Q_WEIGHTS)[i],
      describe: (w) => `${fmt((dist === "P" ? p : q)[i])} (weight ${w})`,
    });
  // Two columns, P beside Q, also on phones (so the figure stays near its sliders).
  ui.controls.classList.add("explorable__controls--pairs");
  for (let i = 0; i < SYMBOLS.length; i++) {
    pInputs.push(makeSlider("P", i));
    qInputs.push(makeSlider("Q", i));
  }

  // Per-symbol numbers: a small table (it scrolls in its box on narrow screens).
  // Focusable, so that keyboard users can scroll it where it is wider than the screen.
  const tableBox = el(
    "div",
    { class: "explorable__table", tabindex: "0", role: "region", "aria-label": "code lengths per symbol" },
    ui.live,
  );
  ui.live.insertBefore(tableBox, ui.readouts);
  const table = el("table", { class: "explorable__numbers" }, tableBox);
  el("caption", {}, table, "Ideal and Huffman code lengths per symbol (bits)");
  const head = el("tr", {}, el("thead", {}, table));
  for (const h of ["x", "P(x)", "−log₂ P", "Huffman P", "Q(x)", "−log₂ Q", "Huffman Q"]) {
    el("th", { scope: "col" }, head, h);
  }
  const body = el("tbody", {}, table);
  const cells = SYMBOLS.map((s, i) => {
    const row = el("tr", {}, body);
    el("th", { scope: "row" }, row, s);
    const cell = (key) => el("td", { "data-key": `${key}-${i}` }, row, "");
    return { p: cell("p"), lp: cell("lp"), hp: cell("hp"), q: cell("q"), lq: cell("lq"), hq: cell("hq") };
  });

  const set = readouts(ui.readouts, [
    ["H_P", "H(P)", "bits"],
    ["H_PQ", "H(P, Q)", "bits"],
    ["KL_PQ", "KL(P ‖ Q)", "bits"],
    ["KL_QP", "KL(Q ‖ P)", "bits"],
    ["L_P", "Huffman for P, average length", "bits"],
    ["L_Q", "Huffman for Q, average length on P", "bits"],
  ]);

  let state = null;

  function compute() {
    const hp = huffmanCode(p);
    const hq = huffmanCode(q);
    let lP = 0;
    let lQ = 0;
    for (let i = 0; i < p.length; i++) {
      lP += p[i] * hp[i].length;
      lQ += p[i] * hq[i].length;
    }
    state = {
      hp,
      hq,
      ideal: { P: p.map((x) => -Math.log2(x)), Q: q.map((x) => -Math.log2(x)) },
      H_P: entropy(p, 2),
      H_PQ: crossEntropy(p, q, 2),
      KL_PQ: klDivergence(p, q, 2),
      KL_QP: klDivergence(q, p, 2),
      L_P: lP,
      L_Q: lQ,
    };
  }

  function showNumbers() {
    for (const key of ["H_P", "H_PQ", "KL_PQ", "KL_QP", "L_P", "L_Q"]) set(key, fmt(state[key]));
    for (let i = 0; i < SYMBOLS.length; i++) {
      const c = cells[i];
      c.p.textContent = fmt(p[i]);
      c.q.textContent = fmt(q[i]);
      c.lp.textContent = fmt(state.ideal.P[i]);
      c.lq.textContent = fmt(state.ideal.Q[i]);
      c.hp.textContent = state.hp[i];
      c.hq.textContent = state.hq[i];
    }
    for (const input of [...pInputs, ...qInputs]) input.refreshLabel();
  }

  function draw(width) {
    const rowH = 24;
    const gap = 10;
    const left = 28;
    const right = 16;
    const top = 26;
    const groupH = 2 * rowH + gap;
    const height = top + SYMBOLS.length * groupH + 30;
    resetSvg(ui.svg, width, height);
    const svg = ui.svg;
    let maxBits = 6;
    for (const dist of ["P", "Q"]) {
      for (const v of state.ideal[dist]) if (Number.isFinite(v)) maxBits = Math.max(maxBits, Math.ceil(v));
    }
    for (const code of [state.hp, state.hq]) for (const c of code) maxBits = Math.max(maxBits, c.length);
    const plotW = width - left - right;
    const xOf = (bits) => left + (Math.min(bits, maxBits) / maxBits) * plotW;

    // Grid lines: one per bit.
    for (let b = 0; b <= maxBits; b++) {
      svgEl("line", { x1: xOf(b), x2: xOf(b), y1: top - 4, y2: height - 26, class: "explorable__grid" }, svg);
      svgEl("text", { x: xOf(b), y: height - 10, "text-anchor": "middle", class: "explorable__tick" }, svg, String(b));
    }
    // The title fits a 320 px phone only in its short form.
    const title = width >= 400
      ? "code length (bits): bar = −log₂, outline = Huffman"
      : "bits: bar −log₂ p, outline Huffman";
    svgEl("text", { x: left, y: 14, class: "explorable__tick" }, svg, title);

    SYMBOLS.forEach((s, i) => {
      const y0 = top + i * groupH;
      svgEl("text", { x: 4, y: y0 + rowH + 5, class: "explorable__symbol" }, svg, s);
      [
        ["P", state.ideal.P[i], state.hp[i], "--explorable-c1"],
        ["Q", state.ideal.Q[i], state.hq[i], "--explorable-c2"],
      ].forEach(([dist, ideal, code, colour], k) => {
        const y = y0 + k * rowH;
        const w = xOf(ideal) - left;
        svgEl("rect", { x: left, y: y + 3, width: Math.max(0, w), height: rowH - 6, style: `fill: var(${colour})`, opacity: 0.75 }, svg);
        svgEl(
          "rect",
          { x: left, y: y + 1, width: xOf(code.length) - left, height: rowH - 2, class: "explorable__outline", style: `stroke: var(${colour})` },
          svg,
        );
        const label = Number.isFinite(ideal) ? `${dist}: ${code}` : `${dist}: ∞ (${dist} = 0), Huffman ${code}`;
        const x = Number.isFinite(ideal) ? Math.max(xOf(ideal), xOf(code.length)) + 4 : left + 6;
        const anchor = x > width - 90 ? "end" : "start";
        svgEl("text", { x: anchor === "end" ? width - right : x, y: y + rowH - 7, "text-anchor": anchor, class: "explorable__bar-label" }, svg, label);
      });
    });
  }

  compute();
  const redraw = responsive(ui.figure, (width) => draw(width));

  function update(event) {
    const inputs = event && pInputs.includes(event.target) ? pInputs : qInputs;
    let weights = inputs.map((x) => Number(x.value));
    if (weights.every((w) => w === 0)) {
      // A distribution needs some mass: the slider just moved to 0 goes back to 1.
      event.target.value = "1";
      weights = inputs.map((x) => Number(x.value));
    }
    if (inputs === pInputs) p = normalise(weights);
    else q = normalise(weights);
    compute();
    showNumbers();
    redraw();
  }

  for (const input of [...pInputs, ...qInputs]) input.addEventListener("input", update);
  showNumbers();
}
