import { AnomalyEnsemble, type EnsembleOptions } from "../../runtime/detection/ensemble";
import type { NabSeries } from "./corpus";

/** The ensemble's anomaly score for every row of every series, a fresh ensemble per series, each row from the past only. */
export function ensembleScores(series: readonly NabSeries[], options: EnsembleOptions): number[][] {
  return series.map((s) => {
    const ensemble = new AnomalyEnsemble(options);
    return s.values.map((v, i) => ensemble.update(s.timestamps[i], v).score);
  });
}
