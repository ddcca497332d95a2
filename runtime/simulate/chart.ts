import type { SimulationResult } from "./simulation";

/** Series names as the chart's legend shows them. */
export const CHART_SERIES = ["demand", "reactive HPA capacity", "PSE capacity", "PSE forecast (upper quantile)"] as const;

/** Most points per series drawn; longer replays are bucketed (demand and forecast: highest, capacity: lowest in each bucket). */
const MAX_POINTS_PER_SERIES = 2000;

interface ChartRow {
  readonly time: string;
  readonly series: (typeof CHART_SERIES)[number];
  readonly value: number;
}

interface VegaLiteModule {
  compile(spec: object): { spec: object };
}

interface VegaModule {
  parse(spec: object): object;
  View: new (runtime: object, options: { renderer: "none" }) => { toSVG(): Promise<string>; finalize(): void };
}

/** The Vega-Lite specification of the replay chart: demand, both capacities and the forecast over time. */
export function simulationChartSpec(result: SimulationResult, title: string): object {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 1100,
    height: 360,
    data: { values: chartRows(result) },
    mark: { type: "line", strokeWidth: 1, interpolate: "step-after" },
    encoding: {
      x: { field: "time", type: "temporal", title: "time (UTC)" },
      y: { field: "value", type: "quantitative", title: `load (trace units per step); one pod serves ${Number(result.capacityPerPod.toPrecision(4))}` },
      color: { field: "series", type: "nominal", sort: [...CHART_SERIES], scale: { domain: [...CHART_SERIES], range: ["#444444", "#d62728", "#1f77b4", "#2ca02c"] }, legend: { orient: "top", title: null, labelLimit: 400 } },
    },
  };
}

/** Renders the replay chart to SVG with Vega-Lite → Vega (headless view). */
export async function renderSimulationChart(result: SimulationResult, title: string): Promise<string> {
  const importEsm = new Function("specifier", "return import(specifier)") as <T>(specifier: string) => Promise<T>;
  const [vegaLite, vega] = await Promise.all([importEsm<VegaLiteModule>("vega-lite"), importEsm<VegaModule>("vega")]);
  const view = new vega.View(vega.parse(vegaLite.compile(simulationChartSpec(result, title)).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function chartRows(result: SimulationResult): ChartRow[] {
  const points = result.timeline;
  const bucket = Math.max(1, Math.ceil(points.length / MAX_POINTS_PER_SERIES));
  const rows: ChartRow[] = [];
  for (let start = 0; start < points.length; start += bucket) {
    const slice = points.slice(start, start + bucket);
    const time = new Date(slice[0].timestampMs).toISOString();
    const finite = (values: number[]) => values.filter(Number.isFinite);
    const forecasts = finite(slice.map((p) => p.forecast));
    rows.push({ time, series: "demand", value: Math.max(...slice.map((p) => p.demand)) });
    rows.push({ time, series: "reactive HPA capacity", value: Math.min(...slice.map((p) => p.reactiveCapacity)) });
    rows.push({ time, series: "PSE capacity", value: Math.min(...slice.map((p) => p.predictiveCapacity)) });
    if (forecasts.length > 0) rows.push({ time, series: "PSE forecast (upper quantile)", value: Math.max(...forecasts) });
  }
  return rows;
}
