// MathJax 3 is served from this site (assets/vendor/mathjax/), never a CDN.
// Math written in pages comes out of pymdownx.arithmatex as \( \) and \[ \]
// inside .arithmatex elements; notebook markdown cells keep $ and $$ inside
// .jp-RenderedMarkdown.  Everything else is left alone, so a "$5" in prose
// is never turned into math.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".+",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown",
  },
};

// Material's instant navigation swaps page content without a reload:
// typeset the new content each time.
document$.subscribe(() => {
  if (!window.MathJax.typesetPromise) return; // first load: MathJax typesets on startup
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise();
});
