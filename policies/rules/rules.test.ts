import { CASES } from "./all-cases";
import { messages, runCase } from "../test-support/cases";

describe.each(Object.entries(CASES))("%s rules", (_area, cases) => {
  test.each(cases.map((c) => [`${c.rule}: ${c.title} → ${c.expect}`, c] as const))("%s", (_name, testCase) => {
    const result = runCase(testCase);
    expect({ outcome: result.outcome, findings: result.findings }).toMatchObject({ outcome: testCase.expect });
    const text = messages(result).join("\n");
    for (const fragment of testCase.message ?? []) expect(text).toContain(fragment);
  });
});
