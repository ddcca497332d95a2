import { CHANGEPOINT_DEFAULTS } from "../../runtime/detection/detectors/changepoint";
import { ENSEMBLE_DEFAULTS, type EnsembleOptions } from "../../runtime/detection/ensemble";

/** One configuration the selection procedure may choose, with the knobs it sets. */
export interface EnsembleCandidate {
  readonly name: string;
  readonly options: EnsembleOptions;
}

/**
 * The configurations the anomaly benchmark chooses among: every combination of the three knobs the detector
 * does not learn per series that moved scores between corpora in development — a second, 10-point likelihood
 * average for the seasonal-residual detector (short spikes), the new-extreme tolerance (5% or 20% of the range
 * seen), and the changepoint detector (left out, or in at weight 0.7). Everything else is `ENSEMBLE_DEFAULTS`.
 */
export const ENSEMBLE_CANDIDATES: readonly EnsembleCandidate[] = [false, true].flatMap((changepoint) =>
  [false, true].flatMap((shortSpikes) =>
    [0.05, 0.2].map((tolerance) => ({
      name: `${shortSpikes ? "spike likelihood over 10 and 30 points" : "likelihood over 30 points"}, new extreme > ${tolerance * 100}%, ${changepoint ? "changepoint at 0.7" : "no changepoint"}`,
      options: {
        ...ENSEMBLE_DEFAULTS,
        extraSmoothings: shortSpikes ? [10] : [],
        extraSmoothingsFor: ["seasonal-residual"],
        newExtremeTolerance: tolerance,
        changepoint: changepoint ? { weight: 0.7, options: CHANGEPOINT_DEFAULTS } : undefined,
      },
    })),
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
