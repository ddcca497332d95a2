import type { StackKind } from "../../policies/model";
import { RiskCategory, RiskSeverity } from "../risk/finding";

/** When a stack's review blocks or warns. */
export interface GateThresholds {
  /** A finding at or above this severity in its category blocks (unless approved by id). Categories absent never block. */
  readonly blockAt: Readonly<Partial<Record<RiskCategory, RiskSeverity>>>;
  /** Any unapproved finding at or above this severity makes the verdict at least `warn`. */
  readonly warnAt: RiskSeverity;
}

const PRODUCTION: GateThresholds = {
  blockAt: { "data-loss": "high", "security-exposure": "high", "iam-escalation": "high", policy: "high", downtime: "critical", uncertainty: "critical", cost: "critical" },
  warnAt: "medium",
};

/** Per stack kind: prod and dr (production safeguards) block on any high data-loss, exposure, IAM or mandatory policy finding; dev only on critical exposure, IAM or policy. */
export const GATE_THRESHOLDS: Readonly<Record<StackKind, GateThresholds>> = {
  prod: PRODUCTION,
  dr: PRODUCTION,
  dev: { blockAt: { "security-exposure": "critical", "iam-escalation": "critical", policy: "critical" }, warnAt: "medium" },
};
