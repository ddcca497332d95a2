import { Finding, PolicyResource } from "../../model";
import { label, LEVELS, StackRule, violation } from "../../rule";
import { EKS_CLUSTER_TYPES } from "../../support/eks";
import { TYPES } from "../../knowledge/type-tokens";

export const oneKubernetesProviderPerCluster: StackRule = {
  scope: "stack",
  name: "one-kubernetes-provider-per-cluster",
  area: "pulumi",
  description: "Each EKS cluster has exactly one Kubernetes provider in the program, so every in-cluster resource has one owner and a blue/green swap moves them together.",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.kubernetesProvider, ...EKS_CLUSTER_TYPES],
  remediation: "Create one kubernetes.Provider per cluster from its kubeconfig and pass it to every in-cluster resource of that colour.",
  evaluate(_resources, ctx) {
    const { graph } = ctx;
    // The AWS child of an eks.Cluster is the same cluster; count the component when both are present.
    const clusters = graph.ofType(...EKS_CLUSTER_TYPES).filter((c) => c.type === TYPES.eksCluster || !graph.hasAncestorOfType(c, [TYPES.eksCluster]));
    if (clusters.length === 0) return "not-applicable";
    const providersOf = new Map<PolicyResource, PolicyResource[]>(clusters.map((c) => [c, []]));
    let untraced = 0;
    // Providers an eks.Cluster creates for itself are internal to the component.
    const providers = graph.ofType(TYPES.kubernetesProvider).filter((p) => !graph.hasAncestorOfType(p, [TYPES.eksCluster]));
    for (const provider of providers) {
      const refs = graph.references(provider, "kubeconfig", { types: [...EKS_CLUSTER_TYPES], viaDependencies: true });
      const owners = refs.resources.map((r) => (r.type === TYPES.awsEksCluster ? (graph.ancestors(r).find((a) => a.type === TYPES.eksCluster) ?? r) : r));
      if (owners.length === 0 && refs.unresolved > 0) untraced++;
      for (const owner of new Set(owners)) providersOf.get(owner)?.push(provider);
    }
    const findings: Finding[] = [];
    for (const [cluster, list] of providersOf) {
      if (list.length > 1) {
        findings.push(violation(`${label(cluster)} has ${list.length} Kubernetes providers (${list.map((p) => `"${p.name}"`).join(", ")}): keep one and pass it to every in-cluster resource`, cluster));
      } else if (list.length === 0) {
        if (untraced > 0) findings.push({ undecided: `a Kubernetes provider's cluster is not known yet, so it may belong to ${label(cluster)}`, resource: cluster });
        else findings.push(violation(`${label(cluster)} has no Kubernetes provider, so nothing in the program can manage its workloads: create one kubernetes.Provider from its kubeconfig`, cluster));
      }
    }
    return findings;
  },
};
