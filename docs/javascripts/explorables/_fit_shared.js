// Helpers shared by kl-fit.js and temperature.js (an underscore name: never mounted).

const SVG_NS = "http://www.w3.org/2000/svg";

// An HTML element: h("p", {class: "x"}, "text", child, ...).
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

// An SVG element, optionally appended to a parent.
export function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (parent) parent.append(node);
  return node;
}

// Python's f"{x:.{digits}f}", with a typographic minus: JavaScript's toFixed
// rounds an exact tie (x = odd / 2^(digits + 1), such as 0.0625 to 3 digits)
// away from zero, Python to the even neighbour.  The page and the library must
// print the same digits, so ties are rounded here as Python does.
export function fixed(x, digits) {
  if (x === Infinity) return "∞";
  if (Number.isNaN(x)) return "undefined";
  const a = Math.abs(x);
  let text;
  if (Number.isInteger(a * 2 ** (digits + 1)) && !Number.isInteger(a * 2 ** digits)) {
    const n = Math.floor(a * 10 ** digits);
    text = ((n % 2 === 0 ? n : n + 1) / 10 ** digits).toFixed(digits);
  } else {
    text = a.toFixed(digits);
  }
  const zero = /^[0.]*$/.test(text);
  return x < 0 && !zero ? `−${text}` : text;
}

// A labelled native range input with its value shown beside the label.
// onInput runs synchronously on every "input" event.
export function slider({ label, min, max, step, value, format, onInput }) {
  const input = h("input", {
    type: "range",
    min: String(min),
    max: String(max),
    step: String(step),
    value: String(value),
  });
  const shown = h("span", { class: "explorable__value" });
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
  const wrap = h("label", {}, h("span", {}, `${label}: `, shown), input);
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
