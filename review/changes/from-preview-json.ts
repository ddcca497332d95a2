import { redactChangeSet } from "./redact-change-set";
import { ChangeSet, EngineDiagnostic } from "./change";
import { foldSteps, RawState, RawStep } from "./fold-steps";
import { PreviewInputError } from "./preview-input-error";
import { isObject, JsonObject, optionalObject, optionalString, optionalStringList, requiredString } from "./shape-checks";

/**
 * `pulumi preview --json` (display.PreviewDigest in pulumi/pulumi pkg/display/json.go):
 * `{config, steps: [{op, urn, provider, oldState, newState, diffReasons, replaceReasons, detailedDiff}],
 * diagnostics, duration, changeSummary}`, states being apitype.ResourceV3. It carries no policy events.
 */
export function changesFromPreviewJson(document: JsonObject, label: string): ChangeSet {
  const rawSteps = document.steps ?? [];
  if (!Array.isArray(rawSteps)) throw new PreviewInputError(`${label}: "steps" must be a list of preview steps`);
  const steps = rawSteps.map((step, i) => readStep(step, `steps[${i}]`, label));
  const diagnostics: EngineDiagnostic[] = [];
  const rawDiagnostics = Array.isArray(document.diagnostics) ? document.diagnostics : [];
  for (const d of rawDiagnostics) {
    if (isObject(d) && typeof d.message === "string") diagnostics.push({ urn: typeof d.urn === "string" ? d.urn : undefined, severity: String(d.severity ?? "info"), message: d.message });
  }
  const changes = foldSteps(steps, (op, urn) => diagnostics.push({ urn, severity: "warning", message: `unknown step op "${op}" (newer Pulumi?) reviewed as an update` }));
  const summary = isObject(document.changeSummary) ? (document.changeSummary as Record<string, number>) : undefined;
  return redactChangeSet({
    source: "preview-json",
    changes,
    policyEvents: [],
    diagnostics,
    engineSummary: summary,
    incomplete: diagnostics.some((d) => d.severity === "error"),
    region: isObject(document.config) && typeof document.config["aws:region"] === "string" ? document.config["aws:region"] : undefined,
  });
}

function readStep(step: unknown, where: string, label: string): RawStep {
  if (!isObject(step)) throw new PreviewInputError(`${label}: ${where} must be an object with op and urn`);
  return {
    op: requiredString(step, "op", where, label),
    urn: requiredString(step, "urn", where, label),
    provider: optionalString(step, "provider", where, label),
    old: readState(optionalObject(step, "oldState", where, label)),
    new: readState(optionalObject(step, "newState", where, label)),
    diffs: optionalStringList(step, "diffReasons", where, label),
    replaceKeys: optionalStringList(step, "replaceReasons", where, label),
    detailedDiff: optionalObject(step, "detailedDiff", where, label) as RawStep["detailedDiff"],
  };
}

/** Shared by both formats: a state object is read leniently, its inputs kept as the engine wrote them. */
export function readState(state: JsonObject | undefined): RawState | undefined {
  if (!state) return undefined;
  const text = (key: string) => (typeof state[key] === "string" ? (state[key] as string) : undefined);
  return {
    type: text("type"),
    urn: text("urn"),
    custom: state.custom === true,
    parent: text("parent"),
    protect: state.protect === true,
    retainOnDelete: state.retainOnDelete === true,
    inputs: state.inputs ?? (state.type !== undefined ? {} : undefined),
    dependencies: state.dependencies,
    propertyDependencies: state.propertyDependencies,
    provider: text("provider"),
  };
}
