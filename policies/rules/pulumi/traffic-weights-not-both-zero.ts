import { Finding, PolicyResource } from "../../model";
import { LEVELS, StackRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { list, num, str, UndecidableError } from "../../values";

interface WeightedRecord {
  readonly record: PolicyResource;
  readonly weight: number | "unknown";
  readonly identifier: string;
}

function weightedRecord(record: PolicyResource): WeightedRecord | undefined {
  const policies = list(record.props, "weightedRoutingPolicies");
  if (!policies || policies.length === 0) return undefined;
  let weight: number | "unknown";
  try {
    weight = num(policies[0], "weight") ?? 0;
  } catch (error) {
    if (!(error instanceof UndecidableError)) throw error;
    weight = "unknown";
  }
  return { record, weight, identifier: str(record.props, "setIdentifier") ?? record.name };
}

export const trafficWeightsNotBothZero: StackRule = {
  scope: "stack",
  name: "traffic-weights-not-both-zero",
  area: "pulumi",
  description: "Blue and green are never both at weight 0: Route 53 then ignores the weights and splits traffic evenly, sending users to a colour meant to be idle.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.everywhere,
  resourceTypes: [TYPES.route53Record],
  remediation: "Give the live colour a positive weight (icna:traffic.weights); shift traffic with `icna` rollout commands, never by zeroing both.",
  evaluate(_resources, ctx) {
    const groups = new Map<string, WeightedRecord[]>();
    for (const record of ctx.graph.ofType(TYPES.route53Record)) {
      const weighted = weightedRecord(record);
      if (!weighted) continue;
      let key: string;
      try {
        key = [str(record.props, "zoneId"), (str(record.props, "name") ?? "").replace(/\.$/, "").toLowerCase(), str(record.props, "type")].join("|");
      } catch (error) {
        if (!(error instanceof UndecidableError)) throw error;
        key = `unknown:${record.urn ?? record.name}`;
      }
      groups.set(key, [...(groups.get(key) ?? []), weighted]);
    }
    if (groups.size === 0) return "not-applicable";
    const findings: Finding[] = [];
    for (const records of groups.values()) {
      if (records.some((r) => r.weight === "unknown")) {
        if (records.every((r) => r.weight === 0 || r.weight === "unknown")) findings.push({ undecided: "a weighted record's weight is not known yet", resource: records[0].record });
        continue;
      }
      if (records.some((r) => r.weight !== 0)) continue;
      const name = str(records[0].record.props, "name");
      findings.push(
        violation(
          `the weighted records ${records.map((r) => `"${r.identifier}"`).join(" and ")} for ${name ?? "the hostname"} all have weight 0, so Route 53 answers with all of them equally: give the live colour a positive weight`,
          records[0].record,
        ),
      );
    }
    return findings;
  },
};
