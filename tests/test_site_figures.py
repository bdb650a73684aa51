"""Figures on the built site: legible on a phone, one variant printed, readable colours.

* At 390 px every figure shown is drawn at >= 70 % of its natural size
  (rendered width / the SVG's intrinsic width in CSS px), so that its 10-11 pt
  text stays >= 9 px: wide figures serve their narrow variant there
  (scripts/hooks/figures.py), on every page (chapters, notebooks, API) and in
  both palettes.
* Every figure wider than 4.5 in has a narrow variant of at most 4.5 in.
* Printing from the dark palette shows exactly one variant of each figure, the
  light one.
* Every data colour has >= 3:1 contrast (WCAG non-text) against the page, in
  both palettes.
"""

from __future__ import annotations

import colorsys
import re
from collections import defaultdict
from pathlib import Path

import matplotlib
import pytest

from scripts import make_figures

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "figures"
PHONE = {"width": 390, "height": 844}
MIN_SCALE = 0.70
# 4.5 in in SVG points (matplotlib writes pt).
NARROW_MAX_PT = 4.5 * 72


def _pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith("assets/")
    )


def _svg_width_pt(path: Path) -> float:
    return make_figures.svg_width_pt(path.read_bytes())


# --- Unit tests (no build) ---------------------------------------------------


def test_every_wide_figure_has_a_narrow_variant() -> None:
    wide = [
        p
        for p in sorted(FIGURES.glob("*.light.svg"))
        if ".narrow." not in p.name and _svg_width_pt(p) > NARROW_MAX_PT
    ]
    assert wide, "no figure is wider than 4.5 in: is the width read correctly?"
    problems = []
    for light in wide:
        name = light.name.removesuffix(".light.svg")
        for variant in ("light", "dark"):
            narrow = FIGURES / f"{name}.narrow.{variant}.svg"
            if not narrow.is_file():
                problems.append(f"{name} is {_svg_width_pt(light) / 72:.2f} in wide: no {narrow}")
            elif (w := _svg_width_pt(narrow)) > NARROW_MAX_PT:
                problems.append(f"{narrow.name} is {w / 72:.2f} in wide (at most 4.5 in)")
    for narrow in FIGURES.glob("*.narrow.*.svg"):
        wide_name = narrow.name.replace(".narrow.", ".")
        if not (FIGURES / wide_name).is_file():
            problems.append(f"{narrow.name} has no wide figure {wide_name}")
    assert not problems, "\n".join(problems)


def _slate_background() -> str:
    """Material's slate page colour, computed from its own stylesheets."""
    import material

    css = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    text = "".join(p.read_text(encoding="utf-8") for p in css.glob("*.css"))
    hue = re.search(r"--md-hue:\s*([\d.]+)deg", text)
    slate = re.search(
        r"\[data-md-color-scheme=slate\]\{[^}]*?--md-default-bg-color:\s*"
        r"hsla\(var\(--md-hue\),\s*([\d.]+)%,\s*([\d.]+)%,\s*1\)",
        text,
    )
    assert hue and slate, "Material's slate background is no longer hsla(var(--md-hue), S%, L%, 1)"
    r, g, b = colorsys.hls_to_rgb(float(hue[1]) / 360, float(slate[2]) / 100, float(slate[1]) / 100)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def test_page_backgrounds_are_materials() -> None:
    assert make_figures.VARIANTS["light"]["page"] == "#ffffff"
    assert make_figures.VARIANTS["dark"]["page"] == _slate_background()


def test_contrast_is_wcag() -> None:
    assert make_figures.contrast("#ffffff", "#000000") == pytest.approx(21)
    # The example: Okabe-Ito orange on white.
    assert make_figures.contrast("#e69f00", "#ffffff") == pytest.approx(2.25, abs=0.01)


