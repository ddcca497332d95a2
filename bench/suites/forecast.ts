import type { BenchSuite } from "../run";
import { forecastingCorpus, type CorpusSeries } from "../../runtime/forecast/evaluation/corpus";
import { benchDataDir, benchDataPath } from "../bench-data";
import { augursMstlForecaster, modelForecaster, pseForecaster } from "../../runtime/forecast/evaluation/forecasters";
import type { AccuracyAccumulator } from "../../runtime/forecast/evaluation/accuracy";
import { centredReferenceAccuracy, REFERENCE_HALF_WIDTH_MINUTES } from "../../runtime/forecast/evaluation/centred-reference";
import { evaluateRollingOrigin, type Forecaster, type RollingOriginResult } from "../../runtime/forecast/evaluation/rolling-origin";
import { holtWinters } from "../../runtime/forecast/models/holt-winters";
import { persistence } from "../../runtime/forecast/models/persistence";
import { seasonalNaive } from "../../runtime/forecast/models/seasonal-naive";

const HORIZON_MINUTES = [15, 30] as const;
const ORIGINS_PER_SERIES = 16;
const TEST_FRACTION = 0.25;
const HISTORY_DAYS = 35;
const DENSE_ORIGINS = 200;
/** The request-rate series (requests, taxi trips, page hits per step), scored again with many more origins. */
const REQUEST_RATE_SERIES = ["nyc_taxi", "elb_request_count_8c0756", "nasa_http_1995", "worldcup98"];
const WITHIN_PERCENT = 8;

interface SeriesResult {
  readonly corpus: CorpusSeries;
  /** Steps ahead for each of HORIZON_MINUTES; undefined when the minutes are not a whole number of steps. */
  readonly horizonSteps: ReadonlyArray<number | undefined>;
  readonly results: RollingOriginResult[];
}

async function evaluate(corpus: CorpusSeries, forecasters: readonly Forecaster[], origins: number): Promise<SeriesResult> {
  const step = corpus.series.stepSeconds;
  const horizonSteps = HORIZON_MINUTES.map((m) => (Number.isInteger((m * 60) / step) ? (m * 60) / step : undefined));
  const scored = horizonSteps.filter((h): h is number => h !== undefined);
  const results = await evaluateRollingOrigin(corpus.series, forecasters, {
    horizons: scored,
    origins,
    testFraction: TEST_FRACTION,
    historySteps: Math.round((HISTORY_DAYS * 86_400) / step),
  });
  return { corpus, horizonSteps, results };
}

function cell(result: RollingOriginResult, horizonSteps: ReadonlyArray<number | undefined>, minutesIndex: number, metric: "mape" | "wape"): number | undefined {
  const h = horizonSteps[minutesIndex];
  if (h === undefined) return undefined;
  const scoredIndex = horizonSteps.slice(0, minutesIndex).filter((x) => x !== undefined).length;
  const value = result.accuracy[scoredIndex][metric];
  return Number.isFinite(value) ? value : undefined;
}

const format = (value: number | undefined, digits = 1) => (value === undefined ? "–" : value.toFixed(digits));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
};

