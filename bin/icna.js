#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx transpiles on load, so there is no build step after `npm ci`.
require("tsx/cjs");
const { main } = require("../cli/main.ts");
main(process.argv).then((code) => {
  // Exit only after stdout has drained: a large --json report on a pipe is written asynchronously.
  process.stdout.write("", () => process.exit(code));
});
