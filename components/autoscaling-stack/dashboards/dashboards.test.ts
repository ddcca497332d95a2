import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { CUTOVER_JUDGE_TAG, CUTOVER_ROLLBACK_TAG, CUTOVER_STEP_TAG, CUTOVER_TAG } from "../../../operations/cutover/grafana-annotations";
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
        expect(panel.title).toBeTruthy();
        // Lists of Grafana's own annotations (icna cutover's decisions) read no query.
        if (panel.type === "annolist") {
          expect(panel.datasource).toEqual({ type: "grafana", uid: "-- Grafana --" });
          continue;
        }
        expect(panel.type).toBe("timeseries");
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

  it("draws the PSE's forecast band beside demand and the lead on the last peaks over a week", () => {
    const panels = boards[0].panels as Panel[];
    const band = panels.find((p) => p.title === "Demand and forecast band");
    expect(band?.targets?.map((t) => (t as { expr?: string }).expr)).toEqual(["observed_load", "forecast_lower", "forecast_point", "forecast_upper", "forecast_peak"].map((m) => `icna_pse_${m}{scaled_object=~"$scaled_object"}`));
    expect(panels.find((p) => p.title === "Lead on the last peaks")).toMatchObject({ timeFrom: "7d", fieldConfig: { defaults: { unit: "m" } } });
  });

  it("shows icna cutover's steps, judged intervals and rollbacks from Grafana's annotations, by the tags the cutover writes", () => {
    const annotations = JSON.parse(JSON.stringify(boards[2].annotations)) as { list: Array<Record<string, unknown>> };
    expect(annotations.list.map((a) => [a.name, (a.target as { tags: string[] }).tags])).toEqual([
      ["cutover steps", [CUTOVER_STEP_TAG]],
      ["judged intervals (score per interval)", [CUTOVER_JUDGE_TAG]],
      ["rollbacks", [CUTOVER_ROLLBACK_TAG]],
    ]);
    for (const annotation of annotations.list) expect(annotation).toMatchObject({ datasource: { type: "grafana", uid: "-- Grafana --" }, enable: true, target: { type: "tags", matchAny: false, limit: 100 } });
    const lists = (boards[2].panels as Array<Panel & { options?: { tags?: string[] } }>).filter((p) => p.type === "annolist");
    expect(lists.map((p) => [p.title, p.options?.tags])).toEqual([
      ["Judge scores per interval", [CUTOVER_JUDGE_TAG]],
      ["Cutover and rollback events", [CUTOVER_TAG]],
    ]);
    expect(lists.every((p) => (p.options as Record<string, unknown>).onlyFromThisDashboard === false)).toBe(true);
  });

  it("lists every Prometheus query of the panels and the alert annotations", () => {
    const queries = promQueriesOf(boards);
    expect(queries.length).toBeGreaterThan(15);
    expect(queries.map((q) => q.where)).toContain("ICNA / Anomalies › annotation alerts sent");
  });
});
