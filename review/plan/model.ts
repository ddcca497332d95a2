/**
 * The offline plan: what `icna review` records when it runs the stack program under the SDK's mocks
 * in preview mode, and what `icna review --json` and `--out <dir>/plan.json` print.
 */

import type { CredentialFinding } from "../../policies/knowledge/credentials";

/** An input whose value the engine would only know after `pulumi up` (a preview's "computed" value). */
export const UNKNOWN = "[unknown]";
/** A secret input: its value never leaves the process. */
export const SECRET = "[secret]";

/** A JSON value in a plan, with UNKNOWN and SECRET markers in place of values nobody may read. */
export type PlanValue = string | number | boolean | null | PlanValue[] | { [key: string]: PlanValue };

/** One registered resource: a custom resource, a local component, or a remote component (e.g. `eks:index:Cluster`). */
export interface PlanResource {
  readonly urn: string;
  /** Pulumi type token, e.g. `aws:ec2/vpc:Vpc`, `eks:index:Cluster`, `icna:components:Network`. */
  readonly type: string;
  /** Logical name. */
  readonly name: string;
  /** Parent URN; the stack resource has none. */
  readonly parent?: string;
  /** Inputs as registered; resource references appear as the referenced URN. */
  readonly inputs: Record<string, PlanValue>;
  /** URNs this resource depends on (explicit and through its inputs). */
  readonly dependencies: string[];
  /** URNs each top-level input depends on (what the engine also receives), when any. */
  readonly propertyDependencies?: Record<string, string[]>;
  /** The `protect` resource option. */
  readonly protect: boolean;
  /** True for provider-managed (custom) resources, false for components. */
  readonly custom: boolean;
  /** True for components implemented by a provider plugin (multi-language components such as @pulumi/eks v4). */
  readonly remote: boolean;
  /** Provider reference `urn::id` when one was chosen explicitly. */
  readonly provider?: string;
  readonly deleteBeforeReplace?: boolean;
  readonly retainOnDelete?: boolean;
  readonly ignoreChanges?: string[];
  readonly additionalSecretOutputs?: string[];
  /** Plaintext credentials found in the inputs when recorded (paths and kinds only: the values are `[redacted]`). */
  readonly credentials?: readonly CredentialFinding[];
}

export interface OfflinePlan {
  readonly project: string;
  readonly stack: string;
  /** How the plan was made: always "offline-mocks-preview" for `icna review --stack`. */
  readonly source: "offline-mocks-preview";
  readonly resources: PlanResource[];
  /** Stack outputs as far as a preview knows them. */
  readonly outputs: Record<string, PlanValue>;
}
