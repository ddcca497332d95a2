import { DescribeClusterCommand, EKSClient } from "@aws-sdk/client-eks";
import type { ClusterApi, ClusterState } from "../ports";

/** EKS through the AWS SDK v3, one client per region. */
export class EksClusterApi implements ClusterApi {
  private readonly clients = new Map<string, EKSClient>();

  async describe(region: string, name: string): Promise<ClusterState | undefined> {
    let client = this.clients.get(region);
    if (!client) this.clients.set(region, (client = new EKSClient({ region })));
    try {
      const { cluster } = await client.send(new DescribeClusterCommand({ name }));
      if (!cluster) return undefined;
      return {
        name,
        status: cluster.status ?? "UNKNOWN",
        ...(cluster.identity?.oidc?.issuer ? { oidcIssuer: cluster.identity.oidc.issuer } : {}),
      };
    } catch (error) {
      if (error instanceof Error && error.name === "ResourceNotFoundException") return undefined;
      throw error;
    }
  }
}
