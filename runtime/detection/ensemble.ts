import { AnomalyLikelihood, ANOMALY_LIKELIHOOD_DEFAULTS, type AnomalyLikelihoodOptions } from "./anomaly-likelihood";
import type { DetectorReading, ExpectedBand, StreamingDetector } from "./detector";
import { ChangepointDetector, CHANGEPOINT_DEFAULTS, type ChangepointOptions } from "./detectors/changepoint";
import { ContextNoveltyDetector, CONTEXT_NOVELTY_DEFAULTS, type ContextNoveltyOptions } from "./detectors/context-novelty";
import { DailyProfileDetector, DAILY_PROFILE_DEFAULTS, type DailyProfileOptions } from "./detectors/daily-profile";
import { LevelShiftDetector, LEVEL_SHIFT_DEFAULTS, type LevelShiftOptions } from "./detectors/level-shift";
import { RangeNoveltyDetector, RANGE_NOVELTY_DEFAULTS, type RangeNoveltyOptions } from "./detectors/range-novelty";
import { SeasonalResidualDetector, SEASONAL_RESIDUAL_DEFAULTS, type SeasonalResidualOptions } from "./detectors/seasonal-residual";

/** The detectors whose raw statistics the ensemble turns into anomaly likelihoods. */
export type DetectorName = "context-novelty" | "seasonal-residual" | "level-shift" | "daily-profile";

/** One configuration of the whole detector, used unchanged for every series. */
export interface EnsembleOptions {
  readonly contextNovelty: ContextNoveltyOptions;
  /**
   * Time scales of context novelty: one detector per entry, reading the mean of that many points
   * (1 = the raw series). Each has its own likelihood; the most surprised wins. @default [1, 4]
   */
  readonly contextScales: readonly number[];
  /**
   * One more context novelty detector whose symbols carry the time of day: it reads the mean of the last
   * `averageOverMs` and splits the day into `buckets`. `undefined` leaves it out.
   * @default { buckets: 24, averageOverMs: 3_600_000 } (the hourly mean in the context of the hour of day)
   */
  readonly timeOfDayContext?: { readonly buckets: number; readonly averageOverMs: number };
  readonly seasonalResidual: SeasonalResidualOptions;
  readonly levelShift: LevelShiftOptions;
  readonly dailyProfile: DailyProfileOptions;
  /** Detectors to run through the anomaly likelihood, by name. */
  readonly detectors: readonly DetectorName[];
  readonly likelihood: AnomalyLikelihoodOptions;
  /**
   * Extra averaging spans (in points) of the likelihood, beside `likelihood.smoothing`: each detector gets one
   * likelihood per span, the most surprised wins. A short span reacts to brief anomalies; the long one
   * weighs a lasting change above a lone outlier. @default [] (none; the anomaly benchmark's candidates try [10])
   */
  readonly extraSmoothings?: readonly number[];
  /** The detectors (by name) that get the extra smoothings; all when undefined. @default ["seasonal-residual"] */
  readonly extraSmoothingsFor?: readonly string[];
  /**
   * A changepoint detector scored directly, not through a likelihood: its statistic is already a probability-like
   * judgement in [0, 1], and a changepoint is worth `weight` (below 1, so it ranks under a saturated likelihood
   * or a new extreme). `undefined` leaves it out. @default { weight: 0.7, options: CHANGEPOINT_DEFAULTS }
   */
  readonly changepoint?: { readonly weight: number; readonly options: ChangepointOptions };
  /** The range the new-extreme rule tracks. @default { warmup: 50, averageOverMs: 300_000 } (records of the 5-minute mean) */
  readonly rangeNovelty: RangeNoveltyOptions;
  /**
   * A value beyond everything seen so far by more than this fraction of the range seen so far scores 1
   * outright, whatever the likelihoods say (a new extreme is rare and almost always worth a look). @default 0.05
   */
  readonly newExtremeTolerance: number;
  /**
   * The new-extreme rule applies only once the series spans this long (from its first timestamp). Until
   * several daily cycles have been seen, a day's peak is a new extreme by chance alone (with d exchangeable
   * days seen, the next sets a record with probability 1/(d + 1)). `undefined` applies it at once.
   * @default 259_200_000 (3 days)
   */
  readonly newExtremeAfterMs?: number;
  /**
   * After a score of at least `level`, the next `period` points score 0: an incident is reported once, at
   * its onset, and its aftermath does not raise new alarms. @default { level: 0.7, period: 10 }
   */
  readonly rest: { readonly level: number; readonly period: number };
}

