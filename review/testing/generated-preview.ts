import { Change } from "../changes/change";
import { PlanValue } from "../plan/model";

const P = "urn:pulumi:prod::icna::";

/**
 * A large synthetic change set in the shape real previews have (for the benchmark and size tests):
 * mostly same and updates, some creates, deletes and replacements across the platform's types,
 * each resource depending on one of the resources before it (a tree with fan-out 8, like a VPC
 * under which subnets, under which clusters … hang).
 * Deterministic for a given size.
 */
export function generatedChanges(size: number): Change[] {
  const kinds: { type: string; inputs: (i: number) => Record<string, PlanValue> }[] = [
    { type: "aws:ec2/subnet:Subnet", inputs: (i) => ({ cidrBlock: `10.${i % 250}.${i % 200}.0/24`, vpcId: "vpc-1" }) },
    { type: "aws:ec2/securityGroup:SecurityGroup", inputs: (i) => ({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [i % 97 === 0 ? "0.0.0.0/0" : "10.0.0.0/8"] }] }) },
    { type: "kubernetes:apps/v1:Deployment", inputs: (i) => ({ metadata: { name: `svc-${i}` }, spec: { replicas: 2 + (i % 3) } }) },
    { type: "aws:iam/rolePolicy:RolePolicy", inputs: (i) => ({ policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: i % 211 === 0 ? "iam:PassRole" : "s3:GetObject", Resource: "*" }] }) }) },
    { type: "aws:rds/instance:Instance", inputs: (i) => ({ engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 100 + (i % 5), identifier: `db-${i}` }) },
    { type: "aws:elasticache/replicationGroup:ReplicationGroup", inputs: () => ({ nodeType: "cache.r7g.large", numCacheClusters: 2 }) },
  ];
  const ops: Change["op"][] = ["same", "same", "update", "same", "update", "create", "same", "replace", "delete", "same"];
  return Array.from({ length: size }, (_, i) => {
    const kind = kinds[i % kinds.length];
    const op = ops[i % ops.length];
    const urn = `${P}${kind.type}::r${i}`;
    const oldInputs = op === "create" ? undefined : kind.inputs(i);
    const newInputs = op === "delete" ? undefined : op === "update" || op === "replace" ? { ...kind.inputs(i + 1) } : kind.inputs(i);
    return {
      op,
      steps: op === "replace" ? ["create-replacement", "replace", "delete-replaced"] : [op],
      urn,
      type: kind.type,
      name: `r${i}`,
      oldInputs,
      newInputs,
      changedPaths: op === "update" || op === "replace" ? ["spec.replicas"] : [],
      replaceReasons: op === "replace" ? ["identifier"] : [],
      dependencies: i > 0 ? [`${P}${kinds[Math.floor(i / 8) % kinds.length].type}::r${Math.floor(i / 8)}`] : [],
      protect: {},
      deleteBeforeReplace: false,
      retainOnDelete: false,
      custom: true,
    };
  });
}

/** The same changes written as a `pulumi preview --json` digest (a replacement as its three steps). */
export function toPreviewDigestText(changes: readonly Change[]): string {
  const state = (c: Change, inputs: Change["oldInputs"]) => (inputs ? { urn: c.urn, custom: c.custom, type: c.type, inputs, dependencies: c.dependencies } : undefined);
  const steps = changes.flatMap((c): object[] => {
    const base = { urn: c.urn, oldState: state(c, c.oldInputs), newState: state(c, c.newInputs), diffReasons: c.changedPaths, replaceReasons: c.replaceReasons, detailedDiff: Object.fromEntries(c.changedPaths.map((p) => [p, { kind: c.replaceReasons.includes(p) ? "update-replace" : "update", inputDiff: true }])) };
    return c.op === "replace" ? (["create-replacement", "replace", "delete-replaced"] as const).map((op) => ({ ...base, op })) : [{ ...base, op: c.op }];
  });
  const changeSummary: Record<string, number> = {};
  for (const c of changes) changeSummary[c.op] = (changeSummary[c.op] ?? 0) + 1;
  return JSON.stringify({ steps, changeSummary }, null, 4);
}
