import { statefulKind } from "../../../policies/knowledge/stateful-types";
import { Change } from "../../changes/change";
import { valueAt } from "../../changes/property-paths";
import { findingId, Finding } from "../finding";
import { RiskRule } from "../risk-rule";
import { RiskContext } from "../risk-context";
import { containsUnknown } from "../../../policies/values";
import { SENSITIVE_INPUTS, UnknownKind, unknownOrigin, unknownSensitivePaths } from "../unknown-origins";

const KIND_TEXT: Readonly<Record<UnknownKind, { readonly noun: string; readonly check: string }>> = {
  "iam-document": { noun: "IAM document", check: "the policy pack checks each document during `pulumi up`, once it is known" },
  "network-exposure": { noun: "network exposure setting", check: "the policy pack checks each value during `pulumi up`, once it is known" },
  "data-safeguard": { noun: "data safeguard", check: "the policy pack checks each value during `pulumi up`, once it is known" },
};

interface DeployDecided {
  readonly change: Change;
  readonly path: string;
  readonly from: readonly string[];
}

function incompleteFinding(context: RiskContext, id: string): Finding {
  const errors = context.diagnostics.filter((d) => d.severity === "error").map((d) => d.message.split("\n")[0]);
  return {
    id: findingId("uncertainty", `${id}:incomplete-preview`, [context.stack.name]),
    category: "uncertainty",
    severity: "high",
    urns: [],
    title: `The preview did not finish, so changes may be missing from this review`,
    evidence: errors.length > 0 ? errors : ["no summary event: the event stream ended early"],
    recommendation: "Fix the preview errors and review the complete preview before deploying.",
    source: "rules",
  };
}

/**
 * What the preview cannot tell. A failed preview is high. A safety-relevant input that is unknown and
 * computed from resources of this same plan (an IRSA trust policy built from the cluster's OIDC
 * provider ARN) is decided at deploy: one low note per kind. An unknown whose origin the preview does
 * not show, or an unknown replacement trigger of a stateful resource, stays medium.
 */
export const unknownValues: RiskRule = {
  id: "unknown-values",
  category: "uncertainty",
  description: "The preview failed part-way, or a value that decides safety is only known after `pulumi up`: medium when its origin is not in the plan, one low note per kind when it is computed from resources of the same plan.",
  evaluate(context) {
    const findings: Finding[] = [];
    if (context.incomplete) findings.push(incompleteFinding(context, this.id));
    const decidedAtDeploy = new Map<UnknownKind, DeployDecided[]>();
    const inPlan = (urn: string) => context.byUrn.has(urn);
    for (const change of context.changes) {
      if (change.op === "delete" || change.op === "same" || change.op === "read" || change.op === "refresh") continue;
      const unexplained: string[] = [];
      for (const path of unknownSensitivePaths(change)) {
        const from = unknownOrigin(change, path, inPlan);
        const kind = SENSITIVE_INPUTS[path.split(/[.[]/)[0]];
        if (from && kind) decidedAtDeploy.set(kind, [...(decidedAtDeploy.get(kind) ?? []), { change, path, from }]);
        else unexplained.push(path);
      }
      const unknownReplace = change.op === "replace" && statefulKind(change.type) !== undefined && change.replaceReasons.some((r) => containsUnknown(valueAt(change.newInputs, r)));
      if (unexplained.length === 0 && !unknownReplace) continue;
      const named = [...new Set([...unexplained, ...(unknownReplace ? change.replaceReasons : [])])];
      findings.push({
        id: findingId("uncertainty", this.id, [change.urn]),
        category: "uncertainty",
        severity: "medium",
        urns: [change.urn],
        title: `Whether ${change.name} is safe is only known after deploy: ${named.join(", ")} ${named.length > 1 ? "are" : "is"} unknown in the preview${unknownReplace ? "" : " and comes from outside this plan"}`,
        evidence: [...unexplained.map((p) => `${p}: [unknown], from nothing this preview shows`), ...(unknownReplace ? [`the replacement is triggered by a value the preview cannot see: ${change.replaceReasons.join(", ")}`] : [])],
        recommendation: "Make the value known at preview time (a literal or config value instead of another resource's output), or review the first `pulumi up` step by step.",
        source: "rules",
      });
    }
    for (const [kind, items] of decidedAtDeploy) findings.push(decidedAtDeployNote(context, kind, items));
    return findings;
  },
};

function decidedAtDeployNote(context: RiskContext, kind: UnknownKind, items: readonly DeployDecided[]): Finding {
  const urns = [...new Set(items.map((i) => i.change.urn))];
  const text = KIND_TEXT[kind];
  const count = `${items.length} ${text.noun}${items.length === 1 ? "" : "s"}`;
  return {
    id: findingId("uncertainty", `decided-at-deploy:${kind}`, urns),
    category: "uncertainty",
    severity: "low",
    urns,
    title: `Decided at deploy: ${count} ${items.length === 1 ? "is" : "are"} computed from resources this plan creates, so the preview cannot show ${items.length === 1 ? "it" : "them"}`,
    evidence: items.map((i) => `${i.change.name} ${i.path}: from ${i.from.map((u) => context.nameOf(u)).join(", ")}`),
    recommendation: `Nothing to do before deploy: ${text.check}.`,
    source: "rules",
  };
}