export const ENSEMBLE_DEFAULTS: EnsembleOptions = {
  contextNovelty: CONTEXT_NOVELTY_DEFAULTS,
  contextScales: [1, 4],
  timeOfDayContext: { buckets: 24, averageOverMs: 3_600_000 },
  seasonalResidual: SEASONAL_RESIDUAL_DEFAULTS,
  levelShift: LEVEL_SHIFT_DEFAULTS,
  dailyProfile: DAILY_PROFILE_DEFAULTS,
  detectors: ["context-novelty", "seasonal-residual", "level-shift"],
  likelihood: ANOMALY_LIKELIHOOD_DEFAULTS,
  extraSmoothings: [],
  extraSmoothingsFor: ["seasonal-residual"],
  changepoint: { weight: 0.7, options: CHANGEPOINT_DEFAULTS },
  rangeNovelty: { ...RANGE_NOVELTY_DEFAULTS, averageOverMs: 300_000 },
  newExtremeTolerance: 0.05,
  newExtremeAfterMs: 259_200_000,
  rest: { level: 0.7, period: 10 },
};

/** The ensemble's verdict on one point. */
export interface PointScore {
  /** Anomaly score in [0, 1]. */
  readonly score: number;
  /** The detector that produced the score. */
  readonly detector: string;
  /** What that detector catches, e.g. `spike`. */
  readonly kind: string;
  readonly direction: DetectorReading["direction"];
  /** What the winning detector judged, when it is not the point's own value. */
  readonly judged?: DetectorReading["judged"];
  /** The band the winning detector expected the value in (the first detector's with a band when it has none). */
  readonly expected?: ExpectedBand;
  /** The winning detector's score before the rest period (equal to `score` outside one). */
  readonly rawScore: number;
}

/**
 * Scores each point from the past only: a value far beyond every value seen so far scores 1; otherwise
 * each detector's raw statistic becomes an anomaly likelihood, a changepoint counts at its weight, and the
 * most surprised detector wins. After a high score the ensemble rests for a while, so an incident raises one alarm, at its onset.
 */
export class AnomalyEnsemble {
  private readonly detectors: StreamingDetector[];
  private readonly likelihoods: AnomalyLikelihood[][];
  private readonly range: RangeNoveltyDetector;
  private readonly changepoint: ChangepointDetector | undefined;
  private sinceAlarm = Number.POSITIVE_INFINITY;
  private firstTimestamp: number | undefined;

  constructor(private readonly options: EnsembleOptions = ENSEMBLE_DEFAULTS) {
    const factories: Record<DetectorName, () => StreamingDetector[]> = {
      "context-novelty": () => [
        ...options.contextScales.map((averageOver) => new ContextNoveltyDetector({ ...options.contextNovelty, averageOver })),
        ...(options.timeOfDayContext === undefined
          ? []
          : [new ContextNoveltyDetector({ ...options.contextNovelty, averageOverMs: options.timeOfDayContext.averageOverMs, timeOfDayBuckets: options.timeOfDayContext.buckets })]),
      ],
      "seasonal-residual": () => [new SeasonalResidualDetector(options.seasonalResidual)],
      "level-shift": () => [new LevelShiftDetector(options.levelShift)],
      "daily-profile": () => [new DailyProfileDetector(options.dailyProfile)],
    };
    const detectors = options.detectors.flatMap((name) => factories[name]());
    const smoothings = [options.likelihood.smoothing, ...(options.extraSmoothings ?? [])];
    this.detectors = detectors;
    this.likelihoods = detectors.map((detector) =>
      (options.extraSmoothingsFor === undefined || options.extraSmoothingsFor.includes(detector.name) ? smoothings : smoothings.slice(0, 1)).map(
        (smoothing) => new AnomalyLikelihood({ ...options.likelihood, smoothing }),
      ),
    );
    this.range = new RangeNoveltyDetector(options.rangeNovelty);
    this.changepoint = options.changepoint === undefined ? undefined : new ChangepointDetector(options.changepoint.options);
  }

  update(timestampMs: number, value: number): PointScore {
    const extreme = this.range.update(timestampMs, value);
    this.firstTimestamp ??= timestampMs;
    const extremeRuleOn = timestampMs - this.firstTimestamp >= (this.options.newExtremeAfterMs ?? 0);
    let winner: StreamingDetector = this.range;
    let reading = extreme;
    let best = extremeRuleOn && extreme.raw > this.options.newExtremeTolerance ? 1 : 0;
    let band: ExpectedBand | undefined;
    this.detectors.forEach((detector, i) => {
      const current = detector.update(timestampMs, value);
      let score = 0;
      for (const likelihood of this.likelihoods[i]) score = Math.max(score, likelihood.update(current.raw));
      if (score > best) {
        best = score;
        winner = detector;
        reading = current;
      }
      band ??= current.expected;
    });
    if (this.changepoint !== undefined && this.options.changepoint !== undefined) {
      const current = this.changepoint.update(timestampMs, value);
      const score = this.options.changepoint.weight * current.raw;
      if (score > best) {
        best = score;
        winner = this.changepoint;
        reading = current;
      }
    }
    band ??= extreme.expected;
    const resting = this.sinceAlarm < this.options.rest.period;
    this.sinceAlarm = best >= this.options.rest.level ? 0 : this.sinceAlarm + 1;
    return {
      score: resting ? 0 : best,
      detector: winner.name,
      kind: winner.catches,
      direction: reading.direction,
      ...(reading.judged === undefined ? {} : { judged: reading.judged }),
      expected: reading.expected ?? band,
      rawScore: best,
    };
  }
}
