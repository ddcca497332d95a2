import * as http from "node:http";
import type { WatchMetrics } from "./watch-metrics";

/**
 * Serves the watcher's metrics on `/metrics` for Prometheus to scrape, `/healthz` (liveness: the
 * process answers) and `/readyz` (readiness: 200 while signals are being scored, 503 with the reason otherwise).
 */
export async function startMetricsServer(metrics: WatchMetrics, host: string, port: number, readiness: () => { ready: boolean; reason: string }): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.url === "/metrics") {
      metrics.registry
        .metrics()
        .then((body) => {
          response.writeHead(200, { "content-type": metrics.registry.contentType });
          response.end(body);
        })
        .catch((error: unknown) => {
          response.writeHead(500);
          response.end(String(error));
        });
      return;
    }
    if (request.url === "/readyz") {
      const { ready, reason } = readiness();
      response.writeHead(ready ? 200 : 503).end(`${reason}\n`);
      return;
    }
    response.writeHead(request.url === "/healthz" ? 200 : 404);
    response.end(request.url === "/healthz" ? "ok\n" : "not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return server;
}
