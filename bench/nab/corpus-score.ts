import type { CostMatrix, ProfileName } from "./cost-matrix";
import { NAB_PROFILES, PROFILE_NAMES } from "./cost-matrix";
import type { LabelledSeries } from "./labelled-series";
import { normaliseScore } from "./normalise";
import { sweepSeries } from "./sweep";
import { optimiseThreshold, scoreAtThreshold, type ThresholdScore } from "./threshold-score";

/** A detector's result on one profile. */
export interface ProfileResult {
  readonly profile: ProfileName;
  readonly threshold: number;
  readonly raw: ThresholdScore;
  /** 0 = null detector, 100 = perfect. */
  readonly normalised: number;
}

/** Anomaly scores for every series of a corpus, in the corpus order. */
export interface DetectorRun {
  readonly series: readonly LabelledSeries[];
  readonly anomalyScores: ReadonlyArray<ArrayLike<number>>;
}

function windowCount(series: readonly LabelledSeries[]): number {
  return series.reduce((sum, s) => sum + s.windows.length, 0);
}

/** Scores a detector on one profile: at the given threshold, or at the corpus-wide optimum when none is given. */
export function scoreProfile(run: DetectorRun, profile: ProfileName, threshold?: number, cost: CostMatrix = NAB_PROFILES[profile]): ProfileResult {
  const swept = run.series.map((s, i) => sweepSeries(s, run.anomalyScores[i], cost));
  const raw = threshold === undefined ? optimiseThreshold(swept, cost) : scoreAtThreshold(swept, cost, threshold);
  const scoredWindows = swept.reduce((n, s) => n + new Set(Array.from(s.role).filter((role) => role >= 0)).size, 0);
  return { profile, threshold: raw.threshold, raw, normalised: normaliseScore(raw.score, windowCount(run.series), cost, scoredWindows) };
}

/** Scores a detector on all three published profiles. */
export function scoreAllProfiles(run: DetectorRun, thresholds?: Partial<Record<ProfileName, number>>): ProfileResult[] {
  return PROFILE_NAMES.map((profile) => scoreProfile(run, profile, thresholds?.[profile]));
}
