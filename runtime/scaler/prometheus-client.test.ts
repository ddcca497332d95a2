import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { PrometheusClient, PrometheusQueryRejectedError, PrometheusUnavailableError } from "./prometheus-client";

/** A Prometheus that sends its headers and the start of a body, then `then` does something to the response. */
async function brokenPrometheus(then: (res: http.ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"status":"success","data":{"resultType":"matrix","result":[');
    then(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe("PrometheusClient", () => {
  it("gives up on a body that stops arriving, within its timeout, as Prometheus being unavailable", async () => {
    const prometheus = await brokenPrometheus(() => undefined);
    try {
      const started = Date.now();
      await expect(new PrometheusClient(prometheus.url, 200).queryRange("q", 0, 600_000, 300)).rejects.toBeInstanceOf(PrometheusUnavailableError);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await prometheus.close();
    }
  });

  it("reports a connection cut in the middle of the body as Prometheus being unavailable", async () => {
    const prometheus = await brokenPrometheus((res) => setTimeout(() => res.socket?.destroy(), 20));
    try {
      await expect(new PrometheusClient(prometheus.url, 5_000).queryRange("q", 0, 600_000, 300)).rejects.toThrow(/Prometheus at http:\/\/127\.0\.0\.1:\d+ .*(terminated|aborted|closed|socket)/i);
    } finally {
      await prometheus.close();
    }
  });
});

describe("PrometheusClient.queryRange over long histories", () => {
  it("reads a range longer than Prometheus' 11,000 points per query (21 days at 1-minute steps) in pieces", async () => {
    const windows: number[] = [];
    // Answers like Prometheus' /api/v1/query_range: at most 11,000 steps per query, else HTTP 400 bad_data.
    const server = http.createServer((req, res) => {
      const params = new URL(req.url ?? "/", "http://x").searchParams;
      const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)));
      res.setHeader("content-type", "application/json");
      if ((end - start) / step > 11_000) {
        res.writeHead(400).end(JSON.stringify({ status: "error", errorType: "bad_data", error: "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)" }));
        return;
      }
      windows.push((end - start) / step + 1);
      const values: [number, string][] = [];
      for (let t = start; t <= end; t += step) values.push([t, String(t % 7)]);
      res.end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: [{ metric: {}, values }] } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const endMs = Date.UTC(2026, 10, 20, 12, 0, 0);
      const startMs = endMs - 21 * 86_400_000;
      const samples = await new PrometheusClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).queryRange("q", startMs, endMs, 60);
      expect(samples.timestampsMs).toHaveLength(21 * 1440 + 1);
      expect(samples.timestampsMs.every((t, i) => t === startMs + i * 60_000)).toBe(true);
      expect(samples.values.every((v, i) => v === ((startMs / 1000 + i * 60) % 7))).toBe(true);
      expect(windows.length).toBeGreaterThan(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("PrometheusClient.queryRange on queries the PSE cannot use", () => {
  /** Answers every query with `status` and `body`, as Prometheus would. */
  async function answering(status: number, body: object): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer((_req, res) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it("tells a query Prometheus refuses or that returns several series apart from Prometheus being down", async () => {
    const parseError = await answering(400, { status: "error", errorType: "bad_data", error: 'invalid parameter "query": 1:5: parse error: unexpected ")"' });
    const several = await answering(200, { status: "success", data: { resultType: "matrix", result: [{ metric: { pod: "a" }, values: [] }, { metric: { pod: "b" }, values: [] }] } });
    const overloaded = await answering(503, { status: "error", errorType: "timeout", error: "query timed out in expression evaluation" });
    try {
      await expect(new PrometheusClient(parseError.url).queryRange("rate(x[5m]))", 0, 600_000, 300)).rejects.toThrow(PrometheusQueryRejectedError);
      await expect(new PrometheusClient(parseError.url).queryRange("rate(x[5m]))", 0, 600_000, 300)).rejects.toThrow(/parse error.*fix the trigger's query/);
      await expect(new PrometheusClient(several.url).queryRange("rate(x[5m])", 0, 600_000, 300)).rejects.toThrow(/query returned 2 series; aggregate it to one/);
      const timeout = new PrometheusClient(overloaded.url).queryRange("q", 0, 600_000, 300);
      await expect(timeout).rejects.toBeInstanceOf(PrometheusUnavailableError);
      await expect(timeout).rejects.not.toBeInstanceOf(PrometheusQueryRejectedError);
    } finally {
      await Promise.all([parseError.close(), several.close(), overloaded.close()]);
    }
  });
});
