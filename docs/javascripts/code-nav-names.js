// Material adds a <nav class="md-code__nav"> (the copy button) to each code
// block when the block is mounted, without a name: a page with several code
// blocks then has several unnamed navigation landmarks that a screen reader
// cannot tell apart (axe landmark-unique).  Each gets a name of its own,
// "Code block N", N counting every code block of the page in order.  Blocks
// are mounted as they scroll into view (`content.lazy`, mkdocs.yml), in any
// order, hence the observer, and N counts the blocks, not the bars so far.
function nameCodeNavs() {
  const blocks = [...document.querySelectorAll(".md-content pre:has(> code)")];
  for (const nav of document.querySelectorAll(".md-content .md-code__nav")) {
    const name = `Code block ${blocks.indexOf(nav.closest("pre")) + 1}`;
    if (nav.getAttribute("aria-label") !== name) nav.setAttribute("aria-label", name);
  }
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
