import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { DATA_TIER_PANELS } from "./data-tier";
import { icnaDashboards } from "./dashboards";
import { promQueriesOf } from "./prom-queries";

type Panel = dashboard.Panel & { targets?: Array<Record<string, unknown>> };

describe("ICNA's Grafana dashboards", () => {
  const boards = icnaDashboards();

  it("builds each with the SDK's typed builders: a uid, a title, UTC, and panels whose queries name their datasource", () => {
    expect(boards.map((b) => b.uid)).toEqual(["icna-predictive-scaling", "icna-anomalies", "icna-blue-green", "icna-data-tier", "icna-logs"]);
    for (const board of boards) {
      expect(board).toMatchObject({ timezone: "utc", editable: false, tags: ["icna"] });
      const panels = (board.panels ?? []) as Panel[];
      expect(panels.length).toBeGreaterThan(2);
      for (const panel of panels) {
        expect(panel.type).toBe("timeseries");
        expect(panel.title).toBeTruthy();
        expect(panel.targets?.length).toBeGreaterThan(0);
        for (const target of panel.targets ?? []) expect((target.datasource as { uid: string }).uid).toBe(panel.datasource?.uid);
      }
    }
  });

  it("carries the same panels and queries through the JSON the ConfigMap holds", () => {
    const parsed = boards.map((b) => JSON.parse(JSON.stringify(b)) as dashboard.Dashboard);
    expect(promQueriesOf(parsed)).toEqual(promQueriesOf(boards));
    expect(parsed.map((b) => (b.panels ?? []).map((p) => (p as Panel).title))).toEqual(boards.map((b) => (b.panels ?? []).map((p) => (p as Panel).title)));
  });

  it("reads the data tier from CloudWatch: every instance of each metric, by its dimension", () => {
    const dataTier = boards[3].panels as Panel[];
    expect(dataTier.map((p) => p.title)).toEqual(DATA_TIER_PANELS.map((p) => p.title));
    expect(dataTier[0].targets?.[0]).toMatchObject({ namespace: "AWS/RDS", metricName: "DatabaseConnections", dimensions: { DBInstanceIdentifier: "*" }, datasource: { type: "cloudwatch", uid: "cloudwatch" } });
  });

  it("lists every Prometheus query of the panels and the alert annotations", () => {
    const queries = promQueriesOf(boards);
    expect(queries.length).toBeGreaterThan(15);
    expect(queries.map((q) => q.where)).toContain("ICNA / Anomalies › annotation alerts sent");
  });
});
