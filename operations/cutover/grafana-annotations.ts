import type { CutoverLogEntry } from "./cutover-log";

/** Tag on every annotation a cutover writes; the kind tags below tell the dashboard's annotation queries apart. */
export const CUTOVER_TAG = "icna-cutover";
/** Start, resume, each traffic shift, completion and refusal. */
export const CUTOVER_STEP_TAG = "icna-cutover-step";
/** A judged interval (a region over the interval), with its score and each metric's outcome. */
export const CUTOVER_JUDGE_TAG = "icna-cutover-judge";
export const CUTOVER_ROLLBACK_TAG = "icna-cutover-rollback";

/** Environment variable holding the Grafana service-account token (never in the rollout config). */
export const GRAFANA_TOKEN_ENV = "ICNA_GRAFANA_TOKEN";

/** The body of Grafana's `POST /api/annotations`: an organisation annotation (no dashboard), found by its tags. */
export interface GrafanaAnnotation {
  /** Epoch ms. */
  readonly time: number;
  /** Epoch ms; present for a region. */
  readonly timeEnd?: number;
  readonly tags: readonly string[];
  readonly text: string;
}

/** The annotation of a cutover log entry. */
export function annotationOf(entry: CutoverLogEntry): GrafanaAnnotation {
  const at = Date.parse(entry.at);
  const tags = (kindTag: string) => [CUTOVER_TAG, kindTag, `stack:${entry.stack}`, `to:${entry.to}`, entry.kind];
  const weights = (w: { blue: number; green: number }) => `blue ${w.blue} / green ${w.green}`;
  const prefix = `${entry.stack} → ${entry.to}:`;
  switch (entry.kind) {
    case "start":
      return { time: at, tags: tags(CUTOVER_STEP_TAG), text: `${prefix} cutover started from ${weights(entry.from)} (live ${entry.live}), steps ${entry.steps.join(", ")}%` };
    case "resume":
      return { time: at, tags: tags(CUTOVER_STEP_TAG), text: `${prefix} cutover resumed at step ${entry.atStep + 1} from ${weights(entry.weights)}` };
    case "refused":
      return { time: at, tags: tags(CUTOVER_STEP_TAG), text: `${prefix} cutover refused: ${entry.reason}` };
    case "shift":
      return { time: at, tags: tags(CUTOVER_STEP_TAG), text: `${prefix} step ${entry.step + 1}: ${entry.percent}% on ${entry.to} (${weights(entry.weights)})` };
    case "judge": {
      const { judgement } = entry;
      const metrics = judgement.metrics.map((m) => `${m.name} ${m.outcome}${m.changePercent === undefined ? "" : ` (${m.changePercent >= 0 ? "+" : ""}${m.changePercent.toFixed(1)}%)`}`).join("; ");
      return { time: Date.parse(entry.window.start), timeEnd: Date.parse(entry.window.end), tags: [...tags(CUTOVER_JUDGE_TAG), judgement.verdict], text: `${prefix} step ${entry.step + 1} judged ${judgement.verdict}, score ${judgement.score.toFixed(0)}/100: ${metrics}` };
    }
    case "rollback":
      return { time: at, tags: tags(CUTOVER_ROLLBACK_TAG), text: `${prefix} ROLLED BACK to ${weights(entry.weights)} (live ${entry.live}): ${entry.reason}` };
    case "complete":
      return { time: at, tags: tags(CUTOVER_STEP_TAG), text: `${prefix} cutover complete, ${entry.live} live (${weights(entry.weights)})` };
  }
}

/** Where a cutover's decisions go besides its log. */
export interface CutoverEventSink {
  /** Queues an entry; never throws and never waits. */
  send(entry: CutoverLogEntry): void;
  /** Waits for everything queued to be delivered or given up on. */
  flush(): Promise<void>;
}

export interface GrafanaAnnotationsOptions {
  /** Grafana's base URL, e.g. `https://grafana.example.com` (a sub-path is kept). */
  readonly url: string;
  /** A service-account token allowed `annotations:create` (role Editor). */
  readonly token: string;
  /** Told, once per failure, what could not be annotated and why; the cutover goes on. */
  readonly warn: (line: string) => void;
  /** Per request. @default 5000 */
  readonly timeoutMs?: number;
}

/**
 * Writes each cutover decision as a Grafana annotation through Grafana's HTTP API (`POST /api/annotations`,
 * bearer token). The cutover runs from CI or a laptop, where Prometheus cannot scrape it; the JSON-lines log
 * stays the audit trail, so a Grafana that cannot be reached costs a warning, never the cutover.
 */
export class GrafanaAnnotations implements CutoverEventSink {
  private readonly pending: Promise<void>[] = [];
  private readonly endpoint: string;

  constructor(private readonly options: GrafanaAnnotationsOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, "")}/api/annotations`;
  }

  send(entry: CutoverLogEntry): void {
    this.pending.push(this.post(annotationOf(entry)).catch((error: unknown) => this.options.warn(`Grafana annotation of "${entry.kind}" not written (${this.endpoint}): ${error instanceof Error ? error.message : String(error)}; the cutover log has it`)));
  }

  async flush(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }

  private async post(annotation: GrafanaAnnotation): Promise<void> {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: `Bearer ${this.options.token}` },
      body: JSON.stringify(annotation),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    if (response.ok) return;
    const detail = (await response.text().catch(() => "")).slice(0, 200);
    const fix = response.status === 401 ? `: ${GRAFANA_TOKEN_ENV} is not a valid token` : response.status === 403 ? ": the token's service account needs annotations:create (role Editor)" : "";
    throw new Error(`HTTP ${response.status}${fix}${detail ? ` (${detail})` : ""}`);
  }
}
