/**
 * Why a Prometheus read failed:
 * - `unreachable`: no connection, a connection cut, or an HTTP 5xx that is not a query error;
 * - `timeout`: the request's deadline passed (headers, body and retries included), or Prometheus' own query timeout;
 * - `rejected`: Prometheus refused the query (`bad_data`, `execution`), or it has a shape the caller cannot use;
 * - `too-large`: the response is over the byte limit or holds more series than the limit;
 * - `malformed`: the body is not Prometheus' API JSON (not JSON, missing fields, a sample that is not a number).
 */
export type PrometheusFailure = "unreachable" | "timeout" | "rejected" | "too-large" | "malformed";

/** A failed read from Prometheus' HTTP API, with the query and the kind of failure. */
export class PrometheusError extends Error {
  constructor(
    readonly kind: PrometheusFailure,
    readonly query: string,
    detail: string,
  ) {
    super(`Prometheus query \`${query}\` failed (${kind}): ${detail}`);
    this.name = "PrometheusError";
  }

  /** The query or its result is the problem (fix the query), not Prometheus' availability. */
  get isQueryProblem(): boolean {
    return this.kind === "rejected" || this.kind === "too-large";
  }
}
