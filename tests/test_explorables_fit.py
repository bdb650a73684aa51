"""The kl-fit and temperature explorables (issue 16, 2 and 4) against the library.

* The kl-fit grid (scripts/explorables/kl_fit_grid.py) is checked against
  ``infotheory.kl_divergence`` and scipy: its fits are minima of the
  discretised objectives, minimising from other starts finds no other
  minimum, and it reproduces the worked example of docs/kl-divergence.md.
* In the browser, each control is set to several values and every readout is
  compared with what the grid module (kl-fit) or ``infotheory`` (temperature)
  gives for that setting, to the digits shown.
* Also: the static figure is the fallback in the HTML, labelled controls of at
  least 44 px, keyboard steps, no horizontal overflow at 320 px, no console
  error in either palette.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.optimize import minimize

from infotheory import entropy, kl_divergence, smooth_labels, softmax
from scripts.explorables import kl_fit_grid as kg

PAGES = {"kl-fit": "kl-divergence/", "temperature": "in-practice/"}
FIGURES = {
    "kl-fit": "figures/kl-asymmetry.light.svg",
    "temperature": "figures/softmax-temperature.light.svg",
}


def f(x: float, digits: int) -> str:
    """Python's formatting, as the page shows it (a rounded -0 shown as 0)."""
    text = f"{x:.{digits}f}"
    return text[1:] if text.startswith("-") and set(text[1:]) <= set("0.") else text


def shown(text: str) -> str:
    return text.strip().replace("−", "-")


# --- the grid module against infotheory and scipy (no browser) ---------------------------


@pytest.fixture(scope="module")
def grid() -> dict[str, Any]:
    return kg.grid()


def _nelder_mead(objective: Any, start: list[float]) -> Any:
    opts = {"xatol": 1e-6, "fatol": 1e-12, "maxiter": 2000}
    return minimize(objective, start, method="Nelder-Mead", options=opts)


def test_grid_reproduces_the_worked_example(grid: dict[str, Any]) -> None:
    pt = grid["points"][grid["separations"].index(6.0)][grid["weights"].index(0.5)]
    assert pt["forward"] == {"mu": 0.0, "sigma": 3.162, "kl_pq": 0.4620, "kl_qp": 0.9380}
    left, right = pt["reverse"][:2]
    assert (left["mu"], right["mu"], left["sigma"], right["sigma"]) == (-2.984, 2.984, 1.023, 1.023)
    assert left["kl_qp"] == right["kl_qp"] == 0.6888
    assert f(left["kl_pq"], 3) == "7.860"  # the page prints 7.8600 for its Nelder-Mead fit
    # The wide bell is a third, higher local minimum at this separation.
    assert len(pt["reverse"]) == 3 and pt["reverse"][2]["mu"] == 0.0


@pytest.mark.parametrize(("d", "w"), [(2.0, 0.5), (4.5, 0.7), (5.0, 0.5), (8.0, 0.65)])
def test_grid_fits_are_the_minima_of_the_discretised_objectives(
    grid: dict[str, Any], d: float, w: float
) -> None:
    pt = grid["points"][grid["separations"].index(d)][grid["weights"].index(w)]
    p = kg.target(d, w)

    def forward(t: Any) -> float:
        return float(kl_divergence(p, kg.gaussian(t[0], math.exp(t[1]))))

    def reverse(t: Any) -> float:
        return float(kl_divergence(kg.gaussian(t[0], math.exp(t[1])), p))

    # The forward fit: the closed form is the minimum, and the KL values are infotheory's.
    mu_f, sigma_f = kg.forward_fit(d, w)
    fw = _nelder_mead(forward, [mu_f + 0.3, math.log(sigma_f) + 0.1])
    assert abs(fw.x[0] - mu_f) < 1e-4 and abs(math.exp(fw.x[1]) - sigma_f) < 1e-4
    q = kg.gaussian(mu_f, sigma_f)
    assert f(mu_f, 3) == f(pt["forward"]["mu"], 3) and f(sigma_f, 3) == f(pt["forward"]["sigma"], 3)
    assert f(float(kl_divergence(p, q)), 4) == f(pt["forward"]["kl_pq"], 4)
    assert f(float(kl_divergence(q, p)), 4) == f(pt["forward"]["kl_qp"], 4)
    # Each reverse fit is a minimum: Nelder-Mead started next to it converges to it, with
    # the same KL values (up to the optimiser's own error, far below the digits shown).
    for fit in pt["reverse"]:
        res = _nelder_mead(reverse, [fit["mu"] + 0.02, math.log(fit["sigma"]) - 0.01])
        assert abs(res.x[0] - fit["mu"]) < 6e-4 and abs(math.exp(res.x[1]) - fit["sigma"]) < 6e-4
        assert abs(res.fun - fit["kl_qp"]) < 6e-5
        q = kg.gaussian(res.x[0], math.exp(res.x[1]))
        assert abs(float(kl_divergence(p, q)) - fit["kl_pq"]) < 6e-5 * max(1.0, fit["kl_pq"])
    # And minimising from other starts finds no minimum the grid lacks (on a coarser grid
    # of x, spacing 0.05, which is plenty to tell the minima apart).
    x = np.linspace(-20.0, 20.0, 801)
    pc = kg.target(d, w, x)

    def coarse(t: Any) -> float:
        return float(kl_divergence(kg.gaussian(t[0], math.exp(t[1]), x), pc))

    for mu0 in (-d / 2, 0.0, d / 2):
        for s0 in (0.0, 1.0):
            res = minimize(coarse, [mu0, s0], method="Nelder-Mead", options={"xatol": 1e-5})
            near = [
                abs(res.x[0] - r["mu"]) < 1e-2 and abs(math.exp(res.x[1]) - r["sigma"]) < 1e-2
                for r in pt["reverse"]
            ]
            assert any(near), f"d={d}, w={w}: minimum {res.x} from ({mu0}, {s0}) not in the grid"


