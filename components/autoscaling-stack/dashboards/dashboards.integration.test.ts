import { startPrometheus, type TestPrometheus } from "../../../testing/prometheus-process";
import { icnaDashboards } from "./dashboards";
import { exportedSamples, MINUTES, START } from "./testing/exported-series";
import { promQueriesOf, withAllSelected } from "./prom-queries";

describe("every Prometheus query of ICNA's dashboards, against a real Prometheus fed the metrics the services export", () => {
  let prometheus: TestPrometheus;
  beforeAll(async () => {
    prometheus = await startPrometheus(await exportedSamples());
  }, 120_000);
  afterAll(async () => prometheus?.stop());

  const queries = promQueriesOf(icnaDashboards());

  it.each(queries.map((q) => [q.where, q.expr]))("%s: %s returns series", async (_where, expr) => {
    const params = new URLSearchParams({ query: withAllSelected(expr), start: String(START + 3600), end: String(START + (MINUTES - 1) * 60), step: "60" });
    const response = await fetch(`${prometheus.url}/api/v1/query_range?${params}`);
    const body = (await response.json()) as { status: string; error?: string; data?: { result: Array<{ values: unknown[] }> } };
    expect(body.error).toBeUndefined();
    expect(body.status).toBe("success");
    expect(body.data?.result.length).toBeGreaterThan(0);
    expect(body.data?.result.some((series) => series.values.length > 0)).toBe(true);
  });

  it("finds nothing for a metric the services do not export (the check can fail)", async () => {
    const params = new URLSearchParams({ query: "icna_pse_not_a_metric", start: String(START), end: String(START + 3600), step: "60" });
    const body = (await (await fetch(`${prometheus.url}/api/v1/query_range?${params}`)).json()) as { data: { result: unknown[] } };
    expect(body.data.result).toEqual([]);
  });
});
