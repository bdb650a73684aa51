// Render TeX with KaTeX for scripts/hooks/math.py: one process per build.
//
// Usage: node scripts/katex_render.js PATH/TO/katex.min.js
// Reads one JSON array per line on stdin, [{"tex": "...", "display": true}, ...]
// (one page's formulas), and answers each line with one JSON array of
// {"html": "..."} or {"error": "..."}, in the same order.
"use strict";
const readline = require("readline");
const katex = require(process.argv[2]);

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", (line) => {
  const out = JSON.parse(line).map(({ tex, display }) => {
    try {
      return {
        html: katex.renderToString(tex, {
          displayMode: display,
          throwOnError: true,
          strict: "error",
          output: "htmlAndMathml",
        }),
      };
    } catch (err) {
      return { error: String(err.message || err) };
    }
  });
  process.stdout.write(JSON.stringify(out) + "\n");
});
