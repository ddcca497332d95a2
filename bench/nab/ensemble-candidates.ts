import { CHANGEPOINT_DEFAULTS } from "../../runtime/detection/detectors/changepoint";
import { ENSEMBLE_DEFAULTS, type EnsembleOptions } from "../../runtime/detection/ensemble";

/** One configuration the selection procedure may choose, with the knobs it sets. */
export interface EnsembleCandidate {
  readonly name: string;
  readonly options: EnsembleOptions;
}

const DAY_MS = 86_400_000;

/** The knobs the grid sets; everything else is `ENSEMBLE_DEFAULTS`. */
interface Knobs {
  readonly changepoint: boolean;
  readonly shortSpikes: boolean;
  readonly extremeOnFiveMinuteMean: boolean;
  readonly tolerance: number;
  readonly afterDays: number;
}

function candidate(k: Knobs): EnsembleCandidate {
  const extreme = `new extreme${k.extremeOnFiveMinuteMean ? " of the 5-minute mean" : ""} > ${k.tolerance * 100}% after ${k.afterDays} day${k.afterDays === 1 ? "" : "s"}`;
  return {
    name: `${k.shortSpikes ? "spike likelihood over 10 and 30 points" : "likelihood over 30 points"}, ${extreme}, ${k.changepoint ? "changepoint at 0.7" : "no changepoint"}`,
    options: {
      ...ENSEMBLE_DEFAULTS,
      extraSmoothings: k.shortSpikes ? [10] : [],
      extraSmoothingsFor: ["seasonal-residual"],
      rangeNovelty: { ...ENSEMBLE_DEFAULTS.rangeNovelty, averageOverMs: k.extremeOnFiveMinuteMean ? 300_000 : undefined },
      newExtremeTolerance: k.tolerance,
      newExtremeAfterMs: k.afterDays * DAY_MS,
      changepoint: k.changepoint ? { weight: 0.7, options: CHANGEPOINT_DEFAULTS } : undefined,
    },
  };
}

/**
 * The configurations the anomaly benchmark chooses among: every combination of the knobs the detector does not
 * learn per series that moved scores between corpora in development — a second, 10-point likelihood average for
 * the seasonal-residual detector (short spikes); the changepoint detector (left out, or in at weight 0.7); and
 * the new-extreme rule's reading (the raw value or its 5-minute mean), tolerance (5% or 20% of the range seen)
 * and warm-up (1 or 3 days of the series seen).
 */
export const ENSEMBLE_CANDIDATES: readonly EnsembleCandidate[] = [false, true].flatMap((changepoint) =>
  [false, true].flatMap((shortSpikes) =>
    [false, true].flatMap((extremeOnFiveMinuteMean) =>
      [0.05, 0.2].flatMap((tolerance) => [1, 3].map((afterDays) => candidate({ changepoint, shortSpikes, extremeOnFiveMinuteMean, tolerance, afterDays }))),
    ),
  ),
);

/**
 * The selection procedure: the candidate with the highest mean NAB standard score over the training corpora
 * (ties to the earlier candidate). `scores[candidate][corpus]` is a normalised standard score.
 */
export function chooseCandidate(scores: readonly Readonly<Record<string, number>>[], training: readonly string[]): number {
  let best = 0;
  let bestMean = Number.NEGATIVE_INFINITY;
  scores.forEach((byCorpus, index) => {
    const mean = training.reduce((sum, corpus) => sum + byCorpus[corpus], 0) / training.length;
    if (mean > bestMean) {
      best = index;
      bestMean = mean;
    }
  });
  return best;
}
