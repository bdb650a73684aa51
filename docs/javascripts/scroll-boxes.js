// A display formula wider than the column scrolls in its own box
// (.katex-display { overflow-x: auto }), and so do a code block with long
// lines (Material's pre > code) and a table with many columns (Material's
// table:not([class]) scrolls itself: inline-block, overflow auto).  Keyboard
// users must be able to scroll them (WCAG 2.1.1), but boxes that fit are not
// tab stops, so only the boxes that actually overflow get tabindex="0".
//
// Material marks its code blocks itself when it mounts them, but with
// `content.lazy` (mkdocs.yml) it mounts a block only once it scrolls into
// view: mounting all of them at load read every block's size, laying out the
// whole page (~450 ms of blocked main thread on the KL chapter with a phone's
// CPU).  A block not yet mounted is still marked here.
//
// Measuring every box at load would lay out the whole page, undoing
// content-visibility (extra.css): on a phone that was ~0.5 s of blocked main
// thread on a long chapter.  So a box is measured when the browser lays it out
// (a ResizeObserver fires then, and when its width changes), and all of them
// before the first Tab at each viewport width moves focus, for the boxes not
// yet laid out (keydown comes before the focus moves).
const BOXES = ".katex-display, .md-content pre > code, .md-typeset table:not([class])";

// A formula box may be a pixel wider than its content from rounding; a code
// block is wide by Material's own test (any overflow), which it applies when
// it mounts the block: the two must agree.
function isWide(box) {
  return box.scrollWidth > box.clientWidth + (box.matches("code") ? 0 : 1);
}

function markBox(box) {
  if (isWide(box)) box.tabIndex = 0;
  else box.removeAttribute("tabindex");
}

const laidOut = new ResizeObserver(entries => {
  for (const entry of entries) {
    // Width 0: not laid out yet (reading scrollWidth would force it).
    if (entry.contentRect.width > 0) markBox(entry.target);
  }
});
// The viewport width of the last pass over every box (-1: none yet on this
// page).  Compared at each Tab rather than reset by a "resize" event, which
// can arrive after a Tab pressed right after the window changed size.
let measuredAt = -1;

function observeBoxes() {
  laidOut.disconnect();
  measuredAt = -1;
  for (const box of document.querySelectorAll(BOXES)) laidOut.observe(box);
}

document$.subscribe(observeBoxes);  // Material's page-ready signal
document.addEventListener("keydown", event => {
  if (event.key !== "Tab" || measuredAt === window.innerWidth) return;
  measuredAt = window.innerWidth;
  for (const box of document.querySelectorAll(BOXES)) markBox(box);
}, true);
