import { DeleteOutcome, deleteOutcome } from "../../policies/knowledge/stateful-types";
import type { StackKind } from "../../policies/model";
import { Change } from "../changes/change";
import { RiskSeverity } from "./finding";
import { worseningConditions } from "./worsening-conditions";

const STEP_UP: Readonly<Record<RiskSeverity, RiskSeverity>> = { low: "medium", medium: "high", high: "critical", critical: "critical" };

/** What a delete (or the delete half of a replacement) of `change` does to its data, or undefined when it holds none. */
export interface DataLossAssessment {
  readonly outcome: DeleteOutcome;
  readonly severity: RiskSeverity;
  /** "deletes every object in it", "fails half-way if …", "deletes the secret value (…)". */
  readonly consequence: string;
  readonly evidence: string[];
}

/**
 * Severity by stack kind: a loss is high in prod and dr, medium in dev; a recoverable loss (recovery
 * window) or a refused delete (non-empty bucket without forceDestroy) one step lower; anything that
 * makes it worse (no final snapshot, protection off, forceDestroy) one step higher.
 */
export function assessDataLoss(change: Change, stackKind: StackKind): DataLossAssessment | undefined {
  const outcome = deleteOutcome(change.type, change.oldInputs, ...(change.op === "replace" ? [change.newInputs] : []));
  if (!outcome) return undefined;
  const production = stackKind !== "dev";
  const conditions = worseningConditions(change);
  if (outcome.outcome === "failure-if-not-empty") {
    const refusal = outcome.kind.refusal!;
    return {
      outcome,
      severity: production ? "medium" : "low",
      consequence: `fails half-way if it is not empty: ${refusal.fails}`,
      evidence: [`${refusal.forceInput} is not true`, ...conditions],
    };
  }
  const base: RiskSeverity = outcome.recoverable ? (production ? "medium" : "low") : production ? "high" : "medium";
  const window = outcome.recoverable ? ` (${outcome.kind.recoveryWindow!.text})` : "";
  return { outcome, severity: conditions.length > 0 ? STEP_UP[base] : base, consequence: `deletes ${outcome.kind.loses}${window}`, evidence: conditions };
}
