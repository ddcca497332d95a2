import type { GateDecision } from "../review/verdict/decide-verdict";
import { CliError } from "./cli-error";
import { ExitCode } from "./exit-codes";

/** The part of a review that `--approve` acts on. */
export interface ApprovableReview {
  readonly gate: Pick<GateDecision, "blocking" | "approved" | "unmatchedApprovals">;
  readonly findings: ReadonlyArray<{ readonly id: string }>;
}

/**
 * Refuses `--approve` ids that approve nothing: a typo, a finding that went away, or one that does not
 * block. Without this a mistyped id is silently ignored and the operator believes a finding was approved.
 */
export function assertApprovalsMatch(review: ApprovableReview): void {
  const unmatched = review.gate.unmatchedApprovals;
  if (unmatched.length === 0) return;
  const findingIds = new Set(review.findings.map((f) => f.id));
  const approvable = [...review.gate.blocking, ...review.gate.approved];
  const what = unmatched.map((id) => (findingIds.has(id) ? `"${id}" (that finding does not block)` : `"${id}" (no such finding)`)).join(", ");
  const valid = approvable.length > 0 ? `the ids that can be approved here: ${approvable.join(", ")}` : "nothing in this review blocks, so there is nothing to approve";
  throw new CliError(`--approve ${what} approves nothing; ${valid}. Correct or remove the id.`, ExitCode.Usage);
}
