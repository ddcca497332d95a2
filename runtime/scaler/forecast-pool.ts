import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { RegularSeries } from "../forecast/regular-series";
import type { LeadForecast, RefitSummary, WorkerReply, WorkerRequest } from "./forecast-messages";

/** A refit that failed in the worker, with the engine's error name (e.g. `InsufficientHistoryError`). */
export class RefitError extends Error {
  constructor(
    readonly causeName: string,
    message: string,
  ) {
    super(message);
    this.name = "RefitError";
  }
}

export interface ForecastPoolOptions {
  /** Worker threads, i.e. refits at once. @default cores − 1, at least 1, at most 4 */
  readonly size?: number;
  /** A refit running longer is abandoned: its worker is replaced (and the fits it held refitted). @default 120000 */
  readonly refitTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * How to start the worker from where this module runs: compiled JavaScript (`dist/`) starts the
 * compiled worker beside it; TypeScript source (tsx, jest) starts a worker that registers tsx first,
 * since worker threads do not inherit the parent's loaders.
 */
export function forecastWorkerLaunch(moduleFile: string): { readonly script: string; readonly eval: boolean } {
  const extension = path.extname(moduleFile);
  const entry = path.join(path.dirname(moduleFile), `forecast-worker${extension}`);
  if (extension === ".js") return { script: entry, eval: false };
  return { script: `require("tsx/cjs/api").register();\nrequire(${JSON.stringify(entry)});`, eval: true };
}

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The refit running on this worker, if any. */
  refitting?: string;
}

interface RefitJob {
  readonly key: string;
  readonly series: RegularSeries;
  readonly horizonSteps: number;
  resolve(summary: RefitSummary): void;
  reject(error: Error): void;
}

/**
 * Fits forecasts in worker threads with bounded concurrency (one refit per worker, the rest queued
 * in arrival order) and keeps each key's fit in the worker that made it, where its forecasts are
 * computed. A forecast asked of a worker busy refitting answers "busy" at once, or after `budgetMs`,
 * instead of waiting behind the refit.
 */
