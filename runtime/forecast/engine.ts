import { PSE_CANDIDATES } from "./candidates";
import { fillGaps } from "./gap-fill";
import type { FittedModel, ForecastModel, ModelInput } from "./models/model";
import type { RegularSeries } from "./regular-series";
import { seasonalPeriods } from "./seasonality";
import { quantileSorted, sortedFinite } from "./statistics";
import { IDENTITY, logTransformFor, type ValueTransform } from "./value-transform";

/** Raised when a series is too short (or too sparse) for any forecast with a backtest behind it. */
export class InsufficientHistoryError extends Error {
  constructor(
    /** Observed steps needed for this horizon. */
    readonly needed: number,
    /** Observed steps in the series. */
    readonly got: number,
    /** What is wrong and how to fix it, when it is not simply too few observed steps. */
    detail?: string,
  ) {
    super(detail ?? `the series has ${got} observed step(s); at least ${needed} are needed for this horizon (3 × horizon + 8)`);
    this.name = "InsufficientHistoryError";
  }
}

export interface FitOptions {
  /** Steps ahead to forecast (≥ 1). */
  readonly horizonSteps: number;
  /** Models to choose from; defaults to {@link PSE_CANDIDATES}. */
  readonly candidates?: readonly ForecastModel[];
  /** How many of the best candidates are averaged when their average backtests better. @default 4 */
  readonly ensembleSize?: number;
}

/** One candidate's backtest score. */
export interface CandidateScore {
  readonly name: string;
  /** Mean absolute error over the validation origins and all horizons, in the series' units. */
  readonly meanAbsoluteError: number;
}

/** Point forecasts from one origin, with an error distribution per horizon step. */
export interface ForecastPath {
  /** Time of the origin (the last input step), epoch ms. */
  readonly lastTimestampMs: number;
  /** Point forecasts for the steps after the origin, in the series' units. */
  readonly values: Float64Array;
  /** The value at horizon step h (1-based) that the actual stays under with probability q, from backtest residual quantiles. */
  quantile(h: number, q: number): number;
}

/** A fitted forecast from the end of a series: point values and an error distribution per horizon. */
export interface ForecastFit {
  /** The chosen model (an ensemble is written `mean(a, b, c)`), with its transform. */
  readonly model: string;
  readonly stepSeconds: number;
  /** Time of the last step of the input, epoch ms. */
  readonly lastTimestampMs: number;
  /** Point forecasts for the steps after the last input step, in the series' units. */
  readonly values: Float64Array;
  readonly scores: readonly CandidateScore[];
  /** Validation origins used by the backtest. */
  readonly backtestOrigins: number;
  /** The value at horizon step h (1-based) that the actual stays under with probability q, from backtest residual quantiles. */
  quantile(h: number, q: number): number;
  /**
   * Forecasts from the end of `newer` — the fitted series extended by later steps (same start and
   * step, gaps allowed) — with the fitted parameters and the same residual quantiles, without
   * refitting: cheap enough to call at every step between scheduled refits.
   */
  forecastFrom(newer: RegularSeries): ForecastPath;
}

const MAX_VALIDATION_ORIGINS = 400;
const DEFAULT_ENSEMBLE_SIZE = 4;
const MIN_RESIDUALS_PER_HORIZON = 20;

/** A candidate model in one transform space. */
interface Candidate {
  readonly name: string;
  readonly model: ForecastModel;
  readonly transform: ValueTransform;
}

/**
 * The Predictive Scaling Engine's forecaster. Fills gaps, then for each candidate model and
 * transform backtests by rolling origin over the last part of the series (fitted on what came
 * before), picks the lowest-error candidate (or the mean of the best few when that is better),
 * refits it on the whole series and attaches prediction intervals from its backtest residuals.
 */
