import * as fs from "node:fs";
import { ChangeSet } from "./change";
import { changesFromEngineEvents, isEngineEvent, LocatedEvent } from "./from-engine-events";
import { changesFromOfflinePlan } from "./from-offline-plan";
import { changesFromPreviewJson } from "./from-preview-json";
import { parseJsonStream } from "./json-stream";
import { lineCounter, PreviewInputError, positionOf } from "./preview-input-error";
import { readOfflinePlan } from "./read-offline-plan";
import { isObject } from "./shape-checks";

const FORMATS =
  "`pulumi preview --json` output, a `pulumi preview --event-log` file, a JSON array of Automation API events, or `icna review --json` output";

/** Reads any supported preview format from text; `label` (usually the file name) prefixes every error. */
export function parseChangeSet(text: string, label: string): ChangeSet {
  const values = parseJsonStream(text, label);
  if (values.length === 0) throw new PreviewInputError(`${label} is empty: expected ${FORMATS}`);
  const at = (offset: number) => {
    const { line, column } = positionOf(text, offset);
    return `${label}:${line}:${column}`;
  };

  if (values.length === 1) {
    const { value } = values[0];
    if (Array.isArray(value)) {
      const events = value.map((event, i): LocatedEvent => {
        if (!isEngineEvent(event)) throw new PreviewInputError(`${label}: [${i}] is not a Pulumi engine event (expected one of resourcePreEvent, summaryEvent, … as Automation API onEvent delivers them)`);
        return { event, where: `[${i}]` };
      });
      return changesFromEngineEvents(events, "automation-events", label);
    }
    if (isObject(value)) {
      if (Array.isArray(value.steps) || isObject(value.changeSummary)) return changesFromPreviewJson(value, label);
      if (Array.isArray(value.events)) {
        const events = value.events.map((event, i): LocatedEvent => {
          if (!isEngineEvent(event)) throw new PreviewInputError(`${label}: events[${i}] is not a Pulumi engine event`);
          return { event, where: `events[${i}]` };
        });
        return changesFromEngineEvents(events, "automation-events", label);
      }
      if (Array.isArray(value.resources)) return changesFromOfflinePlan(readOfflinePlan(value, label));
      if (isEngineEvent(value)) return changesFromEngineEvents([{ event: value, where: at(values[0].offset) }], "event-log", label);
      const keys = Object.keys(value).slice(0, 6).join(", ") || "none";
      throw new PreviewInputError(`${label}: not a format the review reads (top-level keys: ${keys}); expected ${FORMATS}`);
    }
    throw new PreviewInputError(`${label}: a single JSON ${typeof value} is not a preview; expected ${FORMATS}`);
  }

  const lineOf = lineCounter(text);
  const events = values.map(({ value, offset }): LocatedEvent => {
    if (!isEngineEvent(value)) throw new PreviewInputError(`${at(offset)}: this value is not a Pulumi engine event, but the file holds several JSON values, which only an event log may; expected ${FORMATS}`);
    return { event: value, where: `line ${lineOf(offset)}` };
  });
  return changesFromEngineEvents(events, "event-log", label);
}

/** Reads a preview file; a missing or unreadable file is an input error, not a crash. */
export function loadChangeSet(file: string): ChangeSet {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new PreviewInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseChangeSet(text, file);
}
