// A display formula wider than the column scrolls in its own box
// (.katex-display { overflow-x: auto }).  Keyboard users must be able to
// scroll it (WCAG 2.1.1), but formulas that fit are not tab stops, so only the
// boxes that actually overflow get tabindex="0"; re-checked on every page
// (Material's instant navigation) and when the width changes.
function markScrollBoxes() {
  for (const box of document.querySelectorAll(".katex-display")) {
    if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
    else box.removeAttribute("tabindex");
  }
}
document$.subscribe(markScrollBoxes);
window.addEventListener("resize", markScrollBoxes);
