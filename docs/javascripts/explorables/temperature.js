// Temperature and label smoothing: softmax(z / T), its entropy against log K,
// the label-smoothed loss curve and the distillation KL with and without T².
//
// Everything is computed here with the definitions of infotheory, in nats:
// softmax, entropy, cross-entropy and KL from _shared.js, smooth_labels
// (infotheory/losses.py) below; the browser test (tests/test_explorables_fit.py)
// checks every readout against the library.
import {
  crossEntropy,
  el,
  entropy,
  fmt,
  klDivergence,
  onWidth,
  parseNumbers,
  path,
  scale,
  softmax,
  svgEl,
  valueSlider,
} from "./_shared.js";

const fixed = (x, digits) => fmt(x, digits, { typographic: true });

const HEIGHT = 200;
let clipIds = 0;

// smooth_labels(y, K, ε): 1 − ε + ε/K on the true class, ε/K elsewhere.
export function smoothLabels(y, K, eps) {
  return Array.from({ length: K }, (_, k) => (k === y ? 1 - eps + eps / K : eps / K));
}

// A prediction with p on class 0, the rest spread evenly over the other K − 1.
function spread(p, K) {
  return Array.from({ length: K }, (_, k) => (k === 0 ? p : (1 - p) / (K - 1)));
}

function logitsField(label, value, control) {
  const input = el("input", {
    type: "text",
    value,
    inputmode: "decimal",
    autocomplete: "off",
    spellcheck: "false",
    "data-control": control,
  });
  const error = el("span", { class: "temperature__error", "aria-live": "polite" });
  const wrap = el("label", {}, null, el("span", {}, null, label), input, error);
  return { wrap, input, error };
}

