import * as fs from "node:fs";
import * as path from "node:path";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { Resvg } from "@resvg/resvg-js";
import type { BenchSuite } from "../run";
import { icnaDashboards } from "../../components/autoscaling-stack/dashboards/dashboards";
import { exportedSamples, MINUTES, START } from "../../components/autoscaling-stack/dashboards/testing/exported-series";
import { withAllSelected } from "../../components/autoscaling-stack/dashboards/prom-queries";
import { startPrometheus } from "../../testing/prometheus-process";

const OUT_DIR = path.resolve(__dirname, "..", "..", "docs", "dashboards");

interface Row {
  readonly time: number;
  readonly series: string;
  readonly value: number;
}

interface VegaLiteModule {
  compile(spec: object): { spec: object };
}
interface VegaModule {
  parse(spec: object): object;
  View: new (runtime: object, options: { renderer: "none" }) => { toSVG(): Promise<string>; finalize(): void };
}

type Target = { expr?: string; legendFormat?: string; datasource?: { type?: string } };

async function queryRange(url: string, expr: string, legend: string): Promise<Row[]> {
  const params = new URLSearchParams({ query: withAllSelected(expr), start: String(START + 3600), end: String(START + (MINUTES - 1) * 60), step: "60" });
  const body = (await (await fetch(`${url}/api/v1/query_range?${params}`)).json()) as { data: { result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> } };
  return body.data.result.flatMap((series) => {
    const name = legend.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, label: string) => series.metric[label] ?? "");
    return series.values.map(([t, v]) => ({ time: t * 1000, series: name, value: Number(v) }));
  });
}

/** The panel's line style for a series, from its overrides by name regexp (`custom.lineStyle`), as Grafana draws it. */
function lineStyleOf(panel: dashboard.Panel, series: string): "solid" | "dash" | "dot" {
  let style: "solid" | "dash" | "dot" = "solid";
  for (const override of panel.fieldConfig?.overrides ?? []) {
    if (override.matcher.id !== "byRegexp" || !new RegExp(String(override.matcher.options)).test(series)) continue;
    const lineStyle = override.properties.find((p) => p.id === "custom.lineStyle")?.value as { fill?: string } | undefined;
    if (lineStyle?.fill === "dash" || lineStyle?.fill === "dot") style = lineStyle.fill;
  }
  return style;
}

async function renderPng(spec: object): Promise<Buffer> {
  const importEsm = new Function("specifier", "return import(specifier)") as <T>(specifier: string) => Promise<T>;
  const [vegaLite, vega] = await Promise.all([importEsm<VegaLiteModule>("vega-lite"), importEsm<VegaModule>("vega")]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return new Resvg(svg, { background: "white", fitTo: { mode: "zoom", value: 1.5 } }).render().asPng();
  } finally {
    view.finalize();
  }
}

const suite: BenchSuite = {
  name: "dashboards",
  description:
    "Renders the Prometheus panels of each ICNA Grafana dashboard from a real Prometheus (the tests' one: promtool backfill of three hours of the series the PSE's and the watcher's registries export, kube-state-metrics HPA replicas and workload request metrics, all synthetic) with Vega-Lite → SVG → PNG (resvg) into docs/dashboards/, dashed and dotted where the panel overrides say so. CloudWatch panels are not rendered (no AWS account here), nor annotations held by Grafana itself (icna cutover's events).",
  async run() {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const prometheus = await startPrometheus(await exportedSamples());
    const lines = ["| dashboard | panels rendered | queries | series | picture |", "|---|---:|---:|---:|---|"];
    try {
      for (const board of icnaDashboards()) {
        const panels: object[] = [];
        let queries = 0;
        const series = new Set<string>();
        for (const panel of (board.panels ?? []) as dashboard.Panel[]) {
          const targets = ((panel.targets ?? []) as Target[]).filter((t) => t.datasource?.type === "prometheus" && t.expr);
          if (targets.length === 0) continue;
          const rows = (await Promise.all(targets.map((t) => queryRange(prometheus.url, t.expr ?? "", t.legendFormat ?? "")))).flat().map((r) => ({ ...r, style: lineStyleOf(panel, r.series) }));
          queries += targets.length;
          rows.forEach((r) => series.add(`${panel.title}/${r.series}`));
          panels.push({
            title: { text: panel.title ?? "", anchor: "start" },
            width: 520,
            height: 180,
            data: { values: rows },
            mark: { type: "line", strokeWidth: 1.5 },
            encoding: {
              x: { field: "time", type: "temporal", title: null, scale: { type: "utc" }, axis: { format: "%H:%M", labelOverlap: true } },
              y: { field: "value", type: "quantitative", title: panel.fieldConfig?.defaults?.unit ?? null },
              color: { field: "series", type: "nominal", legend: { orient: "bottom", columns: 2, labelLimit: 360, title: null } },
              strokeDash: { field: "style", type: "nominal", scale: { domain: ["solid", "dash", "dot"], range: [[1, 0], [6, 4], [1, 3]] }, legend: null },
            },
          });
        }
        if (panels.length === 0) {
          lines.push(`| ${board.title} | 0 | 0 | 0 | CloudWatch only: not rendered |`);
          continue;
        }
        const file = path.join(OUT_DIR, `${board.uid}.png`);
        const spec = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", title: { text: `${board.title} (synthetic series, UTC)`, anchor: "start", fontSize: 15 }, concat: panels, columns: 2, resolve: { scale: { color: "independent" } } };
        fs.writeFileSync(file, await renderPng(spec));
        lines.push(`| ${board.title} | ${panels.length} | ${queries} | ${series.size} | docs/dashboards/${board.uid}.png |`);
      }
    } finally {
      await prometheus.stop();
    }
    return lines.join("\n");
  },
};

export default suite;
