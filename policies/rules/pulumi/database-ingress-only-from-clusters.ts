import { hasPerInputDependencies, ResourceGraph } from "../../graph";
import { Finding, PolicyResource } from "../../model";
import { label, LEVELS, perItem, StackRule, violation } from "../../rule";
import { clusterSecurityGroups, ClusterSecurityGroups } from "../../support/cluster-security-groups";
import { EKS_CLUSTER_TYPES } from "../../support/eks";
import { IngressPermission, ingressPermissions, permissionLabel, RULE_TARGET_PROPERTY, SECURITY_GROUP_RULE_TYPES } from "../../knowledge/ingress";
import { DATASTORE_TYPES, TYPES } from "../../knowledge/type-tokens";
import { isUnknown, UndecidableError } from "../../values";

/** Where each data store names its security groups. */
const DATASTORE_SECURITY_GROUPS: Readonly<Record<string, { property: string; valuePath?: string }>> = {
  [TYPES.rdsInstance]: { property: "vpcSecurityGroupIds" },
  [TYPES.rdsCluster]: { property: "vpcSecurityGroupIds" },
  [TYPES.cacheReplicationGroup]: { property: "securityGroupIds" },
  [TYPES.cacheCluster]: { property: "securityGroupIds" },
  [TYPES.mskCluster]: { property: "brokerNodeGroupInfo", valuePath: "brokerNodeGroupInfo.securityGroups" },
};

const SOURCE_TYPES = [TYPES.securityGroup, ...EKS_CLUSTER_TYPES];

interface Analysis {
  readonly graph: ResourceGraph;
  readonly clusters: ClusterSecurityGroups;
  /** Security group → the permissions that let traffic into it (undefined target: ambiguous rule). */
  readonly grants: Map<PolicyResource, IngressPermission[]>;
  /** Rule resources whose target group could not be told apart from their source group. */
  readonly ambiguous: { rule: PolicyResource; candidates: PolicyResource[] }[];
}

function datastoreGroups(graph: ResourceGraph, store: PolicyResource): PolicyResource[] {
  const input = DATASTORE_SECURITY_GROUPS[store.type];
  const refs = graph.references(store, input.property, { types: [TYPES.securityGroup], valuePath: input.valuePath, viaDependencies: true });
  if (refs.unresolved > 0 || refs.external.length > 0) throw new UndecidableError(`security groups of ${label(store)}`);
  return refs.resources;
}

function analyse(graph: ResourceGraph, storeGroups: ReadonlySet<PolicyResource>): Analysis {
  const grants = new Map<PolicyResource, IngressPermission[]>();
  const ambiguous: Analysis["ambiguous"] = [];
  const add = (sg: PolicyResource, permission: IngressPermission) => grants.set(sg, [...(grants.get(sg) ?? []), permission]);
  for (const sg of storeGroups) {
    for (const permission of ingressPermissions(sg)) add(sg, permission);
  }
  for (const rule of graph.ofType(...SECURITY_GROUP_RULE_TYPES)) {
    const targetValue = rule.props[RULE_TARGET_PROPERTY];
    const exact = hasPerInputDependencies(rule) || (typeof targetValue === "string" && !isUnknown(targetValue));
    const refs = graph.references(rule, RULE_TARGET_PROPERTY, { types: [TYPES.securityGroup], viaDependencies: true });
    let targets = refs.resources;
    if (!exact || refs.resources.length > 1) {
      // Flat dependencies name both the target and the source group: the target is the data store's.
      const stores = refs.resources.filter((sg) => storeGroups.has(sg));
      if (stores.length > 1) {
        ambiguous.push({ rule, candidates: stores });
        continue;
      }
      targets = stores;
    }
    for (const target of targets) {
      if (!storeGroups.has(target)) continue;
      for (const permission of ingressPermissions(rule)) add(target, permission);
    }
  }
  return { graph, clusters: clusterSecurityGroups(graph), grants, ambiguous };
}

