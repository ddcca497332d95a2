import { TYPES } from "../../../policies/knowledge/type-tokens";
import { findingId } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind } from "../../../policies/knowledge/stateful-types";

const KUBERNETES_PROVIDER = TYPES.kubernetesProvider;
/** Provider inputs that point it at another cluster: changing them replaces the provider. */
const CLUSTER_IDENTITY = ["kubeconfig", "context", "cluster"];

/**
 * Pulumi's trap: when a Kubernetes provider is replaced (its kubeconfig now names another cluster),
 * every resource it manages is replaced too: deleted from the old cluster, created in the new one.
 */
export const kubernetesProviderReplaced: RiskRule = {
  id: "kubernetes-provider-replaced",
  category: "downtime",
  description: "A Kubernetes provider is replaced (or its kubeconfig, context or cluster changes), which replaces every resource under it.",
  evaluate(context) {
    return context.changes
      .filter((change) => change.type === KUBERNETES_PROVIDER)
      .filter((change) => change.op === "replace" || (change.op === "update" && change.changedPaths.some((p) => CLUSTER_IDENTITY.some((k) => p === k || p.startsWith(`${k}.`)))))
      .map((provider) => {
        const managed = context.managedBy(provider.urn).filter((urn) => urn !== provider.urn);
        const statefulUnder = managed.filter((urn) => {
          const change = context.byUrn.get(urn);
          return change !== undefined && statefulKind(change.type) !== undefined;
        });
        const names = managed.map((urn) => `${context.byUrn.get(urn)?.type.split(":").pop() ?? "resource"} ${context.nameOf(urn)}`);
        const category = statefulUnder.length > 0 ? ("data-loss" as const) : ("downtime" as const);
        const shown = names.slice(0, 6).join(", ") + (names.length > 6 ? `, and ${names.length - 6} more` : "");
        return {
          id: findingId(category, this.id, [provider.urn]),
          category,
          severity: "critical" as const,
          urns: [provider.urn, ...managed],
          title: `Replacing the Kubernetes provider ${provider.name} replaces every resource under it: ${managed.length} resource${managed.length === 1 ? " is" : "s are"} deleted and recreated${managed.length > 0 ? ` (${shown})` : ""}`,
          evidence: [
            `provider op: ${provider.op}`,
            ...provider.changedPaths.map((p) => `changed: ${p}`),
            ...(statefulUnder.length > 0 ? [`stateful resources under it: ${statefulUnder.map((u) => context.nameOf(u)).join(", ")}`] : []),
            ...(managed.length === 0 ? ["the input does not list the resources under this provider; expect all of them to be replaced"] : []),
          ],
          recommendation: `Keep the provider's identity stable (same resource name, kubeconfig from a stable output; do not put changing values in it). To move workloads to another cluster, create a second provider and migrate resources explicitly, as the blue/green cutover does.`,
          source: "rules" as const,
        };
      });
  },
};

