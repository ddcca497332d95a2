import { ingressPermissions } from "../../policies/knowledge/ingress";
import { allPorts, isWorldCidr, openedPorts, SENSITIVE_PORTS, WEB_PORTS } from "../../policies/knowledge/network-ports";
import { UndecidableError } from "../../policies/values";
import { PlanValue } from "../plan/model";
import { Change } from "../changes/change";

/** One world-reachable ingress permission. */
export interface OpenIngress {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
  /** Where in the inputs it was found, e.g. `ingress[1]`. */
  readonly path: string;
}

/**
 * World-open ingress permissions in a resource's inputs, read by the same parser the network policy
 * rules use (inline `ingress`, SecurityGroupRule, SecurityGroupIngressRule). Permissions whose ports
 * are unknown are left to the unknown-values rule.
 */
export function openIngress(type: string, inputs: Readonly<Record<string, PlanValue>> | undefined): OpenIngress[] {
  if (!inputs) return [];
  let permissions;
  try {
    permissions = ingressPermissions({ type, name: "", props: inputs });
  } catch (error) {
    if (error instanceof UndecidableError) return [];
    throw error;
  }
  return permissions.flatMap((permission) => {
    const ports = permission.ports;
    if (ports === "unknown") return [];
    const all = allPorts(ports);
    return permission.cidrs
      .filter(isWorldCidr)
      .map((cidr) => ({ protocol: ports.protocol, fromPort: all ? 0 : ports.fromPort, toPort: all ? 65535 : ports.toPort, cidr, path: permission.where || "(rule)" }));
  });
}

/** World-open permissions the change adds (present after, absent before). */
export function newlyOpened(change: Change): OpenIngress[] {
  const key = (r: OpenIngress) => `${r.protocol}:${r.fromPort}-${r.toPort}:${r.cidr}`;
  const before = new Set(openIngress(change.type, change.oldInputs).map(key));
  return openIngress(change.type, change.newInputs).filter((r) => !before.has(key(r)));
}

/** Sensitive services inside a permission's port range (administration and data ports). */
export function exposedServices(rule: OpenIngress): string[] {
  return openedPorts(rule, SENSITIVE_PORTS).map((p) => `${p} (${SENSITIVE_PORTS[p]})`);
}

/** True when the permission opens a single web port (80 or 443). */
export function webOnly(rule: OpenIngress): boolean {
  return rule.fromPort === rule.toPort && WEB_PORTS[rule.fromPort] !== undefined;
}
