import { findingId, Finding, RiskSeverity } from "../finding";
import { RiskRule } from "../risk-rule";

/** Monthly USD increases at or above which a change is worth a finding, by severity. */
export const COST_THRESHOLDS: readonly { readonly atLeast: number; readonly severity: RiskSeverity }[] = [
  { atLeast: 5000, severity: "high" },
  { atLeast: 1000, severity: "medium" },
  { atLeast: 200, severity: "low" },
];

const usd = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;

/** A change that raises the monthly bill noticeably (from the cost model's per-resource deltas). */
export const costIncrease: RiskRule = {
  id: "cost-increase",
  category: "cost",
  description: `The priced monthly cost of the change rises by ${usd(COST_THRESHOLDS[COST_THRESHOLDS.length - 1].atLeast)} or more.`,
  evaluate(context) {
    const increases = [...context.monthlyCostDelta.entries()].filter(([, delta]) => delta > 0).sort((a, b) => b[1] - a[1]);
    const total = increases.reduce((sum, [, delta]) => sum + delta, 0) + [...context.monthlyCostDelta.values()].filter((d) => d < 0).reduce((s, d) => s + d, 0);
    const band = COST_THRESHOLDS.find((t) => total >= t.atLeast);
    if (!band) return [];
    const urns = increases.map(([urn]) => urn);
    const top = increases.slice(0, 3).map(([urn, delta]) => `${context.nameOf(urn)} +${usd(delta)}/month`);
    const finding: Finding = {
      id: findingId("cost", this.id, urns),
      category: "cost",
      severity: band.severity,
      urns,
      title: `This change adds about ${usd(total)} a month to the bill, mostly ${top.join(", ")}`,
      evidence: increases.map(([urn, delta]) => `${context.nameOf(urn)}: +${usd(delta)}/month`),
      recommendation: `Check the sizes (instance types, node counts, brokers, storage) against the load forecast; for burst capacity prefer autoscaling limits over a higher floor.`,
      source: "rules",
    };
    return [finding];
  },
};
