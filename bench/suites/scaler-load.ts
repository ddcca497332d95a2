import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadResampled } from "../../runtime/forecast/evaluation/corpus";
import type { ScaledObjectRef } from "../../runtime/scaler/external-scaler-proto";
import { connectKedaScaler, type KedaScalerClient } from "../../testing/keda-scaler-client";
import { freePort, startPrometheus, type BackfillSample, type TestPrometheus } from "../../testing/prometheus-process";
import { benchDataPath } from "../bench-data";
import type { BenchSuite } from "../run";
import { nearestRankQuantile } from "../nearest-rank-quantile";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const STEP_SECONDS = 300;
/** Days of each trace backfilled, ending now; the ScaledObjects read 2 of them (historyDays) so that 500 first fits fit in the run. */
const TRACE_DAYS = 3;
const HISTORY_DAYS = "2";
/** KEDA's poll of each ScaledObject (GetMetrics then IsActive), as in the issue's reproduction. */
const POLL_MS = 5_000;
/** A call still unanswered after this long counts its ScaledObject as hung. */
const HUNG_AFTER_MS = 30_000;
const REFIT_MINUTES = 2;
const STREAMS = 200;

type CallType = "GetMetrics" | "IsActive" | "GetMetricSpec";

/** Latencies and outcomes of one phase. */
class PhaseStats {
  readonly latencies = new Map<CallType, number[]>();
  errors = 0;
  readonly errorKinds = new Map<string, number>();
  record(type: CallType, ms: number, error?: string): void {
    const list = this.latencies.get(type) ?? [];
    list.push(ms);
    this.latencies.set(type, list);
    if (error !== undefined) {
      this.errors++;
      this.errorKinds.set(error, (this.errorKinds.get(error) ?? 0) + 1);
    }
  }
  calls(): number {
    return [...this.latencies.values()].reduce((n, l) => n + l.length, 0);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 5-minute trace of the last TRACE_DAYS days of a per-minute file, shifted to end now. */
function traceSamples(file: string, trace: string): BackfillSample[] {
  const series = loadResampled(benchDataPath("traffic", file), "sum", STEP_SECONDS);
  const steps = (TRACE_DAYS * 86_400) / STEP_SECONDS;
  const values = Array.from(series.values.subarray(series.values.length - steps));
  const end = Math.floor(Date.now() / 1000 / STEP_SECONDS) * STEP_SECONDS - STEP_SECONDS;
  return values.flatMap((value, i) => (Number.isFinite(value) ? [{ metric: "pse_load", labels: { trace }, value, timeSeconds: end - (steps - 1 - i) * STEP_SECONDS }] : []));
}

/** ScaledObject i: one of the two traces, scaled by a factor of its own so that every query differs. */
function scaledObject(i: number): ScaledObjectRef {
  const trace = i % 2 === 0 ? "nasa" : "worldcup";
  return {
    name: `w${i}`,
    namespace: "load",
    scalerMetadata: { query: `sum(pse_load{trace="${trace}"}) * ${(1 + (i % 97) / 100).toFixed(2)}`, capacityPerPod: trace === "nasa" ? "50" : "2000", historyDays: HISTORY_DAYS, maxReplicas: "1000" },
  };
}

interface RunningScaler {
  readonly child: ChildProcess;
  readonly client: KedaScalerClient;
  readonly metricsUrl: string;
  readonly rssSamples: number[];
  stopSampling(): void;
}

async function startScaler(prometheusUrl: string): Promise<RunningScaler> {
  const [grpcPort, metricsPort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, "bin", "icna.js"), "scaler", "serve", "--port", String(grpcPort), "--metrics-port", String(metricsPort), "--prometheus-url", prometheusUrl, "--refit-minutes", String(REFIT_MINUTES), "--shutdown-grace-seconds", "5"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out = (out + chunk.toString()).slice(-4000)));
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`icna scaler serve exited with ${child.exitCode}: ${out}`);
    if (await fetch(metricsUrl).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error("icna scaler serve did not listen within 60 s");
    await sleep(200);
  }
  const rssSamples: number[] = [];
  const sampler = setInterval(() => {
    const status = fs.existsSync(`/proc/${child.pid}/status`) ? fs.readFileSync(`/proc/${child.pid}/status`, "utf8") : "";
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    if (kb > 0) rssSamples.push(kb / 1024);
  }, 1_000);
  return { child, client: connectKedaScaler(`127.0.0.1:${grpcPort}`), metricsUrl, rssSamples, stopSampling: () => clearInterval(sampler) };
}

/** Sum of a counter or histogram count over every ScaledObject, from the scaler's /metrics. */
async function metricTotal(url: string, name: string): Promise<number> {
  const text = await (await fetch(url)).text();
  let total = 0;
  for (const line of text.split("\n")) if (line.startsWith(`${name}{`)) total += Number(line.split(" ").pop());
  return total;
}

