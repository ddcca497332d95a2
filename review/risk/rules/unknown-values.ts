import { Change } from "../../changes/change";
import { isUnder, valueAt } from "../../changes/property-paths";
import { UNKNOWN } from "../../plan/model";
import { findingId, Finding } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind } from "../../../policies/knowledge/stateful-types";

/** Inputs whose unknown value hides whether the change is safe. */
const SENSITIVE_INPUTS = ["ingress", "cidrBlocks", "cidrIpv4", "cidrIpv6", "policy", "assumeRolePolicy", "inlinePolicies", "policyArn", "publiclyAccessible", "vpcConfig", "deletionProtection", "skipFinalSnapshot", "forceDestroy"];

function unknownPaths(change: Change): string[] {
  const candidates = change.op === "create" ? SENSITIVE_INPUTS : change.changedPaths.filter((p) => SENSITIVE_INPUTS.some((s) => isUnder(p, s) || p.split(/[.[]/)[0] === s));
  return candidates.filter((path) => containsUnknown(valueAt(change.newInputs, path)));
}

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** What the preview cannot tell: a failed preview, unknown values on security- or data-relevant inputs, replacements whose trigger is unknown. */
export const unknownValues: RiskRule = {
  id: "unknown-values",
  category: "uncertainty",
  description: "The preview failed part-way, or a value that decides safety is only known after `pulumi up`.",
  evaluate(context) {
    const findings: Finding[] = [];
    if (context.incomplete) {
      const errors = context.diagnostics.filter((d) => d.severity === "error").map((d) => d.message.split("\n")[0]);
      findings.push({
        id: findingId("uncertainty", `${this.id}:incomplete-preview`, [context.stack.name]),
        category: "uncertainty",
        severity: "high",
        urns: [],
        title: `The preview did not finish, so changes may be missing from this review`,
        evidence: errors.length > 0 ? errors : ["no summary event: the event stream ended early"],
        recommendation: "Fix the preview errors and review the complete preview before deploying.",
        source: "rules",
      });
    }
    for (const change of context.changes) {
      if (change.op === "delete" || change.op === "same" || change.op === "read" || change.op === "refresh") continue;
      const paths = unknownPaths(change);
      const unknownReplace = change.op === "replace" && statefulKind(change.type) !== undefined && change.replaceReasons.some((r) => containsUnknown(valueAt(change.newInputs, r)));
      if (paths.length === 0 && !unknownReplace) continue;
      findings.push({
        id: findingId("uncertainty", this.id, [change.urn]),
        category: "uncertainty",
        severity: "medium",
        urns: [change.urn],
        title: `Whether ${change.name} is safe is only known after deploy: ${[...new Set([...paths, ...(unknownReplace ? change.replaceReasons : [])])].join(", ")} ${paths.length + (unknownReplace ? 1 : 0) > 1 ? "are" : "is"} unknown in the preview`,
        evidence: [...paths.map((p) => `${p}: [unknown]`), ...(unknownReplace ? [`the replacement is triggered by a value the preview cannot see: ${change.replaceReasons.join(", ")}`] : [])],
        recommendation: "Make the value known at preview time (a literal or config value instead of another resource's output), or review the first `pulumi up` step by step.",
        source: "rules",
      });
    }
    return findings;
  },
};
