import * as http from "node:http";
import type { WatchMetrics } from "./watch-metrics";

/** Serves the watcher's metrics on `/metrics` (and `/healthz`) for Prometheus to scrape. */
export async function startMetricsServer(metrics: WatchMetrics, host: string, port: number): Promise<http.Server> {
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
    response.writeHead(request.url === "/healthz" ? 200 : 404);
    response.end(request.url === "/healthz" ? "ok\n" : "not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return server;
}