@pytest.mark.parametrize("variant", list(make_figures.VARIANTS))
def test_data_colours_have_3_to_1_contrast_against_the_page(variant: str) -> None:
    page = make_figures.VARIANTS[variant]["page"]
    style = make_figures.style(variant)
    colours = {
        f"C{i}": c
        for i, c in enumerate(style["axes.prop_cycle"].by_key()["color"])  # type: ignore[attr-defined]
    }
    cmap = matplotlib.colormaps[str(style["image.cmap"])]
    colours |= {f"{cmap.name}[{i}]": cmap(i) for i in range(cmap.N)}
    low = {
        name: round(make_figures.contrast(c, page), 2)
        for name, c in colours.items()
        if make_figures.contrast(c, page) < make_figures.MIN_CONTRAST
    }
    assert len(colours) > 8
    assert not low, f"{variant}: data colours under 3:1 against {page}: {low}"


def test_figure_scripts_use_the_palette_not_hard_coded_colours() -> None:
    hex_colour = re.compile(r"""["']#[0-9a-fA-F]{3,8}["']""")
    found = {
        p.name: hex_colour.findall(p.read_text())
        for p in sorted((ROOT / "scripts" / "figures").glob("*.py"))
    }
    assert not {k: v for k, v in found.items() if v}


# --- The built site ----------------------------------------------------------