function summaryTable(all: readonly SeriesResult[], names: readonly string[]): string {
  const lines = [
    "| model | mean WAPE 15 min | mean WAPE 30 min | mean MAPE 15 min | mean MAPE 30 min | median MAPE 30 min | series won (WAPE 30 min) | fit ms/call | predict ms/call |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  const winners = new Map<string, number>();
  for (const s of all) {
    const scores = s.results.map((r) => cell(r, s.horizonSteps, 1, "wape") ?? Infinity);
    const best = Math.min(...scores);
    s.results.forEach((r, i) => scores[i] === best && winners.set(r.forecaster, (winners.get(r.forecaster) ?? 0) + 1));
  }
  names.forEach((name, f) => {
    const collect = (minutesIndex: number, metric: "mape" | "wape") =>
      all.map((s) => cell(s.results[f], s.horizonSteps, minutesIndex, metric)).filter((v): v is number => v !== undefined);
    const fits = all.reduce((sum, s) => sum + s.results[f].fits, 0);
    const fitTime = all.reduce((sum, s) => sum + s.results[f].fitMilliseconds, 0) / fits;
    const predictTime = all.reduce((sum, s) => sum + s.results[f].predictMilliseconds, 0) / fits;
    lines.push(
      `| ${name} | ${format(mean(collect(0, "wape")), 2)} | ${format(mean(collect(1, "wape")), 2)} | ${format(mean(collect(0, "mape")), 2)} | ${format(mean(collect(1, "mape")), 2)} | ${format(median(collect(1, "mape")), 2)} | ${winners.get(name) ?? 0}/${all.length} | ${fitTime.toFixed(1)} | ${predictTime.toFixed(2)} |`,
    );
  });
  return lines.join("\n");
}

function perSeriesTable(all: readonly SeriesResult[], names: readonly string[]): string {
  const header = `| series | step | ${names.map((n) => `${n} WAPE 15 / 30`).join(" | ")} | ${names.map((n) => `${n} MAPE 30`).join(" | ")} |`;
  const lines = [header, `|${"---|".repeat(2 + 2 * names.length)}`];
  for (const s of all) {
    const wape = s.results.map((r) => `${format(cell(r, s.horizonSteps, 0, "wape"))} / ${format(cell(r, s.horizonSteps, 1, "wape"))}`);
    const mape = s.results.map((r) => format(cell(r, s.horizonSteps, 1, "mape")));
    lines.push(`| ${s.corpus.group}/${s.corpus.name} | ${s.corpus.series.stepSeconds / 60} min | ${wape.join(" | ")} | ${mape.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The 30-minute accuracy of a forecaster's (or the reference's) accumulators: the last scored horizon. */
const at30 = (accuracy: readonly AccuracyAccumulator[]): AccuracyAccumulator => accuracy[accuracy.length - 1];

/** One row of the request-rate overview: the PSE, the best other forecaster on each measure, the centred reference (30 minutes ahead). */
function requestRateOverviewRow(dense: SeriesResult, reference: readonly AccuracyAccumulator[]): string {
  const { corpus, results } = dense;
  const [pse, ...others] = results;
  const best = (metric: "mape" | "wape") => {
    const winner = [...others].sort((a, b) => at30(a.accuracy)[metric] - at30(b.accuracy)[metric])[0];
    return `${format(at30(winner.accuracy)[metric], 2)} (${winner.forecaster})`;
  };
  const share = (accuracy: readonly AccuracyAccumulator[]) => `${format(at30(accuracy).shareWithin(WITHIN_PERCENT))}%`;
  return `| ${corpus.name} (${corpus.series.stepSeconds / 60} min) | ${format(at30(pse.accuracy).mape, 2)} / ${format(at30(pse.accuracy).wape, 2)} | ${share(pse.accuracy)} | ${best("mape")} | ${best("wape")} | ${format(at30(reference).mape, 2)} / ${format(at30(reference).wape, 2)}, ${share(reference)} |`;
}

function requestRateSection(dense: SeriesResult, reference: readonly AccuracyAccumulator[]): string {
  const { corpus, horizonSteps, results } = dense;
  const row = (name: string, accuracy: readonly AccuracyAccumulator[], fits: number | string) => {
    const at = (minutesIndex: number) => (horizonSteps[minutesIndex] === undefined ? undefined : accuracy[horizonSteps.slice(0, minutesIndex).filter((x) => x !== undefined).length]);
    const metric = (minutesIndex: number, pick: (a: AccuracyAccumulator) => number) => {
      const a = at(minutesIndex);
      return format(a && Number.isFinite(pick(a)) ? pick(a) : undefined, 2);
    };
    return `| ${name} | ${metric(0, (a) => a.mape)} | ${metric(1, (a) => a.mape)} | ${metric(0, (a) => a.wape)} | ${metric(1, (a) => a.wape)} | ${metric(1, (a) => a.shareWithin(WITHIN_PERCENT))} | ${fits} |`;
  };
  return [
    `**${corpus.group}/${corpus.name}** (${corpus.series.stepSeconds / 60}-minute steps)`,
    "",
    `| model | MAPE 15 min | MAPE 30 min | WAPE 15 min | WAPE 30 min | within ±${WITHIN_PERCENT}% at 30 min | origins |`,
    "|---|---|---|---|---|---|---|",
    ...results.map((r) => row(r.forecaster, r.accuracy, r.fits)),
    row("_centred reference (sees the future)_", reference, "–"),
    "",
  ].join("\n");
}

const suite: BenchSuite = {
  name: "forecast",
  description:
    "Rolling-origin accuracy (MAPE, WAPE at 15 and 30 minutes ahead) of the Predictive Scaling Engine versus persistence, seasonal naive (day, week), Holt-Winters and augurs MSTL on the real series of NAB and the NASA-HTTP and WorldCup-98 traces.",
  async run() {
    benchDataPath("nab");
    benchDataPath("traffic");
    const corpus = forecastingCorpus(benchDataDir());
    const forecasters: Forecaster[] = [
      pseForecaster,
      modelForecaster("persistence", persistence),
      modelForecaster("seasonal naive (day)", seasonalNaive("daily")),
      modelForecaster("seasonal naive (week)", seasonalNaive("weekly")),
      modelForecaster("Holt-Winters (day)", holtWinters(["daily"])),
      await augursMstlForecaster(),
    ];
    const names = forecasters.map((f) => f.name);
    const all: SeriesResult[] = [];
    for (const series of corpus) all.push(await evaluate(series, forecasters, ORIGINS_PER_SERIES));
    const denseSections: string[] = [];
    const overview: string[] = [];
    for (const name of REQUEST_RATE_SERIES) {
      const series = corpus.find((c) => c.name === name);
      if (!series) continue;
      const dense = await evaluate(series, forecasters, DENSE_ORIGINS);
      const scored = dense.horizonSteps.filter((h): h is number => h !== undefined);
      const reference = centredReferenceAccuracy(series.series, { horizons: scored, origins: DENSE_ORIGINS, testFraction: TEST_FRACTION });
      overview.push(requestRateOverviewRow(dense, reference));
      denseSections.push(requestRateSection(dense, reference));
    }
    return [
      `Protocol: ${corpus.length} series; ${ORIGINS_PER_SERIES} forecast origins per series spread evenly over the last ${TEST_FRACTION * 100}% of the series; at each origin every model is refitted on at most the last ${HISTORY_DAYS} days before the origin and nothing after it (the PSE re-runs its own model selection). NAB files are binned onto their most common step (mean per bin, empty bins are gaps); NASA and WorldCup-98 per-minute counts are summed to 5 minutes. 15 min is not scored on 30- and 10-minute series ("–"). MAPE skips zero actuals. One configuration for every series. Seasonal naive (week) falls back to persistence where the history is shorter than two weeks plus a day. Fit: refitting at an origin (the PSE's model selection included); predict: forecasting from the fitted model (the PSE's forecastFrom, what the scaler runs at every step between refits).`,
      "",
      "### Summary",
      "",
      summaryTable(all, names),
      "",
      `### Request-rate series, ${DENSE_ORIGINS} origins each`,
      "",
      `The same protocol with ${DENSE_ORIGINS} origins, so that single flash crowds weigh less. "within ±${WITHIN_PERCENT}%": share of the 30-minute forecasts within ±${WITHIN_PERCENT}% of the actual. The centred reference is not a forecaster: it replaces each target by the mean of its neighbours within ±${REFERENCE_HALF_WIDTH_MINUTES} minutes (future included), a yardstick of the series' own step-to-step noise; on smooth series a forecast is not expected to beat it by much, on spiky ones (where the neighbours' mean is a poor guess) it is no bound.`,
      "",
      `| series (step) | PSE MAPE / WAPE 30 min | PSE within ±${WITHIN_PERCENT}% | best other MAPE | best other WAPE | centred reference MAPE / WAPE, within ±${WITHIN_PERCENT}% |`,
      "|---|---|---|---|---|---|",
      ...overview,
      "",
      ...denseSections,
      "### Per series",
      "",
      perSeriesTable(all, names),
      "",
    ].join("\n");
  },
};

export default suite;
