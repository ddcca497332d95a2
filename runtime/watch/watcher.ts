import { explain } from "../detection/detect-series";
import { AnomalyEnsemble } from "../detection/ensemble";
import { durationMs } from "../prometheus/duration";
import { colourQuery, type Colour } from "../prometheus/colour-query";
import { PrometheusError, type PrometheusClient } from "../prometheus/prometheus-client";
import type { AlertmanagerClient, PostableAlert } from "./alertmanager-client";
import type { LogTriage, TriageReason } from "./log-triage";
import type { WatchConfig } from "./watch-config";
import type { WatchMetrics } from "./watch-metrics";

/** What one pass of the watcher did. */
export interface TickReport {
  readonly at: string;
  readonly prometheus: "up" | "down";
  /** Why Prometheus is considered down, when it is. */
  readonly outage?: string;
  /** New points scored in this pass. */
  readonly points: number;
  /** Signals (per colour) whose own query failed in this pass, with why; the others were scored. */
  readonly signalErrors: ReadonlyArray<{ readonly signal: string; readonly colour: Colour; readonly error: string }>;
  readonly alerts: readonly PostableAlert[];
  readonly alertDelivery: "sent" | "failed" | "none";
  /** Log triage run in this pass (for a new alert, or the periodic pattern scan), when the watcher has a log source. */
  readonly triage?: { readonly reason: TriageReason; readonly ok: boolean; readonly detail: string; readonly seconds: number };
}

interface Stream {
  readonly signal: WatchConfig["signals"][number];
  readonly colour: Colour;
  readonly ensemble: AnomalyEnsemble;
  /** Time (ms) of the newest point scored. */
  lastMs?: number;
}

/**
 * Reads each signal per colour from Prometheus every interval, scores the new points with the streaming
 * ensemble, exposes scores and expected bands as metrics, and sends anomalies to Alertmanager with their
 * explanation. During a Prometheus outage it keeps its state, says so (log and `icna_watch_prometheus_up`),
 * and catches up on the missed points when Prometheus answers again. With a log triage, each new alert
 * carries the top hypotheses from the cluster's logs (or why there are none), within the triage's deadline.
 */
export class Watcher {
  private readonly streams: Stream[];
  private readonly intervalMs: number;
  private readonly historyMs: number;
  private startedMs: number | undefined;
  private lastSuccessMs: number | undefined;
  /** Whether the last pass read Prometheus and scored at least one signal. */
  private scoring = false;
  /** Alerts Alertmanager did not accept yet; retried on the next pass. */
  private pending: PostableAlert[] = [];
  /** Per signal and colour: until when its alert is active (its last `endsAt`), and the triage annotations it carries while active. */
  private readonly active = new Map<string, { untilMs: number; notes: Record<string, string> }>();

  constructor(
    private readonly config: WatchConfig,
    private readonly prometheus: PrometheusClient,
    private readonly alertmanager: AlertmanagerClient,
    private readonly metrics: WatchMetrics,
    private readonly log: (line: string) => void = () => undefined,
    /** Log triage: attaches hypotheses to new alerts and refreshes the log-pattern metrics. @default none */
    private readonly triage?: LogTriage,
  ) {
    this.intervalMs = durationMs(config.interval);
    this.historyMs = durationMs(config.history);
    this.streams = config.signals.flatMap((signal) => config.colours.map((colour) => ({ signal, colour, ensemble: new AnomalyEnsemble() })));
  }

  /**
   * Ready when the last pass read Prometheus and scored at least one signal, no more than three
   * intervals ago; otherwise why not (for `/readyz`).
   */
  readiness(nowMs: number): { ready: boolean; reason: string } {
    if (this.lastSuccessMs === undefined) return { ready: false, reason: "no pass has read Prometheus yet" };
    if (!this.scoring) return { ready: false, reason: "the last pass scored no signal (Prometheus down, or every query failing: see the log)" };
    if (nowMs - this.lastSuccessMs > 3 * this.intervalMs) return { ready: false, reason: `no pass has scored since ${new Date(this.lastSuccessMs).toISOString()}` };
    return { ready: true, reason: "scoring" };
  }

