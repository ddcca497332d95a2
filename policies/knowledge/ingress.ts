import { PolicyResource } from "../model";
import { isSecret, isUnknown, list, partialStrings, peek, Props, str } from "../values";
import { PortRange } from "./network-ports";
import { TYPES } from "./type-tokens";

/** One ingress permission, from a security group's inline `ingress` or a standalone rule resource. */
export interface IngressPermission {
  /** The security group or rule resource that grants it. */
  readonly resource: PolicyResource;
  /** Where in the resource, e.g. `ingress[1]` (empty for a rule resource). */
  readonly where: string;
  /** Unknown while protocol or ports are computed. */
  readonly ports: PortRange | "unknown";
  /** Known CIDR blocks (IPv4 and IPv6). */
  readonly cidrs: string[];
  readonly unknownCidrs: number;
  /** Managed prefix lists (known or not). */
  readonly prefixLists: number;
  /** The input that names source security groups, and its raw values (ids, URNs or unknowns). */
  readonly sourceProperty?: string;
  readonly sourceGroups: readonly unknown[];
  readonly self: boolean;
  /** The rule's description; "unknown" while computed. */
  readonly description: string | undefined;
  readonly descriptionUnknown: boolean;
}

function portsOf(props: unknown, protocolKey: string): PortRange | "unknown" {
  const protocol = peek(props, protocolKey);
  const fromPort = peek(props, "fromPort");
  const toPort = peek(props, "toPort");
  if ([protocol, fromPort, toPort].some((v) => isUnknown(v) || isSecret(v))) return "unknown";
  const p = protocol === undefined ? "-1" : String(protocol);
  return { protocol: p, fromPort: fromPort === undefined ? -1 : Number(fromPort), toPort: toPort === undefined ? -1 : Number(toPort) };
}

function blocks(props: unknown, ...paths: string[]): { known: string[]; unknown: number } {
  const result = { known: [] as string[], unknown: 0 };
  for (const path of paths) {
    const value = peek(props, path);
    if (value === undefined) continue;
    if (isUnknown(value)) {
      result.unknown++;
      continue;
    }
    if (typeof value === "string") {
      result.known.push(value);
      continue;
    }
    const partial = partialStrings(props, path);
    if (partial) {
      result.known.push(...partial.known);
      result.unknown += partial.unknown;
    }
  }
  return result;
}

function countSet(props: unknown, ...paths: string[]): number {
  return paths.reduce((n, path) => {
    const value = peek(props, path);
    if (value === undefined || value === "") return n;
    return n + (Array.isArray(value) ? value.length : 1);
  }, 0);
}

function description(props: unknown): { description: string | undefined; descriptionUnknown: boolean } {
  const value = peek(props, "description");
  if (isUnknown(value)) return { description: undefined, descriptionUnknown: true };
  return { description: typeof value === "string" && value.trim() !== "" ? value : undefined, descriptionUnknown: false };
}

/** The ingress permissions a resource grants; [] for resources that grant none (or egress rules). */
export function ingressPermissions(resource: PolicyResource): IngressPermission[] {
  const props = resource.props;
  switch (resource.type) {
    case TYPES.securityGroup: {
      const rules = list(props, "ingress") ?? [];
      return rules.map((rule, i) => {
        const cidrs = blocks(rule, "cidrBlocks", "ipv6CidrBlocks");
        const groups = peek(rule, "securityGroups");
        return {
          resource,
          where: `ingress[${i}]`,
          ports: portsOf(rule, "protocol"),
          cidrs: cidrs.known,
          unknownCidrs: cidrs.unknown,
          prefixLists: countSet(rule, "prefixListIds"),
          sourceProperty: "ingress",
          sourceGroups: Array.isArray(groups) ? groups : groups === undefined ? [] : [groups],
          self: peek(rule, "self") === true,
          ...description(rule),
        };
      });
    }
    case TYPES.securityGroupRule: {
      if (str(props, "type") !== "ingress") return [];
      return [ruleResourcePermission(resource, props, "protocol", ["cidrBlocks", "ipv6CidrBlocks"], "prefixListIds", "sourceSecurityGroupId")];
    }
    case TYPES.securityGroupIngressRule:
      return [ruleResourcePermission(resource, props, "ipProtocol", ["cidrIpv4", "cidrIpv6"], "prefixListId", "referencedSecurityGroupId")];
    default:
      return [];
  }
}

function ruleResourcePermission(resource: PolicyResource, props: Props, protocolKey: string, cidrKeys: string[], prefixKey: string, sourceKey: string): IngressPermission {
  const cidrs = blocks(props, ...cidrKeys);
  const source = peek(props, sourceKey);
  return {
    resource,
    where: "",
    ports: portsOf(props, protocolKey),
    cidrs: cidrs.known,
    unknownCidrs: cidrs.unknown,
    prefixLists: countSet(props, prefixKey),
    sourceProperty: sourceKey,
    sourceGroups: source === undefined ? [] : [source],
    self: peek(props, "self") === true,
    ...description(props),
  };
}

/** "security group "x" ingress[1]" or "security group rule "y"" for messages. */
export function permissionLabel(permission: IngressPermission): string {
  const kind = permission.resource.type === TYPES.securityGroup ? "security group" : "security group rule";
  return `${kind} "${permission.resource.name}"${permission.where ? ` ${permission.where}` : ""}`;
}

/** The security group a standalone rule resource attaches to (the input naming it). */
export const RULE_TARGET_PROPERTY = "securityGroupId";

export const SECURITY_GROUP_RULE_TYPES = [TYPES.securityGroupRule, TYPES.securityGroupIngressRule] as const;
