import { SYSTEM_CLOCK, type Clock } from "../clock";
import { judge, type Judgement } from "../../runtime/judge/judge";
import { otherColour, type Colour } from "../../runtime/prometheus/colour-query";
import type { PrometheusClient } from "../../runtime/prometheus/prometheus-client";
import type { RolloutConfig } from "./cutover-config";
import { durationMs } from "../../runtime/prometheus/duration";
import type { CutoverEvent, CutoverLog, CutoverLogEntry } from "./cutover-log";
import type { CutoverEventSink } from "./grafana-annotations";
import { colourHealth, colourSamples } from "./colour-signals";
import { assertRoutable, weightsFor, type TrafficSwitcher, type Weights } from "./traffic-switcher";

/** What to do. */
export interface CutoverRequest {
  readonly stack: string;
  /** The colour that should end up live. */
  readonly to: Colour;
  /** Percent of traffic on `to` at each step, ascending, ending at 100. */
  readonly steps: readonly number[];
  /** Time each step is observed before it is judged. */
  readonly intervalMs: number;
}

/** What it is done with. */
export interface CutoverDeps {
  readonly switcher: TrafficSwitcher;
  readonly prometheus: PrometheusClient;
  readonly config: RolloutConfig;
  readonly log: CutoverLog;
  readonly clock?: Clock;
  /** Also receives every logged decision (e.g. {@link GrafanaAnnotations}); flushed before the cutover returns or throws. */
  readonly events?: CutoverEventSink;
}

/** How a cutover ended. */
export interface CutoverResult {
  readonly outcome: "completed" | "rolled-back" | "refused" | "nothing-to-do";
  readonly weights: Weights;
  readonly live: Colour;
  readonly reason: string;
  readonly judgements: ReadonlyArray<{ step: number; judgement: Judgement }>;
}

/** A cutover that must not start, with the reason in the user's terms. */
export class CutoverRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CutoverRefusedError";
  }
}

/** Validates the steps: percents in (0, 100], strictly ascending, ending at 100. */
export function validateSteps(steps: readonly number[]): void {
  if (steps.length === 0) throw new CutoverRefusedError("--steps is empty; give percentages such as 10,50,100");
  steps.forEach((p, i) => {
    if (!Number.isFinite(p) || p <= 0 || p > 100) throw new CutoverRefusedError(`--steps: ${p} is not a percentage in (0, 100]`);
    if (i > 0 && p <= steps[i - 1]) throw new CutoverRefusedError(`--steps must be ascending: ${steps[i - 1]} then ${p}`);
  });
  if (steps[steps.length - 1] !== 100) throw new CutoverRefusedError(`--steps must end at 100 (got ${steps[steps.length - 1]}) so the cutover completes`);
}

/**
 * Shifts traffic to the target colour step by step, judging each interval against the live colour from
 * Prometheus, and rolls back to the weights from before the cutover at the first failed judgement. Every
 * decision is appended to the cutover log; an interrupted cutover resumes from its last judged step.
 */
export async function runCutover(request: CutoverRequest, deps: CutoverDeps): Promise<CutoverResult> {
  try {
    return await cutOver(request, deps);
  } finally {
    await deps.events?.flush();
  }
}

async function cutOver(request: CutoverRequest, deps: CutoverDeps): Promise<CutoverResult> {
  validateSteps(request.steps);
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const { config, log, switcher, prometheus } = deps;
  const stepSeconds = durationMs(config.sampleStep) / 1000;
  const record = (event: CutoverEvent): void => {
    const entry = { ...event, at: clock.now().toISOString(), stack: request.stack, to: request.to } as CutoverLogEntry;
    log.append(entry);
    deps.events?.send(entry);
  };
  const judgements: Array<{ step: number; judgement: Judgement }> = [];

  const current = await switcher.read();
  const unfinished = log.unfinished(request.stack).filter((e) => e.to === request.to);
  const start = unfinished.find((e) => e.kind === "start");
  let firstStep = 0;
  let before: Weights;
  let live: Colour;
  if (start && start.kind === "start") {
    before = start.from;
    live = start.live;
    const passed = unfinished.filter((e) => e.kind === "judge" && e.judgement.verdict !== "fail").map((e) => (e.kind === "judge" ? e.step : -1));
    firstStep = passed.length ? Math.max(...passed) + 1 : 0;
    record({ kind: "resume", atStep: firstStep, weights: current.weights });
  } else {
    before = current.weights;
    live = current.live;
    if (live === request.to && current.weights[otherColour(request.to)] === 0) {
      return { outcome: "nothing-to-do", weights: current.weights, live, reason: `${request.to} is already live with all traffic`, judgements };
    }
    const health = await colourHealth(prometheus, config.health.query, config.health.min, request.to, clock.now().getTime());
    if (!health.healthy) {
      record({ kind: "start", from: before, live, steps: [...request.steps], intervalMs: request.intervalMs });
      record({ kind: "refused", reason: `target colour ${request.to} is unhealthy`, evidence: health.detail });
      throw new CutoverRefusedError(`refusing to shift traffic to ${request.to}: it is unhealthy (${health.detail})`);
    }
    record({ kind: "start", from: before, live, steps: [...request.steps], intervalMs: request.intervalMs });
  }
  assertRoutable(before);
  const baselineColour = live === request.to ? otherColour(request.to) : live;

  for (let step = firstStep; step < request.steps.length; step++) {
    const percent = request.steps[step];
    const weights = weightsFor(request.to, percent);
    assertRoutable(weights);
    await switcher.apply(weights);
    record({ kind: "shift", step, percent, weights });
    const windowStart = clock.now().getTime();
    await clock.sleep(request.intervalMs);
    const windowEnd = clock.now().getTime();
    // At 100% the live colour has no traffic left: compare with its previous interval instead.
    const baselineShift = weights[baselineColour] === 0 ? request.intervalMs : 0;
    const [baseline, canary] = await Promise.all([
      colourSamples(prometheus, config.signals, baselineColour, windowStart - baselineShift, windowEnd - baselineShift, stepSeconds),
      colourSamples(prometheus, config.signals, request.to, windowStart, windowEnd, stepSeconds),
    ]);
    const judgement = judge(baseline, canary, config.judge);
    judgements.push({ step, judgement });
    record({ kind: "judge", step, window: { start: new Date(windowStart).toISOString(), end: new Date(windowEnd).toISOString() }, judgement });
    if (judgement.verdict === "fail") {
      await switcher.apply(before, live);
      const reason = `step ${step + 1} (${percent}% on ${request.to}) failed: ${judgement.reason}`;
      record({ kind: "rollback", step, weights: before, live, reason });
      return { outcome: "rolled-back", weights: before, live, reason, judgements };
    }
  }
  const final = weightsFor(request.to, 100);
  await switcher.apply(final, request.to);
  record({ kind: "complete", weights: final, live: request.to });
  return { outcome: "completed", weights: final, live: request.to, reason: `all ${request.steps.length} steps passed`, judgements };
}
