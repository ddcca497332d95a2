import { PrometheusError } from "./prometheus-error";

/** One result of `data.result`, values parsed (NaN and ±Inf kept). */
export interface ApiResult {
  readonly metric: Record<string, string>;
  readonly values?: Array<[number, number]>;
  readonly value?: [number, number];
}

/** `data` of a successful API response. */
export interface ApiData {
  readonly resultType: "matrix" | "vector" | "scalar" | "string";
  readonly result: ApiResult[];
  /** The scalar, for resultType "scalar". */
  readonly scalar?: [number, number];
}

/** Prometheus' errorTypes that mean the query itself is at fault. */
const QUERY_ERRORS = new Set(["bad_data", "execution"]);

/**
 * Validates a body of Prometheus' HTTP API and returns its data, or throws the kind of failure:
 * `rejected` for a query error, `timeout` for Prometheus' own query timeout, `unreachable` for other
 * HTTP errors, `malformed` for anything that is not the API's JSON.
 */
export function readApiResponse(status: number, text: string, query: string): ApiData {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (status >= 500) throw new PrometheusError("unreachable", query, `HTTP ${status}: ${text.slice(0, 200)}`);
    throw new PrometheusError("malformed", query, `HTTP ${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 100))}`);
  }
  if (!isRecord(body) || (body.status !== "success" && body.status !== "error")) throw new PrometheusError("malformed", query, `HTTP ${status} with JSON that is not Prometheus' API response (no "status")`);
  if (body.status === "error" || status >= 400) {
    const errorType = typeof body.errorType === "string" ? body.errorType : "";
    const detail = `HTTP ${status}${errorType ? ` ${errorType}` : ""}: ${typeof body.error === "string" ? body.error : "no error message"}`;
    if (QUERY_ERRORS.has(errorType)) throw new PrometheusError("rejected", query, `${detail}; fix the query`);
    if (errorType === "timeout" || errorType === "canceled") throw new PrometheusError("timeout", query, detail);
    throw new PrometheusError(status >= 400 && status < 500 ? "rejected" : "unreachable", query, detail);
  }
  const data = body.data;
  if (!isRecord(data) || typeof data.resultType !== "string") throw new PrometheusError("malformed", query, 'a success without "data.resultType"');
  const resultType = data.resultType;
  if (resultType === "scalar" || resultType === "string") {
    return { resultType, result: [], scalar: resultType === "scalar" ? sample(data.result, query) : undefined };
  }
  if ((resultType !== "matrix" && resultType !== "vector") || !Array.isArray(data.result)) throw new PrometheusError("malformed", query, `resultType "${resultType}" with no result list`);
  const result = data.result.map((r: unknown): ApiResult => {
    if (!isRecord(r) || !isRecord(r.metric)) throw new PrometheusError("malformed", query, "a result without its labels (metric)");
    const metric = r.metric as Record<string, string>;
    if (resultType === "vector") return { metric, value: sample(r.value, query) };
    if (!Array.isArray(r.values)) throw new PrometheusError("malformed", query, `a series ${JSON.stringify(metric)} without a "values" list`);
    return { metric, values: r.values.map((v: unknown) => sample(v, query)) };
  });
  return { resultType, result };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A `[unix seconds, "value"]` pair; Prometheus writes infinities as "+Inf" and "-Inf". */
function sample(pair: unknown, query: string): [number, number] {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "number" || typeof pair[1] !== "string") {
    throw new PrometheusError("malformed", query, `a sample that is not [time, "value"]: ${JSON.stringify(pair)?.slice(0, 60)}`);
  }
  const text = pair[1];
  const value = text === "+Inf" ? Infinity : text === "-Inf" ? -Infinity : text === "NaN" ? NaN : NUMBER.test(text) ? Number(text) : undefined;
  if (value === undefined) throw new PrometheusError("malformed", query, `a sample value that is not a number: ${JSON.stringify(text.slice(0, 40))}`);
  return [pair[0], value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
