import { PlanValue } from "../../plan/model";
import { findingId, Finding } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind, type StatefulKind } from "../../../policies/knowledge/stateful-types";

/** An input whose `unsafe` value takes away what would make a later delete recoverable or refused. */
interface Safeguard {
  readonly input: string;
  readonly unsafe: PlanValue;
  readonly meaning: string;
}

/** The safeguards a stateful kind has, from what the knowledge table says about it. */
function safeguardsOf(kind: StatefulKind): Safeguard[] {
  return [
    { input: "deletionProtection", unsafe: false, meaning: "AWS will no longer refuse to delete it" },
    { input: "deletionProtectionEnabled", unsafe: false, meaning: "AWS will no longer refuse to delete it" },
    ...(kind.finalSnapshot?.skipInput ? [{ input: kind.finalSnapshot.skipInput, unsafe: true, meaning: "no final snapshot will be taken when it is deleted" }] : []),
    ...(kind.refusal ? [{ input: kind.refusal.forceInput, unsafe: true, meaning: `deleting it will delete ${kind.loses} instead of being refused` }] : []),
    ...(kind.recoveryWindow ? [{ input: kind.recoveryWindow.input, unsafe: 0, meaning: "deleting it will be immediate, with no recovery window" }] : []),
  ];
}

/** An update (not yet a delete) that switches off a safeguard of a stateful resource. */
export const safeguardDisabled: RiskRule = {
  id: "safeguard-disabled",
  category: "data-loss",
  description:
    "A stateful resource that stays loses a safeguard: deletion protection off, skipFinalSnapshot on, forceDestroy/forceDelete on (buckets, hosted zones, ECR repositories), or a recovery window of 0 days (Secrets Manager).",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op !== "update" && change.op !== "same") return [];
      const kind = statefulKind(change.type);
      if (!kind) return [];
      const disabled = safeguardsOf(kind).filter((s) => change.newInputs?.[s.input] === s.unsafe && change.oldInputs?.[s.input] !== s.unsafe);
      if (disabled.length === 0) return [];
      return [
        {
          id: findingId("data-loss", this.id, [change.urn]),
          category: "data-loss",
          severity: "high",
          urns: [change.urn],
          title: `Turning off the safeguards of ${change.name} makes its next delete unrecoverable: ${disabled.map((s) => s.meaning).join("; ")}`,
          evidence: disabled.map((s) => `${s.input}: ${JSON.stringify(change.oldInputs?.[s.input] ?? null)} → ${JSON.stringify(s.unsafe)}`),
          recommendation: `Keep ${disabled.map((s) => s.input).join(", ")} at the safe value on the ${kind.label}. Switch a safeguard off only in a reviewed change that does nothing else, right before a planned removal.`,
          source: "rules",
        },
      ];
    });
  },
};
