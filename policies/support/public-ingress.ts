import { Finding, PolicyResource } from "../model";
import { violation } from "../rule";
import { allPorts, describePorts, isWorldCidr, openedPorts } from "../knowledge/network-ports";
import { ingressPermissions, permissionLabel } from "../knowledge/ingress";

/**
 * Violations for ingress from anywhere (0.0.0.0/0, ::/0) to the named ports of a resource. A
 * permission with computed ports or addresses is undecided only if it could open them.
 */
export function publicIngressFindings(resource: PolicyResource, ports: Readonly<Record<number, string>>, what: string): Finding[] {
  const findings: Finding[] = [];
  for (const permission of ingressPermissions(resource)) {
    const world = permission.cidrs.filter(isWorldCidr);
    if (world.length === 0) {
      if (permission.unknownCidrs > 0) findings.push({ undecided: `the CIDR blocks of ${permissionLabel(permission)} are not known yet` });
      continue;
    }
    if (permission.ports === "unknown") {
      findings.push({ undecided: `the ports of ${permissionLabel(permission)} are not known yet` });
      continue;
    }
    const from = world.join(" and ");
    if (allPorts(permission.ports)) {
      findings.push(violation(`${permissionLabel(permission)} opens every port to ${from}, including ${what}s: allow only the ports needed, from the security groups or CIDRs that need them`));
      continue;
    }
    const opened = openedPorts(permission.ports, ports);
    if (opened.length > 0) {
      findings.push(violation(`${permissionLabel(permission)} opens ${what} ${describePorts(opened, ports)} to ${from}: allow it only from a source security group (or a VPN/bastion CIDR)`));
    }
  }
  return findings;
}
