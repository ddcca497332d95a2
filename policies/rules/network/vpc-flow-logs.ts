import { label, LEVELS, StackRule, violation } from "../../rule";
import { Finding } from "../../model";
import { TYPES } from "../../knowledge/type-tokens";

export const vpcFlowLogs: StackRule = {
  scope: "stack",
  name: "vpc-flow-logs",
  area: "network",
  description: "Every VPC records flow logs (for incident response and the network anomaly detector).",
  severity: "medium",
  checkov: ["CKV2_AWS_11"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.vpc, TYPES.flowLog],
  remediation: "Add an aws.ec2.FlowLog with vpcId set to the VPC (trafficType ALL, to CloudWatch Logs or S3).",
  evaluate(_resources, ctx) {
    const vpcs = ctx.graph.ofType(TYPES.vpc);
    if (vpcs.length === 0) return "not-applicable";
    const covered = new Set<string | undefined>();
    let untraced = 0;
    for (const flowLog of ctx.graph.ofType(TYPES.flowLog)) {
      const refs = ctx.graph.references(flowLog, "vpcId", { types: [TYPES.vpc], viaDependencies: true });
      refs.resources.forEach((vpc) => covered.add(vpc.urn ?? vpc.name));
      untraced += refs.unresolved;
    }
    const findings: Finding[] = [];
    for (const vpc of vpcs) {
      if (covered.has(vpc.urn ?? vpc.name)) continue;
      if (untraced > 0) findings.push({ undecided: `a flow log's VPC is not known yet, so it may cover ${label(vpc)}`, resource: vpc });
      else findings.push(violation(`${label(vpc)} has no flow log, so rejected and accepted traffic leaves no record: add an aws.ec2.FlowLog with vpcId set to it`, vpc));
    }
    return findings;
  },
};
