// Tests that spawn bin/icna.js exercise the sources under test, not a dist/ built before the last edit.
process.env.ICNA_FROM_SOURCE = "1";

/** Tests are transpiled by SWC without type-checking; `npm run typecheck` checks types once. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  reporters: ["default", "<rootDir>/testing/summary-reporter.js"],
  modulePathIgnorePatterns: ["<rootDir>/dist/"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  testTimeout: 60000,
};