# Every image in the content that is displayed (once the explorables have
# replaced their static figures): its rendered width and the intrinsic width
# of the file the browser chose (currentSrc: the narrow variant where
# <picture> selects it).  Long pages render their blocks lazily
# (content-visibility: auto), so an off-screen figure has no layout: each is
# scrolled on screen, as a reader would, and measured there.
_SCALES_JS = """
async () => {
  // Explorables mount asynchronously and then hide their static figure.
  const settled = () => [...document.querySelectorAll("[data-explorable]")]
    .every(el => el.dataset.mounted === "yes" || el.dataset.mounted === "error");
  for (let i = 0; i < 100 && !settled(); i++) await new Promise(r => setTimeout(r, 50));
  const content = document.querySelector("article.md-content__inner") || document.body;
  const shown = [...content.querySelectorAll("img")].filter(img => img.checkVisibility());
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const found = [];
  for (const img of shown) {
    img.scrollIntoView({block: "center"});
    await frame();
    await img.decode().catch(() => {});
    await frame();
    found.push({
      src: img.getAttribute("src"),
      current: img.currentSrc,
      natural: img.naturalWidth,
      rendered: img.getBoundingClientRect().width,
    });
  }
  return found;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_at_390_px_are_drawn_at_70_percent_or_more(
    build, server, browser, scheme: str
) -> None:  # type: ignore[no-untyped-def]
    site, _ = build
    context = browser.new_context(color_scheme=scheme, viewport=PHONE)
    page = context.new_page()
    problems: list[str] = []
    scales: list[tuple[float, str]] = []
    for rel in _pages(site):
        page.goto(server + rel.removesuffix("index.html"), wait_until="load")
        for img in page.evaluate(_SCALES_JS):
            if not img["natural"]:
                problems.append(f"[{scheme}] {rel}: {img['src']} did not load")
                continue
            scale = img["rendered"] / img["natural"]
            chosen = img["current"].rsplit("/", 1)[-1]
            scales.append((scale, f"{rel} {chosen}"))
            if scale < MIN_SCALE:
                problems.append(
                    f"[{scheme}] {rel}: {chosen} drawn at {scale:.0%} of its size "
                    f"({img['rendered']:.0f} of {img['natural']} px)"
                )
    context.close()
    assert scales, "no figure found on any page"
    smallest = min(scales)
    print(f"[{scheme}] smallest figure scale at 390 px: {smallest[0]:.1%} ({smallest[1]})")
    assert not problems, "\n".join(problems)


_PRINTED_JS = """
() => [...document.querySelectorAll("article img[src*='figures/']")].map(img => ({
  src: img.getAttribute("src"),
  shown: img.checkVisibility(),
}))
"""


def test_printing_from_the_dark_palette_prints_one_light_variant(build, server, browser) -> None:  # type: ignore[no-untyped-def]
    site, _ = build
    rels = [rel for rel in _pages(site) if "#only-dark" in (site / rel).read_text(encoding="utf-8")]
    assert rels, "no page with palette figures"
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    problems: list[str] = []
    for rel in rels:
        page.goto(server + rel.removesuffix("index.html"), wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.emulate_media(media="print")
        by_figure: dict[str, list[str]] = defaultdict(list)
        for img in page.evaluate(_PRINTED_JS):
            name = re.sub(r"\.(light|dark)\.svg.*$", "", img["src"])
            if img["shown"]:
                by_figure[name].append(img["src"])
            else:
                by_figure.setdefault(name, [])
        for name, shown in by_figure.items():
            if len(shown) != 1 or ".light.svg" not in shown[0]:
                problems.append(f"{rel}: {name} prints {shown or 'nothing'}")
        page.emulate_media(media="screen")
    context.close()
    assert not problems, "\n".join(problems)


# --- The figures hook (unit) -------------------------------------------------


def _hook():  # type: ignore[no-untyped-def]
    import importlib.util
    import sys

    sys.path.insert(0, str(ROOT / "scripts" / "hooks"))
    spec = importlib.util.spec_from_file_location("figures_hook", ROOT / "scripts/hooks/figures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _resolve(src: str) -> Path:
    return FIGURES / src.rsplit("/", 1)[-1]


def test_hook_wraps_a_wide_figure_in_a_picture() -> None:
    hook = _hook()
    html = '<p><img alt="A &amp; B" src="figures/kl-basics.dark.svg#only-dark" /></p>'
    out = hook.rewrite(html, "page.md", _resolve)
    w, h = hook.svg_size(FIGURES / "kl-basics.dark.svg")
    nw, nh = hook.svg_size(FIGURES / "kl-basics.narrow.dark.svg")
    assert out == (
        '<p><picture><source media="(max-width: 44.9375em)" '
        f'srcset="figures/kl-basics.narrow.dark.svg" width="{nw}" height="{nh}">'
        '<img alt="A &amp; B" src="figures/kl-basics.dark.svg#only-dark" loading="lazy" '
        f'width="{w}" height="{h}"/></picture></p>'
    )
    # Attribute order and quoting do not matter; other images are left alone.
    other = "<img src='logo.png' alt=x><img alt=y src=figures/kl-basics.light.svg#only-light>"
    assert hook.rewrite(other, "page.md", _resolve).count("<picture>") == 1


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ('<img alt="a" src="figures/kl-basics.light.svg#only-dark">', "other palette"),
        ('<img alt="a" src="figures/kl-basics.light.svg">', "palette fragment"),
        ('<img alt="a" src="figures/kl-basics.light.svg#only-light" loading="eager">', "already"),
        ('<img alt="a" src="figures/kl-basics.light.svg#only-light" srcset="x.svg">', "already"),
        (
            '<picture><img alt="a" src="figures/kl-basics.light.svg#only-light"></picture>',
            "picture",
        ),
        ('<img alt="a" src="figures/missing.light.svg#only-light">', "no file"),
    ],
)
def test_hook_fails_loudly_on_unexpected_markup(markup: str, message: str) -> None:
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=message):
        _hook().rewrite(markup, "page.md", _resolve)


def test_hook_fails_on_a_wide_figure_without_its_narrow_variant(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    (tmp_path / "wide.light.svg").write_bytes((FIGURES / "kl-basics.light.svg").read_bytes())
    with pytest.raises(PluginError, match="no narrow variant"):
        _hook().rewrite(
            '<img alt="a" src="figures/wide.light.svg#only-light">',
            "page.md",
            lambda src: tmp_path / src.rsplit("/", 1)[-1],
        )
