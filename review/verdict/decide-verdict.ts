import { ExitCode } from "../../cli/exit-codes";
import type { StackKind } from "../../policies/model";
import { Finding, severityRank } from "../risk/finding";
import { GATE_THRESHOLDS, GateThresholds } from "./gate-thresholds";

export type Verdict = "pass" | "warn" | "block";

/** Exit codes of the gate (cli/exit-codes.ts): pass and warn succeed (warnings are printed), block is a problem found. */
export const EXIT_CODES: Readonly<Record<Verdict, ExitCode>> = { pass: ExitCode.Success, warn: ExitCode.Success, block: ExitCode.Problem };

export interface GateDecision {
  readonly verdict: Verdict;
  /** Ids of findings that block (not approved). */
  readonly blocking: string[];
  /** Ids of findings that would block but were approved with `--approve`. */
  readonly approved: string[];
  /** Approval ids that match no blocking finding (typos, or findings that went away). */
  readonly unmatchedApprovals: string[];
}

/** The verdict of a review: a pure function of the findings, the stack kind and the approvals. */
export function decideVerdict(findings: readonly Finding[], kind: StackKind, approvals: readonly string[] = [], thresholds: GateThresholds = GATE_THRESHOLDS[kind] ?? GATE_THRESHOLDS.prod): GateDecision {
  const wouldBlock = findings.filter((f) => {
    const at = thresholds.blockAt[f.category];
    return at !== undefined && severityRank(f.severity) >= severityRank(at);
  });
  const approvalSet = new Set(approvals);
  const approved = wouldBlock.filter((f) => approvalSet.has(f.id)).map((f) => f.id);
  const blocking = wouldBlock.filter((f) => !approvalSet.has(f.id)).map((f) => f.id);
  const warns = findings.some((f) => !approved.includes(f.id) && severityRank(f.severity) >= severityRank(thresholds.warnAt)) || approved.length > 0;
  const verdict: Verdict = blocking.length > 0 ? "block" : warns ? "warn" : "pass";
  const blockIds = new Set(wouldBlock.map((f) => f.id));
  return { verdict, blocking, approved, unmatchedApprovals: approvals.filter((id) => !blockIds.has(id)) };
}
