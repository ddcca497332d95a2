// The last line of every jest run, in the plain form CI reads: `jest: N passed, N failed`
// (plus the suites that could not run at all, which count no test).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const broken = results.numRuntimeErrorTestSuites;
    process.stderr.write(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${broken > 0 ? `, ${broken} suite(s) failed to run` : ""}\n`);
  }
}

module.exports = SummaryReporter;
