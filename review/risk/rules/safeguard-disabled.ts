import { PlanValue } from "../../plan/model";
import { findingId, Finding } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind } from "../../../policies/knowledge/stateful-types";

const SAFEGUARDS: readonly { readonly input: string; readonly unsafe: PlanValue; readonly meaning: string }[] = [
  { input: "deletionProtection", unsafe: false, meaning: "AWS will no longer refuse to delete it" },
  { input: "skipFinalSnapshot", unsafe: true, meaning: "no final snapshot will be taken when it is deleted" },
  { input: "forceDestroy", unsafe: true, meaning: "deleting it will delete every object in it" },
];

/** An update (not yet a delete) that switches off a safeguard of a stateful resource. */
export const safeguardDisabled: RiskRule = {
  id: "safeguard-disabled",
  category: "data-loss",
  description: "deletionProtection is turned off, skipFinalSnapshot turned on or forceDestroy turned on for a stateful resource that stays.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op !== "update" && change.op !== "same") return [];
      const disabled = SAFEGUARDS.filter((s) => change.newInputs?.[s.input] === s.unsafe && change.oldInputs?.[s.input] !== s.unsafe);
      if (disabled.length === 0) return [];
      const kind = statefulKind(change.type);
      if (!kind) return [];
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