export function mount(root) {
  const state = {
    teacher: [2, 1, 0.5, 0.1, -0.5],
    student: [1.2, 1.5, 0.2, 0.4, -0.3],
    T: 1,
    eps: 0.1,
    widths: { bars: 0, loss: 0 },
  };

  const teacherField = logitsField(
    "Teacher logits z (3 to 6 numbers)",
    "2, 1, 0.5, 0.1, −0.5",
    "teacher",
  );
  const studentField = logitsField(
    "Student logits (as many)",
    "1.2, 1.5, 0.2, 0.4, −0.3",
    "student",
  );
  const tSlider = valueSlider({
    label: "Temperature T",
    min: 0.1,
    max: 10,
    step: 0.1,
    value: state.T,
    format: (v) => fixed(v, 1),
    onInput: (v) => {
      state.T = v;
      update();
    },
  });
  const epsSlider = valueSlider({
    label: "Label smoothing ε",
    min: 0,
    max: 0.5,
    step: 0.01,
    value: state.eps,
    format: (v) => fixed(v, 2),
    onInput: (v) => {
      state.eps = v;
      update();
    },
  });
  tSlider.input.dataset.control = "T";
  epsSlider.input.dataset.control = "eps";

  for (const [field, key] of [
    [teacherField, "teacher"],
    [studentField, "student"],
  ]) {
    field.input.addEventListener("input", () => {
      const values = parseNumbers(field.input.value, 3, 6);
      if (values === null) {
        field.input.setAttribute("aria-invalid", "true");
        field.error.textContent = "Needs 3 to 6 numbers; showing the last valid ones.";
        return;
      }
      field.input.removeAttribute("aria-invalid");
      field.error.textContent = "";
      state[key] = values;
      update();
    });
  }

  const read = (key) => el("span", { "data-readout": key });
  const out = {};
  for (const key of ["probs", "student-probs", "entropy", "logk", "pstar", "minloss", "kl", "t2kl"]) {
    out[key] = read(key);
  }

  // Panel 1: the bars of softmax(z / T), the student's as outlines.
  const barsBox = el("div", { class: "temperature__plot" });
  const bars = svgEl("svg", { role: "img", "aria-label": "Softmax probabilities of the teacher and the student" });
  barsBox.append(bars);
  const meterBox = el("div", { class: "temperature__meter" });
  const meter = svgEl("svg", { "aria-hidden": "true" });
  meterBox.append(meter);

  // Panel 2: the loss against the probability of the true class.
  const lossBox = el("div", { class: "temperature__plot" });
  const loss = svgEl("svg", { role: "img", "aria-label": "Loss against the probability given to the true class" });
  lossBox.append(loss);

  const panel1 = el(
    "div",
    { class: "temperature__panel" },
    null,
    el("p", { class: "temperature__title" }, null, "softmax(z / T): teacher (bars), student (outlines)"),
    barsBox,
    el(
      "p",
      { class: "explorable__readouts", "aria-live": "polite" },
      null,
      el("span", {}, null, "teacher: ", out.probs),
      el("span", {}, null, "student: ", out["student-probs"]),
    ),
    meterBox,
    el(
      "p",
      { class: "explorable__readouts", "aria-live": "polite" },
      null,
      el("span", {}, null, "H = ", out.entropy, " nats"),
      el("span", {}, null, "of at most log K = ", out.logk, " nats"),
    ),
  );
  const panel2 = el(
    "div",
    { class: "temperature__panel" },
    null,
    el(
      "p",
      { class: "temperature__title" },
      null,
      "cross-entropy loss against the probability of the true class (rest spread evenly)",
    ),
    lossBox,
    el(
      "p",
      { class: "explorable__readouts", "aria-live": "polite" },
      null,
      el("span", {}, null, "smoothed minimum at p = 1 − ε + ε/K = ", out.pstar),
      el("span", {}, null, "loss there = H(smoothed target) = ", out.minloss, " nats"),
    ),
  );
  const distill = el(
    "p",
    { class: "explorable__readouts", "aria-live": "polite" },
    null,
    el("span", {}, null, "distillation at T: KL(teacher ‖ student) = ", out.kl, " nats"),
    el("span", {}, null, "T² · KL = ", out.t2kl, " nats"),
  );
  const caption = el(
    "p",
    { class: "explorable__caption" },
    null,
    el("strong", {}, null, "Try: "),
    "move T from 0.1 to 10, then ε from 0 to 0.5, and edit the logits. ",
    el("strong", {}, null, "Notice: "),
    "T never reorders the classes; small T makes the softmax one-hot (H → 0), large T " +
      "makes it uniform (H → log K). The smoothed loss has its minimum at 1 − ε + ε/K, " +
      "not at 1, and it equals the target's entropy there. The KL between teacher and " +
      "student shrinks as T grows; T² · KL levels off instead, which is why distillation " +
      "multiplies by T².",
  );

  const live = el(
    "div",
    { class: "explorable__live temperature", "data-state": "ready" },
    null,
    el(
      "div",
      { class: "explorable__controls" },
      null,
      teacherField.wrap,
      studentField.wrap,
      tSlider.wrap,
      epsSlider.wrap,
    ),
    el("div", { class: "temperature__panels" }, null, panel1, panel2),
    distill,
    caption,
  );
  root.append(live);
  const clipId = `temperature-clip-${++clipIds}`;
  const drawn = { bars: "", loss: "" };

  // The bars' nodes are made when K or the width changes and updated in place otherwise.
  let barNodes = null;

  function buildBars(K, width, pad, sy) {
    bars.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    bars.replaceChildren();
    const slot = (width - pad.left - pad.right) / K;
    const axis = svgEl("g", { class: "temperature__axis" }, bars);
    const nodes = { K, width, slot, items: [] };
    for (let k = 0; k < K; k++) {
      const x = pad.left + slot * k + slot * 0.18;
      const w = slot * 0.64;
      const bar = svgEl("rect", { class: "temperature__bar", x, width: w }, bars);
      const student = svgEl("rect", { class: "temperature__student", x: x + w * 0.2, width: w * 0.6 }, bars);
      const value = svgEl("text", { x: x + w / 2, "text-anchor": "middle" }, axis);
      const name = svgEl("text", { x: x + w / 2, y: HEIGHT - 5, "text-anchor": "middle" }, axis);
      name.textContent = `class ${k}`;
      nodes.items.push({ bar, student, value });
    }
    nodes.uniform = svgEl("line", { class: "temperature__uniform", x1: pad.left, x2: width - pad.right }, bars);
    svgEl("line", { class: "temperature__base", x1: pad.left, x2: width - pad.right, y1: sy(0), y2: sy(0) }, bars);
    // The value labels go on top of the bars.
    bars.append(axis);
    return nodes;
  }

  function drawBars(q, qs) {
    const width = state.widths.bars;
    if (!width) return;
    const K = q.length;
    const pad = { left: 6, right: 6, top: 16, bottom: 20 };
    const sy = scale(0, 1, HEIGHT - pad.bottom, pad.top);
    if (!barNodes || barNodes.K !== K || barNodes.width !== width) barNodes = buildBars(K, width, pad, sy);
    barNodes.items.forEach(({ bar, student, value }, k) => {
      bar.setAttribute("y", sy(q[k]));
      bar.setAttribute("height", sy(0) - sy(q[k]));
      if (qs) {
        student.setAttribute("y", sy(qs[k]));
        student.setAttribute("height", sy(0) - sy(qs[k]));
      }
      student.style.display = qs ? "" : "none";
      const top = qs ? Math.max(q[k], qs[k]) : q[k];
      value.setAttribute("y", sy(top) - 4);
      value.textContent = fixed(q[k], 3);
    });
    barNodes.uniform.setAttribute("y1", sy(1 / K));
    barNodes.uniform.setAttribute("y2", sy(1 / K));
    bars.setAttribute(
      "aria-label",
      `Teacher softmax at T = ${fixed(state.T, 1)}: ${q.map((v) => fixed(v, 3)).join(", ")}; ` +
        `dotted line at the uniform 1/${K}.`,
    );
  }

  let meterFill = null;

  function drawMeter(H, logK) {
    const width = state.widths.bars;
    if (!width) return;
    if (!meterFill || meter.dataset.width !== String(width)) {
      meter.dataset.width = String(width);
      meter.setAttribute("viewBox", `0 0 ${width} 14`);
      meter.replaceChildren();
      svgEl("rect", { class: "temperature__meter-track", x: 0, y: 2, width, height: 10, rx: 3 }, meter);
      meterFill = svgEl("rect", { class: "temperature__meter-fill", x: 0, y: 2, height: 10, rx: 3 }, meter);
    }
    meterFill.setAttribute("width", (width * H) / logK);
  }

  // The loss panel's frame (axes, clip, the one-hot curve) depends on K and the width;
  // ε moves only the smoothed curve, its minimum and a label, updated in place.
  let lossNodes = null;

  function buildLoss(K, width) {
    const pad = { left: 34, right: 8, top: 8, bottom: 22 };
    const yMax = 1.4 * Math.log(K);
    const lo = 1 / K;
    const sx = scale(lo, 1, pad.left, width - pad.right);
    const sy = scale(0, yMax, HEIGHT - pad.bottom, pad.top);
    loss.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    loss.replaceChildren();
    const defs = svgEl("defs", {}, loss);
    const clip = svgEl("clipPath", { id: clipId }, defs);
    const inner = { width: width - pad.left - pad.right, height: HEIGHT - pad.top - pad.bottom };
    svgEl("rect", { x: pad.left, y: pad.top, ...inner }, clip);
    const n = 160;
    const ps = Array.from({ length: n }, (_, k) => lo + ((0.9995 - lo) * k) / (n - 1));
    const hard = smoothLabels(0, K, 0);
    const curves = svgEl("g", { "clip-path": `url(#${clipId})` }, loss);
    const hardLoss = ps.map((p) => crossEntropy(hard, spread(p, K)));
    svgEl("path", { class: "temperature__hard", d: path(ps, hardLoss, sx, sy) }, curves);
    const smooth = svgEl("path", { class: "temperature__smooth" }, curves);
    const line = svgEl("line", { class: "temperature__uniform", y1: sy(0), y2: sy(yMax) }, loss);
    const dot = svgEl("circle", { class: "temperature__min", r: 4.5 }, loss);
    const axis = svgEl("g", { class: "temperature__axis" }, loss);
    const base = { class: "temperature__base" };
    svgEl("line", { ...base, x1: pad.left, x2: width - pad.right, y1: sy(0), y2: sy(0) }, loss);
    svgEl("line", { ...base, x1: pad.left, x2: pad.left, y1: sy(0), y2: sy(yMax) }, loss);
    for (const t of [lo, 0.5, 1].filter((t, i, a) => a.indexOf(t) === i && t >= lo)) {
      const anchor = t === 1 ? "end" : "middle";
      const label = svgEl("text", { x: sx(t), y: HEIGHT - 6, "text-anchor": anchor }, axis);
      label.textContent = t === lo ? `1/${K}` : String(t);
    }
    for (const t of [0, Math.log(K)]) {
      const label = svgEl("text", { x: pad.left - 4, y: sy(t) + 4, "text-anchor": "end" }, axis);
      label.textContent = t ? "log K" : "0";
    }
    const key = (y, cls) => svgEl("text", { x: pad.left + 8, y: pad.top + y, class: cls }, axis);
    key(10, "temperature__key-hard").textContent = "one-hot target";
    const key2 = key(24, "temperature__key-smooth");
    return { K, width, sx, sy, ps, smooth, line, dot, key2 };
  }

  function drawLoss(K, eps) {
    const width = state.widths.loss;
    if (!width) return;
    if (!lossNodes || lossNodes.K !== K || lossNodes.width !== width) {
      lossNodes = buildLoss(K, width);
    }
    const { sx, sy, ps, smooth, line, dot, key2 } = lossNodes;
    const target = smoothLabels(0, K, eps);
    smooth.setAttribute("d", path(ps, ps.map((p) => crossEntropy(target, spread(p, K))), sx, sy));
    const pstar = 1 - eps + eps / K;
    const hmin = entropy(target);
    line.setAttribute("x1", sx(pstar));
    line.setAttribute("x2", sx(pstar));
    dot.setAttribute("cx", sx(pstar));
    dot.setAttribute("cy", sy(hmin));
    key2.textContent = `smoothed, ε = ${fixed(eps, 2)}`;
    loss.setAttribute(
      "aria-label",
      `Loss curves for K = ${K}: the one-hot loss falls to 0 at p = 1; the smoothed loss ` +
        `has its minimum ${fixed(hmin, 4)} nats at p = ${fixed(pstar, 4)}.`,
    );
  }

  function update() {
    const { teacher, student, T, eps } = state;
    const K = teacher.length;
    const q = softmax(teacher, T);
    const sameK = student.length === K;
    const qs = sameK ? softmax(student, T) : null;
    const H = entropy(q);
    const logK = Math.log(K);
    out.probs.textContent = q.map((v) => fixed(v, 3)).join(", ");
    out.entropy.textContent = fixed(H, 4);
    out.logk.textContent = fixed(logK, 4);
    out.pstar.textContent = fixed(1 - eps + eps / K, 4);
    out.minloss.textContent = fixed(entropy(smoothLabels(0, K, eps)), 4);
    if (sameK) {
      const kl = klDivergence(q, qs);
      out["student-probs"].textContent = qs.map((v) => fixed(v, 3)).join(", ");
      out.kl.textContent = fixed(kl, 4);
      out.t2kl.textContent = fixed(T * T * kl, 4);
      studentField.error.textContent = "";
    } else {
      for (const key of ["student-probs", "kl", "t2kl"]) out[key].textContent = "—";
      studentField.error.textContent = `Give the student ${K} logits, one per class of the teacher.`;
    }
    // Redraw only the drawings whose inputs changed (T leaves the loss curves alone,
    // ε the bars).
    const barsKey = JSON.stringify([q, qs, state.widths.bars]);
    if (barsKey !== drawn.bars) {
      drawn.bars = barsKey;
      drawBars(q, qs);
      drawMeter(H, logK);
    }
    const lossKey = JSON.stringify([K, eps, state.widths.loss]);
    if (lossKey !== drawn.loss) {
      drawn.loss = lossKey;
      drawLoss(K, eps);
    }
  }

  onWidth(barsBox, (width) => {
    state.widths.bars = width;
    update();
  });
  onWidth(lossBox, (width) => {
    state.widths.loss = width;
    update();
  });
  update();
}
