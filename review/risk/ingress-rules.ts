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

export const WORLD_CIDRS: ReadonlySet<string> = new Set(["0.0.0.0/0", "::/0"]);

/** Ports whose exposure is an incident, and what listens there. */
export const SENSITIVE_PORTS: ReadonlyMap<number, string> = new Map([
  [22, "SSH"], [3389, "RDP"], [5432, "PostgreSQL"], [3306, "MySQL"], [6379, "Redis"], [11211, "Memcached"],
  [9092, "Kafka"], [9094, "Kafka TLS"], [9096, "Kafka SASL/SCRAM"], [9098, "Kafka IAM"], [2181, "ZooKeeper"],
  [27017, "MongoDB"], [9200, "Elasticsearch"], [2049, "NFS"], [10250, "kubelet"], [2379, "etcd"],
]);
export const WEB_PORTS: ReadonlySet<number> = new Set([80, 443]);

const list = (value: PlanValue | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const port = (value: PlanValue | undefined, fallback: number): number => (typeof value === "number" ? value : fallback);

/** World-open ingress permissions in a resource's inputs, for the three ways AWS lets Pulumi express them. */
export function openIngress(type: string, inputs: Readonly<Record<string, PlanValue>> | undefined): OpenIngress[] {
  if (!inputs) return [];
  const rules: { rule: Record<string, PlanValue>; path: string; cidrs: string[]; protocolKey: string }[] = [];
  if (type === "aws:ec2/securityGroup:SecurityGroup" && Array.isArray(inputs.ingress)) {
    inputs.ingress.forEach((rule, i) => {
      if (rule && typeof rule === "object" && !Array.isArray(rule)) rules.push({ rule, path: `ingress[${i}]`, cidrs: [...list(rule.cidrBlocks), ...list(rule.ipv6CidrBlocks)], protocolKey: "protocol" });
    });
  } else if (type === "aws:ec2/securityGroupRule:SecurityGroupRule" && inputs.type === "ingress") {
    rules.push({ rule: inputs as Record<string, PlanValue>, path: "", cidrs: [...list(inputs.cidrBlocks), ...list(inputs.ipv6CidrBlocks)], protocolKey: "protocol" });
  } else if (type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
    const cidrs = [inputs.cidrIpv4, inputs.cidrIpv6].filter((c): c is string => typeof c === "string");
    rules.push({ rule: inputs as Record<string, PlanValue>, path: "", cidrs, protocolKey: "ipProtocol" });
  }
  return rules.flatMap(({ rule, path, cidrs, protocolKey }) => {
    const protocol = String(rule[protocolKey] ?? "-1");
    const all = protocol === "-1" || protocol === "all";
    return cidrs
      .filter((cidr) => WORLD_CIDRS.has(cidr))
      .map((cidr) => ({ protocol, fromPort: all ? 0 : port(rule.fromPort, 0), toPort: all ? 65535 : port(rule.toPort, port(rule.fromPort, 65535)), cidr, path: path || "(rule)" }));
  });
}

/** World-open permissions the change adds (present after, absent before). */
export function newlyOpened(change: Change): OpenIngress[] {
  const key = (r: OpenIngress) => `${r.protocol}:${r.fromPort}-${r.toPort}:${r.cidr}`;
  const before = new Set(openIngress(change.type, change.oldInputs).map(key));
  return openIngress(change.type, change.newInputs).filter((r) => !before.has(key(r)));
}

/** Sensitive services inside a port range. */
export function exposedServices(rule: OpenIngress): string[] {
  return [...SENSITIVE_PORTS.entries()].filter(([p]) => p >= rule.fromPort && p <= rule.toPort).map(([p, name]) => `${p} (${name})`);
}