export function fitForecast(series: RegularSeries, options: FitOptions): ForecastFit {
  const horizon = options.horizonSteps;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizonSteps must be a whole number ≥ 1, got ${horizon}`);
  const n = series.values.length;
  let observedCount = 0;
  for (const v of series.values) if (Number.isFinite(v)) observedCount++;
  const needed = 3 * horizon + 8;
  if (observedCount < needed) throw new InsufficientHistoryError(needed, observedCount);

  const periods = seasonalPeriods(series.stepSeconds, n);
  const filled = fillGaps(series.values, periods.daily);
  const transforms = [IDENTITY, logTransformFor(filled.values)].filter((t): t is ValueTransform => t !== undefined);
  const inputs = new Map(transforms.map((t) => [t.name, transformedInput(filled.values, filled.observed, periods, t)]));

  const validationSpan = Math.max(horizon + 4, Math.min(Math.floor(n * 0.25), periods.daily ? 7 * periods.daily : n));
  const fitEnd = validationStart(filled.observed, validationSpan, horizon, observedCount);
  const origins = validationOrigins(filled.observed, fitEnd - 1, n - 1 - horizon);
  const actual = series.values;

  const candidates: Candidate[] = [];
  for (const model of options.candidates ?? PSE_CANDIDATES) {
    if (model.minHistory(periods, horizon) > fitEnd) continue;
    for (const transform of transforms) candidates.push({ name: `${model.name}/${transform.name}`, model, transform });
  }
  const backtests = candidates.map((c) => backtest(c, inputs.get(c.transform.name)!, fitEnd, horizon, origins));
  const errors = backtests.map((forecasts) => residualsOf(forecasts, origins, actual, horizon));
  const scored = candidates.map((c, i) => ({ candidate: c, index: i, mae: meanAbsolute(errors[i]) })).sort((a, b) => a.mae - b.mae);

  if (!Number.isFinite(scored[0]?.mae)) {
    const measurable = origins.some((o) => Array.from({ length: horizon }, (_, h) => actual[o + h + 1]).some(Number.isFinite));
    throw new InsufficientHistoryError(
      needed,
      observedCount,
      measurable
        ? "no candidate model produced a finite forecast in the backtest: the values are too large to compute with; rescale the series (e.g. divide it by 1e6)"
        : `no backtest origin in the last ${n - fitEnd} steps has an observed value ${horizon === 1 ? "1 step" : `1–${horizon} steps`} later, so no forecast error can be measured: the end of the series is too sparse for its ${series.stepSeconds} s step; resample it to a coarser step or give rows without gaps`,
    );
  }
  const ensembleSize = Math.min(options.ensembleSize ?? DEFAULT_ENSEMBLE_SIZE, scored.length);
  let members = [scored[0]];
  let chosenResiduals = errors[scored[0].index];
  if (ensembleSize > 1) {
    const top = scored.slice(0, ensembleSize);
    const averaged = backtests[top[0].index].map((_, o) =>
      backtests[top[0].index][o].map((_, h) => top.reduce((sum, m) => sum + backtests[m.index][o][h], 0) / top.length),
    );
    const ensembleResiduals = residualsOf(averaged, origins, actual, horizon);
    if (meanAbsolute(ensembleResiduals) < scored[0].mae) [members, chosenResiduals] = [top, ensembleResiduals];
  }

  const fittedMembers = members.map((member) => ({ transform: member.candidate.transform, model: member.candidate.model.fit(inputs.get(member.candidate.transform.name)!, n, horizon) }));
  const pointForecast = (inputOf: (transform: ValueTransform) => Float64Array, origin: number): Float64Array => {
    const values = new Float64Array(horizon);
    for (const member of fittedMembers) {
      const forecast = member.model.forecastAt(inputOf(member.transform), origin, horizon);
      for (let h = 0; h < horizon; h++) values[h] += member.transform.inverse(forecast[h]) / fittedMembers.length;
    }
    return values;
  };
  const sortedResiduals = residualDistributions(chosenResiduals, horizon);
  const path = (values: Float64Array, lastTimestampMs: number): ForecastPath => ({
    lastTimestampMs,
    values,
    quantile: (h, q) => values[h - 1] + quantileSorted(sortedResiduals[h - 1], q),
  });
  const forecastFrom = (newer: RegularSeries): ForecastPath => {
    if (newer.stepSeconds !== series.stepSeconds || newer.startMs !== series.startMs || newer.values.length < n) {
      throw new RangeError(`forecastFrom needs the fitted series extended by later steps (start ${series.startMs}, step ${series.stepSeconds} s, ≥ ${n} steps)`);
    }
    const extended = fillGaps(newer.values, periods.daily).values;
    const transformed = new Map<string, Float64Array>();
    const inputOf = (t: ValueTransform) => transformed.get(t.name) ?? transformed.set(t.name, extended.map((v) => t.forward(v))).get(t.name)!;
    return path(pointForecast(inputOf, newer.values.length - 1), newer.startMs + (newer.values.length - 1) * newer.stepSeconds * 1000);
  };
  const scores = scored.map((s) => ({ name: s.candidate.name, meanAbsoluteError: s.mae }));
  return {
    ...path(pointForecast((t) => inputs.get(t.name)!.values, n - 1), series.startMs + (n - 1) * series.stepSeconds * 1000),
    model: members.length === 1 ? members[0].candidate.name : `mean(${members.map((m) => m.candidate.name).join(", ")})`,
    stepSeconds: series.stepSeconds,
    scores,
    backtestOrigins: origins.length,
    forecastFrom,
  };
}

function transformedInput(values: Float64Array, observed: Uint8Array, periods: ModelInput["periods"], transform: ValueTransform): ModelInput {
  return { values: values.map((v) => transform.forward(v)), observed, periods };
}

/**
 * Where the backtest span starts: the last `span` steps, reached further back over gaps (a
 * monitoring outage at the end of the history) only when they hold too few observed steps for
 * {@link MIN_RESIDUALS_PER_HORIZON} origins per horizon (at most half of `span`, and of all observed
 * steps, are asked for), so the backtest measures forecasts against real values.
 */
function validationStart(observed: Uint8Array, span: number, horizon: number, observedCount: number): number {
  const wanted = Math.min(Math.ceil(span / 2), horizon + MIN_RESIDUALS_PER_HORIZON, Math.floor(observedCount / 2));
  let start = observed.length - span;
  let count = 0;
  for (let k = start; k < observed.length; k++) count += observed[k];
  while (count < wanted && start > 1) count += observed[--start];
  return start;
}

function validationOrigins(observed: Uint8Array, first: number, last: number): number[] {
  const all: number[] = [];
  for (let o = first; o <= last; o++) if (observed[o]) all.push(o);
  if (all.length <= MAX_VALIDATION_ORIGINS) return all;
  const stride = all.length / MAX_VALIDATION_ORIGINS;
  return Array.from({ length: MAX_VALIDATION_ORIGINS }, (_, i) => all[Math.floor(i * stride)]);
}

/** Forecasts (original units) from each validation origin with the model fitted before the validation span. */
function backtest(candidate: Candidate, input: ModelInput, fitEnd: number, horizon: number, origins: readonly number[]): number[][] {
  const fitted: FittedModel = candidate.model.fit(input, fitEnd, horizon);
  return origins.map((o) => Array.from(fitted.forecastAt(input.values, o, horizon), (z) => candidate.transform.inverse(z)));
}

/** residuals[h][k] = actual − forecast at horizon h+1 for each origin whose target was observed. */
function residualsOf(forecasts: readonly number[][], origins: readonly number[], actual: Float64Array, horizon: number): number[][] {
  const residuals: number[][] = Array.from({ length: horizon }, () => []);
  origins.forEach((o, k) => {
    for (let h = 1; h <= horizon; h++) {
      const target = actual[o + h];
      if (Number.isFinite(target)) residuals[h - 1].push(target - forecasts[k][h - 1]);
    }
  });
  return residuals;
}

/** Mean absolute residual; Infinity when there is none, or when a forecast was not finite (the candidate cannot serve every horizon). */
function meanAbsolute(residuals: readonly number[][]): number {
  let sum = 0;
  let count = 0;
  for (const row of residuals) {
    for (const r of row) {
      if (!Number.isFinite(r)) return Infinity;
      [sum, count] = [sum + Math.abs(r), count + 1];
    }
  }
  return count === 0 ? Infinity : sum / count;
}

/** Sorted residuals per horizon; a horizon with too few falls back to all horizons pooled. */
function residualDistributions(residuals: readonly number[][], horizon: number): Float64Array[] {
  const pooled = sortedFinite(residuals.flat());
  return Array.from({ length: horizon }, (_, h) => {
    const own = sortedFinite(residuals[h]);
    return own.length >= MIN_RESIDUALS_PER_HORIZON || pooled.length === 0 ? own : pooled;
  });
}
