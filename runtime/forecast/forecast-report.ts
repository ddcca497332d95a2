import { fitForecast, InsufficientHistoryError } from "./engine";
import { toRegularSeries } from "./regular-series";
import { readSeriesCsv } from "./series-csv";
import { formatTimestamp } from "./timestamp";

/** One forecast step, as `icna forecast --json` prints it. */
export interface ForecastPoint {
  /** `YYYY-MM-DD HH:MM:SS` UTC (`.mmm` appended when not a whole second). */
  readonly timestamp: string;
  readonly value: number;
  /** Lower bound of the prediction interval. */
  readonly lower: number;
  /** Upper bound of the prediction interval. */
  readonly upper: number;
}

export interface ForecastReport {
  readonly step_seconds: number;
  readonly forecast: ForecastPoint[];
}

export interface ForecastRequest {
  readonly csvText: string;
  /** File name for error messages. */
  readonly sourceName: string;
  readonly horizonMinutes: number;
  /** Central probability of the interval (0.9 = 5th to 95th percentile). @default 0.9 */
  readonly intervalLevel?: number;
}

/** The chosen model and its backtest, for the human-readable output. */
export interface ForecastDiagnostics {
  readonly model: string;
  readonly backtestOrigins: number;
  /** Input rows merged into a row with the same timestamp (mean of the values). */
  readonly mergedRepeats: number;
  /** Input rows off the step grid, moved to the nearest step. */
  readonly movedToGrid: number;
  /** Input rows with an empty value cell (gaps). */
  readonly emptyValues: number;
}

/** A request the forecaster cannot serve, in the user's terms. */
export class ForecastRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForecastRequestError";
  }
}

/** What was done to the input to put it on a grid, in words (`undefined` when nothing was). */
export function describeInputRepairs(diagnostics: ForecastDiagnostics): string | undefined {
  const repairs = [
    diagnostics.mergedRepeats > 0 ? `${diagnostics.mergedRepeats} row(s) with a repeated timestamp merged by mean` : "",
    diagnostics.movedToGrid > 0 ? `${diagnostics.movedToGrid} row(s) off the step grid moved to the nearest step` : "",
    diagnostics.emptyValues > 0 ? `${diagnostics.emptyValues} empty value cell(s) read as gaps` : "",
  ].filter(Boolean);
  return repairs.length > 0 ? `input: ${repairs.join("; ")}` : undefined;
}

/** Reads a `timestamp,value` CSV and forecasts every step after its last row up to the horizon. */
export function forecastFromCsv(request: ForecastRequest): { report: ForecastReport; diagnostics: ForecastDiagnostics } {
  const level = request.intervalLevel ?? 0.9;
  if (!(level > 0 && level < 1)) throw new ForecastRequestError(`interval level must be between 0 and 1 (exclusive), got ${level}`);
  if (!(request.horizonMinutes > 0)) throw new ForecastRequestError(`horizon must be a positive number of minutes, got ${request.horizonMinutes}`);
  const csv = readSeriesCsv(request.csvText, request.sourceName);
  const steps = Math.floor((request.horizonMinutes * 60) / csv.stepSeconds);
  if (steps < 1) {
    throw new ForecastRequestError(`horizon ${request.horizonMinutes} min is shorter than the series step (${csv.stepSeconds / 60} min); ask for at least ${csv.stepSeconds / 60} min`);
  }
  const series = toRegularSeries(csv);
  let fit;
  try {
    fit = fitForecast(series, { horizonSteps: steps });
  } catch (error) {
    if (error instanceof InsufficientHistoryError) {
      throw new ForecastRequestError(`${request.sourceName}:${csv.lastLine}: ${error.got < error.needed ? tooFewRows(error, request.horizonMinutes, steps, csv.stepSeconds) : error.message}`);
    }
    throw error;
  }
  const nonNegative = csv.values.every((v) => v >= 0);
  const floor = (v: number) => (nonNegative ? Math.max(0, v) : v);
  const forecast = Array.from(fit.values, (value, i): ForecastPoint => {
    const h = i + 1;
    const lower = Math.min(value, fit.quantile(h, (1 - level) / 2));
    const upper = Math.max(value, fit.quantile(h, (1 + level) / 2));
    return {
      timestamp: formatTimestamp(fit.lastTimestampMs + h * csv.stepSeconds * 1000),
      value: round(floor(value)),
      lower: round(floor(lower)),
      upper: round(floor(upper)),
    };
  });
  return { report: { step_seconds: csv.stepSeconds, forecast }, diagnostics: { model: fit.model, backtestOrigins: fit.backtestOrigins, mergedRepeats: csv.mergedRepeats, movedToGrid: csv.movedToGrid, emptyValues: csv.emptyValues } };
}

/** What the rows lack for the horizon, and the longest horizon they allow. */
function tooFewRows(error: InsufficientHistoryError, horizonMinutes: number, steps: number, stepSeconds: number): string {
  const longest = Math.floor((error.got - 8) / 3);
  const stepText = stepSeconds % 60 === 0 ? `${stepSeconds / 60} min` : `${stepSeconds} s`;
  const fix = `give ${error.needed - error.got} more row(s)${longest >= 1 ? ` or a horizon of at most ${round((longest * stepSeconds) / 60)} min` : ""}`;
  return `the series has ${error.got} observed step(s); a ${horizonMinutes} min horizon (${steps} step${steps === 1 ? "" : "s"} of ${stepText}) needs at least ${error.needed} (3 × horizon steps + 8): ${fix}`;
}

function round(value: number): number {
  return Number(value.toPrecision(8));
}
