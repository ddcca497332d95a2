import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PrometheusClient } from "../../runtime/prometheus/prometheus-client";
import type { Colour } from "../../runtime/prometheus/colour-query";
import { startPrometheus, type BackfillSample, type TestPrometheus } from "../../testing/prometheus-process";
import { recordedValues } from "../../testing/recorded-data";
import { parseRolloutConfig } from "./cutover-config";
import { CutoverLog, type CutoverLogEntry } from "./cutover-log";
import type { CutoverEventSink } from "./grafana-annotations";
import type { Clock } from "../clock";
import { CutoverRefusedError, runCutover } from "./cutover";
import type { TrafficState, TrafficSwitcher, Weights } from "./traffic-switcher";

const MINUTE = 60_000;
const INTERVAL = 10 * MINUTE;

/** Records every traffic change and fails the test if both weights ever reach 0. */
class FakeSwitcher implements TrafficSwitcher {
  readonly applied: Array<{ weights: Weights; live?: Colour }> = [];
  constructor(private state: TrafficState) {}
  async read(): Promise<TrafficState> {
    return this.state;
  }
  async apply(weights: Weights, live?: Colour): Promise<void> {
    if (weights.blue === 0 && weights.green === 0) throw new Error("both weights 0");
    this.applied.push({ weights, live });
    this.state = { weights, live: live ?? this.state.live };
  }
}

function fakeClock(startMs: number): Clock {
  let now = startMs;
  return { now: () => new Date(now), sleep: async (ms) => void (now += ms) };
}

// A recorded latency series (NAB realKnownCause/ec2_request_latency_system_failure, one sample per minute),
// interleaved into the two colours; green's `latency_ms` regresses by +50% from the second step on, while
// `latency_clean_ms` stays clean.
const recorded = recordedValues("ec2_request_latency_system_failure-first-2083.csv").slice(0, 360);
const end = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
const first = end - (recorded.length / 2 - 1) * MINUTE;
const cutoverStart = end - 60 * MINUTE;
const regressionStart = cutoverStart + INTERVAL;

function samples(): BackfillSample[] {
  const out: BackfillSample[] = [];
  for (let i = 0; i < recorded.length / 2; i++) {
    const t = first + i * MINUTE;
    const timeSeconds = t / 1000;
    const blue = recorded[2 * i];
    const green = recorded[2 * i + 1];
    out.push({ metric: "latency_ms", labels: { colour: "blue" }, value: blue, timeSeconds });
    out.push({ metric: "latency_ms", labels: { colour: "green" }, value: t >= regressionStart ? green * 1.5 : green, timeSeconds });
    out.push({ metric: "latency_clean_ms", labels: { colour: "blue" }, value: blue, timeSeconds });
    out.push({ metric: "latency_clean_ms", labels: { colour: "green" }, value: green, timeSeconds });
    out.push({ metric: "icna_ready", labels: { colour: "blue" }, value: 1, timeSeconds });
    out.push({ metric: "icna_ready", labels: { colour: "green" }, value: t >= cutoverStart - 5 * MINUTE && t < cutoverStart ? 0 : 1, timeSeconds });
  }
  return out;
}

function config(metric: string): string {
  return `prometheus: http://127.0.0.1:1
health: { query: 'min(icna_ready{colour="$colour"})' }
signals:
  - { name: latency, query: '${metric}{colour="$colour"}' }
judge:
  metrics:
    - { name: latency, direction: increase, allowedChangePercent: 10, criticalChangePercent: 20, critical: true }
`;
}