def test_grid_is_mirror_symmetric_and_matches_the_sliders(grid: dict[str, Any]) -> None:
    # kl-fit.js draws at most MAX_MINIMA = 3 reverse minima.
    assert max(len(pt["reverse"]) for row in grid["points"] for pt in row) == 3
    assert grid["separations"] == [k / 4 for k in range(33)]
    assert grid["weights"] == [round(k / 20, 2) for k in range(2, 19)]
    for i in range(len(grid["separations"])):
        row = grid["points"][i]
        for j, w in enumerate(grid["weights"]):
            a, b = row[j], row[len(row) - 1 - j]
            assert a["forward"]["mu"] == -b["forward"]["mu"] + 0.0, (i, w)
            assert [r["kl_qp"] for r in a["reverse"]] == [r["kl_qp"] for r in b["reverse"]]


# --- in the browser ------------------------------------------------------------------------


def _open(browser: Any, server: str, name: str, scheme: str = "light", width: int = 1280) -> Any:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + PAGES[name], wait_until="load")
    page.locator(f'[data-explorable="{name}"] .explorable__live[data-state="ready"]').wait_for()
    page.errors = errors
    return page


def _readouts(page: Any, name: str) -> dict[str, str]:
    return page.evaluate(
        """(name) => Object.fromEntries(Array.from(
            document.querySelectorAll(`[data-explorable="${name}"] [data-readout]`),
            (e) => [e.dataset.readout, e.textContent]))""",
        name,
    )


def _expected_kl_fit(pt: dict[str, Any]) -> dict[str, str]:
    out = {}
    for kind, fit in [("forward", pt["forward"])] + [
        (f"reverse-{k}", r) for k, r in enumerate(pt["reverse"])
    ]:
        out[f"{kind}-mu"] = f(fit["mu"], kg.MU_DIGITS)
        out[f"{kind}-sigma"] = f(fit["sigma"], kg.SIGMA_DIGITS)
        out[f"{kind}-kl_pq"] = f(fit["kl_pq"], kg.KL_DIGITS)
        out[f"{kind}-kl_qp"] = f(fit["kl_qp"], kg.KL_DIGITS)
    return out


def test_kl_fit_readouts_equal_the_grid_module(server, browser, grid) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server, "kl-fit")
    root = '[data-explorable="kl-fit"] '
    for d, w in [(6.0, 0.5), (0.0, 0.5), (3.25, 0.85), (5.0, 0.5), (5.5, 0.15), (8.0, 0.7)]:
        page.fill(root + 'input[data-control="d"]', str(d))
        page.fill(root + 'input[data-control="w"]', str(w))
        pt = grid["points"][grid["separations"].index(d)][grid["weights"].index(w)]
        got = {k: shown(v) for k, v in _readouts(page, "kl-fit").items()}
        assert got == _expected_kl_fit(pt), (d, w)
        drawn = page.locator(f"{root}path.kl-fit__reverse[d], {root}path.kl-fit__local[d]")
        assert drawn.count() == len(pt["reverse"]), (d, w)
    # The keyboard moves a slider by one grid step.
    page.focus(root + 'input[data-control="d"]')
    page.keyboard.press("ArrowLeft")
    assert page.input_value(root + 'input[data-control="d"]') == "7.75"
    pt = grid["points"][grid["separations"].index(7.75)][grid["weights"].index(0.7)]
    got = {k: shown(v) for k, v in _readouts(page, "kl-fit").items()}
    assert got == _expected_kl_fit(pt)
    assert page.errors == []
    page.context.close()


