import { evaluatePolicies } from "../evaluate";
import { compliantStack } from "./compliant-stack";
import { syntheticStack } from "./synthetic-stack";

test("the synthetic plan keeps references intact across copies and carries exactly the planted violations", () => {
  const copies = 8;
  const size = compliantStack().length * copies;
  const resources = syntheticStack(size);
  expect(resources).toHaveLength(size);
  expect(new Set(resources.map((r) => r.urn)).size).toBe(size);
  const evaluation = evaluatePolicies(resources, { name: "prod", kind: "prod" }, { today: "2026-11-01" });
  // A reference broken by the copying would surface as an undecided check or a stack-rule violation.
  expect(evaluation.undecided).toEqual([]);
  // Copies 0 and 4 carry the first two breakages: a public database and an unencrypted cache.
  expect(evaluation.violations.map((v) => `${v.policy} ${v.resourceName}`).sort()).toEqual([
    "elasticache-at-rest-encrypted redis-4",
    "rds-not-public postgres-0",
  ]);
});
