/** A Prometheus HTTP API failure (unreachable, bad query, bad status), with the query that failed. */
export class PrometheusError extends Error {
  constructor(
    readonly query: string,
    detail: string,
  ) {
    super(`Prometheus query \`${query}\` failed: ${detail}`);
    this.name = "PrometheusError";
  }
}

interface ApiResponse {
  status: "success" | "error";
  error?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; values?: Array<[number, string]>; value?: [number, string] }> };
}

/** One series returned by a range query. */
export interface RangeSeries {
  readonly labels: Readonly<Record<string, string>>;
  /** [unix seconds, value] pairs, NaN and infinities dropped. */
  readonly points: ReadonlyArray<readonly [number, number]>;
}

/** Minimal client of Prometheus' HTTP API (`/api/v1/query`, `/api/v1/query_range`). */
export class PrometheusClient {
  /** @param baseUrl e.g. `http://127.0.0.1:9090`. @param timeoutMs per request. */
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  private async call(path: string, params: Record<string, string>, query: string): Promise<ApiResponse["data"]> {
    const url = `${this.baseUrl.replace(/\/$/, "")}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new PrometheusError(query, `cannot reach ${this.baseUrl}: ${cause}`);
    }
    let body: ApiResponse;
    try {
      body = (await response.json()) as ApiResponse;
    } catch {
      throw new PrometheusError(query, `HTTP ${response.status} with a non-JSON body from ${url}`);
    }
    if (body.status !== "success" || !body.data) throw new PrometheusError(query, body.error ?? `HTTP ${response.status}`);
    return body.data;
  }

  /** Range query over [startSeconds, endSeconds] at `stepSeconds` resolution. */
  async queryRange(query: string, startSeconds: number, endSeconds: number, stepSeconds: number): Promise<RangeSeries[]> {
    const data = await this.call("/api/v1/query_range", { query, start: String(startSeconds), end: String(endSeconds), step: String(stepSeconds) }, query);
    return (data?.result ?? []).map((r) => ({
      labels: r.metric,
      points: (r.values ?? []).map(([t, v]) => [t, Number(v)] as const).filter(([, v]) => Number.isFinite(v)),
    }));
  }

  /** Instant query at `timeSeconds` (default: now); returns each series' value. */
  async query(query: string, timeSeconds?: number): Promise<Array<{ labels: Record<string, string>; value: number }>> {
    const params: Record<string, string> = { query };
    if (timeSeconds !== undefined) params.time = String(timeSeconds);
    const data = await this.call("/api/v1/query", params, query);
    return (data?.result ?? []).map((r) => ({ labels: r.metric, value: Number(r.value?.[1]) }));
  }
}
