#!/usr/bin/env node
// `npx icna` runs the compiled CLI in dist/ (`npm run build`, which `npm ci` runs through `prepare`).
// Without dist/, or with ICNA_FROM_SOURCE=1, it runs the TypeScript sources through tsx instead: slower to
// start, but it needs no rebuild after an edit (the tests run the CLI this way). After changing the sources,
// `npm run build` again, or dist/ keeps running the code it was built from.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

// Caches compiled bytecode across runs on Node ≥ 22.1; Node 20 has no compile cache and skips this.
require("node:module").enableCompileCache?.();

const compiled = path.join(__dirname, "..", "dist", "cli", "main.js");

/** The CLI's entry module: dist/ when built, else the sources with tsx's loaders (both: commands load lazily with `import()`). */
async function loadCli() {
  if (!process.env.ICNA_FROM_SOURCE && fs.existsSync(compiled)) return require(compiled);
  try {
    require("tsx/cjs");
    (await import("tsx/esm/api")).register();
  } catch {
    process.stderr.write(`icna: ${compiled} is missing and tsx is not installed to run the sources: run \`npm ci\` (or \`npm run build\`) in ${path.dirname(__dirname)}\n`);
    process.exit(70);
  }
  return require(path.join(__dirname, "..", "cli", "main.ts"));
}

loadCli()
  .then((cli) => cli.main(process.argv))
  .then((code) => {
    // Exit only after stdout has drained: a large --json report on a pipe is written asynchronously.
    process.stdout.write("", () => process.exit(code));
  });
