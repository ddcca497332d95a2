import { findingId, Finding, RiskSeverity } from "../finding";
import { exposedServices, newlyOpened, OpenIngress, webOnly } from "../ingress-rules";
import { RiskRule } from "../risk-rule";

function severityOf(rules: readonly OpenIngress[]): RiskSeverity {
  if (rules.some((r) => r.toPort - r.fromPort >= 1000 || exposedServices(r).length > 0)) return "critical";
  if (rules.every(webOnly)) return "low";
  return "high";
}

const portText = (r: OpenIngress) => (r.fromPort === 0 && r.toPort === 65535 ? "all ports" : r.fromPort === r.toPort ? `port ${r.fromPort}` : `ports ${r.fromPort}-${r.toPort}`);

/** A security group (or rule) newly lets the whole internet in. */
export const securityGroupOpened: RiskRule = {
  id: "security-group-opened",
  category: "security-exposure",
  description: "A security group, security group rule or ingress rule newly allows 0.0.0.0/0 or ::/0 in; sensitive ports and wide ranges are critical, 80/443 alone low.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op === "delete" || change.op === "same" || change.op === "read") return [];
      const opened = newlyOpened(change);
      if (opened.length === 0) return [];
      const services = [...new Set(opened.flatMap(exposedServices))];
      const what = services.length > 0 ? services.join(", ") : [...new Set(opened.map(portText))].join(", ");
      return [
        {
          id: findingId("security-exposure", this.id, [change.urn]),
          category: "security-exposure",
          severity: severityOf(opened),
          urns: [change.urn],
          title: `Opening ${change.name} to the internet exposes ${what} to ${[...new Set(opened.map((r) => r.cidr))].join(" and ")}`,
          evidence: opened.map((r) => `${r.path}: ${r.protocol} ${portText(r)} from ${r.cidr}`),
          recommendation: `Allow only the sources that need it: the security group of the callers (EKS nodes, the load balancer) or a specific CIDR; reach data stores and admin ports through the VPC, SSM or a VPN, never from 0.0.0.0/0.`,
          source: "rules",
        },
      ];
    });
  },
};
