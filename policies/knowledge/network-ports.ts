/** Ports and address ranges the network policy rules and the review's security-group risk rule reason about. */

/** Ports that administer a host. */
export const ADMIN_PORTS: Readonly<Record<number, string>> = { 22: "SSH", 3389: "RDP", 10250: "kubelet", 2379: "etcd" };

/** Ports of the data services this platform runs (and their common neighbours). */
export const DATABASE_PORTS: Readonly<Record<number, string>> = {
  5432: "PostgreSQL",
  3306: "MySQL",
  1433: "SQL Server",
  1521: "Oracle",
  27017: "MongoDB",
  6379: "Redis",
  11211: "Memcached",
  9092: "Kafka (plaintext)",
  9094: "Kafka (TLS)",
  9096: "Kafka (SASL/SCRAM)",
  9098: "Kafka (IAM)",
  2181: "ZooKeeper",
  9200: "OpenSearch",
  2049: "NFS (EFS)",
  5439: "Redshift",
};

/** Ports a public web endpoint is meant to expose. */
export const WEB_PORTS: Readonly<Record<number, string>> = { 80: "HTTP", 443: "HTTPS" };

/** Ports whose exposure to the internet is an incident: administration and data services. */
export const SENSITIVE_PORTS: Readonly<Record<number, string>> = { ...ADMIN_PORTS, ...DATABASE_PORTS };

/** True for a block that contains every address: 0.0.0.0/0, ::/0 (any /0). */
export function isWorldCidr(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/** A port range of one rule; protocol "-1"/"all" means every port. */
export interface PortRange {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
}

export function allPorts(range: PortRange): boolean {
  const protocol = range.protocol.toLowerCase();
  return protocol === "-1" || protocol === "all" || (range.fromPort <= 0 && range.toPort >= 65535) || (range.fromPort === -1 && range.toPort === -1);
}

/** The ports of `named` that the range opens (every one when the range is all ports). */
export function openedPorts(range: PortRange, named: Readonly<Record<number, string>>): number[] {
  const protocol = range.protocol.toLowerCase();
  const tcpLike = protocol === "tcp" || protocol === "6" || protocol === "udp" || protocol === "17";
  return Object.keys(named)
    .map(Number)
    .filter((port) => allPorts(range) || (tcpLike && range.fromPort <= port && port <= range.toPort));
}

export function describePorts(ports: readonly number[], named: Readonly<Record<number, string>>): string {
  return ports.map((p) => `${p} (${named[p]})`).join(", ");
}
