import { ENSEMBLE_DEFAULTS, type EnsembleOptions } from "../../runtime/detection/ensemble";

/** One configuration the selection procedure may choose, with the knobs it sets. */
export interface EnsembleCandidate {
  readonly name: string;
  readonly options: EnsembleOptions;
}

/**
 * The configurations the anomaly benchmark chooses among: every combination of the two knobs the detector
 * does not learn per series that moved scores between corpora in development — a second, 10-point
 * likelihood average for the seasonal-residual detector (short spikes), and the new-extreme tolerance (5% or
 * 20% of the range seen). Everything else is `ENSEMBLE_DEFAULTS`.
 */
export const ENSEMBLE_CANDIDATES: readonly EnsembleCandidate[] = [false, true].flatMap((shortSpikes) =>
  [0.05, 0.2].map((tolerance) => ({
    name: `${shortSpikes ? "spike likelihood over 10 and 30 points" : "likelihood over 30 points"}, new extreme > ${tolerance * 100}%`,
    options: { ...ENSEMBLE_DEFAULTS, extraSmoothings: shortSpikes ? [10] : [], extraSmoothingsFor: ["seasonal-residual"], newExtremeTolerance: tolerance },
  })),
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
