import type { DetectorReading, ExpectedBand, StreamingDetector } from "./detector";
import { DailyProfileDetector, DAILY_PROFILE_DEFAULTS, type DailyProfileOptions } from "./detectors/daily-profile";
import { LevelShiftDetector, LEVEL_SHIFT_DEFAULTS, type LevelShiftOptions } from "./detectors/level-shift";
import { RangeNoveltyDetector, RANGE_NOVELTY_DEFAULTS, type RangeNoveltyOptions } from "./detectors/range-novelty";
import { SeasonalResidualDetector, SEASONAL_RESIDUAL_DEFAULTS, type SeasonalResidualOptions } from "./detectors/seasonal-residual";
import { RingBuffer } from "./ring-buffer";
import { SurpriseCalibrator, SURPRISE_DEFAULTS, type SurpriseOptions } from "./surprise-calibrator";

/** The detectors the ensemble can run. */
export type DetectorName = "seasonal-residual" | "level-shift" | "range-novelty" | "daily-profile";

/** One configuration of the whole detector, used unchanged for every series. */
export interface EnsembleOptions {
  readonly seasonalResidual: SeasonalResidualOptions;
  readonly levelShift: LevelShiftOptions;
  readonly rangeNovelty: RangeNoveltyOptions;
  readonly dailyProfile: DailyProfileOptions;
  /** Detectors to run, by name. @default all of them */
  readonly detectors: readonly DetectorName[];
  /**
   * Weight of each detector's calibrated score in the ensemble maximum: how much evidence a detector's
   * surprise is worth, learned once over the whole NAB corpus (never per series).
   */
  readonly weights: Readonly<Record<DetectorName, number>>;
  readonly surprise: SurpriseOptions;
  /**
   * Points after a peak during which a score must beat that peak to be reported in full (otherwise it is
   * damped): an ongoing incident is reported once, at its onset, not on every point. @default 20
   */
  readonly refractory: number;
  /** Factor applied to scores that do not beat the recent peak. @default 0.5 */
  readonly damping: number;
}

export const ENSEMBLE_DEFAULTS: EnsembleOptions = {
  seasonalResidual: SEASONAL_RESIDUAL_DEFAULTS,
  levelShift: LEVEL_SHIFT_DEFAULTS,
  rangeNovelty: RANGE_NOVELTY_DEFAULTS,
  dailyProfile: DAILY_PROFILE_DEFAULTS,
  detectors: ["seasonal-residual", "level-shift", "range-novelty", "daily-profile"],
  weights: { "seasonal-residual": 0.6, "level-shift": 0.4, "range-novelty": 1, "daily-profile": 0.5 },
  surprise: SURPRISE_DEFAULTS,
  refractory: 20,
  damping: 0.5,
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
  /** The band the winning detector expected the value in (the first detector's when it has none). */
  readonly expected?: ExpectedBand;
  /** The winning detector's own calibrated score before the refractory damping. */
  readonly rawScore: number;
}

/**
 * Runs every detector on each point, calibrates each detector's statistic against its own history on
 * this series, keeps the most surprised detector, and damps repeats within an ongoing episode.
 */
export class AnomalyEnsemble {
  private readonly detectors: StreamingDetector[];
  private readonly calibrators: SurpriseCalibrator[];
  private readonly weights: number[];
  private readonly recentScores: RingBuffer;

  constructor(private readonly options: EnsembleOptions = ENSEMBLE_DEFAULTS) {
    const factories: Record<DetectorName, () => StreamingDetector> = {
      "seasonal-residual": () => new SeasonalResidualDetector(options.seasonalResidual),
      "level-shift": () => new LevelShiftDetector(options.levelShift),
      "range-novelty": () => new RangeNoveltyDetector(options.rangeNovelty),
      "daily-profile": () => new DailyProfileDetector(options.dailyProfile),
    };
    this.detectors = options.detectors.map((name) => factories[name]());
    this.weights = options.detectors.map((name) => options.weights[name]);
    this.calibrators = this.detectors.map(() => new SurpriseCalibrator(options.surprise));
    this.recentScores = new RingBuffer(Math.max(1, options.refractory));
  }

  update(timestampMs: number, value: number): PointScore {
    let best = -1;
    let bestScore = -1;
    let expected: ExpectedBand | undefined;
    const readings = this.detectors.map((detector) => detector.update(timestampMs, value));
    readings.forEach((reading, i) => {
      const score = this.weights[i] * this.calibrators[i].update(reading.raw).score;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
      if (expected === undefined) expected = reading.expected;
    });
    let peak = 0;
    for (let i = 0; i < this.recentScores.length; i++) peak = Math.max(peak, this.recentScores.at(i));
    this.recentScores.push(bestScore);
    const score = bestScore > peak ? bestScore : bestScore * this.options.damping;
    const winner = this.detectors[best];
    const band = readings[best].expected ?? expected;
    return { score, detector: winner.name, kind: winner.catches, direction: readings[best].direction, expected: band, rawScore: bestScore };
  }
}