function sourceFindings(analysis: Analysis, permission: IngressPermission, store: PolicyResource, target: PolicyResource): Finding[] {
  const findings: Finding[] = [];
  const what = `${label(store)} (through ${permissionLabel(permission)})`;
  for (const cidr of permission.cidrs) findings.push(violation(`${what} admits ${cidr}: data stores accept traffic only from the clusters' security groups; replace the CIDR with a source security group`, store));
  if (permission.prefixLists > 0) findings.push(violation(`${what} admits a managed prefix list: allow only the clusters' security groups`, store));
  if (permission.unknownCidrs > 0) findings.push({ undecided: `the CIDR blocks of ${permissionLabel(permission)} are not known yet`, resource: store });
  if (permission.sourceGroups.length === 0) return findings;

  const { graph, clusters } = analysis;
  const known = permission.sourceGroups.filter((v): v is string => typeof v === "string" && !isUnknown(v));
  const unknownCount = permission.sourceGroups.length - known.length;
  const isClusterGroup = (r: PolicyResource) => clusters.resources.has(r);
  for (const value of known) {
    const resource = graph.byUrn(value) ?? graph.byKey("id", value);
    if (clusters.ids.has(value) || (resource && isClusterGroup(resource))) continue;
    if (resource) findings.push(violation(`${what} admits ${label(resource)}, which is not a cluster security group: allow only the clusters' node or cluster security groups`, store));
    else findings.push({ undecided: `${permissionLabel(permission)} admits the security group ${value}, which is not part of this stack`, resource: store });
  }
  if (unknownCount > 0) {
    const refs = graph.references(permission.resource, permission.sourceProperty ?? "", { types: SOURCE_TYPES, viaDependencies: true, exclude: [target] });
    const candidates = refs.resources.filter((r) => r !== target);
    if (candidates.length === 0) findings.push({ undecided: `the source security group of ${permissionLabel(permission)} is not known yet`, resource: store });
    else if (!candidates.every(isClusterGroup)) {
      const others = candidates.filter((r) => !isClusterGroup(r));
      if (candidates.length === 1) findings.push(violation(`${what} admits ${others.map(label).join(", ")}, which ${others.length === 1 ? "is" : "are"} not a cluster security group: allow only the clusters' node or cluster security groups`, store));
      else findings.push({ undecided: `${permissionLabel(permission)} may admit ${others.map(label).join(", ")}`, resource: store });
    }
  }
  return findings;
}

export const databaseIngressOnlyFromClusters: StackRule = {
  scope: "stack",
  name: "database-ingress-only-from-clusters",
  area: "pulumi",
  description: "RDS, ElastiCache and MSK security groups admit traffic only from the EKS clusters' security groups (no CIDR blocks, no other groups).",
  severity: "critical",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: [...DATASTORE_TYPES, TYPES.securityGroup, ...SECURITY_GROUP_RULE_TYPES, ...EKS_CLUSTER_TYPES, TYPES.launchTemplate],
  remediation: "Give each data store its own security group whose only ingress rules name the blue and green clusters' node security groups as the source.",
  evaluate(_resources, ctx) {
    const stores = ctx.graph.ofType(...DATASTORE_TYPES).filter((s) => !(s.type === TYPES.cacheCluster && s.props.replicationGroupId !== undefined));
    if (stores.length === 0) return "not-applicable";
    const groupsOf = new Map<PolicyResource, PolicyResource[] | "unknown">();
    for (const store of stores) {
      try {
        groupsOf.set(store, datastoreGroups(ctx.graph, store));
      } catch (error) {
        if (!(error instanceof UndecidableError)) throw error;
        groupsOf.set(store, "unknown");
      }
    }
    const storeGroups = new Set([...groupsOf.values()].flatMap((g) => (g === "unknown" ? [] : g)));
    const analysis = analyse(ctx.graph, storeGroups);
    return perItem(stores, (s) => s, (store) => {
      const groups = groupsOf.get(store)!;
      if (groups === "unknown") throw new UndecidableError(`security groups of ${label(store)}`);
      const findings: Finding[] = [];
      for (const target of groups) {
        for (const permission of analysis.grants.get(target) ?? []) {
          findings.push(...sourceFindings(analysis, permission, store, target));
        }
        for (const { rule } of analysis.ambiguous.filter((a) => a.candidates.includes(target))) {
          findings.push({ undecided: `${label(rule)} joins two data store security groups and its direction is not known yet`, resource: store });
        }
      }
      return findings;
    });
  },
};
