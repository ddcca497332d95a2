import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";

/** A Prometheus query of a dashboard, and where it is (for messages). */
export interface DashboardQuery {
  readonly where: string;
  readonly expr: string;
}

/** Every Prometheus query of the dashboards: panel targets and annotation targets. */
export function promQueriesOf(boards: readonly dashboard.Dashboard[]): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  for (const board of boards) {
    for (const panel of (board.panels ?? []) as Array<dashboard.Panel>) {
      for (const target of (panel.targets ?? []) as Array<{ expr?: string; datasource?: { type?: string } }>) {
        if (target.datasource?.type === "prometheus" && target.expr) queries.push({ where: `${board.title} › ${panel.title ?? "?"}`, expr: target.expr });
      }
    }
    for (const annotation of board.annotations?.list ?? []) {
      const target = annotation.target as { expr?: string } | undefined;
      if (annotation.datasource?.type === "prometheus" && target?.expr) queries.push({ where: `${board.title} › annotation ${annotation.name}`, expr: target.expr });
    }
  }
  return queries;
}

/** A query with the dashboard variables (`$name`) selecting every value, as "All" does. */
export function withAllSelected(expr: string): string {
  return expr.replace(/\$[a-z_]+/g, ".+");
}
