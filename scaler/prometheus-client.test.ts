import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { PrometheusClient, PrometheusUnavailableError } from "./prometheus-client";

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
