import type { CredentialFinding } from "../../policies/knowledge/credentials";
import { PlanValue } from "../plan/model";

/**
 * Step operations as the Pulumi engine names them (sdk/go/common/apitype OpType). A replacement
 * reaches us as up to three steps (create-replacement, replace, delete-replaced); the change model
 * folds them into one `replace` change and keeps the raw steps in `steps`.
 */
export const CHANGE_OPS = [
  "create",
  "update",
  "replace",
  "delete",
  "create-replacement",
  "delete-replaced",
  "same",
  "read",
  "read-replacement",
  "refresh",
  "import",
  "import-replacement",
  "discard",
  "discard-replaced",
  "remove-pending-replace",
] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** Ops that change nothing in the cloud. */
export const NO_OP_OPS: ReadonlySet<ChangeOp> = new Set(["same", "read", "refresh", "discard", "discard-replaced"]);

/** One resource's planned change, whatever format it was read from. */
export interface Change {
  /** The logical operation: `replace` for any replacement, otherwise the engine's op. */
  readonly op: ChangeOp;
  /** The raw engine steps behind this change, in engine order (e.g. create-replacement, replace, delete-replaced). */
  readonly steps: readonly ChangeOp[];
  readonly urn: string;
  /** Pulumi type token, e.g. `aws:rds/instance:Instance`. */
  readonly type: string;
  /** Logical name (the last URN segment). */
  readonly name: string;
  readonly parent?: string;
  /** Inputs before the change (absent for creates). Unknown and secret values are markers, never guesses. */
  readonly oldInputs?: Record<string, PlanValue>;
  /** Inputs after the change (absent for deletes). */
  readonly newInputs?: Record<string, PlanValue>;
  /** Property paths that differ, e.g. `ingress[0].cidrBlocks[0]`, `vpcConfig.endpointPublicAccess`. */
  readonly changedPaths: readonly string[];
  /** Property paths that force a replacement. */
  readonly replaceReasons: readonly string[];
  /** Provider reference (`<provider urn>::<id>`), when known. */
  readonly provider?: string;
  /** URNs this resource depends on, when the input format carries them. */
  readonly dependencies: readonly string[];
  /** URNs each top-level input depends on, when the input format records them (offline plans, `--json` states): where an unknown value comes from. */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  readonly protect: { readonly old?: boolean; readonly new?: boolean };
  /** True when the old resource is deleted before its replacement exists. */
  readonly deleteBeforeReplace: boolean;
  readonly retainOnDelete: boolean;
  /** True for provider-managed resources, false for components. */
  readonly custom: boolean;
  /** Plaintext credentials found in the inputs when they were loaded or recorded; their values are `[redacted]` in the inputs. */
  readonly credentials?: readonly CredentialFinding[];
}

/** A CrossGuard policy result carried by the input (event logs carry them; `--json` drops them). */
export interface EnginePolicyEvent {
  readonly resourceUrn?: string;
  readonly message: string;
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  /** warning, mandatory, remediate or none. */
  readonly enforcementLevel: string;
}

/** An engine diagnostic (warnings and errors of the preview itself). */
export interface EngineDiagnostic {
  readonly urn?: string;
  readonly severity: string;
  readonly message: string;
}

/** Where a change set came from. */
export type ChangeSource = "preview-json" | "event-log" | "automation-events" | "offline-plan" | "offline-plan-diff";

/** Every change of one preview, plus what the engine said alongside. */
export interface ChangeSet {
  readonly source: ChangeSource;
  readonly changes: Change[];
  readonly policyEvents: EnginePolicyEvent[];
  readonly diagnostics: EngineDiagnostic[];
  /** The engine's own counts by op, when the input carries them. */
  readonly engineSummary?: Partial<Record<string, number>>;
  /** True when the input came from a preview that failed part-way: the change list may be incomplete. */
  readonly incomplete: boolean;
  /** `aws:region` from the preview's own config (the digest's `config`, the prelude event), when present. */
  readonly region?: string;
}

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>` → name (names may contain `::`-free text only). */
export function nameFromUrn(urn: string): string {
  const at = urn.lastIndexOf("::");
  return at >= 0 ? urn.slice(at + 2) : urn;
}

/** The resource's own type from a URN's qualified type (`parent$child` → child). */
export function typeFromUrn(urn: string): string {
  const parts = urn.split("::");
  const qualified = parts.length >= 4 ? parts[parts.length - 2] : "";
  const dollar = qualified.lastIndexOf("$");
  return dollar >= 0 ? qualified.slice(dollar + 1) : qualified;
}

/** Provider reference `urn::id` → the provider's URN. */
export function providerUrn(reference: string | undefined): string | undefined {
  if (!reference) return undefined;
  const at = reference.lastIndexOf("::");
  if (at < 0) return reference;
  const tail = reference.slice(at + 2);
  // A reference ends with the provider's id (a UUID or "[unknown]"); a bare URN ends with the provider's name.
  return /^[0-9a-f-]{36}$|^\[unknown\]$|^04da6b54/.test(tail) ? reference.slice(0, at) : reference;
}

/** Counts of changes by op (the JSON contract's `changes` object). */
export function countByOp(changes: readonly Change[]): Partial<Record<ChangeOp, number>> {
  const counts: Partial<Record<ChangeOp, number>> = {};
  for (const change of changes) counts[change.op] = (counts[change.op] ?? 0) + 1;
  return counts;
}
