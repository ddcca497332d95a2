import { Change, EngineDiagnostic, EnginePolicyEvent, nameFromUrn, providerUrn } from "../changes/change";
import type { PolicyViolation, StackKind } from "../../policies/model";

/** The stack under review. */
export interface StackRef {
  readonly name: string;
  readonly kind: StackKind;
}

/** Everything the risk engine reads. */
export interface RiskInput {
  readonly changes: readonly Change[];
  readonly stack: StackRef;
  /** Monthly cost delta per URN in USD, for the resources the cost model priced. */
  readonly monthlyCostDelta?: ReadonlyMap<string, number>;
  /** Violations from the offline policy engine (policies/evaluate.ts). */
  readonly policyViolations?: readonly PolicyViolation[];
  /** Policy events the engine reported in an event log. */
  readonly policyEvents?: readonly EnginePolicyEvent[];
  readonly diagnostics?: readonly EngineDiagnostic[];
  /** True when the preview failed part-way and the change list may be incomplete. */
  readonly incomplete?: boolean;
}

/** What every rule sees: the input plus indexes over the changes. */
export class RiskContext {
  readonly changes: readonly Change[];
  readonly stack: StackRef;
  readonly monthlyCostDelta: ReadonlyMap<string, number>;
  readonly policyViolations: readonly PolicyViolation[];
  readonly policyEvents: readonly EnginePolicyEvent[];
  readonly diagnostics: readonly EngineDiagnostic[];
  readonly incomplete: boolean;
  readonly byUrn: ReadonlyMap<string, Change>;
  private readonly dependents = new Map<string, string[]>();
  private readonly byProvider = new Map<string, string[]>();

  constructor(input: RiskInput) {
    const changes = input.changes;
    this.changes = changes;
    this.stack = input.stack;
    this.monthlyCostDelta = input.monthlyCostDelta ?? new Map();
    this.policyViolations = input.policyViolations ?? [];
    this.policyEvents = input.policyEvents ?? [];
    this.diagnostics = input.diagnostics ?? [];
    this.incomplete = input.incomplete ?? false;
    this.byUrn = new Map(changes.map((c) => [c.urn, c]));
    for (const change of changes) {
      const edges = new Set([...change.dependencies, ...(change.parent ? [change.parent] : [])]);
      for (const target of edges) push(this.dependents, target, change.urn);
      const provider = providerUrn(change.provider);
      if (provider) push(this.byProvider, provider, change.urn);
    }
  }

  /** Everything that depends on `urn` directly or transitively (through dependencies and parents), at most `limit` of them. */
  dependentsOf(urn: string, limit = Number.POSITIVE_INFINITY): string[] {
    const seen = new Set<string>();
    const queue = [urn];
    while (queue.length > 0 && seen.size < limit) {
      for (const next of this.dependents.get(queue.pop()!) ?? []) {
        if (!seen.has(next) && next !== urn) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return [...seen];
  }

  /** Resources whose explicit provider is `providerUrn`. */
  managedBy(provider: string): string[] {
    return this.byProvider.get(provider) ?? [];
  }

  /** The logical name of a URN, for titles. */
  nameOf(urn: string): string {
    return this.byUrn.get(urn)?.name ?? nameFromUrn(urn);
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
