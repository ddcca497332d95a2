import * as path from "node:path";
import { formatTimestamp } from "../forecast/timestamp";
import { AUTOSCALERS, CHART_SERIES, chartData, type BucketRow, type ChartData, type UnderProvisionedRow } from "./chart-data";
import { MAX_LEAD_SEARCH_MINUTES, PEAK_WINDOW_MINUTES } from "./outcome";
import type { SimulationReport } from "./simulate-trace";
import type { SimulationResult } from "./simulation";

export { CHART_SERIES } from "./chart-data";

/** What the chart's title needs from the report. */
export type SimulateReportContext = Pick<SimulationReport, "trace" | "target_utilisation" | "quantile" | "lead_minutes">;

const SERIES_COLOURS = ["#444444", "#d62728", "#1f77b4", "#2ca02c"];
const AUTOSCALER_COLOURS = ["#d62728", "#1f77b4"];
const WIDTH = 1100;

interface VegaLiteModule {
  compile(spec: object): { spec: object };
}

interface VegaModule {
  parse(spec: object): object;
  View: new (runtime: object, options: { renderer: "none" }) => { toSVG(): Promise<string>; finalize(): void };
}

/** A label for every tick in UTC: the date at midnight, the time of day otherwise (the same rule at every zoom). */
export const UTC_TICK_LABEL = "utcFormat(datum.value, '%H:%M') === '00:00' ? utcFormat(datum.value, '%a %d %b') : utcFormat(datum.value, '%H:%M')";

/** Tick spacing for a time span: every 6 h up to 3 days, daily up to 16 days, then wider. */
export function tickInterval(spanMinutes: number): { interval: "minutes" | "hours" | "day"; step: number } {
  if (spanMinutes <= 4 * 60) return { interval: "minutes", step: 15 };
  if (spanMinutes <= 1440) return { interval: "hours", step: 3 };
  if (spanMinutes <= 3 * 1440) return { interval: "hours", step: 6 };
  return { interval: "day", step: Math.max(1, Math.ceil(spanMinutes / 1440 / 16)) };
}

/** The chart's title: trace, replayed dates and both autoscalers' settings. */
function simulationChartTitle(data: ChartData, context: SimulateReportContext, capacityPerPod: number): { text: string; subtitle: string[] } {
  const days = (data.endMs - data.startMs) / 86_400_000;
  const target = Math.round(context.target_utilisation * 100);
  return {
    text: `${path.basename(context.trace)}: reactive HPA vs PSE, ${formatTimestamp(data.startMs).slice(0, 16)} → ${formatTimestamp(data.endMs).slice(0, 16)} UTC (${Number(days.toFixed(1))} days, ${data.stepMinutes}-min steps)`,
    subtitle: [
      `Reactive HPA: CPU at ${target}% target. PSE: forecasts ${context.lead_minutes} min ahead, sizes the ${context.quantile} quantile within full capacity and the expected load at ${target}%.`,
      `Capacity: ready pods × ${Number(capacityPerPod.toPrecision(4))} (the load one pod serves, in trace units per step). Forecast: the upper quantile the PSE sized for, drawn at the minute it was for (forecast one lead window earlier).`,
    ],
  };
}

/** The Vega-Lite specification of the replay chart: the whole replay, the day the PSE led its peak least, and that peak zoomed. */
function simulationChartSpec(result: SimulationResult, context: SimulateReportContext): object {
  const data = chartData(result);
  const bucket = data.bucketMinutes === data.stepMinutes ? `per ${data.stepMinutes}-min step` : `per ${formatMinutes(data.bucketMinutes)} bucket`;
  const panels: object[] = [
    panel(
      [`Whole replay. Lines: the mean ${bucket}; shaded bands: the lowest–highest in it (the same rule for demand, both capacities and the forecast).`, "Strips: under-provisioned minutes (demand above what the ready pods serve at 100%). Yellow: the day zoomed below."],
      data.overview,
      data.underProvisioned,
      data.focus ? [{ startMs: data.focus.peak.dayStartMs, endMs: data.focus.peak.dayStartMs + 86_400_000, label: "zoomed day" }] : [],
      data.bucketMinutes,
    ),
  ];
  if (data.focus) {
    const { peak, day, zoom, dayUnder, zoomUnder } = data.focus;
    const clock = (ms: number) => formatTimestamp(ms).slice(11, 16);
    const covered = (who: string, lead: number) =>
      lead >= MAX_LEAD_SEARCH_MINUTES ? `${who}: covered it all the ${MAX_LEAD_SEARCH_MINUTES} minutes searched before it (lead ≥ ${MAX_LEAD_SEARCH_MINUTES} min)` : lead >= 0 ? `${who}: covered it from ${clock(peak.peakStartMs - lead * 60_000)} (lead ${lead} min)` : `${who}: covered it only from ${clock(peak.peakStartMs - lead * 60_000)}, ${-lead} min after it began`;
    const peakShade = [{ startMs: peak.peakStartMs, endMs: peak.peakEndMs, label: "peak" }];
    panels.push(
      panel([`${utcDate(peak.dayStartMs)} (UTC), ${peak.reason}, at the trace's ${data.stepMinutes}-min step (no aggregation). Yellow: the day's busiest ${PEAK_WINDOW_MINUTES} minutes.`], day, dayUnder, peakShade, data.stepMinutes),
      panel(
        [
          `${utcDate(peak.dayStartMs)} ${clock(peak.peakStartMs)}–${clock(peak.peakEndMs)} UTC, the busiest ${PEAK_WINDOW_MINUTES} minutes (yellow); their mean demand ${Number(peak.peakLevel.toPrecision(4))} is the dotted line ready capacity must stay above.`,
          `${covered("PSE", peak.predictiveLeadMinutes)}. ${covered("Reactive HPA", peak.reactiveLeadMinutes)}.`,
        ],
        zoom,
        zoomUnder,
        peakShade,
        data.stepMinutes,
        peak.peakLevel,
      ),
    );
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { ...simulationChartTitle(data, context, result.capacityPerPod), anchor: "start", fontSize: 15 },
    vconcat: panels,
    spacing: 28,
    resolve: { scale: { color: "shared", x: "independent", y: "independent" } },
    config: { legend: { orient: "top", labelLimit: 400, title: null }, axis: { labelFontSize: 11 } },
  };
}

