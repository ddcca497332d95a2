import * as http from "node:http";
import { closedPortUrl } from "../../testing/closed-port";
import { startLoopbackServer } from "../../testing/loopback-server";
import { PrometheusClient, PrometheusError, type PrometheusFailure } from "./prometheus-client";

/** A Prometheus on loopback whose every answer `handle` writes, counting requests. */
const fakePrometheus = startLoopbackServer;

const json = (res: http.ServerResponse, status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
const matrix = (result: unknown[]) => ({ status: "success", data: { resultType: "matrix", result } });

async function failureOf(call: Promise<unknown>): Promise<{ kind: PrometheusFailure; message: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PrometheusError)) throw new Error(`expected a PrometheusError, got ${String(error)}`);
  return { kind: error.kind, message: error.message };
}

describe("PrometheusClient deadlines", () => {
  it("gives up on a body that stops arriving, within the deadline, as a timeout", async () => {
    const prom = await fakePrometheus((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":"success","data":{"resultType":"matrix","result":[');
    });
    try {
      const started = Date.now();
      const failure = await failureOf(new PrometheusClient(prom.url, { deadlineMs: 300 }).queryRange("q", 0, 600_000, 300));
      expect(failure.kind).toBe("timeout");
      expect(failure.message).toMatch(/headers came, the body did not finish/);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await prom.close();
    }
  });

  it("covers every retry in the one deadline", async () => {
    // Each attempt gets a 500 after 150 ms: retries may not stretch the call past its deadline.
    const prom = await fakePrometheus((_req, res) => setTimeout(() => res.writeHead(500).end("internal"), 150));
    try {
      const started = Date.now();
      const failure = await failureOf(new PrometheusClient(prom.url, { deadlineMs: 400, retries: 10 }).query("q"));
      expect(["timeout", "unreachable"]).toContain(failure.kind);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(prom.requests()).toBeLessThanOrEqual(3);
    } finally {
      await prom.close();
    }
  });

  it("retries an unreachable Prometheus within the deadline and says it cannot reach it", async () => {
    const url = await closedPortUrl();
    const failure = await failureOf(new PrometheusClient(url, { deadlineMs: 2_000, retries: 1 }).query("up"));
    expect(failure).toMatchObject({ kind: "unreachable", message: expect.stringMatching(/cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/) });
  });

  it("reports a connection cut in the middle of the body as unreachable", async () => {
    const prom = await fakePrometheus((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":"success","data":{"resultType":"matrix","result":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      const failure = await failureOf(new PrometheusClient(prom.url, { deadlineMs: 5_000, retries: 0 }).queryRange("q", 0, 600_000, 300));
      expect(failure).toMatchObject({ kind: "unreachable", message: expect.stringMatching(/stopped answering in the middle of the response/) });
    } finally {
      await prom.close();
    }
  });
});

describe("PrometheusClient limits", () => {
  it("abandons a body over the byte limit before reading it whole", async () => {
    let written = 0;
    const prom = await fakePrometheus((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":"success","data":{"resultType":"matrix","result":[');
      const chunk = `{"metric":{"pod":"p"},"values":[[1,"1"]]},`.repeat(1000);
      const timer = setInterval(() => {
        written += chunk.length;
        res.write(chunk);
        if (written > 50_000_000) clearInterval(timer);
      }, 1);
      res.on("close", () => clearInterval(timer));
    });
    try {
      const failure = await failureOf(new PrometheusClient(prom.url, { maxResponseBytes: 1_000_000 }).queryRange("q", 0, 600_000, 300));
      expect(failure).toMatchObject({ kind: "too-large", message: expect.stringMatching(/over the limit of 1000000 bytes/) });
      expect(written).toBeLessThan(20_000_000);
    } finally {
      await prom.close();
    }
  });

  it("refuses a declared body over the limit from its content-length", async () => {
    const prom = await fakePrometheus((_req, res) => res.writeHead(200, { "content-length": "5000000" }).end());
    try {
      expect(await failureOf(new PrometheusClient(prom.url, { maxResponseBytes: 1000 }).query("q"))).toMatchObject({ kind: "too-large", message: expect.stringMatching(/5000000 bytes/) });
    } finally {
      await prom.close();
    }
  });

  it("refuses more series than the limit, saying how to fix the query", async () => {
    const result = Array.from({ length: 5 }, (_, i) => ({ metric: { pod: `p${i}` }, values: [[1, "1"]] }));
    const prom = await fakePrometheus((_req, res) => json(res, 200, matrix(result)));
    try {
      const failure = await failureOf(new PrometheusClient(prom.url, { maxSeries: 4 }).queryRange("rate(x[5m])", 0, 600_000, 300));
      expect(failure).toMatchObject({ kind: "too-large", message: expect.stringMatching(/more than 4 series.*aggregate it/) });
      expect((await new PrometheusClient(prom.url, { maxSeries: 5 }).queryRange("rate(x[5m])", 0, 600_000, 300)).length).toBe(5);
    } finally {
      await prom.close();
    }
  });

  it("refuses a limit that is not a whole number", () => {
    expect(() => new PrometheusClient("http://x", { deadlineMs: 0 })).toThrow(/deadlineMs must be a whole number ≥ 1, got 0/);
  });
});

describe("PrometheusClient answers", () => {
  it("tells a refused query, Prometheus' own timeout, an HTTP error and a malformed body apart", async () => {
    const answers: Record<string, (res: http.ServerResponse) => void> = {
      parse: (res) => json(res, 400, { status: "error", errorType: "bad_data", error: '1:5: parse error: unexpected ")"' }),
      execution: (res) => json(res, 422, { status: "error", errorType: "execution", error: "many-to-many matching not allowed" }),
      slow: (res) => json(res, 503, { status: "error", errorType: "timeout", error: "query timed out in expression evaluation" }),
      down: (res) => res.writeHead(502).end("<html>bad gateway</html>"),
      garbage: (res) => res.writeHead(200).end("<html>not prometheus</html>"),
      noValues: (res) => json(res, 200, matrix([{ metric: {} }])),
      badValue: (res) => json(res, 200, matrix([{ metric: {}, values: [[1, "twelve"]] }])),
      notApi: (res) => json(res, 200, { hello: "world" }),
    };
    const prom = await fakePrometheus((req, res) => answers[new URL(req.url ?? "/", "http://x").searchParams.get("query") ?? ""](res));
    const client = new PrometheusClient(prom.url, { retries: 0 });
    try {
      const kindOf = async (query: string) => (await failureOf(client.queryRange(query, 0, 600_000, 300))).kind;
      expect(await kindOf("parse")).toBe("rejected");
      expect((await failureOf(client.queryRange("parse", 0, 600_000, 300))).message).toMatch(/parse error.*fix the query/);
      expect(await kindOf("execution")).toBe("rejected");
      expect(await kindOf("slow")).toBe("timeout");
      expect(await kindOf("down")).toBe("unreachable");
      expect(await kindOf("garbage")).toBe("malformed");
      expect(await kindOf("noValues")).toBe("malformed");
      expect((await failureOf(client.queryRange("badValue", 0, 600_000, 300))).message).toMatch(/not a number: "twelve"/);
      expect(await kindOf("notApi")).toBe("malformed");
    } finally {
      await prom.close();
    }
  });

  it("keeps NaN and infinities as Prometheus wrote them, and reads instant vectors and scalars", async () => {
    const prom = await fakePrometheus((req, res) => {
      const query = new URL(req.url ?? "/", "http://x").searchParams.get("query");
      if (req.url?.startsWith("/api/v1/query_range")) return json(res, 200, matrix([{ metric: { a: "1" }, values: [[1, "NaN"], [2, "+Inf"], [3, "-Inf"], [4, "1.5e3"]] }]));
      if (query === "scalar") return json(res, 200, { status: "success", data: { resultType: "scalar", result: [7, "42"] } });
      json(res, 200, { status: "success", data: { resultType: "vector", result: [{ metric: { job: "x" }, value: [7, "3"] }] } });
    });
    try {
      const client = new PrometheusClient(prom.url);
      expect(await client.queryRange("q", 1000, 4000, 1)).toEqual([{ labels: { a: "1" }, timestampsMs: [1000, 2000, 3000, 4000], values: [NaN, Infinity, -Infinity, 1500] }]);
      expect(await client.query("v", 7000)).toEqual([{ labels: { job: "x" }, timestampMs: 7000, value: 3 }]);
      expect(await client.query("scalar")).toEqual([{ labels: {}, timestampMs: 7000, value: 42 }]);
    } finally {
      await prom.close();
    }
  });

  it("reads a range longer than Prometheus' 11,000 points per query (21 days at 1-minute steps) in pieces, joined per series", async () => {
    const windows: number[] = [];
    const prom = await fakePrometheus((req, res) => {
      const params = new URL(req.url ?? "/", "http://x").searchParams;
      const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)));
      if ((end - start) / step > 11_000) return json(res, 400, { status: "error", errorType: "bad_data", error: "exceeded maximum resolution of 11,000 points per timeseries" });
      windows.push((end - start) / step + 1);
      const values: [number, string][] = [];
      for (let t = start; t <= end; t += step) values.push([t, String(t % 7)]);
      json(res, 200, matrix([{ metric: { b: "2", a: "1" }, values }]));
    });
    try {
      const endMs = Date.UTC(2026, 10, 20, 12, 0, 0);
      const startMs = endMs - 21 * 86_400_000;
      const [series, ...others] = await new PrometheusClient(prom.url).queryRange("q", startMs, endMs, 60);
      expect(others).toEqual([]);
      expect(series.timestampsMs).toHaveLength(21 * 1440 + 1);
      expect(series.timestampsMs.every((t, i) => t === startMs + i * 60_000)).toBe(true);
      expect(series.values.every((v, i) => v === (startMs / 1000 + i * 60) % 7)).toBe(true);
      expect(windows.length).toBe(3);
    } finally {
      await prom.close();
    }
  });
});
