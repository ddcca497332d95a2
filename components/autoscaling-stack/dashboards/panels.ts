import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import * as common from "@grafana/grafana-foundation-sdk/common";
import * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import * as prometheus from "@grafana/grafana-foundation-sdk/prometheus";
import * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import { CLOUDWATCH_DATASOURCE_UID, PROMETHEUS_DATASOURCE_UID } from "../grafana";

export const PROMETHEUS: common.DataSourceRef = { type: "prometheus", uid: PROMETHEUS_DATASOURCE_UID };
export const CLOUDWATCH: common.DataSourceRef = { type: "cloudwatch", uid: CLOUDWATCH_DATASOURCE_UID };
/** Grafana's built-in datasource of its own annotations (those written through its HTTP API). */
export const GRAFANA_ANNOTATIONS: common.DataSourceRef = { type: "grafana", uid: "-- Grafana --" };

/** One PromQL query of a panel and how its series are named in the legend. */
export interface PromQuery {
  readonly expr: string;
  readonly legend: string;
}

/** A time-series panel over Prometheus queries, a full row wide unless told. */
export function promPanel(title: string, description: string, queries: readonly PromQuery[], unit: string, width = 24): timeseries.PanelBuilder {
  const panel = new timeseries.PanelBuilder().title(title).description(description).datasource(PROMETHEUS).unit(unit).height(8).span(width).legend(new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.Table).placement(common.LegendPlacement.Bottom).calcs(["lastNotNull", "max"]));
  queries.forEach((q, i) => panel.withTarget(new prometheus.DataqueryBuilder().datasource(PROMETHEUS).expr(q.expr).legendFormat(q.legend).range().refId(String.fromCharCode(65 + i))));
  return panel;
}

/** A dashboard variable listing a label's values from a metric (all selected by default). */
export function labelVariable(name: string, label: string, metric: string): cog.Builder<dashboard.VariableModel> {
  return new dashboard.QueryVariableBuilder(name)
    .label(label)
    .datasource(PROMETHEUS)
    .query(`label_values(${metric}, ${name})`)
    .definition(`label_values(${metric}, ${name})`)
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .multi(true)
    .includeAll(true)
    .allValue(".+");
}

/** The common frame of ICNA dashboards: uid, title, tags, UTC, last 24 h, refreshed every minute, read-only. */
export function icnaDashboard(uid: string, title: string, description: string): dashboard.DashboardBuilder {
  return new dashboard.DashboardBuilder(title).uid(uid).description(description).tags(["icna"]).timezone("utc").time({ from: "now-24h", to: "now" }).refresh("1m").readonly().tooltip(dashboard.DashboardCursorSync.Crosshair);
}
