import * as http from "node:http";
import type { Registry } from "prom-client";

/**
 * Serves a process's metrics on `/metrics` for Prometheus to scrape and `/healthz` (liveness: the
 * process answers); with `readiness`, also `/readyz` (200 while ready, 503 with the reason otherwise).
 */
export async function startMetricsServer(
  metrics: { readonly registry: Registry },
  host: string,
  port: number,
  readiness?: () => { ready: boolean; reason: string },
): Promise<http.Server> {
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
    if (request.url === "/readyz" && readiness) {
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
