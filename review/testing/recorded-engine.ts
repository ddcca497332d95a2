import * as fs from "node:fs";
import { parseJsonStream } from "../changes/json-stream";
import { DeployEngine, EngineEventJson, PreviewRequest, UpRequest } from "../../operations/deploy/deploy-engine";

/** A DeployEngine that replays a recorded engine event log, for testing the deploy orchestration. */
export class RecordedEngine implements DeployEngine {
  readonly calls: { op: "preview" | "up"; request: PreviewRequest | UpRequest }[] = [];
  private readonly events: EngineEventJson[];

  constructor(eventLog: string) {
    this.events = parseJsonStream(fs.readFileSync(eventLog, "utf8"), eventLog).map((v) => v.value as EngineEventJson);
  }

  async preview(request: PreviewRequest): Promise<void> {
    this.calls.push({ op: "preview", request });
    for (const event of this.events) request.onEvent(event);
    fs.writeFileSync(request.planPath, JSON.stringify({ manifest: { magic: "recorded" }, resourcePlans: {} }));
  }

  async up(request: UpRequest): Promise<{ summary: Record<string, number> }> {
    this.calls.push({ op: "up", request });
    const summary = this.events.map((e) => e.summaryEvent as { resourceChanges?: Record<string, number> } | undefined).find((s) => s?.resourceChanges)?.resourceChanges ?? {};
    return { summary };
  }
}
