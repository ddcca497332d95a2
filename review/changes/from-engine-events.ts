import { redactChangeSet } from "./redact-change-set";
import { ChangeSet, ChangeSource, EngineDiagnostic, EnginePolicyEvent } from "./change";
import { foldSteps, RawStep } from "./fold-steps";
import { readState } from "./from-preview-json";
import { PreviewInputError } from "./preview-input-error";
import { isObject, JsonObject, optionalObject, optionalString, optionalStringList, requiredString } from "./shape-checks";

/** The event kinds of apitype.EngineEvent (sdk/go/common/apitype/events.go); exactly one is set per event. */
export const ENGINE_EVENT_KINDS = [
  "cancelEvent",
  "stdoutEvent",
  "diagnosticEvent",
  "preludeEvent",
  "summaryEvent",
  "resourcePreEvent",
  "resOutputsEvent",
  "resOpFailedEvent",
  "policyEvent",
  "policyRemediationEvent",
  "policyLoadEvent",
  "policyAnalyzeSummaryEvent",
  "policyRemediateSummaryEvent",
  "policyAnalyzeStackSummaryEvent",
  "startDebuggingEvent",
  "progressEvent",
  "errorEvent",
] as const;

/** True when a JSON value is an engine event (by its event key; `sequence` alone also counts, for kinds newer than this list). */
export function isEngineEvent(value: unknown): value is JsonObject {
  return isObject(value) && (ENGINE_EVENT_KINDS.some((kind) => kind in value) || typeof value.sequence === "number");
}

/** A located event: the value and a human label of where it sits in the input (`line 12`, `[3]`). */
export interface LocatedEvent {
  readonly event: JsonObject;
  readonly where: string;
}

/**
 * Engine events (an `--event-log` file, or Automation API `onEvent` events collected into an array)
 * → one change set. Steps come from resourcePreEvent (resOutputsEvent only fills in a step the log
 * lacks); policy events and diagnostics are kept; events are ordered by their sequence number.
 */
export function changesFromEngineEvents(events: readonly LocatedEvent[], source: ChangeSource, label: string): ChangeSet {
  const ordered = [...events].sort((a, b) => sequenceOf(a.event) - sequenceOf(b.event));
  const preSteps: RawStep[] = [];
  const outputSteps: RawStep[] = [];
  const policyEvents: EnginePolicyEvent[] = [];
  const diagnostics: EngineDiagnostic[] = [];
  let summary: Record<string, number> | undefined;
  let failed = false;
  let region: string | undefined;

  for (const { event, where } of ordered) {
    if (isObject(event.resourcePreEvent)) preSteps.push(readMetadata(event.resourcePreEvent, `${where}.resourcePreEvent`, label));
    else if (isObject(event.resOutputsEvent)) outputSteps.push(readMetadata(event.resOutputsEvent, `${where}.resOutputsEvent`, label));
    else if (isObject(event.resOpFailedEvent)) failed = true;
    else if (isObject(event.policyEvent)) policyEvents.push(readPolicyEvent(event.policyEvent, `${where}.policyEvent`, label));
    else if (isObject(event.diagnosticEvent)) {
      const d = event.diagnosticEvent;
      if (d.ephemeral !== true && typeof d.message === "string") diagnostics.push({ urn: typeof d.urn === "string" && d.urn ? d.urn : undefined, severity: String(d.severity ?? "info"), message: d.message.trim() });
    } else if (isObject(event.summaryEvent) && isObject(event.summaryEvent.resourceChanges)) summary = event.summaryEvent.resourceChanges as Record<string, number>;
    else if (isObject(event.preludeEvent) && isObject(event.preludeEvent.config) && typeof event.preludeEvent.config["aws:region"] === "string") region = event.preludeEvent.config["aws:region"];
    else if (isObject(event.errorEvent)) {
      failed = true;
      diagnostics.push({ severity: "error", message: String(event.errorEvent.error ?? "engine error") });
    }
  }

  const seen = new Set(preSteps.map((s) => `${s.urn}\u0000${s.op}`));
  const steps = [...preSteps, ...outputSteps.filter((s) => !seen.has(`${s.urn}\u0000${s.op}`))];
  const changes = foldSteps(steps, (op, urn) => diagnostics.push({ urn, severity: "warning", message: `unknown step op "${op}" (newer Pulumi?) reviewed as an update` }));
  return redactChangeSet({
    source,
    changes,
    policyEvents,
    diagnostics,
    engineSummary: summary,
    incomplete: failed || diagnostics.some((d) => d.severity === "error") || summary === undefined,
    region,
  });
}

function sequenceOf(event: JsonObject): number {
  return typeof event.sequence === "number" ? event.sequence : Number.MAX_SAFE_INTEGER;
}

function readMetadata(payload: JsonObject, where: string, label: string): RawStep {
  const metadata = optionalObject(payload, "metadata", where, label);
  if (!metadata) throw new PreviewInputError(`${label}: ${where}.metadata is missing; a resource event describes its step there`);
  const at = `${where}.metadata`;
  return {
    op: requiredString(metadata, "op", at, label),
    urn: requiredString(metadata, "urn", at, label),
    type: optionalString(metadata, "type", at, label),
    provider: optionalString(metadata, "provider", at, label),
    old: readState(optionalObject(metadata, "old", at, label)),
    new: readState(optionalObject(metadata, "new", at, label)),
    diffs: optionalStringList(metadata, "diffs", at, label),
    replaceKeys: optionalStringList(metadata, "keys", at, label),
    detailedDiff: optionalObject(metadata, "detailedDiff", at, label) as RawStep["detailedDiff"],
  };
}

function readPolicyEvent(event: JsonObject, where: string, label: string): EnginePolicyEvent {
  return {
    resourceUrn: optionalString(event, "resourceUrn", where, label) || undefined,
    message: optionalString(event, "message", where, label) ?? "",
    policyName: requiredString(event, "policyName", where, label),
    policyPackName: optionalString(event, "policyPackName", where, label) ?? "",
    policyPackVersion: optionalString(event, "policyPackVersion", where, label) ?? "",
    enforcementLevel: optionalString(event, "enforcementLevel", where, label) ?? "advisory",
  };
}