/**
 * Polls every ScaledObject each POLL_MS (GetMetrics then IsActive, staggered over the period) for
 * `durationMs`, recording each call; a call unanswered after HUNG_AFTER_MS marks its ScaledObject hung.
 */
async function poll(client: KedaScalerClient, refs: readonly ScaledObjectRef[], durationMs: number, stats: PhaseStats, hung: Set<string>, answered: Set<string>, allAtOnce = false): Promise<void> {
  const until = Date.now() + durationMs;
  const timed = async <T>(type: CallType, ref: ScaledObjectRef, call: () => Promise<T>): Promise<void> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      call().then(
        () => undefined,
        (error: { code?: number; details?: string }) => `code ${error.code}: ${(error.details ?? "").replace(/^load\/w\d+: /, "").slice(0, 80)}`,
      ),
      new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), HUNG_AFTER_MS))),
    ]);
    clearTimeout(timer);
    if (outcome === "hung") hung.add(ref.name);
    else if (outcome === undefined && type === "GetMetrics") answered.add(ref.name);
    stats.record(type, performance.now() - started, outcome === "hung" ? "hung" : outcome);
  };
  await Promise.all(
    refs.map(async (ref, i) => {
      if (!allAtOnce) await sleep((i / refs.length) * POLL_MS);
      do {
        const next = Date.now() + POLL_MS;
        await timed("GetMetrics", ref, () => client.getMetrics({ scaledObjectRef: ref, metricName: `pse-load-${ref.name}` }));
        await timed("IsActive", ref, () => client.isActive(ref));
        if (Date.now() < until) await sleep(Math.max(0, Math.min(next, until) - Date.now()));
      } while (Date.now() < until);
    }),
  );
}

function phaseRows(label: string, stats: PhaseStats): string[] {
  return (["GetMetricSpec", "GetMetrics", "IsActive"] as const)
    .filter((type) => stats.latencies.has(type))
    .map((type) => {
      const l = stats.latencies.get(type)!;
      return `| ${label} | ${type} | ${l.length} | ${nearestRankQuantile(l, 0.5).toFixed(1)} | ${nearestRankQuantile(l, 0.99).toFixed(1)} | ${Math.max(...l).toFixed(0)} |`;
    });
}

interface ScaleResult {
  readonly rows: string[];
  readonly summary: string;
  readonly notes: string[];
}

