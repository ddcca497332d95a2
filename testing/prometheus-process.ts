import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { ALERTMANAGER, PROMETHEUS, PROMTOOL, serviceBinary } from "./test-services";

/** A sample of a recorded series to backfill: labels, value, unix seconds. */
export interface BackfillSample {
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  readonly timeSeconds: number;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Renders samples as OpenMetrics (grouped by family and series, timestamps ascending) for promtool. */
export function toOpenMetrics(samples: readonly BackfillSample[]): string {
  const families = new Map<string, Map<string, BackfillSample[]>>();
  for (const s of samples) {
    const labelText = Object.entries(s.labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(",");
    const series = families.get(s.metric) ?? new Map<string, BackfillSample[]>();
    series.set(labelText, [...(series.get(labelText) ?? []), s]);
    families.set(s.metric, series);
  }
  const lines: string[] = [];
  for (const [metric, series] of families) {
    lines.push(`# TYPE ${metric} gauge`);
    for (const [labels, points] of series) {
      for (const p of [...points].sort((a, b) => a.timeSeconds - b.timeSeconds)) lines.push(`${metric}{${labels}} ${p.value} ${p.timeSeconds}`);
    }
  }
  lines.push("# EOF");
  return lines.join("\n") + "\n";
}

/** A service's process, and the error it failed to start with (ENOENT, EACCES), if it did. */
interface StartedService {
  readonly child: ChildProcess;
  startError(): Error | undefined;
}

/** Starts a service's program; a failure to start becomes an error of the test, not an unhandled 'error' event that kills the runner. */
function startService(binary: string, args: readonly string[]): StartedService {
  const child = spawn(binary, args, { stdio: "ignore" });
  let error: Error | undefined;
  child.once("error", (cause) => void (error = new Error(`could not start ${binary}: ${cause.message}`)));
  return { child, startError: () => error };
}

async function waitReady(url: string, { child, startError }: StartedService, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const error = startError();
    if (error) throw error;
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

/** A Prometheus started by a test on 127.0.0.1 with a temporary TSDB. */
export interface TestPrometheus {
  readonly url: string;
  stop(): Promise<void>;
  /** Freezes the process (SIGSTOP): it stops answering, like a hung server. */
  pause(): void;
  /** Thaws a paused process (SIGCONT). */
  resume(): void;
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.pid !== undefined) {
    child.kill("SIGCONT");
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Backfills the samples with promtool and starts prometheus (both from PATH) on a free loopback port. */
export async function startPrometheus(samples: readonly BackfillSample[]): Promise<TestPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-prom-"));
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  fs.writeFileSync(path.join(dir, "in.om"), toOpenMetrics(samples));
  fs.writeFileSync(path.join(dir, "prometheus.yml"), "");
  const promtool = serviceBinary(PROMTOOL);
  const backfill = spawnSync(promtool, ["tsdb", "create-blocks-from", "openmetrics", "--max-block-duration=2400h", path.join(dir, "in.om"), data], { encoding: "utf8" });
  if (backfill.error) throw new Error(`could not run ${promtool}: ${backfill.error.message}`);
  if (backfill.status !== 0) throw new Error(`promtool backfill exited with ${backfill.status ?? backfill.signal}: ${backfill.stderr.trim()}`);
  const port = await freePort();
  const started = startService(serviceBinary(PROMETHEUS), [
    `--config.file=${path.join(dir, "prometheus.yml")}`,
    `--storage.tsdb.path=${data}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--storage.tsdb.retention.time=100y",
  ]);
  const child = started.child;
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/-/ready`, started, "prometheus");
  return { url, stop: () => stopChild(child, dir), pause: () => void child.kill("SIGSTOP"), resume: () => void child.kill("SIGCONT") };
}

/** An Alertmanager started by a test on 127.0.0.1 with a config that keeps alerts (no receivers called). */
export async function startAlertmanager(): Promise<TestPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-am-"));
  fs.writeFileSync(path.join(dir, "alertmanager.yml"), "route:\n  receiver: keep\nreceivers:\n  - name: keep\n");
  const port = await freePort();
  const cluster = await freePort();
  const started = startService(serviceBinary(ALERTMANAGER), [
    `--config.file=${path.join(dir, "alertmanager.yml")}`,
    `--storage.path=${dir}`,
    `--web.listen-address=127.0.0.1:${port}`,
    `--cluster.listen-address=127.0.0.1:${cluster}`,
  ]);
  const child = started.child;
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}/-/ready`, started, "alertmanager");
  return { url, stop: () => stopChild(child, dir), pause: () => void child.kill("SIGSTOP"), resume: () => void child.kill("SIGCONT") };
}
