// Material adds a <nav class="md-code__nav"> (the copy button) to each code
// block when the block is mounted, without a name: a page with several code
// blocks then has several unnamed navigation landmarks that a screen reader
// cannot tell apart (axe landmark-unique).  Each gets a name of its own,
// "Code block N", in page order, as it appears (blocks are mounted lazily,
// hence the observer).
function nameCodeNavs() {
  const navs = document.querySelectorAll(".md-content .md-code__nav");
  navs.forEach((nav, i) => {
    const name = `Code block ${i + 1}`;
    if (nav.getAttribute("aria-label") !== name) nav.setAttribute("aria-label", name);
  });
}
let codeNavObserver;
document$.subscribe(() => {
  nameCodeNavs();
  if (codeNavObserver) return;
  codeNavObserver = new MutationObserver((records) => {
    const added = records.some((r) =>
      [...r.addedNodes].some((n) => n.nodeType === 1 && (n.matches(".md-code__nav") || n.querySelector?.(".md-code__nav"))));
    if (added) nameCodeNavs();
  });
  codeNavObserver.observe(document.body, { childList: true, subtree: true });
});
