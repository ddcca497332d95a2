import * as http from "node:http";
import * as https from "node:https";
import { PrometheusError } from "./prometheus-error";

/** A response read whole, within its limits. */
export interface BoundedResponse {
  readonly status: number;
  readonly body: string;
}

export interface BoundedGetLimits {
  /** Epoch ms by which the body must have been read to its end. */
  readonly deadlineAt: number;
  readonly maxBytes: number;
  /** The query, for error messages. */
  readonly query: string;
}

/**
 * GET with one deadline over connection, headers and body, and a body limit checked as bytes arrive.
 * The deadline is a timer of its own that settles the promise whatever the socket does (a body that
 * stops arriving on a busy process included), then destroys the request.
 */
export function httpGet(url: string, limits: BoundedGetLimits): Promise<BoundedResponse> {
  const { deadlineAt, maxBytes, query } = limits;
  const origin = new URL(url).origin;
  return new Promise<BoundedResponse>((resolve, reject) => {
    let settled = false;
    let status = 0;
    const finish = (outcome: BoundedResponse | PrometheusError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome instanceof PrometheusError) {
        request.destroy();
        reject(outcome);
      } else resolve(outcome);
    };
    const remaining = deadlineAt - Date.now();
    const timer = setTimeout(
      () => finish(new PrometheusError("timeout", query, `no complete answer from ${origin} within the deadline${status ? ` (HTTP ${status} headers came, the body did not finish)` : ""}`)),
      Math.max(0, remaining),
    );
    const client = url.startsWith("https:") ? https : http;
    const request = client.get(url, { headers: { accept: "application/json" } }, (response) => {
      status = response.statusCode ?? 0;
      const declared = Number(response.headers["content-length"]);
      if (declared > maxBytes) return finish(tooLarge(query, `${declared} bytes`, maxBytes));
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > maxBytes) finish(tooLarge(query, `over ${maxBytes} bytes read so far`, maxBytes));
        else chunks.push(chunk);
      });
      response.on("end", () => finish({ status, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("aborted", () => finish(new PrometheusError("unreachable", query, `${origin} stopped answering in the middle of the response (HTTP ${status})`)));
      response.on("error", (error) => finish(new PrometheusError("unreachable", query, `${origin} stopped answering in the middle of the response (HTTP ${status}): ${error.message}`)));
    });
    request.on("error", (error: NodeJS.ErrnoException) => finish(new PrometheusError("unreachable", query, `cannot reach ${origin}: ${error.code ?? error.message}`)));
    if (remaining <= 0) finish(new PrometheusError("timeout", query, `the deadline had passed before the request to ${origin} was sent`));
  });
}

function tooLarge(query: string, size: string, maxBytes: number): PrometheusError {
  return new PrometheusError("too-large", query, `the response is ${size}, over the limit of ${maxBytes} bytes; narrow the query (fewer series, a coarser step) or raise the response limit`);
}
