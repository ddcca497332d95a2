import { PrometheusError } from "./prometheus-error";
import { readApiResponse, type ApiData } from "./api-response";
import { httpGet } from "./bounded-get";

export { PrometheusError, type PrometheusFailure } from "./prometheus-error";

/** Prometheus refuses a range query of more than 11,000 steps ("exceeded maximum resolution of 11,000 points per timeseries"). */
export const MAX_POINTS_PER_QUERY = 11_000;

/** One series of a range query. */
export interface RangeSeries {
  readonly labels: Readonly<Record<string, string>>;
  /** Epoch ms, ascending. */
  readonly timestampsMs: number[];
  /** As Prometheus sent them: NaN and ±Infinity included. */
  readonly values: number[];
}

/** One series of an instant query. */
export interface InstantSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly timestampMs: number;
  readonly value: number;
}

export interface PrometheusClientOptions {
  /** Deadline of one call, from the first byte sent to the last byte read, every retry and every piece of a split range included. @default 10000 */
  readonly deadlineMs?: number;
  /** Further attempts after an unreachable Prometheus or an HTTP 5xx, within the deadline. @default 1 */
  readonly retries?: number;
  /** Largest response body read, in bytes; a larger one is abandoned as `too-large` before it fills memory. @default 8 MiB */
  readonly maxResponseBytes?: number;
  /** Most series one query may return (`too-large` above it). @default 1000 */
  readonly maxSeries?: number;
}

export const DEFAULT_PROMETHEUS_OPTIONS: Required<PrometheusClientOptions> = { deadlineMs: 10_000, retries: 1, maxResponseBytes: 8 * 1024 * 1024, maxSeries: 1000 };

/**
 * The one client of Prometheus' HTTP API (`/api/v1/query`, `/api/v1/query_range`) for every runtime
 * service. Each call has one deadline covering connection, headers, body and retries; bodies are read
 * up to a byte limit and results up to a series limit; long ranges are split under Prometheus' 11,000
 * points per query; every failure is a {@link PrometheusError} with its kind. Times are epoch ms.
 */
export class PrometheusClient {
  readonly options: Required<PrometheusClientOptions>;

  /** @param baseUrl e.g. `http://127.0.0.1:9090`. */
  constructor(
    readonly baseUrl: string,
    options: PrometheusClientOptions = {},
  ) {
    this.options = { ...DEFAULT_PROMETHEUS_OPTIONS, ...options };
    for (const [name, value] of Object.entries(this.options)) {
      if (!Number.isInteger(value) || value < (name === "retries" ? 0 : 1)) throw new RangeError(`PrometheusClient ${name} must be a whole number ≥ ${name === "retries" ? 0 : 1}, got ${value}`);
    }
  }

  /** Range query over [startMs, endMs] at `stepSeconds`; ranges over 11,000 steps are read in consecutive pieces and joined per series. */
  async queryRange(query: string, startMs: number, endMs: number, stepSeconds: number): Promise<RangeSeries[]> {
    if (!(stepSeconds > 0) || !(endMs >= startMs)) throw new RangeError(`queryRange needs step > 0 and end ≥ start, got step ${stepSeconds} s over [${startMs}, ${endMs}]`);
    const deadlineAt = Date.now() + this.options.deadlineMs;
    const stepMs = stepSeconds * 1000;
    const bySeries = new Map<string, { labels: Record<string, string>; timestampsMs: number[]; values: number[] }>();
    for (let fromMs = startMs; fromMs <= endMs; fromMs += MAX_POINTS_PER_QUERY * stepMs) {
      const toMs = Math.min(endMs, fromMs + (MAX_POINTS_PER_QUERY - 1) * stepMs);
      const data = await this.call("/api/v1/query_range", { query, start: String(fromMs / 1000), end: String(toMs / 1000), step: String(stepSeconds) }, query, deadlineAt);
      if (data.resultType !== "matrix") throw new PrometheusError("malformed", query, `a range query answered resultType "${data.resultType}", not "matrix"`);
      for (const result of data.result) {
        const key = JSON.stringify(Object.entries(result.metric).sort(([a], [b]) => a.localeCompare(b)));
        const series = bySeries.get(key) ?? { labels: result.metric, timestampsMs: [], values: [] };
        for (const [t, v] of result.values ?? []) {
          series.timestampsMs.push(Math.round(t * 1000));
          series.values.push(v);
        }
        bySeries.set(key, series);
        if (bySeries.size > this.options.maxSeries) throw tooManySeries(query, bySeries.size, this.options.maxSeries);
      }
    }
    return [...bySeries.values()];
  }

  /** Instant query at `timeMs` (default: Prometheus' now). A query that does not parse is `rejected`. */
  async query(query: string, timeMs?: number): Promise<InstantSample[]> {
    const params: Record<string, string> = { query };
    if (timeMs !== undefined) params.time = String(timeMs / 1000);
    const data = await this.call("/api/v1/query", params, query, Date.now() + this.options.deadlineMs);
    if (data.resultType === "scalar") return data.scalar ? [{ labels: {}, timestampMs: Math.round(data.scalar[0] * 1000), value: data.scalar[1] }] : [];
    if (data.resultType !== "vector") throw new PrometheusError("rejected", query, `the expression is a ${data.resultType}, not an instant vector or scalar`);
    return data.result.map((r) => ({ labels: r.metric, timestampMs: Math.round((r.value?.[0] ?? NaN) * 1000), value: r.value?.[1] ?? NaN }));
  }

  private async call(path: string, params: Record<string, string>, query: string, deadlineAt: number): Promise<ApiData> {
    const url = `${this.baseUrl.replace(/\/$/, "")}${path}?${new URLSearchParams(params).toString()}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await httpGet(url, { deadlineAt, maxBytes: this.options.maxResponseBytes, query });
        const data = readApiResponse(response.status, response.body, query);
        if (data.result.length > this.options.maxSeries) throw tooManySeries(query, data.result.length, this.options.maxSeries);
        return data;
      } catch (error) {
        const retry = error instanceof PrometheusError && error.kind === "unreachable" && attempt < this.options.retries;
        const pauseMs = Math.min(200 * 2 ** attempt, deadlineAt - Date.now() - 1);
        if (!retry || pauseMs <= 0) throw error;
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }
  }
}

function tooManySeries(query: string, count: number, limit: number): PrometheusError {
  return new PrometheusError("too-large", query, `it returned more than ${limit} series (${count} so far); aggregate it (e.g. sum by (job) (...)) or raise the series limit`);
}