describe("cutover against a real Prometheus holding a recorded series", () => {
  let prom: TestPrometheus;
  let dir: string;
  beforeAll(async () => {
    prom = await startPrometheus(samples());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-cutover-"));
  });
  afterAll(async () => {
    await prom?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const request = { stack: "prod", to: "green" as const, steps: [10, 50, 100], intervalMs: INTERVAL };
  const live: TrafficState = { weights: { blue: 100, green: 0 }, live: "blue" };

  it("rolls back to the previous weights at the first failed interval, logging every decision with its evidence", async () => {
    const switcher = new FakeSwitcher(live);
    const log = new CutoverLog(path.join(dir, "regression.jsonl"));
    const result = await runCutover(request, { switcher, prometheus: new PrometheusClient(prom.url), config: parseRolloutConfig(config("latency_ms"), "rollout.yaml"), log, clock: fakeClock(cutoverStart) });
    expect(result.outcome).toBe("rolled-back");
    expect(result.reason).toMatch(/^step 2 \(50% on green\) failed: critical metric failed: latency/);
    expect(switcher.applied).toEqual([{ weights: { blue: 90, green: 10 } }, { weights: { blue: 50, green: 50 } }, { weights: { blue: 100, green: 0 }, live: "blue" }]);
    const entries = log.entries();
    expect(entries.map((e) => e.kind)).toEqual(["start", "shift", "judge", "shift", "judge", "rollback"]);
    expect(entries[5]).toMatchObject({ kind: "rollback", to: "green", weights: { blue: 100, green: 0 }, live: "blue" });
    const failed = entries[4];
    expect(failed.kind === "judge" && failed.judgement.metrics[0].changePercent).toBeGreaterThan(20);
    expect(failed.kind === "judge" && failed.judgement.metrics[0].canaryCount).toBeGreaterThanOrEqual(10);
  });

  it("hands every logged decision to its event sink and waits for the sink before returning", async () => {
    const sent: CutoverLogEntry[] = [];
    let flushed = 0;
    const events: CutoverEventSink = { send: (entry) => void sent.push(entry), flush: async () => void (flushed = sent.length) };
    const log = new CutoverLog(path.join(dir, "events.jsonl"));
    await runCutover(request, { switcher: new FakeSwitcher(live), prometheus: new PrometheusClient(prom.url), config: parseRolloutConfig(config("latency_ms"), "rollout.yaml"), log, clock: fakeClock(cutoverStart), events });
    expect(sent).toEqual(log.entries());
    expect(flushed).toBe(6);
  });

  it("completes on the clean series and makes the target live", async () => {
    const switcher = new FakeSwitcher(live);
    const log = new CutoverLog(path.join(dir, "clean.jsonl"));
    const result = await runCutover(request, { switcher, prometheus: new PrometheusClient(prom.url), config: parseRolloutConfig(config("latency_clean_ms"), "rollout.yaml"), log, clock: fakeClock(cutoverStart) });
    expect(result.outcome).toBe("completed");
    expect(result.judgements.map((j) => j.judgement.verdict)).toEqual(["pass", "pass", "pass"]);
    expect(switcher.applied.at(-1)).toEqual({ weights: { blue: 0, green: 100 }, live: "green" });
  });

  it("resumes an interrupted cutover after its last judged step", async () => {
    const file = path.join(dir, "resume.jsonl");
    const prometheus = new PrometheusClient(prom.url);
    const rollout = parseRolloutConfig(config("latency_clean_ms"), "rollout.yaml");
    // First run: interrupted by the process dying after step 1 was judged (the switcher throws on the next shift).
    const dying = new FakeSwitcher(live);
    let shifts = 0;
    const original = dying.apply.bind(dying);
    dying.apply = async (w, l) => {
      if (++shifts === 2) throw new Error("killed");
      return original(w, l);
    };
    const clock = fakeClock(cutoverStart);
    await expect(runCutover(request, { switcher: dying, prometheus, config: rollout, log: new CutoverLog(file), clock })).rejects.toThrow("killed");
    const resumed = new FakeSwitcher({ weights: { blue: 90, green: 10 }, live: "blue" });
    const result = await runCutover(request, { switcher: resumed, prometheus, config: rollout, log: new CutoverLog(file), clock });
    expect(result.outcome).toBe("completed");
    expect(resumed.applied[0]).toEqual({ weights: { blue: 50, green: 50 } });
    expect(new CutoverLog(file).entries().map((e) => e.kind)).toEqual(["start", "shift", "judge", "resume", "shift", "judge", "shift", "judge", "complete"]);
  });

  it("refuses to start when the target colour is unhealthy", async () => {
    const switcher = new FakeSwitcher(live);
    const log = new CutoverLog(path.join(dir, "refused.jsonl"));
    const deps = { switcher, prometheus: new PrometheusClient(prom.url), config: parseRolloutConfig(config("latency_clean_ms"), "rollout.yaml"), log, clock: fakeClock(cutoverStart - MINUTE) };
    await expect(runCutover(request, deps)).rejects.toThrow(CutoverRefusedError);
    await expect(runCutover(request, deps)).rejects.toThrow(/refusing to shift traffic to green: it is unhealthy \(`min\(icna_ready\{colour="green"\}\)` is below 1/);
    expect(switcher.applied).toEqual([]);
    expect(log.entries().map((e) => e.kind)).toEqual(["start", "refused", "start", "refused"]);
  });
});
