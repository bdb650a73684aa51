"""The explorables (interactive figures) show what ``infotheory`` computes, and work for everyone.

One source of truth for the numbers: for each explorable the test moves every
control to several values (as a reader would: the value is set and an
``input`` event dispatched, or arrow keys pressed), reads every readout on the
page and asserts it equals the library's value for that setting, formatted
to the digits shown.  A readout that drifts from the library fails.

Also checked: the static figure is in the HTML as the fallback without
JavaScript; no sideways scrolling at 320 px; every control is a labelled native input with a touch
target of at least 44 px and the readouts are announced (``aria-live``);
both palettes render without console errors, with the palette's colours.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

from infotheory import (
    conditional_entropy,
    cross_entropy,
    entropy,
    huffman_code,
    information_content,
    joint_entropy,
    js_divergence,
    kl_divergence,
    mutual_information,
    total_variation,
    wasserstein_distance,
)

PAGES = {
    "code-length": ("entropy/", "code-length"),
    "mi-table": ("mutual-information/", "mi-weather"),
    "divergence-shift": ("divergences/", "js-saturation"),
}


def shown(x: float, digits: int = 3) -> str:
    """A number as the explorables show it (like Python's format; infinity as ∞)."""
    x = float(x) + 0.0  # -0.0 -> 0.0
    return "∞" if math.isinf(x) else f"{x:.{digits}f}"


# ---- what the library says for a setting ------------------------------------------------


def expected_code_length(wp: list[int], wq: list[int]) -> dict[str, str]:
    p = np.array(wp, dtype=float) / sum(wp)
    q = np.array(wq, dtype=float) / sum(wq)
    hp, hq = huffman_code(p), huffman_code(q)
    out = {
        "H_P": shown(entropy(p, base=2)),
        "H_PQ": shown(cross_entropy(p, q, base=2)),
        "KL_PQ": shown(kl_divergence(p, q, base=2)),
        "KL_QP": shown(kl_divergence(q, p, base=2)),
        "L_P": shown(sum(pi * len(c) for pi, c in zip(p, hp, strict=True))),
        "L_Q": shown(sum(pi * len(c) for pi, c in zip(p, hq, strict=True))),
    }
    with np.errstate(divide="ignore"):
        lp, lq = information_content(p, base=2), information_content(q, base=2)
    for i in range(len(p)):
        out |= {f"p-{i}": shown(p[i]), f"q-{i}": shown(q[i])}
        out |= {f"lp-{i}": shown(lp[i]), f"lq-{i}": shown(lq[i])}
        out |= {f"hp-{i}": hp[i], f"hq-{i}": hq[i]}
    return out


def weather_table(r: float, u: float, v: float) -> np.ndarray:
    """Rows: sunny, rainy; columns: no umbrella, umbrella (the page's table)."""
    return np.array([[(1 - r) * (1 - v), (1 - r) * v], [r * (1 - u), r * u]])


def expected_mi_table(r: float, u: float, v: float) -> dict[str, str]:
    pxy = weather_table(r, u, v)
    px, py = pxy.sum(axis=1), pxy.sum(axis=0)
    out = {
        "H_X": shown(entropy(px, base=2)),
        "H_Y": shown(entropy(py, base=2)),
        "H_XY": shown(joint_entropy(pxy, base=2)),
        "H_X_given_Y": shown(conditional_entropy(pxy.T, base=2)),
        "H_Y_given_X": shown(conditional_entropy(pxy, base=2)),
        "I_XY": shown(mutual_information(pxy, base=2)),
    }
    product = np.outer(px, py)
    for i in range(2):
        for j in range(2):
            out |= {f"joint-{i}-{j}": shown(pxy[i, j]), f"prod-{i}-{j}": shown(product[i, j])}
    return out


GRID = np.linspace(-2.0, 5.5, 751)  # the grid of divergence-shift.js


def bump(center: float, w: float) -> np.ndarray:
    d = np.clip(1 - ((GRID - center) / w) ** 2, 0, None) ** 2
    return d / d.sum()


def expected_divergence_shift(s: float, w: float) -> dict[str, str]:
    p, q = bump(0.0, w), bump(s, w)
    return {
        "KL": shown(kl_divergence(p, q, base=2)),
        "JS": shown(js_divergence(p, q, base=2)),
        "TV": shown(total_variation(p, q)),
        "W1": shown(wasserstein_distance(GRID, GRID, p, q)),
    }


# ---- driving the page ---------------------------------------------------------------------

_SET_JS = """([name, inputName, value]) => {
    const input = document.querySelector(
        `[data-explorable="${name}"] input[name="${inputName}"]`);
    input.value = String(value);
    input.dispatchEvent(new Event("input", {bubbles: true}));
    return input.value;
}"""

_READ_JS = """name => Object.fromEntries(
    [...document.querySelectorAll(`[data-explorable="${name}"] [data-key]`)]
        .map(e => [e.dataset.key, e.textContent]))"""


def _open(page, server: str, name: str) -> None:  # type: ignore[no-untyped-def]
    rel = PAGES[name][0]
    page.goto(server + rel, wait_until="domcontentloaded")
    page.wait_for_selector(f'[data-explorable="{name}"][data-mounted="yes"]')


def _set(page, name: str, values: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    for input_name, value in values.items():
        got = page.evaluate(_SET_JS, [name, input_name, value])
        assert float(got) == pytest.approx(float(value)), f"{name}: {input_name} refused {value}"


def _check(page, name: str, expected: dict[str, str], setting: object) -> None:  # type: ignore[no-untyped-def]
    got = page.evaluate(_READ_JS, name)
    missing = sorted(set(expected) - set(got))
    assert not missing, f"{name}: readouts {missing} not on the page"
    wrong = {k: (got[k], v) for k, v in expected.items() if got[k] != v}
    assert not wrong, f"{name} at {setting}: readout (page, library) differ: {wrong}"


@pytest.fixture(scope="module")
def page(server, browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


CODE_SETTINGS = [
    ([40, 20, 10, 10], [25, 25, 25, 25]),  # the page's default: dyadic P, uniform Q
    ([37, 13, 29, 21], [10, 60, 15, 15]),
    ([30, 30, 20, 20], [25, 25, 25, 25]),  # ties in both Huffman codes
    ([1, 1, 1, 97], [97, 1, 1, 1]),
    ([37, 13, 29, 21], [10, 0, 45, 45]),  # Q = 0 where P > 0: infinite
    ([50, 0, 30, 20], [25, 25, 25, 25]),  # P = 0 where Q > 0: KL(Q || P) infinite
    ([100, 0, 0, 0], [0, 0, 0, 100]),
]


def test_code_length_readouts_match_the_library(server, page) -> None:  # type: ignore[no-untyped-def]
    _open(page, server, "code-length")
    _check(page, "code-length", expected_code_length(*CODE_SETTINGS[0]), CODE_SETTINGS[0])
    for wp, wq in CODE_SETTINGS[1:]:
        # Raise before lowering, so that no distribution passes through all zeros.
        for dist, weights in [("p", wp), ("q", wq)]:
            order = sorted(range(4), key=lambda i: -weights[i])
            _set(page, "code-length", {f"{dist}-{'abcd'[i]}": weights[i] for i in order})
        _check(page, "code-length", expected_code_length(wp, wq), (wp, wq))


def test_code_length_keeps_some_mass(server, page) -> None:  # type: ignore[no-untyped-def]
    """Moving the last non-zero weight of P to 0 puts it back at 1: P stays a distribution."""
    _open(page, server, "code-length")
    _set(page, "code-length", {"p-a": 100, "p-b": 0, "p-c": 0, "p-d": 0})
    page.evaluate(_SET_JS, ["code-length", "p-a", 0])
    _check(page, "code-length", expected_code_length([1, 0, 0, 0], [25] * 4), "P all zero")


MI_SETTINGS = [
    (0.5, 0.9, 0.2),  # the page's table
    (0.3, 0.7, 0.7),  # independent: I = 0
    (0.5, 1.0, 0.0),  # the umbrella tells the weather: I = H(X) = 1 bit
    (0.0, 0.4, 0.35),  # never rains
    (1.0, 0.55, 0.1),
    (0.17, 0.83, 0.05),
    (0.62, 0.31, 0.94),
]


def test_mi_table_readouts_match_the_library(server, page) -> None:  # type: ignore[no-untyped-def]
    _open(page, server, "mi-table")
    for r, u, v in MI_SETTINGS:
        _set(page, "mi-table", {"p-rain": r, "p-umbrella-rain": u, "p-umbrella-sun": v})
        _check(page, "mi-table", expected_mi_table(r, u, v), (r, u, v))
    _set(page, "mi-table", {"p-rain": 0.3, "p-umbrella-rain": 0.7, "p-umbrella-sun": 0.7})
    assert page.evaluate(_READ_JS, "mi-table")["I_XY"] == "0.000"


SHIFT_SETTINGS = [(1.0, 1.0), (0.0, 1.0), (0.05, 1.0), (1.95, 1.0), (2.0, 1.0), (3.5, 1.0)]
SHIFT_SETTINGS += [(0.5, 0.5), (1.0, 0.5), (2.5, 0.5), (2.5, 1.5), (3.25, 1.25)]


def test_divergence_shift_readouts_match_the_library(server, page) -> None:  # type: ignore[no-untyped-def]
    _open(page, server, "divergence-shift")
    for s, w in SHIFT_SETTINGS:
        _set(page, "divergence-shift", {"shift": s, "half-width": w})
        _check(page, "divergence-shift", expected_divergence_shift(s, w), (s, w))
    # Past disjoint supports JS and TV are flat, W1 still grows.
    far = expected_divergence_shift(2.5, 1.0)
    farther = expected_divergence_shift(3.5, 1.0)
    assert far["JS"] == farther["JS"] == "1.000" and far["TV"] == farther["TV"] == "1.000"
    assert float(farther["W1"]) > float(far["W1"]) + 0.9


def test_keyboard_moves_a_slider_and_the_readouts(server, page) -> None:  # type: ignore[no-untyped-def]
    _open(page, server, "mi-table")
    _set(page, "mi-table", {"p-rain": 0.5, "p-umbrella-rain": 0.9, "p-umbrella-sun": 0.2})
    page.focus('[data-explorable="mi-table"] input[name="p-umbrella-sun"]')
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    value = float(page.input_value('[data-explorable="mi-table"] input[name="p-umbrella-sun"]'))
    assert value == pytest.approx(0.23)
    _check(page, "mi-table", expected_mi_table(0.5, 0.9, value), "keyboard")


# ---- fallback, navigation, layout, accessibility, palettes -------------------------------


def test_static_figure_is_the_fallback(build: tuple[Path, str]) -> None:
    site, _ = build
    for name, (rel, figure) in PAGES.items():
        html = (site / rel / "index.html").read_text(encoding="utf-8")
        m = re.search(
            rf'<div class="explorable" data-explorable="{name}">(.*?)</div>', html, re.DOTALL
        )
        assert m, f"{rel}: no explorable {name}"
        for scheme in ("light", "dark"):
            assert f"figures/{figure}.{scheme}.svg" in m[1], f"{name}: no {scheme} fallback"


_LAYOUT_JS = """name => {
    const root = document.querySelector(`[data-explorable="${name}"]`);
    const live = root.querySelector(".explorable__live");
    const inputs = [...root.querySelectorAll("input")];
    return {
        page: [document.documentElement.scrollWidth, window.innerWidth],
        live: [live.scrollWidth, live.clientWidth],
        unlabelled: inputs.filter(i => !i.labels.length || !i.labels[0].textContent.trim())
            .map(i => i.name),
        notRange: inputs.filter(i => !["range", "number"].includes(i.type)).map(i => i.name),
        small: inputs.filter(i => i.getBoundingClientRect().height < 44).map(i => i.name),
        live_regions: root.querySelectorAll("[aria-live]").length,
        n: inputs.length,
    };
}"""


def test_phone_widths_labels_and_touch_targets(server, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 800})
    pg = context.new_page()
    try:
        for name in PAGES:
            _open(pg, server, name)
            for width in (390, 320):
                pg.set_viewport_size({"width": width, "height": 800})
                pg.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                m = pg.evaluate(_LAYOUT_JS, name)
                where = f"{name} at {width} px"
                assert m["page"][0] <= m["page"][1], f"{where}: page scrolls sideways"
                assert m["live"][0] <= m["live"][1] + 1, f"{where}: figure overflows"
                assert m["n"] >= 2 and not m["unlabelled"], f"{where}: unlabelled {m['unlabelled']}"
                assert not m["notRange"], f"{where}: non-native controls {m['notRange']}"
                assert not m["small"], f"{where}: touch targets under 44 px: {m['small']}"
                assert m["live_regions"] >= 1, f"{where}: readouts not in an aria-live region"
            pg.set_viewport_size({"width": 390, "height": 800})
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_palettes_render(server, browser, scheme: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(color_scheme=scheme)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for name in PAGES:
            _open(pg, server, name)
            colours = pg.evaluate(
                """name => {
                    const root = document.querySelector(`[data-explorable="${name}"]`);
                    const text = root.querySelector(
                        "svg text.explorable__symbol, svg text.explorable__title");
                    return {
                        scheme: document.body.getAttribute("data-md-color-scheme"),
                        text: getComputedStyle(text).fill,
                        page: (() => {
                            const probe = document.createElement("span");
                            probe.style.color = "var(--md-default-fg-color)";
                            root.append(probe);
                            const c = getComputedStyle(probe).color;
                            probe.remove();
                            return c;
                        })(),
                        fallbackHidden: [...root.children]
                            .filter(c => !c.classList.contains("explorable__live"))
                            .every(c => getComputedStyle(c).display === "none"),
                    };
                }""",
                name,
            )
            assert colours["scheme"] == ("slate" if scheme == "dark" else "default")
            # SVG text takes the palette's foreground colour.
            assert colours["text"] == colours["page"], (name, colours)
            assert colours["fallbackHidden"], f"{name}: static figure still shown"
    finally:
        context.close()
    assert not errors, errors


def test_shared_huffman_and_formatting_match_python(server, page) -> None:  # type: ignore[no-untyped-def]
    """_shared.js's Huffman code breaks ties as huffman_code does; fmt rounds as Python does."""
    _open(page, server, "code-length")
    rng = np.random.default_rng(16)
    weights = [rng.integers(0, 4, size=rng.integers(1, 7)).tolist() for _ in range(300)]
    weights = [w if sum(w) else [1] * len(w) for w in weights]
    numbers = [0.03125, 0.0625, 0.125, 0.375, 2.5e-4, 1.0005, 0.9995, 1 / 3, 2 / 3, 0.0]
    got = page.evaluate(
        """async ([url, weights, numbers]) => {
            const shared = await import(url);
            return {
                codes: weights.map(w => shared.huffmanCode(shared.normalise(w))),
                fmt: numbers.map(x => [shared.fmt(x, 2), shared.fmt(x, 3), shared.fmt(x, 4)]),
            };
        }""",
        [server + "javascripts/explorables/_shared.js", weights, numbers],
    )
    for w, code in zip(weights, got["codes"], strict=True):
        p = np.array(w, dtype=float) / sum(w)
        assert code == huffman_code(p), w
    for x, texts in zip(numbers, got["fmt"], strict=True):
        assert texts == [f"{x:.2f}", f"{x:.3f}", f"{x:.4f}"], x
