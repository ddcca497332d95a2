/** Raised when Prometheus cannot be reached or answers with an error. */
export class PrometheusUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrometheusUnavailableError";
  }
}

/** Prometheus answered, but refused the query or returned what the PSE cannot use: the trigger's `query` needs fixing. */
export class PrometheusQueryRejectedError extends PrometheusUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = "PrometheusQueryRejectedError";
  }
}

/** Prometheus refuses a range query of more than 11,000 steps ("exceeded maximum resolution of 11,000 points per timeseries"). */
const MAX_STEPS_PER_QUERY = 11_000;

/** Samples of one series returned by a range query. */
export interface RangeSamples {
  readonly timestampsMs: number[];
  readonly values: number[];
}

interface PrometheusResponse {
  status: "success" | "error";
  error?: string;
  /** e.g. `bad_data` for a query that does not parse, `execution`, `timeout`. */
  errorType?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; values?: Array<[number, string]>; value?: [number, string] }> };
}

/** A minimal client of Prometheus' HTTP API (`/api/v1/query_range`, `/api/v1/query`). */
export class PrometheusClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /**
   * Range query; the expression must return a single series (wrap it in sum() otherwise). Ranges of more
   * than Prometheus' 11,000 steps per query (e.g. 21 days at 1-minute steps) are read in consecutive pieces.
   */
  async queryRange(query: string, startMs: number, endMs: number, stepSeconds: number): Promise<RangeSamples> {
    const stepMs = stepSeconds * 1000;
    const samples: RangeSamples = { timestampsMs: [], values: [] };
    for (let fromMs = startMs; fromMs <= endMs; fromMs += MAX_STEPS_PER_QUERY * stepMs) {
      const toMs = Math.min(endMs, fromMs + (MAX_STEPS_PER_QUERY - 1) * stepMs);
      const body = await this.get("/api/v1/query_range", { query, start: String(fromMs / 1000), end: String(toMs / 1000), step: String(stepSeconds) });
      const result = body.data?.result ?? [];
      if (result.length > 1) throw new PrometheusQueryRejectedError(`query returned ${result.length} series; aggregate it to one (e.g. sum(...)): ${query}`);
      for (const [t, v] of result[0]?.values ?? []) {
        samples.timestampsMs.push(Math.round(t * 1000));
        samples.values.push(Number(v));
      }
    }
    return samples;
  }

  private async get(path: string, params: Record<string, string>): Promise<PrometheusResponse> {
    const url = `${this.baseUrl.replace(/\/$/, "")}${path}?${new URLSearchParams(params).toString()}`;
    const causeOf = (error: unknown) => (error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error));
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new PrometheusUnavailableError(`Prometheus at ${this.baseUrl} is unreachable: ${causeOf(error)}`);
    }
    // The timeout also covers the body: a stalled or cut body is Prometheus being unavailable too.
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new PrometheusUnavailableError(`Prometheus at ${this.baseUrl} stopped answering in the middle of the response (HTTP ${response.status}, timeout ${this.timeoutMs} ms): ${causeOf(error)}`);
    }
    let body: PrometheusResponse;
    try {
      body = JSON.parse(text) as PrometheusResponse;
    } catch {
      throw new PrometheusUnavailableError(`Prometheus at ${this.baseUrl} answered HTTP ${response.status} with a non-JSON body`);
    }
    if (!response.ok || body.status !== "success") {
      const message = `Prometheus query failed (HTTP ${response.status}): ${body.error ?? text.slice(0, 200)}`;
      throw body.errorType === "bad_data" ? new PrometheusQueryRejectedError(`${message}; fix the trigger's query`) : new PrometheusUnavailableError(message);
    }
    return body;
  }
}