def _expected_temperature(
    teacher: list[float], student: list[float], T: float, eps: float
) -> dict[str, str]:
    q, qs = softmax(teacher, temperature=T), softmax(student, temperature=T)
    K = len(teacher)
    smooth = smooth_labels(0, n_classes=K, smoothing=eps)
    kl = float(kl_divergence(q, qs))
    return {
        "probs": ", ".join(f(v, 3) for v in q),
        "student-probs": ", ".join(f(v, 3) for v in qs),
        "entropy": f(float(entropy(q)), 4),
        "logk": f(math.log(K), 4),
        "pstar": f(float(smooth[0]), 4),
        "minloss": f(float(entropy(smooth)), 4),
        "kl": f(kl, 4),
        "t2kl": f(T * T * kl, 4),
    }


def test_temperature_readouts_equal_infotheory(server, browser) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server, "temperature")
    root = '[data-explorable="temperature"] '
    cases = [
        ([2, 1, 0.5, 0.1, -0.5], [1.2, 1.5, 0.2, 0.4, -0.3], 1.0, 0.1),
        ([2, 1, 0.5, 0.1, -0.5], [1.2, 1.5, 0.2, 0.4, -0.3], 4.0, 0.0),
        ([2, 1, 0.5, 0.1, -0.5], [1.2, 1.5, 0.2, 0.4, -0.3], 0.1, 0.5),
        ([3, 0, -2], [1, 1, 0], 10.0, 0.25),
        ([0, 0, 0, 0], [5, -5, 0, 1], 2.5, 0.25),
        ([10, -3.5, 0.25, 7, 1, -20], [0, 0, 0, 0, 0, 1], 0.7, 0.07),
    ]
    for teacher, student, T, eps in cases:
        page.fill(root + 'input[data-control="teacher"]', ", ".join(map(str, teacher)))
        page.fill(root + 'input[data-control="student"]', ", ".join(map(str, student)))
        page.fill(root + 'input[data-control="T"]', str(T))
        page.fill(root + 'input[data-control="eps"]', str(eps))
        got = {k: shown(v) for k, v in _readouts(page, "temperature").items()}
        assert got == _expected_temperature(teacher, student, T, eps), (teacher, student, T, eps)
        assert page.locator(root + "svg rect.temperature__bar").count() == len(teacher)
    # Keyboard: one step of T.
    page.focus(root + 'input[data-control="T"]')
    page.keyboard.press("ArrowRight")
    assert page.input_value(root + 'input[data-control="T"]') == "0.8"
    got = {k: shown(v) for k, v in _readouts(page, "temperature").items()}
    assert got == _expected_temperature(cases[-1][0], cases[-1][1], 0.8, 0.07)
    # A bad entry keeps the last valid logits and says so.
    page.fill(root + 'input[data-control="teacher"]', "1, x")
    assert page.get_attribute(root + 'input[data-control="teacher"]', "aria-invalid") == "true"
    assert _readouts(page, "temperature")["logk"] == f(math.log(6), 4)
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_static_figure_is_the_fallback_in_the_html(build, name: str) -> None:  # type: ignore[no-untyped-def]
    site, _ = build
    html = (site / PAGES[name] / "index.html").read_text(encoding="utf-8")
    start = html.index(f'data-explorable="{name}"')
    end = html.index("</div>", html.index(FIGURES[name], start))
    assert FIGURES[name] in html[start:end]
    head = html[: html.index("</head>")]
    assert "stylesheets/explorables.css" in head
    if name == "kl-fit":
        assert (site / "javascripts/explorables/data/kl-fit.json").is_file()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_controls_layout_and_console_in_both_palettes(server, browser, scheme: str) -> None:  # type: ignore[no-untyped-def]
    for name in PAGES:
        page = _open(browser, server, name, scheme=scheme, width=320)
        assert page.evaluate("document.body.dataset.mdColorScheme") == (
            "slate" if scheme == "dark" else "default"
        )
        controls = page.evaluate(
            """(name) => Array.from(
                document.querySelectorAll(`[data-explorable="${name}"] input`),
                (i) => ({label: i.labels.length ? i.labels[0].textContent.trim() : "",
                         height: i.getBoundingClientRect().height,
                         width: i.getBoundingClientRect().width}))""",
            name,
        )
        assert len(controls) >= 2
        for c in controls:
            assert c["label"], f"{name}: an unlabelled control"
            assert c["height"] >= 44 and c["width"] >= 44, f"{name}: small target {c}"
        live = page.locator(f'[data-explorable="{name}"] [aria-live]')
        assert live.count() >= 1
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{name} at 320 px: the page is {width} px wide"
        assert page.errors == [], f"{name} [{scheme}]: {page.errors}"
        page.context.close()


def test_no_data_file_in_the_repository() -> None:
    root = Path(__file__).resolve().parent.parent
    assert not list((root / "docs").rglob("kl-fit.json"))
    assert np.isfinite(kg.forward_fit(8.0, 0.9)[1])
