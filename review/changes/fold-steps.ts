import { PlanValue } from "../plan/model";
import { Change, CHANGE_OPS, ChangeOp, nameFromUrn, typeFromUrn } from "./change";
import { inputsFromEngine } from "./engine-values";
import { diffPaths } from "./property-paths";

/** A resource state as both `--json` (apitype.ResourceV3) and engine events (StepEventStateMetadata) carry it. */
export interface RawState {
  readonly type?: string;
  readonly urn?: string;
  readonly custom?: boolean;
  readonly parent?: string;
  readonly protect?: boolean;
  readonly retainOnDelete?: boolean;
  readonly inputs?: unknown;
  readonly dependencies?: unknown;
  readonly propertyDependencies?: unknown;
  readonly provider?: string;
}

/** One engine step, from either format. */
export interface RawStep {
  readonly op: string;
  readonly urn: string;
  readonly type?: string;
  readonly provider?: string;
  readonly old?: RawState | null;
  readonly new?: RawState | null;
  /** `diffReasons` (--json) or `diffs` (events). */
  readonly diffs?: readonly string[];
  /** `replaceReasons` (--json) or `keys` (events). */
  readonly replaceKeys?: readonly string[];
  /** Per-path diff; the kind is `kind` in --json and `diffKind` in events. */
  readonly detailedDiff?: Record<string, { kind?: string; diffKind?: string }> | null;
}

const REPLACEMENT_STEPS: ReadonlySet<string> = new Set(["replace", "create-replacement", "delete-replaced"]);

/** Folds engine steps into one change per URN, in the order resources first appear. Unknown ops are reported through `onUnknownOp`. */
export function foldSteps(steps: readonly RawStep[], onUnknownOp: (op: string, urn: string) => void): Change[] {
  const groups = new Map<string, RawStep[]>();
  for (const step of steps) {
    const group = groups.get(step.urn);
    if (group) group.push(step);
    else groups.set(step.urn, [step]);
  }
  return [...groups.entries()].map(([urn, group]) => foldGroup(urn, group, onUnknownOp));
}

function asOp(op: string, urn: string, onUnknownOp: (op: string, urn: string) => void): ChangeOp {
  if ((CHANGE_OPS as readonly string[]).includes(op)) return op as ChangeOp;
  onUnknownOp(op, urn);
  return "update";
}

function foldGroup(urn: string, group: readonly RawStep[], onUnknownOp: (op: string, urn: string) => void): Change {
  const steps = dedupe(group.map((s) => asOp(s.op, urn, onUnknownOp)));
  const op: ChangeOp = steps.some((s) => REPLACEMENT_STEPS.has(s)) ? "replace" : steps[0];
  const primary = group.find((s) => s.op === op) ?? group[0];
  const oldState = group.map((s) => s.old).find((s): s is RawState => !!s && s.inputs !== undefined) ?? group.map((s) => s.old).find((s): s is RawState => !!s);
  const newState = group.map((s) => s.new).find((s): s is RawState => !!s && s.inputs !== undefined) ?? group.map((s) => s.new).find((s): s is RawState => !!s);
  const oldInputs = op === "create" ? undefined : inputsFromEngine(oldState?.inputs);
  const newInputs = op === "delete" ? undefined : inputsFromEngine(newState?.inputs);

  const detailed = group.flatMap((s) => Object.entries(s.detailedDiff ?? {}));
  const replaceReasons = dedupe([
    ...group.flatMap((s) => s.replaceKeys ?? []),
    ...detailed.filter(([, d]) => (d.kind ?? d.diffKind ?? "").endsWith("-replace")).map(([path]) => path),
  ]);
  let changedPaths = dedupe(detailed.length > 0 ? detailed.map(([path]) => path) : group.flatMap((s) => s.diffs ?? []));
  if (changedPaths.length === 0 && (op === "update" || op === "replace") && oldInputs && newInputs) {
    changedPaths = diffPaths(oldInputs as PlanValue, newInputs as PlanValue);
  }

  const deleteAt = steps.indexOf("delete-replaced");
  const createAt = steps.indexOf("create-replacement");
  const state = newState ?? oldState;
  return {
    op,
    steps,
    urn,
    type: primary.type || state?.type || typeFromUrn(urn),
    name: nameFromUrn(urn),
    parent: state?.parent || undefined,
    oldInputs,
    newInputs,
    changedPaths,
    replaceReasons,
    provider: primary.provider || state?.provider || undefined,
    dependencies: stringList(newState?.dependencies ?? oldState?.dependencies),
    ...propertyDependenciesOf(newState?.propertyDependencies ?? oldState?.propertyDependencies),
    protect: { old: oldState ? oldState.protect === true : undefined, new: newState ? newState.protect === true : undefined },
    deleteBeforeReplace: deleteAt >= 0 && createAt >= 0 && deleteAt < createAt,
    retainOnDelete: (oldState ?? newState)?.retainOnDelete === true,
    custom: state?.custom === true,
  };
}

function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function propertyDependenciesOf(value: unknown): Pick<Change, "propertyDependencies"> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const entries = Object.entries(value).map(([key, urns]) => [key, stringList(urns)] as const);
  return entries.length > 0 ? { propertyDependencies: Object.fromEntries(entries) } : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