/** Renders the replay chart to SVG with Vega-Lite → Vega (headless view). */
export async function renderSimulationChart(result: SimulationResult, context: SimulateReportContext): Promise<string> {
  const importEsm = new Function("specifier", "return import(specifier)") as <T>(specifier: string) => Promise<T>;
  const [vegaLite, vega] = await Promise.all([importEsm<VegaLiteModule>("vega-lite"), importEsm<VegaModule>("vega")]);
  const view = new vega.View(vega.parse(vegaLite.compile(simulationChartSpec(result, context)).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

interface Shade {
  readonly startMs: number;
  readonly endMs: number;
  readonly label: string;
}

const PLOT_HEIGHT = 250;
/** The under-provisioning strips sit above the plot, one row per autoscaler, in pixels from its top. */
const STRIP_ROWS: Record<(typeof AUTOSCALERS)[number], [number, number]> = { "reactive HPA": [-22, -15], PSE: [-12, -5] };

/** One time panel: series lines (mean) over their lowest–highest bands, shaded spans, and a strip per autoscaler marking under-provisioned minutes. */
function panel(title: string[], rows: BucketRow[], under: UnderProvisionedRow[], shades: Shade[], bucketMinutes: number, level?: number): object {
  const starts = rows.map((r) => r.startMs);
  const span = starts.length === 0 ? 0 : (Math.max(...rows.map((r) => r.endMs)) - Math.min(...starts)) / 60_000;
  const x = {
    field: "startMs",
    type: "temporal",
    title: null,
    scale: { type: "utc", nice: false },
    axis: { labelExpr: UTC_TICK_LABEL, tickCount: tickInterval(span), labelOverlap: true, grid: true },
  };
  const colour = { field: "series", type: "nominal", scale: { domain: [...CHART_SERIES], range: SERIES_COLOURS }, legend: { symbolType: "stroke", symbolOpacity: 1, symbolStrokeWidth: 3 } };
  const layers: object[] = [
    { data: { values: shades }, mark: { type: "rect", color: "#f2c14e", opacity: 0.25 }, encoding: { x, x2: { field: "endMs" } } },
    { mark: { type: "area", interpolate: "step-after", opacity: 0.18 }, encoding: { x, y: { field: "min", type: "quantitative" }, y2: { field: "max" }, color: colour } },
    {
      mark: { type: "line", interpolate: "step-after", strokeWidth: bucketMinutes > 1 ? 1.2 : 1 },
      encoding: { x, y: { field: "mean", type: "quantitative", title: "load (trace units per step)" }, color: colour, strokeDash: { condition: { test: "datum.series === 'PSE forecast (upper quantile)'", value: [4, 2] }, value: [1, 0] } },
    },
    ...AUTOSCALERS.flatMap((autoscaler, i) => [
      {
        data: { values: under.filter((u) => u.autoscaler === autoscaler) },
        mark: { type: "rect", color: AUTOSCALER_COLOURS[i], clip: false },
        encoding: { x, x2: { field: "endMs" }, y: { value: STRIP_ROWS[autoscaler][0] }, y2: { value: STRIP_ROWS[autoscaler][1] } },
      },
      {
        data: { values: [{ text: `${autoscaler} under-provisioned (${under.filter((u) => u.autoscaler === autoscaler).reduce((sum, u) => sum + u.minutes, 0)} min)` }] },
        mark: { type: "text", align: "right", baseline: "middle", fontSize: 10, color: AUTOSCALER_COLOURS[i] },
        encoding: { text: { field: "text" }, x: { value: -6 }, y: { value: (STRIP_ROWS[autoscaler][0] + STRIP_ROWS[autoscaler][1]) / 2 } },
      },
    ]),
  ];
  if (level !== undefined) layers.push({ data: { values: [{ level }] }, mark: { type: "rule", strokeDash: [2, 2], color: "#444444" }, encoding: { y: { field: "level", type: "quantitative" } } });
  return { title: { text: title, anchor: "start", fontSize: 12, offset: 26 }, width: WIDTH, height: PLOT_HEIGHT, data: { values: rows }, layer: layers };
}

function utcDate(ms: number): string {
  return new Date(ms).toLocaleDateString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
}

function formatMinutes(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-min`;
}
