import * as https from "node:https";
import { DescribeClusterCommand, EKSClient } from "@aws-sdk/client-eks";
import type { NodeGroupNodes, NodeReadinessApi } from "../ports";
import { eksToken } from "./eks-token";

/** The label EKS puts on every node of a managed node group. */
export const NODE_GROUP_LABEL = "eks.amazonaws.com/nodegroup";

export interface KubernetesResponse {
  readonly status: number;
  readonly body: string;
}

/** One authenticated GET against a cluster's Kubernetes API, trusting only the cluster's own CA. */
export type KubernetesGet = (
  url: string,
  auth: { readonly ca: string; readonly token: string },
) => Promise<KubernetesResponse>;

const httpsGet: KubernetesGet = (url, auth) =>
  new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: "GET",
        ca: auth.ca,
        headers: { Authorization: `Bearer ${auth.token}`, Accept: "application/json" },
        timeout: 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer from ${new URL(url).host} within 15 s`)));
    request.on("error", reject);
    request.end();
  });

interface NodeList {
  metadata?: { continue?: string };
  items?: {
    metadata?: { labels?: Record<string, string> };
    status?: { conditions?: { type?: string; status?: string }[] };
  }[];
}

/** Counts the nodes of each managed node group, and those whose `Ready` condition is `True`, in a Kubernetes NodeList. */
export function countNodeGroups(lists: readonly NodeList[]): NodeGroupNodes[] {
  const groups = new Map<string, { ready: number; total: number }>();
  for (const item of lists.flatMap((l) => l.items ?? [])) {
    const group = item.metadata?.labels?.[NODE_GROUP_LABEL];
    if (group === undefined) continue;
    const counts = groups.get(group) ?? { ready: 0, total: 0 };
    counts.total += 1;
    if (item.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True")) counts.ready += 1;
    groups.set(group, counts);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([nodeGroup, c]) => ({ nodeGroup, ...c }));
}

/**
 * Ready nodes per managed node group, from the cluster's Kubernetes API: DescribeCluster gives the
 * endpoint and CA, an `aws eks get-token`-style token authenticates (the caller needs an access entry),
 * and `GET /api/v1/nodes?labelSelector=eks.amazonaws.com/nodegroup` lists the nodes, page by page. The
 * endpoint is private in prod and dr, so this runs from inside the VPC (or a peered network).
 */
export class EksNodeReadiness implements NodeReadinessApi {
  private readonly clients = new Map<string, EKSClient>();

  constructor(
    private readonly get: KubernetesGet = httpsGet,
    private readonly newClient: (region: string) => EKSClient = (region) => new EKSClient({ region }),
    private readonly now: () => Date = () => new Date(),
  ) {}

  async nodeGroups(region: string, name: string): Promise<NodeGroupNodes[]> {
    let client = this.clients.get(region);
    if (!client) this.clients.set(region, (client = this.newClient(region)));
    const { cluster } = await client.send(new DescribeClusterCommand({ name }));
    if (!cluster?.endpoint || !cluster.certificateAuthority?.data)
      throw new Error(`${name} (${region}) has no API endpoint yet (status ${cluster?.status ?? "unknown"})`);
    const token = await eksToken(name, region, await client.config.credentials(), this.now());
    const ca = Buffer.from(cluster.certificateAuthority.data, "base64").toString("utf8");
    const lists: NodeList[] = [];
    let next: string | undefined;
    do {
      const url =
        `${cluster.endpoint}/api/v1/nodes?labelSelector=${encodeURIComponent(NODE_GROUP_LABEL)}&limit=500` +
        (next ? `&continue=${encodeURIComponent(next)}` : "");
      const response = await this.get(url, { ca, token });
      if (response.status === 401 || response.status === 403)
        throw new Error(
          `the Kubernetes API of ${name} refused the drill's identity (HTTP ${response.status}): give its IAM role an EKS access entry with read access to nodes (e.g. AmazonEKSAdminViewPolicy)`,
        );
      if (response.status !== 200)
        throw new Error(
          `GET /api/v1/nodes on ${name} answered HTTP ${response.status}: ${response.body.slice(0, 200)}`,
        );
      const list = JSON.parse(response.body) as NodeList;
      lists.push(list);
      next = list.metadata?.continue || undefined;
    } while (next);
    return countNodeGroups(lists);
  }
}