export class ForecastPool {
  private readonly slots: (Slot | undefined)[];
  private readonly queue: RefitJob[] = [];
  /** Which worker holds each key's fit. */
  private readonly home = new Map<string, Slot>();
  private readonly refitTimeoutMs: number;
  private nextId = 1;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: ForecastPoolOptions = {}) {
    const size = options.size ?? Math.min(4, Math.max(1, os.availableParallelism() - 1));
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`ForecastPool size must be a whole number ≥ 1, got ${size}`);
    this.slots = new Array<Slot | undefined>(size).fill(undefined);
    this.refitTimeoutMs = options.refitTimeoutMs ?? 120_000;
  }

  /** Refits waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Fits `series` for `key` (replacing its fit) when a worker is free. */
  refit(key: string, series: RegularSeries, horizonSteps: number): Promise<RefitSummary> {
    if (this.closed) return Promise.reject(new RefitError("PoolClosed", "the forecast pool is closed"));
    return new Promise<RefitSummary>((resolve, reject) => {
      this.queue.push({ key, series, horizonSteps, resolve, reject });
      this.dispatch();
    });
  }

  /** The lead-window forecast from `key`'s fit: "no-fit" when no worker holds one, "busy" when its worker cannot answer within `budgetMs`. */
  async forecast(key: string, series: RegularSeries, quantile: number, leadSteps: number, budgetMs: number): Promise<LeadForecast | "no-fit" | "busy"> {
    const slot = this.home.get(key);
    if (!slot) return "no-fit";
    if (slot.refitting !== undefined) return "busy";
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<"busy">((resolve) => (timer = setTimeout(() => resolve("busy"), budgetMs)));
    const answer = this.send(slot, { type: "forecast", id, key, series, quantile, leadSteps }).then((reply) => {
      if (!reply.ok) throw new RefitError(reply.error.name, reply.error.message);
      if (!("forecast" in reply)) throw new Error("the forecast worker answered a forecast with a refit");
      return reply.forecast;
    });
    try {
      const outcome = await Promise.race([answer, budget]);
      if (outcome === "no-fit" && this.home.get(key) === slot) this.home.delete(key);
      return outcome;
    } finally {
      clearTimeout(timer);
      answer.catch(() => undefined);
    }
  }

  /** Drops `key`'s fit. */
  forget(key: string): void {
    const slot = this.home.get(key);
    this.home.delete(key);
    if (slot) slot.worker.postMessage({ type: "drop", key } satisfies WorkerRequest);
  }

  /** Resolves when no refit is queued or running (for tests and benchmarks). */
  settled(): Promise<void> {
    if (this.queue.length === 0 && this.slots.every((s) => s?.refitting === undefined)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every worker; queued refits are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new RefitError("PoolClosed", "the forecast pool closed"));
    await Promise.all(this.slots.map((slot, i) => (slot ? this.retire(i, "the forecast pool closed") : undefined)));
    this.wakeIdle();
  }

  private dispatch(): void {
    for (let i = 0; i < this.slots.length && this.queue.length > 0; i++) {
      const slot = this.slots[i] ?? this.spawn(i);
      if (slot.refitting !== undefined) continue;
      const job = this.queue.shift()!;
      void this.run(i, slot, job);
    }
  }

  private async run(index: number, slot: Slot, job: RefitJob): Promise<void> {
    slot.refitting = job.key;
    const id = this.nextId++;
    const timer = setTimeout(() => void this.retire(index, `a refit of ${job.key} ran over ${this.refitTimeoutMs} ms`), this.refitTimeoutMs);
    try {
      const reply = await this.send(slot, { type: "refit", id, key: job.key, series: job.series, horizonSteps: job.horizonSteps });
      if (!reply.ok) throw new RefitError(reply.error.name, reply.error.message);
      if (!("refit" in reply)) throw new Error("the forecast worker answered a refit with a forecast");
      const previous = this.home.get(job.key);
      if (previous && previous !== slot) previous.worker.postMessage({ type: "drop", key: job.key } satisfies WorkerRequest);
      this.home.set(job.key, slot);
      job.resolve(reply.refit);
    } catch (error) {
      if (this.home.get(job.key) === slot) this.home.delete(job.key);
      job.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(timer);
      slot.refitting = undefined;
      if (!this.closed) this.dispatch();
      this.wakeIdle();
    }
  }

  private wakeIdle(): void {
    if (this.queue.length > 0 || this.slots.some((s) => s?.refitting !== undefined)) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private send(slot: Slot, request: Exclude<WorkerRequest, { type: "drop" }>): Promise<WorkerReply> {
    return new Promise<WorkerReply>((resolve, reject) => {
      slot.pending.set(request.id, { resolve, reject });
      slot.worker.postMessage(request);
    });
  }

  private spawn(index: number): Slot {
    const launch = forecastWorkerLaunch(__filename);
    const worker = new Worker(launch.script, { eval: launch.eval });
    const slot: Slot = { worker, pending: new Map() };
    worker.on("message", (reply: WorkerReply) => {
      const pending = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      pending?.resolve(reply);
    });
    worker.on("error", (error) => void this.retire(index, `the forecast worker failed: ${error.message}`));
    worker.on("exit", (code) => {
      if (this.slots[index] === slot) void this.retire(index, `the forecast worker exited with code ${code}`);
    });
    // After the listeners: attaching a "message" listener refs the worker's port again.
    worker.unref();
    this.slots[index] = slot;
    return slot;
  }

  /** Replaces a worker: whatever it was doing fails, and the fits it held are gone (their keys refit on their next evaluation). */
  private async retire(index: number, reason: string): Promise<void> {
    const slot = this.slots[index];
    if (!slot) return;
    this.slots[index] = undefined;
    for (const [key, home] of this.home) if (home === slot) this.home.delete(key);
    for (const pending of slot.pending.values()) pending.reject(new RefitError("WorkerLost", reason));
    slot.pending.clear();
    if (!this.closed) this.options.log?.(`forecast worker ${index} replaced: ${reason}`);
    await slot.worker.terminate();
  }
}
