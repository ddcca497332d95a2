/** Raised when Prometheus cannot be reached or answers with an error. */
export class PrometheusUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrometheusUnavailableError";
  }
}

/** Samples of one series returned by a range query. */
export interface RangeSamples {
  readonly timestampsMs: number[];
  readonly values: number[];
}

interface PrometheusResponse {
  status: "success" | "error";
  error?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; values?: Array<[number, string]>; value?: [number, string] }> };
}

/** A minimal client of Prometheus' HTTP API (`/api/v1/query_range`, `/api/v1/query`). */
export class PrometheusClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Range query; the expression must return a single series (wrap it in sum() otherwise). */
  async queryRange(query: string, startMs: number, endMs: number, stepSeconds: number): Promise<RangeSamples> {
    const body = await this.get("/api/v1/query_range", { query, start: String(startMs / 1000), end: String(endMs / 1000), step: String(stepSeconds) });
    const result = body.data?.result ?? [];
    if (result.length > 1) throw new PrometheusUnavailableError(`query returned ${result.length} series; aggregate it to one (e.g. sum(...)): ${query}`);
    const samples = result[0]?.values ?? [];
    return {
      timestampsMs: samples.map(([t]) => Math.round(t * 1000)),
      values: samples.map(([, v]) => Number(v)),
    };
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
    if (!response.ok || body.status !== "success") throw new PrometheusUnavailableError(`Prometheus query failed (HTTP ${response.status}): ${body.error ?? text.slice(0, 200)}`);
    return body;
  }
}