async function runScale(prometheus: TestPrometheus, count: number, withFaults: boolean): Promise<ScaleResult> {
  const refs = Array.from({ length: count }, (_, i) => scaledObject(i));
  const scaler = await startScaler(prometheus.url);
  const { client, metricsUrl } = scaler;
  const hung = new Set<string>();
  const answered = new Set<string>();
  const rows: string[] = [];
  const notes: string[] = [];
  let failed = 0;
  try {
    // 1. Every ScaledObject is new and asked at once (KEDA after a restart): spec, then the first metric.
    const first = new PhaseStats();
    const firstStarted = Date.now();
    await Promise.all(refs.map(async (ref) => {
      const started = performance.now();
      const error = await client.getMetricSpec(ref).then(() => undefined, (e: { code?: number }) => `code ${e.code}`);
      first.record("GetMetricSpec", performance.now() - started, error);
    }));
    await poll(client, refs, 1, first, hung, answered, true);
    rows.push(...phaseRows(`${count} new at once`, first));
    failed += first.errors;
    // 2. KEDA's steady polling while the first fits finish in the background (bounded), then until every fit is done.
    const warm = new PhaseStats();
    const fitsDone = async () => (await metricTotal(metricsUrl, "icna_pse_refit_seconds_count")) >= count;
    const warmUntil = Date.now() + 120_000;
    while (!(await fitsDone()) && Date.now() < warmUntil) await poll(client, refs, 10_000, warm, hung, answered);
    const fitSeconds = (Date.now() - firstStarted) / 1000;
    rows.push(...phaseRows("while the first fits run", warm));
    failed += warm.errors;
    notes.push(`${count}: ${await metricTotal(metricsUrl, "icna_pse_refit_seconds_count")} fits done ${fitSeconds.toFixed(0)} s after the first call (${count} first fits, plus any refit that fell due meanwhile)`);
    // 3. Outside refits: every fit is younger than the refit interval.
    const quiet = new PhaseStats();
    const refitsBefore = await metricTotal(metricsUrl, "icna_pse_refit_seconds_count");
    await poll(client, refs, 30_000, quiet, hung, answered);
    const refitsDuring = (await metricTotal(metricsUrl, "icna_pse_refit_seconds_count")) - refitsBefore;
    rows.push(...phaseRows(`outside refits (${refitsDuring} refits ran)`, quiet));
    failed += quiet.errors;
    if (withFaults) {
      // 4. A refit wave: wait until the fits reach the refit interval, then poll while every ScaledObject refits.
      const oldest = firstStarted + REFIT_MINUTES * 60_000;
      if (Date.now() < oldest) await poll(client, refs, oldest - Date.now(), new PhaseStats(), hung, answered);
      const wave = new PhaseStats();
      const waveBefore = await metricTotal(metricsUrl, "icna_pse_refit_seconds_count");
      await poll(client, refs, 30_000, wave, hung, answered);
      rows.push(...phaseRows(`refit wave (${(await metricTotal(metricsUrl, "icna_pse_refit_seconds_count")) - waveBefore} refits ran)`, wave));
      failed += wave.errors;
      // 5. Prometheus frozen (SIGSTOP: connections hang) for 15 s, then back.
      const frozen = new PhaseStats();
      prometheus.pause();
      await poll(client, refs, 15_000, frozen, hung, answered);
      prometheus.resume();
      rows.push(...phaseRows("Prometheus frozen 15 s", frozen));
      notes.push(`${count}, Prometheus frozen: ${frozen.errors} errors (${[...frozen.errorKinds].map(([k, n]) => `${n}× ${k}`).join("; ") || "none"}); fallbacks counted by the scaler: ${await metricTotal(metricsUrl, "icna_pse_fallbacks_total")}`);
      const recovered = new PhaseStats();
      await poll(client, refs, 10_000, recovered, hung, answered);
      rows.push(...phaseRows("after Prometheus is back", recovered));
      failed += recovered.errors;
    }
    // 6. StreamIsActive streams held open, as KEDA does.
    const streams = Array.from({ length: STREAMS }, (_, i) => client.streamIsActive(refs[i % refs.length]));
    const pushed = new Set<number>();
    const streamEnded = streams.map((stream, i) => new Promise<void>((resolve) => {
      stream.on("data", () => pushed.add(i));
      stream.on("error", () => resolve());
      stream.on("end", () => resolve());
    }));
    const pushDeadline = Date.now() + 20_000;
    while (pushed.size < STREAMS && Date.now() < pushDeadline) await sleep(250);
    notes.push(`${count}: ${pushed.size} of ${STREAMS} streams pushed within ${((20_000 - Math.max(0, pushDeadline - Date.now())) / 1000).toFixed(1)} s`);
    // 7. SIGTERM with the streams open.
    const rss = Math.max(...scaler.rssSamples);
    const stopped = Date.now();
    const exited = new Promise<number | null>((resolve) => scaler.child.once("exit", (code) => resolve(code)));
    scaler.child.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([exited, new Promise<"still running">((resolve) => (timer = setTimeout(() => resolve("still running"), 30_000)))]);
    clearTimeout(timer);
    const shutdownSeconds = (Date.now() - stopped) / 1000;
    const streamsEnded = await Promise.race([Promise.all(streamEnded).then(() => "all"), sleep(1_000).then(() => "not all")]);
    return {
      rows,
      notes,
      summary: `| ${count} | ${hung.size} | ${failed} | ${answered.size} of ${count} | ${rss.toFixed(0)} | ${exit === "still running" ? "> 30 (killed)" : shutdownSeconds.toFixed(1)} (exit ${String(exit)}, streams ended: ${streamsEnded}) |`,
    };
  } finally {
    scaler.stopSampling();
    client.close();
    if (scaler.child.exitCode === null) scaler.child.kill("SIGKILL");
  }
}

const suite: BenchSuite = {
  name: "scaler-load",
  description:
    "`icna scaler serve` under KEDA's load against a real Prometheus 2.42 on loopback (backfilled with the NASA-HTTP and WorldCup-98 traces): 100 and 500 ScaledObjects polled every 5 s, a forced refit wave, 200 StreamIsActive streams, Prometheus frozen, then SIGTERM.",
  async run() {
    const samples = [...traceSamples("nasa_http_1995_per_minute.csv", "nasa"), ...traceSamples("worldcup98_per_minute.csv", "worldcup")];
    const prometheus = await startPrometheus(samples);
    try {
      const results: ScaleResult[] = [];
      results.push(await runScale(prometheus, 100, true));
      results.push(await runScale(prometheus, 500, false));
      return [
        "| ScaledObjects | hung | failed calls (healthy Prometheus) | got a value | max RSS (MB) | SIGTERM → exit (s) |",
        "|---:|---:|---:|---:|---:|---|",
        ...results.map((r) => r.summary),
        "",
        "| phase | call | calls | p50 (ms) | p99 (ms) | max (ms) |",
        "|---|---|---:|---:|---:|---:|",
        ...results.flatMap((r) => r.rows),
        "",
        ...results.flatMap((r) => r.notes.map((n) => `- ${n}`)),
        "",
        `Targets (issue 15): 0 hung and 0 failed at 100 and 500 with a healthy Prometheus; GetMetrics p99 ≤ 100 ms outside refits and ≤ 500 ms during a refit wave at 100; RSS ≤ 512 MB at 500; SIGTERM with ${STREAMS} open streams exits in ≤ 10 s. Failed calls count every phase but the frozen-Prometheus one, where an error (UNAVAILABLE) is the intended answer before any load was seen. The machine is shared: latencies vary from run to run.`,
      ].join("\n");
    } finally {
      await prometheus.stop();
    }
  },
};

export default suite;