  async tick(nowMs: number): Promise<TickReport> {
    this.startedMs ??= nowMs;
    const at = new Date(nowMs).toISOString();
    const alerts: PostableAlert[] = [];
    const signalErrors: { signal: string; colour: Colour; error: string }[] = [];
    let points = 0;
    for (const stream of this.streams) {
      const query = colourQuery(stream.signal.query, stream.colour);
      const fromMs = stream.lastMs !== undefined ? stream.lastMs + this.intervalMs : nowMs - this.historyMs;
      if (fromMs > nowMs) continue;
      let series;
      try {
        series = await this.prometheus.queryRange(query, fromMs, nowMs, this.intervalMs / 1000);
      } catch (error) {
        const labels = { signal: stream.signal.name, colour: stream.colour };
        if (error instanceof PrometheusError && error.kind !== "unreachable" && error.kind !== "timeout") {
          // The signal's own fault (a query Prometheus refuses, too many series, a malformed answer): the others are still scored.
          signalErrors.push({ ...labels, error: error.message });
          this.metrics.signalUp.set(labels, 0);
          this.metrics.signalErrors.inc(labels);
          this.log(`signal ${stream.signal.name} (${stream.colour}) not scored: ${error.message}`);
          continue;
        }
        const outage = error instanceof Error ? error.message : String(error);
        this.metrics.prometheusUp.set(0);
        const since = this.lastSuccessMs === undefined ? "start-up" : new Date(this.lastSuccessMs).toISOString();
        this.log(`Prometheus outage: ${outage}. Scores are stale since ${since}; the watcher keeps its state and will catch up when Prometheus answers.`);
        this.scoring = false;
        return { at, prometheus: "down", outage, points, signalErrors, alerts, alertDelivery: "none" };
      }
      this.metrics.signalUp.set({ signal: stream.signal.name, colour: stream.colour }, 1);
      if (series.length > 1) this.log(`signal ${stream.signal.name} (${stream.colour}) returned ${series.length} series; scoring the first: aggregate it in the query`);
      let worst: PostableAlert | undefined;
      let worstScore = -1;
      const first = series[0] ?? { timestampsMs: [], values: [] };
      for (const [i, timeMs] of first.timestampsMs.entries()) {
        const value = first.values[i];
        if (!Number.isFinite(value)) continue;
        if (stream.lastMs !== undefined && timeMs <= stream.lastMs) continue;
        const scored = stream.ensemble.update(timeMs, value);
        stream.lastMs = timeMs;
        points++;
        const labels = { signal: stream.signal.name, colour: stream.colour };
        this.metrics.score.set(labels, scored.score);
        this.metrics.value.set(labels, value);
        if (scored.expected) {
          this.metrics.expectedLow.set(labels, scored.expected.low);
          this.metrics.expectedHigh.set(labels, scored.expected.high);
        }
        const live = timeMs > this.startedMs - this.intervalMs;
        if (live && scored.score >= this.config.alertThreshold && scored.score > worstScore) {
          worstScore = scored.score;
          const reason = explain(value, scored);
          worst = {
            labels: { alertname: "IcnaAnomaly", ...this.config.labels, signal: stream.signal.name, colour: stream.colour, severity: stream.signal.severity },
            annotations: {
              summary: `${stream.signal.name} on ${stream.colour} is anomalous (score ${scored.score.toFixed(2)})`,
              description: reason,
              value: String(value),
              ...(scored.expected ? { expected: `${scored.expected.low.toPrecision(4)}…${scored.expected.high.toPrecision(4)}` } : {}),
            },
            startsAt: new Date(timeMs).toISOString(),
            // Active for three intervals after it was last seen; a later pass re-sends it while it lasts.
            endsAt: new Date(nowMs + 3 * this.intervalMs).toISOString(),
          };
        }
      }
      if (worst) alerts.push(worst);
    }
    this.metrics.prometheusUp.set(1);
    this.scoring = signalErrors.length < this.streams.length;
    this.lastSuccessMs = nowMs;
    this.metrics.lastSuccess.set(nowMs / 1000);
    const { alerts: annotated, triage } = await this.withTriage(alerts, nowMs);
    const outgoing = [...this.pending, ...annotated];
    if (outgoing.length === 0) return { at, prometheus: "up", points, signalErrors, alerts: annotated, alertDelivery: "none", triage };
    try {
      await this.alertmanager.post(outgoing);
      this.pending = [];
      for (const a of outgoing) this.metrics.alertsSent.inc({ signal: a.labels.signal, colour: a.labels.colour });
      return { at, prometheus: "up", points, signalErrors, alerts: annotated, alertDelivery: "sent", triage };
    } catch (error) {
      this.metrics.alertFailures.inc();
      this.pending = outgoing;
      this.log(`Alertmanager unreachable, ${outgoing.length} alert(s) kept for the next pass: ${error instanceof Error ? error.message : String(error)}`);
      return { at, prometheus: "up", points, signalErrors, alerts: annotated, alertDelivery: "failed", triage };
    }
  }

  /**
   * Runs log triage once for the alerts that are new in this pass (no active alert of their signal and
   * colour), or for the periodic pattern scan, within the triage deadline; a new alert carries the
   * outcome's annotations, and so does every re-send while it stays active (Alertmanager keeps the
   * annotations of the latest post).
   */
  private async withTriage(alerts: readonly PostableAlert[], nowMs: number): Promise<{ alerts: PostableAlert[]; triage?: TickReport["triage"] }> {
    if (!this.triage) return { alerts: [...alerts] };
    const key = (a: PostableAlert): string => `${a.labels.signal}/${a.labels.colour}`;
    const fresh = alerts.filter((a) => (this.active.get(key(a))?.untilMs ?? -Infinity) < nowMs);
    let triage: TickReport["triage"];
    if (fresh.length > 0 || this.triage.scanDue(nowMs)) {
      const reason: TriageReason = fresh.length > 0 ? "alert" : "scan";
      const anomalyMs = Math.min(nowMs, ...fresh.map((a) => Date.parse(a.startsAt)));
      const outcome = await this.triage.run(anomalyMs, nowMs, reason);
      const notes = this.triage.annotate(outcome);
      for (const a of fresh) this.active.set(key(a), { untilMs: nowMs, notes });
      triage = { reason, ok: outcome.ok, detail: notes.log_triage, seconds: outcome.durationMs / 1000 };
      if (!outcome.ok) this.log(`log triage (${reason}) ${notes.log_triage}`);
    }
    const annotated = alerts.map((a) => {
      const state = this.active.get(key(a));
      const notes = state?.notes ?? {};
      this.active.set(key(a), { untilMs: a.endsAt ? Date.parse(a.endsAt) : nowMs, notes });
      return { ...a, annotations: { ...a.annotations, ...notes } };
    });
    return { alerts: annotated, triage };
  }
}
