import { ResourceGraph } from "../../graph";
import { Finding, PolicyResource } from "../../model";
import { label, LEVELS, perItem, StackRule, violation } from "../../rule";
import { selectorMatches } from "../../support/label-selector";
import { namespaceOf, podLabelsOf } from "../../support/pod-spec";
import { TYPES } from "../../knowledge/type-tokens";
import { num, record, UndecidableError } from "../../values";

const SERVING_WORKLOADS = [TYPES.k8sDeployment, TYPES.k8sStatefulSet];

function sameCluster(graph: ResourceGraph, a: PolicyResource, b: PolicyResource): boolean {
  const providerOf = (r: PolicyResource) => graph.providerOf(r)?.urn ?? r.provider;
  return a.provider === undefined || b.provider === undefined || providerOf(a) === providerOf(b);
}

/** Budgets by namespace ("unknown" collects those whose namespace is computed). */
function budgetsByNamespace(graph: ResourceGraph): Map<string, PolicyResource[]> {
  const index = new Map<string, PolicyResource[]>();
  for (const pdb of graph.ofType(TYPES.k8sPodDisruptionBudget)) {
    const namespace = namespaceOf(pdb);
    index.set(namespace, [...(index.get(namespace) ?? []), pdb]);
  }
  return index;
}

function checkWorkload(graph: ResourceGraph, budgets: Map<string, PolicyResource[]>, workload: PolicyResource): Finding[] {
  // A budget cannot keep a single pod available through a drain without blocking the drain, so a
  // deliberate singleton (replicas: 1) is exempt; an unset count may be scaled by an autoscaler.
  const replicas = num(workload.props, "spec.replicas");
  if (replicas !== undefined && replicas <= 1) return [];
  const namespace = namespaceOf(workload);
  if (namespace === "unknown") throw new UndecidableError(`namespace of ${label(workload)}`);
  const labels = podLabelsOf(workload) ?? {};
  let uncertain = (budgets.get("unknown") ?? []).some((pdb) => sameCluster(graph, pdb, workload));
  for (const pdb of budgets.get(namespace) ?? []) {
    if (!sameCluster(graph, pdb, workload)) continue;
    const match = selectorMatches(record(pdb.props, "spec.selector"), labels);
    if (match === "yes") return [];
    if (match === "unknown") uncertain = true;
  }
  if (uncertain) throw new UndecidableError(`the PodDisruptionBudgets that could cover ${label(workload)}`);
  return [violation(`${label(workload)} in namespace "${namespace}" has no PodDisruptionBudget, so a node drain or cluster upgrade can evict all its pods at once: add a policy/v1 PodDisruptionBudget selecting its pod labels`, workload)];
}

export const k8sProdPodDisruptionBudget: StackRule = {
  scope: "stack",
  name: "k8s-prod-pod-disruption-budget",
  area: "kubernetes",
  description: "Production Deployments and StatefulSets with more than one replica (or an autoscaled count) are covered by a PodDisruptionBudget in their namespace; deliberate singletons (replicas: 1) are exempt.",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.productionOnly,
  resourceTypes: [...SERVING_WORKLOADS, TYPES.k8sPodDisruptionBudget],
  remediation: "Add a PodDisruptionBudget (maxUnavailable: 1 or minAvailable below the replica count) whose selector matches the pod labels.",
  evaluate(_resources, ctx) {
    const workloads = ctx.graph.ofType(...SERVING_WORKLOADS);
    if (workloads.length === 0) return "not-applicable";
    const budgets = budgetsByNamespace(ctx.graph);
    return perItem(workloads, (w) => w, (w) => checkWorkload(ctx.graph, budgets, w));
  },
};
